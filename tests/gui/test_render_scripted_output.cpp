// Scripted outputs in QtWebEngine pages: a real plotly.py figure draws with Debian's plotly.js,
// a Vega spec draws its marks, TeX in trusted HTML is typeset by Debian's MathJax, HTML too
// big for a data: URL comes through the quire-asset: scheme, and the scheme serves nothing
// off its lists. Untrusted outputs run none of it and show their next type.
// With QUIRE_RENDER_SHOTS=<dir>, the Plotly and Vega outputs' screenshots are written there.
#include "editor/render/html_output_view.h"
#include "editor/render/image_output_view.h"
#include "editor/render/output_area.h"
#include "editor/render/output_renderers.h"
#include "editor/render/scripted_outputs.h"
#include "editor/render/text_output_view.h"
#include "editor/render/web_asset_scheme.h"
#include "editor/render/web_assets.h"
#include "editor/render/web_output_page.h"
#include "editor/render/web_request_guard.h"
#include "tests/common/web_page.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEngineScript>
#include <QWebEngineView>

using namespace quire::editor;

namespace {

constexpr int kLoadTimeout = 60000;

const char* const kPlotlyMime = "application/vnd.plotly.v1+json";
const char* const kVegaMime = "application/vnd.vega.v5+json";

Json displayData(Json data) {
    return Json{{"output_type", "display_data"}, {"metadata", Json::object()}, {"data", data}};
}

QVariant evaluate(QWebEnginePage* page, const QString& script) {
    return quire::test::evaluateInPage(page, script, kLoadTimeout);
}

bool waitLoaded(HtmlOutputView* view) {
    return quire::test::waitPageLoaded(view, kLoadTimeout);
}

// The share of `image`'s pixels within a small distance of `color`.
double colorShare(const QImage& image, QColor color) {
    qint64 hits = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - color.red()) + std::abs(c.green() - color.green()) +
                    std::abs(c.blue() - color.blue()) <
                24)
                ++hits;
        }
    }
    return image.isNull() ? 0 : double(hits) / double(image.width() * image.height());
}

// A real figure from Debian's python3-plotly (to_json is what its Jupyter renderer sends).
Json plotlyFigure() {
    QProcess python;
    python.start(qEnvironmentVariable("QUIRE_PYTHON", QStringLiteral("/usr/bin/python3")),
                 {QStringLiteral("-c"),
                  QStringLiteral("import plotly.graph_objects as go\n"
                                 "print(go.Figure(go.Bar(x=[1, 2], y=[3, 4])).to_json())\n")});
    if (!python.waitForFinished(120000) || python.exitCode() != 0)
        return {};
    return Json::parse(python.readAllStandardOutput().toStdString(), nullptr, false);
}

// A bar chart of three values, drawn in one red.
Json vegaBarSpec() {
    const auto row = [](const char* category, int amount) {
        return Json{{"category", category}, {"amount", amount}};
    };
    const auto field = [](const char* scale, const char* name) {
        return Json{{"scale", scale}, {"field", name}};
    };
    return Json{
        {"$schema", "https://vega.github.io/schema/vega/v5.json"},
        {"width", 300},
        {"height", 160},
        {"padding", 5},
        {"data",
         Json::array({Json{{"name", "table"},
                           {"values", Json::array({row("A", 28), row("B", 55), row("C", 43)})}}})},
        {"scales", Json::array({Json{{"name", "x"},
                                     {"type", "band"},
                                     {"domain", {{"data", "table"}, {"field", "category"}}},
                                     {"range", "width"},
                                     {"padding", 0.1}},
                                Json{{"name", "y"},
                                     {"type", "linear"},
                                     {"domain", {{"data", "table"}, {"field", "amount"}}},
                                     {"nice", true},
                                     {"range", "height"}}})},
        {"axes", Json::array({Json{{"orient", "bottom"}, {"scale", "x"}},
                              Json{{"orient", "left"}, {"scale", "y"}}})},
        {"marks", Json::array({Json{{"type", "rect"},
                                    {"from", {{"data", "table"}}},
                                    {"encode",
                                     {{"enter",
                                       {{"x", field("x", "category")},
                                        {"width", {{"scale", "x"}, {"band", 1}}},
                                        {"y", field("y", "amount")},
                                        {"y2", {{"scale", "y"}, {"value", 0}}},
                                        {"fill", {{"value", "#d62728"}}}}}}}}})}};
}

} // namespace

