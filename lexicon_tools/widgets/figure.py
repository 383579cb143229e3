"""A matplotlib figure inside a widget: a sharp PNG image with alt text, plus its text alternative.

The image is an ``<img alt=…>`` inside an HTML widget: ipywidgets' ``Image`` has no alt attribute,
and screen readers (and axe's ``image-alt`` rule) need one on the element itself. Rendering helpers
live in :mod:`lexicon_tools.rendering` (re-exported here).

Fast redraws: a view keeps ONE figure from :func:`new_figure` (no pyplot state), updates its
artists' data and calls :meth:`FigureView.render`. :meth:`FigureView.show` still accepts any
(e.g. pyplot) figure and renders it once.
"""

__all__ = ["FigureView", "figure_png", "new_figure", "png_of", "plain", "freeze_layout", "png_size",
           "CSS_DPI", "SCALE"]

import html

import ipywidgets as widgets

from .. import figure_cache
from .style import Panel, html_text

from ..rendering import (CSS_DPI, SCALE, figure_png, freeze_layout, img_html, new_figure, plain,
                         png_of, png_size, release)


class FigureView(Panel):
    """Shows the latest figure as an image with alt text, and an always-visible text alternative.

    ``figure`` (optional) is the view's own persistent figure from :func:`new_figure`;
    ``dynamic`` lists its artists that change between redraws (see :func:`png_of`).

    Or, lazily: ``chart`` is a factory (no arguments) of the view's persistent chart, an object
    with ``figure`` and ``dynamic``, and ``kind`` names the drawing for the figure cache. Then
    :meth:`draw` shows a drawing made before (by this or an earlier kernel) straight from the
    cache, and builds the chart (importing matplotlib) only for a drawing it has not seen.
    """

    css_classes = ("lt-figuur",)

    def __init__(self, figure=None, dynamic=(), chart=None, kind: str = ""):
        self.figure, self.dynamic = figure, list(dynamic)
        self._make_chart, self._chart, self.kind = chart, None, kind
        self._update = None
        self.png = b""
        self._renders = 0
        self.image = html_text(layout=widgets.Layout(max_width="100%"))  # own: hidden by clear()
        self.alt = html_text()
        super().__init__([self.image, self.alt])

    @property
    def chart(self):
        """The view's chart, built now if it was not needed so far."""
        if self._chart is None and self._make_chart is not None:
            self._chart = self._make_chart()
            if self._update is not None:  # show the state the cached drawing showed
                self._update(self._chart)
            self.figure, self.dynamic = self._chart.figure, list(self._chart.dynamic)
        return self._chart

    def draw(self, key, alt_text: str, update) -> None:
        """Show the chart's drawing of the current state.

        ``key`` describes (as JSON-able data) everything the drawing shows; ``update(chart)``
        brings a built chart up to date and returns True when more than its ``dynamic`` artists
        changed. The first drawing of a view comes from the figure cache when it was made before.
        """
        self._update = update
        if self._chart is None:
            png = figure_cache.get(self.kind, key) if self._renders == 0 else None
            if png is not None:
                self._set(png, alt_text)
                self._renders += 1
                return
            first = self._renders == 0
            _ = self.chart  # built now, and brought up to date by ``update``
            self.render(alt_text, static_changed=True)
            if first:
                figure_cache.put(self.kind, key, self.png)
            return
        static_changed = update(self._chart)
        self.dynamic = list(self._chart.dynamic)
        self.render(alt_text, static_changed=bool(static_changed))

    def render(self, alt_text: str, static_changed: bool = False) -> None:
        """Render the view's own figure after its artists were updated.

        Only the ``dynamic`` artists are redrawn, over a cached image of the rest, unless
        ``static_changed`` says something else changed too.
        """
        self._set(png_of(self.figure, self.dynamic, static_changed), alt_text)
        self._renders += 1
        if self._renders == 1:  # shown at Run All: keep no buffers until the student interacts
            release(self.figure)

    def show_drawing(self, key, make_figure, alt_text: str, remember: bool = False) -> None:
        """Show the figure ``make_figure()`` would give, from the figure cache when this exact
        drawing (``key``) was made before; ``remember`` keeps a new drawing there."""
        png = figure_cache.get(self.kind, key)
        if png is None:
            png = figure_png(make_figure())
            if remember:
                figure_cache.put(self.kind, key, png)
        self._set(png, alt_text)

    def show(self, figure, alt_text: str = "") -> None:
        """Render any ``figure`` once (trimmed; then closed) and set the text alternative."""
        self._set(figure_png(figure), alt_text)

    def _set(self, png: bytes, alt_text: str) -> None:
        self.png = png
        first_line = alt_text.split("\n", 1)[0] if alt_text else "Figuur"
        self.image.value = img_html(png, first_line if len(alt_text) > 300 else alt_text or "Figuur")
        self.image.layout.display = None
        self.alt.value = (f"<small><i>Tekstalternatief:</i> {html.escape(alt_text)}</small>"
                          .replace("\n", "<br>") if alt_text else "")

    def clear(self) -> None:
        self.png = b""
        self.image.value = ""
        self.image.layout.display = "none"
        self.alt.value = ""
