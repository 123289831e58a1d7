// Launcher pieces that need no kernel: connection files, argv and env substitution.
#include "kernelclient/connection_info.h"
#include "kernelclient/local_kernel_launcher.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <set>

using namespace quire::kernel;

class TestKernelLauncher : public QObject {
    Q_OBJECT
private slots:
    void allocatesDistinctPortsAndARandomKey() {
        const auto a = ConnectionInfo::allocateLocal();
        const auto b = ConnectionInfo::allocateLocal();
        QVERIFY(a && b);
        const std::set<int> ports{a->shellPort, a->iopubPort, a->stdinPort, a->controlPort,
                                  a->hbPort};
        QCOMPARE(ports.size(), size_t(5));
        QCOMPARE(a->ip, QStringLiteral("127.0.0.1"));
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$"))
                    .match(QString::fromLatin1(a->key))
                    .hasMatch());
        QVERIFY(a->key != b->key);
        QCOMPARE(a->endpoint(5555), QByteArray("tcp://127.0.0.1:5555"));
    }

    void connectionFileIsPrivateAndReadsBack() {
        QTemporaryDir dir;
        auto info = ConnectionInfo::allocateLocal();
        info->kernelName = QStringLiteral("python3");
        QString error;
        const QString path =
            writeConnectionFile(*info, dir.filePath(QStringLiteral("runtime")), &error);
        QVERIFY2(!path.isEmpty(), qPrintable(error));
        QCOMPARE(QFile::permissions(path) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto back = ConnectionInfo::fromJson(f.readAll());
        QVERIFY(back);
        QCOMPARE(back->key, info->key);
        QCOMPARE(back->shellPort, info->shellPort);
        QCOMPARE(back->hbPort, info->hbPort);
        QCOMPARE(back->signatureScheme, QStringLiteral("hmac-sha256"));
        QCOMPARE(back->kernelName, QStringLiteral("python3"));
    }

    void badConnectionFilesAreRefused() {
        QVERIFY(!ConnectionInfo::fromJson("not json"));
        QVERIFY(!ConnectionInfo::fromJson(R"({"shell_port": 1})"));
        QVERIFY(!ConnectionInfo::fromJson(
            R"({"shell_port":1,"iopub_port":2,"stdin_port":3,"control_port":4,
            "hb_port":5,"key":"k","signature_scheme":"hmac-md5"})"));
    }

    void runtimeDirFollowsJupyter() {
        qputenv("JUPYTER_RUNTIME_DIR", "/tmp/quire-rt");
        QCOMPARE(jupyterRuntimeDir(), QStringLiteral("/tmp/quire-rt"));
        qunsetenv("JUPYTER_RUNTIME_DIR");
        qputenv("JUPYTER_DATA_DIR", "/tmp/quire-data");
        QCOMPARE(jupyterRuntimeDir(), QStringLiteral("/tmp/quire-data/runtime"));
        qunsetenv("JUPYTER_DATA_DIR");
    }

    void argvSubstitution() {
        const QStringList argv = LocalKernelLauncher::substituteArgv(
            {QStringLiteral("python"), QStringLiteral("-f"), QStringLiteral("{connection_file}"),
             QStringLiteral("--res={resource_dir}/x")},
            QStringLiteral("/run/k.json"), QStringLiteral("/share/k"));
        QCOMPARE(argv,
                 (QStringList{QStringLiteral("python"), QStringLiteral("-f"),
                              QStringLiteral("/run/k.json"), QStringLiteral("--res=/share/k/x")}));
    }

    void environmentSubstitution() {
        KernelSpec spec;
        spec.env =
            QJsonObject{{QStringLiteral("PATH"), QStringLiteral("/opt/bin:${PATH}")},
                        {QStringLiteral("PLAIN"), QStringLiteral("v")},
                        {QStringLiteral("UNKNOWN"), QStringLiteral("${NOT_SET_ANYWHERE}-x")}};
        QProcessEnvironment base;
        base.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin"));
        const auto env = LocalKernelLauncher::environmentFor(spec, base);
        QCOMPARE(env.value(QStringLiteral("PATH")), QStringLiteral("/opt/bin:/usr/bin"));
        QCOMPARE(env.value(QStringLiteral("PLAIN")), QStringLiteral("v"));
        QCOMPARE(env.value(QStringLiteral("UNKNOWN")), QStringLiteral("${NOT_SET_ANYWHERE}-x"));
        QCOMPARE(env.value(QStringLiteral("JPY_PARENT_PID")),
                 QString::number(QCoreApplication::applicationPid()));
    }

    void missingProgramFailsToStart() {
        KernelSpec spec;
        spec.name = QStringLiteral("broken");
        spec.argv = {QStringLiteral("/nonexistent/kernel"), QStringLiteral("{connection_file}")};
        QTemporaryDir dir;
        LocalKernelLauncher launcher(spec);
        launcher.setRuntimeDirectory(dir.path());
        QString failure;
        connect(&launcher, &KernelHost::failedToStart, this,
                [&](const QString& e) { failure = e; });
        QVERIFY(launcher.start());
        QTRY_VERIFY_WITH_TIMEOUT(!failure.isEmpty(), 5000);
        QVERIFY(!launcher.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestKernelLauncher)
#include "test_kernel_launcher.moc"
