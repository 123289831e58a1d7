#include "drive_panel.h"

#include "add_remote_dialog.h"
#include "drive/drive_model.h"
#include "drive/drive_operations.h"
#include "drive/drive_sign_in.h"
#include "drive/mount_manager.h"
#include "drive/rc_job.h"
#include "drive/rclone_client.h"
#include "drive/rclone_daemon.h"
#include "drive/remote_mount.h"
#include "drive/remote_setup.h"
#include "drive/remotes.h"
#include "drive/transfer_list.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QProgressDialog>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyledItemDelegate>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

namespace quire::drive {

namespace {
// A transfer row: its title, then a progress bar with "12 MB of 50 MB · 2 MB/s · 19 s left".
class TransferDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const override {
        return {option.rect.width(), option.fontMetrics.height() * 2 + 10};
    }
    void paint(QPainter* p, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override {
        QStyleOptionViewItem o = option;
        initStyleOption(&o, index);
        o.text.clear();
        QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &o, p);
        const int h = option.fontMetrics.height();
        const QRect r = option.rect.adjusted(4, 3, -4, -3);
        p->drawText(
            QRect(r.left(), r.top(), r.width(), h), Qt::AlignLeft | Qt::AlignVCenter,
            option.fontMetrics.elidedText(index.data().toString(), Qt::ElideMiddle, r.width()));
        QStyleOptionProgressBar bar;
        bar.rect = QRect(r.left(), r.top() + h + 2, r.width(), h);
        bar.minimum = 0;
        const int value = index.data(TransferList::ProgressRole).toInt();
        bar.maximum = value < 0 && !index.data(TransferList::FinishedRole).toBool() ? 0 : 100;
        bar.progress = qMax(0, value);
        bar.text = index.data(Qt::ToolTipRole).toString();
        bar.textVisible = true;
        bar.state = option.state | QStyle::State_Horizontal;
        QApplication::style()->drawControl(QStyle::CE_ProgressBar, &bar, p);
    }
};
} // namespace

