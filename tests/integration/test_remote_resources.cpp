// What a remote runtime has, measured on a real Jupyter Server on this machine (so the answers
// can be checked against this machine): through one terminal kept open, through the kernel
// where the server has terminals disabled, and `quire resources --runtime URL` end to end. The
// server's PATH starts with tests/fakes, so its nvidia-smi is the stand-in with recorded values.
#include "common/run_process.h"
#include "common/test_files.h"
#include "jupyter_server_fixture.h"
#include "kernelclient/jupyter_server.h"
#include "kernelclient/kernel_client.h"
#include "kernelclient/remote_kernel_starter.h"
#include "kernelclient/remote_resource_probe.h"
#include "kernelclient/request.h"
#include "kernelclient/terminal_session.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>
#include <sys/statvfs.h>
#include <unistd.h>

using namespace quire::kernel;
using namespace quire::kernel::test;

namespace {

quint64 memTotal() {
    const QByteArray meminfo = quire::test::readFile(QStringLiteral("/proc/meminfo"));
    return meminfo.split('\n').value(0).mid(9).simplified().split(' ').value(0).toULongLong() *
           1024;
}

nlohmann::json expectedGpus() {
    return nlohmann::json::parse(
        quire::test::readFile(QStringLiteral(QUIRE_TEST_DATA "/resources/expected_gpus.json"))
            .toStdString());
}

struct Sample {
    std::optional<ResourceSnapshot> snapshot;
    ServerError error;
    qint64 ms = 0;
};

Sample sampleOnce(RemoteResourceProbe& probe) {
    Sample s;
    bool done = false;
    QObject context;
    QObject::connect(&probe, &RemoteResourceProbe::sampled, &context,
                     [&](const ResourceSnapshot& snapshot) {
                         s.snapshot = snapshot;
                         done = true;
                     });
    QObject::connect(&probe, &RemoteResourceProbe::failed, &context, [&](const ServerError& e) {
        s.error = e;
        done = true;
    });
    QElapsedTimer clock;
    clock.start();
    if (!probe.sample())
        return s;
    (void)QTest::qWaitFor([&] { return done; }, 60000);
    s.ms = clock.elapsed();
    return s;
}

// CPU count, memory total and the fake GPUs: what this machine and the stand-in say.
void checkMachine(const ResourceSnapshot& s) {
    QCOMPARE(s.cpuCount.value_or(-1), int(sysconf(_SC_NPROCESSORS_ONLN)));
    QVERIFY(s.cpuPercent && *s.cpuPercent >= 0 && *s.cpuPercent <= 100);
    QCOMPARE(s.memoryTotalBytes.value_or(0), memTotal());
    QVERIFY(s.memoryUsedBytes && *s.memoryUsedBytes < memTotal());
    QVERIFY(!s.diskPath.isEmpty());
    struct statvfs fs {};
    QCOMPARE(statvfs(QFile::encodeName(s.diskPath).constData(), &fs), 0);
    QCOMPARE(s.diskTotalBytes.value_or(0), quint64(fs.f_blocks) * fs.f_frsize);
    QVERIFY(s.diskUsedBytes.has_value());
    const auto json = nlohmann::json::parse(toJson(s, QStringLiteral("r")).dump());
    QVERIFY2(json["gpus"] == expectedGpus(), json["gpus"].dump(2).c_str());
    QCOMPARE(s.gpu.source, GpuSource::NvidiaSmi);
    QVERIFY(s.accelerators().contains(QStringLiteral("GPU")));
}

using CliResult = quire::test::ProcessResult;

CliResult runQuire(const QStringList& args, const QString& token = {}) {
    QProcessEnvironment env = quire::test::englishEnvironment();
    if (!token.isNull())
        env.insert(QStringLiteral("QUIRE_RUNTIME_TOKEN"), token);
    return quire::test::runProcess(QStringLiteral(QUIRE_BIN), args, {env, {}, 90000});
}

} // namespace

class TestRemoteResources : public QObject {
    Q_OBJECT

    std::unique_ptr<JupyterServerProcess> m_withTerminals;
    std::unique_ptr<JupyterServerProcess> m_noTerminals;

