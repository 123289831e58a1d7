// Autosave: a modified notebook that has a file is saved the set number of seconds after the
// first change (steady typing does not postpone it); untitled notebooks never are; the gate
// and the suspension hold it back; a new interval applies at once.
#include "app/app_settings.h"
#include "app/autosave_timer.h"
#include "common/test_files.h"
#include "editor/model/notebook_document.h"
#include "editor/model/notebook_editing.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace quire;
using app::AppSettings;
using app::AutosaveTimer;
using editor::NotebookDocument;
using editor::NotebookEditing;

namespace {
using quire::test::readFile;
} // namespace

class TestAutosaveTimer : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        AppSettings::instance().setAutosave(true);
        AppSettings::instance().setAutosaveSeconds(1);
    }

    void init() {
        QVERIFY(m_tmp.isValid());
        m_path = m_tmp.filePath(QStringLiteral("auto.ipynb"));
        m_doc = std::make_unique<NotebookDocument>();
        QVERIFY(m_doc->saveAs(m_path));
        m_autosave = new AutosaveTimer(m_doc.get());
    }
    void cleanup() {
        m_doc.reset();
        AppSettings::instance().setAutosave(true);
        AppSettings::instance().setAutosaveSeconds(1);
    }

    // Settings → Files: a shorter interval applies to a countdown already running.
    void aNewIntervalAppliesToThePendingSave() {
        AppSettings::instance().setAutosaveSeconds(60);
        QSignalSpy saved(m_autosave, &AutosaveTimer::autosaved);
        NotebookEditing(*m_doc).editSource(0, QStringLiteral("soon"));
        QVERIFY(m_autosave->isPending());
        QElapsedTimer clock;
        clock.start();
        AppSettings::instance().setAutosaveSeconds(1);
        QVERIFY(saved.wait(3000));
        QVERIFY(clock.elapsed() < 1500);
        QVERIFY(readFile(m_path).contains("\"soon\""));
    }

    void savesAfterTheInterval() {
        QSignalSpy saved(m_autosave, &AutosaveTimer::autosaved);
        NotebookEditing edit(*m_doc);
        QElapsedTimer clock;
        clock.start();
        edit.editSource(0, QStringLiteral("a"));
        QTest::qWait(500);
        edit.editSource(0, QStringLiteral("ab")); // does not push the save back
        QVERIFY(saved.wait(3000));
        qInfo("autosaved %lld ms after the first change", clock.elapsed());
        QVERIFY(clock.elapsed() >= 900 && clock.elapsed() < 1500);
        QVERIFY(!m_doc->isModified());
        QVERIFY(readFile(m_path).contains("\"ab\""));
    }

    void untitledIsNeverSaved() {
        NotebookDocument untitled;
        auto* autosave = new AutosaveTimer(&untitled);
        QSignalSpy saved(autosave, &AutosaveTimer::autosaved);
        QSignalSpy failed(autosave, &AutosaveTimer::failed);
        NotebookEditing(untitled).editSource(0, QStringLiteral("draft"));
        QVERIFY(!autosave->isPending());
        QTest::qWait(1500);
        QCOMPARE(saved.size() + failed.size(), 0);
        QVERIFY(untitled.isModified());
    }

    void gateHoldsBack() {
        bool open = false;
        m_autosave->setGate([&open] { return open; });
        QSignalSpy saved(m_autosave, &AutosaveTimer::autosaved);
        NotebookEditing(*m_doc).editSource(0, QStringLiteral("held"));
        QTest::qWait(1500);
        QCOMPARE(saved.size(), 0);
        QVERIFY(m_doc->isModified());
        open = true;
        m_autosave->schedule();
        QVERIFY(saved.wait(3000));
        QVERIFY(readFile(m_path).contains("held"));
    }

    void settingOffHoldsBack() {
        AppSettings::instance().setAutosave(false);
        QSignalSpy saved(m_autosave, &AutosaveTimer::autosaved);
        NotebookEditing(*m_doc).editSource(0, QStringLiteral("manual"));
        QTest::qWait(1500);
        QCOMPARE(saved.size(), 0);
        AppSettings::instance().setAutosave(true); // turning it on saves what is pending
        QVERIFY(saved.wait(3000));
    }

    void suspendedUntilAnExplicitSave() {
        m_autosave->setSuspended(true);
        QSignalSpy saved(m_autosave, &AutosaveTimer::autosaved);
        NotebookEditing edit(*m_doc);
        edit.editSource(0, QStringLiteral("recovered"));
        QTest::qWait(1500);
        QCOMPARE(saved.size(), 0);
        QVERIFY(m_doc->save()); // the user's own save ends the suspension
        QVERIFY(!m_autosave->isSuspended());
        edit.editSource(0, QStringLiteral("recovered, then typed"));
        QVERIFY(saved.wait(3000));
    }

    void failureIsReported() {
        // A folder where the file was: the atomic rename fails, even for root.
        QVERIFY(QFile::remove(m_path));
        QVERIFY(QDir().mkdir(m_path));
        QSignalSpy failed(m_autosave, &AutosaveTimer::failed);
        NotebookEditing(*m_doc).editSource(0, QStringLiteral("cannot"));
        QVERIFY(failed.wait(3000));
        QVERIFY(m_doc->isModified());
        QVERIFY(QDir(m_path).removeRecursively());
    }

private:
    QTemporaryDir m_tmp;
    QString m_path;
    std::unique_ptr<NotebookDocument> m_doc;
    AutosaveTimer* m_autosave = nullptr;
};

// A HOME of its own: test mode keeps settings and journals under it, so test binaries running
// in parallel share neither.
int main(int argc, char** argv) {
    QTemporaryDir home;
    qputenv("HOME", QFile::encodeName(home.path()));
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    TestAutosaveTimer test;
    return QTest::qExec(&test, argc, argv);
}
#include "test_autosave_timer.moc"
