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
