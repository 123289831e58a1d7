#pragma once

#include "message.h"

#include <QObject>
#include <vector>

namespace quire::kernel {

// The transport seam between KernelClient and a kernel: ZeroMQ for local kernels
// (ZmqChannels), a Jupyter Server's WebSocket (WebSocketChannels). Thin non-virtual surface;
// transports implement the private virtuals. Lives on the GUI thread; never blocks it.
class Channels : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Connecting, Connected, Closed };
    Q_ENUM(State)

    struct Received {
        Channel channel;
        Message message;
    };

    using QObject::QObject;
    ~Channels() override = default;

    // Queues `message` for the kernel. Messages sent before the transport connects are kept
    // and go out in order.
    void send(Channel channel, Message message) { doSend(channel, std::move(message)); }
    // Everything that arrived since the last call, in arrival order per channel.
    std::vector<Received> takeReceived() { return doTakeReceived(); }
    // Drop queued traffic and reconnect (after a kernel restart on the same endpoints).
    void reconnect() { doReconnect(); }
    State state() const { return m_state; }
    // False after the kernel stopped answering heartbeats, true again once it answers.
    bool heartbeatAlive() const { return m_heartbeatAlive; }
    // Whether the kernel can reach us on stdin. A ZeroMQ ROUTER drops messages for peers
    // whose connection is not up yet, so an input_request sent before this would be lost
    // (and input() would wait for ever). Transports without that problem say true.
    bool stdinConnected() const { return m_stdinConnected; }

signals:
    // takeReceived() has something. Emitted once per batch, not per message.
    void messagesReady();
    void stateChanged(quire::kernel::Channels::State state);
    void heartbeatChanged(bool alive);
    void stdinConnectedChanged(bool connected);
    // The kernel behind this transport is gone for good (deleted on a server); state Closed.
    void kernelLost(const QString& reason);

protected:
    void setState(State state) {
        if (state != m_state) {
            m_state = state;
            emit stateChanged(state);
        }
    }
    void setHeartbeatAlive(bool alive) {
        if (alive != m_heartbeatAlive) {
            m_heartbeatAlive = alive;
            emit heartbeatChanged(alive);
        }
    }

    void setStdinConnected(bool connected) {
        if (connected != m_stdinConnected) {
            m_stdinConnected = connected;
            emit stdinConnectedChanged(connected);
        }
    }

private:
    virtual void doSend(Channel channel, Message message) = 0;
    virtual std::vector<Received> doTakeReceived() = 0;
    virtual void doReconnect() = 0;

    State m_state = State::Idle;
    bool m_heartbeatAlive = true;
    bool m_stdinConnected = true;
};

} // namespace quire::kernel
