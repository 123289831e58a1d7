#include "zmq_channels.h"

#include <QLoggingCategory>
#include <QMetaObject>
#include <algorithm>
#include <cstring>
#include <mutex>
#include <optional>
#include <thread>
#include <zmq.hpp>

Q_LOGGING_CATEGORY(lcZmq, "quire.kernel.zmq")

namespace quire::kernel {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {
constexpr const char* kWakeAddress = "inproc://quire-kernel-wake";
constexpr int kMaxReceiveBurst = 4096; // per socket per poll round, so no channel starves
// While messages flow, the loop polls without sleeping for this long after the last one.
// On virtual machines a sleeping vCPU is costly to wake, and a kernel streaming output
// ping-pongs between its own threads; a briefly spinning reader keeps that path short
// (20,000 flushed prints drain about 1.6x faster here). Idle kernels cost nothing.
constexpr auto kSpinAfterMessage = std::chrono::microseconds(1500);
constexpr int kSocketCount = 4; // shell, control, stdin, iopub (heartbeat apart)
constexpr Channel kSocketChannels[kSocketCount] = {Channel::Shell, Channel::Control, Channel::Stdin,
                                                   Channel::IOPub};
} // namespace

// State shared by the GUI-side object and the I/O thread. `mutex` guards the queues and flags.
struct ZmqChannels::Shared {
    zmq::context_t context{1};
    zmq::socket_t wakeSender{context, zmq::socket_type::pair}; // GUI thread only

