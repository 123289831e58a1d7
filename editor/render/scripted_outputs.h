#pragma once

#include "editor/nbformat/json.h"

#include <QString>

namespace quire::editor {

class OutputRendererRegistry;

// Outputs drawn by third-party scripts in a web page (see WebAssets for where the scripts come
// from): Plotly figures (application/vnd.plotly.v1+json) and Vega 5 specs
// (application/vnd.vega.v5+json), and TeX math in trusted HTML typeset by MathJax 2. Scripts
// run only in trusted outputs, so these renderers are trusted-only: an untrusted output shows
// the next type the kernel sent (image/png, text/plain, ...), like JupyterLab.

// Adds the renderers whose scripts are on disk now (none of a type whose script is missing,
// so its outputs fall back instead of showing a broken page).
void addScriptedOutputRenderers(OutputRendererRegistry& registry);

// The page body for a Plotly figure ({"data": [...], "layout": {...}, "config": {...}}):
// drawn by Plotly.newPlot into a div as wide as the page (responsive), as tall as its layout.
QString plotlyOutputBody(const Json& figure);

// The page body for a Vega spec: parsed and drawn as SVG by vega.View.
QString vegaOutputBody(const Json& spec, bool vegaLite = false);

// `html` with MathJax loaded in front when it has TeX math ($…$, $$…$$, \(…\), \[…\],
// \begin{…}) and MathJax is installed; otherwise `html` itself (pages stay light).
QString withMathJax(const QString& html);
bool containsTexMath(const QString& html);

} // namespace quire::editor
