#include "files_dock.h"

#include "runtime_files.h"
#include "runtime_files_model.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QStandardPaths>
#include <QToolBar>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

namespace quire::app {

FilesDock::FilesDock(QWidget* parent) : QDockWidget(parent) {
    setObjectName(QStringLiteral("filesDock"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* bar = new QToolBar(body);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_upload = bar->addAction(QString(), this, [this] {
        const QStringList chosen = QFileDialog::getOpenFileNames(this, tr("Upload Files"));
        if (!chosen.isEmpty())
            uploadFiles(chosen, selectedFolder());
    });
    m_newFolder = bar->addAction(QString(), this, [this] { newFolder(); });
    m_refresh = bar->addAction(QString(), this, [this] { m_model->refresh(selectedFolder()); });
    layout->addWidget(bar);
    m_location = new QLabel(body);
    m_location->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_location->setWordWrap(true);
    layout->addWidget(m_location);
    m_model = new RuntimeFilesModel(this);
    m_tree = new QTreeView(body);
    m_tree->setObjectName(QStringLiteral("files.tree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    // A narrow side panel: names get the room, sizes what they need; the modification time is
    // in each item's tooltip.
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(RuntimeFilesModel::Name, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(RuntimeFilesModel::Size, QHeaderView::ResizeToContents);
    m_tree->setColumnHidden(RuntimeFilesModel::Modified, true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setAcceptDrops(true);
    m_tree->viewport()->setAcceptDrops(true);
    m_tree->viewport()->installEventFilter(this);
    layout->addWidget(m_tree, 1);
    m_message = new QLabel(body);
    m_message->setObjectName(QStringLiteral("files.message"));
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);
    setWidget(body);

    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex&) { openSelected(); });
    connect(m_model, &RuntimeFilesModel::listed, this, [this](const QString&, const QString& e) {
        if (!e.isEmpty())
            showMessage(e);
    });
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        const RuntimeFileEntry* e = m_model->entry(m_tree->indexAt(pos));
        QMenu menu(this);
        if (e) {
            menu.addAction(tr("Open"), this, &FilesDock::openSelected);
            if (!e->isDir)
                menu.addAction(tr("Download…"), this, [this] { downloadSelected(); });
            menu.addAction(tr("Rename…"), this, [this] { renameSelected(); });
            menu.addAction(tr("Delete…"), this, &FilesDock::deleteSelected);
            menu.addAction(tr("Copy Path"), this, &FilesDock::copyPath);
            menu.addSeparator();
        }
        menu.addAction(m_upload);
        menu.addAction(m_newFolder);
        menu.addAction(m_refresh);
        menu.exec(m_tree->viewport()->mapToGlobal(pos));
    });
    retranslate();
    updateActions();
}

void FilesDock::retranslate() {
    setWindowTitle(tr("Files"));
    m_upload->setText(tr("Upload…"));
    m_newFolder->setText(tr("New Folder…"));
    m_refresh->setText(tr("Refresh"));
    m_tree->setAccessibleName(tr("Runtime files"));
}

void FilesDock::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void FilesDock::setFiles(RuntimeFiles* files) {
    if (files == m_files && files)
        return;
    m_files = files;
    m_message->hide();
    const QString reason = files ? files->unavailableReason() : QString();
    m_location->setText(files ? files->location() : QString());
    m_model->setFiles(files);
    m_tree->setVisible(reason.isEmpty());
    if (!reason.isEmpty())
        showMessage(reason);
    updateActions();
}

void FilesDock::updateActions() {
    const bool usable = m_files && m_files->unavailableReason().isEmpty();
    for (QAction* a : {m_upload, m_newFolder, m_refresh})
        a->setEnabled(usable);
}

QString FilesDock::message() const {
    return m_message->isHidden() ? QString() : m_message->text();
}

void FilesDock::showMessage(const QString& text) {
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

QString FilesDock::selectedFolder() const {
    return m_model->folderFor(m_tree->currentIndex());
}

// Shows what went wrong, else lists `refreshDir` again.
auto FilesDock::finisher(const QString& refreshDir) {
    return [self = QPointer<FilesDock>(this), refreshDir](const QString& error) {
        if (!self)
            return;
        self->showMessage(error);
        if (error.isEmpty())
            self->m_model->refresh(refreshDir);
    };
}

void FilesDock::openSelected() {
    const RuntimeFileEntry* e = m_model->entry(m_tree->currentIndex());
    if (!e || !m_files)
        return;
    if (e->isDir) {
        m_tree->setExpanded(m_tree->currentIndex(), !m_tree->isExpanded(m_tree->currentIndex()));
        return;
    }
    const bool notebook = e->name.endsWith(QLatin1String(".ipynb"), Qt::CaseInsensitive);
    const QString local = m_files->localFile(e->path);
    if (notebook) {
        if (local.isEmpty())
            emit openRemoteNotebook(e->path);
        else
            emit openNotebook(local);
        return;
    }
    if (!local.isEmpty()) {
        QDesktopServices::openUrl(QUrl::fromLocalFile(local));
        return;
    }
    // A remote file: fetched into the cache, then opened with the system's application.
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
                          QStringLiteral("/runtime-files");
    QDir().mkpath(cache);
    const QString target = QDir(cache).filePath(e->name);
    m_files->download(e->path, target,
                      [self = QPointer<FilesDock>(this), target](const QString& error) {
                          if (!self)
                              return;
                          self->showMessage(error);
                          if (error.isEmpty())
                              QDesktopServices::openUrl(QUrl::fromLocalFile(target));
                      });
}

void FilesDock::uploadFiles(const QStringList& localFiles, const QString& dir) {
    if (!m_files)
        return;
    for (const QString& file : localFiles)
        m_files->upload(file, dir, finisher(dir));
}

void FilesDock::downloadSelected(const QString& localFile) {
    const RuntimeFileEntry* e = m_model->entry(m_tree->currentIndex());
    if (!e || e->isDir || !m_files)
        return;
    QString target = localFile;
    if (target.isEmpty()) {
        const QString start =
            QDir(QStandardPaths::writableLocation(QStandardPaths::DownloadLocation))
                .filePath(e->name);
        target = QFileDialog::getSaveFileName(this, tr("Download %1").arg(e->name), start);
        if (target.isEmpty())
            return;
    }
    m_files->download(e->path, target, [self = QPointer<FilesDock>(this)](const QString& error) {
        if (self)
            self->showMessage(error);
    });
}

void FilesDock::newFolder(const QString& name) {
    if (!m_files)
        return;
    QString folder = name;
    if (folder.isEmpty()) {
        bool ok = false;
        folder = QInputDialog::getText(this, tr("New Folder"), tr("Folder name:"),
                                       QLineEdit::Normal, tr("Untitled Folder"), &ok);
        if (!ok || folder.isEmpty())
            return;
    }
    const QString dir = selectedFolder();
    m_files->makeFolder(dir, folder, finisher(dir));
}

void FilesDock::renameSelected(const QString& newName) {
    const RuntimeFileEntry* e = m_model->entry(m_tree->currentIndex());
    if (!e || !m_files)
        return;
    QString name = newName;
    if (name.isEmpty()) {
        bool ok = false;
        name = QInputDialog::getText(this, tr("Rename"), tr("New name:"), QLineEdit::Normal,
                                     e->name, &ok);
        if (!ok || name.isEmpty() || name == e->name)
            return;
    }
    const QString parentDir = m_model->folderFor(m_tree->currentIndex().parent());
    m_files->rename(e->path, name, finisher(parentDir));
}

void FilesDock::deleteSelected() {
    const RuntimeFileEntry* e = m_model->entry(m_tree->currentIndex());
    if (!e || !m_files)
        return;
    const QString question =
        e->isDir ? tr("Delete the folder “%1” and everything in it?") : tr("Delete “%1”?");
    if (QMessageBox::question(this, tr("Delete"), question.arg(e->name),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    const QString parentDir = m_model->folderFor(m_tree->currentIndex().parent());
    m_files->remove(e->path, e->isDir, finisher(parentDir));
}

void FilesDock::copyPath() {
    const RuntimeFileEntry* e = m_model->entry(m_tree->currentIndex());
    if (e && m_files)
        QApplication::clipboard()->setText(m_files->kernelPath(e->path));
}

bool FilesDock::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_tree->viewport()) {
        if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
            auto* drag = static_cast<QDropEvent*>(event);
            if (drag->mimeData()->hasUrls() && m_files && m_files->unavailableReason().isEmpty()) {
                drag->acceptProposedAction();
                return true;
            }
        } else if (event->type() == QEvent::Drop) {
            auto* drop = static_cast<QDropEvent*>(event);
            QStringList files;
            for (const QUrl& url : drop->mimeData()->urls())
                if (url.isLocalFile())
                    files << url.toLocalFile();
            const QModelIndex at = m_tree->indexAt(drop->position().toPoint());
            uploadFiles(files, m_model->folderFor(at));
            drop->acceptProposedAction();
            return true;
        }
    }
    return QDockWidget::eventFilter(watched, event);
}

} // namespace quire::app
