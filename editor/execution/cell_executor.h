#pragma once

#include "editor/execution/cell_run_state.h"
#include "editor/model/cell.h"
#include "kernelclient/kernel_client.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <deque>
#include <map>
#include <memory>
#include <unordered_map>

namespace quire::editor {

class NotebookDocument;

// How cells are executed. The window and `quire run` differ only in these.
struct ExecutionPolicy {
    bool allowStdin = true;
    // Resolve \r and \b in stored stream text as JupyterLab does (the window); nbclient keeps
    // the raw text (`quire run`).
    bool resolveControlChars = true;
    // nbclient's cell tags: skip-execution (not run) and raises-exception (errors allowed).
    bool honourTags = false;
    bool allowErrors = false; // an error does not stop the queue
    int timeoutMs = -1;       // per cell; a cell running longer is interrupted and fails
    // Running an empty code cell clears it (JupyterLab) instead of leaving it alone (nbclient).
    bool clearEmptyCells = true;
    // Outputs reach the document at most this often while a cell runs (0: every message).
    int flushIntervalMs = 0;
};

// How one cell's execution ended.
enum class CellOutcome { Ok, Error, TimedOut, KernelDied, Cancelled };

// Turns a kernel's messages into notebook changes: runs queued code cells one after another
// on the current KernelClient, writes their outputs (streams merged, clear_output(wait),
// display_id updates across cells), execution counts and nbclient's timing metadata
// (metadata.execution) into the document, and stops the queue at the first error.
// Widget-free: the window and `quire run` both use it.
class CellExecutor : public QObject {
    Q_OBJECT
public:
    explicit CellExecutor(NotebookDocument* document, ExecutionPolicy policy = {},
                          QObject* parent = nullptr);
    ~CellExecutor() override;

    void setKernel(kernel::KernelClient* client); // cancels what is queued or running
    kernel::KernelClient* kernel() const { return m_client; }

    // Appends code cells to the queue (others are ignored; cells already queued stay where
    // they are). Starts at once when nothing runs.
    void enqueue(const std::vector<CellPtr>& cells);
    // Forgets the queue; the running cell keeps running (interrupt the kernel to stop it).
    void clearQueue();
    // Stops following the running cell too (after a restart or a kernel switch).
    void cancelAll();

    bool isRunning() const { return m_current != nullptr; }
    int queuedCount() const { return int(m_queue.size()); }
    const Cell* runningCell() const;
    CellRunState state(const Cell* cell) const;

    // The answer to the running cell's input() prompt.
    void replyInput(const QString& value);

    struct Result {
        CellOutcome outcome = CellOutcome::Ok;
        Json reply; // execute_reply content (made up when the kernel died)
    };

signals:
    void stateChanged(const quire::editor::Cell* cell, const quire::editor::CellRunState& state);
    void cellFinished(const quire::editor::Cell* cell,
                      const quire::editor::CellExecutor::Result& result);
    // The queue ran dry: every cell ran (ok), or it stopped at a failure (!ok).
    void queueFinished(bool ok);
    // Cells finished / cells in this batch (a batch lasts until the queue runs dry).
    void progress(int done, int total);

private:
    struct Run;
    void startNext();
    void onIopub(const kernel::Message& message);
    void onReplied(const kernel::Message& reply);
    void onFinished(kernel::Request::Outcome outcome, const kernel::Message& reply);
    void onTimeout();
    void finishCurrent(CellOutcome outcome, Json reply);
    void flush();
    void scheduleFlush();
    void clearOutputsOf(Run& run);
    void updateDisplays(const std::string& id, const kernel::Message& message);
    void setState(const Cell* cell, CellRunState state);
    void dropQueue(CellRunState::Phase phase); // what is queued becomes Idle or NotRun
    int indexOf(const Cell* cell) const;

    NotebookDocument* m_doc;
    ExecutionPolicy m_policy;
    QPointer<kernel::KernelClient> m_client;
    std::deque<CellPtr> m_queue;
    std::unique_ptr<Run> m_current;
    std::unordered_map<const Cell*, CellRunState> m_states;
    // display_id -> (cell, output index) of every output that showed it
    std::map<std::string, std::vector<std::pair<std::weak_ptr<Cell>, size_t>>> m_displays;
    QTimer m_flushTimer;
    QTimer m_timeoutTimer;
    int m_batchDone = 0;
    int m_batchTotal = 0;
    bool m_batchFailed = false;
};

} // namespace quire::editor
