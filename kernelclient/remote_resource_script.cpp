#include "kernelclient/remote_resource_script.h"

#include "kernelclient/nvidia_smi.h"
#include "kernelclient/tpu_inventory.h"

#include <QCoreApplication>

namespace quire::kernel::remote_resources {

namespace {

const QString kSection = QStringLiteral("@QUIRE@");

std::optional<unsigned> hexNumber(QStringView text) {
    bool ok = false;
    const unsigned value = text.toUInt(&ok, 0);
    return ok ? std::optional<unsigned>(value) : std::nullopt;
}

GpuInventory parseGpus(const Sections& s) {
    GpuInventory inventory;
    const QString status = s.value(QStringLiteral("gpus_status")).trimmed();
    if (status.isEmpty() || status == QLatin1String("missing")) {
        inventory.unavailableReason =
            QCoreApplication::translate("Resources", "nvidia-smi is not installed on this runtime");
        return inventory;
    }
    if (status != QLatin1String("0")) {
        // nvidia-smi explains itself on stdout ("NVIDIA-SMI has failed because ...").
        QString why = s.value(QStringLiteral("gpus")).trimmed().section(QLatin1Char('\n'), 0, 0);
        if (why.isEmpty())
            why = QCoreApplication::translate("Resources", "exit status %1").arg(status);
        inventory.unavailableReason =
            QCoreApplication::translate("Resources", "nvidia-smi failed: %1").arg(why);
        return inventory;
    }
    inventory.source = GpuSource::NvidiaSmi;
    inventory.gpus = nvidia_smi::parseGpus(s.value(QStringLiteral("gpus")));
    if (s.value(QStringLiteral("apps_status")).trimmed() == QLatin1String("0"))
        nvidia_smi::attachProcesses(s.value(QStringLiteral("apps")), inventory.gpus);
    if (inventory.gpus.empty())
        inventory.unavailableReason =
            QCoreApplication::translate("Resources", "nvidia-smi lists no GPU");
    return inventory;
}

std::vector<TpuChip> parseTpus(const Sections& s) {
    std::vector<PciDeviceFacts> devices;
    for (const QString& line : s.value(QStringLiteral("pci")).split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList f = line.simplified().split(u' ');
        if (f.size() != 5)
            continue;
        PciDeviceFacts d;
        d.address = f[0];
        d.vendor = hexNumber(f[1]);
        d.device = hexNumber(f[2]);
        if (f[3] != QLatin1String("-"))
            d.accelName = f[3];
        if (f[4] != QLatin1String("-"))
            d.iommuGroup = f[4];
        devices.push_back(std::move(d));
    }
    std::sort(devices.begin(), devices.end(),
              [](const auto& a, const auto& b) { return a.address < b.address; });
    const auto names = [&s](const char* section) {
        return s.value(QLatin1String(section)).simplified().split(u' ', Qt::SkipEmptyParts);
    };
    return tpusFromFacts(
        devices, tpuChipNodes(names("dev"), QStringLiteral("/dev"), QStringLiteral("accel")),
        tpuChipNodes(names("vfio"), QStringLiteral("/dev/vfio"), {}));
}

} // namespace

QString shellCommand() {
    const QString gpuArgs = nvidia_smi::gpuQueryArguments().join(u' ');
    const QString appArgs = nvidia_smi::processQueryArguments().join(u' ');
    // One line of POSIX sh; every fact may be missing without stopping the rest.
    const QString script =
        QStringLiteral(
            "echo @QUIRE@stat1; cat /proc/stat; sleep 0.5; echo @QUIRE@stat2; cat /proc/stat; "
            "echo @QUIRE@meminfo; cat /proc/meminfo; echo @QUIRE@pwd; pwd; "
            "echo @QUIRE@df; df -P -B1 . 2>&1; echo @QUIRE@gpus; "
            "if command -v nvidia-smi >/dev/null 2>&1; then nvidia-smi %1 2>&1; r=$?; "
            "echo @QUIRE@gpus_status; echo $r; echo @QUIRE@apps; nvidia-smi %2 2>&1; r=$?; "
            "echo @QUIRE@apps_status; echo $r; "
            "else echo @QUIRE@gpus_status; echo missing; fi; "
            "echo @QUIRE@pci; for d in /sys/bus/pci/devices/*; do "
            "v=$(cat $d/vendor 2>/dev/null); [ \"$v\" = 0x1ae0 ] || continue; a=-; "
            "for x in $d/accel/accel*; do [ -e \"$x\" ] && a=${x##*/} && break; done; g=-; "
            "[ -L $d/iommu_group ] && g=$(readlink $d/iommu_group) && g=${g##*/}; "
            "echo ${d##*/} $v $(cat $d/device 2>/dev/null) $a $g; done; "
            "echo @QUIRE@dev; ls /dev 2>/dev/null | grep ^accel; "
            "echo @QUIRE@vfio; ls /dev/vfio 2>/dev/null; echo @QUIRE@end")
            .arg(gpuArgs, appArgs);
    QString quoted = script;
    quoted.replace(QLatin1String("'"), QLatin1String("'\\''"));
    return QStringLiteral("sh -c '%1'").arg(quoted);
}

Sections splitSections(const QString& output) {
    Sections sections;
    QString name;
    QString text;
    for (const QString& line : output.split(u'\n')) {
        if (line.startsWith(kSection)) {
            if (!name.isEmpty())
                sections.insert(name, text);
            name = line.mid(kSection.size()).trimmed();
            text.clear();
        } else if (!name.isEmpty()) {
            text += line + QLatin1Char('\n');
        }
    }
    if (!name.isEmpty())
        sections.insert(name, text);
    return sections;
}

DiskUsage parseDf(const QString& output) {
    // Filesystem 1-blocks Used Available Capacity Mounted on
    // /dev/sda1 105089261568 58926190592 40772812800 60% /
    DiskUsage usage;
    const QStringList lines = output.split(u'\n', Qt::SkipEmptyParts);
    if (lines.size() < 2)
        return usage;
    const QStringList f = lines[1].simplified().split(u' ');
    bool totalOk = false, usedOk = false;
    const quint64 total = f.value(1).toULongLong(&totalOk);
    const quint64 used = f.value(2).toULongLong(&usedOk);
    if (totalOk)
        usage.totalBytes = total;
    if (usedOk)
        usage.usedBytes = used;
    return usage;
}

ResourceSnapshot parse(const Sections& s, std::optional<ResourceProbe::CpuTimes>* previous) {
    ResourceSnapshot snapshot;
    int count = 0;
    const auto after =
        ResourceProbe::parseProcStat(s.value(QStringLiteral("stat2")).toUtf8(), &count);
    if (count > 0)
        snapshot.cpuCount = count;
    if (s.contains(QStringLiteral("stat1")))
        snapshot.cpuPercent = ResourceProbe::cpuPercent(
            ResourceProbe::parseProcStat(s.value(QStringLiteral("stat1")).toUtf8()), after);
    else if (previous)
        snapshot.cpuPercent = ResourceProbe::cpuPercent(*previous, after);
    if (previous)
        *previous = after;

    ResourceProbe::parseMeminfo(s.value(QStringLiteral("meminfo")).toUtf8(), snapshot);
    snapshot.diskPath = s.value(QStringLiteral("pwd")).trimmed();
    const DiskUsage disk = parseDf(s.value(QStringLiteral("df")));
    snapshot.diskTotalBytes = disk.totalBytes;
    snapshot.diskUsedBytes = disk.usedBytes;
    snapshot.gpu = parseGpus(s);
    snapshot.tpus = parseTpus(s);
    return snapshot;
}

} // namespace quire::kernel::remote_resources
