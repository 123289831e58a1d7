// Runtime → Change runtime type on the real window and a real ipykernel. The GPUs come from the
// stand-in libnvidia-ml.so.1 built with the tests (two "NVIDIA H200"); the kernel really
// restarts with CUDA_VISIBLE_DEVICES as chosen, and the notebook records the choice in the
// keys hosted notebooks use.
#include "app/app_settings.h"
#include "app/controllers/file_controller.h"
#include "app/controllers/runtime_controller.h"
#include "app/main_window.h"
#include "app/notebook_kernel.h"
#include "app/notebook_page.h"
#include "app/runtime_inventory.h"
#include "app/runtime_type_dialog.h"
#include "editor/execution/cell_executor.h"
#include "editor/model/notebook_document.h"
#include "editor/view/notebook_view.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <functional>

using namespace quire;

namespace {

// Runs `act` on the next modal dialog of type T once it shows.
template <typename T> void onNextModal(std::function<void(T*)> act) {
    QTimer::singleShot(50, qApp, [act] {
        auto* dialog = qobject_cast<T*>(QApplication::activeModalWidget());
        if (!dialog) {
            onNextModal<T>(act);
            return;
        }
        act(dialog);
    });
}

QRadioButton* radio(QWidget* dialog, const QString& startsWith) {
    for (auto* r : dialog->findChildren<QRadioButton*>())
        if (r->text().remove(u'&').startsWith(startsWith))
            return r;
    return nullptr;
}

void clickButton(QWidget* dialog, const QString& text) {
    for (auto* b : dialog->findChildren<QAbstractButton*>())
        if (b->text().remove(u'&') == text) {
            b->click();
            return;
        }
    QFAIL(qPrintable(QStringLiteral("no button ") + text));
}

QString chip(app::MainWindow& w) {
    auto* label = w.findChild<QLabel*>(QStringLiteral("runtime.chip"));
    return label ? label->text() : QString();
}

std::string runAndRead(app::NotebookPage* page) {
    page->document()->setCellSource(
        0, QStringLiteral("import os; print(repr(os.environ.get('CUDA_VISIBLE_DEVICES')))"));
    page->view()->setCurrentIndex(0);
    QSignalSpy done(page->kernel()->executor(), &editor::CellExecutor::queueFinished);
    page->view()->runCurrent(editor::NotebookView::RunMode::Stay);
    if (!done.wait(60000))
        return "(no result)";
    const auto& outputs = page->document()->cell(0)->outputs();
    return outputs.empty() ? "(no output)" : outputs[0].value("text", "");
}

kernel::ResourceProbe::Options fakeGpus() {
    kernel::ResourceProbe::Options o;
    o.nvmlLibraries = {QStringLiteral(QUIRE_FAKE_NVML_DIR "/libnvidia-ml.so.1")};
    o.nvidiaSmi = QStringLiteral("/nonexistent/nvidia-smi");
    return o;
}

kernel::ResourceProbe::Options noGpus() {
    kernel::ResourceProbe::Options o;
    o.nvmlLibraries = {QStringLiteral("/nonexistent/libnvidia-ml.so.1")};
    o.nvidiaSmi = QStringLiteral("/nonexistent/nvidia-smi");
    return o;
}

bool measure(app::MainWindow& w, kernel::ResourceProbe::Options options) {
    auto* inventory = w.runtime()->inventory();
    inventory->setOptions(std::move(options));
    QSignalSpy ready(inventory, &app::RuntimeInventory::ready);
    inventory->refresh();
    return ready.wait(20000);
}

} // namespace

