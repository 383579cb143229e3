"""Grading: scores, levels and comments saved like answers; Brightspace/Canvas grade files; feedback."""

import csv
from datetime import datetime

import pytest

import lexicon_tools as lt
from lexicon_tools import AnswerStore, LexiconError
from lexicon_tools.export import collect_hand_in, write_hand_in
from lexicon_tools.grading import (GradeBook, brightspace_csv, canvas_csv, grade_table,
                                   write_feedback_files)

HOSTILE = "<script>alert(1)</script> ![x](http://e) =HYPERLINK(\"http://e\")"


def _class(tmp_path):
    folder = tmp_path / "klas"
    for name, number, text in [("Ali", "0011", "Antwoord A\nregel 2"), ("=Bo+1", "0022", HOSTILE),
                               ("=cmd|' /C calc'!A0", "", "Zonder nummer")]:
        store = AnswerStore("01_sociale_nabijheid", tmp_path / (number or "x"), delay=0)
        store.set("_naam", name)
        store.set("_studentnummer", number)
        store.set("r1", text, question="Wat is nabijheid?")
        store.set("r2", "Tweede", question="En afstand?")
        write_hand_in(collect_hand_in([store], items={}, now=datetime(2026, 3, 1)), folder,
                      stem=f"{number or 'x'}_01", formats=("html",))
    return folder


def _grade_all(folder):
    book = GradeBook(folder, delay=0)
    book.set("0011", "01_sociale_nabijheid", "r1", punten="1,5", niveau="goed", opmerking="Helder.")
    book.set("0011", "01_sociale_nabijheid", "r2", punten=2)
    book.set("0022", "01_sociale_nabijheid", "r1", punten=0, opmerking=HOSTILE)
    book.set("=cmd|' /C calc'!A0", "01_sociale_nabijheid", "r1", punten=1)
    return book


def test_grades_are_saved_atomically_and_survive_a_new_session(tmp_path):
    folder = _class(tmp_path)
    _grade_all(folder)
    again = GradeBook(folder)
    assert again.get("0011", "01_sociale_nabijheid", "r1") == \
        {"punten": 1.5, "niveau": "goed", "opmerking": "Helder."}
    assert (folder / "beoordeling.json").is_file()
    assert not list(folder.glob(".*.tmp"))  # written via a temporary file and a rename
    assert len(lt.read_hand_ins(folder).studenten) == 3  # the grade file is not read as a hand-in


def test_bad_scores_and_levels_are_a_dutch_message(tmp_path):
    book = GradeBook(tmp_path, delay=0)
    with pytest.raises(LexiconError, match="geen getal"):
        book.set("1", "nb", "r1", punten="veel")
    with pytest.raises(LexiconError, match="0 of meer"):
        book.set("1", "nb", "r1", punten="-2")
    with pytest.raises(LexiconError, match="kies uit: onvoldoende"):
        book.set("1", "nb", "r1", niveau="super")
    assert book.get("1", "nb", "r1") == {"punten": None, "niveau": None, "opmerking": ""}


def test_brightspace_grade_file(tmp_path):
    folder = _class(tmp_path)
    table = grade_table(lt.read_hand_ins(folder), _grade_all(folder))
    notes = brightspace_csv(table, tmp_path / "bs.csv", names={"01_sociale_nabijheid": "Opdracht 1"})
    rows = list(csv.reader((tmp_path / "bs.csv").open(encoding="utf-8")))
    assert rows[0] == ["OrgDefinedId", "Opdracht 1 Points Grade", "End-of-Line Indicator"]
    assert rows[1:] == [["0011", "3.5", "#"], ["0022", "0", "#"]]  # leading zeros kept
    assert len(notes) == 1 and "geen studentnummer" in notes[0]


def test_canvas_grade_file(tmp_path):
    folder = _class(tmp_path)
    table = grade_table(lt.read_hand_ins(folder), _grade_all(folder))
    canvas_csv(table, tmp_path / "canvas.csv", points_possible={"01_sociale_nabijheid": 4},
               section="2B")
    rows = list(csv.DictReader((tmp_path / "canvas.csv").open(encoding="utf-8")))
    assert list(rows[0]) == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section",
                             "Sociale nabijheid"]  # the columns of Canvas's own export
    assert rows[0]["Student"] == "Points Possible" and rows[0]["Sociale nabijheid"] == "4"
    assert rows[1] == {"Student": "Ali", "ID": "", "SIS User ID": "0011", "SIS Login ID": "",
                       "Section": "2B", "Sociale nabijheid": "3.5"}
    assert rows[2]["Student"] == "'=Bo+1"  # never run as a spreadsheet formula


def test_feedback_files_are_escaped_and_per_student(tmp_path):
    folder = _class(tmp_path)
    table = grade_table(lt.read_hand_ins(folder), _grade_all(folder))
    paths = write_feedback_files(table, tmp_path / "feedback")
    names = sorted(p.name for p in paths)
    assert "0011_feedback.html" in names and "0022_feedback.md" in names
    page = (tmp_path / "feedback" / "0022_feedback.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page
    md = (tmp_path / "feedback" / "0022_feedback.md").read_text(encoding="utf-8")
    assert "<script>" not in md and "![x]" not in md and "\\!\\[x\\]" in md
    ali = (tmp_path / "feedback" / "0011_feedback.html").read_text(encoding="utf-8")
    assert "Helder." in ali and "Totaal:</b> 3,5 punten" in ali and "Niveau: goed" in ali
    assert "Bo" not in ali  # one student's file holds nothing of another


def test_grading_view_saves_and_exports(tmp_path):
    folder = _class(tmp_path)
    view = lt.GradingView(str(folder))
    view._student.value = "0011"
    view._points.value = "2"
    view._level.value = "voldoende"
    view._comment.value = "Goed onderbouwd."
    assert view.book.flush() and "Opgeslagen om" in view._status.value
    assert GradeBook(folder).get("0011", "01_sociale_nabijheid", "r1")["punten"] == 2
    view._points.value = "twee"
    assert "geen getal" in view._status.value
    view._run_export(view.export_brightspace)
    assert "download='cijfers_brightspace.csv'" in view._exports.value
    assert (folder / "export" / "cijfers_brightspace.csv").read_text(encoding="utf-8").splitlines() \
        == ["OrgDefinedId,Sociale nabijheid Points Grade,End-of-Line Indicator", "0011,2,#"]
    view._run_export(view.export_feedback)
    assert (folder / "export" / "feedback" / "0011_feedback.html").is_file()
