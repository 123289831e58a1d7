#include "drive_model.h"

#include "rclone_client.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>
#include <QMimeData>
#include <QUrl>
#include <algorithm>

namespace quire::drive {

struct DriveModel::Node {
    QString name;
    QString path;
    bool isDir = true;
    qint64 size = -1;
    QDateTime modified;
    Node* parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
    bool fetched = false;
    bool fetching = false;
    int row() const {
        if (!parent)
            return 0;
        for (size_t i = 0; i < parent->children.size(); ++i)
            if (parent->children[i].get() == this)
                return int(i);
        return 0;
    }
};

DriveModel::DriveModel(RcloneClient* client, QObject* parent)
    : QAbstractItemModel(parent), m_client(client), m_root(std::make_unique<Node>()) {}

DriveModel::~DriveModel() = default;

QString DriveModel::parentPath(const QString& path) {
    const int slash = path.lastIndexOf(u'/');
    return slash < 0 ? QString() : path.left(slash);
}

QString DriveModel::joinPath(const QString& folder, const QString& name) {
    return folder.isEmpty() ? name : folder + u'/' + name;
}

void DriveModel::setRemote(const QString& remote) {
    beginResetModel();
    m_remote = remote;
    m_root = std::make_unique<Node>();
    ++m_generation;
    m_loading = 0;
    endResetModel();
    if (!remote.isEmpty())
        list(m_root.get());
}

DriveModel::Node* DriveModel::nodeOf(const QModelIndex& index) const {
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex DriveModel::indexOf(Node* node) const {
    return node == m_root.get() || !node ? QModelIndex() : createIndex(node->row(), 0, node);
}

QModelIndex DriveModel::indexForPath(const QString& path) const {
    if (path.isEmpty())
        return {};
    Node* n = m_root.get();
    for (const QString& part : path.split(u'/')) {
        auto it = std::find_if(n->children.begin(), n->children.end(),
                               [&part](const auto& c) { return c->name == part; });
        if (it == n->children.end())
            return {};
        n = it->get();
    }
    return indexOf(n);
}

QString DriveModel::pathOf(const QModelIndex& index) const {
    return nodeOf(index)->path;
}

bool DriveModel::isDir(const QModelIndex& index) const {
    return nodeOf(index)->isDir;
}

void DriveModel::refreshFolder(const QString& path) {
    Node* n = path.isEmpty() ? m_root.get() : nodeOf(indexForPath(path));
    if (!path.isEmpty() && n == m_root.get())
        return; // not loaded: it will be listed when expanded
    if (n->fetching)
        return;
    n->fetched = false;
    list(n);
}

void DriveModel::list(Node* folder) {
    folder->fetching = true;
    ++m_loading;
    const QString path = folder->path;
    const quint64 generation = m_generation;
    m_client->call(QStringLiteral("operations/list"),
                   {{QStringLiteral("fs"), m_remote + u':'}, {QStringLiteral("remote"), path}},
                   this, [this, path, generation](const RcResult& r) {
                       if (generation != m_generation)
                           return;
                       --m_loading;
                       // Find the folder again: the tree may have changed while rclone listed.
                       Node* n = path.isEmpty() ? m_root.get() : nodeOf(indexForPath(path));
                       if (!path.isEmpty() && n == m_root.get())
                           return;
                       n->fetching = false;
                       if (!r.ok) {
                           emit loadFailed(path, r.error);
                           return;
                       }
                       std::vector<std::unique_ptr<Node>> items;
                       for (const QJsonValue& v : r.json.value(QLatin1String("list")).toArray()) {
                           const QJsonObject o = v.toObject();
                           auto c = std::make_unique<Node>();
                           c->name = o.value(QLatin1String("Name")).toString();
                           c->path = joinPath(path, c->name);
                           c->isDir = o.value(QLatin1String("IsDir")).toBool();
                           c->size = o.value(QLatin1String("Size")).toInteger(-1);
                           c->modified = QDateTime::fromString(
                               o.value(QLatin1String("ModTime")).toString(), Qt::ISODateWithMs);
                           c->parent = n;
                           items.push_back(std::move(c));
                       }
                       std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
                           if (a->isDir != b->isDir)
                               return a->isDir;
                           return QString::compare(a->name, b->name, Qt::CaseInsensitive) < 0;
                       });
                       const QModelIndex parent = indexOf(n);
                       if (!n->children.empty()) {
                           beginRemoveRows(parent, 0, int(n->children.size()) - 1);
                           n->children.clear();
                           endRemoveRows();
                       }
                       if (!items.empty()) {
                           beginInsertRows(parent, 0, int(items.size()) - 1);
                           n->children = std::move(items);
                           n->fetched = true;
                           endInsertRows();
                       }
                       n->fetched = true;
                       emit folderLoaded(path);
                   });
}

QModelIndex DriveModel::index(int row, int column, const QModelIndex& parent) const {
    Node* p = nodeOf(parent);
    if (row < 0 || row >= int(p->children.size()) || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex DriveModel::parent(const QModelIndex& child) const {
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int DriveModel::rowCount(const QModelIndex& parent) const {
    if (parent.column() > 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int DriveModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

bool DriveModel::hasChildren(const QModelIndex& parent) const {
    const Node* n = nodeOf(parent);
    return n->isDir && (!n->fetched || !n->children.empty());
}

bool DriveModel::canFetchMore(const QModelIndex& parent) const {
    const Node* n = nodeOf(parent);
    return !m_remote.isEmpty() && n->isDir && !n->fetched && !n->fetching;
}

void DriveModel::fetchMore(const QModelIndex& parent) {
    if (canFetchMore(parent))
        list(nodeOf(parent));
}

QVariant DriveModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid())
        return {};
    const Node* n = nodeOf(index);
    if (role == PathRole)
        return n->path;
    if (role == IsDirRole)
        return n->isDir;
    if (role == Qt::ToolTipRole)
        return m_remote + u':' + n->path;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return n->name;
    case SizeColumn:
        return n->isDir || n->size < 0
                   ? QString()
                   : QLocale().formattedDataSize(n->size, 1, QLocale::DataSizeSIFormat);
    case ModifiedColumn:
        return n->modified.isValid()
                   ? QLocale().toString(n->modified.toLocalTime(), QLocale::ShortFormat)
                   : QString();
    }
    return {};
}

QVariant DriveModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    case ModifiedColumn:
        return tr("Modified");
    }
    return {};
}

Qt::ItemFlags DriveModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractItemModel::flags(index);
    if (!index.isValid() || nodeOf(index)->isDir)
        f |= Qt::ItemIsDropEnabled;
    return f;
}

QStringList DriveModel::mimeTypes() const {
    return {QStringLiteral("text/uri-list")};
}

Qt::DropActions DriveModel::supportedDropActions() const {
    return Qt::CopyAction;
}

bool DriveModel::canDropMimeData(const QMimeData* data, Qt::DropAction, int, int,
                                 const QModelIndex&) const {
    if (m_remote.isEmpty() || !data->hasUrls())
        return false;
    const auto urls = data->urls();
    return std::all_of(urls.begin(), urls.end(), [](const QUrl& u) { return u.isLocalFile(); });
}

bool DriveModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                              const QModelIndex& parent) {
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    QStringList paths;
    for (const QUrl& u : data->urls())
        paths << u.toLocalFile();
    // Dropped on a file: into the folder holding it.
    const QString folder = isDir(parent) ? pathOf(parent) : parentPath(pathOf(parent));
    emit filesDropped(paths, folder);
    return true;
}

} // namespace quire::drive
