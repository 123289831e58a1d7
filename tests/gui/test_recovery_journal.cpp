// The crash journal: written within about a second of an edit (later edits do not push it
// back), removed once the document is saved, undone to clean or closed; entries of dead
// processes are offered and restore as modified documents bound to the original file. The
// crash test re-runs this binary as a child that journals an edit and is killed with SIGKILL.
#include "common/test_files.h"
#include "app/journal_writer.h"
#include "app/recovery_journal.h"
#include "editor/model/notebook_document.h"
#include "editor/model/notebook_editing.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <cstdio>
#include <cstring>

using namespace quire;
using app::JournalWriter;
using app::RecoveryEntry;
using app::RecoveryJournal;
using editor::Json;
using editor::NotebookDocument;
using editor::NotebookEditing;

namespace {
using quire::test::notebookText;
using quire::test::writeFile;
using quire::test::readFile;
constexpr char kChildFlag[] = "--journal-crash-child";

QStringList journalFiles() {
    return QDir(RecoveryJournal::directory()).entryList({QStringLiteral("*.ipynb")}, QDir::Files);
}

void say(const char* line) {
    std::fputs(line, stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

// The crash child: journals an edit, a second one 1.5 s later, then waits to be killed.
int runCrashChild(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    auto loaded = NotebookDocument::load(QString::fromLocal8Bit(argv[2]));
    if (!loaded.document)
        return 2;
    NotebookDocument* doc = loaded.document.get();
    new RecoveryJournal(doc);
    NotebookEditing edit(*doc);
    edit.editSource(0, QStringLiteral("first edit"));
    say("edit1");
    QTimer::singleShot(1500, &app, [&] {
        edit.editSource(0, QStringLiteral("second edit"));
        say("edit2");
    });
    return app.exec();
}

bool waitForLine(QProcess& p, const QByteArray& line, int ms) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        if (p.canReadLine())
            return p.readLine().trimmed() == line;
        p.waitForReadyRead(50);
    }
    return false;
}

// A pid that surely is not running: a child that has exited and been reaped.
qint64 deadPid() {
    QProcess p;
    p.start(QStringLiteral("/bin/true"), {});
    p.waitForFinished();
    return p.processId() ? p.processId() : 999999;
}
} // namespace

