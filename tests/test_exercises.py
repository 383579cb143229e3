"""Exercise files: loading, lookups and one clear Dutch message per problem."""

import shutil

import pytest

from lexicon_tools import LexiconError, load_exercises
from lexicon_tools.__main__ import main
from lexicon_tools.exercises import check_exercises, question
from conftest import HERE

FOLDER = HERE / "data" / "exercises"


@pytest.fixture
def folder(tmp_path):
    target = tmp_path / "oefeningen"
    shutil.copytree(FOLDER, target)
    return target


def test_load_and_lookup():
    questions = load_exercises(FOLDER)
    assert list(questions) == ["alfa-r1", "alfa-r2", "alfa-q1", "alfa-s1", "test-profiel",
                               "test-tweepolig", "test-scan", "test-perspectief", "test-werkblad",
                               "test-casus", "test-kaart-casus", "test-schaal", "test-kaart"]
    assert question("alfa-r2", FOLDER).casus.startswith("Een buurman")


def test_unknown_question_id():
    with pytest.raises(LexiconError, match="geen vraag met id 'alfa-r3'.*Bedoel je: alfa-r"):
        question("alfa-r3", FOLDER)


def test_project_exercises_are_valid():
    questions = load_exercises()
    assert {"start-r1", "start-r2", "start-r3"} <= set(questions)


def test_duplicate_question_id(folder):
    (folder / "test" / "kopie.yaml").write_text((folder / "test" / "alfa.yaml").read_text())
    _, problems = check_exercises(folder)
    assert any("id 'alfa-r1' komt al voor" in str(p) and "regel 3" in str(p) for p in problems)


def test_bad_kind(folder):
    path = folder / "test" / "alfa.yaml"
    path.write_text(path.read_text().replace("soort: begrijpen", "soort: snappen"))
    (problem,) = check_exercises(folder)[1]
    assert "regel 4" in str(problem) and "'snappen' is geen toegestane waarde" in str(problem)
    assert "'begrijpen'" in str(problem)


def test_unknown_lemma(folder):
    path = folder / "test" / "alfa.yaml"
    path.write_text(path.read_text().replace("lemma: wederkerigheid", "lemma: onbekend"))
    from lexicon_tools import load_lexicon
    from conftest import FIXTURE_LEXICON
    (problem,) = [p for p in check_exercises(folder, load_lexicon(FIXTURE_LEXICON))[1]
                  if "alfa.yaml" in str(p)]
    assert "lemma 'onbekend' bestaat niet" in str(problem)


def test_broken_yaml_via_cli(folder, capsys):
    (folder / "test" / "kapot.yaml").write_text("reflectie:\n  - id: x\n   vraag: [open\n")
    assert main(["check", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "test/kapot.yaml, regel" in out and "YAML-fout" in out


def test_quiz_needs_exactly_one_right_option(folder):
    path = folder / "test" / "alfa.yaml"
    path.write_text(path.read_text().replace("{tekst: Laag, feedback", "{tekst: Laag, juist: true, feedback"))
    (problem,) = check_exercises(folder)[1]
    assert "precies één optie" in str(problem) and "er 2" in str(problem)
    assert "quiz.0" in str(problem)


def test_quiz_option_needs_feedback(folder):
    path = folder / "test" / "alfa.yaml"
    path.write_text(path.read_text().replace("{tekst: Hoog, feedback: \"Nee, hoog is onwenselijk.\"}",
                                             "{tekst: Hoog}"))
    (problem,) = check_exercises(folder)[1]
    assert "quiz.0.opties.2.feedback" in str(problem) and "ontbreekt" in str(problem)


def test_sort_answer_must_be_a_category(folder):
    path = folder / "test" / "alfa.yaml"
    path.write_text(path.read_text().replace("antwoord: veraf", "antwoord: ver"))
    (problem,) = check_exercises(folder)[1]
    assert "antwoord 'ver'" in str(problem) and "kies uit: dichtbij, veraf" in str(problem)


def test_sort_task_against_a_model(folder):
    from lexicon_tools import load_lexicon
    from conftest import FIXTURE_LEXICON
    lex = load_lexicon(FIXTURE_LEXICON)
    path = folder / "test" / "alfa.yaml"
    text = path.read_text()
    cats = text[text.index("    categorieen:"):text.index("    items:\n      - {tekst: Je buurvrouw")]
    path.write_text(text.replace(cats, "    model: trap\n").replace("lemma: wederkerigheid\n", ""))
    (problem,) = [p for p in check_exercises(folder, lex)[1] if "alfa.yaml" in str(p)]
    assert "antwoord 'dichtbij'" in str(problem) and "kies uit: laag, midden, hoog" in str(problem)
    path.write_text(path.read_text().replace("model: trap", "model: trapje"))
    (problem,) = [p for p in check_exercises(folder, lex)[1] if "alfa.yaml" in str(p)]
    assert "model 'trapje' bestaat niet" in str(problem) and "regel" in str(problem)


def test_wrong_kind_of_item_for_a_widget():
    with pytest.raises(LexiconError, match="'alfa-q1' is een quizvraag, geen reflectievraag"):
        from lexicon_tools.exercises import ReflectionQuestion
        question("alfa-q1", FOLDER, kind=ReflectionQuestion)


def test_right_answers_are_not_always_in_the_same_place():
    """Students must not be able to guess: the right option is spread over the positions."""
    from collections import Counter
    from lexicon_tools.exercises import QuizQuestion
    positions = Counter([o.juist for o in q.opties].index(True)
                        for q in load_exercises().values() if isinstance(q, QuizQuestion))
    total = sum(positions.values())
    assert total >= 20 and max(positions.values()) <= 0.5 * total, positions
