// The notebook view with real widgets (offscreen): virtualization, Jupyter's command/edit
// keyboard model, undo across cells, find/replace, collapsible sections.
#include "editor/model/notebook_document.h"
#include "editor/render/markdown_view.h"
#include "editor/view/code_editor.h"
#include "editor/view/find_bar.h"
#include "editor/view/notebook_view.h"

#include <QApplication>
#include <QLineEdit>
#include <QScrollBar>
#include <QTest>

using namespace quire::editor;

namespace {
std::unique_ptr<NotebookDocument> makeDoc(int pairs) {
    Json cells = Json::array();
    for (int i = 0; i < pairs; ++i) {
        cells.push_back({{"cell_type", "markdown"},
                         {"id", "m" + std::to_string(i)},
                         {"metadata", Json::object()},
                         {"source", "## Section " + std::to_string(i) + "\n\nText $x^2$."}});
        Json out = Json::array();
        std::string text;
        for (int k = 0; k < 20; ++k)
            text += "line " + std::to_string(k) + "\n";
        out.push_back({{"output_type", "stream"}, {"name", "stdout"}, {"text", text}});
        cells.push_back({{"cell_type", "code"},
                         {"id", "c" + std::to_string(i)},
                         {"metadata", Json::object()},
                         {"execution_count", i + 1},
                         {"outputs", out},
                         {"source", "x = " + std::to_string(i) + "\nprint(x)"}});
    }
    Json nb = {{"cells", cells},
               {"metadata", {{"language_info", {{"name", "python"}}}}},
               {"nbformat", 4},
               {"nbformat_minor", 5}};
    auto r = NotebookDocument::fromBytes(QByteArray::fromStdString(nb.dump(1)), {});
    return std::move(r.document);
}

void settle() {
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}
} // namespace

