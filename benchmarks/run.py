"""Benchmarks: print a Markdown table of what the kit costs (run: ``make benchmark``).

Measured in one run, on this machine:

1. per notebook: headless execution wall time and the kernel's peak memory (VmHWM), next to a
   baseline kernel that only imports pandas, networkx, matplotlib and ipywidgets (median of N runs);
2. ``import lexicon_tools`` + ``load_lexicon()`` beyond importing pandas (fresh processes);
3. model update time of each widget (median and p95 over 100 updates);
4. the answer store's save time.

Not a test: nothing here fails; the targets are printed next to the numbers.
"""

import argparse
import contextlib
import io
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((PROJECT / "notebooks").glob("*.ipynb"))
BASELINE = ("import pandas, networkx, matplotlib.pyplot as plt, ipywidgets\n"
            "plt.plot([1, 2]); plt.show()")


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


# -- 1. notebooks ------------------------------------------------------------------------------------
def kernel_peak_kib(client) -> int:
    pid = client.km.provisioner.process.pid
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def run_notebook(nb, work: str) -> tuple[float, int]:
    """Execute a notebook in a fresh kernel in ``work``; (wall seconds incl. kernel start, KiB)."""
    from nbclient import NotebookClient

    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": work}})
    start = time.perf_counter()
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        elapsed = time.perf_counter() - start
        peak = kernel_peak_kib(client)
    return elapsed, peak


def bench_notebooks(runs: int) -> list[dict]:
    import shutil

    import nbformat

    baseline = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(BASELINE)])
    rows = []
    with tempfile.TemporaryDirectory() as answers:
        os.environ["NABIJHEID_DATA"] = answers
        for path in [None, *NOTEBOOKS]:
            times, peaks = [], []
            for _ in range(runs):
                nb = baseline if path is None else nbformat.read(path, as_version=4)
                with tempfile.TemporaryDirectory() as work:
                    # the lecturer notebook reads its example class next to it
                    shutil.copytree(PROJECT / "notebooks" / "voorbeeld_klas",
                                    Path(work) / "voorbeeld_klas")
                    elapsed, peak = run_notebook(nb, work)
                times.append(elapsed)
                peaks.append(peak)
            rows.append({"notebook": "basis (alleen imports)" if path is None else path.stem,
                         "seconds": statistics.median(times),
                         "peak_mib": statistics.median(peaks) / 1024})
            print(f"  {rows[-1]['notebook']}: {rows[-1]['seconds']:.2f} s, "
                  f"{rows[-1]['peak_mib']:.0f} MiB", file=sys.stderr)
    return rows


