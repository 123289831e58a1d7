#pragma once

#include "kernelclient/resource_snapshot.h"

#include <QDateTime>
#include <QDockWidget>
#include <optional>

class QLabel;
class QProgressBar;
class QVBoxLayout;
class QGroupBox;

namespace quire::app {

class GpuCard;
class HistoryChart;
class RemoteResourceSampler;
class ResourceSampler;

// View → Resource Monitor: what the current notebook's runtime uses now and over the last five
// minutes — CPU, memory and disk bars, a card per GPU, the TPUs. The local runtime through its
// ResourceSampler (at the runtime/resourceIntervalMs setting); a remote one through the
// RemoteResourceSampler given to setRemoteSampler, whose snapshots go into the same history.
// Either samples only while the dock is visible.
class ResourceDock : public QDockWidget {
    Q_OBJECT
public:
    explicit ResourceDock(const QString& diskPath, QWidget* parent = nullptr);

    ResourceSampler* sampler() const { return m_sampler; }
    void setDiskPath(const QString& path);
    // Follows the runtime `remote` samples when it has one (else the local runtime).
    void setRemoteSampler(RemoteResourceSampler* remote);
    bool showsRemoteRuntime() const;
    // The RAM / disk indicator at the top right is on screen: sampling goes on while the dock
    // is closed.
    void setIndicatorShown(bool shown);
    // The current notebook's local kernel (0: none), highlighted in the GPU process tables.
    void setKernelPid(qint64 pid) { m_kernelPid = pid; }
    // Records and shows a snapshot as if the sampler had taken it at `msecs` (tests feed their
    // own snapshots through here).
    void showSnapshot(const kernel::ResourceSnapshot& snapshot,
                      qint64 msecs = QDateTime::currentMSecsSinceEpoch());

    QList<GpuCard*> gpuCards() const { return m_cards; }
    QLabel* gpuUnavailableLabel() const { return m_gpuReason; }
    HistoryChart* hostChart() const { return m_chart; }
    QString runtimeTitle() const;
    QLabel* noteLabel() const { return m_note; }

    // Shared with GpuCard: "N/A" for unknown values, sizes as "1.5 GiB / 16 GiB".
    static QString notAvailable();
    static QString usedOfTotal(std::optional<quint64> used, std::optional<quint64> total);
    static void setBar(QProgressBar* bar, std::optional<double> percent, const QString& text);
    static QProgressBar* newBar(const QString& accessibleName, QWidget* parent);

private:
    void render(const kernel::ResourceSnapshot& snapshot);
    void followRuntime();
    void updateActive();

    ResourceSampler* m_sampler;
    RemoteResourceSampler* m_remote = nullptr;
    bool m_visible = false;
    bool m_indicatorShown = false;
    qint64 m_kernelPid = 0;
    QGroupBox* m_host;
    QLabel* m_note;
    QProgressBar* m_cpu;
    QProgressBar* m_memory;
    QProgressBar* m_disk;
    QLabel* m_diskPath;
    HistoryChart* m_chart;
    QVBoxLayout* m_gpuLayout;
    QLabel* m_gpuReason;
    QList<GpuCard*> m_cards;
    QGroupBox* m_tpuBox;
    QLabel* m_tpuList;
};

} // namespace quire::app
