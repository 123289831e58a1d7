#include "notebook_document.h"

#include "editor/nbformat/cell_ids.h"
#include "editor/nbformat/notebook_reader.h"
#include "editor/nbformat/notebook_writer.h"
#include "kernelclient/kernelspec_store.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <algorithm>
#include <unordered_set>

namespace quire::editor {

namespace {
Json newNotebookRoot() {
    Json root = Json::object();
    root["cells"] = Json::array();
    root["metadata"] = {
        {"kernelspec",
         {{"display_name", "Python 3 (ipykernel)"}, {"language", "python"}, {"name", "python3"}}},
        {"language_info", {{"name", "python"}}}};
    root["nbformat"] = 4;
    root["nbformat_minor"] = 5;
    return root;
}
} // namespace

NotebookDocument::NotebookDocument(QObject* parent) : QObject(parent), m_root(newNotebookRoot()) {
    m_cells.push_back(Cell::create(CellType::Code, newCellId()));
    connect(&m_undo, &QUndoStack::cleanChanged, this, [this] { setCleanState(); });
    connect(&m_undo, &QUndoStack::indexChanged, this, [this] { setCleanState(); });
}

NotebookDocument::~NotebookDocument() {
    // The undo stack clears itself on destruction and would report that as a change.
    disconnect(&m_undo, nullptr, this, nullptr);
}

NotebookDocument::LoadResult NotebookDocument::load(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {nullptr, tr("Cannot open %1: %2").arg(path, f.errorString()), {}};
    return fromBytes(f.readAll(), path);
}

NotebookDocument::LoadResult NotebookDocument::fromBytes(const QByteArray& bytes,
                                                         const QString& path) {
    auto read = readNotebook(std::string_view(bytes.constData(), size_t(bytes.size())));
    LoadResult result;
    if (!read.notebook) {
        QStringList reasons;
        for (const auto& p : read.problems)
            reasons << QString::fromStdString(
                describe(p, QFileInfo(path).fileName().toStdString()));
        result.error = tr("This file cannot be opened as a notebook.") + QLatin1Char('\n') +
                       reasons.join(QLatin1Char('\n'));
        return result;
    }
    result.problems = std::move(read.problems);
    // Canonical files stay canonical; anything else keeps its style. Comparing with the
    // canonical text is much cheaper than building the keep-style writer, which waits for Save.
    const bool canonical =
        !read.upgraded &&
        writeCanonical(*read.notebook) == std::string_view(bytes.constData(), size_t(bytes.size()));
    auto doc = std::make_unique<NotebookDocument>();
    doc->m_cells.clear();
    Json root = std::move(*read.notebook);
    // Like nbformat: a 4.5 notebook with missing or repeated cell ids gets fresh ones, and
    // that is a change to save.
    const int repaired = repairCellIds(root);
    if (auto it = root.find("cells"); it != root.end() && it->is_array()) {
        for (auto& c : *it)
            doc->m_cells.push_back(std::make_shared<Cell>(std::move(c)));
        *it = Json::array();
    }
    doc->m_root = std::move(root);
    doc->m_path = path;
    if (repaired)
        doc->markDirty();
    if (!canonical && !read.upgraded) {
        doc->m_keepStyle = true;
        doc->m_styleSource = bytes;
    }
    result.document = std::move(doc);
    return result;
}

Json NotebookDocument::toJson() const {
    Json root = m_root;
    Json& cells = root["cells"];
    cells = Json::array();
    for (const auto& c : m_cells)
        cells.push_back(c->json());
    return root;
}

NotebookDocument::SaveStyle NotebookDocument::saveStyle() const {
    return m_keepStyle ? SaveStyle::KeepOriginal : SaveStyle::Canonical;
}

QByteArray NotebookDocument::serialize() const {
    const Json nb = toJson();
    if (m_keepStyle && !m_keepWriter)
        m_keepWriter = std::make_unique<KeepStyleWriter>(m_styleSource.toStdString());
    const std::string text = m_keepStyle ? m_keepWriter->write(nb) : writeCanonical(nb);
    return QByteArray::fromStdString(text);
}

bool NotebookDocument::save(QString* error) {
    return saveAs(m_path, error);
}

bool NotebookDocument::saveAs(const QString& path, QString* error) {
    if (path.isEmpty()) {
        if (error)
            *error = tr("No file name given.");
        return false;
    }
    QSaveFile f(path);
    const QByteArray bytes = serialize();
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        if (error)
            *error = tr("Cannot save %1: %2").arg(path, f.errorString());
        return false;
    }
    if (path != m_path) {
        m_path = path;
        emit filePathChanged(path);
    }
    // From now on the file on disk has this text; keep its style for the next save.
    if (m_keepStyle) {
        m_styleSource = bytes;
        m_keepWriter.reset();
    }
    m_dirtyWithoutUndo = false;
    m_undo.setClean();
    setCleanState();
    emit saved();
    return true;
}

