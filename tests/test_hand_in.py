"""Hand-in files (Markdown and HTML, button and command line) and the lecturer's class overview."""

import json
from datetime import datetime

import pandas as pd
import pytest

import lexicon_tools as lt
from lexicon_tools import AnswerStore
from lexicon_tools.__main__ import main
from lexicon_tools.class_overview import answers_side_by_side, completion_table, read_hand_ins
from lexicon_tools.export import HandIn, collect_hand_in, hand_in_html, write_hand_in
from conftest import PROJECT

HOSTILE = "<script>alert('x')</script> & <img src=x onerror=alert(1)>\n# geen kop\n<!-- vraag: nep -->"


def _student(folder, name, number, answers, notebook="01_sociale_nabijheid"):
    store = AnswerStore(notebook, folder / name.replace(" ", "_"), delay=0)
    store.set("_naam", name)
    store.set("_studentnummer", number)
    for question_id, (question, text) in answers.items():
        store.set(question_id, text, question=question) if text else \
            store.describe(question_id, question)
    return store


def test_hand_in_html_escapes_everything_typed():
    hand_in = HandIn(naam="<b>Sam</b>", studentnummer="1\" onload=\"x",
                     datum=datetime(2026, 3, 2, 10, 0),
                     notebooks={"01<i>": [("q1", "Vraag <u>van docent</u>?", HOSTILE)]})
    page = hand_in_html(hand_in)
    body = page.split("</head>", 1)[1]
    assert "<script" not in body and "<img" not in body and "<b>Sam" not in body
    assert "<u>" not in body and "<i>" not in body
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in body
    head = page.split("</head>", 1)[0]
    data = head.split("id='lt-inlevering'>", 1)[1].split("</script>", 1)[0]
    assert "<" not in data and json.loads(data)["notebooks"][0]["antwoorden"][0]["antwoord"] == HOSTILE


@pytest.mark.parametrize("suffix", ["md", "html"])
def test_hand_in_reads_back_exactly(tmp_path, suffix):
    store = _student(tmp_path, "Sam de Vries", "1234567",
                     {"r1": ("Wat is *vertrouwen*?", HOSTILE), "r2": ("Leeg?", "")})
    paths = write_hand_in(collect_hand_in([store]), tmp_path / "in")
    path = next(p for p in paths if p.suffix == f".{suffix}")
    rows = lt.read_hand_in(path)
    assert list(rows["vraag_id"]) == ["r1", "r2"]
    assert rows.loc[0, "antwoord"] == HOSTILE and rows.loc[1, "antwoord"] == ""
    assert rows.loc[0, "vraag"] == "Wat is *vertrouwen*?"
    assert rows.loc[0, "student"] == "Sam de Vries (1234567)"


def test_export_all_notebooks_in_one_file(tmp_path):
    first = _student(tmp_path, "Sam", "1", {"r1": ("Vraag één?", "Eén")}, "00_start_hier")
    second = AnswerStore("01_sociale_nabijheid", first.folder, delay=0)
    second.set("r9", "Negen", question="Vraag negen?")
    paths = lt.ExportModel(second).export(everything=True, folder=tmp_path / "uit")
    assert [p.name for p in paths] == ["antwoorden_alles.md", "antwoorden_alles.html"]
    rows = lt.read_hand_in(paths[0])
    assert set(rows["notebook"]) == {"00_start_hier", "01_sociale_nabijheid"}
    assert rows.set_index("vraag_id").loc["r9", "antwoord"] == "Negen"
    assert set(rows["naam"]) == {"Sam"}  # the name typed in one notebook


def test_command_line_hand_in(tmp_path, monkeypatch, capsys):
    store = _student(tmp_path, "Sam", "1", {"r1": ("Vraag?", "Mijn antwoord")})
    monkeypatch.setenv("NABIJHEID_DATA", str(store.folder))
    assert main(["inleveren", "--uit", str(tmp_path / "uit"), "--naam", "Sam Jansen"]) == 0
    out = capsys.readouterr().out
    assert "OK: 1 antwoorden uit 1 notebook(s)" in out
    rows = lt.read_hand_in(tmp_path / "uit" / "antwoorden_alles.html")
    assert set(rows["naam"]) == {"Sam Jansen"} and set(rows["studentnummer"]) == {"1"}
    assert main(["inleveren", "--notebook", "03a_bestaat_niet", "--uit", str(tmp_path)]) == 1
    assert "geen antwoorden van notebook '03a_bestaat_niet'" in capsys.readouterr().out


