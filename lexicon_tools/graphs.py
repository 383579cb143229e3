"""networkx views of the lexicon: the lemma graph and the bipartite lemma–source graph."""

__all__ = ["lemma_graph", "citation_graph", "neighbours", "shortest_path", "centrality_frame",
           "communities_frame", "co_citation_frame"]

import networkx as nx
import pandas as pd

from .errors import LexiconError
from .frames import links_frame, source_key
from .loading import Lexicon

KIND_PRIORITY = ("verwant", "begrip", "bron")


def lemma_graph(lex: Lexicon) -> nx.Graph:
    """An undirected graph: lemmas as nodes, links as edges.

    Nodes carry ``titel`` and ``cluster``. An edge carries ``kind`` (the strongest kind of link:
    verwant, then begrip, then bron), ``kinds`` (all kinds), ``weight`` (summed strength) and
    ``reasons`` (the reasons in words).

    Examples
    --------
    >>> from lexicon_tools import load_lexicon
    >>> lex = load_lexicon()
    >>> G = lemma_graph(lex)
    >>> G.number_of_nodes() == len(lex.lemmas)
    True
    """
    graph = nx.Graph()
    for lemma in lex.lemmas.values():
        graph.add_node(lemma.id, titel=lemma.titel, cluster=lemma.cluster)
    for row in links_frame(lex).itertuples(index=False):
        data = graph.get_edge_data(row.lemma_a, row.lemma_b)
        if data is None:
            graph.add_edge(row.lemma_a, row.lemma_b, kinds=[], weight=0, reasons=[])
            data = graph.edges[row.lemma_a, row.lemma_b]
        data["kinds"].append(row.soort)
        data["weight"] += int(row.gewicht)
        data["reasons"].append(row.toelichting)
        data["kind"] = min(data["kinds"], key=KIND_PRIORITY.index)
    return graph


def citation_graph(lex: Lexicon) -> nx.Graph:
    """A bipartite graph: lemmas (``bipartite=0``) and cited works (``bipartite=1``)."""
    graph = nx.Graph()
    for lemma in lex.lemmas.values():
        graph.add_node(lemma.id, bipartite=0, soort="lemma", titel=lemma.titel,
                       cluster=lemma.cluster)
        for source in lemma.bronnen:
            key = source_key(source)
            graph.add_node(key, bipartite=1, soort="bron", auteurs=source.auteurs, jaar=source.jaar)
            graph.add_edge(lemma.id, key)
    return graph


def _known(graph: nx.Graph, lemma_id: str) -> str:
    if lemma_id not in graph:
        import difflib
        close = difflib.get_close_matches(lemma_id, list(graph), n=3)
        hint = f" Bedoel je: {', '.join(close)}?" if close else ""
        raise LexiconError(f"Er is geen lemma met id '{lemma_id}'.{hint}")
    return lemma_id


def neighbours(graph: nx.Graph, lemma_id: str) -> list[str]:
    """The ids of the lemmas linked to ``lemma_id``, strongest link first."""
    _known(graph, lemma_id)
    return sorted(graph[lemma_id], key=lambda n: (-graph.edges[lemma_id, n]["weight"], n))


def shortest_path(graph: nx.Graph, source: str, target: str) -> list[str]:
    """The shortest chain of lemma ids from ``source`` to ``target`` (fewest links)."""
    _known(graph, source), _known(graph, target)
    try:
        return nx.shortest_path(graph, source, target)
    except nx.NetworkXNoPath:
        raise LexiconError(f"Er is geen verbinding tussen '{source}' en '{target}'.") from None


def centrality_frame(graph: nx.Graph) -> pd.DataFrame:
    """Degree and betweenness per lemma, most central first."""
    frame = pd.DataFrame({
        "titel": nx.get_node_attributes(graph, "titel"),
        "cluster": nx.get_node_attributes(graph, "cluster"),
        "graad": dict(graph.degree()),
        "betweenness": nx.betweenness_centrality(graph),
    })
    frame.index.name = "id"
    return frame.sort_values(["graad", "betweenness"], ascending=False)


def communities_frame(graph: nx.Graph, communities) -> pd.DataFrame:
    """Cross table: how many lemmas of each cluster fall in each detected community."""
    rows = [{"cluster": graph.nodes[node]["cluster"], "groep": f"groep {number}"}
            for number, members in enumerate(communities, start=1) for node in members]
    frame = pd.DataFrame(rows, columns=["cluster", "groep"])
    return pd.crosstab(frame["cluster"], frame["groep"])


def co_citation_frame(lex: Lexicon) -> pd.DataFrame:
    """Pairs of lemmas that cite the same works, with the number and names of the shared works."""
    from networkx.algorithms import bipartite

    graph = citation_graph(lex)
    lemma_nodes = [n for n, d in graph.nodes(data=True) if d["bipartite"] == 0]
    projected = bipartite.weighted_projected_graph(graph, lemma_nodes)
    rows = [{"lemma_a": a, "lemma_b": b, "gedeelde_bronnen": d["weight"],
             "bronnen": "; ".join(sorted(set(graph[a]) & set(graph[b])))}
            for a, b, d in projected.edges(data=True)]
    frame = pd.DataFrame(rows, columns=["lemma_a", "lemma_b", "gedeelde_bronnen", "bronnen"])
    return frame.sort_values(["gedeelde_bronnen", "lemma_a"], ascending=[False, True],
                             ignore_index=True)
