#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>

namespace quire::app {

class FilesDock;
class MainWindow;
class NotebookPage;
class RuntimeFiles;

// View → Files: shows the current notebook's runtime files in the Files dock and opens the
// notebooks picked there.
class FilesController : public QObject {
    Q_OBJECT
public:
    explicit FilesController(MainWindow* window);
    FilesDock* dock() const { return m_dock; }
    // The files of the local runtime for `page` (its folder).
    RuntimeFiles* localFilesFor(NotebookPage* page);
    // Opens a notebook of remote runtime `runtimeId`: a local copy that saves back to it.
    void openRemoteNotebook(const QString& runtimeId, const QString& path);

private:
    void follow(NotebookPage* page);
    void showRemote(const QString& runtimeId);

    MainWindow* m_window;
    FilesDock* m_dock;
    QHash<QString, RuntimeFiles*> m_local;  // by folder
    QHash<QString, RuntimeFiles*> m_remote; // by runtime id
    QString m_shownRuntime;                 // the remote runtime the dock is about to show
};

} // namespace quire::app
