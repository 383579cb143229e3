"""Hand-in files (Markdown and HTML, button and command line) and the lecturer's class overview."""

import base64
import json
import re
from datetime import datetime

import pytest

import lexicon_tools as lt
from lexicon_tools import AnswerStore
from lexicon_tools.__main__ import main
from lexicon_tools.class_overview import (answers_side_by_side, completion_table, item_analysis,
                                          missing_students, questions_of, read_class_list,
                                          read_hand_ins)
from lexicon_tools.export import (HandIn, collect_hand_in, hand_in_html, hand_in_markdown,
                                  write_hand_in)
from conftest import PROJECT

HOSTILE = "<script>alert('x')</script> & <img src=x onerror=alert(1)>\n# geen kop\n<!-- vraag: nep -->"
TRICKY = ["a &lt; b", "\\# x", "*(nog niet beantwoord)*", "![foto](http://x/y.png) [link](http://z)",
          "regel 1\n\n- regel 3\n1. vier\n---\n> vijf", "-->", "</script>"]
EX = lt.load_exercises()
QUIZ, SORT, REFLECTION = EX["leefbaarheid-q1"], EX["leefbaarheid-s1"], EX["leefbaarheid-r1"]
CASE = next(q for q in EX.values() if type(q).__name__ == "ReflectionQuestion" and q.casus)


def _student(folder, name, number, answers, notebook="01_sociale_nabijheid"):
    store = AnswerStore(notebook, folder / name.replace(" ", "_"), delay=0)
    store.set("_naam", name)
    store.set("_studentnummer", number)
    for question_id, (question, text) in answers.items():
        store.set(question_id, text, question=question) if text else \
            store.describe(question_id, question)
    return store


def _right_and_wrong(question):
    right = next(o.tekst for o in question.opties if o.juist)
    wrong = next(o.tekst for o in question.opties if not o.juist)
    return right, wrong


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
    answers = {f"t{n}": (f"Vraag {n}?", text) for n, text in enumerate([HOSTILE, *TRICKY])}
    store = _student(tmp_path, "Sam de Vries", "0012345", {**answers, "leeg": ("Leeg?", "")})
    paths = write_hand_in(collect_hand_in([store], items={}), tmp_path / "in")
    path = next(p for p in paths if p.suffix == f".{suffix}")
    rows = lt.read_hand_in(path).set_index("vraag_id")
    for key, (_, text) in answers.items():
        assert rows.loc[key, "antwoord"] == text
    assert rows.loc["leeg", "antwoord"] == ""
    assert set(rows["studentnummer"]) == {"0012345"}  # a number with leading zeros stays text
    assert set(rows["student"]) == {"Sam de Vries (0012345)"}


def test_markdown_hand_in_is_inert_when_rendered(tmp_path):
    """Rendered by nbconvert's Markdown renderer, nothing a student typed becomes HTML or a link."""
    import mistune

    store = _student(tmp_path, "<img src=x onerror=alert(1)>", "<b>1</b>",
                     {"t1": ("Vraag?", "![foto](http://x/y.png) en [klik](http://evil) <i>x</i>")})
    text = hand_in_markdown(collect_hand_in([store], items={}))
    header = text.split("\n---\n", 1)[0]
    assert "<img" not in header and "<b>" not in header and "&lt;img" in header
    page = mistune.html(text.split("<!-- lt-inlevering", 1)[0])
    assert "<img" not in page and "<a " not in page and "<i>" not in page and "<b>" not in page
    assert "![foto](http://x/y.png)" in page and "&lt;i&gt;x" in page


def test_file_names_carry_student_number_and_notebook(tmp_path):
    store = _student(tmp_path, "Sam", "1234567", {"r1": ("Vraag?", "Antwoord")})
    names = [p.name for p in write_hand_in(collect_hand_in([store], items={}), tmp_path / "uit")]
    assert names == ["1234567_01_sociale_nabijheid.md", "1234567_01_sociale_nabijheid.html"]
    other = _student(tmp_path, "Bo", "../../etc 7", {"r1": ("Vraag?", "Ja")})
    names = [p.name for p in write_hand_in(collect_hand_in([other], items={}), tmp_path / "uit")]
    assert names[0] == "etc-7_01_sociale_nabijheid.md" and (tmp_path / "uit" / names[0]).is_file()


