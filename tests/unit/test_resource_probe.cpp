// The runtime inventory: NVML through a stand-in libnvidia-ml.so.1 (tests/fakes/fake_nvml.cpp),
// nvidia-smi through a stand-in script with recorded CSV, TPUs in a fake sysfs tree, and CPU,
// memory and disk against this machine's /proc and statvfs.
#include "common/test_files.h"
#include "kernelclient/nvidia_smi.h"
#include "kernelclient/nvml_library.h"
#include "kernelclient/resource_probe.h"
#include "kernelclient/tpu_inventory.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <dlfcn.h>
#include <sys/statvfs.h>
#include <thread>
#include <unistd.h>

using namespace quire::kernel;
using Json = nlohmann::json;

namespace {

const QString kModernNvml = QStringLiteral(QUIRE_FAKE_NVML_DIR "/libnvidia-ml.so.1");
const QString kLegacyNvml = QStringLiteral(QUIRE_FAKE_NVML_LEGACY_DIR "/libnvidia-ml.so.1");
const QString kFakeSmi = QStringLiteral(QUIRE_FAKES_DIR "/nvidia-smi");
const QString kMissingNvml = QStringLiteral("libquire-test-no-such-nvml.so.1");

Json expectedGpus() {
    return Json::parse(
        quire::test::readFile(QStringLiteral(QUIRE_TEST_DATA "/resources/expected_gpus.json"))
            .toStdString());
}

// The GPUs as `quire resources --json` writes them.
Json gpusJson(const std::vector<GpuDevice>& gpus) {
    ResourceSnapshot s;
    s.gpu.gpus = gpus;
    return Json::parse(toJson(s, QStringLiteral("local")).dump())["gpus"];
}

void compareJson(const Json& actual, const Json& expected) {
    QVERIFY2(actual == expected, qPrintable(QStringLiteral("got\n%1\nexpected\n%2")
                                                .arg(QString::fromStdString(actual.dump(2)),
                                                     QString::fromStdString(expected.dump(2)))));
}

void makeFile(const QString& path, const QByteArray& text = {}) {
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    quire::test::writeFile(path, text);
}

// A PCI device in a fake sysfs tree.
void addPciDevice(const QString& root, const QString& address, const char* vendor,
                  const char* device) {
    const QString dir = root + QStringLiteral("/sys/bus/pci/devices/") + address;
    makeFile(dir + QStringLiteral("/vendor"), QByteArray(vendor) + '\n');
    makeFile(dir + QStringLiteral("/device"), QByteArray(device) + '\n');
}

// Restores an environment variable when the test function ends.
struct EnvGuard {
    explicit EnvGuard(const char* name, const QByteArray& value)
        : m_name(name), m_had(qEnvironmentVariableIsSet(name)), m_old(qgetenv(name)) {
        qputenv(name, value);
    }
    ~EnvGuard() {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }
    const char* m_name;
    bool m_had;
    QByteArray m_old;
};

} // namespace

class TestResourceProbe : public QObject {
    Q_OBJECT

private slots:
    void nvmlModernLibrary();
    void nvmlLegacyLibrary();
    void nvmlInitFailures_data();
    void nvmlInitFailures();
    void nvmlMissing();
    void nvmlGpuLostMidRun();
    void nvidiaSmiParsing();
    void nvidiaSmiQuery();
    void nvidiaSmiFailures();
    void probeUsesNvml();
    void probeFallsBackToNvidiaSmi();
    void probeWithoutNvidia();
    void probeOnWorkerThread();
    void tpuVfioLayout();
    void tpuAccelLayout();
    void tpuLinkedNodes();
    void tpuIgnoresOtherGoogleDevices();
    void cpuAndMemoryFromFakeProc();
    void thisMachine();
    void jsonShape();
};

