"""Widgets: the plain models and a smoke test of each view (set values, check what happens)."""

import pytest

import lexicon_tools as lt
from lexicon_tools import AnswerStore
from conftest import HERE

FOLDER = HERE / "data" / "exercises"


QUIZ_YAML = """lemma: wederkerigheid
quiz:
  - id: w-q1
    vraag: Welke van deze vier is juist?
    opties:
      - {tekst: Optie A, juist: true, feedback: "Juist. A klopt."}
      - {tekst: Optie B, feedback: "Nee. B klopt niet."}
      - {tekst: Optie C, feedback: "Nee. C klopt niet."}
      - {tekst: Optie D, feedback: "Nee. D klopt niet."}
  - id: w-q2
    vraag: En welke van deze vier?
    opties:
      - {tekst: Eerste, feedback: "Nee. Niet de eerste."}
      - {tekst: Tweede, feedback: "Nee. Niet de tweede."}
      - {tekst: Derde, juist: true, feedback: "Juist. De derde."}
      - {tekst: Vierde, feedback: "Nee. Niet de vierde."}
  - id: w-q3
    vraag: En deze?
    opties:
      - {tekst: Ja, juist: true, feedback: "Ja."}
      - {tekst: Nee, feedback: "Nee."}
"""


@pytest.fixture
def quiz_folder(tmp_path):
    folder = tmp_path / "oefeningen"
    (folder / "test").mkdir(parents=True)
    (folder / "test" / "quiz.yaml").write_text(QUIZ_YAML, encoding="utf-8")
    return folder


@pytest.fixture
def store(tmp_path):
    return AnswerStore("test", folder=tmp_path / "data", delay=0)


def test_reflection_view_saves_what_is_typed(store):
    view = lt.Reflection("alfa-r1", store, exercises_folder=FOLDER)
    view._text.value = "Dat iemand naast je staat."
    assert AnswerStore("test", store.folder).get("alfa-r1") == "Dat iemand naast je staat."
    assert view._status.value.count("Opgeslagen om") == 1


def test_reflection_view_restores_and_escapes(store):
    store.set("alfa-r2", "eerder antwoord")
    view = lt.Reflection("alfa-r2", AnswerStore("test", store.folder), exercises_folder=FOLDER)
    assert view._text.value == "eerder antwoord"
    assert "Een buurman belt aan &amp; vraagt hulp." in view._question.value
    first = lt.Reflection("alfa-r1", store, exercises_folder=FOLDER)
    assert "&lt;b&gt;nabijheid&lt;/b&gt;" in first._question.value


def test_reflection_shows_a_damaged_file_warning(tmp_path):
    (tmp_path / "test.json").write_text("kapot")
    view = lt.Reflection("alfa-r1", AnswerStore("test", tmp_path), exercises_folder=FOLDER)
    assert "beschadigd" in view._status.below


def test_reflection_model_records_the_question(store):
    model = lt.ReflectionModel("q", "Waarom?", store)
    assert store.answers()["q"]["vraag"] == "Waarom?" and model.text == ""
    model.update("Daarom.")
    assert model.text == "Daarom." and model.status().startswith("Opgeslagen om")


