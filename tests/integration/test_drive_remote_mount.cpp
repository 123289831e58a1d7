// Drive on a remote runtime: rclone on the server mounts the remote signed in here (its config
// passed over the terminals API), a kernel of that runtime writes a CSV into the mount, and
// after the unmount (which waits for rclone's upload queue) the file is on the remote. Without
// rclone on the server, the probe says Drive there is browse and copy only. This machine plays
// the server: a real jupyter_server on 127.0.0.1.
#include "drive/mount_manager.h"
#include "drive/remote_mount.h"
#include "jupyter_server_fixture.h"
#include "kernelclient/jupyter_server.h"
#include "kernelclient/kernel_client.h"
#include "kernelclient/remote_kernel_starter.h"
#include "test_drive_support.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace quire;
using kernel::test::JupyterServerProcess;

namespace {

std::unique_ptr<kernel::JupyterServer> clientFor(const JupyterServerProcess& server) {
    auto endpoint = kernel::ServerEndpoint::parse(server.urlWithToken());
    return endpoint ? std::make_unique<kernel::JupyterServer>(*endpoint) : nullptr;
}

} // namespace

class TestDriveRemoteMount : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (const QString why = kernel::test::missingModule(QStringLiteral("jupyter_server"));
            !why.isEmpty())
            QSKIP(qPrintable(why));
    }

    void withoutRcloneOnTheServerItIsBrowseOnly() {
        // The server's PATH has a shell and the basics, not rclone.
        QTemporaryDir bin;
        for (const char* tool : {"bash", "sh", "stty", "head", "env", "cat"})
            QVERIFY(QFile::link(QStandardPaths::findExecutable(QString::fromLatin1(tool)),
                                bin.filePath(QString::fromLatin1(tool))));
        JupyterServerProcess server;
        server.environment.insert(QStringLiteral("PATH"), bin.path());
        // No login shell: /etc/profile would put /usr/bin back on the PATH.
        server.extraArgs << QStringLiteral("--ServerApp.terminado_settings={'shell_command': "
                                           "['%1', '--noprofile', '--norc']}")
                                .arg(bin.filePath(QStringLiteral("bash")));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        auto rest = clientFor(server);
        drive::RemoteMount mount(rest.get(), nullptr);
        QSignalSpy probed(&mount, &drive::RemoteMount::probed);
        mount.probe();
        QVERIFY(probed.wait(30000));
        QCOMPARE(probed.first().at(0).toBool(), false);
        QVERIFY2(probed.first().at(1).toString().contains(QStringLiteral("browse and copy")),
                 qPrintable(probed.first().at(1).toString()));
    }

    void kernelOnTheRuntimeWritesIntoTheMount() {
        if (const QString why = drive::MountManager::fuseUnavailableReason(); !why.isEmpty())
            QSKIP(qPrintable(why));
        // Throttled, so the 8 MB file is still uploading when the unmount is asked for.
        drive::test::WebdavServer drive(QStringLiteral("2M"));
        QVERIFY(drive.waitReady());
        QTemporaryDir home;
        auto daemon = drive::test::startDaemon(home);
        QVERIFY(daemon);
        QVERIFY(drive::test::createWebdavRemote(*daemon, QStringLiteral("mydrive"), drive.url()));

        JupyterServerProcess server;
        QTemporaryDir serverHome; // the server user's home: config and cache land there
        server.environment.insert(QStringLiteral("HOME"), serverHome.path());
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        auto rest = clientFor(server);
        drive::RemoteMount mount(rest.get(), daemon->client());
        QSignalSpy probed(&mount, &drive::RemoteMount::probed);
        mount.probe();
        QVERIFY(probed.wait(30000));
        QVERIFY2(probed.first().at(0).toBool(), qPrintable(probed.first().at(1).toString()));
        QVERIFY(probed.first().at(1).toString().startsWith(QStringLiteral("rclone")));

        QSignalSpy mounted(&mount, &drive::RemoteMount::mounted);
        QSignalSpy failed(&mount, &drive::RemoteMount::failed);
        mount.mount(QStringLiteral("mydrive"));
        QVERIFY(QTest::qWaitFor([&] { return !mounted.isEmpty() || !failed.isEmpty(); }, 60000));
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
        const QString point = mounted.first().at(1).toString();
        QCOMPARE(point, serverHome.path() + QStringLiteral("/QuireDrive/mydrive"));
        // the remote's config went over with owner-only permissions
        const QFileInfo conf(serverHome.path() +
                             QStringLiteral("/.config/quire-drive/mydrive.conf"));
        QVERIFY(conf.exists());
        QCOMPARE(conf.permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());

        // a kernel of that runtime saves a DataFrame there
        kernel::KernelClient client;
        QSignalSpy attached(client.startRemote(rest.get(), QStringLiteral("python3"),
                                               QStringLiteral("drive.ipynb")),
                            &kernel::RemoteKernelStarter::attached);
        QVERIFY(attached.wait(60000));
        QVERIFY(QTest::qWaitFor([&] { return client.isReady(); }, 60000));
        bool done = false;
        QString status;
        kernel::Request* r = client.execute(
            QStringLiteral("import pandas as pd\n"
                           "pd.DataFrame({'a': [1, 2], 'b': [3, 4]}).to_csv(%1, index=False)\n"
                           "open(%2, 'wb').write(bytes(range(256)) * 32768)")
                .arg(QStringLiteral("'%1/data.csv'").arg(point),
                     QStringLiteral("'%1/weights.bin'").arg(point)),
            {}, &client);
        connect(r, &kernel::Request::finished, this, [&](const kernel::Message& reply) {
            status = QString::fromStdString(reply.content.value("status", std::string()));
            done = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 60000));
        QCOMPARE(status, QStringLiteral("ok"));

        QSignalSpy unmounted(&mount, &drive::RemoteMount::unmounted);
        mount.unmount(QStringLiteral("mydrive"));
        QVERIFY(QTest::qWaitFor([&] { return !unmounted.isEmpty() || failed.size() > 0; }, 150000));
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
        QFile csv(drive.file(QStringLiteral("data.csv")));
        QVERIFY2(csv.open(QIODevice::ReadOnly), "the CSV never reached the remote");
        QCOMPARE(csv.readAll(), QByteArray("a,b\n1,3\n2,4\n"));
        QCOMPARE(QFileInfo(drive.file(QStringLiteral("weights.bin"))).size(), qint64(256 * 32768));
        QVERIFY(mount.mountPoint(QStringLiteral("mydrive")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDriveRemoteMount)
#include "test_drive_remote_mount.moc"
