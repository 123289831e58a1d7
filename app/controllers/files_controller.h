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
    // The files of `page`'s runtime (its folder for the local runtime).
    RuntimeFiles* filesFor(NotebookPage* page);

private:
    void follow(NotebookPage* page);

    MainWindow* m_window;
    FilesDock* m_dock;
    QHash<QString, RuntimeFiles*> m_local; // by folder
};

} // namespace quire::app