# -- 2. import + load --------------------------------------------------------------------------------
IMPORT_CODE = """
import time
t0 = time.perf_counter()
import pandas
t1 = time.perf_counter()
import lexicon_tools as lt
lt.load_lexicon()
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


def bench_import(runs: int) -> tuple[float, float]:
    pandas_s, extra_s = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", IMPORT_CODE], capture_output=True, text=True,
                             check=True, cwd=PROJECT).stdout.split()
        pandas_s.append(float(out[0]))
        extra_s.append(float(out[1]))
    return statistics.median(pandas_s), statistics.median(extra_s)


# -- 3. widget model updates -------------------------------------------------------------------------
def model_updates(store_folder: str) -> dict[str, callable]:
    """One update function per widget model; each call changes what the student would see."""
    import lexicon_tools as lt
    from lexicon_tools.case_map import CaseMap
    from lexicon_tools.distance_scale import DistanceScale
    from lexicon_tools.exercises import (CaseMapSpec, ProfileSpec, QuizQuestion, SortTask,
                                         load_exercises)
    from lexicon_tools.integral_case import IntegralCase
    from lexicon_tools.network_map import NetworkMap, Tie
    from lexicon_tools.profile import ProfileRating
    from lexicon_tools.segregation import SchellingModel
    from lexicon_tools.straatscan import Straatscan
    from lexicon_tools.widgets.model_view import ModelViewerModel
    from lexicon_tools.widgets.quiz import QuizModel
    from lexicon_tools.widgets.reflection import ReflectionModel
    from lexicon_tools.widgets.sorting import SortTaskModel, categories_for
    from lexicon_tools.widgets.worksheet import TextFieldsModel

    lex = lt.load_lexicon()
    store = lt.AnswerStore("benchmark", store_folder, delay=0.6)
    items = load_exercises().values()
    quiz = QuizModel([q for q in items if isinstance(q, QuizQuestion)][:3], store)
    sort_spec = next(t for t in items if isinstance(t, SortTask))
    sort = SortTaskModel(sort_spec, categories_for(sort_spec), store)
    viewer = ModelViewerModel(lex.model("ladder-onderlinge-verbintenissen"))
    levels = viewer.level_ids
    reflection = ReflectionModel("bench-r1", "Vraag?", store)
    scale = DistanceScale([f"groep {n}" for n in range(10)],
                          [(lv.id, lv.label) for lv in lex.model("bogardus-schaal").niveaus], store)
    scale_levels = [lv.id for lv in lex.model("bogardus-schaal").niveaus]
    network = NetworkMap()
    rungs = [lv.label for lv in lex.model("ladder-onderlinge-verbintenissen").niveaus]
    scan = Straatscan(rungs=rungs, undesirable={1, 6})
    profile_spec = next(p for p in items if isinstance(p, ProfileSpec))
    case_spec = next(c for c in items if isinstance(c, CaseMapSpec))
    with contextlib.redirect_stdout(io.StringIO()):  # views draw once; outside a kernel that prints
        profile = lt.ProfileView(profile_spec.id, store).model
        case_map = lt.CaseMapView(case_spec.id, store).model
    integral = IntegralCase([f"professional {n}" for n in range(8)])
    worksheet = TextFieldsModel("bench-w", [("a", "A"), ("b", "B")], store)
    schelling = SchellingModel(size=30, seed=1)
    counter = iter(range(10**9))
    return {
        "Reflection (typen)": lambda: reflection.update(f"antwoord {next(counter)}"),
        "Quiz (kies + controleer)": lambda: (quiz.choose(next(iter(quiz.questions)),
                                                         next(counter) % 2), quiz.check()),
        "SortTask (plaats + controleer)": lambda: (sort.place(next(counter) % len(sort.task.items),
                                                              sort.categories[0][0]), sort.check()),
        "ModelViewer (kies niveau)": lambda: (viewer.select(levels[next(counter) % len(levels)]),
                                              viewer.html()),
        "Afstandsschaal (kies)": lambda: scale.choose(f"groep {next(counter) % 10}",
                                                      scale_levels[next(counter) % 6]),
        "Netwerkkaart (band + lezing)": lambda: (network.add(Tie(f"p{next(counter)}", "buur", 2, True)),
                                                 network.counts(), network.reading()),
        "Straatscan (trede)": lambda: (scan.set_levels("alle bewoners", nu=1 + next(counter) % 5),
                                       scan.hints(), scan.summary()),
        "Profiel (score)": lambda: (profile.rate(0, profile.dimensions[0].id,
                                                 profile.minimum + next(counter) % 2),
                                    profile.differences()),
        "Casuskaart (stap schrijven)": lambda: case_map.write(case_map.first_step,
                                                              f"tekst {next(counter)}",
                                                              case_map.parties[0]),
        "Integrale casus (regisseur)": lambda: (integral.choose_regisseur(
            integral.professionals[next(counter) % 8]), integral.contacts_of_household("na")),
        "Werkblad (typen)": lambda: worksheet.update("a", f"tekst {next(counter)}"),
        "Schelling (één stap, 30x30)": lambda: schelling.step(),
    }


def view_redraws(store_folder: str) -> dict[str, callable]:
    """The redraw of each widget that shows a figure (what a student waits for after a change).

    Each call makes a change a student could make, then redraws; it works with today's package
    and with the baseline commit's (see :func:`baseline_redraws`).
    """
    import lexicon_tools as lt

    store = lt.AnswerStore("benchmark-views", store_folder, delay=0.6)
    with contextlib.redirect_stdout(io.StringIO()):
        views = {
            "Netwerkkaart": (lt.NetworkMapView("netwerkkaart", store), "_refresh"),
            "Afstandsschaal": (lt.DistanceScaleView("sociale-afstand-schaal", store), "_draw"),
            "Schelling": (lt.SchellingView(), "_draw"),
            "Profiel": (lt.ProfileView("publieke-ruimte-profiel", store), "_refresh"),
            "Integrale casus": (lt.IntegralCaseView("integraal-werken-casus", store), "_draw"),
            "Straatscan": (lt.StraatscanView("ladder-straatscan", store), "_draw"),
            "Casuskaart": (lt.CaseMapView("boundary-spanner-casuskaart", store), "_show_party"),
            "Padverkenner": (lt.PathExplorer("wederkerigheid", "boundary-spanner"), "_update"),
        }
    scale = views["Afstandsschaal"][0].model
    for group in scale.groups:
        scale.choose(group, scale.levels[1][0])
    counter = iter(range(10**9))
    explorer = views["Padverkenner"][0]
    ends = ["boundary-spanner", "eenzaamheid", "presentie", "preventie"]
    integral = views["Integrale casus"][0].model
    changes = {  # a student's change before the redraw
        "Afstandsschaal": lambda: scale.choose(scale.groups[0], scale.levels[next(counter) % 6][0]),
        "Schelling": lambda: views["Schelling"][0].model.step(),
        "Integrale casus": lambda: integral.choose_regisseur(
            integral.professionals[next(counter) % len(integral.professionals)]),
        "Padverkenner": lambda: setattr(explorer._end, "value", ends[next(counter) % len(ends)]),
    }

    def redraw(name, view, method):
        def run():
            if name == "Padverkenner":  # setting the dropdown redraws by itself
                return changes[name]()
            changes.get(name, lambda: None)()
            getattr(view, method)()
        return run
    return {f"{name} (figuur opnieuw tekenen)": redraw(name, view, method)
            for name, (view, method) in views.items()}


def time_calls(update, repeat: int) -> dict:
    update()  # warm up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        update()
        times.append((time.perf_counter() - start) * 1000)
    return {"median_ms": statistics.median(times), "p95_ms": p95(times)}


def bench_updates(repeat: int = 100) -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        return [{"widget": name, **time_calls(update, repeat)}
                for name, update in model_updates(folder).items()]


def bench_figures(repeat: int = 40) -> list[dict]:
    """Figure redraws with today's code (2x resolution), p95 over ``repeat`` redraws."""
    with tempfile.TemporaryDirectory() as folder:
        return [{"widget": name, **time_calls(update, repeat)}
                for name, update in view_redraws(folder).items()]


