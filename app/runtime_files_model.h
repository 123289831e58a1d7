#pragma once

#include "runtime_files.h"

#include <QAbstractItemModel>
#include <QPointer>
#include <memory>
#include <vector>

namespace quire::app {

// A lazy tree over RuntimeFiles: a folder is listed when it is first expanded, and again on
// refresh(). Columns: name, size, modified. Folders come first.
class RuntimeFilesModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Name, Size, Modified, ColumnCount };

    explicit RuntimeFilesModel(QObject* parent = nullptr);
    ~RuntimeFilesModel() override;

    // Shows `files` (not owned; may be null), listing its root at once.
    void setFiles(RuntimeFiles* files);
    RuntimeFiles* files() const { return m_files; }

    // Lists `dir` again (its expanded subfolders are listed again when expanded).
    void refresh(const QString& dir = {});
    const RuntimeFileEntry* entry(const QModelIndex& index) const;
    QModelIndex indexForPath(const QString& path) const;
    // The folder an action on `index` works in (the folder itself, or a file's folder).
    QString folderFor(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

signals:
    // A listing finished (`error` empty on success).
    void listed(const QString& dir, const QString& error);

private:
    struct Node;
    Node* nodeFor(const QModelIndex& index) const;
    Node* findNode(const QString& path) const;
    QModelIndex indexOf(const Node* node) const;
    void load(Node* node);

    QPointer<RuntimeFiles> m_files;
    std::unique_ptr<Node> m_root;
    quint64 m_generation = 0; // a new setFiles() makes older answers stale
};

} // namespace quire::app
