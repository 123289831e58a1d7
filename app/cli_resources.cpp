// `quire resources`: the CPUs, memory, disk, GPUs and TPUs of this machine or of a Jupyter
// Server, once.
#include "app/cli_resources.h"

#include "app/cli_kernel.h"
#include "app/cli_options.h"
#include "kernelclient/jupyter_server.h"
#include "kernelclient/kernel_client.h"
#include "kernelclient/remote_kernel_starter.h"
#include "kernelclient/remote_resource_probe.h"
#include "kernelclient/resource_probe.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QLocale>
#include <QTimer>
#include <cstdio>

namespace quire::app {

using kernel::GpuDevice;
using kernel::GpuSource;
using kernel::ResourceSnapshot;

const char* const kResourcesSummary =
    QT_TRANSLATE_NOOP("Cli", "show the CPUs, memory, disk, GPUs and TPUs of this machine");
const char* const kResourcesUsage = QT_TRANSLATE_NOOP(
    "Cli", "Usage: quire resources [--json] [--runtime URL]\n"
           "\n"
           "Prints what the local runtime has: the number of CPUs and how busy they are\n"
           "(measured over 0.2 seconds), memory, the disk holding the current folder, NVIDIA\n"
           "GPUs with their processes (through the driver's NVML library, else nvidia-smi)\n"
           "and Google TPUs (from /sys and /dev). --json prints one JSON object instead;\n"
           "a value that cannot be measured is null there and N/A in the text.\n"
           "\n"
           "--runtime URL measures a Jupyter Server instead: a script in one of its terminals\n"
           "(CPU measured over 0.5 seconds, the disk holding the server's root folder,\n"
           "nvidia-smi on the server). Where the server has terminals disabled, a python3\n"
           "kernel is started there to measure from inside it, and deleted afterwards. The\n"
           "token comes from the URL's ?token= or the QUIRE_RUNTIME_TOKEN environment\n"
           "variable, as for 'quire run --runtime'.\n");

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

QString describe(const ResourceSnapshot& s, const QString& runtime) {
    QString text = QCoreApplication::translate("Cli", "Runtime: %1\n").arg(runtime);
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
    for (const QString& note : s.notes)
        text += QCoreApplication::translate("Cli", "Note: %1\n").arg(note);
    return text;
}

} // namespace

namespace {

int usageError(const QString& message) {
    print(stderr, QStringLiteral("quire resources: %1\n").arg(message));
    print(stderr, QCoreApplication::translate("Cli", "Try 'quire %1 --help'.\n")
                      .arg(QLatin1String("resources")));
    return 2;
}

int failure(const QString& message) {
    print(stderr, QCoreApplication::translate("Cli", "quire resources: error: %1\n").arg(message));
    return 1;
}

// Runs the event loop until `done()`.
template <typename Done> void waitFor(Done done) {
    QEventLoop loop;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &loop, &QEventLoop::quit);
    tick.start(50);
    while (!done())
        loop.processEvents(QEventLoop::WaitForMoreEvents);
}

// One sample of `probe`: the snapshot, or the error.
std::optional<ResourceSnapshot> sampleOnce(kernel::RemoteResourceProbe& probe,
                                           kernel::ServerError* error) {
    std::optional<ResourceSnapshot> snapshot;
    bool done = false;
    QObject context;
    QObject::connect(&probe, &kernel::RemoteResourceProbe::sampled, &context,
                     [&](const ResourceSnapshot& s) {
                         snapshot = s;
                         done = true;
                     });
    QObject::connect(&probe, &kernel::RemoteResourceProbe::failed, &context,
                     [&](const kernel::ServerError& e) {
                         *error = e;
                         done = true;
                     });
    probe.sample();
    waitFor([&] { return done; });
    return snapshot;
}

