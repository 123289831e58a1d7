// `quire kernels` and `quire run` end to end, with nbclient (python3-nbclient) as the reference.
#include "common/run_process.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString python() {
    return qEnvironmentVariable("QUIRE_PYTHON", QStringLiteral("/usr/bin/python3"));
}

using Result = quire::test::ProcessResult;

Result runProcess(const QString& program, const QStringList& args, int timeoutMs = 120000) {
    return quire::test::runProcess(program, args, {{}, {}, timeoutMs});
}

Result runQuire(const QStringList& args, int timeoutMs = 120000) {
    return runProcess(QStringLiteral(QUIRE_BIN), args, timeoutMs);
}

// Writes a notebook whose code cells are `sources` (nbformat 4.5, python3 kernelspec).
void writeNotebook(const QString& path, const QStringList& sources, const QStringList& tags = {}) {
    QString script = QStringLiteral(
        "import nbformat, sys, json\n"
        "from nbformat.v4 import new_notebook, new_code_cell, new_markdown_cell\n"
        "src = json.loads(sys.argv[2]); tags = json.loads(sys.argv[3])\n"
        "nb = new_notebook(); nb.metadata['kernelspec'] = {'name': 'python3', 'display_name': "
        "'Python 3', 'language': 'python'}\n"
        "nb.cells = [new_markdown_cell('# title')] + [new_code_cell(s) for s in src]\n"
        "for c, t in zip(nb.cells[1:], tags):\n"
        "    if t: c.metadata['tags'] = [t]\n"
        "nbformat.write(nb, sys.argv[1])\n");
    const auto toJson = [](const QStringList& l) {
        return QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(l)).toJson(QJsonDocument::Compact));
    };
    const Result r =
        runProcess(python(), {QStringLiteral("-c"), script, path, toJson(sources), toJson(tags)});
    QVERIFY2(r.code == 0, qPrintable(r.err));
}

// Compares quire's outputs with nbclient's for the same notebook; prints differences.
const char* kCompareScript = R"PY(
import copy, json, sys, nbformat, nbclient
ours = nbformat.read(sys.argv[1], 4)
nbformat.validate(ours)
ref = nbformat.read(sys.argv[2], 4)
nbclient.NotebookClient(ref, kernel_name='python3', allow_errors=True).execute()
def norm(outputs):
    out = []
    for o in outputs:
        o = copy.deepcopy(dict(o))
        if out and o['output_type'] == 'stream' and out[-1]['output_type'] == 'stream' and out[-1]['name'] == o['name']:
            out[-1]['text'] += o['text']
        else:
            out.append(o)
    return json.loads(json.dumps(out).replace(str(id), ''))
bad = 0
for a, b in zip(ours.cells, ref.cells):
    if a.cell_type != 'code':
        continue
    if norm(a.outputs) != norm(b.outputs) or a.execution_count != b.execution_count:
        print('DIFF', json.dumps(a.source), a.execution_count, b.execution_count, norm(a.outputs), norm(b.outputs))
        bad += 1
    t = a.metadata.get('execution', {})
    if a.source.strip() and set(t) != {'iopub.status.busy', 'iopub.execute_input', 'shell.execute_reply', 'iopub.status.idle'}:
        print('TIMING', dict(t)); bad += 1
print('language_info' in ours.metadata and ours.metadata.language_info.name == 'python' or 'NO LANGUAGE INFO')
sys.exit(1 if bad else 0)
)PY";

} // namespace

class TestKernelCli : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString path(const char* name) const { return m_dir.filePath(QLatin1String(name)); }

