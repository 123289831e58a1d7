// The resource monitor dock: what the probe finds here (no GPU on the test machine: the reason
// shows), GPU cards from a synthetic two-GPU snapshot (unknown values read "N/A"), the history
// rings (growing, capped), sampling only while the dock is visible, and the interval setting.
#include "app/app_settings.h"
#include "app/controllers/view_controller.h"
#include "app/gpu_card.h"
#include "app/history_chart.h"
#include "app/main_window.h"
#include "app/resource_dock.h"
#include "app/resource_history.h"
#include "app/resource_indicator.h"
#include "app/resource_sampler.h"
#include "app/settings_dialog.h"
#include "app/theme.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QLabel>
#include <QMenuBar>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

using namespace quire;
using app::AppSettings;
using app::GpuCard;
using app::ResourceDock;
using app::ResourceHistory;
using app::ResourceSampler;

namespace {
constexpr quint64 GiB = 1024ull * 1024 * 1024;

kernel::ResourceSnapshot twoGpus(int step) {
    kernel::ResourceSnapshot s;
    s.cpuCount = 8;
    s.cpuPercent = 10.0 + (step * 7) % 60;
    s.memoryTotalBytes = 32 * GiB;
    s.memoryUsedBytes = 12 * GiB;
    s.diskPath = QStringLiteral("/data");
    s.diskTotalBytes = 500 * GiB;
    s.diskUsedBytes = 200 * GiB;
    s.gpu.source = kernel::GpuSource::Nvml;
    kernel::GpuDevice a;
    a.index = 0;
    a.name = QStringLiteral("NVIDIA A100-SXM4-40GB");
    a.utilizationPercent = (step * 17) % 100;
    a.memoryUsedBytes = 10 * GiB;
    a.memoryTotalBytes = 40 * GiB;
    a.temperatureC = 54;
    a.powerW = 180.5;
    a.powerLimitW = 400;
    a.smClockMhz = 1410;
    a.processes = std::vector<kernel::GpuProcess>{{4242, 8 * GiB}, {4343, std::nullopt}};
    kernel::GpuDevice b;
    b.index = 1;
    b.name = QStringLiteral("Tesla T4");
    b.utilizationPercent = 5;
    b.memoryUsedBytes = 1 * GiB;
    b.memoryTotalBytes = 15 * GiB;
    b.temperatureC = 40;
    b.smClockMhz = 585; // power and its limit unknown, process list unknown
    s.gpu.gpus = {a, b};
    kernel::TpuChip tpu;
    tpu.index = 0;
    tpu.generation = QStringLiteral("v4");
    tpu.pciAddress = QStringLiteral("0000:00:04.0");
    tpu.devicePath = QStringLiteral("/dev/accel0");
    s.tpus = {tpu};
    return s;
}
} // namespace

