"""Schelling model view: sliders, step/run/reset buttons, the grid and the similarity over time."""

__all__ = ["SchellingView", "SchellingChart", "run_message"]

import ipywidgets as widgets
import numpy as np

from ..segregation import SchellingModel
from .figure import FigureView, new_figure
from .style import Panel, button_style, description_style, html_text, light_box, shared_layout

GRID_COLOURS = ["#FFFFFF", "#E69F00", "#0072B2"]  # empty, group A (orange), group B (blue)
RUN_STEPS = 30


def run_message(asked: int, taken: int, moved_last: int) -> str:
    """Why a run of ``asked`` steps stopped after ``taken`` (Dutch), or '' if it ran them all."""
    if taken < asked and moved_last == 0:
        return (f"Gestopt na {taken} stappen: iedereen is tevreden, niemand wil nog verhuizen. "
                "Verder draaien verandert niets meer.")
    return ""


class SchellingChart:
    """One persistent figure: the grid (left) and the share of similar neighbours per step."""

    def __init__(self, model: SchellingModel):
        from matplotlib.colors import ListedColormap
        from matplotlib.ticker import MaxNLocator, PercentFormatter

        self.figure = new_figure(8.4, 3.7)
        grid_ax = self.figure.add_axes((0.01, 0.04, 0.42, 0.84))
        self.line_ax = self.figure.add_axes((0.55, 0.14, 0.42, 0.74))
        self.image = grid_ax.imshow(model.grid, cmap=ListedColormap(GRID_COLOURS), vmin=0, vmax=2,
                                    interpolation="nearest")
        grid_ax.set_title("Oranje = groep A, blauw = groep B, wit = leeg", fontsize=10)
        grid_ax.set_axis_off()
        (self.line,) = self.line_ax.plot([0], [model.history[0]], marker="o", color="#0072B2",
                                      clip_on=False)
        self.line_ax.set_ylim(0, 1)
        self.line_ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        self.line_ax.xaxis.set_major_locator(MaxNLocator(integer=True, steps=[1, 2, 5, 10]))
        self.line_ax.grid(color="#EEEEEE")
        self.line_ax.set_xlabel("stap")
        self.line_ax.set_ylabel("aandeel gelijke buren")
        self.line_ax.set_title("Hoe gemengd is de buurt nog?", fontsize=10)
        self.update(model)

    @property
    def dynamic(self) -> list:
        return [self.image, self.line]

    def update(self, model: SchellingModel) -> bool:
        """Show ``model``; True when more than the grid and line changed (new limits)."""
        before = (self.line_ax.get_xlim(), self.image.axes.get_xlim())
        self.image.set_data(model.grid)
        self.image.set_extent((-0.5, model.size - 0.5, model.size - 0.5, -0.5))
        self.image.axes.set_xlim(-0.5, model.size - 0.5)
        self.image.axes.set_ylim(model.size - 0.5, -0.5)
        self.line.set_data(np.arange(len(model.history)), model.history)
        steps = len(model.history) - 1
        # grows per RUN_STEPS: the axis (and so the whole figure) is redrawn only then
        self.line_ax.set_xlim(0, max(RUN_STEPS, -(-steps // RUN_STEPS) * RUN_STEPS))
        return before != (self.line_ax.get_xlim(), self.image.axes.get_xlim())


class SchellingView(Panel):
    """Play with Schelling's model: how mild preferences can lead to strong segregation."""

    css_classes = ("lt-schelling",)

    def __init__(self, size: int = 30, seed: int = 1):
        self.seed = seed
        # Dropdowns, not sliders: a <select> with its label has an accessible name (a slider
        # handle has none in ipywidgets 8) and is as easy with the keyboard.
        self._tolerance = _percent_choice("Voorkeur", 0.3, 0.0, 0.9, 0.05,
                                          "Minimaal aandeel buren van de eigen groep")
        self._share = _percent_choice("Aandeel A", 0.5, 0.1, 0.9, 0.05, "Aandeel van groep A")
        self._empty = _percent_choice("Leeg", 0.1, 0.02, 0.4, 0.02, "Aandeel lege plekken")
        sizes = sorted({*range(10, 61, 5), size})
        self._size = widgets.Dropdown(options=[(f"{n} x {n}", n) for n in sizes], value=size,
                                      description="Grootte", tooltip="Aantal vakjes per zijde",
                                      layout=shared_layout(width="auto"),
                                      style=description_style())
        auto, plain_button = shared_layout(width="auto"), button_style()
        self._step = widgets.Button(description="1 stap", layout=auto, style=plain_button)
        self._run = widgets.Button(description=f"Draai {RUN_STEPS} stappen", button_style="primary",
                                   layout=auto, style=plain_button)
        self._reset = widgets.Button(description="Opnieuw", icon="refresh", layout=auto,
                                     style=plain_button)
        self._status = html_text()
        self._notice = ""
        self.model = self._build_model()
        self._figure = FigureView(chart=lambda: SchellingChart(self.model), kind="schelling")
        for slider in (self._tolerance, self._share, self._empty, self._size):
            slider.observe(lambda _: self._new_model(), names="value")
        self._step.on_click(lambda _: self._advance(1))
        self._run.on_click(lambda _: self._advance(RUN_STEPS))
        self._reset.on_click(lambda _: self._new_model())
        super().__init__([light_box([self._tolerance, self._share], vertical=False),
                          light_box([self._empty, self._size], vertical=False),
                          light_box([self._step, self._run, self._reset], vertical=False),
                          self._status,
                          self._figure])
        self._draw()

    def _build_model(self) -> SchellingModel:
        return SchellingModel(size=self._size.value, share_a=self._share.value,
                              empty=self._empty.value, tolerance=self._tolerance.value,
                              seed=self.seed)

    def _new_model(self) -> None:
        self.model = self._build_model()
        self._notice = ""
        self._draw()

    def _advance(self, steps: int) -> None:
        if steps == 1:
            self.model.step()
            self._notice = ""
        else:
            taken = self.model.run(steps)
            self._notice = run_message(steps, taken, int(self.model.unhappy().sum()))
        self._draw()

    def _draw(self) -> None:
        m = self.model
        unhappy = int(m.unhappy().sum())
        notice = f" <b>{self._notice}</b>" if self._notice else ""
        self._status.value = (f"Stap {m.steps}: gemiddeld {m.similar_share():.0%} van de buren hoort "
                              f"bij de eigen groep (begin: {m.history[0]:.0%}). "
                              f"{unhappy} huishoudens willen verhuizen.{notice}")
        alt = (f"Links het raster na stap {m.steps}; rechts het aandeel gelijke buren per stap, van "
               f"{m.history[0]:.0%} naar {m.history[-1]:.0%}. {unhappy} huishoudens willen verhuizen.")
        key = {"raster": m.grid.tolist(), "verloop": [float(v) for v in m.history]}
        self._figure.draw(key, alt + (f" {self._notice}" if self._notice else ""),
                          lambda chart: chart.update(m))

    @property
    def chart(self) -> SchellingChart:
        return self._figure.chart


def _percent_choice(label: str, value: float, low: float, high: float, step: float,
                    tooltip: str) -> widgets.Dropdown:
    """A labelled dropdown of percentages (its value is the fraction, e.g. 0.3)."""
    count = round((high - low) / step)
    options = [(f"{round(100 * (low + i * step))}%", round(low + i * step, 4)) for i in range(count + 1)]
    return widgets.Dropdown(options=options, value=round(value, 4), description=label,
                            tooltip=tooltip, layout=shared_layout(width="auto"),
                            style=description_style())
