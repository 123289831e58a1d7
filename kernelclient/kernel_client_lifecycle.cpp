// KernelClient: ready handshake, kernel process events, heartbeat, status.
#include "kernel_client.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcClient)

namespace quire::kernel {

namespace {
constexpr int kHandshakeTimeoutMs = 60000;
} // namespace

void KernelClient::beginHandshake() {
    m_ready = false;
    m_handshakeReply = false;
    m_handshakeIopub = false;
    m_handshakeIds.clear();
    m_handshakeClock.start();
    m_handshakeTimer.start();
    handshakeStep();
}

void KernelClient::handshakeStep() {
    if (m_handshakeClock.elapsed() > kHandshakeTimeoutMs) {
        m_handshakeTimer.stop();
        markDead(tr("The kernel did not answer within %1 seconds").arg(kHandshakeTimeoutMs / 1000));
        return;
    }
    // Repeated until IOPub is seen too: the SUB subscription takes effect asynchronously, and
    // each kernel_info_request makes the kernel publish busy/idle we can wait for.
    Message probe = makeMessage("kernel_info_request", Json::object(), m_session);
    m_handshakeIds.emplace(probe.msgId());
    sendNow(Channel::Shell, std::move(probe));
}

void KernelClient::onHandshakeProgress() {
    if (m_ready || !m_handshakeReply || !m_handshakeIopub || !m_channels->stdinConnected())
        return;
    m_handshakeTimer.stop();
    m_ready = true;
    const bool wasRestart = std::exchange(m_restarting, false);
    qCDebug(lcClient) << "kernel ready after" << m_handshakeClock.elapsed() << "ms";
    setStatus(KernelStatus::Idle);
    auto queued = std::exchange(m_queued, {});
    for (auto& [channel, message] : queued)
        sendNow(channel, std::move(message));
    emit ready();
    if (wasRestart)
        emit restarted();
}

void KernelClient::onHostStarted() {
    if (m_shuttingDown || m_ready || m_handshakeTimer.isActive())
        return; // (a handshake begun while the process was starting goes on)
    beginHandshake();
}

void KernelClient::onHostStopped(bool expected, const QString& reason) {
    if (m_restarting && expected) {
        // The old process is gone; fresh sockets so nothing queued for it reaches the new one.
        m_channels->reconnect();
        return;
    }
    if (m_shuttingDown) {
        finishAll(Request::Outcome::KernelDied, "DeadKernelError", tr("The kernel was shut down"));
        m_ready = false;
        setStatus(KernelStatus::Dead);
        emit shutdownFinished();
        return;
    }
    markDead(reason);
}

void KernelClient::onHeartbeat(bool alive) {
    if (alive || !m_ready || m_status == KernelStatus::Dead)
        return;
    // A transport that is reconnecting (WebSocket) says so itself; a kernel it finds gone
    // comes as kernelLost.
    if (m_channels && m_channels->state() == Channels::State::Connecting)
        return;
    // Some kernels (IRkernel) answer heartbeats from their main loop, so a busy kernel may be
    // silent; its process is watched anyway. An idle kernel that stops answering is gone.
    if (m_host && m_status == KernelStatus::Busy) {
        qCWarning(lcClient) << "the busy kernel does not answer heartbeats";
        return;
    }
    markDead(tr("The kernel stopped answering heartbeats"));
}

void KernelClient::onServerRestarting() {
    if (m_restarting || m_shuttingDown)
        return; // our own restart
    qCInfo(lcClient) << "the server restarted the kernel";
    finishAll(Request::Outcome::KernelRestarted, "KernelRestarted", tr("The kernel restarted"));
    m_inputParent.reset();
    m_restarting = true;
    setStatus(KernelStatus::Restarting);
    beginHandshake(); // answered once the new process is up; restarted() then follows
}

void KernelClient::markDead(const QString& reason) {
    if (m_status == KernelStatus::Dead)
        return;
    m_handshakeTimer.stop();
    m_ready = false;
    m_restarting = false;
    m_inputParent.reset();
    setStatus(KernelStatus::Dead);
    finishAll(Request::Outcome::KernelDied, "DeadKernelError", reason);
    emit died(reason);
}

void KernelClient::setStatus(KernelStatus status) {
    if (status == m_status)
        return;
    m_status = status;
    emit statusChanged(status);
}

int KernelClient::codePointOffset(QStringView text, qsizetype utf16Index) {
    utf16Index = std::clamp<qsizetype>(utf16Index, 0, text.size());
    int points = 0;
    for (qsizetype i = 0; i < utf16Index; ++i, ++points)
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
    return points;
}

qsizetype KernelClient::utf16Offset(QStringView text, int codePoints) {
    qsizetype i = 0;
    for (int p = 0; p < codePoints && i < text.size(); ++p)
        i += (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) ? 2
                                                                                                : 1;
    return i;
}

} // namespace quire::kernel
