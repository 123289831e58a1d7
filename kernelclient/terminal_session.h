#pragma once

#include "server_error.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QWebSocket;

namespace quire::kernel {

class JupyterServer;

// One terminal on a Jupyter Server kept open for several commands (a remote resource monitor
// runs its script every few seconds): the terminal is created on the first run(), its
// WebSocket stays open, each command's output is cut out between markers, and close() (or the
// destructor) deletes the terminal. One command at a time; a command that times out or a
// socket that drops ends the terminal, and the next run() starts a new one.
class TerminalSession : public QObject {
    Q_OBJECT
public:
    struct Result {
        bool ok = false;
        int exitCode = -1;
        QString output; // stdout and stderr as the terminal showed them, "\r\n" made "\n"
        ServerError error;
    };

    explicit TerminalSession(JupyterServer* server, QObject* parent = nullptr);
    ~TerminalSession() override; // deletes the terminal (fire and forget)

    // Runs `command` (one line) in the terminal; finished() follows, later, once.
    // false (and nothing follows) while another command runs.
    bool run(const QString& command, int timeoutMs = 30000);
    bool isRunning() const { return m_running; }
    const Result& result() const { return m_result; }
    // The server's name of the terminal ("1"), empty until it was created.
    const QString& terminalName() const { return m_terminal; }
    // How many terminals this session created (tests check one is reused).
    int terminalsCreated() const { return m_created; }
    // Closes the socket and deletes the terminal on the server.
    void close();

signals:
    void finished();

private:
    void createTerminal();
    void openSocket();
    void send();
    void onText(const QString& text);
    void finish(Result result);

    QPointer<JupyterServer> m_server;
    QString m_command;
    QString m_terminal;
    QString m_marker;
    QString m_screen;
    QWebSocket* m_socket = nullptr;
    bool m_connected = false;
    bool m_running = false;
    int m_created = 0;
    QTimer m_timeout;
    Result m_result;
};

} // namespace quire::kernel
