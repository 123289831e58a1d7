// TokenVault against a real Secret Service (gnome-keyring-daemon on a private session bus),
// and without one (the token lives for the session only and the caller is told).
#include "app/token_vault.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace quire;

namespace {

struct Result {
    bool done = false;
    std::optional<QString> token;
    QString error;
};

Result storeNow(app::TokenVault& vault, const QString& key, const QString& token) {
    Result r;
    vault.store(key, token, [&](const QString& error) {
        r.error = error;
        r.done = true;
    });
    (void)QTest::qWaitFor([&] { return r.done; }, 20000);
    return r;
}

Result fetchNow(app::TokenVault& vault, const QString& key) {
    Result r;
    vault.fetch(key, [&](const std::optional<QString>& token, const QString& error) {
        r.token = token;
        r.error = error;
        r.done = true;
    });
    (void)QTest::qWaitFor([&] { return r.done; }, 20000);
    return r;
}

Result forgetNow(app::TokenVault& vault, const QString& key) {
    Result r;
    vault.forget(key, [&](const QString& error) {
        r.error = error;
        r.done = true;
    });
    (void)QTest::qWaitFor([&] { return r.done; }, 20000);
    return r;
}

// A private session bus, and gnome-keyring's Secret Service on it when asked. GLib's shared bus
// connection (libsecret's) raises SIGTERM in this process when its bus goes away, so the bus
// must outlive the test: the daemons are detached and a reaper ends them after this process.
class PrivateBus {
public:
    bool start() {
        if (!m_home.isValid())
            return false;
        m_home.setAutoRemove(false); // the reaper removes it after the daemons
        qputenv("XDG_DATA_HOME", dataDir().toUtf8());
        qputenv("XDG_RUNTIME_DIR", m_home.path().toUtf8());
        // No service directories: nothing is started on demand (gnome-keyring's activation file
        // would otherwise bring a keychain to the bus that should have none yet).
        const QString config = m_home.filePath(QStringLiteral("bus.conf"));
        const QString socket = m_home.filePath(QStringLiteral("bus"));
        QFile conf(config);
        if (!conf.open(QIODevice::WriteOnly))
            return false;
        conf.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration "
                   "1.0//EN\" \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                   "<busconfig><type>session</type><auth>EXTERNAL</auth><listen>unix:path=" +
                   socket.toUtf8() +
                   "</listen>"
                   "<policy context=\"default\">"
                   "<allow send_destination=\"*\" eavesdrop=\"true\"/><allow eavesdrop=\"true\"/>"
                   "<allow own=\"*\"/></policy></busconfig>\n");
        conf.close();
        if (!startDetached(QStringLiteral("dbus-daemon"),
                           {QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"),
                            QStringLiteral("--print-address")}))
            return false;
        if (!QTest::qWaitFor([&] { return QFileInfo::exists(socket); }, 5000))
            return false;
        qputenv("DBUS_SESSION_BUS_ADDRESS", ("unix:path=" + socket).toUtf8());
        return true;
    }
    bool startKeyring() {
        // The password on stdin creates and unlocks a login keyring.
        if (!startDetached(QStringLiteral("sh"),
                           {QStringLiteral("-c"),
                            QStringLiteral("printf quire-test | exec gnome-keyring-daemon "
                                           "--foreground --unlock --components=secrets")}))
            return false;
        for (int i = 0; i < 100; ++i) {
            QProcess check;
            check.start(QStringLiteral("dbus-send"),
                        {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                         QStringLiteral("--dest=org.freedesktop.DBus"),
                         QStringLiteral("/org/freedesktop/DBus"),
                         QStringLiteral("org.freedesktop.DBus.NameHasOwner"),
                         QStringLiteral("string:org.freedesktop.secrets")});
            check.waitForFinished(5000);
            if (check.readAllStandardOutput().contains("boolean true"))
                return true;
            QTest::qWait(100);
        }
        return false;
    }
    QString dataDir() const { return m_home.filePath(QStringLiteral("data")); }

private:
    bool startDetached(const QString& program, const QStringList& args) {
        qint64 pid = 0;
        if (!QProcess::startDetached(program, args, QString(), &pid))
            return false;
        QProcess::startDetached(
            QStringLiteral("sh"),
            {QStringLiteral("-c"), QStringLiteral("while kill -0 %1 2>/dev/null; do sleep 0.2; "
                                                  "done; kill %2 2>/dev/null; rm -rf '%3'")
                                       .arg(QCoreApplication::applicationPid())
                                       .arg(pid)
                                       .arg(m_home.path())});
        return true;
    }

