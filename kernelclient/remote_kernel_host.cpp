#include "remote_kernel_host.h"

#include "jupyter_server.h"

namespace quire::kernel {

RemoteKernelHost::RemoteKernelHost(JupyterServer* server, QString kernelId, QString sessionId,
                                   QObject* parent)
    : KernelHost(parent), m_server(server), m_kernelId(std::move(kernelId)),
      m_sessionId(std::move(sessionId)) {}

RemoteKernelHost::~RemoteKernelHost() {
    if (!m_keepOnServer)
        killNow();
}

void RemoteKernelHost::interrupt() {
    if (!m_server || !m_running)
        return;
    ServerReply* reply = m_server->interruptKernel(m_kernelId);
    connect(reply, &ServerReply::finished, this, [this, reply] {
        if (!reply->ok())
            emit requestFailed(reply->error());
    });
}

void RemoteKernelHost::restart(int /*graceMs: the server's own shutdown_wait_time applies*/) {
    if (!m_server)
        return;
    ServerReply* reply = m_server->restartKernel(m_kernelId);
    connect(reply, &ServerReply::finished, this, [this, reply] {
        if (!reply->ok()) {
            m_running = reply->error().kind != ServerError::Kind::NotFound;
            emit failedToStart(reply->error().fullMessage());
            return;
        }
        // The server answers once the new kernel replied to kernel_info.
        emit stopped(true, QString());
        m_running = true;
        emit started();
    });
}

void RemoteKernelHost::shutdown(int /*graceMs*/) {
    deleteOnServer(true);
}

void RemoteKernelHost::killNow() {
    deleteOnServer(false);
}

void RemoteKernelHost::deleteOnServer(bool reportStopped) {
    if (!m_running || !m_server) {
        if (reportStopped)
            QMetaObject::invokeMethod(
                this, [this] { emit stopped(true, QString()); }, Qt::QueuedConnection);
        return;
    }
    m_running = false;
    // Deleting the session shuts its kernel down too.
    ServerReply* reply = m_sessionId.isEmpty() ? m_server->deleteKernel(m_kernelId)
                                               : m_server->deleteSession(m_sessionId);
    if (!reportStopped)
        return; // the reply lives with the server and finishes on its own
    connect(reply, &ServerReply::finished, this, [this, reply] {
        if (reply->ok() || reply->error().kind == ServerError::Kind::NotFound)
            emit stopped(true, QString());
        else
            emit stopped(false, reply->error().fullMessage());
    });
}

} // namespace quire::kernel
