#include "json_parser.h"

#include "json_fast_parser.h"
#include "messages.h"

#include <algorithm>
#include <memory>
#include <unordered_map>

namespace quire::editor {

namespace {

using Members = std::vector<std::pair<const std::string, Json>>; // ordered_map's storage

// nlohmann SAX handler that builds ordered JSON the way Python's json.loads builds dicts.
class DomBuilder {
public:
    bool null() { return put(Json(nullptr)) != nullptr; }
    bool boolean(bool b) { return put(Json(b)) != nullptr; }
    bool number_integer(Json::number_integer_t v) { return put(Json(v)) != nullptr; }
    bool number_unsigned(Json::number_unsigned_t v) { return put(Json(v)) != nullptr; }
    bool number_float(Json::number_float_t v, const std::string& lexeme) {
        // nlohmann falls back to a double for integers beyond 64 bits; keep their digits.
        if (lexeme.find_first_of(".eE") == std::string::npos)
            return put(makeBigInteger(lexeme)) != nullptr;
        return put(Json(v)) != nullptr;
    }
    bool string(std::string& s) { return put(Json(std::move(s))) != nullptr; }
    bool binary(Json::binary_t&) { return false; } // not part of JSON text
    bool start_object(std::size_t) { return open(Json::object()); }
    bool start_array(std::size_t) { return open(Json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(std::string& k) {
        Frame& f = m_stack.back();
        auto& members = static_cast<Members&>(f.value->get_ref<Json::object_t&>());
        if (const auto existing = find(f, members, k)) {
            f.pending = *existing; // duplicate: the later value replaces the earlier in place
            return true;
        }
        if (f.index)
            f.index->emplace(k, members.size());
        members.emplace_back(std::move(k), Json());
        f.pending = members.size() - 1;
        return true;
    }

    bool parse_error(std::size_t position, const std::string& lastToken,
                     const Json::exception& ex) {
        m_errorPosition = position;
        m_lastToken = lastToken;
        m_errorText = ex.what();
        m_syntaxError = true;
        return false;
    }

    Json takeRoot() { return std::move(m_root); }
    bool depthExceeded() const { return m_depthExceeded; }
    bool syntaxError() const { return m_syntaxError; }
    size_t errorPosition() const { return m_errorPosition; }
    const std::string& lastToken() const { return m_lastToken; }
    const std::string& errorText() const { return m_errorText; }

private:
    struct Frame {
        Json* value = nullptr;
        size_t pending = 0; // member index the next object value goes to
        // Key -> member index, built once an object is large enough for linear search to hurt.
        std::unique_ptr<std::unordered_map<std::string, size_t>> index;
    };
    static constexpr size_t kLinearSearchLimit = 16;

    static std::optional<size_t> find(Frame& f, const Members& members, const std::string& k) {
        if (!f.index && members.size() > kLinearSearchLimit) {
            f.index = std::make_unique<std::unordered_map<std::string, size_t>>();
            for (size_t i = 0; i < members.size(); ++i)
                f.index->emplace(members[i].first, i);
        }
        if (f.index) {
            const auto it = f.index->find(k);
            return it == f.index->end() ? std::nullopt : std::optional<size_t>(it->second);
        }
        for (size_t i = 0; i < members.size(); ++i)
            if (members[i].first == k)
                return i;
        return std::nullopt;
    }

    Json* put(Json&& v) {
        if (m_stack.empty()) {
            m_root = std::move(v);
            return &m_root;
        }
        Frame& f = m_stack.back();
        if (f.value->is_array()) {
            auto& items = f.value->get_ref<Json::array_t&>();
            items.push_back(std::move(v));
            return &items.back();
        }
        auto& members = static_cast<Members&>(f.value->get_ref<Json::object_t&>());
        Json& slot = members[f.pending].second;
        slot = std::move(v);
        return &slot;
    }

    bool open(Json&& container) {
        if (m_stack.size() >= size_t(kMaxJsonDepth)) {
            m_depthExceeded = true;
            return false;
        }
        Json* placed = put(std::move(container));
        m_stack.push_back(Frame{placed, 0, nullptr});
        return true;
    }

    bool close() {
        m_stack.pop_back();
        return true;
    }

    Json m_root;
    std::vector<Frame> m_stack;
    bool m_depthExceeded = false;
    bool m_syntaxError = false;
    size_t m_errorPosition = 0;
    std::string m_lastToken;
    std::string m_errorText;
};

// Offset of the bracket that goes one level deeper than kMaxJsonDepth.
size_t tooDeepOffset(std::string_view text) {
    int depth = 0;
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxJsonDepth)
                return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return 0;
}

// nlohmann's message without its "[json.exception...] parse error at line L, column C: " prefix,
// with bytes that are not printable UTF-8 shown as \xNN.
std::string readableDetail(const std::string& what) {
    std::string_view detail = what;
    if (const size_t column = detail.find("column "); column != std::string_view::npos) {
        if (const size_t colon = detail.find(": ", column); colon != std::string_view::npos)
            detail.remove_prefix(colon + 2);
    }
    std::string out;
    for (size_t i = 0; i < detail.size(); ++i) {
        const auto c = static_cast<unsigned char>(detail[i]);
        if (c >= 0x20 && c < 0x7f) {
            out += char(c);
        } else {
            static constexpr char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0xf];
        }
    }
    return out;
}

// Python writes NaN, Infinity and -Infinity for floats JSON cannot hold; nlohmann stops at
// their first letter.
bool isNonFiniteLiteral(std::string_view text, size_t at) {
    if (at > 0 && text[at - 1] == '-')
        --at;
    const std::string_view rest = text.substr(std::min(at, text.size()));
    return rest.starts_with("NaN") || rest.starts_with("Infinity") || rest.starts_with("-Infinity");
}

bool onlyWhitespace(std::string_view s) {
    if (s.substr(0, 3) == "\xef\xbb\xbf")
        s.remove_prefix(3);
    return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

} // namespace

int lineAtOffset(std::string_view text, size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + int(std::count(text.begin(), text.begin() + std::ptrdiff_t(offset), '\n'));
}

JsonParseResult parseJson(std::string_view bytes) {
    if (auto fast = parseJsonFast(bytes)) {
        JsonParseResult result;
        result.value = std::move(fast);
        return result;
    }
    return parseJsonExplained(bytes);
}

JsonParseResult parseJsonExplained(std::string_view bytes) {
    JsonParseResult result;
    result.error.severity = Problem::Severity::Error;
    if (onlyWhitespace(bytes)) {
        result.error.line = 1;
        result.error.message = nbMessage(QT_TRANSLATE_NOOP("NbFormat", "the file is empty"));
        return result;
    }
    // JSON text never holds a raw NUL, and nlohmann would take one for the end of the input.
    if (const size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
        result.error.line = lineAtOffset(bytes, nul);
        result.error.message = nbMessage(
            QT_TRANSLATE_NOOP("NbFormat", "the file contains a NUL byte: it is not JSON text"));
        return result;
    }
    DomBuilder builder;
    const bool ok = Json::sax_parse(bytes.begin(), bytes.end(), &builder);
    if (ok) {
        result.value = builder.takeRoot();
        return result;
    }
    if (builder.depthExceeded()) {
        const size_t at = tooDeepOffset(bytes);
        result.error.line = lineAtOffset(bytes, at);
        result.error.message =
            nbMessage(QT_TRANSLATE_NOOP("NbFormat", "the JSON is nested more than %1 levels deep"),
                      kMaxJsonDepth);
        return result;
    }
    // nlohmann counts the offending character as read; point at it.
    const size_t at = builder.errorPosition() > 0 ? builder.errorPosition() - 1 : 0;
    result.error.line = lineAtOffset(bytes, at);
    const std::string& token = builder.lastToken();
    const std::string& what = builder.errorText();
    if (builder.errorPosition() > bytes.size() || what.find("end of input") != std::string::npos) {
        result.error.message = nbMessage(
            QT_TRANSLATE_NOOP("NbFormat", "the JSON ends too early (is the file truncated?)"));
    } else if (isNonFiniteLiteral(bytes, at)) {
        result.error.message =
            nbMessage(QT_TRANSLATE_NOOP("NbFormat", "NaN and Infinity are not valid JSON"));
    } else if (what.find("UTF-8") != std::string::npos) {
        result.error.message =
            nbMessage(QT_TRANSLATE_NOOP("NbFormat", "the file is not valid UTF-8 text"));
    } else if (what.find("number overflow") != std::string::npos) {
        result.error.message = nbMessage(QT_TRANSLATE_NOOP("NbFormat", "a number is too large: %1"),
                                         readableDetail(token));
    } else {
        const size_t lineStart = at == 0 ? std::string_view::npos : bytes.rfind('\n', at - 1);
        const size_t column = lineStart == std::string_view::npos ? at + 1 : at - lineStart;
        result.error.message =
            nbMessage(QT_TRANSLATE_NOOP("NbFormat", "not valid JSON at column %1: %2"), column,
                      readableDetail(what));
    }
    return result;
}

} // namespace quire::editor
