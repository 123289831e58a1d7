#pragma once

#include "kernel_host.h"
#include "server_error.h"

#include <QPointer>

namespace quire::kernel {

class JupyterServer;

// A kernel that a Jupyter Server runs: interrupt, restart and shutdown are REST calls
// (POST .../interrupt, POST .../restart, DELETE the session or the kernel). The server sends
// the kernel its shutdown_request itself. When destroyed, the kernel is deleted on the server
// (fire and forget) unless setKeepOnServer(true).
class RemoteKernelHost final : public KernelHost {
    Q_OBJECT
public:
    // `sessionId`: the session that started the kernel (deleted with it), empty for a bare kernel.
    RemoteKernelHost(JupyterServer* server, QString kernelId, QString sessionId = {},
                     QObject* parent = nullptr);
    ~RemoteKernelHost() override;

    const QString& kernelId() const { return m_kernelId; }
    const QString& sessionId() const { return m_sessionId; }
    void setKeepOnServer(bool keep) { m_keepOnServer = keep; }

    bool isRunning() const override { return m_running; }
    QString interruptMode() const override { return QStringLiteral("signal"); } // server's job
    void interrupt() override;
    void restart(int graceMs) override;
    void shutdown(int graceMs) override;
    void killNow() override;
    bool sendsShutdownRequest() const override { return true; }

signals:
    // An interrupt that the server refused (the others report through stopped/failedToStart).
    void requestFailed(const quire::kernel::ServerError& error);

private:
    void deleteOnServer(bool reportStopped);

    QPointer<JupyterServer> m_server;
    QString m_kernelId;
    QString m_sessionId;
    bool m_running = true;
    bool m_keepOnServer = false;
};

} // namespace quire::kernel
