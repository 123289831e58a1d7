// Another program changing the open notebook's file is noticed within a couple of seconds
// (in place, by an atomic rename, or by deleting it); our own saves, and writes of the same
// bytes, are not reported; the watch survives the inode changes of atomic saves.
#include "common/test_files.h"
#include "app/disk_change_watcher.h"
#include "editor/model/notebook_document.h"
#include "editor/model/notebook_editing.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSaveFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace quire;
using app::DiskChangeWatcher;
using editor::NotebookDocument;
using editor::NotebookEditing;
using State = DiskChangeWatcher::State;

Q_DECLARE_METATYPE(DiskChangeWatcher::State)

namespace {
using quire::test::readFile;
void writeInPlace(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

void writeByRename(const QString& path, const QByteArray& bytes) {
    QSaveFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    QVERIFY(f.commit());
}

// Lets every notification of what happened so far arrive and settle.
void settle() {
    QTest::qWait(DiskChangeWatcher::kSettleMs * 4);
}
} // namespace

class TestDiskChangeWatcher : public QObject {
    Q_OBJECT
private slots:
    void init() {
        QVERIFY(m_tmp.isValid());
        m_path = m_tmp.filePath(QStringLiteral("watched.ipynb"));
        m_doc = std::make_unique<NotebookDocument>();
        QVERIFY(m_doc->saveAs(m_path));
        m_watcher = new DiskChangeWatcher(m_doc.get());
    }
    void cleanup() { m_doc.reset(); }

    void anotherWriterIsNoticed() {
        QSignalSpy spy(m_watcher, &DiskChangeWatcher::stateChanged);
        QTest::qWait(20); // a later mtime than our save
        QElapsedTimer clock;
        clock.start();
        writeInPlace(m_path, readFile(m_path).replace("python3", "python4"));
        QVERIFY(spy.wait(2000));
        qInfo("change noticed after %lld ms", clock.elapsed());
        QCOMPARE(spy.first().first().value<State>(), State::Changed);
        QVERIFY(!m_watcher->diskMatchesBaseline());
        settle();
        QCOMPARE(spy.size(), 1); // one change, one report
    }

    void ownSavesAreNotReported() {
        QSignalSpy spy(m_watcher, &DiskChangeWatcher::stateChanged);
        NotebookEditing edit(*m_doc);
        for (int i = 0; i < 3; ++i) {
            edit.editSource(0, QStringLiteral("x = %1").arg(i));
            QVERIFY(m_doc->save()); // an atomic rename: a new inode every time
            settle();
        }
        QCOMPARE(spy.size(), 0);
        QVERIFY(m_watcher->diskMatchesBaseline());
        // The watch followed the renames: someone else's write is still seen.
        writeByRename(m_path, readFile(m_path) + "\n");
        QVERIFY(spy.wait(2000));
        QCOMPARE(spy.last().first().value<State>(), State::Changed);
    }

    void atomicReplaceByAnotherProgramIsNoticedTwice() {
        QSignalSpy spy(m_watcher, &DiskChangeWatcher::stateChanged);
        writeByRename(m_path, readFile(m_path).replace("python3", "python5"));
        QVERIFY(spy.wait(2000));
        writeByRename(m_path, readFile(m_path).replace("python5", "python6"));
        QVERIFY(spy.wait(2000));
        QCOMPARE(spy.size(), 2);
        QCOMPARE(spy.last().first().value<State>(), State::Changed);
    }

    void sameBytesAreNotAChange() {
        QSignalSpy spy(m_watcher, &DiskChangeWatcher::stateChanged);
        QTest::qWait(20);
        writeInPlace(m_path, readFile(m_path)); // a touch: new mtime, same content
        settle();
        QCOMPARE(spy.size(), 0);
        QVERIFY(m_watcher->diskMatchesBaseline()); // and autosave is not held back by it
    }

    void deletionAndKeepMine() {
        QSignalSpy spy(m_watcher, &DiskChangeWatcher::stateChanged);
        QVERIFY(QFile::remove(m_path));
        QVERIFY(spy.wait(2000));
        QCOMPARE(spy.last().first().value<State>(), State::Removed);
        QVERIFY(!m_watcher->diskMatchesBaseline());
        m_watcher->acceptDiskState(); // "Keep mine": a save may now create it again
        QCOMPARE(m_watcher->state(), State::InSync);
        QVERIFY(m_watcher->diskMatchesBaseline());
        m_doc->markDirty();
        QVERIFY(m_doc->save());
        settle();
        QCOMPARE(spy.size(), 1);
        writeInPlace(m_path, "{}"); // watched again after being created anew
        QVERIFY(spy.wait(2000));
        QCOMPARE(spy.last().first().value<State>(), State::Changed);
    }

    void restoredFileIsInSyncAgain() {
        QSignalSpy spy(m_watcher, &DiskChangeWatcher::stateChanged);
        const QByteArray original = readFile(m_path);
        writeInPlace(m_path, "changed");
        QVERIFY(spy.wait(2000));
        writeInPlace(m_path, original);
        QVERIFY(spy.wait(2000));
        QCOMPARE(spy.last().first().value<State>(), State::InSync);
    }

private:
    QTemporaryDir m_tmp;
    QString m_path;
    std::unique_ptr<NotebookDocument> m_doc;
    DiskChangeWatcher* m_watcher = nullptr;
};

// A HOME of its own: test mode keeps settings and journals under it, so test binaries running
// in parallel share neither.
int main(int argc, char** argv) {
    QTemporaryDir home;
    qputenv("HOME", QFile::encodeName(home.path()));
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    TestDiskChangeWatcher test;
    return QTest::qExec(&test, argc, argv);
}
#include "test_disk_change_watcher.moc"