DrivePanel::DrivePanel(RcloneDaemon* daemon, QWidget* parent)
    : QWidget(parent), m_daemon(daemon), m_remotes(new Remotes(daemon->client(), this)),
      m_mounts(new MountManager(daemon, this)), m_model(new DriveModel(daemon->client(), this)),
      m_transfers(new TransferList(this)),
      m_ops(new DriveOperations(daemon->client(), m_model, m_transfers, this)) {
    m_stack = new QStackedWidget(this);
    m_notice = new QLabel(this);
    m_notice->setWordWrap(true);
    m_notice->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->setMargin(8);
    m_stack->addWidget(m_notice);

    auto* controls = new QWidget(this);
    auto* v = new QVBoxLayout(controls);
    v->setContentsMargins(4, 4, 4, 4);
    auto* top = new QHBoxLayout;
    m_remotePicker = new QComboBox(controls);
    m_remotePicker->setAccessibleName(tr("Remote"));
    m_remotePicker->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    top->addWidget(m_remotePicker, 1);
    m_addButton = new QToolButton(controls);
    m_addButton->setText(tr("Add"));
    m_addButton->setPopupMode(QToolButton::InstantPopup);
    auto* addMenu = new QMenu(m_addButton);
    connect(addMenu->addAction(tr("Connect &Google Drive…")), &QAction::triggered, this,
            &DrivePanel::connectGoogleDrive);
    connect(addMenu->addAction(tr("Add &Remote…")), &QAction::triggered, this,
            &DrivePanel::addRemote);
    m_removeRemote = addMenu->addAction(tr("Re&move This Remote…"));
    connect(m_removeRemote, &QAction::triggered, this, [this] {
        const QString name = currentRemote();
        if (QMessageBox::question(this, tr("Remove Remote"),
                                  tr("Remove the remote “%1” from Quire? Its files stay where "
                                     "they are.")
                                      .arg(name)) != QMessageBox::Yes)
            return;
        m_remotes->remove(name, this, [this](const QString& e) {
            if (!e.isEmpty())
                showError(e);
            reloadRemotes();
        });
    });
    m_addButton->setMenu(addMenu);
    top->addWidget(m_addButton);
    v->addLayout(top);
    m_quota = new QLabel(controls);
    v->addWidget(m_quota);
    auto* mountRow = new QHBoxLayout;
    m_mountButton = new QPushButton(tr("Mount"), controls);
    m_mountButton->setObjectName(QStringLiteral("drive.mount"));
    connect(m_mountButton, &QPushButton::clicked, this, &DrivePanel::toggleMount);
    mountRow->addWidget(m_mountButton);
    m_mountState = new QLabel(controls);
    m_mountState->setWordWrap(true);
    mountRow->addWidget(m_mountState, 1);
    v->addLayout(mountRow);

    auto action = [this](const QString& text, const char* name, QStyle::StandardPixmap icon,
                         void (DrivePanel::*slot)()) {
        auto* a = new QAction(style()->standardIcon(icon), text, this);
        a->setObjectName(QString::fromLatin1(name));
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_newFolder = action(tr("New &Folder…"), "drive.newFolder", QStyle::SP_FileDialogNewFolder,
                         &DrivePanel::newFolder);
    m_upload = action(tr("&Upload…"), "drive.upload", QStyle::SP_ArrowUp, &DrivePanel::upload);
    m_download = action(tr("&Download…"), "drive.download", QStyle::SP_ArrowDown,
                        &DrivePanel::downloadSelected);
    m_rename = action(tr("&Rename…"), "drive.rename", QStyle::SP_FileDialogDetailedView,
                      &DrivePanel::renameSelected);
    m_delete =
        action(tr("De&lete…"), "drive.delete", QStyle::SP_TrashIcon, &DrivePanel::deleteSelected);
    m_copyPath =
        action(tr("&Copy Path"), "drive.copyPath", QStyle::SP_FileLinkIcon, &DrivePanel::copyPath);
    m_insertPath = new QAction(tr("&Insert Path into Cell"), this);
    m_insertPath->setObjectName(QStringLiteral("drive.insertPath"));
    connect(m_insertPath, &QAction::triggered, this, [this] {
        if (const QString p = selectedPathForCode(); !p.isEmpty())
            emit insertPathRequested(p);
    });
    m_refresh = new QAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("Re&fresh"), this);
    m_refresh->setObjectName(QStringLiteral("drive.refresh"));
    connect(m_refresh, &QAction::triggered, this, [this] {
        m_model->setRemote(currentRemote());
        onRemoteChanged();
    });
    auto* bar = new QToolBar(controls);
    bar->setIconSize(QSize(16, 16));
    bar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    for (QAction* a :
         {m_newFolder, m_upload, m_download, m_rename, m_delete, m_copyPath, m_refresh})
        bar->addAction(a);
    v->addWidget(bar);

    m_tree = new QTreeView(controls);
    m_tree->setModel(m_model);
    m_tree->setAccessibleName(tr("Files"));
    m_tree->setUniformRowHeights(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setDragDropMode(QAbstractItemView::DropOnly);
    m_tree->setAcceptDrops(true);
    m_tree->setDropIndicatorShown(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(DriveModel::NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(DriveModel::SizeColumn, QHeaderView::ResizeToContents);
    m_tree->setColumnHidden(DriveModel::ModifiedColumn, false);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QTreeView::customContextMenuRequested, this, [this](const QPoint& pos) {
        QMenu menu(this);
        for (QAction* a : {m_newFolder, m_upload, m_download, m_rename, m_delete})
            menu.addAction(a);
        menu.addSeparator();
        menu.addAction(m_copyPath);
        menu.addAction(m_insertPath);
        menu.addSeparator();
        menu.addAction(m_refresh);
        menu.exec(m_tree->viewport()->mapToGlobal(pos));
    });
    connect(m_tree, &QTreeView::doubleClicked, this, &DrivePanel::openItem);
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DrivePanel::updateActions);
    v->addWidget(m_tree, 3);

    auto* transfersHeader = new QHBoxLayout;
    transfersHeader->addWidget(new QLabel(tr("Transfers"), controls), 1);
    auto* cancel = new QToolButton(controls);
    m_cancelTransfer = new QAction(tr("Cancel"), this);
    m_cancelTransfer->setObjectName(QStringLiteral("drive.cancelTransfer"));
    cancel->setDefaultAction(m_cancelTransfer);
    transfersHeader->addWidget(cancel);
    auto* clear = new QToolButton(controls);
    clear->setText(tr("Clear Finished"));
    connect(clear, &QToolButton::clicked, m_transfers, &TransferList::clearFinished);
    transfersHeader->addWidget(clear);
    v->addLayout(transfersHeader);
    m_transferView = new QListView(controls);
    m_transferView->setModel(m_transfers);
    m_transferView->setItemDelegate(new TransferDelegate(m_transferView));
    m_transferView->setAccessibleName(tr("Transfers"));
    connect(m_cancelTransfer, &QAction::triggered, this, [this] {
        const QModelIndex i = m_transferView->currentIndex();
        m_transfers->cancel(i.isValid() ? i.row() : 0);
    });
    v->addWidget(m_transferView, 1);
    m_error = new QLabel(controls);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_error->hide();
    v->addWidget(m_error);
    m_stack->addWidget(controls);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_remotePicker, &QComboBox::currentIndexChanged, this, &DrivePanel::onRemoteChanged);
    connect(m_remotes, &Remotes::changed, this, [this] { reloadRemotes(); });
    connect(m_mounts, &MountManager::statusChanged, this, &DrivePanel::updateMountState);
    connect(m_ops, &DriveOperations::failed, this, &DrivePanel::showError);
    connect(m_model, &DriveModel::loadFailed, this,
            [this](const QString&, const QString& e) { showError(e); });
    connect(m_model, &DriveModel::filesDropped, this,
            [this](const QStringList& paths, const QString& folder) {
                for (const QString& p : paths)
                    m_ops->upload(p, folder);
            });
    connect(m_daemon, &RcloneDaemon::stateChanged, this, &DrivePanel::onDaemonState);
    connect(m_daemon, &RcloneDaemon::restarting, this, [this](const QString& why) {
        showError(tr("rclone stopped (%1) and is being restarted; mounts must be mounted "
                     "again.")
                      .arg(why));
    });
    onDaemonState();
    updateActions();
}