void TestResourceProbe::nvmlModernLibrary() {
    // The test keeps its own reference, so it can ask the fake how many inits are still open.
    void* fake = dlopen(QFile::encodeName(kModernNvml).constData(), RTLD_NOW | RTLD_LOCAL);
    QVERIFY2(fake, dlerror());
    auto activeInits = reinterpret_cast<int (*)()>(dlsym(fake, "fake_nvml_active_inits"));
    QVERIFY(activeInits);
    QCOMPARE(activeInits(), 0);
    {
        NvmlLibrary nvml({kMissingNvml, kModernNvml});
        QVERIFY2(nvml.isReady(), qPrintable(nvml.error()));
        QCOMPARE(activeInits(), 1);
        QString error;
        const auto gpus = nvml.devices(&error);
        QVERIFY2(gpus, qPrintable(error));
        // GPU 0's processes grew between queries: three, found after two INSUFFICIENT_SIZE.
        compareJson(gpusJson(*gpus), expectedGpus());
        // Sampling again uses the same initialised library.
        QVERIFY(nvml.devices());
        QCOMPARE(activeInits(), 1);
    }
    QCOMPARE(activeInits(), 0); // nvmlShutdown on destruction
    dlclose(fake);
}

void TestResourceProbe::nvmlLegacyLibrary() {
    // Only nvmlInit, GetCount, GetHandleByIndex, GetMemoryInfo and the plain process query
    // (16-byte records): their "used" memory includes the driver's reserve.
    NvmlLibrary nvml({kLegacyNvml});
    QVERIFY2(nvml.isReady(), qPrintable(nvml.error()));
    const auto gpus = nvml.devices();
    QVERIFY(gpus);
    Json expected = expectedGpus();
    expected[0]["memory_used_bytes"] = (1177 + 568) * 1048576ULL;
    expected[1]["memory_used_bytes"] = 568 * 1048576ULL;
    compareJson(gpusJson(*gpus), expected);
}

void TestResourceProbe::nvmlInitFailures_data() {
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QString>("reason");
    QTest::newRow("driver not loaded")
        << QByteArray("9") << QStringLiteral("the NVIDIA driver is not loaded");
    QTest::newRow("library not found")
        << QByteArray("12") << QStringLiteral("no NVIDIA driver found on this runtime");
    QTest::newRow("version mismatch")
        << QByteArray("18")
        << QStringLiteral("the NVIDIA driver and library versions do not match");
    QTest::newRow("no permission")
        << QByteArray("4") << QStringLiteral("no permission to use the NVIDIA driver");
    QTest::newRow("other") << QByteArray("999")
                           << QStringLiteral("the NVIDIA management library failed (error 999)");
}

void TestResourceProbe::nvmlInitFailures() {
    QFETCH(QByteArray, code);
    QFETCH(QString, reason);
    EnvGuard env("FAKE_NVML_INIT_RESULT", code);
    NvmlLibrary nvml({kModernNvml});
    QVERIFY(!nvml.isReady());
    QCOMPARE(nvml.error(), reason);
    QString error;
    QVERIFY(!nvml.devices(&error));
    QCOMPARE(error, reason);
}

void TestResourceProbe::nvmlMissing() {
    NvmlLibrary nvml({kMissingNvml});
    QVERIFY(!nvml.isReady());
    QCOMPARE(nvml.error(), QStringLiteral("no NVIDIA driver found on this runtime"));
    QVERIFY(!nvml.devices());
}

// A GPU that falls off the bus between two samples: still listed, nothing known about it
// (N/A everywhere), the other GPU unaffected, no crash.
void TestResourceProbe::nvmlGpuLostMidRun() {
    NvmlLibrary nvml({kModernNvml});
    QVERIFY(nvml.isReady());
    auto before = nvml.devices();
    QVERIFY(before && before->size() == 2);
    QVERIFY((*before)[1].name.has_value());
    EnvGuard lost("FAKE_NVML_LOST_GPU", "1");
    auto after = nvml.devices();
    QVERIFY(after && after->size() == 2);
    QCOMPARE((*after)[1].index, 1);
    QVERIFY(!(*after)[1].name && !(*after)[1].memoryTotalBytes && !(*after)[1].utilizationPercent);
    QVERIFY((*after)[0].name.has_value());
    QVERIFY((*after)[0].memoryTotalBytes.has_value());
}

