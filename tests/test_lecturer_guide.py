"""Follow exercises/README.md literally, as a lecturer would: its commands and snippets must work.

Change a question, add one, build a lesson notebook and run it, read the example class.
"""

import re
import shlex
import shutil

import pytest

from lexicon_tools.__main__ import main
from lexicon_tools.class_overview import read_hand_ins
from lexicon_tools.exercises import question
from conftest import PROJECT

GUIDE = (PROJECT / "exercises" / "README.md").read_text(encoding="utf-8")


def snippet(language: str, containing: str) -> str:
    blocks = re.findall(rf"```{language}\n(.*?)```", GUIDE, re.S)
    return next(b for b in blocks if containing in b)


def command(containing: str) -> list[str]:
    line = next(l for l in snippet("bash", containing).splitlines() if containing in l)
    words = shlex.split(line)
    assert words[:3] == ["python", "-m", "lexicon_tools"]
    return words[3:]


@pytest.mark.notebook
def test_the_lecturer_guide_works_step_by_step(tmp_path, monkeypatch, capsys):
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(PROJECT)
    # Step 0: an own folder with a copy of one file, and the config file from the guide.
    own = home / "mijn-oefeningen"
    own.mkdir(parents=True)
    copy = snippet("bash", "cp exercises/").splitlines()[1].split()
    shutil.copy(PROJECT / copy[1], own)
    config_dir = tmp_path / "config" / "nabijheid-sociaal-werk"
    config_dir.mkdir(parents=True)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    (config_dir / "nabijheid.toml").write_text(snippet("toml", "oefeningen"), encoding="utf-8")
    path = own / "vertrouwen.yaml"

    # Step 1: change a question; the check command from the guide says OK and "vervangen".
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(id: vertrouwen-r1\n    soort: \w+\n    vraag:).*?\n(  - id:)",
                  r"\1 Wat betekent kritisch vertrouwen voor jouw stage?\n\2", text, flags=re.S)
    path.write_text(text, encoding="utf-8")
    check = command("check ~/mijn-oefeningen")
    assert main([check[0], check[1].replace("~", str(home))]) == 0
    assert "daarvan vervangen een vraag" in capsys.readouterr().out
    assert question("vertrouwen-r1").vraag == "Wat betekent kritisch vertrouwen voor jouw stage?"

    # Step 2: add the question from the guide's example.
    new = snippet("yaml", "les3-vertrouwen-1").split("reflectie:\n", 1)[1]
    path.write_text(path.read_text(encoding="utf-8").replace("reflectie:\n", "reflectie:\n" + new, 1),
                    encoding="utf-8")
    assert main([check[0], check[1].replace("~", str(home))]) == 0
    assert "1 zijn nieuw" in capsys.readouterr().out
    assert question("les3-vertrouwen-1").soort == "toepassen"

    # Step 3: build the lesson notebook with the guide's command, then run it top to bottom.
    build = command("maak-notebook")
    target = tmp_path / "les3.ipynb"
    build[build.index("--uit") + 1] = str(target)
    assert main(build) == 0
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(target, as_version=4)
    NotebookClient(notebook, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    errors = [o for c in notebook.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors, errors[0].evalue
    state = str(notebook.metadata.get("widgets", {}))
    assert "Hoe werk je in een eerste huisbezoek aan vertrouwen?" in state
    assert "Wat betekent kritisch vertrouwen voor jouw stage?" in state

    # Step 4: the class overview of the example class.
    klas = read_hand_ins(PROJECT / "notebooks" / "voorbeeld_klas" / "inleveringen")
    assert len(klas.studenten) == 3