class TestRenderScriptedOutput : public QObject {
    Q_OBJECT

    QTcpServer m_server; // the "network" pages must never reach

private slots:
    void initTestCase() {
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
        QVERIFY2(WebAssets::hasPlotly(), qPrintable(WebAssets::directory()));
        QVERIFY(WebAssets::hasVega());
        QVERIFY2(WebAssets::hasMathJax(), "libjs-mathjax is not installed");
        const QStringList types = OutputRendererRegistry::instance().mimeTypes(true);
        QVERIFY(types.contains(kPlotlyMime));
        QVERIFY(types.contains(kVegaMime));
        QVERIFY(!OutputRendererRegistry::instance().mimeTypes(false).contains(kPlotlyMime));
    }

    void assetListsAdmitNothingElse() {
        QVERIFY(!WebAssets::bundledFile(u"plotly.js").isEmpty());
        QVERIFY(!WebAssets::bundledFile(u"vega/vega-util.js").isEmpty());
        QVERIFY(WebAssets::bundledFile(u"../../../../etc/passwd").isEmpty());
        QVERIFY(WebAssets::bundledFile(u"vega/../plotly.js").isEmpty());
        QVERIFY(WebAssets::bundledFile(u"vega/vega-util.min.js").isEmpty()); // not on the list
        QVERIFY(WebAssets::bundledFile(u"/etc/passwd").isEmpty());
        QVERIFY(!WebAssets::mathJaxFile(u"MathJax.js").isEmpty());
        QVERIFY(!WebAssets::mathJaxFile(u"jax/output/SVG/jax.js").isEmpty());
        QVERIFY(WebAssets::mathJaxFile(u"../../../../etc/passwd").isEmpty());
        QVERIFY(WebAssets::mathJaxFile(u"jax/../../../../../etc/passwd").isEmpty());
        QVERIFY(WebAssets::mathJaxFile(u"/etc/passwd").isEmpty());
        QVERIFY(WebAssets::mathJaxFile(u"..").isEmpty());
        QVERIFY(WebAssets::mathJaxFile(u"jax").isEmpty()); // a folder
    }

    void missingScriptsRegisterNoRenderer() {
        // A build without python3-plotly or libjs-vega: their outputs fall back.
        QTemporaryDir empty;
        QVERIFY(empty.isValid());
        OutputRendererRegistry& registry = OutputRendererRegistry::instance();
        registry.remove(kPlotlyMime);
        registry.remove(kVegaMime);
        const QByteArray before = qgetenv("QUIRE_WEB_ASSETS");
        qputenv("QUIRE_WEB_ASSETS", empty.path().toUtf8());
        QVERIFY(!WebAssets::hasPlotly());
        QVERIFY(!WebAssets::hasVega());
        addScriptedOutputRenderers(registry);
        QVERIFY(!registry.mimeTypes(true).contains(kPlotlyMime));
        QVERIFY(!registry.mimeTypes(true).contains(kVegaMime));
        if (before.isNull())
            qunsetenv("QUIRE_WEB_ASSETS");
        else
            qputenv("QUIRE_WEB_ASSETS", before);
        addScriptedOutputRenderers(registry);
        QVERIFY(registry.mimeTypes(true).contains(kPlotlyMime));
        QVERIFY(registry.isTrustedOnly(kPlotlyMime));
        QVERIFY(registry.isTrustedOnly(kVegaMime));
    }