void TestResourceProbe::nvidiaSmiParsing() {
    auto gpus = nvidia_smi::parseGpus(QString::fromUtf8(
        quire::test::readFile(QStringLiteral(QUIRE_TEST_DATA "/resources/nvidia_smi_gpus.csv"))));
    QCOMPARE(gpus.size(), size_t(2));
    QVERIFY(!gpus[0].processes); // unknown until the process query
    nvidia_smi::attachProcesses(QString::fromUtf8(quire::test::readFile(QStringLiteral(
                                    QUIRE_TEST_DATA "/resources/nvidia_smi_apps.csv"))),
                                gpus);
    compareJson(gpusJson(gpus), expectedGpus());

    // Lenient with what other versions print: \r\n, a short line, "[Unknown Error]".
    gpus = nvidia_smi::parseGpus(u"0, Tesla T4, GPU-x, [Unknown Error], 0, 300, 15360, 41, 27.31, "
                                 u"70.00, 585\r\nbroken line\r\n");
    QCOMPARE(gpus.size(), size_t(1));
    QCOMPARE(gpus[0].name, QStringLiteral("Tesla T4"));
    QVERIFY(!gpus[0].utilizationPercent);
    QCOMPARE(gpus[0].memoryTotalBytes, 15360 * 1048576ULL);
    QCOMPARE(gpus[0].powerW, 27.31);
    QCOMPARE(gpus[0].smClockMhz, 585);
    nvidia_smi::attachProcesses(u"", gpus);
    QVERIFY(gpus[0].processes && gpus[0].processes->empty()); // known: none
}

void TestResourceProbe::nvidiaSmiQuery() {
    QTemporaryDir tmp;
    const QString log = tmp.filePath(QStringLiteral("args.log"));
    EnvGuard env("FAKE_NVIDIA_SMI_LOG", QFile::encodeName(log));
    QString error;
    const auto gpus = nvidia_smi::query(kFakeSmi, 5000, &error);
    QVERIFY2(gpus, qPrintable(error));
    compareJson(gpusJson(*gpus), expectedGpus());
    // Exactly the two documented queries.
    QCOMPARE(QString::fromUtf8(quire::test::readFile(log)),
             nvidia_smi::gpuQueryArguments().join(QLatin1Char(' ')) + QLatin1Char('\n') +
                 nvidia_smi::processQueryArguments().join(QLatin1Char(' ')) + QLatin1Char('\n'));
}

void TestResourceProbe::nvidiaSmiFailures() {
    QString error;
    QVERIFY(!nvidia_smi::query(QStringLiteral("/nonexistent/nvidia-smi"), 5000, &error));
    QVERIFY(!error.isEmpty());
    {
        EnvGuard env("FAKE_NVIDIA_SMI_MODE", "fail");
        QVERIFY(!nvidia_smi::query(kFakeSmi, 5000, &error));
        QVERIFY2(error.startsWith(QStringLiteral("nvidia-smi failed: NVIDIA-SMI has failed because "
                                                 "it couldn't communicate with the NVIDIA driver")),
                 qPrintable(error));
    }
    {
        EnvGuard env("FAKE_NVIDIA_SMI_MODE", "hang");
        QElapsedTimer clock;
        clock.start();
        QVERIFY(!nvidia_smi::query(kFakeSmi, 300, &error));
        QCOMPARE(error, QStringLiteral("nvidia-smi did not answer within 0.3 seconds"));
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    }
}

