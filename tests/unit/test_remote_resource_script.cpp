// The remote resource script's output parsed into a snapshot: canned sections (CPU window,
// memory, df, nvidia-smi answers and failures, TPU facts), and the script itself run by this
// machine's sh, checked against this machine.
#include "common/test_files.h"
#include "kernelclient/remote_resource_script.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTest>
#include <unistd.h>

using namespace quire::kernel;
namespace rr = quire::kernel::remote_resources;

namespace {

QString data(const char* name) {
    return QString::fromUtf8(
        quire::test::readFile(QStringLiteral(QUIRE_TEST_DATA "/resources/") + QLatin1String(name)));
}

const QString kStat1 =
    QStringLiteral("cpu  100 0 100 800 0 0 0 0 0 0\ncpu0 1 2 3 4\ncpu1 1 2 3 4\n");
const QString kStat2 =
    QStringLiteral("cpu  150 0 150 900 0 0 0 0 0 0\ncpu0 1 2 3 4\ncpu1 1 2 3 4\n");

} // namespace

class TestRemoteResourceScript : public QObject {
    Q_OBJECT

private slots:
    void sectionsAndHostFacts() {
        const QString output =
            QStringLiteral("noise before\n@QUIRE@stat1\n") + kStat1 +
            QStringLiteral("@QUIRE@stat2\n") + kStat2 +
            QStringLiteral("@QUIRE@meminfo\nMemTotal:       1000 kB\nMemFree: 10 kB\n"
                           "MemAvailable:    400 kB\n@QUIRE@pwd\n/home/ana\n@QUIRE@df\n"
                           "Filesystem     1-blocks    Used Available Capacity Mounted on\n"
                           "/dev/sda1 1000000 250000 700000 27% /home\n"
                           "@QUIRE@gpus_status\nmissing\n@QUIRE@pci\n@QUIRE@dev\n@QUIRE@vfio\n"
                           "@QUIRE@end\n");
        const auto sections = rr::splitSections(output);
        QCOMPARE(sections.value(QStringLiteral("pwd")), QStringLiteral("/home/ana\n"));
        std::optional<ResourceProbe::CpuTimes> previous;
        const ResourceSnapshot s = rr::parse(sections, &previous);
        QCOMPARE(s.cpuCount.value_or(0), 2);
        QCOMPARE(s.cpuPercent.value_or(-1), 50.0); // 100 busy of 200
        QVERIFY(previous && previous->total == 1200);
        QCOMPARE(s.memoryTotalBytes.value_or(0), quint64(1000 * 1024));
        QCOMPARE(s.memoryUsedBytes.value_or(0), quint64(600 * 1024));
        QCOMPARE(s.diskPath, QStringLiteral("/home/ana"));
        QCOMPARE(s.diskTotalBytes.value_or(0), quint64(1000000));
        QCOMPARE(s.diskUsedBytes.value_or(0), quint64(250000));
        QVERIFY(s.gpu.gpus.empty());
        QCOMPARE(s.gpu.unavailableReason,
                 QStringLiteral("nvidia-smi is not installed on this runtime"));
        QVERIFY(s.tpus.empty());

        // Without its own window: since the previous reading.
        rr::Sections later = sections;
        later.remove(QStringLiteral("stat1"));
        later[QStringLiteral("stat2")] =
            QStringLiteral("cpu  250 0 150 1000 0 0 0 0 0 0\ncpu0 1\ncpu1 1\n");
        QCOMPARE(rr::parse(later, &previous).cpuPercent.value_or(-1), 50.0);
        // Nothing to compare with: unknown, not 0.
        QVERIFY(!rr::parse(later).cpuPercent);
    }