private slots:
    void kernelsLists() {
        const Result table = runQuire({QStringLiteral("kernels")});
        QCOMPARE(table.code, 0);
        QVERIFY2(table.out.contains(QLatin1String("python3")), qPrintable(table.out));
        QVERIFY(table.out.contains(QLatin1String("/usr/share/jupyter/kernels/python3")));
        const Result json = runQuire({QStringLiteral("kernels"), QStringLiteral("--json")});
        QCOMPARE(json.code, 0);
        const auto specs = QJsonDocument::fromJson(json.out.toUtf8())
                               .object()[QStringLiteral("kernelspecs")]
                               .toObject();
        const auto py = specs[QStringLiteral("python3")].toObject();
        QCOMPARE(py[QStringLiteral("spec")].toObject()[QStringLiteral("language")].toString(),
                 QStringLiteral("python"));
        QVERIFY(!py[QStringLiteral("resource_dir")].toString().isEmpty());
    }

    void runMatchesNbclient() {
        const QStringList cells = {
            QStringLiteral("print('a')\nprint('b')\nprint('c')"),
            // stdout and stderr are flushed independently: their order is the kernel's whim
            QStringLiteral("import sys; print('err', file=sys.stderr)"),
            QStringLiteral("x = 21\nx * 2"),
            QStringLiteral("from IPython.display import display, HTML, Markdown\n"
                           "display(HTML('<b>hi</b>'))\nh = display('first', display_id=True)\n"
                           "display(Markdown('*m*'))"),
            QStringLiteral("h.update('second')"),
            QStringLiteral("for i in range(50): print(i, flush=True)"),
            QStringLiteral("from IPython.display import clear_output\nprint('gone')\n"
                           "clear_output(wait=True)\nprint('kept')"),
            QStringLiteral("print('no newline', end='')"),
            QStringLiteral("{'json': [1, 2.5, None]}"),
            QStringLiteral(""),
            QStringLiteral("'ünïcödé ✓'"),
        };
        writeNotebook(path("in.ipynb"), cells);
        const Result run = runQuire({QStringLiteral("run"), path("in.ipynb"),
                                     QStringLiteral("--output"), path("out.ipynb")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const Result cmp =
            runProcess(python(), {QStringLiteral("-c"), QString::fromUtf8(kCompareScript),
                                  path("out.ipynb"), path("in.ipynb")});
        QVERIFY2(cmp.code == 0, qPrintable(cmp.out + cmp.err));
        QVERIFY2(cmp.out.contains(QLatin1String("True")), qPrintable(cmp.out));
        // quire check agrees the result is a valid notebook
        QCOMPARE(runQuire({QStringLiteral("check"), path("out.ipynb")}).code, 0);
    }

    void errorStopsTheRun() {
        writeNotebook(path("err.ipynb"), {QStringLiteral("1/0"), QStringLiteral("print('after')")});
        const Result run = runQuire({QStringLiteral("run"), path("err.ipynb")});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QLatin1String("ZeroDivisionError")), qPrintable(run.err));
        const Result check = runProcess(
            python(),
            {QStringLiteral("-c"),
             QStringLiteral("import nbformat,sys; nb=nbformat.read(sys.argv[1],4); c=nb.cells\n"
                            "assert c[1].outputs[0].ename=='ZeroDivisionError', c[1]\n"
                            "assert c[2].execution_count is None and not c[2].outputs, c[2]"),
             path("err.ipynb")});
        QVERIFY2(check.code == 0, qPrintable(check.err));
    }

    void allowedErrorsContinue() {
        writeNotebook(path("allow.ipynb"),
                      {QStringLiteral("raise ValueError('x')"), QStringLiteral("print('after')")},
                      {QStringLiteral("raises-exception"), QString()});
        QCOMPARE(runQuire({QStringLiteral("run"), path("allow.ipynb")}).code, 0);
        writeNotebook(path("allow2.ipynb"),
                      {QStringLiteral("raise ValueError('x')"), QStringLiteral("print('after')")});
        QCOMPARE(runQuire({QStringLiteral("run"), path("allow2.ipynb"),
                           QStringLiteral("--allow-errors")})
                     .code,
                 0);
        writeNotebook(path("skip.ipynb"), {QStringLiteral("raise ValueError('x')")},
                      {QStringLiteral("skip-execution")});
        QCOMPARE(runQuire({QStringLiteral("run"), path("skip.ipynb")}).code, 0);
    }

    void kernelDeathFails() {
        writeNotebook(path("die.ipynb"),
                      {QStringLiteral("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)")});
        const Result run = runQuire({QStringLiteral("run"), path("die.ipynb")});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QLatin1String("kernel died")), qPrintable(run.err));
    }

    void timeoutFails() {
        writeNotebook(path("slow.ipynb"), {QStringLiteral("import time\ntime.sleep(20)")});
        QElapsedTimer t;
        t.start();
        const Result run = runQuire({QStringLiteral("run"), path("slow.ipynb"),
                                     QStringLiteral("--timeout"), QStringLiteral("1")});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QLatin1String("did not finish within 1 seconds")),
                 qPrintable(run.err));
        QVERIFY(t.elapsed() < 15000);
    }

    void unknownKernelFails() {
        writeNotebook(path("k.ipynb"), {QStringLiteral("1")});
        const Result run = runQuire({QStringLiteral("run"), path("k.ipynb"),
                                     QStringLiteral("--kernel"), QStringLiteral("nosuchkernel")});
        QCOMPARE(run.code, 1);
        QVERIFY(run.err.contains(QLatin1String("nosuchkernel")));
    }
};

QTEST_GUILESS_MAIN(TestKernelCli)
#include "test_kernel_cli.moc"
