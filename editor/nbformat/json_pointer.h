#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace quire::editor {

// RFC 6901 JSON pointers, built one step at a time ("" is the root).
inline std::string childPointer(std::string_view parent, std::string_view key) {
    std::string out(parent);
    out += '/';
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

inline std::string childPointer(std::string_view parent, std::size_t index) {
    std::string out(parent);
    out += '/';
    out += std::to_string(index);
    return out;
}

} // namespace quire::editor
