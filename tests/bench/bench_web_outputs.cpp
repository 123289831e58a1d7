// Notebooks full of web outputs, opened in the real window (offscreen):
//
//   bench_web_outputs [--runs N] [NOTEBOOK...]
//
// Without notebooks it generates web350.ipynb (gen_web_notebook.py: 300 pandas DataFrames and
// 50 Plotly charts) and images300.ipynb (gen_bench_notebooks.py: 300 PNGs and 300 small HTML
// tables, the shape of the classic Notebook anchor's big-images). Each notebook is trusted
// first (as if the user had trusted it before), so scripted outputs run. For each run:
//   first-paint ms — from opening the file to the notebook's first paint
//   visible ready  — until every web output on screen has loaded and measured its height
//   rss MB         — this process plus its QtWebEngine helper processes, and how many of those
//   web views      — how many output pages are alive (WebViewPool caps them)
// Then scrolling through the whole notebook a screen at a time: per step the time to paint
// and the time until the web outputs on screen are ready (median, p95, max), the most web
// views alive at once and the RSS at the end.
#include "app/controllers/file_controller.h"
#include "app/main_window.h"
#include "app/notebook_page.h"
#include "editor/model/notebook_document.h"
#include "editor/model/notebook_trust.h"
#include "editor/render/html_output_view.h"
#include "editor/render/web_output_page.h"
#include "editor/render/web_view_pool.h"
#include "editor/view/notebook_view.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <unistd.h>

using namespace quire;

namespace {

struct Memory {
    double mb = 0;
    int helpers = 0;
};

double rssOfMb(const QString& pid) {
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const auto& line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').front().toDouble() / 1024.0;
    return 0;
}

// This process and every process below it (QtWebEngineProcess renderers, GPU, utility).
Memory totalMemory() {
    QHash<QString, QStringList> children;
    for (const QString& pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        if (pid.isEmpty() || !pid.front().isDigit())
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray s = stat.readAll();
        const QList<QByteArray> rest = s.mid(s.lastIndexOf(')') + 2).split(' ');
        if (rest.size() > 1)
            children[QString::fromLatin1(rest[1])] << pid;
    }
    Memory m;
    QStringList todo{QString::number(QCoreApplication::applicationPid())};
    while (!todo.isEmpty()) {
        const QString pid = todo.takeLast();
        m.mb += rssOfMb(pid);
        const QStringList kids = children.value(pid);
        m.helpers += int(kids.size());
        todo << kids;
    }
    return m;
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

class PaintWatch : public QObject {
public:
    qint64 at = -1;
    QElapsedTimer* clock;
    explicit PaintWatch(QElapsedTimer* c) : clock(c) {}
    bool eventFilter(QObject*, QEvent* e) override {
        if (e->type() == QEvent::Paint && at < 0)
            at = clock->elapsed();
        return false;
    }
};

// Web outputs on screen that are not yet loaded and measured.
int pendingOnScreen(QWidget* root) {
    int pending = 0;
    for (auto* view : root->findChildren<editor::HtmlOutputView*>())
        if (view->isVisible() && view->isOnScreen() &&
            (!view->isLoaded() || view->contentHeight() == 0))
            ++pending;
    return pending;
}

// Spins the event loop until the web outputs on screen are ready (or 30 s pass).
bool waitVisibleReady(QWidget* root, qint64 limitMs = 30000) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < limitMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (pendingOnScreen(root) == 0) {
            // Twice, a little apart: a page that just loaded may resize and reveal another.
            QTest::qWait(20);
            if (pendingOnScreen(root) == 0)
                return true;
        }
    }
    return false;
}

void trustBeforehand(const QString& path) {
    auto loaded = editor::NotebookDocument::load(path);
    if (!loaded.document) {
        std::printf("cannot load %s: %s\n", qPrintable(path), qPrintable(loaded.error));
        return;
    }
    editor::NotebookTrust().trust(*loaded.document);
}

