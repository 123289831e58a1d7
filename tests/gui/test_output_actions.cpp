// Native renderers for application/json (a lazy tree) and text/latex (typeset math), and the
// actions on a cell's outputs: hide (saved in the notebook), scroll long output, Copy Output,
// Save Image As, Open in Viewer, Clear Output (undoable). Offscreen.
#include "app/theme.h"
#include "editor/model/cell_output_state.h"
#include "editor/model/notebook_document.h"
#include "editor/render/image_output_view.h"
#include "editor/render/json_tree_view.h"
#include "editor/render/latex_output_view.h"
#include "editor/render/math_object.h"
#include "editor/render/mime_select.h"
#include "editor/render/output_area.h"
#include "editor/render/output_renderers.h"
#include "editor/render/output_viewer.h"
#include "editor/render/text_output_view.h"
#include "editor/view/notebook_view.h"

#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTimer>
#include <QUndoStack>

using namespace quire::editor;

namespace {

void settle() {
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

Json display(const Json& data, const Json& metadata = Json::object()) {
    return Json{{"output_type", "display_data"}, {"data", data}, {"metadata", metadata}};
}

Json stream(const std::string& text) {
    return Json{{"output_type", "stream"}, {"name", "stdout"}, {"text", text}};
}

std::string lines(int n) {
    std::string text;
    for (int i = 0; i < n; ++i)
        text += "line " + std::to_string(i) + "\n";
    return text;
}

// A notebook of code cells, one per entry: {outputs, metadata}.
std::unique_ptr<NotebookDocument> makeDoc(const std::vector<std::pair<Json, Json>>& cells) {
    Json list = Json::array();
    int i = 0;
    for (const auto& [outputs, metadata] : cells) {
        list.push_back({{"cell_type", "code"},
                        {"id", "c" + std::to_string(i)},
                        {"metadata", metadata},
                        {"execution_count", ++i},
                        {"outputs", outputs},
                        {"source", "print(" + std::to_string(i) + ")"}});
    }
    const Json nb = {{"cells", list},
                     {"metadata", {{"language_info", {{"name", "python"}}}}},
                     {"nbformat", 4},
                     {"nbformat_minor", 5}};
    return std::move(NotebookDocument::fromBytes(QByteArray::fromStdString(nb.dump(1))).document);
}

std::unique_ptr<NotebookView> showView(NotebookDocument* doc, QSize size = QSize(900, 700)) {
    auto view = std::make_unique<NotebookView>(doc);
    view->resize(size);
    view->show();
    if (!QTest::qWaitForWindowExposed(view.get()))
        return nullptr;
    settle();
    return view;
}

QAction* action(QMenu& menu, const char* name) {
    return menu.findChild<QAction*>(QString::fromLatin1(name));
}

// The first row whose text starts with `prefix`, or -1.
int findRow(const JsonTreeView& tree, const QString& prefix) {
    for (int r = 0; r < tree.rowCount(); ++r)
        if (tree.rowText(r).startsWith(prefix))
            return r;
    return -1;
}

const char* kPerson = R"({"name": "Ada", "age": 36, "ratio": 0.5, "ok": true, "none": null,
    "tags": ["a", "b"], "nested": {"deep": {"x": 1}, "empty": []},
    "big": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
            23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43,
            44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64,
            65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85,
            86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102]})";

QByteArray pngBytes() {
    QImage image(32, 20, QImage::Format_RGB32);
    image.fill(QColor(30, 120, 200));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    // Bytes after IEND are ignored by decoders: any re-encoding would drop them.
    return bytes + QByteArray("quire-original-bytes");
}

} // namespace

class TestOutputActions : public QObject {
    Q_OBJECT

private slots:
    void jsonAndLatexFollowJupyterLabRanks() {
        const QStringList all = OutputRendererRegistry::instance().mimeTypes();
        QVERIFY(all.contains(QStringLiteral("application/json")));
        QVERIFY(all.contains(QStringLiteral("text/latex")));
        // The json-extension ranks 0: ahead of html, latex and plain text.
        const Json bundle = {
            {"application/json", {{"a", 1}}}, {"text/html", "<b>x</b>"}, {"text/plain", "x"}};
        QCOMPARE(selectMimeType(bundle, {"text/html", "application/json", "text/plain"}),
                 QString("application/json"));
        QCOMPARE(selectMimeType(bundle, all), QString("application/json"));
        // Without JSON, text/latex (70) beats text/plain (120); plain text stays last.
        const Json sympy = {{"text/latex", "$x^2$"}, {"text/plain", "x**2"}};
        QCOMPARE(selectMimeType(sympy, all), QString("text/latex"));
        QCOMPARE(selectMimeType(Json{{"text/plain", "x"}}, all), QString("text/plain"));
        QCOMPARE(mimePreferenceOrder().last(), QString("text/plain"));
    }

