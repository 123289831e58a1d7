#pragma once

#include "json.h"

#include <string>
#include <string_view>

namespace quire::editor {

// How JSON text is laid out. The defaults are nbformat's: Python's json.dumps(indent=1,
// sort_keys=True, separators=(",", ": "), ensure_ascii=False).
struct JsonStyle {
    bool pretty = true;              // one item per line (Python: indent is not None)
    std::string indentUnit = " ";    // per nesting level when pretty
    std::string itemSeparator = ","; // after every item but the last (before the line break)
    std::string keySeparator = ": ";
    std::string newline = "\n";
    bool ensureAscii = false; // non-ASCII as \uXXXX escapes
    bool upperHex = false;    // \u001B instead of \u001b
    bool sortKeys = true;
};

// A string as Python's json module writes it (quotes included).
void appendJsonString(std::string& out, std::string_view utf8, bool ensureAscii = false,
                      bool upperHex = false);

// repr(float) of Python for a finite double: shortest round-trip digits, fixed notation for
// decimal exponents -4 <= exp < 16 ("1e-05", "1e+16", "100.0").
void appendPythonFloat(std::string& out, double value);

// null, booleans, numbers (big integers verbatim) and strings.
void appendJsonScalar(std::string& out, const Json& value, const JsonStyle& style);

// Line break plus indentation for `depth` (nothing when the style is compact).
void appendBreak(std::string& out, const JsonStyle& style, int depth);

// Any JSON value in `style`, nested containers at `depth` (the depth of `value` itself).
void appendJson(std::string& out, const Json& value, const JsonStyle& style, int depth = 0);

// Object members in the order the style asks for (sorted by code point, or as stored).
std::vector<const Json::object_t::value_type*> orderedMembers(const Json& object, bool sorted);

} // namespace quire::editor
