"""Bad input, tried and survived: one test per row of docs/betrouwbaarheid.md.

Every case ends in one clear Dutch message that names the file (or the id) and what to do, or in
text shown escaped; never in a traceback for the user, never in lost answers. Rows already proven
elsewhere (syntax errors, killed saves, two writers, …) are named in the table with their test.
"""

import errno
import shutil
import textwrap

import pytest

import lexicon_tools as lt
from lexicon_tools import AnswerStore, LexiconError
from lexicon_tools.__main__ import main
from lexicon_tools.exercises import check_exercises, question
from lexicon_tools.export import collect_hand_in, hand_in_html
from conftest import HERE

EXERCISES = HERE / "data" / "exercises"
SCRIPT = "<script>alert('x')</script>"
IMG = "<img src=x onerror=alert(1)>"


@pytest.fixture
def exercises(tmp_path):
    target = tmp_path / "oefeningen"
    shutil.copytree(EXERCISES, target)
    return target


def only_problem(folder):
    problems = check_exercises(folder)[1]
    assert len(problems) == 1, problems
    return str(problems[0])


# -- data and exercise files ---------------------------------------------------------------------
def test_huge_exercise_file(exercises):
    (exercises / "groot.yaml").write_bytes(b"# " + b"x" * 10_000_000 + b"\n")
    message = only_problem(exercises)
    assert "groot.yaml" in message and "10 MB" in message and "minder dan 2 MB" in message


def test_huge_lemma_file(lexicon_copy):
    (lexicon_copy / "lemmas" / "groot.md").write_bytes(b"-" * 10_000_000)
    _, problems = lt.check_lexicon(lexicon_copy)
    assert any("groot.md" in str(p) and "MB" in str(p) for p in problems)


def test_exercise_file_not_utf8(exercises):
    (exercises / "latin1.yaml").write_bytes("lemma: alfa\ntitel: Caf\xe9\n".encode("latin-1"))
    message = only_problem(exercises)
    assert "latin1.yaml, regel 2" in message and "UTF-8" in message


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system ['echo gehackt']",
                                 "!!python/name:os.system",
                                 "!!python/object/new:subprocess.Popen [['touch', 'gehackt']]"])
def test_yaml_tags_never_build_objects(exercises, tag, capsys):
    (exercises / "tag.yaml").write_text(f"lemma: alfa\ntitel: {tag}\n", encoding="utf-8")
    problems = check_exercises(exercises)[1]
    assert problems and all("tag.yaml" in str(p) for p in problems)
    assert any("tag" in str(p) and "niet toegestaan" in str(p) for p in problems)
    assert "gehackt" not in capsys.readouterr().out and not (exercises / "gehackt").exists()


def test_wrong_types_in_an_exercise_file(exercises):
    (exercises / "typen.yaml").write_text(textwrap.dedent("""\
        lemma: alfa
        quiz:
          - id: typen-q1
            vraag: [een, lijst]
            opties: alleen tekst
        """), encoding="utf-8")
    problems = [str(p) for p in check_exercises(exercises)[1]]
    assert any("regel 4" in p and "moet een tekst zijn, maar is een lijst" in p for p in problems)
    assert any("regel 5" in p and "moet een lijst zijn" in p for p in problems)


