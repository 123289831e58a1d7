// The widget side of running cells (offscreen): run states in the gutter, kept across widget
// release, the interrupt/restart keys, the inline input row, Tab completion and Shift+Tab
// inspection through a fake CodeAssistant.
#include "editor/model/notebook_document.h"
#include "editor/view/cell_widget.h"
#include "editor/view/code_assistant.h"
#include "editor/view/code_editor.h"
#include "editor/view/editor_assist.h"
#include "editor/view/notebook_view.h"

#include <QApplication>
#include <QDateTime>
#include <QLineEdit>
#include <QPointer>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace quire::editor;
using Phase = CellRunState::Phase;

namespace {

// Code cells with these sources, or `count` cells with 20 lines of output each.
std::unique_ptr<NotebookDocument> makeDoc(const QStringList& sources, int count = 0) {
    Json cells = Json::array();
    const int n = sources.isEmpty() ? count : int(sources.size());
    for (int i = 0; i < n; ++i) {
        Json out = Json::array();
        if (sources.isEmpty()) {
            std::string text;
            for (int k = 0; k < 20; ++k)
                text += "line " + std::to_string(k) + "\n";
            out.push_back({{"output_type", "stream"}, {"name", "stdout"}, {"text", text}});
        }
        const std::string source =
            sources.isEmpty() ? "x = " + std::to_string(i) : sources[i].toStdString();
        cells.push_back({{"cell_type", "code"},
                         {"id", "c" + std::to_string(i)},
                         {"metadata", Json::object()},
                         {"execution_count", i + 1},
                         {"outputs", out},
                         {"source", source}});
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

CellRunState running(qint64 agoMs) {
    CellRunState s;
    s.phase = Phase::Running;
    s.startedAtMs = QDateTime::currentMSecsSinceEpoch() - agoMs;
    return s;
}

CellRunState waitingForInput(const QString& prompt, bool password) {
    CellRunState s = running(500);
    s.inputPrompt = prompt;
    s.inputPassword = password;
    s.inputActive = true;
    return s;
}

// The seconds in a status such as "3.2 s"; -1 when it is not one.
double secondsShown(const QString& status) {
    const auto m = QRegularExpression(QStringLiteral("^(\\d+\\.\\d) s$")).match(status);
    return m.hasMatch() ? m.captured(1).toDouble() : -1;
}

bool clockActive(const CellWidget* w) {
    const auto* t = w->findChild<QTimer*>(QStringLiteral("runClock"));
    return t && t->isActive();
}

// Answers only when the test says so, the way a kernel answers later.
class FakeAssistant : public CodeAssistant {
public:
    struct Request {
        QString code;
        int cursor = 0;
        QPointer<QObject> context;
    };
    QList<Request> completions;
    QList<Request> inspections;

    void complete(const QString& code, int cursor, QObject* context,
                  std::function<void(Completion)> done) override {
        completions.push_back({code, cursor, context});
        m_complete = std::move(done);
    }
    void inspect(const QString& code, int cursor, QObject* context,
                 std::function<void(QString)> done) override {
        inspections.push_back({code, cursor, context});
        m_inspect = std::move(done);
    }
    void answerCompletion(const QStringList& matches, int start, int end) {
        if (completions.last().context)
            m_complete({matches, start, end});
    }
    void answerInspection(const QString& text) {
        if (inspections.last().context)
            m_inspect(text);
    }

private:
    std::function<void(Completion)> m_complete;
    std::function<void(QString)> m_inspect;
};

} // namespace

class TestCellRunUi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void elapsedTimeText() {
        QCOMPARE(CellWidget::elapsedText(0), QStringLiteral("0.0 s"));
        QCOMPARE(CellWidget::elapsedText(3249), QStringLiteral("3.2 s"));
        QCOMPARE(CellWidget::elapsedText(59'999), QStringLiteral("59.9 s"));
        QCOMPARE(CellWidget::elapsedText(65'000), QStringLiteral("1 min 5 s"));
        QCOMPARE(CellWidget::elapsedText(3'725'000), QStringLiteral("1 h 2 min"));
    }

    void gutterShowsTheRunState() {
        auto doc = makeDoc({QStringLiteral("a = 1"), QStringLiteral("b = 2")});
        NotebookView view(doc.get());
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        settle();
        const Cell* cell = doc->cell(1).get();
        CellWidget* w = view.widgetAt(1);
        QVERIFY(w);
        QCOMPARE(w->promptText(), QStringLiteral("[2]:"));
        const QImage idle = w->grab().toImage();

        CellRunState queued;
        queued.phase = Phase::Queued;
        view.setRunState(cell, queued);
        QCOMPARE(w->promptText(), QStringLiteral("[*]:"));
        QCOMPARE(w->runStatusText(), QString());
        QVERIFY(!clockActive(w));
        QCOMPARE(view.runState(cell).phase, Phase::Queued);

        view.setRunState(cell, running(3200));
        settle();
        QCOMPARE(w->promptText(), QStringLiteral("[*]:"));
        // Started 3.2 s ago (a slow machine may show a little more).
        const double shown = secondsShown(w->runStatusText());
        QVERIFY2(shown >= 3.2 && shown < 30, qPrintable(w->runStatusText()));
        QVERIFY(clockActive(w));
        QVERIFY(w->grab().toImage() != idle);
        // The clock moves the time on by itself.
        const QString first = w->runStatusText();
        QTRY_VERIFY_WITH_TIMEOUT(w->runStatusText() != first, 2000);
        // A one-line cell keeps its height: no jumps when cells start and stop running.
        QCOMPARE(w->height(), idle.height());

        view.setRunState(cell, running(65'400));
        QCOMPARE(w->runStatusText(), QStringLiteral("1 min 5 s"));

        CellRunState skipped;
        skipped.phase = Phase::NotRun;
        view.setRunState(cell, skipped);
        QCOMPARE(w->promptText(), QStringLiteral("[ ]:"));
        QCOMPARE(w->runStatusText(), QStringLiteral("not run"));
        QVERIFY(!clockActive(w));
        auto* gutter = w->childAt(10, 10);
        QVERIFY(gutter);
        QCOMPARE(gutter->toolTip(),
                 QStringLiteral("An earlier cell failed, so this cell was not run"));

        view.setRunState(cell, CellRunState{});
        settle();
        QCOMPARE(w->promptText(), QStringLiteral("[2]:"));
        QCOMPARE(w->runStatusText(), QString());
        QVERIFY(gutter->toolTip().isEmpty());
        QCOMPARE(view.widgetAt(0)->promptText(), QStringLiteral("[1]:"));
        QCOMPARE(w->grab().toImage(), idle);
    }

    void stateSurvivesWidgetRelease() {
        auto doc = makeDoc({}, 300);
        NotebookView view(doc.get());
        view.resize(800, 600);
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        view.setFocus();
        settle();
        CellRunState skipped;
        skipped.phase = Phase::NotRun;
        view.setRunState(doc->cell(0).get(), running(3200));
        view.setRunState(doc->cell(1).get(), skipped);
        view.setRunState(doc->cell(2).get(), waitingForInput(QStringLiteral("Password:"), true));
        // Cells far away have no widget yet; they get their state when they appear.
        CellRunState queued;
        queued.phase = Phase::Queued;
        view.setRunState(doc->cell(297).get(), queued);
        QVERIFY(!view.widgetAt(297));

        QLineEdit* field = view.widgetAt(2)->inputField();
        QVERIFY(field);
        QTRY_COMPARE(QApplication::focusWidget(), field);
        QTest::keyClicks(field, "abc");
        // The cell whose field has the keyboard keeps its widget while the view scrolls.
        view.setCurrentIndex(299);
        settle();
        QVERIFY(!view.widgetAt(0));
        QVERIFY(view.widgetAt(2));
        QCOMPARE(QApplication::focusWidget(), field);
        QVERIFY(view.widgetAt(297));
        QCOMPARE(view.widgetAt(297)->promptText(), QStringLiteral("[*]:"));
        // Escape hands the keyboard back; then the widget goes like any other.
        QTest::keyClick(field, Qt::Key_Escape);
        QVERIFY(view.hasFocus());
        view.setCurrentIndex(298);
        settle();
        QVERIFY(!view.widgetAt(2));
        QVERIFY(view.materializedCount() < 60);

        view.setCurrentIndex(0);
        settle();
        CellWidget* w0 = view.widgetAt(0);
        QVERIFY(w0);
        QCOMPARE(w0->promptText(), QStringLiteral("[*]:"));
        const double shown = secondsShown(w0->runStatusText());
        QVERIFY2(shown >= 3.2 && shown < 30, qPrintable(w0->runStatusText()));
        QVERIFY(clockActive(w0));
        QCOMPARE(view.widgetAt(1)->runStatusText(), QStringLiteral("not run"));
        QLineEdit* again = view.widgetAt(2)->inputField();
        QVERIFY(again);
        QCOMPARE(again->echoMode(), QLineEdit::Password);
        // Coming back does not take the keyboard from the notebook.
        QVERIFY(view.hasFocus());
        // A removed cell's state does no harm; undo brings the cell back with it.
        view.setCurrentIndex(0);
        view.deleteSelected();
        settle();
        view.setRunState(doc->cell(0).get(), CellRunState{});
        doc->undoStack()->undo();
        settle();
        QCOMPARE(view.widgetAt(0)->promptText(), QStringLiteral("[*]:"));
    }

    void interruptAndRestartKeys() {
        auto doc = makeDoc({QStringLiteral("a = 1"), QStringLiteral("b = 2")});
        NotebookView view(doc.get());
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setFocus();
        QSignalSpy interrupt(&view, &NotebookView::interruptRequested);
        QSignalSpy restart(&view, &NotebookView::restartRequested);
        QTest::keyClick(&view, Qt::Key_I);
        QCOMPARE(interrupt.count(), 0);
        QTest::keyClick(&view, Qt::Key_I);
        QCOMPARE(interrupt.count(), 1);
        QTest::keyClick(&view, Qt::Key_I); // starts a new pair
        QCOMPARE(interrupt.count(), 1);
        QTest::keyClick(&view, Qt::Key_0);
        QTest::keyClick(&view, Qt::Key_0);
        QCOMPARE(restart.count(), 1);
        QCOMPARE(interrupt.count(), 1);
        // Too slow is two single presses.
        QTest::keyClick(&view, Qt::Key_I);
        QTest::qWait(900);
        QTest::keyClick(&view, Qt::Key_I);
        QCOMPARE(interrupt.count(), 1);
        // In edit mode they are just text.
        view.enterEditMode();
        auto* ed = view.widgetAt(0)->editor();
        QTRY_VERIFY(ed->hasFocus());
        QTest::keyClicks(ed, "ii00");
        QCOMPARE(interrupt.count(), 1);
        QCOMPARE(restart.count(), 1);
        QVERIFY(doc->cell(0)->source().contains(QStringLiteral("ii00")));
        QCOMPARE(doc->cellCount(), 2);
    }

    void inputRowTakesTheKeyboardAndSubmits() {
        auto doc = makeDoc({QStringLiteral("a = 1"), QStringLiteral("name = input()"), QString()});
        NotebookView view(doc.get());
        view.resize(800, 600);
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        settle();
        view.setCurrentIndex(0);
        view.enterEditMode();
        QTRY_VERIFY(view.widgetAt(0)->editor()->hasFocus());

        const Cell* cell = doc->cell(1).get();
        CellWidget* w = view.widgetAt(1);
        QSignalSpy heights(w, &CellWidget::heightChanged);
        const int before = w->heightForWidth(w->width());
        view.setRunState(cell, waitingForInput(QStringLiteral("Your name: "), false));
        QLineEdit* field = w->inputField();
        QVERIFY(field && field->isVisible());
        QCOMPARE(field->echoMode(), QLineEdit::Normal);
        QCOMPARE(field->accessibleName(), QStringLiteral("Input for the running cell"));
        QVERIFY(heights.count() >= 1);
        QVERIFY(w->heightForWidth(w->width()) > before + field->height() / 2);
        QTRY_COMPARE(QApplication::focusWidget(), field);
        QVERIFY(!view.isEditMode());
        // The row is laid out under the outputs and inside the cell.
        settle();
        QVERIFY(field->geometry().bottom() > 0);
        QVERIFY(field->mapTo(w, QPoint(0, field->height())).y() <= w->height());

        // Keys stay in the field: no command keys, no run keys.
        QSignalSpy submitted(&view, &NotebookView::inputSubmitted);
        QSignalSpy executed(&view, &NotebookView::executeRequested);
        QTest::keyClicks(field, "dd");
        QTest::keyClick(field, Qt::Key_Down);
        QTest::keyClick(field, Qt::Key_B);
        QCOMPARE(doc->cellCount(), 3);
        QCOMPARE(view.currentIndex(), 0);
        QCOMPARE(field->text(), QStringLiteral("ddb"));
        QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(executed.count(), 0);
        QCOMPARE(submitted.count(), 1);
        QCOMPARE(submitted.first().at(0).value<const Cell*>(), cell);
        QCOMPARE(submitted.first().at(1).toString(), QStringLiteral("ddb"));
        QCOMPARE(view.currentIndex(), 0);
        // The view keeps the state until the caller changes it.
        QVERIFY(view.runState(cell).inputActive);
        QCOMPARE(w->inputField(), field);

        heights.clear();
        view.setRunState(cell, running(600));
        QVERIFY(!w->inputField());
        QVERIFY(!field->isVisible());
        QVERIFY(heights.count() >= 1);
        QVERIFY(view.hasFocus());
        QCOMPARE(QApplication::focusWidget(), &view);

        // getpass(): masked.
        view.setRunState(cell, waitingForInput(QStringLiteral("Password:"), true));
        field = w->inputField();
        QVERIFY(field);
        QCOMPARE(field->echoMode(), QLineEdit::Password);
        QCOMPARE(field->text(), QString()); // a new request starts empty
        QTRY_COMPARE(QApplication::focusWidget(), field);
        QTest::keyClicks(field, "s3cret");
        QTest::keyClick(field, Qt::Key_Enter);
        QCOMPARE(submitted.count(), 2);
        QCOMPARE(submitted.last().at(1).toString(), QStringLiteral("s3cret"));
        view.setRunState(cell, CellRunState{});
        QVERIFY(!w->inputField());
        QCOMPARE(w->promptText(), QStringLiteral("[2]:"));
    }

    void inputRowScrollsIntoViewForACellFarAway() {
        auto doc = makeDoc({}, 100);
        NotebookView view(doc.get());
        view.resize(800, 600);
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        view.setFocus();
        settle();
        view.setRunState(doc->cell(60).get(), waitingForInput(QString(), false));
        settle();
        CellWidget* w = view.widgetAt(60);
        QVERIFY(w);
        QLineEdit* field = w->inputField();
        QVERIFY(field);
        QTRY_COMPARE(QApplication::focusWidget(), field);
        const QPoint inViewport = field->mapTo(view.viewport(), QPoint(0, field->height()));
        QVERIFY(inViewport.y() > 0 && inViewport.y() <= view.viewport()->height());
        QCOMPARE(view.currentIndex(), 0); // the selection does not move
    }

    void tabCompletes() {
        auto doc = makeDoc({QStringLiteral("x = 1\npri"), QStringLiteral("y = ma")});
        NotebookView view(doc.get());
        FakeAssistant fake;
        view.setCodeAssistant(&fake);
        view.resize(800, 600);
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        settle();
        view.setCurrentIndex(0);
        view.enterEditMode();
        CodeEditor* ed = view.widgetAt(0)->editor();
        QCOMPARE(ed->codeAssistant(), &fake);
        QTRY_VERIFY(ed->hasFocus());
        ed->setCursorOffset(9);

        // One match replaces the range.
        QTest::keyClick(ed, Qt::Key_Tab);
        QCOMPARE(fake.completions.size(), 1);
        QCOMPARE(fake.completions.last().code, QStringLiteral("x = 1\npri"));
        QCOMPARE(fake.completions.last().cursor, 9);
        QCOMPARE(fake.completions.last().context.data(), ed);
        QCOMPARE(ed->text(), QStringLiteral("x = 1\npri")); // Tab did not indent
        fake.answerCompletion({QStringLiteral("print")}, 6, 9);
        QCOMPARE(ed->text(), QStringLiteral("x = 1\nprint"));
        QCOMPARE(ed->cursorOffset(), 11);
        QCOMPARE(doc->cell(0)->source(), QStringLiteral("x = 1\nprint"));

        // An answer to text that changed since is dropped.
        QTest::keyClick(ed, Qt::Key_Tab);
        QCOMPARE(fake.completions.size(), 2);
        QTest::keyClicks(ed, "(");
        fake.answerCompletion({QStringLiteral("printer")}, 6, 11);
        QCOMPARE(ed->text(), QStringLiteral("x = 1\nprint("));

        // No match: nothing happens.
        QTest::keyClick(ed, Qt::Key_Tab);
        fake.answerCompletion({}, 11, 12);
        QCOMPARE(ed->text(), QStringLiteral("x = 1\nprint("));

        // Only blanks before the cursor: Tab indents and asks nothing.
        QTest::keyClick(ed, Qt::Key_Return);
        const auto asked = fake.completions.size();
        QTest::keyClick(ed, Qt::Key_Tab);
        QCOMPARE(fake.completions.size(), asked);
        QCOMPARE(ed->text(), QStringLiteral("x = 1\nprint(\n    "));

        // Several matches: a list; choosing one replaces the range.
        view.enterCommandMode();
        view.setCurrentIndex(1);
        view.enterEditMode();
        CodeEditor* ed1 = view.widgetAt(1)->editor();
        QTRY_VERIFY(ed1->hasFocus());
        ed1->setCursorOffset(6);
        QTest::keyClick(ed1, Qt::Key_Tab);
        fake.answerCompletion(
            {QStringLiteral("max"), QStringLiteral("map"), QStringLiteral("math")}, 4, 6);
        QVERIFY(ed1->isListActive());
        QCOMPARE(ed1->text(), QStringLiteral("y = ma"));
        // Escape closes the list and stays in edit mode.
        QTest::keyClick(ed1, Qt::Key_Escape);
        QVERIFY(!ed1->isListActive());
        QVERIFY(view.isEditMode());
        QTest::keyClick(ed1, Qt::Key_Tab);
        fake.answerCompletion(
            {QStringLiteral("max"), QStringLiteral("map"), QStringLiteral("math")}, 4, 6);
        QVERIFY(ed1->isListActive());
        QTest::keyClick(ed1, Qt::Key_Down);
        QTest::keyClick(ed1, Qt::Key_Return);
        QVERIFY(!ed1->isListActive());
        QCOMPARE(ed1->text(), QStringLiteral("y = map"));
        QCOMPARE(doc->cell(1)->source(), QStringLiteral("y = map"));
        QVERIFY(view.isEditMode());

        // Cells created later get the assistant; markdown editors do not ask the kernel.
        view.enterCommandMode();
        view.insertCell(true);
        view.enterEditMode();
        QCOMPARE(view.widgetAt(view.currentIndex())->editor()->codeAssistant(), &fake);
        view.enterCommandMode();
        view.insertCell(true, CellType::Markdown);
        view.enterEditMode();
        QCOMPARE(view.widgetAt(view.currentIndex())->editor()->codeAssistant(), nullptr);

        // Without an assistant Tab indents as before.
        view.setCodeAssistant(nullptr);
        view.enterCommandMode();
        view.setCurrentIndex(1);
        view.enterEditMode();
        QTRY_VERIFY(ed1->hasFocus());
        QCOMPARE(ed1->codeAssistant(), nullptr);
        const auto before = fake.completions.size();
        ed1->setCursorOffset(7);
        QTest::keyClick(ed1, Qt::Key_Tab);
        QCOMPARE(fake.completions.size(), before);
        QCOMPARE(ed1->text(), QStringLiteral("y = map "));
    }

    void shiftTabInspects() {
        auto doc = makeDoc({QStringLiteral("len")});
        NotebookView view(doc.get());
        FakeAssistant fake;
        view.setCodeAssistant(&fake);
        view.resize(800, 600);
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        settle();
        view.setCurrentIndex(0);
        view.enterEditMode();
        CodeEditor* ed = view.widgetAt(0)->editor();
        QTRY_VERIFY(ed->hasFocus());
        ed->setCursorOffset(3);
        QTest::keyClick(ed, Qt::Key_Backtab, Qt::ShiftModifier);
        QCOMPARE(fake.inspections.size(), 1);
        QCOMPARE(fake.inspections.last().cursor, 3);
        QVERIFY(ed->hasFocus());
        QVERIFY(!ed->isCallTipActive());
        fake.answerInspection(QStringLiteral("\x1b[0;31mSignature:\x1b[0m len(obj, /)\n"
                                             "\x1b[0;31mDocstring:\x1b[0m Return the number."));
        QVERIFY(ed->isCallTipActive());
        QCOMPARE(ed->callTipText(),
                 QStringLiteral("Signature: len(obj, /)\nDocstring: Return the number."));
        QCOMPARE(ed->text(), QStringLiteral("len"));
        // Escape closes the tip and stays in edit mode; a second Escape leaves it.
        QTest::keyClick(ed, Qt::Key_Escape);
        QVERIFY(!ed->isCallTipActive());
        QCOMPARE(ed->callTipText(), QString());
        QVERIFY(view.isEditMode());
        QTest::keyClick(ed, Qt::Key_Escape);
        QVERIFY(!view.isEditMode());

        // Long help is cut.
        QStringList lines;
        for (int i = 0; i < 100; ++i)
            lines << QStringLiteral("line %1").arg(i);
        const QString tip = EditorAssist::tipText(lines.join(QLatin1Char('\n')));
        QCOMPARE(tip.count(QLatin1Char('\n')), EditorAssist::MaxTipLines);
        QVERIFY(tip.startsWith(QStringLiteral("line 0\n")));
        QVERIFY(tip.endsWith(QChar(0x2026)));
        QVERIFY(EditorAssist::tipText(QString(5000, QLatin1Char('x'))).size() <=
                EditorAssist::MaxTipChars + 2);
    }

    void shiftTabWithoutAssistantIsAsBefore() {
        auto doc = makeDoc({QStringLiteral("    x = 1")});
        NotebookView view(doc.get());
        view.resize(800, 600);
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        view.setCurrentIndex(0);
        view.enterEditMode();
        CodeEditor* ed = view.widgetAt(0)->editor();
        QTRY_VERIFY(ed->hasFocus());
        ed->setCursorOffset(6);
        QTest::keyClick(ed, Qt::Key_Backtab, Qt::ShiftModifier);
        QVERIFY(ed->hasFocus());
        QVERIFY(view.isEditMode());
        QCOMPARE(ed->text(), QStringLiteral("    x = 1"));
        QVERIFY(!ed->isCallTipActive());
    }
};

QTEST_MAIN(TestCellRunUi)
#include "test_cell_run_ui.moc"
