#include "editor/render/ansi_text.h"

#include <QPalette>
#include <QTextCursor>
#include <QVarLengthArray>
#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace quire::editor {

namespace {

constexpr QChar kEsc = u'\x1b';

bool isSpecial(QChar c) {
    return c.unicode() < 0x20 && c != u'\t';
}

// Builds AnsiText. Text is appended straight to the output until a line uses \r, \b or an
// erase; that line is then edited in a buffer holding a style per character, so overwritten
// text takes the new text's style, and flushed at its line break.
class AnsiParser {
public:
    AnsiParser(QStringView input, const AnsiStyle& initial) : m_in(input) {
        m_out.styles.append(AnsiStyle{});
        if (!initial.isPlain()) {
            m_out.styles.append(initial);
            m_style = m_lineStartStyle = 1;
        }
    }

    AnsiText run() {
        m_out.text.reserve(m_in.size());
        const qsizetype n = m_in.size();
        while (m_pos < n) {
            qsizetype end = m_pos;
            while (end < n && !isSpecial(m_in[end]))
                ++end;
            if (end > m_pos) {
                put(m_in.mid(m_pos, end - m_pos));
                m_pos = end;
                continue;
            }
            const QChar c = m_in[m_pos];
            if (c == u'\n') {
                endLine();
                m_out.text.append(u'\n');
                m_lineStartStyle = m_style;
            } else if (c == u'\r') {
                if (!(m_pos + 1 < n && m_in[m_pos + 1] == u'\n')) { // CRLF is a plain break
                    buffer();
                    m_col = 0;
                }
            } else if (c == u'\b') {
                buffer();
                m_col = std::max<qsizetype>(0, m_col - 1);
            } else if (c == kEsc) {
                escape();
            } // other control characters (BEL, ...) print nothing
            ++m_pos;
        }
        endLine();
        m_out.lastLineStyle = m_out.styles[m_lineStartStyle];
        if (m_out.styles.size() == 1)
            m_out.styles.clear();
        return std::move(m_out);
    }

private:
    void put(QStringView chunk) {
        if (!m_buffered) {
            appendRun(m_out.text.size(), chunk.size(), m_style);
            m_out.text.append(chunk);
            return;
        }
        for (const QChar c : chunk) {
            while (m_line.size() < m_col) { // the cursor was left past the end by an erase
                m_line.append(u' ');
                m_lineStyles.push_back(0);
            }
            if (m_col < m_line.size()) {
                m_line[m_col] = c;
                m_lineStyles[size_t(m_col)] = m_style;
            } else {
                m_line.append(c);
                m_lineStyles.push_back(m_style);
            }
            ++m_col;
        }
    }

    void appendRun(qsizetype start, qsizetype length, int style) {
        if (style == 0 || length == 0)
            return;
        if (!m_out.runs.isEmpty()) {
            AnsiRun& last = m_out.runs.last();
            if (last.style == style && last.start + last.length == start) {
                last.length += length;
                return;
            }
        }
        m_out.runs.append(AnsiRun{start, length, style});
    }

    qsizetype lineStart() const {
        const qsizetype nl = m_out.text.lastIndexOf(u'\n');
        return nl + 1;
    }

    // Moves the current line from the output into the editing buffer.
    void buffer() {
        if (m_buffered)
            return;
        m_buffered = true;
        const qsizetype start = lineStart();
        m_line = m_out.text.mid(start);
        m_lineStyles.assign(size_t(m_line.size()), 0);
        while (!m_out.runs.isEmpty() && m_out.runs.last().start >= start) {
            const AnsiRun r = m_out.runs.takeLast();
            std::fill_n(m_lineStyles.begin() + (r.start - start), r.length, r.style);
        }
        m_out.text.truncate(start);
        m_col = m_line.size();
    }

    void endLine() {
        if (!m_buffered)
            return;
        const qsizetype base = m_out.text.size();
        m_out.text.append(m_line);
        const qsizetype n = m_line.size();
        for (qsizetype i = 0; i < n;) {
            const int id = m_lineStyles[size_t(i)];
            qsizetype j = i + 1;
            while (j < n && m_lineStyles[size_t(j)] == id)
                ++j;
            appendRun(base + i, j - i, id);
            i = j;
        }
        m_line.clear();
        m_lineStyles.clear();
        m_col = 0;
        m_buffered = false;
    }

