// Notebook trust: signatures over the canonical notebook, the per-user secret, the database.
#include "editor/model/notebook_document.h"
#include "editor/model/notebook_editing.h"
#include "editor/model/notebook_trust.h"
#include "editor/nbformat/notebook_writer.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace quire::editor;

namespace {

// A notebook whose one code cell has a stored HTML output with a script.
QByteArray notebookWithHtml(const char* html) {
    Json nb = {
        {"cells",
         Json::array({Json{{"cell_type", "code"},
                           {"execution_count", 1},
                           {"id", "a1"},
                           {"metadata", Json::object()},
                           {"source", "show()"},
                           {"outputs", Json::array({Json{{"output_type", "display_data"},
                                                         {"metadata", Json::object()},
                                                         {"data", {{"text/html", html}}}}})}}})},
        {"metadata", Json::object()},
        {"nbformat", 4},
        {"nbformat_minor", 5}};
    return QByteArray::fromStdString(writeCanonical(nb));
}

int fileMode(const QString& path) {
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
}

std::unique_ptr<NotebookDocument> open(const QString& path) {
    auto loaded = NotebookDocument::load(path);
    return std::move(loaded.document);
}

} // namespace

class TestNotebookTrust : public QObject {
    Q_OBJECT

private slots:
    void openedOutputsAreUntrustedNewOnesTrusted() {
        auto doc = NotebookDocument::fromBytes(notebookWithHtml("<script>x()</script>")).document;
        QVERIFY(doc);
        QVERIFY(!doc->isTrusted());
        QVERIFY(!doc->cell(0)->outputsTrusted());
        // Running the cell empties its outputs first: what the kernel sends next is trusted.
        doc->setCellOutputs(0, Json::array());
        QVERIFY(doc->isTrusted());
        doc->cell(0)->outputsForEditing().push_back(
            Json{{"output_type", "stream"}, {"name", "stdout"}, {"text", "1"}});
        QVERIFY(doc->cell(0)->outputsTrusted());
        // A new notebook is trusted.
        NotebookDocument fresh;
        QVERIFY(fresh.isTrusted());
    }

    void undoRestoresUntrustedOutputs() {
        auto doc = NotebookDocument::fromBytes(notebookWithHtml("<b>x</b>")).document;
        NotebookEditing editing(*doc);
        editing.clearOutputs({0});
        QVERIFY(doc->isTrusted());
        doc->undoStack()->undo();
        QVERIFY(!doc->cell(0)->outputs().empty());
        QVERIFY(!doc->isTrusted());
    }

    void splitAndMergeKeepOutputsUntrusted() {
        // Stored outputs stay untrusted wherever an edit moves them.
        auto doc = NotebookDocument::fromBytes(notebookWithHtml("<script>x()</script>")).document;
        NotebookEditing editing(*doc);
        doc->setCellSource(0, QStringLiteral("a = 1\nshow()"));
        QCOMPARE(editing.splitCell(0, {6}), 2);
        QVERIFY(doc->cell(0)->outputs().empty());
        QVERIFY(!doc->cell(1)->outputs().empty());
        QVERIFY(!doc->cell(1)->outputsTrusted());
        QVERIFY(!doc->isTrusted());
        // Merging an empty (trusted) cell with the untrusted one: still untrusted.
        editing.mergeCells({0, 1});
        QCOMPARE(doc->cellCount(), 1);
        QVERIFY(!doc->cell(0)->outputs().empty());
        QVERIFY(!doc->cell(0)->outputsTrusted());
        QVERIFY(!doc->isTrusted());
    }

