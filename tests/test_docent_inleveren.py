"""docs/docent-inleveren.md followed step by step: hand in, overview, grade, grade files, QTI."""

import csv
import zipfile

import lexicon_tools as lt
from lexicon_tools.__main__ import main
from lexicon_tools.grading import GradeBook, brightspace_csv, canvas_csv, grade_table
from lexicon_tools.grading import write_feedback_files
from conftest import PROJECT

GUIDE = (PROJECT / "docs" / "docent-inleveren.md").read_text(encoding="utf-8")
QUIZ = lt.load_exercises()["vertrouwen-q1"]


def _student_hands_in(tmp_path, monkeypatch, number, name, answer, option):
    """§1: a student answers in notebook 01 and runs `inleveren` (as the guide shows)."""
    data = tmp_path / f"home-{number}"
    monkeypatch.setenv("NABIJHEID_DATA", str(data))
    store = lt.AnswerStore("01_sociale_nabijheid", data, delay=0)
    store.set("vertrouwen-r1", answer, question="Vraag")
    store.set(QUIZ.id, QUIZ.opties[option].tekst, question=QUIZ.vraag)
    store.set("sociale-afstand-schaal", "buren: 4", question="Afstandsschaal")
    assert main(["inleveren", "--notebook", "01_sociale_nabijheid", "--naam", name,
                 "--studentnummer", number, "--uit", str(tmp_path / "klas")]) == 0


def test_the_lecturer_guide_works_as_written(tmp_path, monkeypatch, capsys):
    assert "nabijheid inleveren --studentnummer" in GUIDE and "docent_beoordelen.ipynb" in GUIDE
    right = next(i for i, o in enumerate(QUIZ.opties) if o.juist)
    wrong = next(i for i, o in enumerate(QUIZ.opties) if not o.juist)
    for number, name, answer, option in [("1001", "Ali", "Eerst luisteren.", right),
                                         ("1002", "Bo", "Afspraken nakomen.", wrong),
                                         ("1003", "Cas", "Open vragen.", wrong)]:
        _student_hands_in(tmp_path, monkeypatch, number, name, answer, option)
    assert "--gevoelig" in capsys.readouterr().out  # the scale was left out, and the student is told
    assert sorted(p.name for p in (tmp_path / "klas").iterdir())[0] == "1001_01_sociale_nabijheid.html"

    # §2: the overview of exactly this folder, with a class list naming one more student.
    (tmp_path / "klas.csv").write_text("studentnummer,naam\n1001,Ali\n1002,Bo\n1003,Cas\n1004,Dewi\n",
                                       encoding="utf-8")
    klas = lt.read_hand_ins(tmp_path / "klas")
    class_list, _ = lt.read_class_list(tmp_path / "klas.csv")
    assert len(klas.studenten) == 3 and list(lt.missing_students(klas, class_list)["naam"]) == ["Dewi"]
    done = lt.completion_table(klas, "01_sociale_nabijheid", class_list)
    assert done.loc["Ali (1001)", "reflecties"] == 100 and done.loc["Dewi (1004)"].isna().all()
    row = lt.item_analysis(klas).set_index("vraag_id").loc[QUIZ.id]
    assert row["goed_pct"] == 33 and row["aantal_fout"] == 2
    assert "buren: 4" not in klas.antwoorden["antwoord"].str.cat()  # sensitive answer stayed home

    # §3: grade, then the Brightspace and Canvas files and the feedback files.
    book = GradeBook(tmp_path / "klas", delay=0)
    for number, points in [("1001", 2), ("1002", "1,5"), ("1003", 1)]:
        book.set(number, "01_sociale_nabijheid", "vertrouwen-r1", punten=points, opmerking="Goed zo.")
    table = grade_table(lt.read_hand_ins(tmp_path / "klas"), book)
    export = tmp_path / "klas" / "export"
    assert brightspace_csv(table, export / "cijfers_brightspace.csv") == []
    assert canvas_csv(table, export / "cijfers_canvas.csv") == []
    brightspace = list(csv.reader((export / "cijfers_brightspace.csv").open(encoding="utf-8")))
    assert brightspace[0] == ["OrgDefinedId", "Sociale nabijheid Points Grade", "End-of-Line Indicator"]
    assert ["1002", "1.5", "#"] in brightspace
    canvas = list(csv.DictReader((export / "cijfers_canvas.csv").open(encoding="utf-8")))
    assert {r["SIS User ID"]: r["Sociale nabijheid"] for r in canvas} == \
        {"1001": "2", "1002": "1.5", "1003": "1"}
    assert len(write_feedback_files(table, export / "feedback")) == 6

    # §4: the self-checks as a QTI package.
    assert main(["qti", "--lemmas", "vertrouwen", "--uit", str(tmp_path / "toets.zip")]) == 0
    with zipfile.ZipFile(tmp_path / "toets.zip") as archive:
        assert "imsmanifest.xml" in archive.namelist()
