// A JupyterHub user server (/user/<name>/) through the same client as a plain Jupyter Server:
// a real JupyterHub 3 (dummy authenticator, SimpleLocalProcessSpawner, configurable-http-proxy)
// on 127.0.0.1, a service API token with access to the user's server, and the user's server
// stopped at the end (NotRunning).
#include "jupyter_server_fixture.h"
#include "kernelclient/jupyter_server.h"
#include "kernelclient/remote_kernel_starter.h"
#include "test_kernel_support.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

using namespace quire::kernel;
using namespace quire::kernel::test;

namespace {

struct Answer {
    bool finished = false;
    Json json;
    ServerError error;
};

Answer wait(ServerReply* reply, int timeoutMs = 30000) {
    auto answer = std::make_shared<Answer>();
    QObject::connect(reply, &ServerReply::finished, reply, [answer, reply] {
        answer->finished = true;
        answer->json = reply->json();
        answer->error = reply->error();
    });
    (void)QTest::qWaitFor([&] { return answer->finished; }, timeoutMs);
    return *answer;
}

class JupyterHubProcess {
public:
    QString token = randomToken();
    int port = 0;

    ~JupyterHubProcess() { stop(); }

    bool start(QString* error) {
        port = freePort();
        const int hubPort = freePort(), apiPort = freePort();
        const QString d = m_dir.path();
        QDir().mkpath(d + "/home/ana");
        QFile config(d + "/jupyterhub_config.py");
        if (!config.open(QIODevice::WriteOnly))
            return false;
        config.write(QStringLiteral(R"(c = get_config()
c.JupyterHub.authenticator_class = 'dummy'
c.JupyterHub.spawner_class = 'simple'
c.JupyterHub.ip = '127.0.0.1'
c.JupyterHub.port = %1
c.JupyterHub.hub_ip = '127.0.0.1'
c.JupyterHub.hub_port = %2
c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:%3'
c.ConfigurableHTTPProxy.pid_file = '%4/proxy.pid'
c.JupyterHub.db_url = 'sqlite:///%4/hub.sqlite'
c.JupyterHub.cookie_secret_file = '%4/cookie_secret'
c.JupyterHub.pid_file = '%4/hub.pid'
c.SimpleLocalProcessSpawner.home_dir_template = '%4/home/{username}'
c.Spawner.args = %5
c.Spawner.start_timeout = 60
c.Authenticator.allowed_users = {'ana'}
# api_tokens is deprecated in JupyterHub 3: a service with a role carries the token.
c.JupyterHub.services = [{'name': 'quire-test', 'api_token': '%6'}]
c.JupyterHub.load_roles = [{'name': 'quire-test', 'services': ['quire-test'],
    'scopes': ['admin:users', 'admin:servers', 'access:servers']}]
)")
                         .arg(port)
                         .arg(hubPort)
                         .arg(apiPort)
                         .arg(d, ::geteuid() == 0 ? "['--allow-root']" : "[]", token)
                         .toUtf8());
        config.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // Debian's configurable-http-proxy finds its modules (commander, http-proxy) in
        // /usr/share/nodejs, which a node from elsewhere does not search by itself.
        if (QDir(QStringLiteral("/usr/share/nodejs")).exists())
            env.insert(QStringLiteral("NODE_PATH"), QStringLiteral("/usr/share/nodejs"));
        env.insert(QStringLiteral("JUPYTER_CONFIG_DIR"), d + "/jupyter");
        env.insert(QStringLiteral("JUPYTER_RUNTIME_DIR"), d + "/runtime");
        m_process.setProcessEnvironment(env);
        m_process.setWorkingDirectory(d);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        // Ends with the test even when the test crashes (no orphaned servers).
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        m_process.start(QStringLiteral("jupyterhub"),
                        {QStringLiteral("-f"), d + "/jupyterhub_config.py"});
        if (!m_process.waitForStarted(10000)) {
            *error = m_process.errorString();
            return false;
        }
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 60000) {
            if (m_process.state() != QProcess::Running) {
                *error = QStringLiteral("jupyterhub exited: ") + log();
                return false;
            }
            if (request("GET", QStringLiteral("hub/api/")) == 200)
                return true;
            QTest::qWait(300);
        }
        *error = QStringLiteral("jupyterhub did not answer within 60 s: ") + log();
        return false;
    }

