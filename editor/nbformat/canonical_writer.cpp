// writeCanonical: what nbformat.writes(nbformat.reads(text)) produces. Reading joins
// multi-line text (rejoin_lines), writing splits it again (split_lines) and drops transient
// metadata (strip_transient); both are applied here while writing, without copying the
// notebook.
#include "json_text.h"
#include "notebook_text_rules.h"
#include "notebook_writer.h"
#include "text_lines.h"

#include <algorithm>
#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace quire::editor {

namespace {

// A notebook's text can be tens of megabytes; touching a fresh buffer of that size one 4 KiB
// page at a time costs thousands of page faults, more than writing the text. Ask Linux for
// huge pages for the reserved buffer (a hint; nothing changes where it is not honoured).
void preferHugePages(std::string& buffer) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t huge = 2 * 1024 * 1024;
    if (buffer.capacity() < 4 * huge)
        return;
    const auto begin = reinterpret_cast<std::uintptr_t>(buffer.data());
    const std::uintptr_t first = (begin + huge - 1) & ~(huge - 1);
    const std::uintptr_t last = (begin + buffer.capacity()) & ~(huge - 1);
    if (last > first)
        madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#else
    (void)buffer;
#endif
}

class CanonicalWriter {
public:
    std::string write(const Json& nb) {
        // Escapes and split lines make the text longer than the estimate; pages reserved
        // but never written cost nothing.
        const size_t estimate = estimatedSize(nb, 0);
        m_out.reserve(estimate + estimate / 4 + 4096);
        preferHugePages(m_out);
        if (!nb.is_object()) {
            appendJson(m_out, nb, m_style);
        } else {
            object(nb, 0, {}, [this](std::string_view key, const Json& value, int depth) {
                if (key == "metadata" && value.is_object())
                    plainObject(value, depth,
                                {"orig_nbformat", "orig_nbformat_minor", "signature"});
                else if (key == "cells" && value.is_array())
                    array(value, depth, [this](const Json& c, int d) { cell(c, d); });
                else
                    appendJson(m_out, value, m_style, depth);
            });
        }
        m_out += '\n';
        return std::move(m_out);
    }

private:
    // Roughly the size of the text, so that it is allocated once (growing a 20 MB string
    // costs more than this walk).
    static size_t estimatedSize(const Json& v, int depth) {
        switch (v.type()) {
        case Json::value_t::string:
            return v.get_ref<const std::string&>().size() + 2;
        case Json::value_t::array: {
            size_t n = 2;
            for (const auto& item : v)
                n += estimatedSize(item, depth + 1) + size_t(depth) + 3;
            return n;
        }
        case Json::value_t::object: {
            size_t n = 2;
            for (const auto& [key, value] : v.items())
                n += key.size() + estimatedSize(value, depth + 1) + size_t(depth) + 7;
            return n;
        }
        default:
            return 8;
        }
    }

    // An object with sorted keys, minus `skip`; writeValue(key, value, depth) writes each value.
    template <class WriteValue>
    void object(const Json& obj, int depth, std::initializer_list<std::string_view> skip,
                WriteValue&& writeValue) {
        auto members = orderedMembers(obj, true);
        std::erase_if(members, [&](auto* m) {
            return std::find(skip.begin(), skip.end(), m->first) != skip.end();
        });
        if (members.empty()) {
            m_out += "{}";
            return;
        }
        m_out += '{';
        for (std::size_t i = 0; i < members.size(); ++i) {
            if (i > 0)
                m_out += m_style.itemSeparator;
            appendBreak(m_out, m_style, depth + 1);
            appendJsonString(m_out, members[i]->first);
            m_out += m_style.keySeparator;
            writeValue(members[i]->first, members[i]->second, depth + 1);
        }
        appendBreak(m_out, m_style, depth);
        m_out += '}';
    }

    void plainObject(const Json& obj, int depth, std::initializer_list<std::string_view> skip) {
        object(obj, depth, skip, [this](std::string_view, const Json& v, int d) {
            appendJson(m_out, v, m_style, d);
        });
    }

