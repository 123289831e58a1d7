#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <QTextCharFormat>
#include <QTextLayout>

class QPalette;
class QTextCursor;

namespace quire::editor {

// A colour as the program wrote it. It is resolved against an AnsiPalette only when drawn,
// so a light/dark switch needs no re-parse.
struct AnsiColor {
    enum class Kind : quint8 { Default, Indexed, Rgb };
    Kind kind = Kind::Default;
    quint8 index = 0; // Indexed: 0-15 named colours, 16-231 colour cube, 232-255 greys
    QRgb rgb = 0;     // Rgb
    bool operator==(const AnsiColor&) const = default;
};

struct AnsiStyle {
    AnsiColor foreground;
    AnsiColor background;
    bool bold = false;
    bool faint = false;
    bool italic = false;
    bool underline = false;
    bool inverse = false;
    bool strikeOut = false;
    bool operator==(const AnsiStyle&) const = default;
    bool isPlain() const { return *this == AnsiStyle{}; }
};

// One styled range of AnsiText::text. Runs are sorted, do not overlap, never cross a line
// break, and unstyled text has none.
struct AnsiRun {
    qsizetype start = 0;
    qsizetype length = 0;
    int style = 0; // index into AnsiText::styles
};

struct AnsiText {
    QString text; // printable text: escapes removed, \r and \b applied
    QList<AnsiRun> runs;
    QList<AnsiStyle> styles; // the distinct styles the runs use
    AnsiStyle lastLineStyle; // the style in effect where the last line starts

    const AnsiStyle& style(const AnsiRun& run) const { return styles[run.style]; }
};

// Interprets terminal output: SGR escapes (16/256/24-bit colours, bold, faint, italic,
// underline, inverse, strike-out), `\r` (back to the line start; later text overwrites),
// `\b` (one column back), CSI K (erase in line). Other CSI, OSC and two-byte escapes and
// control characters except \t and \n are dropped.
AnsiText parseAnsi(QStringView input);
// Same; text without escapes, \r or \b shares `input`'s data instead of copying it.
AnsiText parseAnsi(const QString& input);
// Parses `input` as if an earlier SGR sequence had set `initial`.
AnsiText parseAnsi(QStringView input, const AnsiStyle& initial);

// Brings `parsed`, the result of parsing `oldRaw`, up to date with `newRaw`, which starts
// with `oldRaw` (a stream that grew). Only the last line of `oldRaw` and the new text are
// parsed, so streaming into a long output costs what the new text costs.
void extendAnsi(AnsiText& parsed, QStringView oldRaw, QStringView newRaw);

// The text parseAnsi would produce, without styles.
QString ansiToPlainText(QStringView input);

// Maps ANSI colours to colours readable on a light or dark background. The 16 named colours
// come from a table chosen by the lightness of the palette's Base colour.
class AnsiPalette {
public:
    explicit AnsiPalette(const QPalette& palette);
    AnsiPalette(QColor text, QColor base);

    bool isDark() const { return m_dark; }
    QColor color(const AnsiColor& color, bool background) const;
    QTextCharFormat format(const AnsiStyle& style) const;

private:
    QColor m_text;
    QColor m_base;
    bool m_dark = false;
};

// Formats for the runs that overlap [from, from + length) of `text`, with starts relative
// to `from` (for drawing one line of a long output with QTextLayout).
QList<QTextLayout::FormatRange> ansiFormats(const AnsiText& text, const AnsiPalette& palette,
                                            qsizetype from = 0, qsizetype length = -1);

// Inserts terminal output at the cursor, styled on top of the cursor's char format.
void insertAnsi(QTextCursor& cursor, QStringView input, const AnsiPalette& palette);

} // namespace quire::editor
