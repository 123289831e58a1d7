#pragma once

#include "notebook_document.h"

#include <QList>

#include <functional>

namespace quire::editor {

// Every user edit of a notebook as an undoable command on the document's one undo stack.
// All structural operations reduce to "replace cells [first, first+n) with these cells", so
// undo restores the very same cell objects (ids, outputs, metadata untouched).
class NotebookEditing {
public:
    explicit NotebookEditing(NotebookDocument& document) : m_doc(document) {}

    int insertCell(int at, CellType type, const QString& source = {});
    void deleteCells(QList<int> indices);
    // Moves the contiguous block [first, first+count) by delta (-1 up, +1 down). False at an edge.
    bool moveCells(int first, int count, int delta);
    void changeType(const QList<int>& indices, CellType type);
    // Joins the cells into the first, sources separated by a blank line; outputs of code cells
    // kept.
    void mergeCells(QList<int> indices);
    // Splits at each UTF-16 position of the cell's source (sorted); returns the number of parts.
    int splitCell(int index, QList<int> positions);
    // Inserts copies of `cells` (a JSON array of cell objects) at `at`, with fresh ids.
    int pasteCells(int at, const Json& cells);
    // Typing: consecutive edits of one cell within a second merge into one undo step.
    void editSource(int index, const QString& text);
    void setSources(const QList<int>& indices, const QStringList& texts, const QString& label);
    void clearOutputs(const QList<int>& indices);
    // Hide or show the outputs of code cells, or let tall ones scroll (cell metadata, see
    // cell_output_state.h). One undo step; cells already in that state are left alone.
    void setOutputsHidden(const QList<int>& indices, bool hidden);
    void setOutputsScrolled(const QList<int>& indices, bool scrolled);

    // Upgrades a notebook older than nbformat 4.5 to 4.5: every cell gets an id. One undo step.
    bool upgradeFormat();

    // Cell JSON for the clipboard (ids kept; paste gives fresh ones).
    Json copyCells(const QList<int>& indices) const;

private:
    void replaceRange(int first, int count, std::vector<CellPtr> cells, const QString& label);
    void setMetadataOf(const QList<int>& indices, const QString& label,
                       const std::function<Json(const Json&)>& change);
    NotebookDocument& m_doc;
};

} // namespace quire::editor
