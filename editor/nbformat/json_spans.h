#pragma once

#include "problem.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quire::editor {

// Where every value of a JSON text lies: one scan over the text gives a tree of byte ranges.
// Keep-style writing copies unchanged values from it, and problems find their line with it.
class JsonSpans {
public:
    enum class Kind : unsigned char { Scalar, String, Object, Array };
    struct Member {
        std::size_t keyBegin = 0, keyEnd = 0; // the key with its quotes (objects only)
        std::string key;                      // decoded
        std::size_t node = 0;
    };
    struct Node {
        std::size_t begin = 0, end = 0; // the value's bytes [begin, end)
        Kind kind = Kind::Scalar;
        std::vector<Member> members; // object members in text order (duplicates kept), array items
    };

    // nullopt when `text` is not one well-formed JSON value (scan only text the parser accepted).
    static std::optional<JsonSpans> scan(std::string_view text);

    const Node& root() const { return m_nodes.front(); }
    const Node& node(std::size_t index) const { return m_nodes[index]; }
    // The member that counts for `key` (the last one, as when parsing), or nullptr.
    const Member* member(const Node& object, std::string_view key) const;
    // Byte offset of what `pointer` names: the key for an object member, else the value.
    std::optional<std::size_t> offsetOf(std::string_view pointer) const;

private:
    std::vector<Node> m_nodes;
};

// The value of a JSON string literal (with its quotes), escapes decoded to UTF-8.
std::string decodeJsonString(std::string_view literal);

// Fills in the line of each problem whose line is unknown, from its path in `text` (the
// text the JSON was read from). Scans the text only when there is something to locate.
void locateProblems(Problems& problems, std::string_view text);

} // namespace quire::editor
