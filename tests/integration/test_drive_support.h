// Helpers for the Drive tests: a local `rclone serve webdav` playing the cloud, and a daemon
// whose config and cache live in a temporary folder. Real rclone, no network.
#pragma once

#include "drive/rclone_client.h"
#include "drive/rclone_daemon.h"
#include "drive/remote_setup.h"
#include "drive/remotes.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace quire::drive::test {

inline int freePort() {
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

// `rclone serve webdav <folder>` on a free loopback port; --bwlimit slows it for progress tests.
class WebdavServer {
public:
    explicit WebdavServer(const QString& bwlimit = {}) {
        m_port = freePort();
        QStringList args{QStringLiteral("serve"),
                         QStringLiteral("webdav"),
                         m_dir.path(),
                         QStringLiteral("--addr"),
                         QStringLiteral("127.0.0.1:%1").arg(m_port),
                         QStringLiteral("--config"),
                         QStringLiteral("/dev/null")};
        if (!bwlimit.isEmpty())
            args << QStringLiteral("--bwlimit") << bwlimit;
        m_process.start(QStringLiteral("rclone"), args);
    }
    ~WebdavServer() {
        m_process.kill();
        m_process.waitForFinished(3000);
    }
    bool waitReady() {
        return QTest::qWaitFor(
            [this] {
                QTcpSocket s;
                s.connectToHost(QHostAddress::LocalHost, quint16(m_port));
                return s.waitForConnected(100);
            },
            10000);
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    QString folder() const { return m_dir.path(); }
    QString file(const QString& relative) const { return m_dir.filePath(relative); }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
};

// A daemon with its config and cache in `home`.
inline std::unique_ptr<RcloneDaemon> startDaemon(const QTemporaryDir& home) {
    auto d = std::make_unique<RcloneDaemon>();
    d->setConfigPath(home.filePath(QStringLiteral("config/rclone.conf")));
    d->setCacheDir(home.filePath(QStringLiteral("cache")));
    QSignalSpy ready(d.get(), &RcloneDaemon::ready);
    d->start();
    if (!ready.wait(20000))
        return nullptr;
    return d;
}

// Makes a webdav remote through the same config state machine the UI uses.
inline bool createWebdavRemote(RcloneDaemon& daemon, const QString& name, const QString& url) {
    Remotes remotes(daemon.client());
    RemoteSetup setup(daemon.client(), &remotes);
    QSignalSpy done(&setup, &RemoteSetup::finished);
    setup.start(
        name, QStringLiteral("webdav"),
        {{QStringLiteral("url"), url}, {QStringLiteral("vendor"), QStringLiteral("other")}});
    return done.wait(10000);
}

inline RcResult rc(RcloneDaemon& daemon, const QString& command, const QJsonObject& params = {}) {
    return daemon.client()->callAndWait(command, params, 20000);
}

} // namespace quire::drive::test
