#pragma once

#include "editor/model/notebook_trust.h"

#include <QObject>

class QAction;

namespace quire::app {

class MainWindow;
class NotebookPage;

// Notebook trust (Jupyter's model, see editor::NotebookTrust): notebooks opened from disk
// get their outputs trusted only when their signature is remembered; saving a trusted
// notebook remembers it; File → Trust Notebook… asks, then trusts the current notebook.
class TrustController : public QObject {
    Q_OBJECT
public:
    explicit TrustController(MainWindow* window);

    editor::NotebookTrust& trust() { return m_trust; }
    // Asks the user, then trusts the page's notebook; false when they declined.
    bool trustNotebook(NotebookPage* page);

private:
    void attach(NotebookPage* page);
    void attachDocument(NotebookPage* page);
    void updateAction();

    MainWindow* m_window;
    editor::NotebookTrust m_trust;
    QAction* m_action;
};

} // namespace quire::app
