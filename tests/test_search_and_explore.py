"""Search, the path explorer and the self-checks of the network notebook."""

import pandas as pd
import pytest

import lexicon_tools as lt
from lexicon_tools import LexiconError
from lexicon_tools.checks import check_message, expected


@pytest.fixture(autouse=True)
def _no_own_copy(monkeypatch, tmp_path):
    monkeypatch.delenv("NABIJHEID_LEXICON", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))


def test_search_in_our_own_texts():
    hits = lt.zoek("Bogardus")
    assert not hits.empty and set(hits.bron) == {"samenvatting"}
    assert "sociale-afstand" in set(hits.lemma)
    assert hits.fragment.str.contains("«Bogardus»").all()
    assert lt.zoek("BOGARDUS").equals(hits)
    assert lt.zoek("xyzzy-bestaat-niet").empty
    with pytest.raises(LexiconError, match="minstens twee tekens"):
        lt.zoek(" ")


def test_search_widget_escapes_and_counts():
    view = lt.SearchView("vertrouwen")
    assert "treffers in" in view._results.value and "<table" in view._results.value
    view._term.value = "<script>"
    assert "Geen treffers voor '&lt;script&gt;'" in view._results.value


def test_path_explorer_shows_each_link_with_its_reason():
    lex = lt.load_lexicon()
    graph = lex.graph()
    view = lt.PathExplorer("wederkerigheid", "boundary-spanner")
    assert view.path[0] == "wederkerigheid" and view.path[-1] == "boundary-spanner"
    assert len(view.path) - 1 == len(lt.shortest_path(graph, "wederkerigheid", "boundary-spanner")) - 1
    assert view._steps.value.count("<li>") == len(view.path) - 1
    first_reason = graph.edges[view.path[0], view.path[1]]["reasons"][0]
    assert first_reason[:30].replace("'", "&#x27;") in view._steps.value
    drawn = view._figure.png
    assert drawn.startswith(b"\x89PNG") and "alt='Netwerk van de lemma" in view._figure.image.value
    view._end.value = "eenzaamheid"
    assert view.path[-1] == "eenzaamheid" and view._figure.png != drawn
    assert [t.get_text() for t in view.chart.path_labels][-1] == "Eenzaamheid"
    view._end.value = "wederkerigheid"
    assert view.path == ["wederkerigheid"] and "0 stap(pen)" in view._steps.value


def test_checks_compute_the_answer_from_the_data():
    lex = lt.load_lexicon()
    counts = lex.lemmas_frame().groupby("cluster", observed=True).size()
    assert check_message("lemmas-per-cluster", counts)[0] is True
    assert check_message("lemmas-per-cluster", {"sociale": 1})[0] is False
    top = lex.lemmas_frame().sort_values("aantal_bronnen", ascending=False)
    assert check_message("meeste-bronnen", top)[0] is True
    assert check_message("meeste-bronnen", top.iloc[0]["titel"])[0] is True  # a title is fine too
    assert check_message("meeste-bronnen", None)[0] is None
    wrong = top.iloc[-1]["id"]
    ok, message = check_message("meeste-bronnen", wrong)
    assert ok is False and "Tip:" in message
    assert expected("hoogste-graad") and check_message("onzin", 1)[0] is False
    # what the tips in the notebook produce is accepted as it comes
    assert check_message("meeste-bronnen", top.iloc[0])[0] is True  # a whole row
    degrees = dict(lex.graph().degree())
    assert check_message("hoogste-graad", max(degrees.items(), key=lambda x: x[1]))[0] is True
    ok, message = check_message("hoogste-graad", ["<b>x</b>", [1]])
    assert ok is False and "&lt;b&gt;" in message and "<b>" not in message