QString NotebookDocument::displayName() const {
    if (m_path.isEmpty())
        return m_untitledName.isEmpty() ? tr("Untitled") : m_untitledName;
    return QFileInfo(m_path).fileName();
}

int NotebookDocument::nbformatMinor() const {
    const auto it = m_root.find("nbformat_minor");
    return (it != m_root.end() && it->is_number_integer()) ? it->get<int>() : 0;
}

void NotebookDocument::setNbformatMinor(int minor) {
    m_root["nbformat_minor"] = minor;
    emit metadataChanged();
}

std::string NotebookDocument::newCellId() const {
    if (!usesCellIds())
        return {};
    std::unordered_set<std::string> used;
    for (const auto& c : m_cells)
        used.insert(c->id());
    for (;;)
        if (std::string id = randomCellId(); !used.count(id))
            return id;
}

const Json& NotebookDocument::metadata() const {
    static const Json empty = Json::object();
    const auto it = m_root.find("metadata");
    return (it != m_root.end() && it->is_object()) ? *it : empty;
}

void NotebookDocument::setMetadata(Json metadata) {
    m_root["metadata"] = std::move(metadata);
    emit metadataChanged();
}

QString NotebookDocument::language() const {
    const Json& md = metadata();
    auto str = [](const Json& o, const char* key) -> QString {
        if (!o.is_object())
            return {};
        const auto it = o.find(key);
        return (it != o.end() && it->is_string()) ? QString::fromStdString(it->get<std::string>())
                                                  : QString();
    };
    if (auto it = md.find("language_info"); it != md.end())
        if (auto l = str(*it, "name"); !l.isEmpty())
            return l.toLower();
    if (auto it = md.find("kernelspec"); it != md.end()) {
        if (auto l = str(*it, "language"); !l.isEmpty())
            return l.toLower();
        if (auto name = str(*it, "name"); !name.isEmpty())
            if (auto spec = kernel::KernelSpecStore().find(name); spec && !spec->language.isEmpty())
                return spec->language.toLower();
    }
    return QStringLiteral("python");
}

int NotebookDocument::indexOf(const Cell* cell) const {
    for (size_t i = 0; i < m_cells.size(); ++i)
        if (m_cells[i].get() == cell)
            return int(i);
    return -1;
}

void NotebookDocument::insertCells(int at, std::vector<CellPtr> cells) {
    const int n = int(cells.size());
    m_cells.insert(m_cells.begin() + at, std::make_move_iterator(cells.begin()),
                   std::make_move_iterator(cells.end()));
    emit cellsInserted(at, n);
}

std::vector<CellPtr> NotebookDocument::removeCells(int first, int count) {
    std::vector<CellPtr> removed(m_cells.begin() + first, m_cells.begin() + first + count);
    m_cells.erase(m_cells.begin() + first, m_cells.begin() + first + count);
    emit cellsRemoved(first, count);
    return removed;
}

void NotebookDocument::moveCells(int first, int count, int to) {
    std::vector<CellPtr> moving(m_cells.begin() + first, m_cells.begin() + first + count);
    m_cells.erase(m_cells.begin() + first, m_cells.begin() + first + count);
    m_cells.insert(m_cells.begin() + to, moving.begin(), moving.end());
    emit cellsMoved(first, count, to);
}

void NotebookDocument::replaceCell(int index, CellPtr cell) {
    m_cells.at(size_t(index)) = std::move(cell);
    emit cellReplaced(index);
}

void NotebookDocument::setCellSource(int index, const QString& text) {
    if (m_cells.at(size_t(index))->source() == text)
        return;
    m_cells[size_t(index)]->setSource(text);
    emit cellSourceChanged(index);
}

void NotebookDocument::setCellOutputs(int index, Json outputs) {
    m_cells.at(size_t(index))->setOutputs(std::move(outputs));
    emit cellOutputsChanged(index);
}

bool NotebookDocument::isTrusted() const {
    return std::ranges::all_of(m_cells, [](const CellPtr& c) { return c->outputsTrusted(); });
}

void NotebookDocument::trustOutputs() {
    for (size_t i = 0; i < m_cells.size(); ++i) {
        if (m_cells[i]->outputsTrusted())
            continue;
        m_cells[i]->setOutputsTrusted(true);
        emit cellOutputsChanged(int(i));
    }
}

void NotebookDocument::setCellExecutionCount(int index, std::optional<long long> count) {
    m_cells.at(size_t(index))->setExecutionCount(count);
    emit cellOutputsChanged(index);
}

void NotebookDocument::setCellMetadata(int index, Json metadata) {
    m_cells.at(size_t(index))->setMetadata(std::move(metadata));
    emit cellMetadataChanged(index);
}

void NotebookDocument::markDirty() {
    m_dirtyWithoutUndo = true;
    setCleanState();
}

void NotebookDocument::setCleanState() {
    const bool modified = isModified();
    if (modified != m_lastModified) {
        m_lastModified = modified;
        emit modifiedChanged(modified);
    }
}

} // namespace quire::editor
