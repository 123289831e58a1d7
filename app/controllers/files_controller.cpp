#include "files_controller.h"

#include "app/files_dock.h"
#include "app/local_runtime_files.h"
#include "app/main_window.h"
#include "app/notebook_kernel.h"
#include "app/notebook_page.h"
#include "app/remote_notebook_sync.h"
#include "app/remote_runtime_files.h"
#include "app/remote_runtimes.h"
#include "editor/model/notebook_document.h"
#include "file_controller.h"
#include "kernelclient/jupyter_server.h"
#include "remote_runtime_controller.h"

#include <QDir>
#include <QMenu>
#include <QMessageBox>
#include <QStandardPaths>

namespace quire::app {

FilesController::FilesController(MainWindow* window) : QObject(window), m_window(window) {
    m_dock = new FilesDock(window);
    window->addDockWidget(Qt::LeftDockWidgetArea, m_dock);
    m_dock->hide();
    QAction* toggle = m_dock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("view.files"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    window->menu(MainWindow::Menu::View)->addAction(toggle);
    connect(m_dock, &FilesDock::openNotebook, this,
            [this](const QString& file) { m_window->files()->openFile(file); });
    connect(m_dock, &FilesDock::openRemoteNotebook, this, [this](const QString& path) {
        if (NotebookPage* page = m_window->currentPage())
            openRemoteNotebook(page->kernel()->runtimeId(), path);
    });
    connect(window, &MainWindow::currentPageChanged, this, &FilesController::follow);
    // A notebook moved to another runtime shows that runtime's files.
    connect(window, &MainWindow::pageAdded, this, [this](NotebookPage* page) {
        connect(page->kernel(), &NotebookKernel::statusChanged, this, [this, page] {
            if (page == m_window->currentPage())
                follow(page);
        });
    });
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            follow(m_window->currentPage());
    });
}

RuntimeFiles* FilesController::localFilesFor(NotebookPage* page) {
    if (!page)
        return nullptr;
    const QString folder = page->kernel()->workingDirectory();
    RuntimeFiles*& files = m_local[folder];
    if (!files)
        files = new LocalRuntimeFiles(folder, this);
    return files;
}

void FilesController::follow(NotebookPage* page) {
    if (!m_dock->isVisible())
        return;
    const QString remote = page ? page->kernel()->runtimeId() : QString();
    if (remote.isEmpty()) {
        m_shownRuntime.clear();
        m_dock->setFiles(localFilesFor(page));
    } else {
        showRemote(remote);
    }
}

void FilesController::showRemote(const QString& runtimeId) {
    if (RuntimeFiles* files = m_remote.value(runtimeId)) {
        m_shownRuntime = runtimeId;
        m_dock->setFiles(files);
        return;
    }
    if (m_shownRuntime == runtimeId)
        return; // on its way
    m_shownRuntime = runtimeId;
    RemoteRuntimes* runtimes = m_window->remotes()->runtimes();
    const auto runtime = runtimes->find(runtimeId);
    if (!runtime)
        return;
    QPointer<FilesController> self(this);
    runtimes->server(runtimeId, [self, runtimeId, name = runtime->name](
                                    kernel::JupyterServer* server, const QString&) {
        if (!self || !server)
            return;
        // Whether it has files at all (a kernel gateway has none), then show them.
        kernel::ServerReply* check = server->checkContents();
        connect(check, &kernel::ServerReply::finished, self, [self, server, runtimeId, name] {
            if (!self || !server || self->m_remote.contains(runtimeId))
                return;
            auto* files = new RemoteRuntimeFiles(server, name, self);
            self->m_remote.insert(runtimeId, files);
            if (self->m_shownRuntime == runtimeId)
                self->m_dock->setFiles(files);
        });
    });
}

void FilesController::openRemoteNotebook(const QString& runtimeId, const QString& path) {
    RemoteRuntimes* runtimes = m_window->remotes()->runtimes();
    const auto runtime = runtimes->find(runtimeId);
    if (!runtime)
        return;
    // A local copy per runtime and path, in Quire's cache.
    const QString copy = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
                         QStringLiteral("/remote/") + runtimeId + QLatin1Char('/') + path;
    QPointer<FilesController> self(this);
    runtimes->server(runtimeId, [self, runtimeId, path, copy](kernel::JupyterServer* server,
                                                              const QString& error) {
        if (!self)
            return;
        if (!server) {
            QMessageBox::warning(self->m_window, tr("Open"), error);
            return;
        }
        auto* sync = new RemoteNotebookSync(server, path, copy, self);
        connect(sync, &RemoteNotebookSync::failed, self, [self, sync](const QString& why) {
            sync->deleteLater();
            QMessageBox::warning(self->m_window, tr("Open"), why);
        });
        connect(sync, &RemoteNotebookSync::ready, self, [self, sync, runtimeId] {
            NotebookPage* page = self->m_window->files()->openFile(sync->localCopy());
            if (!page) {
                sync->deleteLater();
                return;
            }
            page->kernel()->setRuntime(self->m_window->remotes()->runtimes(), runtimeId);
            sync->follow(page->document());
            QPointer<NotebookPage> guard(page);
            connect(sync, &RemoteNotebookSync::conflict, page,
                    [self, sync, guard](const QString& m) {
                        if (!self || !guard)
                            return;
                        if (QMessageBox::warning(self->m_window, tr("Save to Runtime"),
                                                 m + QStringLiteral("\n\n") +
                                                     tr("Overwrite the runtime's copy with yours?"),
                                                 QMessageBox::Yes | QMessageBox::Cancel,
                                                 QMessageBox::Cancel) == QMessageBox::Yes)
                            sync->push(true);
                    });
            connect(sync, &RemoteNotebookSync::pushFailed, page, [self](const QString& m) {
                if (self)
                    QMessageBox::warning(self->m_window, tr("Save to Runtime"), m);
            });
        });
        sync->fetch();
    });
}

} // namespace quire::app
