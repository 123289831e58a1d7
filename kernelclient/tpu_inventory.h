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

// "v2/v3", "v4", "v5e", "v5p", "v6e" for a TPU PCI device id, nullopt for other ids.
std::optional<QString> tpuGeneration(unsigned deviceId);

} // namespace quire::kernel
