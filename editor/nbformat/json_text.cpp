#include "json_text.h"

#include "byte_scan.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace quire::editor {

namespace {

constexpr char kLowerHex[] = "0123456789abcdef";
constexpr char kUpperHex[] = "0123456789ABCDEF";

void appendUnicodeEscape(std::string& out, unsigned code, bool upperHex) {
    const char* hex = upperHex ? kUpperHex : kLowerHex;
    const char esc[6] = {'\\',
                         'u',
                         hex[(code >> 12) & 0xf],
                         hex[(code >> 8) & 0xf],
                         hex[(code >> 4) & 0xf],
                         hex[code & 0xf]};
    out.append(esc, 6);
}

// Appends the escape of an ASCII byte that Python's json escapes (control characters without
// a short form get \u00XX); false when the byte is written as it is.
bool appendAsciiEscape(std::string& out, unsigned char c, bool upperHex) {
    switch (c) {
    case '"':
        out += "\\\"";
        return true;
    case '\\':
        out += "\\\\";
        return true;
    case '\n':
        out += "\\n";
        return true;
    case '\r':
        out += "\\r";
        return true;
    case '\t':
        out += "\\t";
        return true;
    case '\b':
        out += "\\b";
        return true;
    case '\f':
        out += "\\f";
        return true;
    default:
        if (c < 0x20) {
            appendUnicodeEscape(out, c, upperHex);
            return true;
        }
        return false;
    }
}

// Decodes one UTF-8 sequence at s[i]; returns its length (0 when ill-formed).
size_t decodeUtf8(std::string_view s, size_t i, unsigned& code) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    size_t len = 0;
    unsigned min = 0;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
        len = 2, code = b0 & 0x1f, min = 0x80;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
        len = 3, code = b0 & 0x0f, min = 0x800;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
        len = 4, code = b0 & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (i + len > s.size())
        return 0;
    for (size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xc0) != 0x80)
            return 0;
        code = (code << 6) | (b & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        return 0;
    return len;
}

} // namespace

void appendJsonString(std::string& out, std::string_view s, bool ensureAscii, bool upperHex) {
    static constexpr ByteStops utf8Stops(false, false), asciiStops(true, true);
    const ByteStops& stops = ensureAscii ? asciiStops : utf8Stops;
    out += '"';
    const char* const end = s.data() + s.size();
    for (size_t i = 0; i < s.size();) {
        const size_t run = plainRun(s.data() + i, end, stops);
        out.append(s.data() + i, run);
        i += run;
        if (i >= s.size())
            break;
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (!appendAsciiEscape(out, c, upperHex))
                appendUnicodeEscape(out, c, upperHex); // DEL, with ensure_ascii
            ++i;
        } else {
            unsigned code = 0;
            const size_t len = decodeUtf8(s, i, code);
            if (len == 0) {
                code = 0xfffd; // not UTF-8: never produced by the reader
                i += 1;
            } else {
                i += len;
            }
            if (code >= 0x10000) {
                code -= 0x10000;
                appendUnicodeEscape(out, 0xd800 + (code >> 10), upperHex);
                appendUnicodeEscape(out, 0xdc00 + (code & 0x3ff), upperHex);
            } else {
                appendUnicodeEscape(out, code, upperHex);
            }
        }
    }
    out += '"';
}

