#pragma once

#include "json.h"
#include "problem.h"

#include <optional>
#include <string_view>

namespace quire::editor {

// Deepest nesting of arrays/objects accepted (Python's json gives up near 1000; nothing real
// comes close to this).
inline constexpr int kMaxJsonDepth = 512;

struct JsonParseResult {
    std::optional<Json> value;
    Problem error; // set when value is empty
};

// Strict JSON as Python's json.loads reads it for nbformat: UTF-8 only, duplicate keys keep
// the last value at the first key's position, integers of any size kept exactly (see
// makeBigInteger). Rejects NaN/Infinity, trailing data and nesting deeper than kMaxJsonDepth.
// A UTF-8 byte order mark before the value is skipped.
JsonParseResult parseJson(std::string_view bytes);

// parseJson without its fast path: nlohmann's parser, whose errors say what is wrong and
// where. (parseJson uses it when the fast path refuses; the fuzz target compares the two.)
JsonParseResult parseJsonExplained(std::string_view bytes);

// 1-based line of a byte offset (lines end at \n).
int lineAtOffset(std::string_view text, size_t offset);

} // namespace quire::editor