    static std::unique_ptr<JupyterServerProcess> startServer(bool terminals) {
        auto p = std::make_unique<JupyterServerProcess>();
        p->pathPrepend << QStringLiteral(QUIRE_FAKES_DIR);
        // A login shell would take PATH from /etc/profile; the terminal gets the server's.
        p->extraArgs << QStringLiteral("--ServerApp.terminado_settings={'shell_command': "
                                       "['/bin/sh']}");
        if (!terminals)
            p->extraArgs << QStringLiteral("--ServerApp.terminals_enabled=False");
        QString error;
        if (!p->start(&error)) {
            qWarning() << error;
            return nullptr;
        }
        return p;
    }

    static std::unique_ptr<JupyterServer> connectTo(const JupyterServerProcess& p) {
        auto endpoint = ServerEndpoint::parse(p.urlWithToken());
        return endpoint ? std::make_unique<JupyterServer>(*endpoint) : nullptr;
    }

private slots:
    void initTestCase() {
        for (const char* module : {"jupyter_server", "ipykernel", "terminado"})
            if (const QString missing = missingModule(QLatin1String(module)); !missing.isEmpty())
                QSKIP(qPrintable(QStringLiteral("no Jupyter Server to test with: ") + missing));
        m_withTerminals = startServer(true);
        QVERIFY(m_withTerminals);
        m_noTerminals = startServer(false);
        QVERIFY(m_noTerminals);
    }

    void throughOneTerminal() {
        auto server = connectTo(*m_withTerminals);
        QVERIFY(server);
        RemoteResourceProbe probe(server.get());
        QList<qint64> times;
        for (int i = 0; i < 3; ++i) {
            const Sample s = sampleOnce(probe);
            QVERIFY2(s.snapshot, qPrintable(s.error.fullMessage()));
            checkMachine(*s.snapshot);
            if (QTest::currentTestFailed())
                return;
            QVERIFY(s.snapshot->notes.isEmpty());
            QCOMPARE(s.snapshot->tpus.size(), size_t(0)); // nothing with vendor 0x1ae0 here
            times << s.ms;
        }
        QCOMPARE(probe.method(), RemoteResourceProbe::Method::Terminal);
        // Every sample went through the same terminal, and it is the only one.
        QCOMPARE(probe.terminal()->terminalsCreated(), 1);
        QByteArray body;
        QCOMPARE(m_withTerminals->statusCode(QStringLiteral("terminals"), &body), 200);
        QCOMPARE(Json::parse(body.toStdString()).size(), size_t(1));
        qInfo() << "remote snapshot through the terminal, ms (first opens it):" << times;
        probe.stop();
        QVERIFY(QTest::qWaitFor(
            [&] {
                return m_withTerminals->statusCode(QStringLiteral("terminals"), &body) == 200 &&
                       Json::parse(body.toStdString()).empty();
            },
            10000));
    }

    void throughTheKernel() {
        auto server = connectTo(*m_noTerminals);
        QVERIFY(server);
        RemoteResourceProbe probe(server.get());
        // No kernel yet: the probe says what it would need.
        Sample s = sampleOnce(probe);
        QVERIFY(!s.snapshot);
        QCOMPARE(s.error.kind, ServerError::Kind::NotFound);
        QVERIFY2(s.error.message.contains(QStringLiteral("Terminals are disabled")),
                 qPrintable(s.error.message));
        QCOMPARE(probe.method(), RemoteResourceProbe::Method::Kernel);

        KernelClient client;
        client.startRemote(server.get(), QStringLiteral("python3"), QStringLiteral("probe.ipynb"));
        QVERIFY(QTest::qWaitFor([&] { return client.isReady(); }, 60000));
        probe.setKernel(&client);
        QList<qint64> times;
        for (int i = 0; i < 3; ++i) {
            s = sampleOnce(probe);
            QVERIFY2(s.snapshot, qPrintable(s.error.fullMessage()));
            checkMachine(*s.snapshot);
            if (QTest::currentTestFailed())
                return;
            QCOMPARE(s.snapshot->notes, QStringList{RemoteResourceProbe::kernelNote()});
            times << s.ms;
        }
        qInfo() << "remote snapshot through the kernel, ms (first measures 0.5 s of CPU):" << times;

        // Silent: no execution count spent, nothing left in the user's namespace.
        ExecuteOptions options;
        Json reply;
        Request* r = client.execute(QStringLiteral("print(sorted(k for k in globals() if "
                                                   "k in ('s', 'r', 'rd', 'ls', 'json')))"),
                                    options, &client);
        QString printed;
        connect(r, &Request::iopub, &client, [&](const Message& m) {
            if (m.msgType() == "stream")
                printed += QString::fromStdString(m.content.value("text", ""));
        });
        connect(r, &Request::finished, &client, [&](const Message& m) { reply = m.content; });
        QVERIFY(QTest::qWaitFor([&] { return !reply.is_null(); }, 30000));
        QCOMPARE(reply.value("execution_count", -1), 1);
        QCOMPARE(printed.trimmed(), QStringLiteral("[]"));
        probe.setKernel(nullptr);
    }