def test_quiz_sort_and_case_are_handed_in_with_what_the_reader_needs(tmp_path):
    right, wrong = _right_and_wrong(QUIZ)
    store = _student(tmp_path, "Sam", "1", {QUIZ.id: (QUIZ.vraag, wrong),
                                            CASE.id: (CASE.vraag, "Over de casus.")},
                     notebook="02_geografische_nabijheid")
    labels = {c.id: c.label for c in SORT.categorieen} if SORT.categorieen else None
    for n, item in enumerate(SORT.items[:3], start=1):
        label = labels[item.antwoord] if labels else lt.load_lexicon().model(SORT.model).niveaus[0].label
        store.set(f"{SORT.id}-{n}", label, question=f"{SORT.opdracht} — {item.tekst}")
    hand_in = collect_hand_in([store])
    assert hand_in.titels["02_geografische_nabijheid"] == "Geografische nabijheid"
    for text in (hand_in_markdown(hand_in), hand_in_html(hand_in)):
        assert "Geografische nabijheid" in text
        visible = text.split("lt-inlevering", 1)[0] if text.startswith("---") else \
            text.split("</head>", 1)[1]
        assert visible.count(SORT.opdracht[:40]) == 1  # the sort task's introduction once
        assert "Niet goed" in visible and "1 van 1 ingevuld, 0 goed" in visible
        assert CASE.casus[:30] in visible.replace("\\", "")
    rows = {a.id: a for a in hand_in.notebooks["02_geografische_nabijheid"]}
    assert rows[QUIZ.id].juist is False and rows[f"{SORT.id}-1"].inleiding == SORT.opdracht
    store.set(QUIZ.id, right, question=QUIZ.vraag)
    assert "1 van 1 ingevuld, 1 goed" in hand_in_html(collect_hand_in([store]))


def test_sensitive_answers_stay_out_unless_the_student_chooses(tmp_path):
    store = _student(tmp_path, "Sam", "1", {"r1": ("Vraag?", "Gewoon antwoord")})
    store.set("sociale-afstand-schaal", "statushouders: 5", question="Sociale afstand")
    kept_out = collect_hand_in([store])
    assert kept_out.weggelaten == 1
    assert "statushouders" not in hand_in_markdown(kept_out) + hand_in_html(kept_out)
    assert "niet meegenomen" in hand_in_html(kept_out)
    included = collect_hand_in([store], include_sensitive=True)
    assert "statushouders: 5" in hand_in_html(included)
    # An exercise item marked `gevoelig: true` by a lecturer is treated the same way.
    marked = type("Item", (), {"gevoelig": True, "vraag": "Privé?"})()
    store.set("eigen-vraag", "heel persoonlijk", question="Privé?")
    assert "heel persoonlijk" not in hand_in_html(collect_hand_in([store], items={"eigen-vraag": marked}))