// A snapshot through a python3 kernel started for it (the server has no terminals); the
// kernel and its session are deleted afterwards.
std::optional<ResourceSnapshot> sampleThroughNewKernel(kernel::JupyterServer& server,
                                                       kernel::RemoteResourceProbe& probe,
                                                       kernel::ServerError* error) {
    kernel::KernelClient client;
    kernel::RemoteKernelStarter* starter = client.startRemote(
        &server, QStringLiteral("python3"), QStringLiteral("quire-resources.ipynb"));
    bool failed = false;
    QObject::connect(starter, &kernel::RemoteKernelStarter::failed, &client,
                     [&](const kernel::ServerError& e) {
                         *error = e;
                         failed = true;
                     });
    waitFor([&] {
        return client.isReady() || failed || client.status() == kernel::KernelStatus::Dead;
    });
    std::optional<ResourceSnapshot> snapshot;
    if (client.isReady()) {
        probe.setKernel(&client);
        snapshot = sampleOnce(probe, error);
        probe.setKernel(nullptr);
    } else if (!failed) {
        *error = kernel::ServerError::make(
            kernel::ServerError::Kind::Server,
            QCoreApplication::translate("Cli", "the python3 kernel did not start"));
    }
    if (client.channels()) {
        bool stopped = false;
        QObject::connect(&client, &kernel::KernelClient::shutdownFinished, &client,
                         [&stopped] { stopped = true; });
        client.shutdown();
        QTimer limit;
        limit.setSingleShot(true);
        limit.start(15000);
        waitFor([&] { return stopped || !limit.isActive(); });
    }
    return snapshot;
}

int remoteResources(const QString& url, bool json) {
    QString urlError;
    auto endpoint = kernel::ServerEndpoint::parse(url, &urlError);
    if (!endpoint)
        return usageError(urlError);
    if (endpoint->token().isEmpty())
        endpoint->setToken(qEnvironmentVariable("QUIRE_RUNTIME_TOKEN"));
    kernel::JupyterServer server(*endpoint);
    auto trust = std::make_shared<kernel::TlsTrust>(); // no question hook: refuse unknown
    (void)trust->loadFile(trustedCertificatesFile());
    server.setTlsTrust(std::move(trust));

    kernel::RemoteResourceProbe probe(&server);
    kernel::ServerError error;
    auto snapshot = sampleOnce(probe, &error);
    if (!snapshot && probe.method() == kernel::RemoteResourceProbe::Method::Kernel)
        snapshot = sampleThroughNewKernel(server, probe, &error);
    probe.stop();
    if (!snapshot)
        return failure(QCoreApplication::translate("Cli", "cannot measure %1: %2")
                           .arg(endpoint->toString(), error.fullMessage()));
    if (json)
        print(stdout,
              QString::fromStdString(kernel::toJson(*snapshot, endpoint->toString()).dump(2)) +
                  QLatin1Char('\n'));
    else
        print(stdout, describe(*snapshot, endpoint->toString()));
    // The terminal's DELETE is on its way: give it a moment, as the server would keep the
    // terminal otherwise.
    QTimer grace;
    grace.setSingleShot(true);
    grace.start(300);
    waitFor([&] { return !grace.isActive(); });
    return 0;
}

} // namespace

int runResourcesCommand(const QStringList& args) {
    bool json = false;
    QString runtimeUrl;
    CliOptions options(args);
    while (options.next()) {
        const QString& a = options.arg();
        if (a == QLatin1String("--json")) {
            json = true;
        } else if (options.is("--runtime")) {
            if (!options.takeValue(runtimeUrl) || runtimeUrl.isEmpty())
                return usageError(
                    QCoreApplication::translate("Cli", "--runtime needs a server URL"));
        } else {
            return usageError(QCoreApplication::translate("Cli", "unknown option %1").arg(a));
        }
    }
    if (!runtimeUrl.isEmpty())
        return remoteResources(runtimeUrl, json);
    kernel::ResourceProbe::Options probeOptions;
    probeOptions.diskPath = QDir::currentPath();
    kernel::ResourceProbe probe(probeOptions);
    const ResourceSnapshot snapshot = probe.sample();
    if (json)
        print(stdout,
              QString::fromStdString(kernel::toJson(snapshot, QStringLiteral("local")).dump(2)) +
                  QLatin1Char('\n'));
    else
        print(stdout, describe(snapshot, QStringLiteral("local")));
    return 0;
}

} // namespace quire::app
