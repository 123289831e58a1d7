#pragma once

#include "channels.h"
#include "connection_info.h"
#include "wire_codec.h"

#include <chrono>
#include <memory>

namespace quire::kernel {

// Channels over ZeroMQ to a kernel on this machine. One I/O thread per kernel owns all
// sockets (shell/control/stdin DEALERs sharing one identity, IOPub SUB, heartbeat REQ),
// polls them with an inproc wake-up socket for outgoing messages, verifies and decodes on that
// thread, and hands batches of complete messages to this object's thread. IOPub is drained
// continuously whatever the GUI does, so the kernel's PUB socket never hits its high-water
// mark and drops output. The thread is joined in stop() (and the destructor), never detached.
class ZmqChannels final : public Channels {
    Q_OBJECT
public:
    struct Options {
        std::chrono::milliseconds heartbeatInterval{500};
        std::chrono::milliseconds heartbeatTimeout{1000};   // one ping unanswered: a miss
        std::chrono::milliseconds heartbeatLostAfter{2500}; // no answer that long: lost
        CodecLimits limits;
    };

    explicit ZmqChannels(ConnectionInfo info, QObject* parent = nullptr);
    ZmqChannels(ConnectionInfo info, Options options, QObject* parent = nullptr);
    ~ZmqChannels() override;

    void start();
    void stop(); // idempotent; joins the I/O thread

    const ConnectionInfo& connectionInfo() const { return m_info; }
    CodecStats codecStats() const;

    // The version of the libzmq Quire runs with ("4.3.4"), for About and problem reports.
    static QString libraryVersion();

private:
    struct Shared;
    class IoLoop;

    void doSend(Channel channel, Message message) override;
    std::vector<Received> doTakeReceived() override;
    void doReconnect() override;
    void wake();
    void deliver();
    void onHeartbeat(bool alive);
    using Channels::setStdinConnected; // called from the I/O thread's queued calls

    ConnectionInfo m_info;
    Options m_options;
    std::unique_ptr<Shared> m_shared;
    std::unique_ptr<IoLoop> m_loop;
};

} // namespace quire::kernel