    // Called with m_pos on the ESC; leaves m_pos on the sequence's last character.
    void escape() {
        const qsizetype n = m_in.size();
        if (m_pos + 1 >= n)
            return;
        const QChar kind = m_in[m_pos + 1];
        if (kind == u'[') {
            qsizetype end = m_pos + 2;
            while (end < n && !(m_in[end].unicode() >= 0x40 && m_in[end].unicode() <= 0x7e))
                ++end;
            if (end >= n) {
                m_pos = n;
                return;
            }
            const QStringView params = m_in.mid(m_pos + 2, end - m_pos - 2);
            if (m_in[end] == u'm')
                sgr(params);
            else if (m_in[end] == u'K')
                eraseInLine(params);
            m_pos = end;
        } else if (kind == u']') {
            // OSC: up to BEL or ST (ESC backslash). Hyperlinks (OSC 8) keep their text.
            qsizetype end = m_pos + 2;
            while (end < n && m_in[end] != u'\x07' &&
                   !(m_in[end] == kEsc && end + 1 < n && m_in[end + 1] == u'\\'))
                ++end;
            m_pos = (end < n && m_in[end] == kEsc) ? end + 1 : end;
        } else if (QStringView(u"()*+#%").contains(kind)) {
            m_pos += 2; // character set designation: ESC ( B
        } else {
            m_pos += 1; // two-byte escape such as ESC 7 / ESC 8
        }
    }

    void eraseInLine(QStringView params) {
        buffer();
        const int mode = params.isEmpty() ? 0 : params.toInt();
        if (mode == 0 && m_col < m_line.size()) {
            m_line.truncate(m_col);
            m_lineStyles.resize(size_t(m_col));
        } else if (mode == 2) {
            m_line.clear();
            m_lineStyles.clear();
        }
    }

    // SGR parameters; more than kMaxParams are ignored (no real program sends that many).
    static constexpr size_t kMaxParams = 32;
    using Params = QVarLengthArray<int, kMaxParams>;

    static Params numbers(QStringView params) {
        Params out;
        int value = 0;
        for (const QChar c : params) {
            const char16_t u = c.unicode();
            if (u == u';' || u == u':') {
                if (out.size() < qsizetype(kMaxParams))
                    out.append(value);
                value = 0;
            } else if (u >= u'0' && u <= u'9') {
                value = std::min(value * 10 + (u - u'0'), 100000);
            }
        }
        if (out.size() < qsizetype(kMaxParams))
            out.append(value);
        return out;
    }

    // Reads "5;n" or "2;r;g;b" after 38/48; returns how many numbers were used.
    static qsizetype extendedColor(const Params& p, qsizetype i, AnsiColor& color) {
        if (i + 1 < p.size() && p[i] == 5) {
            color = {AnsiColor::Kind::Indexed, quint8(std::clamp(p[i + 1], 0, 255)), 0};
            return 2;
        }
        if (i + 3 < p.size() && p[i] == 2) {
            const auto c8 = [](int v) { return std::clamp(v, 0, 255); };
            color = {AnsiColor::Kind::Rgb, 0, qRgb(c8(p[i + 1]), c8(p[i + 2]), c8(p[i + 3]))};
            return 4;
        }
        return p.size() - i; // malformed: ignore the rest
    }

    static void applySgr(AnsiStyle& s, const Params& p) {
        const auto named = [](int index) {
            return AnsiColor{AnsiColor::Kind::Indexed, quint8(index), 0};
        };
        for (qsizetype i = 0; i < p.size(); ++i) {
            const int v = p[i];
            if (v == 0)
                s = AnsiStyle{};
            else if (v == 1)
                s.bold = true;
            else if (v == 2)
                s.faint = true;
            else if (v == 3)
                s.italic = true;
            else if (v == 4)
                s.underline = true;
            else if (v == 7)
                s.inverse = true;
            else if (v == 9)
                s.strikeOut = true;
            else if (v == 21 || v == 22)
                s.bold = s.faint = false;
            else if (v == 23)
                s.italic = false;
            else if (v == 24)
                s.underline = false;
            else if (v == 27)
                s.inverse = false;
            else if (v == 29)
                s.strikeOut = false;
            else if (v >= 30 && v <= 37)
                s.foreground = named(v - 30);
            else if (v == 38)
                i += extendedColor(p, i + 1, s.foreground);
            else if (v == 39)
                s.foreground = {};
            else if (v >= 40 && v <= 47)
                s.background = named(v - 40);
            else if (v == 48)
                i += extendedColor(p, i + 1, s.background);
            else if (v == 49)
                s.background = {};
            else if (v >= 90 && v <= 97)
                s.foreground = named(v - 90 + 8);
            else if (v >= 100 && v <= 107)
                s.background = named(v - 100 + 8);
        }
    }

    void sgr(QStringView params) {
        // Programs repeat the same few sequences; remember what they did.
        for (const SgrMemo& memo : m_memo) {
            if (memo.from == m_style && memo.params == params) {
                m_style = memo.to;
                return;
            }
        }
        AnsiStyle s = m_out.styles[m_style];
        applySgr(s, numbers(params));
        qsizetype found = m_out.styles.indexOf(s);
        if (found < 0) {
            m_out.styles.append(s);
            found = m_out.styles.size() - 1;
        }
        m_memo[m_nextMemo] = SgrMemo{params, m_style, int(found)};
        m_nextMemo = (m_nextMemo + 1) % m_memo.size();
        m_style = int(found);
    }

