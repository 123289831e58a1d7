#include "remote_runtime_controller.h"

#include "app/connect_runtime_dialog.h"
#include "app/main_window.h"
#include "app/notebook_kernel.h"
#include "app/notebook_page.h"
#include "app/remote_runtimes.h"

#include <QActionGroup>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QPointer>

namespace quire::app {

RemoteRuntimeController::RemoteRuntimeController(MainWindow* window)
    : QObject(window), m_window(window), m_runtimes(new RemoteRuntimes(this)) {
    QMenu* m = window->menu(MainWindow::Menu::Runtime);
    m->addSeparator();
    QAction* connectAction = m->addAction(tr("&Connect to a Runtime…"));
    connectAction->setObjectName(QStringLiteral("runtime.connect"));
    connect(connectAction, &QAction::triggered, this, &RemoteRuntimeController::connectDialog);
    m_location = m->addMenu(tr("Runtime &Location"));
    m_location->setObjectName(QStringLiteral("runtime.location"));
    connect(m_location, &QMenu::aboutToShow, this, &RemoteRuntimeController::fillLocationMenu);
    fillLocationMenu();
    connect(window, &MainWindow::pageAdded, this,
            [this](NotebookPage* page) { page->kernel()->setRuntime(m_runtimes, QString()); });
    for (NotebookPage* page : window->pages())
        page->kernel()->setRuntime(m_runtimes, QString());
    askAboutCertificate();
}

void RemoteRuntimeController::askAboutCertificate() {
    QPointer<MainWindow> window(m_window);
    m_runtimes->tlsTrust()->setQuestionHook([window](const kernel::TlsTrust::Question& q,
                                                     std::function<void(bool)> answer) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Untrusted Certificate"),
                                    tr("%1 presents a certificate that no authority on this "
                                       "computer vouches for.")
                                        .arg(q.hostPort),
                                    QMessageBox::Cancel, window);
        box->setInformativeText(
            tr("Trust it only if you know this is your server's certificate.\n\n"
               "Certificate: %1\nIssued by: %2\nSHA-256 fingerprint:\n%3\n\n%4")
                .arg(q.subject, q.issuer, q.fingerprint, q.problems));
        QPushButton* trust = box->addButton(tr("&Trust This Certificate"), QMessageBox::AcceptRole);
        box->setDefaultButton(QMessageBox::Cancel);
        box->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(box, &QMessageBox::finished, box,
                         [box, trust, answer] { answer(box->clickedButton() == static_cast<QAbstractButton*>(trust)); });
        box->open();
    });
}

void RemoteRuntimeController::fillLocationMenu() {
    m_location->clear();
    NotebookPage* page = m_window->currentPage();
    const QString current = page ? page->kernel()->runtimeId() : QString();
    auto* group = new QActionGroup(m_location);
    auto addChoice = [&](const QString& text, const QString& id) {
        QAction* a = m_location->addAction(text);
        a->setCheckable(true);
        a->setChecked(id == current);
        a->setEnabled(page != nullptr);
        a->setActionGroup(group);
        connect(a, &QAction::triggered, this, [this, id] {
            if (NotebookPage* p = m_window->currentPage())
                useRuntime(p, id);
        });
    };
    addChoice(tr("Local Runtime"), QString());
    const auto remotes = m_runtimes->list();
    for (const RemoteRuntime& r : remotes)
        addChoice(r.name, r.id);
    if (!remotes.isEmpty()) {
        m_location->addSeparator();
        QMenu* forget = m_location->addMenu(tr("&Forget"));
        for (const RemoteRuntime& r : remotes) {
            connect(forget->addAction(r.name), &QAction::triggered, this, [this, r] {
                for (NotebookPage* p : m_window->pages())
                    if (p->kernel()->runtimeId() == r.id)
                        useRuntime(p, QString(), true);
                m_runtimes->remove(r.id);
            });
        }
    }
}

void RemoteRuntimeController::connectDialog() {
    ConnectRuntimeDialog dialog(m_runtimes, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!dialog.keychainNote().isEmpty())
        QMessageBox::information(m_window, tr("Connect to a Runtime"), dialog.keychainNote());
    if (NotebookPage* page = m_window->currentPage())
        useRuntime(page, dialog.runtimeId());
}

void RemoteRuntimeController::useRuntime(NotebookPage* page, const QString& runtimeId,
                                         bool confirmed) {
    NotebookKernel* k = page->kernel();
    if (k->runtimeId() == runtimeId)
        return;
    if (!confirmed && k->hasKernel() && k->status() != kernel::KernelStatus::Dead &&
        QMessageBox::question(m_window, tr("Change Runtime"),
                              tr("The kernel of this notebook stops, and its variables are lost. "
                                 "Outputs stay. Change the runtime?"),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Yes) != QMessageBox::Yes)
        return;
    k->setRuntime(m_runtimes, runtimeId);
}

} // namespace quire::app
