#pragma once

#include <QAbstractItemModel>
#include <QDateTime>
#include <memory>
#include <vector>

namespace quire::drive {

class RcloneClient;

// One remote's files as a lazy tree: a folder is listed (operations/list) the first time it is
// expanded. Columns: name, size, modified; folders first, then by name. Paths are relative to
// the remote's root ("" is the root, "a/b.csv" a file). Dropping local files (text/uri-list)
// on a folder asks for an upload through filesDropped.
class DriveModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn, SizeColumn, ModifiedColumn, ColumnCount };
    enum Role { PathRole = Qt::UserRole + 1, IsDirRole };

    explicit DriveModel(RcloneClient* client, QObject* parent = nullptr);
    ~DriveModel() override;

    void setRemote(const QString& remote); // "" shows nothing
    QString remote() const { return m_remote; }
    // Lists the folder again (after an operation changed it); "" is the root.
    void refreshFolder(const QString& path);
    QModelIndex indexForPath(const QString& path) const;
    QString pathOf(const QModelIndex& index) const;
    bool isDir(const QModelIndex& index) const;
    bool isLoading() const { return m_loading > 0; }

    static QString parentPath(const QString& path);
    static QString joinPath(const QString& folder, const QString& name);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

signals:
    void folderLoaded(const QString& path);
    void loadFailed(const QString& path, const QString& error);
    void filesDropped(const QStringList& localPaths, const QString& folder);

private:
    struct Node;
    Node* nodeOf(const QModelIndex& index) const;
    QModelIndex indexOf(Node* node) const;
    void list(Node* folder);

    RcloneClient* m_client;
    QString m_remote;
    std::unique_ptr<Node> m_root;
    int m_loading = 0;
    quint64 m_generation = 0; // answers for an earlier remote are dropped
};

} // namespace quire::drive
