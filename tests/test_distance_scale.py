"""Bogardus scale: scores, anonymous export, the class overview, the view."""

import pandas as pd
import pytest

import lexicon_tools as lt
from lexicon_tools import AnswerStore, LexiconError
from lexicon_tools.distance_scale import DistanceScale, class_summary, read_class_scores
from conftest import HERE

FOLDER = HERE / "data" / "exercises"
LEVELS = [("verwant", "Verwant"), ("vriend", "Vriend"), ("buur", "Buur")]


def test_scores_are_positions_and_not_accepted_is_one_more():
    scale = DistanceScale(["a", "b", "c"], LEVELS)
    scale.choose("a", "verwant"), scale.choose("b", "buur"), scale.choose("c", "geen")
    assert scale.scores() == {"a": 1, "b": 3, "c": 4}
    scale.choose("a", None)
    assert scale.score("a") is None
    with pytest.raises(LexiconError):
        scale.choose("d", "buur")
    with pytest.raises(LexiconError):
        scale.choose("a", "kennis")


def test_choices_are_saved_and_restored(tmp_path):
    store = AnswerStore("nb", tmp_path, delay=0)
    DistanceScale(["a", "b"], LEVELS, store, "schaal").choose("b", "vriend")
    again = DistanceScale(["a", "b"], LEVELS, AnswerStore("nb", tmp_path), "schaal")
    assert again.choices == {"a": None, "b": "vriend"}
    assert "- b: Vriend" in store.answers()["schaal"]["tekst"]


def test_export_is_anonymous_and_the_class_overview_reads_it(tmp_path):
    for choices in ({"a": "verwant", "b": "buur"}, {"a": "vriend", "b": "geen"}):
        scale = DistanceScale(["a", "b"], LEVELS)
        for group, level in choices.items():
            scale.choose(group, level)
        path = scale.export_csv(tmp_path)
        assert path.name.startswith("afstandsschaal_") and "naam" not in path.read_text()
    (tmp_path / "kapot.csv").write_bytes(b"\xff\xfe\x00\x00")
    (tmp_path / "leeg.csv").write_text("")
    table, problems = read_class_scores(tmp_path)
    assert len(table) == 2 and sorted(table.columns) == ["a", "b"]
    assert len(problems) == 2 and any("kapot.csv" in p for p in problems)
    summary = class_summary(table)
    assert summary.loc["a", "gemiddelde"] == 1.5 and summary.loc["b", "gemiddelde"] == 3.5
    assert list(summary.index) == ["a", "b"] and summary.loc["b", "aantal"] == 2


def test_reading_one_csv_with_many_rows(tmp_path):
    path = tmp_path / "klas.csv"
    pd.DataFrame({"datum": ["2026-01-01"] * 3, "a": [1, 2, None], "b": [4, 4, 4]}).to_csv(path, index=False)
    table, problems = read_class_scores(path)
    assert problems == [] and class_summary(table).loc["a", "aantal"] == 2


def test_empty_folder_is_reported(tmp_path):
    table, problems = read_class_scores(tmp_path)
    assert table.empty and "geen CSV-bestanden" in problems[0]


def test_view(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    view = lt.DistanceScaleView("test-schaal", AnswerStore("nb", tmp_path / "d", delay=0),
                                exercises_folder=FOLDER)
    assert list(view._dropdowns) == ["ouderen", "studenten", "<b>gasten</b>"]
    assert len(view._dropdowns["ouderen"].options) == 1 + 6 + 1
    assert view._dropdowns["ouderen"].index == 0 and view._dropdowns["ouderen"].label == "— kies —"
    first_level = view._dropdowns["ouderen"].options[1][1]
    view._dropdowns["ouderen"].value = first_level
    assert view.model.scores()["ouderen"] == 1
    view._export.click()
    assert list(tmp_path.glob("afstandsschaal_*.csv")) and "Klaar" in view._result.value


def _boxes_overlap(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def test_bogardus_chart_labels_are_horizontal_fit_and_do_not_overlap():
    from lexicon_tools.distance_scale import DistanceChart

    lex = lt.load_lexicon()
    levels = [(lv.id, lv.label) for lv in lex.model("bogardus-schaal").niveaus]
    spec = lt.exercises.question("sociale-afstand-schaal")
    groups = [*spec.groepen[1:], "ouderen"]  # the real, long group names
    chart = DistanceChart(groups, levels)
    chart.update({"ouderen": 2})
    canvas = chart.figure.canvas
    canvas.draw()
    renderer = canvas.get_renderer()
    figure_box = chart.figure.bbox
    ticks = [t for t in chart.ax.get_xticklabels() if t.get_text()]
    assert len(ticks) == 7 and all(t.get_rotation() == 0 for t in ticks)
    boxes = [t.get_window_extent(renderer) for t in ticks + chart.ax.get_yticklabels()]
    assert all(figure_box.x0 <= b.x0 and b.x1 <= figure_box.x1 and figure_box.y0 <= b.y0
               for b in boxes), "a label is cut off"
    assert not any(_boxes_overlap(a, b) for i, a in enumerate(boxes[:7]) for b in boxes[i + 1:7])
    plot_share = chart.ax.get_position().width * chart.ax.get_position().height
    assert plot_share > 0.35, "the plot area should fill the figure"
    widths = [bar.get_width() for bar in chart.bars]
    assert widths[0] == 0 and widths[-1] == 2
    assert chart.empty[0].get_visible() and not chart.empty[-1].get_visible()


def test_view_chart_shows_every_group_and_has_alt_text(tmp_path):
    view = lt.DistanceScaleView("test-schaal", AnswerStore("nb", tmp_path / "d", delay=0),
                                exercises_folder=FOLDER)
    assert "nog geen keuzes" in view._figure.image.value and "alt='Staafdiagram" in view._figure.image.value
    view._dropdowns["studenten"].value = "geen"
    assert [b.get_width() for b in view.chart.bars] == [0, 7, 0]
    assert "studenten: 7" in view._figure.alt.value
    assert view._export.layout.width == "auto"


def test_dollar_in_a_group_name_is_not_mathematics():
    from lexicon_tools.distance_scale import DistanceChart

    chart = DistanceChart(["mensen met $ geld $"], [("a", "A")])
    label = chart.ax.get_yticklabels()[0]
    assert label._preprocess_math(label.get_text()) == ("mensen met $ geld $", False)
