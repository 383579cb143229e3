"""Drawing the lemma graph with matplotlib: by cluster, deterministic, labels that never overlap."""

from __future__ import annotations

__all__ = ["lemma_graph_layout", "cluster_layout", "LemmaNetworkChart", "draw_lemma_graph",
           "describe_lemma_graph", "toon_netwerk"]

import textwrap
from typing import TYPE_CHECKING

from . import figure_cache
from .loading import Lexicon

if TYPE_CHECKING:  # networkx is imported where a graph is built: a cached drawing needs none
    import networkx as nx

EDGE_STYLES = {"verwant": ("solid", 1.6), "begrip": ("dashed", 1.0), "bron": ("dotted", 1.0)}
EDGE_NAMES = {"verwant": "verwant (genoemd)", "begrip": "gedeeld begrip", "bron": "gedeelde bron"}


def lemma_graph_layout(graph: nx.Graph, seed: int = 7) -> dict:
    """Node positions that are the same on every run (spring layout with a fixed seed).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(3)
    >>> lemma_graph_layout(G) == lemma_graph_layout(G)
    True
    """
    import networkx as nx

    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph.nodes(data=True)))
    ordered.add_edges_from(sorted(graph.edges(data=True)))
    positions = nx.spring_layout(ordered, seed=seed, k=1.6 / max(1, len(ordered)) ** 0.5,
                                 weight=None, iterations=200)
    return {node: tuple(float(v) for v in pos) for node, pos in positions.items()}


def cluster_layout(graph: nx.Graph, clusters: list[str], sweeps: int = 4) -> dict:
    """Positions by cluster: one column per cluster (in the lexicon's order), one row per lemma.

    Within a column the lemmas are ordered to shorten the links between columns (a few sweeps
    of the barycentre heuristic, ties broken by id), so the picture is the same on every run.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "c"), ("b", "d")])
    >>> nx.set_node_attributes(G, {"a": "x", "b": "x", "c": "y", "d": "y"}, "cluster")
    >>> cluster_layout(G, ["x", "y"])
    {'a': (0.0, 0.0), 'b': (0.0, -1.0), 'c': (1.0, 0.0), 'd': (1.0, -1.0)}
    """
    columns = {c: sorted(n for n in graph if graph.nodes[n].get("cluster") == c) for c in clusters}
    rows = {n: float(i) for members in columns.values() for i, n in enumerate(members)}
    for _ in range(sweeps):
        for members in columns.values():
            def centre(node):
                others = [rows[m] for m in graph[node] if m in rows and m not in members]
                return (sum(others) / len(others) if others else rows[node], node)
            members.sort(key=centre)
            rows.update({n: float(i) for i, n in enumerate(members)})
    return {n: (float(x), 0.0 - rows[n] or 0.0) for x, members in enumerate(columns.values())
            for n in members}


def _edge_path(a: tuple, b: tuple):
    """A straight line between columns; an arc left of the column within one column."""
    from matplotlib.path import Path

    if a[0] != b[0]:
        return Path([a, b])
    bend = 0.12 + 0.03 * abs(a[1] - b[1])
    control = (a[0] - bend, (a[1] + b[1]) / 2)
    return Path([a, control, b], [Path.MOVETO, Path.CURVE3, Path.CURVE3])


