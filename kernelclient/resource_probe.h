#pragma once

#include "kernelclient/resource_snapshot.h"

#include <QElapsedTimer>
#include <QString>
#include <QStringList>
#include <memory>

namespace quire::kernel {

class NvmlLibrary;

// Measures what the local runtime has: CPUs (count and how busy), memory, the disk holding a
// folder, NVIDIA GPUs (NVML, else nvidia-smi) and Google TPUs (sysfs only).
//
// Meant to be sampled every few seconds on a worker thread (NVML and nvidia-smi can block): it
// is not thread-safe, so one thread uses it at a time. It keeps NVML loaded and initialised
// between samples (loaded on the first sample(), shut down by the destructor) and remembers
// the previous /proc/stat reading, so each sample() after the first costs a few file reads
// and NVML queries.
//
// CPU percent is the share of non-idle time since the previous reading. The constructor takes
// the first reading; the first sample() waits until at least kFirstCpuWindowMs have passed
// since then (measuring the other resources meanwhile), so even a one-off snapshot like
// `quire resources` has a CPU percent. Later samples cover the time since the one before.
class ResourceProbe {
public:
    static constexpr int kFirstCpuWindowMs = 200;

    struct Options {
        QString root = QStringLiteral("/");     // where proc/, sys/ and dev/ are (tests: a fake)
        QString diskPath = QStringLiteral("."); // the disk reported is the one holding this
        QStringList nvmlLibraries;              // empty: NvmlLibrary::defaultNames()
        QString nvidiaSmi = QStringLiteral("nvidia-smi"); // the fallback; looked up in PATH
        int nvidiaSmiTimeoutMs = 5000;
    };

    ResourceProbe();
    explicit ResourceProbe(Options options);
    ~ResourceProbe();
    ResourceProbe(const ResourceProbe&) = delete;
    ResourceProbe& operator=(const ResourceProbe&) = delete;

    ResourceSnapshot sample();

    // Jiffies from the aggregate "cpu" line of /proc/stat.
    struct CpuTimes {
        quint64 busy = 0;
        quint64 total = 0;
    };
    // Parses /proc/stat text: the aggregate times and the number of "cpuN" lines.
    static std::optional<CpuTimes> parseProcStat(const QByteArray& text, int* cpuCount = nullptr);
    // Busy share (0-100) between two readings; nullopt when they do not follow each other.
    static std::optional<double> cpuPercent(const std::optional<CpuTimes>& before,
                                            const std::optional<CpuTimes>& after);
    // Sets memoryTotalBytes and memoryUsedBytes (MemTotal - MemAvailable) from /proc/meminfo.
    static void parseMeminfo(const QByteArray& text, ResourceSnapshot& snapshot);

private:
    std::optional<CpuTimes> readCpu(int* cpuCount) const;
    GpuInventory sampleGpus();

    Options m_options;
    std::optional<CpuTimes> m_lastCpu;
    QElapsedTimer m_sinceLastCpu;
    bool m_firstSample = true;
    std::unique_ptr<NvmlLibrary> m_nvml;
};

} // namespace quire::kernel
