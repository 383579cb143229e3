"""The lesson notebook builder: the skeleton, one-line calls, and it executes top to bottom."""

import json

import pytest

from lexicon_tools.__main__ import main
from test_notebooks import SKELETON, markdown_headings


def test_cli_builds_a_lesson_that_runs(tmp_path, monkeypatch, capsys):
    target = tmp_path / "les3.ipynb"
    assert main(["maak-notebook", "--lemmas", "wederkerigheid,vertrouwen", "--titel", "Les 3",
                 "--uit", str(target)]) == 0
    assert "OK:" in capsys.readouterr().out
    nb = json.loads(target.read_text(encoding="utf-8"))
    headings = markdown_headings(nb)
    assert headings[0] == "# Les 3"
    assert [h for h in headings if h in SKELETON] == SKELETON
    assert "## 1. Wederkerigheid" in headings and "## 2. Vertrouwen" in headings
    sources = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    assert 'lt.toon_lemma("wederkerigheid", lex)' in sources
    assert 'lt.Quiz.for_lemma("vertrouwen", antwoorden)' in sources
    assert all(len(s.splitlines()) <= 6 for s in sources)

    import nbformat
    from nbclient import NotebookClient
    monkeypatch.setenv("NABIJHEID_DATA", str(tmp_path / "antwoorden"))
    notebook = nbformat.read(target, as_version=4)
    NotebookClient(notebook, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    errors = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "error"]
    assert not errors


def test_unknown_lemma_is_refused_in_dutch(tmp_path, capsys):
    assert main(["maak-notebook", "--lemmas", "wederkerigheid,bestaatniet", "--uit",
                 str(tmp_path / "x.ipynb")]) == 1
    out = capsys.readouterr().out
    assert "NIET GELUKT" in out and "bestaatniet" in out
    assert not (tmp_path / "x.ipynb").exists()
