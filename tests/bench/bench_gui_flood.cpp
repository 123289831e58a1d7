// Output floods with the window running (offscreen): 20,000 `print(i, flush=True)` messages
// in one cell, beside the headless drain of the same code on the same kernel (KernelClient
// alone), runs alternating; a 5 ms timer probes the worst event-loop stall (wall time, and the
// GUI thread's own CPU time within it, which tells our work from waiting for a core); RSS growth.
// Then 1,000,000 lines in one cell: time to finish, RSS, and frame times while scrolling through
// it. Usage: bench_gui_flood [RUNS=3]
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
#include <ctime>
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

// Longest gap between ticks of a 5 ms timer while it runs, and how much of that gap the GUI
// thread spent on the CPU (its own work) rather than waiting to be scheduled (two cores shared
// with a flooding kernel and the I/O thread).
struct Stall {
    double wallMs = 0, cpuMs = 0;
};

qint64 threadCpuNs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

class StallProbe {
public:
    StallProbe() {
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const qint64 cpu = threadCpuNs();
            if (now - m_last > m_worst.wallNs)
                m_worst = {now - m_last, cpu - m_lastCpu};
            m_worstCpu = std::max(m_worstCpu, cpu - m_lastCpu);
            m_last = now;
            m_lastCpu = cpu;
        });
    }
    void start() {
        m_worst = {};
        m_worstCpu = 0;
        m_clock.start();
        m_last = 0;
        m_lastCpu = threadCpuNs();
        m_timer.start(5);
    }
    // The longest gap (and the CPU time within it); worstCpuMs(): the most CPU time the GUI
    // thread spent between two ticks, i.e. its longest own block.
    Stall stop() {
        m_timer.stop();
        return {double(m_worst.wallNs) / 1e6, double(m_worst.cpuNs) / 1e6};
    }
    double worstCpuMs() const { return double(m_worstCpu) / 1e6; }

private:
    struct Gap {
        qint64 wallNs = 0, cpuNs = 0;
    };
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0, m_lastCpu = 0, m_worstCpu = 0;
    Gap m_worst;
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
    double seconds = 0;
    Stall worstStall;      // longest event-loop gap, and the GUI thread's CPU time within it
    double ownBlockMs = 0; // most CPU time the GUI thread spent between two probe ticks
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
    r.worstStall = probe.stop();
    r.ownBlockMs = probe.worstCpuMs();
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
    std::vector<double> gui, headless;
    std::vector<GuiRun> guiRuns;
    qsizetype guiLines = 0, headlessLines = 0;
    const double rss0 = rssMb();
    for (int i = 0; i < runs; ++i) {
        const GuiRun g = runInWindow(page, flood);
        gui.push_back(g.seconds);
        guiRuns.push_back(g);
        guiLines = g.lines;
        headless.push_back(headlessDrain(*client, flood, &headlessLines));
    }
    const double rss1 = rssMb();
    std::printf("20k flushed prints, %d runs alternating, medians\n", runs);
    std::printf("  window   %.3f s  (%lld lines shown in the cell)\n", median(gui),
                static_cast<long long>(guiLines));
    for (const GuiRun& g : guiRuns)
        std::printf("    run: worst stall %.1f ms wall (%.1f ms of it on the GUI thread's CPU), "
                    "longest own block %.1f ms\n",
                    g.worstStall.wallMs, g.worstStall.cpuMs, g.ownBlockMs);
    std::printf("  headless %.3f s  (%lld lines)\n  ratio window / headless %.2fx\n",
                median(headless), static_cast<long long>(headlessLines),
                median(gui) / median(headless));
    std::printf("  RSS %.1f MB -> %.1f MB after %d window runs\n", rss0, rss1, runs);

    // One million lines in one cell.
    const double rssBefore = rssMb();
    const GuiRun big = runInWindow(page, QStringLiteral("for i in range(1000000): print(i)"));
    const double rssAfter = rssMb();
    std::printf(
        "1M lines: %.2f s, %lld lines in the cell, worst stall %.1f ms wall (%.1f ms on the "
        "GUI thread's CPU), longest own block %.1f ms, RSS +%.1f MB\n",
        big.seconds, static_cast<long long>(big.lines), big.worstStall.wallMs, big.worstStall.cpuMs,
        big.ownBlockMs, rssAfter - rssBefore);
    // Frame times while scrolling through it: each step scrolls a page and paints at once.
    editor::NotebookView* view = page->view();
    QScrollBar* bar = view->verticalScrollBar();
    std::vector<double> frames;
    const int step = std::max(1, view->viewport()->height());
    for (int pos = 0; pos < bar->maximum() && frames.size() < 400;
         pos += step * (bar->maximum() / step / 200 + 1)) {
        QElapsedTimer t;
        t.start();
        bar->setValue(pos);
        view->viewport()->repaint();
        QCoreApplication::processEvents();
        frames.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(frames.begin(), frames.end());
    if (!frames.empty())
        std::printf("  scrolling (%zu frames across the output): median %.1f ms, p95 %.1f ms, max "
                    "%.1f ms\n",
                    frames.size(), frames[frames.size() / 2], frames[frames.size() * 95 / 100],
                    frames.back());
    return 0;
}
