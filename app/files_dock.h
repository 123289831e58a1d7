#pragma once

#include <QDockWidget>
#include <QPointer>

class QLabel;
class QTreeView;
class QAction;

namespace quire::app {

class RuntimeFiles;
class RuntimeFilesModel;

// View → Files: the files of the current notebook's runtime (its folder for the local runtime,
// the server's files for a remote one). Open, upload (also by dropping files from the desktop),
// download, new folder, rename, delete, copy the path a kernel opens.
class FilesDock : public QDockWidget {
    Q_OBJECT
public:
    explicit FilesDock(QWidget* parent = nullptr);

    void setFiles(RuntimeFiles* files); // not owned
    RuntimeFilesModel* model() const { return m_model; }
    QTreeView* tree() const { return m_tree; }
    // The last error shown under the tree ("" when none).
    QString message() const;

    // The actions, on the selected item (public for the menu and tests).
    void openSelected();
    void uploadFiles(const QStringList& localFiles, const QString& dir);
    void downloadSelected(const QString& localFile = {}); // asks where when empty
    void newFolder(const QString& name = {});             // asks when empty
    void renameSelected(const QString& newName = {});     // asks when empty
    void deleteSelected();                                // asks first
    void copyPath();

signals:
    // A notebook to open in Quire: a local file.
    void openNotebook(const QString& localFile);
    // A notebook of a remote runtime (its path there).
    void openRemoteNotebook(const QString& path);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showMessage(const QString& text);
    void updateActions();
    QString selectedFolder() const;
    auto finisher(const QString& refreshDir);

    QPointer<RuntimeFiles> m_files;
    RuntimeFilesModel* m_model;
    QTreeView* m_tree;
    QLabel* m_location;
    QLabel* m_message;
    QAction* m_upload;
    QAction* m_newFolder;
    QAction* m_refresh;
};

} // namespace quire::app
