#pragma once

#include "kernelclient/resource_snapshot.h"

#include <QString>
#include <optional>
#include <vector>

namespace quire::kernel {

// Google TPUs seen from the file system only: PCI devices of vendor 0x1ae0 with a known TPU
// device id under <root>/sys/bus/pci/devices, and their chip nodes (<root>/dev/accelN for
// v2-v4, <root>/dev/vfio/N for v5e and later). libtpu is never opened: the process that
// initialises it owns the TPU, and that must be the kernel, not the IDE.
//
// Other Google PCI devices share the vendor id (gVNIC, for one), so an unknown device id is
// not a TPU. `root` is "/" on a real system; tests point it at a fake tree. Device paths are
// reported as the system sees them ("/dev/vfio/0"), without the root.
std::vector<TpuChip> scanTpus(const QString& root = QStringLiteral("/"));

// What sysfs says about one PCI device: scanTpus reads it from files, a remote runtime's
// resource script prints it.
struct PciDeviceFacts {
    QString address; // "0000:00:04.0"
    std::optional<unsigned> vendor;
    std::optional<unsigned> device;
    QString accelName;  // "accel0" under <device>/accel, or empty
    QString iommuGroup; // "3", the name <device>/iommu_group links to, or empty
};

// The TPUs among `devices` (in PCI address order) with their chip nodes: the node sysfs links
// to when it is among the present ones, else the remaining nodes of their kind in order.
// `accelNodes` ("/dev/accel0", ...) and `vfioNodes` ("/dev/vfio/0", ...) are sorted numerically.
std::vector<TpuChip> tpusFromFacts(const std::vector<PciDeviceFacts>& devices,
                                   const QStringList& accelNodes, const QStringList& vfioNodes);

// "/dev/accel0"-style nodes from names ("accel1", "accel0", "vfio", ...) in a folder, sorted by
// number: `prefix` "accel" for /dev, "" for /dev/vfio.
QStringList tpuChipNodes(const QStringList& names, const QString& folder, const QString& prefix);

// "v2/v3", "v4", "v5e", "v5p", "v6e" for a TPU PCI device id, nullopt for other ids.
std::optional<QString> tpuGeneration(unsigned deviceId);

} // namespace quire::kernel
