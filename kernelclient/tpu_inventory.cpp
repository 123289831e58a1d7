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

// "/dev/accel0", "/dev/accel1", ... (or "/dev/vfio/0", ...) that exist under `root`, in
// numeric order.
QStringList chipNodes(const QDir& root, bool accel) {
    const QString folder = accel ? QStringLiteral("dev") : QStringLiteral("dev/vfio");
    const QString prefix = accel ? QStringLiteral("accel") : QString();
    QList<std::pair<int, QString>> numbered;
    const QDir dir(root.filePath(folder));
    for (const QString& name :
         dir.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)) {
        if (!name.startsWith(prefix))
            continue;
        bool ok = false;
        const int n = QStringView(name).mid(prefix.size()).toInt(&ok);
        if (ok && n >= 0)
            numbered.append({n, QLatin1Char('/') + folder + QLatin1Char('/') + name});
    }
    std::sort(numbered.begin(), numbered.end());
    QStringList nodes;
    for (const auto& entry : numbered)
        nodes << entry.second;
    return nodes;
}

// The chip node sysfs links to this PCI device, when it says: <dev>/accel/accelN for the accel
// class, <dev>/iommu_group -> .../iommu_groups/N for VFIO.
std::optional<QString> linkedNode(const QDir& root, const QString& deviceDir, bool accel) {
    QString node;
    if (accel) {
        const QStringList names =
            QDir(deviceDir + QStringLiteral("/accel"))
                .entryList({QStringLiteral("accel*")}, QDir::AllEntries | QDir::System);
        if (!names.isEmpty())
            node = QStringLiteral("/dev/") + names.first();
    } else {
        const QFileInfo group(deviceDir + QStringLiteral("/iommu_group"));
        if (group.isSymLink())
            node = QStringLiteral("/dev/vfio/") + QFileInfo(group.symLinkTarget()).fileName();
    }
    if (node.isEmpty() || !QFileInfo::exists(root.filePath(node.mid(1))))
        return std::nullopt;
    return node;
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

std::vector<TpuChip> scanTpus(const QString& rootPath) {
    const QDir root(rootPath);
    const QDir pci(root.filePath(QStringLiteral("sys/bus/pci/devices")));
    std::vector<TpuChip> chips;
    // PCI addresses sort in bus order as text.
    for (const QString& address : pci.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString dir = pci.filePath(address);
        if (readNumber(dir + QStringLiteral("/vendor")) != kGoogleVendorId)
            continue;
        const auto id = readNumber(dir + QStringLiteral("/device"));
        const auto generation = id ? tpuGeneration(*id) : std::nullopt;
        if (!generation)
            continue; // gVNIC and other Google devices
        TpuChip chip;
        chip.index = int(chips.size());
        chip.generation = *generation;
        chip.pciAddress = address;
        chip.devicePath = linkedNode(root, dir, usesAccelNodes(*generation));
        chips.push_back(std::move(chip));
    }
    // Chips sysfs did not link to a node get the remaining nodes of their kind in order, as
    // the driver numbers them in PCI order.
    for (const bool accel : {true, false}) {
        QStringList free = chipNodes(root, accel);
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

} // namespace quire::kernel
