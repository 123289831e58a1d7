#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace quire::editor {

// Python's str.splitlines(keepends=True) on UTF-8 text: breaks after \n, \r, \r\n, \v, \f,
// \x1c, \x1d, \x1e, U+0085, U+2028 and U+2029 (nbformat splits multi-line strings this way).
std::vector<std::string> splitLines(std::string_view text);
// The same lines as views into `text`.
std::vector<std::string_view> splitLineViews(std::string_view text);
// Where the line that starts at `start` ends: just after its line break, or text.size().
std::size_t lineEnd(std::string_view text, std::size_t start);

} // namespace quire::editor
