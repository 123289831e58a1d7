#include "trust_controller.h"

#include "app/main_window.h"
#include "app/notebook_page.h"
#include "editor/model/notebook_document.h"

#include <QMenu>
#include <QMessageBox>

namespace quire::app {

using editor::NotebookDocument;

TrustController::TrustController(MainWindow* window) : QObject(window), m_window(window) {
    QMenu* file = window->menu(MainWindow::Menu::File);
    m_action = new QAction(tr("&Trust Notebook…"), this);
    // After the notebook's own commands (Save … Upgrade), before Close and Quit.
    const QList<QAction*> actions = file->actions();
    QAction* before = nullptr;
    for (qsizetype i = actions.size() - 1; i >= 0 && !before; --i) {
        if (actions[i]->isSeparator())
            before = actions[i];
    }
    file->insertAction(before, m_action);
    connect(m_action, &QAction::triggered, this,
            [this] { trustNotebook(m_window->currentPage()); });
    connect(file, &QMenu::aboutToShow, this, &TrustController::updateAction);
    connect(window, &MainWindow::currentPageChanged, this, &TrustController::updateAction);
    connect(window, &MainWindow::pageAdded, this, &TrustController::attach);
    for (NotebookPage* page : window->pages())
        attach(page);
    updateAction();
}

void TrustController::attach(NotebookPage* page) {
    attachDocument(page);
    connect(page, &NotebookPage::documentReplaced, this, [this, page] { attachDocument(page); });
}

void TrustController::attachDocument(NotebookPage* page) {
    NotebookDocument* doc = page->document();
    m_trust.applyTo(*doc);
    connect(doc, &NotebookDocument::saved, this, [this, doc] { m_trust.recordIfTrusted(*doc); });
    updateAction();
}

void TrustController::updateAction() {
    const NotebookPage* page = m_window->currentPage();
    m_action->setEnabled(page && !page->document()->isTrusted());
}

bool TrustController::trustNotebook(NotebookPage* page) {
    if (!page || page->document()->isTrusted())
        return false;
    const auto answer = QMessageBox::question(
        m_window, tr("Trust Notebook"),
        tr("Outputs saved in %1 may contain scripts, which do not run until you trust the "
           "notebook. Only trust notebooks from sources you trust.\n\nTrust this notebook?")
            .arg(page->document()->displayName()),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return false;
    m_trust.trust(*page->document());
    updateAction();
    return true;
}

} // namespace quire::app