void DrivePanel::onDaemonState() {
    switch (m_daemon->state()) {
    case RcloneDaemon::State::Running:
        m_stack->setCurrentIndex(1);
        reloadRemotes(currentRemote());
        return;
    case RcloneDaemon::State::Starting:
        if (m_stack->currentIndex() == 0)
            m_notice->setText(tr("Starting rclone…"));
        return;
    case RcloneDaemon::State::Failed:
        m_notice->setText(tr("<b>Drive is not available.</b><br>%1")
                              .arg(m_daemon->errorString().toHtmlEscaped()));
        m_stack->setCurrentIndex(0);
        return;
    case RcloneDaemon::State::Stopped:
        m_notice->setText(tr("Drive is stopped."));
        m_stack->setCurrentIndex(0);
        return;
    }
}

QString DrivePanel::messageText() const {
    return m_stack->currentIndex() == 0 ? m_notice->text() : m_error->text();
}

QString DrivePanel::currentRemote() const {
    return m_remotePicker->currentData().toString();
}

void DrivePanel::setCurrentRemote(const QString& name) {
    const int i = m_remotePicker->findData(name);
    if (i >= 0)
        m_remotePicker->setCurrentIndex(i);
}

void DrivePanel::reloadRemotes(const QString& select) {
    m_remotes->list(this, [this, select](const QStringList& names, const QString& error) {
        if (!error.isEmpty())
            showError(error);
        const QString keep = select.isEmpty() ? currentRemote() : select;
        QSignalBlocker block(m_remotePicker);
        m_remotePicker->clear();
        for (const QString& n : names)
            m_remotePicker->addItem(n, n);
        if (names.isEmpty())
            m_remotePicker->setPlaceholderText(tr("No remotes yet: use Add"));
        const int i = m_remotePicker->findData(keep);
        m_remotePicker->setCurrentIndex(i >= 0 ? i : (names.isEmpty() ? -1 : 0));
        if (m_model->remote() != currentRemote())
            onRemoteChanged();
        else
            updateActions();
    });
}

