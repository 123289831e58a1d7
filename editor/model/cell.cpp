#include "cell.h"

#include "editor/nbformat/text_lines.h"

namespace quire::editor {

namespace {
const Json& emptyArray() {
    static const Json a = Json::array();
    return a;
}
const Json& emptyObject() {
    static const Json o = Json::object();
    return o;
}
} // namespace

CellType cellTypeFromName(std::string_view name) {
    if (name == "code")
        return CellType::Code;
    if (name == "markdown")
        return CellType::Markdown;
    if (name == "raw")
        return CellType::Raw;
    return CellType::Other;
}

const char* cellTypeName(CellType type) {
    switch (type) {
    case CellType::Code:
        return "code";
    case CellType::Markdown:
        return "markdown";
    case CellType::Raw:
        return "raw";
    case CellType::Other:
        break;
    }
    return "";
}

QString joinedText(const Json& value) {
    if (value.is_string())
        return QString::fromStdString(value.get_ref<const std::string&>());
    if (value.is_array()) {
        std::string all;
        for (const auto& line : value)
            if (line.is_string())
                all += line.get_ref<const std::string&>();
        return QString::fromStdString(all);
    }
    return {};
}

Json textLike(const Json& previous, const std::string& text) {
    if (previous.is_array()) {
        Json lines = Json::array();
        for (auto& l : splitLines(text))
            lines.push_back(std::move(l));
        return lines;
    }
    return text;
}

Cell::Cell(Json json) : m_json(std::move(json)) {
    if (!m_json.is_object())
        m_json = Json::object();
    const auto t = m_json.find("cell_type");
    m_type = (t != m_json.end() && t->is_string())
                 ? cellTypeFromName(t->get_ref<const std::string&>())
                 : CellType::Other;
    if (const auto s = m_json.find("source"); s != m_json.end())
        m_source = joinedText(*s);
    m_outputsTrusted = outputs().empty();
}

std::shared_ptr<Cell> Cell::create(CellType type, const std::string& id) {
    Json j = Json::object();
    j["cell_type"] = cellTypeName(type);
    if (type == CellType::Code)
        j["execution_count"] = nullptr;
    if (!id.empty())
        j["id"] = id;
    j["metadata"] = Json::object();
    if (type == CellType::Code)
        j["outputs"] = Json::array();
    j["source"] = Json::array();
    return std::make_shared<Cell>(std::move(j));
}

std::string Cell::id() const {
    const auto it = m_json.find("id");
    return (it != m_json.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

void Cell::setSource(const QString& text) {
    m_source = text;
    const auto it = m_json.find("source");
    m_json["source"] = textLike(it != m_json.end() ? *it : Json::array(), text.toStdString());
}

const Json& Cell::outputs() const {
    const auto it = m_json.find("outputs");
    return (it != m_json.end() && it->is_array()) ? *it : emptyArray();
}

void Cell::setOutputs(Json outputs) {
    if (m_type != CellType::Code)
        return;
    if (outputs.empty())
        m_outputsTrusted = true;
    m_json["outputs"] = std::move(outputs);
}

Json& Cell::outputsForEditing() {
    Json& outputs = m_json["outputs"];
    if (!outputs.is_array())
        outputs = Json::array();
    return outputs;
}

std::optional<long long> Cell::executionCount() const {
    const auto it = m_json.find("execution_count");
    if (it != m_json.end() && it->is_number_integer())
        return it->get<long long>();
    return std::nullopt;
}

void Cell::setExecutionCount(std::optional<long long> count) {
    if (m_type != CellType::Code)
        return;
    if (count)
        m_json["execution_count"] = *count;
    else
        m_json["execution_count"] = nullptr;
}

const Json& Cell::metadata() const {
    const auto it = m_json.find("metadata");
    return (it != m_json.end() && it->is_object()) ? *it : emptyObject();
}

void Cell::setMetadata(Json metadata) {
    m_json["metadata"] = std::move(metadata);
}

const Json& Cell::attachments() const {
    const auto it = m_json.find("attachments");
    return (it != m_json.end() && it->is_object()) ? *it : emptyObject();
}

std::shared_ptr<Cell> Cell::convertedTo(CellType type) const {
    Json j = m_json;
    j["cell_type"] = cellTypeName(type);
    if (type == CellType::Code) {
        j.erase("attachments");
        if (!j.contains("outputs"))
            j["outputs"] = Json::array();
        if (!j.contains("execution_count"))
            j["execution_count"] = nullptr;
    } else {
        j.erase("outputs");
        j.erase("execution_count");
    }
    auto converted = std::make_shared<Cell>(std::move(j));
    converted->m_outputsTrusted = m_outputsTrusted || converted->outputs().empty();
    return converted;
}

std::shared_ptr<Cell> Cell::copyWithId(const std::string& id) const {
    Json j = m_json;
    if (id.empty())
        j.erase("id");
    else
        j["id"] = id;
    auto copy = std::make_shared<Cell>(std::move(j));
    copy->m_outputsTrusted = m_outputsTrusted || copy->outputs().empty();
    return copy;
}

} // namespace quire::editor
