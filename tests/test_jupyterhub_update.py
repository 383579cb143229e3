"""A JupyterHub update with nbgitpuller: new content arrives, no student work is lost.

The course repository changes upstream while a student has saved answers and has edited a
notebook; after the pull the new content is there, the edit is kept, and every answer is intact.
"""

import json
import os
import shutil
import subprocess

import pytest

from lexicon_tools import AnswerStore, settings
from conftest import PROJECT

pytest.importorskip("nbgitpuller")
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

GIT_ENV = {"GIT_AUTHOR_NAME": "Docent", "GIT_AUTHOR_EMAIL": "docent@example.org",
           "GIT_COMMITTER_NAME": "Docent", "GIT_COMMITTER_EMAIL": "docent@example.org"}


def git(folder, *args):
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True,
                   env={**os.environ, **GIT_ENV})


def pull(upstream, target):
    from nbgitpuller.pull import GitPuller

    for _ in GitPuller(str(upstream), str(target), branch="main").pull():
        pass


def edit_notebook(path, text):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    notebook["cells"].append({"cell_type": "markdown", "metadata": {}, "source": [text]})
    path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False), encoding="utf-8")


def test_update_keeps_answers_and_edits(tmp_path, monkeypatch):
    # The course repository as a lecturer publishes it.
    upstream = tmp_path / "upstream"
    (upstream / "notebooks").mkdir(parents=True)
    shutil.copy(PROJECT / "notebooks" / "00_start_hier.ipynb", upstream / "notebooks")
    shutil.copytree(PROJECT / "exercises" / "start", upstream / "exercises" / "start")
    git(upstream, "init", "-q", "-b", "main")
    git(upstream, "add", "-A")
    git(upstream, "commit", "-q", "-m", "Les 1")

    # A student opens the nbgitpuller link: the repository lands in their home folder.
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("NABIJHEID_DATA")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    course = home / "nabijheid"
    pull(upstream, course)
    assert (course / "notebooks" / "00_start_hier.ipynb").exists()

    # Answers live outside the pulled folder, so git never touches them.
    answers_dir = settings.answers_dir()
    assert course not in answers_dir.parents
    store = AnswerStore("00_start_hier", delay=0)
    store.set("start-r1", "Mijn mentor die bleef luisteren.", question="Vraag 1")
    store.set("start-r3", "Sociale en geografische nabijheid.", question="Vraag 3")
    saved = store.path.read_bytes()

    # The student also writes a note in the notebook itself.
    edit_notebook(course / "notebooks" / "00_start_hier.ipynb", "Mijn eigen aantekening.")

    # Meanwhile the lecturer changes the same notebook and adds a new one.
    edit_notebook(upstream / "notebooks" / "00_start_hier.ipynb", "Nieuwe uitleg van de docent.")
    shutil.copy(PROJECT / "notebooks" / "10_ladder_van_onderlinge_verbintenissen.ipynb",
                upstream / "notebooks")
    git(upstream, "add", "-A")
    git(upstream, "commit", "-q", "-m", "Les 2")

    # The student clicks the link again.
    pull(upstream, course)
    assert (course / "notebooks" / "10_ladder_van_onderlinge_verbintenissen.ipynb").exists()
    notebook = (course / "notebooks" / "00_start_hier.ipynb").read_text(encoding="utf-8")
    assert "Mijn eigen aantekening." in notebook  # nbgitpuller keeps the student's version
    assert store.path.read_bytes() == saved
    again = AnswerStore("00_start_hier")
    assert again.get("start-r1") == "Mijn mentor die bleef luisteren."
    assert again.get("start-r3") == "Sociale en geografische nabijheid."


# -- a student runs and saves every notebook, writes hand-ins; the next update still applies ------
STUDENT_FILES = ["antwoorden_alles.md", "antwoorden_alles.html", "1234567_01_sociale_nabijheid.md",
                 "1234567_01_sociale_nabijheid.html", "afstandsschaal_0a1b2c3d.csv",
                 "straatscan_0a1b2c3d.csv"]


