#include "editor/render/web_assets.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace quire::editor {

namespace {

QString plotlyName() {
    return QStringLiteral("plotly.js");
}

QString existingFile(const QString& path) {
    const QFileInfo info(path);
    return info.isFile() && info.isReadable() ? info.absoluteFilePath() : QString();
}

} // namespace

QString WebAssets::directory() {
    if (const QString dir = qEnvironmentVariable("QUIRE_WEB_ASSETS"); !dir.isEmpty())
        return dir;
    return QDir::cleanPath(QCoreApplication::applicationDirPath() +
                           QStringLiteral("/../share/quire/web"));
}

QString WebAssets::mathJaxDirectory() {
    if (const QString dir = qEnvironmentVariable("QUIRE_MATHJAX_DIR"); !dir.isEmpty())
        return dir;
    return QStringLiteral("/usr/share/javascript/mathjax");
}

const QList<WebAssets::VegaModule>& WebAssets::vegaModules() {
    // Debian ships Vega as one UMD file per package (no vega.js bundle): these are the ones
    // vega's own index.js puts together, minus geo, projections and voronoi (they need
    // d3 packages Debian does not ship for the browser), in dependency order.
    static const QList<VegaModule> modules = [] {
        QList<VegaModule> list;
        const auto add = [&](const char* file, const char* module) {
            list.append({QStringLiteral("vega/") + QLatin1String(file), QLatin1String(module)});
        };
        add("vega-util.js", "vega-util");
        add("vega-canvas.browser.js", "vega-canvas");
        add("topojson-client.js", "topojson-client");
        add("vega-time.js", "vega-time");
        add("vega-format.js", "vega-format");
        add("vega-loader.browser.js", "vega-loader");
        add("vega-scale.js", "vega-scale");
        add("vega-dataflow.js", "vega-dataflow");
        add("vega-scenegraph.js", "vega-scenegraph");
        add("vega-expression.js", "vega-expression");
        add("vega-statistics.js", "vega-statistics");
        add("vega-selection.js", "vega-selections");
        add("vega-event-selector.js", "vega-event-selector");
        add("vega-functions.js", "vega-functions");
        add("vega-runtime.js", "vega-runtime");
        add("vega-view.js", "vega-view");
        add("vega-parser.js", "vega-parser");
        add("vega-transforms.js", "vega-transforms");
        add("vega-view-transforms.js", "vega-view-transforms");
        add("vega-encode.js", "vega-encode");
        add("vega-force.js", "vega-force");
        add("vega-label.js", "vega-label");
        add("vega-hierarchy.js", "vega-hierarchy");
        add("vega-regression.js", "vega-regression");
        add("vega-wordcloud.js", "vega-wordcloud");
        add("vega-crossfilter.js", "vega-crossfilter");
        return list;
    }();
    return modules;
}

QString WebAssets::bundledFile(QStringView name) {
    bool listed = name == plotlyName() || name == vegaLiteName();
    for (const VegaModule& m : vegaModules())
        listed = listed || name == m.file;
    if (!listed)
        return {};
    return existingFile(directory() + u'/' + name.toString());
}

QString WebAssets::mathJaxFile(QStringView relativePath) {
    if (relativePath.isEmpty() || relativePath.startsWith(u'/') || relativePath.contains(u'\\') ||
        relativePath.contains(QChar(0)))
        return {};
    const QString clean = QDir::cleanPath(relativePath.toString());
    if (clean == u".." || clean.startsWith(u"../") || clean.startsWith(u'/') || clean == u".")
        return {};
    return existingFile(mathJaxDirectory() + u'/' + clean);
}

bool WebAssets::hasPlotly() {
    return !bundledFile(plotlyName()).isEmpty();
}

bool WebAssets::hasVega() {
    for (const VegaModule& m : vegaModules()) {
        if (bundledFile(m.file).isEmpty())
            return false;
    }
    return true;
}

bool WebAssets::hasVegaLite() {
    return hasVega() && !bundledFile(vegaLiteName()).isEmpty();
}

bool WebAssets::hasMathJax() {
    return !mathJaxFile(u"MathJax.js").isEmpty() &&
           !mathJaxFile(u"config/TeX-AMS_SVG-full.js").isEmpty();
}

} // namespace quire::editor