class TestNotebookView : public QObject {
    Q_OBJECT
private slots:
    void onlyCellsNearTheViewportOwnWidgets() {
        auto doc = makeDoc(1000);
        NotebookView view(doc.get());
        view.resize(900, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        settle();
        QVERIFY2(view.materializedCount() > 0, "nothing visible");
        QVERIFY2(view.materializedCount() < 40,
                 qPrintable(QString::number(view.materializedCount())));
        view.setCurrentIndex(1500);
        settle();
        QVERIFY(view.widgetAt(1500));
        QVERIFY(!view.widgetAt(0));
        QVERIFY(view.materializedCount() < 60);
        // The current cell is on screen.
        const int top = view.cellTop(1500) - view.verticalScrollBar()->value();
        QVERIFY(top >= 0 && top < view.viewport()->height());
    }

    void commandModeKeys() {
        auto doc = makeDoc(2);
        NotebookView view(doc.get());
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setFocus();
        view.setCurrentIndex(1);
        QTest::keyClick(&view, Qt::Key_B);
        QCOMPARE(doc->cellCount(), 5);
        QCOMPARE(view.currentIndex(), 2);
        QCOMPARE(doc->cell(2)->source(), QString());
        QTest::keyClick(&view, Qt::Key_A);
        QCOMPARE(doc->cellCount(), 6);
        QCOMPARE(view.currentIndex(), 2);
        QTest::keyClick(&view, Qt::Key_D);
        QTest::keyClick(&view, Qt::Key_D);
        QCOMPARE(doc->cellCount(), 5);
        QTest::keyClick(&view, Qt::Key_Z);
        QCOMPARE(doc->cellCount(), 6);
        // M / Y / R change type.
        view.setCurrentIndex(1);
        QTest::keyClick(&view, Qt::Key_M);
        QCOMPARE(doc->cell(1)->type(), CellType::Markdown);
        QTest::keyClick(&view, Qt::Key_R);
        QCOMPARE(doc->cell(1)->type(), CellType::Raw);
        QTest::keyClick(&view, Qt::Key_Y);
        QCOMPARE(doc->cell(1)->type(), CellType::Code);
        // Navigation with J/K and arrows.
        QTest::keyClick(&view, Qt::Key_J);
        QCOMPARE(view.currentIndex(), 2);
        QTest::keyClick(&view, Qt::Key_Up);
        QCOMPARE(view.currentIndex(), 1);
        // Shift+Down extends, C copies, V pastes below with fresh ids.
        QTest::keyClick(&view, Qt::Key_Down, Qt::ShiftModifier);
        QCOMPARE(view.selectedIndices(), QList<int>({1, 2}));
        QTest::keyClick(&view, Qt::Key_C);
        const int before = doc->cellCount();
        QTest::keyClick(&view, Qt::Key_V);
        QCOMPARE(doc->cellCount(), before + 2);
        QVERIFY(doc->cell(3)->id() != doc->cell(1)->id());
        QCOMPARE(doc->cell(3)->source(), doc->cell(1)->source());
        // Shift+M merges the selection.
        view.setCurrentIndex(0);
        QTest::keyClick(&view, Qt::Key_Down, Qt::ShiftModifier);
        const QString merged =
            doc->cell(0)->source() + QStringLiteral("\n\n") + doc->cell(1)->source();
        QTest::keyClick(&view, Qt::Key_M, Qt::ShiftModifier);
        QCOMPARE(doc->cell(0)->source(), merged);
        // X cuts.
        const int n = doc->cellCount();
        QTest::keyClick(&view, Qt::Key_X);
        QCOMPARE(doc->cellCount(), n - 1);
    }

    void editModeTypingAndUndoAcrossCells() {
        auto doc = makeDoc(2);
        NotebookView view(doc.get());
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setCurrentIndex(1);
        QTest::keyClick(&view, Qt::Key_Return);
        QVERIFY(view.isEditMode());
        auto* ed = view.widgetAt(1)->editor();
        QVERIFY(ed);
        QTRY_VERIFY(ed->hasFocus());
        ed->setCursorPosition(0, 0);
        QTest::keyClicks(ed, "y = 5");
        QTest::keyClick(ed, Qt::Key_Return);
        QCOMPARE(doc->cell(1)->source(), QStringLiteral("y = 5\nx = 0\nprint(x)"));
        QTest::keyClick(ed, Qt::Key_Escape);
        QVERIFY(!view.isEditMode());
        view.setCurrentIndex(3);
        QTest::keyClick(&view, Qt::Key_Return);
        auto* ed3 = view.widgetAt(3)->editor();
        QTRY_VERIFY(ed3->hasFocus());
        QTest::qWait(1100); // a new undo step (typing merges within a second)
        QTest::keyClicks(ed3, "#");
        QCOMPARE(doc->cell(3)->source().left(1), QStringLiteral("#"));
        doc->undoStack()->undo();
        QCOMPARE(doc->cell(3)->source(), QStringLiteral("x = 1\nprint(x)"));
        QCOMPARE(ed3->text(), QStringLiteral("x = 1\nprint(x)"));
        doc->undoStack()->undo();
        QCOMPARE(doc->cell(1)->source(), QStringLiteral("x = 0\nprint(x)"));
        QVERIFY(!doc->isModified());
    }

    void markdownRendersAndEdits() {
        auto doc = makeDoc(1);
        NotebookView view(doc.get());
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        settle();
        auto* w = view.widgetAt(0);
        QVERIFY(w && !w->isEditingMarkdown());
        view.setCurrentIndex(0);
        view.enterEditMode();
        QVERIFY(w->isEditingMarkdown());
        QVERIFY(w->renderMarkdown());
        QVERIFY(!w->isEditingMarkdown());
        // Enter edits, Shift+Enter renders and moves on.
        view.enterCommandMode();
        QTest::keyClick(&view, Qt::Key_Return);
        QVERIFY(w->isEditingMarkdown());
        QTRY_VERIFY(w->editor()->hasFocus());
        QTest::keyClick(w->editor(), Qt::Key_Return, Qt::ShiftModifier);
        QVERIFY(!w->isEditingMarkdown());
        QCOMPARE(view.currentIndex(), 1);
        QVERIFY(!view.isEditMode());
        // Alt+Enter on the last cell inserts a code cell below and edits it.
        QTest::keyClick(&view, Qt::Key_Return, Qt::AltModifier);
        QCOMPARE(doc->cellCount(), 3);
        QCOMPARE(view.currentIndex(), 2);
        QVERIFY(view.isEditMode());
    }

    void clickingRenderedMarkdownSelectsAndDoubleClickEdits() {
        auto doc = makeDoc(2);
        NotebookView view(doc.get());
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        settle();
        view.setCurrentIndex(3);
        auto* md = view.widgetAt(2)->findChild<MarkdownView*>();
        QVERIFY(md && md->isVisible());
        QTest::mouseClick(md, Qt::LeftButton, {}, QPoint(20, 10));
        QCOMPARE(view.currentIndex(), 2);
        QTest::mouseDClick(md, Qt::LeftButton, {}, QPoint(20, 10));
        QVERIFY(view.widgetAt(2)->isEditingMarkdown());
    }

    void collapseSections() {
        auto doc = makeDoc(3);
        NotebookView view(doc.get());
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.toggleSection(0);
        QVERIFY(view.isCollapsed(0));
        QVERIFY(view.isHidden(1));
        QVERIFY(!view.isHidden(2));
        view.setAllSectionsCollapsed(true);
        QVERIFY(view.isHidden(3) && view.isHidden(5));
        view.setAllSectionsCollapsed(false);
        QVERIFY(!view.isHidden(1));
    }

    void findAndReplaceAll() {
        auto doc = makeDoc(3);
        NotebookView view(doc.get());
        FindBar bar;
        bar.setView(&view);
        view.resize(800, 600);
        view.show();
        bar.openFind(true);
        bar.findField()->setText(QStringLiteral("print"));
        QCOMPARE(bar.matchCount(), 3);
        bar.replaceField()->setText(QStringLiteral("show"));
        QCOMPARE(bar.replaceAll(), 3);
        QCOMPARE(doc->cell(1)->source(), QStringLiteral("x = 0\nshow(x)"));
        doc->undoStack()->undo(); // one step for all cells
        QCOMPARE(doc->cell(5)->source(), QStringLiteral("x = 2\nprint(x)"));
        bar.findField()->setText(QStringLiteral("line 19"));
        QCOMPARE(bar.matchCount(), 3); // in outputs, read-only
        QCOMPARE(bar.replaceAll(), 0);
    }
};

QTEST_MAIN(TestNotebookView)
#include "test_notebook_view.moc"
