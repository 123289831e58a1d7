// `quire run --runtime URL` against a real Jupyter Server: outputs saved as for a local run,
// and the kernel and session it started deleted afterwards, also after an error or a timeout.
#include "common/run_process.h"
#include "jupyter_server_fixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace quire::kernel::test;

namespace {

using Result = quire::test::ProcessResult;

Result runQuire(const QStringList& args, const QProcessEnvironment& env = {}) {
    return quire::test::runProcess(QStringLiteral(QUIRE_BIN), args, {env, {}, 120000});
}

void writeNotebook(const QString& path, const QStringList& sources) {
    QJsonArray cells;
    for (const QString& s : sources)
        cells.append(QJsonObject{{"cell_type", "code"},
                                 {"id", QStringLiteral("c%1").arg(cells.size())},
                                 {"metadata", QJsonObject{}},
                                 {"source", s},
                                 {"outputs", QJsonArray{}},
                                 {"execution_count", QJsonValue::Null}});
    const QJsonObject nb{
        {"nbformat", 4},
        {"nbformat_minor", 5},
        {"metadata", QJsonObject{{"kernelspec", QJsonObject{{"name", "python3"},
                                                            {"display_name", "Python 3"},
                                                            {"language", "python"}}}}},
        {"cells", cells}};
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(nb).toJson());
}

QJsonArray outputsOf(const QString& path, int cell) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QJsonArray cells = QJsonDocument::fromJson(f.readAll()).object()["cells"].toArray();
    return cells[cell].toObject()["outputs"].toArray();
}

} // namespace

class TestRemoteCli : public QObject {
    Q_OBJECT
    std::unique_ptr<JupyterServerProcess> m_server;
    QTemporaryDir m_dir;

    QString path(const QString& name) const { return m_dir.filePath(name); }
    // Nothing left running on the server: no kernel, no session.
    void verifyServerClean() {
        QByteArray kernels, sessions;
        QCOMPARE(m_server->statusCode(QStringLiteral("kernels"), &kernels), 200);
        QCOMPARE(m_server->statusCode(QStringLiteral("sessions"), &sessions), 200);
        QCOMPARE(QJsonDocument::fromJson(kernels).array().size(), 0);
        QCOMPARE(QJsonDocument::fromJson(sessions).array().size(), 0);
    }

private slots:
    void initTestCase() {
        if (const QString why = missingModule(QStringLiteral("jupyter_server")); !why.isEmpty())
            QSKIP(qPrintable(why));
        m_server = std::make_unique<JupyterServerProcess>();
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void runsOnTheRuntime() {
        writeNotebook(path("ok.ipynb"), {QStringLiteral("import os\nprint('remote', os.getcwd())"),
                                         QStringLiteral("6 * 7")});
        const Result run =
            runQuire({QStringLiteral("run"), path("ok.ipynb"), QStringLiteral("--runtime"),
                      m_server->urlWithToken(), QStringLiteral("-o"), path("out.ipynb")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QJsonArray first = outputsOf(path("out.ipynb"), 0);
        QCOMPARE(first.size(), 1);
        // The kernel ran in the server's root, not in this notebook's folder.
        QCOMPARE(first[0].toObject()["text"].toString(),
                 QStringLiteral("remote %1\n").arg(m_server->root()));
        const QJsonArray second = outputsOf(path("out.ipynb"), 1);
        QCOMPARE(second.size(), 1);
        QCOMPARE(second[0].toObject()["data"].toObject()["text/plain"].toString(),
                 QStringLiteral("42"));
        verifyServerClean();
    }

    void tokenFromEnvironmentAndErrors() {
        writeNotebook(path("err.ipynb"), {QStringLiteral("1/0")});
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QUIRE_RUNTIME_TOKEN"), m_server->token);
        const Result run = runQuire({QStringLiteral("run"), path("err.ipynb"),
                                     QStringLiteral("--runtime"), m_server->baseUrl()},
                                    env);
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QLatin1String("ZeroDivisionError")), qPrintable(run.err));
        verifyServerClean();
    }

    void timeoutDeletesTheKernel() {
        writeNotebook(path("slow.ipynb"), {QStringLiteral("import time\ntime.sleep(30)")});
        const Result run =
            runQuire({QStringLiteral("run"), path("slow.ipynb"), QStringLiteral("--runtime"),
                      m_server->urlWithToken(), QStringLiteral("--timeout"), QStringLiteral("1")});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QLatin1String("did not finish within 1 seconds")),
                 qPrintable(run.err));
        verifyServerClean();
    }

    void refusedTokenIsReported() {
        writeNotebook(path("t.ipynb"), {QStringLiteral("1")});
        const Result run =
            runQuire({QStringLiteral("run"), path("t.ipynb"), QStringLiteral("--runtime"),
                      m_server->baseUrl() + QStringLiteral("?token=wrong")});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QLatin1String("token was refused")), qPrintable(run.err));
        verifyServerClean();
    }

    void badUrlIsAUsageError() {
        const Result run =
            runQuire({QStringLiteral("run"), path("t.ipynb"), QStringLiteral("--runtime"),
                      QStringLiteral("ftp://nowhere/")});
        QCOMPARE(run.code, 2);
    }
};

QTEST_GUILESS_MAIN(TestRemoteCli)
#include "test_remote_cli.moc"
