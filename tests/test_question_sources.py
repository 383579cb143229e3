"""Questions come from the copy of the course the student has open, then the lecturer's folder.

Tested the way a hub runs it: the package is imported from one path (this repository), the
notebook runs in a copy of the course at another path.
"""

import shutil
import textwrap

import pytest

import lexicon_tools as lt
from lexicon_tools.__main__ import main
from lexicon_tools.exercises import active_layers, question
from conftest import PROJECT

CHANGED = "Wat betekent vertrouwen in jouw eigen stage? (aangepast door de docent)"


@pytest.fixture(autouse=True)
def _fresh_announcements(monkeypatch):
    monkeypatch.setattr(lt.errors, "_ANNOUNCED", set())


@pytest.fixture
def clone(tmp_path):
    """A copy of the course (no package code in it) with one changed question."""
    root = tmp_path / "home" / "nabijheid-klas"
    shutil.copytree(PROJECT / "exercises", root / "exercises")
    shutil.copytree(PROJECT / "lexicon_data", root / "lexicon_data")
    (root / "notebooks").mkdir()
    path = root / "exercises" / "sociale-nabijheid" / "vertrouwen.yaml"
    text = path.read_text(encoding="utf-8")
    old = question("vertrouwen-r1").vraag
    start = text.index("id: vertrouwen-r1")
    end = text.index("- id:", start)
    part = text[start:end]
    assert "vraag:" in part
    head, _ = part.split("vraag:", 1)
    path.write_text(text[:start] + head + f"vraag: \"{CHANGED}\"\n  " + text[end:], encoding="utf-8")
    assert old != CHANGED
    return root


def test_the_course_copy_the_notebook_runs_in_wins(clone, monkeypatch):
    monkeypatch.chdir(clone / "notebooks")
    layers, notes = active_layers()
    assert layers[0].path == (clone / "exercises").resolve() and notes == []
    assert "kopie van het lespakket" in layers[0].why and str(clone) in layers[0].why
    assert question("vertrouwen-r1").vraag == CHANGED
    monkeypatch.chdir(clone.parent)  # outside the copy: the installed package's questions
    assert question("vertrouwen-r1").vraag != CHANGED
    assert "geïnstalleerde pakket" in active_layers()[0][0].why


def test_a_broken_file_in_the_copy_falls_back_to_the_package(clone, monkeypatch):
    monkeypatch.chdir(clone / "notebooks")
    path = clone / "exercises" / "sociale-nabijheid" / "vertrouwen.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n\tkapot: [\n", encoding="utf-8")
    with pytest.warns(lt.errors.LexiconWarning, match="vertrouwen.yaml.*geïnstalleerde lespakket"):
        ours = question("vertrouwen-r1")
    assert ours.vraag != CHANGED and question("vertrouwen-q1")  # the whole file, from the package
    assert question("eenzaamheid-r1")  # other files of the copy are untouched


def test_course_config_in_the_copy_names_the_lecturers_folder(clone, monkeypatch, capsys):
    (clone / "klas-2b").mkdir()
    (clone / "klas-2b" / "les3.yaml").write_text(textwrap.dedent("""\
        lemma: vertrouwen
        reflectie:
          - id: les3-r1
            soort: toepassen
            vraag: Een nieuwe vraag voor klas 2b.
        """), encoding="utf-8")
    (clone / "nabijheid.toml").write_text('oefeningen = "klas-2b"\n', encoding="utf-8")
    monkeypatch.chdir(clone / "notebooks")
    layers, _ = active_layers()
    assert [layer.path for layer in layers] == [(clone / "exercises").resolve(),
                                                (clone / "klas-2b").resolve()]
    assert "nabijheid.toml" in layers[1].why
    assert question("les3-r1").vraag == "Een nieuwe vraag voor klas 2b."
    assert main(["bronnen"]) == 0
    out = capsys.readouterr().out
    assert str(clone / "klas-2b") in out and "waarom: eigen vragen van de docent" in out
    assert "Lemma's en modellen:" in out and "lexicon_data/ in" in out


