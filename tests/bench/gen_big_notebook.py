#!/usr/bin/python3
"""Writes the ~20 MB notebook bench_format reads and writes (Debian's /usr/bin/python3).

Usage: gen_big_notebook.py OUTPUT [MEGABYTES]

Markdown cells alternate with code cells; code cells carry stream text, a text/plain +
text/html execute_result and, every third one, a base64 PNG-like display_data. The content is
seeded, so every run writes the same text apart from nbformat's random cell ids."""
import base64
import random
import sys

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output


def main():
    out = sys.argv[1]
    target = int(float(sys.argv[2] if len(sys.argv) > 2 else 20) * 1024 * 1024)
    rng = random.Random(20240229)
    words = ["data", "frame", "model", "loss", "résumé", "λ", "naïve", "tensor", "plot", "axis", "梯度", "🙂"]
    nb = new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                                "language_info": {"name": "python", "version": "3.11.2"}})
    size = 0
    n = 0
    while size < target:
        n += 1
        prose = " ".join(rng.choice(words) for _ in range(60))
        nb.cells.append(new_markdown_cell("## Step %d\n\n%s\n\n- item $x_%d^2$\n- %s" % (n, prose, n, prose[:40])))
        code = "\n".join("value_%d = compute(%d, %r)  # %s" % (i, i * n, rng.random(), rng.choice(words))
                         for i in range(12))
        outputs = [
            new_output("stream", name="stdout",
                       text="".join("epoch %d loss=%.6f\n" % (i, rng.random()) for i in range(40))),
            new_output("execute_result", execution_count=n, data={
                "text/plain": "\n".join("%4d  %.5f  %.5f" % (i, rng.random(), rng.random()) for i in range(20)),
                "text/html": "<table>\n" + "".join("<tr><td>%d</td><td>%.4f</td></tr>\n" % (i, rng.random())
                                                   for i in range(20)) + "</table>"}),
        ]
        if n % 3 == 0:
            blob = bytes(rng.getrandbits(8) for _ in range(48 * 1024))
            outputs.append(new_output("display_data", data={"image/png": base64.b64encode(blob).decode("ascii"),
                                                            "text/plain": "<Figure size 640x480 with 1 Axes>"},
                                      metadata={"image/png": {"width": 640, "height": 480}}))
        nb.cells.append(new_code_cell(code, execution_count=n, outputs=outputs))
        size += len(code) + len(prose) * 2 + 4000 + (65536 if n % 3 == 0 else 0)
    nbformat.write(nb, out)


if __name__ == "__main__":
    main()
