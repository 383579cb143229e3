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
