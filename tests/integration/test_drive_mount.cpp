// A real FUSE mount of a webdav remote into which a real ipykernel writes a CSV with pandas;
// unmounting waits for the VFS's queued uploads, then the file is on the "cloud" side.
#include "drive/mount_manager.h"
#include "test_drive_support.h"
#include "test_kernel_support.h"

#include <QFile>
#include <QJsonArray>

using namespace quire::drive;
using namespace quire::drive::test;

class TestDriveMount : public QObject {
    Q_OBJECT
private slots:
    void kernelWritesCsvIntoMount() {
        if (const QString why = MountManager::fuseUnavailableReason(); !why.isEmpty())
            QSKIP(qPrintable(why));
        WebdavServer server;
        QVERIFY(server.waitReady());
        QTemporaryDir home;
        auto d = startDaemon(home);
        QVERIFY(d);
        QVERIFY(createWebdavRemote(*d, QStringLiteral("dav"), server.url()));

        MountManager mounts(d.get());
        const QString mp = home.filePath(QStringLiteral("QuireDrive/dav"));
        mounts.mount(QStringLiteral("dav"), mp);
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto s = mounts.status(QStringLiteral("dav")).state;
                return s == MountManager::State::Mounted || s == MountManager::State::Error;
            },
            15000));
        const auto st = mounts.status(QStringLiteral("dav"));
        if (st.state == MountManager::State::Error &&
            (st.error.contains(QStringLiteral("permission")) ||
             st.error.contains(QStringLiteral("fusermount"))))
            QSKIP(qPrintable(QStringLiteral("mounting is not permitted here: ") + st.error));
        QVERIFY2(st.state == MountManager::State::Mounted, qPrintable(st.error));
        QCOMPARE(mounts.mountPoint(QStringLiteral("dav")), mp);
        QCOMPARE(MountManager::describe(st), QStringLiteral("Mounted at ") + mp);

        auto kernel = quire::kernel::test::startKernel(QStringLiteral("python3"));
        QVERIFY2(kernel, "no python3 kernel (ipykernel) could be started");
        const QString code =
            QStringLiteral("import pandas as pd\n"
                           "df = pd.DataFrame({'x': range(1000), 'y': [i * i for i in "
                           "range(1000)]})\n"
                           "df.to_csv(r'%1/data.csv', index=False)\n"
                           "print(len(open(r'%1/data.csv').read()))")
                .arg(mp);
        auto run = quire::kernel::test::execute(*kernel, code);
        QVERIFY(run->finished);
        QCOMPARE_STR(run->status(), "ok");
        const int written = run->stream().trimmed().toInt();
        QVERIFY(written > 5000);

        // With the writes cache, the upload is still queued (write-back delay): unmounting
        // must wait for it and say so.
        QList<int> pending;
        connect(&mounts, &MountManager::statusChanged, this, [&] {
            const auto s = mounts.status(QStringLiteral("dav"));
            if (s.state == MountManager::State::Syncing)
                pending << s.pendingUploads;
        });
        mounts.unmount(QStringLiteral("dav"));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return mounts.status(QStringLiteral("dav")).state == MountManager::State::Unmounted;
            },
            30000));
        QVERIFY2(std::any_of(pending.begin(), pending.end(), [](int n) { return n > 0; }),
                 "the unmount did not report queued uploads");
        QFile csv(server.file(QStringLiteral("data.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray content = csv.readAll();
        QCOMPARE(content.size(), written);
        QVERIFY(content.startsWith("x,y\n0,0\n1,1\n2,4\n"));
        QVERIFY(content.endsWith("999,998001\n"));
        QVERIFY(rc(*d, QStringLiteral("mount/listmounts"))
                    .json.value(QStringLiteral("mountPoints"))
                    .toArray()
                    .isEmpty());
        kernel->shutdown();
    }

    void noFuseIsExplained() {
        const QString why = MountManager::fuseUnavailableReason();
        if (why.isEmpty())
            QVERIFY(QFile::exists(QStringLiteral("/dev/fuse")));
        else
            QVERIFY(why.contains(QStringLiteral("mounting needs FUSE")));
    }
};

QTEST_GUILESS_MAIN(TestDriveMount)
#include "test_drive_mount.moc"
