// No kernel outlives the process that started it, even when that process is SIGKILLed.
#include "test_kernel_support.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>

using namespace quire::kernel;
using namespace quire::kernel::test;

class TestKernelOrphans : public QObject {
    Q_OBJECT
private slots:
    void kernelDiesWithKilledOwner() {
        if (!findSpec(QStringLiteral("python3")))
            QSKIP("no python3 kernelspec");
        QTemporaryDir dir;
        const QString pidFile = dir.filePath(QStringLiteral("kernel.pid"));
        // The helper is `quire run` on a notebook whose cell reports the kernel's pid and waits.
        const QString cell = QStringLiteral("import os, time\\n"
                                            "open(%1, 'w').write(str(os.getpid()))\\n"
                                            "time.sleep(120)")
                                 .arg(QStringLiteral("'%1'").arg(pidFile));
        const QString notebook = dir.filePath(QStringLiteral("hang.ipynb"));
        QFile f(notebook);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            QStringLiteral(R"({"cells": [{"cell_type": "code", "execution_count": null, "id": "a1",
 "metadata": {}, "outputs": [], "source": "%1"}],
 "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
 "nbformat": 4, "nbformat_minor": 5})")
                .arg(cell)
                .toUtf8());
        f.close();

        QProcess owner;
        owner.start(QStringLiteral(QUIRE_BIN), {QStringLiteral("run"), notebook});
        QVERIFY(owner.waitForStarted());
        QVERIFY2(QTest::qWaitFor([&] { return QFileInfo(pidFile).size() > 0; }, 60000),
                 qPrintable(QString::fromUtf8(owner.readAllStandardError())));
        QFile pf(pidFile);
        QVERIFY(pf.open(QIODevice::ReadOnly));
        const qint64 kernel = pf.readAll().trimmed().toLongLong();
        QVERIFY(processRunning(kernel));

        ::kill(pid_t(owner.processId()), SIGKILL); // no chance to clean up
        QVERIFY(owner.waitForFinished(5000));
        QVERIFY2(QTest::qWaitFor([&] { return !processRunning(kernel); }, 3000),
                 "the kernel outlived the process that started it");
    }

    void destroyedWhileStarting() {
        // Gone before started() was even delivered: the kernel must still be killed, and must
        // not live on to write its connection file again.
        const auto spec = findSpec(QStringLiteral("python3"));
        QVERIFY(spec);
        QTemporaryDir runtime;
        qint64 pid = 0;
        QString file;
        {
            LocalKernelLauncher launcher(*spec);
            launcher.setRuntimeDirectory(runtime.path());
            QVERIFY(launcher.start());
            pid = launcher.processId();
            file = launcher.connectionFile();
        }
        QVERIFY(pid > 0);
        QVERIFY(!processRunning(pid));
        QTest::qWait(1500);
        QVERIFY(!QFile::exists(file));
        QCOMPARE(QDir(runtime.path()).entryList(QDir::Files).size(), 0);
    }

    void kernelGroupIsKilledWithTheClient() {
        // A normal end (the client destroyed) takes the kernel and whatever it started along.
        auto client = startKernel(QStringLiteral("python3"));
        QVERIFY(client);
        const qint64 kernel = kernelPid(*client);
        auto run = execute(*client, QStringLiteral("import subprocess\n"
                                                   "p = subprocess.Popen(['sleep', '120'])\n"
                                                   "print(p.pid)"));
        const qint64 child = run->stream().trimmed().toLongLong();
        QVERIFY(processRunning(child));
        client.reset();
        QVERIFY(!processRunning(kernel));
        QVERIFY(QTest::qWaitFor([&] { return !processRunning(child); }, 3000));
    }
};

QTEST_GUILESS_MAIN(TestKernelOrphans)
#include "test_kernel_orphans.moc"
