#include "text_lines.h"

#include <array>

namespace quire::editor {

namespace {
// Length of the line break starting at text[i], 0 when there is none.
size_t breakLength(std::string_view text, size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    switch (c) {
    case '\r':
        return (i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
    case '\n':
    case '\v':
    case '\f':
    case 0x1c:
    case 0x1d:
    case 0x1e:
        return 1;
    case 0xc2: // U+0085 NEXT LINE
        return (i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x85) ? 2 : 0;
    case 0xe2: // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
        if (i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
            const auto c2 = static_cast<unsigned char>(text[i + 2]);
            return (c2 == 0xa8 || c2 == 0xa9) ? 3 : 0;
        }
        return 0;
    default:
        return 0;
    }
}
} // namespace

std::vector<std::string> splitLines(std::string_view text) {
    const auto views = splitLineViews(text);
    return {views.begin(), views.end()};
}

std::size_t lineEnd(std::string_view text, std::size_t start) {
    // Only these bytes can start a line break; most bytes are none of them.
    static constexpr auto candidates = [] {
        std::array<bool, 256> t{};
        for (unsigned char c : {'\n', '\r', '\v', '\f', '\x1c', '\x1d', '\x1e', '\xc2', '\xe2'})
            t[c] = true;
        return t;
    }();
    for (size_t i = start; i < text.size(); ++i) {
        if (candidates[static_cast<unsigned char>(text[i])])
            if (const size_t n = breakLength(text, i))
                return i + n;
    }
    return text.size();
}

std::vector<std::string_view> splitLineViews(std::string_view text) {
    std::vector<std::string_view> lines;
    for (size_t start = 0; start < text.size();) {
        const size_t end = lineEnd(text, start);
        lines.push_back(text.substr(start, end - start));
        start = end;
    }
    return lines;
}

} // namespace quire::editor
