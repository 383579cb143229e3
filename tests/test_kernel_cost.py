"""What a student's kernel pays for (issue 17): the figure and exercise widgets of the student
notebooks need neither pandas nor networkx nor pyplot, and widgets shown by the hundred share
their layout objects. Speed itself is measured by benchmarks/class_load.py, not here."""

import subprocess
import sys

from conftest import HERE

BUILD_VIEWS = """
import sys
import lexicon_tools as lt
store = lt.AnswerStore("kosten", delay=0)
lt.NetworkMapView("netwerkkaart", store)
lt.DistanceScaleView("sociale-afstand-schaal", store)
lt.ProfileView("publieke-ruimte-profiel", store)
lt.StraatscanView("ladder-straatscan", store)
lt.SchellingView()
lt.IntegralCaseView("integraal-werken-casus", store)
lt.CaseMapView("boundary-spanner-casuskaart", store)
lt.SortTask("sociale-basis-s1", store)
lt.Quiz.for_lemma("vertrouwen", store)
lt.Reflections("vertrouwen", store)
print(sorted(m for m in ("pandas", "networkx", "matplotlib.pyplot") if m in sys.modules))
"""


def test_student_widgets_need_neither_pandas_nor_networkx_nor_pyplot(tmp_path):
    out = subprocess.run([sys.executable, "-c", BUILD_VIEWS], capture_output=True, text=True,
                         check=True, env={**__import__("os").environ, "NABIJHEID_DATA": str(tmp_path)})
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stderr[-2000:]


def test_many_small_widgets_share_their_layout():
    import ipywidgets as widgets

    import lexicon_tools as lt

    store = lt.AnswerStore("gedeeld", delay=0)
    task = lt.SortTask("sociale-basis-s1", store)
    texts = [w for w in task.children if isinstance(w, widgets.HTML)]
    assert len(texts) > 10 and len({id(w.layout) for w in texts}) <= 3
    assert len({id(w.style) for w in texts}) == 1
    dropdowns = [w for w in task.children if isinstance(w, widgets.Dropdown)]
    assert len(dropdowns) > 5 and len({id(w.layout) for w in dropdowns}) == 1


# Widget models created by running every code cell of notebook 01 (Run All), counted outside a
# kernel. Measured 2026-12-04: 1337 before the widgets shared their layouts, styles and style
# sheet and made hidden buttons only on demand, 766 after. The bound leaves room for a new
# exercise or two, not for a regression to one Layout and one style per widget.
NOTEBOOK_01_MAX_WIDGETS = 620  # measured 582 (was 1337 before issue 17)


def test_run_all_of_notebook_01_creates_few_widget_models():
    import importlib.util

    from conftest import PROJECT

    spec = importlib.util.spec_from_file_location("widget_count",
                                                  PROJECT / "benchmarks" / "widget_count.py")
    widget_count = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(widget_count)
    counts = widget_count.count("01_sociale_nabijheid")["classes"]
    total = sum(counts.values())
    assert counts["SortTask"] >= 8 and counts["Reflection"] >= 20  # the notebook really ran
    assert total <= NOTEBOOK_01_MAX_WIDGETS, (total, counts)
    # One style sheet for all views, and no longer a Layout and a style per small widget.
    assert counts["Layout"] < counts["HTML"] / 2 and counts.get("HTMLStyle", 0) < 40, counts


def test_hiding_a_button_in_one_view_does_not_hide_it_in_another():
    """The undo and swap buttons are shown and hidden through their layout; they never share it."""
    import lexicon_tools as lt
    from lexicon_tools.widgets.style import _SHARED

    store = lt.AnswerStore("verbergen", delay=0)
    first, second = lt.SortTask("sociale-basis-s1", store), lt.SortTask("vertrouwen-s1", store)
    quiz, other_quiz = lt.Quiz.for_lemma("vertrouwen", store), lt.Quiz.for_lemma("segregatie", store)
    first._dropdowns[0].value = first.model.categories[0][0]
    next(iter(quiz._choices.values())).value = 0
    first._retry.click(); quiz._retry.click()
    assert first._undo.layout.display is None and second._undo.layout.display == "none"
    assert quiz._undo.layout.display is None and other_quiz._undo.layout.display == "none"
    assert first._retry.layout.display is None  # the shared layout of 'Opnieuw' stays untouched
    first._undo.click()
    assert first._undo.layout.display == "none" and quiz._undo.layout.display is None
    one, two = lt.Reflections("vertrouwen", store).questions[:2]
    one._swap.layout.display = ""
    assert two._swap.layout.display == "none"
    layouts = [v._undo.layout for v in (first, second, quiz, other_quiz)] + \
        [one._swap.layout, two._swap.layout]
    assert len({id(layout) for layout in layouts}) == len(layouts)
    assert not any(layout is shared for layout in layouts for shared in _SHARED.values())
    # Using the widgets changed no shared layout: each still has exactly the settings it was made for.
    for key, shared in _SHARED.items():
        if key[0] == "layout":
            for name, value in key[1]:
                assert getattr(shared, name) == value, (key, name)
            assert shared.display in (None, dict(key[1]).get("display")), key


