// `quire resources` end to end: the real binary, with a stand-in libnvidia-ml.so.1 found
// through LD_LIBRARY_PATH, a stand-in nvidia-smi found through PATH, or neither.
#include "common/run_process.h"
#include "common/test_files.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <dlfcn.h>
#include <sys/statvfs.h>
#include <unistd.h>

using Json = nlohmann::json;

namespace {

using Result = quire::test::ProcessResult;

// Runs quire in `workDir` with PATH and LD_LIBRARY_PATH as given (null: unchanged), in English.
Result runQuire(const QStringList& args, const QString& workDir, const QString& path,
                const QString& libraryPath = QString()) {
    QProcessEnvironment env = quire::test::englishEnvironment();
    if (!path.isNull())
        env.insert(QStringLiteral("PATH"), path);
    if (!libraryPath.isNull())
        env.insert(QStringLiteral("LD_LIBRARY_PATH"), libraryPath);
    return quire::test::runProcess(QStringLiteral(QUIRE_BIN), args, {env, workDir, 60000});
}

// LD_LIBRARY_PATH with `dir` first.
QString libraryPathWith(const QString& dir) {
    const QString old = qEnvironmentVariable("LD_LIBRARY_PATH");
    return old.isEmpty() ? dir : dir + QLatin1Char(':') + old;
}

// On a machine with a real NVIDIA driver the "no NVML" cases cannot be arranged by environment.
bool realNvmlReachable() {
    void* handle = dlopen("libnvidia-ml.so.1", RTLD_LAZY | RTLD_LOCAL);
    if (handle)
        dlclose(handle);
    return handle != nullptr;
}

Json expectedGpus() {
    return Json::parse(
        quire::test::readFile(QStringLiteral(QUIRE_TEST_DATA "/resources/expected_gpus.json"))
            .toStdString());
}

void compareJson(const Json& actual, const Json& expected) {
    QVERIFY2(actual == expected, qPrintable(QStringLiteral("got\n%1\nexpected\n%2")
                                                .arg(QString::fromStdString(actual.dump(2)),
                                                     QString::fromStdString(expected.dump(2)))));
}

// Checks everything but "gpus" against this machine; returns the parsed document.
Json checkSnapshot(const Result& r) {
    if (r.code != 0) {
        qWarning() << r.err;
        return nullptr;
    }
    const auto json = nlohmann::ordered_json::parse(r.out.toStdString(), nullptr, false);
    if (json.is_discarded()) {
        qWarning() << "not JSON:" << r.out;
        return nullptr;
    }
    std::vector<std::string> keys;
    for (const auto& item : json.items())
        keys.push_back(item.key());
    const std::vector<std::string> expectedKeys = {"runtime", "cpu",  "memory",       "disk",
                                                   "gpus",    "tpus", "accelerators", "notes"};
    if (keys != expectedKeys) {
        qWarning() << "keys:" << r.out;
        return nullptr;
    }
    return Json::parse(json.dump());
}

} // namespace

class TestResourcesCli : public QObject {
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_work.isValid() && m_emptyPath.isValid()); }
    void help();
    void unknownOption();
    void jsonWithNvml();
    void jsonWithLegacyNvml();
    void textWithNvml();
    void jsonWithNvidiaSmi();
    void withoutNvidia();

private:
    QTemporaryDir m_work;      // the current folder of quire: its disk is reported
    QTemporaryDir m_emptyPath; // PATH without nvidia-smi
};

void TestResourcesCli::help() {
    Result r = runQuire({QStringLiteral("resources"), QStringLiteral("--help")}, m_work.path(), {});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("Usage: quire resources [--json] [--runtime URL]\n")),
             qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("\n--runtime URL measures a Jupyter Server")));
    r = runQuire({QStringLiteral("--help")}, m_work.path(), {});
    QVERIFY2(r.out.contains(QStringLiteral("\n  resources  show the CPUs, memory, disk, GPUs and "
                                           "TPUs of this machine\n")),
             qPrintable(r.out));
}

void TestResourcesCli::unknownOption() {
    const Result r =
        runQuire({QStringLiteral("resources"), QStringLiteral("--remote"), QStringLiteral("colab")},
                 m_work.path(), {});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("unknown option --remote")), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestResourcesCli::jsonWithNvml() {
    const Result r =
        runQuire({QStringLiteral("resources"), QStringLiteral("--json")}, m_work.path(),
                 m_emptyPath.path(), libraryPathWith(QStringLiteral(QUIRE_FAKE_NVML_DIR)));
    const Json json = checkSnapshot(r);
    QVERIFY(!json.is_null());
    QVERIFY(json["runtime"] == "local");

    // CPU, memory and disk of this machine.
    QCOMPARE(json["cpu"]["count"].get<long>(), sysconf(_SC_NPROCESSORS_ONLN));
    QVERIFY(json["cpu"]["percent"].is_number());
    const double percent = json["cpu"]["percent"];
    QVERIFY(percent >= 0 && percent <= 100);
    const QByteArray meminfo = quire::test::readFile(QStringLiteral("/proc/meminfo"));
    const quint64 memTotal =
        meminfo.split('\n').value(0).mid(9).simplified().split(' ').value(0).toULongLong() * 1024;
    QCOMPARE(json["memory"]["total_bytes"].get<quint64>(), memTotal);
    QVERIFY(json["memory"]["used_bytes"].get<quint64>() < memTotal);
    QCOMPARE(QString::fromStdString(json["disk"]["path"]),
             QFileInfo(m_work.path()).canonicalFilePath());
    struct statvfs fs {};
    QCOMPARE(statvfs(QFile::encodeName(m_work.path()).constData(), &fs), 0);
    QCOMPARE(json["disk"]["total_bytes"].get<quint64>(), quint64(fs.f_blocks) * fs.f_frsize);
    QVERIFY(json["disk"]["used_bytes"].is_number_unsigned());

    // The two fake GPUs, every value; NOT_SUPPORTED as null.
    compareJson(json["gpus"], expectedGpus());
    QVERIFY(json["tpus"].is_array());
    Json accelerators = Json::array({"GPU"});
    if (!json["tpus"].empty())
        accelerators.push_back("TPU");
    compareJson(json["accelerators"], accelerators);
}

