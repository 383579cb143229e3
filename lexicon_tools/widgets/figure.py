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

from ..rendering import (CSS_DPI, SCALE, figure_png, freeze_layout, img_html, new_figure, plain,
                         png_of, png_size, release)


class FigureView(widgets.VBox):
    """Shows the latest figure as an image with alt text, and an always-visible text alternative.

    ``figure`` (optional) is the view's own persistent figure from :func:`new_figure`;
    ``dynamic`` lists its artists that change between redraws (see :func:`png_of`).
    """

    def __init__(self, figure=None, dynamic=()):
        self.figure, self.dynamic = figure, list(dynamic)
        self.png = b""
        self._renders = 0
        self.image = widgets.HTML(layout=widgets.Layout(max_width="100%"))
        self.alt = widgets.HTML()
        super().__init__([self.image, self.alt])
        self.add_class("lt-figuur")

    def render(self, alt_text: str, static_changed: bool = False) -> None:
        """Render the view's own figure after its artists were updated.

        Only the ``dynamic`` artists are redrawn, over a cached image of the rest, unless
        ``static_changed`` says something else changed too.
        """
        self._set(png_of(self.figure, self.dynamic, static_changed), alt_text)
        self._renders += 1
        if self._renders == 1:  # shown at Run All: keep no buffers until the student interacts
            release(self.figure)

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
