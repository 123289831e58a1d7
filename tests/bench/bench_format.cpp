// Reading and writing a big notebook: Quire's readNotebook + writeCanonical against nbformat's
// read + writes on the same file, then `quire format` end to end against a Python process.
//
//   bench_format [--runs N] [NOTEBOOK]
//
// Without NOTEBOOK it writes a ~20 MB one with gen_big_notebook.py. In-process times are the
// best of N runs (default 5) and leave out Python's start-up and imports; the end-to-end
// times are whole processes (median of N). Exit status 1 when Quire is less than 10 times
// faster in process (the budget).
#include "editor/nbformat/notebook_reader.h"
#include "editor/nbformat/notebook_writer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <cstdio>

using namespace quire::editor;

namespace {
QString python() {
    return qEnvironmentVariable("QUIRE_PYTHON", QStringLiteral("/usr/bin/python3"));
}
QString quireBinary() {
    return qEnvironmentVariable("QUIRE_BIN", QStringLiteral(QUIRE_BIN));
}

double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// Runs a process, returns its wall time in ms (negative when it failed) and its stdout.
double timeProcess(const QString& program, const QStringList& args, QByteArray* out = nullptr) {
    QProcess p;
    QElapsedTimer timer;
    timer.start();
    p.start(program, args);
    if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        std::fprintf(stderr, "%s failed: %s\n", qPrintable(program),
                     p.readAllStandardError().constData());
        return -1;
    }
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (out)
        *out = p.readAllStandardOutput();
    return ms;
}

const char* const kPythonInProcess = R"(
import sys, time, nbformat
best_read = best_write = 1e9
for _ in range(int(sys.argv[2])):
    t0 = time.perf_counter()
    nb = nbformat.read(sys.argv[1], as_version=4)
    t1 = time.perf_counter()
    text = nbformat.writes(nb) + "\n"
    t2 = time.perf_counter()
    best_read, best_write = min(best_read, t1 - t0), min(best_write, t2 - t1)
print("%f %f" % (best_read * 1000, best_write * 1000))
)";

const char* const kPythonFormat = R"(
import sys, nbformat
nb = nbformat.read(sys.argv[1], as_version=4)
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write(nbformat.writes(nb) + "\n")
)";
} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int runs = 5;
    QString path;
    const QStringList args = app.arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--runs") && i + 1 < args.size())
            runs = std::max(1, args[++i].toInt());
        else
            path = args[i];
    }
    QTemporaryDir tmp;
    if (path.isEmpty()) {
        path = tmp.filePath(QStringLiteral("big.ipynb"));
        std::printf("generating %s ...\n", qPrintable(path));
        if (timeProcess(
                python(),
                {QStringLiteral(QUIRE_SOURCE_DIR "/tests/bench/gen_big_notebook.py"), path}) < 0)
            return 2;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        return 2;
    }
    const QByteArray bytes = file.readAll();
    const std::string_view text(bytes.constData(), size_t(bytes.size()));
    std::printf("notebook: %s, %.1f MB\n", qPrintable(path), double(bytes.size()) / 1e6);

    double bestRead = 1e9, bestWrite = 1e9, bestKeep = 1e9;
    std::string canonical;
    for (int i = 0; i < runs; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        auto read = readNotebook(text);
        bestRead = std::min(bestRead, msSince(t0));
        if (!read.notebook) {
            std::fprintf(stderr, "quire cannot read it: %s\n",
                         read.problems.front().message.c_str());
            return 2;
        }
        t0 = std::chrono::steady_clock::now();
        canonical = writeCanonical(*read.notebook);
        bestWrite = std::min(bestWrite, msSince(t0));
        t0 = std::chrono::steady_clock::now();
        const std::string kept = KeepStyleWriter(std::string(text)).write(*read.notebook);
        bestKeep = std::min(bestKeep, msSince(t0));
        if (kept != text)
            std::fprintf(stderr, "warning: keep style did not reproduce the file\n");
    }

    QByteArray pyOut;
    if (timeProcess(python(),
                    {QStringLiteral("-c"), QString::fromUtf8(kPythonInProcess), path,
                     QString::number(runs)},
                    &pyOut) < 0)
        return 2;
    const auto pyTimes = pyOut.trimmed().split(' ');
    const double pyRead = pyTimes.value(0).toDouble(), pyWrite = pyTimes.value(1).toDouble();

    const double quireTotal = bestRead + bestWrite, pyTotal = pyRead + pyWrite;
    std::printf("in process (best of %d)      read ms   write ms   total ms\n", runs);
    std::printf("  quire                    %8.1f   %8.1f   %8.1f\n", bestRead, bestWrite,
                quireTotal);
    std::printf("  nbformat                 %8.1f   %8.1f   %8.1f\n", pyRead, pyWrite, pyTotal);
    std::printf("  quire is %.1fx faster (read %.1fx, write %.1fx); keep-style write of the "
                "unedited file: %.1f ms\n",
                pyTotal / quireTotal, pyRead / bestRead, pyWrite / bestWrite, bestKeep);

    const QString quireOut = tmp.filePath(QStringLiteral("quire.ipynb"));
    const QString pyFile = tmp.filePath(QStringLiteral("nbformat.ipynb"));
    std::vector<double> quireRuns, pyRuns;
    for (int i = 0; i < runs; ++i) {
        quireRuns.push_back(timeProcess(
            quireBinary(), {QStringLiteral("format"), path, QStringLiteral("--output"), quireOut}));
        pyRuns.push_back(timeProcess(
            python(), {QStringLiteral("-c"), QString::fromUtf8(kPythonFormat), path, pyFile}));
    }
    QFile q(quireOut), p(pyFile);
    const bool same =
        q.open(QIODevice::ReadOnly) && p.open(QIODevice::ReadOnly) && q.readAll() == p.readAll();
    std::printf("end to end (median of %d)   `quire format` %.0f ms, python nbformat read+write "
                "%.0f ms (%.1fx); "
                "outputs %s\n",
                runs, median(quireRuns), median(pyRuns), median(pyRuns) / median(quireRuns),
                same ? "byte-identical" : "DIFFER");
    const bool ok = pyTotal / quireTotal >= 10;
    std::printf("budget (>= 10x in process): %s\n", ok ? "met" : "MISSED");
    return ok ? 0 : 1;
}
