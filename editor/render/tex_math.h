#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

namespace quire::editor {

// TeX's atom classes, which decide the spacing between neighbours.
enum class MathClass : quint8 { Ord, Op, Bin, Rel, Open, Close, Punct };

enum class MathFont : quint8 { Italic, Roman, Bold, BoldItalic, Sans, Mono };

// A parsed formula. Small and value-typed: a cell's formulas are parsed once per render.
struct MathNode {
    enum class Kind : quint8 { Row, Atom, Fraction, Root, Scripts, Fenced, Accent, Space, Grid };
    Kind kind = Kind::Row;
    MathClass cls = MathClass::Ord;
    MathFont font = MathFont::Italic;
    bool limits = false;  // Atom (an operator) and Scripts: scripts go over/under in display style
    bool stacked = false; // Scripts: over/under in every style (\overset, \underset)
    bool largeOp = false; // Atom: drawn larger in display style (sum, integral)
    bool hasBar = true;   // Fraction: false for \binom
    float scale = 1;      // Atom: \big and friends
    float em = 0;         // Space: width in em
    int columns = 0;      // Grid
    QString text;         // Atom: the glyphs; Fenced/Grid: left delimiter; Accent: the accent
    QString text2;        // Fenced/Grid: right delimiter
    QByteArray align;     // Grid: 'l', 'c' or 'r' per column
    // Fraction: numerator, denominator. Root: body [, index]. Scripts: base, sub, sup (an
    // absent script is an empty Row). Fenced, Accent: body. Grid: cells, row by row.
    std::vector<MathNode> children;

    bool isEmpty() const { return kind == Kind::Row && children.empty(); }
};

// Accents that are drawn as lines rather than glyphs.
inline constexpr QChar kOverlineAccent = u'\u203e';
inline constexpr QChar kUnderlineAccent = u'_';

// Parses a TeX math subset (Greek, operators and relations, ^ _, \frac, \sqrt, \left \right,
// font commands, \text, accents, matrix/cases/align environments). It never fails: unknown
// commands become atoms showing their source, unbalanced braces are closed at the end.
// `display` makes a top level with \\ or & a centred/aligned grid.
MathNode parseTex(QStringView source, bool display = false);

// A linear Unicode rendering ("E = mc²", "(a+b)/(c)", "√x") used for copying and tests.
QString mathToPlainText(const MathNode& node);

} // namespace quire::editor
