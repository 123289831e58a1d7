// Cell operations through the notebook's undo stack: every operation undoes exactly.
#include "editor/model/notebook_document.h"
#include "editor/model/notebook_editing.h"
#include "editor/model/notebook_search.h"

#include <QSignalSpy>
#include <QTest>
#include <set>

using namespace quire::editor;

namespace {
QStringList sources(const NotebookDocument& d) {
    QStringList out;
    for (int i = 0; i < d.cellCount(); ++i)
        out << d.cell(i)->source();
    return out;
}
QStringList types(const NotebookDocument& d) {
    QStringList out;
    for (int i = 0; i < d.cellCount(); ++i)
        out << QString::fromLatin1(cellTypeName(d.cell(i)->type()));
    return out;
}
// A document with cells "a", "b", "c", "d" (code).
void fill(NotebookDocument& d, NotebookEditing& e) {
    d.cell(0)->setSource(QStringLiteral("a"));
    for (const char* s : {"b", "c", "d"})
        e.insertCell(d.cellCount(), CellType::Code, QString::fromLatin1(s));
    d.undoStack()->clear();
}
} // namespace

class TestNotebookEditing : public QObject {
    Q_OBJECT
private slots:
    void newNotebookHasOneCodeCellWithId() {
        NotebookDocument d;
        QCOMPARE(d.cellCount(), 1);
        QCOMPARE(d.cell(0)->type(), CellType::Code);
        QCOMPARE(d.cell(0)->id().size(), size_t(8));
        QVERIFY(!d.isModified());
        QCOMPARE(d.language(), QStringLiteral("python"));
    }

    void insertDeleteUndoRedo() {
        NotebookDocument d;
        NotebookEditing e(d);
        fill(d, e);
        const std::string idB = d.cell(1)->id();
        e.deleteCells({1, 3});
        QCOMPARE(sources(d), QStringList({"a", "c"}));
        QVERIFY(d.isModified());
        d.undoStack()->undo();
        QCOMPARE(sources(d), QStringList({"a", "b", "c", "d"}));
        QCOMPARE(d.cell(1)->id(), idB); // the same cell comes back
        d.undoStack()->redo();
        QCOMPARE(sources(d), QStringList({"a", "c"}));
        d.undoStack()->undo();
        QVERIFY(!d.isModified());
    }

    void idsAreUnique() {
        NotebookDocument d;
        NotebookEditing e(d);
        fill(d, e);
        e.pasteCells(1, e.copyCells({0, 1, 2, 3}));
        std::set<std::string> ids;
        for (int i = 0; i < d.cellCount(); ++i)
            ids.insert(d.cell(i)->id());
        QCOMPARE(int(ids.size()), 8);
        QCOMPARE(sources(d), QStringList({"a", "a", "b", "c", "d", "b", "c", "d"}));
    }

    void moveUpAndDown() {
        NotebookDocument d;
        NotebookEditing e(d);
        fill(d, e);
        QVERIFY(e.moveCells(1, 2, +1));
        QCOMPARE(sources(d), QStringList({"a", "d", "b", "c"}));
        QVERIFY(e.moveCells(2, 2, -2));
        QCOMPARE(sources(d), QStringList({"b", "c", "a", "d"}));
        QVERIFY(!e.moveCells(0, 1, -1));
        d.undoStack()->undo();
        d.undoStack()->undo();
        QCOMPARE(sources(d), QStringList({"a", "b", "c", "d"}));
    }

    void changeTypeKeepsSourceAndUndoes() {
        NotebookDocument d;
        NotebookEditing e(d);
        fill(d, e);
        e.changeType({0, 2}, CellType::Markdown);
        QCOMPARE(types(d), QStringList({"markdown", "code", "markdown", "code"}));
        QVERIFY(!d.cell(0)->json().contains("outputs"));
        QCOMPARE(d.cell(0)->id(), d.cell(0)->id());
        d.undoStack()->undo();
        QCOMPARE(types(d), QStringList({"code", "code", "code", "code"}));
        QVERIFY(d.cell(0)->json().contains("outputs"));
    }

    void mergeAndSplit() {
        NotebookDocument d;
        NotebookEditing e(d);
        fill(d, e);
        e.mergeCells({1, 2});
        QCOMPARE(sources(d), QStringList({"a", "b\n\nc", "d"}));
        const int parts = e.splitCell(1, {1});
        QCOMPARE(parts, 2);
        QCOMPARE(sources(d), QStringList({"a", "b", "\nc", "d"}));
        d.undoStack()->undo();
        d.undoStack()->undo();
        QCOMPARE(sources(d), QStringList({"a", "b", "c", "d"}));
    }

