#include "v3_upgrade.h"

#include "cell_ids.h"
#include "json_parser.h"
#include "json_pointer.h"
#include "messages.h"
#include "text_lines.h"

#include <array>
#include <utility>

namespace quire::editor {

namespace {

struct UpgradeFailure {
    std::string path;
    std::string message;
};

[[noreturn]] void fail(std::string path, std::string message) {
    throw UpgradeFailure{std::move(path), std::move(message)};
}

[[noreturn]] void failMissing(const std::string& path, const char* key) {
    fail(path,
         nbMessage(QT_TRANSLATE_NOOP("NbFormat",
                                     "cannot convert this nbformat 3 notebook: \"%1\" is missing"),
                   key));
}

[[noreturn]] void failType(const std::string& path) {
    fail(path,
         nbMessage(QT_TRANSLATE_NOOP(
             "NbFormat", "cannot convert this nbformat 3 notebook: a value has the wrong type")));
}

Json& requireObjectMember(Json& obj, const std::string& path, const char* key) {
    const auto it = obj.find(key);
    if (it == obj.end())
        failMissing(path, key);
    return *it;
}

Json popOr(Json& obj, const char* key, Json fallback) {
    const auto it = obj.find(key);
    if (it == obj.end())
        return fallback;
    Json value = std::move(*it);
    obj.erase(it);
    return value;
}

// v3's _join_lines: lines written by splitlines(True) are concatenated, older ones (written
// by splitlines()) are joined with "\n".
void joinV3Lines(Json& value, const std::string& path) {
    if (!value.is_array())
        return;
    std::string joined;
    bool keepEnds = false;
    if (!value.empty()) {
        if (!value[0].is_string())
            failType(path);
        const auto& first = value[0].get_ref<const std::string&>();
        keepEnds = !first.empty() && (first.back() == '\n' || first.back() == '\r');
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (!value[i].is_string())
            failType(path);
        if (i > 0 && !keepEnds)
            joined += '\n';
        joined += value[i].get_ref<const std::string&>();
    }
    value = std::move(joined);
}

Json& worksheetCells(Json& nb, std::size_t w) {
    Json& ws = nb["worksheets"][w];
    const std::string path = childPointer("/worksheets", w);
    if (!ws.is_object())
        failType(path);
    Json& cells = requireObjectMember(ws, path, "cells");
    if (!cells.is_array())
        failType(childPointer(path, "cells"));
    return cells;
}

// nbformat/v3/rwbase.py rejoin_lines, which nbformat applies when it reads a v3 file.
void rejoinV3(Json& nb) {
    Json& worksheets = requireObjectMember(nb, "", "worksheets");
    if (!worksheets.is_array())
        failType("/worksheets");
    static constexpr std::array multilineOutputKeys = {"text",  "html",       "svg",
                                                       "latex", "javascript", "json"};
    for (std::size_t w = 0; w < worksheets.size(); ++w) {
        Json& cells = worksheetCells(nb, w);
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const std::string path =
                childPointer(childPointer(childPointer("/worksheets", w), "cells"), i);
            Json& cell = cells[i];
            if (!cell.is_object())
                failType(path);
            const Json& type = requireObjectMember(cell, path, "cell_type");
            if (type == "code") {
                if (const auto input = cell.find("input"); input != cell.end())
                    joinV3Lines(*input, childPointer(path, "input"));
                Json& outputs = requireObjectMember(cell, path, "outputs");
                if (!outputs.is_array())
                    failType(childPointer(path, "outputs"));
                for (std::size_t k = 0; k < outputs.size(); ++k) {
                    const std::string opath = childPointer(childPointer(path, "outputs"), k);
                    if (!outputs[k].is_object())
                        failType(opath);
                    for (const char* key : multilineOutputKeys)
                        if (const auto it = outputs[k].find(key); it != outputs[k].end())
                            joinV3Lines(*it, childPointer(opath, key));
                }
            } else {
                for (const char* key : {"source", "rendered"})
                    if (const auto it = cell.find(key); it != cell.end())
                        joinV3Lines(*it, childPointer(path, key));
            }
        }
    }
}

std::string_view withoutLineBreak(std::string_view line) {
    if (line.ends_with("\r\n"))
        return line.substr(0, line.size() - 2);
    if (line.ends_with("\xc2\x85"))
        return line.substr(0, line.size() - 2);
    if (line.ends_with("\xe2\x80\xa8") || line.ends_with("\xe2\x80\xa9"))
        return line.substr(0, line.size() - 3);
    if (!line.empty() &&
        std::string_view("\n\r\v\f\x1c\x1d\x1e").find(line.back()) != std::string_view::npos)
        return line.substr(0, line.size() - 1);
    return line;
}

void toMimeKeys(Json& bundle) {
    static constexpr std::array<std::pair<const char*, const char*>, 8> aliases = {{
        {"text", "text/plain"},
        {"html", "text/html"},
        {"svg", "image/svg+xml"},
        {"png", "image/png"},
        {"jpeg", "image/jpeg"},
        {"latex", "text/latex"},
        {"json", "application/json"},
        {"javascript", "application/javascript"},
    }};
    for (const auto& [alias, mime] : aliases) {
        if (const auto it = bundle.find(alias); it != bundle.end()) {
            Json value = std::move(*it);
            bundle.erase(it);
            bundle[mime] = std::move(value);
        }
    }
}

void upgradeOutput(Json& output, const std::string& path) {
    const Json type = requireObjectMember(output, path, "output_type");
    if (type == "pyout" || type == "display_data") {
        if (!output.contains("metadata"))
            output["metadata"] = Json::object();
        if (type == "pyout") {
            output["output_type"] = "execute_result";
            output["execution_count"] = popOr(output, "prompt_number", nullptr);
        }
        Json data = Json::object();
        for (auto it = output.begin(); it != output.end();) {
            if (it.key() == "output_type" || it.key() == "execution_count" ||
                it.key() == "metadata") {
                ++it;
                continue;
            }
            data[it.key()] = std::move(it.value());
            it = output.erase(it);
        }
        toMimeKeys(data);
        Json& metadata = output["metadata"];
        if (!metadata.is_object())
            failType(childPointer(path, "metadata"));
        toMimeKeys(metadata);
        if (const auto json = data.find("application/json"); json != data.end()) {
            if (!json->is_string())
                failType(childPointer(path, "json"));
            auto parsed = parseJson(json->get_ref<const std::string&>());
            if (!parsed.value)
                fail(childPointer(path, "json"), parsed.error.message);
            *json = std::move(*parsed.value);
        }
        output["data"] = std::move(data);
    } else if (type == "pyerr") {
        output["output_type"] = "error";
    } else if (type == "stream") {
        output["name"] = popOr(output, "stream", "stdout");
    }
}

Json upgradeCell(Json cell, const std::string& path) {
    if (!cell.contains("metadata"))
        cell["metadata"] = Json::object();
    cell["id"] = randomCellId();
    const Json type = cell["cell_type"];
    if (type == "code") {
        cell.erase("language");
        if (const auto collapsed = cell.find("collapsed"); collapsed != cell.end()) {
            Json value = std::move(*collapsed);
            cell.erase(collapsed);
            if (!cell["metadata"].is_object())
                failType(childPointer(path, "metadata"));
            cell["metadata"]["collapsed"] = std::move(value);
        }
        Json source = popOr(cell, "input", "");
        cell["source"] = std::move(source);
        Json count = popOr(cell, "prompt_number", nullptr);
        cell["execution_count"] = std::move(count);
        Json& outputs = cell["outputs"];
        for (std::size_t k = 0; k < outputs.size(); ++k) {
            const std::string opath = childPointer(childPointer(path, "outputs"), k);
            upgradeOutput(outputs[k], opath);
        }
    } else if (type == "heading") {
        cell["cell_type"] = "markdown";
        const Json level = popOr(cell, "level", 1);
        long long hashes = 0;
        if (level.is_boolean())
            hashes = level.get<bool>() ? 1 : 0;
        else if (level.is_number_integer() && !level.is_number_unsigned())
            hashes = level.get<long long>();
        else if (level.is_number_unsigned() && level.get<unsigned long long>() <= 1000)
            hashes = level.get<long long>();
        else
            failType(childPointer(path, "level"));
        if (hashes > 1000)
            failType(childPointer(path, "level"));
        const auto sourceIt = cell.find("source");
        const Json source = sourceIt != cell.end() ? *sourceIt : Json("");
        if (!source.is_string())
            failType(childPointer(path, "source"));
        std::string text(std::size_t(std::max(0LL, hashes)), '#');
        text += ' ';
        bool first = true;
        for (std::string_view line : splitLineViews(source.get_ref<const std::string&>())) {
            if (!first)
                text += ' ';
            first = false;
            text += withoutLineBreak(line);
        }
        cell["source"] = std::move(text);
    } else if (type == "html") {
        cell["cell_type"] = "markdown";
    }
    return cell;
}

} // namespace

