#include "runtime_files_model.h"

#include <QFileIconProvider>
#include <QLocale>

namespace quire::app {

struct RuntimeFilesModel::Node {
    RuntimeFileEntry entry;
    Node* parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
    enum class State { NotListed, Listing, Listed } state = State::NotListed;

    int row() const {
        if (!parent)
            return 0;
        for (size_t i = 0; i < parent->children.size(); ++i)
            if (parent->children[i].get() == this)
                return int(i);
        return 0;
    }
};

RuntimeFilesModel::RuntimeFilesModel(QObject* parent)
    : QAbstractItemModel(parent), m_root(std::make_unique<Node>()) {
    m_root->entry.isDir = true;
}

RuntimeFilesModel::~RuntimeFilesModel() = default;

void RuntimeFilesModel::setFiles(RuntimeFiles* files) {
    beginResetModel();
    m_files = files;
    ++m_generation;
    m_root = std::make_unique<Node>();
    m_root->entry.isDir = true;
    endResetModel();
    if (m_files && m_files->unavailableReason().isEmpty())
        load(m_root.get());
}

RuntimeFilesModel::Node* RuntimeFilesModel::nodeFor(const QModelIndex& index) const {
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

RuntimeFilesModel::Node* RuntimeFilesModel::findNode(const QString& path) const {
    Node* node = m_root.get();
    if (path.isEmpty())
        return node;
    for (const QString& part : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        Node* next = nullptr;
        for (const auto& child : node->children)
            if (child->entry.name == part)
                next = child.get();
        if (!next)
            return nullptr;
        node = next;
    }
    return node;
}

QModelIndex RuntimeFilesModel::indexOf(const Node* node) const {
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row(), 0, const_cast<Node*>(node));
}

void RuntimeFilesModel::load(Node* node) {
    if (!m_files || node->state == Node::State::Listing)
        return;
    node->state = Node::State::Listing;
    const QString dir = node->entry.path;
    const quint64 generation = m_generation;
    QPointer<RuntimeFilesModel> self(this);
    m_files->list(
        dir, [self, dir, generation](const QList<RuntimeFileEntry>& entries, const QString& error) {
            if (!self || generation != self->m_generation)
                return;
            Node* target = self->findNode(dir);
            if (!target || !target->entry.isDir)
                return;
            const QModelIndex parent = self->indexOf(target);
            if (!target->children.empty()) {
                self->beginRemoveRows(parent, 0, int(target->children.size()) - 1);
                target->children.clear();
                self->endRemoveRows();
            }
            target->state = Node::State::Listed;
            if (!entries.isEmpty()) {
                QList<RuntimeFileEntry> sorted = entries;
                std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
                    if (a.isDir != b.isDir)
                        return a.isDir;
                    return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
                });
                self->beginInsertRows(parent, 0, int(sorted.size()) - 1);
                for (const RuntimeFileEntry& e : sorted) {
                    auto child = std::make_unique<Node>();
                    child->entry = e;
                    child->parent = target;
                    target->children.push_back(std::move(child));
                }
                self->endInsertRows();
            }
            emit self->listed(dir, error);
        });
}

void RuntimeFilesModel::refresh(const QString& dir) {
    Node* node = findNode(dir);
    if (!node || !node->entry.isDir)
        return;
    node->state = Node::State::NotListed;
    load(node);
}

const RuntimeFileEntry* RuntimeFilesModel::entry(const QModelIndex& index) const {
    return index.isValid() ? &nodeFor(index)->entry : nullptr;
}

QModelIndex RuntimeFilesModel::indexForPath(const QString& path) const {
    return indexOf(findNode(path));
}

QString RuntimeFilesModel::folderFor(const QModelIndex& index) const {
    const Node* node = nodeFor(index);
    if (node->entry.isDir)
        return node->entry.path;
    return node->parent ? node->parent->entry.path : QString();
}

QModelIndex RuntimeFilesModel::index(int row, int column, const QModelIndex& parent) const {
    const Node* node = nodeFor(parent);
    if (row < 0 || column < 0 || column >= ColumnCount || row >= int(node->children.size()))
        return {};
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex RuntimeFilesModel::parent(const QModelIndex& child) const {
    if (!child.isValid())
        return {};
    return indexOf(nodeFor(child)->parent);
}

int RuntimeFilesModel::rowCount(const QModelIndex& parent) const {
    if (parent.column() > 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int RuntimeFilesModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

bool RuntimeFilesModel::hasChildren(const QModelIndex& parent) const {
    const Node* node = nodeFor(parent);
    if (!node->entry.isDir)
        return false;
    return node->state != Node::State::Listed || !node->children.empty();
}

bool RuntimeFilesModel::canFetchMore(const QModelIndex& parent) const {
    const Node* node = nodeFor(parent);
    return m_files && node->entry.isDir && node->state == Node::State::NotListed;
}

void RuntimeFilesModel::fetchMore(const QModelIndex& parent) {
    load(nodeFor(parent));
}

QVariant RuntimeFilesModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid())
        return {};
    const RuntimeFileEntry& e = nodeFor(index)->entry;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return e.name;
        case Size:
            return e.isDir || e.size < 0 ? QString() : QLocale().formattedDataSize(e.size);
        case Modified:
            return e.modified.isValid()
                       ? QLocale().toString(e.modified.toLocalTime(), QLocale::ShortFormat)
                       : QString();
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == Name) {
            static const QFileIconProvider icons;
            return icons.icon(e.isDir ? QFileIconProvider::Folder : QFileIconProvider::File);
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Size ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ToolTipRole: {
        QString tip = m_files ? m_files->kernelPath(e.path) : e.path;
        if (e.modified.isValid())
            tip += QLatin1Char('\n') +
                   tr("Modified %1")
                       .arg(QLocale().toString(e.modified.toLocalTime(), QLocale::ShortFormat));
        return tip;
    }
    default:
        return {};
    }
}

QVariant RuntimeFilesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Size:
        return tr("Size");
    case Modified:
        return tr("Modified");
    default:
        return {};
    }
}

} // namespace quire::app
