#include "notebook_validator.h"

#include "json_equal.h"
#include "json_pointer.h"
#include "json_spans.h"
#include "messages.h"
#include "notebook_text_rules.h"

#include <algorithm>
#include <initializer_list>
#include <unordered_map>

namespace quire::editor {

namespace {

constexpr int kCurrentMinor = 5; // the newest schema nbformat ships (4.5)

// The nbformat 4.x JSON schema of one minor version, written out as code so that every
// violation is reported (the schema validator stops at the first) with its JSON path.
class SchemaCheck {
public:
    explicit SchemaCheck(int minor) : m_minor(minor), m_future(minor > kCurrentMinor) {}

    Problems run(const Json& nb) {
        if (!nb.is_object()) {
            report("",
                   nbMessage(QT_TRANSLATE_NOOP("NbFormat", "a notebook must be a JSON object")));
            return std::move(m_problems);
        }
        requireKeys(nb, "", {"metadata", "nbformat_minor", "nbformat", "cells"});
        allowKeys(nb, "", {"metadata", "nbformat_minor", "nbformat", "cells"});
        if (const auto it = nb.find("nbformat");
            it != nb.end() && !(isJsonInteger(*it) && *it == 4))
            report("/nbformat", nbMessage(QT_TRANSLATE_NOOP("NbFormat", "must be 4")));
        if (const auto it = nb.find("nbformat_minor"); it != nb.end()) {
            if (!isJsonInteger(*it))
                report("/nbformat_minor",
                       nbMessage(QT_TRANSLATE_NOOP("NbFormat", "must be an integer")));
        }
        if (const auto it = nb.find("metadata"); it != nb.end())
            notebookMetadata(*it, "/metadata");
        if (const auto it = nb.find("cells"); it != nb.end()) {
            if (!it->is_array()) {
                report("/cells",
                       nbMessage(QT_TRANSLATE_NOOP("NbFormat", "must be a list of cells")));
            } else {
                for (std::size_t i = 0; i < it->size(); ++i)
                    cell((*it)[i], childPointer("/cells", i));
                if (m_minor >= 5)
                    uniqueIds(*it);
            }
        }
        return std::move(m_problems);
    }

private:
    void report(std::string path, std::string message) {
        m_problems.push_back({Problem::Severity::Error, std::move(path), 0, std::move(message)});
    }

    void requireKeys(const Json& obj, const std::string& path,
                     std::initializer_list<const char*> keys) {
        for (const char* key : keys)
            if (!obj.contains(key))
                report(path, nbMessage(QT_TRANSLATE_NOOP("NbFormat", "missing required key \"%1\""),
                                       key));
    }

    // additionalProperties: false (relaxed for notebooks from a newer minor version)
    void allowKeys(const Json& obj, const std::string& path,
                   std::initializer_list<const char*> keys) {
        if (m_future)
            return;
        for (const auto& [key, value] : obj.items()) {
            bool known = false;
            for (const char* k : keys)
                known = known || key == k;
            if (!known)
                report(childPointer(path, key),
                       nbMessage(QT_TRANSLATE_NOOP("NbFormat", "unexpected key \"%1\""), key));
        }
    }

    // Cells have an "id" from 4.5 on; before, it is an unexpected key like any other.
    const char* idKey() const { return m_minor >= 5 ? "id" : "cell_type"; }

    bool expectObject(const Json& v, const std::string& path) {
        if (!v.is_object())
            report(path, nbMessage(QT_TRANSLATE_NOOP("NbFormat", "must be an object")));
        return v.is_object();
    }
    void expectString(const Json& v, const std::string& path) {
        if (!v.is_string())
            report(path, nbMessage(QT_TRANSLATE_NOOP("NbFormat", "must be a string")));
    }
    void expectStringMember(const Json& obj, const std::string& path, const char* key) {
        if (const auto it = obj.find(key); it != obj.end())
            expectString(*it, childPointer(path, key));
    }
    void multilineString(const Json& v, const std::string& path) {
        if (!v.is_string() && !isStringList(v))
            report(path, nbMessage(QT_TRANSLATE_NOOP("NbFormat",
                                                     "must be a string or a list of strings")));
    }
    void executionCount(const Json& v, const std::string& path) {
        if (v.is_null())
            return;
        if (!isJsonInteger(v))
            report(path, nbMessage(QT_TRANSLATE_NOOP("NbFormat", "must be an integer or null")));
        else if (isNegativeInteger(v))
            report(path, nbMessage(QT_TRANSLATE_NOOP("NbFormat", "must not be negative")));
    }

