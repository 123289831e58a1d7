#pragma once

#include "kernelclient/resource_snapshot.h"
#include "kernelclient/server_error.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

namespace quire::kernel {

class JupyterServer;
class KernelClient;
class KernelResourceProbe;
class TerminalSession;

// What a remote runtime (a Jupyter Server) has: the same ResourceSnapshot as the local
// ResourceProbe, gathered on the server. Through one terminal kept open between samples
// (remote_resources' shell script), or, where the server has terminals disabled (404 on POST
// /api/terminals), through the notebook's kernel (KernelResourceProbe, set with setKernel);
// then the snapshot's notes say so. Asynchronous on the GUI thread; one sample at a time.
class RemoteResourceProbe : public QObject {
    Q_OBJECT
public:
    enum class Method { Unknown, Terminal, Kernel };
    Q_ENUM(Method)

    explicit RemoteResourceProbe(JupyterServer* server, QObject* parent = nullptr);
    ~RemoteResourceProbe() override; // deletes the terminal on the server

    // The kernel to sample through when the server has no terminals (may be null or change).
    void setKernel(KernelClient* client);
    Method method() const { return m_method; }
    // Sends one sample; sampled() or failed() follows, later. False while one is on its way.
    bool sample();
    bool isSampling() const { return m_sampling; }
    // Closes the terminal (the next sample opens one again).
    void stop();
    // How long the last sample took, from sample() to its answer.
    qint64 lastSampleMs() const { return m_lastMs; }
    // The terminal session (tests check that one terminal serves every sample).
    TerminalSession* terminal() const { return m_terminal; }

    // The note a kernel-side snapshot carries.
    static QString kernelNote();

signals:
    void sampled(const quire::kernel::ResourceSnapshot& snapshot);
    // Nothing could be measured: the token was refused, the server is down, the server has no
    // terminals and no kernel runs to sample through (kind NotFound).
    void failed(const quire::kernel::ServerError& error);

private:
    void onTerminalFinished();
    void sampleThroughKernel();
    void deliver(ResourceSnapshot snapshot);
    void fail(const ServerError& error);

    QPointer<JupyterServer> m_server;
    TerminalSession* m_terminal;
    KernelResourceProbe* m_kernelProbe = nullptr;
    Method m_method = Method::Unknown;
    bool m_sampling = false;
    QElapsedTimer m_clock;
    qint64 m_lastMs = 0;
};

} // namespace quire::kernel