    void signatureStableAcrossSaveAndLoad() {
        QTemporaryDir dir;
        NotebookTrust trust(dir.filePath(QStringLiteral("data")));
        const QString path = dir.filePath(QStringLiteral("n.ipynb"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(notebookWithHtml("<b>table</b>"));
        f.close();

        auto doc = open(path);
        const QByteArray before = trust.signature(doc->toJson());
        QCOMPARE(before.size(), 64);
        QVERIFY(doc->save());
        auto again = open(path);
        QCOMPARE(trust.signature(again->toJson()), before);
        // metadata.signature (classic Jupyter's) is not part of what is signed.
        Json meta = again->metadata();
        meta["signature"] = "sha256:abc";
        again->setMetadata(meta);
        QCOMPARE(trust.signature(again->toJson()), before);
    }

    void signatureChangesWhenAnOutputChanges() {
        QTemporaryDir dir;
        NotebookTrust trust(dir.path());
        auto doc = NotebookDocument::fromBytes(notebookWithHtml("<b>1</b>")).document;
        const QByteArray before = trust.signature(doc->toJson());
        Json outputs = doc->cell(0)->outputs();
        outputs[0]["data"]["text/html"] = "<b>2</b>";
        doc->setCellOutputs(0, outputs);
        QVERIFY(trust.signature(doc->toJson()) != before);
        // Another user (another secret) signs differently.
        QTemporaryDir other;
        QVERIFY(NotebookTrust(other.path()).signature(doc->toJson()) !=
                trust.signature(doc->toJson()));
    }

    void secretIsPrivateAndKept() {
        QTemporaryDir dir;
        const Json nb = Json::parse(notebookWithHtml("<i>x</i>").toStdString());
        QByteArray first;
        {
            NotebookTrust trust(dir.path());
            first = trust.signature(nb);
            QVERIFY(!first.isEmpty());
            QCOMPARE(fileMode(trust.secretPath()), 0600);
            QFile secret(trust.secretPath());
            QVERIFY(secret.open(QIODevice::ReadOnly));
            QCOMPARE(secret.size(), 32);
        }
        QCOMPARE(NotebookTrust(dir.path()).signature(nb), first);
    }

    void trustedNotebookStaysTrustedWhenReopenedUnchanged() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        const QString path = dir.filePath(QStringLiteral("n.ipynb"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(notebookWithHtml("<script>document.title='x'</script>"));
        f.close();
        {
            NotebookTrust trust(data);
            auto doc = open(path);
            trust.applyTo(*doc);
            QVERIFY(!doc->isTrusted());
            QSignalSpy changed(doc.get(), &NotebookDocument::cellOutputsChanged);
            trust.trust(*doc);
            QVERIFY(doc->isTrusted());
            QCOMPARE(changed.count(), 1);
            QCOMPARE(fileMode(trust.databasePath()), 0600);
        }
        // A new NotebookTrust (a new session) reads the database back.
        NotebookTrust trust(data);
        auto doc = open(path);
        trust.applyTo(*doc);
        QVERIFY(doc->isTrusted());
        // Changed on disk by someone else: untrusted again.
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(notebookWithHtml("<script>document.title='y'</script>"));
        f.close();
        auto changed = open(path);
        trust.applyTo(*changed);
        QVERIFY(!changed->isTrusted());
    }

    void savingATrustedNotebookRecordsIt() {
        QTemporaryDir dir;
        NotebookTrust trust(dir.filePath(QStringLiteral("data")));
        const QString path = dir.filePath(QStringLiteral("new.ipynb"));
        NotebookDocument doc;
        doc.cell(0)->outputsForEditing().push_back(Json{{"output_type", "display_data"},
                                                        {"metadata", Json::object()},
                                                        {"data", {{"text/html", "<b>x</b>"}}}});
        QVERIFY(doc.saveAs(path));
        trust.recordIfTrusted(doc);
        auto reopened = open(path);
        trust.applyTo(*reopened);
        QVERIFY(reopened->isTrusted());
    }

    void databaseDropsTheOldestBeyondItsLimit() {
        QTemporaryDir dir;
        NotebookTrust trust(dir.path());
        trust.setMaximumEntries(20);
        const int n = trust.maximumEntries() + 2;
        Json nb = Json::parse(notebookWithHtml("x").toStdString());
        for (int i = 0; i < n; ++i) {
            nb["metadata"]["n"] = i;
            QVERIFY(trust.remember(nb));
        }
        QFile db(trust.databasePath());
        QVERIFY(db.open(QIODevice::ReadOnly));
        QCOMPARE(db.readAll().count('\n'), trust.maximumEntries());
        NotebookTrust reread(dir.path());
        nb["metadata"]["n"] = 0;
        QVERIFY(!reread.isSigned(nb));
        nb["metadata"]["n"] = 2;
        QVERIFY(reread.isSigned(nb));
        nb["metadata"]["n"] = n - 1;
        QVERIFY(reread.isSigned(nb));
    }
};

QTEST_GUILESS_MAIN(TestNotebookTrust)
#include "test_notebook_trust.moc"
