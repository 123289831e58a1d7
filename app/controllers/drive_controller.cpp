#include "drive_controller.h"

#include "app/controllers/file_controller.h"
#include "app/main_window.h"
#include "app/notebook_kernel.h"
#include "app/notebook_page.h"
#include "app/remote_runtimes.h"
#include "drive/mount_manager.h"
#include "drive/rclone_daemon.h"
#include "drive/remote_mount.h"
#include "drive/widgets/drive_panel.h"
#include "editor/model/cell.h"
#include "editor/model/notebook_document.h"
#include "editor/view/cell_widget.h"
#include "editor/view/code_editor.h"
#include "editor/view/notebook_view.h"
#include "remote_runtime_controller.h"

#include <QCoreApplication>
#include <QDockWidget>
#include <QMenu>

namespace quire::app {

DriveController::DriveController(MainWindow* window)
    : QObject(window), m_window(window), m_daemon(new drive::RcloneDaemon(this)) {
    m_panel = new drive::DrivePanel(m_daemon);
    m_dock = new QDockWidget(tr("Drive"), window);
    m_dock->setObjectName(QStringLiteral("driveDock"));
    m_dock->setWidget(m_panel);
    window->addDockWidget(Qt::LeftDockWidgetArea, m_dock);
    m_dock->hide(); // opened from the menu; rclone starts the first time it is shown
    QAction* toggle = m_dock->toggleViewAction();
    toggle->setText(tr("&Drive"));
    toggle->setObjectName(QStringLiteral("view.drive"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    window->menu(MainWindow::Menu::View)->addAction(toggle);
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && m_daemon->state() == drive::RcloneDaemon::State::Stopped)
            m_daemon->start();
    });

    connect(m_panel, &drive::DrivePanel::openNotebookRequested, this,
            [this](const QString& path) { m_window->files()->openFile(path); });
    connect(m_panel, &drive::DrivePanel::insertPathRequested, this, [this](const QString& path) {
        if (!insertIntoCurrentCell(quotedPath(path)))
            m_panel->showError(tr("Select a code cell in a notebook to insert the path."));
    });
    auto updateInsert = [this] { m_panel->setInsertPathEnabled(m_window->currentPage()); };
    connect(window, &MainWindow::currentPageChanged, this, updateInsert);
    updateInsert();
    connect(window, &MainWindow::currentPageChanged, this, &DriveController::followRuntime);
    connect(window, &MainWindow::pageAdded, this, [this](NotebookPage* page) {
        connect(page->kernel(), &NotebookKernel::statusChanged, this, [this, page] {
            if (page == m_window->currentPage())
                followRuntime();
        });
    });
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            followRuntime();
    });
    connect(qApp, &QCoreApplication::aboutToQuit, this, &DriveController::shutdown);
}

DriveController::~DriveController() {
    shutdown();
}

void DriveController::shutdown() {
    if (std::exchange(m_shutDown, true))
        return;
    // Files written into a mount shortly before quitting are still queued for upload.
    m_panel->mounts()->shutdown(30000);
    m_daemon->stop();
}

void DriveController::followRuntime() {
    if (!m_dock->isVisible())
        return;
    NotebookPage* page = m_window->currentPage();
    const QString id = page ? page->kernel()->runtimeId() : QString();
    if (id == m_shownRuntime)
        return;
    m_shownRuntime = id;
    if (id.isEmpty()) {
        m_panel->setRemoteRuntime(QString(), nullptr);
        return;
    }
    RemoteRuntimes* runtimes = m_window->remotes()->runtimes();
    const auto runtime = runtimes->find(id);
    if (!runtime)
        return;
    if (auto mount = m_remoteMounts.value(id)) {
        m_panel->setRemoteRuntime(runtime->name, mount);
        return;
    }
    QPointer<DriveController> self(this);
    runtimes->server(
        id, [self, id, name = runtime->name](kernel::JupyterServer* server, const QString& error) {
            if (!self || self->m_shownRuntime != id)
                return;
            if (!server) {
                self->m_panel->showError(error);
                return;
            }
            auto* mount = new drive::RemoteMount(server, self->m_daemon->client(), self);
            self->m_remoteMounts.insert(id, mount);
            self->m_panel->setRemoteRuntime(name, mount);
        });
}

QString DriveController::quotedPath(const QString& path) {
    QString escaped = path;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return u'"' + escaped + u'"';
}

bool DriveController::insertIntoCurrentCell(const QString& text) {
    NotebookPage* page = m_window->currentPage();
    if (!page)
        return false;
    editor::NotebookView* view = page->view();
    const int index = view->currentIndex();
    if (index < 0 || index >= page->document()->cellCount() ||
        page->document()->cell(index)->type() != editor::CellType::Code)
        return false;
    view->scrollToCell(index);
    editor::CellWidget* w = view->widgetAt(index);
    if (!w || !w->editor())
        return false;
    editor::CodeEditor* e = w->editor();
    const int at = e->cursorOffset();
    e->replaceRange(at, at, text);
    view->enterEditMode();
    return true;
}

} // namespace quire::app