class TestRecoveryJournal : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        JournalWriter::instance().flush();
        QDir(RecoveryJournal::directory()).removeRecursively();
        QVERIFY(m_tmp.isValid());
        m_path = m_tmp.filePath(QStringLiteral("nb.ipynb"));
        writeFile(m_path, notebookText("original"));
    }

    void writtenWithinASecondOfTheFirstEdit() {
        auto doc = NotebookDocument::load(m_path).document;
        auto* journal = new RecoveryJournal(doc.get());
        QSignalSpy written(journal, &RecoveryJournal::written);
        NotebookEditing edit(*doc);
        QElapsedTimer clock;
        clock.start();
        edit.editSource(0, QStringLiteral("a"));
        QTest::qWait(400);
        edit.editSource(0, QStringLiteral("ab")); // does not restart the countdown
        QVERIFY(written.wait(3000));
        const qint64 latency = clock.elapsed();
        qInfo("journal on disk %lld ms after the first edit", latency);
        QVERIFY2(latency >= 900 && latency < 1500, qPrintable(QString::number(latency)));
        QVERIFY(written.first().first().toBool());
        auto restored =
            NotebookDocument::fromBytes(readFile(journal->journalPath()), m_path).document;
        QVERIFY(restored);
        QCOMPARE(restored->cell(0)->source(), QStringLiteral("ab"));
    }

    void removedWhenSaved() {
        auto doc = NotebookDocument::load(m_path).document;
        auto* journal = new RecoveryJournal(doc.get());
        NotebookEditing(*doc).editSource(0, QStringLiteral("edited"));
        journal->writeNow();
        JournalWriter::instance().flush();
        QVERIFY(QFile::exists(journal->journalPath()));
        QVERIFY(doc->save());
        JournalWriter::instance().flush();
        QVERIFY(journalFiles().isEmpty());
        QVERIFY(QDir(RecoveryJournal::directory()).entryList(QDir::Files).isEmpty()); // sidecar too
    }

    void removedWhenUndoneToCleanAndWhenClosed() {
        auto doc = NotebookDocument::load(m_path).document;
        auto* journal = new RecoveryJournal(doc.get());
        NotebookEditing(*doc).editSource(0, QStringLiteral("edited"));
        journal->writeNow();
        JournalWriter::instance().flush();
        QCOMPARE(journalFiles().size(), 1);
        doc->undoStack()->undo();
        JournalWriter::instance().flush();
        QVERIFY(journalFiles().isEmpty());

        doc->undoStack()->redo();
        journal->writeNow();
        JournalWriter::instance().flush();
        QCOMPARE(journalFiles().size(), 1);
        doc.reset(); // closing the notebook (after the user said Discard)
        JournalWriter::instance().flush();
        QVERIFY(journalFiles().isEmpty());
    }

    void ownEntriesAreNotOfferedAndGoAtQuit() {
        NotebookDocument untitled;
        untitled.setUntitledName(QStringLiteral("Untitled3.ipynb"));
        auto* journal = new RecoveryJournal(&untitled);
        NotebookEditing(untitled).editSource(0, QStringLiteral("never saved"));
        journal->writeNow();
        JournalWriter::instance().flush();
        QCOMPARE(journalFiles().size(), 1);
        QVERIFY(RecoveryJournal::pendingEntries().isEmpty()); // we are running
        RecoveryJournal::finishProcess();
        QVERIFY(journalFiles().isEmpty());
    }

    void deadOrRecycledOwnersAreOffered() {
        NotebookDocument untitled;
        untitled.setUntitledName(QStringLiteral("Untitled2.ipynb"));
        auto* journal = new RecoveryJournal(&untitled);
        NotebookEditing(untitled).editSource(0, QStringLiteral("lost work"));
        journal->writeNow();
        JournalWriter::instance().flush();
        const QString sidecarPath = RecoveryJournal::directory() + QLatin1Char('/') +
                                    journal->id() + QStringLiteral(".json");
        QJsonObject side = QJsonDocument::fromJson(readFile(sidecarPath)).object();
        QCOMPARE(side.value(QStringLiteral("pid")).toInteger(), QCoreApplication::applicationPid());

        side.insert(QStringLiteral("start"), QStringLiteral("1")); // our pid, but another process
        writeFile(sidecarPath, QJsonDocument(side).toJson());
        QCOMPARE(RecoveryJournal::pendingEntries().size(), 1);
        side.insert(QStringLiteral("pid"), deadPid());
        writeFile(sidecarPath, QJsonDocument(side).toJson());
        const auto entries = RecoveryJournal::pendingEntries();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries[0].id, journal->id());
        QCOMPARE(entries[0].diskState(), RecoveryEntry::DiskState::Untitled);

        QString error;
        auto restored = RecoveryJournal::restore(entries[0], &error);
        QVERIFY2(restored, qPrintable(error));
        QVERIFY(restored->isModified());
        QVERIFY(restored->filePath().isEmpty());
        QCOMPARE(restored->displayName(), QStringLiteral("Untitled2.ipynb"));
        QCOMPARE(restored->cell(0)->source(), QStringLiteral("lost work"));
        RecoveryJournal::discard(entries[0]);
        QVERIFY(journalFiles().isEmpty());
    }

    void sidecarWithoutNotebookIsCleanedUp() {
        QDir().mkpath(RecoveryJournal::directory());
        const QJsonObject side{{QStringLiteral("quire"), 1}, {QStringLiteral("pid"), deadPid()}};
        const QString path = RecoveryJournal::directory() + QStringLiteral("/orphan.json");
        writeFile(path, QJsonDocument(side).toJson());
        QVERIFY(RecoveryJournal::pendingEntries().isEmpty());
        QVERIFY(!QFile::exists(path));
    }

    void crashLosesAtMostTheLastSecond() {
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(),
                    {QString::fromLatin1(kChildFlag), m_path});
        QVERIFY(child.waitForStarted());
        QVERIFY2(waitForLine(child, "edit1", 15000), child.readAllStandardError().constData());
        QTest::qWait(1200);
        QCOMPARE(journalFiles().size(), 1); // the first edit is on disk within 1.2 s
        QVERIFY(readFile(RecoveryJournal::directory() + QLatin1Char('/') + journalFiles().first())
                    .contains("first edit"));
        QVERIFY(RecoveryJournal::pendingEntries().isEmpty()); // its owner is alive
        QVERIFY(waitForLine(child, "edit2", 5000));
        QTest::qWait(1200);
        const qint64 pid = child.processId();
        child.kill(); // SIGKILL: no destructor, no cleanup
        QVERIFY(child.waitForFinished());

        const auto entries = RecoveryJournal::pendingEntries();
        QCOMPARE(entries.size(), 1);
        const RecoveryEntry& e = entries.first();
        QCOMPARE(e.pid, pid);
        QCOMPARE(e.originalPath, m_path);
        QCOMPARE(e.diskState(), RecoveryEntry::DiskState::Unchanged);
        auto doc = RecoveryJournal::restore(e);
        QVERIFY(doc);
        QVERIFY(doc->isModified());
        QCOMPARE(doc->filePath(), m_path);
        QCOMPARE(doc->cell(0)->source(), QStringLiteral("second edit"));

        // Adopted, the entry stays until the recovered document is saved to the original.
        auto* journal = new RecoveryJournal(doc.get());
        journal->adopt(e);
        JournalWriter::instance().flush();
        QVERIFY(QFile::exists(e.journalPath));
        QVERIFY(RecoveryJournal::pendingEntries().isEmpty()); // now ours
        QVERIFY(doc->save());
        JournalWriter::instance().flush();
        QVERIFY(journalFiles().isEmpty());
        QVERIFY(readFile(m_path).contains("second edit"));
    }

    void changedOriginalIsNoticed() {
        NotebookDocument doc;
        QVERIFY(doc.saveAs(m_path));
        auto* journal = new RecoveryJournal(&doc);
        NotebookEditing(doc).editSource(0, QStringLiteral("mine"));
        journal->writeNow();
        JournalWriter::instance().flush();
        QTest::qWait(20); // a different mtime even on coarse clocks
        writeFile(m_path, notebookText("someone else's, and longer"));
        RecoveryEntry e;
        e.id = journal->id();
        e.journalPath = journal->journalPath();
        e.originalPath = m_path;
        const QJsonObject side =
            QJsonDocument::fromJson(readFile(RecoveryJournal::directory() + QLatin1Char('/') +
                                             e.id + QStringLiteral(".json")))
                .object();
        e.originalSize = side.value(QStringLiteral("originalSize")).toInteger();
        e.originalMtimeMs = side.value(QStringLiteral("originalMtime")).toInteger();
        QCOMPARE(e.diskState(), RecoveryEntry::DiskState::Changed);
        QFile::remove(m_path);
        QCOMPARE(e.diskState(), RecoveryEntry::DiskState::Missing);
    }

    void bigNotebooksAreThrottled() {
        // About 20 MB: 100 cells with a 150 KB image, 100 with 1,000 lines of stream output.
        Json cells = Json::array();
        const std::string image(150 * 1024, 'A');
        std::string line(48, 'x');
        line += '\n';
        Json lines = Json::array();
        for (int k = 0; k < 1000; ++k)
            lines.push_back(line);
        for (int i = 0; i < 100; ++i) {
            const Json png = {{"output_type", "display_data"},
                              {"metadata", Json::object()},
                              {"data", {{"image/png", image}, {"text/plain", "<Figure>"}}}};
            const Json stream = {{"output_type", "stream"}, {"name", "stdout"}, {"text", lines}};
            for (const Json& out : {png, stream})
                cells.push_back({{"cell_type", "code"},
                                 {"execution_count", i},
                                 {"id", "c" + std::to_string(cells.size())},
                                 {"metadata", Json::object()},
                                 {"outputs", Json::array({out})},
                                 {"source", "plot(" + std::to_string(i) + ")"}});
        }
        const Json nb = {
            {"cells", cells}, {"metadata", Json::object()}, {"nbformat", 4}, {"nbformat_minor", 5}};
        auto doc =
            NotebookDocument::fromBytes(QByteArray::fromStdString(nb.dump(1)), m_path).document;
        QVERIFY(doc);
        QElapsedTimer clock;
        clock.start();
        const QByteArray bytes = doc->serialize();
        const qint64 serializeMs = clock.elapsed();
        clock.restart();
        [[maybe_unused]] const Json copy = doc->toJson();
        const qint64 toJsonMs = clock.elapsed();
        qInfo("serialize() of %.1f MB: %lld ms (toJson() alone %lld ms)", bytes.size() / 1e6,
              serializeMs, toJsonMs);

        auto* journal = new RecoveryJournal(doc.get());
        QSignalSpy written(journal, &RecoveryJournal::written);
        NotebookEditing(*doc).editSource(0, QStringLiteral("plot(-1)"));
        clock.restart();
        journal->writeNow(); // the GUI thread's part: serializing
        const qint64 guiMs = clock.elapsed();
        QVERIFY(written.wait(10000));
        qInfo("journal write: %lld ms on the GUI thread, %lld ms until on disk; next delay %d ms",
              guiMs, clock.elapsed(), journal->delayMs());
        QCOMPARE(
            journal->delayMs(),
            int(std::clamp<qint64>(journal->lastSerializeMs() * RecoveryJournal::kCostShare,
                                   RecoveryJournal::kMinDelayMs, RecoveryJournal::kMaxDelayMs)));
        QVERIFY(guiMs < journal->lastSerializeMs() + 50); // the disk write is not on this thread
    }

private:
    QTemporaryDir m_tmp;
    QString m_path;
};

int main(int argc, char** argv) {
    if (argc >= 3 && std::strcmp(argv[1], kChildFlag) == 0)
        return runCrashChild(argc, argv);
    // A HOME of its own (the crash child inherits it): test mode keeps journals under it, so
    // test binaries running in parallel share none.
    QTemporaryDir home;
    qputenv("HOME", QFile::encodeName(home.path()));
    QCoreApplication app(argc, argv);
    TestRecoveryJournal test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_recovery_journal.moc"
