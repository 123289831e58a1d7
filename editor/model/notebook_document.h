#pragma once

#include "cell.h"
#include "editor/nbformat/problem.h"

#include <QObject>
#include <QString>
#include <QUndoStack>
#include <memory>
#include <vector>

namespace quire::editor {

class KeepStyleWriter;

// The notebook: cells + notebook-level JSON; the single source of truth. Loads and saves
// itself (atomically); every user edit goes through the undo stack (see cell_operations.h),
// which calls the plain mutators below and they emit the change signals views observe.
class NotebookDocument : public QObject {
    Q_OBJECT
public:
    enum class SaveStyle { Canonical, KeepOriginal };

    struct LoadResult {
        std::unique_ptr<NotebookDocument> document; // null when the file cannot be opened
        QString error;                              // why, when document is null
        Problems problems;                          // schema warnings (document still opens)
    };

    explicit NotebookDocument(QObject* parent = nullptr); // a new, empty Python notebook
    ~NotebookDocument() override;

    static LoadResult load(const QString& path);
    static LoadResult fromBytes(const QByteArray& bytes, const QString& path = {});

    // Saves to filePath() (or `path`), atomically. Files that came in a non-canonical style
    // keep it; new and canonical files get nbformat's canonical text.
    bool save(QString* error = nullptr);
    bool saveAs(const QString& path, QString* error = nullptr);
    QByteArray serialize() const;
    Json toJson() const;
    SaveStyle saveStyle() const;

    QString filePath() const { return m_path; }
    QString displayName() const; // file name, or "Untitled"
    void setUntitledName(const QString& name) { m_untitledName = name; }
    bool isModified() const { return !m_undo.isClean() || m_dirtyWithoutUndo; }
    QUndoStack* undoStack() { return &m_undo; }

    int nbformatMinor() const;
    void setNbformatMinor(int minor); // plain mutator (see NotebookEditing::upgradeFormat)
    bool usesCellIds() const { return nbformatMinor() >= 5; }
    std::string newCellId() const; // unique among current cells ("" before 4.5)
    QString language() const;      // from language_info / kernelspec, "python" if unknown
    const Json& metadata() const;
    void setMetadata(Json metadata);

    int cellCount() const { return int(m_cells.size()); }
    const CellPtr& cell(int index) const { return m_cells.at(size_t(index)); }
    int indexOf(const Cell* cell) const;

    // Plain mutators (no undo): used by undo commands and by execution bookkeeping.
    void insertCells(int at, std::vector<CellPtr> cells);
    std::vector<CellPtr> removeCells(int first, int count);
    void moveCells(int first, int count,
                   int to); // `to` is the index of the first moved cell afterwards
    void replaceCell(int index, CellPtr cell);
    void setCellSource(int index, const QString& text);
    void setCellOutputs(int index, Json outputs);
    void setCellExecutionCount(int index, std::optional<long long> count);
    void setCellMetadata(int index, Json metadata);
    // The cell's outputs were changed in place (Cell::outputsForEditing).
    void notifyCellOutputsChanged(int index) { emit cellOutputsChanged(index); }
    // Jupyter's trust: true when every cell's outputs are trusted (made in this session, or
    // the notebook was trusted). trustOutputs() trusts them all and re-announces the outputs
    // that were not, so views show them with scripts. See NotebookTrust for the signatures.
    bool isTrusted() const;
    void trustOutputs();
    // Changes that are not undoable (outputs arriving from a kernel) still mark the file dirty.
    void markDirty();

signals:
    void cellsInserted(int first, int count);
    void cellsRemoved(int first, int count);
    void cellsMoved(int first, int count, int to);
    void cellReplaced(int index);
    void cellSourceChanged(int index);
    void cellOutputsChanged(int index);
    void cellMetadataChanged(int index);
    void metadataChanged();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString& path);
    void saved();

private:
    void setCleanState();

    Json m_root; // notebook JSON with "cells" emptied (key order kept)
    std::vector<CellPtr> m_cells;
    QString m_path;
    QString m_untitledName;
    QUndoStack m_undo;
    bool m_dirtyWithoutUndo = false;
    bool m_lastModified = false;
    // Files not in canonical style are written back in their own style: the text they were
    // read from (or last saved as), and the writer made from it on first use.
    bool m_keepStyle = false;
    QByteArray m_styleSource;
    mutable std::unique_ptr<KeepStyleWriter> m_keepWriter;
};

} // namespace quire::editor
