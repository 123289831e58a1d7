// New Notebook → first trivial result, with the warm kernel and without it (cold start).
// Prints the medians of N runs. Method: the real MainWindow (offscreen), File → New Notebook,
// the cell gets "1 + 1", Run cell (what Ctrl+Enter does); the clock stops when the output
// "2" is in the notebook and the window has processed its paint events.
#include "app/app_settings.h"
#include "app/controllers/file_controller.h"
#include "app/controllers/runtime_controller.h"
#include "app/main_window.h"
#include "app/notebook_kernel.h"
#include "app/notebook_page.h"
#include "app/warm_kernel_pool.h"
#include "editor/model/notebook_document.h"
#include "editor/view/notebook_view.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <algorithm>
#include <cstdio>

using namespace quire;

namespace {

bool hasResult(const editor::NotebookDocument& doc) {
    for (const auto& out : doc.cell(0)->outputs())
        if (out.contains("data") && out["data"].value("text/plain", "") == "2")
            return true;
    return false;
}

// One measurement in milliseconds, or -1 on failure.
double firstResult(app::MainWindow& w) {
    QElapsedTimer clock;
    clock.start();
    auto* page = w.files()->newNotebook();
    page->document()->setCellSource(0, QStringLiteral("1 + 1"));
    page->view()->runCurrent(editor::NotebookView::RunMode::Stay);
    if (!QTest::qWaitFor([&] { return hasResult(*page->document()); }, 30000))
        return -1;
    QCoreApplication::processEvents(); // the paint that shows it
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    w.removePage(page); // no "save changes?" question
    return ms;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? -1 : v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 5;
    auto& settings = app::AppSettings::instance();
    settings.setDefaultKernel(QStringLiteral("python3"));
    settings.setAutosave(false);

    std::vector<double> warm, cold;
    for (int i = 0; i < runs; ++i) {
        settings.setWarmKernel(true);
        {
            app::MainWindow w;
            w.show();
            auto* pool = w.runtime()->warmPool();
            QSignalSpy ready(pool, &app::WarmKernelPool::warmKernelReady);
            if (!ready.wait(60000)) {
                std::fprintf(stderr, "the warm kernel did not start\n");
                return 1;
            }
            QTest::qWait(500); // let the kernel settle as it would while the user looks around
            warm.push_back(firstResult(w));
        }
        settings.setWarmKernel(false);
        {
            app::MainWindow w;
            w.show();
            QTest::qWait(200);
            cold.push_back(firstResult(w));
        }
    }
    std::printf("new notebook -> first result, %d runs, median (all)\n", runs);
    auto print = [](const char* name, const std::vector<double>& v) {
        std::printf("  %-12s %8.1f ms  (", name, median(v));
        for (double x : v)
            std::printf(" %.1f", x);
        std::printf(" )\n");
    };
    print("warm kernel", warm);
    print("cold start", cold);
    return 0;
}
