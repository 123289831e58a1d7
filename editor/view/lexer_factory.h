#pragma once

#include <QPalette>
#include <QString>

class QsciLexer;
class QObject;

namespace quire::editor {

// The QScintilla lexer for a notebook language ("python", "r", "bash", ...), coloured for the
// palette (light or dark) and using `font`. Null for plain text.
QsciLexer* createLexer(const QString& language, const QPalette& palette, const QFont& font,
                       QObject* parent);

bool isDarkPalette(const QPalette& palette);

} // namespace quire::editor
