"""Widgets: the plain models and a smoke test of each view (set values, check what happens)."""

import pytest

import lexicon_tools as lt
from lexicon_tools import AnswerStore
from conftest import HERE

FOLDER = HERE / "data" / "exercises"


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
    assert "beschadigd" in view._warnings.value


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
    panel._button.click()
    path = tmp_path / "antwoorden_test.md"
    assert path.is_file() and "Mijn antwoord" in path.read_text(encoding="utf-8")
    assert "- Naam: Sam <script>" in path.read_text(encoding="utf-8")
    assert "antwoorden_test.md</a>" in panel._result.value
    assert lt.ExportPanel(AnswerStore("test", store.folder))._name.value == "Sam <script>"


def test_export_failure_is_shown(store, monkeypatch):
    panel = lt.ExportPanel(store)

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(panel.model, "export", fail)
    panel._button.click()
    assert "Exporteren lukte niet" in panel._result.value