    QTemporaryDir m_home{QDir::tempPath() + QStringLiteral("/quire-vault-XXXXXX")};
};

} // namespace

class TestTokenVault : public QObject {
    Q_OBJECT

    PrivateBus m_bus;
    bool m_haveBus = false;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        m_haveBus = !QStandardPaths::findExecutable(QStringLiteral("dbus-daemon")).isEmpty();
        if (m_haveBus)
            QVERIFY2(m_bus.start(), "dbus-daemon did not start a private bus");
    }

    void withoutKeychainTheTokenIsForThisSessionOnly() {
        // (runs first: the bus has no keychain yet)
        if (!m_haveBus)
            QSKIP("dbus-daemon is needed for a bus without a keychain");
        app::TokenVault vault(QStringLiteral("io.github.quire.Quire.test"));
        const Result stored = storeNow(vault, QStringLiteral("runtime/b"), QStringLiteral("t1"));
        QVERIFY(stored.done);
        QVERIFY(!stored.error.isEmpty()); // the user is told it will not be remembered
        QCOMPARE(fetchNow(vault, QStringLiteral("runtime/b")).token.value_or(QString()),
                 QStringLiteral("t1"));
        app::TokenVault later(QStringLiteral("io.github.quire.Quire.test"));
        const Result again = fetchNow(later, QStringLiteral("runtime/b"));
        QVERIFY(again.done);
        QVERIFY(!again.token);
    }
    void keychainKeepsTokensAcrossVaults() {
        if (!m_haveBus ||
            QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon")).isEmpty())
            QSKIP("gnome-keyring and dbus-daemon are needed to play the system keychain");
        QVERIFY2(m_bus.startKeyring(), "no Secret Service on the private bus");
        const QString token = QStringLiteral("tok-%1").arg(QDateTime::currentMSecsSinceEpoch());
        {
            app::TokenVault vault(QStringLiteral("io.github.quire.Quire.test"));
            const Result stored = storeNow(vault, QStringLiteral("runtime/a"), token);
            QVERIFY(stored.done);
            QVERIFY2(stored.error.isEmpty(), qPrintable(stored.error));
        }
        app::TokenVault vault(QStringLiteral("io.github.quire.Quire.test"));
        Result fetched = fetchNow(vault, QStringLiteral("runtime/a"));
        QVERIFY(fetched.done);
        QCOMPARE(fetched.token.value_or(QString()), token);
        // the keyring holds it (on disk, in the keyring's own file), the settings do not
        bool inKeyring = false;
        for (const QFileInfo& f :
             QDir(m_bus.dataDir() + QStringLiteral("/keyrings")).entryInfoList(QDir::Files))
            inKeyring = inKeyring || f.size() > 0;
        QVERIFY(inKeyring);
        QSettings settings(QStringLiteral("Quire"), QStringLiteral("quire"));
        settings.sync();
        QFile settingsFile(settings.fileName());
        if (settingsFile.open(QIODevice::ReadOnly))
            QVERIFY(!settingsFile.readAll().contains(token.toUtf8()));

        QVERIFY(forgetNow(vault, QStringLiteral("runtime/a")).error.isEmpty());
        fetched = fetchNow(vault, QStringLiteral("runtime/a"));
        QVERIFY(fetched.done);
        QVERIFY(!fetched.token);
        QVERIFY(fetched.error.isEmpty());
    }
};

QTEST_MAIN(TestTokenVault)
#include "test_token_vault.moc"
