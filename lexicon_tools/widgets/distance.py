"""Bogardus scale view: a dropdown per group, the scores drawn, an anonymous export button."""

__all__ = ["DistanceScaleView"]

import html

import ipywidgets as widgets

from ..answers import AnswerStore
from ..distance_scale import NOT_ACCEPTED, NOT_ACCEPTED_LABEL, DistanceScale, draw_distance_scores
from ..exercises import DistanceScaleSpec, question as find_question
from ..loading import load_lexicon
from .style import WRONG
from .figure import FigureView


class DistanceScaleView(widgets.VBox):
    """For each group the closest accepted relation; shows the distance scores as a chart."""

    def __init__(self, spec_id: str = "sociale-afstand-schaal", store: AnswerStore | None = None,
                 exercises_folder=None):
        spec = find_question(spec_id, exercises_folder, kind=DistanceScaleSpec)
        model = load_lexicon().model(spec.model)
        levels = [(level.id, level.label) for level in model.niveaus]
        self.model = DistanceScale(spec.groepen, levels, store, spec.id, spec.vraag)
        options = [("— kies —", None)] + [(f"{n}. {label}", lid) for n, (lid, label)
                                          in enumerate(levels, start=1)]
        options.append((f"{len(levels) + 1}. {NOT_ACCEPTED_LABEL}", NOT_ACCEPTED))
        self._dropdowns = {}
        rows = []
        for group in spec.groepen:
            dropdown = widgets.Dropdown(options=options, value=self.model.choices[group],
                                        description=group, style={"description_width": "16em"},
                                        layout=widgets.Layout(width="40em"))
            dropdown.observe(self._on_choice(group), names="value")
            self._dropdowns[group] = dropdown
            rows.append(dropdown)
        self._chart = FigureView()
        self._export = widgets.Button(description="Exporteer anoniem", icon="download",
                                      tooltip="Schrijft je scores zonder naam naar een CSV-bestand")
        self._result = widgets.HTML()
        self._export.on_click(self._on_export)
        super().__init__([widgets.HTML(f"<p>{html.escape(spec.vraag)}</p>"), *rows, self._chart,
                          widgets.HBox([self._export, self._result])])
        self.add_class("lt-afstandsschaal")
        self._draw()

    def _on_choice(self, group):
        def handler(change):
            self.model.choose(group, change["new"])
            self._draw()
        return handler

    def _draw(self) -> None:
        scores = {g: s for g, s in self.model.scores().items() if s is not None}
        if not scores:
            self._chart.clear()
            return
        ax = draw_distance_scores(scores, self.model.levels, title="Jouw sociale afstand per groep")
        text = "; ".join(f"{g}: {s}" for g, s in sorted(scores.items(), key=lambda kv: kv[1]))
        self._chart.show(ax.figure, f"scores van dichtbij (1) naar ver "
                                    f"({len(self.model.levels) + 1}): {text}")

    def _on_export(self, _button=None) -> None:
        try:
            path = self.model.export_csv()
        except OSError as exc:
            self._result.value = f"<span style='color:{WRONG}'>Exporteren lukte niet: {html.escape(str(exc))}</span>"
            return
        name = html.escape(path.name)
        self._result.value = f"Klaar: <a href='{name}' target='_blank'>{name}</a> (zonder je naam)."
