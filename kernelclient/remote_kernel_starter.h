#pragma once

#include "server_error.h"
#include "websocket_channels.h"

#include <QObject>
#include <QPointer>

namespace quire::kernel {

class JupyterServer;
class KernelClient;

// Starts a kernel on a Jupyter Server for one notebook and attaches it to a KernelClient:
// POST /api/sessions {path, type: notebook, kernel: {name}} (which starts the kernel), or, on a
// Kernel/Enterprise Gateway (no sessions: 404), POST /api/kernels. Then WebSocketChannels with
// the client's session id and a RemoteKernelHost. Deletes itself after attached() or failed().
class RemoteKernelStarter : public QObject {
    Q_OBJECT
public:
    explicit RemoteKernelStarter(JupyterServer* server, QObject* parent = nullptr);

    void setChannelOptions(WebSocketChannels::Options options) { m_options = std::move(options); }
    void start(KernelClient* client, const QString& kernelName, const QString& notebookPath);

    const QString& kernelId() const { return m_kernelId; }
    const QString& sessionId() const { return m_sessionId; }

signals:
    void attached(); // the client's ready() follows after the handshake
    void failed(const quire::kernel::ServerError& error);

private:
    void startBareKernel();
    void attach();
    void fail(const ServerError& error);

    QPointer<JupyterServer> m_server;
    QPointer<KernelClient> m_client;
    QString m_kernelName;
    QString m_path;
    QString m_kernelId;
    QString m_sessionId;
    WebSocketChannels::Options m_options;
};

} // namespace quire::kernel
