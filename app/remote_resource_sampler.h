#pragma once

#include "kernelclient/resource_snapshot.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

namespace quire::kernel {
class KernelClient;
class RemoteResourceProbe;
} // namespace quire::kernel

namespace quire::app {

class RemoteRuntimes;

// What the current notebook's remote runtime has, for the Resource Monitor and the runtime
// chip: a kernel::RemoteResourceProbe on the runtime's JupyterServer (RemoteRuntimes::server),
// sampled every intervalMs() while active, or once on request. Everything is asynchronous on
// the GUI thread; the next sample is sent only after the previous answer, so a slow server
// delays samples instead of piling them up. The latest snapshot is kept per runtime.
class RemoteResourceSampler : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 3000;

    explicit RemoteResourceSampler(QObject* parent = nullptr);
    ~RemoteResourceSampler() override;

    // The runtime to sample (`runtimeId` of `runtimes`; empty: none, the notebook is local)
    // and the notebook's kernel there, used where the server has terminals disabled.
    void setTarget(RemoteRuntimes* runtimes, const QString& runtimeId,
                   kernel::KernelClient* kernel);
    const QString& runtimeId() const { return m_runtimeId; }
    QString runtimeName() const;
    bool isActive() const { return m_active; }
    void setActive(bool active);
    int intervalMs() const { return m_intervalMs; }
    void setIntervalMs(int ms);
    // One sample unless one is known or on its way (the chip's first look).
    void requestOnce();

    // The newest snapshot of the current runtime, and why the last sample failed ("" if not).
    const std::optional<kernel::ResourceSnapshot>& latest() const { return m_latest; }
    const QString& lastError() const { return m_lastError; }
    // Samples sent so far (tests check a hidden dock costs nothing).
    int probeRuns() const { return m_probeRuns; }

signals:
    void targetChanged(); // another runtime (or none): forget what was shown
    void sampled(const quire::kernel::ResourceSnapshot& snapshot);
    void failed(const QString& error);

private:
    void connectProbe();
    void sampleNow();
    void scheduleNext();

    QPointer<RemoteRuntimes> m_runtimes;
    QString m_runtimeId;
    QPointer<kernel::KernelClient> m_kernel;
    kernel::RemoteResourceProbe* m_probe = nullptr;
    bool m_connecting = false;
    bool m_active = false;
    bool m_onceWanted = false;
    int m_intervalMs = kDefaultIntervalMs;
    int m_probeRuns = 0;
    QTimer m_timer;
    std::optional<kernel::ResourceSnapshot> m_latest;
    QString m_lastError;
};

} // namespace quire::app