def test_one_changed_question_in_a_lecturer_file_keeps_the_rest_ours(tmp_path, monkeypatch):
    own = tmp_path / "eigen"
    own.mkdir()
    (own / "alleen-r1.yaml").write_text(
        f"reflectie:\n  - id: vertrouwen-r1\n    soort: begrijpen\n    vraag: \"{CHANGED}\"\n",
        encoding="utf-8")
    monkeypatch.setenv("NABIJHEID_OEFENINGEN", str(own))
    assert question("vertrouwen-r1").vraag == CHANGED
    ids = lt.exercises.ids_for_lemma("vertrouwen", lt.exercises.ReflectionQuestion)
    assert ids[0] == "vertrouwen-r1" and len(ids) > 1  # still tied to its lemma, in its place
    assert main(["check", str(own)]) == 0


def test_bronnen_explains_itself(monkeypatch, tmp_path, capsys):
    monkeypatch.chdir(tmp_path)
    found = lt.bronnen()
    text = str(found)
    assert str(lt.settings.EXERCISES_DIR) in text and "geïnstalleerde pakket" in text
    assert str(found.config_file) in text and "(bestaat nog niet)" in text
    assert "&lt;" not in found._repr_html_() or "<" in text
    assert main(["waar"]) == 0 and "Vragen en opdrachten" in capsys.readouterr().out


def test_sensitive_questions():
    from lexicon_tools.exercises import DistanceScaleSpec, ReflectionQuestion, is_sensitive

    scale = next(i for i in lt.load_exercises().values() if isinstance(i, DistanceScaleSpec))
    assert is_sensitive(scale)
    plain = ReflectionQuestion(id="x-r1", soort="begrijpen", vraag="Wat?")
    marked = ReflectionQuestion(id="x-r2", soort="persoonlijk", vraag="Wie?", gevoelig=True)
    assert not is_sensitive(plain) and is_sensitive(marked)
    assert scale.id in lt.exercises.sensitive_ids()


NOTEBOOK_CELLS = [
    "import lexicon_tools as lt\nprint('PAKKET', lt.__file__)\nantwoorden = lt.AnswerStore('hub')",
    'lt.Reflections("vertrouwen", antwoorden)',
    'lt.Quiz.for_lemma("vertrouwen", antwoorden)',
    "print(lt.bronnen())",
]