def run_outputs(notebook: dict) -> dict:
    """What a run leaves in a notebook: outputs, counts, widget state, the kernel's version."""
    for number, cell in enumerate(c for c in notebook["cells"] if c["cell_type"] == "code"):
        cell["execution_count"] = number + 1
        cell["outputs"] = [
            {"output_type": "display_data", "metadata": {},
             "data": {"application/vnd.jupyter.widget-view+json":
                      {"model_id": f"m{number}", "version_major": 2, "version_minor": 0},
                      "text/plain": "VBox()", "image/png": "iVBORw0KGgo=" * 200}},
            {"output_type": "stream", "name": "stdout", "text": "Opgeslagen om 10:31\n"}]
        cell["metadata"]["execution"] = {"iopub.status.idle": "2026-12-04T10:31:00Z"}
    notebook["metadata"]["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    notebook["metadata"]["language_info"] = {"name": "python", "version": "3.12.1",
                                             "mimetype": "text/x-python"}
    return notebook


def test_update_applies_after_a_student_saved_every_notebook(tmp_path):
    from jupyter_server.services.contents.filemanager import FileContentsManager

    upstream = tmp_path / "upstream"
    shutil.copytree(PROJECT / "notebooks", upstream / "notebooks",
                    ignore=shutil.ignore_patterns("voorbeeld_klas", ".ipynb_checkpoints"))
    (upstream / "lexicon_data").mkdir()
    shutil.copy(PROJECT / "lexicon_data" / "clusters.yaml", upstream / "lexicon_data")
    shutil.copy(PROJECT / ".gitignore", upstream)
    git(upstream, "init", "-q", "-b", "main")
    git(upstream, "add", "-A")
    git(upstream, "commit", "-q", "-m", "Les 1")
    course = tmp_path / "home" / "nabijheid"
    pull(upstream, course)

    # The student runs and saves every notebook through the Jupyter server with the kit's
    # settings (jupyter-config/jupyter_server_config.json), and hands in / exports files.
    config = json.loads((PROJECT / "jupyter-config" / "jupyter_server_config.json").read_text())
    hook = config["ContentsManager"]["pre_save_hook"]
    contents = FileContentsManager(root_dir=str(course), pre_save_hook=hook)
    names = sorted(p.name for p in (course / "notebooks").glob("[0-9]*.ipynb"))  # students' notebooks
    assert len(names) >= 8
    for name in names:
        model = contents.get(f"notebooks/{name}")
        contents.save({"type": "notebook", "format": "json",
                       "content": run_outputs(json.loads(json.dumps(model["content"])))},
                      f"notebooks/{name}")
        saved = json.loads((course / "notebooks" / name).read_text(encoding="utf-8"))
        assert all(c.get("outputs", []) == [] for c in saved["cells"]), name
    for name in STUDENT_FILES:
        (course / "notebooks" / name).write_text("van de student", encoding="utf-8")
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=course,
                            capture_output=True, text=True, check=True).stdout
    assert status == "", f"the student's work shows up in git:\n{status}"

    # The lecturer changes every notebook; the student clicks the link again.
    for name in names:
        edit_notebook(upstream / "notebooks" / name, f"Nieuw in {name}.")
    git(upstream, "add", "-A")
    git(upstream, "commit", "-q", "-m", "Les 2")
    pull(upstream, course)
    for name in names:
        assert (course / "notebooks" / name).read_bytes() == \
            (upstream / "notebooks" / name).read_bytes(), f"{name} did not get the update"
    for name in STUDENT_FILES:
        assert (course / "notebooks" / name).read_text(encoding="utf-8") == "van de student"


def test_own_notebooks_outside_the_kit_keep_their_outputs(tmp_path):
    from lexicon_tools.clean_save import strip_outputs

    class Contents:
        root_dir = str(tmp_path)

    notebook = run_outputs({"metadata": {}, "cells": [
        {"cell_type": "code", "source": "1 + 1", "metadata": {}, "outputs": [],
         "execution_count": None}]})
    model = {"type": "notebook", "content": notebook}
    strip_outputs(model=model, path="eigen/notebook.ipynb", contents_manager=Contents())
    assert model["content"]["cells"][0]["outputs"], "a notebook outside the kit was stripped"
    (tmp_path / "lexicon_data").mkdir()
    (tmp_path / "lexicon_data" / "clusters.yaml").write_text("[]", encoding="utf-8")
    strip_outputs(model=model, path="notebooks/les.ipynb", contents_manager=Contents())
    assert model["content"]["cells"][0]["outputs"] == []
