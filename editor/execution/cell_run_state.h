#pragma once

#include <QString>
#include <QtGlobal>

namespace quire::editor {

// What a cell shows about its execution: waiting in the queue, running (since when), not run
// because an earlier cell failed, and a pending stdin prompt. View state, never saved.
struct CellRunState {
    enum class Phase { Idle, Queued, Running, NotRun };
    Phase phase = Phase::Idle;
    qint64 startedAtMs = 0;     // QDateTime::currentMSecsSinceEpoch() when it started running
    QString inputPrompt;        // the kernel's input_request prompt (input() / getpass())
    bool inputPassword = false; // getpass: mask the typed text
    bool inputActive = false;   // the kernel waits for this input

    bool operator==(const CellRunState&) const = default;
};

} // namespace quire::editor
