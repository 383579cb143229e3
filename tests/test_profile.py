"""Profile rating: ratings, comparison, restore, the view."""

import pytest

import lexicon_tools as lt
from lexicon_tools import AnswerStore, LexiconError
from lexicon_tools.profile import Dim, ProfileRating, describe_profiles
from conftest import HERE

FOLDER = HERE / "data" / "exercises"


def test_ratings_table_and_differences():
    rating = ProfileRating([Dim("a", "Gebruik"), Dim("b", "Comfort")], ["Plein", "Park"])
    rating.rate(0, "a", 5), rating.rate(1, "a", 2), rating.rate(0, "b", 3)
    table = rating.table()
    assert list(table.columns) == ["Plein", "Park"] and table.loc["Comfort", "Plein"] == 3
    assert rating.differences() == {"Gebruik": 3}
    with pytest.raises(LexiconError, match="score van 1 tot 5"):
        rating.rate(0, "a", 6)
    with pytest.raises(LexiconError, match="Onbekende dimensie"):
        rating.rate(0, "x", 2)
    assert "Plein: Gebruik: 5; Comfort: 3" in describe_profiles(rating)


def test_restore_ignores_bad_values():
    rating = ProfileRating([Dim("a", "A")], ["Een"])
    rating.restore({"namen": ["Mijn plein"], "scores": [{"a": 99, "onbekend": 1}]})
    assert rating.names == ["Mijn plein"] and rating.ratings == [{"a": None}]


def test_view_with_model_dimensions(tmp_path):
    store = AnswerStore("nb", tmp_path, delay=0)
    view = lt.ProfileView("test-profiel", store, exercises_folder=FOLDER)
    dims = [d.id for d in view.model.dimensions]
    assert len(dims) == 4
    view._buttons[(0, dims[0])].value = 4
    view._names[1].value = "Stadspark"
    restored = lt.ProfileView("test-profiel", AnswerStore("nb", tmp_path), exercises_folder=FOLDER)
    assert restored.model.ratings[0][dims[0]] == 4 and restored.model.names[1] == "Stadspark"
    assert restored._buttons[(0, dims[0])].value == 4


def test_view_with_bipolar_dimensions(tmp_path):
    view = lt.ProfileView("test-tweepolig", AnswerStore("nb", tmp_path, delay=0), exercises_folder=FOLDER)
    assert view.model.names == ["Casus"] and view.model.dimensions[0].links == "afstandelijk"
    view._buttons[(0, "macht")].value = 2
    assert view.model.table().loc["Macht", "Casus"] == 2


def test_restore_reads_text_scores_and_reports_what_it_skipped():
    rating = ProfileRating([Dim("a", "Gebruik"), Dim("b", "Comfort")], ["Plein"])
    problems = rating.restore({"namen": ["Plein"], "scores": [{"a": "4", "b": "veel"}], "extra": 1})
    assert rating.ratings == [{"a": 4, "b": None}]
    assert problems == ["Plein: score 'veel' bij Comfort"]
    assert rating.restore(["kapot"]) == ["het opgeslagen profiel heeft een onbekende vorm"]
    assert rating.restore({"namen": "geen lijst", "scores": [None]}) == []


def test_view_survives_saved_data_of_another_shape(tmp_path):
    store = AnswerStore("nb", tmp_path, delay=0)
    view = lt.ProfileView("test-profiel", store, exercises_folder=FOLDER)
    dims = [d.id for d in view.model.dimensions]
    store.set("test-profiel", "oud", data={"namen": ["A", "B"], "scores": [{dims[0]: "3", dims[1]: "x"}],
                                            "nieuw veld": True})
    view = lt.ProfileView("test-profiel", AnswerStore("nb", tmp_path), exercises_folder=FOLDER)
    assert view._buttons[(0, dims[0])].value == 3
    notice = view.children[1].value
    assert "nb.json" in notice and "score &#x27;x&#x27;" in notice


def test_chart_redraws_lines_and_keeps_names_literal():
    from lexicon_tools.profile import ProfileChart

    rating = ProfileRating([Dim("a", "Gebruik"), Dim("b", "Comfort")], ["$5 plein$", "Park"])
    chart = ProfileChart(rating)
    assert [t.get_text() for t in chart.legend.get_texts()] == [r"\$5 plein\$", "Park"]
    assert chart.legend.get_texts()[0]._preprocess_math(r"\$5 plein\$") == ("$5 plein$", False)
    rating.rate(0, "a", 4)
    assert chart.update(rating) is False
    assert list(chart.lines[0].get_xdata())[0] == 4
    rating.rename(1, "Stadspark")
    assert chart.update(rating) is True and chart.legend.get_texts()[1].get_text() == "Stadspark"
