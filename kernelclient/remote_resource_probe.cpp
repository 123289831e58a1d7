#include "kernelclient/remote_resource_probe.h"

#include "kernelclient/jupyter_server.h"
#include "kernelclient/kernel_client.h"
#include "kernelclient/kernel_resource_probe.h"
#include "kernelclient/remote_resource_script.h"
#include "kernelclient/terminal_session.h"

#include <QCoreApplication>

namespace quire::kernel {

namespace {
constexpr int kScriptTimeoutMs = 20000; // nvidia-smi alone may take seconds
} // namespace

RemoteResourceProbe::RemoteResourceProbe(JupyterServer* server, QObject* parent)
    : QObject(parent), m_server(server), m_terminal(new TerminalSession(server, this)) {
    connect(m_terminal, &TerminalSession::finished, this, &RemoteResourceProbe::onTerminalFinished);
}

RemoteResourceProbe::~RemoteResourceProbe() = default; // ~TerminalSession deletes the terminal

QString RemoteResourceProbe::kernelNote() {
    return QCoreApplication::translate(
        "Resources", "terminals are disabled on this server; sampled through the kernel");
}

void RemoteResourceProbe::setKernel(KernelClient* client) {
    if (m_kernelProbe && m_kernelProbe->client() == client)
        return;
    if (m_kernelProbe) {
        m_kernelProbe->disconnect(this);
        m_kernelProbe->deleteLater();
        m_kernelProbe = nullptr;
        if (m_method == Method::Kernel)
            m_sampling = false; // its answer would be about another kernel
    }
    if (!client)
        return;
    m_kernelProbe = new KernelResourceProbe(client, this);
    connect(m_kernelProbe, &KernelResourceProbe::sampled, this, [this](ResourceSnapshot snapshot) {
        snapshot.notes << kernelNote();
        deliver(std::move(snapshot));
    });
    connect(m_kernelProbe, &KernelResourceProbe::failed, this, [this](const QString& why) {
        fail(ServerError::make(
            ServerError::Kind::Server,
            QCoreApplication::translate("Resources", "Terminals are disabled on this server and "
                                                     "sampling through the kernel failed: %1.")
                .arg(why)));
    });
}

bool RemoteResourceProbe::sample() {
    if (m_sampling)
        return false;
    m_sampling = true;
    m_clock.start();
    if (m_method == Method::Kernel)
        sampleThroughKernel();
    else
        m_terminal->run(remote_resources::shellCommand(), kScriptTimeoutMs);
    return true;
}

void RemoteResourceProbe::stop() {
    m_terminal->close();
}

void RemoteResourceProbe::onTerminalFinished() {
    const TerminalSession::Result& r = m_terminal->result();
    if (r.ok) {
        m_method = Method::Terminal;
        return deliver(remote_resources::parse(remote_resources::splitSections(r.output)));
    }
    // jupyter_server without terminals (terminals_enabled=False, or no terminado) has no
    // /api/terminals at all.
    if (r.error.kind == ServerError::Kind::NotFound && m_method == Method::Unknown) {
        m_method = Method::Kernel;
        return sampleThroughKernel();
    }
    fail(r.error);
}

void RemoteResourceProbe::sampleThroughKernel() {
    if (!m_kernelProbe || !m_kernelProbe->client() || !m_kernelProbe->client()->isReady())
        return fail(ServerError::make(
            ServerError::Kind::NotFound,
            QCoreApplication::translate("Resources",
                                        "Terminals are disabled on this server; its resources "
                                        "can be sampled through the notebook's kernel once it "
                                        "runs.")));
    if (!m_kernelProbe->sample())
        m_sampling = false; // the kernel probe still waits for a busy kernel
}

void RemoteResourceProbe::deliver(ResourceSnapshot snapshot) {
    m_sampling = false;
    m_lastMs = m_clock.elapsed();
    emit sampled(snapshot);
}

void RemoteResourceProbe::fail(const ServerError& error) {
    m_sampling = false;
    m_lastMs = m_clock.elapsed();
    emit failed(error);
}

} // namespace quire::kernel