def test_export_panel_writes_the_hand_in_file(store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lt.Reflection("alfa-r1", store, exercises_folder=FOLDER)._text.value = "Mijn antwoord"
    panel = lt.ExportPanel(store)
    panel._name.value = "Sam <script>"
    panel._number.value = "1234567"
    panel._button.click()
    path = tmp_path / "1234567_test.md"
    assert path.is_file() and "Mijn antwoord" in path.read_text(encoding="utf-8")
    assert "# Antwoorden van Sam \\<script\\> (1234567)" in path.read_text(encoding="utf-8")
    page = (tmp_path / "1234567_test.html").read_text(encoding="utf-8")
    assert "Sam &lt;script&gt; (1234567)" in page and "<script>" not in page.split("</head>")[1]
    assert "download='1234567_test.md'" in panel._result.value
    assert "download='1234567_test.html'" in panel._result.value
    assert lt.ExportPanel(AnswerStore("test", store.folder))._name.value == "Sam <script>"


def test_export_failure_is_shown(store, monkeypatch):
    panel = lt.ExportPanel(store)

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(panel.model, "export", fail)
    panel._button.click()
    assert "Exporteren lukte niet" in panel._result.value


# -- Quiz -----------------------------------------------------------------------------------------

def test_quiz_model_scores_and_retries(store):
    from lexicon_tools.exercises import question
    model = lt.QuizModel([question("alfa-q1", FOLDER)], store)
    assert model.check() == {"alfa-q1": None} and model.score() == (0, 1)
    model.choose("alfa-q1", 1)
    assert model.check()["alfa-q1"] == (True, "Ja, het midden is wenselijk.")
    assert model.score() == (1, 1)
    assert AnswerStore("test", store.folder).get("alfa-q1") == "Midden"
    model.retry()
    assert model.choices == {"alfa-q1": None} and AnswerStore("test", store.folder).get("alfa-q1") == ""


def test_quiz_view_check_shows_feedback_and_score(store):
    quiz = lt.Quiz(["alfa-q1"], store, exercises_folder=FOLDER)
    quiz._check.click()
    assert quiz._feedback["alfa-q1"].value == ""  # nothing chosen: no per-question nagging
    assert "Nog niets ingevuld" in quiz._score.value
    quiz._choices["alfa-q1"].value = 0
    quiz._check.click()
    feedback = quiz._feedback["alfa-q1"].value
    assert "✘" in feedback and "Laag is onwenselijk" in feedback
    assert "Nee" not in feedback  # one verdict, not "Niet goed. Nee, ..."
    assert "1 van 1 ingevuld, 0 goed" in quiz._score.value
    quiz._choices["alfa-q1"].value = 2 - 1
    assert quiz._feedback["alfa-q1"].value == ""  # a new choice hides the old feedback
    quiz._check.click()
    assert "✔" in quiz._feedback["alfa-q1"].value and "1 van 1 ingevuld, 1 goed" in quiz._score.value
    again = lt.Quiz("alfa-q1", AnswerStore("test", store.folder), exercises_folder=FOLDER)
    assert again._choices["alfa-q1"].value == 1  # restored after a restart
    quiz._retry.click()
    assert quiz._choices["alfa-q1"].value is None and "gewist" in quiz._score.value


def test_quiz_score_counts_only_answered_questions(store, quiz_folder):
    quiz = lt.Quiz.for_lemma("wederkerigheid", store, exercises_folder=FOLDER)
    real = lt.Quiz(["w-q1", "w-q2", "w-q3"], store, exercises_folder=quiz_folder)
    first = next(iter(real._choices))
    right = next(i for i, o in enumerate(real.model.questions[first].opties) if o.juist)
    real._choices[first].value = right
    real._check.click()
    assert "1 van 3 ingevuld, 1 goed" in real._score.value
    assert sum("Kies eerst" in f.value for f in real._feedback.values()) == 0
    assert [bool(f.value) for f in real._feedback.values()] == [True, False, False]
    assert quiz._score.value == ""


def test_quiz_options_are_shuffled_per_student_and_stable(tmp_path, quiz_folder):
    """Each student has a salt of their own; the order survives a restart; checking is by identity."""
    orders = []
    for student in ("anna", "bram", "cem", "dewi", "eva", "fenna"):
        store = AnswerStore("nb", tmp_path / student, delay=0)
        quiz = lt.Quiz(["w-q1", "w-q2"], store, exercises_folder=quiz_folder)
        shown = {qid: [o[1] for o in radio.options] for qid, radio in quiz._choices.items()}
        orders.append(tuple(tuple(v) for v in shown.values()))
        assert AnswerStore("nb", store.folder).get("_volgorde")  # salt saved once
        again = lt.Quiz(["w-q1", "w-q2"], AnswerStore("nb", store.folder),
                        exercises_folder=quiz_folder)
        assert {q: [o[1] for o in r.options] for q, r in again._choices.items()} == shown
        qid = "w-q1"
        right = next(i for i, o in enumerate(quiz.model.questions[qid].opties) if o.juist)
        quiz._choices[qid].value = right
        assert quiz.model.check()[qid][0] is True
        assert AnswerStore("nb", store.folder).get(qid) == quiz.model.questions[qid].opties[right].tekst
    assert len(set(orders)) > 1  # not everyone sees the same order


def test_quiz_salt_stays_out_of_the_hand_in(store):
    lt.Quiz(["alfa-q1"], store, exercises_folder=FOLDER)
    assert "Volgorde" not in lt.answers_markdown(store)


def test_feedback_shows_one_verdict():
    from lexicon_tools.widgets.style import feedback_html, strip_verdict
    assert "Juist" not in feedback_html((True, "Juist. Zo werkt het."))
    assert "Goed</b> — Zo werkt het." in feedback_html((True, "Juist. Zo werkt het."))
    assert strip_verdict("Nee. Dat is te ver.") == "Dat is te ver."
    assert strip_verdict("Juist daar gebeurt het.") == "Juist daar gebeurt het."
    assert strip_verdict("Ja.") == "Ja."  # nothing left: keep it


# -- Sort task ------------------------------------------------------------------------------------

def test_sort_task_view(store):
    task = lt.SortTask("alfa-s1", store, exercises_folder=FOLDER)
    assert [o[0] for o in task._dropdowns[0].options] == ["— kies —", "Dichtbij", "Veraf"]
    task._dropdowns[0].value = "dichtbij"
    task._dropdowns[1].value = "dichtbij"
    task._check.click()
    assert "✔" in task._feedback[0].value and "✘" in task._feedback[1].value
    assert task._feedback[2].value == "" and "2 van 3 ingevuld, 1 goed" in task._score.value
    assert AnswerStore("test", store.folder).get("alfa-s1-2") == "Dichtbij"
    restored = lt.SortTask("alfa-s1", AnswerStore("test", store.folder), exercises_folder=FOLDER)
    assert [d.value for d in restored._dropdowns] == ["dichtbij", "dichtbij", ""]


def test_sort_task_model_rejects_unknown_category():
    from lexicon_tools.exercises import question
    from lexicon_tools.widgets.sorting import categories_for
    task = question("alfa-s1", FOLDER)
    model = lt.SortTaskModel(task, categories_for(task))
    with pytest.raises(KeyError):
        model.place(0, "nergens")


# -- Model viewer ---------------------------------------------------------------------------------

def test_model_html_for_every_kind():
    from lexicon_tools import load_lexicon
    lex = load_lexicon()
    seen = set()
    for model in lex.models.values():
        html = lt.model_html(model)
        assert html.count("class='lt-niveau'") == len(model.niveaus), model.id
        text = lt.describe_model(model)
        assert all(level.label in text for level in model.niveaus), model.id
        seen.add(model.soort)
    assert {"ladder", "matrix", "typology"} <= seen


def test_ladder_is_drawn_bottom_up_with_undesirable_ends():
    from lexicon_tools import load_lexicon
    ladder = load_lexicon().model("ladder-onderlinge-verbintenissen")
    html = lt.model_html(ladder)
    assert html.index("Verplichte zorgzaamheid") < html.index("Sociale spanningen")
    assert html.count("✘ onwenselijk") == 2 and html.count("✔ wenselijk") == 4


def test_model_viewer_shows_the_explanation_on_click():
    viewer = lt.ModelViewer("aard-van-problemen")
    assert viewer._explanation.value == ""
    level = viewer.model.model.niveaus[3]
    viewer._levels[level.id].click()
    assert level.uitleg[:30] in viewer._explanation.value.replace("&#x27;", "'")
    assert "lt-gekozen" in viewer._levels[level.id]._dom_classes
    other = viewer.model.model.niveaus[0]
    viewer._levels[other.id].click()
    assert "lt-gekozen" not in viewer._levels[level.id]._dom_classes
    with pytest.raises(KeyError):
        viewer.model.select("bestaat-niet")


def test_model_viewer_levels_are_buttons_in_every_kind():
    """Every level is a button (clickable, keyboard-reachable); the ladder reads bottom-up."""
    import ipywidgets as widgets
    lex = lt.load_lexicon()
    for model in lex.models.values():
        viewer = lt.ModelViewer(model.id, lex)
        buttons = [w for w in _descendants(viewer._figure) if isinstance(w, widgets.Button)]
        assert len(buttons) == len(model.niveaus), model.id
        assert all("lt-niveau-knop" in b._dom_classes for b in buttons)
    ladder = lt.ModelViewer("ladder-onderlinge-verbintenissen", lex)
    texts = [b.description for b in _descendants(ladder._figure) if isinstance(b, widgets.Button)]
    assert texts[0].startswith(f"{len(texts)}.") and texts[-1].startswith("1.")
    assert sum("✘ onwenselijk" in t for t in texts) == 2


def test_all_questions_of_a_lemma(store):
    view = lt.Reflections("wederkerigheid", store, exercises_folder=FOLDER)
    assert [r.model.question_id for r in view.questions] == ["alfa-r1", "alfa-r2"]
    quiz = lt.Quiz.for_lemma("wederkerigheid", store, exercises_folder=FOLDER)
    assert list(quiz.model.questions) == ["alfa-q1"]
    with pytest.raises(lt.LexiconError, match="geen quizvragen bij lemma 'vertrouwen'"):
        lt.Quiz.for_lemma("vertrouwen", store, exercises_folder=FOLDER)


def test_sort_items_are_shown_mixed_but_stable(store):
    from lexicon_tools.exercises import question
    from lexicon_tools.widgets.sorting import categories_for
    task = question("alfa-s1", FOLDER)
    first = lt.SortTaskModel(task, categories_for(task)).order
    assert sorted(first) == [0, 1, 2] and first == lt.SortTaskModel(task, categories_for(task)).order
    real = lt.SortTask("eenzaamheid-s1", store)
    assert real.model.order != list(range(len(real.model.task.items)))


def test_reflections_from_a_list_of_ids(store):
    view = lt.Reflections(["alfa-r2", "alfa-r1"], store, exercises_folder=FOLDER)
    assert [r.model.question_id for r in view.questions] == ["alfa-r2", "alfa-r1"]


def test_model_with_kenmerken_is_shown_as_a_table():
    from lexicon_tools.schema import Model
    model = Model(id="m", titel="Paradigma's", lemma="zorg-thuis", pagina="187", soort="typology",
                  uitleg="Drie modellen.", niveaus=[
                      {"id": "a", "label": "Medisch", "uitleg": "x",
                       "kenmerken": {"persoon": "Patiënt", "uitkomst": "Segregatie"}},
                      {"id": "b", "label": "Burgerschap", "uitleg": "y",
                       "kenmerken": {"persoon": "Burger", "uitkomst": "Inclusie"}}])
    html = lt.model_html(model, selected="b")
    assert "class='lt-tabel'" in html and "<th style='padding:4px 8px;text-align:left'>persoon</th>" in html
    assert "Segregatie" in html and "background:#FFF3D6" in html
    assert "persoon: Burger" in lt.describe_model(model)


def test_views_do_not_shadow_ipywidgets_internals():
    """A private attribute with the name of an ipywidgets internal breaks the widget at run time."""
    import re
    from pathlib import Path
    import ipywidgets
    internals = set(dir(ipywidgets.VBox()))
    for path in (Path(lt.__file__).parent / "widgets").glob("*.py"):
        attributes = set(re.findall(r"self\.(_[a-z_]+)\s*=", path.read_text(encoding="utf-8")))
        assert not attributes & internals, (path.name, attributes & internals)


# -- Nothing a student did is lost by one click -----------------------------------------------------

def test_quiz_retry_can_be_undone(store, quiz_folder):
    quiz = lt.Quiz(["w-q1", "w-q2"], store, exercises_folder=quiz_folder)
    quiz._choices["w-q1"].value = 0
    quiz._choices["w-q2"].value = 2
    quiz._retry.click()
    assert AnswerStore("test", store.folder).get("w-q1") == ""
    assert "gewist" in quiz._score.value and quiz._undo.layout.display is None
    quiz._undo.click()
    assert [r.value for r in quiz._choices.values()] == [0, 2]
    saved = AnswerStore("test", store.folder)
    assert (saved.get("w-q1"), saved.get("w-q2")) == ("Optie A", "Derde")
    assert quiz._undo.layout.display == "none"


def test_quiz_retry_with_nothing_chosen_offers_no_undo(store, quiz_folder):
    quiz = lt.Quiz(["w-q1"], store, exercises_folder=quiz_folder)
    quiz._retry.click()
    assert quiz._undo.layout.display == "none" and quiz._score.value == ""


def test_sort_task_placeholder_stays_visible_after_retry(store):
    task = lt.SortTask("alfa-s1", store, exercises_folder=FOLDER)
    assert [d.index for d in task._dropdowns] == [0, 0, 0]
    task._dropdowns[0].value = "veraf"
    task._retry.click()
    assert task._dropdowns[0].index == 0 and task._dropdowns[0].label == "— kies —"
    task._dropdowns[1].value = "veraf"
    task._dropdowns[1].index = 0  # the student picks the placeholder again: it stays shown
    assert task._dropdowns[1].label == "— kies —" and task.model.placements[1] is None


def test_sort_task_retry_can_be_undone(store):
    task = lt.SortTask("alfa-s1", store, exercises_folder=FOLDER)
    task._dropdowns[0].value = "dichtbij"
    task._dropdowns[2].value = "veraf"
    task._retry.click()
    assert [d.label for d in task._dropdowns] == ["— kies —"] * 3
    assert AnswerStore("test", store.folder).get("alfa-s1-1") == ""
    task._undo.click()
    assert [d.value for d in task._dropdowns] == ["dichtbij", "", "veraf"]
    assert AnswerStore("test", store.folder).get("alfa-s1-3") == "Veraf"
    task._dropdowns[1].value = "veraf"  # the dropdowns still save after the undo
    assert AnswerStore("test", store.folder).get("alfa-s1-2") == "Veraf"


def test_save_status_appears_only_under_a_question_typed_in(store):
    view = lt.Reflections(["alfa-r1", "alfa-r2"], store, exercises_folder=FOLDER)
    first, second = view.questions
    assert "Opgeslagen" not in first._status.value + second._status.value
    assert "automatisch" not in first._status.value + second._status.value
    first._text.value = "Iets"
    assert "Opgeslagen om" in first._status.value and "Opgeslagen" not in second._status.value


def test_every_view_carries_the_style_sheet_and_names_its_inputs(store, quiz_folder, tmp_path):
    import ipywidgets as widgets
    views = [lt.Quiz(["w-q1"], store, exercises_folder=quiz_folder),
             lt.SortTask("alfa-s1", store, exercises_folder=FOLDER),
             lt.Reflection("alfa-r1", store, exercises_folder=FOLDER),
             lt.NetworkMapView("test-kaart", store, exercises_folder=FOLDER),
             lt.ModelViewer("aard-van-problemen")]
    for view in views:
        assert "lt-widget" in view._dom_classes
        found = list(_descendants(view))
        assert any("<style>" in getattr(w, "value", "") for w in found if isinstance(w, widgets.HTML))
        for w in found:  # a text field, dropdown or slider needs a visible name (axe: label)
            if isinstance(w, (widgets.Text, widgets.Textarea, widgets.Dropdown, widgets.IntSlider)):
                assert w.description.strip(), (type(view).__name__, w)
            if isinstance(w, widgets.Dropdown):  # index None is drawn as an empty white box
                assert w.index is not None and w.label.strip(), (type(view).__name__, w)


def _descendants(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _descendants(child)


def test_store_notices_appear_next_to_the_question(store):
    """Conflict/retry notices of the answer store are shown by the question they concern."""
    from lexicon_tools.widgets.style import store_notices
    view = lt.Reflection("alfa-r1", store, exercises_folder=FOLDER)
    assert view._status.below == ""
    store.notices = lambda question_id=None: (
        ["Dit antwoord is in een ander tabblad gewijzigd; beide versies zijn bewaard."]
        if question_id == "alfa-r1" else [])
    view._text.value = "Nieuw"  # a save notifies the view
    assert "ander tabblad" in view._status.below
    other = lt.Reflection("alfa-r2", store, exercises_folder=FOLDER)
    assert "ander tabblad" not in other._status.below
    store._conflicts["alfa-r2"] = "Conflict bij opslaan."  # as a real conflict leaves it
    assert store_notices(store, "alfa-r2") == ["Conflict bij opslaan."]
    assert store_notices(None) == []
