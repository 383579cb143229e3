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


# -- the student's view: collapsed widget code, contents and lemma links, no lecturer cells ---------
STUDENT = [p for p in NOTEBOOKS if p.name[0].isdigit()]
COLLAPSED = [p for p in STUDENT if p.name[:2] in {"00", "01", "02", "03", "04", "10"}]
LONG = [p for p in STUDENT if p.name[:2] in {"01", "02", "03", "04"}]
WIDGET_LINE = re.compile(r"^lt\.(\w+\.)?\w+\(.*\)$")
DISPLAY_ONLY = {"dissimilarity_index"}  # a computation the text asks students to read


def code_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def hidden(cell: dict) -> bool:
    return cell["metadata"].get("jupyter", {}).get("source_hidden", False)


@pytest.mark.parametrize("path", COLLAPSED, ids=lambda p: p.name)
def test_one_line_widget_cells_are_collapsed(path):
    cells = code_cells(load(path))
    widget_cells = [c for c in cells if WIDGET_LINE.match("".join(c["source"]).strip())
                    and not any(f"lt.{name}(" in "".join(c["source"]) for name in DISPLAY_ONLY)]
    assert widget_cells
    assert all(hidden(c) for c in widget_cells), [c["source"] for c in widget_cells if not hidden(c)]
    assert not hidden(cells[0]), "the setup cell stays visible: it is where students start running"


def test_the_pandas_notebook_keeps_its_code_visible():
    nb = load(PROJECT / "notebooks" / "11_het_lexicon_als_netwerk.ipynb")
    assert not any(hidden(c) for c in code_cells(nb))


def heading_id(title: str) -> str:
    """The id JupyterLab (and nbconvert/Voilà) gives a Markdown heading: spaces become dashes."""
    return title.strip().replace(" ", "-")


@pytest.mark.parametrize("path", LONG, ids=lambda p: p.name)
def test_long_notebooks_have_contents_and_lemma_links(path):
    nb = load(path)
    texts = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]
    ids = {heading_id(h.lstrip("#")) for h in markdown_headings(nb)}
    lemmas = [h[3:] for h in markdown_headings(nb) if re.match(r"^## \d+\. ", h)]
    contents = next(t for t in texts if t.startswith("## Inhoud"))
    for lemma in lemmas:
        assert f"](#{heading_id(lemma)})" in contents, lemma
    links = [link for t in texts for link in re.findall(r"\]\(#([^()\s]+(?:\([^)]*\))?)\)", t)]
    assert links and all(link in ids for link in links), set(links) - ids
    navigation = [t for t in texts if "volgende:" in t and "[Inhoud](#Inhoud)" in t]
    assert len(navigation) == len(lemmas), "every lemma ends with previous/next links"


@pytest.mark.parametrize("path", STUDENT, ids=lambda p: p.name)
def test_no_lecturer_cells_in_student_notebooks(path):
    nb = load(path)
    code = "\n".join("".join(c["source"]) for c in code_cells(nb))
    assert "show_class_" not in code and "read_hand_ins" not in code
    assert not any("".join(c["source"]).startswith("**Voor docenten") for c in nb["cells"])


def test_start_notebook_explains_cell_and_kernel():
    text = "\n".join("".join(c["source"]) for c in load(NOTEBOOKS[0])["cells"])
    assert re.search(r"bestaat uit \*cellen\*", text)
    assert re.search(r"De \*kernel\* is", text)
    assert "niet meer actief" in text  # the restart notice, so students recognise it
