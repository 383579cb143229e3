"""Follow exercises/README.md literally, as a lecturer would: its commands and snippets must work.

Make an own folder, change a question, add two, build a lesson notebook and run it, read the
example class. Every command is taken from the guide's text and run as `nabijheid ...`.
"""

import re
import shlex

import pytest

from lexicon_tools.__main__ import main
from lexicon_tools.class_overview import read_hand_ins
from lexicon_tools.exercises import ReflectionQuestion, ids_for_lemma, question
from conftest import PROJECT

GUIDE = (PROJECT / "exercises" / "README.md").read_text(encoding="utf-8")


def snippet(language: str, containing: str) -> str:
    blocks = re.findall(rf"```{language}\n(.*?)```", GUIDE, re.S)
    return next(b for b in blocks if containing in b)


def command(containing: str) -> list[str]:
    """The guide's command line containing this text, as arguments after `nabijheid`."""
    line = next(l for l in snippet("bash", containing).splitlines() if containing in l)
    words = shlex.split(line)
    assert words[0] == "nabijheid", line
    return words[1:]


def run(containing: str, capsys) -> tuple[int, str]:
    code = main(command(containing))
    return code, capsys.readouterr().out


def test_the_guide_uses_the_console_command_and_dutch_menus():
    assert "python -m lexicon_tools check" not in GUIDE and ".venv/bin/python" not in GUIDE
    assert "*Bestand → Nieuw → Terminal*" in GUIDE and "*Uitvoeren → Run All Cells*" in GUIDE
    for system in ("Linux", "macOS", "Windows"):
        assert f"| {system}" in GUIDE
    import tomllib

    assert tomllib.loads(snippet("toml", "oefeningen"))["oefeningen"] == "~/mijn-oefeningen"
    examples = re.findall(r"`(oefeningen = [^`]+)`", GUIDE)
    windows = [tomllib.loads(e)["oefeningen"] for e in examples if "Users" in e]
    assert windows == ["C:\\Users\\naam\\mijn-oefeningen", "C:/Users/naam/mijn-oefeningen"]


@pytest.mark.notebook
def test_the_lecturer_guide_works_step_by_step(tmp_path, monkeypatch, capsys):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.chdir(PROJECT / "notebooks")  # JupyterLab's terminal may start here
    own = home / "mijn-oefeningen"

    # Step 0: the own folder, written into nabijheid.toml; `bronnen` shows it and why.
    code, out = run("instellen", capsys)
    assert code == 0 and own.is_dir()
    code, out = run("bronnen", capsys)
    assert code == 0 and str(own) in out and "eigen vragen van de docent" in out
    config = home / ".config" / "nabijheid-sociaal-werk" / "nabijheid.toml"
    assert str(config) in out
    config.write_text(snippet("toml", "oefeningen"), encoding="utf-8")  # the hand-made variant
    assert str(own) in run("bronnen", capsys)[1]

    # Step 1: find the id, copy that one question, change it; the check says OK and "vervangen".
    code, out = run("vragen vertrouwen", capsys)
    assert code == 0 and "vertrouwen-r1" in out and "reflectievraag" in out
    code, out = run("kopieer", capsys)
    path = own / "vertrouwen-r1.yaml"
    assert code == 0 and "~/mijn-oefeningen/vertrouwen-r1.yaml" in GUIDE and path.is_file()
    text = path.read_text(encoding="utf-8")
    changed = re.sub(r"vraag:.*?(\n\S|\Z)", "vraag: Wat betekent kritisch vertrouwen voor jouw "
                     r"stage?\n\1", text, count=1, flags=re.S)
    path.write_text(changed.rstrip() + "\n", encoding="utf-8")
    code, out = run("check ~/mijn-oefeningen", capsys)
    assert code == 0 and "1 daarvan vervangen een vraag" in out, out
    assert question("vertrouwen-r1").vraag == "Wat betekent kritisch vertrouwen voor jouw stage?"
    assert len(ids_for_lemma("vertrouwen", ReflectionQuestion)) > 2  # the rest stays ours

    # Step 2: add the two questions of the guide's example in a new file.
    (own / "les3.yaml").write_text(snippet("yaml", "les3-vertrouwen-1"), encoding="utf-8")
    code, out = run("check ~/mijn-oefeningen", capsys)
    assert code == 0 and "2 zijn nieuw" in out, out
    assert {"les3-vertrouwen-1", "les3-vertrouwen-2"} <= set(ids_for_lemma("vertrouwen",
                                                                             ReflectionQuestion))

    # Step 3: build the lesson notebook into a folder that does not exist yet; never overwrite.
    code, out = run("maak-notebook", capsys)
    target = home / "lessen" / "les3.ipynb"
    assert code == 0 and target.is_file(), out
    before = target.read_bytes()
    code, out = run("maak-notebook", capsys)
    assert code == 1 and "bestaat al" in out and "--overschrijf" in out and "Traceback" not in out
    assert target.read_bytes() == before
    assert main(command("maak-notebook") + ["--overschrijf"]) == 0
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(target, as_version=4)
    NotebookClient(notebook, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(target.parent)}}).execute()
    errors = [o for c in notebook.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors, errors[0].evalue
    state = str(notebook.metadata.get("widgets", {}))
    assert "Hoe werk je in een eerste huisbezoek aan vertrouwen?" in state
    assert "Wat betekent kritisch vertrouwen voor jouw stage?" in state

    # Step 4: the class overview of the example class.
    klas = read_hand_ins(PROJECT / "notebooks" / "voorbeeld_klas" / "inleveringen")
    assert len(klas.studenten) == 3


def test_maak_notebook_problems_are_dutch_without_traceback(tmp_path, capsys):
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map", encoding="utf-8")
    assert main(["maak-notebook", "--lemmas", "vertrouwen", "--uit",
                 str(blocker / "les.ipynb")]) == 1
    out = capsys.readouterr().out
    assert "NIET GELUKT" in out and "kan niet geschreven worden" in out
    assert main(["maak-notebook", "--lemmas", "vertrouwn", "--uit", str(tmp_path / "x")]) == 1
    assert "vertrouwen" in capsys.readouterr().out
    assert main(["maak-notebook", "--uit", str(tmp_path / "x")]) == 1
    assert "minstens één lemma" in capsys.readouterr().out
    assert main(["onbekend"]) == 2
    assert "onbekend commando" in capsys.readouterr().out


def test_console_command_is_declared_and_points_at_main():
    import importlib
    import tomllib

    scripts = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "scripts"]
    module, _, function = scripts["nabijheid"].partition(":")
    assert getattr(importlib.import_module(module), function) is main


def test_the_command_works_from_any_folder(tmp_path, monkeypatch, capsys):
    """A JupyterLab terminal may start in notebooks/, the repository root or the home folder."""
    for folder in (PROJECT / "notebooks", PROJECT, tmp_path):
        monkeypatch.chdir(folder)
        assert main(["check"]) == 0, capsys.readouterr().out
        assert capsys.readouterr().out.startswith("OK: ")
