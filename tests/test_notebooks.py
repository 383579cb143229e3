"""Every notebook: the STYLE.md skeleton, no committed outputs, executes top to bottom headless."""

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import PROJECT

NOTEBOOKS = sorted((PROJECT / "notebooks").glob("*.ipynb"))
SKELETON = ["## Overzicht", "## Voorkennis", "## Samenvatting", "## Verder"]
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def markdown_headings(nb: dict) -> list[str]:
    lines = []
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            lines += [l.strip() for l in "".join(cell["source"]).splitlines() if l.startswith("#")]
    return lines


def test_there_is_a_start_notebook():
    assert PROJECT / "notebooks" / "00_start_hier.ipynb" in NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_skeleton(path):
    nb = load(path)
    headings = markdown_headings(nb)
    assert headings and re.match(r"^# \S", headings[0]), "the first heading is the '# Titel'"
    positions = [headings.index(h) for h in SKELETON]
    assert positions == sorted(positions), f"headings out of order: {SKELETON}"
    voorkennis = next("".join(c["source"]) for c in nb["cells"]
                      if "".join(c["source"]).startswith("## Voorkennis"))
    assert "| begrip | belang | toelichting |" in voorkennis and "*Tijd:*" in voorkennis
    overzicht = next("".join(c["source"]) for c in nb["cells"]
                     if "".join(c["source"]).startswith("## Overzicht"))
    assert re.search(r"^1\. ", overzicht, re.M), "Overzicht has numbered leerdoelen"
    first_code = next(c for c in nb["cells"] if c["cell_type"] == "code")
    assert "import lexicon_tools as lt" in "".join(first_code["source"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    for cell in load(path)["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_code_cells_are_thin(path):
    """Notebooks are narrative plus short calls: no content or logic hidden in code cells."""
    for cell in load(path)["cells"]:
        if cell["cell_type"] == "code":
            source = "".join(cell["source"])
            assert len(source.splitlines()) <= 6, source
            assert "def " not in source and "filterwarnings" not in source, source


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_executes_headless(path, tmp_path, monkeypatch):
    import nbformat
    from nbclient import NotebookClient

    monkeypatch.setenv("NABIJHEID_DATA", str(tmp_path / "antwoorden"))
    shutil.copytree(path.parent / "voorbeeld_klas", tmp_path / "voorbeeld_klas")  # lecturer's example
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    errors = [o for o in outputs if o.output_type == "error"]
    assert not errors, errors[0].get("evalue")
    stderr = [o.text for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    assert not stderr, stderr
    widget_cells = [c for c in nb.cells if c.cell_type == "code" and
                    re.search(r"lt\.(Reflection|ExportPanel)\(", c.source)]
    for cell in widget_cells:
        assert any(WIDGET_MIME in o.get("data", {}) for o in cell.outputs), cell.source
    for cell in (c for c in nb.cells if c.cell_type == "code" and "toon_netwerk(" in c.source):
        assert any("image/png" in o.get("data", {}) for o in cell.outputs), "graph not drawn"
