// Notebook trust in the app: an opened notebook's stored HTML is untrusted, File → Trust
// Notebook… asks and then trusts it (its outputs re-render with scripts), and the notebook
// stays trusted when reopened unchanged but not after a change on disk.
#include "app/controllers/file_controller.h"
#include "app/controllers/trust_controller.h"
#include "app/main_window.h"
#include "app/notebook_page.h"
#include "common/message_box.h"
#include "editor/model/notebook_document.h"
#include "editor/nbformat/notebook_writer.h"
#include "editor/render/html_output_view.h"

#include <QFile>
#include <QMenu>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace quire;
using quire::test::answerNextBox;

namespace {

// Unique content: the test-mode signature database outlives a run.
QString writeNotebook(const QTemporaryDir& dir, const QString& name, const QString& html) {
    const editor::Json nb = {
        {"cells",
         editor::Json::array({editor::Json{
             {"cell_type", "code"},
             {"execution_count", 1},
             {"id", "c1"},
             {"metadata", editor::Json::object()},
             {"source", "show()"},
             {"outputs",
              editor::Json::array({editor::Json{
                  {"output_type", "display_data"},
                  {"metadata", editor::Json::object()},
                  {"data", {{"text/html", html.toStdString()}, {"text/plain", "x"}}}}})}}})},
        {"metadata", {{"run", QUuid::createUuid().toString().toStdString()}}},
        {"nbformat", 4},
        {"nbformat_minor", 5}};
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(QByteArray::fromStdString(editor::writeCanonical(nb)));
    return path;
}

QAction* trustAction(app::MainWindow& w) {
    for (QAction* a : w.menu(app::MainWindow::Menu::File)->actions()) {
        if (a->text().contains(QLatin1String("Trust")))
            return a;
    }
    return nullptr;
}

} // namespace

class TestTrustFlow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    }

    void trustAsksThenTrustsAndIsRemembered() {
        QTemporaryDir dir;
        const QString path =
            writeNotebook(dir, QStringLiteral("n.ipynb"), QStringLiteral("<b id=\"x\">stored</b>"));
        {
            app::MainWindow w;
            w.show();
            app::NotebookPage* page = w.files()->openFile(path);
            QVERIFY(page);
            QVERIFY(!page->document()->isTrusted());
            QAction* action = trustAction(w);
            QVERIFY(action);
            w.menu(app::MainWindow::Menu::File)->aboutToShow();
            QVERIFY(action->isEnabled());
            // Declined: nothing changes.
            answerNextBox(QMessageBox::Cancel);
            QVERIFY(!w.trust()->trustNotebook(page));
            QVERIFY(!page->document()->isTrusted());
            QString question;
            answerNextBox(QMessageBox::Yes, &question);
            QVERIFY(w.trust()->trustNotebook(page));
            QVERIFY(question.contains(QLatin1String("n.ipynb")));
            QVERIFY(page->document()->isTrusted());
            QVERIFY(!action->isEnabled());
            // The output's view was made again, trusted.
            QTRY_VERIFY(!page->findChildren<editor::HtmlOutputView*>().isEmpty());
            for (auto* view : page->findChildren<editor::HtmlOutputView*>())
                QVERIFY(view->isTrusted());
            QVERIFY(w.files()->closePage(page));
        }
        {
            app::MainWindow w;
            app::NotebookPage* page = w.files()->openFile(path);
            QVERIFY(page);
            QVERIFY(page->document()->isTrusted()); // remembered
            QVERIFY(w.files()->closePage(page));
        }
        // Changed on disk (another output): untrusted again.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        bytes.replace("stored", "changed");
        QVERIFY(f.resize(0));
        f.write(bytes);
        f.close();
        app::MainWindow w;
        app::NotebookPage* page = w.files()->openFile(path);
        QVERIFY(page);
        QVERIFY(!page->document()->isTrusted());
    }

    void savingATrustedNotebookKeepsItTrusted() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.ipynb"));
        {
            app::MainWindow w;
            app::NotebookPage* page = w.files()->newNotebook();
            QVERIFY(page);
            page->document()->cell(0)->outputsForEditing().push_back(editor::Json{
                {"output_type", "display_data"},
                {"metadata", editor::Json::object()},
                {"data", {{"text/html", QUuid::createUuid().toString().toStdString()}}}});
            QVERIFY(page->document()->isTrusted()); // made in this session
            QVERIFY(page->document()->saveAs(path));
            page->document()->undoStack()->setClean();
            QVERIFY(w.files()->closePage(page));
        }
        app::MainWindow w;
        app::NotebookPage* page = w.files()->openFile(path);
        QVERIFY(page);
        QVERIFY(page->document()->isTrusted());
    }
};

QTEST_MAIN(TestTrustFlow)
#include "test_trust_flow.moc"
