#pragma once

#include "editor/nbformat/json.h"

#include <QFont>
#include <QPalette>
#include <QString>
#include <QTextFormat>

#include <memory>

class QTextDocument;

namespace quire::editor {

// What a markdown cell needs besides its source.
struct MarkdownContext {
    Json attachments;      // the cell's "attachments": name -> {mime type: base64}
    QString baseDirectory; // the notebook's folder, for relative image paths ("" = none)
    QPalette palette;      // code, link and background colours follow Base/Text lightness
    QFont font;            // body font
    int maxImageWidth = 0; // wider images are scaled down to this many pixels (0 = no limit)
};

// Block property of heading blocks: the anchor id (JupyterLab's: spaces become '-').
inline constexpr int kHeadingAnchorProperty = QTextFormat::UserProperty + 180;
// Image format property: the image's own size (QSizeF), before any scaling to fit.
inline constexpr int kImageNaturalSizeProperty = QTextFormat::UserProperty + 181;

// Renders GitHub-flavoured markdown with TeX math ($…$, $$…$$, \[…\], \begin{equation}…),
// highlighted code fences, attachment/relative-path images and links into `doc`, replacing
// what it held. Remote images are shown as links with their alt text (no network).
void renderMarkdown(QTextDocument* doc, const QString& source, const MarkdownContext& context);

std::unique_ptr<QTextDocument> renderMarkdown(const QString& source, const MarkdownContext& context);

// Scales images wider than `maxWidth` down to it (and back up when there is room again).
// Returns whether anything changed.
bool fitMarkdownImages(QTextDocument* doc, qreal maxWidth);

// The text between two document positions with formulas written as their TeX source and
// paragraphs separated by '\n' (for copying).
QString markdownDocumentText(const QTextDocument* doc, int from = 0, int to = -1);

} // namespace quire::editor
