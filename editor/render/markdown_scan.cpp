#include "editor/render/markdown_scan.h"

#include <QRegularExpression>

namespace quire::editor {

namespace {

// Leading whitespace and quote markers do not stop a fence or heading from being one.
QStringView stripIndent(QStringView line) {
    qsizetype i = 0;
    while (i < line.size() && (line[i] == u' ' || line[i] == u'\t'))
        ++i;
    return line.mid(i);
}

qsizetype runLength(QStringView s, qsizetype from, QChar c) {
    qsizetype i = from;
    while (i < s.size() && s[i] == c)
        ++i;
    return i - from;
}

QString placeholder(qsizetype index, bool display) {
    QString out(display ? QChar(kDisplayMathMark) : QChar(kInlineMathMark));
    for (const QChar d : QString::number(index))
        out.append(QChar(char16_t(kMathDigitBase + d.digitValue())));
    out.append(QChar(kMathEndMark));
    return out;
}

bool isMathEnvironment(QStringView env) {
    static const QStringList names = {"equation", "equation*", "align",    "align*",
                                      "gather",   "gather*",   "multline", "multline*",
                                      "eqnarray", "eqnarray*", "flalign",  "flalign*",
                                      "alignat",  "alignat*",  "displaymath", "math"};
    return names.contains(env.toString());
}

class MathScanner {
public:
    explicit MathScanner(QStringView s) : m_s(s) { m_out.markdown.reserve(s.size()); }

    MathExtraction run() {
        while (m_i < m_s.size()) {
            if (m_atLineStart && skipFencedLine())
                continue;
            m_atLineStart = false;
            const QChar c = m_s[m_i];
            if (c == u'\n') {
                m_out.markdown.append(c);
                ++m_i;
                m_atLineStart = true;
            } else if (c == u'`') {
                codeSpan();
            } else if (c == u'\\') {
                backslash();
            } else if (c == u'$') {
                dollar();
            } else {
                m_out.markdown.append(c);
                ++m_i;
            }
        }
        return std::move(m_out);
    }

private:
    bool skipFencedLine() {
        qsizetype end = m_s.indexOf(u'\n', m_i);
        if (end < 0)
            end = m_s.size();
        const QStringView line = m_s.mid(m_i, end - m_i);
        if (!m_fences.consume(line))
            return false;
        m_out.markdown.append(line);
        if (end < m_s.size())
            m_out.markdown.append(u'\n');
        m_i = end + 1;
        return true;
    }

    void codeSpan() {
        const qsizetype n = runLength(m_s, m_i, u'`');
        qsizetype j = m_i + n;
        while ((j = m_s.indexOf(u'`', j)) >= 0) {
            const qsizetype k = runLength(m_s, j, u'`');
            if (k == n) {
                m_out.markdown.append(m_s.mid(m_i, j + k - m_i));
                m_i = j + k;
                return;
            }
            j += k;
        }
        m_out.markdown.append(m_s.mid(m_i, n));
        m_i += n;
    }

    void emitSpan(qsizetype contentStart, qsizetype contentEnd, qsizetype resumeAt, bool display) {
        m_out.markdown.append(placeholder(m_out.spans.size(), display));
        m_out.spans.append(MathSpan{m_s.mid(contentStart, contentEnd - contentStart).toString(), display});
        m_i = resumeAt;
    }

    void backslash() {
        const QChar next = m_i + 1 < m_s.size() ? m_s[m_i + 1] : QChar();
        if (next == u'[' || next == u'(') {
            const QStringView close = next == u'[' ? u"\\]" : u"\\)";
            const qsizetype end = m_s.indexOf(close, m_i + 2);
            if (end >= 0)
                return emitSpan(m_i + 2, end, end + 2, next == u'[');
        } else if (m_s.mid(m_i).startsWith(u"\\begin{")) {
            const qsizetype nameEnd = m_s.indexOf(u'}', m_i + 7);
            const QStringView env = nameEnd > 0 ? m_s.mid(m_i + 7, nameEnd - m_i - 7) : QStringView();
            if (isMathEnvironment(env)) {
                const QString close = QStringLiteral("\\end{%1}").arg(env);
                const qsizetype end = m_s.indexOf(close, nameEnd);
                if (end >= 0)
                    return emitSpan(m_i, end + close.size(), end + close.size(), true);
            }
        }
        // Keep an escape pair together so "\$" and "\\" are not read as math or escapes.
        const qsizetype len = (next.isNull() || next == u'\n') ? 1 : 2;
        m_out.markdown.append(m_s.mid(m_i, len));
        m_i += len;
    }