class LemmaNetworkChart:
    """The lemma graph drawn by cluster (columns), labels beside their node; only the highlighted
    path is redrawn (the rest is cached), so a path explorer redraw is cheap.
    """

    ROW = 0.34  # inch per row: room for a two-line label

    def __init__(self, lex: Lexicon, graph: nx.Graph | None = None, ax=None, labels: bool = True):
        from matplotlib.collections import PathCollection
        from matplotlib.lines import Line2D

        from .rendering import freeze_layout, new_figure, plain

        self.graph = graph = lex.graph() if graph is None else graph
        cluster_ids = list(lex.clusters)
        self.pos = pos = cluster_layout(graph, cluster_ids)
        rows = max(1, max((sum(1 for n in graph if graph.nodes[n]["cluster"] == c)
                           for c in cluster_ids), default=1))
        own_figure = ax is None
        if own_figure:
            figure = new_figure(8.8, self.ROW * rows + 1.6)
            ax = figure.add_subplot()
        self.ax, self.figure = ax, ax.figure
        for kind, (style, width) in EDGE_STYLES.items():
            paths = [_edge_path(pos[a], pos[b]) for a, b, k in graph.edges(data="kind") if k == kind]
            ax.add_collection(PathCollection(paths, facecolors="none", edgecolors="#555555",
                                             linestyles=style, linewidths=width, alpha=0.35,
                                             zorder=1))
        nodes = list(graph)
        ax.scatter([pos[n][0] for n in nodes], [pos[n][1] for n in nodes], s=110, zorder=3,
                   c=[lex.clusters[graph.nodes[n]["cluster"]].kleur for n in nodes],
                   edgecolors="black", linewidths=0.6)
        self.labels = {}
        if labels:
            for n in nodes:
                self.labels[n] = ax.text(pos[n][0] + 0.045, pos[n][1], plain(textwrap.fill(
                    graph.nodes[n]["titel"], 26, break_long_words=False)), fontsize=8,
                    va="center", ha="left", zorder=4, linespacing=1.05,
                    bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 0.6})
        for x, cluster in enumerate(lex.clusters.values()):
            ax.text(x, 0.75, cluster.naam, fontsize=9.5, fontweight="bold", ha="left",
                    va="bottom", color="black", zorder=4,
                    bbox={"facecolor": cluster.kleur, "alpha": 0.35, "edgecolor": "none"})
        handles = [Line2D([], [], marker="o", linestyle="", markersize=8, markerfacecolor=c.kleur,
                          markeredgecolor="black", label=c.naam) for c in lex.clusters.values()]
        handles += [Line2D([], [], color="#555555", linestyle=style, linewidth=width,
                           label=EDGE_NAMES[kind]) for kind, (style, width) in EDGE_STYLES.items()]
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncols=4,
                  fontsize=8, frameon=False)
        ax.set_xlim(-0.25, len(cluster_ids) - 0.02)
        ax.set_ylim(-(rows - 1) - 0.6, 1.25)
        ax.set_title("Het lexicon als netwerk van lemma's, per cluster")
        ax.set_axis_off()
        self.path_lines = ax.add_collection(PathCollection([], facecolors="none",
                                                           edgecolors="black", linewidths=3.5,
                                                           zorder=2))
        self.path_nodes = ax.scatter([], [], s=260, facecolors="none", edgecolors="black",
                                     linewidths=2.5, zorder=3)
        self.path_labels: list = []
        if own_figure:
            freeze_layout(ax.figure)

    @property
    def dynamic(self) -> list:
        """The artists of the highlighted path (drawn over the cached network)."""
        return [self.path_lines, self.path_nodes, *self.path_labels]

    def highlight(self, path: list[str] | None) -> None:
        """Draw ``path`` (lemma ids) on top in thick black, its labels in bold; [] clears it."""
        import numpy as np

        path = list(path or [])
        for text in self.path_labels:
            text.remove()
        self.path_labels = [self.ax.text(*self.labels[n].get_position(), self.labels[n].get_text(),
                                         fontsize=8, fontweight="bold", va="center", ha="left",
                                         zorder=5, linespacing=1.05,
                                         bbox={"facecolor": "white", "edgecolor": "black",
                                               "pad": 0.8, "linewidth": 0.8})
                            for n in path if n in self.labels and len(path) > 1]
        self.path_lines.set_paths([_edge_path(self.pos[a], self.pos[b])
                                   for a, b in zip(path, path[1:])])
        self.path_nodes.set_offsets([self.pos[n] for n in path] if len(path) > 1
                                    else np.empty((0, 2)))


def draw_lemma_graph(lex: Lexicon, graph: nx.Graph | None = None, ax=None, labels: bool = True,
                     highlight: list[str] | None = None):
    """Draw the lemma graph by cluster: a column per cluster, node colour by cluster, edge style
    by kind, labels that never cover each other, with a legend.

    ``highlight`` is a path of lemma ids drawn on top in thick black. Returns the matplotlib Axes
    (of a new pyplot-free figure unless ``ax`` is given).
    """
    chart = LemmaNetworkChart(lex, graph, ax=ax, labels=labels)
    chart.highlight(highlight)
    return chart.ax


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
    from .loading import load_lexicon
    from .rendering import display_png, png_of

    lex = lex or load_lexicon()
    key = figure_cache.lexicon_key(lex)
    png, alt = figure_cache.get("lemmanetwerk", key), figure_cache.get_text("lemmanetwerk", key)
    if png is None or alt is None:  # not drawn before: draw it (needs networkx and matplotlib)
        graph = lex.graph()
        figure = draw_lemma_graph(lex, graph).figure
        png, alt = png_of(figure), describe_lemma_graph(lex, graph)
        figure_cache.put("lemmanetwerk", key, png)
        figure_cache.put_text("lemmanetwerk", key, alt)
    display_png(png, alt)
