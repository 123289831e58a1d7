#include "json_fast_parser.h"

#include "byte_scan.h"
#include "json_parser.h"

#include <charconv>
#include <cstring>
#include <memory>
#include <unordered_map>

namespace quire::editor {

namespace {

using Members = std::vector<std::pair<const std::string, Json>>; // ordered_map's storage

constexpr ByteStops kStops(false, true); // non-ASCII is checked as UTF-8

class FastParser {
public:
    explicit FastParser(std::string_view text)
        : m_p(text.data()), m_end(text.data() + text.size()) {}

    std::optional<Json> run() {
        if (m_end - m_p >= 3 && std::memcmp(m_p, "\xef\xbb\xbf", 3) == 0)
            m_p += 3;
        Json root;
        skipSpace();
        if (!value(root))
            return std::nullopt;
        skipSpace();
        if (m_p != m_end)
            return std::nullopt;
        return root;
    }

private:
    void skipSpace() {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool value(Json& out) {
        if (m_p >= m_end)
            return false;
        switch (*m_p) {
        case '{':
            return object(out);
        case '[':
            return array(out);
        case '"': {
            std::string s;
            if (!string(s))
                return false;
            out = std::move(s);
            return true;
        }
        case 't':
            return literal("true", Json(true), out);
        case 'f':
            return literal("false", Json(false), out);
        case 'n':
            return literal("null", Json(nullptr), out);
        default:
            return number(out);
        }
    }

    bool literal(std::string_view word, Json v, Json& out) {
        if (size_t(m_end - m_p) < word.size() || std::memcmp(m_p, word.data(), word.size()) != 0)
            return false;
        m_p += word.size();
        out = std::move(v);
        return true;
    }

    // Containers are parsed onto scratch stacks shared by all levels, then moved into a
    // vector of the right size: one allocation per container instead of one per doubling.
    bool object(Json& out) {
        if (++m_depth > kMaxJsonDepth)
            return false;
        ++m_p;
        skipSpace();
        const size_t base = m_members.size();
        std::unique_ptr<std::unordered_map<std::string, size_t>> index; // for big objects
        if (m_p < m_end && *m_p == '}') {
            ++m_p;
        } else {
            for (;;) {
                std::string key;
                if (m_p >= m_end || *m_p != '"' || !string(key))
                    return false;
                skipSpace();
                if (m_p >= m_end || *m_p != ':')
                    return false;
                ++m_p;
                skipSpace();
                Json v;
                if (!value(v))
                    return false;
                // A repeated key takes the new value in the old place, as a Python dict does.
                size_t slot = m_members.size();
                if (index) {
                    if (const auto it = index->find(key); it != index->end())
                        slot = it->second;
                } else {
                    for (size_t i = base; i < m_members.size(); ++i)
                        if (m_members[i].first == key) {
                            slot = i;
                            break;
                        }
                }
                if (slot < m_members.size()) {
                    m_members[slot].second = std::move(v);
                } else {
                    if (index)
                        index->emplace(key, slot);
                    m_members.emplace_back(std::move(key), std::move(v));
                    if (!index && m_members.size() - base > 16) {
                        index = std::make_unique<std::unordered_map<std::string, size_t>>();
                        for (size_t i = base; i < m_members.size(); ++i)
                            index->emplace(m_members[i].first, i);
                    }
                }
                skipSpace();
                if (m_p >= m_end)
                    return false;
                if (*m_p == ',') {
                    ++m_p;
                    skipSpace();
                    continue;
                }
                if (*m_p != '}')
                    return false;
                ++m_p;
                break;
            }
        }
        out = Json::object();
        auto& members = static_cast<Members&>(out.get_ref<Json::object_t&>());
        members.reserve(m_members.size() - base);
        for (size_t i = base; i < m_members.size(); ++i)
            members.emplace_back(std::move(m_members[i].first), std::move(m_members[i].second));
        m_members.resize(base);
        --m_depth;
        return true;
    }

    bool array(Json& out) {
        if (++m_depth > kMaxJsonDepth)
            return false;
        ++m_p;
        skipSpace();
        const size_t base = m_items.size();
        if (m_p < m_end && *m_p == ']') {
            ++m_p;
        } else {
            for (;;) {
                Json item;
                if (!value(item))
                    return false;
                m_items.push_back(std::move(item));
                skipSpace();
                if (m_p >= m_end)
                    return false;
                if (*m_p == ',') {
                    ++m_p;
                    skipSpace();
                    continue;
                }
                if (*m_p != ']')
                    return false;
                ++m_p;
                break;
            }
        }
        out = Json::array();
        auto& items = out.get_ref<Json::array_t&>();
        items.reserve(m_items.size() - base);
        for (size_t i = base; i < m_items.size(); ++i)
            items.push_back(std::move(m_items[i]));
        m_items.resize(base);
        --m_depth;
        return true;
    }

    static int hexValue(char c) {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool hex4(unsigned& code) {
        if (m_end - m_p < 4)
            return false;
        code = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hexValue(m_p[i]);
            if (h < 0)
                return false;
            code = code * 16 + unsigned(h);
        }
        m_p += 4;
        return true;
    }

    static void appendUtf8(std::string& s, unsigned code) {
        if (code < 0x80) {
            s += char(code);
        } else if (code < 0x800) {
            s += char(0xc0 | (code >> 6));
            s += char(0x80 | (code & 0x3f));
        } else if (code < 0x10000) {
            s += char(0xe0 | (code >> 12));
            s += char(0x80 | ((code >> 6) & 0x3f));
            s += char(0x80 | (code & 0x3f));
        } else {
            s += char(0xf0 | (code >> 18));
            s += char(0x80 | ((code >> 12) & 0x3f));
            s += char(0x80 | ((code >> 6) & 0x3f));
            s += char(0x80 | (code & 0x3f));
        }
    }

    // Length of the well-formed UTF-8 sequence at m_p (RFC 3629), 0 when there is none.
    size_t utf8Length() const {
        const auto byte = [this](ptrdiff_t i) {
            return m_p + i < m_end ? static_cast<unsigned char>(m_p[i]) : 0u;
        };
        const auto in = [](unsigned b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
        const unsigned b0 = byte(0);
        if (in(b0, 0xc2, 0xdf))
            return in(byte(1), 0x80, 0xbf) ? 2 : 0;
        if (in(b0, 0xe0, 0xef)) {
            const unsigned lo = b0 == 0xe0 ? 0xa0 : 0x80, hi = b0 == 0xed ? 0x9f : 0xbf;
            return in(byte(1), lo, hi) && in(byte(2), 0x80, 0xbf) ? 3 : 0;
        }
        if (in(b0, 0xf0, 0xf4)) {
            const unsigned lo = b0 == 0xf0 ? 0x90 : 0x80, hi = b0 == 0xf4 ? 0x8f : 0xbf;
            return in(byte(1), lo, hi) && in(byte(2), 0x80, 0xbf) && in(byte(3), 0x80, 0xbf) ? 4
                                                                                             : 0;
        }
        return 0;
    }

    // Where the string literal whose content starts at `from` ends (its closing quote).
    const char* literalEnd(const char* from) const {
        for (const char* q = m_p;;) {
            q = static_cast<const char*>(std::memchr(q, '"', size_t(m_end - q)));
            if (!q)
                return m_end;
            const char* b = q;
            while (b > from && b[-1] == '\\')
                --b;
            if ((q - b) % 2 == 0)
                return q;
            ++q;
        }
    }

    bool string(std::string& s) {
        const char* const from = ++m_p; // after the opening quote
        const size_t plain = plainRun(m_p, m_end, kStops);
        if (m_p + plain < m_end && m_p[plain] == '"') { // the common case: nothing to decode
            s.assign(m_p, plain);
            m_p += plain + 1;
            return true;
        }
        s.reserve(size_t(literalEnd(from) - from));
        for (;;) {
            const size_t run = plainRun(m_p, m_end, kStops);
            s.append(m_p, run);
            m_p += run;
            if (m_p >= m_end)
                return false;
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                ++m_p;
                return true;
            }
            if (c >= 0x80) {
                const size_t n = utf8Length();
                if (n == 0)
                    return false;
                s.append(m_p, n);
                m_p += n;
                continue;
            }
            if (c != '\\' || m_end - m_p < 2)
                return false; // control character
            const char e = m_p[1];
            m_p += 2;
            switch (e) {
            case '"':
                s += '"';
                break;
            case '\\':
                s += '\\';
                break;
            case '/':
                s += '/';
                break;
            case 'b':
                s += '\b';
                break;
            case 'f':
                s += '\f';
                break;
            case 'n':
                s += '\n';
                break;
            case 'r':
                s += '\r';
                break;
            case 't':
                s += '\t';
                break;
            case 'u': {
                unsigned code = 0;
                if (!hex4(code))
                    return false;
                if (code >= 0xdc00 && code <= 0xdfff)
                    return false; // a low surrogate alone
                if (code >= 0xd800 && code <= 0xdbff) {
                    unsigned low = 0;
                    if (m_end - m_p < 2 || m_p[0] != '\\' || m_p[1] != 'u')
                        return false;
                    m_p += 2;
                    if (!hex4(low) || low < 0xdc00 || low > 0xdfff)
                        return false;
                    code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
                }
                appendUtf8(s, code);
                break;
            }
            default:
                return false;
            }
        }
    }

    bool number(Json& out) {
        const char* start = m_p;
        const bool negative = m_p < m_end && *m_p == '-';
        if (negative)
            ++m_p;
        const auto digits = [this] {
            const char* d = m_p;
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
            return m_p - d;
        };
        const char* intStart = m_p;
        const ptrdiff_t intDigits = digits();
        if (intDigits == 0 || (*intStart == '0' && intDigits > 1))
            return false;
        bool integer = true;
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            if (digits() == 0)
                return false;
            integer = false;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (digits() == 0)
                return false;
            integer = false;
        }
        if (integer) {
            if (negative) {
                std::int64_t v = 0;
                if (std::from_chars(start, m_p, v).ec == std::errc()) {
                    out = v;
                    return true;
                }
            } else {
                std::uint64_t v = 0;
                if (std::from_chars(start, m_p, v).ec == std::errc()) {
                    out = v;
                    return true;
                }
            }
            // Beyond 64 bits: digits kept. Past ~300 digits nlohmann (the fallback) decides.
            if (m_p - start > 300)
                return false;
            out = makeBigInteger(std::string_view(start, size_t(m_p - start)));
            return true;
        }
        double v = 0;
        const auto res = std::from_chars(start, m_p, v);
        if (res.ec != std::errc() || res.ptr != m_p)
            return false; // out of range: the fallback parser says what it makes of it
        out = v;
        return true;
    }

    const char* m_p;
    const char* m_end;
    int m_depth = 0;
    std::vector<Json> m_items;
    std::vector<std::pair<std::string, Json>> m_members;
};

} // namespace

std::optional<Json> parseJsonFast(std::string_view text) {
    return FastParser(text).run();
}

} // namespace quire::editor
