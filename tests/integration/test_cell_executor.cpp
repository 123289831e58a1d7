// CellExecutor on a real ipykernel: what running cells writes into the document.
#include "editor/execution/cell_executor.h"
#include "editor/model/notebook_document.h"
#include "test_kernel_support.h"

#include <QSignalSpy>
#include <QTest>

using namespace quire;
using editor::CellExecutor;
using editor::CellRunState;
using editor::Json;

namespace {

std::unique_ptr<editor::NotebookDocument> notebookWith(const QStringList& sources) {
    auto doc = std::move(editor::NotebookDocument::fromBytes(
                             R"({"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})")
                             .document);
    std::vector<editor::CellPtr> cells;
    for (const QString& source : sources) {
        auto cell = editor::Cell::create(editor::CellType::Code, doc->newCellId());
        cell->setSource(source);
        cells.push_back(cell);
        doc->insertCells(doc->cellCount(), {cell});
    }
    return doc;
}

std::string streamText(const editor::Cell& cell, const std::string& name = "stdout") {
    std::string text;
    for (const auto& out : cell.outputs())
        if (out.value("output_type", "") == "stream" && out.value("name", "") == name)
            text += out.value("text", "");
    return text;
}

} // namespace

class TestCellExecutor : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<kernel::KernelClient> m_kernel;

    // Runs every cell of `doc`; true when the queue finished.
    bool runAll(CellExecutor& executor, editor::NotebookDocument& doc, bool* ok = nullptr) {
        QSignalSpy finished(&executor, &CellExecutor::queueFinished);
        std::vector<editor::CellPtr> cells;
        for (int i = 0; i < doc.cellCount(); ++i)
            cells.push_back(doc.cell(i));
        executor.enqueue(cells);
        if (!QTest::qWaitFor([&] { return finished.count() > 0; }, 60000))
            return false;
        if (ok)
            *ok = finished.first().first().toBool();
        return true;
    }

