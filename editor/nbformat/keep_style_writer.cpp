// KeepStyleWriter: values equal to the original's are copied from the original text; changed
// objects and arrays are written in the file's style, recursing so that their unchanged parts
// are still copied.
#include "json_equal.h"
#include "json_parser.h"
#include "json_spans.h"
#include "keep_style.h"
#include "notebook_reader.h"
#include "notebook_text_rules.h"
#include "notebook_writer.h"
#include "text_lines.h"

#include <unordered_map>

namespace quire::editor {

namespace {

using Node = JsonSpans::Node;

// Where a value sits in a notebook, as far as nbformat's multi-line text rules care.
struct Place {
    enum Kind { Root, Cells, Cell, Attachments, Bundle, Outputs, Output, Text, Other };
    Kind kind = Other;
    bool code = false;  // Cell: a code cell
    bool rich = false;  // Output: execute_result / display_data
    bool split = false; // Text: nbformat writes it as a list of lines
    bool stream = false;

    Place child(std::string_view key) const {
        switch (kind) {
        case Root:
            return key == "cells" ? Place{Cells} : Place{};
        case Cell:
            if (key == "source")
                return Place{Text, false, false, true};
            if (key == "attachments")
                return Place{Attachments};
            return key == "outputs" && code ? Place{Outputs} : Place{};
        case Attachments:
            return Place{Bundle};
        case Bundle:
            return isJsonMimeType(key) ? Place{}
                                       : Place{Text, false, false, mimeSplitsOnWrite(key)};
        case Output:
            if (key == "data" && rich)
                return Place{Bundle};
            if (key == "text" && !rich)
                return Place{Text, false, false, stream};
            return Place{};
        default:
            return Place{};
        }
    }

    Place item(const Json& value) const {
        if (kind == Cells) {
            const auto type = value.is_object() ? value.find("cell_type") : Json::const_iterator();
            return Place{Cell, value.is_object() && type != value.end() && *type == "code"};
        }
        if (kind == Outputs) {
            Place p{Output};
            if (value.is_object()) {
                if (const auto type = value.find("output_type"); type != value.end()) {
                    p.rich = *type == "execute_result" || *type == "display_data";
                    p.stream = *type == "stream";
                }
            }
            return p;
        }
        return Place{};
    }
};

// Text values compare by their joined text: a list of lines equals the string it joins to.
bool sameValue(const Json& a, const Json& b, const Place& place) {
    if (place.kind == Place::Text && (a.is_array() || b.is_array())) {
        const auto ta =
            a.is_string() ? std::optional<std::string>(a.get<std::string>()) : joinStringList(a);
        const auto tb =
            b.is_string() ? std::optional<std::string>(b.get<std::string>()) : joinStringList(b);
        if (ta && tb)
            return *ta == *tb;
    }
    return jsonEqual(a, b);
}

class Emitter {
public:
    Emitter(std::string_view text, const JsonSpans& spans, const KeepStyle& style, std::string& out)
        : m_text(text), m_spans(spans), m_style(style), m_out(out) {}

    // `node`/`orig`: the original value at this place (both or neither).
    void value(const Json& v, const Node* node, const Json* orig, int depth, const Place& place) {
        if (node && sameValue(v, *orig, place)) {
            m_out.append(m_text.substr(node->begin, node->end - node->begin));
            return;
        }
        if (place.kind == Place::Text && text(v, node, orig, depth, place))
            return;
        const bool sameKind = node && orig->type() == v.type();
        if (v.is_object())
            object(v, sameKind ? node : nullptr, sameKind ? orig : nullptr, depth, place);
        else if (v.is_array())
            array(v, sameKind ? node : nullptr, sameKind ? orig : nullptr, depth, place);
        else
            appendJsonScalar(m_out, v, m_style.json);
    }

private:
    bool text(const Json& v, const Node* node, const Json* orig, int depth, const Place& place) {
        const auto joined =
            v.is_string() ? std::optional<std::string>(v.get<std::string>()) : joinStringList(v);
        if (!joined)
            return false;
        const bool asList =
            orig ? orig->is_array() : (v.is_array() || (m_style.linesAsLists && place.split));
        if (!asList) {
            appendJsonString(m_out, *joined, m_style.json.ensureAscii, m_style.json.upperHex);
            return true;
        }
        Json lines = Json::array();
        for (std::string_view line : splitLineViews(*joined))
            lines.push_back(std::string(line));
        const bool origIsList = orig && orig->is_array();
        array(lines, origIsList ? node : nullptr, origIsList ? orig : nullptr, depth, Place{});
        return true;
    }