# The package before the figure work of issue 14 (blurry 1x PNGs, figures rebuilt on every redraw).
BASELINE_COMMIT = "4c9b177b6ccf7c0f919fef1aea4313ea5c2fc3b6"


def baseline_redraws(repeat: int = 40) -> dict[str, dict] | str:
    """The same redraws measured with the baseline commit's package, in a child process.

    Returns {widget: timings}, or a Dutch reason when the baseline is not available (no git, or a
    shallow clone without that commit).
    """
    import json
    import tarfile

    with tempfile.TemporaryDirectory() as old:
        try:
            archive = subprocess.run(["git", "-C", str(PROJECT), "archive", "--format=tar",
                                      BASELINE_COMMIT, "lexicon_tools", "lexicon_data", "exercises"],
                                     capture_output=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError):
            return f"oude figuren niet gemeten: commit {BASELINE_COMMIT[:7]} niet beschikbaar"
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(old, filter="data")
        result = subprocess.run([sys.executable, __file__, "--figures-json", str(repeat)],
                                capture_output=True, text=True, cwd=old,
                                env={**os.environ, "PYTHONPATH": old, "MPLBACKEND": "Agg"})
        if result.returncode != 0:
            return "oude figuren niet gemeten: " + (result.stderr.strip().splitlines() or ["?"])[-1]
        return {row["widget"]: row for row in json.loads(result.stdout.strip().splitlines()[-1])}


def figure_lines(repeat: int = 40) -> list[str]:
    """A Markdown table: each figure redraw today (2x) next to the baseline commit (1x)."""
    from lexicon_tools.rendering import SCALE

    old = baseline_redraws(repeat)
    new = bench_figures(repeat)
    lines = [f"| figuur opnieuw tekenen (na een wijziging) | nu: mediaan (ms) | nu: p95 (ms) | "
             f"vóór ({BASELINE_COMMIT[:7]}): mediaan | vóór: p95 |", "|---|---:|---:|---:|---:|"]
    for row in new:
        before = old.get(row["widget"]) if isinstance(old, dict) else None
        was = f"{before['median_ms']:.1f} | {before['p95_ms']:.1f}" if before else "– | –"
        lines.append(f"| {row['widget']} | {row['median_ms']:.1f} | {row['p95_ms']:.1f} | {was} |")
    worst = max(row["p95_ms"] for row in new)
    lines += ["", f"Nu: {SCALE}x resolutie (scherp op high-DPI-schermen), één figuur per widget "
              "waarvan alleen de veranderde onderdelen opnieuw getekend worden. Vóór: 1x, elke keer "
              f"een nieuwe figuur. Doel: elke figuur p95 ≤ 100 ms ({repeat} herhalingen); "
              f"hoogste p95 nu {worst:.1f} ms."]
    if isinstance(old, str):
        lines.append(f"({old}.)")
    return lines


# -- 4. answer store ---------------------------------------------------------------------------------
def bench_store(repeat: int = 100) -> tuple[float, float]:
    from lexicon_tools import AnswerStore

    with tempfile.TemporaryDirectory() as folder:
        store = AnswerStore("benchmark", folder, delay=0)
        for n in range(60):  # a well-filled notebook
            store.set(f"q{n}", "Een antwoord van een paar zinnen. " * 8, question=f"Vraag {n}?")
        times = []
        for n in range(repeat):
            start = time.perf_counter()
            store.set("q0", f"Nieuw antwoord {n}", question="Vraag 0?")
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), p95(times)