    void dollar() {
        if (m_i + 1 < m_s.size() && m_s[m_i + 1] == u'$') {
            qsizetype end = m_i + 2;
            while ((end = m_s.indexOf(u"$$", end)) >= 0 && m_s[end - 1] == u'\\')
                end += 2;
            if (end >= 0)
                return emitSpan(m_i + 2, end, end + 2, true);
            m_out.markdown.append(u"$$");
            m_i += 2;
            return;
        }
        const qsizetype close = closingDollar();
        if (close < 0) {
            m_out.markdown.append(u'$');
            ++m_i;
            return;
        }
        emitSpan(m_i + 1, close, close + 1, false);
    }

    qsizetype closingDollar() const {
        const qsizetype n = m_s.size();
        if (m_i + 1 >= n || m_s[m_i + 1].isSpace())
            return -1;
        for (qsizetype j = m_i + 1; j < n; ++j) {
            const QChar c = m_s[j];
            if (c == u'\\') {
                ++j;
            } else if (c == u'\n') {
                qsizetype k = j + 1;
                while (k < n && (m_s[k] == u' ' || m_s[k] == u'\t'))
                    ++k;
                if (k >= n || m_s[k] == u'\n')
                    return -1; // a blank line ends the paragraph
            } else if (c == u'$') {
                if (m_s[j - 1].isSpace() || (j + 1 < n && m_s[j + 1].isDigit()))
                    return -1;
                return j;
            }
        }
        return -1;
    }

    QStringView m_s;
    qsizetype m_i = 0;
    bool m_atLineStart = true;
    FenceTracker m_fences;
    MathExtraction m_out;
};

QString headingText(QStringView raw) {
    static const QRegularExpression link(QStringLiteral(R"(!?\[([^\]]*)\]\([^)]*\))"));
    static const QRegularExpression tags(QStringLiteral(R"(<[^>]+>)"));
    QString text = raw.trimmed().toString();
    text.replace(link, QStringLiteral("\\1"));
    text.remove(tags);
    text.remove(u'`');
    text.replace(QStringLiteral("**"), QString());
    text.replace(QStringLiteral("__"), QString());
    if (text.size() > 2 && text.startsWith(u'*') && text.endsWith(u'*'))
        text = text.mid(1, text.size() - 2);
    return text.trimmed();
}

} // namespace

bool FenceTracker::consume(QStringView line) {
    const QStringView s = stripIndent(line);
    if (m_length == 0) {
        if (s.isEmpty() || (s[0] != u'`' && s[0] != u'~'))
            return false;
        const qsizetype n = runLength(s, 0, s[0]);
        if (n < 3 || (s[0] == u'`' && s.mid(n).contains(u'`')))
            return false;
        m_char = s[0];
        m_length = n;
        return true;
    }
    if (!s.isEmpty() && s[0] == m_char) {
        const qsizetype n = runLength(s, 0, m_char);
        if (n >= m_length && s.mid(n).trimmed().isEmpty())
            m_length = 0;
    }
    return true;
}

MathExtraction extractMath(QStringView markdown) {
    return MathScanner(markdown).run();
}

QList<MarkdownHeading> markdownHeadings(QStringView source) {
    QList<MarkdownHeading> out;
    FenceTracker fences;
    QStringView previous; // the previous line if it could be a setext heading's text
    int lineNo = 0;
    for (qsizetype start = 0; start <= source.size(); ++lineNo) {
        qsizetype end = source.indexOf(u'\n', start);
        if (end < 0)
            end = source.size();
        QStringView line = source.mid(start, end - start);
        if (line.endsWith(u'\r'))
            line.chop(1);
        start = end + 1;
        if (fences.consume(line)) {
            previous = {};
            continue;
        }
        const qsizetype indent = line.size() - stripIndent(line).size();
        const QStringView s = stripIndent(line);
        const qsizetype hashes = runLength(s, 0, u'#');
        if (indent < 4 && hashes >= 1 && hashes <= 6 &&
            (hashes == s.size() || s[hashes] == u' ' || s[hashes] == u'\t')) {
            QStringView body = s.mid(hashes).trimmed();
            while (body.endsWith(u'#'))
                body.chop(1);
            const QString text = headingText(body);
            out.append({int(hashes), text, QString(text).replace(u' ', u'-'), lineNo});
            previous = {};
            continue;
        }
        const QStringView t = s.trimmed();
        const bool underline = indent < 4 && !t.isEmpty() && (t[0] == u'=' || t[0] == u'-') &&
                               runLength(t, 0, t[0]) == t.size();
        if (underline && !previous.isEmpty()) {
            const QString text = headingText(previous);
            out.append({t[0] == u'=' ? 1 : 2, text, QString(text).replace(u' ', u'-'), lineNo - 1});
            previous = {};
            continue;
        }
        const bool blockStart = t.isEmpty() || t.startsWith(u'>') || t.startsWith(u"- ") ||
                                t.startsWith(u"* ") || t.startsWith(u"+ ") || t.startsWith(u'|') ||
                                indent >= 4;
        previous = blockStart ? QStringView() : t;
    }
    return out;
}

} // namespace quire::editor
