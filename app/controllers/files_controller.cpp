#include "files_controller.h"

#include "app/files_dock.h"
#include "app/local_runtime_files.h"
#include "app/main_window.h"
#include "app/notebook_kernel.h"
#include "app/notebook_page.h"
#include "file_controller.h"

#include <QMenu>

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
    connect(window, &MainWindow::currentPageChanged, this, &FilesController::follow);
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            follow(m_window->currentPage());
    });
}

RuntimeFiles* FilesController::filesFor(NotebookPage* page) {
    if (!page)
        return nullptr;
    const QString folder = page->kernel()->workingDirectory();
    RuntimeFiles*& files = m_local[folder];
    if (!files)
        files = new LocalRuntimeFiles(folder, this);
    return files;
}

void FilesController::follow(NotebookPage* page) {
    if (m_dock->isVisible())
        m_dock->setFiles(filesFor(page));
}

} // namespace quire::app
