#pragma once

#include "server_error.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QWebSocket;

namespace quire::kernel {

class JupyterServer;

// Runs one shell command in a new terminal on a Jupyter Server and collects what it printed
// and its exit status (for nvidia-smi and the like on a remote runtime). The terminal is
// deleted afterwards, on success, failure or timeout. Deletes itself after finished().
class TerminalCommand : public QObject {
    Q_OBJECT
public:
    struct Result {
        bool ok = false;
        int exitCode = -1;
        QString output; // stdout and stderr as the terminal showed them, "\r\n" made "\n"
        ServerError error;
    };

    explicit TerminalCommand(JupyterServer* server, QObject* parent = nullptr);
    ~TerminalCommand() override;

    void run(const QString& command, int timeoutMs = 30000);
    const Result& result() const { return m_result; }

signals:
    void finished();

private:
    void onTerminal(const QString& name);
    void onText(const QString& text);
    void finish(Result result);

    QPointer<JupyterServer> m_server;
    QString m_command;
    QString m_terminal;
    QString m_marker;
    QString m_screen;
    QWebSocket* m_socket = nullptr;
    QTimer m_timeout;
    Result m_result;
    bool m_done = false;
};

} // namespace quire::kernel
