#pragma once

#include <QPointer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;
class QToolButton;
class QTreeView;

namespace quire::drive {

class DriveModel;
class DriveOperations;
class DriveSignIn;
class MountManager;
class RcloneDaemon;
class RemoteMount;
class Remotes;
class TransferList;

// The Drive sidebar: remote picker and quota, mount / unmount with its state, the lazy file
// tree (double-click opens, drop uploads), file actions, and the transfers with progress and
// cancel. When rclone is missing or failed it shows why instead of the controls.
class DrivePanel : public QWidget {
    Q_OBJECT
public:
    explicit DrivePanel(RcloneDaemon* daemon, QWidget* parent = nullptr);

    DriveModel* model() const { return m_model; }
    MountManager* mounts() const { return m_mounts; }
    TransferList* transfers() const { return m_transfers; }
    QTreeView* tree() const { return m_tree; }
    QString currentRemote() const;
    void setCurrentRemote(const QString& name);
    // The path of the selected item as code can use it: under the mount when mounted, else
    // "remote:path". Empty when nothing is selected.
    QString selectedPathForCode() const;
    QString messageText() const; // the notice shown instead of the controls, or the last error
    void setInsertPathEnabled(bool enabled); // a code cell can take it
    void showError(const QString& text);     // under the tree until the next remote switch

    void connectGoogleDrive();
    void addRemote();
    void newFolder();
    void renameSelected();
    void deleteSelected();
    void downloadSelected();
    void upload();
    void copyPath();
    void toggleMount();
    // The current notebook runs on a remote runtime (`name`): Mount acts there, through
    // `mount` (null: this machine). Probes whether rclone exists there first.
    void setRemoteRuntime(const QString& name, RemoteMount* mount);

signals:
    void openNotebookRequested(const QString& localPath);
    void insertPathRequested(const QString& path);

private:
    void onDaemonState();
    void reloadRemotes(const QString& select = {});
    void onRemoteChanged();
    void updateMountState();
    void updateActions();
    void openItem(const QModelIndex& index);
    QModelIndex selected() const;
    QString selectedFolder() const; // the folder selected, or the one holding the selected file
    QString askRemoteName(const QString& title, const QString& suggested);

    RcloneDaemon* m_daemon;
    Remotes* m_remotes;
    MountManager* m_mounts;
    DriveModel* m_model;
    TransferList* m_transfers;
    DriveOperations* m_ops;
    QStackedWidget* m_stack;
    QLabel* m_notice;
    QComboBox* m_remotePicker;
    QToolButton* m_addButton;
    QLabel* m_quota;
    QPushButton* m_mountButton;
    QLabel* m_mountState;
    QTreeView* m_tree;
    QListView* m_transferView;
    QLabel* m_error;
    QAction* m_newFolder;
    QAction* m_upload;
    QAction* m_download;
    QAction* m_rename;
    QAction* m_delete;
    QAction* m_copyPath;
    QAction* m_insertPath;
    QAction* m_refresh;
    QAction* m_removeRemote;
    QAction* m_cancelTransfer;
    bool m_insertEnabled = false;
    QPointer<RemoteMount> m_remoteMount; // the current runtime's, when it is remote
    QString m_runtimeName;
    QString m_remoteState; // what the remote runtime's mount is doing or why it cannot
    bool m_remoteAvailable = false;
    bool m_remoteBusy = false;
};

} // namespace quire::drive
