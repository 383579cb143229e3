"""Explorer widgets for the lexicon as a network: a search box and a path finder."""

__all__ = ["SearchView", "PathExplorer", "path_steps"]

import html

import ipywidgets as widgets

from .. import figure_cache
from ..errors import LexiconError
from ..graphs import shortest_path
from ..loading import load_lexicon
from ..search import zoek
from ..drawing import LemmaNetworkChart
from .figure import FigureView
from .style import (WRONG, Panel, button_style, description_style, html_text, shared_layout,
                    text_style)


class SearchView(Panel):
    """Type a term, see where it occurs (our summaries, and the book if an own copy is set)."""

    css_classes = ("lt-zoeken",)

    def __init__(self, term: str = "", max_rows: int = 30):
        self.max_rows = max_rows
        self._term = widgets.Text(value=term, description="Zoek", placeholder="bijv. vertrouwen",
                                  continuous_update=False, layout=shared_layout(),
                                  style=text_style())
        self._button = widgets.Button(description="Zoek", icon="search", layout=shared_layout(),
                                      style=button_style())
        self._results = html_text()
        self._term.observe(lambda _: self._search(), names="value")
        self._button.on_click(lambda _: self._search())
        super().__init__([widgets.HBox([self._term, self._button], layout=shared_layout()),
                          self._results], layout=shared_layout())
        if term:
            self._search()

    def _search(self) -> None:
        try:
            hits = zoek(self._term.value)
        except LexiconError as exc:
            self._results.value = f"<span style='color:{WRONG}'>{html.escape(str(exc))}</span>"
            return
        if hits.empty:
            self._results.value = f"Geen treffers voor '{html.escape(self._term.value)}'."
            return
        rows = "".join(
            f"<tr><td>{html.escape(r.bron)}</td><td>{html.escape(r.titel)}</td>"
            f"<td>{html.escape(r.veld)}</td><td>{html.escape(r.fragment)}</td></tr>"
            for r in hits.head(self.max_rows).itertuples())
        more = f"<p><small>… en nog {len(hits) - self.max_rows} treffers.</small></p>" \
            if len(hits) > self.max_rows else ""
        self._results.value = (f"<p>{len(hits)} treffers in {hits.lemma.nunique()} lemma's.</p>"
                               "<table class='lt-treffers'><tr><th>bron</th><th>lemma</th>"
                               f"<th>waar</th><th>fragment</th></tr>{rows}</table>{more}")


def path_steps(graph, path: list[str]) -> list[str]:
    """Readable steps of a path: 'A → B: reason' for each link."""
    steps = []
    for a, b in zip(path, path[1:]):
        reasons = "; ".join(r.strip().rstrip(".") for r in graph.edges[a, b]["reasons"]) + "."
        steps.append(f"{graph.nodes[a]['titel']} → {graph.nodes[b]['titel']}: {reasons}")
    return steps


class PathExplorer(Panel):
    """Pick two lemmas: see the shortest chain of links between them, with the reason of each link."""

    css_classes = ("lt-pad",)

    def __init__(self, start: str | None = None, end: str | None = None, lex=None):
        self.lex = lex or load_lexicon()
        self.graph = self.lex.graph()
        options = [(lemma.titel, lemma.id) for lemma in self.lex.lemmas.values()]
        ids = [i for _, i in options]
        wide = shared_layout(width="44em", max_width="100%")  # the longest title fits
        self._start = widgets.Dropdown(options=options, value=start or ids[0], description="Van",
                                       layout=wide, style=description_style())
        self._end = widgets.Dropdown(options=options, value=end or ids[-1], description="Naar",
                                     layout=wide, style=description_style())
        self._steps = html_text()
        self._lexicon_key = figure_cache.lexicon_key(self.lex)
        self._figure = FigureView(chart=lambda: LemmaNetworkChart(self.lex, self.graph),
                                  kind="lemmapad")
        self.path: list[str] = []
        for dropdown in (self._start, self._end):
            dropdown.observe(lambda _: self._update(), names="value")
        super().__init__([widgets.HBox([self._start, self._end],
                                       layout=shared_layout(flex_flow="row wrap")),
                          self._steps, self._figure], layout=shared_layout())
        self._update()

    @property
    def chart(self) -> LemmaNetworkChart:
        return self._figure.chart

    def _update(self) -> None:
        try:
            self.path = shortest_path(self.graph, self._start.value, self._end.value)
        except LexiconError as exc:
            self.path = []
            self._figure.draw([self._lexicon_key, []],
                              "Netwerk van de lemma's per cluster; er is geen pad gemarkeerd.",
                              lambda chart: chart.highlight([]))
            self._steps.value = f"<span style='color:{WRONG}'>{html.escape(str(exc))}</span>"
            return
        # Draw first, then show steps and figure together, so they never disagree. Only the path
        # is redrawn over the cached network; the numbered steps are the text alternative.
        steps = path_steps(self.graph, self.path)
        titles = [self.graph.nodes[n]["titel"] for n in self.path]
        path = list(self.path)
        self._figure.draw([self._lexicon_key, path],
                          f"Netwerk van de lemma's per cluster; gemarkeerd: het pad "
                          f"{' → '.join(titles)} ({len(self.path) - 1} stap(pen)).",
                          lambda chart: chart.highlight(path))
        self._figure.alt.value = ""  # the numbered steps above are the full text alternative
        self._steps.value = (f"<p>{len(self.path) - 1} stap(pen):</p><ol>"
                             + "".join(f"<li>{html.escape(s)}</li>" for s in steps) + "</ol>")
