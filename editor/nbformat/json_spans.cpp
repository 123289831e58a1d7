#include "json_spans.h"

#include <algorithm>
#include <charconv>

namespace quire::editor {

namespace {

bool isJsonSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// End (one past the closing quote) of the string literal starting at text[begin].
std::size_t stringEnd(std::string_view text, std::size_t begin) {
    for (std::size_t p = begin + 1; p < text.size(); ++p) {
        if (text[p] == '\\')
            ++p;
        else if (text[p] == '"')
            return p + 1;
    }
    return std::string_view::npos;
}

void appendUtf8(std::string& out, unsigned code) {
    if (code < 0x80) {
        out += char(code);
    } else if (code < 0x800) {
        out += char(0xc0 | (code >> 6));
        out += char(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
        out += char(0xe0 | (code >> 12));
        out += char(0x80 | ((code >> 6) & 0x3f));
        out += char(0x80 | (code & 0x3f));
    } else {
        out += char(0xf0 | (code >> 18));
        out += char(0x80 | ((code >> 12) & 0x3f));
        out += char(0x80 | ((code >> 6) & 0x3f));
        out += char(0x80 | (code & 0x3f));
    }
}

std::optional<unsigned> hex4(std::string_view s, std::size_t at) {
    if (at + 4 > s.size())
        return std::nullopt;
    unsigned value = 0;
    const auto res = std::from_chars(s.data() + at, s.data() + at + 4, value, 16);
    if (res.ptr != s.data() + at + 4)
        return std::nullopt;
    return value;
}

} // namespace

std::string decodeJsonString(std::string_view literal) {
    if (literal.size() >= 2)
        literal = literal.substr(1, literal.size() - 2);
    if (literal.find('\\') == std::string_view::npos)
        return std::string(literal);
    std::string out;
    for (std::size_t i = 0; i < literal.size(); ++i) {
        if (literal[i] != '\\' || i + 1 >= literal.size()) {
            out += literal[i];
            continue;
        }
        const char e = literal[++i];
        switch (e) {
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        case 'u': {
            auto code = hex4(literal, i + 1);
            if (!code) {
                out += "\xef\xbf\xbd";
                break;
            }
            i += 4;
            if (*code >= 0xd800 && *code < 0xdc00 && i + 2 < literal.size() &&
                literal[i + 1] == '\\' && literal[i + 2] == 'u') {
                if (auto low = hex4(literal, i + 3); low && *low >= 0xdc00 && *low < 0xe000) {
                    *code = 0x10000 + ((*code - 0xd800) << 10) + (*low - 0xdc00);
                    i += 6;
                }
            }
            if (*code >= 0xd800 && *code < 0xe000)
                *code = 0xfffd; // a lone surrogate has no UTF-8 form
            appendUtf8(out, *code);
            break;
        }
        default:
            out += e;
            break; // \" \\ \/
        }
    }
    return out;
}

std::optional<JsonSpans> JsonSpans::scan(std::string_view t) {
    JsonSpans spans;
    std::size_t pos = t.starts_with("\xef\xbb\xbf") ? 3 : 0;
    const auto skipSpace = [&] {
        while (pos < t.size() && isJsonSpace(t[pos]))
            ++pos;
    };
    std::vector<std::size_t> open; // containers not closed yet, innermost last
    // Starts the value at pos: scalars and strings are complete, containers are pushed on `open`.
    const auto startValue = [&]() -> std::optional<std::size_t> {
        if (pos >= t.size())
            return std::nullopt;
        Node n;
        n.begin = pos;
        const char c = t[pos];
        const std::size_t index = spans.m_nodes.size();
        if (c == '{' || c == '[') {
            n.kind = c == '{' ? Kind::Object : Kind::Array;
            open.push_back(index);
            ++pos;
        } else if (c == '"') {
            n.kind = Kind::String;
            n.end = stringEnd(t, pos);
            if (n.end == std::string_view::npos)
                return std::nullopt;
            pos = n.end;
        } else {
            while (pos < t.size() && !isJsonSpace(t[pos]) && t[pos] != ',' && t[pos] != ']' &&
                   t[pos] != '}')
                ++pos;
            if (pos == n.begin)
                return std::nullopt;
            n.end = pos;
        }
        spans.m_nodes.push_back(std::move(n));
        return index;
    };

    skipSpace();
    if (!startValue())
        return std::nullopt;
    while (!open.empty()) {
        const std::size_t top = open.back();
        const bool isObject = spans.m_nodes[top].kind == Kind::Object;
        skipSpace();
        if (pos >= t.size())
            return std::nullopt;
        if (t[pos] == (isObject ? '}' : ']')) {
            spans.m_nodes[top].end = ++pos;
            open.pop_back();
            continue;
        }
        if (!spans.m_nodes[top].members.empty()) {
            if (t[pos] != ',')
                return std::nullopt;
            ++pos;
            skipSpace();
        }
        Member m;
        if (isObject) {
            if (pos >= t.size() || t[pos] != '"')
                return std::nullopt;
            const std::size_t end = stringEnd(t, pos);
            if (end == std::string_view::npos)
                return std::nullopt;
            m.keyBegin = pos;
            m.keyEnd = end;
            m.key = decodeJsonString(t.substr(pos, end - pos));
            pos = end;
            skipSpace();
            if (pos >= t.size() || t[pos] != ':')
                return std::nullopt;
            ++pos;
            skipSpace();
        }
        const auto child = startValue();
        if (!child)
            return std::nullopt;
        m.node = *child;
        spans.m_nodes[top].members.push_back(std::move(m));
    }
    skipSpace();
    if (pos != t.size())
        return std::nullopt;
    return spans;
}

const JsonSpans::Member* JsonSpans::member(const Node& object, std::string_view key) const {
    for (auto it = object.members.rbegin(); it != object.members.rend(); ++it)
        if (it->key == key)
            return &*it;
    return nullptr;
}

std::optional<std::size_t> JsonSpans::offsetOf(std::string_view pointer) const {
    const Node* node = &root();
    std::size_t offset = node->begin;
    while (!pointer.empty()) {
        if (pointer.front() != '/')
            return std::nullopt;
        pointer.remove_prefix(1);
        const std::size_t slash = pointer.find('/');
        std::string_view raw = pointer.substr(0, slash);
        pointer = slash == std::string_view::npos ? std::string_view() : pointer.substr(slash);
        std::string token;
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] == '~' && i + 1 < raw.size()) {
                token += raw[i + 1] == '1' ? '/' : '~';
                ++i;
            } else {
                token += raw[i];
            }
        }
        if (node->kind == Kind::Object) {
            const Member* m = member(*node, token);
            if (!m)
                break; // the nearest existing ancestor is the best we can say
            node = &m_nodes[m->node];
            offset = m->keyBegin;
        } else if (node->kind == Kind::Array) {
            std::size_t index = 0;
            const auto res = std::from_chars(token.data(), token.data() + token.size(), index);
            if (res.ec != std::errc() || res.ptr != token.data() + token.size() ||
                index >= node->members.size())
                break;
            node = &m_nodes[node->members[index].node];
            offset = node->begin;
        } else {
            break;
        }
    }
    return offset;
}

void locateProblems(Problems& problems, std::string_view text) {
    if (text.empty() || std::none_of(problems.begin(), problems.end(),
                                     [](const Problem& p) { return p.line == 0; }))
        return;
    const auto spans = JsonSpans::scan(text);
    if (!spans)
        return;
    std::vector<std::size_t> breaks; // offsets of '\n'
    for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1))
        breaks.push_back(i);
    for (Problem& p : problems) {
        if (p.line != 0)
            continue;
        if (const auto offset = spans->offsetOf(p.path))
            p.line =
                1 + int(std::lower_bound(breaks.begin(), breaks.end(), *offset) - breaks.begin());
    }
}

} // namespace quire::editor
