// `quire resources`: the local runtime's CPUs, memory, disk, GPUs and TPUs, once.
#include "app/cli_resources.h"

#include "kernelclient/resource_probe.h"

#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <cstdio>

namespace quire::app {

using kernel::GpuDevice;
using kernel::GpuSource;
using kernel::ResourceSnapshot;

const char* const kResourcesSummary =
    QT_TRANSLATE_NOOP("Cli", "show the CPUs, memory, disk, GPUs and TPUs of this machine");
const char* const kResourcesUsage = QT_TRANSLATE_NOOP(
    "Cli", "Usage: quire resources [--json]\n"
           "\n"
           "Prints what the local runtime has: the number of CPUs and how busy they are\n"
           "(measured over 0.2 seconds), memory, the disk holding the current folder, NVIDIA\n"
           "GPUs with their processes (through the driver's NVML library, else nvidia-smi)\n"
           "and Google TPUs (from /sys and /dev). --json prints one JSON object instead;\n"
           "a value that cannot be measured is null there and N/A in the text.\n");

namespace {

void print(std::FILE* stream, const QString& text) {
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

QString notAvailable() {
    return QCoreApplication::translate("Cli", "N/A");
}

QString bytes(const std::optional<quint64>& value) {
    return value ? QLocale().formattedDataSize(qint64(*value), 1, QLocale::DataSizeIecFormat)
                 : notAvailable();
}

template <typename T> QString number(const std::optional<T>& value) {
    if (!value)
        return notAvailable();
    if constexpr (std::is_floating_point_v<T>)
        return QLocale().toString(*value, 'f', 1);
    else
        return QString::number(*value); // no group separators in counts, clocks, PIDs
}

// "%1 W" with the number, or N/A without a unit.
template <typename T> QString withUnit(const std::optional<T>& value, const QString& format) {
    return value ? format.arg(number(value)) : notAvailable();
}

QString describeGpu(const GpuDevice& gpu) {
    QString text = QCoreApplication::translate("Cli", "GPU %1: %2 (%3)\n")
                       .arg(QString::number(gpu.index), gpu.name.value_or(notAvailable()),
                            gpu.uuid.value_or(notAvailable()));
    text += QCoreApplication::translate("Cli", "  utilization %1, memory %2 used of %3, %4\n")
                .arg(withUnit(gpu.utilizationPercent, QCoreApplication::translate("Cli", "%1%")),
                     bytes(gpu.memoryUsedBytes), bytes(gpu.memoryTotalBytes),
                     withUnit(gpu.temperatureC, QCoreApplication::translate("Cli", "%1 °C")));
    const QString watts = QCoreApplication::translate("Cli", "%1 W");
    text += QCoreApplication::translate("Cli", "  power %1 of %2, SM clock %3\n")
                .arg(withUnit(gpu.powerW, watts), withUnit(gpu.powerLimitW, watts),
                     withUnit(gpu.smClockMhz, QCoreApplication::translate("Cli", "%1 MHz")));
    if (!gpu.processes) {
        text += QCoreApplication::translate("Cli", "  processes: N/A\n");
    } else if (gpu.processes->empty()) {
        text += QCoreApplication::translate("Cli", "  processes: none\n");
    } else {
        QStringList processes;
        for (const auto& p : *gpu.processes)
            processes << QCoreApplication::translate("Cli", "%1 (%2)")
                             .arg(QString::number(p.pid), bytes(p.usedMemoryBytes));
        text += QCoreApplication::translate("Cli", "  processes: %1\n")
                    .arg(processes.join(QLatin1String(", ")));
    }
    return text;
}

QString describe(const ResourceSnapshot& s) {
    QString text = QCoreApplication::translate("Cli", "Runtime: local\n");
    text += QCoreApplication::translate("Cli", "CPUs: %1, %2 busy\n")
                .arg(number(s.cpuCount),
                     withUnit(s.cpuPercent, QCoreApplication::translate("Cli", "%1%")));
    text += QCoreApplication::translate("Cli", "Memory: %1 used of %2\n")
                .arg(bytes(s.memoryUsedBytes), bytes(s.memoryTotalBytes));
    text += QCoreApplication::translate("Cli", "Disk (%1): %2 used of %3\n")
                .arg(s.diskPath, bytes(s.diskUsedBytes), bytes(s.diskTotalBytes));
    if (s.gpu.gpus.empty())
        text +=
            QCoreApplication::translate("Cli", "GPUs: none (%1)\n").arg(s.gpu.unavailableReason);
    else if (s.gpu.source == GpuSource::NvidiaSmi)
        text += QCoreApplication::translate("Cli", "GPUs (from nvidia-smi):\n");
    for (const GpuDevice& gpu : s.gpu.gpus)
        text += describeGpu(gpu);
    if (s.tpus.empty())
        text += QCoreApplication::translate("Cli", "TPUs: none\n");
    for (const auto& tpu : s.tpus)
        text += QCoreApplication::translate("Cli", "TPU %1: %2 at %3 (PCI %4)\n")
                    .arg(QString::number(tpu.index), tpu.generation,
                         tpu.devicePath.value_or(notAvailable()), tpu.pciAddress);
    const QStringList accelerators = s.accelerators();
    text += QCoreApplication::translate("Cli", "Accelerators: %1\n")
                .arg(accelerators.isEmpty() ? QCoreApplication::translate("Cli", "none")
                                            : accelerators.join(QLatin1String(", ")));
    return text;
}

} // namespace

int runResourcesCommand(const QStringList& args) {
    bool json = false;
    for (const QString& a : args) {
        if (a == QLatin1String("--json")) {
            json = true;
        } else {
            print(stderr, QStringLiteral("quire resources: %1\n")
                              .arg(QCoreApplication::translate("Cli", "unknown option %1").arg(a)));
            print(stderr, QCoreApplication::translate("Cli", "Try 'quire %1 --help'.\n")
                              .arg(QLatin1String("resources")));
            return 2;
        }
    }
    kernel::ResourceProbe::Options options;
    options.diskPath = QDir::currentPath();
    kernel::ResourceProbe probe(options);
    const ResourceSnapshot snapshot = probe.sample();
    if (json)
        print(stdout,
              QString::fromStdString(kernel::toJson(snapshot, QStringLiteral("local")).dump(2)) +
                  QLatin1Char('\n'));
    else
        print(stdout, describe(snapshot));
    return 0;
}

} // namespace quire::app
