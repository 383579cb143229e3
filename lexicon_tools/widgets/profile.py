"""Profile rating view: toggle buttons per dimension and profile, the profile drawn, saved."""

__all__ = ["ProfileView"]

import html

import ipywidgets as widgets

from ..answers import AnswerStore
from ..exercises import ProfileSpec, question as find_question
from ..loading import load_lexicon
from ..profile import Dim, ProfileChart, ProfileRating, describe_profiles
from .figure import FigureView
from .saved import saved_data_notice
from .style import (Panel, html_text, shared_layout, text_style, toggle_style)


def dimensions_for(spec: ProfileSpec) -> list[Dim]:
    if spec.dimensies is not None:
        return [Dim(d.id, d.label, d.links, d.rechts) for d in spec.dimensies]
    return [Dim(level.id, level.label) for level in load_lexicon().model(spec.model).niveaus]


class ProfileView(Panel):
    """Rate one or more places (or relationships) on the dimensions of a model and compare them."""

    css_classes = ("lt-profiel",)

    def __init__(self, spec_id: str, store: AnswerStore | None = None, exercises_folder=None):
        self.spec = find_question(spec_id, exercises_folder, kind=ProfileSpec)
        self.store = store
        self.model = ProfileRating(dimensions_for(self.spec), list(self.spec.profielen),
                                   self.spec.minimum, self.spec.maximum)
        problems = self.model.restore(store.get_data(self.spec.id) if store else None)
        values = list(range(self.spec.minimum, self.spec.maximum + 1))
        self._names, self._buttons, columns = [], {}, []
        for index, name in enumerate(self.model.names):
            name_box = widgets.Text(value=name, description="Naam", continuous_update=False,
                                    layout=shared_layout(), style=text_style())
            name_box.observe(self._on_name(index), names="value")
            self._names.append(name_box)
            rows = [name_box]
            for dim in self.model.dimensions:
                label = dim.label if not dim.links else f"{dim.links} ↔ {dim.rechts}"
                buttons = widgets.ToggleButtons(options=values, value=self.model.ratings[index][dim.id],
                                                style=toggle_style(button_width="2.6em"),
                                                layout=shared_layout(),
                                                tooltips=[str(v) for v in values])
                buttons.observe(self._on_rate(index, dim.id), names="value")
                self._buttons[(index, dim.id)] = buttons
                rows += [html_text(f"<small>{html.escape(label)}</small>"), buttons]
            columns.append(widgets.VBox(rows, layout=shared_layout(margin="0 1.5em 0 0")))
        self._figure = FigureView(chart=lambda: ProfileChart(self.model, title="Jouw profiel"),
                                  kind="profiel")
        scale = f"{self.spec.minimum} = heel zwak, {self.spec.maximum} = heel sterk" \
            if self.spec.dimensies is None else f"schaal {self.spec.minimum} tot {self.spec.maximum}"
        case = f"<p><i>Casus.</i> {html.escape(self.spec.casus)}</p>" if self.spec.casus else ""
        super().__init__([html_text(f"{case}<p>{html.escape(self.spec.vraag)} <small>({scale})</small></p>"),
                          html_text(saved_data_notice(store, problems)),
                          widgets.HBox(columns, layout=shared_layout(flex_flow="row wrap")),
                          self._figure])
        self._refresh(save=False)

    def _on_name(self, index):
        def handler(change):
            self.model.rename(index, change["new"])
            self._refresh()
        return handler

    def _on_rate(self, index, dim_id):
        def handler(change):
            self.model.rate(index, dim_id, change["new"])
            self._refresh()
        return handler

    @property
    def chart(self) -> ProfileChart:
        return self._figure.chart

    def _drawing_key(self) -> dict:
        return {"titel": "Jouw profiel", "dimensies": [vars(d) for d in self.model.dimensions],
                "namen": list(self.model.names), "scores": self.model.ratings,
                "schaal": [self.model.minimum, self.model.maximum]}

    def _refresh(self, save: bool = True) -> None:
        self._figure.draw(self._drawing_key(), describe_profiles(self.model),
                          lambda chart: chart.update(self.model))
        if save and self.store is not None:
            self.store.set(self.spec.id, self.model.summary(), question=self.spec.vraag,
                           data=self.model.to_data())
