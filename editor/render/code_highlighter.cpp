#include "editor/render/code_highlighter.h"

#include <QSet>

namespace quire::editor {

namespace {

struct Language {
    QSet<QString> keywords{};
    QSet<QString> builtins{};
    QStringList lineComments{};
    QString blockOpen{};
    QString blockClose{};
    QString quotes{};        // characters that open strings
    bool tripleQuotes = false;
    bool caseInsensitive = false;
    bool dollarVariables = false; // shell: $NAME as a builtin
    bool dotInWords = false;      // R: data.frame is one name
};

QSet<QString> words(const char* list) {
    QSet<QString> out;
    for (const QString& w : QString::fromLatin1(list).split(u' ', Qt::SkipEmptyParts))
        out.insert(w);
    return out;
}

const Language* languageFor(QStringView name) {
    static const Language python{
        .keywords = words("and as assert async await break class continue def del elif else "
                          "except finally for from global if import in is lambda nonlocal not "
                          "or pass raise return try while with yield match case"),
        .builtins = words("True False None self print len range int float str list dict set "
                          "tuple type isinstance super open enumerate zip map filter sorted sum "
                          "min max abs"),
        .lineComments = {QStringLiteral("#")},
        .quotes = QStringLiteral("'\""),
        .tripleQuotes = true};
    static const Language r{
        .keywords = words("if else repeat while function for in next break return"),
        .builtins = words("TRUE FALSE NULL NA NaN Inf library require c list data.frame print"),
        .lineComments = {QStringLiteral("#")},
        .quotes = QStringLiteral("'\"`"),
        .dotInWords = true};
    static const Language julia{
        .keywords = words("function end if elseif else for while begin let return break "
                          "continue module using import export struct mutable const global local "
                          "try catch finally do quote macro abstract type in where"),
        .builtins = words("true false nothing missing println print Int Float64 String Vector "
                          "Array"),
        .lineComments = {QStringLiteral("#")},
        .blockOpen = QStringLiteral("#="),
        .blockClose = QStringLiteral("=#"),
        .quotes = QStringLiteral("\""),
        .tripleQuotes = true};
    static const Language shell{
        .keywords = words("if then else elif fi for while until do done case esac in function "
                          "return export local exit"),
        .builtins = words("echo cd ls pip conda python apt-get sudo cat grep sed awk git source "
                          "set unset"),
        .lineComments = {QStringLiteral("#")},
        .quotes = QStringLiteral("'\""),
        .dollarVariables = true};
    static const Language json{.builtins = words("true false null"),
                               .quotes = QStringLiteral("\"")};
    static const Language sql{
        .keywords = words("select from where and or not insert into values update set delete "
                          "create table drop alter join left right inner outer on group by order "
                          "having limit as distinct union all case when then else end is null in "
                          "like between with"),
        .builtins = words("count sum avg min max true false"),
        .lineComments = {QStringLiteral("--")},
        .blockOpen = QStringLiteral("/*"),
        .blockClose = QStringLiteral("*/"),
        .quotes = QStringLiteral("'\""),
        .caseInsensitive = true};
    static const Language clike{
        .keywords = words("auto break case catch class const constexpr continue default delete do "
                          "else enum explicit export extends final for fn func function go if "
                          "impl implements import in instanceof interface let loop match mod mut "
                          "namespace new override package private protected public return static "
                          "struct super switch template this throw try typedef typename union use "
                          "using var virtual void volatile while yield async await def val type "
                          "trait pub crate"),
        .builtins = words("true false null nullptr None undefined NaN int char bool float double "
                          "long short unsigned signed string String i32 i64 u8 u32 u64 f32 f64 "
                          "usize std console"),
        .lineComments = {QStringLiteral("//")},
        .blockOpen = QStringLiteral("/*"),
        .blockClose = QStringLiteral("*/"),
        .quotes = QStringLiteral("'\"`")};

    const QString n = name.trimmed().toString().toLower();
    if (n == u"python" || n == u"py" || n == u"python3" || n == u"ipython" || n == u"ipython3")
        return &python;
    if (n == u"r")
        return &r;
    if (n == u"julia" || n == u"jl")
        return &julia;
    if (n == u"bash" || n == u"sh" || n == u"shell" || n == u"zsh" || n == u"console")
        return &shell;
    if (n == u"json" || n == u"jsonc")
        return &json;
    if (n == u"sql")
        return &sql;
    static const QSet<QString> clikeNames = words(
        "c cpp c++ cc h hpp cxx java javascript js jsx ts typescript tsx rust rs go golang cs "
        "csharp kotlin kt swift scala dart php cuda");
    return clikeNames.contains(n) ? &clike : nullptr;
}

bool isWordChar(QChar c) { return c.isLetterOrNumber() || c == u'_'; }

class Lexer {
public:
    Lexer(QStringView code, const Language& lang) : m_s(code), m_l(lang) {}

