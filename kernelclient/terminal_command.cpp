#include "terminal_command.h"

namespace quire::kernel {

TerminalCommand::TerminalCommand(JupyterServer* server, QObject* parent)
    : QObject(parent), m_session(new TerminalSession(server, this)) {
    connect(m_session, &TerminalSession::finished, this, [this] {
        m_session->close();
        emit finished();
        deleteLater();
    });
}

void TerminalCommand::run(const QString& command, int timeoutMs) {
    m_session->run(command, timeoutMs);
}

} // namespace quire::kernel