void DrivePanel::onRemoteChanged() {
    const QString remote = currentRemote();
    if (m_model->remote() != remote)
        m_model->setRemote(remote);
    m_quota->clear();
    m_error->hide();
    if (!remote.isEmpty()) {
        m_quota->setText(tr("Checking space…"));
        m_remotes->quota(remote, this, [this, remote](const Quota& q, const QString& e) {
            if (remote != currentRemote())
                return;
            m_quota->setText(e.isEmpty() ? Remotes::describe(q) : e);
        });
    }
    updateMountState();
    updateActions();
}

void DrivePanel::setRemoteRuntime(const QString& name, RemoteMount* mount) {
    if (m_remoteMount)
        m_remoteMount->disconnect(this);
    m_remoteMount = mount;
    m_runtimeName = name;
    m_remoteAvailable = false;
    m_remoteBusy = false;
    m_remoteState.clear();
    if (mount) {
        m_remoteState = tr("Checking for rclone on %1…").arg(name);
        connect(mount, &RemoteMount::probed, this, [this](bool available, const QString& detail) {
            m_remoteAvailable = available;
            m_remoteState = available ? QString() : detail;
            updateMountState();
        });
        connect(mount, &RemoteMount::mounted, this, [this] {
            m_remoteBusy = false;
            m_remoteState.clear();
            updateMountState();
        });
        connect(mount, &RemoteMount::unmounted, this, [this] {
            m_remoteBusy = false;
            m_remoteState.clear();
            updateMountState();
        });
        connect(mount, &RemoteMount::failed, this, [this](const QString&, const QString& why) {
            m_remoteBusy = false;
            m_remoteState = why;
            updateMountState();
        });
        mount->probe();
    }
    updateMountState();
}

void DrivePanel::updateMountState() {
    const QString remote = currentRemote();
    if (m_remoteMount) { // the notebook's runtime is a server: mount there
        const QString at = m_remoteMount->mountPoint(remote);
        m_mountButton->setText(at.isEmpty() ? tr("Mount on %1").arg(m_runtimeName)
                                            : tr("Unmount from %1").arg(m_runtimeName));
        m_mountButton->setEnabled(!remote.isEmpty() && m_remoteAvailable && !m_remoteBusy);
        m_mountState->setText(!m_remoteState.isEmpty() ? m_remoteState
                              : at.isEmpty()           ? QString()
                                             : tr("Mounted on %1 at %2").arg(m_runtimeName, at));
        updateActions();
        return;
    }
    const MountManager::Status s = m_mounts->status(remote);
    const QString noFuse = MountManager::fuseUnavailableReason();
    using S = MountManager::State;
    const bool mounted = s.state == S::Mounted;
    m_mountButton->setText(
        mounted || s.state == S::Syncing || s.state == S::Unmounting ? tr("Unmount") : tr("Mount"));
    m_mountButton->setEnabled(
        !remote.isEmpty() && noFuse.isEmpty() &&
        (s.state == S::Unmounted || s.state == S::Mounted || s.state == S::Error));
    m_mountState->setText(!noFuse.isEmpty()  ? noFuse
                          : remote.isEmpty() ? QString()
                                             : MountManager::describe(s));
    updateActions();
}

void DrivePanel::toggleMount() {
    const QString remote = currentRemote();
    if (m_remoteMount) {
        m_remoteBusy = true;
        const bool mounted = !m_remoteMount->mountPoint(remote).isEmpty();
        m_remoteState = mounted
                            ? tr("Waiting for uploads, then unmounting on %1…").arg(m_runtimeName)
                            : tr("Mounting on %1…").arg(m_runtimeName);
        if (mounted)
            m_remoteMount->unmount(remote);
        else
            m_remoteMount->mount(remote);
        updateMountState();
        return;
    }
    const auto s = m_mounts->status(remote);
    if (s.state == MountManager::State::Mounted)
        m_mounts->unmount(remote);
    else if (s.state == MountManager::State::Error && !s.mountPoint.isEmpty())
        m_mounts->unmount(remote);
    else
        m_mounts->mount(remote);
}

QModelIndex DrivePanel::selected() const {
    const QModelIndexList rows = m_tree->selectionModel()->selectedRows();
    return rows.isEmpty() ? QModelIndex() : rows.first();
}

