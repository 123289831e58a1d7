#include "keep_style.h"

namespace quire::editor {

namespace {

using Node = JsonSpans::Node;

// Where the item after `index` starts: its key for objects, its value for arrays.
std::size_t itemStart(const JsonSpans& spans, const Node& n, std::size_t index) {
    const auto& m = n.members[index];
    return n.kind == JsonSpans::Kind::Object ? m.keyBegin : spans.node(m.node).begin;
}

// The first container with at least `minItems` items, root first, then depth first.
const Node* findContainer(const JsonSpans& spans, std::size_t minItems) {
    std::vector<const Node*> todo{&spans.root()};
    while (!todo.empty()) {
        const Node* n = todo.back();
        todo.pop_back();
        if (n->kind != JsonSpans::Kind::Object && n->kind != JsonSpans::Kind::Array)
            continue;
        if (n->members.size() >= minItems)
            return n;
        for (auto it = n->members.rbegin(); it != n->members.rend(); ++it)
            todo.push_back(&spans.node(it->node));
    }
    return nullptr;
}

void detectLayout(std::string_view text, const JsonSpans& spans, JsonStyle& style) {
    if (const size_t lf = text.find('\n');
        lf != std::string_view::npos && lf > 0 && text[lf - 1] == '\r')
        style.newline = "\r\n";
    const Node& root = spans.root();
    if ((root.kind == JsonSpans::Kind::Object || root.kind == JsonSpans::Kind::Array) &&
        !root.members.empty()) {
        // Between the root's bracket and its first item: a line break and one indent, or not.
        const std::string_view gap =
            text.substr(root.begin + 1, itemStart(spans, root, 0) - root.begin - 1);
        const size_t lf = gap.rfind('\n');
        style.pretty = lf != std::string_view::npos;
        if (style.pretty)
            style.indentUnit = std::string(gap.substr(lf + 1));
    }
    if (const Node* n = findContainer(spans, 2)) {
        const size_t end = spans.node(n->members[0].node).end;
        const std::string_view gap = text.substr(end, itemStart(spans, *n, 1) - end);
        std::string_view sep = gap;
        if (style.pretty && gap.find('\n') != std::string_view::npos) {
            sep = gap.substr(0, gap.find('\n'));
            if (sep.ends_with('\r'))
                sep.remove_suffix(1);
        }
        // A comma that starts the next line cannot be reproduced: use a plain one then.
        style.itemSeparator =
            sep.find(',') != std::string_view::npos ? std::string(sep) : std::string(",");
    } else if (!style.pretty) {
        style.itemSeparator = ", "; // Python's default without indent
    }
    // The separator after the first key of the first object, root first.
    std::vector<const Node*> todo{&root};
    while (!todo.empty()) {
        const Node* o = todo.back();
        todo.pop_back();
        if (o->kind == JsonSpans::Kind::Object && !o->members.empty()) {
            const auto& m = o->members[0];
            style.keySeparator =
                std::string(text.substr(m.keyEnd, spans.node(m.node).begin - m.keyEnd));
            break;
        }
        for (auto it = o->members.rbegin(); it != o->members.rend(); ++it)
            todo.push_back(&spans.node(it->node));
    }
}

// ensure_ascii and the case of \u escapes, from the strings in the text.
void detectEscapes(std::string_view text, JsonStyle& style) {
    bool inString = false;
    bool caseKnown = false;
    bool sawEscapedNonAscii = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (!inString) {
            inString = c == '"';
            continue;
        }
        if (c == '"') {
            inString = false;
        } else if (c >= 0x80) {
            style.ensureAscii = false; // raw UTF-8 in a string settles it
            return;
        } else if (c == '\\' && i + 1 < text.size()) {
            if (text[i + 1] == 'u' && i + 5 < text.size()) {
                const std::string_view hex = text.substr(i + 2, 4);
                if (!caseKnown) {
                    for (char h : hex) {
                        if (h >= 'a' && h <= 'f') {
                            caseKnown = true;
                            break;
                        }
                        if (h >= 'A' && h <= 'F') {
                            style.upperHex = caseKnown = true;
                            break;
                        }
                    }
                }
                sawEscapedNonAscii =
                    sawEscapedNonAscii || hex.substr(0, 2) != "00" || hex[2] >= '8';
            }
            ++i;
        }
    }
    style.ensureAscii = sawEscapedNonAscii;
}

bool keysSorted(const JsonSpans& spans) {
    std::vector<const Node*> todo{&spans.root()};
    while (!todo.empty()) {
        const Node* n = todo.back();
        todo.pop_back();
        for (size_t i = 0; i < n->members.size(); ++i) {
            if (n->kind == JsonSpans::Kind::Object && i > 0 &&
                !(n->members[i - 1].key < n->members[i].key))
                return false;
            todo.push_back(&spans.node(n->members[i].node));
        }
    }
    return true;
}

bool sourcesAreLists(const Json& value) {
    if (!value.is_object())
        return true;
    const auto cells = value.find("cells");
    if (cells == value.end() || !cells->is_array())
        return true;
    bool sawString = false;
    for (const auto& cell : *cells) {
        if (!cell.is_object())
            continue;
        if (const auto s = cell.find("source"); s != cell.end()) {
            if (s->is_array())
                return true;
            sawString = sawString || s->is_string();
        }
    }
    return !sawString;
}

} // namespace

KeepStyle detectKeepStyle(std::string_view text, const JsonSpans& spans, const Json& value) {
    KeepStyle style;
    detectLayout(text, spans, style.json);
    detectEscapes(text, style.json);
    style.json.sortKeys = keysSorted(spans);
    style.linesAsLists = sourcesAreLists(value);
    return style;
}

} // namespace quire::editor
