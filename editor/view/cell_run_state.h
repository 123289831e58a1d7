#pragma once

#include <QString>

namespace quire::editor {

// What the execution side says about one cell, for the view to show: its place in the run
// queue, since when it runs, and whether the kernel waits for a line of input from it.
struct CellRunState {
    enum class Phase { Idle, Queued, Running, NotRun };
    Phase phase = Phase::Idle;
    qint64 startedAtMs = 0;     // QDateTime::currentMSecsSinceEpoch() when it started running
    QString inputPrompt;        // kernel's input_request prompt (input()/getpass())
    bool inputPassword = false; // getpass: mask the typed text
    bool inputActive = false;   // show the inline input field

    bool operator==(const CellRunState&) const = default;
};

} // namespace quire::editor