void TestResourceProbe::probeUsesNvml() {
    ResourceProbe::Options options;
    options.nvmlLibraries = {kModernNvml};
    options.nvidiaSmi = QStringLiteral("/nonexistent/nvidia-smi");
    ResourceProbe probe(options);
    ResourceSnapshot s = probe.sample();
    QCOMPARE(s.gpu.source, GpuSource::Nvml);
    QVERIFY(s.gpu.unavailableReason.isEmpty());
    compareJson(gpusJson(s.gpu.gpus), expectedGpus());
    QCOMPARE(s.accelerators().value(0), QStringLiteral("GPU"));
    s = probe.sample(); // the library stays loaded between samples
    QCOMPARE(s.gpu.gpus.size(), size_t(2));
}

void TestResourceProbe::probeFallsBackToNvidiaSmi() {
    ResourceProbe::Options options;
    options.nvmlLibraries = {kMissingNvml};
    options.nvidiaSmi = kFakeSmi;
    ResourceProbe probe(options);
    const ResourceSnapshot s = probe.sample();
    QCOMPARE(s.gpu.source, GpuSource::NvidiaSmi);
    compareJson(gpusJson(s.gpu.gpus), expectedGpus());
}

void TestResourceProbe::probeWithoutNvidia() {
    QTemporaryDir root; // no TPUs either
    ResourceProbe::Options options;
    options.root = root.path();
    options.nvmlLibraries = {kMissingNvml};
    options.nvidiaSmi = QStringLiteral("nvidia-smi-that-is-not-installed");
    ResourceProbe probe(options);
    const ResourceSnapshot s = probe.sample();
    QCOMPARE(s.gpu.source, GpuSource::None);
    QVERIFY(s.gpu.gpus.empty());
    QCOMPARE(s.gpu.unavailableReason, QStringLiteral("no NVIDIA driver found on this runtime"));
    QVERIFY(s.tpus.empty());
    QVERIFY(s.accelerators().isEmpty());
}

void TestResourceProbe::probeOnWorkerThread() {
    // As a dock will use it: made on one thread, sampled repeatedly on a worker without an
    // event loop (nvidia-smi through QProcess there), destroyed after the last sample.
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    ResourceProbe::Options options;
    options.nvmlLibraries = {kMissingNvml};
    options.nvidiaSmi = kFakeSmi;
    auto probe = std::make_unique<ResourceProbe>(options);
    std::vector<ResourceSnapshot> snapshots;
    std::thread worker([&] {
        for (int i = 0; i < 3; ++i)
            snapshots.push_back(probe->sample());
        probe.reset();
    });
    worker.join();
    QCOMPARE(snapshots.size(), size_t(3));
    for (const ResourceSnapshot& s : snapshots) {
        QCOMPARE(s.gpu.source, GpuSource::NvidiaSmi);
        QCOMPARE(s.gpu.gpus.size(), size_t(2));
        QVERIFY(s.memoryTotalBytes);
    }
    QVERIFY(snapshots[0].cpuPercent); // the first one waited for its CPU window
}

void TestResourceProbe::tpuVfioLayout() {
    QTemporaryDir root;
    addPciDevice(root.path(), QStringLiteral("0000:00:04.0"), "0x1ae0", "0x0063");
    makeFile(root.filePath(QStringLiteral("dev/vfio/0")));
    makeFile(root.filePath(QStringLiteral("dev/vfio/vfio"))); // VFIO's control node
    const auto tpus = scanTpus(root.path());
    QCOMPARE(tpus.size(), size_t(1));
    QCOMPARE(tpus[0].index, 0);
    QCOMPARE(tpus[0].generation, QStringLiteral("v5e"));
    QCOMPARE(tpus[0].pciAddress, QStringLiteral("0000:00:04.0"));
    QCOMPARE(tpus[0].devicePath, QStringLiteral("/dev/vfio/0"));

    ResourceProbe::Options options;
    options.root = root.path();
    options.nvmlLibraries = {kMissingNvml};
    options.nvidiaSmi = QStringLiteral("/nonexistent/nvidia-smi");
    const ResourceSnapshot s = ResourceProbe(options).sample();
    QCOMPARE(s.accelerators(), QStringList{QStringLiteral("TPU")});
    const Json json = Json::parse(toJson(s, QStringLiteral("local")).dump());
    compareJson(json["tpus"], Json::parse(R"([{"index": 0, "generation": "v5e",
                                               "device_path": "/dev/vfio/0"}])"));
}

