"""Bogardus scale view: a dropdown per group, the scores drawn, an anonymous export button."""

__all__ = ["DistanceScaleView"]

import html

import ipywidgets as widgets

from ..answers import AnswerStore
from ..distance_scale import NOT_ACCEPTED, NOT_ACCEPTED_LABEL, DistanceChart, DistanceScale
from ..exercises import DistanceScaleSpec, question as find_question
from ..loading import load_lexicon
from .style import (WRONG, Panel, button_style, description_style, html_text, shared_layout)
from .choices import chosen, shown, with_placeholder
from .figure import FigureView


# Long group names wrap onto two lines instead of being cut off ("mensen met een andere relig…").
WRAP_LABELS = ("<style>.lt-lang-label.widget-dropdown{height:auto;min-height:var(--jp-widgets-inline-height)}"
               ".lt-lang-label > .widget-label{white-space:normal;overflow:visible;"
               "text-overflow:clip;line-height:1.25;height:auto}</style>")


class DistanceScaleView(Panel):
    """For each group the closest accepted relation; shows the distance scores as a chart."""

    css_classes = ("lt-afstandsschaal",)

    def __init__(self, spec_id: str = "sociale-afstand-schaal", store: AnswerStore | None = None,
                 exercises_folder=None):
        spec = find_question(spec_id, exercises_folder, kind=DistanceScaleSpec)
        model = load_lexicon().model(spec.model)
        levels = [(level.id, level.label) for level in model.niveaus]
        self.model = DistanceScale(spec.groepen, levels, store, spec.id, spec.vraag)
        options = with_placeholder([(f"{n}. {label}", lid) for n, (lid, label)
                                    in enumerate(levels, start=1)])
        options.append((f"{len(levels) + 1}. {NOT_ACCEPTED_LABEL}", NOT_ACCEPTED))
        self._dropdowns = {}
        rows = []
        for group in spec.groepen:
            dropdown = widgets.Dropdown(options=options, value=shown(self.model.choices[group]),
                                        description=group,
                                        style=description_style(description_width="18em"),
                                        layout=shared_layout(width="46em", max_width="100%"),
                                        _dom_classes=("lt-lang-label",))
            dropdown.observe(self._on_choice(group), names="value")
            self._dropdowns[group] = dropdown
            rows.append(dropdown)
        self._levels, self._groups = levels, list(spec.groepen)
        self._figure = FigureView(chart=lambda: DistanceChart(self._groups, self._levels,
                                                             title=self._title),
                                 kind="afstandsschaal")
        self._export = widgets.Button(description="Exporteer anoniem", icon="download",
                                      tooltip="Schrijft je scores zonder naam naar een CSV-bestand",
                                      layout=shared_layout(width="auto"), style=button_style())
        self._result = html_text()
        self._export.on_click(self._on_export)
        super().__init__([html_text(f"{WRAP_LABELS}<p>{html.escape(spec.vraag)}</p>"), *rows, self._figure,
                          widgets.HBox([self._export, self._result], layout=shared_layout())])
        self._draw()

    def _on_choice(self, group):
        def handler(change):
            self.model.choose(group, chosen(change["new"]))
            self._draw()
        return handler

    _title = "Jouw sociale afstand per groep"

    @property
    def chart(self) -> DistanceChart:
        return self._figure.chart

    def _draw(self) -> None:
        scores = self.model.scores()
        chosen = {g: s for g, s in scores.items() if s is not None}
        text = "; ".join(f"{g}: {s}" for g, s in sorted(chosen.items(), key=lambda kv: kv[1]))
        open_groups = len(scores) - len(chosen)
        key = {"titel": self._title, "groepen": self._groups, "niveaus": self._levels,
               "scores": [scores.get(group) for group in self._groups]}
        alt = (f"Staafdiagram van je scores van dichtbij (1) naar ver "
               f"({len(self.model.levels) + 1}): {text or 'nog geen keuzes'}"
               + (f"; {open_groups} groep(en) nog niet gekozen." if open_groups else "."))
        self._figure.draw(key, alt, lambda chart: chart.update(scores))

    def _on_export(self, _button=None) -> None:
        try:
            path = self.model.export_csv()
        except OSError as exc:
            self._result.value = f"<span style='color:{WRONG}'>Exporteren lukte niet: {html.escape(str(exc))}</span>"
            return
        name = html.escape(path.name)
        self._result.value = f"Klaar: <a href='{name}' target='_blank'>{name}</a> (zonder je naam)."
