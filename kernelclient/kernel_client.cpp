#include "kernel_client.h"

#include "comm.h"
#include "local_kernel_launcher.h"
#include "remote_kernel_starter.h"
#include "zmq_channels.h"

#include <QLoggingCategory>
#include <unordered_map>

Q_LOGGING_CATEGORY(lcClient, "quire.kernel.client", QtInfoMsg)

namespace quire::kernel {

namespace {
constexpr int kHandshakeIntervalMs = 200;
constexpr int kRestartGraceMs = 1500;
constexpr int kShutdownGraceMs = 2000;
constexpr qint64 kLostIdleQuietMs = 3000; // reply came, idle did not, IOPub silent this long

Json toJson(const QString& text) {
    return Json(text.toStdString());
}
} // namespace

const char* kernelStatusName(KernelStatus status) {
    switch (status) {
    case KernelStatus::Starting:
        return "starting";
    case KernelStatus::Idle:
        return "idle";
    case KernelStatus::Busy:
        return "busy";
    case KernelStatus::Restarting:
        return "restarting";
    case KernelStatus::Dead:
        return "dead";
    }
    return "?";
}

KernelClient::KernelClient(QObject* parent) : QObject(parent), m_session(newMessageId()) {
    m_clock.start();
    m_handshakeTimer.setInterval(kHandshakeIntervalMs);
    connect(&m_handshakeTimer, &QTimer::timeout, this, &KernelClient::handshakeStep);
    m_idleWatch.setInterval(500);
    connect(&m_idleWatch, &QTimer::timeout, this, &KernelClient::checkLostIdles);
}

KernelClient::~KernelClient() {
    m_channels.reset(); // joins the I/O thread
    m_host.reset();     // kills a local kernel's process group
}

bool KernelClient::startLocal(const KernelSpec& spec, const QString& workingDirectory,
                              QString* error) {
    auto launcher = std::make_unique<LocalKernelLauncher>(spec);
    launcher->setWorkingDirectory(workingDirectory);
    if (!launcher->start(error))
        return false;
    auto channels = std::make_unique<ZmqChannels>(launcher->connectionInfo());
    channels->start();
    attach(std::move(channels), std::move(launcher));
    return true;
}

void KernelClient::attach(std::unique_ptr<Channels> channels, std::unique_ptr<KernelHost> host) {
    m_channels = std::move(channels);
    m_host = std::move(host);
    m_channels->setParent(this);
    connect(m_channels.get(), &Channels::messagesReady, this, &KernelClient::onMessagesReady);
    connect(m_channels.get(), &Channels::heartbeatChanged, this, &KernelClient::onHeartbeat);
    connect(m_channels.get(), &Channels::kernelLost, this, &KernelClient::markDead);
    connect(m_channels.get(), &Channels::stdinConnectedChanged, this, [this](bool connected) {
        if (connected)
            onHandshakeProgress();
    });
    setStatus(KernelStatus::Starting);
    if (m_host) {
        m_host->setParent(this);
        connect(m_host.get(), &KernelHost::started, this, &KernelClient::onHostStarted);
        connect(m_host.get(), &KernelHost::stopped, this, &KernelClient::onHostStopped);
        connect(m_host.get(), &KernelHost::failedToStart, this, &KernelClient::markDead);
        if (m_host->isRunning())
            beginHandshake();
    } else {
        beginHandshake();
    }
}

RemoteKernelStarter* KernelClient::startRemote(JupyterServer* server, const QString& kernelName,
                                               const QString& notebookPath) {
    setStatus(KernelStatus::Starting);
    auto* starter = new RemoteKernelStarter(server, this);
    connect(starter, &RemoteKernelStarter::failed, this,
            [this](const ServerError& error) { markDead(error.fullMessage()); });
    starter->start(this, kernelName, notebookPath);
    return starter;
}

// ---- requests ---------------------------------------------------------------------------

Request* KernelClient::request(Channel channel, std::string_view msgType, Json content,
                               QObject* context) {
    Message message = makeMessage(msgType, std::move(content), m_session);
    auto* handle =
        new Request(std::string(message.msgId()), std::string(msgType), context ? context : this);
    if (m_status == KernelStatus::Dead || !m_channels) {
        // Still answered through the handle, after the caller has connected to it.
        QTimer::singleShot(0, handle, [handle] {
            Message reply;
            reply.content = {{"status", "error"},
                             {"ename", "DeadKernelError"},
                             {"evalue", "The kernel is not running"},
                             {"traceback", Json::array()}};
            handle->finish(Request::Outcome::KernelDied, reply);
        });
        return handle;
    }
    Pending& pending = m_pending[handle->msgId()];
    pending.handle = handle;
    pending.sendSeq = ++m_sendSeq;
    if (m_ready)
        sendNow(channel, std::move(message));
    else
        m_queued.emplace_back(channel, std::move(message));
    return handle;
}

void KernelClient::sendNow(Channel channel, Message message) {
    m_channels->send(channel, std::move(message));
}

Request* KernelClient::execute(const QString& code, const ExecuteOptions& options,
                               QObject* context) {
    return request(Channel::Shell, "execute_request",
                   {{"code", toJson(code)},
                    {"silent", options.silent},
                    {"store_history", options.storeHistory},
                    {"user_expressions", options.userExpressions},
                    {"allow_stdin", options.allowStdin},
                    {"stop_on_error", options.stopOnError}},
                   context);
}

Request* KernelClient::complete(const QString& code, int cursorPos, QObject* context) {
    return request(Channel::Shell, "complete_request",
                   {{"code", toJson(code)}, {"cursor_pos", cursorPos}}, context);
}

Request* KernelClient::inspect(const QString& code, int cursorPos, int detailLevel,
                               QObject* context) {
    return request(
        Channel::Shell, "inspect_request",
        {{"code", toJson(code)}, {"cursor_pos", cursorPos}, {"detail_level", detailLevel}},
        context);
}

Request* KernelClient::isComplete(const QString& code, QObject* context) {
    return request(Channel::Shell, "is_complete_request", {{"code", toJson(code)}}, context);
}

Request* KernelClient::history(Json options, QObject* context) {
    if (!options.is_object())
        options = Json::object();
    for (const auto& [key, value] : {std::pair{"output", Json(false)},
                                     {"raw", Json(true)},
                                     {"hist_access_type", Json("tail")},
                                     {"n", Json(100)}})
        if (!options.contains(key))
            options[key] = value;
    return request(Channel::Shell, "history_request", std::move(options), context);
}

Request* KernelClient::commInfo(const QString& targetName, QObject* context) {
    Json content = Json::object();
    if (!targetName.isEmpty())
        content["target_name"] = targetName.toStdString();
    return request(Channel::Shell, "comm_info_request", std::move(content), context);
}

Request* KernelClient::kernelInfoRequest(QObject* context) {
    return request(Channel::Shell, "kernel_info_request", Json::object(), context);
}

void KernelClient::inputReply(const QString& value) {
    if (!m_inputParent || !m_channels)
        return;
    Message reply =
        makeMessage("input_reply", {{"value", toJson(value)}}, m_session, *m_inputParent);
    m_inputParent.reset();
    sendNow(Channel::Stdin, std::move(reply));
}

void KernelClient::interrupt() {
    m_inputParent.reset(); // the kernel abandons the prompt (KeyboardInterrupt in input())
    if (m_host && m_host->interruptMode() != QLatin1String("message")) {
        m_host->interrupt();
        return;
    }
    if (m_channels && m_status != KernelStatus::Dead)
        sendNow(Channel::Control, makeMessage("interrupt_request", Json::object(), m_session));
}

void KernelClient::restart() {
    if (!m_channels || m_shuttingDown)
        return;
    finishAll(Request::Outcome::KernelRestarted, "KernelRestarted", tr("The kernel was restarted"));
    m_restarting = true;
    m_ready = false;
    m_handshakeTimer.stop(); // the new process gets a handshake of its own
    m_inputParent.reset();
    setStatus(KernelStatus::Restarting);
    if (m_host && m_host->isRunning() && !m_host->sendsShutdownRequest())
        sendNow(Channel::Control, makeMessage("shutdown_request", {{"restart", true}}, m_session));
    if (m_host) {
        m_host->restart(m_host->isRunning() ? kRestartGraceMs : 0);
    } else {
        sendNow(Channel::Control, makeMessage("shutdown_request", {{"restart", true}}, m_session));
        beginHandshake();
    }
}

void KernelClient::shutdown() {
    if (!m_channels || m_shuttingDown)
        return;
    m_shuttingDown = true;
    m_handshakeTimer.stop();
    if (m_status != KernelStatus::Dead && !(m_host && m_host->sendsShutdownRequest()))
        sendNow(Channel::Control, makeMessage("shutdown_request", {{"restart", false}}, m_session));
    if (m_host && m_host->isRunning()) {
        m_host->shutdown(kShutdownGraceMs);
    } else {
        finishAll(Request::Outcome::KernelDied, "DeadKernelError", tr("The kernel was shut down"));
        m_ready = false;
        setStatus(KernelStatus::Dead);
        QTimer::singleShot(0, this, &KernelClient::shutdownFinished);
    }
}

// ---- incoming ---------------------------------------------------------------------------

void KernelClient::onMessagesReady() {
    auto batch = m_channels->takeReceived();
    for (auto& [channel, message] : batch) {
        try { // one exception boundary around the dispatch: a bad message is skipped
            route(channel, message);
        } catch (const std::exception& e) {
            qCWarning(lcClient) << "skipped a" << message.msgType().data()
                                << "message:" << e.what();
        }
    }
}

void KernelClient::route(Channel channel, Message& message) {
    checkKernelSession(message);
    switch (channel) {
    case Channel::IOPub:
        onIopub(message);
        break;
    case Channel::Shell:
    case Channel::Control:
        onReply(message);
        break;
    case Channel::Stdin:
        onStdin(message);
        break;
    case Channel::Heartbeat:
        break;
    }
}

void KernelClient::checkKernelSession(const Message& message) {
    // Only replies to our own requests say reliably which kernel process sent them. Kernels
    // that copy the client's session into their headers (IRkernel) never look restarted.
    if (message.parentSession() != m_session || message.session().empty() ||
        message.session() == m_session)
        return;
    if (m_kernelSession.empty() || m_restarting || !m_ready) {
        m_kernelSession = message.session();
        return;
    }
    if (message.session() == m_kernelSession)
        return;
    qCInfo(lcClient) << "the kernel's session changed: it restarted";
    m_kernelSession = message.session();
    finishAll(Request::Outcome::KernelRestarted, "KernelRestarted", tr("The kernel restarted"));
    m_inputParent.reset();
    emit restarted();
}

void KernelClient::onIopub(Message& message) {
    m_lastIopubMs = m_clock.elapsed();
    if (!m_handshakeIopub && !m_ready && m_handshakeTimer.isActive()) {
        m_handshakeIopub = true;
        onHandshakeProgress();
    }
    static const std::unordered_map<std::string_view, Handler> handlers = {
        {"status", &KernelClient::onStatus},
        {"comm_open", &KernelClient::onCommOpen},
        {"comm_msg", &KernelClient::onCommMsg},
        {"comm_close", &KernelClient::onCommClose},
    };
    if (const auto it = handlers.find(message.msgType()); it != handlers.end())
        (this->*it->second)(message);
    forwardToRequest(message);
    emit iopubMessage(message);
    if (message.msgType() == "status")
        finishIfComplete(std::string(message.parentMsgId()));
}

void KernelClient::onStatus(Message& message) {
    const std::string state = message.content.value("execution_state", "");
    // A Jupyter Server's own status messages (no parent): its restarter brought a crashed
    // kernel back, or gave up.
    if (state == "dead") {
        markDead(QStringLiteral("The kernel died and the server could not restart it"));
        return;
    }
    if (state == "restarting") {
        onServerRestarting();
        return;
    }
    const auto it = m_pending.find(std::string(message.parentMsgId()));
    if (state == "idle" && it != m_pending.end()) {
        it->second.idle = true;
        m_newestIdleSeq = std::max(m_newestIdleSeq, it->second.sendSeq);
    }
    if (!m_ready || m_handshakeIds.count(std::string(message.parentMsgId())))
        return; // handshake traffic (late answers to repeated probes included)
    if (state == "busy")
        setStatus(KernelStatus::Busy);
    else if (state == "idle")
        setStatus(KernelStatus::Idle);
}

void KernelClient::forwardToRequest(const Message& message) {
    const auto it = m_pending.find(std::string(message.parentMsgId()));
    if (it != m_pending.end() && it->second.handle)
        emit it->second.handle->iopub(message);
}

void KernelClient::onReply(Message& message) {
    const std::string parent(message.parentMsgId());
    if (m_handshakeIds.count(parent)) {
        if (!m_handshakeReply && message.msgType() == "kernel_info_reply") {
            m_kernelInfo = message.content;
            m_handshakeReply = true;
            onHandshakeProgress();
        }
        return;
    }
    if (message.msgType() == "kernel_info_reply")
        m_kernelInfo = message.content;
    const auto it = m_pending.find(parent);
    if (it == m_pending.end())
        return; // a reply to a request we did not track (interrupt, shutdown) or a late one
    Pending& pending = it->second;
    if (pending.handle)
        emit pending.handle->replied(message);
    pending.replied = true;
    pending.repliedAtMs = m_clock.elapsed();
    pending.reply = std::move(message);
    finishIfComplete(parent);
    if (!m_idleWatch.isActive() && !m_pending.empty())
        m_idleWatch.start();
}

void KernelClient::onStdin(Message& message) {
    if (message.msgType() != "input_request")
        return;
    const QString prompt = QString::fromStdString(message.content.value("prompt", std::string()));
    const bool password = message.content.value("password", false);
    m_inputParent = message.header;
    const auto it = m_pending.find(std::string(message.parentMsgId()));
    if (it != m_pending.end() && it->second.handle)
        emit it->second.handle->inputRequested(prompt, password);
    emit inputRequested(prompt, password);
}

void KernelClient::finishIfComplete(const std::string& msgId) {
    const auto it = m_pending.find(msgId);
    if (it == m_pending.end() || !it->second.replied || !it->second.idle)
        return;
    Pending pending = std::move(it->second);
    m_pending.erase(it); // before emitting: handlers may send new requests
    if (pending.handle)
        pending.handle->finish(Request::Outcome::Completed, *pending.reply);
}

void KernelClient::checkLostIdles() {
    // A reply without its idle: the idle was lost (a PUB socket past its high-water mark) if a
    // later request's idle arrived, or if IOPub has been quiet for a while since the reply.
    const qint64 now = m_clock.elapsed();
    std::vector<std::string> lost;
    for (auto& [id, p] : m_pending) {
        if (!p.replied || p.idle)
            continue;
        const bool overtaken = m_newestIdleSeq > p.sendSeq;
        const bool quiet = now - std::max(p.repliedAtMs, m_lastIopubMs) > kLostIdleQuietMs;
        if (overtaken || quiet)
            lost.push_back(id);
    }
    for (const auto& id : lost) {
        qCWarning(lcClient) << "finishing request" << id.c_str() << "without its IOPub idle";
        m_pending[id].idle = true;
        finishIfComplete(id);
    }
    if (m_pending.empty())
        m_idleWatch.stop();
}

void KernelClient::finishAll(Request::Outcome outcome, const char* ename, const QString& evalue) {
    auto pending = std::exchange(m_pending, {});
    m_queued.clear();
    for (auto& [id, p] : pending) {
        if (!p.handle)
            continue;
        Message reply;
        reply.parentHeader = {{"msg_id", id}};
        reply.content = {{"status", "error"},
                         {"ename", ename},
                         {"evalue", evalue.toStdString()},
                         {"traceback", Json::array()}};
        p.handle->finish(outcome, reply);
    }
}

} // namespace quire::kernel