def test_export_panel_offers_a_real_download_and_a_privacy_choice(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    store = _student(tmp_path, "Sam", "7654321", {"r1": ("Vraag?", "Mijn antwoord")})
    store.set("sociale-afstand-schaal", "buren: 2", question="Sociale afstand")
    panel = lt.ExportPanel(store)
    assert "gevoelige antwoorden" in panel._sensitive.description and not panel._sensitive.value
    assert "standaard <b>niet</b> in het bestand met je naam" in panel.children[2].value
    panel._button.click()
    links = re.findall(r"download='([^']+)' href='data:([^;]+);charset=utf-8;base64,([^']+)'",
                       panel._result.value)
    assert [name for name, _, _ in links] == ["7654321_01_sociale_nabijheid.html",
                                              "7654321_01_sociale_nabijheid.md"]
    page = base64.b64decode(links[0][2]).decode("utf-8")
    assert "Mijn antwoord" in page and "buren: 2" not in page and links[0][1] == "text/html"
    assert "Klaar" in panel._result.value and "niet meegenomen" in panel._result.value
    panel._sensitive.value = True
    panel._button.click()
    assert "buren: 2" in (tmp_path / "7654321_01_sociale_nabijheid.html").read_text(encoding="utf-8")


def test_export_panel_and_command_line_report_a_left_out_notebook(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    store = _student(tmp_path, "Sam", "1", {"r1": ("Vraag?", "Eén")})
    (store.folder / "02_geografische_nabijheid.json").write_text("{kapot", encoding="utf-8")
    panel = lt.ExportPanel(store)
    panel._all.click()
    assert "Let op: niet alles kon worden meegenomen" in panel._result.value
    assert "Klaar" not in panel._result.value and "02_geografische_nabijheid" in panel._result.value
    (store.folder / "03a_professionele_nabijheid_relatie.json").write_text("[", encoding="utf-8")
    monkeypatch.setenv("NABIJHEID_DATA", str(store.folder))
    assert main(["inleveren", "--uit", str(tmp_path / "uit")]) == 1
    out = capsys.readouterr().out
    assert not out.startswith("OK") and out.startswith("LET OP")
    assert "Niet meegenomen" in out and "03a_professionele_nabijheid_relatie" in out


def test_export_all_notebooks_in_one_file(tmp_path):
    first = _student(tmp_path, "Sam", "1", {"r1": ("Vraag één?", "Eén")}, "00_start_hier")
    second = AnswerStore("01_sociale_nabijheid", first.folder, delay=0)
    second.set("r9", "Negen", question="Vraag negen?")
    paths = lt.ExportModel(second).export(everything=True, folder=tmp_path / "uit")
    assert [p.name for p in paths] == ["1_alles.md", "1_alles.html"]
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
    rows = lt.read_hand_in(tmp_path / "uit" / "1_alles.html")
    assert set(rows["naam"]) == {"Sam Jansen"} and set(rows["studentnummer"]) == {"1"}
    assert main(["inleveren", "--notebook", "01_sociale_nabijheid", "--uit", str(tmp_path / "uit"),
                 "--studentnummer", "99"]) == 0
    assert (tmp_path / "uit" / "99_01_sociale_nabijheid.md").is_file()
    assert main(["inleveren", "--notebook", "03a_bestaat_niet", "--uit", str(tmp_path)]) == 1
    assert "geen antwoorden van notebook '03a_bestaat_niet'" in capsys.readouterr().out


def _class(tmp_path, again=True):
    """Three students in one folder: Ali all right, Bo nothing, Cas twice (newest counts)."""
    right, wrong = _right_and_wrong(QUIZ)
    hand_ins = tmp_path / "klas"
    for name, number, text, choice in [("Ali", "1", "Antwoord A", right), ("Bo", "2", "", ""),
                                       ("Cas", "3", "Antwoord C", wrong)]:
        store = _student(tmp_path, name, number, {REFLECTION.id: (REFLECTION.vraag, text),
                                                  QUIZ.id: (QUIZ.vraag, choice)})
        for n in range(1, 3):
            store.describe(f"{SORT.id}-{n}", "x")
        write_hand_in(collect_hand_in([store], now=datetime(2026, 3, 1, 9)), hand_ins)
    if not again:
        return hand_ins
    store = _student(tmp_path / "later", "Cas", "3", {REFLECTION.id: (REFLECTION.vraag,
                                                                      "Beter antwoord\nvan C")})
    write_hand_in(collect_hand_in([store], now=datetime(2026, 3, 2, 9)), hand_ins,
                  stem="cas_opnieuw", formats=("html",))
    return hand_ins


def test_class_overview_survives_bad_files(tmp_path):
    hand_ins = _class(tmp_path)
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
    assert "Ali (1) heeft" not in problems  # the .md and .html of one hand-in are one hand-in
    side = answers_side_by_side(klas, "01_sociale_nabijheid", REFLECTION.id)
    assert side.iloc[0]["Cas (3)"] == "Beter antwoord\nvan C" and side.iloc[0]["Bo (2)"] == ""


def test_completion_is_separate_per_kind_and_shows_missing_students(tmp_path):
    klas = read_hand_ins(_class(tmp_path))
    (tmp_path / "klas.csv").write_text("studentnummer;naam\n1;Ali\n2;Bo\n3;Cas\n0044;Dewi\n",
                                       encoding="utf-8")
    class_list, problems = read_class_list(tmp_path / "klas.csv")
    assert not problems and list(class_list["studentnummer"]) == ["1", "2", "3", "0044"]
    done = completion_table(klas, "01_sociale_nabijheid", class_list)
    assert list(done.columns) == ["reflecties", "quiz", "sorteeropdrachten"]
    assert done.loc["Ali (1)"].tolist() == [100, 100, 0]
    assert done.loc["Bo (2)", "reflecties"] == 0
    assert done.loc["Dewi (0044)"].isna().all()
    assert list(missing_students(klas, class_list)["naam"]) == ["Dewi"]
    assert [label for label, _ in questions_of(klas, "01_sociale_nabijheid")].count(
        f"Sorteeropdracht: {SORT.opdracht[:100]}") == 1  # one entry, not one per item


def test_item_analysis_names_the_most_chosen_wrong_option(tmp_path):
    klas = read_hand_ins(_class(tmp_path))
    table = item_analysis(klas, "01_sociale_nabijheid").set_index("vraag_id")
    _, wrong = _right_and_wrong(QUIZ)
    assert table.loc[QUIZ.id, "beantwoord"] == 1  # Cas's newest hand-in has no quiz answer
    row = item_analysis(read_hand_ins(_class(tmp_path / "b", again=False))).set_index("vraag_id").loc[QUIZ.id]
    assert row["beantwoord"] == 2 and row["goed_pct"] == 50
    assert row["meest_gekozen_fout"] == wrong and row["aantal_fout"] == 1


def test_same_student_number_under_two_names_is_flagged(tmp_path):
    for name in ("Sam Jansen", "Kim de Wit"):
        store = _student(tmp_path, name, "1234", {"r1": ("Vraag?", f"Van {name}")})
        write_hand_in(collect_hand_in([store], items={}), tmp_path / "klas", stem=name[:3],
                      formats=("md",))
    problems = " ".join(read_hand_ins(tmp_path / "klas").problemen)
    assert "Studentnummer 1234 staat in de inleveringen onder 2 namen" in problems


def test_missing_folder_is_a_message_not_a_crash(tmp_path):
    klas = read_hand_ins(tmp_path / "weg")
    assert klas.antwoorden.empty and "bestaat niet" in klas.problemen[0]
    assert completion_table(klas).empty and answers_side_by_side(klas).empty


def test_the_overview_reads_exactly_the_folder_given(tmp_path):
    store = _student(tmp_path, "Sam", "1", {"r1": ("Vraag?", "Ja")})
    write_hand_in(collect_hand_in([store], items={}), tmp_path / "klas" / "inleveringen")
    assert read_hand_ins(tmp_path / "klas").antwoorden.empty
    assert len(read_hand_ins(tmp_path / "klas" / "inleveringen").studenten) == 1


def test_class_overview_widget_shows_escaped_answers(tmp_path):
    long_answer = HOSTILE + "\n" + "lang " * 40
    store = _student(tmp_path, "Ali <b>", "1", {"r1": ("Vraag?", long_answer)})
    write_hand_in(collect_hand_in([store], items={}), tmp_path / "klas")
    view = lt.ClassOverview(str(tmp_path / "klas"))
    assert "1 student(en)" in view._summary.value
    assert "&lt;script&gt;" in view._answers.value and "<script>" not in view._answers.value
    assert "Ali &lt;b&gt; (1)" in view._answers.value
    assert ("lang " * 40).strip() in view._answers.value.replace("<br>", "\n")  # whole, not cut at 50
    assert "<br>" in view._answers.value  # line breaks kept
    view._folder.value = str(tmp_path / "leeg")
    view.load()
    assert "0 student(en)" in view._summary.value and "bestaat niet" in view._summary.value


def test_class_overview_widget_anonymous_mode_and_class_list(tmp_path):
    hand_ins = _class(tmp_path)
    (tmp_path / "klas.csv").write_text("studentnummer,naam\n1,Ali\n5,Eva\n", encoding="utf-8")
    view = lt.ClassOverview(str(hand_ins), klassenlijst=str(tmp_path / "klas.csv"))
    assert "Niet ingeleverd (1):</b> Eva (5)" in view._items.value
    assert "Itemanalyse" in view._items.value
    assert "Ali (1)" in view._answers.value
    assert "Cas (3) heeft notebook" in view._summary.value
    view._anonymous.value = True
    shown = view._answers.value + view._items.value + view._summary.value
    assert "Ali" not in shown and "Cas" not in shown and "Eva" not in shown
    assert "Student 1" in view._answers.value
    assert bytes(view._chart.value).startswith(b"\x89PNG")


def test_example_class_in_the_repository():
    folder = PROJECT / "notebooks" / "voorbeeld_klas"
    klas = read_hand_ins(folder / "inleveringen")
    assert len(klas.studenten) == 3
    assert any("vaker ingeleverd" in p for p in klas.problemen)
    assert any("beschadigd" in p for p in klas.problemen)
    assert not completion_table(klas).empty and not item_analysis(klas).empty
    assert all(re.fullmatch(r"\d+_[0-9a-z_]+(_versie2)?\.(md|html)|kapot\.html|LEESMIJ\.md", p.name)
               for p in (folder / "inleveringen").iterdir())
    class_list, problems = read_class_list(folder / "klassenlijst.csv")
    assert not problems and len(missing_students(klas, class_list)) >= 1


def test_class_list_from_excel_and_an_old_hand_in_get_clear_messages(tmp_path):
    (tmp_path / "klas.csv").write_bytes("Studentnummer;Naam\n0012;Zoë\n".encode("cp1252"))
    class_list, problems = read_class_list(tmp_path / "klas.csv")
    assert not problems and class_list.to_dict("records") == [{"studentnummer": "0012", "naam": "Zoë"}]
    (tmp_path / "lijst.csv").write_text("nummer,naam\n1,Ali\n", encoding="utf-8")
    assert "de kolom 'studentnummer' ontbreekt" in read_class_list(tmp_path / "lijst.csv")[1][0]
    (tmp_path / "klas").mkdir()
    (tmp_path / "klas" / "1_oud.md").write_text(
        "---\ninlevering: nabijheid-en-sociaal-werk\nnaam: Ali\n---\n# Antwoorden\n", "utf-8")
    assert "oudere versie van het lespakket" in read_hand_ins(tmp_path / "klas").problemen[0]
