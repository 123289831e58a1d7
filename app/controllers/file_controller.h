#pragma once

#include <QObject>
#include <QStringList>
#include <memory>

class QAction;
class QMenu;

namespace quire::editor {
class NotebookDocument;
}

namespace quire::app {

class MainWindow;
class NotebookPage;

// File menu: new, open, recent, save, save as, revert, close, quit; asks before losing work.
class FileController : public QObject {
    Q_OBJECT
public:
    explicit FileController(MainWindow* window);

    NotebookPage* newNotebook();
    // Opens (or switches to) the notebook; shows the reason when it cannot be opened.
    NotebookPage* openFile(const QString& path);
    // Shows a document made elsewhere (one recovered after a crash) in a new page.
    NotebookPage* openDocument(std::unique_ptr<editor::NotebookDocument> document);
    void openFiles(const QStringList& paths);
    bool save(NotebookPage* page);
    bool saveAs(NotebookPage* page);
    void revert(NotebookPage* page);
    bool closePage(NotebookPage* page); // false when the user cancelled
    bool closeAll();

signals:
    void pageOpened(NotebookPage* page);

private:
    void updateRecentMenu();
    void updateActions();
    NotebookPage* pageForPath(const QString& path) const;

    MainWindow* m_window;
    QMenu* m_recent;
    QAction* m_save;
    QAction* m_saveAs;
    QAction* m_revert;
    QAction* m_upgrade;
    QAction* m_close;
    int m_untitled = 0;
};

} // namespace quire::app