void TestResourceProbe::tpuAccelLayout() {
    QTemporaryDir root;
    // A v4 host: four chips as /dev/accel0..3, numbered in PCI order (accel10 sorts as 10).
    const char* addresses[] = {"0000:00:05.0", "0000:00:06.0", "0000:00:07.0", "0000:00:08.0"};
    for (const char* address : addresses)
        addPciDevice(root.path(), QLatin1String(address), "0x1ae0", "0x005e");
    for (const char* node : {"dev/accel10", "dev/accel2", "dev/accel1", "dev/accel0"})
        makeFile(root.filePath(QLatin1String(node)));
    const auto tpus = scanTpus(root.path());
    QCOMPARE(tpus.size(), size_t(4));
    const char* expected[] = {"/dev/accel0", "/dev/accel1", "/dev/accel2", "/dev/accel10"};
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(tpus[i].index, i);
        QCOMPARE(tpus[i].generation, QStringLiteral("v4"));
        QCOMPARE(tpus[i].pciAddress, QLatin1String(addresses[i]));
        QCOMPARE(tpus[i].devicePath, QLatin1String(expected[i]));
    }

    QTemporaryDir noNodes; // the driver is not bound: a chip without a node
    addPciDevice(noNodes.path(), QStringLiteral("0000:00:05.0"), "0x1ae0", "0x0027");
    const auto unbound = scanTpus(noNodes.path());
    QCOMPARE(unbound.size(), size_t(1));
    QCOMPARE(unbound[0].generation, QStringLiteral("v2/v3"));
    QVERIFY(!unbound[0].devicePath);
}

void TestResourceProbe::tpuLinkedNodes() {
    // When sysfs links a device to its node, that wins over the order.
    QTemporaryDir root;
    const QString pci = root.filePath(QStringLiteral("sys/bus/pci/devices/"));
    addPciDevice(root.path(), QStringLiteral("0000:00:04.0"), "0x1ae0", "0x0062");
    addPciDevice(root.path(), QStringLiteral("0000:00:05.0"), "0x1ae0", "0x006f");
    QVERIFY(QDir().mkpath(root.filePath(QStringLiteral("sys/kernel/iommu_groups/7"))));
    QVERIFY(QDir().mkpath(root.filePath(QStringLiteral("sys/kernel/iommu_groups/3"))));
    QVERIFY(QFile::link(QStringLiteral("../../../../kernel/iommu_groups/7"),
                        pci + QStringLiteral("0000:00:04.0/iommu_group")));
    QVERIFY(QFile::link(QStringLiteral("../../../../kernel/iommu_groups/3"),
                        pci + QStringLiteral("0000:00:05.0/iommu_group")));
    makeFile(root.filePath(QStringLiteral("dev/vfio/3")));
    makeFile(root.filePath(QStringLiteral("dev/vfio/7")));
    auto tpus = scanTpus(root.path());
    QCOMPARE(tpus.size(), size_t(2));
    QCOMPARE(tpus[0].generation, QStringLiteral("v5p"));
    QCOMPARE(tpus[0].devicePath, QStringLiteral("/dev/vfio/7"));
    QCOMPARE(tpus[1].generation, QStringLiteral("v6e"));
    QCOMPARE(tpus[1].devicePath, QStringLiteral("/dev/vfio/3"));

    addPciDevice(root.path(), QStringLiteral("0000:00:06.0"), "0x1ae0", "0x005e");
    addPciDevice(root.path(), QStringLiteral("0000:00:07.0"), "0x1ae0", "0x005e");
    QVERIFY(QDir().mkpath(pci + QStringLiteral("0000:00:06.0/accel/accel1")));
    makeFile(root.filePath(QStringLiteral("dev/accel0")));
    makeFile(root.filePath(QStringLiteral("dev/accel1")));
    tpus = scanTpus(root.path());
    QCOMPARE(tpus.size(), size_t(4));
    QCOMPARE(tpus[2].devicePath, QStringLiteral("/dev/accel1")); // linked
    QCOMPARE(tpus[3].devicePath, QStringLiteral("/dev/accel0")); // the one left
}

