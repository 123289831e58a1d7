#include "kernelclient/tpu_inventory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>

namespace quire::kernel {

namespace {

constexpr unsigned kGoogleVendorId = 0x1ae0;

// A sysfs number such as "0x1ae0\n".
std::optional<unsigned> readNumber(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    bool ok = false;
    const unsigned value = file.read(64).trimmed().toUInt(&ok, 0);
    return ok ? std::optional<unsigned>(value) : std::nullopt;
}

// v2-v4 chips are /dev/accelN; v5e and later are handed to VFIO as /dev/vfio/N.
bool usesAccelNodes(const QString& generation) {
    return generation == QLatin1String("v2/v3") || generation == QLatin1String("v4");
}

} // namespace

std::optional<QString> tpuGeneration(unsigned deviceId) {
    switch (deviceId) {
    case 0x0027:
        return QStringLiteral("v2/v3"); // the same id for both
    case 0x005e:
        return QStringLiteral("v4");
    case 0x0063:
        return QStringLiteral("v5e");
    case 0x0062:
        return QStringLiteral("v5p");
    case 0x006f:
        return QStringLiteral("v6e");
    default:
        return std::nullopt;
    }
}

QStringList tpuChipNodes(const QStringList& names, const QString& folder, const QString& prefix) {
    QList<std::pair<int, QString>> numbered;
    for (const QString& name : names) {
        if (!name.startsWith(prefix))
            continue;
        bool ok = false;
        const int n = QStringView(name).mid(prefix.size()).toInt(&ok);
        if (ok && n >= 0)
            numbered.append({n, folder + QLatin1Char('/') + name});
    }
    std::sort(numbered.begin(), numbered.end());
    QStringList nodes;
    for (const auto& entry : numbered)
        nodes << entry.second;
    return nodes;
}

std::vector<TpuChip> tpusFromFacts(const std::vector<PciDeviceFacts>& devices,
                                   const QStringList& accelNodes, const QStringList& vfioNodes) {
    std::vector<TpuChip> chips;
    for (const PciDeviceFacts& d : devices) {
        if (d.vendor != kGoogleVendorId)
            continue;
        const auto generation = d.device ? tpuGeneration(*d.device) : std::nullopt;
        if (!generation)
            continue; // gVNIC and other Google devices
        TpuChip chip;
        chip.index = int(chips.size());
        chip.generation = *generation;
        chip.pciAddress = d.address;
        // The chip node sysfs links to this PCI device, when it says and the node exists.
        const bool accel = usesAccelNodes(*generation);
        const QString linked =
            accel ? (d.accelName.isEmpty() ? QString() : QStringLiteral("/dev/") + d.accelName)
                  : (d.iommuGroup.isEmpty() ? QString()
                                            : QStringLiteral("/dev/vfio/") + d.iommuGroup);
        if (!linked.isEmpty() && (accel ? accelNodes : vfioNodes).contains(linked))
            chip.devicePath = linked;
        chips.push_back(std::move(chip));
    }
    // Chips sysfs did not link to a node get the remaining nodes of their kind in order, as
    // the driver numbers them in PCI order.
    for (const bool accel : {true, false}) {
        QStringList free = accel ? accelNodes : vfioNodes;
        for (const TpuChip& chip : chips)
            if (chip.devicePath)
                free.removeAll(*chip.devicePath);
        for (TpuChip& chip : chips) {
            if (!chip.devicePath && usesAccelNodes(chip.generation) == accel && !free.isEmpty())
                chip.devicePath = free.takeFirst();
        }
    }
    return chips;
}

std::vector<TpuChip> scanTpus(const QString& rootPath) {
    const QDir root(rootPath);
    const QDir pci(root.filePath(QStringLiteral("sys/bus/pci/devices")));
    std::vector<PciDeviceFacts> devices;
    // PCI addresses sort in bus order as text.
    for (const QString& address : pci.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString dir = pci.filePath(address);
        PciDeviceFacts d;
        d.address = address;
        d.vendor = readNumber(dir + QStringLiteral("/vendor"));
        if (d.vendor != kGoogleVendorId)
            continue;
        d.device = readNumber(dir + QStringLiteral("/device"));
        const QStringList accel =
            QDir(dir + QStringLiteral("/accel"))
                .entryList({QStringLiteral("accel*")}, QDir::AllEntries | QDir::System);
        if (!accel.isEmpty())
            d.accelName = accel.first();
        const QFileInfo group(dir + QStringLiteral("/iommu_group"));
        if (group.isSymLink())
            d.iommuGroup = QFileInfo(group.symLinkTarget()).fileName();
        devices.push_back(std::move(d));
    }
    const auto entries = [&root](const QString& folder) {
        return QDir(root.filePath(folder))
            .entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);
    };
    return tpusFromFacts(
        devices,
        tpuChipNodes(entries(QStringLiteral("dev")), QStringLiteral("/dev"),
                     QStringLiteral("accel")),
        tpuChipNodes(entries(QStringLiteral("dev/vfio")), QStringLiteral("/dev/vfio"), {}));
}

} // namespace quire::kernel