    QList<CodeSpan> run() {
        const qsizetype n = m_s.size();
        while (m_i < n) {
            const QChar c = m_s[m_i];
            if (lineComment() || blockComment())
                continue;
            if (m_l.quotes.contains(c)) {
                string(c);
            } else if (c.isDigit() || (c == u'.' && m_i + 1 < n && m_s[m_i + 1].isDigit())) {
                number();
            } else if (c == u'$' && m_l.dollarVariables) {
                const qsizetype start = m_i++;
                while (m_i < n && (isWordChar(m_s[m_i]) || m_s[m_i] == u'{' || m_s[m_i] == u'}'))
                    ++m_i;
                add(start, CodeToken::Builtin);
            } else if (isWordChar(c)) {
                word();
            } else {
                ++m_i;
            }
        }
        return m_spans;
    }

private:
    void add(qsizetype start, CodeToken token) {
        if (m_i > start)
            m_spans.append(CodeSpan{start, m_i - start, token});
    }

    bool lineComment() {
        for (const QString& prefix : m_l.lineComments) {
            if (m_s.mid(m_i).startsWith(prefix) &&
                !(m_l.blockOpen.size() && m_s.mid(m_i).startsWith(m_l.blockOpen))) {
                const qsizetype start = m_i;
                const qsizetype end = m_s.indexOf(u'\n', m_i);
                m_i = end < 0 ? m_s.size() : end;
                add(start, CodeToken::Comment);
                return true;
            }
        }
        return false;
    }

    bool blockComment() {
        if (m_l.blockOpen.isEmpty() || !m_s.mid(m_i).startsWith(m_l.blockOpen))
            return false;
        const qsizetype start = m_i;
        const qsizetype end = m_s.indexOf(m_l.blockClose, m_i + m_l.blockOpen.size());
        m_i = end < 0 ? m_s.size() : end + m_l.blockClose.size();
        add(start, CodeToken::Comment);
        return true;
    }

    void string(QChar quote) {
        const qsizetype start = m_i;
        const qsizetype n = m_s.size();
        const bool triple = m_l.tripleQuotes && m_i + 2 < n && m_s[m_i + 1] == quote &&
                            m_s[m_i + 2] == quote;
        m_i += triple ? 3 : 1;
        while (m_i < n) {
            const QChar c = m_s[m_i];
            if (c == u'\\') {
                m_i += 2;
                continue;
            }
            if (c == quote) {
                if (!triple) {
                    ++m_i;
                    break;
                }
                if (m_i + 2 < n && m_s[m_i + 1] == quote && m_s[m_i + 2] == quote) {
                    m_i += 3;
                    break;
                }
            }
            if (c == u'\n' && !triple && quote != u'`')
                break; // unterminated single-line string
            ++m_i;
        }
        m_i = std::min(m_i, n);
        add(start, CodeToken::String);
    }

    void number() {
        const qsizetype start = m_i;
        while (m_i < m_s.size() && (m_s[m_i].isLetterOrNumber() || m_s[m_i] == u'.' || m_s[m_i] == u'_'))
            ++m_i;
        add(start, CodeToken::Number);
    }

    void word() {
        const qsizetype start = m_i;
        while (m_i < m_s.size() && (isWordChar(m_s[m_i]) || (m_s[m_i] == u'.' && m_l.dotInWords)))
            ++m_i;
        QString w = m_s.mid(start, m_i - start).toString();
        if (m_l.caseInsensitive)
            w = w.toLower();
        if (m_l.keywords.contains(w))
            add(start, CodeToken::Keyword);
        else if (m_l.builtins.contains(w))
            add(start, CodeToken::Builtin);
    }

    QStringView m_s;
    const Language& m_l;
    qsizetype m_i = 0;
    QList<CodeSpan> m_spans;
};

} // namespace

QList<CodeSpan> highlightCode(QStringView code, QStringView language) {
    const Language* lang = languageFor(language);
    if (!lang)
        return {};
    return Lexer(code, *lang).run();
}

bool isHighlightedLanguage(QStringView language) {
    return languageFor(language) != nullptr;
}

QTextCharFormat codeTokenFormat(CodeToken token, bool dark) {
    QTextCharFormat f;
    switch (token) {
    case CodeToken::Keyword:
        f.setForeground(dark ? QColor(0xc6, 0x8a, 0xf0) : QColor(0x86, 0x22, 0xb8));
        f.setFontWeight(QFont::DemiBold);
        break;
    case CodeToken::Builtin:
        f.setForeground(dark ? QColor(0x56, 0xc2, 0xd6) : QColor(0x00, 0x6e, 0x8a));
        break;
    case CodeToken::String:
        f.setForeground(dark ? QColor(0x9c, 0xd0, 0x7a) : QColor(0x1a, 0x7a, 0x1e));
        break;
    case CodeToken::Comment:
        f.setForeground(dark ? QColor(0x8a, 0x93, 0x9e) : QColor(0x6a, 0x73, 0x7d));
        f.setFontItalic(true);
        break;
    case CodeToken::Number:
        f.setForeground(dark ? QColor(0xe0, 0xa0, 0x6a) : QColor(0xb3, 0x4e, 0x00));
        break;
    }
    return f;
}

} // namespace quire::editor