void appendPythonFloat(std::string& out, double value) {
    if (!std::isfinite(value)) {
        // Python writes these (not JSON); the reader never produces them.
        out += std::isnan(value) ? "NaN" : (value > 0 ? "Infinity" : "-Infinity");
        return;
    }
    if (value == 0) {
        out += std::signbit(value) ? "-0.0" : "0.0";
        return;
    }
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
    std::string_view sci(buf, size_t(res.ptr - buf)); // [-]d[.ddd]e(+|-)dd
    if (sci.front() == '-') {
        out += '-';
        sci.remove_prefix(1);
    }
    const size_t e = sci.find('e');
    std::string digits;
    for (char c : sci.substr(0, e))
        if (c != '.')
            digits += c;
    std::string_view expText = sci.substr(e + 1);
    const bool negExp = expText.front() == '-';
    expText.remove_prefix(1);
    int exp = 0;
    std::from_chars(expText.data(), expText.data() + expText.size(), exp);
    if (negExp)
        exp = -exp;
    const int decpt = exp + 1; // value = 0.DIGITS x 10^decpt
    const int n = int(digits.size());
    if (decpt <= -4 || decpt > 16) {
        out += digits[0];
        if (n > 1) {
            out += '.';
            out.append(digits, 1);
        }
        out += negExp ? "e-" : "e+";
        const int absExp = negExp ? -exp : exp;
        if (absExp < 10)
            out += '0';
        out += std::to_string(absExp);
    } else if (decpt <= 0) {
        out += "0.";
        out.append(size_t(-decpt), '0');
        out += digits;
    } else if (decpt >= n) {
        out += digits;
        out.append(size_t(decpt - n), '0');
        out += ".0";
    } else {
        out.append(digits, 0, size_t(decpt));
        out += '.';
        out.append(digits, size_t(decpt));
    }
}

void appendJsonScalar(std::string& out, const Json& value, const JsonStyle& style) {
    switch (value.type()) {
    case Json::value_t::null:
        out += "null";
        break;
    case Json::value_t::boolean:
        out += value.get<bool>() ? "true" : "false";
        break;
    case Json::value_t::number_integer:
        out += std::to_string(value.get<std::int64_t>());
        break;
    case Json::value_t::number_unsigned:
        out += std::to_string(value.get<std::uint64_t>());
        break;
    case Json::value_t::number_float:
        appendPythonFloat(out, value.get<double>());
        break;
    case Json::value_t::string:
        appendJsonString(out, value.get_ref<const std::string&>(), style.ensureAscii,
                         style.upperHex);
        break;
    case Json::value_t::binary:
        if (isBigInteger(value)) {
            out += bigIntegerText(value);
        } else {
            // Not produced by the reader: write the bytes as a list of numbers.
            appendJson(out,
                       Json(std::vector<int>(value.get_binary().begin(), value.get_binary().end())),
                       style);
        }
        break;
    default:
        out += "null";
        break;
    }
}

void appendBreak(std::string& out, const JsonStyle& style, int depth) {
    if (!style.pretty)
        return;
    out += style.newline;
    for (int i = 0; i < depth; ++i)
        out += style.indentUnit;
}

std::vector<const Json::object_t::value_type*> orderedMembers(const Json& object, bool sorted) {
    const auto& members = object.get_ref<const Json::object_t&>();
    std::vector<const Json::object_t::value_type*> order;
    order.reserve(members.size());
    for (const auto& m : members)
        order.push_back(&m);
    if (sorted)
        std::sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->first < b->first; });
    return order;
}

void appendJson(std::string& out, const Json& value, const JsonStyle& style, int depth) {
    if (value.is_object()) {
        if (value.empty()) {
            out += "{}";
            return;
        }
        out += '{';
        bool first = true;
        for (const auto* m : orderedMembers(value, style.sortKeys)) {
            if (!first)
                out += style.itemSeparator;
            first = false;
            appendBreak(out, style, depth + 1);
            appendJsonString(out, m->first, style.ensureAscii, style.upperHex);
            out += style.keySeparator;
            appendJson(out, m->second, style, depth + 1);
        }
        appendBreak(out, style, depth);
        out += '}';
    } else if (value.is_array()) {
        if (value.empty()) {
            out += "[]";
            return;
        }
        out += '[';
        bool first = true;
        for (const auto& item : value) {
            if (!first)
                out += style.itemSeparator;
            first = false;
            appendBreak(out, style, depth + 1);
            appendJson(out, item, style, depth + 1);
        }
        appendBreak(out, style, depth);
        out += ']';
    } else {
        appendJsonScalar(out, value, style);
    }
}

} // namespace quire::editor