def test_empty_and_binary_files(exercises):
    (exercises / "leeg.yaml").write_bytes(b"")
    (exercises / "plaatje.yaml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    problems = [str(p) for p in check_exercises(exercises)[1]]
    assert any("leeg.yaml" in p and "leeg" in p for p in problems)
    assert any("plaatje.yaml" in p for p in problems)


def test_unknown_ids_in_a_notebook_call():
    with pytest.raises(LexiconError, match="geen vraag met id 'vertrouwen-r9'.*Bedoel je"):
        lt.Reflection("vertrouwen-r9", AnswerStore("x"))
    with pytest.raises(LexiconError, match="geen lemma met id 'vertrouwn'.*vertrouwen"):
        lt.toon_lemma("vertrouwn")
    with pytest.raises(LexiconError, match="quizvraag, geen reflectievraag"):
        lt.Reflection("vertrouwen-q1", AnswerStore("x"))


def test_unknown_folder_for_the_check_command(capsys):
    assert main(["check", "/bestaat/niet"]) == 1
    assert "/bestaat/niet: deze map bestaat niet" in capsys.readouterr().out


def test_symlink_loop_or_directory_named_like_a_file(exercises):
    (exercises / "map.yaml").mkdir()
    problems = [str(p) for p in check_exercises(exercises)[1]]
    assert any("map.yaml" in p and "kan niet gelezen worden" in p for p in problems)


# -- HTML and script in lecturer text and student answers -------------------------------------------
@pytest.fixture
def hostile_exercises(tmp_path):
    folder = tmp_path / "vijandig"
    folder.mkdir()
    (folder / "alfa.yaml").write_text(textwrap.dedent(f"""\
        lemma: vertrouwen
        reflectie:
          - id: h-r1
            soort: toepassen
            casus: "{SCRIPT}"
            vraag: "Wat doe je? {IMG}"
        quiz:
          - id: h-q1
            vraag: "Kies {SCRIPT}"
            opties:
              - tekst: "{IMG}"
                juist: true
                feedback: "Goed {SCRIPT}"
              - tekst: "<b>vet</b>"
                feedback: "Fout {IMG}"
        sorteer:
          - id: h-s1
            opdracht: "Sorteer {SCRIPT}"
            categorieen:
              - id: a
                label: "<i>A</i>"
              - id: b
                label: B
            items:
              - tekst: "{IMG}"
                antwoord: a
                feedback: "{SCRIPT}"
              - tekst: gewoon
                antwoord: b
                feedback: ok
        """), encoding="utf-8")
    return folder


def html_of(widget) -> str:
    """Everything a widget tree renders as HTML (labels and options are plain text in ipywidgets)."""
    import ipywidgets as widgets

    parts, stack = [], [widget]
    while stack:
        item = stack.pop()
        if isinstance(item, (widgets.HTML, widgets.HTMLMath)):
            parts.append(item.value)
        assert not getattr(item, "description_allow_html", False)
        stack.extend(getattr(item, "children", ()))
    return "\n".join(parts)


def test_lecturer_html_is_shown_escaped_in_every_widget(hostile_exercises):
    store = AnswerStore("vijandig")
    reflection = lt.Reflection("h-r1", store, exercises_folder=hostile_exercises)
    quiz = lt.Quiz("h-q1", store, exercises_folder=hostile_exercises)
    quiz._choices["h-q1"].value = 1
    quiz._check.click()
    sort = lt.SortTask("h-s1", store, exercises_folder=hostile_exercises)
    for index in range(len(sort.model.task.items)):
        sort.model.place(index, "a")
    sort._check.click()
    for widget in (reflection, quiz, sort):
        shown = html_of(widget)
        assert "<script" not in shown and "<img" not in shown and "<b>vet" not in shown, shown
    assert "&lt;script&gt;" in html_of(reflection) and "Fout &lt;img" in html_of(quiz)
    assert "&lt;script&gt;" in html_of(sort)  # the per-item feedback, escaped
    # an option is shown as literal text (options are in a per-student order, so look it up)
    assert IMG in [label for label, _ in quiz._choices["h-q1"].options]


def test_student_answers_are_shown_escaped(tmp_path):
    store = AnswerStore("nb", tmp_path, delay=0)
    store.set("_naam", SCRIPT)
    store.set("q1", f"{SCRIPT}\n{IMG}", question=f"Vraag {IMG}")
    page = hand_in_html(collect_hand_in([store])).split("</head>", 1)[1]
    assert "<script" not in page and "<img" not in page
    panel = lt.ExportPanel(store)
    assert panel._name.value == SCRIPT  # a text field shows the text as typed, never as HTML


# -- the answers folder ------------------------------------------------------------------------------
def test_unreadable_answers_file_is_never_overwritten(tmp_path, monkeypatch):
    (tmp_path / "nb.json").write_text('{"antwoorden": {"oud": {"tekst": "eerder werk"}}}',
                                      encoding="utf-8")
    real_read = type(tmp_path).read_bytes
    blocked = {"on": True}

    def read_bytes(path):
        if blocked["on"] and path.name == "nb.json":
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_read(path)

    monkeypatch.setattr(type(tmp_path), "read_bytes", read_bytes)
    store = AnswerStore("nb", tmp_path, delay=0)
    assert "kan niet gelezen worden" in store.warnings[0] and "nb.json" in store.warnings[0]
    store.set("nieuw", "nieuw antwoord")
    assert store.status().startswith("Niet opgeslagen") and store.get("nieuw") == "nieuw antwoord"
    assert "eerder werk" in (tmp_path / "nb.json").read_text(encoding="utf-8")
    blocked["on"] = False  # the lecturer fixed the rights: the next save merges, nothing is lost
    assert store.flush() is True
    again = AnswerStore("nb", tmp_path)
    assert again.get("oud") == "eerder werk" and again.get("nieuw") == "nieuw antwoord"


@pytest.mark.parametrize("code, words", [(errno.EROFS, "geen schrijfrechten"),
                                         (errno.EACCES, "geen schrijfrechten"),
                                         (errno.ENOSPC, "schijf is vol")])
def test_read_only_or_full_answers_folder(tmp_path, monkeypatch, code, words):
    import lexicon_tools.answers as answers_module

    real_write = answers_module._atomic_write_json

    def fail(path, data):
        raise OSError(code, "simulated")

    store = AnswerStore("nb", tmp_path, delay=0)
    monkeypatch.setattr(answers_module, "_atomic_write_json", fail)
    reflection = lt.ReflectionModel("q", "Vraag?", store)
    reflection.update("mijn tekst")
    assert words in reflection.status() and reflection.text == "mijn tekst"
    reflection.update("mijn tekst, langer")
    monkeypatch.setattr(answers_module, "_atomic_write_json", real_write)
    assert store.flush() is True
    assert AnswerStore("nb", tmp_path).get("q") == "mijn tekst, langer"


def test_answers_folder_cannot_be_created(tmp_path):
    (tmp_path / "bestand").write_text("geen map", encoding="utf-8")
    store = AnswerStore("nb", tmp_path / "bestand" / "antwoorden", delay=0)
    store.set("q", "tekst")
    assert store.status().startswith("Niet opgeslagen") and store.get("q") == "tekst"


def test_hand_in_to_an_unwritable_place_is_a_message(tmp_path, monkeypatch):
    store = AnswerStore("nb", tmp_path / "a", delay=0)
    store.set("q", "tekst", question="Vraag?")
    (tmp_path / "bezet").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    panel = lt.ExportPanel(store)
    monkeypatch.setattr(panel.model, "export",
                        lambda *a, **k: (_ for _ in ()).throw(OSError(errno.ENOSPC, "vol")))
    panel._button.click()
    assert "Exporteren lukte niet" in panel._result.value and "niet weg" in panel._result.value


def test_own_copy_of_the_book_that_is_not_the_book(tmp_path):
    path = tmp_path / "boodschappen.txt"
    path.write_text("melk\nbrood\n" * 100, encoding="utf-8")
    with pytest.raises(LexiconError, match="lijkt geen tekstexport"):
        lt.fulltext.load(path)
    binary = tmp_path / "boek.pdf"
    binary.write_bytes(b"%PDF-1.7\n\xff\xfe\x00")
    with pytest.raises(LexiconError, match="geen UTF-8-tekstbestand.*pdftotext"):
        lt.fulltext.load(binary)



def test_the_reliability_table_names_real_tests():
    """docs/betrouwbaarheid.md lists, per input, the test that proves it: they must all exist."""
    from conftest import PROJECT
    import re

    table = (PROJECT / "docs" / "betrouwbaarheid.md").read_text(encoding="utf-8")
    named = re.findall(r"`(test_\w+\.py)::(test_\w+)`", table)
    assert len(named) > 30
    missing = [f"{f}::{t}" for f, t in named
               if f"def {t}(" not in (PROJECT / "tests" / f).read_text(encoding="utf-8")]
    assert not missing, missing


# == H2: hand-ins and the class overview (issue 16) ==================================================
def _real_hand_in(tmp_path, name="Sam", number="0012345", suffix="html"):
    store = AnswerStore("01_sociale_nabijheid", tmp_path / f"s-{number}", delay=0)
    store.set("_naam", name)
    store.set("_studentnummer", number)
    store.set("start-r1", "Mijn antwoord", question="Vraag?")
    from lexicon_tools.export import write_hand_in

    return write_hand_in(collect_hand_in([store]), tmp_path / "klas",
                         formats=(suffix,))[0]


def _forge(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _bounded(call, seconds=3.0, megabytes=100):
    """Run ``call`` and assert it stays within a time and memory bound; return its result."""
    import time
    import tracemalloc

    tracemalloc.start()
    start = time.perf_counter()
    try:
        result = call()
    finally:
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert elapsed < seconds, f"took {elapsed:.1f} s"
    assert peak < megabytes * 2**20, f"used {peak / 2**20:.0f} MB"
    return result


FORGERIES = {
    "zonder_id": ('"id": "start-r1", ', "", "heeft geen id"),
    "notebooks_als_tekst": ('"notebooks": [', '"notebooks": "x", "oud": [', "is geen lijst"),
    "getal_als_antwoord": ('"antwoord": "Mijn antwoord"', '"antwoord": 42', "is geen tekst"),
    "lijst_als_naam": ('"naam": "Bo"', '"naam": ["B", "o"]', "de naam is geen tekst"),
    "juist_als_tekst": ('"juist": null', '"juist": "ja"', "geen ja/nee"),
}


@pytest.mark.parametrize("case", list(FORGERIES))
def test_forged_hand_ins_are_skipped_and_the_class_still_shows(tmp_path, case):
    from lexicon_tools.class_overview import read_hand_ins

    old, new, reason = FORGERIES[case]
    _real_hand_in(tmp_path, "Ali", "1")
    forged = _real_hand_in(tmp_path, "Bo", "2")
    _forge(forged, old, new)
    klas = read_hand_ins(tmp_path / "klas")
    assert klas.studenten == ["Ali (1)"]
    assert any(p.startswith(f"{forged.name}: overgeslagen") and reason in p
               for p in klas.problemen), klas.problemen


def test_dates_with_and_without_time_zone_mix(tmp_path):
    from lexicon_tools.class_overview import completion_table, read_hand_ins

    first = _real_hand_in(tmp_path, "Ali", "1")
    again = first.with_name("1_opnieuw.html")
    first.rename(again)
    _forge(again, '"datum": "', '"datum": "2099-01-01T10:00:00+02:00", "oud": "')
    _real_hand_in(tmp_path, "Ali", "1")
    klas = read_hand_ins(tmp_path / "klas")
    assert klas.studenten == ["Ali (1)"] and any("1_opnieuw.html)" in p for p in klas.problemen)
    completion_table(klas)


def test_json_nested_1000_deep_is_skipped_quickly(tmp_path):
    from lexicon_tools.class_overview import read_hand_ins

    forged = _real_hand_in(tmp_path, "Bo", "2")
    _forge(forged, '"notebooks": [', '"diep": ' + "[" * 100_000 + "]" * 100_000 + ', "notebooks": [')
    _real_hand_in(tmp_path, "Ali", "1")
    klas = _bounded(lambda: read_hand_ins(tmp_path / "klas"))
    assert klas.studenten == ["Ali (1)"]
    assert any("te diep genest" in p for p in klas.problemen), klas.problemen


def test_markdown_with_a_yaml_bomb_or_deep_header_is_skipped_in_bounded_time(tmp_path):
    from lexicon_tools.class_overview import read_hand_ins

    folder = tmp_path / "klas"
    folder.mkdir()
    bomb = ["---", "inlevering: nabijheid-en-sociaal-werk", "a: &a [x, x, x, x, x, x, x, x, x]"]
    bomb += [f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]"
             for p, c in zip("abcdefgh", "bcdefghi")]
    (folder / "1_bom.md").write_text("\n".join(bomb + ["naam: *i", "---", "# x", ""]), "utf-8")
    (folder / "2_diep.md").write_text("---\nnaam: " + "[" * 1000 + "]" * 1000 + "\n---\n", "utf-8")
    _real_hand_in(tmp_path, "Ali", "1", suffix="md")
    klas = _bounded(lambda: read_hand_ins(folder))
    assert klas.studenten == ["Ali (1)"]
    assert any(p.startswith("1_bom.md: overgeslagen") for p in klas.problemen)
    assert any(p.startswith("2_diep.md: overgeslagen, geen inlevering") for p in klas.problemen)


def test_html_repeating_its_opening_tag_is_read_in_linear_time(tmp_path):
    from lexicon_tools.class_overview import read_hand_ins
    from lexicon_tools.export import HTML_START

    folder = tmp_path / "klas"
    folder.mkdir()
    (folder / "9_herhaling.html").write_text(HTML_START * (1_000_000 // len(HTML_START)), "utf-8")
    klas = _bounded(lambda: read_hand_ins(folder), seconds=2)
    assert any("9_herhaling.html: overgeslagen" in p for p in klas.problemen)


def test_fifo_and_device_as_hand_in_do_not_hang(tmp_path):
    import os

    from lexicon_tools.class_overview import read_hand_ins

    folder = tmp_path / "klas"
    folder.mkdir()
    os.mkfifo(folder / "1_fifo.html")
    (folder / "2_nul.md").symlink_to("/dev/zero")
    _real_hand_in(tmp_path, "Ali", "3")
    klas = _bounded(lambda: read_hand_ins(folder))
    assert klas.studenten == ["Ali (3)"]
    assert sum("geen gewoon bestand" in p for p in klas.problemen) == 2


@pytest.mark.parametrize("name", ["Jan $$ Jansen", "A$\\B$", "Kim $_$", "$\\frac{1}{0}$"])
def test_dollar_signs_in_student_names_never_crash_the_overview(tmp_path, name):
    _real_hand_in(tmp_path, name, "1")
    _real_hand_in(tmp_path, "Ali", "2")
    view = lt.ClassOverview(str(tmp_path / "klas"))
    assert bytes(view._chart.value).startswith(b"\x89PNG")
    assert "2 student(en)" in view._summary.value


def test_forged_markdown_header_cannot_change_the_student_number(tmp_path):
    forged = _real_hand_in(tmp_path, "Sam", "0012345", suffix="md")
    _forge(forged, 'studentnummer: "0012345"', "studentnummer: 0012345")
    rows = lt.read_hand_in(forged)
    assert set(rows["studentnummer"]) == {"0012345"}  # never the octal number 5349


# -- H4a widgets: saved answers that no longer fit the exercise --------------------------------------
def test_saved_choices_that_no_longer_fit_are_left_open(tmp_path, hostile_exercises):
    """A lecturer renamed an option or a category after a student answered: no crash, no guess;
    the saved text stays in the file until the student chooses again."""
    store = AnswerStore("nb", tmp_path, delay=0)
    store.set("h-q1", "een optie die niet meer bestaat")
    store.set("h-s1-1", "Een categorie die niet meer bestaat")
    quiz = lt.Quiz("h-q1", AnswerStore("nb", tmp_path, delay=0), exercises_folder=hostile_exercises)
    sort = lt.SortTask("h-s1", AnswerStore("nb", tmp_path, delay=0),
                       exercises_folder=hostile_exercises)
    assert quiz._choices["h-q1"].value is None and sort._dropdowns[0].label == "— kies —"
    assert AnswerStore("nb", tmp_path).get("h-q1") == "een optie die niet meer bestaat"


# -- H1: lecturer files under hostile and unlucky input (issues 13 and 16) ------------------------
def _problems_for(folder, name, text):
    (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return [str(p) for p in check_exercises(folder)[1] if name in str(p)]


QUIZ = """\
    lemma: alfa
    quiz:
      - id: dubbel-q1
        vraag: Welke?
        opties:
          - tekst: Goed
            juist: true
            feedback: "Ja."
            tekst: Fout
            feedback: "Nee."
          - tekst: Ander
            feedback: "Nee."
    """


def test_missing_dash_merges_two_options_is_an_error(exercises):
    """PyYAML keeps the last duplicate key: a wrong option would silently become the right one."""
    problems = _problems_for(exercises, "dubbel.yaml", QUIZ)
    assert len(problems) == 2
    assert "regel 9" in problems[0] and "`tekst` staat twee keer" in problems[0]
    assert "ook op regel 6" in problems[0] and "Zet er dan `- ` voor" in problems[0]
    assert "regel 10" in problems[1] and "`feedback` staat twee keer" in problems[1]
    assert "dubbel-q1" not in check_exercises(exercises)[0]


def test_second_vraag_line_is_an_error(exercises):
    problems = _problems_for(exercises, "twee.yaml", """\
        lemma: alfa
        reflectie:
          - id: twee-r1
            soort: begrijpen
            vraag: Eerste versie?
            vraag: Tweede versie?
        """)
    assert len(problems) == 1 and "regel 6" in problems[0] and "`vraag` staat twee keer" in problems[0]


def test_juist_ja_gets_a_message_that_says_what_to_write(exercises):
    problems = _problems_for(exercises, "ja.yaml", QUIZ.replace("juist: true", "juist: ja")
                             .replace("            tekst: Fout\n            feedback: \"Nee.\"\n", ""))
    assert len(problems) == 1 and "regel 7" in problems[0]
    assert "schrijf `juist: true`" in problems[0] and "moet ja of nee" not in problems[0]


def test_word_curly_quotes_are_named(exercises):
    problems = _problems_for(exercises, "krul.yaml", """\
        lemma: alfa
        reflectie:
          - id: krul-r1
            soort: begrijpen
            vraag: “Wat zie je: een buurt?”
        """)
    assert len(problems) == 1 and "regel 5" in problems[0]
    assert "krulletjes-aanhalingstekens" in problems[0] and "rechte" in problems[0]
    assert "zet die tekst dan tussen aanhalingstekens" not in problems[0]


def test_straight_open_curly_close_is_reported_at_its_own_line(exercises):
    problems = _problems_for(exercises, "half.yaml", """\
        lemma: alfa
        reflectie:
          - id: half-r1
            soort: begrijpen
            vraag: "Wat zie je?”
          - id: half-r2
            soort: begrijpen
            vraag: Nog een
        """)
    assert len(problems) == 1 and "regel 5" in problems[0]
    assert "begint met een recht aanhalingsteken" in problems[0] and "inspringing" not in problems[0]


def test_curly_quotes_inside_a_text_are_fine(exercises):
    assert _problems_for(exercises, "goed.yaml", """\
        lemma: alfa
        reflectie:
          - id: goed-r1
            soort: begrijpen
            vraag: Hij zei “nee”. Wat doe je?
        """) == []


@pytest.mark.parametrize("name", ["vragen.yml", "vragen.yaml.txt", "vragen.YAML", "vragen.yml.bak"])
def test_near_miss_file_names_are_reported(exercises, name):
    (exercises / name).write_text("lemma: alfa\n", encoding="utf-8")
    problems = [str(p) for p in check_exercises(exercises)[1]]
    assert len(problems) == 1 and name in problems[0]
    assert "wordt niet gelezen" in problems[0] and "Hernoem het naar `vragen.yaml`" in problems[0]


def test_jupyter_checkpoints_are_not_read_twice(exercises):
    hidden = exercises / ".ipynb_checkpoints"
    hidden.mkdir()
    for path in exercises.glob("*.yaml"):
        shutil.copy(path, hidden / f"{path.stem}-checkpoint.yaml")
    assert check_exercises(exercises)[1] == []


def test_yaml_nested_1000_deep_is_refused_quickly(exercises):
    import time

    start = time.perf_counter()
    (exercises / "diep.yaml").write_text("lemma: alfa\ntitel: " + "[" * 1000 + "]" * 1000 + "\n",
                                         encoding="utf-8")
    (exercises / "blok.yaml").write_text("lemma: alfa\ntitel:\n" + "".join(
        "  " * i + "- \n" for i in range(1000)), encoding="utf-8")
    problems = [str(p) for p in check_exercises(exercises)[1]]
    assert time.perf_counter() - start < 5
    assert any("diep.yaml" in p and "niveaus diep" in p for p in problems)
    assert any("blok.yaml" in p and "niveaus diep" in p for p in problems)


def _alias_bomb(levels: int, width: int, use: str) -> str:
    lines = ["lemma: alfa", 'a0: &a0 ["' + "x" * 60 + '"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n" + use.replace("BOM", f"*a{levels - 1}")


@pytest.mark.parametrize("levels, width", [(9, 9), (5, 9), (3, 40)])
@pytest.mark.parametrize("use", ["reflectie:\n  - id: bom-r1\n    soort: BOM\n    vraag: BOM\n",
                                 "quiz:\n  - id: bom-q1\n    vraag: BOM\n    opties: BOM\n"])
def test_alias_bomb_is_refused_in_bounded_time_and_memory(exercises, levels, width, use):
    import time
    import tracemalloc

    (exercises / "bom.yaml").write_text(_alias_bomb(levels, width, use), encoding="utf-8")
    start = time.perf_counter()
    tracemalloc.start()
    problems = [str(p) for p in check_exercises(exercises)[1]]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    elapsed = time.perf_counter() - start
    assert elapsed < 10 and peak < 50_000_000, (elapsed, peak)
    assert len(problems) == 1 and len(problems[0]) < 500
    assert "bom.yaml" in problems[0] and ("verwijzingen" in problems[0] or "*naam" in problems[0])


def test_every_echoed_value_is_capped(exercises):
    long = "x" * 5_000
    problems = _problems_for(exercises, "lang.yaml", f"""\
        lemma: alfa
        reflectie:
          - id: lang-r1
            soort: {long}
            vraag: Wat?
        quiz:
          - id: lang-q1
            vraag: Wat?
            opties:
              - tekst: a
                juist: {long}
                feedback: b
              - tekst: c
                feedback: d
        """)
    assert len(problems) == 2 and all(len(p) < 600 for p in problems), problems


def test_fifo_or_device_named_yaml_does_not_hang(exercises):
    import os
    import time

    os.mkfifo(exercises / "pijp.yaml")
    (exercises / "nul.yaml").symlink_to("/dev/zero")
    start = time.perf_counter()
    problems = [str(p) for p in check_exercises(exercises)[1]]
    assert time.perf_counter() - start < 5
    assert any("pijp.yaml" in p and "geen gewoon bestand" in p for p in problems)
    assert any("nul.yaml" in p and "geen gewoon bestand" in p for p in problems)


def test_file_without_lemma_with_new_questions_gets_a_message(tmp_path, monkeypatch):
    from lexicon_tools.exercises import check_override_folder

    own = tmp_path / "eigen"
    own.mkdir()
    (own / "los.yaml").write_text("reflectie:\n  - id: los-r1\n    soort: begrijpen\n"
                                  "    vraag: Wat?\n  - id: vertrouwen-r1\n    soort: begrijpen\n"
                                  "    vraag: Alleen de tekst veranderd.\n", encoding="utf-8")
    found, problems, replaces = check_override_folder(own)
    assert replaces == {"los-r1": False, "vertrouwen-r1": True}
    (problem,) = [str(p) for p in problems]  # overriding an existing id without lemma is fine
    assert "los.yaml, regel 2" in problem and "los-r1" in problem and "geen `lemma:`" in problem


def test_id_reused_across_lemmas_or_kinds(tmp_path, monkeypatch):
    from lexicon_tools.exercises import check_override_folder

    monkeypatch.setattr(lt.errors, "_ANNOUNCED", set())
    own = tmp_path / "eigen"
    own.mkdir()
    (own / "ander.yaml").write_text(textwrap.dedent("""\
        lemma: eenzaamheid
        reflectie:
          - id: vertrouwen-r2
            soort: begrijpen
            vraag: Zelfde id, ander lemma.
          - id: vertrouwen-q1
            soort: begrijpen
            vraag: Zelfde id, andere soort.
        """), encoding="utf-8")
    problems = [str(p) for p in check_override_folder(own)[1]]
    assert any("regel 3" in p and "bij lemma 'vertrouwen'" in p and "'eenzaamheid'" in p
               for p in problems)
    assert any("regel 6" in p and "een quizvraag" in p and "een reflectievraag" in p
               for p in problems)
    monkeypatch.setenv("NABIJHEID_OEFENINGEN", str(own))
    with pytest.warns(lt.errors.LexiconWarning, match="De vraag van het lespakket wordt gebruikt"):
        assert question("vertrouwen-r2").vraag != "Zelfde id, ander lemma."
    assert type(question("vertrouwen-q1")).__name__ == "QuizQuestion"


@pytest.mark.parametrize("line, words", [
    ("oefeningen = ~/map", "tussen aanhalingstekens"),
    ('oefeningen: "~/map"', "gebruik `=` in plaats van `:`"),
    ('oefeningen = "C:\\Users\\docent\\map"', "backslash"),
    ('oefeningen = "C:\\new\\map"', "backslash"),
    ('oefenigen = "~/map"', "Bedoel je `oefeningen`?"),
])
def test_config_file_mistakes_are_reported_on_load_and_by_check(tmp_path, monkeypatch, capsys,
                                                                line, words):
    monkeypatch.setattr(lt.errors, "_ANNOUNCED", set())
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    config = tmp_path / "nabijheid-sociaal-werk" / "nabijheid.toml"
    config.parent.mkdir()
    config.write_text(f"# mijn instellingen\n{line}\n", encoding="utf-8")
    with pytest.warns(lt.errors.LexiconWarning, match="nabijheid.toml, regel 2") as caught:
        assert question("vertrouwen-r1").vraag  # ours still work
    assert words in str(caught[0].message)
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "nabijheid.toml, regel 2" in out and words in out


def test_multi_line_quoted_text_ending_a_line_with_a_curly_quote_is_fine(exercises):
    assert _problems_for(exercises, "meer.yaml", """\
        lemma: alfa
        reflectie:
          - id: meer-r1
            soort: begrijpen
            vraag: "Hij zei “ja”
              en liep weg. Wat doe je?"
        """) == []
