"""Netwerkkaart view: build your own network (or load a persona) and see bonding/bridging/linking."""

__all__ = ["NetworkMapView"]

import html

import ipywidgets as widgets

from ..answers import AnswerStore
from ..errors import LexiconError
from ..exercises import TIE_KINDS, NetworkMapSpec, question as find_question
from ..network_map import RULES, NetworkMap, Tie, describe_network_map, draw_network_map
from .style import WRONG
from .figure import FigureView

QUESTION = "Netwerkkaart: mijn banden en hun soort sociaal kapitaal"


class NetworkMapView(widgets.VBox):
    """The netwerkkaart: a form to add ties, a persona picker, the drawing and a reading."""

    def __init__(self, spec_id: str = "netwerkkaart", store: AnswerStore | None = None,
                 exercises_folder=None):
        self.spec = find_question(spec_id, exercises_folder, kind=NetworkMapSpec)
        self.store = store
        saved = store.get_data(self.spec.id) if store else None
        self.model = NetworkMap.from_records(saved or [])
        self._name = widgets.Text(description="Naam", placeholder="bijv. Oma, buurman Ali, huisarts")
        self._kind = widgets.Dropdown(options=TIE_KINDS, description="Soort band")
        self._close = widgets.IntSlider(value=2, min=1, max=3, description="Nabijheid",
                                        tooltip="1 = op afstand, 3 = heel dichtbij")
        self._alike = widgets.Checkbox(description="Lijkt veel op mij", indent=False)
        self._access = widgets.Checkbox(description="Geeft toegang tot een instelling of invloed",
                                        indent=False)
        self._add = widgets.Button(description="Voeg toe", button_style="primary", icon="plus")
        self._remove = widgets.Dropdown(description="Verwijder", options=self._names())
        self._remove_button = widgets.Button(description="Verwijder", icon="trash")
        personas = [("— kies een voorbeeld —", None)] + [(p.naam, p.id) for p in self.spec.personas]
        self._persona = widgets.Dropdown(options=personas, description="Voorbeeld")
        self._message = widgets.HTML()
        self._figure = FigureView()
        self._reading = widgets.HTML()
        self._add.on_click(self._on_add)
        self._remove_button.on_click(self._on_remove)
        self._persona.observe(self._on_persona, names="value")
        rules = "".join(f"<li>{html.escape(r)}</li>" for r in RULES)
        form = widgets.VBox([widgets.HBox([self._name, self._kind]),
                             widgets.HBox([self._close, self._alike, self._access]),
                             widgets.HBox([self._add, self._message])])
        super().__init__([
            widgets.HTML(f"<details><summary>Zo bepalen we het soort kapitaal</summary><ol>{rules}"
                         "</ol><small>Onze vertaling van het lemma naar regels; echte netwerken "
                         "zijn minder scherp.</small></details>"),
            self._persona, form, widgets.HBox([self._remove, self._remove_button]),
            self._figure, self._reading])
        self.add_class("lt-netwerkkaart")
        self._refresh(save=False)

    def _names(self) -> list[str]:
        return [t.naam for t in self.model.ties]

    def _on_add(self, _button=None) -> None:
        try:
            self.model.add(Tie(self._name.value.strip(), self._kind.value, self._close.value,
                               self._alike.value, self._access.value))
        except LexiconError as exc:
            self._message.value = f"<span style='color:{WRONG}'>{html.escape(str(exc))}</span>"
            return
        self._message.value = ""
        self._name.value = ""
        self._refresh()

    def _on_remove(self, _button=None) -> None:
        if self._remove.value:
            self.model.remove(self._remove.value)
            self._refresh()

    def _on_persona(self, change) -> None:
        persona = next((p for p in self.spec.personas if p.id == change["new"]), None)
        if persona is None:
            return
        self.model = NetworkMap([Tie(**tie.model_dump()) for tie in persona.banden])
        self._message.value = f"<i>{html.escape(persona.beschrijving)}</i>"
        self._refresh()

    def _refresh(self, save: bool = True) -> None:
        self._remove.options = self._names()
        ax = draw_network_map(self.model)
        self._figure.show(ax.figure, describe_network_map(self.model))
        self._reading.value = "".join(f"<p>{html.escape(line)}</p>" for line in self.model.reading())
        if save and self.store is not None:
            text = "\n".join(f"- {t.naam} ({t.soort}, nabijheid {t.nabijheid}): {c}"
                             for t, c in self.model.classified())
            self.store.set(self.spec.id, text, question=QUESTION, data=self.model.to_records())
