#pragma once

#include "app/resource_history.h"
#include "kernelclient/resource_snapshot.h"

#include <QObject>
#include <QThread>

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
    // Records a snapshot as if just sampled (the worker's results go through here too).
    void record(const quire::kernel::ResourceSnapshot& snapshot);

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
};

} // namespace quire::app
