#include "r_lexer.h"

#include <QSet>
#include <Qsci/qsciscintilla.h>

namespace quire::editor {

RLexer::RLexer(QObject* parent) : QsciLexerCustom(parent) {}

QString RLexer::description(int style) const {
    switch (style) {
    case Default:
        return QStringLiteral("Default");
    case Comment:
        return QStringLiteral("Comment");
    case String:
        return QStringLiteral("String");
    case Number:
        return QStringLiteral("Number");
    case Keyword:
        return QStringLiteral("Keyword");
    case Operator:
        return QStringLiteral("Operator");
    default:
        return {};
    }
}

QColor RLexer::defaultColor(int style) const {
    switch (style) {
    case Comment:
        return QColor(0x00, 0x7f, 0x00);
    case String:
        return QColor(0xba, 0x21, 0x21);
    case Number:
        return QColor(0x00, 0x7f, 0x7f);
    case Keyword:
        return QColor(0x00, 0x00, 0xb0);
    case Operator:
        return QColor(0x66, 0x33, 0x99);
    default:
        return QColor(0x20, 0x20, 0x20);
    }
}

void RLexer::styleText(int start, int end) {
    auto* ed = editor();
    if (!ed || end <= start)
        return;
    // Restyle from the start of the line so strings/comments are seen whole.
    const int line = int(ed->SendScintilla(QsciScintillaBase::SCI_LINEFROMPOSITION, start));
    start = int(ed->SendScintilla(QsciScintillaBase::SCI_POSITIONFROMLINE, line));
    QByteArray text(end - start, '\0');
    ed->SendScintilla(QsciScintillaBase::SCI_GETTEXTRANGE, start, end, text.data());
    static const QSet<QByteArray> keywords = {
        "if",   "else",  "repeat", "while", "function", "for", "in",     "next",    "break",
        "TRUE", "FALSE", "NULL",   "Inf",   "NaN",      "NA",  "return", "library", "require"};
    startStyling(start);
    int i = 0;
    const int n = int(text.size());
    auto run = [&](int len, int style) {
        setStyling(len, style);
        i += len;
    };
    while (i < n) {
        const char c = text[i];
        int j = i + 1;
        if (c == '#') {
            while (j < n && text[j] != '\n')
                ++j;
            run(j - i, Comment);
        } else if (c == '"' || c == '\'' || c == '`') {
            while (j < n && text[j] != c) {
                if (text[j] == '\\')
                    ++j;
                ++j;
            }
            run(std::min(j + 1, n) - i, String);
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            while (j < n && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '.'))
                ++j;
            run(j - i, Number);
        } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '.' || c == '_') {
            while (j < n && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '.' ||
                             text[j] == '_'))
                ++j;
            run(j - i, keywords.contains(text.mid(i, j - i)) ? Keyword : Default);
        } else if (std::ispunct(static_cast<unsigned char>(c))) {
            run(1, Operator);
        } else {
            run(1, Default);
        }
    }
}

} // namespace quire::editor
