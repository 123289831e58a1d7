#pragma once

#include "editor/render/tex_math.h"

#include <QString>

namespace quire::editor {

struct TexSymbol {
    QString text;
    MathClass cls = MathClass::Ord;
    MathFont font = MathFont::Roman;
    bool largeOp = false; // larger in display style
    bool limits = false;  // scripts above/below in display style
};

// A command without arguments (\alpha, \sum, \leq, \sin, \{, ...), without the backslash.
// Returns nullptr for commands that are not symbols.
const TexSymbol* findTexSymbol(QStringView name);

// The accent glyph for \hat, \vec, ... (kOverlineAccent for \bar and \overline), or "".
QString texAccent(QStringView name);

// Letters in \mathbb, \mathcal or \mathfrak as Unicode mathematical alphanumerics
// (`alphabet` is the command name without backslash). Other characters pass through.
QString texAlphabet(QStringView alphabet, QStringView letters);

} // namespace quire::editor