V3UpgradeResult upgradeV3(Json nb) {
    V3UpgradeResult result;
    try {
        rejoinV3(nb);
        if (!nb.contains("nbformat_minor"))
            failMissing("", "nbformat_minor");
        if (!requireObjectMember(nb, "", "metadata").is_object())
            failType("/metadata");
        nb.erase("orig_nbformat");
        nb.erase("orig_nbformat_minor");
        nb["nbformat"] = 4;
        nb["nbformat_minor"] = 5;
        Json cells = Json::array();
        Json& worksheets = nb["worksheets"];
        for (std::size_t w = 0; w < worksheets.size(); ++w) {
            Json& wsCells = worksheetCells(nb, w);
            const std::string wpath = childPointer(childPointer("/worksheets", w), "cells");
            for (std::size_t i = 0; i < wsCells.size(); ++i)
                cells.push_back(upgradeCell(std::move(wsCells[i]), childPointer(wpath, i)));
        }
        nb["cells"] = std::move(cells);
        nb.erase("worksheets");
        nb["metadata"].erase("name");
        nb["metadata"].erase("signature");
        result.notebook = std::move(nb);
    } catch (const UpgradeFailure& f) {
        result.errorPath = f.path;
        result.error = f.message;
    } catch (const Json::exception&) {
        result.error = nbMessage(QT_TRANSLATE_NOOP(
            "NbFormat", "cannot convert this nbformat 3 notebook: a value has the wrong type"));
    }
    return result;
}

} // namespace quire::editor
