#include "resource_sampler.h"

#include "kernelclient/resource_probe.h"

#include <QDateTime>
#include <QTimer>
#include <memory>

namespace quire::app {

// Lives on the sampler's thread. A single-shot timer restarted after each sample, so a slow
// probe (nvidia-smi can take seconds) delays the next sample instead of queueing them up.
class ResourceWorker : public QObject {
    Q_OBJECT
public:
    explicit ResourceWorker(std::atomic<int>* runs) : m_runs(runs) {
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &ResourceWorker::sampleOnce);
    }

    // Called on the worker thread (queued).
    void start(int intervalMs, const QString& diskPath) {
        if (!m_probe || diskPath != m_diskPath) {
            m_probe.reset(); // the disk is fixed per probe
            kernel::ResourceProbe::Options options;
            options.diskPath = diskPath;
            m_probe = std::make_unique<kernel::ResourceProbe>(options);
            m_diskPath = diskPath;
        }
        m_intervalMs = intervalMs;
        m_running = true;
        m_timer.start(0);
    }
    void stop() {
        m_running = false;
        m_timer.stop();
    }

signals:
    void sampled(const quire::kernel::ResourceSnapshot& snapshot);

private:
    void sampleOnce() {
        const kernel::ResourceSnapshot snapshot = m_probe->sample();
        ++*m_runs;
        emit sampled(snapshot);
        if (m_running)
            m_timer.start(m_intervalMs);
    }

    std::atomic<int>* m_runs;
    QTimer m_timer{this};
    std::unique_ptr<kernel::ResourceProbe> m_probe;
    QString m_diskPath;
    int m_intervalMs = 1000;
    bool m_running = false;
};

ResourceSampler::ResourceSampler(const QString& diskPath, QObject* parent)
    : QObject(parent), m_diskPath(diskPath) {
    qRegisterMetaType<kernel::ResourceSnapshot>();
    m_thread.setObjectName(QStringLiteral("quire-resources"));
    m_history.setCapacity(int(ResourceHistory::kWindowMs / m_intervalMs));
}

ResourceSampler::~ResourceSampler() {
    if (m_thread.isRunning()) {
        m_thread.quit(); // the worker is deleted on its thread as it finishes
        m_thread.wait();
    }
}

void ResourceSampler::ensureThread() {
    if (m_worker)
        return;
    m_worker = new ResourceWorker(&m_probeRuns);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &ResourceWorker::sampled, this,
            [this](const kernel::ResourceSnapshot& snapshot) {
                // One may still be on its way after setActive(false).
                if (m_active)
                    record(snapshot, QDateTime::currentMSecsSinceEpoch());
            });
    m_thread.start(QThread::LowPriority);
}

void ResourceSampler::restartWorker() {
    if (!m_active)
        return;
    ensureThread();
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, ms = m_intervalMs, path = m_diskPath] { w->start(ms, path); },
        Qt::QueuedConnection);
}

void ResourceSampler::setActive(bool active) {
    if (active == m_active)
        return;
    m_active = active;
    if (active)
        restartWorker();
    else if (m_worker)
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker] { w->stop(); }, Qt::QueuedConnection);
}

void ResourceSampler::setIntervalMs(int ms) {
    ms = std::max(kMinIntervalMs, ms);
    if (ms == m_intervalMs)
        return;
    m_intervalMs = ms;
    m_history.setCapacity(int((ResourceHistory::kWindowMs + ms - 1) / ms));
    restartWorker();
}

void ResourceSampler::setDiskPath(const QString& path) {
    if (path == m_diskPath)
        return;
    m_diskPath = path;
    restartWorker();
}

void ResourceSampler::record(const kernel::ResourceSnapshot& snapshot, qint64 msecs) {
    m_history.append(snapshot, msecs);
    emit sampled(snapshot);
}

} // namespace quire::app

#include "resource_sampler.moc"
