// Renders a sample markdown cell and outputs in a light and a dark palette. With
// QUIRE_RENDER_SHOTS=<dir> set, the images are written there to be looked at.
#include "editor/render/markdown_view.h"
#include "editor/render/output_area.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QPainter>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>
#include <QVBoxLayout>

using namespace quire::editor;

namespace {

const char* kMarkdown = R"(# Linear regression with $\LaTeX$

We fit $y = X\beta + \varepsilon$ with $\varepsilon \sim \mathcal{N}(0, \sigma^2 I)$, where
$\beta \in \mathbb{R}^p$ and $x_i^2 \leq \alpha_{\max}$. The estimator is

$$\hat{\beta} = (X^\top X)^{-1} X^\top y, \qquad \sum_{i=1}^{n} \frac{(y_i - \bar{y})^2}{n-1} \approx \int_0^\infty e^{-x^2}\,dx = \frac{\sqrt{\pi}}{2}$$

\begin{align}
f(x) &= \left( \frac{a}{b} \right)^2 + \sqrt{x^2 + 1} \\
g(x) &= \begin{pmatrix} 1 & 0 \\ 0 & \lambda \end{pmatrix} \vec{v}
\end{align}

```python
def fit(X, y, alpha=0.1):
    """Ridge regression."""  # closed form
    return np.linalg.solve(X.T @ X + alpha * I, X.T @ y)
```

| model | $R^2$ | time |
|-------|------:|------|
| OLS   | 0.91  | 1 ms |
| Ridge | 0.93  | 2 ms |

- [x] inline `code` and a [link](https://jupyter.org)
- [ ] ~~struck~~ item with $\frac{1}{2}$

> A quote with *emphasis* and an image: ![plot](attachment:dot.png)
)";

std::string pngBase64(const QImage& image) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes.toBase64().toStdString();
}

QImage plot() {
    QImage image(360, 180, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(31, 119, 180), 2));
    QPolygonF curve;
    for (int x = 0; x < 340; ++x)
        curve << QPointF(10 + x, 90 - 70 * std::sin(x / 40.0) * std::exp(-x / 300.0));
    p.drawPolyline(curve);
    p.setPen(Qt::black);
    p.drawLine(10, 170, 350, 170);
    p.drawLine(10, 10, 10, 170);
    p.drawText(20, 165, QStringLiteral("needs_background: light"));
    return image;
}

Json sampleOutputs() {
    Json outputs = Json::array();
    outputs.push_back(Json{{"output_type", "stream"}, {"name", "stdout"},
                           {"text", "Epoch 1/3 \x1b[32m✔\x1b[0m loss=\x1b[1m0.412\x1b[0m\n"
                                    "100%|\x1b[38;5;39m██████████\x1b[0m| 3/3 [00:01<00:00]\r"
                                    "100%|\x1b[38;2;255;128;0m██████████\x1b[0m| 3/3 [00:02<00:00]\n"
                                    "\x1b[31mred\x1b[0m \x1b[33myellow\x1b[0m \x1b[34mblue\x1b[0m "
                                    "\x1b[35mmagenta\x1b[0m \x1b[36mcyan\x1b[0m \x1b[37mwhite\x1b[0m "
                                    "\x1b[30mblack\x1b[0m \x1b[41m red bg \x1b[0m \x1b[7minverse\x1b[0m\n"}});
    outputs.push_back(Json{{"output_type", "stream"}, {"name", "stderr"},
                           {"text", "UserWarning: the learning rate is large\n"}});
    outputs.push_back(Json{{"output_type", "error"}, {"ename", "ZeroDivisionError"}, {"evalue", "division by zero"},
                           {"traceback", {"\x1b[0;31m---------------------------------------------------------------------------\x1b[0m",
                                          "\x1b[0;31mZeroDivisionError\x1b[0m                         Traceback (most recent call last)",
                                          "Cell \x1b[0;32mIn[3], line 1\x1b[0m\n\x1b[0;32m----> 1\x1b[0m \x1b[38;5;241m1\x1b[39m\x1b[38;5;241m/\x1b[39m\x1b[38;5;241m0\x1b[39m",
                                          "\x1b[0;31mZeroDivisionError\x1b[0m: division by zero"}}});
    outputs.push_back(Json{{"output_type", "execute_result"}, {"execution_count", 4},
                           {"data", {{"text/plain", "array([0.25, 0.5 , 1.  ])"}}}, {"metadata", Json::object()}});
    outputs.push_back(Json{{"output_type", "display_data"},
                           {"data", {{"image/png", pngBase64(plot())}, {"text/plain", "<Figure>"}}},
                           {"metadata", {{"needs_background", "light"}, {"image/png", {{"width", 300}}}}}});
    outputs.push_back(Json{{"output_type", "display_data"},
                           {"data", {{"text/markdown", "Markdown output: **bold**, $\\alpha^2$"}}}});
    outputs.push_back(Json{{"output_type", "display_data"},
                           {"data", {{"image/svg+xml", "<svg xmlns='http://www.w3.org/2000/svg' width='120' height='40'>"
                                                       "<rect x='1' y='1' width='118' height='38' rx='6' fill='#4a90d9'/>"
                                                       "<text x='60' y='26' font-size='16' text-anchor='middle' fill='white'>SVG</text></svg>"}}}});
    return outputs;
}

