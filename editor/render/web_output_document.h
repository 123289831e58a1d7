#pragma once

#include <QFont>
#include <QPalette>
#include <QString>

namespace quire::editor {

// The whole HTML document an output page loads: the output's HTML inside a container that
// scrolls sideways when it is wider than the cell (wide DataFrames), with a small style sheet
// in the notebook's colours and font for tables the way JupyterLab draws them (pandas'
// DataFrame and Styler HTML carry only a few rules of their own). The page never scrolls
// vertically: its view is as tall as the content.
QString webOutputDocument(const QString& bodyHtml, const QPalette& palette, const QFont& font);

// The body that runs an application/javascript output like JupyterLab: the code is called
// with `element`, the output's own (empty) element.
QString javascriptOutputBody(const QString& script);

} // namespace quire::editor
