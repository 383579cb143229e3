"""The figure cache (issue 17): at Run All a figure drawn before comes from disk without
matplotlib; any change in what it shows, or in the drawing code, draws it anew; a damaged
cache only costs time."""

import json
import os
import subprocess
import sys

from pathlib import Path

import pytest

import lexicon_tools as lt
from lexicon_tools import figure_cache

# Builds every figure view of the student notebooks, then prints what it showed and whether
# matplotlib (and networkx) had to be imported for it.
BUILD = """
import json, sys
import lexicon_tools as lt
store = lt.AnswerStore("figuren", delay=0)
views = {
    "netwerkkaart": lt.NetworkMapView("netwerkkaart", store),
    "afstand": lt.DistanceScaleView("sociale-afstand-schaal", store),
    "profiel": lt.ProfileView("publieke-ruimte-profiel", store),
    "straatscan": lt.StraatscanView("ladder-straatscan", store),
    "schelling": lt.SchellingView(),
    "integraal": lt.IntegralCaseView("integraal-werken-casus", store),
    "casuskaart": lt.CaseMapView("boundary-spanner-casuskaart", store),
}
shown = {name: [view._figure.image.value, view._figure.alt.value] for name, view in views.items()}
lt.toon_netwerk()
store.flush()
print(json.dumps({"shown": shown, "modules": sorted(m for m in ("matplotlib", "networkx")
                                                      if m in sys.modules)}))
"""


def _run(env: dict, code: str = BUILD) -> dict:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, **env}, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.fixture
def fresh(tmp_path):
    return {"NABIJHEID_CACHE": str(tmp_path / "cache"), "NABIJHEID_DATA": str(tmp_path / "antw")}


def test_second_run_all_shows_the_same_figures_without_matplotlib_or_networkx(fresh):
    first = _run(fresh)
    assert first["modules"] == ["matplotlib", "networkx"]  # drawn for real the first time
    second = _run(fresh)
    assert second["modules"] == []
    assert second["shown"] == first["shown"]
    assert all("data:image/png;base64," in image for image, _alt in second["shown"].values())


def test_a_changed_answer_is_drawn_anew_not_taken_from_the_cache(fresh):
    first = _run(fresh)
    choose = ('store = lt.AnswerStore("figuren", delay=0)\n'
              'v = lt.DistanceScaleView("sociale-afstand-schaal", store)\n'
              'v._dropdowns[v.model.groups[0]].value = v.model.levels[0][0]\n'
              'store.flush()')
    change = BUILD.replace('store = lt.AnswerStore("figuren", delay=0)', choose)
    second = _run(fresh, change)
    assert "matplotlib" in second["modules"]
    assert second["shown"]["afstand"] != first["shown"]["afstand"]
    assert second["shown"]["netwerkkaart"] == first["shown"]["netwerkkaart"]


def test_interaction_after_a_cached_drawing_builds_the_real_chart(fresh):
    _run(fresh)
    code = BUILD + """
before = views["profiel"]._figure.png
view = views["profiel"]
key = next(iter(view._buttons))
view._buttons[key].value = view.spec.maximum if view._buttons[key].value != view.spec.maximum else view.spec.minimum
print(json.dumps({"shown": {"changed": [str(view._figure.png != before), str(view.chart is not None)]},
                  "modules": sorted(m for m in ("matplotlib",) if m in sys.modules)}))
"""
    result = _run(fresh, code)
    assert result["shown"]["changed"] == ["True", "True"]
    assert result["modules"] == ["matplotlib"]


def test_changed_drawing_code_or_damaged_files_are_drawn_anew(fresh, tmp_path):
    first = _run(fresh)
    folder = tmp_path / "cache" / "figuren"
    pngs = sorted(folder.glob("*.png"))
    assert len(pngs) >= 8
    for png in pngs:  # cut off, or not a PNG at all
        png.write_bytes(png.read_bytes()[:100] if png.stat().st_size % 2 else b"<html>nep</html>")
    second = _run(fresh)
    assert "matplotlib" in second["modules"] and second["shown"] == first["shown"]
    stamp = "import lexicon_tools.figure_cache as fc; fc._stamp = 'andere code'\n"
    third = _run(fresh, stamp + BUILD)
    assert "matplotlib" in third["modules"]


def test_switched_off_cache_writes_nothing(tmp_path):
    result = _run({"NABIJHEID_CACHE": "uit", "NABIJHEID_DATA": str(tmp_path / "antw")})
    assert "matplotlib" in result["modules"]
    assert not any(tmp_path.rglob("*.png"))


def test_cache_keeps_a_bounded_number_of_drawings(tmp_path, monkeypatch):
    monkeypatch.setenv("NABIJHEID_CACHE", str(tmp_path))
    monkeypatch.setattr(figure_cache, "MAX_FILES", 5)
    figure_cache.clear_memory()
    png = b"\x89PNG\r\n\x1a\n" + b"0" * 20 + b"IEND\xaeB`\x82"
    for number in range(12):
        figure_cache.put("proef", number, png)
    assert len(list((tmp_path / "figuren").glob("*.png"))) == 5
    figure_cache.clear_memory()
    assert figure_cache.get("proef", 11) == png and figure_cache.get("proef", 0) is None


def test_admin_prepared_shared_cache_serves_a_fresh_student_without_matplotlib(tmp_path):
    """`nabijheid voorbereiden MAP` on a hub: a student with an empty own cache reads the shared
    one (parsed lexicon and first drawings) and never writes into it."""
    shared = tmp_path / "gedeeld"
    out = subprocess.run([sys.executable, "-m", "lexicon_tools", "voorbereiden", str(shared)],
                         capture_output=True, text=True, timeout=600,
                         env={**os.environ, "NABIJHEID_CACHE": str(tmp_path / "beheerder")})
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    assert "Klaar:" in out.stdout and "NABIJHEID_CACHE_GEDEELD=" in out.stdout
    package = Path(lt.__file__).parent  # bytecode a student's kernel could not write itself
    for source in package.rglob("*.py"):
        assert list((source.parent / "__pycache__").glob(f"{source.stem}.*.pyc")), source.name
    files = sorted(p for p in shared.rglob("*") if p.is_file())
    assert len([p for p in files if p.suffix == ".png"]) >= 8
    assert all(p.stat().st_mode & 0o004 for p in files)  # other users can read them
    before = {p: p.stat().st_mtime_ns for p in files}
    student = {"NABIJHEID_CACHE": str(tmp_path / "student"), "NABIJHEID_DATA": str(tmp_path / "a"),
               "NABIJHEID_CACHE_GEDEELD": str(shared)}
    result = _run(student)
    assert result["modules"] == []
    assert {p: p.stat().st_mtime_ns for p in shared.rglob("*") if p.is_file()} == before
    alone = _run({**student, "NABIJHEID_CACHE": str(tmp_path / "ander"), "NABIJHEID_CACHE_GEDEELD": ""})
    assert alone["modules"] == ["matplotlib", "networkx"] and alone["shown"] == result["shown"]
