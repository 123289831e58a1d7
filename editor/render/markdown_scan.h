#pragma once

#include <QList>
#include <QString>

namespace quire::editor {

// Tracks ``` and ~~~ fenced code blocks line by line, so that scanners of markdown source
// (math extraction, headings) leave code alone. Feed every line in order.
class FenceTracker {
public:
    // Returns true when `line` belongs to a fenced block (including its fence lines).
    bool consume(QStringView line);

private:
    QChar m_char;
    qsizetype m_length = 0; // 0: outside a fence
};

// Math found in markdown: the TeX text and whether it is display math.
struct MathSpan {
    QString tex;
    bool display = false;
};

// Markdown with each formula replaced by a placeholder made of private-use characters, which
// the markdown parser passes through untouched.
struct MathExtraction {
    QString markdown;
    QList<MathSpan> spans;
};

// Finds $…$, \(…\) (inline) and $$…$$, \[…\], \begin{equation|align|…}…\end{…} (display)
// outside code spans and fenced code. A $ only opens inline math when followed by a
// non-space and only closes after a non-space not followed by a digit (so "$5 and $10" is
// text). \$ stays a literal dollar.
MathExtraction extractMath(QStringView markdown);

inline constexpr char16_t kInlineMathMark = 0xE000;
inline constexpr char16_t kDisplayMathMark = 0xE002;
inline constexpr char16_t kMathEndMark = 0xE001;
inline constexpr char16_t kMathDigitBase = 0xE010; // digits of the span index

// Heading of a markdown cell, for a table of contents.
struct MarkdownHeading {
    int level = 1;  // 1-6
    QString text;   // inline markup removed
    QString anchor; // JupyterLab's id: the text with spaces replaced by '-'
    int line = 0;   // 0-based line in the source
};

// ATX (# …) and setext (underlined) headings outside fenced code. Cheap: no document is built.
QList<MarkdownHeading> markdownHeadings(QStringView source);

} // namespace quire::editor