# -- 5. the JupyterLab server of one user ----------------------------------------------------------
def bench_server() -> float:
    """Peak memory (MiB) of a JupyterLab server after serving the page and one notebook's model."""
    import socket
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with tempfile.TemporaryDirectory() as home:
        server = subprocess.Popen(
            [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}",
             "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=", "--ServerApp.password=",
             f"--ServerApp.root_dir={PROJECT / 'notebooks'}", "--allow-root"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "JUPYTERLAB_WORKSPACES_DIR": home})
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(120):
                try:
                    urllib.request.urlopen(f"{base}/lab", timeout=2).read()
                    break
                except OSError:
                    time.sleep(0.5)
            urllib.request.urlopen(f"{base}/api/contents/01_sociale_nabijheid.ipynb",
                                   timeout=10).read()
            status = Path(f"/proc/{server.pid}/status").read_text().splitlines()
            return next(int(l.split()[1]) for l in status if l.startswith("VmHWM:")) / 1024
        finally:
            server.terminate()
            server.wait(timeout=20)


# -- report --------------------------------------------------------------------------------------------
def machine() -> str:
    cpu = next((l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines()
                if l.startswith("model name")), platform.processor())
    mem = next(int(l.split()[1]) for l in Path("/proc/meminfo").read_text().splitlines()
               if l.startswith("MemTotal"))
    return (f"{os.cpu_count()} cores ({cpu}), {mem / 1024**2:.0f} GiB RAM, Python "
            f"{platform.python_version()}, {platform.system()} {platform.release()}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per notebook (median)")
    parser.add_argument("--figures", action="store_true",
                        help="only the figure redraws: today's code next to the baseline commit")
    parser.add_argument("--figures-json", type=int, metavar="N", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.figures_json:  # child process of baseline_redraws
        import json

        print(json.dumps(bench_figures(args.figures_json)))
        return 0
    if args.figures:
        print("\n".join(figure_lines()))
        return 0

    print("notebooks …", file=sys.stderr)
    notebooks = bench_notebooks(args.runs)
    print("import …", file=sys.stderr)
    pandas_s, extra_s = bench_import(max(5, args.runs))
    print("widgets …", file=sys.stderr)
    updates = bench_updates()
    print("figuren …", file=sys.stderr)
    figures = figure_lines()
    store_median, store_p95 = bench_store()
    print("server …", file=sys.stderr)
    server_mib = bench_server()

    base = notebooks[0]
    lines = [f"Gemeten op {time.strftime('%Y-%m-%d')}: {machine()}. Mediaan van {args.runs} runs.", "",
             "| notebook | uitvoeren (s) | t.o.v. basis | piekgeheugen kernel (MiB) | t.o.v. basis |",
             "|---|---:|---:|---:|---:|"]
    for row in notebooks:
        lines.append(f"| {row['notebook']} | {row['seconds']:.1f} | "
                     f"{row['seconds'] - base['seconds']:+.1f} s | {row['peak_mib']:.0f} | "
                     f"{row['peak_mib'] / base['peak_mib']:.2f}x |")
    worst_memory = max(r["peak_mib"] for r in notebooks[1:])
    lines += ["", "Doel: geheugen ≤ 1,3x basis, uitvoeren ≤ basis + 3 s per notebook.", "",
              f"`import lexicon_tools` + `load_lexicon()`: **{extra_s:.2f} s** bovenop `import pandas` "
              f"({pandas_s:.2f} s). Doel: ≤ 0,5 s.", "",
              "| widget: model-update | mediaan (ms) | p95 (ms) |",
              "|---|---:|---:|"]
    lines += [f"| {r['widget']} | {r['median_ms']:.2f} | {r['p95_ms']:.2f} |" for r in updates]
    lines += ["", "Doel: p95 ≤ 50 ms voor een model-update (100 herhalingen).", "", *figures, "",
              f"Antwoord opslaan (60 antwoorden in het bestand, atomisch met bestandsslot): mediaan "
              f"{store_median:.1f} ms, p95 {store_p95:.1f} ms.", "",
              f"JupyterHub: per student één JupyterLab-server (~{server_mib:.0f} MiB gemeten) plus "
              f"één kernel per open notebook (zwaarste: ~{worst_memory:.0f} MiB). Met één open "
              f"notebook is dat ~{server_mib + worst_memory:.0f} MiB, dus ongeveer "
              f"{1024 / (server_mib + worst_memory):.1f} studenten per GB geheugen; met twee open "
              f"notebooks {1024 / (server_mib + 2 * worst_memory):.1f}."]
    report = "\n".join(lines)
    print(report)
    (PROJECT / "benchmarks" / "latest.md").write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
