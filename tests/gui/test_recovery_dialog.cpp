// Start-up recovery as runGui does it: entries a dead Quire left are listed in the dialog;
// Recover opens them as modified pages bound to the original file (the entry now ours until
// saved), Discard (confirmed) deletes them, Escape keeps them for the next start.
#include "common/test_files.h"
#include "app/document_guard.h"
#include "app/journal_writer.h"
#include "app/main_window.h"
#include "app/notebook_page.h"
#include "app/recovery_dialog.h"
#include "app/recovery_journal.h"
#include "editor/model/notebook_document.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <functional>

using namespace quire::app;

namespace {
using quire::test::writeFile;
QByteArray notebookText(const char* source) {
    return QByteArrayLiteral(
               R"({"cells":[{"cell_type":"code","execution_count":null,"id":"c1","metadata":{},)"
               R"("outputs":[],"source":")") +
           source + QByteArrayLiteral(R"("}],"metadata":{},"nbformat":4,"nbformat_minor":5})");
}

// Leaves an entry as a killed Quire (a pid that is not running) would have.
void plantEntry(const QString& id, const QString& originalPath, const char* source) {
    QProcess gone;
    gone.start(QStringLiteral("/bin/true"), {});
    gone.waitForFinished();
    QDir().mkpath(RecoveryJournal::directory());
    const QString base = RecoveryJournal::directory() + QLatin1Char('/') + id;
    writeFile(base + QStringLiteral(".ipynb"), notebookText(source));
    const QJsonObject side{{QStringLiteral("quire"), 1},
                           {QStringLiteral("pid"), gone.processId()},
                           {QStringLiteral("path"), originalPath},
                           {QStringLiteral("name"), QStringLiteral("Untitled.ipynb")},
                           {QStringLiteral("start"), QStringLiteral("1")},
                           {QStringLiteral("exe"), QStringLiteral("quire")}};
    writeFile(base + QStringLiteral(".json"), QJsonDocument(side).toJson());
}

// Runs `act` on the modal dialog once it is up (exec() blocks the test until then).
void whenModal(std::function<void(QWidget*)> act) {
    QTimer::singleShot(50, qApp, [act] {
        if (QWidget* modal = QApplication::activeModalWidget())
            act(modal);
        else
            whenModal(act);
    });
}

void clickButton(QWidget* dialog, const QString& text) {
    for (auto* b : dialog->findChildren<QPushButton*>())
        if (b->text().remove(QLatin1Char('&')) == text)
            return b->click();
    QFAIL(qPrintable(QStringLiteral("no button ") + text));
}
} // namespace

class TestRecoveryDialog : public QObject {
    Q_OBJECT
private slots:
    void init() {
        JournalWriter::instance().flush();
        QDir(RecoveryJournal::directory()).removeRecursively();
        QVERIFY(m_tmp.isValid());
        m_path = m_tmp.filePath(QStringLiteral("work.ipynb"));
        writeFile(m_path, notebookText("saved before the crash"));
    }

    void recoverOpensModifiedPagesBoundToTheOriginal() {
        plantEntry(QStringLiteral("one"), m_path, "unsaved work");
        plantEntry(QStringLiteral("two"), QString(), "never saved");
        MainWindow window;
        QString question;
        whenModal([&](QWidget* dialog) {
            question = dialog->findChild<QLabel*>()->text();
            clickButton(dialog, QStringLiteral("Recover"));
        });
        offerRecovery(window);
        QCOMPARE(question, QStringLiteral("Quire closed unexpectedly. Recover 2 notebook(s)?"));
        QCOMPARE(window.pages().size(), 2);
        NotebookPage* bound = nullptr;
        for (auto* p : window.pages()) {
            QVERIFY(p->document()->isModified());
            if (p->document()->filePath() == m_path)
                bound = p;
        }
        QVERIFY(bound);
        QCOMPARE(bound->document()->cell(0)->source(), QStringLiteral("unsaved work"));
        QCOMPARE(DocumentGuard::of(bound)->journal()->id(), QStringLiteral("one"));
        JournalWriter::instance().flush();
        QVERIFY(RecoveryJournal::pendingEntries().isEmpty()); // claimed by this process

        QVERIFY(bound->document()->save()); // the entry goes once the work is in the file
        JournalWriter::instance().flush();
        QVERIFY(!QFile::exists(RecoveryJournal::directory() + QStringLiteral("/one.ipynb")));
        QVERIFY(QFile::exists(RecoveryJournal::directory() + QStringLiteral("/two.ipynb")));
    }

    void discardAsksAndDeletes() {
        plantEntry(QStringLiteral("three"), m_path, "unwanted");
        MainWindow window;
        whenModal([](QWidget* dialog) {
            whenModal([dialog](QWidget* confirm) {
                if (confirm != dialog)
                    static_cast<QMessageBox*>(confirm)->button(QMessageBox::Discard)->click();
            });
            clickButton(dialog, QStringLiteral("Discard"));
        });
        offerRecovery(window);
        QVERIFY(window.pages().isEmpty());
        QVERIFY(RecoveryJournal::pendingEntries().isEmpty());
        QVERIFY(QDir(RecoveryJournal::directory()).entryList(QDir::Files).isEmpty());
    }

    void escapeKeepsThemForNextTime() {
        plantEntry(QStringLiteral("four"), m_path, "later");
        MainWindow window;
        whenModal([](QWidget* dialog) { static_cast<QDialog*>(dialog)->reject(); });
        offerRecovery(window);
        QVERIFY(window.pages().isEmpty());
        QCOMPARE(RecoveryJournal::pendingEntries().size(), 1);
    }

private:
    QTemporaryDir m_tmp;
    QString m_path;
};

// A HOME of its own: test mode keeps settings and journals under it, so test binaries running
// in parallel share neither.
int main(int argc, char** argv) {
    QTemporaryDir home;
    qputenv("HOME", QFile::encodeName(home.path()));
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    TestRecoveryDialog test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_recovery_dialog.moc"
