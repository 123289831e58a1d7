#pragma once

#include "message_bar.h"

#include <QWidget>
#include <memory>

namespace quire::editor {
class NotebookDocument;
class NotebookView;
class FindBar;
} // namespace quire::editor

namespace quire::app {

class NotebookKernel;
class KernelCodeAssistant;

// One open notebook in the window: message bar, the notebook view, the find bar.
// Owns its document and the kernel it runs on.
class NotebookPage : public QWidget {
    Q_OBJECT
public:
    explicit NotebookPage(std::unique_ptr<editor::NotebookDocument> document,
                          QWidget* parent = nullptr);
    ~NotebookPage() override;

    editor::NotebookDocument* document() const { return m_doc.get(); }
    editor::NotebookView* view() const { return m_view; }
    editor::FindBar* findBar() const { return m_find; }
    MessageBar* messageBar() const { return m_bar; }
    NotebookKernel* kernel() const { return m_kernel; }

    // Swaps in a freshly loaded document (Revert, reload after an outside change).
    void replaceDocument(std::unique_ptr<editor::NotebookDocument> document);

signals:
    void documentReplaced();
    void restartRequested(); // 0, 0 in command mode: the runtime controller asks first

private:
    void buildView();
    void connectExecution();
    std::unique_ptr<editor::NotebookDocument> m_doc;
    MessageBar* m_bar;
    editor::NotebookView* m_view = nullptr;
    editor::FindBar* m_find;
    NotebookKernel* m_kernel;
    std::unique_ptr<KernelCodeAssistant> m_assistant;
};

} // namespace quire::app
