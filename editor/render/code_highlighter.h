#pragma once

#include <QList>
#include <QString>
#include <QTextCharFormat>

namespace quire::editor {

enum class CodeToken : quint8 { Keyword, Builtin, String, Comment, Number };

struct CodeSpan {
    qsizetype start = 0;
    qsizetype length = 0;
    CodeToken token = CodeToken::Keyword;
};

// A small lexer for code in markdown fences: keywords, builtins/constants, strings, comments
// and numbers for Python, R, Julia, shell, JSON, SQL and C-like languages (C, C++, Java,
// JavaScript/TypeScript, Rust, Go, C#, ...). `language` is the fence's info string
// ("python", "py", "js", ...); unknown languages give no spans. `code` may span many lines.
QList<CodeSpan> highlightCode(QStringView code, QStringView language);

// Whether highlightCode knows `language`.
bool isHighlightedLanguage(QStringView language);

// The colour for a token, chosen for a light or a dark background.
QTextCharFormat codeTokenFormat(CodeToken token, bool dark);

} // namespace quire::editor
