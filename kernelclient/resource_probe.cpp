#include "kernelclient/resource_probe.h"

#include "kernelclient/nvidia_smi.h"
#include "kernelclient/nvml_library.h"
#include "kernelclient/tpu_inventory.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QThread>
#include <algorithm>
#include <sys/statvfs.h>

Q_LOGGING_CATEGORY(lcProbe, "quire.kernel.resources", QtInfoMsg)

namespace quire::kernel {

namespace {

QByteArray readFile(const QString& path) {
    QFile file(path);
    // /proc files report size 0: read until the end rather than by size.
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// "MemTotal:       16314576 kB" -> bytes, for the line starting with `key`.
std::optional<quint64> meminfoBytes(const QByteArray& text, QByteArrayView key) {
    for (const QByteArray& line : text.split('\n')) {
        if (!line.startsWith(key) || line.size() <= key.size() || line[key.size()] != ':')
            continue;
        const QList<QByteArray> parts = line.mid(key.size() + 1).simplified().split(' ');
        bool ok = false;
        const quint64 value = parts.value(0).toULongLong(&ok);
        if (!ok)
            return std::nullopt;
        const quint64 unit = parts.value(1) == "kB" ? 1024 : 1;
        return value * unit;
    }
    return std::nullopt;
}

} // namespace

ResourceProbe::ResourceProbe() : ResourceProbe(Options{}) {}

ResourceProbe::ResourceProbe(Options options) : m_options(std::move(options)) {
    if (m_options.nvmlLibraries.isEmpty())
        m_options.nvmlLibraries = NvmlLibrary::defaultNames();
    m_lastCpu = readCpu(nullptr);
    m_sinceLastCpu.start();
}

ResourceProbe::~ResourceProbe() = default; // nvmlShutdown, through ~NvmlLibrary

std::optional<ResourceProbe::CpuTimes> ResourceProbe::parseProcStat(const QByteArray& text,
                                                                    int* cpuCount) {
    std::optional<CpuTimes> times;
    int count = 0;
    for (const QByteArray& line : text.split('\n')) {
        if (!line.startsWith("cpu"))
            continue;
        if (line.size() > 3 && line[3] >= '0' && line[3] <= '9') {
            ++count;
            continue;
        }
        // cpu  user nice system idle iowait irq softirq steal guest guest_nice: guest time is
        // already part of user and nice, so only the first eight count.
        const QList<QByteArray> fields = line.simplified().split(' ');
        CpuTimes t;
        for (qsizetype i = 1; i < std::min<qsizetype>(fields.size(), 9); ++i) {
            bool ok = false;
            const quint64 value = fields[i].toULongLong(&ok);
            if (!ok)
                return std::nullopt;
            t.total += value;
            if (i != 4 && i != 5) // idle and iowait are not busy
                t.busy += value;
        }
        if (fields.size() >= 5)
            times = t;
    }
    if (cpuCount)
        *cpuCount = count;
    return times;
}

std::optional<double> ResourceProbe::cpuPercent(const std::optional<CpuTimes>& before,
                                                const std::optional<CpuTimes>& after) {
    if (!before || !after || after->total <= before->total || after->busy < before->busy)
        return std::nullopt;
    const double busy = double(after->busy - before->busy);
    return std::clamp(100.0 * busy / double(after->total - before->total), 0.0, 100.0);
}

void ResourceProbe::parseMeminfo(const QByteArray& text, ResourceSnapshot& s) {
    s.memoryTotalBytes = meminfoBytes(text, "MemTotal");
    const auto available = meminfoBytes(text, "MemAvailable");
    if (s.memoryTotalBytes && available && *available <= *s.memoryTotalBytes)
        s.memoryUsedBytes = *s.memoryTotalBytes - *available;
}

std::optional<ResourceProbe::CpuTimes> ResourceProbe::readCpu(int* cpuCount) const {
    return parseProcStat(readFile(QDir(m_options.root).filePath(QStringLiteral("proc/stat"))),
                         cpuCount);
}

ResourceSnapshot ResourceProbe::sample() {
    ResourceSnapshot s;
    const QDir root(m_options.root);

    s.gpu = sampleGpus();
    s.tpus = scanTpus(m_options.root);

    parseMeminfo(readFile(root.filePath(QStringLiteral("proc/meminfo"))), s);

    s.diskPath = QDir::cleanPath(QDir(m_options.diskPath).absolutePath());
    if (struct statvfs fs{}; statvfs(QFile::encodeName(s.diskPath).constData(), &fs) == 0) {
        s.diskTotalBytes = quint64(fs.f_blocks) * fs.f_frsize;
        s.diskUsedBytes = quint64(fs.f_blocks - fs.f_bfree) * fs.f_frsize;
    }

    // Last, so that the wait for the first CPU window overlaps the work above.
    if (m_firstSample) {
        m_firstSample = false;
        const qint64 left = kFirstCpuWindowMs - m_sinceLastCpu.elapsed();
        if (left > 0)
            QThread::msleep(quint64(left));
    }
    int count = 0;
    const auto now = readCpu(&count);
    if (count > 0)
        s.cpuCount = count;
    s.cpuPercent = cpuPercent(m_lastCpu, now);
    m_lastCpu = now;
    m_sinceLastCpu.restart();
    return s;
}

GpuInventory ResourceProbe::sampleGpus() {
    GpuInventory inventory;
    // NVML is tried once per probe: a library that is missing now stays missing.
    if (!m_nvml)
        m_nvml = std::make_unique<NvmlLibrary>(m_options.nvmlLibraries);
    if (m_nvml->isReady()) {
        QString error;
        if (auto gpus = m_nvml->devices(&error)) {
            inventory.gpus = std::move(*gpus);
            inventory.source = GpuSource::Nvml;
            if (inventory.gpus.empty())
                inventory.unavailableReason =
                    QCoreApplication::translate("Resources", "the NVIDIA driver sees no GPU");
        } else {
            inventory.unavailableReason = error;
        }
        return inventory;
    }
    // Without the library nvidia-smi may still answer (a driver installed elsewhere, a wrapper).
    QString smiError;
    if (auto gpus =
            nvidia_smi::query(m_options.nvidiaSmi, m_options.nvidiaSmiTimeoutMs, &smiError)) {
        inventory.gpus = std::move(*gpus);
        inventory.source = GpuSource::NvidiaSmi;
        if (inventory.gpus.empty())
            inventory.unavailableReason =
                QCoreApplication::translate("Resources", "nvidia-smi lists no GPU");
        return inventory;
    }
    qCDebug(lcProbe) << "nvidia-smi:" << smiError;
    inventory.unavailableReason = m_nvml->error();
    return inventory;
}

} // namespace quire::kernel
