#pragma once

#include <QObject>
#include <QString>

namespace quire::kernel {

// The process side of a kernel (what Channels cannot do): start, signal, restart, stop.
// LocalKernelLauncher runs kernels on this machine; RemoteKernelHost asks a Jupyter Server.
class KernelHost : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~KernelHost() override = default;

    virtual bool isRunning() const = 0;
    // "signal" (interrupt() sends SIGINT) or "message" (the client sends interrupt_request).
    virtual QString interruptMode() const = 0;
    virtual void interrupt() = 0;
    // Stops the kernel (it had `graceMs` to exit after a shutdown_request, then SIGTERM, then
    // SIGKILL) and starts it again on the same endpoints. stopped() then started() follow.
    virtual void restart(int graceMs) = 0;
    // Same stop sequence, no restart; stopped() follows.
    virtual void shutdown(int graceMs) = 0;
    // Kills the kernel now and waits for it (for destructors and quitting).
    virtual void killNow() = 0;
    // True when restart() and shutdown() ask the kernel to exit themselves (a Jupyter Server
    // sends its own shutdown_request); the client then sends none.
    virtual bool sendsShutdownRequest() const { return false; }

signals:
    void started();
    // The process ended. `expected` is false when it died on its own (a crash, a kill).
    void stopped(bool expected, const QString& reason);
    void failedToStart(const QString& error);
};

} // namespace quire::kernel
