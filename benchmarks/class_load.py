"""Class load benchmark: a whole class presses "Run All" at once.

For each N (default 1, 4, 8) it starts N kernels at the same moment that execute a chosen notebook,
and, in the same run, N bare kernels that only import pandas, networkx, matplotlib and ipywidgets
and draw one plot. It prints, per N: the wall time until all N are done, the median and max wall
time per kernel, the kernel's CPU seconds, its peak memory (VmHWM), and the ratios notebook / bare.

    .venv/bin/python benchmarks/class_load.py                       # notebook 01, N = 1 4 8
    .venv/bin/python benchmarks/class_load.py --n 1 8 --notebooks 00_start_hier 01_sociale_nabijheid
    .venv/bin/python benchmarks/class_load.py --alle                # every student notebook
    .venv/bin/python benchmarks/class_load.py --koud                # no shared cache (see below)

Every kernel is a separate student: own empty answers and cache folders, as at a first lesson on a
hub. By default the class shares a read-only cache that the admin prepared with ``nabijheid
voorbereiden`` (the benchmark fills one first); ``--koud`` measures the class without it.

Part of ``make benchmark`` (not of ``make test``). Not a test: nothing fails; the targets
(wall <= 1.3x bare at N = 8, mean peak memory <= 1.0x bare) are printed next to the numbers.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
NOTEBOOKS = PROJECT / "notebooks"
STUDENT_NOTEBOOKS = ["00_start_hier", "01_sociale_nabijheid", "02_geografische_nabijheid",
                     "03a_professionele_nabijheid_relatie", "03b_professionele_nabijheid_werkwijzen",
                     "04_institutionele_nabijheid", "10_ladder_van_onderlinge_verbintenissen",
                     "11_het_lexicon_als_netwerk"]
BARE = ("import pandas, networkx, matplotlib.pyplot as plt, ipywidgets\n"
        "plt.plot([1, 2]); plt.show()")

# One worker = one student: waits for the common start, runs the notebook in a fresh kernel,
# reports wall seconds, the kernel's CPU seconds and its peak memory.
WORKER = r"""
import json, os, sys, time
from pathlib import Path
import nbformat
from nbclient import NotebookClient

target, start_at, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
if target == "bare":
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(sys.argv[4])])
    cwd = os.getcwd()
else:
    nb = nbformat.read(target, as_version=4)
    cwd = str(Path(target).parent)
time.sleep(max(0.0, start_at - time.time()))
client = NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": cwd}})
t0 = time.perf_counter()
with client.setup_kernel():
    for index, cell in enumerate(nb.cells):
        client.execute_cell(cell, index)
    wall = time.perf_counter() - t0
    pid = client.km.provisioner.process.pid
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    peak = next(int(l.split()[1]) for l in Path(f"/proc/{pid}/status").read_text().splitlines()
                if l.startswith("VmHWM:"))
Path(out).write_text(json.dumps({"wall": wall, "cpu": cpu, "peak_kib": peak}))
"""


def run_class(target: str, n: int, answers: str, shared: str) -> dict:
    """Start ``n`` workers at the same moment; gather their numbers and the wall time for all.

    Every worker is a student of their own: an own, empty answers folder and cache folder (as
    separate users on a hub at their first lesson), and ``shared`` as the class's read-only cache
    prepared by the admin ("" for none)."""
    with tempfile.TemporaryDirectory() as tmp:
        start_at = time.time() + 3 + 0.4 * n  # every worker has imported nbclient by then
        outs = [Path(tmp) / f"{i}.json" for i in range(n)]
        procs = []
        for index, out in enumerate(outs):
            own = Path(answers) / f"{target.rsplit('/', 1)[-1]}-{n}-{index}"
            env = {**os.environ, "NABIJHEID_DATA": str(own / "antwoorden"),
                   "NABIJHEID_CACHE": str(own / "cache"), "NABIJHEID_CACHE_GEDEELD": shared}
            procs.append(subprocess.Popen([sys.executable, "-c", WORKER, target, str(start_at),
                                           str(out), BARE], env=env, cwd=str(PROJECT),
                                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                          text=True))
        errors = [proc.communicate()[1] for proc in procs]
        wall_all = time.time() - start_at
        failed = [e for p, e in zip(procs, errors) if p.returncode != 0]
        if failed:
            raise SystemExit(f"{target}: a kernel failed:\n{failed[0][-2000:]}")
        results = [json.loads(out.read_text()) for out in outs]
    walls = [r["wall"] for r in results]
    return {"n": n, "wall_all": wall_all, "median": statistics.median(walls), "max": max(walls),
            "cpu": statistics.median(r["cpu"] for r in results),
            "peak_mib": statistics.mean(r["peak_kib"] for r in results) / 1024}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[1, 4, 8])
    parser.add_argument("--notebooks", nargs="+", default=["01_sociale_nabijheid"])
    parser.add_argument("--alle", action="store_true", help="every student notebook")
    parser.add_argument("--koud", action="store_true",
                        help="no shared cache prepared by the admin (nabijheid voorbereiden)")
    args = parser.parse_args()
    names = STUDENT_NOTEBOOKS if args.alle else args.notebooks
    rows = []
    with tempfile.TemporaryDirectory() as answers, tempfile.TemporaryDirectory() as shared:
        if not args.koud:
            print("  gedeelde cache vullen (nabijheid voorbereiden) ...", file=sys.stderr)
            subprocess.run([sys.executable, "-m", "lexicon_tools", "voorbereiden", shared],
                           check=True, stdout=subprocess.DEVNULL, cwd=str(PROJECT),
                           env={**os.environ, "NABIJHEID_CACHE": str(Path(answers) / "beheerder")})
        shared = "" if args.koud else shared
        for n in args.n:
            bare = run_class("bare", n, answers, shared)
            rows.append(("basiskernel", bare, bare))
            print(f"  N={n} basis: {bare['median']:.1f} s, {bare['peak_mib']:.0f} MiB",
                  file=sys.stderr)
            for name in names:
                result = run_class(str(NOTEBOOKS / f"{name}.ipynb"), n, answers, shared)
                rows.append((name, result, bare))
                print(f"  N={n} {name}: {result['median']:.1f} s, {result['peak_mib']:.0f} MiB",
                      file=sys.stderr)
    cache = ("zonder gedeelde cache: elke student tekent en leest alles zelf" if args.koud else
             "met de gedeelde cache van `nabijheid voorbereiden`; eigen cache van elke student leeg")
    print(f"Klasbelasting: N kernels tegelijk 'Run All', naast N basiskernels in dezelfde run "
          f"({time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores; {cache}).\n")
    print("| N | notebook | wand, alle N (s) | mediaan (s) | max (s) | CPU per kernel (s) "
          "| piekgeheugen (MiB) | wand t.o.v. basis | geheugen t.o.v. basis |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, result, bare in rows:
        print(f"| {result['n']} | {name} | {result['wall_all']:.1f} | {result['median']:.1f} | "
              f"{result['max']:.1f} | {result['cpu']:.2f} | {result['peak_mib']:.0f} | "
              f"{result['median'] / bare['median']:.2f}x | "
              f"{result['peak_mib'] / bare['peak_mib']:.2f}x |")
    print("\nDoel: bij N = 8 hooguit 1,3x de wandtijd van de basiskernel, en gemiddeld over de "
          "studentnotebooks hooguit 1,0x zijn piekgeheugen.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
