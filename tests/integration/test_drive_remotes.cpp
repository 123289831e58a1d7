// Remotes and files against a local `rclone serve webdav` playing the cloud: config/create's
// state machine, listing, quota, the file operations as jobs (with progress and cancel on a
// throttled 50 MB file), and Google Drive's OAuth state machine up to the token question.
#include "drive/drive_model.h"
#include "drive/drive_operations.h"
#include "drive/drive_sign_in.h"
#include "drive/rc_job.h"
#include "drive/transfer_list.h"
#include "test_drive_support.h"

#include <QFile>
#include <QJsonArray>

using namespace quire::drive;
using namespace quire::drive::test;

namespace {
bool waitJob(RcJob* job, int ms = 30000) {
    return QTest::qWaitFor([job] { return job->isFinished(); }, ms);
}
void writeFile(const QString& path, const QByteArray& data) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}
QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
QStringList names(DriveModel& model, const QModelIndex& parent = {}) {
    QStringList out;
    for (int r = 0; r < model.rowCount(parent); ++r)
        out << model.index(r, 0, parent).data().toString();
    return out;
}
} // namespace

class TestDriveRemotes : public QObject {
    Q_OBJECT
private slots:
    void webdavRemoteAndFiles() {
        WebdavServer server;
        QVERIFY(server.waitReady());
        writeFile(server.file(QStringLiteral("b.txt")), "bee");
        writeFile(server.file(QStringLiteral("A folder/inner.csv")), "x,y\n1,2\n");
        QTemporaryDir home;
        auto d = startDaemon(home);
        QVERIFY(d);
        QVERIFY(createWebdavRemote(*d, QStringLiteral("dav"), server.url()));

        Remotes remotes(d->client());
        QStringList listed;
        bool got = false;
        remotes.list(this, [&](QStringList n, QString) {
            listed = n;
            got = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return got; }, 5000));
        QCOMPARE(listed, QStringList{QStringLiteral("dav")});
        QMap<QString, QString> conf;
        got = false;
        remotes.get(QStringLiteral("dav"), this, [&](QMap<QString, QString> c, QString) {
            conf = c;
            got = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return got; }, 5000));
        QCOMPARE(conf.value(QStringLiteral("type")), QStringLiteral("webdav"));
        QCOMPARE(conf.value(QStringLiteral("url")), server.url());

        // rclone's webdav backend reports no quota for `rclone serve webdav`: "unknown".
        Quota quota;
        QString quotaError = QStringLiteral("pending");
        remotes.quota(QStringLiteral("dav"), this, [&](Quota q, QString e) {
            quota = q;
            quotaError = e;
        });
        QVERIFY(QTest::qWaitFor([&] { return quotaError != QLatin1String("pending"); }, 5000));
        QVERIFY2(quotaError.isEmpty(), qPrintable(quotaError));
        QVERIFY(!quota.known());
        QCOMPARE(Remotes::describe(quota), QStringLiteral("Quota unknown"));
        QCOMPARE(Remotes::describe(Remotes::parseAbout(
                     {{QStringLiteral("total"), 2000}, {QStringLiteral("used"), 1000}})),
                 QStringLiteral("1.0 kB of 2.0 kB used"));

        // The lazy tree: folders first, a folder listed when fetched.
        DriveModel model(d->client());
        QSignalSpy loaded(&model, &DriveModel::folderLoaded);
        model.setRemote(QStringLiteral("dav"));
        QVERIFY(loaded.wait(5000));
        QCOMPARE(names(model), (QStringList{QStringLiteral("A folder"), QStringLiteral("b.txt")}));
        const QModelIndex folder = model.index(0, 0);
        QVERIFY(model.isDir(folder));
        QVERIFY(model.hasChildren(folder));
        QCOMPARE(model.rowCount(folder), 0);
        QVERIFY(model.canFetchMore(folder));
        model.fetchMore(folder);
        QVERIFY(loaded.wait(5000));
        QCOMPARE(names(model, folder), QStringList{QStringLiteral("inner.csv")});
        QCOMPARE(model.index(0, DriveModel::SizeColumn, folder).data().toString(),
                 QStringLiteral("8 bytes"));
        QCOMPARE(model.pathOf(model.index(0, 0, folder)), QStringLiteral("A folder/inner.csv"));

        TransferList transfers;
        DriveOperations ops(d->client(), &model, &transfers);

        RcJob* job = ops.makeFolder(QStringLiteral("new dir"));
        QVERIFY(waitJob(job));
        QCOMPARE(job->state(), RcJob::State::Succeeded);
        QVERIFY(QFileInfo(server.file(QStringLiteral("new dir"))).isDir());
        QVERIFY(QTest::qWaitFor([&] { return names(model).contains(QStringLiteral("new dir")); },
                                5000));

        QTemporaryDir local;
        writeFile(local.filePath(QStringLiteral("up load.txt")), "uploaded ✓");
        job = ops.upload(local.filePath(QStringLiteral("up load.txt")), QStringLiteral("new dir"));
        QVERIFY(waitJob(job));
        QCOMPARE(job->state(), RcJob::State::Succeeded);
        QCOMPARE(readFile(server.file(QStringLiteral("new dir/up load.txt"))),
                 QByteArray("uploaded ✓"));

        job = ops.download(QStringLiteral("A folder/inner.csv"), false, local.path());
        QVERIFY(waitJob(job));
        QCOMPARE(job->state(), RcJob::State::Succeeded);
        QCOMPARE(readFile(local.filePath(QStringLiteral("inner.csv"))), QByteArray("x,y\n1,2\n"));

        job = ops.rename(QStringLiteral("b.txt"), QStringLiteral("c.txt"), false);
        QVERIFY(waitJob(job));
        QCOMPARE(job->state(), RcJob::State::Succeeded);
        QVERIFY(!QFile::exists(server.file(QStringLiteral("b.txt"))));
        QCOMPARE(readFile(server.file(QStringLiteral("c.txt"))), QByteArray("bee"));
        QVERIFY(
            QTest::qWaitFor([&] { return names(model).contains(QStringLiteral("c.txt")); }, 5000));

        job = ops.rename(QStringLiteral("new dir"), QStringLiteral("renamed dir"), true);
        QVERIFY(waitJob(job));
        QCOMPARE(job->state(), RcJob::State::Succeeded);
        QCOMPARE(readFile(server.file(QStringLiteral("renamed dir/up load.txt"))),
                 QByteArray("uploaded ✓"));

        job = ops.remove(QStringLiteral("c.txt"), false);
        QVERIFY(waitJob(job));
        QCOMPARE(job->state(), RcJob::State::Succeeded);
        QVERIFY(!QFile::exists(server.file(QStringLiteral("c.txt"))));
        job = ops.remove(QStringLiteral("renamed dir"), true);
        QVERIFY(waitJob(job));
        QCOMPARE(job->state(), RcJob::State::Succeeded);
        QVERIFY(!QFile::exists(server.file(QStringLiteral("renamed dir"))));
        QVERIFY(QTest::qWaitFor(
            [&] { return names(model) == QStringList{QStringLiteral("A folder")}; }, 5000));

        // A failing operation says why in words.
        job = ops.remove(QStringLiteral("no such file"), false);
        QVERIFY(waitJob(job));
        QCOMPARE(job->state(), RcJob::State::Failed);
        QVERIFY2(job->errorString().contains(QStringLiteral("does not exist")),
                 qPrintable(job->errorString()));
        QCOMPARE(transfers.rowCount(), 8);
        QCOMPARE(transfers.activeCount(), 0);
    }

    void bigTransferShowsProgressAndCancels() {
        WebdavServer server(QStringLiteral("10M")); // 50 MB take ~5 s
        QVERIFY(server.waitReady());
        QTemporaryDir home;
        auto d = startDaemon(home);
        QVERIFY(d);
        QVERIFY(createWebdavRemote(*d, QStringLiteral("slow"), server.url()));
        DriveModel model(d->client());
        model.setRemote(QStringLiteral("slow"));
        TransferList transfers;
        DriveOperations ops(d->client(), &model, &transfers);
        QTemporaryDir local;
        QByteArray big(50 * 1000 * 1000, Qt::Uninitialized);
        for (int i = 0; i < big.size(); ++i)
            big[i] = char((i * 131) ^ (i >> 9));
        writeFile(local.filePath(QStringLiteral("big.bin")), big);

        RcJob* job = ops.upload(local.filePath(QStringLiteral("big.bin")), QString());
        job->setPollInterval(100);
        QList<RcJob::Progress> seen;
        connect(job, &RcJob::progressChanged, this, [&] { seen << job->progress(); });
        QVERIFY(waitJob(job, 60000));
        QCOMPARE(job->state(), RcJob::State::Succeeded);
        const bool partial = std::any_of(seen.begin(), seen.end(), [&](const auto& p) {
            return p.bytes > 0 && p.bytes < big.size() && p.totalBytes == big.size() && p.speed > 0;
        });
        QVERIFY2(partial, "no progress between 0 and 50 MB was observed");
        QCOMPARE(QFileInfo(server.file(QStringLiteral("big.bin"))).size(), qint64(big.size()));
        QVERIFY(TransferList::describe(*job).startsWith(QStringLiteral("Done")));

        // Cancel part-way: the job ends cancelled and the file is not (fully) there.
        RcJob* second = ops.download(QStringLiteral("big.bin"), false, local.filePath("dl"));
        QDir().mkpath(local.filePath(QStringLiteral("dl")));
        second->setPollInterval(100);
        QVERIFY(QTest::qWaitFor([&] { return second->progress().bytes > 0; }, 20000));
        QVERIFY(TransferList::describe(*second).contains(QStringLiteral(" of ")));
        transfers.cancel(0);
        QVERIFY(waitJob(second, 20000));
        QCOMPARE(second->state(), RcJob::State::Cancelled);
        QVERIFY(QFileInfo(local.filePath(QStringLiteral("dl/big.bin"))).size() < big.size());
        QCOMPARE(transfers.activeCount(), 0);
    }

    // Offline, Google Drive's state machine goes as far as the token question; rclone
    // authorize prints its local sign-in address without the network, then waits.
    void driveSignInReachesTheTokenQuestion() {
        QTemporaryDir home;
        auto d = startDaemon(home);
        QVERIFY(d);
        Remotes remotes(d->client());
        RemoteSetup setup(d->client(), &remotes);
        QSignalSpy asked(&setup, &RemoteSetup::questionAsked);
        setup.start(QStringLiteral("gdrive"), QStringLiteral("drive"), {});
        QVERIFY(asked.wait(10000));
        QCOMPARE(setup.question().name, QStringLiteral("config_is_local"));
        setup.answer(QStringLiteral("false"));
        QVERIFY(asked.wait(10000));
        QCOMPARE(setup.question().name, QStringLiteral("config_token"));
        QVERIFY(setup.question().required);
        QVERIFY(setup.state().contains(QStringLiteral("oauth-authorize")));
        setup.cancel();
        QVERIFY(QTest::qWaitFor(
            [&] {
                return !rc(*d, QStringLiteral("config/listremotes"))
                            .json.value(QStringLiteral("remotes"))
                            .toArray()
                            .contains(QStringLiteral("gdrive"));
            },
            5000));

        // The whole flow: the browser address arrives, cancelling removes the remote.
        DriveSignIn signIn(d.get(), &remotes);
        QSignalSpy browser(&signIn, &DriveSignIn::openBrowser);
        QSignalSpy cancelled(&signIn, &DriveSignIn::cancelled);
        signIn.start(QStringLiteral("gdrive"));
        QVERIFY(browser.wait(15000));
        const QUrl url = browser.first().first().toUrl();
        QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(url.port(), 53682);
        signIn.cancel();
        QCOMPARE(cancelled.count(), 1);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return rc(*d, QStringLiteral("config/listremotes"))
                    .json.value(QStringLiteral("remotes"))
                    .toArray()
                    .isEmpty();
            },
            5000));
    }

    void signInOutputParsing() {
        const QString out = QStringLiteral(
            "Paste the following into your remote machine --->\n{\"access_token\":\"a\"}\n"
            "<---End paste\n");
        QCOMPARE(DriveSignIn::extractToken(out), QStringLiteral("{\"access_token\":\"a\"}"));
        QVERIFY(DriveSignIn::extractToken(QStringLiteral("nothing")).isEmpty());
        QVERIFY(DriveSignIn::explainFailure(QStringLiteral("error: access_denied"))
                    .contains(QStringLiteral("cancelled")));
        QVERIFY(isExpiredTokenError(QStringLiteral("couldn't fetch token: oauth2: cannot fetch "
                                                   "token: 400 {\"error\": \"invalid_grant\"}")));
        QVERIFY(friendlyRcError(QStringLiteral("operations/list"), 500,
                                QStringLiteral("oauth2: \"invalid_grant\" token expired"))
                    .contains(QStringLiteral("expired")));
    }
};

QTEST_GUILESS_MAIN(TestDriveRemotes)
#include "test_drive_remotes.moc"