    void typingMergesIntoOneStepPerCell() {
        NotebookDocument d;
        NotebookEditing e(d);
        fill(d, e);
        e.editSource(0, QStringLiteral("ab"));
        e.editSource(0, QStringLiteral("abc"));
        e.editSource(1, QStringLiteral("bx"));
        QCOMPARE(d.undoStack()->count(), 2);
        d.undoStack()->undo();
        QCOMPARE(d.cell(1)->source(), QStringLiteral("b"));
        d.undoStack()->undo();
        QCOMPARE(d.cell(0)->source(), QStringLiteral("a"));
    }

    void sourceKeepsListShape() {
        Cell c(Json{{"cell_type", "code"},
                    {"source", Json::array({"x = 1\n", "y = 2"})},
                    {"metadata", Json::object()},
                    {"outputs", Json::array()},
                    {"execution_count", nullptr}});
        QCOMPARE(c.source(), QStringLiteral("x = 1\ny = 2"));
        c.setSource(QStringLiteral("a\nb\nc"));
        QVERIFY(c.json()["source"] == Json::array({"a\n", "b\n", "c"}));
        Cell s(
            Json{{"cell_type", "markdown"}, {"source", "one\ntwo"}, {"metadata", Json::object()}});
        s.setSource(QStringLiteral("three\nfour"));
        QVERIFY(s.json()["source"] == Json("three\nfour"));
    }

    void clearOutputsUndoable() {
        NotebookDocument d;
        NotebookEditing e(d);
        d.cell(0)->setOutputs(
            Json::array({Json{{"output_type", "stream"}, {"name", "stdout"}, {"text", "hi\n"}}}));
        d.cell(0)->setExecutionCount(3);
        e.clearOutputs({0});
        QVERIFY(d.cell(0)->outputs().empty());
        QVERIFY(!d.cell(0)->executionCount());
        d.undoStack()->undo();
        QCOMPARE(int(d.cell(0)->outputs().size()), 1);
        QCOMPARE(*d.cell(0)->executionCount(), 3LL);
    }

    void upgradeGivesIdsInOneStep() {
        Json nb = {{"cells", Json::array({Json{{"cell_type", "code"},
                                               {"execution_count", nullptr},
                                               {"metadata", Json::object()},
                                               {"outputs", Json::array()},
                                               {"source", "a"}},
                                          Json{{"cell_type", "markdown"},
                                               {"metadata", Json::object()},
                                               {"source", "b"}}})},
                   {"metadata", Json::object()},
                   {"nbformat", 4},
                   {"nbformat_minor", 4}};
        auto r = NotebookDocument::fromBytes(QByteArray::fromStdString(nb.dump(1)));
        QVERIFY(r.document);
        auto& d = *r.document;
        NotebookEditing e(d);
        QVERIFY(!d.usesCellIds());
        e.insertCell(2, CellType::Code); // 4.4: new cells get no id either
        QVERIFY(d.cell(2)->id().empty());
        QVERIFY(e.upgradeFormat());
        QCOMPARE(d.nbformatMinor(), 5);
        QVERIFY(!d.cell(0)->id().empty() && d.cell(0)->id() != d.cell(1)->id());
        d.undoStack()->undo();
        QCOMPARE(d.nbformatMinor(), 4);
        QVERIFY(d.cell(0)->id().empty());
        QVERIFY(!e.upgradeFormat() || d.nbformatMinor() == 5);
    }

    void searchAndReplaceAcrossCells() {
        NotebookDocument d;
        NotebookEditing e(d);
        d.cell(0)->setSource(QStringLiteral("x = foo(1)"));
        e.insertCell(1, CellType::Markdown, QStringLiteral("Foo and FOO"));
        d.cell(0)->setOutputs(Json::array({Json{
            {"output_type", "stream"}, {"name", "stdout"}, {"text", "\x1b[31mfoo\x1b[0m\n"}}}));
        NotebookSearch s(QStringLiteral("foo"), {});
        const auto matches = s.findAll(d);
        QCOMPARE(matches.size(), 4);
        QVERIFY(matches[1].inOutput);
        QCOMPARE(matches[1].start, 0); // ANSI codes do not count
        SearchOptions cs;
        cs.caseSensitive = true;
        QCOMPARE(NotebookSearch(QStringLiteral("foo"), cs).findAll(d).size(), 2);
        int n = 0;
        QCOMPARE(s.replaceAll(d.cell(1)->source(), QStringLiteral("bar"), &n),
                 QStringLiteral("bar and bar"));
        QCOMPARE(n, 2);
        SearchOptions re;
        re.regex = true;
        NotebookSearch rx(QStringLiteral("foo\\((\\d)\\)"), re);
        QCOMPARE(rx.replaceAll(d.cell(0)->source(), QStringLiteral("bar($1)")),
                 QStringLiteral("x = bar(1)"));
        QVERIFY(!NotebookSearch(QStringLiteral("("), re).isValid());
    }
};

QTEST_GUILESS_MAIN(TestNotebookEditing)
#include "test_notebook_editing.moc"