void TestResourceProbe::tpuIgnoresOtherGoogleDevices() {
    QTemporaryDir root;
    addPciDevice(root.path(), QStringLiteral("0000:00:03.0"), "0x1ae0", "0x0042"); // gVNIC
    addPciDevice(root.path(), QStringLiteral("0000:00:04.0"), "0x10de", "0x2335"); // an H200
    addPciDevice(root.path(), QStringLiteral("0000:00:05.0"), "0x1ae0", "garbage");
    makeFile(root.filePath(QStringLiteral("dev/vfio/0")));
    QVERIFY(scanTpus(root.path()).empty());
    QVERIFY(scanTpus(root.filePath(QStringLiteral("missing"))).empty());
    QCOMPARE(tpuGeneration(0x0063), QStringLiteral("v5e"));
    QVERIFY(!tpuGeneration(0x0042));
}

void TestResourceProbe::cpuAndMemoryFromFakeProc() {
    QTemporaryDir root;
    const QString stat = root.filePath(QStringLiteral("proc/stat"));
    // user nice system idle iowait irq softirq steal guest guest_nice
    makeFile(stat, "cpu  1000 0 500 8000 500 0 0 0 300 0\n"
                   "cpu0 500 0 250 4000 250 0 0 0 150 0\n"
                   "cpu1 500 0 250 4000 250 0 0 0 150 0\n"
                   "cpu2 0 0 0 0 0 0 0 0 0 0\n"
                   "intr 12345\nctxt 999\n");
    makeFile(root.filePath(QStringLiteral("proc/meminfo")),
             "MemTotal:       16384000 kB\nMemFree:         1000000 kB\n"
             "MemAvailable:    4096000 kB\nBuffers:          100 kB\n");
    ResourceProbe::Options options;
    options.root = root.path();
    options.diskPath = root.path();
    options.nvmlLibraries = {kMissingNvml};
    options.nvidiaSmi = QStringLiteral("/nonexistent/nvidia-smi");
    ResourceProbe probe(options); // first /proc/stat reading
    // 1000 more jiffies of which 250 busy (guest time is inside user, not counted twice).
    makeFile(stat, "cpu  1200 0 550 8700 550 0 0 0 999 0\n"
                   "cpu0 600 0 275 4350 275 0 0 0 500 0\n"
                   "cpu1 600 0 275 4350 275 0 0 0 499 0\n"
                   "cpu2 0 0 0 0 0 0 0 0 0 0\n");
    QElapsedTimer clock;
    clock.start();
    ResourceSnapshot s = probe.sample();
    QCOMPARE(s.cpuCount, 3);
    QCOMPARE(s.cpuPercent, 25.0);
    QCOMPARE(s.memoryTotalBytes, 16384000ULL * 1024);
    QCOMPARE(s.memoryUsedBytes, (16384000ULL - 4096000) * 1024);
    QCOMPARE(s.diskPath, QDir::cleanPath(root.path()));
    QVERIFY(s.diskTotalBytes && *s.diskTotalBytes > 0);

    // No time passed in /proc/stat: the percent is unknown, not 0.
    s = probe.sample();
    QVERIFY(!s.cpuPercent);

    // Without MemAvailable (kernels before 3.14) used memory is unknown.
    makeFile(root.filePath(QStringLiteral("proc/meminfo")), "MemTotal: 2048 kB\n");
    s = probe.sample();
    QCOMPARE(s.memoryTotalBytes, 2048ULL * 1024);
    QVERIFY(!s.memoryUsedBytes);

    QVERIFY(!ResourceProbe::parseProcStat("cpu  a b c d\n"));
    QVERIFY(!ResourceProbe::parseProcStat(""));
}

