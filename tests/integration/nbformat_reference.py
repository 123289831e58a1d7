#!/usr/bin/python3
"""nbformat's output for each notebook named on the command line (test_format_corpus).

Usage: nbformat_reference.py OUTDIR FILE...

For FILE number i (from 0) it writes OUTDIR/i.ipynb with
nbformat.writes(nbformat.read(FILE, as_version=4)) + "\\n", or OUTDIR/i.skip with the reason
when nbformat refuses the file. OUTDIR/i.random-ids marks outputs in which nbformat made up
cell ids (an upgraded v3 notebook, or a 4.5 notebook with missing or repeated ids).
"""
import json
import os
import sys
import warnings

import nbformat


def makes_random_ids(path):
    with open(path, encoding="utf-8") as f:
        raw = json.load(f)
    if raw.get("nbformat") == 3:
        return True
    if raw.get("nbformat") == 4 and raw.get("nbformat_minor", 0) >= 5:
        ids = [cell.get("id") for cell in raw.get("cells", [])]
        return None in ids or len(set(map(str, ids))) != len(ids)
    return False


def main():
    outdir = sys.argv[1]
    warnings.simplefilter("ignore")
    for i, path in enumerate(sys.argv[2:]):
        base = os.path.join(outdir, str(i))
        try:
            nb = nbformat.read(path, as_version=4)
            text = nbformat.writes(nb) + "\n"
            data = text.encode("utf-8")
        except Exception as e:  # nbformat refuses it: the test skips the file
            with open(base + ".skip", "w", encoding="utf-8") as f:
                f.write("%s: %s" % (type(e).__name__, e))
            continue
        with open(base + ".ipynb", "wb") as f:
            f.write(data)
        if makes_random_ids(path):
            open(base + ".random-ids", "w").close()


if __name__ == "__main__":
    main()
