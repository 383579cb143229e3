"""Straatscan: state, hints, save/restore, anonymous export, class overview, view."""

import pytest

import lexicon_tools as lt
from lexicon_tools import AnswerStore, LexiconError
from lexicon_tools.straatscan import Straatscan, read_straatscans, straatscan_overview
from conftest import HERE

FOLDER = HERE / "data" / "exercises"
RUNGS = ["spanningen", "anonimiteit", "familiariteit", "attentheid", "zorg", "verplichte zorg"]


def scan():
    return Straatscan(rungs=RUNGS, undesirable={1, 6})


def test_levels_gap_and_groups():
    s = scan()
    s.set_levels("alle bewoners", nu=2, wenselijk=4, haalbaar=3)
    s.set_levels("ouderen", nu=4)
    assert [g.groep for g in s.groepen] == ["alle bewoners", "ouderen"]
    assert s.gap("alle bewoners") == 1 and s.gap("ouderen") is None
    with pytest.raises(LexiconError, match="trede van 1 tot 6"):
        s.set_levels("ouderen", nu=7)
    with pytest.raises(LexiconError, match="staat er al in"):
        s.add_group("Ouderen")
    s.remove_group("ouderen")
    with pytest.raises(LexiconError, match="minstens één groep"):
        s.remove_group("alle bewoners")


def test_hints_follow_the_lemma():
    s = scan()
    s.set_levels("alle bewoners", nu=2, wenselijk=6, haalbaar=3)
    (hint,) = s.hints()
    assert "verplichte zorg" in hint and "onwenselijk" in hint
    s.set_levels("alle bewoners", wenselijk=4, haalbaar=5)
    (hint,) = s.hints()
    assert "niet tussen nu en wenselijk" in hint


def test_round_trip_and_summary():
    s = scan()
    s.plek = "Oranjestraat"
    s.set_levels("alle bewoners", nu=2, wenselijk=4, haalbaar=3)
    s.hefbomen, s.rollen, s.actie = ["Attente plekken"], ["Hoeders"], "Een bankje bij de school."
    again = Straatscan.from_data(s.to_data(), RUNGS, {1, 6})
    assert again.to_data() == s.to_data()
    text = again.summary()
    assert "nu 2. anonimiteit; wenselijk 4. attentheid; haalbaar 3. familiariteit" in text
    assert "Een bankje bij de school." in text


def test_export_and_class_overview(tmp_path):
    for plek, levels in [("Wijk A", (2, 4, 3)), ("Wijk A", (1, 4, 2)), ("Wijk B", (3, 4, 4))]:
        s = scan()
        s.plek = plek
        s.set_levels("alle bewoners", nu=levels[0], wenselijk=levels[1], haalbaar=levels[2])
        s.export_csv(tmp_path)
    (tmp_path / "iets_anders.csv").write_text("a,b\n1,2\n")
    table, problems = read_straatscans(tmp_path)
    assert len(table) == 3 and problems == ["iets_anders.csv: overgeslagen, dit is geen straatscan-export."]
    overview = straatscan_overview(table)
    assert overview.loc["Wijk A", "nu"] == 1.5 and overview.loc["Wijk A", "aantal"] == 2
    assert overview.loc["Wijk B", "haalbaar"] == 4


def test_view_sets_levels_saves_and_restores(tmp_path):
    store = AnswerStore("nb", tmp_path, delay=0)
    view = lt.StraatscanView("test-scan", store, exercises_folder=FOLDER)
    assert view._place.value == "wijk-a" and "Een testwijk" in view._case_text.value
    view._levels["nu"].value = 2
    view._levels["wenselijk"].value = 6
    assert "onwenselijk" in view._hints.value
    view._new_group.value = "jongeren"
    view._add_group.click()
    assert view._group.value == "jongeren" and view._levels["nu"].value == ""
    view._levels["nu"].value = 3
    first_lever = next(iter(view._levers.values()))
    first_lever.value = True
    view._action.value = "Samen met de school een buurtfeest."
    restored = lt.StraatscanView("test-scan", AnswerStore("nb", tmp_path), exercises_folder=FOLDER)
    assert [(g.groep, g.nu) for g in restored.model.groepen] == [("alle bewoners", 2), ("jongeren", 3)]
    assert restored.model.hefbomen == [first_lever.description]
    assert restored._action.value == "Samen met de school een buurtfeest."
    assert "Samen met de school" in store.answers()["test-scan"]["tekst"]


