#include "remote_kernel_starter.h"

#include "jupyter_server.h"
#include "kernel_client.h"
#include "remote_kernel_host.h"

namespace quire::kernel {

RemoteKernelStarter::RemoteKernelStarter(JupyterServer* server, QObject* parent)
    : QObject(parent), m_server(server) {}

void RemoteKernelStarter::start(KernelClient* client, const QString& kernelName,
                                const QString& notebookPath) {
    m_client = client;
    m_kernelName = kernelName;
    m_path = notebookPath;
    if (!m_server) {
        fail(ServerError::make(ServerError::Kind::Cancelled, QStringLiteral("No server.")));
        return;
    }
    ServerReply* reply = m_server->createSession(notebookPath, kernelName);
    connect(reply, &ServerReply::finished, this, [this, reply] {
        if (reply->ok()) {
            const Json& session = reply->json();
            m_sessionId = QString::fromStdString(session.value("id", ""));
            const auto kernel = session.find("kernel");
            if (kernel != session.end() && kernel->is_object())
                m_kernelId = QString::fromStdString(kernel->value("id", ""));
            if (m_kernelId.isEmpty()) {
                fail(ServerError::make(ServerError::Kind::BadResponse,
                                       QStringLiteral("The server created a session without a "
                                                      "kernel.")));
                return;
            }
            attach();
        } else if (reply->error().kind == ServerError::Kind::NotFound && m_server &&
                   !m_server->hasContents().value_or(false)) {
            startBareKernel(); // a gateway: kernels without sessions or files
        } else {
            fail(reply->error());
        }
    });
}

void RemoteKernelStarter::startBareKernel() {
    ServerReply* check = m_server->checkContents(); // records hasContents() for the app
    connect(check, &ServerReply::finished, this, [this] {
        if (!m_server)
            return fail(
                ServerError::make(ServerError::Kind::Cancelled, QStringLiteral("No server.")));
        ServerReply* reply = m_server->startKernel(m_kernelName, m_path);
        connect(reply, &ServerReply::finished, this, [this, reply] {
            if (!reply->ok())
                return fail(reply->error());
            m_kernelId = QString::fromStdString(reply->json().value("id", ""));
            if (m_kernelId.isEmpty())
                return fail(ServerError::make(ServerError::Kind::BadResponse,
                                              QStringLiteral("The server started a kernel "
                                                             "without an id.")));
            attach();
        });
    });
}

void RemoteKernelStarter::attach() {
    if (!m_client || !m_server) {
        // Nobody wants the kernel any more: do not leave it running on the server.
        if (m_server)
            m_sessionId.isEmpty() ? m_server->deleteKernel(m_kernelId)
                                  : m_server->deleteSession(m_sessionId);
        deleteLater();
        return;
    }
    auto channels = std::make_unique<WebSocketChannels>(
        m_server, m_kernelId, QString::fromStdString(m_client->session()), m_options);
    WebSocketChannels* raw = channels.get();
    m_client->attach(std::move(channels),
                     std::make_unique<RemoteKernelHost>(m_server, m_kernelId, m_sessionId));
    raw->start();
    emit attached();
    deleteLater();
}

void RemoteKernelStarter::fail(const ServerError& error) {
    emit failed(error);
    deleteLater();
}

} // namespace quire::kernel
