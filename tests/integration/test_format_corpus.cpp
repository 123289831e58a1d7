// `quire format` against nbformat itself on every real notebook Debian ships (and on the
// golden fixtures): canonical output byte for byte, keep-style output identical to the input.
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {
QString quireBinary() {
    return qEnvironmentVariable("QUIRE_BIN", QStringLiteral(QUIRE_BIN));
}
QString python() {
    return qEnvironmentVariable("QUIRE_PYTHON", QStringLiteral("/usr/bin/python3"));
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Notebooks shipped by packages: *.ipynb, and the copies Sphinx keeps as *.ipynb.txt.
QStringList findNotebooks() {
    QStringList found;
    for (const QString& root : {QStringLiteral("/usr/share"), QStringLiteral("/usr/lib/python3")}) {
        QDirIterator it(root, {QStringLiteral("*.ipynb"), QStringLiteral("*.ipynb.txt")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (QFileInfo(path).size() < 64 * 1024 * 1024)
                found << path;
        }
    }
    found.sort();
    return found;
}

// Which package owns each file (for the report only).
QMap<QString, int> countByPackage(const QStringList& files) {
    QMap<QString, int> counts;
    QProcess dpkg;
    dpkg.start(QStringLiteral("dpkg-query"), QStringList{QStringLiteral("-S")} + files);
    if (!dpkg.waitForFinished(60000))
        return counts;
    for (const QByteArray& line : dpkg.readAllStandardOutput().split('\n')) {
        const qsizetype colon = line.indexOf(": /");
        if (colon > 0)
            ++counts[QString::fromUtf8(line.left(colon))];
    }
    return counts;
}

QByteArray maskCellIds(const QByteArray& text) {
    static const QRegularExpression id(QStringLiteral("^   \"id\": \"[0-9a-f]{8}\",$"),
                                       QRegularExpression::MultilineOption);
    return QString::fromUtf8(text).replace(id, QStringLiteral("   \"id\": \"ID\",")).toUtf8();
}

QString firstDifference(const QByteArray& got, const QByteArray& want) {
    const auto a = got.split('\n');
    const auto b = want.split('\n');
    for (qsizetype i = 0; i < std::min(a.size(), b.size()); ++i)
        if (a[i] != b[i])
            return QStringLiteral("line %1:\n  quire:    %2\n  nbformat: %3")
                .arg(i + 1)
                .arg(QString::fromUtf8(a[i].left(200)), QString::fromUtf8(b[i].left(200)));
    return QStringLiteral("lengths differ (%1 vs %2 bytes)").arg(got.size()).arg(want.size());
}

int runQuire(const QStringList& args, QByteArray* err = nullptr) {
    QProcess p;
    p.start(quireBinary(), args);
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (err)
        *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
}
} // namespace

class TestFormatCorpus : public QObject {
    Q_OBJECT
private slots:
    void matchesNbformatByteForByte() {
        QVERIFY2(QFile::exists(quireBinary()),
                 qPrintable(QStringLiteral("build quire first: ") + quireBinary()));
        const QStringList shipped = findNotebooks();
        if (shipped.isEmpty())
            QSKIP("no .ipynb files found under /usr/share or /usr/lib/python3: install the "
                  "packages in "
                  "packaging/deps-test.txt (python3-nbconvert, python-nbsphinx-doc, ...)");
        QStringList files = shipped;
        const QString golden = QStringLiteral(QUIRE_TEST_DATA "/nbformat/golden");
        QDirIterator it(golden, {QStringLiteral("*.ipynb")}, QDir::Files);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!path.endsWith(QLatin1String(".expected.ipynb")))
                files << path;
        }

        QTemporaryDir ref;
        QTemporaryDir out;
        QElapsedTimer timer;
        timer.start();
        QProcess py;
        py.start(python(), QStringList{QStringLiteral(QUIRE_TEST_DATA
                                                      "/../integration/nbformat_reference.py"),
                                       ref.path()} +
                               files);
        QVERIFY(py.waitForFinished(300000));
        QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
        const qint64 pythonMs = timer.restart();

        int matched = 0, skipped = 0, randomIds = 0, keepIdentical = 0;
        for (qsizetype i = 0; i < files.size(); ++i) {
            const QString& file = files[i];
            const QString base = ref.filePath(QString::number(i));
            if (QFile::exists(base + QStringLiteral(".skip"))) {
                qInfo("skipped (nbformat refuses it): %s: %s", qPrintable(file),
                      readFile(base + QStringLiteral(".skip")).left(200).constData());
                ++skipped;
                continue;
            }
            const QString formatted = out.filePath(QStringLiteral("%1.ipynb").arg(i));
            QByteArray err;
            QCOMPARE(
                runQuire({QStringLiteral("format"), file, QStringLiteral("--output"), formatted},
                         &err),
                0);
            QByteArray got = readFile(formatted);
            QByteArray want = readFile(base + QStringLiteral(".ipynb"));
            if (QFile::exists(base + QStringLiteral(".random-ids"))) {
                got = maskCellIds(got);
                want = maskCellIds(want);
                ++randomIds;
            }
            if (got != want)
                QFAIL(qPrintable(QStringLiteral("%1 differs from nbformat at %2")
                                     .arg(file, firstDifference(got, want))));
            ++matched;

            // keep style: an unedited notebook comes back as it was (v3 files are upgraded)
            const QByteArray original = readFile(file);
            if (original.contains("\"nbformat\": 3") || original.contains("\"nbformat\":3"))
                continue;
            const QString kept = out.filePath(QStringLiteral("%1.keep.ipynb").arg(i));
            QCOMPARE(runQuire({QStringLiteral("format"), file, QStringLiteral("--style"),
                               QStringLiteral("keep"), QStringLiteral("--output"), kept}),
                     0);
            if (readFile(kept) != original)
                QFAIL(qPrintable(QStringLiteral("%1: keep style changed it at %2")
                                     .arg(file, firstDifference(readFile(kept), original))));
            ++keepIdentical;
        }
        const qint64 quireMs = timer.elapsed();

        QStringList packages;
        const auto counts = countByPackage(shipped);
        for (auto c = counts.begin(); c != counts.end(); ++c)
            packages << QStringLiteral("%1 (%2)").arg(c.key()).arg(c.value());
        qInfo("%d of %d notebooks byte-identical to nbformat (%d with nbformat's random cell ids "
              "masked), "
              "%d skipped because nbformat refuses them; %d kept byte-identical with --style keep",
              matched, int(files.size()), randomIds, skipped, keepIdentical);
        qInfo("%d shipped notebooks from: %s", int(shipped.size()),
              qPrintable(packages.join(QStringLiteral(", "))));
        qInfo("nbformat: %lld ms for all, quire: %lld ms for all (two runs per file)", pythonMs,
              quireMs);
        QVERIFY(matched > 0);
    }
};

QTEST_GUILESS_MAIN(TestFormatCorpus)
#include "test_format_corpus.moc"
