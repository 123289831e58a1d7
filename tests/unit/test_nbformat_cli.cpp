// `quire format` and `quire check`, run as the user runs them.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kData = QStringLiteral(QUIRE_TEST_DATA "/nbformat/");

// QUIRE_BIN in the environment wins over the built one (to test an installed quire).
QString quireBinary() {
    return qEnvironmentVariable("QUIRE_BIN", QStringLiteral(QUIRE_BIN));
}

struct Run {
    int exitCode = -1;
    QByteArray out, err;
};

Run quire(const QStringList& args) {
    QProcess p;
    p.start(quireBinary(), args);
    Run r;
    if (!p.waitForStarted(10000)) {
        r.err = "could not start " + quireBinary().toUtf8();
        return r;
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}
} // namespace

class TestNbformatCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY2(QFile::exists(quireBinary()),
                 qPrintable(QStringLiteral("build the quire target first: %1").arg(quireBinary())));
    }

    void help() {
        const Run top = quire({QStringLiteral("--help")});
        QCOMPARE(top.exitCode, 0);
        QVERIFY(top.out.contains("format") && top.out.contains("check"));
        const Run format = quire({QStringLiteral("format"), QStringLiteral("--help")});
        QCOMPARE(format.exitCode, 0);
        QVERIFY(format.out.contains("--style canonical"));
        QCOMPARE(quire({QStringLiteral("check"), QStringLiteral("-h")}).exitCode, 0);
    }

    void formatWritesNbformatText() {
        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("out.ipynb"));
        const Run r =
            quire({QStringLiteral("format"), kData + QStringLiteral("golden/multiline.ipynb"),
                   QStringLiteral("--output"), out});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(readFile(out),
                 readFile(kData + QStringLiteral("golden/multiline.expected.ipynb")));
        // to standard output, and with --option=value spelling
        const Run toStdout =
            quire({QStringLiteral("format"), kData + QStringLiteral("golden/floats.ipynb"),
                   QStringLiteral("--output=-"), QStringLiteral("--style=canonical")});
        QCOMPARE(toStdout.exitCode, 0);
        QCOMPARE(toStdout.out, readFile(kData + QStringLiteral("golden/floats.expected.ipynb")));
    }

    void formatKeepStyle() {
        const QString input = kData + QStringLiteral("golden/other_layout.ipynb");
        const Run r = quire({QStringLiteral("format"), input, QStringLiteral("--style"),
                             QStringLiteral("keep"), QStringLiteral("-o"), QStringLiteral("-")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, readFile(input));
    }

    void formatWarnsButWrites() {
        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("out.ipynb"));
        const Run r =
            quire({QStringLiteral("format"), kData + QStringLiteral("bad/schema_violations.ipynb"),
                   QStringLiteral("--output"), out});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.contains("schema_violations.ipynb:5: warning: /cells/0/execution_count: "));
        QVERIFY(QFile::exists(out));
    }

    void formatRefusesUnreadableAndKeepsOutput_data() {
        QTest::addColumn<QString>("input");
        for (const char* name : {"truncated", "not_json", "invalid_utf8", "nan", "too_deep",
                                 "nbformat_5", "empty_file"})
            QTest::newRow(name) << kData + QStringLiteral("bad/%1.ipynb").arg(QLatin1String(name));
        QTest::newRow("missing file") << kData + QStringLiteral("bad/does_not_exist.ipynb");
    }
    void formatRefusesUnreadableAndKeepsOutput() {
        QFETCH(QString, input);
        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("existing.ipynb"));
        writeFile(out, "precious");
        const Run r = quire({QStringLiteral("format"), input, QStringLiteral("--output"), out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(": error: "), r.err.constData());
        QCOMPARE(readFile(out), QByteArray("precious"));
        QCOMPARE(QDir(tmp.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("existing.ipynb")});
    }

    void formatUsageErrors() {
        const QString nb = kData + QStringLiteral("golden/floats.ipynb");
        QCOMPARE(quire({QStringLiteral("format"), nb}).exitCode, 2);
        QCOMPARE(quire({QStringLiteral("format"), nb, QStringLiteral("--output")}).exitCode, 2);
        QCOMPARE(quire({QStringLiteral("format"), nb, QStringLiteral("-o"), QStringLiteral("-"),
                        QStringLiteral("--style"), QStringLiteral("pretty")})
                     .exitCode,
                 2);
        QCOMPARE(
            quire({QStringLiteral("format"), nb, nb, QStringLiteral("-o"), QStringLiteral("-")})
                .exitCode,
            2);
        QCOMPARE(quire({QStringLiteral("check")}).exitCode, 2);
    }

    void checkValidNotebooks() {
        const Run r = quire({QStringLiteral("check"),
                             kData + QStringLiteral("golden/multiline.expected.ipynb"),
                             kData + QStringLiteral("golden/attachments.ipynb")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
    }

    void checkListsEveryProblem() {
        const QString bad = kData + QStringLiteral("bad/schema_violations.ipynb");
        const QString broken = kData + QStringLiteral("bad/truncated.ipynb");
        const Run r = quire(
            {QStringLiteral("check"), kData + QStringLiteral("golden/floats.ipynb"), bad, broken});
        QCOMPARE(r.exitCode, 1);
        const QStringList lines =
            QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        static const QRegularExpression format(
            QStringLiteral("^(.+):(\\d+): (error|warning): (/\\S*: )?.+$"));
        for (const QString& line : lines)
            QVERIFY2(format.match(line).hasMatch(), qPrintable(line));
        QCOMPARE(lines.filter(bad + QLatin1Char(':')).size(), 15);
        QVERIFY(lines.contains(
            bad +
            QStringLiteral(
                ":20: warning: /cells/2/id: duplicate cell id \"dup\" (also used by /cells/1)")));
        QCOMPARE(lines.filter(broken + QStringLiteral(":5: error: ")).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestNbformatCli)
#include "test_nbformat_cli.moc"
