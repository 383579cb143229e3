"""The wicked-problem case map: model rules and the view."""

import pytest

import lexicon_tools as lt
from lexicon_tools import AnswerStore, LexiconError
from lexicon_tools.case_map import CaseMap, describe_case_map
from conftest import HERE

FOLDER = HERE / "data" / "exercises"
STEPS = [("analyse", "Analyse"), ("inschatting", "Inschatting"), ("verbinden", "Verbinden")]


def test_first_step_is_shared_later_steps_per_party():
    cm = CaseMap("Kevin", "sociaal team", ["werkgever", "politie"], STEPS)
    cm.write("analyse", "Kevin moet aan het werk blijven.")
    with pytest.raises(LexiconError, match="Kies eerst een partij"):
        cm.write("inschatting", "x")
    cm.select("werkgever")
    cm.write("inschatting", "Betrouwbaar personeel.")
    cm.select("politie")
    assert cm.text("inschatting") == "" and cm.text("analyse") == "Kevin moet aan het werk blijven."
    assert cm.worked_parties() == ["werkgever"]
    again = CaseMap("Kevin", "sociaal team", ["werkgever", "politie"], STEPS)
    again.restore(cm.to_data())
    assert again.text("inschatting", "werkgever") == "Betrouwbaar personeel."
    assert again.selected == "politie"
    with pytest.raises(LexiconError):
        cm.select("rechter")


def test_graph_and_text_alternative():
    cm = CaseMap("Kevin", "sociaal team", ["werkgever", "politie"], STEPS)
    graph = cm.graph({"werkgever": "ontslag"})
    assert set(graph["Kevin"]) == {"sociaal team", "werkgever", "politie"}
    assert graph.edges["Kevin", "werkgever"]["standpunt"] == "ontslag"
    text = describe_case_map(cm, {"werkgever": "Werkgever"}, {"werkgever": "ontslag"})
    assert "Werkgever (standpunt: ontslag)" in text


def test_view(tmp_path):
    store = AnswerStore("nb", tmp_path, delay=0)
    view = lt.CaseMapView("test-kaart-casus", store, exercises_folder=FOLDER)
    steps = list(view._areas)
    assert all(area.disabled for area in view._areas.values())
    view._party.value = "werkgever"
    assert "Veilig werken." in view._party_text.value
    view._areas[steps[0]].value = "Hij wil geen risico op de werkvloer."
    view._party.value = "politie"
    assert view._areas[steps[0]].value == ""
    view._party.value = "werkgever"
    assert view._areas[steps[0]].value == "Hij wil geen risico op de werkvloer."
    restored = lt.CaseMapView("test-kaart-casus", AnswerStore("nb", tmp_path), exercises_folder=FOLDER)
    assert restored.model.text(steps[0], "werkgever") == "Hij wil geen risico op de werkvloer."
    assert "Partij: Werkgever" in store.answers()["test-kaart-casus"]["tekst"]


def _overlaps(boxes) -> list:
    return [(i, j) for i, a in enumerate(boxes) for j, b in enumerate(boxes[i + 1:], i + 1)
            if a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1]


def test_integral_chart_labels_do_not_overlap_and_only_the_after_panel_changes():
    from lexicon_tools.integral_case import IntegralCase, IntegralChart

    case = IntegralCase(["schuldhulpverlener", "leerplichtambtenaar", "zorgcoördinator",
                         "jongerenwerker", "Wmo-consulent", "reumaverpleegkundige", "woonconsulent"])
    chart = IntegralChart(case)
    for regisseur in [None, "woonconsulent", "schuldhulpverlener"]:
        case.choose_regisseur(regisseur)
        chart.update(case)
        chart.figure.canvas.draw()
        renderer = chart.figure.canvas.get_renderer()
        for ax in chart.axes:
            labels = [t for t in ax.texts]
            assert len(labels) == 8
            assert not _overlaps([t.get_window_extent(renderer) for t in labels])
            assert all(chart.figure.bbox.contains(*t.get_window_extent(renderer).p1) for t in labels)
            title = ax.title.get_window_extent(renderer)
            assert chart.figure.bbox.x0 <= title.x0 and title.x1 <= chart.figure.bbox.x1
    assert "(1 contact(en)" in chart.title.get_text()
    assert all(a.axes is chart.axes[1] for a in chart.dynamic) and len(chart.dynamic) == 2
    case.choose_regisseur("woonconsulent")
    assert chart.update(case) is False  # only lines and colours change: no full redraw


def test_case_map_view_survives_saved_data_of_another_shape(tmp_path):
    store = AnswerStore("nb", tmp_path, delay=0)
    store.set("test-kaart-casus", "oud", data={"gekozen": "werkgever", "extra": [1],
                                                "teksten": {"werkgever": "geen dict", "onbekend": {}}})
    view = lt.CaseMapView("test-kaart-casus", store, exercises_folder=FOLDER)
    assert view.model.selected == "werkgever"
    notice = view.children[1].value
    assert "nb.json" in notice and "onbekende partij" in notice
    chosen = view.chart.chosen_label
    assert chosen.get_visible() and chosen.get_text() == "Werkgever" and chosen.get_fontweight() == "bold"
    view._party.value = "politie"
    assert chosen.get_text() == "Politie" and "Gekozen partij: Politie" in view._figure.alt.value
    view._party.value = ""
    assert not chosen.get_visible() and view._figure.png.startswith(b"\x89PNG")


def test_integral_view_survives_saved_data_of_another_shape(tmp_path):
    from lexicon_tools.integral_case import IntegralCase

    case = IntegralCase(["a", "b"])
    assert case.restore(["kapot"]) == ["de opgeslagen casus heeft een onbekende vorm"]
    assert case.restore({"regisseur": "c", "plan": 3}) == ["regisseur 'c' staat niet (meer) in de lijst"]
    assert case.plan == "3" and case.regisseur is None