void openOnce(const QString& path) {
    auto* window = new app::MainWindow;
    window->resize(1200, 900);
    window->show();
    if (!QTest::qWaitForWindowExposed(window))
        std::printf("window not exposed\n");
    QTest::qWait(200);
    const Memory before = totalMemory();
    QElapsedTimer clock;
    clock.start();
    auto* page = window->files()->openFile(path);
    auto* view = page->view();
    PaintWatch watch(&clock);
    view->viewport()->installEventFilter(&watch);
    while (watch.at < 0)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    const bool ready = waitVisibleReady(view);
    const qint64 readyMs = clock.elapsed();
    QTest::qWait(500); // helper processes settle
    const Memory open = totalMemory();
    std::printf("  open: first-paint %lld ms, visible ready %lld ms%s, rss %.0f MB (+%.0f; %d "
                "helper processes), %d web views alive\n",
                static_cast<long long>(watch.at), static_cast<long long>(readyMs),
                ready ? "" : " (NOT READY after 30 s)", open.mb, open.mb - before.mb, open.helpers,
                editor::WebViewPool::instance().liveCount());

    // Scroll through, a screen at a time.
    QScrollBar* bar = view->verticalScrollBar();
    std::vector<double> paints, readies;
    int mostLive = 0, notReady = 0;
    const int step = std::max(1, view->viewport()->height());
    for (int pos = step; pos <= bar->maximum() + step && paints.size() < 2000; pos += step) {
        QElapsedTimer t;
        t.start();
        watch.at = -1;
        watch.clock = &t;
        bar->setValue(std::min(pos, bar->maximum()));
        while (watch.at < 0 && t.elapsed() < 5000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        paints.push_back(double(watch.at));
        if (!waitVisibleReady(view, 10000))
            ++notReady;
        readies.push_back(double(t.elapsed()));
        mostLive = std::max(mostLive, editor::WebViewPool::instance().liveCount());
        if (pos >= bar->maximum())
            break;
    }
    const Memory end = totalMemory();
    std::printf("  scroll through (%zu screens): paint median %.1f ms, p95 %.1f ms, max %.1f ms; "
                "web outputs ready median %.0f ms, p95 %.0f ms, max %.0f ms%s; at most %d web "
                "views alive; rss %.0f MB at the end (%d helper processes)\n",
                paints.size(), percentile(paints, 0.5), percentile(paints, 0.95),
                paints.empty() ? 0 : *std::max_element(paints.begin(), paints.end()),
                percentile(readies, 0.5), percentile(readies, 0.95),
                readies.empty() ? 0 : *std::max_element(readies.begin(), readies.end()),
                notReady ? qPrintable(QStringLiteral(" (%1 screens not ready in 10 s)").arg(notReady))
                         : "",
                mostLive, end.mb, end.helpers);
    window->files()->closeAll();
    delete window;
    QCoreApplication::processEvents();
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qEnvironmentVariableIsEmpty("QTWEBENGINE_DISABLE_SANDBOX") && geteuid() == 0)
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    editor::WebOutputPage::prepareEngine();
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QStringList files;
    int runs = 3;
    const auto args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--runs") && i + 1 < args.size())
            runs = args[++i].toInt();
        else
            files << args[i];
    }
    if (files.isEmpty()) {
        for (const char* script : {"gen_web_notebook.py", "gen_bench_notebooks.py"}) {
            QProcess gen;
            gen.start(QStringLiteral("/usr/bin/python3"),
                      {QStringLiteral(QUIRE_SOURCE_DIR "/tests/bench/") + QLatin1String(script),
                       QStringLiteral("/tmp/quire-bench")});
            gen.waitForFinished(600000);
            for (const QString& f : QString::fromUtf8(gen.readAllStandardOutput())
                                        .split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                if (!f.contains(QLatin1String("text2000")))
                    files << f;
        }
    }
    for (const auto& f : files) {
        trustBeforehand(f);
        std::printf("%s (%.1f MB)\n", qPrintable(f), double(QFile(f).size()) / 1e6);
        for (int r = 0; r < runs; ++r)
            openOnce(f);
    }
    return 0;
}