    void cliJson() {
        const CliResult r = runQuire({QStringLiteral("resources"), QStringLiteral("--runtime"),
                                      m_withTerminals->urlWithToken(), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const auto json = nlohmann::ordered_json::parse(r.out.toStdString(), nullptr, false);
        QVERIFY2(!json.is_discarded(), qPrintable(r.out));
        std::vector<std::string> keys;
        for (const auto& item : json.items())
            keys.push_back(item.key());
        const std::vector<std::string> expectedKeys = {"runtime", "cpu",  "memory",       "disk",
                                                       "gpus",    "tpus", "accelerators", "notes"};
        QVERIFY2(keys == expectedKeys, qPrintable(r.out));
        QCOMPARE(QString::fromStdString(json["runtime"]), m_withTerminals->baseUrl());
        QVERIFY(!r.out.contains(m_withTerminals->token));
        QCOMPARE(json["cpu"]["count"].get<long>(), sysconf(_SC_NPROCESSORS_ONLN));
        QVERIFY(json["cpu"]["percent"].is_number());
        QCOMPARE(json["memory"]["total_bytes"].get<quint64>(), memTotal());
        QVERIFY(json["memory"]["used_bytes"].is_number_unsigned());
        QVERIFY(json["disk"]["path"].is_string() &&
                !json["disk"]["path"].get<std::string>().empty());
        QVERIFY(json["disk"]["total_bytes"].is_number_unsigned());
        QVERIFY(json["disk"]["used_bytes"].is_number_unsigned());
        QVERIFY2(nlohmann::json::parse(json["gpus"].dump()) == expectedGpus(),
                 json["gpus"].dump().c_str());
        QVERIFY(json["tpus"].is_array());
        QVERIFY(json["accelerators"][0] == "GPU");
        QVERIFY(json["notes"].empty());
        // The terminal it used is gone.
        QByteArray body;
        QVERIFY(QTest::qWaitFor(
            [&] {
                return m_withTerminals->statusCode(QStringLiteral("terminals"), &body) == 200 &&
                       Json::parse(body.toStdString()).empty();
            },
            10000));
    }

    void cliTextWithoutTerminals() {
        // The token from the environment; a kernel is started to measure, then deleted.
        const CliResult r = runQuire(
            {QStringLiteral("resources"), QStringLiteral("--runtime"), m_noTerminals->baseUrl()},
            m_noTerminals->token);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QStringLiteral("Runtime: %1\n").arg(m_noTerminals->baseUrl())),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("\nGPU 0: NVIDIA H200")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("\nNote: terminals are disabled on this server; "
                                               "sampled through the kernel\n")),
                 qPrintable(r.out));
        QByteArray body;
        QCOMPARE(m_noTerminals->statusCode(QStringLiteral("kernels"), &body), 200);
        QCOMPARE(Json::parse(body.toStdString()).size(), size_t(0));
    }

    void cliErrors() {
        CliResult r = runQuire({QStringLiteral("resources"), QStringLiteral("--runtime"),
                                m_withTerminals->baseUrl() + QStringLiteral("?token=wrong")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("The token was refused")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());

        r = runQuire({QStringLiteral("resources"), QStringLiteral("--runtime"),
                      QStringLiteral("http://127.0.0.1:%1/").arg(freePort())},
                     QStringLiteral("t"));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Cannot reach the server")), qPrintable(r.err));

        r = runQuire({QStringLiteral("resources"), QStringLiteral("--runtime")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--runtime needs a server URL")), qPrintable(r.err));
    }

    void cleanupTestCase() {
        m_withTerminals.reset();
        m_noTerminals.reset();
    }
};

QTEST_GUILESS_MAIN(TestRemoteResources)
#include "test_remote_resources.moc"