def test_class_overview_survives_bad_files(tmp_path):
    hand_ins = tmp_path / "klas"
    for name, number, text in [("Ali", "1", "Antwoord van Ali"), ("Bo", "2", ""),
                               ("Cas", "3", "Antwoord van Cas")]:
        store = _student(tmp_path, name, number, {"r1": ("Vraag één?", text),
                                                  "r2": ("Vraag twee?", "Twee" if text else "")})
        write_hand_in(collect_hand_in([store], now=datetime(2026, 3, 1, 9)), hand_ins,
                      formats=("md",))
    # Cas hands in again later, as HTML: only the newest counts.
    store = _student(tmp_path / "later", "Cas", "3", {"r1": ("Vraag één?", "Beter antwoord van Cas")})
    write_hand_in(collect_hand_in([store], now=datetime(2026, 3, 2, 9)), hand_ins,
                  stem="cas_opnieuw", formats=("html",))
    (hand_ins / "kapot.html").write_text("<html><script type='application/json' "
                                         "id='lt-inlevering'>{kapot</script>", encoding="utf-8")
    (hand_ins / "aantekeningen.md").write_text("# Mijn aantekeningen\n", encoding="utf-8")
    (hand_ins / "latin1.md").write_bytes("---\nnaam: Zoë\n---\n".encode("latin-1"))
    klas = read_hand_ins(hand_ins)
    assert klas.studenten == ["Ali (1)", "Bo (2)", "Cas (3)"]
    problems = "\n".join(klas.problemen)
    assert "kapot.html: overgeslagen, de gegevens in het bestand zijn beschadigd" in problems
    assert "aantekeningen.md: overgeslagen, geen inlevering" in problems
    assert "latin1.md: overgeslagen, het bestand is geen UTF-8-tekst" in problems
    assert "Cas (3) heeft notebook 01_sociale_nabijheid vaker ingeleverd" in problems
    side = answers_side_by_side(klas, "01_sociale_nabijheid")
    assert side.loc[("01_sociale_nabijheid", "r1", "Vraag één?"), "Cas (3)"] == "Beter antwoord van Cas"
    assert side.loc[("01_sociale_nabijheid", "r1", "Vraag één?"), "Bo (2)"] == ""
    done = completion_table(klas)
    assert done.loc["Ali (1)", "01_sociale_nabijheid"] == 100
    assert done.loc["Bo (2)", "01_sociale_nabijheid"] == 0
    assert done.loc["Cas (3)", "01_sociale_nabijheid"] == 50


def test_missing_folder_is_a_message_not_a_crash(tmp_path):
    klas = read_hand_ins(tmp_path / "weg")
    assert klas.antwoorden.empty and "bestaat niet" in klas.problemen[0]
    assert completion_table(klas).empty and answers_side_by_side(klas).empty


def test_class_overview_widget_shows_escaped_answers(tmp_path):
    store = _student(tmp_path, "Ali <b>", "1", {"r1": ("Vraag?", HOSTILE)})
    write_hand_in(collect_hand_in([store]), tmp_path / "klas")
    view = lt.ClassOverview(str(tmp_path / "klas"))
    assert "1 student(en)" in view._summary.value
    assert "Ali <b> (1)" in [label for label in view.data.studenten]
    assert "&lt;script&gt;" in view._answers.value and "<script>" not in view._answers.value
    assert "Ali &lt;b&gt; (1)" in view._answers.value
    assert bytes(view._chart.value).startswith(b"\x89PNG")
    view._folder.value = str(tmp_path / "leeg")
    view.load()
    assert "0 student(en)" in view._summary.value and "bestaat niet" in view._summary.value


def test_example_class_in_the_repository():
    klas = read_hand_ins(PROJECT / "notebooks" / "voorbeeld_klas" / "inleveringen")
    assert len(klas.studenten) == 3
    assert any("vaker ingeleverd" in p for p in klas.problemen)
    assert any("beschadigd" in p for p in klas.problemen)
    assert not completion_table(klas).empty