def test_hidden_buttons_are_made_only_when_needed_and_appear_in_their_place(tmp_path):
    """'Zet keuzes terug' and 'Wissel met de andere versie' cost nothing until a student needs
    them; then they appear where they always stood: after 'Opnieuw', under the answer."""
    import ipywidgets as widgets

    import lexicon_tools as lt
    from lexicon_tools.answers import AnswerStore

    store = AnswerStore("op-verzoek", tmp_path, delay=0)
    task = lt.SortTask("sociale-basis-s1", store)

    def descriptions(view):
        return [w.description for w in view._buttons.children if isinstance(w, widgets.Button)]

    assert descriptions(task) == ["Controleer", "Opnieuw"]
    task._retry.click()  # nothing placed: nothing to take back, still no button
    assert descriptions(task) == ["Controleer", "Opnieuw"]
    task._dropdowns[0].value = task.model.categories[0][0]
    task._retry.click()
    assert descriptions(task) == ["Controleer", "Opnieuw", "Zet keuzes terug"]
    assert task._undo.layout.display is None and task._buttons.children[-1] is task._score
    task._undo.click()
    assert task.model.placements[0] == task.model.categories[0][0]

    question = lt.Reflections("vertrouwen", store).questions[0]
    assert not any(isinstance(w, widgets.Button) for w in question.children)
    question_id = question.model.question_id
    AnswerStore("op-verzoek", tmp_path, delay=0).set(question_id, "tekst uit een ander tabblad")
    question._text.value = "tekst in dit tabblad"
    assert question.children[-1] is question._swap and question._swap.layout.display == ""
    # A question opened after the conflict shows the button straight away.
    again = lt.Reflection(question_id, AnswerStore("op-verzoek", tmp_path, delay=0))
    assert again.children[-1].description == "Wissel met de andere versie"
    assert again.children[-1].layout.display == ""


def test_a_closed_shared_widget_is_replaced_not_reused():
    """Widget.close_all() (or closing one view's parts) must not leave later views pointing at a
    closed layout or style sheet, which the browser could no longer draw."""
    import ipywidgets as widgets

    import lexicon_tools as lt
    from lexicon_tools.widgets.style import shared_layout, style_sheet

    sheet, layout = style_sheet(), shared_layout(width="auto")
    assert style_sheet() is sheet and shared_layout(width="auto") is layout
    widgets.Widget.close_all()
    task = lt.SortTask("sociale-basis-s1", lt.AnswerStore("gesloten", delay=0))
    assert task.children[0] is style_sheet() and task.children[0] is not sheet
    assert task._check.layout is not layout
    assert all(w.comm is not None for w in (task, task.layout, task.children[0], task._check.layout))


def test_views_show_a_short_text_fallback_not_their_whole_widget_tree():
    """The text/plain next to a displayed view is its name: ipywidgets' default walks every child
    (and for a sort task that is hundreds of traits, at every Run All)."""
    import lexicon_tools as lt

    store = lt.AnswerStore("repr", delay=0)
    for view in (lt.SortTask("sociale-basis-s1", store), lt.Quiz.for_lemma("vertrouwen", store),
                 lt.Reflections("vertrouwen", store), lt.ModelViewer("bogardus-schaal"),
                 lt.DistanceScaleView("sociale-afstand-schaal", store)):
        bundle = view._repr_mimebundle_()
        assert bundle["text/plain"] == f"<{type(view).__name__}>"
        assert "application/vnd.jupyter.widget-view+json" in bundle


def test_views_are_sent_complete_once_not_patched_after_opening(monkeypatch):
    """A view's CSS classes go with its first message; add_class() after construction cost one
    more message per class per widget (190 of them in notebook 01)."""
    import ipywidgets as widgets

    import lexicon_tools as lt

    updates = []
    monkeypatch.setattr(widgets.Widget, "send_state",
                        lambda self, key=None: updates.append((type(self).__name__, key)))
    store = lt.AnswerStore("berichten", delay=0)
    views = [lt.SortTask("sociale-basis-s1", store), lt.Quiz.for_lemma("vertrouwen", store),
             lt.Reflections("vertrouwen", store), lt.DistanceScaleView("sociale-afstand-schaal", store)]
    assert [u for u in updates if u[1] == "_dom_classes"] == []
    assert "lt-sorteer" in views[0]._dom_classes and "lt-widget" in views[1]._dom_classes
