// KernelClient against IRkernel (r-cran-irkernel): a second, non-Python kernel.
#include "test_kernel_support.h"

#include <QProcess>
#include <QTemporaryDir>

using namespace quire::kernel;
using namespace quire::kernel::test;

class TestKernelIrkernel : public QObject {
    Q_OBJECT
    std::unique_ptr<KernelClient> m_client;

private slots:
    void initTestCase() {
        if (!findSpec(QStringLiteral("ir")))
            QSKIP("no ir kernelspec (r-cran-irkernel)");
        m_client = startKernel(QStringLiteral("ir"), 90000);
        QVERIFY2(m_client, "IRkernel did not become ready");
        QCOMPARE_STR(m_client->kernelInfo()["language_info"].value("name", ""), "R");
    }
    void cleanupTestCase() { m_client.reset(); }

    void onePlusOne() {
        auto run = execute(*m_client, QStringLiteral("1+1"));
        QVERIFY(run->finished);
        QCOMPARE(run->outcome, Request::Outcome::Completed);
        QCOMPARE_STR(run->status(), "ok");
        const Message* result = run->first("display_data"); // IRkernel shows values this way
        QVERIFY(result);
        QCOMPARE_STR(result->content["data"].value("text/plain", ""), "[1] 2");
    }

    void printAndError() {
        auto printed = execute(*m_client, QStringLiteral("cat('hello\\n')"));
        QCOMPARE(printed->stream(), QStringLiteral("hello\n"));
        auto failed = execute(*m_client, QStringLiteral("stop('boom')"));
        QVERIFY(failed->finished);
        QCOMPARE_STR(failed->status(), "error");
        QVERIFY(failed->first("error"));
    }

    void interruptAndRestart() {
        auto run = std::make_shared<Run>();
        collect(m_client->execute(QStringLiteral("Sys.sleep(30)"), {}, m_client.get()), run);
        QVERIFY(QTest::qWaitFor([&] { return m_client->status() == KernelStatus::Busy; }, 10000));
        QTest::qWait(300);
        m_client->interrupt();
        QVERIFY(QTest::qWaitFor([&] { return run->finished; }, 5000));
        QCOMPARE(m_client->status(), KernelStatus::Idle);

        QCOMPARE_STR(execute(*m_client, QStringLiteral("a <- 42"))->status(), "ok");
        QSignalSpy restarted(m_client.get(), &KernelClient::restarted);
        m_client->restart();
        QVERIFY(restarted.wait(60000));
        auto check = execute(*m_client, QStringLiteral("exists('a')"));
        const Message* shown = check->first("display_data");
        QVERIFY(shown);
        QCOMPARE_STR(shown->content["data"].value("text/plain", ""), "[1] FALSE");
    }

    void quireRunWithR() {
        QTemporaryDir dir;
        const QString nb = dir.filePath(QStringLiteral("r.ipynb"));
        QFile f(nb);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            R"({"cells": [{"cell_type": "code", "execution_count": null, "id": "c1", "metadata": {},
 "outputs": [], "source": "1+1"}], "metadata": {"kernelspec": {"name": "ir", "display_name": "R",
 "language": "R"}}, "nbformat": 4, "nbformat_minor": 5})");
        f.close();
        QProcess p;
        p.start(QStringLiteral(QUIRE_BIN), {QStringLiteral("run"), nb});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY2(text.contains("\"[1] 2\""), text.constData());
        QVERIFY(text.contains("\"execution_count\": 1"));
    }
};

QTEST_GUILESS_MAIN(TestKernelIrkernel)
#include "test_kernel_irkernel.moc"
