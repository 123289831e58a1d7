#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

namespace quire::editor {

// Notebook JSON keeps the key order it was read with (keep-style writing needs it); the
// canonical writer sorts keys itself.
using Json = nlohmann::ordered_json;

// Integers outside int64/uint64 (Python keeps them exactly) are held as a binary value with
// this subtype whose bytes are the decimal digits from the file ("-" sign included). The
// nbformat writers print them back verbatim; nothing else in a notebook is ever binary.
inline constexpr std::uint64_t kBigIntegerSubtype = 0x49; // 'I'

inline Json makeBigInteger(std::string_view digits) {
    return Json::binary(std::vector<std::uint8_t>(digits.begin(), digits.end()),
                        kBigIntegerSubtype);
}

inline bool isBigInteger(const Json& value) {
    return value.is_binary() && value.get_binary().has_subtype() &&
           value.get_binary().subtype() == kBigIntegerSubtype;
}

// The digits of a big integer (only valid while `value` lives).
inline std::string_view bigIntegerText(const Json& value) {
    const auto& bytes = value.get_binary();
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

// True for every JSON integer, including big ones (floats are not integers, as in the schema).
inline bool isJsonInteger(const Json& value) {
    return value.is_number_integer() || isBigInteger(value);
}

} // namespace quire::editor
