"""Schelling model view: sliders, step/run/reset buttons, the grid and the similarity over time."""

__all__ = ["SchellingView"]

import ipywidgets as widgets
import numpy as np

from ..segregation import SchellingModel
from .figure import FigureView

GRID_COLOURS = ["#FFFFFF", "#E69F00", "#0072B2"]  # empty, group A (orange), group B (blue)


class SchellingView(widgets.VBox):
    """Play with Schelling's model: how mild preferences can lead to strong segregation."""

    def __init__(self, size: int = 30, seed: int = 1):
        self.seed = seed
        self._tolerance = widgets.FloatSlider(value=0.3, min=0, max=0.9, step=0.05,
                                              description="Voorkeur", readout_format=".0%",
                                              tooltip="Minimaal aandeel buren van de eigen groep")
        self._share = widgets.FloatSlider(value=0.5, min=0.1, max=0.9, step=0.05,
                                          description="Aandeel A", readout_format=".0%")
        self._empty = widgets.FloatSlider(value=0.1, min=0.02, max=0.4, step=0.02,
                                          description="Leeg", readout_format=".0%")
        self._size = widgets.IntSlider(value=size, min=10, max=60, step=5, description="Grootte")
        self._step = widgets.Button(description="1 stap")
        self._run = widgets.Button(description="Draai 30 stappen", button_style="primary")
        self._reset = widgets.Button(description="Opnieuw", icon="refresh")
        self._status = widgets.HTML()
        self._figure = FigureView()
        for slider in (self._tolerance, self._share, self._empty, self._size):
            slider.observe(lambda _: self._new_model(), names="value")
        self._step.on_click(lambda _: self._advance(1))
        self._run.on_click(lambda _: self._advance(30))
        self._reset.on_click(lambda _: self._new_model())
        super().__init__([widgets.HBox([self._tolerance, self._share]),
                          widgets.HBox([self._empty, self._size]),
                          widgets.HBox([self._step, self._run, self._reset]), self._status,
                          self._figure])
        self.add_class("lt-schelling")
        self._new_model()

    def _new_model(self) -> None:
        self.model = SchellingModel(size=self._size.value, share_a=self._share.value,
                                    empty=self._empty.value, tolerance=self._tolerance.value,
                                    seed=self.seed)
        self._draw()

    def _advance(self, steps: int) -> None:
        self.model.run(steps) if steps > 1 else self.model.step()
        self._draw()

    def _draw(self) -> None:
        import matplotlib.pyplot as plt
        from matplotlib.colors import ListedColormap

        m = self.model
        unhappy = int(m.unhappy().sum())
        self._status.value = (f"Stap {m.steps}: gemiddeld {m.similar_share():.0%} van de buren hoort "
                              f"bij de eigen groep (begin: {m.history[0]:.0%}). "
                              f"{unhappy} huishoudens willen verhuizen.")
        fig, (grid_ax, line_ax) = plt.subplots(1, 2, figsize=(10, 4.4))
        grid_ax.imshow(m.grid, cmap=ListedColormap(GRID_COLOURS), vmin=0, vmax=2,
                       interpolation="nearest")
        grid_ax.set_title("Oranje = groep A, blauw = groep B, wit = leeg")
        grid_ax.set_axis_off()
        line_ax.plot(np.arange(len(m.history)), m.history, marker="o", color="#0072B2")
        line_ax.set_ylim(0, 1)
        line_ax.set_xlabel("stap")
        line_ax.set_ylabel("aandeel gelijke buren")
        line_ax.set_title("Hoe gemengd is de buurt nog?")
        fig.tight_layout()
        self._figure.show(fig, self._status.value)
