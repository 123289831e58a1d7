#!/usr/bin/python3
"""`quire run` against nbclient's `jupyter execute` on the same notebook, runs alternating.

The notebook has 300 tiny code cells (`x = i*2` then `x`). Each tool runs it RUNS times
(default 5) on a fresh copy; wall time includes the kernel start and shutdown, as a user
sees it. Prints every time, the medians and the ratio quire / jupyter execute.
Usage: bench_run.py QUIRE_BINARY [RUNS]   (Debian's /usr/bin/python3: nbformat, nbclient)
"""
import os, shutil, statistics, subprocess, sys, tempfile, time
import nbformat

quire = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
work = tempfile.mkdtemp(prefix="quire-bench-run-")
nb = nbformat.v4.new_notebook()
nb.cells = [nbformat.v4.new_code_cell(f"x = {i}*2\nx") for i in range(300)]
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
source = os.path.join(work, "tiny300.ipynb")
nbformat.write(nb, source)

def timed(cmd, path, check_output):
    shutil.copy(source, path)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if check_output:  # every cell really ran
        out = nbformat.read(path, as_version=4)
        last = out.cells[-1].outputs[0]["data"]["text/plain"]
        assert last == str(299 * 2), last
    return elapsed

q, j = [], []
for _ in range(runs):
    qa = os.path.join(work, "q.ipynb")
    q.append(timed([quire, "run", qa], qa, True))
    ja = os.path.join(work, "j.ipynb")
    # Debian 12's nbclient 0.7 executes without saving: it does less than quire run here.
    j.append(timed(["jupyter-execute", ja], ja, False))
print(f"300 tiny cells, {runs} runs each, alternating")
print("  quire run       median %.2f s  (%s)" % (statistics.median(q), " ".join("%.2f" % t for t in q)))
print("  jupyter execute median %.2f s  (%s)" % (statistics.median(j), " ".join("%.2f" % t for t in j)))
print("  ratio quire / jupyter execute: %.2fx" % (statistics.median(q) / statistics.median(j)))
shutil.rmtree(work)
