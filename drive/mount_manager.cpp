#include "mount_manager.h"

#include "rclone_client.h"
#include "rclone_daemon.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

namespace quire::drive {

namespace {
QString fsOf(const QString& remote) {
    return remote + u':';
}
QString fusermount() {
    QString exe = QStandardPaths::findExecutable(QStringLiteral("fusermount3"));
    return exe.isEmpty() ? QStandardPaths::findExecutable(QStringLiteral("fusermount")) : exe;
}
} // namespace

MountManager::MountManager(RcloneDaemon* daemon, QObject* parent)
    : QObject(parent), m_daemon(daemon) {
    connect(daemon, &RcloneDaemon::restarting, this, &MountManager::forgetLostMounts);
    connect(daemon, &RcloneDaemon::ready, this, &MountManager::refresh);
}

QString MountManager::fuseUnavailableReason() {
    if (!QFileInfo::exists(QStringLiteral("/dev/fuse")))
        return tr("Browse and copy work; mounting needs FUSE (/dev/fuse is missing here).");
    if (fusermount().isEmpty())
        return tr("Browse and copy work; mounting needs FUSE (install fuse3 for fusermount3).");
    return {};
}

QString MountManager::defaultMountPoint(const QString& remote) {
    return QDir::homePath() + QStringLiteral("/QuireDrive/") + remote;
}

QString MountManager::mountPoint(const QString& remote) const {
    const Status s = m_status.value(remote);
    return s.state == State::Mounted || s.state == State::Syncing ? s.mountPoint : QString();
}

void MountManager::set(const QString& remote, const Status& status) {
    m_status.insert(remote, status);
    emit statusChanged(remote);
}

void MountManager::mount(const QString& remote, const QString& mountPoint) {
    if (const QString why = fuseUnavailableReason(); !why.isEmpty()) {
        set(remote, {State::Error, {}, 0, why});
        return;
    }
    const QString mp = mountPoint.isEmpty() ? defaultMountPoint(remote) : mountPoint;
    if (!QDir().mkpath(mp)) {
        set(remote, {State::Error, mp, 0, tr("Cannot create the folder %1.").arg(mp)});
        return;
    }
    set(remote, {State::Mounting, mp, 0, {}});
    const QJsonObject body{{QStringLiteral("fs"), fsOf(remote)},
                           {QStringLiteral("mountPoint"), mp},
                           {QStringLiteral("vfsOpt"),
                            QJsonObject{{QStringLiteral("CacheMode"), QStringLiteral("writes")}}}};
    m_daemon->client()->call(
        QStringLiteral("mount/mount"), body, this, [this, remote, mp](const RcResult& r) {
            if (r.ok)
                set(remote, {State::Mounted, mp, 0, {}});
            else
                set(remote, {State::Error, mp, 0, tr("Mounting failed: %1").arg(r.error)});
        });
}

void MountManager::refresh() {
    m_daemon->client()->call(
        QStringLiteral("mount/listmounts"), {}, this, [this](const RcResult& r) {
            if (!r.ok)
                return;
            QHash<QString, QString> live;
            for (const QJsonValue& v : r.json.value(QLatin1String("mountPoints")).toArray()) {
                const QJsonObject o = v.toObject();
                QString fs = o.value(QLatin1String("Fs")).toString();
                fs.chop(1); // "name:" → "name"
                live.insert(fs, o.value(QLatin1String("MountPoint")).toString());
            }
            for (auto it = live.begin(); it != live.end(); ++it)
                if (m_status.value(it.key()).state == State::Unmounted)
                    set(it.key(), {State::Mounted, it.value(), 0, {}});
            for (const QString& remote : m_status.keys())
                if (m_status.value(remote).state == State::Mounted && !live.contains(remote))
                    set(remote, {});
        });
}

void MountManager::unmount(const QString& remote) {
    Status s = m_status.value(remote);
    if (s.state != State::Mounted && s.state != State::Error)
        return;
    if (s.state == State::Error && s.mountPoint.isEmpty()) {
        set(remote, {});
        return;
    }
    s.state = State::Syncing;
    set(remote, s);
    pollUploads(remote);
}

void MountManager::pollUploads(const QString& remote) {
    m_daemon->client()->call(
        QStringLiteral("vfs/stats"), {{QStringLiteral("fs"), fsOf(remote)}}, this,
        [this, remote](const RcResult& r) {
            Status s = m_status.value(remote);
            if (s.state != State::Syncing)
                return;
            const QJsonObject cache = r.json.value(QLatin1String("diskCache")).toObject();
            const int pending = cache.value(QLatin1String("uploadsQueued")).toInt() +
                                cache.value(QLatin1String("uploadsInProgress")).toInt();
            if (r.ok && pending > 0) {
                s.pendingUploads = pending;
                set(remote, s);
                QTimer::singleShot(300, this, [this, remote] { pollUploads(remote); });
                return;
            }
            finishUnmount(remote);
        });
}

void MountManager::finishUnmount(const QString& remote) {
    Status s = m_status.value(remote);
    s.state = State::Unmounting;
    s.pendingUploads = 0;
    set(remote, s);
    m_daemon->client()->call(
        QStringLiteral("mount/unmount"), {{QStringLiteral("mountPoint"), s.mountPoint}}, this,
        [this, remote, mp = s.mountPoint](const RcResult& r) {
            if (r.ok)
                set(remote, {});
            else
                set(remote, {State::Error, mp, 0, tr("Unmounting failed: %1").arg(r.error)});
        });
}

void MountManager::forgetLostMounts() {
    // rcd died: its FUSE mounts are dead ends ("transport endpoint is not connected").
    for (const QString& remote : m_status.keys()) {
        const Status s = m_status.value(remote);
        if (s.mountPoint.isEmpty() || s.state == State::Unmounted)
            continue;
        if (const QString fm = fusermount(); !fm.isEmpty())
            QProcess::execute(fm, {QStringLiteral("-uz"), s.mountPoint});
        set(remote,
            {State::Error, {}, 0, tr("The mount was lost when rclone stopped; mount it again.")});
    }
}

void MountManager::shutdown(int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    RcloneClient* client = m_daemon->client();
    if (m_daemon->state() != RcloneDaemon::State::Running)
        return;
    for (const QString& remote : m_status.keys()) {
        if (mountPoint(remote).isEmpty())
            continue;
        while (clock.elapsed() < timeoutMs) {
            const RcResult r = client->callAndWait(QStringLiteral("vfs/stats"),
                                                   {{QStringLiteral("fs"), fsOf(remote)}}, 2000);
            const QJsonObject c = r.json.value(QLatin1String("diskCache")).toObject();
            if (!r.ok || c.value(QLatin1String("uploadsQueued")).toInt() +
                                 c.value(QLatin1String("uploadsInProgress")).toInt() ==
                             0)
                break;
            QThread::msleep(200);
        }
    }
    client->callAndWait(QStringLiteral("mount/unmountall"), {}, 5000);
    for (const QString& remote : m_status.keys())
        m_status[remote] = {};
}

QString MountManager::describe(const Status& s) {
    switch (s.state) {
    case State::Unmounted:
        return tr("Not mounted");
    case State::Mounting:
        return tr("Mounting…");
    case State::Mounted:
        return tr("Mounted at %1").arg(QDir::toNativeSeparators(s.mountPoint));
    case State::Syncing:
        return s.pendingUploads > 0 ? tr("Syncing %n upload(s)…", nullptr, s.pendingUploads)
                                    : tr("Syncing…");
    case State::Unmounting:
        return tr("Unmounting…");
    case State::Error:
        return s.error;
    }
    return {};
}

} // namespace quire::drive
