"""Widget models per student notebook (issue 17): every ipywidget is a comm with its own message.

Runs the code cells of each student notebook outside a kernel (as "Run All" would, with answers in
a temporary folder) and prints how many widget models they create, with the most common classes.

    .venv/bin/python benchmarks/widget_count.py                         # every student notebook
    .venv/bin/python benchmarks/widget_count.py 01_sociale_nabijheid --cells

Not a test; ``tests/test_kernel_cost.py`` keeps notebook 01 under a measured bound.
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from class_load import NOTEBOOKS, PROJECT, STUDENT_NOTEBOOKS  # noqa: E402

COUNT = """
import collections, json, sys
import nbformat
import ipywidgets as w
scope, cells = {}, []
for cell in nbformat.read(sys.argv[1], 4).cells:
    if cell.cell_type == "code":
        before = len(w.Widget.widgets)
        exec(compile(cell.source, "cell", "exec"), scope)
        cells.append([len(w.Widget.widgets) - before, cell.source.splitlines()[0][:70]])
print(json.dumps({"cells": cells,
                  "classes": collections.Counter(type(x).__name__ for x in w.Widget.widgets.values())}))
"""


def count(name: str) -> dict:
    with tempfile.TemporaryDirectory() as answers:
        out = subprocess.run([sys.executable, "-W", "ignore", "-c", COUNT, str(NOTEBOOKS / f"{name}.ipynb")],
                             capture_output=True, text=True, cwd=NOTEBOOKS,
                             env={**os.environ, "NABIJHEID_DATA": answers,
                                  "PYTHONPATH": str(PROJECT)})
    if out.returncode:
        raise SystemExit(f"{name}: {out.stderr[-1500:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", default=STUDENT_NOTEBOOKS)
    parser.add_argument("--cells", action="store_true", help="also the count per code cell")
    args = parser.parse_args()
    for name in args.notebooks:
        found = count(name)
        classes = collections.Counter(found["classes"])
        print(f"{name:42} {sum(classes.values()):5}  "
              + ", ".join(f"{cls} {n}" for cls, n in classes.most_common(6)))
        if args.cells:
            for number, source in found["cells"]:
                if number:
                    print(f"    {number:4}  {source}")


if __name__ == "__main__":
    main()