    template <class WriteItem> void array(const Json& arr, int depth, WriteItem&& writeItem) {
        if (arr.empty()) {
            m_out += "[]";
            return;
        }
        m_out += '[';
        bool first = true;
        for (const auto& item : arr) {
            if (!first)
                m_out += m_style.itemSeparator;
            first = false;
            appendBreak(m_out, m_style, depth + 1);
            writeItem(item, depth + 1);
        }
        appendBreak(m_out, m_style, depth);
        m_out += ']';
    }

    void lines(std::string_view text, int depth) {
        if (text.empty()) {
            m_out += "[]";
            return;
        }
        m_out += '[';
        for (size_t start = 0; start < text.size();) {
            if (start > 0)
                m_out += m_style.itemSeparator;
            appendBreak(m_out, m_style, depth + 1);
            const size_t end = lineEnd(text, start);
            appendJsonString(m_out, text.substr(start, end - start));
            start = end;
        }
        appendBreak(m_out, m_style, depth);
        m_out += ']';
    }

    void cell(const Json& c, int depth) {
        if (!c.is_object()) {
            appendJson(m_out, c, m_style, depth);
            return;
        }
        const auto type = c.find("cell_type");
        const bool code = type != c.end() && *type == "code";
        object(c, depth, {}, [this, code](std::string_view key, const Json& value, int d) {
            if (key == "metadata" && value.is_object()) {
                plainObject(value, d, {"trusted"});
            } else if (key == "source") {
                if (value.is_string())
                    lines(value.get_ref<const std::string&>(), d);
                else if (auto joined = joinStringList(value))
                    lines(*joined, d);
                else
                    appendJson(m_out, value, m_style, d);
            } else if (key == "attachments" && value.is_object()) {
                object(value, d, {}, [this](std::string_view, const Json& bundle, int dd) {
                    mimeBundle(bundle, dd);
                });
            } else if (key == "outputs" && code && value.is_array()) {
                array(value, d, [this](const Json& o, int dd) { output(o, dd); });
            } else {
                appendJson(m_out, value, m_style, d);
            }
        });
    }

    void mimeBundle(const Json& bundle, int depth) {
        if (!bundle.is_object()) {
            appendJson(m_out, bundle, m_style, depth);
            return;
        }
        object(bundle, depth, {}, [this](std::string_view mime, const Json& value, int d) {
            std::optional<std::string> joined;
            if (!isJsonMimeType(mime))
                joined = joinStringList(value);
            const std::string* text = joined              ? &*joined
                                      : value.is_string() ? &value.get_ref<const std::string&>()
                                                          : nullptr;
            if (text && mimeSplitsOnWrite(mime))
                lines(*text, d);
            else if (joined)
                appendJsonString(m_out, *joined);
            else
                appendJson(m_out, value, m_style, d);
        });
    }

    void output(const Json& o, int depth) {
        if (!o.is_object()) {
            appendJson(m_out, o, m_style, depth);
            return;
        }
        const auto typeIt = o.find("output_type");
        const Json type = typeIt != o.end() ? *typeIt : Json("");
        const bool rich = type == "execute_result" || type == "display_data";
        const bool stream = type == "stream";
        object(o, depth, {}, [&](std::string_view key, const Json& value, int d) {
            if (key == "data" && rich && value.is_object()) {
                mimeBundle(value, d);
            } else if (key == "text" && !rich && pyTruthy(type)) {
                const auto joined = joinStringList(value);
                const std::string* text = joined              ? &*joined
                                          : value.is_string() ? &value.get_ref<const std::string&>()
                                                              : nullptr;
                if (text && stream)
                    lines(*text, d);
                else if (joined)
                    appendJsonString(m_out, *joined);
                else
                    appendJson(m_out, value, m_style, d);
            } else {
                appendJson(m_out, value, m_style, d);
            }
        });
    }

    std::string m_out;
    const JsonStyle m_style{}; // nbformat's
};

} // namespace

std::string writeCanonical(const Json& notebook) {
    return CanonicalWriter().write(notebook);
}

} // namespace quire::editor