def test_view_own_place(tmp_path):
    view = lt.StraatscanView("test-scan", AnswerStore("nb", tmp_path, delay=0), exercises_folder=FOLDER)
    view._place.value = "eigen"
    view._own.value = "Mijn straat"
    assert view.model.plek == "Mijn straat" and view._case_text.value == ""


def test_saved_data_of_another_shape_is_kept_where_readable(tmp_path):
    store = AnswerStore("nb", tmp_path, delay=0)
    store.set("test-scan", "oud", data={
        "plek": "Mijn straat", "extra": 1, "hefbomen": ["x", 3],
        "groepen": [{"groep": "ouderen", "nu": "2", "wenselijk": "veel", "haalbaar": 4, "kleur": "rood"},
                    "kapot", {"nu": 1}]})
    view = lt.StraatscanView("test-scan", store, exercises_folder=FOLDER)
    group = view.model.group("ouderen")
    assert (group.nu, group.wenselijk, group.haalbaar) == (2, None, 4)
    assert view.model.plek == "Mijn straat"
    notice = view._message.value
    assert "nb.json" in notice and "niet te lezen" in notice and "ouderen: trede &#x27;veel&#x27;" in notice
    assert Straatscan.from_data({"hefbomen": ["x", 3]}, ["a"], set()).hefbomen == ["x"]
    problems = []
    Straatscan.from_data(["geen dict"], ["a"], set(), problems)
    assert problems == ["de opgeslagen straatscan heeft een onbekende vorm"]


def test_choosing_a_case_keeps_the_own_street(tmp_path):
    store = AnswerStore("nb", tmp_path, delay=0)
    view = lt.StraatscanView("test-scan", store, exercises_folder=FOLDER)
    view._place.value = "eigen"
    view._own.value = "Oranjestraat"
    view._place.value = "wijk-a"
    restored = lt.StraatscanView("test-scan", AnswerStore("nb", tmp_path), exercises_folder=FOLDER)
    assert restored._place.value == "wijk-a" and restored._own.value == "Oranjestraat"
    assert restored._levels["nu"].options[0] == ("— kies —", "")
    assert restored._levels["nu"].index == 0  # the placeholder is shown, not an empty box


def test_chart_starts_with_a_hint_and_keeps_the_legend_off_the_ladder():
    from lexicon_tools.straatscan import StraatscanChart

    chart = StraatscanChart(["a", "b", "c"], {1})
    chart.update([("alle bewoners", {"nu": None, "wenselijk": None, "haalbaar": None})])
    assert chart.empty.get_visible() and "Kies hierboven bij 'Nu'" in chart.empty.get_text()
    chart.figure.canvas.draw()
    renderer = chart.figure.canvas.get_renderer()
    legend_box = chart.figure.legends[0].get_window_extent(renderer)
    axes_box = chart.ax.get_window_extent(renderer)
    assert legend_box.y1 <= axes_box.y0, "the legend must not cover the ladder"
    hint = chart.empty.get_window_extent(renderer)
    assert axes_box.x0 < hint.x0 and hint.x1 < axes_box.x1, "the hint stays inside the ladder"
    assert not chart.update([("alle bewoners", {"nu": 2, "wenselijk": 3, "haalbaar": None})])
    assert not chart.empty.get_visible()
    assert chart.marks["nu"].get_offsets().tolist() == [[-0.18, 2.0]]
    assert chart.update([("$x$ en $y$", {})]), "new groups rebuild the ladder"
    label = chart.ax.get_xticklabels()[0]
    assert label._preprocess_math(label.get_text()) == ("$x$ en $y$", False)