    static bool isNegativeInteger(const Json& v) {
        if (isBigInteger(v))
            return bigIntegerText(v).starts_with('-');
        return v.is_number_integer() && !v.is_number_unsigned() && v.get<std::int64_t>() < 0;
    }

    void notebookMetadata(const Json& md, const std::string& path) {
        if (!expectObject(md, path))
            return;
        if (const auto it = md.find("kernelspec"); it != md.end()) {
            const std::string p = childPointer(path, "kernelspec");
            if (expectObject(*it, p)) {
                requireKeys(*it, p, {"name", "display_name"});
                expectStringMember(*it, p, "name");
                expectStringMember(*it, p, "display_name");
            }
        }
        if (const auto it = md.find("language_info"); it != md.end()) {
            const std::string p = childPointer(path, "language_info");
            if (expectObject(*it, p)) {
                requireKeys(*it, p, {"name"});
                for (const char* key : {"name", "file_extension", "mimetype", "pygments_lexer"})
                    expectStringMember(*it, p, key);
                if (const auto mode = it->find("codemirror_mode");
                    mode != it->end() && !mode->is_string() && !mode->is_object())
                    report(
                        childPointer(p, "codemirror_mode"),
                        nbMessage(QT_TRANSLATE_NOOP("NbFormat", "must be a string or an object")));
            }
        }
        // orig_nbformat is dropped on reading, as nbformat does, so it is never checked.
        if (m_minor >= 2) {
            expectStringMember(md, path, "title");
            if (const auto it = md.find("authors"); it != md.end() && !it->is_array())
                report(childPointer(path, "authors"),
                       nbMessage(QT_TRANSLATE_NOOP("NbFormat", "must be a list")));
        }
    }

    void cell(const Json& c, const std::string& path) {
        if (!expectObject(c, path))
            return;
        const auto type = c.find("cell_type");
        if (type == c.end()) {
            report(path, nbMessage(QT_TRANSLATE_NOOP("NbFormat", "missing required key \"%1\""),
                                   "cell_type"));
            return;
        }
        const std::string kind = type->is_string() ? type->get<std::string>() : std::string();
        if (kind == "code") {
            codeCell(c, path);
        } else if (kind == "markdown" || kind == "raw") {
            requireKeys(c, path, {"cell_type", "metadata", "source"});
            if (m_minor >= 5)
                requireKeys(c, path, {"id"});
            allowKeys(c, path, {"cell_type", "metadata", "attachments", "source", idKey()});
            commonCellKeys(c, path, false);
            if (const auto it = c.find("metadata"); it != c.end() && it->is_object()) {
                if (kind == "raw")
                    expectStringMember(*it, childPointer(path, "metadata"), "format");
            }
            if (const auto it = c.find("attachments"); it != c.end())
                attachments(*it, childPointer(path, "attachments"));
        } else if (m_future) {
            requireKeys(c, path, {"cell_type", "metadata"});
            if (const auto it = c.find("metadata"); it != c.end())
                cellMetadata(*it, childPointer(path, "metadata"), false);
        } else {
            report(childPointer(path, "cell_type"),
                   type->is_string()
                       ? nbMessage(QT_TRANSLATE_NOOP("NbFormat", "unknown cell type \"%1\""), kind)
                       : nbMessage(QT_TRANSLATE_NOOP("NbFormat", "must be a string")));
        }
    }

    void codeCell(const Json& c, const std::string& path) {
        requireKeys(c, path, {"cell_type", "metadata", "source", "outputs", "execution_count"});
        if (m_minor >= 5)
            requireKeys(c, path, {"id"});
        allowKeys(c, path,
                  {"cell_type", "metadata", "source", "outputs", "execution_count", idKey()});
        commonCellKeys(c, path, true);
        if (const auto it = c.find("execution_count"); it != c.end())
            executionCount(*it, childPointer(path, "execution_count"));
        if (const auto it = c.find("outputs"); it != c.end()) {
            const std::string p = childPointer(path, "outputs");
            if (!it->is_array()) {
                report(p, nbMessage(QT_TRANSLATE_NOOP("NbFormat", "must be a list of outputs")));
            } else {
                for (std::size_t i = 0; i < it->size(); ++i)
                    output((*it)[i], childPointer(p, i));
            }
        }
    }

