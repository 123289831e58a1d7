#pragma once

#include <QDockWidget>
#include <QPointer>
#include <QTimer>

class QTreeWidget;

namespace quire::app {

class NotebookPage;

// Table of contents from the markdown headings of the current notebook; click to jump.
class TocDock : public QDockWidget {
    Q_OBJECT
public:
    explicit TocDock(QWidget* parent = nullptr);
    void setPage(NotebookPage* page);
    QTreeWidget* tree() const { return m_tree; }
    void rebuild();

private:
    QTreeWidget* m_tree;
    QPointer<NotebookPage> m_page;
    QTimer m_debounce;
};

} // namespace quire::app
