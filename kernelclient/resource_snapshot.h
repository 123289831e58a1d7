#pragma once

#include <QString>
#include <QStringList>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

namespace quire::kernel {

// What a runtime has, measured once. Every measured value is optional: empty means the
// hardware or the OS did not say (NVML's NOT_SUPPORTED, nvidia-smi's "[N/A]"), never 0.

struct GpuProcess {
    qint64 pid = 0; // as the driver reports it: a host PID inside containers
    std::optional<quint64> usedMemoryBytes;
};

struct GpuDevice {
    int index = 0;
    std::optional<QString> name;
    std::optional<QString> uuid;
    std::optional<int> utilizationPercent;
    std::optional<quint64> memoryUsedBytes;
    std::optional<quint64> memoryTotalBytes;
    std::optional<int> temperatureC;
    std::optional<double> powerW;
    std::optional<double> powerLimitW;
    std::optional<int> smClockMhz;
    std::optional<std::vector<GpuProcess>> processes; // empty optional: the list is unknown
};

enum class GpuSource { None, Nvml, NvidiaSmi };

struct GpuInventory {
    std::vector<GpuDevice> gpus;
    GpuSource source = GpuSource::None;
    QString unavailableReason; // why `gpus` is empty, for the user ("no NVIDIA driver ...")
};

struct TpuChip {
    int index = 0;
    QString generation;                // "v4", "v5e", ... (only known TPU device ids are listed)
    QString pciAddress;                // "0000:00:04.0"
    std::optional<QString> devicePath; // "/dev/accel0" or "/dev/vfio/0", as the system sees it
};

struct ResourceSnapshot {
    std::optional<int> cpuCount;
    std::optional<double> cpuPercent; // all CPUs together, 0-100
    std::optional<quint64> memoryTotalBytes;
    std::optional<quint64> memoryUsedBytes; // MemTotal - MemAvailable
    QString diskPath;
    std::optional<quint64> diskTotalBytes;
    std::optional<quint64> diskUsedBytes; // as df counts it: blocks - free blocks
    GpuInventory gpu;
    std::vector<TpuChip> tpus;
    // What the user should know about how this was measured ("terminals are disabled on this
    // server; sampled through the kernel"), one sentence each.
    QStringList notes;

    // "GPU" and/or "TPU" when the runtime has them (the notebook metadata's `accelerator`).
    QStringList accelerators() const;
};

// The `quire resources --json` shape: {"runtime", "cpu", "memory", "disk", "gpus", "tpus",
// "accelerators", "notes"}, null for every unknown value.
nlohmann::ordered_json toJson(const ResourceSnapshot& snapshot, const QString& runtime);

} // namespace quire::kernel