    void plotlyFigureDraws() {
        const Json figure = plotlyFigure();
        QVERIFY2(figure.is_object() && figure.contains("data"), "python3-plotly made no figure");
        QWidget window;
        window.resize(700, 600);
        auto* area = new OutputArea(&window);
        area->setGeometry(0, 0, 700, 600);
        area->setTrusted(true);
        area->setOutputs(
            Json::array({displayData({{kPlotlyMime, figure}, {"text/plain", "Figure({...})"}})}));
        window.show();
        auto* view = qobject_cast<HtmlOutputView*>(area->outputView(0));
        QVERIFY(view);
        QVERIFY(waitLoaded(view));
        QTRY_COMPARE_WITH_TIMEOUT(
            evaluate(view->page(), QStringLiteral("document.querySelectorAll('.plotly "
                                                  "svg.main-svg').length > 0"))
                .toBool(),
            true, kLoadTimeout);
        // Two bars, and the page is as tall as the plot (Plotly's default 450 px).
        QTRY_COMPARE_WITH_TIMEOUT(
            evaluate(view->page(), QStringLiteral("document.querySelectorAll('.bars .point')"
                                                  ".length"))
                .toInt(),
            2, kLoadTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(view->contentHeight() > 400, kLoadTimeout);
        QTRY_COMPARE(view->height(), view->contentHeight());
        // As wide as the output (responsive), not Plotly's default 700 px.
        const int plotWidth =
            evaluate(view->page(), QStringLiteral("document.querySelector('.main-svg')"
                                                  ".getBoundingClientRect().width"))
                .toInt();
        QVERIFY2(std::abs(plotWidth - view->width()) < 30,
                 qPrintable(QStringLiteral("%1 vs %2").arg(plotWidth).arg(view->width())));
        // Pixels: plotly's first trace colour (#636efa) fills the bars.
        QImage shot;
        QTRY_VERIFY_WITH_TIMEOUT(
            (shot = window.grab().toImage(),
             colorShare(shot.copy(view->geometry().translated(area->mapTo(&window, QPoint()))),
                        QColor(0x63, 0x6e, 0xfa)) > 0.05),
            kLoadTimeout);
        if (const QString dir = qEnvironmentVariable("QUIRE_RENDER_SHOTS"); !dir.isEmpty())
            shot.save(QDir(dir).filePath(QStringLiteral("plotly_output.png")));
    }

    void untrustedPlotlyShowsItsNextType() {
        const Json figure = plotlyFigure();
        QVERIFY(figure.is_object());
        OutputArea area;
        area.resize(600, 300);
        area.setTrusted(false);
        area.setOutputs(
            Json::array({displayData({{kPlotlyMime, figure}, {"text/plain", "Figure({...})"}})}));
        area.show();
        QVERIFY(qobject_cast<TextOutputView*>(area.outputView(0)));
        // The factory itself refuses too, whoever asks it.
        QCOMPARE(OutputRendererRegistry::instance().create(displayData({{kPlotlyMime, figure}}),
                                                           kPlotlyMime, {false}, nullptr),
                 nullptr);
    }

    void vegaSpecDrawsItsMarks() {
        QWidget window;
        window.resize(600, 400);
        auto* area = new OutputArea(&window);
        area->setGeometry(0, 0, 600, 400);
        area->setTrusted(true);
        area->setOutputs(Json::array(
            {displayData({{kVegaMime, vegaBarSpec()}, {"text/plain", "<VegaChart>"}})}));
        window.show();
        auto* view = qobject_cast<HtmlOutputView*>(area->outputView(0));
        QVERIFY(view);
        QVERIFY(waitLoaded(view));
        QTRY_COMPARE_WITH_TIMEOUT(
            evaluate(view->page(), QStringLiteral("document.querySelectorAll('#quire-vega svg "
                                                  "g.mark-rect.role-mark path').length"))
                .toInt(),
            3, kLoadTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(view->contentHeight() > 160, kLoadTimeout);
        QImage shot;
        QTRY_VERIFY_WITH_TIMEOUT(
            (shot = window.grab().toImage(),
             colorShare(shot.copy(view->geometry().translated(area->mapTo(&window, QPoint()))),
                        QColor(0xd6, 0x27, 0x28)) > 0.03),
            kLoadTimeout);
        if (const QString dir = qEnvironmentVariable("QUIRE_RENDER_SHOTS"); !dir.isEmpty())
            shot.save(QDir(dir).filePath(QStringLiteral("vega_output.png")));
    }

    void vegaLiteDrawsOrShowsItsImage() {
        // Vega-Lite (npm's vega-lite, fetched when the build could reach npm; Debian 12 has
        // none) compiles to Vega and draws; without it, the PNG Altair sends alongside shows.
        QImage png(40, 20, QImage::Format_RGB32);
        png.fill(Qt::darkGreen);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        png.save(&buffer, "PNG");
        const Json spec = {{"$schema", "https://vega.github.io/schema/vega-lite/v5.json"},
                           {"data",
                            {{"values",
                              {{{"a", "A"}, {"b", 28}},
                               {{"a", "B"}, {"b", 55}},
                               {{"a", "C"}, {"b", 43}},
                               {{"a", "D"}, {"b", 91}}}}}},
                           {"mark", {{"type", "bar"}, {"color", "#d62728"}}},
                           {"encoding",
                            {{"x", {{"field", "a"}, {"type", "nominal"}}},
                             {"y", {{"field", "b"}, {"type", "quantitative"}}}}}};
        QWidget window;
        window.resize(600, 400);
        auto* area = new OutputArea(&window);
        area->setGeometry(0, 0, 600, 400);
        area->setTrusted(true);
        area->setOutputs(Json::array({displayData({{"application/vnd.vegalite.v5+json", spec},
                                                   {"image/png", bytes.toBase64().toStdString()},
                                                   {"text/plain", "alt.Chart(...)"}})}));
        window.show();
        if (!WebAssets::hasVegaLite()) {
            qInfo("no Vega-Lite compiler in this build: its PNG shows");
            QVERIFY(qobject_cast<ImageOutputView*>(area->outputView(0)));
            return;
        }
        auto* view = qobject_cast<HtmlOutputView*>(area->outputView(0));
        QVERIFY(view);
        QVERIFY(waitLoaded(view));
        QTRY_COMPARE_WITH_TIMEOUT(
            evaluate(view->page(), QStringLiteral("document.querySelectorAll('#quire-vega svg "
                                                  "g.mark-rect.role-mark path').length"))
                .toInt(),
            4, kLoadTimeout);
        QImage shot;
        QTRY_VERIFY_WITH_TIMEOUT(
            (shot = window.grab().toImage(),
             colorShare(shot.copy(view->geometry().translated(area->mapTo(&window, QPoint()))),
                        QColor(0xd6, 0x27, 0x28)) > 0.03),
            kLoadTimeout);
        // Untrusted: no script, the PNG.
        OutputArea untrusted;
        untrusted.setTrusted(false);
        untrusted.setOutputs(
            Json::array({displayData({{"application/vnd.vegalite.v5+json", spec},
                                      {"image/png", bytes.toBase64().toStdString()},
                                      {"text/plain", "alt.Chart(...)"}})}));
        QVERIFY(qobject_cast<ImageOutputView*>(untrusted.outputView(0)));
    }

    void mathInTrustedHtmlIsTypeset() {
        const Json output = displayData(
            {{"text/html", "<p>Energy: $E = mc^2$ and $$\\int_0^1 x^2\\,dx = \\frac{1}{3}$$</p>"},
             {"text/plain", "<HTML>"}});
        OutputArea area;
        area.resize(600, 300);
        area.setTrusted(true);
        area.setOutputs(Json::array({output}));
        area.show();
        auto* view = qobject_cast<HtmlOutputView*>(area.outputView(0));
        QVERIFY(view);
        QVERIFY(waitLoaded(view));
        QTRY_COMPARE_WITH_TIMEOUT(
            evaluate(view->page(), QStringLiteral("document.querySelectorAll('.MathJax_SVG svg, "
                                                  ".MathJax_SVG_Display svg').length"))
                .toInt(),
            2, kLoadTimeout);

        // Untrusted: no MathJax at all, the TeX stays text.
        OutputArea untrusted;
        untrusted.resize(600, 300);
        untrusted.setTrusted(false);
        untrusted.setOutputs(Json::array({output}));
        untrusted.show();
        auto* plain = qobject_cast<HtmlOutputView*>(untrusted.outputView(0));
        QVERIFY(plain);
        QVERIFY(!plain->html().contains(QStringLiteral("MathJax")));
        // HTML without math does not load it either.
        QVERIFY(!containsTexMath(QStringLiteral("<td>$5</td><td>$10</td>")));
        QVERIFY(containsTexMath(QStringLiteral("<p>\\(a+b\\)</p>")));
    }

    void htmlOverTwoMegabytesDraws() {
        QString html = QStringLiteral("<table><tbody>");
        for (int row = 0; row < 30000; ++row)
            html +=
                QStringLiteral("<tr><td>%1</td><td>row %1 of the big table</td><td>%2</td></tr>")
                    .arg(row)
                    .arg(row * 0.5);
        html += QStringLiteral("</tbody></table>");
        QVERIFY(html.toUtf8().size() > 2 * 1024 * 1024);
        OutputArea area;
        area.resize(600, 400);
        area.setTrusted(false);
        area.setOutputs(Json::array({displayData({{"text/html", html.toStdString()}})}));
        area.show();
        auto* view = qobject_cast<HtmlOutputView*>(area.outputView(0));
        QVERIFY(view);
        view->ensureWebView();
        QVERIFY(waitLoaded(view));
        QCOMPARE(view->page()->url().scheme(), QString::fromLatin1(WebAssetScheme::name()));
        QTRY_VERIFY_WITH_TIMEOUT(view->contentHeight() > 30000 * 15, kLoadTimeout);
        QCOMPARE(evaluate(view->page(), QStringLiteral("document.querySelectorAll('tr').length"))
                     .toInt(),
                 30000);
        // The document is served only while its page lives.
        WebAssetScheme* scheme = WebOutputPage::assetScheme();
        QVERIFY(scheme);
        QCOMPARE(scheme->documentCount(), 1);
        view->releaseWebView();
        QCOMPARE(scheme->documentCount(), 0);
    }

    void schemeServesOnlyItsLists() {
        // A trusted page tries each URL as a script: only the listed asset loads.
        OutputArea area;
        area.resize(500, 200);
        area.setTrusted(true);
        const QString probe = QStringLiteral(
            "<div id=\"results\"></div><script>\n"
            "const urls = ['quire-asset://web/vega/vega-util.js',\n"
            "  'quire-asset://web/..%2F..%2F..%2F..%2Fetc%2Fpasswd',\n"
            "  'quire-asset://web/vega/..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd',\n"
            "  'quire-asset://mathjax/..%2F..%2F..%2F..%2Fetc%2Fpasswd',\n"
            "  'quire-asset://mathjax/../../../../etc/passwd',\n"
            "  'quire-asset://doc/00000000000000000000000000000000',\n"
            "  'quire-asset://etc/passwd'];\n"
            "const results = urls.map(() => '?');\n"
            "urls.forEach((url, i) => {\n"
            "  const s = document.createElement('script');\n"
            "  s.onload = () => { results[i] = 'loaded'; done(); };\n"
            "  s.onerror = () => { results[i] = 'refused'; done(); };\n"
            "  s.src = url; document.head.appendChild(s);\n"
            "});\n"
            "function done() { document.getElementById('results').textContent = results.join(); }\n"
            "</script>");
        area.setOutputs(Json::array({displayData({{"text/html", probe.toStdString()}})}));
        area.show();
        auto* view = qobject_cast<HtmlOutputView*>(area.outputView(0));
        QVERIFY(view);
        QVERIFY(waitLoaded(view));
        QTRY_COMPARE_WITH_TIMEOUT(
            evaluate(view->page(), QStringLiteral("document.getElementById('results').textContent"))
                .toString(),
            QString("loaded,refused,refused,refused,refused,refused,refused"), kLoadTimeout);
    }

    void trustedPageStillReachesNoNetwork() {
        WebRequestGuard* guard = WebOutputPage::requestGuard();
        QVERIFY(guard);
        QSignalSpy blocked(guard, &WebRequestGuard::blocked);
        const QString url =
            QStringLiteral("http://127.0.0.1:%1/plotly.js").arg(m_server.serverPort());
        OutputArea area;
        area.resize(500, 200);
        area.setTrusted(true);
        area.setOutputs(Json::array({displayData(
            {{"text/html", QStringLiteral("<p id=\"p\">x</p><script src=\"%1\"></script>"
                                          "<script>document.getElementById('p').textContent = "
                                          "typeof Plotly;</script>")
                               .arg(url)
                               .toStdString()}})}));
        area.show();
        auto* view = qobject_cast<HtmlOutputView*>(area.outputView(0));
        QVERIFY(view);
        QVERIFY(waitLoaded(view));
        QTRY_COMPARE_WITH_TIMEOUT(
            evaluate(view->page(), QStringLiteral("document.getElementById('p').textContent"))
                .toString(),
            QString("undefined"), kLoadTimeout);
        QTRY_VERIFY(!blocked.isEmpty());
        QCOMPARE(blocked.first().first().toUrl(), QUrl(url));
        QVERIFY(!m_server.hasPendingConnections());
    }
};

int main(int argc, char** argv) {
    // Chromium refuses to start its sandbox as root (CI containers).
    if (qEnvironmentVariableIsEmpty("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    WebOutputPage::prepareEngine();
    QApplication app(argc, argv);
    TestRenderScriptedOutput test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_render_scripted_output.moc"