@pytest.mark.notebook
def test_hub_package_installed_elsewhere_notebook_in_a_clone(clone, tmp_path):
    """The package lives in this repository; the notebook runs in a copy at another path, whose
    lecturer folder holds one broken file: the changed question appears, the broken file's
    question falls back to ours with one visible warning, nothing else breaks."""
    import nbformat
    from nbclient import NotebookClient

    (clone / "klas").mkdir()
    (clone / "klas" / "kapot.yaml").write_text(
        "lemma: vertrouwen\nquiz:\n  - id: vertrouwen-q1\n    vraag: \"Kapot\n", encoding="utf-8")
    (clone / "nabijheid.toml").write_text('oefeningen = "klas"\n', encoding="utf-8")
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in NOTEBOOK_CELLS])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    path = clone / "notebooks" / "les.ipynb"
    nbformat.write(notebook, path)
    NotebookClient(notebook, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = [o for c in notebook.cells for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(o.get("text", "") for o in outputs)
    assert f"PAKKET {PROJECT}" in text  # imported from the repository, not from the clone
    assert str(clone / "exercises") in text and str(clone / "klas") in text
    state = str(notebook.metadata.get("widgets", {}))
    assert CHANGED in state
    boxes = [o for o in outputs if "lexicon-waarschuwing" in str(o.get("data", {}))]
    assert len(boxes) == 1 and "kapot.yaml" in str(boxes[0].data)
    assert question("vertrouwen-q1").vraag[:20] in state  # our quiz question, not the broken one


def test_a_tab_in_the_shared_folder_breaks_nothing(tmp_path, monkeypatch, capsys):
    shared = tmp_path / "gedeeld"
    shared.mkdir()
    (shared / "klas.yaml").write_text("lemma: vertrouwen\nreflectie:\n  - id: vertrouwen-r1\n"
                                      "\tsoort: begrijpen\n    vraag: Met een tab.\n",
                                      encoding="utf-8")
    monkeypatch.setenv("NABIJHEID_OEFENINGEN", str(shared))
    with pytest.warns(lt.errors.LexiconWarning, match=r"klas.yaml, regel 4.*tab") as caught:
        assert question("vertrouwen-r1").vraag != "Met een tab."
        lt.Reflections("vertrouwen", lt.AnswerStore("klas"))
        question("vertrouwen-r2")
    assert len(caught) == 1  # one warning, however many exercise cells run
    assert main(["bronnen"]) == 1
    out = capsys.readouterr().out
    assert "Let op:" in out and "klas.yaml, regel 4" in out and "Traceback" not in out


def test_lecturer_folder_inside_the_copys_exercises_is_one_layer(clone, monkeypatch, capsys):
    own = clone / "exercises" / "klas-2b"
    own.mkdir()
    (own / "r1.yaml").write_text("reflectie:\n  - id: vertrouwen-r2\n    soort: begrijpen\n"
                                 "    vraag: Van klas 2b.\n", encoding="utf-8")
    (clone / "nabijheid.toml").write_text('oefeningen = "exercises/klas-2b"\n', encoding="utf-8")
    monkeypatch.chdir(clone)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", lt.errors.LexiconWarning)  # no "id komt al voor"
        assert question("vertrouwen-r2").vraag == "Van klas 2b."
    assert main(["check"]) == 0, capsys.readouterr().out


def test_bronnen_names_the_own_copy_of_the_book(monkeypatch, tmp_path):
    monkeypatch.setenv("NABIJHEID_LEXICON", str(tmp_path / "boek.txt"))
    assert f"{tmp_path / 'boek.txt'} (omgevingsvariabele NABIJHEID_LEXICON)" in str(lt.bronnen())


def test_in_a_kernel_one_cell_reads_the_folders_once_and_the_next_cell_sees_a_change(tmp_path,
                                                                                   monkeypatch):
    """Run All costs one look at the question folders per cell; a lecturer's file changed
    between two cell runs is shown by the next one."""
    from IPython.core.interactiveshell import InteractiveShell

    own = tmp_path / "eigen"
    own.mkdir()
    monkeypatch.setenv("NABIJHEID_OEFENINGEN", str(own))
    shell = InteractiveShell.instance()
    try:
        shell.run_cell("from lexicon_tools.exercises import exercise_set, question\n"
                       "a, b = exercise_set(), exercise_set()\n"
                       "before = question('vertrouwen-r1').vraag", store_history=True)
        assert shell.user_ns["a"] is shell.user_ns["b"]
        (own / "alleen-r1.yaml").write_text(
            f"reflectie:\n  - id: vertrouwen-r1\n    soort: begrijpen\n    vraag: \"{CHANGED}\"\n",
            encoding="utf-8")
        shell.run_cell("after = question('vertrouwen-r1').vraag", store_history=True)
        assert shell.user_ns["before"] != CHANGED and shell.user_ns["after"] == CHANGED
    finally:
        InteractiveShell.clear_instance()


def test_a_lecturers_file_added_changed_or_misnamed_is_seen_at_the_next_look(tmp_path, monkeypatch):
    from lexicon_tools.exercises import exercise_set

    own = tmp_path / "eigen"
    (own / "sub").mkdir(parents=True)
    monkeypatch.setenv("NABIJHEID_OEFENINGEN", str(own))
    assert question("vertrouwen-r1").vraag != CHANGED
    path = own / "sub" / "r1.yaml"
    path.write_text(f"reflectie:\n  - id: vertrouwen-r1\n    soort: begrijpen\n    vraag: \"{CHANGED}\"\n",
                    encoding="utf-8")
    assert question("vertrouwen-r1").vraag == CHANGED
    path.write_text(path.read_text(encoding="utf-8").replace("docent)", "docent, versie 2)"),
                    encoding="utf-8")
    import os
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert question("vertrouwen-r1").vraag.endswith("versie 2)")
    path.rename(own / "sub" / "r1.yml")
    with pytest.warns(lt.errors.LexiconWarning, match="r1.yml"):
        assert question("vertrouwen-r1").vraag != CHANGED.replace("docent)", "docent, versie 2)")
    assert any("r1.yml" in w for w in exercise_set().warnings)
