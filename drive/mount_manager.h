#pragma once

#include <QHash>
#include <QObject>
#include <QString>

class QTimer;

namespace quire::drive {

class RcloneDaemon;

// FUSE mounts of remotes through rcd: mount/mount with the "writes" VFS cache, mount/listmounts,
// and unmounts that first wait for the VFS's queued uploads (vfs/stats) so nothing written into
// the mount is lost.
class MountManager : public QObject {
    Q_OBJECT
public:
    enum class State { Unmounted, Mounting, Mounted, Syncing, Unmounting, Error };
    Q_ENUM(State)

    struct Status {
        State state = State::Unmounted;
        QString mountPoint;
        int pendingUploads = 0; // while Syncing
        QString error;          // while Error
    };

    explicit MountManager(RcloneDaemon* daemon, QObject* parent = nullptr);

    // Empty when mounting can work here, else why not (for users).
    static QString fuseUnavailableReason();
    static QString defaultMountPoint(const QString& remote); // ~/QuireDrive/<remote>

    void mount(const QString& remote, const QString& mountPoint = {});
    void unmount(const QString& remote);
    void refresh(); // mount/listmounts
    // Exit path: waits (blocking, at most timeoutMs) for uploads, then unmounts everything.
    void shutdown(int timeoutMs);

    Status status(const QString& remote) const { return m_status.value(remote); }
    QString mountPoint(const QString& remote) const; // empty unless mounted
    static QString describe(const Status& status);

signals:
    void statusChanged(const QString& remote);

private:
    void set(const QString& remote, const Status& status);
    void pollUploads(const QString& remote);
    void finishUnmount(const QString& remote);
    void forgetLostMounts();

    RcloneDaemon* m_daemon;
    QHash<QString, Status> m_status;
};

} // namespace quire::drive
