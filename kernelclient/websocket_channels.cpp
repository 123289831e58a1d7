#include "websocket_channels.h"

#include "jupyter_server.h"
#include "websocket_codec.h"

#include <QLoggingCategory>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

Q_LOGGING_CATEGORY(lcWebSocket, "quire.kernel.websocket", QtInfoMsg)

namespace quire::kernel {

namespace {
const QString kV1 = QStringLiteral("v1.kernel.websocket.jupyter.org");
}

WebSocketChannels::WebSocketChannels(JupyterServer* server, QString kernelId, QString sessionId,
                                     QObject* parent)
    : WebSocketChannels(server, std::move(kernelId), std::move(sessionId), Options{}, parent) {}

WebSocketChannels::WebSocketChannels(JupyterServer* server, QString kernelId, QString sessionId,
                                     Options options, QObject* parent)
    : Channels(parent), m_server(server), m_kernelId(std::move(kernelId)),
      m_sessionId(sessionId.isEmpty() ? QString::fromStdString(newMessageId())
                                      : std::move(sessionId)),
      m_options(std::move(options)) {
    if (m_options.backoffMs.empty())
        m_options.backoffMs = {500};
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] { checkKernel(true); });
    m_pingTimer.setInterval(m_options.pingIntervalMs);
    connect(&m_pingTimer, &QTimer::timeout, this, [this] {
        if (!m_socket)
            return;
        if (m_sincePong.elapsed() > m_options.pingIntervalMs + m_options.pongTimeoutMs) {
            qCInfo(lcWebSocket) << "no pong from the server: reconnecting";
            m_socket->abort();
            return;
        }
        m_socket->ping();
    });
    if (m_options.kernelCheckMs > 0) {
        m_kernelCheckTimer.setInterval(m_options.kernelCheckMs);
        connect(&m_kernelCheckTimer, &QTimer::timeout, this, [this] { checkKernel(false); });
    }
}

WebSocketChannels::~WebSocketChannels() {
    stop();
}

void WebSocketChannels::start() {
    if (!m_stopped)
        return;
    m_stopped = false;
    setState(State::Connecting);
    open();
}

void WebSocketChannels::stop() {
    m_stopped = true;
    m_retryTimer.stop();
    m_pingTimer.stop();
    m_kernelCheckTimer.stop();
    if (m_socket) {
        QWebSocket* socket = std::exchange(m_socket, nullptr);
        socket->disconnect(this);
        socket->close(); // a clean close: the server buffers for our session_id
        socket->deleteLater();
    }
    if (state() != State::Idle)
        setState(State::Closed);
}

void WebSocketChannels::dropConnectionForTesting() {
    if (m_socket)
        m_socket->abort();
}

void WebSocketChannels::open() {
    if (m_stopped || !m_server)
        return;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
    }
    // No Origin header: the server checks it against its own host when one is sent.
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingMessageSize(quint64(512) << 20);
    connect(m_socket, &QWebSocket::connected, this, &WebSocketChannels::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &WebSocketChannels::onDisconnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &WebSocketChannels::onText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &WebSocketChannels::onBinary);
    connect(m_socket, &QWebSocket::pong, this, [this] { m_sincePong.restart(); });
    connect(m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
        if (m_server && m_server->acceptTls(errors))
            m_socket->ignoreSslErrors(errors);
    });
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("session_id"), m_sessionId);
    const QNetworkRequest request = m_server->webSocketRequest(
        QStringLiteral("api/kernels/%1/channels").arg(encodePath(m_kernelId)), query);
    QWebSocketHandshakeOptions handshake;
    if (m_options.offerV1)
        handshake.setSubprotocols({kV1});
    m_socket->open(request, handshake);
}

void WebSocketChannels::onConnected() {
    m_framing = m_socket->subprotocol() == kV1 ? Framing::V1 : Framing::Legacy;
    qCDebug(lcWebSocket) << "connected to kernel" << m_kernelId << "framing"
                         << (m_framing == Framing::V1 ? "v1" : "legacy");
    m_attempt = 0;
    m_sincePong.start();
    m_pingTimer.start();
    if (m_options.kernelCheckMs > 0)
        m_kernelCheckTimer.start();
    auto outbox = std::exchange(m_outbox, {});
    for (auto& [channel, message] : outbox)
        writeFrame(channel, message);
    setState(State::Connected);
    setHeartbeatAlive(true);
    if (std::exchange(m_everConnected, true)) {
        ++m_reconnects;
        emit reconnected();
    }
}

