// DocumentGuard on real pages: every page FileController opens gets one; a change on disk
// reloads an unmodified notebook (and says so) or asks "Reload / Keep mine" when there are
// unsaved edits, without autosave overwriting the other program's version meanwhile; a
// deleted file is said to be gone; a recovered notebook is announced and not autosaved.
#include "common/test_files.h"
#include "app/app_settings.h"
#include "app/controllers/file_controller.h"
#include "app/document_guard.h"
#include "app/journal_writer.h"
#include "app/main_window.h"
#include "app/notebook_page.h"
#include "editor/model/notebook_document.h"
#include "editor/model/notebook_editing.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace quire;
using namespace quire::app;
using editor::Json;
using editor::NotebookDocument;
using editor::NotebookEditing;

namespace {
using quire::test::notebookText;
using quire::test::writeFile;
using quire::test::readFile;
QPushButton* barButton(NotebookPage* page, const QString& text) {
    for (auto* b : page->messageBar()->findChildren<QPushButton*>())
        if (b->text() == text)
            return b;
    return nullptr;
}

QString barText(NotebookPage* page) {
    return page->messageBar()->isHidden() ? QString() : page->messageBar()->text();
}
} // namespace

class TestDocumentGuard : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        AppSettings::instance().setAutosave(true);
        AppSettings::instance().setAutosaveSeconds(1);
    }

    void init() {
        QVERIFY(m_tmp.isValid());
        m_path = m_tmp.filePath(QStringLiteral("guarded.ipynb"));
        writeFile(m_path, notebookText("mine on disk"));
        m_page = std::make_unique<NotebookPage>(NotebookDocument::load(m_path).document);
        new DocumentGuard(m_page.get());
        m_page->resize(800, 600);
        m_page->show();
    }
    void cleanup() { m_page.reset(); }

    void everyOpenedPageIsGuarded() {
        MainWindow window;
        NotebookPage* opened = window.files()->openFile(m_path);
        QVERIFY(opened);
        QVERIFY(DocumentGuard::of(opened));
        QCOMPARE(DocumentGuard::of(opened)->journal()->parent(), opened->document());
        NotebookPage* untitled = window.files()->newNotebook();
        QVERIFY(DocumentGuard::of(untitled));
    }

    void unmodifiedNotebookFollowsTheFile() {
        QTest::qWait(20);
        writeFile(m_path, notebookText("theirs"));
        QTRY_COMPARE_WITH_TIMEOUT(m_page->document()->cell(0)->source(), QStringLiteral("theirs"),
                                  3000);
        QVERIFY(!m_page->document()->isModified());
        QVERIFY(barText(m_page.get()).contains(QStringLiteral("reloaded")));
        // Attached again to the reloaded document.
        auto* guard = DocumentGuard::of(m_page.get());
        QCOMPARE(guard->watcher()->parent(), m_page->document());
        writeFile(m_path, notebookText("theirs again"));
        QTRY_COMPARE_WITH_TIMEOUT(m_page->document()->cell(0)->source(),
                                  QStringLiteral("theirs again"), 3000);
    }

    void unsavedEditsAreNotOverwrittenEitherWay() {
        NotebookEditing(*m_page->document()).editSource(0, QStringLiteral("my unsaved edit"));
        writeFile(m_path, notebookText("theirs"));
        QTRY_VERIFY_WITH_TIMEOUT(
            barText(m_page.get()).startsWith(QStringLiteral("This notebook changed on disk.")),
            3000);
        QVERIFY(barButton(m_page.get(), QStringLiteral("Reload")));
        QTest::qWait(1500); // longer than the autosave interval
        QVERIFY(readFile(m_path).contains("theirs"));
        QCOMPARE(m_page->document()->cell(0)->source(), QStringLiteral("my unsaved edit"));

        barButton(m_page.get(), QStringLiteral("Keep mine"))->click();
        QVERIFY(m_page->document()->isModified());
        QTRY_VERIFY_WITH_TIMEOUT(readFile(m_path).contains("my unsaved edit"),
                                 3000); // autosave resumes
    }

    void reloadTakesTheirsAndDropsTheJournal() {
        NotebookEditing(*m_page->document()).editSource(0, QStringLiteral("my unsaved edit"));
        DocumentGuard::of(m_page.get())->journal()->writeNow();
        JournalWriter::instance().flush();
        QVERIFY(QFile::exists(DocumentGuard::of(m_page.get())->journal()->journalPath()));
        const QString oldJournal = DocumentGuard::of(m_page.get())->journal()->journalPath();
        writeFile(m_path, notebookText("theirs"));
        QTRY_VERIFY_WITH_TIMEOUT(barButton(m_page.get(), QStringLiteral("Reload")), 3000);
        barButton(m_page.get(), QStringLiteral("Reload"))->click();
        QCOMPARE(m_page->document()->cell(0)->source(), QStringLiteral("theirs"));
        QVERIFY(!m_page->document()->isModified());
        JournalWriter::instance().flush();
        QVERIFY(!QFile::exists(oldJournal));
    }

    void deletedFileIsReportedAndKeepMineSavesItAgain() {
        QVERIFY(QFile::remove(m_path));
        QTRY_VERIFY_WITH_TIMEOUT(barText(m_page.get()).contains(QStringLiteral("deleted")), 3000);
        QVERIFY(!m_page->document()->isModified());
        barButton(m_page.get(), QStringLiteral("Keep mine"))->click();
        QVERIFY(m_page->document()->isModified());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_path), 3000);
        QVERIFY(readFile(m_path).contains("mine on disk"));
    }

    void recoveredNotebookIsAnnouncedAndNotAutosaved() {
        // What offerRecovery does with an entry whose original changed after the crash.
        QDir().mkpath(RecoveryJournal::directory());
        RecoveryEntry entry;
        entry.id = QStringLiteral("test-entry");
        entry.journalPath = RecoveryJournal::directory() + QStringLiteral("/test-entry.ipynb");
        entry.originalPath = m_path;
        entry.originalSize = 1; // not what is on disk now
        entry.journaledAt = QDateTime::currentDateTime();
        writeFile(entry.journalPath, notebookText("recovered work"));
        auto doc = RecoveryJournal::restore(entry);
        QVERIFY(doc);
        m_page->replaceDocument(std::move(doc));
        auto* guard = DocumentGuard::of(m_page.get());
        guard->adoptRecovery(entry);
        QCOMPARE(guard->journal()->id(), entry.id);
        QVERIFY(guard->autosave()->isSuspended());
        QVERIFY(barText(m_page.get()).contains(QStringLiteral("changed on disk since")));
        QTest::qWait(1500);
        QVERIFY(readFile(m_path).contains("mine on disk"));

        barButton(m_page.get(), QStringLiteral("Discard Recovered"))->click();
        QCOMPARE(m_page->document()->cell(0)->source(), QStringLiteral("mine on disk"));
        JournalWriter::instance().flush();
        QVERIFY(!QFile::exists(entry.journalPath));
    }

private:
    QTemporaryDir m_tmp;
    QString m_path;
    std::unique_ptr<NotebookPage> m_page;
};

// A HOME of its own: test mode keeps settings and journals under it, so test binaries running
// in parallel share neither.
int main(int argc, char** argv) {
    QTemporaryDir home;
    qputenv("HOME", QFile::encodeName(home.path()));
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    TestDocumentGuard test;
    return QTest::qExec(&test, argc, argv);
}
#include "test_document_guard.moc"
