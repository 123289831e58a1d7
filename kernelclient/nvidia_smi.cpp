#include "kernelclient/nvidia_smi.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QProcess>
#include <QStandardPaths>
#include <cmath>

Q_LOGGING_CATEGORY(lcNvidiaSmi, "quire.kernel.nvidiasmi", QtInfoMsg)

namespace quire::kernel::nvidia_smi {

namespace {

constexpr double kMiB = 1024.0 * 1024.0;

// The fields of the GPU query, in order.
enum GpuField {
    Index,
    Name,
    Uuid,
    UtilizationGpu,
    UtilizationMemory,
    MemoryUsed,
    MemoryTotal,
    Temperature,
    PowerDraw,
    PowerLimit,
    ClockSm,
    GpuFieldCount
};

// "[N/A]", "[Not Supported]", "[Unknown Error]", an empty field: unknown.
std::optional<double> number(QStringView field) {
    bool ok = false;
    const double value = field.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < 0)
        return std::nullopt;
    return value;
}

std::optional<int> integer(QStringView field) {
    const auto value = number(field);
    return value ? std::optional<int>(int(std::lround(*value))) : std::nullopt;
}

std::optional<quint64> mebibytes(QStringView field) {
    const auto value = number(field);
    return value ? std::optional<quint64>(quint64(std::llround(*value * kMiB))) : std::nullopt;
}

std::optional<QString> text(QStringView field) {
    const QStringView t = field.trimmed();
    if (t.isEmpty() || t.startsWith(u'['))
        return std::nullopt;
    return t.toString();
}

// The non-empty lines of `csv` (nvidia-smi ends lines with \n; \r\n is tolerated).
QList<QStringView> lines(QStringView csv) {
    QList<QStringView> out;
    for (QStringView line : csv.split(u'\n')) {
        line = line.trimmed();
        if (!line.isEmpty())
            out << line;
    }
    return out;
}

// Runs nvidia-smi once; its standard output, or nullopt with *error.
std::optional<QByteArray> run(const QString& program, const QStringList& arguments, int timeoutMs,
                              QString* error) {
    QProcess process;
    process.start(program, arguments, QIODevice::ReadOnly);
    if (!process.waitForStarted(timeoutMs)) {
        *error = QCoreApplication::translate("Resources", "nvidia-smi could not be started: %1")
                     .arg(process.errorString());
        return std::nullopt;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        *error =
            QCoreApplication::translate("Resources", "nvidia-smi did not answer within %1 seconds")
                .arg(timeoutMs / 1000.0);
        return std::nullopt;
    }
    const QByteArray out = process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        // nvidia-smi explains itself on stdout ("NVIDIA-SMI has failed because ...").
        QString why = QString::fromLocal8Bit(out + process.readAllStandardError()).trimmed();
        why = why.section(QLatin1Char('\n'), 0, 0);
        if (why.isEmpty())
            why =
                QCoreApplication::translate("Resources", "exit status %1").arg(process.exitCode());
        *error = QCoreApplication::translate("Resources", "nvidia-smi failed: %1").arg(why);
        return std::nullopt;
    }
    return out;
}

} // namespace

QStringList gpuQueryArguments() {
    return {QStringLiteral("--query-gpu=index,name,uuid,utilization.gpu,utilization.memory,"
                           "memory.used,memory.total,temperature.gpu,power.draw,power.limit,"
                           "clocks.sm"),
            QStringLiteral("--format=csv,noheader,nounits")};
}

QStringList processQueryArguments() {
    // gpu_uuid first: without it a process cannot be given to its GPU.
    return {QStringLiteral("--query-compute-apps=gpu_uuid,pid,process_name,used_memory"),
            QStringLiteral("--format=csv,noheader,nounits")};
}

std::vector<GpuDevice> parseGpus(QStringView csv) {
    std::vector<GpuDevice> gpus;
    for (QStringView line : lines(csv)) {
        const QList<QStringView> f = line.split(u',');
        if (f.size() != GpuFieldCount) {
            qCWarning(lcNvidiaSmi) << "skipping a GPU line with" << f.size() << "fields:" << line;
            continue;
        }
        GpuDevice gpu;
        gpu.index = integer(f[Index]).value_or(int(gpus.size()));
        gpu.name = text(f[Name]);
        gpu.uuid = text(f[Uuid]);
        gpu.utilizationPercent = integer(f[UtilizationGpu]);
        gpu.memoryUsedBytes = mebibytes(f[MemoryUsed]);
        gpu.memoryTotalBytes = mebibytes(f[MemoryTotal]);
        gpu.temperatureC = integer(f[Temperature]);
        gpu.powerW = number(f[PowerDraw]);
        gpu.powerLimitW = number(f[PowerLimit]);
        gpu.smClockMhz = integer(f[ClockSm]);
        gpus.push_back(std::move(gpu));
    }
    return gpus;
}

void attachProcesses(QStringView csv, std::vector<GpuDevice>& gpus) {
    for (GpuDevice& gpu : gpus)
        gpu.processes.emplace();
    for (QStringView line : lines(csv)) {
        // gpu_uuid, pid, process_name, used_memory; a process name may itself hold commas.
        const QList<QStringView> f = line.split(u',');
        const auto pid = number(f.value(1));
        if (f.size() < 4 || !pid) {
            qCWarning(lcNvidiaSmi) << "skipping a process line:" << line;
            continue;
        }
        const QStringView uuid = f[0].trimmed();
        for (GpuDevice& gpu : gpus) {
            if (gpu.uuid && *gpu.uuid == uuid)
                gpu.processes->push_back({qint64(*pid), mebibytes(f.last())});
        }
    }
}

std::optional<std::vector<GpuDevice>> query(const QString& program, int timeoutMs, QString* error) {
    QString ignored;
    QString& why = error ? *error : ignored;
    const QString path =
        program.contains(QLatin1Char('/')) ? program : QStandardPaths::findExecutable(program);
    if (path.isEmpty()) {
        why = QCoreApplication::translate("Resources", "nvidia-smi is not installed");
        return std::nullopt;
    }
    const auto gpuCsv = run(path, gpuQueryArguments(), timeoutMs, &why);
    if (!gpuCsv)
        return std::nullopt;
    std::vector<GpuDevice> gpus = parseGpus(QString::fromUtf8(*gpuCsv));
    QString processError;
    if (const auto processCsv = run(path, processQueryArguments(), timeoutMs, &processError))
        attachProcesses(QString::fromUtf8(*processCsv), gpus);
    else
        qCDebug(lcNvidiaSmi) << "no process list:" << processError;
    return gpus;
}

} // namespace quire::kernel::nvidia_smi