void WebSocketChannels::onDisconnected() {
    m_pingTimer.stop();
    m_kernelCheckTimer.stop();
    if (m_stopped)
        return;
    qCInfo(lcWebSocket) << "the kernel's WebSocket closed:"
                        << (m_socket ? m_socket->closeReason() : QString()) << "- reconnecting";
    // Connecting first, so that KernelClient reads the lost heartbeat as "reconnecting".
    setState(State::Connecting);
    setHeartbeatAlive(false);
    scheduleReconnect();
}

void WebSocketChannels::scheduleReconnect() {
    if (m_stopped || m_retryTimer.isActive())
        return;
    const auto& steps = m_options.backoffMs;
    const int delay = steps[size_t(std::min<int>(m_attempt, int(steps.size()) - 1))];
    ++m_attempt;
    m_retryTimer.start(delay);
}

void WebSocketChannels::checkKernel(bool reconnecting) {
    if (m_stopped || !m_server)
        return;
    ServerReply* reply = m_server->kernel(m_kernelId);
    connect(reply, &ServerReply::finished, this, [this, reply, reconnecting] {
        if (m_stopped)
            return;
        if (reply->ok()) {
            if (reply->json().value("execution_state", "") == "dead") {
                lose(QStringLiteral("The kernel died on the server."));
                return;
            }
            if (reconnecting)
                open();
            return;
        }
        const ServerError& e = reply->error();
        if (e.kind == ServerError::Kind::NotFound) {
            lose(QStringLiteral("The kernel was shut down on the server."));
        } else if (!reconnecting) {
            return; // the socket's own liveness decides while it is up
        } else if (e.isTemporary() || e.kind == ServerError::Kind::Server) {
            scheduleReconnect(); // the network or the server is away: keep trying
        } else {
            lose(e.fullMessage());
        }
    });
}

void WebSocketChannels::lose(const QString& reason) {
    qCInfo(lcWebSocket) << "kernel" << m_kernelId << "lost:" << reason;
    stop();
    emit kernelLost(reason); // before the heartbeat, so the client reports this reason
    setHeartbeatAlive(false);
}

void WebSocketChannels::doSend(Channel channel, Message message) {
    if (channel == Channel::Heartbeat)
        return; // the server runs the heartbeat
    if (m_socket && state() == State::Connected)
        writeFrame(channel, message);
    else
        m_outbox.emplace_back(channel, std::move(message));
}

void WebSocketChannels::writeFrame(Channel channel, const Message& message) {
    if (m_framing == Framing::V1) {
        m_socket->sendBinaryMessage(websocket_codec::encodeV1(channel, message));
        return;
    }
    bool binary = false;
    const QByteArray frame = websocket_codec::encodeLegacy(channel, message, &binary);
    if (binary)
        m_socket->sendBinaryMessage(frame);
    else
        m_socket->sendTextMessage(QString::fromUtf8(frame));
}

std::vector<Channels::Received> WebSocketChannels::doTakeReceived() {
    m_deliveryQueued = false;
    return std::exchange(m_received, {});
}

void WebSocketChannels::doReconnect() {
    // After a restart through the server: the server keeps this socket and reconnects its own
    // ZeroMQ sockets; only what we queued for the old kernel is dropped.
    m_outbox.clear();
}

void WebSocketChannels::onText(const QString& text) {
    auto decoded = websocket_codec::decodeLegacyText(text.toUtf8());
    if (!decoded) {
        ++m_undecodable;
        qCWarning(lcWebSocket) << "skipped an undecodable text frame of" << text.size()
                               << "characters";
        return;
    }
    deliver(decoded->channel, std::move(decoded->message));
}

void WebSocketChannels::onBinary(const QByteArray& frame) {
    auto decoded = m_framing == Framing::V1 ? websocket_codec::decodeV1(frame)
                                            : websocket_codec::decodeLegacyBinary(frame);
    if (!decoded) {
        ++m_undecodable;
        qCWarning(lcWebSocket) << "skipped an undecodable binary frame of" << frame.size()
                               << "bytes";
        return;
    }
    deliver(decoded->channel, std::move(decoded->message));
}

void WebSocketChannels::deliver(Channel channel, Message message) {
    m_received.push_back({channel, std::move(message)});
    if (std::exchange(m_deliveryQueued, true))
        return;
    // One messagesReady per event-loop turn: a burst of frames is one batch.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_received.empty())
                emit messagesReady();
            else
                m_deliveryQueued = false;
        },
        Qt::QueuedConnection);
}

} // namespace quire::kernel
