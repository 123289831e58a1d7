#include "notebook_reader.h"

#include "json_parser.h"
#include "json_pointer.h"
#include "json_spans.h"
#include "messages.h"
#include "notebook_validator.h"
#include "v3_upgrade.h"

namespace quire::editor {

namespace {

Problem fatal(std::string path, std::string message) {
    return {Problem::Severity::Error, std::move(path), 0, std::move(message)};
}

// nbformat / nbformat_minor as small non-negative integers; nullopt when they are not.
std::optional<int> versionNumber(const Json& value) {
    if (value.is_number_unsigned())
        return value.get<std::uint64_t>() > 1000000 ? 1000000 : int(value.get<std::uint64_t>());
    if (value.is_number_integer() && value.get<std::int64_t>() >= 0)
        return int(std::min<std::int64_t>(value.get<std::int64_t>(), 1000000));
    return std::nullopt;
}

// What nbformat needs to read a v4 notebook at all (it fails on these rather than warn).
void checkStructure(const Json& nb, Problems& problems) {
    const auto metadata = nb.find("metadata");
    if (metadata == nb.end())
        problems.push_back(
            fatal("", nbMessage(QT_TRANSLATE_NOOP("NbFormat", "missing required key \"%1\""),
                                "metadata")));
    else if (!metadata->is_object())
        problems.push_back(
            fatal("/metadata", nbMessage(QT_TRANSLATE_NOOP("NbFormat", "must be an object"))));
    const auto cells = nb.find("cells");
    if (cells == nb.end()) {
        problems.push_back(fatal(
            "", nbMessage(QT_TRANSLATE_NOOP("NbFormat", "missing required key \"%1\""), "cells")));
    } else if (!cells->is_array()) {
        problems.push_back(
            fatal("/cells", nbMessage(QT_TRANSLATE_NOOP("NbFormat", "must be a list of cells"))));
    } else {
        for (std::size_t i = 0; i < cells->size(); ++i)
            if (!(*cells)[i].is_object())
                problems.push_back(
                    fatal(childPointer("/cells", i),
                          nbMessage(QT_TRANSLATE_NOOP("NbFormat", "a cell must be an object"))));
    }
}

} // namespace

ReadResult readNotebook(std::string_view bytes) {
    ReadResult result;
    auto parsed = parseJson(bytes);
    if (!parsed.value) {
        result.problems.push_back(std::move(parsed.error));
        return result;
    }
    Json& nb = *parsed.value;
    auto failWith = [&](Problem p) {
        result.problems.push_back(std::move(p));
        locateProblems(result.problems, bytes);
        return std::move(result);
    };
    if (!nb.is_object())
        return failWith(
            fatal("", nbMessage(QT_TRANSLATE_NOOP(
                          "NbFormat", "not a notebook: the file is JSON, but not a JSON object"))));
    const auto majorIt = nb.find("nbformat");
    if (majorIt == nb.end())
        return failWith(
            fatal("", nbMessage(QT_TRANSLATE_NOOP(
                          "NbFormat", "not a notebook: there is no \"nbformat\" version"))));
    const auto major = versionNumber(*majorIt);
    if (!major)
        return failWith(
            fatal("/nbformat", nbMessage(QT_TRANSLATE_NOOP(
                                   "NbFormat", "the nbformat version must be a whole number"))));
    int minor = 0;
    if (const auto minorIt = nb.find("nbformat_minor"); minorIt != nb.end()) {
        const auto m = versionNumber(*minorIt);
        if (!m)
            return failWith(
                fatal("/nbformat_minor",
                      nbMessage(QT_TRANSLATE_NOOP(
                          "NbFormat", "the nbformat_minor version must be a whole number"))));
        minor = *m;
    }
    result.fileMajor = *major;
    result.fileMinor = minor;
    if (*major > 4)
        return failWith(fatal(
            "/nbformat",
            nbMessage(QT_TRANSLATE_NOOP("NbFormat",
                                        "this notebook was written by a newer version of "
                                        "Jupyter (nbformat %1); Quire reads nbformat 3 and 4"),
                      *major)));
    if (*major < 3)
        return failWith(fatal(
            "/nbformat",
            nbMessage(QT_TRANSLATE_NOOP("NbFormat",
                                        "nbformat %1 is too old; Quire reads nbformat 3 and 4 "
                                        "(convert it with Jupyter first)"),
                      *major)));
    if (*major == 3) {
        auto upgrade = upgradeV3(std::move(nb));
        if (!upgrade.notebook)
            return failWith(fatal(upgrade.errorPath, upgrade.error));
        result.upgraded = true;
        result.notebook = std::move(upgrade.notebook);
        // Paths of the converted notebook do not point into the v3 text: no lines.
        result.problems = validateNotebook(*result.notebook);
    } else {
        checkStructure(nb, result.problems);
        if (!result.problems.empty()) {
            locateProblems(result.problems, bytes);
            return result;
        }
        // Transient keys (metadata.signature, ...) stay: keep-style writing gives the file back
        // as it was, and the canonical writer drops them as nbformat does.
        result.problems = validateNotebook(nb, bytes);
        result.notebook = std::move(nb);
    }
    for (auto& p : result.problems)
        p.severity = Problem::Severity::Warning;
    return result;
}

} // namespace quire::editor