void TestResourceProbe::thisMachine() {
    QElapsedTimer clock;
    clock.start();
    ResourceProbe probe; // defaults: "/", the current folder
    const ResourceSnapshot s = probe.sample();
    QVERIFY2(clock.elapsed() >= ResourceProbe::kFirstCpuWindowMs - 5,
             qPrintable(QString::number(clock.elapsed())));

    QCOMPARE(s.cpuCount, int(sysconf(_SC_NPROCESSORS_ONLN)));
    QVERIFY(s.cpuPercent);
    QVERIFY2(*s.cpuPercent >= 0 && *s.cpuPercent <= 100,
             qPrintable(QString::number(*s.cpuPercent)));

    const QByteArray meminfo = quire::test::readFile(QStringLiteral("/proc/meminfo"));
    const QByteArray totalLine = meminfo.split('\n').value(0); // "MemTotal: N kB"
    QVERIFY(totalLine.startsWith("MemTotal:"));
    const quint64 memTotalKb = totalLine.mid(9).simplified().split(' ').value(0).toULongLong();
    QCOMPARE(s.memoryTotalBytes, memTotalKb * 1024);
    QVERIFY(s.memoryUsedBytes && *s.memoryUsedBytes > 0 && *s.memoryUsedBytes < memTotalKb * 1024);

    QCOMPARE(s.diskPath, QDir::currentPath());
    struct statvfs fs {};
    QCOMPARE(statvfs(".", &fs), 0);
    QCOMPARE(s.diskTotalBytes, quint64(fs.f_blocks) * fs.f_frsize);
    // Other processes write meanwhile: "used" agrees with df within 1 GiB.
    QProcess df;
    df.start(QStringLiteral("df"),
             {QStringLiteral("-B1"), QStringLiteral("--output=size,used"), QStringLiteral(".")});
    QVERIFY(df.waitForFinished(10000));
    const QList<QByteArray> dfLine =
        df.readAllStandardOutput().split('\n').value(1).simplified().split(' ');
    QCOMPARE(s.diskTotalBytes, dfLine.value(0).toULongLong());
    const qint64 usedDifference = qint64(*s.diskUsedBytes) - dfLine.value(1).toLongLong();
    QVERIFY2(std::abs(usedDifference) < (1LL << 30), qPrintable(QString::number(usedDifference)));
}

void TestResourceProbe::jsonShape() {
    ResourceSnapshot s;
    s.cpuCount = 8;
    s.diskPath = QStringLiteral("/home/me");
    s.diskTotalBytes = 1000;
    GpuDevice gpu;
    gpu.index = 0;
    gpu.name = QStringLiteral("Tesla T4");
    s.gpu.gpus.push_back(gpu);
    s.tpus.push_back({0, QStringLiteral("v4"), QStringLiteral("0000:00:05.0"), std::nullopt});
    const auto json = toJson(s, QStringLiteral("local"));
    // Key order as documented, every unknown value null.
    QCOMPARE(QString::fromStdString(json.dump()),
             QStringLiteral(
                 R"({"runtime":"local","cpu":{"count":8,"percent":null},)"
                 R"("memory":{"total_bytes":null,"used_bytes":null},)"
                 R"("disk":{"path":"/home/me","total_bytes":1000,"used_bytes":null},)"
                 R"("gpus":[{"index":0,"name":"Tesla T4","uuid":null,"utilization_percent":null,)"
                 R"("memory_used_bytes":null,"memory_total_bytes":null,"temperature_c":null,)"
                 R"("power_w":null,"power_limit_w":null,"sm_clock_mhz":null,"processes":null}],)"
                 R"("tpus":[{"index":0,"generation":"v4","device_path":null}],)"
                 R"("accelerators":["GPU","TPU"],"notes":[]})"));
}

QTEST_GUILESS_MAIN(TestResourceProbe)
#include "test_resource_probe.moc"
