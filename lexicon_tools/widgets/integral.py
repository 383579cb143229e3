"""Integraal werken view: choose a regisseur, write the one plan, see before and after."""

__all__ = ["IntegralCaseView"]

import html

import ipywidgets as widgets

from ..answers import AnswerStore
from ..exercises import IntegralCaseSpec, question as find_question
from ..integral_case import IntegralCase, IntegralChart, describe_integral_case
from .choices import chosen, shown, with_placeholder
from .figure import FigureView
from .saved import saved_data_notice
from .style import Panel


class IntegralCaseView(Panel):
    """A household and its professionals: before and after 'één huishouden, één plan, één regisseur'."""

    css_classes = ("lt-integraal",)

    def __init__(self, spec_id: str, store: AnswerStore | None = None, exercises_folder=None):
        self.spec = find_question(spec_id, exercises_folder, kind=IntegralCaseSpec)
        self.store = store
        self.model = IntegralCase([p.naam for p in self.spec.professionals])
        problems = self.model.restore(store.get_data(self.spec.id) if store else None)
        people = "".join(f"<li><b>{html.escape(p.naam)}</b> ({html.escape(p.organisatie)}): "
                         f"{html.escape(p.taak)}</li>" for p in self.spec.professionals)
        self._regisseur = widgets.Dropdown(
            options=with_placeholder([(n, n) for n in self.model.professionals], "— kies de regisseur —"),
            value=shown(self.model.regisseur), description="Regisseur",
            layout=widgets.Layout(width="30em", max_width="100%"))
        self._plan = widgets.Textarea(value=self.model.plan, description="Het plan",
                                      placeholder="Wat zijn de doelen van het huishouden, wie doet wat?",
                                      layout=widgets.Layout(width="98%", height="8em"))
        self._figure = FigureView(chart=lambda: IntegralChart(self.model), kind="integraal")
        self._regisseur.observe(lambda change: self._on_regisseur(chosen(change["new"])), names="value")
        self._plan.observe(lambda change: self._on_plan(change["new"]), names="value")
        super().__init__([
            widgets.HTML(f"<p><i>Het huishouden.</i> {html.escape(self.spec.huishouden)}</p>"
                         f"<p>Professionals rond dit huishouden:</p><ul>{people}</ul>"
                         f"<p>{html.escape(self.spec.vraag)}</p>"),
            widgets.HTML(saved_data_notice(store, problems)), self._regisseur, self._figure,
            self._plan])
        self._draw()

    def _on_regisseur(self, name) -> None:
        self.model.choose_regisseur(name)
        self._draw()
        self._save()

    def _on_plan(self, text: str) -> None:
        self.model.plan = text
        self._save()

    def _save(self) -> None:
        if self.store is not None:
            self.store.set(self.spec.id, self.model.summary(), question=self.spec.vraag,
                           data=self.model.to_data())

    @property
    def chart(self) -> IntegralChart:
        return self._figure.chart

    def _draw(self) -> None:
        key = {"professionals": list(self.model.professionals), "regisseur": self.model.regisseur}
        self._figure.draw(key, describe_integral_case(self.model), self.chart_update)

    def chart_update(self, chart: IntegralChart) -> bool:
        return chart.update(self.model)
