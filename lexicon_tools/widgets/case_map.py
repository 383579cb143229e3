"""Case map view: pick a party on the map, read its goal and approach, work out the steps."""

__all__ = ["CaseMapView"]

import html

import ipywidgets as widgets

from ..answers import AnswerStore
from ..case_map import CaseMap, CaseMapChart, describe_case_map
from ..exercises import CaseMapSpec, question as find_question
from ..loading import load_lexicon
from .choices import chosen, shown, with_placeholder
from .figure import FigureView
from .saved import saved_data_notice
from .style import Panel


class CaseMapView(Panel):
    """A wicked-problem case as a network, with the boundary spanner's steps as a worksheet."""

    css_classes = ("lt-casuskaart",)

    def __init__(self, spec_id: str, store: AnswerStore | None = None, exercises_folder=None):
        self.spec = find_question(spec_id, exercises_folder, kind=CaseMapSpec)
        self.store = store
        self._loading = False
        steps = [(level.id, level.label) for level in load_lexicon().model(self.spec.model).niveaus]
        self._explain = {level.id: level.uitleg for level in load_lexicon().model(self.spec.model).niveaus}
        self._parties = {p.id: p for p in self.spec.partijen}
        self._names = {p.id: p.naam for p in self.spec.partijen}
        self._stances = {p.id: p.standpunt for p in self.spec.partijen}
        self.model = CaseMap(self.spec.centrum, self.spec.verbinder, list(self._parties), steps)
        problems = self.model.restore(store.get_data(self.spec.id) if store else None)
        self._figure = FigureView(chart=lambda: CaseMapChart(self.model, self._names, self._stances),
                                  kind="casuskaart")
        self._party = widgets.Dropdown(options=with_placeholder([], "— kies een partij —")
                                       + [(p.naam, p.id) for p in self.spec.partijen],
                                       value=shown(self.model.selected), description="Partij",
                                       layout=widgets.Layout(width="auto", max_width="100%"))
        self._party_text = widgets.HTML()
        first_id, first_label = steps[0]
        self._first = widgets.Textarea(value=self.model.text(first_id), description="",
                                       placeholder="Wat is de uitdaging van het sociaal team, en welke richting zie je?",
                                       layout=widgets.Layout(width="98%", height="5em"))
        self._first.observe(lambda c: self._write(first_id, c["new"]), names="value")
        self._areas = {}
        rows = []
        for step_id, label in steps[1:]:
            area = widgets.Textarea(layout=widgets.Layout(width="98%", height="5em"),
                                    placeholder="Kies eerst een partij…")
            area.observe(self._on_step(step_id), names="value")
            self._areas[step_id] = area
            rows += [widgets.HTML(f"<b>{html.escape(label)}</b> <small>{html.escape(self._explain[step_id])}</small>"),
                     area]
        self._party.observe(self._on_party, names="value")
        super().__init__([
            widgets.HTML(f"<p><i>Casus.</i> {html.escape(self.spec.casus)}</p>"
                         f"<p>{html.escape(self.spec.vraag)}</p>"),
            widgets.HTML(saved_data_notice(store, problems)), self._figure,
            widgets.HTML(f"<b>Stap 1. {html.escape(first_label)}</b> <small>{html.escape(self._explain[first_id])}</small>"),
            self._first, self._party, self._party_text, *rows])
        self._show_party()

    def _write(self, step: str, text: str, party: str | None = None) -> None:
        self.model.write(step, text, party)
        if self.store is not None:
            self.store.set(self.spec.id, self.model.summary(self._names), question=self.spec.vraag,
                           data=self.model.to_data())

    def _on_step(self, step_id):
        def handler(change):
            if self._loading or self.model.selected is None:
                return
            self._write(step_id, change["new"])
        return handler

    def _on_party(self, change) -> None:
        self.model.select(chosen(change["new"]))
        self._show_party()
        if self.store is not None:
            self.store.set(self.spec.id, self.model.summary(self._names), question=self.spec.vraag,
                           data=self.model.to_data())

    def _show_party(self) -> None:
        party = self._parties.get(self.model.selected)
        self._party_text.value = "" if party is None else (
            f"<div style='border-left:4px solid #56B4E9;padding-left:8px'><b>{html.escape(party.naam)}</b>"
            f" — standpunt: <i>{html.escape(party.standpunt)}</i><br>Doel: {html.escape(party.doel)}"
            f"<br>Aanpak: {html.escape(party.aanpak)}</div>")
        self._loading = True
        for step_id, area in self._areas.items():
            area.value = self.model.text(step_id) if party else ""
            area.disabled = party is None
            area.placeholder = f"Typ hier, voor: {party.naam}" if party else "Kies eerst een partij…"
        self._loading = False
        key = {"centrum": self.spec.centrum, "verbinder": self.spec.verbinder,
               "partijen": list(self._parties), "namen": self._names, "standpunten": self._stances,
               "gekozen": self.model.selected}
        self._figure.draw(key, describe_case_map(self.model, self._names, self._stances),
                          self.chart_update)

    @property
    def chart(self) -> CaseMapChart:
        return self._figure.chart

    def chart_update(self, chart: CaseMapChart) -> bool:
        chart.update(self.model)
        return False
