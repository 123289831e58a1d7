#include "main_window.h"

#include "controllers/drive_controller.h"
#include "controllers/edit_controller.h"
#include "controllers/file_controller.h"
#include "controllers/files_controller.h"
#include "controllers/help_controller.h"
#include "controllers/remote_runtime_controller.h"
#include "controllers/runtime_controller.h"
#include "controllers/trust_controller.h"
#include "controllers/view_controller.h"
#include "controllers/welcome_controller.h"
#include "editor/model/notebook_document.h"
#include "editor/view/notebook_view.h"
#include "notebook_page.h"

#include <QCloseEvent>
#include <QMenuBar>
#include <QTabBar>
#include <QTabWidget>

namespace quire::app {

MainWindow::MainWindow() {
    setWindowIcon(QIcon(QStringLiteral(":/icons/quire.svg")));
    resize(1100, 800);
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    setCentralWidget(m_tabs);
    for (int i = 0; i <= int(Menu::Help); ++i)
        m_menus << menuBar()->addMenu(QString());
    retranslate();

    m_files = new FileController(this);
    m_trust = new TrustController(this); // its File menu entry goes before Close
    m_edits = new EditController(this);
    m_views = new ViewController(this);
    m_runtime = new RuntimeController(this);
    m_remotes = new RemoteRuntimeController(this);
    m_runtimeFiles = new FilesController(this);
    m_help = new HelpController(this);
    m_welcome = new WelcomeController(this);
    m_drive = new DriveController(this);

    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        updateTitle();
        emit currentPageChanged(currentPage());
        if (auto* p = currentPage())
            p->view()->setFocus();
    });
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int i) {
        if (auto* p = qobject_cast<NotebookPage*>(m_tabs->widget(i)))
            m_files->closePage(p);
    });
}

MainWindow::~MainWindow() = default;

QMenu* MainWindow::menu(Menu which) const {
    return m_menus.at(int(which));
}

NotebookPage* MainWindow::currentPage() const {
    return qobject_cast<NotebookPage*>(m_tabs->currentWidget());
}

QList<NotebookPage*> MainWindow::pages() const {
    QList<NotebookPage*> out;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto* p = qobject_cast<NotebookPage*>(m_tabs->widget(i)))
            out << p;
    return out;
}

void MainWindow::addPage(NotebookPage* page) {
    const int i = m_tabs->addTab(page, page->document()->displayName());
    auto hook = [this, page] {
        auto* doc = page->document();
        connect(doc, &editor::NotebookDocument::modifiedChanged, page, [this] { updateTitle(); });
        connect(doc, &editor::NotebookDocument::filePathChanged, page, [this] { updateTitle(); });
        updateTitle();
    };
    hook();
    connect(page, &NotebookPage::documentReplaced, this, hook);
    emit pageAdded(page);
    m_tabs->setCurrentIndex(i);
    m_tabs->tabBar()->setVisible(m_tabs->count() > 1);
    page->view()->setFocus();
}

void MainWindow::removePage(NotebookPage* page) {
    m_tabs->removeTab(m_tabs->indexOf(page));
    page->deleteLater();
    m_tabs->tabBar()->setVisible(m_tabs->count() > 1);
    updateTitle();
}

void MainWindow::setCurrentPage(NotebookPage* page) {
    m_tabs->setCurrentWidget(page);
}

void MainWindow::updateTitle() {
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto* p = qobject_cast<NotebookPage*>(m_tabs->widget(i))) {
            const auto* d = p->document();
            m_tabs->setTabText(i, d->displayName() +
                                      (d->isModified() ? QStringLiteral(" •") : QString()));
            m_tabs->setTabToolTip(i, d->filePath());
        }
    }
    auto* p = currentPage();
    if (!p) {
        setWindowTitle(QStringLiteral("Quire"));
        setWindowModified(false);
        return;
    }
    setWindowTitle(p->document()->displayName() + QStringLiteral("[*] — Quire"));
    setWindowModified(p->document()->isModified());
}

void MainWindow::retranslate() {
    const char* titles[] = {QT_TR_NOOP("&File"),   QT_TR_NOOP("&Edit"),    QT_TR_NOOP("&View"),
                            QT_TR_NOOP("&Insert"), QT_TR_NOOP("&Runtime"), QT_TR_NOOP("&Tools"),
                            QT_TR_NOOP("&Help")};
    for (int i = 0; i < m_menus.size(); ++i)
        m_menus[i]->setTitle(tr(titles[i]));
}

void MainWindow::changeEvent(QEvent* event) {
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (m_files->closeAll())
        event->accept();
    else
        event->ignore();
}

} // namespace quire::app