class TestResourceDock : public QObject {
    Q_OBJECT
private slots:
    // RAM and disk at the top right of the window, sampled while the dock is closed; a click
    // opens the Resource Monitor.
    void indicatorInTheWindow() {
        app::MainWindow w;
        w.show();
        app::ResourceIndicator* indicator = w.views()->resourceIndicator();
        QCOMPARE(w.menuBar()->cornerWidget(Qt::TopRightCorner), indicator);
        QVERIFY(!w.views()->resources()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(indicator->memoryBar()->value() > 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(indicator->diskBar()->value() > 0, 10000);
        QVERIFY2(indicator->toolTip().contains(QStringLiteral("RAM: ")) &&
                     !indicator->toolTip().contains(app::ResourceDock::notAvailable()),
                 qPrintable(indicator->toolTip()));
        QTest::mouseClick(indicator, Qt::LeftButton);
        QTRY_VERIFY(w.views()->resources()->isVisible());
    }

    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        AppSettings::instance().setResourceIntervalMs(250);
    }

    void probeHere_noGpuShowsReason() {
        ResourceDock dock(QDir::currentPath());
        QSignalSpy spy(dock.sampler(), &ResourceSampler::sampled);
        dock.show();
        QVERIFY(spy.wait(5000));
        const auto snapshot = spy.first().first().value<kernel::ResourceSnapshot>();
        auto* cpu = dock.findChild<QProgressBar*>(QStringLiteral("resources.cpu"));
        QVERIFY(cpu);
        QVERIFY(!cpu->format().isEmpty());
        QVERIFY(dock.findChild<QLabel*>(QStringLiteral("resources.diskPath"))
                    ->text()
                    .contains(QDir::currentPath()));
        if (!snapshot.gpu.gpus.empty())
            QSKIP("this machine has a GPU");
        QVERIFY(dock.gpuCards().isEmpty());
        QVERIFY(!snapshot.gpu.unavailableReason.isEmpty());
        QVERIFY(dock.gpuUnavailableLabel()->isVisibleTo(&dock));
        QVERIFY(dock.gpuUnavailableLabel()->text().contains(snapshot.gpu.unavailableReason));
    }

    void syntheticGpus_cardsAndNotAvailable() {
        ResourceDock dock(QDir::currentPath());
        dock.resize(420, 1400);
        for (int i = 0; i < 5; ++i)
            dock.showSnapshot(twoGpus(i));
        QCOMPARE(dock.gpuCards().size(), 2);
        QVERIFY(!dock.gpuUnavailableLabel()->isVisibleTo(&dock));
        GpuCard* a = dock.gpuCards().at(0);
        GpuCard* b = dock.gpuCards().at(1);
        QVERIFY(a->title().contains(QStringLiteral("A100")));
        QVERIFY(b->title().contains(QStringLiteral("T4")));
        QCOMPARE(a->temperatureLabel()->text(), QStringLiteral("54 °C"));
        QVERIFY(a->powerLabel()->text().contains(QStringLiteral("400 W")));
        QCOMPARE(b->powerLabel()->text(), ResourceDock::notAvailable());
        QCOMPARE(b->powerLabel()->text(), QStringLiteral("N/A"));
        QCOMPARE(a->clockLabel()->text(), QStringLiteral("1410 MHz"));
        QCOMPARE(a->utilizationBar()->value(), ((4 * 17) % 100) * 10);
        QCOMPARE(a->memoryBar()->value(), 250);
        QCOMPARE(a->processTable()->rowCount(), 2);
        QCOMPARE(a->processTable()->item(0, 0)->text(), QStringLiteral("4242"));
        QCOMPARE(a->processTable()->item(1, 1)->text(), QStringLiteral("N/A"));
        QVERIFY(!b->processTable()->isVisibleTo(b));
        QVERIFY(!a->utilizationBar()->accessibleName().isEmpty());
        QVERIFY(!a->chart()->accessibleName().isEmpty());
        QVERIFY(!a->processTable()->accessibleName().isEmpty());
        auto* tpus = dock.findChild<QLabel*>(QStringLiteral("resources.tpus"));
        QVERIFY(tpus->text().contains(QStringLiteral("v4")));
        QVERIFY(tpus->text().contains(QStringLiteral("/dev/accel0")));

        // History grows with every sample, per metric and per GPU.
        const ResourceHistory& h = dock.sampler()->history();
        QCOMPARE(h.size(ResourceHistory::cpu()), 5);
        QCOMPARE(h.size(ResourceHistory::gpuUtilization(1)), 5);
        QCOMPARE(dock.hostChart()->pointCount(0), 5);
        QCOMPARE(a->chart()->pointCount(0), 5);
        // The current notebook's kernel stands out in the process table.
        dock.setKernelPid(4242);
        dock.showSnapshot(twoGpus(5));
        QCOMPARE(a->chart()->pointCount(1), 6);
        QVERIFY(a->processTable()->item(0, 0)->text().contains(QStringLiteral("this notebook")));
        QVERIFY(a->processTable()->item(0, 0)->font().bold());
        QVERIFY(!a->processTable()->item(1, 0)->font().bold());

        // Back to one GPU: one card; none: the reason shows again.
        auto one = twoGpus(6);
        one.gpu.gpus.pop_back();
        dock.showSnapshot(one);
        QCOMPARE(dock.gpuCards().size(), 1);
        auto none = twoGpus(7);
        none.gpu.gpus.clear();
        none.gpu.unavailableReason = QStringLiteral("no NVIDIA driver");
        dock.showSnapshot(none);
        QVERIFY(dock.gpuCards().isEmpty());
        QVERIFY(dock.gpuUnavailableLabel()->text().contains(QStringLiteral("no NVIDIA driver")));
    }

    void screenshot() {
        ResourceDock dock(QDir::currentPath());
        dock.resize(440, 1500);
        // Two minutes of samples, one a second, ending now.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < 120; ++i)
            dock.showSnapshot(twoGpus(i), now - 1000 * (119 - i));
        dock.show();
        QApplication::processEvents();
        const QString path = QDir::temp().filePath(QStringLiteral("quire-resource-dock.png"));
        QVERIFY(dock.grab().save(path));
        QCOMPARE(dock.hostChart()->pointCount(0), 120);
        app::applyTheme(QStringLiteral("dark"));
        QApplication::processEvents();
        QVERIFY(dock.grab().save(
            QDir::temp().filePath(QStringLiteral("quire-resource-dock-dark.png"))));
        app::applyTheme(QStringLiteral("light"));
    }

    void history_ringIsCapped() {
        ResourceHistory h(10);
        kernel::ResourceSnapshot s;
        for (int i = 0; i < 25; ++i) {
            s.cpuPercent = i;
            h.append(s, 1000 * i);
        }
        QCOMPARE(h.size(ResourceHistory::cpu()), 10);
        const auto points = h.points(ResourceHistory::cpu());
        QCOMPARE(points.front().value, 15.0); // the oldest kept
        QCOMPARE(points.back().value, 24.0);
        h.setCapacity(4);
        QCOMPARE(h.points(ResourceHistory::cpu()).front().value, 21.0);
        // Points older than five minutes go even when there is room.
        h.setCapacity(1000);
        s.cpuPercent = 50;
        h.append(s, 24000 + ResourceHistory::kWindowMs + 1);
        QCOMPARE(h.size(ResourceHistory::cpu()), 1);
        // Unknown values are not recorded.
        s.cpuPercent.reset();
        h.append(s, 400000);
        QCOMPARE(h.size(ResourceHistory::cpu()), 1);

        // The sampler's rings hold five minutes at its interval.
        ResourceDock dock(QDir::currentPath());
        QCOMPARE(dock.sampler()->history().capacity(), 1200); // 250 ms
        for (int i = 0; i < 1300; ++i)
            dock.showSnapshot(twoGpus(i));
        QCOMPARE(dock.sampler()->history().size(ResourceHistory::cpu()), 1200);
        QCOMPARE(dock.gpuCards().at(0)->chart()->pointCount(0), 1200);
    }

    void samplesOnlyWhileVisible() {
        ResourceDock dock(QDir::currentPath());
        QSignalSpy spy(dock.sampler(), &ResourceSampler::sampled);
        QTest::qWait(1000);
        QCOMPARE(spy.count(), 0); // never shown
        QCOMPARE(dock.sampler()->probeRuns(), 0);
        dock.show();
        QVERIFY(dock.sampler()->isActive());
        QTRY_VERIFY_WITH_TIMEOUT(spy.count() >= 2, 3000);
        dock.hide();
        QVERIFY(!dock.sampler()->isActive());
        QTest::qWait(300); // a sample already under way may finish
        spy.clear();
        const int runs = dock.sampler()->probeRuns();
        QTest::qWait(1500);
        QCOMPARE(spy.count(), 0);
        QCOMPARE(dock.sampler()->probeRuns(), runs); // the worker's timer is stopped
        dock.show();
        QVERIFY(spy.wait(3000)); // and again when shown
    }

    void intervalSetting_appliesLive() {
        ResourceDock dock(QDir::currentPath());
        AppSettings::instance().setResourceIntervalMs(2000);
        QCOMPARE(dock.sampler()->intervalMs(), 2000);
        QCOMPARE(dock.sampler()->history().capacity(), 150);
        AppSettings::instance().setResourceIntervalMs(10); // below the minimum
        QCOMPARE(dock.sampler()->intervalMs(), ResourceSampler::kMinIntervalMs);

        // From the settings dialog's Runtime page.
        app::SettingsDialog dialog;
        auto* spin = dialog.findChild<QSpinBox*>(QStringLiteral("settings.resourceInterval"));
        QVERIFY(spin);
        spin->setValue(1500);
        QCOMPARE(AppSettings::instance().resourceIntervalMs(), 1500);
        QCOMPARE(dock.sampler()->intervalMs(), 1500);
        AppSettings::instance().setResourceIntervalMs(250);
        QCOMPARE(spin->value(), 250);
    }
};

QTEST_MAIN(TestResourceDock)
#include "test_resource_dock.moc"
