#include "editor/render/scripted_outputs.h"

#include "editor/render/html_output_view.h"
#include "editor/render/markdown_scan.h"
#include "editor/render/mime_select.h"
#include "editor/render/output_renderers.h"
#include "editor/render/web_asset_scheme.h"
#include "editor/render/web_assets.h"

namespace quire::editor {

namespace {

// JSON as a JavaScript expression inside a <script> element.
QString scriptJson(const Json& value) {
    QString json =
        QString::fromStdString(value.dump(-1, ' ', false, Json::error_handler_t::replace));
    // "<" as \u003c (the same character to JSON and JavaScript): neither "</script" nor "<!--"
    // can reach the HTML parser, which would end or swallow the script element.
    json.replace(u'<', QStringLiteral("\\u003c"));
    return json;
}

QString scriptTag(const QString& asset, const QString& extra = {}) {
    return QStringLiteral("<script src=\"%1\"%2></script>")
        .arg(WebAssetScheme::bundledUrl(asset).toString(QUrl::FullyEncoded), extra);
}

// Vega draws on a transparent background by default, its axes and labels in dark grey: on a
// dark notebook they would vanish. Like Plotly's default template, the chart gets white.
Json withBackground(const Json& spec) {
    if (spec.contains("background"))
        return spec;
    Json copy = spec;
    copy["background"] = "white";
    return copy;
}

QWidget* scriptedView(const QString& body, QWidget* parent) {
    auto* view = new HtmlOutputView(parent);
    view->setHtml(body, true);
    return view;
}

QWidget* plotlyOutput(const Json& output, const QString& mime, const OutputRenderContext& context,
                      QWidget* parent) {
    const Json& figure = mimeValue(output, mime);
    if (!context.trusted || !figure.is_object())
        return nullptr;
    return scriptedView(plotlyOutputBody(figure), parent);
}

QWidget* vegaOutput(const Json& output, const QString& mime, const OutputRenderContext& context,
                    QWidget* parent) {
    const Json& spec = mimeValue(output, mime);
    if (!context.trusted || !spec.is_object())
        return nullptr;
    return scriptedView(vegaOutputBody(spec, mime.startsWith(u"application/vnd.vegalite")), parent);
}

} // namespace

void addScriptedOutputRenderers(OutputRendererRegistry& registry) {
    if (!WebAssetScheme::isRegistered())
        return; // no QtWebEngine set-up (WebOutputPage::prepareEngine) in this process
    if (WebAssets::hasPlotly())
        registry.add(QStringLiteral("application/vnd.plotly.v1+json"), plotlyOutput, true);
    if (WebAssets::hasVega())
        registry.add(QStringLiteral("application/vnd.vega.v5+json"), vegaOutput, true);
    if (WebAssets::hasVegaLite()) {
        // Vega-Lite 5 compiles v4 specs as well (JupyterLab renders both with it).
        registry.add(QStringLiteral("application/vnd.vegalite.v5+json"), vegaOutput, true);
        registry.add(QStringLiteral("application/vnd.vegalite.v4+json"), vegaOutput, true);
    }
}

QString plotlyOutputBody(const Json& figure) {
    Json config = figure.contains("config") && figure["config"].is_object() ? figure["config"]
                                                                            : Json::object();
    config["responsive"] = true;
    config["displaylogo"] = false;
    // The figure's own size when it has one; else Plotly's default height, our width.
    return QStringLiteral("<div id=\"quire-plotly\" class=\"quire-plotly\"></div>") +
           scriptTag(QStringLiteral("plotly.js"), QStringLiteral(" charset=\"utf-8\"")) +
           QStringLiteral("<script>(function () {\n"
                          "const figure = %1;\n"
                          "Plotly.newPlot(document.getElementById('quire-plotly'), "
                          "figure.data || [], figure.layout || {}, %2);\n"
                          "})();</script>")
               .arg(scriptJson(figure), scriptJson(config));
}

QString vegaOutputBody(const Json& spec, bool vegaLite) {
    // Debian's per-package UMD files call define(deps, factory) when an AMD loader is there;
    // this one hands each file its module name in load order and keeps the exports.
    QStringList names;
    QString tags;
    for (const WebAssets::VegaModule& m : WebAssets::vegaModules()) {
        names.append(QStringLiteral("'") + m.module + QStringLiteral("'"));
        tags += scriptTag(m.file);
    }
    if (vegaLite) {
        names.append(QStringLiteral("'vega-lite'"));
        tags += scriptTag(WebAssets::vegaLiteName());
    }
    return QStringLiteral(
               "<div id=\"quire-vega\" class=\"quire-vega\"></div>"
               "<script>(function () {\n"
               "const names = [%1];\n"
               "const modules = window.quireVegaModules = {};\n"
               "let next = 0;\n"
               "window.define = function (deps, factory) {\n"
               "  const exports = {};\n"
               "  const result = factory.apply(null, deps.map(d => d === 'exports' ?\n"
               // Vega-Lite asks for 'vega': what vega's index.js puts together.
               "      exports : d === 'vega' ? Object.assign({}, ...Object.values(modules))\n"
               "      : modules[d]));\n"
               "  modules[names[next++]] = result === undefined ? exports : result;\n"
               "};\n"
               "window.define.amd = true;\n"
               "})();</script>")
               .arg(names.join(u',')) +
           tags +
           QStringLiteral(
               "<script>(function () {\n"
               "const m = window.quireVegaModules;\n"
               "delete window.define;\n"
               // What vega's index.js does: every package's transforms in one registry.
               "for (const name of ['vega-transforms', 'vega-view-transforms', 'vega-encode',\n"
               "    'vega-force', 'vega-label', 'vega-hierarchy', 'vega-regression',\n"
               "    'vega-wordcloud', 'vega-crossfilter'])\n"
               "  Object.assign(m['vega-dataflow'].transforms, m[name]);\n"
               "const source = %1;\n"
               "const spec = m['vega-lite'] ? m['vega-lite'].compile(source).spec : source;\n"
               "const view = new m['vega-view'].View(m['vega-parser'].parse(spec),\n"
               "    {renderer: 'svg', container: '#quire-vega', hover: true});\n"
               "view.runAsync().catch(e => console.error(e));\n"
               "window.quireVegaView = view;\n"
               "})();</script>")
               .arg(scriptJson(withBackground(spec)));
}

bool containsTexMath(const QString& html) {
    // Most HTML has neither a dollar nor a backslash: no need to scan it.
    if (!html.contains(u'$') && !html.contains(u'\\'))
        return false;
    return !extractMath(html).spans.isEmpty();
}

QString withMathJax(const QString& html) {
    if (!containsTexMath(html) || !WebAssets::hasMathJax())
        return html;
    // JupyterLab's delimiters; SVG output needs no web fonts; no menu, no messages.
    const QString config =
        QStringLiteral("<script type=\"text/x-mathjax-config\">MathJax.Hub.Config({"
                       "tex2jax: {inlineMath: [['$', '$'], ['\\\\(', '\\\\)']],"
                       " displayMath: [['$$', '$$'], ['\\\\[', '\\\\]']],"
                       " processEscapes: true, processEnvironments: true},"
                       "showMathMenu: false, messageStyle: 'none', skipStartupTypeset: false,"
                       "SVG: {font: 'TeX'}});</script>");
    return config +
           QStringLiteral("<script src=\"%1\"></script>")
               .arg(WebAssetScheme::mathJaxUrl(QStringLiteral("MathJax.js"))
                        .toString(QUrl::FullyEncoded) +
                    QStringLiteral("?config=TeX-AMS_SVG-full")) +
           html;
}

} // namespace quire::editor
