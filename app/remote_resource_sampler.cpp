#include "remote_resource_sampler.h"

#include "app/remote_runtimes.h"
#include "kernelclient/jupyter_server.h"
#include "kernelclient/kernel_client.h"
#include "kernelclient/remote_resource_probe.h"

namespace quire::app {

RemoteResourceSampler::RemoteResourceSampler(QObject* parent) : QObject(parent) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RemoteResourceSampler::sampleNow);
}

RemoteResourceSampler::~RemoteResourceSampler() = default; // the probe deletes its terminal

QString RemoteResourceSampler::runtimeName() const {
    if (m_runtimeId.isEmpty() || !m_runtimes)
        return {};
    const auto runtime = m_runtimes->find(m_runtimeId);
    return runtime ? runtime->name : QString();
}

void RemoteResourceSampler::setTarget(RemoteRuntimes* runtimes, const QString& runtimeId,
                                      kernel::KernelClient* kernel) {
    m_kernel = kernel;
    if (runtimeId == m_runtimeId && runtimes == m_runtimes) {
        if (m_probe)
            m_probe->setKernel(kernel);
        return;
    }
    m_runtimes = runtimes;
    m_runtimeId = runtimeId;
    delete m_probe; // deletes its terminal on the server
    m_probe = nullptr;
    m_connecting = false;
    m_timer.stop();
    m_latest.reset();
    m_lastError.clear();
    m_onceWanted = false;
    emit targetChanged();
    if (m_active)
        sampleNow();
}

void RemoteResourceSampler::setActive(bool active) {
    if (active == m_active)
        return;
    m_active = active;
    if (!active) {
        m_timer.stop();
        if (m_probe)
            m_probe->stop(); // no terminal kept open while nobody looks
    } else {
        sampleNow();
    }
}

void RemoteResourceSampler::setIntervalMs(int ms) {
    m_intervalMs = std::max(500, ms);
}

void RemoteResourceSampler::requestOnce() {
    if (m_latest || m_runtimeId.isEmpty() || (m_probe && m_probe->isSampling()))
        return;
    m_onceWanted = true;
    sampleNow();
}

void RemoteResourceSampler::sampleNow() {
    if (m_runtimeId.isEmpty() || !m_runtimes || (!m_active && !m_onceWanted))
        return;
    if (m_probe) {
        m_probe->setKernel(m_kernel);
        if (m_probe->sample())
            ++m_probeRuns;
        return;
    }
    if (m_connecting)
        return;
    m_connecting = true;
    const QString id = m_runtimeId;
    QPointer<RemoteResourceSampler> self(this);
    m_runtimes->server(id, [self, id](kernel::JupyterServer* server, const QString& error) {
        if (!self || self->m_runtimeId != id)
            return;
        self->m_connecting = false;
        if (!server) {
            self->m_lastError = error;
            emit self->failed(error);
            self->scheduleNext();
            return;
        }
        self->m_probe = new kernel::RemoteResourceProbe(server, self);
        self->connectProbe();
        self->sampleNow();
    });
}

void RemoteResourceSampler::connectProbe() {
    connect(m_probe, &kernel::RemoteResourceProbe::sampled, this,
            [this](const kernel::ResourceSnapshot& snapshot) {
                m_onceWanted = false;
                m_latest = snapshot;
                m_lastError.clear();
                emit sampled(snapshot);
                scheduleNext();
            });
    connect(m_probe, &kernel::RemoteResourceProbe::failed, this,
            [this](const kernel::ServerError& error) {
                m_onceWanted = false;
                m_lastError = error.fullMessage();
                emit failed(m_lastError);
                scheduleNext();
            });
}

void RemoteResourceSampler::scheduleNext() {
    if (m_active)
        m_timer.start(m_intervalMs);
}

} // namespace quire::app
