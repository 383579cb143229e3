"""Straatscan view: choose a place, set rungs per group, pick levers and roles, write an action."""

__all__ = ["StraatscanView"]

import html

import ipywidgets as widgets

from ..answers import AnswerStore
from ..errors import LexiconError
from ..exercises import StraatscanSpec, question as find_question
from ..loading import load_lexicon
from ..straatscan import Straatscan, StraatscanChart
from .style import WRONG, Panel
from .choices import chosen, shown, with_placeholder
from .figure import FigureView
from .saved import saved_data_notice

QUESTION = "Straatscan op de ladder van onderlinge verbintenissen"
OWN_PLACE = "eigen"


class StraatscanView(Panel):
    """The straatscan: where is the street now, what is desirable and realistic, what can be done."""

    css_classes = ("lt-straatscan",)

    def __init__(self, spec_id: str = "ladder-straatscan", store: AnswerStore | None = None,
                 exercises_folder=None, levers_model: str = "aangrijpingspunten-attentheid",
                 roles_model: str = "rollen-attentheid"):
        self.spec = find_question(spec_id, exercises_folder, kind=StraatscanSpec)
        lex = load_lexicon()
        ladder = lex.model(self.spec.model)
        self._rungs = [level.label for level in ladder.niveaus]
        undesirable = {n for n, level in enumerate(ladder.niveaus, start=1) if level.wenselijk is False}
        self.store = store
        problems: list[str] = []
        self.model = Straatscan.from_data(store.get_data(self.spec.id) if store else None,
                                          self._rungs, undesirable, problems)
        places = [(c.naam, c.id) for c in self.spec.casussen] + [("Mijn eigen straat of buurt", OWN_PLACE)]
        self._case = {c.id: c for c in self.spec.casussen}
        self._place = widgets.Dropdown(options=places, description="Plek",
                                       value=self._place_value(), layout=widgets.Layout(width="auto"))
        own = self.model.plek if self._place_value() == OWN_PLACE else self.model.eigen_plek
        self._own = widgets.Text(description="Naam", placeholder="bijv. de Oranjestraat in Zwolle",
                                 continuous_update=False, value=own)
        self._case_text = widgets.HTML()
        rung_options = with_placeholder([(f"{n}. {r}", n) for n, r in enumerate(self._rungs, start=1)])
        self._group = widgets.Dropdown(description="Groep", options=self._group_names())
        self._levels = {key: widgets.Dropdown(description=key.capitalize(), options=rung_options,
                                              layout=widgets.Layout(width="22em"))
                        for key in ("nu", "wenselijk", "haalbaar")}
        self._new_group = widgets.Combobox(placeholder="nieuwe groep bewoners",
                                           options=list(self.spec.groepen), ensure_option=False)
        self._add_group = widgets.Button(description="Groep toevoegen", icon="plus",
                                         layout=widgets.Layout(width="auto"))
        self._levers = self._checkboxes(lex.model(levers_model), self.model.hefbomen)
        self._roles = self._checkboxes(lex.model(roles_model), self.model.rollen)
        self._action = widgets.Textarea(value=self.model.actie, description="Actie",
                                        placeholder="Wat kan een sociaal werker hier doen, en waarom?",
                                        layout=widgets.Layout(width="98%", height="7em"))
        self._undesirable = sorted(undesirable)
        self._figure = FigureView(chart=lambda: StraatscanChart(self._rungs, set(self._undesirable)),
                                  kind="straatscan")
        self._hints = widgets.HTML()
        self._message = widgets.HTML(saved_data_notice(store, problems))
        self._export = widgets.Button(description="Exporteer anoniem", icon="download",
                                      layout=widgets.Layout(width="auto"))
        self._wire()
        super().__init__([
            widgets.HTML(f"<p>{html.escape(self.spec.vraag)}</p>"),
            widgets.HBox([self._place, self._own]), self._case_text,
            widgets.HBox([self._group, self._new_group, self._add_group]),
            widgets.HBox(list(self._levels.values())), self._message, self._figure, self._hints,
            widgets.HTML("<b>Hefbomen</b> (aangrijpingspunten uit het lemma)"),
            widgets.VBox(list(self._levers.values())),
            widgets.HTML("<b>Rollen</b> van de professional"), widgets.VBox(list(self._roles.values())),
            self._action, self._export])
        self._show_group()
        self._refresh(save=False)

    # -- building ------------------------------------------------------------------------------
    def _place_value(self) -> str:
        by_name = {c.naam: c.id for c in self.spec.casussen}
        return by_name.get(self.model.plek, OWN_PLACE if self.model.plek else self.spec.casussen[0].id)

    def _group_names(self) -> list[str]:
        return [g.groep for g in self.model.groepen]

    @staticmethod
    def _checkboxes(model, chosen: list[str]) -> dict:
        return {level.label: widgets.Checkbox(value=level.label in chosen, description=level.label,
                                              indent=False, tooltip=level.uitleg)
                for level in model.niveaus}

    def _wire(self) -> None:
        self._place.observe(lambda _: self._refresh(), names="value")
        self._own.observe(lambda _: self._refresh(), names="value")
        self._group.observe(lambda _: self._show_group(), names="value")
        for key, dropdown in self._levels.items():
            dropdown.observe(self._on_level(key), names="value")
        self._add_group.on_click(self._on_add_group)
        for box in [*self._levers.values(), *self._roles.values()]:
            box.observe(lambda _: self._refresh(), names="value")
        self._action.observe(lambda _: self._refresh(draw=False), names="value")
        self._export.on_click(self._on_export)

    # -- callbacks -----------------------------------------------------------------------------
    def _show_group(self) -> None:
        group = self.model.group(self._group.value)
        self._showing = True
        for key, dropdown in self._levels.items():
            dropdown.value = shown(getattr(group, key))
        self._showing = False

    def _on_level(self, key):
        def handler(change):
            if getattr(self, "_showing", False):
                return
            self.model.set_levels(self._group.value, **{key: chosen(change["new"])})
            self._refresh()
        return handler

    def _on_add_group(self, _button=None) -> None:
        try:
            self.model.add_group(self._new_group.value)
        except LexiconError as exc:
            self._message.value = f"<span style='color:{WRONG}'>{html.escape(str(exc))}</span>"
            return
        self._message.value = ""
        self._group.options = self._group_names()
        self._group.value = self.model.groepen[-1].groep
        self._new_group.value = ""
        self._refresh()

    def _on_export(self, _button=None) -> None:
        try:
            path = self.model.export_csv()
        except (OSError, ValueError) as exc:
            self._message.value = f"<span style='color:{WRONG}'>Exporteren lukte niet: {html.escape(str(exc))}</span>"
            return
        self._message.value = f"Klaar: <a href='{html.escape(path.name)}' target='_blank'>{html.escape(path.name)}</a> (zonder je naam)."

    def _refresh(self, save: bool = True, draw: bool = True) -> None:
        case = self._case.get(self._place.value)
        self._own.layout.display = "none" if case else None
        self.model.eigen_plek = self._own.value.strip()
        self.model.plek = case.naam if case else self.model.eigen_plek
        self._case_text.value = f"<i>{html.escape(case.beschrijving)}</i>" if case else ""
        self.model.hefbomen = [label for label, box in self._levers.items() if box.value]
        self.model.rollen = [label for label, box in self._roles.items() if box.value]
        self.model.actie = self._action.value
        self._hints.value = "".join(f"<div style='color:{WRONG}'>⚠ {html.escape(h)}</div>"
                                    for h in self.model.hints())
        if draw:
            self._draw()
        if save and self.store is not None:
            self.store.set(self.spec.id, self.model.summary(), question=QUESTION,
                           data=self.model.to_data())

    def _draw(self) -> None:
        groups = [(g.groep, {"nu": g.nu, "wenselijk": g.wenselijk, "haalbaar": g.haalbaar})
                  for g in self.model.groepen]
        title = f"Straatscan: {self.model.plek or 'mijn plek'}"
        key = {"treden": self._rungs, "onwenselijk": self._undesirable, "groepen": groups,
               "titel": title}
        self._figure.draw(key, self.model.summary(), lambda chart: chart.update(groups, title=title))

    @property
    def chart(self) -> StraatscanChart:
        return self._figure.chart
