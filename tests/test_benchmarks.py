"""The benchmark script keeps working (it measures nothing here: speed is measured by
``make benchmark``, never asserted in a test)."""

import contextlib
import importlib.util
import io

from conftest import PROJECT

spec = importlib.util.spec_from_file_location("bench", PROJECT / "benchmarks" / "run.py")
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


def test_every_widget_update_in_the_benchmark_runs(tmp_path):
    with contextlib.redirect_stdout(io.StringIO()):
        updates = {**bench.model_updates(str(tmp_path)), **bench.view_redraws(str(tmp_path))}
    assert len(updates) >= 20
    for name, update in updates.items():
        update()


def test_p95_and_machine_description():
    assert bench.p95([float(n) for n in range(1, 101)]) == 95.0
    assert "cores" in bench.machine()
