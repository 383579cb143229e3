"""A lecturer's own exercise folder: overrides ours per id, adds new questions, checked in Dutch."""

import textwrap

import pytest

import lexicon_tools as lt
from lexicon_tools import LexiconError, load_exercises
from lexicon_tools.__main__ import main
from lexicon_tools.exercises import QuizQuestion, ReflectionQuestion, ids_for_lemma, question
from lexicon_tools.notebook_builder import build_notebook

OWN = textwrap.dedent("""\
    lemma: vertrouwen
    reflectie:
      - id: vertrouwen-r1
        soort: persoonlijk
        vraag: Wanneer vertrouwde jij een hulpverlener meteen, en waarom?
      - id: les3-r1
        soort: toepassen
        vraag: Hoe zou je in een eerste huisbezoek werken aan vertrouwen?
    quiz:
      - id: les3-q1
        vraag: Welke van deze drie hoort bij de dimensies van vertrouwen in het lemma?
        opties:
          - tekst: Integriteit
            juist: true
            feedback: "Ja, integriteit is een van de drie dimensies (p. 25-33)."
          - tekst: Snelheid
            feedback: "Nee, snelheid noemt het lemma niet als dimensie."
    """)


@pytest.fixture
def own_folder(tmp_path, monkeypatch):
    folder = tmp_path / "mijn-oefeningen"
    folder.mkdir()
    (folder / "les3.yaml").write_text(OWN, encoding="utf-8")
    monkeypatch.setenv("NABIJHEID_OEFENINGEN", str(folder))
    return folder


def test_own_question_replaces_ours_with_the_same_id(own_folder):
    ours = load_exercises(lt.settings.EXERCISES_DIR)["vertrouwen-r1"]
    mine = question("vertrouwen-r1")
    assert mine.vraag.startswith("Wanneer vertrouwde jij") and mine.vraag != ours.vraag
    # the rest of our questions are still there
    assert question("vertrouwen-r2").vraag == load_exercises(lt.settings.EXERCISES_DIR)[
        "vertrouwen-r2"].vraag


def test_new_questions_join_the_lemma_and_the_widgets(own_folder):
    assert "les3-r1" in ids_for_lemma("vertrouwen", ReflectionQuestion)
    assert "les3-q1" in ids_for_lemma("vertrouwen", QuizQuestion)
    quiz = lt.Quiz.for_lemma("vertrouwen")
    assert any("dimensies van vertrouwen" in q.vraag for q in quiz.model.questions.values())
    shown = [r.model.question_id for r in lt.Reflections("vertrouwen", lt.AnswerStore("les3")).questions]
    assert shown[0] == "vertrouwen-r1" and "les3-r1" in shown
    notebook = build_notebook(["vertrouwen"], "Les 3", "les3")
    code = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    assert 'lt.Reflections("vertrouwen", antwoorden)' in code


def test_editing_the_own_file_is_picked_up_without_restart(own_folder):
    assert question("les3-r1").soort == "toepassen"
    path = own_folder / "les3.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("soort: toepassen",
                                                             "soort: kritisch"), encoding="utf-8")
    import os
    os.utime(path, ns=(1, 2))  # a different mtime even on coarse clocks
    assert question("les3-r1").soort == "kritisch"


def test_missing_own_folder_is_named(monkeypatch, tmp_path, capsys):
    """A wrong setting never breaks the questions: ours are shown, with one visible warning."""
    monkeypatch.setattr(lt.errors, "_ANNOUNCED", set())
    monkeypatch.setenv("NABIJHEID_OEFENINGEN", str(tmp_path / "bestaat-niet"))
    with pytest.warns(lt.errors.LexiconWarning, match="bestaat-niet.*NABIJHEID_OEFENINGEN"):
        assert question("vertrouwen-r1").vraag
    assert main(["check"]) == 1
    assert "bestaat-niet" in capsys.readouterr().out


def test_a_broken_own_file_names_file_line_and_an_example(own_folder, monkeypatch):
    """The broken file's questions fall back to ours with one warning; its new ones are missing
    with the same explanation."""
    monkeypatch.setattr(lt.errors, "_ANNOUNCED", set())
    (own_folder / "les3.yaml").write_text(OWN.replace("    vraag: Hoe zou",
                                                      "    vrag: Hoe zou"), encoding="utf-8")
    with pytest.warns(lt.errors.LexiconWarning, match=r"les3.yaml, regel 8.*overgeslagen"):
        ours = question("vertrouwen-r1")
    assert ours == load_exercises(lt.settings.EXERCISES_DIR)["vertrouwen-r1"]
    with pytest.raises(LexiconError) as caught:
        question("les3-r1")
    message = str(caught.value)
    assert "les3.yaml" in message and "regel 8" in message
    assert "Bedoel je `vraag`?" in message and "Voorbeeld: `vraag:" in message
    assert "ontbreekt" not in message  # the typo is reported once, not also as a missing field


def test_check_command_on_a_lecturer_folder(own_folder, capsys):
    assert main(["check", str(own_folder)]) == 0
    out = capsys.readouterr().out
    assert "OK: 3 vragen" in out and "1 daarvan vervangen een vraag" in out and "2 zijn nieuw" in out
    (own_folder / "les3.yaml").write_text(OWN.replace("juist: true", "goed: true")
                                          .replace("    soort: persoonlijk\n", ""), encoding="utf-8")
    assert main(["check", str(own_folder)]) == 1
    out = capsys.readouterr().out
    assert "les3.yaml, regel 3, veld `reflectie.0.soort`: dit verplichte veld ontbreekt" in out
    assert "bijvoorbeeld: `soort: begrijpen`" in out
    assert "onbekend veld `goed`. Bedoel je `juist`?" in out


def test_yaml_syntax_errors_are_explained_in_dutch(own_folder, capsys):
    (own_folder / "les3.yaml").write_text(OWN.replace("    soort: persoonlijk\n", "  soort: persoonlijk\n"),
                                          encoding="utf-8")
    assert main(["check", str(own_folder)]) == 1
    out = capsys.readouterr().out
    assert "les3.yaml, regel" in out and "YAML-fout" in out
    assert "mapping values" not in out and "inspringing" in out
