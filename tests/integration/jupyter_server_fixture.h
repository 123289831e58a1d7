// A real Jupyter Server (/usr/bin/python3 -m jupyter_server) for the remote-runtime tests:
// random token and free port on 127.0.0.1, a temporary root folder, optional TLS. Stopped (and
// its kernels with it) when the fixture goes away; killed if it does not stop in time.
#pragma once

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace quire::kernel::test {

inline QString serverPython() {
    return qEnvironmentVariable("QUIRE_PYTHON", QStringLiteral("/usr/bin/python3"));
}

// Empty when `module` imports with the test Python, else why not.
inline QString missingModule(const QString& module) {
    QProcess p;
    p.start(serverPython(), {QStringLiteral("-c"), QStringLiteral("import ") + module});
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("%1 cannot import %2: %3")
            .arg(serverPython(), module,
                 QString::fromLocal8Bit(p.readAllStandardError()).trimmed());
    return {};
}

inline int freePort() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

inline QString randomToken() {
    return QString::number(QRandomGenerator::global()->generate64(), 16) +
           QString::number(QRandomGenerator::global()->generate64(), 16);
}

// A self-signed certificate for 127.0.0.1 (openssl req), written as cert.pem and key.pem in
// `directory`; false when openssl cannot make one here.
inline bool makeSelfSignedCertificate(const QString& directory, QString* cert, QString* key) {
    *cert = directory + QStringLiteral("/cert.pem");
    *key = directory + QStringLiteral("/key.pem");
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                   QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-keyout"), *key, QStringLiteral("-out"), *cert});
    return openssl.waitForFinished(60000) && openssl.exitStatus() == QProcess::NormalExit &&
           openssl.exitCode() == 0;
}

class JupyterServerProcess {
public:
    JupyterServerProcess() = default;
    JupyterServerProcess(const JupyterServerProcess&) = delete;
    JupyterServerProcess& operator=(const JupyterServerProcess&) = delete;
    ~JupyterServerProcess() { stop(); }

    QString token = randomToken();
    int port = 0;
    QString certFile, keyFile; // both set: https
    QStringList extraArgs;
    QHash<QString, QString> environment; // set for the server (and its terminals and kernels)
    QStringList pathPrepend; // folders put first in the server's PATH (its kernels inherit it)

    bool start(QString* error) {
        if (!m_root.isValid() || !m_config.isValid()) {
            *error = QStringLiteral("no temporary folder");
            return false;
        }
        if (port == 0)
            port = freePort();
        QStringList args = {QStringLiteral("-m"),
                            QStringLiteral("jupyter_server"),
                            QStringLiteral("--ServerApp.token=") + token,
                            QStringLiteral("--port=%1").arg(port),
                            QStringLiteral("--port-retries=0"),
                            QStringLiteral("--ip=127.0.0.1"),
                            QStringLiteral("--no-browser"),
                            QStringLiteral("--ServerApp.root_dir=") + m_root.path()};
        if (!certFile.isEmpty())
            args << QStringLiteral("--certfile=") + certFile
                 << QStringLiteral("--keyfile=") + keyFile;
        if (::geteuid() == 0)
            args << QStringLiteral("--allow-root");
        args << extraArgs;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("JUPYTER_CONFIG_DIR"), m_config.path());
        env.insert(QStringLiteral("JUPYTER_RUNTIME_DIR"), m_config.path() + "/runtime");
        for (auto it = environment.cbegin(); it != environment.cend(); ++it)
            env.insert(it.key(), it.value());
        if (!pathPrepend.isEmpty())
            env.insert(QStringLiteral("PATH"),
                       (pathPrepend + QStringList{env.value("PATH")}).join(QLatin1Char(':')));
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        // Ends with the test even when the test crashes (no orphaned servers).
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        m_process.start(serverPython(), args);
        if (!m_process.waitForStarted(10000)) {
            *error = m_process.errorString();
            return false;
        }
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 60000) {
            if (m_process.state() != QProcess::Running) {
                *error = QStringLiteral("jupyter_server exited: ") + log();
                return false;
            }
            if (statusCode() == 200)
                return true;
            QTest::qWait(200);
        }
        *error = QStringLiteral("jupyter_server did not answer within 60 s: ") + log();
        return false;
    }

    // SIGTERM (the server shuts its kernels down), then SIGKILL after 15 s.
    void stop() {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(15000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    bool isTls() const { return !certFile.isEmpty(); }
    QString baseUrl() const {
        return QStringLiteral("%1://127.0.0.1:%2/").arg(isTls() ? "https" : "http").arg(port);
    }
    QString urlWithToken() const { return baseUrl() + QStringLiteral("?token=") + token; }
    QString root() const { return m_root.path(); }
    QString log() { return QString::fromLocal8Bit(m_process.readAll()).right(4000); }

    // GET /api/<path> straight through QNetworkAccessManager (not the code under test).
    int statusCode(const QString& path = QStringLiteral("status"), QByteArray* body = nullptr) {
        QNetworkAccessManager nam;
        QNetworkRequest request(QUrl(baseUrl() + QStringLiteral("api/") + path));
        request.setRawHeader("Authorization", "token " + token.toUtf8());
        QNetworkReply* reply = nam.get(request);
        if (isTls())
            reply->ignoreSslErrors(); // the fixture checks liveness only
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        loop.exec();
        const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (body)
            *body = reply->readAll();
        delete reply;
        return code;
    }

private:
    QTemporaryDir m_root;
    QTemporaryDir m_config;
    QProcess m_process;
};

} // namespace quire::kernel::test
