#pragma once

#include "editor/nbformat/json.h"

#include <QString>
#include <memory>
#include <optional>
#include <string>

namespace quire::editor {

enum class CellType { Code, Markdown, Raw, Other };

CellType cellTypeFromName(std::string_view name);
const char* cellTypeName(CellType type);

// One notebook cell. The cell's JSON object (as read, unknown keys included) is the truth;
// the accessors read and write it in place, keeping the shape the file used (a source
// stored as a list of lines stays a list). Not a QObject: NotebookDocument signals changes.
class Cell {
public:
    explicit Cell(Json json);
    static std::shared_ptr<Cell> create(CellType type, const std::string& id);

    const Json& json() const { return m_json; }
    CellType type() const { return m_type; }
    std::string id() const; // "" when the notebook predates cell ids

    const QString& source() const { return m_source; }
    void setSource(const QString& text);

    bool isCode() const { return m_type == CellType::Code; }
    const Json& outputs() const;
    void setOutputs(Json outputs);
    // The outputs array to change in place (execution appends to it); code cells only.
    Json& outputsForEditing();
    // Whether the outputs may run scripts (Jupyter's trust, in memory only): outputs made in
    // this session are trusted; outputs that came with the cell (a file, a paste) are not until
    // the notebook is trusted. A cell without outputs is trusted; emptying them trusts it.
    bool outputsTrusted() const { return m_outputsTrusted; }
    void setOutputsTrusted(bool trusted) { m_outputsTrusted = trusted; }
    std::optional<long long> executionCount() const;
    void setExecutionCount(std::optional<long long> count);

    const Json& metadata() const;
    void setMetadata(Json metadata);
    const Json& attachments() const;

    // A copy of this cell turned into `type` (code keeps outputs only as code; markdown/raw
    // keep attachments), with everything else in the JSON kept.
    std::shared_ptr<Cell> convertedTo(CellType type) const;
    // A deep copy carrying a different id ("" removes the id).
    std::shared_ptr<Cell> copyWithId(const std::string& id) const;

private:
    Json m_json;
    CellType m_type;
    QString m_source; // cached joined source
    bool m_outputsTrusted = true;
};

using CellPtr = std::shared_ptr<Cell>;

QString joinedText(const Json& value); // a string, or a list of strings joined
Json textLike(const Json& previous,
              const std::string& text); // list of lines if previous was a list

} // namespace quire::editor
