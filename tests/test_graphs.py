"""networkx graphs and the helpers students call."""

import pytest

import lexicon_tools as lt
from lexicon_tools import LexiconError, load_lexicon
from conftest import FIXTURE_LEXICON

LEX = load_lexicon(FIXTURE_LEXICON)


def test_lemma_graph_nodes_and_edges():
    G = LEX.graph()
    assert set(G) == {"alfa", "beta", "gamma"}
    assert G.nodes["beta"] == {"titel": "Beta", "cluster": "geografische"}
    edge = G.edges["alfa", "beta"]
    assert edge["kind"] == "verwant" and sorted(edge["kinds"]) == ["begrip", "bron", "verwant"]
    assert edge["weight"] == 2 + 1 + 1
    assert G.edges["alfa", "gamma"]["kind"] == "begrip"


def test_citation_graph_is_bipartite():
    B = LEX.citation_graph()
    lemmas = {n for n, d in B.nodes(data=True) if d["bipartite"] == 0}
    assert lemmas == {"alfa", "beta", "gamma"}
    assert set(B["Jansen (2001)"]) == {"alfa", "beta"}


def test_helpers():
    G = LEX.graph()
    assert lt.neighbours(G, "alfa") == ["beta", "gamma"]
    assert lt.shortest_path(G, "gamma", "alfa") in (["gamma", "alfa"],)
    ranking = lt.centrality_frame(G)
    assert ranking.index[0] in {"alfa", "beta"} and ranking.loc["alfa", "graad"] == 2
    with pytest.raises(LexiconError, match="geen lemma met id 'delta'"):
        lt.neighbours(G, "delta")


def test_no_path_is_explained():
    G = LEX.graph()
    G.add_node("eiland", titel="Eiland", cluster="sociale")
    with pytest.raises(LexiconError, match="geen verbinding"):
        lt.shortest_path(G, "alfa", "eiland")


def test_communities_and_co_citation():
    G = LEX.graph()
    table = lt.communities_frame(G, [{"alfa", "beta"}, {"gamma"}])
    assert table.loc["sociale", "groep 1"] == 1 and table.loc["professionele", "groep 2"] == 1
    co = lt.co_citation_frame(LEX)
    assert co.values.tolist() == [["alfa", "beta", 1, "Jansen (2001)"]]
