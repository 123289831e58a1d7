#!/usr/bin/python3
"""Writes the notebooks the open/typing benchmark uses (run with Debian's /usr/bin/python3).

  text2000.ipynb   2,000 cells: markdown (heading, paragraph with inline math) alternating
                   with 10-line code cells, each with a 20-line text/plain execute_result
  images300.ipynb  300 code cells, each with a ~64 KB PNG (noisy, barely compressible) and a
                   small HTML table

Same shapes as the peers' anchor notebooks, so figures compare."""
import base64
import os
import random
import struct
import sys
import zlib

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

out_dir = sys.argv[1] if len(sys.argv) > 1 else "/tmp/quire-bench"
os.makedirs(out_dir, exist_ok=True)
meta = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"}}


def noisy_png(seed, width=128, height=170):
    rng = random.Random(seed)
    scanlines = bytearray()
    for y in range(height):
        scanlines.append(0)
        for x in range(width):
            scanlines += bytes(((x + rng.randrange(256)) & 255, (y + rng.randrange(256)) & 255,
                                (x * y + rng.randrange(256)) & 255))

    def chunk(kind, payload):
        return (struct.pack(">I", len(payload)) + kind + payload
                + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(scanlines), 9))
            + chunk(b"IEND", b""))


def text2000():
    nb = new_notebook(metadata=meta)
    for i in range(1000):
        nb.cells.append(new_markdown_cell(
            f"## Part {i}\n\nStep {i} of the study: the error falls like $1/n^2$ while the cost grows "
            f"like $n \\log n$, which the code below checks."))
        lines = [f"def step_{i}(n):", "    acc = 0", "    for k in range(n):", "        acc += k * k",
                 "    if acc > 100:", "        acc //= 2", "    return acc", "",
                 f"rows = [step_{i}(k) for k in range(20)]", "rows"]
        result = "\n".join(f"{k:>3} | {k * k + i:>9} | item_{k}" for k in range(20))
        nb.cells.append(new_code_cell("\n".join(lines), execution_count=i + 1, outputs=[
            new_output("execute_result", data={"text/plain": result}, execution_count=i + 1)]))
    return nb


def images300():
    nb = new_notebook(metadata=meta)
    for i in range(300):
        table = "<table><tr><th>a</th><th>b</th></tr>" + "".join(
            f"<tr><td>{i + r}</td><td>{r * 1.5}</td></tr>" for r in range(5)) + "</table>"
        nb.cells.append(new_code_cell(f"show_{i}()\nframe_{i}.head()", execution_count=i + 1, outputs=[
            new_output("display_data", data={"image/png": base64.b64encode(noisy_png(i)).decode(),
                                             "text/plain": "<Figure>"}),
            new_output("execute_result", data={"text/html": table, "text/plain": f"frame {i}"},
                       execution_count=i + 1)]))
    return nb


for name, build in (("text2000", text2000), ("images300", images300)):
    path = os.path.join(out_dir, name + ".ipynb")
    if not os.path.exists(path):
        nbformat.write(build(), path)
    print(path)
