"""Worksheets, perspective taking and the integral case: models and views."""

import pytest

import lexicon_tools as lt
from lexicon_tools import AnswerStore, LexiconError
from lexicon_tools.integral_case import IntegralCase, describe_integral_case
from conftest import HERE

FOLDER = HERE / "data" / "exercises"


def test_worksheet_saves_each_step(tmp_path):
    store = AnswerStore("nb", tmp_path, delay=0)
    sheet = lt.Worksheet("test-werkblad", store, exercises_folder=FOLDER)
    assert "0 van 2 stappen ingevuld" in sheet._status.value
    assert "Opgeslagen" not in sheet._status.value and "automatisch" not in sheet._status.value
    assert [a.description for a in sheet._areas.values()] == ["Stap 1", "Stap 2"]
    sheet._areas["stap-1"].value = "Zelfstandig blijven wonen."
    assert not sheet.model.is_complete()
    assert "1 van 2 stappen ingevuld · Opgeslagen om" in sheet._status.value
    sheet._areas["stap-2"].value = "Ja, dat is de bedoeling van de Wmo."
    assert sheet.model.is_complete()
    again = lt.Worksheet("test-werkblad", AnswerStore("nb", tmp_path), exercises_folder=FOLDER)
    assert again._areas["stap-1"].value == "Zelfstandig blijven wonen."
    saved = store.answers()["test-werkblad-stap-2"]
    assert saved["vraag"].startswith("Wet: Past dat") and saved["tekst"].startswith("Ja")


def test_perspectives_reveal_our_reading_only_on_request(tmp_path):
    view = lt.Perspectives("test-perspectief", AnswerStore("nb", tmp_path, delay=0),
                           exercises_folder=FOLDER)
    assert list(view._areas) == ["moeder", "dochter-15"]
    assert view._status.value == ""  # no save status before the student typed
    view._areas["moeder"].value = "Dat ze het goed doet."
    assert "Opgeslagen om" in view._status.value
    assert all(r.value == "" for r in view._readings.values())
    view._compare_button.click()
    assert "Haar eer als goede moeder." in view._readings["moeder"].value


def test_integral_case_before_and_after():
    case = IntegralCase(["a", "b", "c", "d"])
    assert case.contacts_of_household("voor") == 4 and case.graph("voor").number_of_edges() == 4
    case.choose_regisseur("b")
    after = case.graph("na")
    assert case.contacts_of_household("na") == 1 and set(after["b"]) == {"huishouden", "a", "c", "d"}
    assert "één aanspreekpunt (b)" in describe_integral_case(case)
    assert case.layout("na") == case.layout("na")
    with pytest.raises(LexiconError):
        case.choose_regisseur("z")


def test_integral_case_view(tmp_path):
    store = AnswerStore("nb", tmp_path, delay=0)
    view = lt.IntegralCaseView("test-casus", store, exercises_folder=FOLDER)
    view._regisseur.value = "wijkverpleegkundige"
    view._plan.value = "Eerst de schulden, dan school."
    again = lt.IntegralCaseView("test-casus", AnswerStore("nb", tmp_path), exercises_folder=FOLDER)
    assert again._regisseur.value == "wijkverpleegkundige"
    assert again._plan.value == "Eerst de schulden, dan school."
    assert "Regisseur: wijkverpleegkundige" in store.answers()["test-casus"]["tekst"]
