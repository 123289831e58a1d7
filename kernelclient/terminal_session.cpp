#include "terminal_session.h"

#include "jupyter_server.h"

#include <QRegularExpression>
#include <QWebSocket>
#include <nlohmann/json.hpp>

namespace quire::kernel {

TerminalSession::TerminalSession(JupyterServer* server, QObject* parent)
    : QObject(parent), m_server(server) {
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        Result r;
        r.error = ServerError::make(ServerError::Kind::Timeout,
                                    QStringLiteral("The command did not finish in time on the "
                                                   "server."));
        r.output = m_screen;
        close(); // the command may still run: the next one gets a fresh terminal
        finish(std::move(r));
    });
}

TerminalSession::~TerminalSession() {
    close();
}

bool TerminalSession::run(const QString& command, int timeoutMs) {
    if (m_running)
        return false;
    m_running = true;
    m_command = command;
    m_marker = QString::fromStdString(newMessageId()).left(12);
    m_timeout.start(timeoutMs);
    if (!m_server) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                finish({false, -1, {}, ServerError::make(ServerError::Kind::Cancelled, {})});
            },
            Qt::QueuedConnection);
    } else if (m_connected) {
        send();
    } else if (m_terminal.isEmpty()) {
        createTerminal();
    } // else: the socket is connecting and sends once connected
    return true;
}

void TerminalSession::createTerminal() {
    ServerReply* reply = m_server->createTerminal();
    connect(reply, &ServerReply::finished, this, [this, reply] {
        if (!reply->ok())
            return finish({false, -1, {}, reply->error()});
        m_terminal = QString::fromStdString(reply->json().value("name", ""));
        ++m_created;
        openSocket();
    });
}

void TerminalSession::openSocket() {
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
        if (m_server && m_server->acceptTls(errors))
            m_socket->ignoreSslErrors(errors);
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, &TerminalSession::onText);
    connect(m_socket, &QWebSocket::connected, this, [this] {
        m_connected = true;
        if (m_running)
            send();
    });
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        const QString screen = m_screen;
        close();
        if (m_running)
            finish({false, -1, screen,
                    ServerError::make(ServerError::Kind::Unreachable,
                                      QStringLiteral("The terminal on the server closed before "
                                                     "the command finished."))});
    });
    m_socket->open(m_server->webSocketRequest(QStringLiteral("terminals/websocket/") + m_terminal));
}

void TerminalSession::send() {
    m_screen.clear();
    // The markers are printed by printf from two halves, so the terminal's echo of the typed
    // line never matches them.
    const QString line = QStringLiteral("stty -echo; printf '%s%s\\n' QUIRE_ BEGIN_%1; %2; "
                                        "printf '\\n%s%s %d\\n' QUIRE_ END_%1 $?\r")
                             .arg(m_marker, m_command);
    const nlohmann::json message = {"stdin", line.toStdString()};
    m_socket->sendTextMessage(QString::fromStdString(message.dump()));
}

void TerminalSession::onText(const QString& text) {
    if (!m_running)
        return; // a prompt, or what a timed-out command printed late
    const auto json = nlohmann::json::parse(text.toStdString(), nullptr, false);
    if (!json.is_array() || json.size() < 2 || json[0] != "stdout" || !json[1].is_string())
        return;
    m_screen += QString::fromStdString(json[1].get<std::string>());
    const QString begin = QStringLiteral("QUIRE_BEGIN_") + m_marker;
    static const QRegularExpression endLine(QStringLiteral("QUIRE_END_(\\w+) (\\d+)"));
    const auto start = m_screen.indexOf(begin);
    if (start < 0)
        return;
    const auto end = endLine.match(m_screen, start);
    if (!end.hasMatch() || end.captured(1) != m_marker)
        return;
    QString output = m_screen.mid(start + begin.size(), end.capturedStart() - start - begin.size());
    output.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    while (output.startsWith(QLatin1Char('\n')))
        output.remove(0, 1);
    if (output.endsWith(QLatin1String("\n\n")))
        output.chop(1); // the newline our END printf put before its marker
    m_screen.clear();
    finish({true, end.captured(2).toInt(), output, {}});
}

void TerminalSession::finish(Result result) {
    if (!m_running)
        return;
    m_running = false;
    m_timeout.stop();
    m_result = std::move(result);
    QMetaObject::invokeMethod(this, &TerminalSession::finished, Qt::QueuedConnection);
}

void TerminalSession::close() {
    m_connected = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    if (m_server && !m_terminal.isEmpty())
        m_server->deleteTerminal(m_terminal); // finishes on its own
    m_terminal.clear();
}

} // namespace quire::kernel
