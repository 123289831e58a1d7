#pragma once

#include <QString>
#include <QStringList>

namespace quire::editor {

// Where the third-party scripts of scripted outputs live on disk, and which of them a page
// may load. Plotly and Vega are copied from Debian packages into <data>/quire/web when Quire
// is built (build/share/quire/web) or installed (share/quire/web); MathJax 2 stays where
// Debian's libjs-mathjax puts it. Only the names listed here are served: a name that is not
// on the list, or a MathJax path that leaves MathJax's folder, maps to no file.
class WebAssets {
public:
    // QUIRE_WEB_ASSETS, else <executable's folder>/../share/quire/web.
    static QString directory();
    // QUIRE_MATHJAX_DIR, else /usr/share/javascript/mathjax.
    static QString mathJaxDirectory();

    // The file of bundled asset `name` ("plotly.js", "vega/vega-util.js", ...); empty when
    // the name is not on the list or the file is missing.
    static QString bundledFile(QStringView name);
    // The file at `relativePath` inside MathJax's folder; empty when the path is absolute,
    // climbs out of the folder, or names no file.
    static QString mathJaxFile(QStringView relativePath);

    // Vega's modules in load order: each file's module name, as its define() knows it.
    struct VegaModule {
        QString file;   // bundled name, "vega/…"
        QString module; // AMD name, "vega-…"
    };
    static const QList<VegaModule>& vegaModules();

    static bool hasPlotly();
    static bool hasVega();
    // Vega-Lite's compiler (npm, not in Debian 12), on top of Vega.
    static QString vegaLiteName() { return QStringLiteral("vega/vega-lite.min.js"); }
    static bool hasVegaLite();
    static bool hasMathJax();
};

} // namespace quire::editor
