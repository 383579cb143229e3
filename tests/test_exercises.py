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
    assert list(questions) == ["alfa-r1", "alfa-r2"]
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
    assert any("vraag-id 'alfa-r1' komt al voor" in str(p) for p in problems)


def test_bad_kind(folder):
    path = folder / "test" / "alfa.yaml"
    path.write_text(path.read_text().replace("soort: begrijpen", "soort: snappen"))
    (problem,) = check_exercises(folder)[1]
    assert "regel 4" in str(problem) and "'snappen' is geen toegestane waarde" in str(problem)
    assert "'begrijpen'" in str(problem)


def test_unknown_lemma(folder):
    path = folder / "test" / "alfa.yaml"
    path.write_text(path.read_text().replace("lemma: alfa", "lemma: onbekend"))
    (problem,) = check_exercises(folder, lemma_ids={"alfa"})[1]
    assert "lemma 'onbekend' bestaat niet" in str(problem)


def test_broken_yaml_via_cli(folder, capsys):
    (folder / "test" / "kapot.yaml").write_text("reflectie:\n  - id: x\n   vraag: [open\n")
    assert main(["check", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "test/kapot.yaml, regel" in out and "YAML-fout" in out
