#pragma once

#include <QCoreApplication>
#include <QString>
#include <string>
#include <string_view>
#include <type_traits>

// Problem messages are user-visible: they are translated in the "NbFormat" context. Write
// nbMessage(QT_TRANSLATE_NOOP("NbFormat", "English text %1"), arg) so that lupdate finds them.

namespace quire::editor {

namespace detail {
inline QString messageArg(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}
inline QString messageArg(const std::string& s) {
    return messageArg(std::string_view(s));
}
inline QString messageArg(const char* s) {
    return QString::fromUtf8(s);
}
template <class T>
requires std::is_arithmetic_v<T> QString messageArg(T n) {
    return QString::number(n);
}
} // namespace detail

// The translation of `sourceText` with %1, %2, ... replaced by `args`, as UTF-8.
template <class... Args> std::string nbMessage(const char* sourceText, const Args&... args) {
    const QString text = QCoreApplication::translate("NbFormat", sourceText);
    if constexpr (sizeof...(Args) == 0)
        return text.toStdString();
    else // all at once, so that a "%2" inside an argument is left alone
        return text.arg(detail::messageArg(args)...).toStdString();
}

} // namespace quire::editor