    std::mutex mutex;
    std::vector<std::pair<Channel, Message>> outgoing;
    std::vector<Received> incoming;
    CodecStats stats;
    bool deliveryPending = false;
    bool stopRequested = false;
    bool reconnectRequested = false;
};

// Everything here runs on the I/O thread, except the constructor and join().
class ZmqChannels::IoLoop {
public:
    IoLoop(ZmqChannels* owner, Shared& shared, const ConnectionInfo& info, const Options& options)
        : m_owner(owner), m_shared(shared), m_info(info), m_options(options),
          m_codec(info.key, options.limits), m_identity(newMessageId()) {
        m_thread = std::thread([this] { run(); });
    }
    void join() {
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    void run();
    void openSockets();
    void closeSockets();
    void openHeartbeat();
    void onStdinMonitorEvent();
    void reportStdin(bool connected);
    enum class Command { Stop, Continue, Reconnected };
    Command handleCommands();
    void sendOutgoing(std::vector<std::pair<Channel, Message>>& messages);
    void receiveAll(int index);
    void heartbeatTick(Clock::time_point now);
    void onPong(Clock::time_point now);
    milliseconds pollTimeout(Clock::time_point now) const;
    void publish();
    zmq::socket_t* socketFor(Channel channel);

    ZmqChannels* m_owner;
    Shared& m_shared;
    const ConnectionInfo m_info;
    const Options m_options;
    WireCodec m_codec;
    const std::string m_identity; // shell, control and stdin share it (input_request routing)
    std::thread m_thread;

    std::optional<zmq::socket_t> m_sockets[kSocketCount];
    std::optional<zmq::socket_t> m_heartbeat;
    std::optional<zmq::socket_t> m_stdinMonitor; // handshake events of the stdin socket
    int m_monitorGeneration = 0;
    std::vector<Received> m_batch;
    std::vector<zmq::message_t> m_frames;
    std::vector<std::string_view> m_views;

    bool m_awaitingPong = false;
    bool m_reportedAlive = true;
    Clock::time_point m_pingSentAt;
    Clock::time_point m_nextPingAt;
    Clock::time_point m_lastAlive;
    Clock::time_point m_lastMessageAt; // a kernel message (not a heartbeat pong)
};

void ZmqChannels::IoLoop::openSockets() {
    for (int i = 0; i < kSocketCount; ++i) {
        const bool iopub = kSocketChannels[i] == Channel::IOPub;
        auto& socket = m_sockets[i].emplace(m_shared.context, iopub ? zmq::socket_type::sub
                                                                    : zmq::socket_type::dealer);
        socket.set(zmq::sockopt::linger, 0);
        if (iopub) {
            socket.set(zmq::sockopt::subscribe, "");
            socket.set(zmq::sockopt::rcvhwm, 0); // never drop on our side of the pipe
        } else {
            socket.set(zmq::sockopt::routing_id, zmq::buffer(m_identity));
        }
    }
    m_sockets[0]->connect(m_info.endpoint(m_info.shellPort).toStdString());
    m_sockets[1]->connect(m_info.endpoint(m_info.controlPort).toStdString());
    m_sockets[2]->connect(m_info.endpoint(m_info.stdinPort).toStdString());
    m_sockets[3]->connect(m_info.endpoint(m_info.iopubPort).toStdString());
    // Watch the stdin connection come up (see Channels::stdinConnected).
    const std::string monitorAddress =
        "inproc://quire-stdin-monitor-" + std::to_string(++m_monitorGeneration);
    if (zmq_socket_monitor(m_sockets[2]->handle(), monitorAddress.c_str(),
                           ZMQ_EVENT_HANDSHAKE_SUCCEEDED | ZMQ_EVENT_DISCONNECTED) == 0) {
        m_stdinMonitor.emplace(m_shared.context, zmq::socket_type::pair);
        m_stdinMonitor->connect(monitorAddress);
        reportStdin(false);
    } else {
        qCWarning(lcZmq) << "cannot watch the stdin connection:" << zmq_strerror(zmq_errno());
        reportStdin(true); // nothing to wait for then
    }
    openHeartbeat();
    const auto now = Clock::now();
    m_lastAlive = now;
    m_nextPingAt = now;
    m_awaitingPong = false;
}

void ZmqChannels::IoLoop::reportStdin(bool connected) {
    QMetaObject::invokeMethod(
        m_owner, [o = m_owner, connected] { o->setStdinConnected(connected); },
        Qt::QueuedConnection);
}

void ZmqChannels::IoLoop::onStdinMonitorEvent() {
    // Each event is two frames: 16-bit event id + 32-bit value, then the endpoint.
    for (;;) {
        zmq::message_t event;
        if (!m_stdinMonitor->recv(event, zmq::recv_flags::dontwait))
            return;
        uint16_t id = 0;
        if (event.size() >= sizeof id)
            std::memcpy(&id, event.data(), sizeof id);
        while (event.more()) {
            zmq::message_t rest;
            if (!m_stdinMonitor->recv(rest, zmq::recv_flags::none) || !rest.more())
                break;
        }
        if (id == ZMQ_EVENT_HANDSHAKE_SUCCEEDED)
            reportStdin(true);
        else if (id == ZMQ_EVENT_DISCONNECTED)
            reportStdin(false);
    }
}

void ZmqChannels::IoLoop::openHeartbeat() {
    // A REQ socket that missed its reply cannot send again: make a new one.
    m_heartbeat.reset();
    m_heartbeat.emplace(m_shared.context, zmq::socket_type::req);
    m_heartbeat->set(zmq::sockopt::linger, 0);
    m_heartbeat->connect(m_info.endpoint(m_info.hbPort).toStdString());
}

void ZmqChannels::IoLoop::closeSockets() {
    if (m_stdinMonitor && m_sockets[2])
        zmq_socket_monitor(m_sockets[2]->handle(), nullptr, 0);
    m_stdinMonitor.reset();
    for (auto& socket : m_sockets)
        socket.reset();
    m_heartbeat.reset();
}

zmq::socket_t* ZmqChannels::IoLoop::socketFor(Channel channel) {
    for (int i = 0; i < kSocketCount; ++i)
        if (kSocketChannels[i] == channel && channel != Channel::IOPub)
            return &*m_sockets[i];
    return nullptr;
}

void ZmqChannels::IoLoop::run() {
    zmq::socket_t wake(m_shared.context, zmq::socket_type::pair);
    wake.connect(kWakeAddress);
    openSockets();
    zmq::pollitem_t items[kSocketCount + 3];
    for (;;) {
        try {
            const auto now = Clock::now();
            heartbeatTick(now);
            items[0] = {wake.handle(), 0, ZMQ_POLLIN, 0};
            for (int i = 0; i < kSocketCount; ++i)
                items[i + 1] = {m_sockets[i]->handle(), 0, ZMQ_POLLIN, 0};
            items[kSocketCount + 1] = {m_heartbeat->handle(), 0, ZMQ_POLLIN, 0};
            const int count = m_stdinMonitor ? kSocketCount + 3 : kSocketCount + 2;
            if (m_stdinMonitor)
                items[kSocketCount + 2] = {m_stdinMonitor->handle(), 0, ZMQ_POLLIN, 0};
            const bool flowing = now - m_lastMessageAt < kSpinAfterMessage;
            if (flowing)
                std::this_thread::yield(); // spin politely: the GUI thread goes first
            zmq::poll(items, count, flowing ? milliseconds(0) : pollTimeout(now));

            if (items[0].revents & ZMQ_POLLIN) {
                zmq::message_t ignored;
                while (wake.recv(ignored, zmq::recv_flags::dontwait)) {
                }
                const Command command = handleCommands();
                if (command == Command::Stop)
                    break;
                if (command == Command::Reconnected)
                    continue; // the poll items point at closed sockets
            }
            for (int i = 0; i < kSocketCount; ++i)
                if (items[i + 1].revents & ZMQ_POLLIN)
                    receiveAll(i);
            if (items[kSocketCount + 1].revents & ZMQ_POLLIN) {
                zmq::message_t pong; // REQ: exactly one reply per ping, then send again
                if (m_heartbeat->recv(pong, zmq::recv_flags::dontwait))
                    onPong(Clock::now());
            }
            if (count > kSocketCount + 2 && (items[kSocketCount + 2].revents & ZMQ_POLLIN))
                onStdinMonitorEvent();
            publish();
        } catch (const zmq::error_t& e) {
            if (e.num() == ETERM)
                break;
            if (e.num() != EINTR)
                qCWarning(lcZmq) << "I/O error:" << e.what();
        } catch (const std::exception& e) {
            qCWarning(lcZmq) << "I/O thread:" << e.what();
        }
    }
    publish();
    closeSockets();
}

ZmqChannels::IoLoop::Command ZmqChannels::IoLoop::handleCommands() {
    std::vector<std::pair<Channel, Message>> outgoing;
    bool reconnect = false;
    {
        std::lock_guard lock(m_shared.mutex);
        if (m_shared.stopRequested)
            return Command::Stop;
        reconnect = std::exchange(m_shared.reconnectRequested, false);
        outgoing.swap(m_shared.outgoing);
    }
    if (reconnect) {
        closeSockets();
        openSockets();
        m_batch.clear();
        if (!m_reportedAlive) {
            m_reportedAlive = true;
            QMetaObject::invokeMethod(
                m_owner, [o = m_owner] { o->onHeartbeat(true); }, Qt::QueuedConnection);
        }
    }
    sendOutgoing(outgoing);
    return reconnect ? Command::Reconnected : Command::Continue;
}

void ZmqChannels::IoLoop::sendOutgoing(std::vector<std::pair<Channel, Message>>& messages) {
    for (auto& [channel, message] : messages) {
        zmq::socket_t* socket = socketFor(channel);
        if (!socket)
            continue;
        const auto frames = m_codec.encode(message);
        bool sent = true;
        for (size_t i = 0; i < frames.size() && sent; ++i) {
            const auto flags =
                (i + 1 < frames.size() ? zmq::send_flags::sndmore : zmq::send_flags::none) |
                zmq::send_flags::dontwait;
            sent = socket->send(zmq::buffer(frames[i]), flags).has_value();
        }
        if (!sent) // only when the kernel has not read 1000 queued messages: it is gone
            qCWarning(lcZmq) << "dropped an outgoing" << message.msgType().data() << "on"
                             << channelName(channel) << "(queue full)";
    }
}

void ZmqChannels::IoLoop::receiveAll(int index) {
    zmq::socket_t& socket = *m_sockets[index];
    for (int n = 0; n < kMaxReceiveBurst; ++n) {
        m_frames.clear();
        zmq::message_t frame;
        if (!socket.recv(frame, zmq::recv_flags::dontwait))
            return;
        bool more = frame.more();
        m_frames.push_back(std::move(frame));
        while (more) { // the rest of a multipart message is already here (atomic delivery)
            zmq::message_t part;
            if (!socket.recv(part, zmq::recv_flags::none))
                break;
            more = part.more();
            m_frames.push_back(std::move(part));
        }
        m_views.clear();
        for (const auto& f : m_frames)
            m_views.emplace_back(static_cast<const char*>(f.data()), f.size());
        auto result = m_codec.decode(m_views);
        if (result.message)
            m_batch.push_back({kSocketChannels[index], std::move(*result.message)});
        m_lastAlive = Clock::now(); // any traffic proves the kernel is there
        m_lastMessageAt = m_lastAlive;
    }
}

void ZmqChannels::IoLoop::heartbeatTick(Clock::time_point now) {
    if (m_awaitingPong && now - m_pingSentAt >= m_options.heartbeatTimeout) {
        openHeartbeat(); // a miss
        m_awaitingPong = false;
        m_nextPingAt = now;
    }
    if (!m_awaitingPong && now >= m_nextPingAt) {
        if (m_heartbeat->send(zmq::str_buffer("ping"), zmq::send_flags::dontwait)) {
            m_awaitingPong = true;
            m_pingSentAt = now;
        } else {
            m_nextPingAt = now + m_options.heartbeatInterval;
        }
    }
    if (m_reportedAlive && now - m_lastAlive >= m_options.heartbeatLostAfter) {
        m_reportedAlive = false;
        QMetaObject::invokeMethod(
            m_owner, [o = m_owner] { o->onHeartbeat(false); }, Qt::QueuedConnection);
    }
}

void ZmqChannels::IoLoop::onPong(Clock::time_point now) {
    m_awaitingPong = false;
    m_lastAlive = now;
    m_nextPingAt = m_pingSentAt + m_options.heartbeatInterval;
    if (!m_reportedAlive) {
        m_reportedAlive = true;
        QMetaObject::invokeMethod(
            m_owner, [o = m_owner] { o->onHeartbeat(true); }, Qt::QueuedConnection);
    }
}

milliseconds ZmqChannels::IoLoop::pollTimeout(Clock::time_point now) const {
    Clock::time_point next =
        m_awaitingPong ? m_pingSentAt + m_options.heartbeatTimeout : m_nextPingAt;
    if (m_reportedAlive)
        next = std::min(next, m_lastAlive + m_options.heartbeatLostAfter);
    const auto wait = std::chrono::ceil<milliseconds>(next - now);
    return std::clamp(wait, milliseconds(0), milliseconds(1000));
}

void ZmqChannels::IoLoop::publish() {
    if (m_batch.empty())
        return;
    bool notify = false;
    {
        std::lock_guard lock(m_shared.mutex);
        if (m_shared.incoming.empty()) {
            m_shared.incoming.swap(m_batch);
        } else {
            for (auto& r : m_batch)
                m_shared.incoming.push_back(std::move(r));
            m_batch.clear();
        }
        m_shared.stats = m_codec.stats();
        notify = !std::exchange(m_shared.deliveryPending, true);
    }
    if (notify) // one queued call per batch however many messages it holds
        QMetaObject::invokeMethod(
            m_owner, [o = m_owner] { o->deliver(); }, Qt::QueuedConnection);
}

ZmqChannels::ZmqChannels(ConnectionInfo info, QObject* parent)
    : ZmqChannels(std::move(info), Options{}, parent) {}

ZmqChannels::ZmqChannels(ConnectionInfo info, Options options, QObject* parent)
    : Channels(parent), m_info(std::move(info)), m_options(options),
      m_shared(std::make_unique<Shared>()) {
    m_shared->wakeSender.set(zmq::sockopt::linger, 0);
    m_shared->wakeSender.bind(kWakeAddress);
}

ZmqChannels::~ZmqChannels() {
    stop();
}

void ZmqChannels::start() {
    if (m_loop)
        return;
    setState(State::Connecting);
    m_loop = std::make_unique<IoLoop>(this, *m_shared, m_info, m_options);
    setState(State::Connected);
}

void ZmqChannels::stop() {
    if (!m_loop)
        return;
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->stopRequested = true;
    }
    wake();
    m_loop->join();
    m_loop.reset();
    setState(State::Closed);
}

CodecStats ZmqChannels::codecStats() const {
    std::lock_guard lock(m_shared->mutex);
    return m_shared->stats;
}

void ZmqChannels::wake() {
    // A full wake queue already means a wake is pending: nothing is lost by skipping one.
    (void)m_shared->wakeSender.send(zmq::str_buffer("w"), zmq::send_flags::dontwait);
}

void ZmqChannels::doSend(Channel channel, Message message) {
    if (channel == Channel::IOPub || channel == Channel::Heartbeat)
        return;
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->outgoing.emplace_back(channel, std::move(message));
    }
    wake();
}

std::vector<Channels::Received> ZmqChannels::doTakeReceived() {
    std::vector<Received> out;
    std::lock_guard lock(m_shared->mutex);
    out.swap(m_shared->incoming);
    return out;
}

void ZmqChannels::doReconnect() {
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->reconnectRequested = true;
        m_shared->outgoing.clear();
        m_shared->incoming.clear();
    }
    wake();
}

void ZmqChannels::deliver() {
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->deliveryPending = false;
    }
    emit messagesReady();
}

void ZmqChannels::onHeartbeat(bool alive) {
    setHeartbeatAlive(alive);
}

QString ZmqChannels::libraryVersion() {
    int major = 0, minor = 0, patch = 0;
    zmq_version(&major, &minor, &patch);
    return QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(patch);
}

} // namespace quire::kernel