    void jsonTreeRowsCollapseBeyondDepthTwo() {
        JsonTreeView tree;
        tree.setJson(Json::parse(kPerson));
        QCOMPARE(tree.rowText(0), QString("{} 8 keys"));
        QVERIFY(tree.isExpanded(0));
        QCOMPARE(tree.rowText(1), QString("name: \"Ada\""));
        QCOMPARE(tree.rowText(2), QString("age: 36"));
        QCOMPARE(tree.rowText(3), QString("ratio: 0.5"));
        QCOMPARE(tree.rowText(4), QString("ok: true"));
        QCOMPARE(tree.rowText(5), QString("none: null"));
        QCOMPARE(tree.rowText(6), QString("tags: [] 2 items"));
        QCOMPARE(tree.rowText(7), QString("0: \"a\""));
        QCOMPARE(tree.rowIndent(7), 2);
        const int nested = findRow(tree, "nested:");
        QVERIFY(tree.isExpanded(nested));
        // Level 2 stays closed, with its size.
        const int deep = findRow(tree, "deep:");
        QCOMPARE(tree.rowText(deep), QString("deep: {…} 1 key"));
        QVERIFY(!tree.isExpanded(deep));
        QCOMPARE(tree.rowText(deep + 1), QString("empty: []"));
        QVERIFY(!tree.isExpandable(deep + 1));
        // More than 100 children come in ranges, closed.
        const int big = findRow(tree, "big:");
        QCOMPARE(tree.rowText(big), QString("big: [] 103 items"));
        QCOMPARE(tree.rowText(big + 1), QString("[0 … 99]"));
        QCOMPARE(tree.rowText(big + 2), QString("[100 … 102]"));
        QCOMPARE(tree.rowCount(), big + 3);
        QVERIFY(!tree.isExpanded(big + 1));
        // Nothing below a closed node was made.
        QCOMPARE(tree.createdNodeCount(), qsizetype(tree.rowCount()));
    }