private slots:
    void initTestCase() {
        m_kernel = kernel::test::startKernel(QStringLiteral("python3"));
        QVERIFY2(m_kernel, "the python3 kernel (python3-ipykernel) must start");
    }
    void cleanupTestCase() { m_kernel.reset(); }

    void streamsMergeAndProgressBarsResolve() {
        auto doc = notebookWith(
            {QStringLiteral("import sys\nfor i in range(5):\n    print(f'\\r{i}/4', end='', "
                            "flush=True)\nprint()\nprint('err', file=sys.stderr, flush=True)\n"
                            "print('x')")});
        CellExecutor executor(doc.get());
        executor.setKernel(m_kernel.get());
        bool ok = false;
        QVERIFY(runAll(executor, *doc, &ok));
        QVERIFY(ok);
        const auto& cell = *doc->cell(0);
        QCOMPARE(streamText(cell), std::string("4/4\nx\n"));
        QCOMPARE(streamText(cell, "stderr"), std::string("err\n"));
        QVERIFY(cell.executionCount().has_value());
        QVERIFY(doc->isModified());
    }

    void rawStreamsForNbclientPolicy() {
        auto doc = notebookWith({QStringLiteral("print('a\\rb')")});
        editor::ExecutionPolicy policy;
        policy.resolveControlChars = false;
        CellExecutor executor(doc.get(), policy);
        executor.setKernel(m_kernel.get());
        QVERIFY(runAll(executor, *doc));
        QCOMPARE(streamText(*doc->cell(0)), std::string("a\rb\n"));
    }

    void clearOutputWaitKeepsOnlyTheLast() {
        auto doc = notebookWith(
            {QStringLiteral("from IPython.display import clear_output\nfor i in range(4):\n    "
                            "clear_output(wait=True)\n    print(i, flush=True)")});
        CellExecutor executor(doc.get());
        executor.setKernel(m_kernel.get());
        QVERIFY(runAll(executor, *doc));
        QCOMPARE(doc->cell(0)->outputs().size(), size_t(1));
        QCOMPARE(streamText(*doc->cell(0)), std::string("3\n"));
    }

    void displayUpdatesReachEarlierCells() {
        auto doc = notebookWith({QStringLiteral("h = display('first', display_id=True)"),
                                 QStringLiteral("h.update('second')\n1 + 1")});
        CellExecutor executor(doc.get());
        executor.setKernel(m_kernel.get());
        QVERIFY(runAll(executor, *doc));
        const Json& first = doc->cell(0)->outputs();
        QCOMPARE(first.size(), size_t(1));
        QCOMPARE(first[0]["data"]["text/plain"].get<std::string>(), std::string("'second'"));
        QVERIFY(!first[0].contains("transient"));
        const Json& second = doc->cell(1)->outputs();
        QCOMPARE(second.size(), size_t(1));
        QCOMPARE(second[0]["output_type"].get<std::string>(), std::string("execute_result"));
        QCOMPARE(*doc->cell(1)->executionCount(), *doc->cell(0)->executionCount() + 1);
    }

    void timingIsRecordedLikeNbclient() {
        auto doc = notebookWith({QStringLiteral("x = 1")});
        CellExecutor executor(doc.get());
        executor.setKernel(m_kernel.get());
        QVERIFY(runAll(executor, *doc));
        const Json& execution = doc->cell(0)->metadata()["execution"];
        std::vector<std::string> keys;
        for (const auto& [key, value] : execution.items()) {
            keys.push_back(key);
            QVERIFY(value.get<std::string>().ends_with("Z"));
        }
        QCOMPARE(keys, (std::vector<std::string>{"iopub.status.busy", "iopub.execute_input",
                                                 "shell.execute_reply", "iopub.status.idle"}));
    }

    void anErrorStopsTheQueue() {
        auto doc = notebookWith({QStringLiteral("a = 1"), QStringLiteral("1 / 0"),
                                 QStringLiteral("print('never')"), QStringLiteral("b = 2")});
        doc->setCellExecutionCount(2, 7); // what a not-run cell showed before stays
        CellExecutor executor(doc.get());
        executor.setKernel(m_kernel.get());
        std::vector<std::pair<const editor::Cell*, editor::CellOutcome>> finished;
        connect(&executor, &CellExecutor::cellFinished, this,
                [&](const editor::Cell* c, const CellExecutor::Result& r) {
                    finished.emplace_back(c, r.outcome);
                });
        bool ok = true;
        QVERIFY(runAll(executor, *doc, &ok));
        QVERIFY(!ok);
        QCOMPARE(finished.size(), size_t(2));
        QCOMPARE(finished[1].second, editor::CellOutcome::Error);
        QCOMPARE(doc->cell(1)->outputs()[0]["ename"].get<std::string>(),
                 std::string("ZeroDivisionError"));
        QCOMPARE(executor.state(doc->cell(2).get()).phase, CellRunState::Phase::NotRun);
        QCOMPARE(executor.state(doc->cell(3).get()).phase, CellRunState::Phase::NotRun);
        QCOMPARE(*doc->cell(2)->executionCount(), 7LL);
        QVERIFY(streamText(*doc->cell(2)).empty());

        // Running again clears the marks.
        doc->setCellSource(1, QStringLiteral("1 / 1"));
        QVERIFY(runAll(executor, *doc, &ok));
        QVERIFY(ok);
        QCOMPARE(executor.state(doc->cell(2).get()).phase, CellRunState::Phase::Idle);
        QCOMPARE(streamText(*doc->cell(2)), std::string("never\n"));
    }

    void inputPromptsAndPasswords() {
        auto doc = notebookWith({QStringLiteral("x = input('Name? ')\nimport getpass\n"
                                                "p = getpass.getpass('Secret: ')\nprint('hi', x, "
                                                "len(p))")});
        CellExecutor executor(doc.get());
        executor.setKernel(m_kernel.get());
        const editor::Cell* cell = doc->cell(0).get();
        QSignalSpy finished(&executor, &CellExecutor::queueFinished);
        executor.enqueue({doc->cell(0)});
        QVERIFY(QTest::qWaitFor([&] { return executor.state(cell).inputActive; }, 30000));
        QCOMPARE(executor.state(cell).inputPrompt, QStringLiteral("Name? "));
        QVERIFY(!executor.state(cell).inputPassword);
        executor.replyInput(QStringLiteral("Ann"));
        QVERIFY(!executor.state(cell).inputActive);
        QVERIFY(QTest::qWaitFor([&] { return executor.state(cell).inputActive; }, 30000));
        QVERIFY(executor.state(cell).inputPassword);
        executor.replyInput(QStringLiteral("hunter2"));
        QVERIFY(QTest::qWaitFor([&] { return finished.count() > 0; }, 30000));
        QVERIFY(streamText(*cell).ends_with("hi Ann 7\n"));
    }

    void interruptCancelsAPrompt() {
        auto doc = notebookWith({QStringLiteral("input('wait: ')"), QStringLiteral("y = 1")});
        CellExecutor executor(doc.get());
        executor.setKernel(m_kernel.get());
        const editor::Cell* cell = doc->cell(0).get();
        QSignalSpy finished(&executor, &CellExecutor::queueFinished);
        executor.enqueue({doc->cell(0), doc->cell(1)});
        QVERIFY(QTest::qWaitFor([&] { return executor.state(cell).inputActive; }, 30000));
        m_kernel->interrupt();
        QVERIFY(QTest::qWaitFor([&] { return finished.count() > 0; }, 30000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(!executor.state(cell).inputActive);
        QCOMPARE(doc->cell(0)->outputs().back()["ename"].get<std::string>(),
                 std::string("KeyboardInterrupt"));
        QCOMPARE(executor.state(doc->cell(1).get()).phase, CellRunState::Phase::NotRun);
    }

    void progressCountsTheBatch() {
        auto doc = notebookWith({QStringLiteral("1"), QStringLiteral(""), QStringLiteral("3")});
        CellExecutor executor(doc.get());
        executor.setKernel(m_kernel.get());
        QSignalSpy progress(&executor, &CellExecutor::progress);
        QVERIFY(runAll(executor, *doc));
        QCOMPARE(progress.count(), 3);
        QCOMPARE(progress.last().at(0).toInt(), 3);
        QCOMPARE(progress.last().at(1).toInt(), 3);
    }

    void deletedCellsStillFinish() {
        auto doc = notebookWith(
            {QStringLiteral("import time; time.sleep(0.3); print('late')"), QStringLiteral("2")});
        CellExecutor executor(doc.get());
        executor.setKernel(m_kernel.get());
        editor::CellPtr first = doc->cell(0);
        QSignalSpy finished(&executor, &CellExecutor::queueFinished);
        executor.enqueue({doc->cell(0), doc->cell(1)});
        QVERIFY(QTest::qWaitFor([&] { return executor.runningCell() == first.get(); }, 10000));
        doc->removeCells(0, 1); // the user deletes the running cell; undo could bring it back
        QVERIFY(QTest::qWaitFor([&] { return finished.count() > 0; }, 30000));
        QCOMPARE(streamText(*first), std::string("late\n"));
        QVERIFY(doc->cell(0)->executionCount().has_value());
    }

    void aDyingKernelStopsTheQueue() {
        auto client = kernel::test::startKernel(QStringLiteral("python3"));
        QVERIFY(client);
        auto doc =
            notebookWith({QStringLiteral("print('before', flush=True)\nimport os, "
                                         "signal, time\ntime.sleep(0.5)  # let IOPub send it\n"
                                         "os.kill(os.getpid(), signal.SIGKILL)"),
                          QStringLiteral("3")});
        CellExecutor executor(doc.get());
        executor.setKernel(client.get());
        std::vector<editor::CellOutcome> outcomes;
        connect(&executor, &CellExecutor::cellFinished, this,
                [&](const editor::Cell*, const CellExecutor::Result& r) {
                    outcomes.push_back(r.outcome);
                });
        bool ok = true;
        QVERIFY(runAll(executor, *doc, &ok));
        QVERIFY(!ok);
        QCOMPARE(outcomes, std::vector<editor::CellOutcome>{editor::CellOutcome::KernelDied});
        QCOMPARE(streamText(*doc->cell(0)), std::string("before\n"));
        QCOMPARE(executor.state(doc->cell(1).get()).phase, CellRunState::Phase::NotRun);
    }
};

QTEST_GUILESS_MAIN(TestCellExecutor)
#include "test_cell_executor.moc"
