// The Resource Monitor and the runtime chip follow the current notebook's runtime: a notebook
// on a remote runtime (a real Jupyter Server on 127.0.0.1 whose PATH has the stand-in
// nvidia-smi) shows that runtime's name and what it has; sampling stops while the dock is
// hidden; a local notebook shows this computer again.
#include "app/app_settings.h"
#include "app/connect_runtime_dialog.h"
#include "app/controllers/file_controller.h"
#include "app/controllers/remote_runtime_controller.h"
#include "app/controllers/runtime_controller.h"
#include "app/controllers/view_controller.h"
#include "app/gpu_card.h"
#include "app/main_window.h"
#include "app/notebook_kernel.h"
#include "app/notebook_page.h"
#include "app/remote_resource_sampler.h"
#include "app/remote_runtimes.h"
#include "app/resource_dock.h"
#include "app/resource_indicator.h"
#include "app/resource_sampler.h"
#include "app/runtime_type_dialog.h"
#include "editor/model/notebook_document.h"
#include "integration/jupyter_server_fixture.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTimer>
#include <functional>
#include <unistd.h>

using namespace quire;
using quire::kernel::test::JupyterServerProcess;

namespace {

// Runs `act` on the next modal dialog of type T once it shows.
template <typename T> void onNextModal(std::function<void(T*)> act) {
    QTimer::singleShot(50, qApp, [act] {
        auto* dialog = qobject_cast<T*>(QApplication::activeModalWidget());
        if (!dialog)
            return onNextModal<T>(act);
        act(dialog);
    });
}

QRadioButton* radio(QWidget* dialog, const QString& startsWith) {
    for (auto* r : dialog->findChildren<QRadioButton*>())
        if (r->text().remove(u'&').startsWith(startsWith))
            return r;
    return nullptr;
}

} // namespace

class TestRemoteResourceMonitor : public QObject {
    Q_OBJECT
    JupyterServerProcess m_server;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        app::AppSettings::instance().setWarmKernel(false);
        for (const char* module : {"jupyter_server", "terminado"})
            if (const QString why = kernel::test::missingModule(QLatin1String(module));
                !why.isEmpty())
                QSKIP(qPrintable(QStringLiteral("no Jupyter Server to test with: ") + why));
        m_server.pathPrepend << QStringLiteral(QUIRE_FAKES_DIR);
        m_server.extraArgs << QStringLiteral("--ServerApp.terminado_settings={'shell_command': "
                                             "['/bin/sh']}");
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void dockAndChipFollowTheRemoteRuntime() {
        app::MainWindow w;
        w.show();
        auto* remotes = w.remotes()->runtimes();
        // The settings are shared by the GUI tests: start without runtimes, leave none behind.
        for (const auto& r : remotes->list())
            remotes->remove(r.id);
        struct Forget {
            app::RemoteRuntimes* remotes;
            ~Forget() {
                for (const auto& r : remotes->list())
                    remotes->remove(r.id);
            }
        } forget{remotes};
        app::ConnectRuntimeDialog dialog(remotes, &w);
        dialog.findChild<QLineEdit*>(QStringLiteral("connect.name"))
            ->setText(QStringLiteral("gpu-box"));
        dialog.setUrl(m_server.urlWithToken());
        dialog.connectNow();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 15000);
        const QString id = dialog.runtimeId();

        app::NotebookPage* local = w.files()->newNotebook();
        app::NotebookPage* page = w.files()->newNotebook();
        w.remotes()->useRuntime(page, id, true);
        QCOMPARE(w.currentPage(), page);

        // The chip measures the runtime once, without the dock: the fake server's two H200s.
        auto* chip = w.findChild<QLabel*>(QStringLiteral("runtime.chip"));
        QTRY_COMPARE_WITH_TIMEOUT(chip->text(), QStringLiteral("gpu-box · GPU H200 ×2"), 20000);

        // The dock shows the remote runtime: its name, this machine's CPUs, the two GPUs.
        app::ResourceDock* dock = w.views()->resources();
        app::RemoteResourceSampler* remote = w.runtime()->remoteResources();
        dock->show();
        QCOMPARE(dock->runtimeTitle(), QStringLiteral("gpu-box"));
        QTRY_VERIFY(remote->isActive());
        QVERIFY(!dock->sampler()->isActive()); // the local sampler rests meanwhile
        const int runs = remote->probeRuns();
        QTRY_VERIFY_WITH_TIMEOUT(remote->probeRuns() >= runs + 1, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(dock->gpuCards().size(), qsizetype(2), 15000);
        auto* cpu = dock->findChild<QProgressBar*>(QStringLiteral("resources.cpu"));
        QTRY_VERIFY2_WITH_TIMEOUT(
            cpu->format().endsWith(QStringLiteral("of %1 CPUs").arg(sysconf(_SC_NPROCESSORS_ONLN))),
            qPrintable(cpu->format()), 15000);
        QVERIFY(dock->noteLabel()->isHidden()); // through a terminal: nothing to explain

        // Every 3 s by default, through one terminal.
        const int before = remote->probeRuns();
        // (the next one is sent 3 s after the previous answer, which takes about 0.6 s)
        QTRY_VERIFY_WITH_TIMEOUT(remote->probeRuns() > before, 6000);
        QCOMPARE(remote->probeRuns(), before + 1);
        QCOMPARE(remote->intervalMs(), 3000);

        // The RAM / disk indicator at the top right shows the remote runtime too.
        auto* indicator = w.views()->resourceIndicator();
        QTRY_VERIFY(indicator->toolTip().contains(QStringLiteral("GiB")));
        // Dock hidden: the indicator keeps sampling; with the indicator gone too, no more samples.
        dock->hide();
        QVERIFY(remote->isActive());
        dock->setIndicatorShown(false);
        QTRY_VERIFY(!remote->isActive());
        const int hidden = remote->probeRuns();
        QTest::qWait(3500);
        QCOMPARE(remote->probeRuns(), hidden);

        // Change Runtime Type: the server's kernels, its GPUs, and why they cannot be hidden.
        bool shown = false;
        onNextModal<app::RuntimeTypeDialog>([&shown](app::RuntimeTypeDialog* d) {
            shown = true;
            auto* kernels = d->findChild<QComboBox*>();
            QCOMPARE(kernels->currentData().toString(), QStringLiteral("python3"));
            QVERIFY(radio(d, QStringLiteral("GPU — NVIDIA H200 ×2"))->isEnabled());
            QVERIFY(!radio(d, QStringLiteral("TPU"))->isEnabled());
            auto* why = d->findChild<QLabel*>(QStringLiteral("runtimeType.explanation"));
            QVERIFY(why && why->text().contains(QStringLiteral("gpu-box is a Jupyter Server")));
            radio(d, QStringLiteral("GPU"))->setChecked(true);
            d->accept();
        });
        w.runtime()->changeRuntimeType(page);
        QTRY_VERIFY_WITH_TIMEOUT(shown, 15000);
        QTRY_VERIFY(page->document()->metadata().value("accelerator", "") == "GPU");
        QCOMPARE(page->document()->metadata()["colab"].value("gpuType", ""), "H200");

        // A local notebook: this computer again, sampled locally.
        dock->show();
        w.setCurrentPage(local);
        QCOMPARE(dock->runtimeTitle(), QStringLiteral("This computer"));
        QTRY_VERIFY(dock->sampler()->isActive());
        QVERIFY(!remote->isActive());
        QVERIFY(chip->text().startsWith(QStringLiteral("Local")));
    }
};

QTEST_MAIN(TestRemoteResourceMonitor)
#include "test_remote_resource_monitor.moc"