    void jsonTreeOpensByClickAndKeyboardAndCopies() {
        JsonTreeView tree;
        tree.setJson(Json::parse(kPerson));
        tree.resize(500, tree.heightForWidth(500));
        tree.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tree));
        const int deep = findRow(tree, "deep:");
        const int rows = tree.rowCount();
        const int rowHeight = (tree.heightForWidth(500) - 4) / rows;
        const QPoint onDeep(60, 2 + deep * rowHeight + rowHeight / 2);
        QTest::mouseClick(&tree, Qt::LeftButton, {}, onDeep);
        QVERIFY(tree.isExpanded(deep));
        QCOMPARE(tree.currentRow(), deep);
        QCOMPARE(tree.rowCount(), rows + 1);
        QCOMPARE(tree.rowText(deep + 1), QString("x: 1"));
        QCOMPARE(tree.rowText(deep), QString("deep: {} 1 key"));
        QCOMPARE(tree.heightForWidth(500), 4 + (rows + 1) * rowHeight);
        QTest::mouseClick(&tree, Qt::LeftButton, {}, onDeep);
        QVERIFY(!tree.isExpanded(deep));
        QCOMPARE(tree.rowCount(), rows);

        // Keyboard: Right opens, Right again enters, Left goes back up, Left closes.
        QVERIFY(tree.hasFocus());
        QTest::keyClick(&tree, Qt::Key_Right);
        QVERIFY(tree.isExpanded(deep));
        QTest::keyClick(&tree, Qt::Key_Right);
        QCOMPARE(tree.currentRow(), deep + 1);
        QTest::keyClick(&tree, Qt::Key_Left);
        QCOMPARE(tree.currentRow(), deep);
        QTest::keyClick(&tree, Qt::Key_Left);
        QVERIFY(!tree.isExpanded(deep));
        QTest::keyClick(&tree, Qt::Key_Return);
        QVERIFY(tree.isExpanded(deep));
        QTest::keyClick(&tree, Qt::Key_Home);
        QCOMPARE(tree.currentRow(), 0);
        QTest::keyClick(&tree, Qt::Key_Down);
        QCOMPARE(tree.currentRow(), 1);

        // Copy: strings as they are, anything else as JSON.
        QTest::keySequence(&tree, QKeySequence::Copy);
        QCOMPARE(QApplication::clipboard()->text(), QString("Ada"));
        tree.setCurrentRow(findRow(tree, "tags:"));
        QTest::keySequence(&tree, QKeySequence::Copy);
        QCOMPARE(QApplication::clipboard()->text(), QString("[\n  \"a\",\n  \"b\"\n]"));
        tree.copyValue(findRow(tree, "[100"));
        QCOMPARE(QApplication::clipboard()->text(), QString("[\n  100,\n  101,\n  102\n]"));
        QMenu menu;
        tree.addContextActions(menu, QPoint(60, 2 + 2 * rowHeight + 1));
        action(menu, "copyJsonValue")->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QString("36"));
    }

    void jsonMetadataNamesTheRootAndOpensAll() {
        OutputArea area;
        const Json nested = {{"a", {{"b", {{"c", {{"d", 1}}}}}}}};
        area.setOutputs(
            Json::array({display({{"application/json", nested}, {"text/plain", "<JSON>"}},
                                 {{"application/json", {{"expanded", true}, {"root", "cfg"}}}})}));
        auto* tree = qobject_cast<JsonTreeView*>(area.outputView(0));
        QVERIFY(tree);
        QCOMPARE(tree->rowText(0), QString("cfg: {} 1 key"));
        QCOMPARE(tree->rowCount(), 5);
        QCOMPARE(tree->rowText(4), QString("d: 1"));
        // Copy Output copies the output's text/plain.
        QCOMPARE(area.outputText(0), QString("<JSON>"));
    }

    void jsonTreeInANotebookGrowsItsCell() {
        auto doc = makeDoc(
            {{Json::array({display({{"application/json", Json::parse(kPerson)}})}), Json::object()},
             {Json::array({stream("after\n")}), Json::object()}});
        auto view = showView(doc.get());
        QVERIFY(view);
        auto* tree = qobject_cast<JsonTreeView*>(view->widgetAt(0)->outputArea()->outputView(0));
        QVERIFY(tree);
        const int deep = findRow(*tree, "deep:");
        const int cellHeight = view->widgetAt(0)->height();
        const int nextTop = view->cellTop(1);
        const int rowHeight = (tree->height() - 4) / tree->rowCount();
        QTest::mouseClick(tree, Qt::LeftButton, {}, QPoint(60, 2 + deep * rowHeight + 2));
        settle();
        QVERIFY(tree->isExpanded(deep));
        // The tree keeps the keyboard although the click also selected the cell.
        QVERIFY(tree->hasFocus());
        QTest::keyClick(tree, Qt::Key_Down);
        QCOMPARE(tree->currentRow(), deep + 1);
        QCOMPARE(view->currentIndex(), 0);
        // The cell and the ones below it moved to make room.
        QCOMPARE(view->widgetAt(0)->height(), cellHeight + rowHeight);
        QCOMPARE(view->cellTop(1), nextTop + rowHeight);
    }

    void tenMegabyteJsonMakesOnlyWhatIsShown() {
        Json rows = Json::array();
        for (int i = 0; i < 150'000; ++i)
            rows.push_back({{"id", i},
                            {"name", "item " + std::to_string(i)},
                            {"score", i * 0.25},
                            {"tags", {"alpha", "beta"}}});
        QVERIFY2(rows.dump().size() > 10'000'000, "the document should be over 10 MB");
        OutputArea area;
        area.resize(800, 600);
        area.setOutputs(
            Json::array({display({{"application/json", rows}, {"text/plain", "<JSON>"}})}));
        auto* tree = qobject_cast<JsonTreeView*>(area.outputView(0));
        QVERIFY(tree);
        // 150,000 elements: ranges of 10,000, closed.
        QCOMPARE(tree->rowCount(), 16);
        QCOMPARE(tree->rowText(1), QString("[0 … 9,999]"));
        QCOMPARE(tree->rowText(15), QString("[140,000 … 149,999]"));
        QVERIFY2(tree->createdNodeCount() < 50,
                 qPrintable(QString::number(tree->createdNodeCount())));
        tree->setExpanded(1, true); // 100 ranges of 100
        QCOMPARE(tree->rowCount(), 116);
        tree->setExpanded(2, true); // 100 elements, closed objects
        QCOMPARE(tree->rowCount(), 216);
        QCOMPARE(tree->rowText(3), QString("0: {…} 4 keys"));
        tree->setExpanded(3, true);
        QCOMPARE(tree->rowText(5), QString("name: \"item 0\""));
        QVERIFY2(tree->createdNodeCount() < 300,
                 qPrintable(QString::number(tree->createdNodeCount())));
        // Painting draws the rows in the rect only; it works at this size.
        QImage shot(800, 400, QImage::Format_ARGB32);
        shot.fill(Qt::white);
        tree->render(&shot, {}, QRegion(0, 0, 800, 400));
        QVERIFY(area.heightForWidth(800) > 200 * 10);
    }

    void latexMathIsTypesetAndTextStaysText() {
        OutputArea area;
        area.setOutputs(Json::array({
            display(
                {{"text/latex", "$$\\frac{a}{b} + \\sqrt{x}$$"}, {"text/plain", "a/b + sqrt(x)"}}),
            display({{"text/latex", "$\\displaystyle x^{2} + 1$"}, {"text/plain", "x**2 + 1"}}),
            display({{"text/latex",
                      "The mean is $\\mu = 3$ and\n\\begin{equation}E = mc^2\\end{equation}"}}),
            display({{"text/latex", "\\begin{tabular}{ll} a & b \\\\ \\end{tabular}"},
                     {"text/plain", "table"}}),
        }));
        auto* display1 = qobject_cast<LatexOutputView*>(area.outputView(0));
        QVERIFY(display1);
        QCOMPARE(display1->formulaCount(), 1);
        // The formula is a math object drawn by the TeX engine, not text.
        const QTextBlock block = display1->document()->firstBlock();
        const QTextCharFormat format = block.begin().fragment().charFormat();
        QCOMPARE(format.objectType(), int(MathTextObject::kObjectType));
        auto* handler = display1->document()->findChild<MathTextObject*>();
        QVERIFY(handler);
        const MathNode* root = handler->formula(format);
        QVERIFY(root);
        QCOMPARE(mathToPlainText(*root), QString("a/b + √x"));
        QVERIFY(display1->heightForWidth(600) > QFontMetrics(display1->font()).height() * 2);

        auto* inlineMath = qobject_cast<LatexOutputView*>(area.outputView(1));
        QVERIFY(inlineMath);
        QCOMPARE(inlineMath->formulaCount(), 1);

        auto* mixed = qobject_cast<LatexOutputView*>(area.outputView(2));
        QVERIFY(mixed);
        QCOMPARE(mixed->formulaCount(), 2);
        QVERIFY(mixed->document()->toPlainText().startsWith(QStringLiteral("The mean is ")));
        QCOMPARE(mixed->document()->blockCount(), 2); // the equation has a line of its own

        // No math: plain text, as JupyterLab's MathJax would leave it.
        auto* text = qobject_cast<TextOutputView*>(area.outputView(3));
        QVERIFY(text);
        QCOMPARE(text->plainText(), QString("\\begin{tabular}{ll} a & b \\\\ \\end{tabular}"));
        QCOMPARE(area.outputText(3), QString("table"));
        QCOMPARE(area.outputText(0), QString("a/b + sqrt(x)"));
    }

    void hiddenOutputsSaveWithTheNotebook() {
        auto doc = makeDoc({{Json::array({stream(lines(30)), stream("more\n")}), Json::object()}});
        auto view = showView(doc.get());
        QVERIFY(view);
        CellWidget* cell = view->widgetAt(0);
        QVERIFY(cell && cell->outputArea());
        OutputArea* area = cell->outputArea();
        const int fullHeight = area->height();
        QVERIFY(fullHeight > 30 * 10);
        // A click on the left margin of the outputs hides them: the document changes.
        QWidget* margin = area->childAt(10, 5);
        QVERIFY(margin);
        QTest::mouseClick(margin, Qt::LeftButton, {}, margin->mapFrom(area, QPoint(10, 5)));
        settle();
        QVERIFY(outputsHidden(doc->cell(0)->metadata()));
        QVERIFY(doc->cell(0)->metadata()["jupyter"]["outputs_hidden"] == Json(true));
        QVERIFY(doc->cell(0)->metadata()["collapsed"] == Json(true));
        QVERIFY(doc->isModified());
        area = view->widgetAt(0)->outputArea();
        QVERIFY(area->outputsHidden());
        QVERIFY(area->height() < fullHeight / 4);
        QVERIFY(area->height() > 0);

        // Saved and read back: still hidden.
        auto again = NotebookDocument::fromBytes(doc->serialize()).document;
        QVERIFY(again);
        QVERIFY(outputsHidden(again->cell(0)->metadata()));
        auto view2 = showView(again.get());
        QVERIFY(view2);
        OutputArea* area2 = view2->widgetAt(0)->outputArea();
        QVERIFY(area2->outputsHidden());
        // A click on the bar shows them again; the keys go away.
        QTest::mouseClick(area2, Qt::LeftButton, {}, QPoint(area2->width() / 2, 5));
        settle();
        QVERIFY(!outputsHidden(again->cell(0)->metadata()));
        QVERIFY(!again->cell(0)->metadata().contains("jupyter"));
        QVERIFY(!again->cell(0)->metadata().contains("collapsed"));
        QCOMPARE(view2->widgetAt(0)->outputArea()->height(), fullHeight);
        // Undoable like any edit.
        again->undoStack()->undo();
        settle();
        QVERIFY(view2->widgetAt(0)->outputArea()->outputsHidden());

        // Command mode O toggles the current cell's outputs.
        view->setFocus();
        view->setCurrentIndex(0);
        QTest::keyClick(view.get(), Qt::Key_O);
        settle();
        QVERIFY(!outputsHidden(doc->cell(0)->metadata()));
        QTest::keyClick(view.get(), Qt::Key_O);
        settle();
        QVERIFY(outputsHidden(doc->cell(0)->metadata()));
        // The menu entry too.
        QMenu menu;
        view->widgetAt(0)->outputArea()->fillContextMenu(menu, -1);
        QCOMPARE(action(menu, "toggleOutputsHidden")->text(), QString("Show Outputs"));
        action(menu, "toggleOutputsHidden")->trigger();
        settle();
        QVERIFY(!outputsHidden(doc->cell(0)->metadata()));
    }

    void scrolledOutputsGetAFixedHeightAndAScrollBar() {
        auto doc = makeDoc({{Json::array({stream(lines(400))}), Json{{"scrolled", true}}},
                            {Json::array({stream(lines(400))}), Json{{"scrolled", "auto"}}},
                            {Json::array({stream(lines(3))}), Json{{"scrolled", true}}}});
        auto view = showView(doc.get(), QSize(900, 700));
        QVERIFY(view);
        OutputArea* scrolled = view->widgetAt(0)->outputArea();
        QVERIFY(scrolled->isScrolled());
        QVERIFY(scrolled->isScrolling());
        const int limit = int(view->viewport()->height() * 0.6);
        QCOMPARE(scrolled->maximumScrolledHeight(), limit);
        QCOMPARE(scrolled->height(), limit);
        QVERIFY(scrolled->scrollBar()->isVisible());
        QVERIFY(scrolled->scrollBar()->maximum() > 400 * 10 - limit);
        // The wheel scrolls the outputs first.
        const int notebookScroll = view->verticalScrollBar()->value();
        QWheelEvent wheel(QPointF(200, 50), scrolled->mapToGlobal(QPointF(200, 50)), QPoint(),
                          QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(scrolled, &wheel); // what the output views pass up
        QVERIFY(scrolled->scrollBar()->value() > 0);
        QCOMPARE(view->verticalScrollBar()->value(), notebookScroll);

        // "auto" is JupyterLab's default: full height.
        view->scrollToCell(1);
        settle();
        OutputArea* automatic = view->widgetAt(1)->outputArea();
        QVERIFY(!automatic->isScrolled());
        QVERIFY(automatic->height() > 400 * 10);
        QVERIFY(!automatic->scrollBar()->isVisible());
        // Short outputs never scroll.
        view->scrollToCell(2);
        settle();
        OutputArea* shortOne = view->widgetAt(2)->outputArea();
        QVERIFY(shortOne->isScrolled());
        QVERIFY(!shortOne->isScrolling());
        QVERIFY(!shortOne->scrollBar()->isVisible());

        // "Scroll Long Output" from the menu writes metadata.scrolled.
        QMenu menu;
        automatic->fillContextMenu(menu, 0);
        QAction* toggle = action(menu, "toggleScrolled");
        QVERIFY(toggle->isCheckable() && !toggle->isChecked());
        toggle->trigger();
        settle();
        QVERIFY(doc->cell(1)->metadata()["scrolled"] == Json(true));
        OutputArea* nowScrolled = view->widgetAt(1)->outputArea();
        QVERIFY(nowScrolled->isScrolling());
        QCOMPARE(nowScrolled->height(), limit);
        QVERIFY(doc->serialize().contains("\"scrolled\": true"));
        doc->undoStack()->undo();
        settle();
        QVERIFY(doc->cell(1)->metadata()["scrolled"] == Json("auto"));
        QVERIFY(!view->widgetAt(1)->outputArea()->isScrolling());
    }

    void saveImageAsWritesTheOriginalBytes() {
        const QByteArray png = pngBytes();
        OutputArea area;
        area.setOutputs(Json::array({display({{"image/png", png.toBase64().toStdString()},
                                              {"text/plain", "<Figure size 32x20>"}})}));
        auto* image = qobject_cast<ImageOutputView*>(area.outputView(0));
        QVERIFY(image);
        QTemporaryDir dir;
        const QString direct = dir.filePath(QStringLiteral("direct.png"));
        QVERIFY(image->saveImageTo(direct));
        QFile f(direct);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), png);

        // Through the output's context menu and the file dialog.
        const QString chosen = dir.filePath(QStringLiteral("chosen.png"));
        QMenu menu;
        area.fillContextMenu(menu, 0, QPoint(5, 5));
        QAction* save = action(menu, "saveImage");
        QVERIFY(save);
        bool answered = false;
        QTimer timer;
        timer.setInterval(20);
        connect(&timer, &QTimer::timeout, this, [&] {
            auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            // Type the path into the file name field, as a user would (selectFile() leaves a
            // focused field alone).
            auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
            if (!name)
                return;
            name->setText(chosen);
            if (dialog->selectedFiles().value(0) != chosen)
                return;
            static_cast<QDialog*>(dialog)->accept(); // QFileDialog hides it
            answered = true;
            timer.stop();
        });
        timer.start();
        save->trigger();
        QVERIFY(answered);
        QFile g(chosen);
        QVERIFY(g.open(QIODevice::ReadOnly));
        QCOMPARE(g.readAll(), png);
        // Copy Output of an image copies its text/plain.
        action(menu, "copyOutput")->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QString("<Figure size 32x20>"));
    }

    void copyOutputAndOpenInViewer() {
        OutputArea area;
        area.setOutputs(Json::array({stream("hello \x1b[32mworld\x1b[0m\n"),
                                     Json{{"output_type", "execute_result"},
                                          {"execution_count", 3},
                                          {"data", {{"text/plain", "42"}}},
                                          {"metadata", Json::object()}},
                                     stream(lines(5000))}));
        for (int i = 0; i < 2; ++i) {
            QMenu menu;
            area.fillContextMenu(menu, i, QPoint(1, 1));
            action(menu, "copyOutput")->trigger();
            QCOMPARE(QApplication::clipboard()->text(),
                     i == 0 ? QString("hello world\n") : QString("42"));
        }
        QMenu menu;
        area.fillContextMenu(menu, 2, QPoint(1, 1));
        action(menu, "openInViewer")->trigger();
        OutputViewer* viewer = nullptr;
        for (QWidget* w : QApplication::topLevelWidgets())
            if (auto* v = qobject_cast<OutputViewer*>(w); v && v->isVisible())
                viewer = v;
        QVERIFY(viewer);
        QVERIFY(viewer->textView()->isReadOnly());
        QCOMPARE(viewer->textView()->document()->blockCount(), 5001);
        viewer->findField()->setText(QStringLiteral("line 4321"));
        QCOMPARE(viewer->textView()->textCursor().selectedText(), QString("line 4321"));
        QCOMPARE(viewer->textView()->textCursor().blockNumber(), 4321);
        viewer->findField()->setText(QStringLiteral("no such text"));
        QVERIFY(!viewer->findNext());
        viewer->close();
    }

    void clearOutputIsUndoable() {
        auto doc = makeDoc({{Json::array({stream("one\n"), stream("two\n")}), Json::object()},
                            {Json::array({stream("keep\n")}), Json::object()}});
        const Json before = doc->cell(0)->outputs();
        auto view = showView(doc.get());
        QVERIFY(view);
        QMenu menu;
        view->widgetAt(0)->outputArea()->fillContextMenu(menu, 1, QPoint(1, 1));
        action(menu, "clearOutput")->trigger();
        settle();
        QVERIFY(doc->cell(0)->outputs().empty());
        QVERIFY(!doc->cell(0)->executionCount());
        QCOMPARE(doc->cell(1)->outputs().size(), size_t(1)); // only this cell
        QVERIFY(!view->widgetAt(0)->outputArea()->hasOutputs());
        doc->undoStack()->undo();
        settle();
        QVERIFY(doc->cell(0)->outputs() == before);
        QCOMPARE(view->widgetAt(0)->outputArea()->outputCount(), 2);
    }

    // A notebook with a JSON tree, typeset LaTeX, hidden outputs and a scrolled long output,
    // light and dark; written to $QUIRE_SHOT_DIR when set, for people to look at.
    void screenshot_data() {
        QTest::addColumn<QString>("theme");
        QTest::newRow("light") << QStringLiteral("light");
        QTest::newRow("dark") << QStringLiteral("dark");
    }

    void screenshot() {
        QFETCH(QString, theme);
        quire::app::applyTheme(theme);
        const Json config = Json::parse(kPerson);
        auto doc = makeDoc(
            {{Json::array({Json{{"output_type", "execute_result"},
                                {"execution_count", 1},
                                {"data", {{"application/json", config}, {"text/plain", "{...}"}}},
                                {"metadata", {{"application/json", {{"root", "config"}}}}}}}),
              Json::object()},
             {Json::array({display({{"text/latex", "$\\displaystyle \\sum_{i=1}^{n} i^{2} = "
                                                   "\\frac{n (n + 1) (2 n + 1)}{6}$"},
                                    {"text/plain", "Eq(Sum(i**2, (i, 1, n)), n*(n+1)*(2*n+1)/6)"}}),
                           display({{"text/latex", "The energy is $E = mc^2$, and\n"
                                                   "$$\\int_0^\\infty e^{-x^2}\\,dx = "
                                                   "\\frac{\\sqrt{\\pi}}{2}$$"}})}),
              Json::object()},
             {Json::array({stream(lines(40)), stream("done\n")}), Json{{"collapsed", true}}},
             {Json::array({stream(lines(300))}), Json{{"scrolled", true}}}});
        auto view = showView(doc.get(), QSize(900, 1300));
        QVERIFY(view);
        auto* tree = qobject_cast<JsonTreeView*>(view->widgetAt(0)->outputArea()->outputView(0));
        QVERIFY(tree);
        tree->setExpanded(findRow(*tree, "deep:"), true);
        tree->setCurrentRow(findRow(*tree, "age:"));
        view->setCurrentIndex(0);
        // The mouse over the left margin of the scrolled outputs lights up their handle.
        OutputArea* scrolled = view->widgetAt(3)->outputArea();
        QTest::mouseMove(scrolled, QPoint(20, 40));
        settle();
        QVERIFY(view->widgetAt(2)->outputArea()->outputsHidden());
        QVERIFY(view->widgetAt(3)->outputArea()->isScrolling());
        const QImage shot = view->grab().toImage();
        const QRgb first = shot.pixel(shot.width() / 2, shot.height() / 2);
        bool drawn = false;
        for (int y = 0; y < shot.height() && !drawn; y += 5)
            for (int x = 0; x < shot.width() && !drawn; x += 5)
                drawn = shot.pixel(x, y) != first;
        QVERIFY(drawn);
        const QString dir = qEnvironmentVariable("QUIRE_SHOT_DIR");
        if (!dir.isEmpty()) {
            QDir().mkpath(dir);
            QVERIFY(shot.save(QDir(dir).filePath(QStringLiteral("outputs-%1.png").arg(theme))));
        }
        doc->undoStack()->setClean();
    }
};

QTEST_MAIN(TestOutputActions)
#include "test_output_actions.moc"
