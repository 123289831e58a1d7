#pragma once

#include "app/resource_history.h"
#include "kernelclient/resource_snapshot.h"

#include <QObject>
#include <QThread>
#include <atomic>

namespace quire::app {

class ResourceWorker;

// Samples the local runtime (kernel::ResourceProbe) on its own thread every intervalMs() while
// active, and keeps the last five minutes of each metric in history(). The probe may block
// (NVML, nvidia-smi), so it never runs on the GUI thread; snapshots come back by queued signal.
// Inactive, the worker's timer is stopped and nothing is sampled. The destructor stops the
// thread and joins it; the probe is destroyed on that thread.
class ResourceSampler : public QObject {
    Q_OBJECT
public:
    static constexpr int kMinIntervalMs = 250;

    explicit ResourceSampler(const QString& diskPath, QObject* parent = nullptr);
    ~ResourceSampler() override;

    bool isActive() const { return m_active; }
    void setActive(bool active);
    int intervalMs() const { return m_intervalMs; }
    void setIntervalMs(int ms); // clamped to kMinIntervalMs; sizes the history to five minutes
    QString diskPath() const { return m_diskPath; }
    void setDiskPath(const QString& path);

    const ResourceHistory& history() const { return m_history; }
    void clearHistory() { m_history.clear(); } // another runtime is shown
    // How many times the worker has run the probe (tests check that a hidden dock costs
    // nothing).
    int probeRuns() const { return m_probeRuns.load(); }
    // Records a snapshot taken at `msecs` (the worker's results come through here with the time
    // they arrive; tests give their own) and emits sampled().
    void record(const quire::kernel::ResourceSnapshot& snapshot, qint64 msecs);

signals:
    void sampled(const quire::kernel::ResourceSnapshot& snapshot);

private:
    void ensureThread();
    void restartWorker();

    QThread m_thread;
    ResourceWorker* m_worker = nullptr; // lives on m_thread, deleted there when it finishes
    QString m_diskPath;
    int m_intervalMs = 1000;
    bool m_active = false;
    ResourceHistory m_history;
    std::atomic<int> m_probeRuns{0}; // written by the worker, which the destructor joins
};

} // namespace quire::app