    struct SgrMemo {
        QStringView params; // points into the input, which outlives the parser
        int from = -1;
        int to = 0;
    };
    std::array<SgrMemo, 8> m_memo{};
    size_t m_nextMemo = 0;

    QStringView m_in;
    qsizetype m_pos = 0;
    AnsiText m_out;
    bool m_buffered = false;
    QString m_line;
    std::vector<int> m_lineStyles;
    qsizetype m_col = 0;
    int m_style = 0; // index into m_out.styles; 0 is the plain style
    int m_lineStartStyle = 0;
};

bool needsParsing(QStringView input) {
    for (const QChar c : input) {
        if (isSpecial(c) && c != u'\n')
            return true;
    }
    return false;
}

// Named colours tuned for contrast on white-ish and on near-black backgrounds.
constexpr std::array<QRgb, 16> kLightTable = {
    0x2e3436, 0xc01c28, 0x1a7f37, 0x8a6d00, 0x1c56c4, 0xa626a4, 0x0e7c86, 0x6e6e6e,
    0x5e5e5e, 0xe01b24, 0x2a9d3c, 0xa88600, 0x3574e3, 0xc135c0, 0x1496a1, 0x8c8c8c};
constexpr std::array<QRgb, 16> kDarkTable = {
    0x6b6b6b, 0xf14c4c, 0x3fbf5f, 0xe5c07b, 0x5c9cf5, 0xd670d6, 0x3ec4d0, 0xd0d0d0,
    0x8a8a8a, 0xff6b6b, 0x5fdc7a, 0xf5d67a, 0x7fb2ff, 0xe68ae6, 0x62dce6, 0xf2f2f2};

// Named colours as backgrounds: text colours are too dark (light theme) or too bright (dark
// theme) to put text on; these keep the hue and leave room for readable text.
constexpr std::array<QRgb, 16> kLightBackgroundTable = {
    0x3e424d, 0xf4a7a4, 0x9fdcb0, 0xf2dd8c, 0xa9cdf7, 0xe8b4e2, 0xa6e0e2, 0xe4e2dc,
    0x7c8190, 0xf08c88, 0x7fcf96, 0xeccd5e, 0x84b6f2, 0xdc94d2, 0x80d3d6, 0xf4f3f0};
constexpr std::array<QRgb, 16> kDarkBackgroundTable = {
    0x2a2d33, 0x6e2424, 0x1f5a2e, 0x6b5416, 0x1f3f6e, 0x5e2a5a, 0x1c5a60, 0x5a5a5a,
    0x3d4048, 0x8a2e2e, 0x27723a, 0x86691c, 0x2a5290, 0x763670, 0x247278, 0x7a7a7a};

// WCAG contrast ratio of two colours (1 to 21).
double contrast(const QColor& a, const QColor& b) {
    auto luminance = [](const QColor& c) {
        auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
               0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor indexedColor(int index, bool dark, bool background = false) {
    if (index < 16 && background)
        return QColor::fromRgb(
            (dark ? kDarkBackgroundTable : kLightBackgroundTable)[size_t(index)]);
    if (index < 16)
        return QColor::fromRgb((dark ? kDarkTable : kLightTable)[size_t(index)]);
    if (index < 232) {
        static constexpr int levels[6] = {0, 95, 135, 175, 215, 255};
        const int i = index - 16;
        return QColor(levels[i / 36], levels[(i / 6) % 6], levels[i % 6]);
    }
    const int grey = 8 + (index - 232) * 10;
    return QColor(grey, grey, grey);
}

} // namespace

AnsiText parseAnsi(QStringView input) {
    if (!needsParsing(input))
        return AnsiText{input.toString(), {}, {}, {}};
    return AnsiParser(input, {}).run();
}

AnsiText parseAnsi(const QString& input) {
    if (!needsParsing(input))
        return AnsiText{input, {}, {}, {}};
    return AnsiParser(input, {}).run();
}

AnsiText parseAnsi(QStringView input, const AnsiStyle& initial) {
    if (initial.isPlain())
        return parseAnsi(input);
    return AnsiParser(input, initial).run();
}

void extendAnsi(AnsiText& parsed, QStringView oldRaw, QStringView newRaw) {
    // \r and \b never reach across a line break, so the old text up to its last line stays.
    const qsizetype rawLineStart = oldRaw.lastIndexOf(u'\n') + 1;
    const qsizetype textLineStart = parsed.text.lastIndexOf(u'\n') + 1;
    parsed.text.truncate(textLineStart);
    while (!parsed.runs.isEmpty() && parsed.runs.last().start >= textLineStart)
        parsed.runs.removeLast();
    const AnsiText tail = parseAnsi(newRaw.mid(rawLineStart), parsed.lastLineStyle);
    parsed.text.append(tail.text);
    if (!tail.runs.isEmpty() && parsed.styles.isEmpty())
        parsed.styles.append(AnsiStyle{});
    for (const AnsiRun& run : tail.runs) {
        const AnsiStyle& style = tail.style(run);
        qsizetype id = parsed.styles.indexOf(style);
        if (id < 0) {
            parsed.styles.append(style);
            id = parsed.styles.size() - 1;
        }
        parsed.runs.append(AnsiRun{run.start + textLineStart, run.length, int(id)});
    }
    parsed.lastLineStyle = tail.lastLineStyle;
}

QString ansiToPlainText(QStringView input) {
    return parseAnsi(input).text;
}

AnsiPalette::AnsiPalette(const QPalette& palette)
    : AnsiPalette(palette.color(QPalette::Text), palette.color(QPalette::Base)) {}

AnsiPalette::AnsiPalette(QColor text, QColor base)
    : m_text(text), m_base(base), m_dark(base.lightnessF() < 0.5) {}

QColor AnsiPalette::color(const AnsiColor& color, bool background) const {
    switch (color.kind) {
    case AnsiColor::Kind::Default:
        return background ? m_base : m_text;
    case AnsiColor::Kind::Indexed:
        return indexedColor(color.index, m_dark, background);
    case AnsiColor::Kind::Rgb:
        return QColor::fromRgb(color.rgb);
    }
    return m_text;
}

QTextCharFormat AnsiPalette::format(const AnsiStyle& style) const {
    QTextCharFormat f;
    const bool hasFg = style.foreground.kind != AnsiColor::Kind::Default;
    const bool hasBg = style.background.kind != AnsiColor::Kind::Default;
    QColor fg = color(style.foreground, false);
    QColor bg = color(style.background, true);
    if (style.inverse)
        std::swap(fg, bg);
    if (hasBg && !style.inverse && (!hasFg || contrast(fg, bg) < 4.5)) {
        // Text that would vanish on its background (IPython marks the failing expression
        // with grey on yellow) gets the readable one of near-black and white.
        const QColor black(0x1e, 0x1e, 0x1e), white(Qt::white);
        fg = contrast(black, bg) >= contrast(white, bg) ? black : white;
    }
    if (style.faint) {
        fg = QColor::fromRgbF(0.6f * fg.redF() + 0.4f * bg.redF(),
                              0.6f * fg.greenF() + 0.4f * bg.greenF(),
                              0.6f * fg.blueF() + 0.4f * bg.blueF());
    }
    if (hasFg || style.inverse || style.faint || hasBg)
        f.setForeground(fg);
    if (hasBg || style.inverse)
        f.setBackground(bg);
    if (style.bold)
        f.setFontWeight(QFont::Bold);
    if (style.italic)
        f.setFontItalic(true);
    if (style.underline)
        f.setFontUnderline(true);
    if (style.strikeOut)
        f.setFontStrikeOut(true);
    return f;
}

QList<QTextLayout::FormatRange> ansiFormats(const AnsiText& text, const AnsiPalette& palette,
                                            qsizetype from, qsizetype length) {
    QList<QTextLayout::FormatRange> out;
    const qsizetype end = length < 0 ? text.text.size() : from + length;
    auto it =
        std::lower_bound(text.runs.begin(), text.runs.end(), from,
                         [](const AnsiRun& r, qsizetype pos) { return r.start + r.length <= pos; });
    for (; it != text.runs.end() && it->start < end; ++it) {
        const qsizetype s = std::max(it->start, from);
        const qsizetype e = std::min(it->start + it->length, end);
        if (e > s)
            out.append({int(s - from), int(e - s), palette.format(text.style(*it))});
    }
    return out;
}

void insertAnsi(QTextCursor& cursor, QStringView input, const AnsiPalette& palette) {
    const AnsiText parsed = parseAnsi(input);
    const QTextCharFormat base = cursor.charFormat();
    qsizetype pos = 0;
    for (const AnsiRun& run : parsed.runs) {
        if (run.start > pos)
            cursor.insertText(parsed.text.mid(pos, run.start - pos), base);
        QTextCharFormat f = base;
        f.merge(palette.format(parsed.style(run)));
        cursor.insertText(parsed.text.mid(run.start, run.length), f);
        pos = run.start + run.length;
    }
    if (pos < parsed.text.size())
        cursor.insertText(parsed.text.mid(pos), base);
}

} // namespace quire::editor
