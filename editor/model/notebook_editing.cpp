#include "notebook_editing.h"

#include "editor/model/cell_output_state.h"
#include "editor/nbformat/cell_ids.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QUndoCommand>
#include <algorithm>
#include <memory>

namespace quire::editor {

namespace {

class ReplaceRangeCommand : public QUndoCommand {
public:
    ReplaceRangeCommand(NotebookDocument& doc, int first, int oldCount, std::vector<CellPtr> cells,
                        const QString& text, QUndoCommand* parent = nullptr)
        : QUndoCommand(text, parent), m_doc(doc), m_first(first), m_other(std::move(cells)),
          m_count(oldCount) {}
    void redo() override { swap(); }
    void undo() override { swap(); }

private:
    // Puts m_other in place of the m_count cells at m_first, keeping what it took out.
    void swap() {
        auto removed = m_count > 0 ? m_doc.removeCells(m_first, m_count) : std::vector<CellPtr>{};
        m_count = int(m_other.size());
        if (!m_other.empty())
            m_doc.insertCells(m_first, std::move(m_other));
        m_other = std::move(removed);
    }
    NotebookDocument& m_doc;
    int m_first;
    std::vector<CellPtr> m_other;
    int m_count;
};

class SetMinorCommand : public QUndoCommand {
public:
    SetMinorCommand(NotebookDocument& doc, int minor, QUndoCommand* parent)
        : QUndoCommand(parent), m_doc(doc), m_before(doc.nbformatMinor()), m_after(minor) {}
    void redo() override { m_doc.setNbformatMinor(m_after); }
    void undo() override { m_doc.setNbformatMinor(m_before); }

private:
    NotebookDocument& m_doc;
    int m_before;
    int m_after;
};

class EditSourceCommand : public QUndoCommand {
public:
    enum { Id = 0x51 };
    EditSourceCommand(NotebookDocument& doc, int index, QString before, QString after)
        : QUndoCommand(QCoreApplication::translate("NotebookEditing", "Typing")), m_doc(doc),
          m_index(index), m_before(std::move(before)), m_after(std::move(after)),
          m_time(QDateTime::currentMSecsSinceEpoch()) {}
    int id() const override { return Id; }
    void redo() override { m_doc.setCellSource(m_index, m_after); }
    void undo() override { m_doc.setCellSource(m_index, m_before); }
    bool mergeWith(const QUndoCommand* other) override {
        const auto* o = static_cast<const EditSourceCommand*>(other);
        if (o->m_index != m_index || o->m_time - m_time > 1000)
            return false;
        m_after = o->m_after;
        m_time = o->m_time;
        return true;
    }

private:
    NotebookDocument& m_doc;
    int m_index;
    QString m_before;
    QString m_after;
    qint64 m_time;
};

class SetSourceCommand : public QUndoCommand {
public:
    SetSourceCommand(NotebookDocument& doc, int index, QString after, QUndoCommand* parent)
        : QUndoCommand(parent), m_doc(doc), m_index(index), m_before(doc.cell(index)->source()),
          m_after(std::move(after)) {}
    void redo() override { m_doc.setCellSource(m_index, m_after); }
    void undo() override { m_doc.setCellSource(m_index, m_before); }

private:
    NotebookDocument& m_doc;
    int m_index;
    QString m_before;
    QString m_after;
};

class SetMetadataCommand : public QUndoCommand {
public:
    SetMetadataCommand(NotebookDocument& doc, int index, Json after, QUndoCommand* parent)
        : QUndoCommand(parent), m_doc(doc), m_index(index), m_before(doc.cell(index)->metadata()),
          m_after(std::move(after)) {}
    void redo() override { m_doc.setCellMetadata(m_index, m_after); }
    void undo() override { m_doc.setCellMetadata(m_index, m_before); }

private:
    NotebookDocument& m_doc;
    int m_index;
    Json m_before;
    Json m_after;
};

// Sorted, unique, in range.
QList<int> normalized(QList<int> indices, int count) {
    std::sort(indices.begin(), indices.end());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    indices.erase(std::remove_if(indices.begin(), indices.end(),
                                 [count](int i) { return i < 0 || i >= count; }),
                  indices.end());
    return indices;
}
} // namespace

void NotebookEditing::replaceRange(int first, int count, std::vector<CellPtr> cells,
                                   const QString& label) {
    m_doc.undoStack()->push(new ReplaceRangeCommand(m_doc, first, count, std::move(cells), label));
}

int NotebookEditing::insertCell(int at, CellType type, const QString& source) {
    at = std::clamp(at, 0, m_doc.cellCount());
    auto cell = Cell::create(type, m_doc.newCellId());
    if (!source.isEmpty())
        cell->setSource(source);
    replaceRange(at, 0, {cell}, QCoreApplication::translate("NotebookEditing", "Insert cell"));
    return at;
}

void NotebookEditing::deleteCells(QList<int> indices) {
    indices = normalized(std::move(indices), m_doc.cellCount());
    if (indices.isEmpty())
        return;
    auto* stack = m_doc.undoStack();
    stack->beginMacro(indices.size() == 1
                          ? QCoreApplication::translate("NotebookEditing", "Delete cell")
                          : QCoreApplication::translate("NotebookEditing", "Delete %n cells",
                                                        nullptr, int(indices.size())));
    for (auto it = indices.crbegin(); it != indices.crend(); ++it)
        stack->push(new ReplaceRangeCommand(m_doc, *it, 1, {}, {}));
    stack->endMacro();
}

bool NotebookEditing::moveCells(int first, int count, int delta) {
    const int n = m_doc.cellCount();
    if (count <= 0 || first < 0 || first + count > n || first + delta < 0 ||
        first + count + delta > n)
        return false;
    const int lo = std::min(first, first + delta);
    const int span = count + std::abs(delta);
    std::vector<CellPtr> block;
    for (int i = lo; i < lo + span; ++i)
        block.push_back(m_doc.cell(i));
    if (delta > 0)
        std::rotate(block.begin(), block.begin() + count, block.end());
    else
        std::rotate(block.begin(), block.end() - count, block.end());
    replaceRange(lo, span, std::move(block),
                 QCoreApplication::translate("NotebookEditing", "Move cells"));
    return true;
}

void NotebookEditing::changeType(const QList<int>& indices, CellType type) {
    auto* stack = m_doc.undoStack();
    stack->beginMacro(QCoreApplication::translate("NotebookEditing", "Change cell type"));
    for (int i : normalized(indices, m_doc.cellCount()))
        if (m_doc.cell(i)->type() != type)
            stack->push(
                new ReplaceRangeCommand(m_doc, i, 1, {m_doc.cell(i)->convertedTo(type)}, {}));
    stack->endMacro();
}

void NotebookEditing::mergeCells(QList<int> indices) {
    indices = normalized(std::move(indices), m_doc.cellCount());
    if (indices.size() < 2)
        return;
    const auto& first = m_doc.cell(indices.front());
    QStringList sources;
    Json outputs = Json::array();
    bool trusted = true;
    for (int i : indices) {
        sources << m_doc.cell(i)->source();
        for (const auto& o : m_doc.cell(i)->outputs())
            outputs.push_back(o);
        trusted = trusted && m_doc.cell(i)->outputsTrusted();
    }
    auto merged = first->copyWithId(first->id());
    merged->setSource(sources.join(QStringLiteral("\n\n")));
    merged->setOutputs(std::move(outputs));
    // Outputs keep their trust wherever they move: untrusted ones make the merged cell untrusted.
    merged->setOutputsTrusted(trusted);
    auto* stack = m_doc.undoStack();
    stack->beginMacro(QCoreApplication::translate("NotebookEditing", "Merge cells"));
    for (auto it = indices.crbegin(); it != indices.crend(); ++it)
        stack->push(new ReplaceRangeCommand(m_doc, *it, 1, {}, {}));
    stack->push(new ReplaceRangeCommand(m_doc, indices.front(), 0, {merged}, {}));
    stack->endMacro();
}

int NotebookEditing::splitCell(int index, QList<int> positions) {
    const auto& cell = m_doc.cell(index);
    const QString text = cell->source();
    positions = normalized(std::move(positions), int(text.size()) + 1);
    std::vector<CellPtr> parts;
    int start = 0;
    positions.append(int(text.size()));
    for (int pos : positions) {
        QString piece = text.mid(start, pos - start);
        // The split point's line break belongs to neither half (as in JupyterLab).
        if (piece.endsWith(QLatin1Char('\n')) && pos != int(text.size()))
            piece.chop(1);
        if (!parts.empty() && piece.startsWith(QLatin1Char('\n')))
            piece.remove(0, 1);
        auto part = parts.empty() ? cell->copyWithId(cell->id())
                                  : Cell::create(cell->type() == CellType::Other ? CellType::Code
                                                                                 : cell->type(),
                                                 m_doc.newCellId());
        if (!parts.empty())
            part->setMetadata(cell->metadata());
        else
            part->setOutputs(Json::array());
        part->setSource(piece);
        parts.push_back(std::move(part));
        start = pos;
    }
    // The outputs stay with the last part, which is what produced them.
    parts.back()->setOutputs(cell->outputs());
    parts.back()->setOutputsTrusted(cell->outputsTrusted());
    const int n = int(parts.size());
    replaceRange(index, 1, std::move(parts),
                 QCoreApplication::translate("NotebookEditing", "Split cell"));
    return n;
}

int NotebookEditing::pasteCells(int at, const Json& cells) {
    if (!cells.is_array() || cells.empty())
        return 0;
    at = std::clamp(at, 0, m_doc.cellCount());
    std::vector<CellPtr> fresh;
    std::vector<std::string> ids;
    for (const auto& j : cells) {
        if (!j.is_object())
            continue;
        auto c = std::make_shared<Cell>(j);
        std::string id = m_doc.newCellId();
        // newCellId() only knows the cells already in the document; avoid clashes in the batch.
        while (!id.empty() && std::find(ids.begin(), ids.end(), id) != ids.end())
            id = m_doc.newCellId();
        ids.push_back(id);
        fresh.push_back(c->copyWithId(id));
    }
    const int n = int(fresh.size());
    if (n)
        replaceRange(at, 0, std::move(fresh),
                     QCoreApplication::translate("NotebookEditing", "Paste cells"));
    return n;
}

void NotebookEditing::editSource(int index, const QString& text) {
    const QString before = m_doc.cell(index)->source();
    if (before == text)
        return;
    m_doc.undoStack()->push(new EditSourceCommand(m_doc, index, before, text));
}

void NotebookEditing::setSources(const QList<int>& indices, const QStringList& texts,
                                 const QString& label) {
    auto* macro = new QUndoCommand(label);
    for (qsizetype k = 0; k < indices.size() && k < texts.size(); ++k)
        new SetSourceCommand(m_doc, indices[k], texts[k], macro);
    m_doc.undoStack()->push(macro);
}

void NotebookEditing::clearOutputs(const QList<int>& indices) {
    auto* stack = m_doc.undoStack();
    stack->beginMacro(QCoreApplication::translate("NotebookEditing", "Clear outputs"));
    for (int i : normalized(indices, m_doc.cellCount())) {
        const auto& c = m_doc.cell(i);
        if (!c->isCode() || (c->outputs().empty() && !c->executionCount()))
            continue;
        auto cleared = c->copyWithId(c->id());
        cleared->setOutputs(Json::array());
        cleared->setExecutionCount(std::nullopt);
        stack->push(new ReplaceRangeCommand(m_doc, i, 1, {cleared}, {}));
    }
    stack->endMacro();
}

void NotebookEditing::setMetadataOf(const QList<int>& indices, const QString& label,
                                    const std::function<Json(const Json&)>& change) {
    auto macro = std::make_unique<QUndoCommand>(label);
    for (int i : normalized(indices, m_doc.cellCount())) {
        const auto& c = m_doc.cell(i);
        if (!c->isCode())
            continue;
        Json after = change(c->metadata());
        if (after != c->metadata())
            new SetMetadataCommand(m_doc, i, std::move(after), macro.get());
    }
    if (macro->childCount() > 0)
        m_doc.undoStack()->push(macro.release());
}

void NotebookEditing::setOutputsHidden(const QList<int>& indices, bool hidden) {
    setMetadataOf(indices,
                  hidden ? QCoreApplication::translate("NotebookEditing", "Hide outputs")
                         : QCoreApplication::translate("NotebookEditing", "Show outputs"),
                  [hidden](const Json& m) { return withOutputsHidden(m, hidden); });
}

void NotebookEditing::setOutputsScrolled(const QList<int>& indices, bool scrolled) {
    setMetadataOf(indices,
                  scrolled ? QCoreApplication::translate("NotebookEditing", "Scroll long outputs")
                           : QCoreApplication::translate("NotebookEditing", "Show outputs in full"),
                  [scrolled](const Json& m) { return withOutputsScrolled(m, scrolled); });
}

bool NotebookEditing::upgradeFormat() {
    if (m_doc.usesCellIds() || m_doc.cellCount() == 0)
        return false;
    auto* macro =
        new QUndoCommand(QCoreApplication::translate("NotebookEditing", "Upgrade to nbformat 4.5"));
    new SetMinorCommand(m_doc, 5, macro);
    std::vector<CellPtr> withIds;
    std::vector<std::string> ids;
    for (int i = 0; i < m_doc.cellCount(); ++i) {
        std::string id = randomCellId();
        while (std::find(ids.begin(), ids.end(), id) != ids.end())
            id = randomCellId();
        ids.push_back(id);
        withIds.push_back(m_doc.cell(i)->copyWithId(id));
    }
    new ReplaceRangeCommand(m_doc, 0, m_doc.cellCount(), std::move(withIds), {}, macro);
    m_doc.undoStack()->push(macro);
    return true;
}

Json NotebookEditing::copyCells(const QList<int>& indices) const {
    Json out = Json::array();
    for (int i : normalized(indices, m_doc.cellCount()))
        out.push_back(m_doc.cell(i)->json());
    return out;
}

} // namespace quire::editor
