// The rclone daemon Quire owns: random loopback credentials (a request without them is
// refused), a clear error when rclone is missing, and a restart (announced) after SIGKILL.
#include "test_drive_support.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <csignal>
#include <cstdio>

using namespace quire::drive;
using namespace quire::drive::test;

class TestDriveDaemon : public QObject {
    Q_OBJECT
private slots:
    void startsWithRandomCredentials() {
        QTemporaryDir home;
        auto d = startDaemon(home);
        QVERIFY(d);
        QCOMPARE(d->state(), RcloneDaemon::State::Running);
        QVERIFY(d->version().startsWith(QStringLiteral("rclone v1.")));
        const QUrl base = d->client()->baseUrl();
        QCOMPARE(base.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(base.port() > 0);
        QVERIFY(rc(*d, QStringLiteral("rc/noop")).ok);

        // The same request without credentials is refused.
        QNetworkAccessManager net;
        net.setProxy(QNetworkProxy::NoProxy);
        QUrl url = base;
        url.setPath(QStringLiteral("/rc/noop"));
        QNetworkRequest req(url);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply* reply = net.post(req, "{}");
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
        reply->deleteLater();

        // And with wrong ones.
        RcloneClient wrong;
        wrong.setEndpoint(base, QStringLiteral("quire"), QStringLiteral("guess"));
        const RcResult r = wrong.callAndWait(QStringLiteral("rc/noop"), {}, 5000);
        QVERIFY(!r.ok);
        QCOMPARE(r.httpStatus, 401);
        QVERIFY(!r.error.isEmpty());

        // Another daemon gets other credentials and another port.
        QTemporaryDir home2;
        auto d2 = startDaemon(home2);
        QVERIFY(d2);
        QVERIFY(d2->client()->baseUrl() != base);
        RcloneClient crossed;
        crossed.setEndpoint(d2->client()->baseUrl(), QStringLiteral("x"), QStringLiteral("y"));
        QCOMPARE(crossed.callAndWait(QStringLiteral("rc/noop"), {}, 5000).httpStatus, 401);

        // The config file is Quire's own.
        QVERIFY(rc(*d, QStringLiteral("config/create"),
                   {{QStringLiteral("name"), QStringLiteral("probe")},
                    {QStringLiteral("type"), QStringLiteral("local")},
                    {QStringLiteral("parameters"), QJsonObject()}})
                    .ok);
        QVERIFY(QFile::exists(home.filePath(QStringLiteral("config/rclone.conf"))));
    }

    void missingRcloneIsExplained_data() {
        QTest::addColumn<bool>("viaOverride");
        QTest::newRow("QUIRE_RCLONE pointing nowhere") << true;
        QTest::newRow("no rclone on PATH") << false;
    }
    void missingRcloneIsExplained() {
        QFETCH(bool, viaOverride);
        const QByteArray oldPath = qgetenv("PATH");
        QTemporaryDir empty;
        if (viaOverride)
            qputenv("QUIRE_RCLONE", "/nonexistent/rclone");
        else
            qputenv("PATH", empty.path().toUtf8());
        RcloneDaemon d;
        QSignalSpy failed(&d, &RcloneDaemon::failed);
        d.start();
        qunsetenv("QUIRE_RCLONE");
        qputenv("PATH", oldPath);
        QCOMPARE(failed.count(), 1); // at once, no process involved
        QCOMPARE(d.state(), RcloneDaemon::State::Failed);
        const QString why = failed.first().first().toString();
        QVERIFY2(why.contains(viaOverride ? QStringLiteral("QUIRE_RCLONE")
                                          : QStringLiteral("not installed")),
                 qPrintable(why));
        QVERIFY(d.client()->baseUrl().isEmpty());
    }

    void restartsAfterSigkill() {
        QTemporaryDir home;
        auto d = startDaemon(home);
        QVERIFY(d);
        const qint64 pid = d->processId();
        QSignalSpy restarting(d.get(), &RcloneDaemon::restarting);
        QSignalSpy ready(d.get(), &RcloneDaemon::ready);
        QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
        QVERIFY(restarting.wait(10000));
        QVERIFY(!restarting.first().first().toString().isEmpty());
        QVERIFY(ready.wait(20000));
        QCOMPARE(d->state(), RcloneDaemon::State::Running);
        QVERIFY(d->processId() != pid);
        QCOMPARE(d->restartCount(), 1);
        QVERIFY(rc(*d, QStringLiteral("rc/noop")).ok);
    }

    void stopEndsTheProcess() {
        QTemporaryDir home;
        auto d = startDaemon(home);
        QVERIFY(d);
        const qint64 pid = d->processId();
        QSignalSpy restarting(d.get(), &RcloneDaemon::restarting);
        d->stop();
        QCOMPARE(d->state(), RcloneDaemon::State::Stopped);
        QVERIFY(::kill(pid_t(pid), 0) != 0);
        QCOMPARE(restarting.count(), 0);
    }

    // Quire killed outright: its rclone goes with it (PR_SET_PDEATHSIG), so no daemon or mount
    // is left behind. The owner is this test binary run again as a child.
    void diesWithItsOwner() {
        QProcess owner;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QUIRE_DRIVE_OWNER_CHILD"), QStringLiteral("1"));
        owner.setProcessEnvironment(env);
        owner.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(owner.waitForStarted());
        qint64 rcd = 0;
        QVERIFY(QTest::qWaitFor(
            [&] {
                owner.waitForReadyRead(100);
                const QByteArray line = owner.readAllStandardOutput();
                if (line.startsWith("rcd "))
                    rcd = line.mid(4).trimmed().toLongLong();
                return rcd > 0 || owner.state() == QProcess::NotRunning;
            },
            30000));
        QVERIFY2(rcd > 0, owner.readAllStandardError().constData());
        QCOMPARE(::kill(pid_t(rcd), 0), 0);
        QCOMPARE(::kill(pid_t(owner.processId()), SIGKILL), 0);
        owner.waitForFinished();
        // Gone, or a zombie nobody reaps (a container's init may not).
        auto alive = [rcd] {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(rcd));
            if (!stat.open(QIODevice::ReadOnly))
                return false;
            const QByteArray text = stat.readAll();
            const qsizetype close = text.lastIndexOf(')');
            return close > 0 && text.size() > close + 2 && text.at(close + 2) != 'Z';
        };
        QVERIFY2(QTest::qWaitFor([&] { return !alive(); }, 10000),
                 "rclone rcd outlived the process that started it");
    }

    void parsesVersions() {
        int major = 0, minor = 0;
        QVERIFY(
            RcloneDaemon::parseVersion(QStringLiteral("rclone v1.60.1-DEV\n- os"), &major, &minor));
        QCOMPARE(major, 1);
        QCOMPARE(minor, 60);
        QVERIFY(!RcloneDaemon::parseVersion(QStringLiteral("something else"), &major, &minor));
    }
};

// As QUIRE_DRIVE_OWNER_CHILD: start a daemon, print "rcd PID", wait to be killed.
static int ownerChild(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QTemporaryDir home;
    auto d = startDaemon(home);
    if (!d)
        return 1;
    std::printf("rcd %lld\n", static_cast<long long>(d->processId()));
    std::fflush(stdout);
    return app.exec();
}

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsSet("QUIRE_DRIVE_OWNER_CHILD"))
        return ownerChild(argc, argv);
    QCoreApplication app(argc, argv);
    TestDriveDaemon test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "test_drive_daemon.moc"