QPalette darkPalette() {
    QPalette p;
    p.setColor(QPalette::Window, QColor(37, 37, 38));
    p.setColor(QPalette::WindowText, QColor(212, 212, 212));
    p.setColor(QPalette::Base, QColor(30, 30, 30));
    p.setColor(QPalette::AlternateBase, QColor(45, 45, 45));
    p.setColor(QPalette::Text, QColor(212, 212, 212));
    p.setColor(QPalette::Button, QColor(45, 45, 45));
    p.setColor(QPalette::ButtonText, QColor(212, 212, 212));
    p.setColor(QPalette::Highlight, QColor(38, 79, 120));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(80, 80, 80));
    return p; // Link stays the default dark blue on purpose: the renderer must fix it up
}

} // namespace

class TestRenderScreenshots : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion"))); }

    void render_data() {
        QTest::addColumn<bool>("dark");
        QTest::addColumn<qreal>("pixelRatio");
        QTest::newRow("light") << false << 1.0;
        QTest::newRow("dark") << true << 1.0;
        QTest::newRow("light@2x") << false << 2.0;
    }

    void render() {
        QFETCH(bool, dark);
        QFETCH(qreal, pixelRatio);
        QWidget page;
        const QPalette palette = dark ? darkPalette() : QApplication::style()->standardPalette();
        page.setPalette(palette);
        page.setAutoFillBackground(true);
        page.setBackgroundRole(QPalette::Base);
        auto* layout = new QVBoxLayout(&page);
        auto* md = new MarkdownView(&page);
        QImage dot(24, 24, QImage::Format_RGB32);
        dot.fill(QColor(220, 60, 60));
        md->setMarkdown(QString::fromUtf8(kMarkdown), Json{{"dot.png", {{"image/png", pngBase64(dot)}}}});
        auto* outputs = new OutputArea(&page);
        outputs->setOutputs(sampleOutputs());
        layout->addWidget(md);
        layout->addWidget(outputs);
        const int width = 820;
        page.resize(width, layout->totalHeightForWidth(width));
        QVERIFY(page.height() > 600);
        QImage shot(page.size() * pixelRatio, QImage::Format_ARGB32);
        shot.setDevicePixelRatio(pixelRatio);
        shot.fill(palette.color(QPalette::Base));
        page.render(&shot);
        // Something was drawn in the text colour.
        bool inked = false;
        const QRgb base = palette.color(QPalette::Base).rgb();
        for (int y = 0; y < shot.height() && !inked; y += 3)
            for (int x = 0; x < shot.width() && !inked; x += 3)
                inked = shot.pixel(x, y) != base;
        QVERIFY(inked);
        const QString dir = qEnvironmentVariable("QUIRE_RENDER_SHOTS");
        if (!dir.isEmpty()) {
            QDir().mkpath(dir);
            const QString name = QStringLiteral("render-%1%2.png")
                                     .arg(dark ? "dark" : "light", pixelRatio > 1 ? "@2x" : "");
            QVERIFY(shot.save(QDir(dir).filePath(name)));
        }
    }
};

QTEST_MAIN(TestRenderScreenshots)
#include "test_render_screenshots.moc"
