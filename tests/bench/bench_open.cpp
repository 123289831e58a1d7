// Opening big notebooks, typing into them, and cold start of the real binary.
//
//   bench_open [--runs N] [NOTEBOOK...]
//
// Without notebooks it generates text2000.ipynb and images300.ipynb in /tmp/quire-bench
// (gen_bench_notebooks.py). For each notebook and run it prints:
//   first-paint ms  — from creating the window and opening the file to the notebook's first paint
//   interactive ms  — until every visible cell has its widgets and exact height and the event
//                     loop answers again (a posted event is delivered)
//   rss MB, and the number of cells that own widgets
//   jump ms         — selecting the last cell (then the first) until the view has painted it
// Then typing: 200 keystrokes into a code cell in the middle of the notebook, each timed from
// the key event to the end of the resulting event processing (median, p95, max).
// Finally cold start: `quire --new-instance` with QUIRE_STARTUP_PROBE=1, wall time from spawn
// to exit right after the first paint (median of N).
#include "app/controllers/file_controller.h"
#include "app/main_window.h"
#include "app/notebook_page.h"
#include "editor/model/notebook_document.h"
#include "editor/view/code_editor.h"
#include "editor/view/notebook_view.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <cstdio>

using namespace quire;

namespace {
double rssMb() {
    QFile f(QStringLiteral("/proc/self/status"));
    f.open(QIODevice::ReadOnly);
    for (const auto& line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').front().toDouble() / 1024.0;
    return 0;
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

void openOnce(const QString& path, bool typing) {
    const double rss0 = rssMb();
    QElapsedTimer clock;
    clock.start();
    auto* window = new app::MainWindow;
    window->resize(1200, 900);
    window->show();
    if (!QTest::qWaitForWindowExposed(window))
        std::printf("window not exposed\n");
    clock.restart();
    auto* page = window->files()->openFile(path);
    auto* view = page->view();
    PaintWatch watch(&clock);
    view->viewport()->installEventFilter(&watch);
    while (watch.at < 0)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    // Interactive: layout settled and a posted event comes back.
    bool answered = false;
    QTimer::singleShot(0, view, [&] { answered = true; });
    while (!answered)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    const qint64 interactive = clock.elapsed();
    std::printf("  open: first-paint %lld ms, interactive %lld ms, rss +%.0f MB (total %.0f MB), "
                "%d of %d cells own widgets\n",
                static_cast<long long>(watch.at), static_cast<long long>(interactive),
                rssMb() - rss0, rssMb(), view->materializedCount(), page->document()->cellCount());
    // The whole notebook is usable: jump to the last cell and back, each until painted.
    for (int target : {page->document()->cellCount() - 1, 0}) {
        QElapsedTimer jump;
        jump.start();
        watch.at = -1;
        watch.clock = &jump;
        view->setCurrentIndex(target);
        view->viewport()->update();
        while (watch.at < 0)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        std::printf("  jump to cell %d: painted after %lld ms (%d cells own widgets)\n", target,
                    static_cast<long long>(watch.at), view->materializedCount());
    }
    if (typing) {
        int target = page->document()->cellCount() / 2;
        while (target < page->document()->cellCount() && !page->document()->cell(target)->isCode())
            ++target;
        view->setCurrentIndex(target);
        view->enterEditMode();
        QCoreApplication::processEvents();
        auto* editor = view->widgetAt(target)->editor();
        editor->setFocus();
        std::vector<double> ms;
        for (int i = 0; i < 200; ++i) {
            QElapsedTimer t;
            t.start();
            QTest::keyClick(editor, i % 40 == 39 ? Qt::Key_Return : Qt::Key_A);
            QCoreApplication::processEvents();
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        std::printf("  typing (200 keys in cell %d): median %.2f ms, p95 %.2f ms, max %.2f ms\n",
                    target, percentile(ms, 0.5), percentile(ms, 0.95),
                    *std::max_element(ms.begin(), ms.end()));
        page->document()->undoStack()->setClean(); // no "save changes?" on close
    }
    window->files()->closeAll();
    delete window;
    QCoreApplication::processEvents();
}

void coldStart(int runs) {
    const QString quire = QCoreApplication::applicationDirPath() + QStringLiteral("/quire");
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QProcess p;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QUIRE_STARTUP_PROBE"), QStringLiteral("1"));
        p.setProcessEnvironment(env);
        QElapsedTimer t;
        t.start();
        p.start(quire, {QStringLiteral("--new-instance")});
        p.waitForFinished(30000);
        ms.push_back(double(t.elapsed()));
        if (i == 0)
            std::printf("  (in-process %s)", p.readAllStandardOutput().trimmed().constData());
    }
    std::printf("\ncold start to first paint (spawn → exit after first paint, %d runs): median "
                "%.0f ms, min %.0f ms\n",
                runs, percentile(ms, 0.5), *std::min_element(ms.begin(), ms.end()));
}
} // namespace

int main(int argc, char** argv) {
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
        QProcess gen;
        gen.start(QStringLiteral("/usr/bin/python3"),
                  {QStringLiteral(QUIRE_SOURCE_DIR "/tests/bench/gen_bench_notebooks.py"),
                   QStringLiteral("/tmp/quire-bench")});
        gen.waitForFinished(600000);
        files = QString::fromUtf8(gen.readAllStandardOutput())
                    .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }
    for (const auto& f : files) {
        std::printf("%s (%.1f MB)\n", qPrintable(f), double(QFile(f).size()) / 1e6);
        for (int r = 0; r < runs; ++r)
            openOnce(f, r == runs - 1);
    }
    coldStart(std::max(runs, 5));
    return 0;
}