class TestRuntimeType : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        app::AppSettings::instance().setWarmKernel(false);
    }

    void gpuChoiceRestartsTheKernelWithIt() {
        app::MainWindow w;
        QVERIFY(measure(w, fakeGpus()));
        auto* page = w.files()->newNotebook();
        QCOMPARE(chip(w), QStringLiteral("Local · GPU H200 ×2"));
        QCOMPARE(runAndRead(page), std::string("None\n")); // no restriction yet

        // None: the kernel restarts without GPUs.
        QString question;
        onNextModal<app::RuntimeTypeDialog>([](app::RuntimeTypeDialog* d) {
            QVERIFY(radio(d, QStringLiteral("GPU — NVIDIA H200 ×2"))->isEnabled());
            radio(d, QStringLiteral("None"))->setChecked(true);
            onNextModal<QMessageBox>(
                [](QMessageBox* box) { clickButton(box, QStringLiteral("Restart")); });
            clickButton(d, QStringLiteral("Save"));
        });
        w.runtime()->changeRuntimeType(page);
        QCOMPARE(runAndRead(page), std::string("''\n"));
        QCOMPARE(chip(w), QStringLiteral("Local · CPU"));
        QVERIFY(!page->document()->metadata().contains("accelerator"));

        // GPU, only the second one.
        onNextModal<app::RuntimeTypeDialog>([](app::RuntimeTypeDialog* d) {
            radio(d, QStringLiteral("GPU"))->setChecked(true);
            auto* list = d->findChild<QListWidget*>();
            QVERIFY(list && list->isVisible() && list->count() == 2);
            list->item(0)->setCheckState(Qt::Unchecked);
            onNextModal<QMessageBox>(
                [](QMessageBox* box) { clickButton(box, QStringLiteral("Restart")); });
            clickButton(d, QStringLiteral("Save"));
        });
        w.runtime()->changeRuntimeType(page);
        QCOMPARE(runAndRead(page), std::string("'GPU-7b2d9e41-0c5a-4f83-b6e7-2a9c1d8f4e35'\n"));
        const auto& md = page->document()->metadata();
        QCOMPARE(md["accelerator"].get<std::string>(), std::string("GPU"));
        QCOMPARE(md["colab"]["gpuType"].get<std::string>(), std::string("H200"));
        QCOMPARE(md["kernelspec"]["name"].get<std::string>(), std::string("python3"));
        QCOMPARE(chip(w), QStringLiteral("Local · GPU H200"));
    }

    void cancellingTheRestartKeepsTheKernel() {
        app::MainWindow w;
        QVERIFY(measure(w, fakeGpus()));
        auto* page = w.files()->newNotebook();
        QCOMPARE(runAndRead(page), std::string("None\n"));
        const kernel::KernelClient* before = page->kernel()->client();
        onNextModal<app::RuntimeTypeDialog>([](app::RuntimeTypeDialog* d) {
            radio(d, QStringLiteral("None"))->setChecked(true);
            onNextModal<QMessageBox>(
                [](QMessageBox* box) { clickButton(box, QStringLiteral("Cancel")); });
            clickButton(d, QStringLiteral("Save"));
        });
        w.runtime()->changeRuntimeType(page);
        QCOMPARE(page->kernel()->client(), before);
        QCOMPARE(runAndRead(page), std::string("None\n")); // still the old kernel
    }

    void withoutGpusTheChoiceIsDisabledAndNotebooksAreWarned() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("gpu.ipynb"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"cells\": [], \"metadata\": {\"accelerator\": \"GPU\", \"colab\": {\"gpuType\": "
                "\"T4\"}}, \"nbformat\": 4, \"nbformat_minor\": 5}");
        f.close();
        app::MainWindow w;
        QVERIFY(measure(w, noGpus()));
        auto* page = w.files()->openFile(path);
        QVERIFY(page);
        QVERIFY2(page->messageBar()->text().contains(QStringLiteral("asks for a GPU")),
                 qPrintable(page->messageBar()->text()));
        QVERIFY(page->messageBar()->text().contains(QStringLiteral("no NVIDIA driver")));
        QCOMPARE(chip(w), QStringLiteral("Local · CPU"));
        bool checked = false;
        onNextModal<app::RuntimeTypeDialog>([&checked](app::RuntimeTypeDialog* d) {
            QVERIFY(!radio(d, QStringLiteral("GPU"))->isEnabled());
            QVERIFY(!radio(d, QStringLiteral("TPU"))->isEnabled());
            QVERIFY(radio(d, QStringLiteral("None"))->isChecked());
            bool reason = false;
            for (auto* l : d->findChildren<QLabel*>())
                reason = reason || l->text().contains(QStringLiteral("no NVIDIA driver"));
            QVERIFY(reason);
            checked = true;
            clickButton(d, QStringLiteral("Cancel"));
        });
        w.runtime()->changeRuntimeType(page);
        QVERIFY(checked);
    }
};

QTEST_MAIN(TestRuntimeType)
#include "test_runtime_type.moc"
