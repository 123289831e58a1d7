#pragma once

#include <QObject>
#include <QPointer>
#include <QUndoStack>

class QAction;
class QMenu;
class QKeySequence;

namespace quire::app {

class MainWindow;
class NotebookPage;

// Edit and Insert menus: undo/redo on the notebook's stack, cell clipboard, delete, merge,
// split, move, change type, clear outputs, find and replace, inserting cells.
class EditController : public QObject {
    Q_OBJECT
public:
    explicit EditController(MainWindow* window);

private:
    void updateActions();
    template <typename F>
    QAction* addFn(QMenu* menu, const QString& text, const QKeySequence& key, F fn);

    MainWindow* m_window;
    QAction* m_undo = nullptr;
    QAction* m_redo = nullptr;
    QList<QAction*> m_pageActions;
    QPointer<QUndoStack> m_stack;
};

} // namespace quire::app
