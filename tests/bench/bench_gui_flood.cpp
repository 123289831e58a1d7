// Output floods with the window running (offscreen): 20,000 `print(i, flush=True)` messages
// in one cell, beside the headless drain of the same code on the same kernel (KernelClient
// alone), runs alternating; a 5 ms timer probes the worst event-loop stall; RSS growth. Then
// 1,000,000 lines in one cell: time to finish, RSS, and frame times while scrolling through it.
// Usage: bench_gui_flood [RUNS=3]
#include "app/app_settings.h"
#include "app/controllers/file_controller.h"
#include "app/main_window.h"
#include "app/notebook_kernel.h"
#include "app/notebook_page.h"
#include "editor/execution/cell_executor.h"
#include "editor/model/notebook_document.h"
#include "editor/view/notebook_view.h"
#include "kernelclient/kernel_client.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <algorithm>
#include <cstdio>
#include <fstream>

using namespace quire;

namespace {

double rssMb() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return double(resident) * 4096.0 / 1048576.0;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? -1 : v[v.size() / 2];
}

// Longest gap between ticks of a 5 ms timer while it runs.
class StallProbe {
public:
    StallProbe() {
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_worst = std::max(m_worst, now - m_last);
            m_last = now;
        });
    }
    void start() {
        m_worst = 0;
        m_clock.start();
        m_last = 0;
        m_timer.start(5);
    }
    double stop() {
        m_timer.stop();
        return double(m_worst) / 1e6;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
};

qsizetype stdoutLines(const editor::Cell& cell) {
    qsizetype n = 0;
    for (const auto& out : cell.outputs())
        if (out.value("name", "") == "stdout") {
            const auto& text = out["text"].get_ref<const std::string&>();
            n += std::count(text.begin(), text.end(), '\n');
        }
    return n;
}

struct GuiRun {
    double seconds = 0, worstStallMs = 0;
    qsizetype lines = 0;
};

GuiRun runInWindow(app::NotebookPage* page, const QString& code) {
    page->document()->setCellSource(0, code);
    QSignalSpy done(page->kernel()->executor(), &editor::CellExecutor::queueFinished);
    StallProbe probe;
    QElapsedTimer t;
    probe.start();
    t.start();
    page->view()->setCurrentIndex(0);
    page->view()->runCurrent(editor::NotebookView::RunMode::Stay);
    while (done.isEmpty())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    QCoreApplication::processEvents(); // the last repaint
    GuiRun r;
    r.seconds = double(t.nsecsElapsed()) / 1e9;
    r.worstStallMs = probe.stop();
    r.lines = stdoutLines(*page->document()->cell(0));
    return r;
}

double headlessDrain(kernel::KernelClient& client, const QString& code, qsizetype* lines) {
    bool done = false;
    QElapsedTimer t;
    t.start();
    *lines = 0;
    auto* r = client.execute(code, {}, &client);
    QObject::connect(r, &kernel::Request::iopub, &client, [&](const kernel::Message& m) {
        if (m.msgType() == "stream") {
            const auto& text = m.content["text"].get_ref<const std::string&>();
            *lines += std::count(text.begin(), text.end(), '\n');
        }
    });
    QObject::connect(r, &kernel::Request::finished, &client, [&] { done = true; });
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    return double(t.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 3;
    app::AppSettings::instance().setWarmKernel(false);
    app::AppSettings::instance().setAutosave(false);

    app::MainWindow w;
    w.resize(1100, 850);
    w.show();
    auto* page = w.files()->newNotebook();
    // Start the kernel and warm it up.
    (void)runInWindow(page, QStringLiteral("1"));
    kernel::KernelClient* client = page->kernel()->client();

    const QString flood = QStringLiteral("for i in range(20000): print(i, flush=True)");
    std::vector<double> gui, headless, stalls;
    qsizetype guiLines = 0, headlessLines = 0;
    const double rss0 = rssMb();
    for (int i = 0; i < runs; ++i) {
        const GuiRun g = runInWindow(page, flood);
        gui.push_back(g.seconds);
        stalls.push_back(g.worstStallMs);
        guiLines = g.lines;
        headless.push_back(headlessDrain(*client, flood, &headlessLines));
    }
    const double rss1 = rssMb();
    std::printf("20k flushed prints, %d runs alternating, medians\n", runs);
    std::printf("  window   %.3f s  (%lld lines shown in the cell)  worst stall %.1f ms (all:", median(gui),
                static_cast<long long>(guiLines), *std::max_element(stalls.begin(), stalls.end()));
    for (double s : stalls)
        std::printf(" %.1f", s);
    std::printf(")\n  headless %.3f s  (%lld lines)\n  ratio window / headless %.2fx\n",
                median(headless), static_cast<long long>(headlessLines),
                median(gui) / median(headless));
    std::printf("  RSS %.1f MB -> %.1f MB after %d window runs\n", rss0, rss1, runs);

    // One million lines in one cell.
    const double rssBefore = rssMb();
    const GuiRun big = runInWindow(page, QStringLiteral("for i in range(1000000): print(i)"));
    const double rssAfter = rssMb();
    std::printf("1M lines: %.2f s, %lld lines in the cell, worst stall %.1f ms, RSS +%.1f MB\n",
                big.seconds, static_cast<long long>(big.lines), big.worstStallMs,
                rssAfter - rssBefore);
    // Frame times while scrolling through it: each step scrolls a page and paints at once.
    editor::NotebookView* view = page->view();
    QScrollBar* bar = view->verticalScrollBar();
    std::vector<double> frames;
    const int step = std::max(1, view->viewport()->height());
    for (int pos = 0; pos < bar->maximum() && frames.size() < 400; pos += step * (bar->maximum() / step / 200 + 1)) {
        QElapsedTimer t;
        t.start();
        bar->setValue(pos);
        view->viewport()->repaint();
        QCoreApplication::processEvents();
        frames.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(frames.begin(), frames.end());
    if (!frames.empty())
        std::printf("  scrolling (%zu frames across the output): median %.1f ms, p95 %.1f ms, max %.1f ms\n",
                    frames.size(), frames[frames.size() / 2], frames[frames.size() * 95 / 100],
                    frames.back());
    return 0;
}
