#pragma once

#include "terminal_session.h"

#include <QObject>

namespace quire::kernel {

class JupyterServer;

// Runs one shell command in a new terminal on a Jupyter Server and collects what it printed
// and its exit status. The terminal is deleted afterwards, on success, failure or timeout.
// Deletes itself after finished(). For repeated commands, keep a TerminalSession instead.
class TerminalCommand : public QObject {
    Q_OBJECT
public:
    using Result = TerminalSession::Result;

    explicit TerminalCommand(JupyterServer* server, QObject* parent = nullptr);

    void run(const QString& command, int timeoutMs = 30000);
    const Result& result() const { return m_session->result(); }

signals:
    void finished();

private:
    TerminalSession* m_session;
};

} // namespace quire::kernel