    void object(const Json& v, const Node* node, const Json* orig, int depth, const Place& place) {
        if (v.empty()) {
            m_out += "{}";
            return;
        }
        // The original members by key: the last one in the text counts, as when parsing.
        std::unordered_map<std::string_view, const JsonSpans::Member*> originals;
        if (node)
            for (const auto& m : node->members)
                originals[m.key] = &m;
        std::vector<const Json::object_t::value_type*> order;
        if (m_style.json.sortKeys || !orig) {
            order = orderedMembers(v, m_style.json.sortKeys);
        } else {
            const auto& members = v.get_ref<const Json::object_t&>();
            std::unordered_map<std::string_view, const Json::object_t::value_type*> byKey;
            for (const auto& m : members)
                byKey.emplace(m.first, &m);
            for (const auto& [key, unused] : orig->items()) {
                (void)unused;
                if (const auto it = byKey.find(key); it != byKey.end()) {
                    order.push_back(it->second);
                    byKey.erase(it);
                }
            }
            for (const auto& m : members)
                if (byKey.contains(m.first))
                    order.push_back(&m);
        }
        m_out += '{';
        bool first = true;
        for (const auto* m : order) {
            if (!first)
                m_out += m_style.json.itemSeparator;
            first = false;
            appendBreak(m_out, m_style.json, depth + 1);
            const auto found = originals.find(m->first);
            const JsonSpans::Member* om = found != originals.end() ? found->second : nullptr;
            const Json* origChild = nullptr;
            if (om) {
                m_out.append(m_text.substr(om->keyBegin, om->keyEnd - om->keyBegin));
                origChild = &orig->find(m->first).value();
            } else {
                appendJsonString(m_out, m->first, m_style.json.ensureAscii, m_style.json.upperHex);
            }
            m_out += m_style.json.keySeparator;
            value(m->second, om ? &m_spans.node(om->node) : nullptr, origChild, depth + 1,
                  place.child(m->first));
        }
        appendBreak(m_out, m_style.json, depth);
        m_out += '}';
    }

    void array(const Json& v, const Node* node, const Json* orig, int depth, const Place& place) {
        if (v.empty()) {
            m_out += "[]";
            return;
        }
        const std::size_t count = node ? node->members.size() : 0;
        std::unordered_multimap<std::size_t, std::size_t> byHash; // built when first needed
        std::unordered_map<std::string, std::size_t> byId;        // original cells by id
        bool indexed = false;
        const auto index = [&] {
            if (indexed)
                return;
            indexed = true;
            for (std::size_t j = 0; j < count; ++j) {
                const Json& o = (*orig)[j];
                byHash.emplace(jsonHash(o), j);
                if (place.kind == Place::Cells && o.is_object())
                    if (const auto id = o.find("id"); id != o.end() && id->is_string())
                        byId.emplace(id->get<std::string>(), j);
            }
        };
        m_out += '[';
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i > 0)
                m_out += m_style.json.itemSeparator;
            appendBreak(m_out, m_style.json, depth + 1);
            const Json& item = v[i];
            const Place itemPlace = place.item(item);
            std::optional<std::size_t> match;
            if (i < count && jsonEqual(item, (*orig)[i])) {
                match = i;
            } else if (count > 0) {
                index();
                const auto [lo, hi] = byHash.equal_range(jsonHash(item));
                for (auto it = lo; it != hi && !match; ++it)
                    if (jsonEqual(item, (*orig)[it->second]))
                        match = it->second;
            }
            if (match) {
                const Node& n = m_spans.node(node->members[*match].node);
                m_out.append(m_text.substr(n.begin, n.end - n.begin));
                continue;
            }
            // A changed item is written against its original: the cell with the same id, or
            // the item at the same index.
            std::optional<std::size_t> partner;
            if (place.kind == Place::Cells && !byId.empty()) {
                if (item.is_object())
                    if (const auto id = item.find("id"); id != item.end() && id->is_string())
                        if (const auto it = byId.find(id->get<std::string>()); it != byId.end())
                            partner = it->second;
            } else if (i < count) {
                partner = i;
            }
            if (partner)
                value(item, &m_spans.node(node->members[*partner].node), &(*orig)[*partner],
                      depth + 1, itemPlace);
            else
                value(item, nullptr, nullptr, depth + 1, itemPlace);
        }
        appendBreak(m_out, m_style.json, depth);
        m_out += ']';
    }

    std::string_view m_text;
    const JsonSpans& m_spans;
    const KeepStyle& m_style;
    std::string& m_out;
};

} // namespace

struct KeepStyleWriter::Impl {
    std::string text;
    std::optional<Json> original; // the JSON of `text`, when it is JSON
    std::optional<JsonSpans> spans;
    KeepStyle style;
};

KeepStyleWriter::KeepStyleWriter(std::string originalText) : d(std::make_unique<Impl>()) {
    d->text = std::move(originalText);
    auto parsed = parseJson(d->text);
    if (!parsed.value)
        return;
    d->spans = JsonSpans::scan(d->text);
    if (!d->spans)
        return;
    d->original = std::move(parsed.value);
    d->style = detectKeepStyle(d->text, *d->spans, *d->original);
}

KeepStyleWriter::~KeepStyleWriter() = default;
KeepStyleWriter::KeepStyleWriter(KeepStyleWriter&&) noexcept = default;
KeepStyleWriter& KeepStyleWriter::operator=(KeepStyleWriter&&) noexcept = default;

std::string KeepStyleWriter::write(const Json& notebook) const {
    if (!d->original)
        return writeCanonical(notebook);
    const Node& root = d->spans->root();
    std::string out;
    out.reserve(d->text.size() + d->text.size() / 8);
    out.append(d->text, 0, root.begin); // a byte order mark, leading space
    Emitter(d->text, *d->spans, d->style, out)
        .value(notebook, &root, &*d->original, 0, Place{Place::Root});
    out.append(d->text, root.end); // the final line break, or none
    return out;
}

bool KeepStyleWriter::originalIsCanonical() const {
    const auto read = readNotebook(d->text);
    return read.notebook && !read.upgraded && writeCanonical(*read.notebook) == d->text;
}

} // namespace quire::editor