QString DrivePanel::selectedFolder() const {
    const QModelIndex i = selected();
    if (!i.isValid())
        return {};
    return m_model->isDir(i) ? m_model->pathOf(i) : DriveModel::parentPath(m_model->pathOf(i));
}

void DrivePanel::setInsertPathEnabled(bool enabled) {
    m_insertEnabled = enabled;
    updateActions();
}

void DrivePanel::updateActions() {
    const bool remote = !currentRemote().isEmpty();
    const bool item = selected().isValid();
    m_removeRemote->setEnabled(remote);
    m_newFolder->setEnabled(remote);
    m_upload->setEnabled(remote);
    m_refresh->setEnabled(remote);
    for (QAction* a : {m_download, m_rename, m_delete, m_copyPath})
        a->setEnabled(remote && item);
    m_insertPath->setEnabled(remote && item && m_insertEnabled);
}

void DrivePanel::showError(const QString& text) {
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

QString DrivePanel::selectedPathForCode() const {
    const QModelIndex i = selected();
    if (!i.isValid())
        return {};
    const QString path = m_model->pathOf(i);
    // Code runs on the notebook's runtime: a mount there, else this machine's mount.
    const QString mp = m_remoteMount ? m_remoteMount->mountPoint(currentRemote())
                                     : m_mounts->mountPoint(currentRemote());
    if (!mp.isEmpty())
        return path.isEmpty() ? mp : mp + u'/' + path;
    return currentRemote() + u':' + path;
}

void DrivePanel::copyPath() {
    if (const QString p = selectedPathForCode(); !p.isEmpty())
        QGuiApplication::clipboard()->setText(p);
}

void DrivePanel::newFolder() {
    const QString folder = selectedFolder();
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New Folder"), tr("Folder name:"),
                                               QLineEdit::Normal, tr("Untitled Folder"), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    if (name.contains(u'/')) {
        showError(tr("A folder name cannot contain “/”."));
        return;
    }
    m_ops->makeFolder(DriveModel::joinPath(folder, name));
}

void DrivePanel::renameSelected() {
    const QModelIndex i = selected();
    if (!i.isValid())
        return;
    const QString path = m_model->pathOf(i);
    const QString old = path.section(u'/', -1);
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Rename"), tr("New name:"), QLineEdit::Normal, old, &ok)
            .trimmed();
    if (!ok || name.isEmpty() || name == old)
        return;
    if (name.contains(u'/')) {
        showError(tr("A name cannot contain “/”."));
        return;
    }
    m_ops->rename(path, name, m_model->isDir(i));
}

void DrivePanel::deleteSelected() {
    const QModelIndex i = selected();
    if (!i.isValid())
        return;
    const QString path = m_model->pathOf(i);
    const bool dir = m_model->isDir(i);
    const QString question =
        dir ? tr("Delete the folder “%1” and everything in it from %2?").arg(path, currentRemote())
            : tr("Delete “%1” from %2?").arg(path, currentRemote());
    if (QMessageBox::question(this, tr("Delete"), question, QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    m_ops->remove(path, dir);
}

void DrivePanel::downloadSelected() {
    const QModelIndex i = selected();
    if (!i.isValid())
        return;
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Download To"),
        QStandardPaths::writableLocation(QStandardPaths::DownloadLocation));
    if (!folder.isEmpty())
        m_ops->download(m_model->pathOf(i), m_model->isDir(i), folder);
}

void DrivePanel::upload() {
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Upload Files"));
    const QString folder = selectedFolder();
    for (const QString& f : files)
        m_ops->upload(f, folder);
}

void DrivePanel::openItem(const QModelIndex& index) {
    if (!index.isValid() || m_model->isDir(index))
        return; // folders expand
    const QString path = m_model->pathOf(index);
    const bool notebook = path.endsWith(QLatin1String(".ipynb"), Qt::CaseInsensitive);
    auto open = [this, notebook](const QString& local) {
        if (notebook)
            emit openNotebookRequested(local);
        else
            QDesktopServices::openUrl(QUrl::fromLocalFile(local));
    };
    if (const QString mp = m_mounts->mountPoint(currentRemote()); !mp.isEmpty()) {
        open(mp + u'/' + path);
        return;
    }
    // Not mounted: a copy in the cache, opened once it is there.
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
                          QStringLiteral("/drive-open/") + currentRemote() + u'/' +
                          DriveModel::parentPath(path);
    QDir().mkpath(cache);
    RcJob* job = m_ops->download(path, false, cache);
    const QString local = cache + u'/' + path.section(u'/', -1);
    connect(job, &RcJob::finished, this, [job, local, open] {
        if (job->state() == RcJob::State::Succeeded)
            open(local);
    });
}

QString DrivePanel::askRemoteName(const QString& title, const QString& suggested) {
    bool ok = false;
    const QString name = QInputDialog::getText(this, title, tr("Name for this remote:"),
                                               QLineEdit::Normal, suggested, &ok)
                             .trimmed();
    return ok ? name : QString();
}

void DrivePanel::connectGoogleDrive() {
    const QString name = askRemoteName(tr("Connect Google Drive"), QStringLiteral("gdrive"));
    if (name.isEmpty())
        return;
    auto* signIn = new DriveSignIn(m_daemon, m_remotes, this);
    auto* progress = new QProgressDialog(this);
    progress->setWindowTitle(tr("Connect Google Drive"));
    progress->setRange(0, 0);
    progress->setMinimumDuration(0);
    progress->setLabelText(tr("Starting…"));
    progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(signIn, &DriveSignIn::status, progress, &QProgressDialog::setLabelText);
    connect(signIn, &DriveSignIn::openBrowser, this, [progress](const QUrl& url) {
        progress->setLabelText(
            DriveSignIn::tr("Sign in with Google in your browser. If it did not open, visit\n%1")
                .arg(url.toString()));
        QDesktopServices::openUrl(url);
    });
    connect(progress, &QProgressDialog::canceled, signIn, &DriveSignIn::cancel);
    auto done = [this, signIn, progress] {
        signIn->deleteLater();
        progress->disconnect(signIn);
        progress->close();
    };
    connect(signIn, &DriveSignIn::finished, this, [this, done, name] {
        done();
        reloadRemotes(name);
    });
    connect(signIn, &DriveSignIn::failed, this, [this, done](const QString& why) {
        done();
        QMessageBox::warning(this, tr("Connect Google Drive"), why);
    });
    connect(signIn, &DriveSignIn::cancelled, this, [this, done] {
        done();
        showError(tr("Sign-in cancelled; Google Drive was not connected."));
    });
    progress->show();
    signIn->start(name);
}

void DrivePanel::addRemote() {
    AddRemoteDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto* setup = new RemoteSetup(m_daemon->client(), m_remotes, this);
    const QString name = dialog.remoteName();
    // rclone asks what the parameters did not settle, one question at a time.
    connect(setup, &RemoteSetup::questionAsked, this, [this, setup](const RemoteQuestion& q) {
        bool ok = false;
        QString label = q.help.isEmpty() ? q.name : q.help;
        if (!q.error.isEmpty())
            label = q.error + QStringLiteral("\n\n") + label;
        QString value;
        if (!q.examples.isEmpty()) {
            const int current = qMax(0, int(q.examples.indexOf(q.defaultValue)));
            value = QInputDialog::getItem(this, tr("Add Remote"), label, q.examples, current, true,
                                          &ok);
        } else {
            value = QInputDialog::getText(this, tr("Add Remote"), label,
                                          q.isPassword ? QLineEdit::Password : QLineEdit::Normal,
                                          q.defaultValue, &ok);
        }
        if (!ok) {
            setup->cancel();
            setup->deleteLater();
            return;
        }
        setup->answer(value);
    });
    connect(setup, &RemoteSetup::finished, this, [this, setup, name] {
        setup->deleteLater();
        reloadRemotes(name);
    });
    connect(setup, &RemoteSetup::failed, this, [this, setup](const QString& why) {
        setup->deleteLater();
        QMessageBox::warning(this, tr("Add Remote"), why);
    });
    setup->start(name, dialog.type(), dialog.parameters());
}

} // namespace quire::drive
