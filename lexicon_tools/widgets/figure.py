"""A matplotlib figure inside a widget: a PNG image plus its text alternative.

Used instead of an ``Output`` widget: a redraw is one state update (no clear/display messages),
which is faster, never flickers, and works the same in JupyterLab, Voilà and headless runs.
"""

__all__ = ["FigureView", "figure_png"]

import html
import io

import ipywidgets as widgets


def figure_png(figure, dpi: int = 90) -> bytes:
    """The figure as PNG bytes (trimmed to its content); the figure is closed afterwards."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    plt.close(figure)
    return buffer.getvalue()


class FigureView(widgets.VBox):
    """Shows the latest figure as an image, with an always-visible text alternative."""

    def __init__(self, dpi: int = 90):
        self.dpi = dpi
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%",
                                                                       height="auto"))
        self.alt = widgets.HTML()
        super().__init__([self.image, self.alt])
        self.add_class("lt-figuur")

    def show(self, figure, alt_text: str = "") -> None:
        """Render ``figure`` (then close it) and set the text alternative (escaped)."""
        self.image.value = figure_png(figure, self.dpi)
        self.image.layout.display = None
        self.alt.value = (f"<small><i>Tekstalternatief:</i> {html.escape(alt_text)}</small>"
                          .replace("\n", "<br>") if alt_text else "")

    def clear(self) -> None:
        self.image.value = b""
        self.image.layout.display = "none"
        self.alt.value = ""
