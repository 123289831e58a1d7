#pragma once

#include "kernelclient/resource_probe.h"
#include "kernelclient/resource_snapshot.h"

#include <QHash>
#include <QString>
#include <optional>

namespace quire::kernel {

// What a remote runtime has, gathered by a shell script (in a server terminal) or by a Python
// snippet (in a kernel) that both print the same raw facts, in sections: /proc/stat (twice,
// 0.5 s apart, or once when the caller keeps the previous reading), /proc/meminfo, the working
// folder and `df -P -B1` of it, both nvidia-smi queries of the local fallback, and the sysfs
// facts of Google PCI devices with the /dev/accel* and /dev/vfio/* nodes. They are parsed with
// the local probe's parsers, so a remote snapshot means exactly what a local one does.
namespace remote_resources {

// The section names, in the order the script prints them.
//   stat1, stat2    /proc/stat (stat1 only when the script measures its own CPU window)
//   meminfo         /proc/meminfo
//   pwd, df         the folder reported and `df -P -B1` of it
//   gpus, apps      the nvidia-smi queries; gpus_status / apps_status: exit status or "missing"
//   pci             "<address> <vendor> <device> <accelN|-> <iommu group|->" per Google device
//   dev, vfio       names in /dev starting with "accel", names in /dev/vfio
using Sections = QHash<QString, QString>;

// One line for a terminal: `sh -c '...'`, so the user's login shell does not matter.
QString shellCommand();

// The sections of the script's output (lines "@QUIRE@name" start each one).
Sections splitSections(const QString& output);

// The snapshot the sections describe. CPU percent: stat1 → stat2 when both are there, else
// *previous → stat2; *previous becomes stat2. Missing facts stay unknown, with the reason in
// gpu.unavailableReason for GPUs.
ResourceSnapshot parse(const Sections& sections,
                       std::optional<ResourceProbe::CpuTimes>* previous = nullptr);

// Total and used bytes (as df counts: size - free) from `df -P -B1` output.
struct DiskUsage {
    std::optional<quint64> totalBytes;
    std::optional<quint64> usedBytes;
};
DiskUsage parseDf(const QString& output);

} // namespace remote_resources

} // namespace quire::kernel
