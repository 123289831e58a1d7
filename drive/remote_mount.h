#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>

namespace quire::kernel {
class JupyterServer;
}

namespace quire::drive {

class RcloneClient;

// Mounts a remote on a remote runtime, where that runtime's kernels can use it: rclone must
// exist on the server. Runs through the server's terminals API; the sign-in stays on this
// machine and the remote's configuration (its token included) is passed over into a 0600 file
// of the server user's. Without rclone there, Drive on that runtime is browse and copy only.
class RemoteMount : public QObject {
    Q_OBJECT
public:
    RemoteMount(kernel::JupyterServer* server, RcloneClient* local, QObject* parent = nullptr);

    // Whether rclone runs on the server: probed(available, detail) follows.
    void probe();
    // Mounts `remote` at `mountPoint` on the server ("" = ~/QuireDrive/<remote> there).
    void mount(const QString& remote, const QString& mountPoint = {});
    // Unmounts after the uploads rclone still holds for `remote` have gone out.
    void unmount(const QString& remote);
    // Where `remote` is mounted on the server ("" when it is not).
    QString mountPoint(const QString& remote) const { return m_mounted.value(remote); }

    // Remote names Quire passes to a shell: letters, digits, '_', '-', '.', ' ' only.
    static bool isSafeName(const QString& remote);

signals:
    void probed(bool available, const QString& detail);
    void mounted(const QString& remote, const QString& mountPoint);
    void unmounted(const QString& remote);
    void failed(const QString& remote, const QString& message);

private:
    void runOnServer(const QString& command, int timeoutMs,
                     std::function<void(bool ok, int exitCode, const QString& output)> done);
    void mountWithConfig(const QString& remote, const QString& config, const QString& mountPoint);

    QPointer<kernel::JupyterServer> m_server;
    QPointer<RcloneClient> m_local;
    QHash<QString, QString> m_mounted;
};

} // namespace quire::drive
