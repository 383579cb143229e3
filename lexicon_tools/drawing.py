"""Drawing the lemma graph with matplotlib: deterministic layout, cluster colours, a legend."""

__all__ = ["lemma_graph_layout", "draw_lemma_graph", "describe_lemma_graph", "toon_netwerk"]

import networkx as nx

from .loading import Lexicon

EDGE_STYLES = {"verwant": ("solid", 1.6), "begrip": ("dashed", 1.0), "bron": ("dotted", 1.0)}
EDGE_NAMES = {"verwant": "verwant (genoemd)", "begrip": "gedeeld begrip", "bron": "gedeelde bron"}


def lemma_graph_layout(graph: nx.Graph, seed: int = 7) -> dict:
    """Node positions that are the same on every run (spring layout with a fixed seed).

    Examples
    --------
    >>> G = nx.path_graph(3)
    >>> lemma_graph_layout(G) == lemma_graph_layout(G)
    True
    """
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph.nodes(data=True)))
    ordered.add_edges_from(sorted(graph.edges(data=True)))
    positions = nx.spring_layout(ordered, seed=seed, k=1.6 / max(1, len(ordered)) ** 0.5,
                                 weight=None, iterations=200)
    return {node: tuple(float(v) for v in pos) for node, pos in positions.items()}


def draw_lemma_graph(lex: Lexicon, graph: nx.Graph | None = None, ax=None, labels: bool = True,
                     highlight: list[str] | None = None):
    """Draw the lemma graph: nodes coloured by cluster, edge style by kind, with a legend.

    ``highlight`` is a path of lemma ids drawn on top in thick black. Returns the matplotlib Axes.
    Pass ``ax`` to draw into an existing figure.
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    graph = lex.graph() if graph is None else graph
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 8))
    pos = lemma_graph_layout(graph)
    for kind, (style, width) in EDGE_STYLES.items():
        edges = [(a, b) for a, b, k in graph.edges(data="kind") if k == kind]
        nx.draw_networkx_edges(graph, pos, edgelist=edges, style=style, width=width,
                               alpha=0.45, edge_color="#555555", ax=ax)
    colours = [lex.clusters[graph.nodes[n]["cluster"]].kleur for n in graph]
    nx.draw_networkx_nodes(graph, pos, node_color=colours, node_size=260, edgecolors="black",
                           linewidths=0.6, ax=ax)
    if labels:
        names = {n: graph.nodes[n]["titel"] for n in graph}
        nx.draw_networkx_labels(graph, pos, labels=names, font_size=8, ax=ax,
                                verticalalignment="bottom")
    if highlight and len(highlight) > 1:
        nx.draw_networkx_edges(graph, pos, edgelist=list(zip(highlight, highlight[1:])), width=4,
                               edge_color="black", ax=ax)
        nx.draw_networkx_nodes(graph, pos, nodelist=highlight, node_color="none", node_size=520,
                               edgecolors="black", linewidths=2.5, ax=ax)
    handles = [Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor=c.kleur,
                      markeredgecolor="black", label=c.naam) for c in lex.clusters.values()]
    handles += [Line2D([], [], color="#555555", linestyle=style, linewidth=width,
                       label=EDGE_NAMES[kind]) for kind, (style, width) in EDGE_STYLES.items()]
    ax.legend(handles=handles, loc="lower left", fontsize=8, frameon=True)
    ax.set_title("Het lexicon als netwerk van lemma's")
    ax.set_axis_off()
    return ax


def describe_lemma_graph(lex: Lexicon, graph: nx.Graph | None = None) -> str:
    """A text alternative for the drawing, in Dutch."""
    graph = lex.graph() if graph is None else graph
    per_cluster = ", ".join(
        f"{sum(1 for n in graph if graph.nodes[n]['cluster'] == cid)} bij {c.naam.lower()}"
        for cid, c in lex.clusters.items())
    top = sorted(graph, key=lambda n: (-graph.degree(n), n))[:3]
    central = ", ".join(f"{graph.nodes[n]['titel']} ({graph.degree(n)} verbindingen)" for n in top)
    return (f"Netwerk van {graph.number_of_nodes()} lemma's ({per_cluster}) met "
            f"{graph.number_of_edges()} verbindingen. Een verbinding betekent dat een lemma het "
            "andere noemt als verwant, of dat ze een begrip of bron delen. "
            f"De meest verbonden lemma's zijn: {central}.")


def toon_netwerk(lex: Lexicon | None = None) -> None:
    """Draw the lemma graph and show its text alternative below it."""
    import matplotlib.pyplot as plt
    from IPython.display import Markdown, display

    from .loading import load_lexicon

    lex = lex or load_lexicon()
    graph = lex.graph()
    ax = draw_lemma_graph(lex, graph)
    plt.show()
    plt.close(ax.figure)
    display(Markdown(f"*Tekstalternatief:* {describe_lemma_graph(lex, graph)}"))
