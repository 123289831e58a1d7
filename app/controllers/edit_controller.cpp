#include "edit_controller.h"

#include "app/main_window.h"
#include "app/notebook_page.h"
#include "editor/model/notebook_document.h"
#include "editor/view/find_bar.h"
#include "editor/view/notebook_view.h"

#include <QMenu>
#include <QUndoStack>

namespace quire::app {

using editor::CellType;
using editor::NotebookView;

namespace {
// Menu text with a command-mode key shown in the shortcut column (single keys are handled by
// the notebook view in command mode, so they must not become application shortcuts).
QString withHint(const QString& text, const QString& hint) {
    return hint.isEmpty() ? text : text + QLatin1Char('\t') + hint;
}
} // namespace

template <typename F>
QAction* EditController::addFn(QMenu* menu, const QString& text, const QKeySequence& key, F fn) {
    QAction* a = menu->addAction(text);
    if (!key.isEmpty())
        a->setShortcut(key);
    connect(a, &QAction::triggered, this, [this, fn] {
        if (auto* p = m_window->currentPage())
            fn(p->view());
    });
    m_pageActions << a;
    return a;
}

EditController::EditController(MainWindow* window) : QObject(window), m_window(window) {
    QMenu* e = window->menu(MainWindow::Menu::Edit);
    m_undo = e->addAction(tr("&Undo"));
    m_undo->setShortcut(QKeySequence::Undo);
    connect(m_undo, &QAction::triggered, this, [this] {
        if (auto* p = m_window->currentPage())
            p->document()->undoStack()->undo();
    });
    m_redo = e->addAction(tr("&Redo"));
    m_redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    connect(m_redo, &QAction::triggered, this, [this] {
        if (auto* p = m_window->currentPage())
            p->document()->undoStack()->redo();
    });
    e->addSeparator();
    addFn(e, withHint(tr("Cu&t Cells"), QStringLiteral("X")), {},
          [](NotebookView* v) { v->cutSelected(); });
    addFn(e, withHint(tr("&Copy Cells"), QStringLiteral("C")), {},
          [](NotebookView* v) { v->copySelected(); });
    addFn(e, withHint(tr("&Paste Cells Below"), QStringLiteral("V")), {},
          [](NotebookView* v) { v->paste(true); });
    addFn(e, withHint(tr("Paste Cells &Above"), QStringLiteral("Shift+V")), {},
          [](NotebookView* v) { v->paste(false); });
    addFn(e, withHint(tr("&Delete Cells"), QStringLiteral("D, D")), {},
          [](NotebookView* v) { v->deleteSelected(); });
    e->addSeparator();
    addFn(e, withHint(tr("&Merge Cells"), QStringLiteral("Shift+M")), {},
          [](NotebookView* v) { v->mergeSelected(); });
    QAction* split =
        addFn(e, tr("&Split Cell at Cursor"), {}, [](NotebookView* v) { v->splitAtCursor(); });
    split->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Minus),
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Underscore)});
    addFn(e, tr("Move Cells &Up"), QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_Up),
          [](NotebookView* v) { v->moveSelected(-1); });
    addFn(e, tr("Move Cells Do&wn"), QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_Down),
          [](NotebookView* v) { v->moveSelected(+1); });
    QMenu* type = e->addMenu(tr("Change Cell &Type"));
    addFn(type, withHint(tr("&Code"), QStringLiteral("Y")), {},
          [](NotebookView* v) { v->changeSelectedType(CellType::Code); });
    addFn(type, withHint(tr("&Markdown"), QStringLiteral("M")), {},
          [](NotebookView* v) { v->changeSelectedType(CellType::Markdown); });
    addFn(type, withHint(tr("&Raw"), QStringLiteral("R")), {},
          [](NotebookView* v) { v->changeSelectedType(CellType::Raw); });
    e->addSeparator();
    addFn(e, tr("C&lear Cell Outputs"), {}, [](NotebookView* v) { v->clearSelectedOutputs(); });
    addFn(e, tr("Clear &All Outputs"), {}, [](NotebookView* v) { v->clearAllOutputs(); });
    e->addSeparator();
    QAction* find = e->addAction(tr("&Find…"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        if (auto* p = m_window->currentPage())
            p->findBar()->openFind(false);
    });
    m_pageActions << find;
    QAction* replace = e->addAction(tr("Find and &Replace…"));
    replace->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    connect(replace, &QAction::triggered, this, [this] {
        if (auto* p = m_window->currentPage())
            p->findBar()->openFind(true);
    });
    m_pageActions << replace;

    QMenu* ins = window->menu(MainWindow::Menu::Insert);
    addFn(ins, withHint(tr("&Code Cell Below"), QStringLiteral("B")), {},
          [](NotebookView* v) { v->insertCell(true); });
    addFn(ins, withHint(tr("Code Cell &Above"), QStringLiteral("A")), {},
          [](NotebookView* v) { v->insertCell(false); });
    addFn(ins, tr("&Markdown Cell Below"), {},
          [](NotebookView* v) { v->insertCell(true, CellType::Markdown); });
    addFn(ins, tr("&Raw Cell Below"), {},
          [](NotebookView* v) { v->insertCell(true, CellType::Raw); });

    connect(window, &MainWindow::currentPageChanged, this, [this] { updateActions(); });
    updateActions();
}

void EditController::updateActions() {
    auto* p = m_window->currentPage();
    for (auto* a : m_pageActions)
        a->setEnabled(p != nullptr);
    // The page's document may be replaced (Revert), so follow documentReplaced too.
    if (p)
        connect(p, &NotebookPage::documentReplaced, this, &EditController::updateActions,
                Qt::UniqueConnection);
    if (m_stack)
        disconnect(m_stack, nullptr, this, nullptr);
    m_stack = p ? p->document()->undoStack() : nullptr;
    auto sync = [this] {
        m_undo->setEnabled(m_stack && m_stack->canUndo());
        m_redo->setEnabled(m_stack && m_stack->canRedo());
    };
    if (m_stack) {
        connect(m_stack, &QUndoStack::canUndoChanged, this, sync);
        connect(m_stack, &QUndoStack::canRedoChanged, this, sync);
    }
    sync();
}

} // namespace quire::app