    // id, metadata and source, shared by the three known cell types.
    void commonCellKeys(const Json& c, const std::string& path, bool code) {
        if (const auto it = c.find("id"); it != c.end() && m_minor >= 5 && !isValidCellId(*it))
            report(childPointer(path, "id"),
                   nbMessage(QT_TRANSLATE_NOOP(
                       "NbFormat",
                       "a cell id must be 1 to 64 characters: letters, digits, \"-\" or \"_\"")));
        if (const auto it = c.find("metadata"); it != c.end())
            cellMetadata(*it, childPointer(path, "metadata"), code);
        if (const auto it = c.find("source"); it != c.end())
            multilineString(*it, childPointer(path, "source"));
    }

    static bool isValidCellId(const Json& id) {
        if (!id.is_string())
            return false;
        const auto& s = id.get_ref<const std::string&>();
        if (s.empty() || s.size() > 64)
            return false;
        for (char ch : s) {
            const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                            (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
            if (!ok)
                return false;
        }
        return true;
    }

    void cellMetadata(const Json& md, const std::string& path, bool code) {
        if (!expectObject(md, path))
            return;
        if (const auto it = md.find("name"); it != md.end()) {
            // pattern ^.+$ (as fastjsonschema reads it): not empty, no line break
            if (!it->is_string())
                report(childPointer(path, "name"),
                       nbMessage(QT_TRANSLATE_NOOP("NbFormat", "must be a string")));
            else if (it->get_ref<const std::string&>().empty() ||
                     it->get_ref<const std::string&>().find('\n') != std::string::npos)
                report(childPointer(path, "name"),
                       nbMessage(QT_TRANSLATE_NOOP("NbFormat",
                                                   "a cell name must be one line, not empty")));
        }
        if (const auto it = md.find("tags"); it != md.end())
            tags(*it, childPointer(path, "tags"));
        if (m_minor >= 3) {
            if (const auto it = md.find("jupyter"); it != md.end())
                expectObject(*it, childPointer(path, "jupyter"));
        }
        if (!code)
            return;
        if (const auto it = md.find("collapsed"); it != md.end() && !it->is_boolean())
            report(childPointer(path, "collapsed"),
                   nbMessage(QT_TRANSLATE_NOOP("NbFormat", "must be true or false")));
        if (const auto it = md.find("scrolled"); it != md.end()) {
            // enum [true, false, "auto"]; Python's == lets 0 and 1 pass too
            const bool ok = it->is_boolean() || (it->is_string() && *it == "auto") ||
                            (it->is_number() && (*it == 0 || *it == 1));
            if (!ok)
                report(childPointer(path, "scrolled"),
                       nbMessage(QT_TRANSLATE_NOOP("NbFormat", "must be true, false or \"auto\"")));
        }
        if (m_minor >= 4) {
            if (const auto it = md.find("execution"); it != md.end()) {
                const std::string p = childPointer(path, "execution");
                if (expectObject(*it, p)) {
                    for (const auto& [key, value] : it->items())
                        expectString(value, childPointer(p, key));
                }
            }
        }
    }

    void tags(const Json& v, const std::string& path) {
        if (!v.is_array()) {
            report(path, nbMessage(QT_TRANSLATE_NOOP("NbFormat", "must be a list of strings")));
            return;
        }
        for (std::size_t i = 0; i < v.size(); ++i) {
            const Json& tag = v[i];
            if (!tag.is_string())
                report(childPointer(path, i),
                       nbMessage(QT_TRANSLATE_NOOP("NbFormat", "must be a string")));
            else if (tag.get_ref<const std::string&>().empty() ||
                     tag.get_ref<const std::string&>().find(',') != std::string::npos)
                report(childPointer(path, i),
                       nbMessage(QT_TRANSLATE_NOOP("NbFormat",
                                                   "a tag must not be empty or contain a comma")));
            for (std::size_t j = 0; j < i; ++j) {
                if (jsonEqual(v[j], tag)) {
                    report(childPointer(path, i),
                           nbMessage(QT_TRANSLATE_NOOP("NbFormat", "tags must be unique")));
                    break;
                }
            }
        }
    }

    void attachments(const Json& v, const std::string& path) {
        if (!expectObject(v, path))
            return;
        for (const auto& [name, bundle] : v.items())
            mimeBundle(bundle, childPointer(path, name));
    }

    void mimeBundle(const Json& v, const std::string& path) {
        if (!expectObject(v, path))
            return;
        for (const auto& [mime, value] : v.items())
            if (!matchesJsonMimePattern(mime))
                multilineString(value, childPointer(path, mime));
    }

    void output(const Json& o, const std::string& path) {
        if (!expectObject(o, path))
            return;
        const auto type = o.find("output_type");
        if (type == o.end()) {
            report(path, nbMessage(QT_TRANSLATE_NOOP("NbFormat", "missing required key \"%1\""),
                                   "output_type"));
            return;
        }
        const std::string kind = type->is_string() ? type->get<std::string>() : std::string();
        if (kind == "execute_result" || kind == "display_data") {
            if (kind == "execute_result") {
                requireKeys(o, path, {"output_type", "data", "metadata", "execution_count"});
                allowKeys(o, path, {"output_type", "execution_count", "data", "metadata"});
                if (const auto it = o.find("execution_count"); it != o.end())
                    executionCount(*it, childPointer(path, "execution_count"));
            } else {
                requireKeys(o, path, {"output_type", "data", "metadata"});
                allowKeys(o, path, {"output_type", "data", "metadata"});
            }
            if (const auto it = o.find("data"); it != o.end())
                mimeBundle(*it, childPointer(path, "data"));
            if (const auto it = o.find("metadata"); it != o.end())
                expectObject(*it, childPointer(path, "metadata"));
        } else if (kind == "stream") {
            requireKeys(o, path, {"output_type", "name", "text"});
            allowKeys(o, path, {"output_type", "name", "text"});
            expectStringMember(o, path, "name");
            if (const auto it = o.find("text"); it != o.end())
                multilineString(*it, childPointer(path, "text"));
        } else if (kind == "error") {
            requireKeys(o, path, {"output_type", "ename", "evalue", "traceback"});
            allowKeys(o, path, {"output_type", "ename", "evalue", "traceback"});
            expectStringMember(o, path, "ename");
            expectStringMember(o, path, "evalue");
            if (const auto it = o.find("traceback"); it != o.end() && !isStringList(*it))
                report(childPointer(path, "traceback"),
                       nbMessage(QT_TRANSLATE_NOOP("NbFormat", "must be a list of strings")));
        } else if (!m_future) {
            report(
                childPointer(path, "output_type"),
                type->is_string()
                    ? nbMessage(QT_TRANSLATE_NOOP("NbFormat", "unknown output type \"%1\""), kind)
                    : nbMessage(QT_TRANSLATE_NOOP("NbFormat", "must be a string")));
        }
    }

    // nbformat replaces repeated ids on reading (4.5 and newer); say so.
    void uniqueIds(const Json& cells) {
        std::unordered_map<std::string, std::size_t> seen;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const Json& c = cells[i];
            if (!c.is_object())
                continue;
            const auto id = c.find("id");
            if (id == c.end() || !id->is_string())
                continue;
            const auto [it, inserted] = seen.emplace(id->get<std::string>(), i);
            if (!inserted)
                report(childPointer(childPointer("/cells", i), "id"),
                       nbMessage(QT_TRANSLATE_NOOP("NbFormat",
                                                   "duplicate cell id \"%1\" (also used by %2)"),
                                 id->get<std::string>(), childPointer("/cells", it->second)));
        }
    }

    int m_minor;
    bool m_future;
    Problems m_problems;
};

} // namespace

Problems validateNotebook(const Json& notebook, std::string_view text) {
    int minor = 0; // a missing or broken nbformat_minor is checked against the 4.0 schema
    if (notebook.is_object()) {
        if (const auto it = notebook.find("nbformat_minor"); it != notebook.end()) {
            if (it->is_number_unsigned())
                minor = int(std::min<std::uint64_t>(it->get<std::uint64_t>(), 1000));
            else if (it->is_number_integer())
                minor = int(std::clamp<std::int64_t>(it->get<std::int64_t>(), 0, 1000));
            else if (isBigInteger(*it) && !bigIntegerText(*it).starts_with('-'))
                minor = 1000;
        }
    }
    Problems problems = SchemaCheck(minor).run(notebook);
    if (!text.empty()) {
        locateProblems(problems, text);
        std::stable_sort(problems.begin(), problems.end(),
                         [](const Problem& a, const Problem& b) { return a.line < b.line; });
    }
    return problems;
}

} // namespace quire::editor