    void gpusFromNvidiaSmi() {
        rr::Sections s;
        s[QStringLiteral("gpus_status")] = QStringLiteral("0\n");
        s[QStringLiteral("gpus")] = data("nvidia_smi_gpus.csv");
        s[QStringLiteral("apps_status")] = QStringLiteral("0\n");
        s[QStringLiteral("apps")] = data("nvidia_smi_apps.csv");
        const ResourceSnapshot snapshot = rr::parse(s);
        const auto json = nlohmann::json::parse(toJson(snapshot, QStringLiteral("r")).dump());
        const auto expected = nlohmann::json::parse(data("expected_gpus.json").toStdString());
        QVERIFY2(json["gpus"] == expected, json["gpus"].dump(2).c_str());
        QCOMPARE(snapshot.gpu.source, GpuSource::NvidiaSmi);

        // A failed process query leaves the process lists unknown.
        s[QStringLiteral("apps_status")] = QStringLiteral("2\n");
        QVERIFY(!rr::parse(s).gpu.gpus.front().processes.has_value());

        // nvidia-smi without a driver: its own first line is the reason.
        s[QStringLiteral("gpus_status")] = QStringLiteral("9\n");
        s[QStringLiteral("gpus")] = QStringLiteral("NVIDIA-SMI has failed because it couldn't "
                                                   "communicate with the NVIDIA driver.\n");
        const ResourceSnapshot failed = rr::parse(s);
        QVERIFY(failed.gpu.gpus.empty());
        QVERIFY2(failed.gpu.unavailableReason.startsWith(
                     QStringLiteral("nvidia-smi failed: NVIDIA-SMI has failed")),
                 qPrintable(failed.gpu.unavailableReason));
    }

    void tpusFromFacts() {
        rr::Sections s;
        // Two v5e chips (VFIO; one linked through its IOMMU group), a gVNIC, a v4 on accel.
        s[QStringLiteral("pci")] = QStringLiteral("0000:00:05.0 0x1ae0 0x0063 - -\n"
                                                  "0000:00:04.0 0x1ae0 0x0063 - 7\n"
                                                  "0000:00:06.0 0x1ae0 0x0042 - -\n"
                                                  "0000:00:07.0 0x1ae0 0x005e accel0 -\n");
        s[QStringLiteral("dev")] = QStringLiteral("accel0\n");
        s[QStringLiteral("vfio")] = QStringLiteral("7 vfio 8\n");
        const auto tpus = rr::parse(s).tpus;
        QCOMPARE(tpus.size(), size_t(3));
        QCOMPARE(tpus[0].pciAddress, QStringLiteral("0000:00:04.0"));
        QCOMPARE(tpus[0].generation, QStringLiteral("v5e"));
        QCOMPARE(tpus[0].devicePath.value_or(QString()), QStringLiteral("/dev/vfio/7"));
        QCOMPARE(tpus[1].devicePath.value_or(QString()), QStringLiteral("/dev/vfio/8"));
        QCOMPARE(tpus[2].generation, QStringLiteral("v4"));
        QCOMPARE(tpus[2].devicePath.value_or(QString()), QStringLiteral("/dev/accel0"));
    }

    void scriptOnThisMachine() {
        QProcess sh;
        sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), rr::shellCommand()});
        QVERIFY(sh.waitForFinished(30000));
        const QString out = QString::fromUtf8(sh.readAllStandardOutput());
        QVERIFY2(out.trimmed().endsWith(QStringLiteral("@QUIRE@end")), qPrintable(out));
        const ResourceSnapshot s = rr::parse(rr::splitSections(out));
        QCOMPARE(s.cpuCount.value_or(-1), int(sysconf(_SC_NPROCESSORS_ONLN)));
        QVERIFY(s.cpuPercent.has_value());
        QVERIFY(s.memoryTotalBytes.has_value() && s.memoryUsedBytes.has_value());
        QCOMPARE(QFileInfo(s.diskPath).canonicalFilePath(), QDir::current().canonicalPath());
        QVERIFY(s.diskTotalBytes.has_value());
    }
};

QTEST_GUILESS_MAIN(TestRemoteResourceScript)
#include "test_remote_resource_script.moc"