void TestResourcesCli::jsonWithLegacyNvml() {
    const Result r =
        runQuire({QStringLiteral("resources"), QStringLiteral("--json")}, m_work.path(),
                 m_emptyPath.path(), libraryPathWith(QStringLiteral(QUIRE_FAKE_NVML_LEGACY_DIR)));
    const Json json = checkSnapshot(r);
    QVERIFY(!json.is_null());
    Json expected = expectedGpus();
    expected[0]["memory_used_bytes"] = (1177 + 568) * 1048576ULL; // GetMemoryInfo (v1)
    expected[1]["memory_used_bytes"] = 568 * 1048576ULL;
    compareJson(json["gpus"], expected);
}

void TestResourcesCli::textWithNvml() {
    const Result r = runQuire({QStringLiteral("resources")}, m_work.path(), m_emptyPath.path(),
                              libraryPathWith(QStringLiteral(QUIRE_FAKE_NVML_DIR)));
    QCOMPARE(r.code, 0);
    const QString expected[] = {
        QStringLiteral("Runtime: local\n"),
        QStringLiteral("\nGPU 0: NVIDIA H200 (GPU-1f0c6a2e-8d3b-4c71-9a52-6e0b3d7c9f10)\n"
                       "  utilization 37%, memory 1.1 GiB used of 140.4 GiB, 45 °C\n"
                       "  power 123.5 W of 700.0 W, SM clock 1980 MHz\n"
                       "  processes: 4242 (1.0 GiB), 4343 (N/A), 4444 (128.0 MiB)\n"),
        QStringLiteral("\nGPU 1: NVIDIA H200 (GPU-7b2d9e41-0c5a-4f83-b6e7-2a9c1d8f4e35)\n"
                       "  utilization 0%, memory 0 bytes used of 140.4 GiB, 38 °C\n"
                       "  power N/A of N/A, SM clock N/A\n"
                       "  processes: none\n"),
        QStringLiteral("\nAccelerators: GPU")};
    for (const QString& part : expected)
        QVERIFY2(r.out.contains(part),
                 qPrintable(QStringLiteral("%1\nlacks\n%2").arg(r.out, part)));
    QVERIFY2(QRegularExpression(QStringLiteral("\nCPUs: \\d+, \\d+\\.\\d% busy\n"))
                 .match(r.out)
                 .hasMatch(),
             qPrintable(r.out));
}

void TestResourcesCli::jsonWithNvidiaSmi() {
    if (realNvmlReachable())
        QSKIP("a real libnvidia-ml.so.1 is installed; the unit test covers the fallback");
    const QString path = QStringLiteral(QUIRE_FAKES_DIR ":/usr/bin:/bin");
    const Result r =
        runQuire({QStringLiteral("resources"), QStringLiteral("--json")}, m_work.path(), path);
    const Json json = checkSnapshot(r);
    QVERIFY(!json.is_null());
    compareJson(json["gpus"], expectedGpus()); // the same as through NVML
    QVERIFY(json["accelerators"][0] == "GPU");

    const Result text = runQuire({QStringLiteral("resources")}, m_work.path(), path);
    QVERIFY2(text.out.contains(QStringLiteral("\nGPUs (from nvidia-smi):\nGPU 0: NVIDIA H200")),
             qPrintable(text.out));
}

void TestResourcesCli::withoutNvidia() {
    if (realNvmlReachable())
        QSKIP("a real libnvidia-ml.so.1 is installed; the unit test covers its absence");
    Result r = runQuire({QStringLiteral("resources"), QStringLiteral("--json")}, m_work.path(),
                        m_emptyPath.path());
    const Json json = checkSnapshot(r);
    QVERIFY(!json.is_null());
    compareJson(json["gpus"], Json::array());
    compareJson(json["accelerators"], json["tpus"].empty() ? Json::array() : Json::array({"TPU"}));

    r = runQuire({QStringLiteral("resources")}, m_work.path(), m_emptyPath.path());
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("\nGPUs: none (no NVIDIA driver found on this "
                                           "runtime)\n")),
             qPrintable(r.out));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestResourcesCli)
#include "test_resources_cli.moc"
