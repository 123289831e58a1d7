#pragma once

#include "channels.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <deque>
#include <vector>

class QWebSocket;

namespace quire::kernel {

class JupyterServer;

// Channels over a Jupyter Server's kernel WebSocket (/api/kernels/<id>/channels). Offers the
// v1 binary subprotocol and falls back to the legacy JSON frames when the server does not
// select it. The server owns the kernel's ZeroMQ sockets and heartbeat; this side maps socket
// liveness to heartbeatAlive(). When the socket drops it reconnects with backoff under the same
// session_id (the server buffers the kernel's messages for that session and replays them);
// meanwhile the state is Connecting. A GET of the kernel tells a lost network (keep trying)
// from a kernel that is gone (kernelLost, state Closed). Lives on the GUI thread.
class WebSocketChannels final : public Channels {
    Q_OBJECT
public:
    enum class Framing { Unknown, V1, Legacy };
    struct Options {
        std::vector<int> backoffMs{500, 1000, 2000, 4000, 8000, 10000};
        bool offerV1 = true;
        int pingIntervalMs = 10000; // our pings; no pong within pongTimeoutMs: reconnect
        int pongTimeoutMs = 10000;
        int kernelCheckMs = 5000; // GET the kernel this often while connected (0: never)
    };

    // `sessionId`: stable across reconnects (empty: a new random one).
    WebSocketChannels(JupyterServer* server, QString kernelId, QString sessionId = {},
                      QObject* parent = nullptr);
    WebSocketChannels(JupyterServer* server, QString kernelId, QString sessionId, Options options,
                      QObject* parent = nullptr);
    ~WebSocketChannels() override;

    void start();
    void stop(); // closes the socket; no reconnects after it

    const QString& kernelId() const { return m_kernelId; }
    const QString& sessionId() const { return m_sessionId; }
    Framing framing() const { return m_framing; }
    int reconnects() const { return m_reconnects; }
    quint64 undecodable() const { return m_undecodable; }
    // Aborts the socket the way a network failure would (for tests of the reconnect path).
    void dropConnectionForTesting();

signals:
    void reconnected();

private:
    void doSend(Channel channel, Message message) override;
    std::vector<Received> doTakeReceived() override;
    void doReconnect() override;

    void open();
    void onConnected();
    void onDisconnected();
    void onText(const QString& text);
    void onBinary(const QByteArray& frame);
    void deliver(Channel channel, Message message);
    void writeFrame(Channel channel, const Message& message);
    void scheduleReconnect();
    void checkKernel(bool reconnecting);
    void lose(const QString& reason);

    QPointer<JupyterServer> m_server;
    QString m_kernelId;
    QString m_sessionId;
    Options m_options;
    QWebSocket* m_socket = nullptr;
    Framing m_framing = Framing::Unknown;
    bool m_stopped = true;
    bool m_everConnected = false;
    int m_attempt = 0;
    int m_reconnects = 0;
    quint64 m_undecodable = 0;
    std::deque<std::pair<Channel, Message>> m_outbox; // until the socket is open
    std::vector<Received> m_received;
    bool m_deliveryQueued = false;
    QTimer m_retryTimer;
    QTimer m_pingTimer;
    QTimer m_kernelCheckTimer;
    QElapsedTimer m_sincePong;
};

} // namespace quire::kernel
