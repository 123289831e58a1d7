// Renders the real main window on a sample notebook (markdown with math, code, outputs) in
// light and dark, English and Korean, and writes PNGs to $QUIRE_SHOT_DIR (default
// /tmp/quire-shots) for people to look at. It checks that something was drawn: the
// screenshots must not be blank and the light and dark ones must differ.
#include "app/controllers/file_controller.h"
#include "app/main_window.h"
#include "app/notebook_page.h"
#include "app/theme.h"
#include "editor/view/notebook_view.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QPainter>
#include <QPainterPath>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <cmath>

using namespace quire;
using editor::Json;

namespace {
std::string plotPng() {
    QImage img(480, 260, QImage::Format_RGB32);
    img.fill(Qt::white);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(Qt::gray, 1));
    p.drawLine(40, 230, 460, 230);
    p.drawLine(40, 20, 40, 230);
    QPainterPath path;
    for (int x = 0; x <= 420; ++x) {
        const double y = 125 - 90 * std::sin(x / 420.0 * 4 * M_PI) * std::exp(-x / 400.0);
        x == 0 ? path.moveTo(40 + x, y) : path.lineTo(40 + x, y);
    }
    p.setPen(QPen(QColor(0x1f, 0x77, 0xb4), 2.5));
    p.drawPath(path);
    p.end();
    QByteArray bytes;
    QBuffer buf(&bytes);
    buf.open(QIODevice::WriteOnly);
    img.save(&buf, "PNG");
    return bytes.toBase64().toStdString();
}

QString writeSample(const QString& dir) {
    Json cells = Json::array();
    auto md = [&](const char* s) {
        cells.push_back({{"cell_type", "markdown"}, {"metadata", Json::object()}, {"source", s}});
    };
    md("# Damped oscillation\n\nThe signal is $y(t) = e^{-t/\\tau} \\sin(\\omega t)$ with "
       "$\\omega = 2\\pi f$.\n\n$$E = \\frac{1}{2} m v^2 + \\sum_{i=1}^{n} x_i^2$$\n\n"
       "| parameter | value |\n|---|---|\n| $\\tau$ | 400 |\n| $f$ | 2 Hz |");
    cells.push_back(
        {{"cell_type", "code"},
         {"execution_count", 1},
         {"metadata", Json::object()},
         {"source", "import numpy as np\nimport matplotlib.pyplot as plt\n\n"
                    "t = np.linspace(0, 4, 400)\ny = np.exp(-t / 4) * np.sin(2 * np.pi * t)\n"
                    "print(f\"{len(t)} samples, peak {y.max():.3f}\")\nplt.plot(t, y)"},
         {"outputs",
          Json::array(
              {{{"output_type", "stream"},
                {"name", "stdout"},
                {"text", "400 samples, peak 0.944\n"}},
               {{"output_type", "display_data"},
                {"metadata", Json::object()},
                {"data", {{"image/png", plotPng()}, {"text/plain", "<Figure size 480x260>"}}}}})}});
    md("## Checking the data\n\n- values are **finite**\n- the peak is below "
       "`1.0`\n\n```python\nassert np.isfinite(y).all()\n```");
    cells.push_back({{"cell_type", "code"},
                     {"execution_count", 2},
                     {"metadata", Json::object()},
                     {"source", "y.max() > 1.0"},
                     {"outputs", Json::array({{{"output_type", "execute_result"},
                                               {"execution_count", 2},
                                               {"metadata", Json::object()},
                                               {"data", {{"text/plain", "False"}}}}})}});
    cells.push_back(
        {{"cell_type", "code"},
         {"execution_count", 3},
         {"metadata", Json::object()},
         {"source", "1 / 0"},
         {"outputs",
          Json::array(
              {{{"output_type", "error"},
                {"ename", "ZeroDivisionError"},
                {"evalue", "division by zero"},
                {"traceback",
                 Json::array(
                     {"\x1b[0;31m------------------------------------------------------------------"
                      "---------\x1b[0m",
                      "\x1b[0;31mZeroDivisionError\x1b[0m                         Traceback (most "
                      "recent call last)",
                      "Cell \x1b[0;32mIn[3], line 1\x1b[0m\n\x1b[0;32m----> 1\x1b[0m "
                      "\x1b[38;5;241m1\x1b[39m \x1b[38;5;241m/\x1b[39m \x1b[38;5;241m0\x1b[39m\n",
                      "\x1b[0;31mZeroDivisionError\x1b[0m: division by zero"})}}})}});
    Json nb = {{"cells", cells},
               {"metadata",
                {{"kernelspec",
                  {{"display_name", "Python 3"}, {"language", "python"}, {"name", "python3"}}}}},
               {"nbformat", 4},
               {"nbformat_minor", 4}};
    const QString path = dir + QStringLiteral("/damped-oscillation.ipynb");
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(QByteArray::fromStdString(nb.dump(1)));
    return path;
}

bool isBlank(const QImage& img) {
    const QRgb first = img.pixel(img.width() / 2, img.height() / 2);
    for (int y = 0; y < img.height(); y += 7)
        for (int x = 0; x < img.width(); x += 7)
            if (img.pixel(x, y) != first)
                return false;
    return true;
}
} // namespace

class TestScreenshots : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void shots_data() {
        QTest::addColumn<QString>("theme");
        QTest::addColumn<QString>("lang");
        for (const char* theme : {"light", "dark"})
            for (const char* lang : {"en", "ko"})
                QTest::newRow(qPrintable(QStringLiteral("%1-%2").arg(theme, lang)))
                    << theme << lang;
    }

    void shots() {
        QFETCH(QString, theme);
        QFETCH(QString, lang);
        QTranslator tr;
        if (lang == QLatin1String("ko")) {
            QVERIFY(tr.load(QStringLiteral(":/i18n/quire_ko.qm")));
            QApplication::installTranslator(&tr);
        }
        app::applyTheme(theme);
        QTemporaryDir dir;
        const QString nb = writeSample(dir.path());
        {
            app::MainWindow window;
            window.resize(1180, 860);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto* page = window.files()->openFile(nb);
            QVERIFY(page);
            page->view()->setCurrentIndex(1);
            QTest::qWait(200);
            const QImage img = window.grab().toImage();
            QVERIFY(!isBlank(img));
            const QString out =
                qEnvironmentVariable("QUIRE_SHOT_DIR", QStringLiteral("/tmp/quire-shots"));
            QDir().mkpath(out);
            QVERIFY(img.save(QStringLiteral("%1/editor-%2-%3.png").arg(out, theme, lang)));
            const QColor bg = img.pixelColor(img.width() - 30, img.height() - 30);
            QCOMPARE(bg.lightness() < 128, theme == QLatin1String("dark"));
            page->document()->undoStack()->setClean();
        }
        QApplication::removeTranslator(&tr);
    }
};

QTEST_MAIN(TestScreenshots)
#include "test_screenshots.moc"
