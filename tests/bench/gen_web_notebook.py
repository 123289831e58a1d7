#!/usr/bin/python3
"""Writes the notebook the web-output benchmark opens (run with Debian's /usr/bin/python3).

  web350.ipynb  350 code cells: 300 with a pandas DataFrame (20 rows x 8 columns, the
                text/html and text/plain pandas itself makes) and, every seventh cell, one of
                50 Plotly bar/line charts (application/vnd.plotly.v1+json as plotly's
                "plotly_mimetype" renderer emits it, plus text/plain). Without python3-plotly
                the charts are left out and the file is named web300.ipynb.

Prints the path written."""
import json
import os
import sys

import numpy as np
import nbformat
import pandas as pd
from nbformat.v4 import new_code_cell, new_notebook, new_output

out_dir = sys.argv[1] if len(sys.argv) > 1 else "/tmp/quire-bench"
os.makedirs(out_dir, exist_ok=True)
try:
    import plotly.graph_objects as go
except ImportError:
    go = None

rng = np.random.RandomState(4)
cells = []
charts = 0
for i in range(350 if go else 300):
    if go and i % 7 == 6:
        x = list(range(30))
        trace = go.Bar(x=x, y=rng.rand(30).round(3).tolist()) if charts % 2 else \
            go.Scatter(x=x, y=rng.randn(30).cumsum().round(3).tolist(), mode="lines")
        fig = go.Figure(trace, layout={"title": {"text": f"chart {charts}"}, "height": 320})
        bundle = json.loads(fig.to_json())
        cells.append(new_code_cell(f"fig{charts}", execution_count=i + 1, outputs=[new_output(
            "display_data", data={"application/vnd.plotly.v1+json": {"data": bundle["data"], "layout": bundle["layout"], "config": {"plotlyServerURL": "https://plot.ly"}},
                                  "text/plain": [f"Figure({{'data': [...], 'layout': {{'title': 'chart {charts}'}}}})"]})]))
        charts += 1
        continue
    df = pd.DataFrame(rng.randn(20, 8).round(4), columns=[f"col_{c}" for c in "abcdefgh"])
    df.index.name = f"frame {i}"
    cells.append(new_code_cell(f"df{i}", execution_count=i + 1, outputs=[new_output(
        "execute_result", execution_count=i + 1,
        data={"text/html": df._repr_html_(), "text/plain": repr(df)})]))

nb = new_notebook(cells=cells, metadata={
    "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
    "language_info": {"name": "python"}})
nbformat.validate(nb)
path = os.path.join(out_dir, "web350.ipynb" if go else "web300.ipynb")
nbformat.write(nb, path)
print(path)