    void stop() {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate(); // the hub stops the proxy and the user servers
        if (!m_process.waitForFinished(20000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    QString log() { return QString::fromLocal8Bit(m_process.readAll()).right(4000); }
    QString url(const QString& path) const {
        return QStringLiteral("http://127.0.0.1:%1/%2").arg(port).arg(path);
    }

    int request(const QByteArray& verb, const QString& path) {
        QNetworkAccessManager nam;
        QNetworkRequest r{QUrl(url(path))};
        r.setRawHeader("Authorization", "token " + token.toUtf8());
        QNetworkReply* reply = nam.sendCustomRequest(r, verb);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        delete reply;
        return code;
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
};

} // namespace

class TestRemoteJupyterHub : public QObject {
    Q_OBJECT
    std::unique_ptr<JupyterHubProcess> m_hub;

private slots:
    void initTestCase() {
        for (const char* module : {"jupyterhub", "jupyter_server"})
            if (const QString why = missingModule(QLatin1String(module)); !why.isEmpty())
                QSKIP(qPrintable(why));
        if (QStandardPaths::findExecutable(QStringLiteral("jupyterhub")).isEmpty() ||
            QStandardPaths::findExecutable(QStringLiteral("configurable-http-proxy")).isEmpty())
            QSKIP("jupyterhub or configurable-http-proxy is not installed");
        m_hub = std::make_unique<JupyterHubProcess>();
        QString error;
        QVERIFY2(m_hub->start(&error), qPrintable(error));
        // Start ana's server through the hub's REST API and wait for it.
        const int spawn = m_hub->request("POST", QStringLiteral("hub/api/users/ana/server"));
        QVERIFY2(spawn == 201 || spawn == 202, qPrintable(QString::number(spawn) + m_hub->log()));
        QVERIFY2(QTest::qWaitFor(
                     [&] { return m_hub->request("GET", "user/ana/api/status") == 200; }, 90000),
                 qPrintable(m_hub->log()));
    }

    void cleanupTestCase() { m_hub.reset(); }

    void userServerThroughTheSameClient() {
        auto endpoint =
            ServerEndpoint::parse(m_hub->url("user/ana/lab/tree/x.ipynb?token=") + m_hub->token);
        QVERIFY(endpoint);
        QVERIFY(endpoint->isHubUserServer());
        QCOMPARE(endpoint->hubUser(), QStringLiteral("ana"));
        QCOMPARE(endpoint->baseUrl().toString(), m_hub->url("user/ana/"));
        JupyterServer server(*endpoint);
        const Answer status = wait(server.status());
        QVERIFY2(status.error.ok(), qPrintable(status.error.fullMessage()));
        const Answer specs = wait(server.kernelSpecs());
        QVERIFY(specs.json["kernelspecs"].contains("python3"));

        auto client = std::make_unique<KernelClient>();
        client->startRemote(&server, QStringLiteral("python3"), QStringLiteral("hub.ipynb"));
        QVERIFY(QTest::qWaitFor([&] { return client->isReady(); }, 60000));
        auto run = execute(*client, QStringLiteral("print('through the hub')"));
        QCOMPARE(run->stream(), QStringLiteral("through the hub\n"));
        QSignalSpy finished(client.get(), &KernelClient::shutdownFinished);
        client->shutdown();
        QVERIFY(finished.wait(30000));
    }

    void wrongTokenIsRefused() {
        JupyterServer server(*ServerEndpoint::parse(m_hub->url("user/ana/?token=nope")));
        const Answer status = wait(server.kernels());
        QVERIFY(status.finished);
        QVERIFY2(status.error.kind == ServerError::Kind::Unauthorized ||
                     status.error.kind == ServerError::Kind::Forbidden,
                 qPrintable(QLatin1String(serverErrorKindName(status.error.kind)) + ": " +
                            status.error.fullMessage()));
    }

    void stoppedServerIsNotRunning() {
        const int stop = m_hub->request("DELETE", QStringLiteral("hub/api/users/ana/server"));
        QVERIFY2(stop == 202 || stop == 204, qPrintable(QString::number(stop)));
        JupyterServer server(*ServerEndpoint::parse(m_hub->url("user/ana/?token=") + m_hub->token));
        Answer status;
        QVERIFY(QTest::qWaitFor(
            [&] {
                status = wait(server.status());
                return status.error.kind == ServerError::Kind::NotRunning;
            },
            30000));
        QVERIFY(status.error.message.contains(QLatin1String("not running")));
    }
};

QTEST_GUILESS_MAIN(TestRemoteJupyterHub)
#include "test_remote_jupyterhub.moc"
