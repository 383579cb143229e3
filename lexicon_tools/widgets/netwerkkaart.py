"""Netwerkkaart view: build your own network and see bonding/bridging/linking.

The student's own map is the only thing that is ever saved. An example person (a *persona*) is
shown beside it, read-only: choosing "Kim" never replaces or saves over the student's ties.
Saved data of another shape is read as far as possible; what cannot be read is kept apart in the
answers file and the student is told so in Dutch.
"""

__all__ = ["NetworkMapView"]

import html

import ipywidgets as widgets

from ..answers import AnswerStore
from ..errors import LexiconError
from ..exercises import TIE_KINDS, NetworkMapSpec, question as find_question
from ..network_map import (CLOSENESS, RULES, NetworkMap, Tie, describe_network_map,
                           draw_network_map, ties_from_saved)
from .figure import FigureView
from .style import (NEUTRAL, NOTHING, PLACEHOLDER, RIGHT, WRONG, Panel, button_style,
                    checkbox_style, choice_dropdown, chosen, description_style, html_text,
                    notices_html, shared_layout, show_choice, style_sheet, text_style)

QUESTION = "Netwerkkaart: mijn banden en hun soort sociaal kapitaal"
_WIDE = {"description_width": "initial"}


def _row(*children, align: str = "center") -> widgets.HBox:
    """Children side by side that wrap onto the next line on a narrow screen."""
    return widgets.HBox(list(children), layout=shared_layout(flex_flow="row wrap", align_items=align),
                        _dom_classes=("lt-wrap",))


def _reading_html(network: NetworkMap) -> str:
    return "".join(f"<p>{html.escape(line)}</p>" for line in network.reading())


class NetworkMapView(Panel):
    """The netwerkkaart: a form to add ties, the drawing and a reading; an example beside it."""

    css_classes = ("lt-netwerkkaart", "lt-widget")

    def __init__(self, spec_id: str = "netwerkkaart", store: AnswerStore | None = None,
                 exercises_folder=None):
        self.spec = find_question(spec_id, exercises_folder, kind=NetworkMapSpec)
        self.store = store
        self.model = NetworkMap(self._restore())
        self.example: NetworkMap | None = None
        self._removed: tuple[int, Tie] | None = None
        self._build_form()
        self._build_example()
        self._figure = FigureView(kind="netwerkkaart")
        self._reading = html_text()
        own = widgets.VBox([html_text("<h4 style='margin:4px 0'>Jouw kaart</h4>"), self._notice,
                            self._form, self._figure, self._reading],
                           layout=shared_layout(flex="1 1 400px", min_width="0"))
        rules = "".join(f"<li>{html.escape(r)}</li>" for r in RULES)
        super().__init__([
            style_sheet(),
            html_text(f"<details><summary>Zo bepalen we het soort kapitaal</summary><ol>{rules}"
                         "</ol><small>Onze vertaling van het lemma naar regels; echte netwerken "
                         "zijn minder scherp.</small></details>"),
            self._persona, _row(own, self._example_box, align="flex-start")])
        self._refresh(save=False)

    # -- building ------------------------------------------------------------------------------
    def _build_form(self) -> None:
        self._name = widgets.Text(description="Naam", placeholder="bijv. Oma of huisarts",
                                  style=text_style(**_WIDE),
                                  layout=shared_layout(width="auto", min_width="16em"))
        self._kind = choice_dropdown([(PLACEHOLDER, None)] + [(k, k) for k in TIE_KINDS],
                                     description="Soort band", style=description_style(**_WIDE),
                                     layout=shared_layout(width="auto"))
        self._close = widgets.RadioButtons(
            options=[(f"{n} · {word}", n) for n, word in CLOSENESS.items()], value=2,
            description="Nabijheid", style=description_style(**_WIDE),
            layout=shared_layout(width="auto"))
        self._close.add_class("lt-rij")
        self._alike = widgets.Checkbox(description="Lijkt veel op mij", indent=False,
                                       layout=shared_layout(width="auto"), style=checkbox_style())
        self._access = widgets.Checkbox(description="Geeft toegang tot een instelling of invloed",
                                        indent=False, layout=shared_layout(width="auto"),
                                        style=checkbox_style())
        self._add = widgets.Button(description="Voeg toe", button_style="primary", icon="plus",
                                   layout=shared_layout(width="auto"), style=button_style())
        self._remove = choice_dropdown([("— kies wie —", None)], description="Haal weg",
                                       style=description_style(**_WIDE),
                                       layout=shared_layout(width="auto", min_width="14em"))
        self._remove_button = widgets.Button(description="Verwijder", icon="trash",
                                             layout=shared_layout(width="auto"),
                                             style=button_style())
        self._undo = widgets.Button(description="Zet terug", icon="undo",
                                    layout=widgets.Layout(width="auto", display="none"))
        self._message = html_text()
        self._notice = html_text(self._restore_notice + notices_html(self.store, self.spec.id))
        self._add.on_click(self._on_add)
        self._remove_button.on_click(self._on_remove)
        self._undo.on_click(self._on_undo)
        self._form = widgets.VBox([
            _row(self._name, self._kind), self._close, _row(self._alike, self._access),
            _row(self._add, self._message), _row(self._remove, self._remove_button, self._undo)],
            layout=shared_layout())

    def _build_example(self) -> None:
        personas = [("— kies een voorbeeld —", None)] + [(p.naam, p.id) for p in self.spec.personas]
        self._persona = choice_dropdown(personas, description="Bekijk een voorbeeld",
                                        style=description_style(**_WIDE),
                                        layout=shared_layout(width="30em", max_width="100%"))
        self._example_text = html_text()
        self._example_figure = FigureView(kind="netwerkkaart")
        self._example_figure.clear()
        self._example_reading = html_text()
        self._persona.observe(self._on_persona, names="value")
        self._example_box = widgets.VBox(
            [html_text("<h4 style='margin:4px 0'>Voorbeeld (alleen bekijken)</h4>"),
             self._example_text, self._example_figure, self._example_reading],
            layout=widgets.Layout(flex="1 1 340px", min_width="0", border=f"1px dashed {NEUTRAL}",
                                  padding="4px 8px"))
        self._example_box.add_class("lt-voorbeeld")
        self._example_box.layout.display = "none"

    # -- restoring -----------------------------------------------------------------------------
    def _restore(self) -> list[Tie]:
        """The saved ties; unreadable records are kept apart and explained (never dropped)."""
        self._restore_notice = ""
        if self.store is None:
            return []
        ties, bad, notes = ties_from_saved(self.store.get_data(self.spec.id))
        if notes:
            kept = self._keep_unreadable(bad) if bad else ""
            self._restore_notice = (
                f"<div style='color:{WRONG}'>⚠ Je opgeslagen netwerkkaart in "
                f"{html.escape(self.store.path.name)} kon niet helemaal gelezen worden: "
                f"{html.escape('; '.join(notes))}. {kept}De rest van je kaart staat hieronder; "
                "pas aan wat niet klopt.</div>")
        return ties

    def _keep_unreadable(self, bad: list) -> str:
        key = f"_{self.spec.id}-onleesbaar"
        kept = self.store.get_data(key)
        kept = list(kept) if isinstance(kept, list) else []
        kept += [record for record in bad if record not in kept]
        self.store.set(key, "Onleesbare delen van de netwerkkaart", question="Netwerkkaart "
                       "(onleesbaar, bewaard)", data=kept)
        return "Wat onleesbaar was, is apart bewaard in hetzelfde bestand. "

    # -- actions -------------------------------------------------------------------------------
    def _on_add(self, _button=None) -> None:
        if chosen(self._kind.value) is None:
            self._show_message("Kies eerst een soort band.")
            return
        try:
            self.model.add(Tie(self._name.value.strip(), self._kind.value, self._close.value,
                               self._alike.value, self._access.value))
        except LexiconError as exc:
            self._show_message(str(exc))
            return
        self._message.value = ""
        self._name.value = ""
        self._refresh()

    def _show_message(self, text: str) -> None:
        self._message.value = f"<span style='color:{WRONG}'>{html.escape(text)}</span>"

    def _on_remove(self, _button=None) -> None:
        name = chosen(self._remove.value)
        if not name:
            self._show_message("Kies eerst wie je van je kaart wilt halen.")
            return
        index = self._names().index(name)
        self._removed = (index, self.model.ties[index])
        self.model.remove(name)
        self._message.value = (f"<span style='color:{NEUTRAL}'>{html.escape(name)} is van je kaart "
                               "gehaald. Vergist? Klik op <i>Zet terug</i>.</span>")
        self._undo.layout.display = None
        self._refresh()

    def _on_undo(self, _button=None) -> None:
        if self._removed is None:
            return
        index, tie = self._removed
        if tie.naam.lower() not in (n.lower() for n in self._names()):
            self.model.ties.insert(min(index, len(self.model.ties)), tie)
        self._removed = None
        self._undo.layout.display = "none"
        self._message.value = f"<span style='color:{RIGHT}'>{html.escape(tie.naam)} staat weer op je kaart.</span>"
        self._refresh()

    def _on_persona(self, change) -> None:
        """Show an example person's map beside the student's own; the own map is not touched."""
        persona = next((p for p in self.spec.personas if p.id == chosen(change["new"])), None)
        if persona is None:
            self.example = None
            self._example_text.value = self._example_reading.value = ""
            self._example_figure.clear()
            self._example_box.layout.display = "none"
            return
        self._example_box.layout.display = None
        self.example = NetworkMap([Tie(**tie.model_dump()) for tie in persona.banden])
        self._example_text.value = (
            f"<p><i>{html.escape(persona.beschrijving)}</i></p><p><small>Alleen om te bekijken: "
            f"de kaart van {html.escape(persona.naam)} verandert niets aan jouw kaart."
            "</small></p>")
        self._example_figure.show_drawing(
            {"voorbeeld": persona.naam, "banden": self.example.to_records()},
            lambda: self._example_drawing(persona.naam), describe_network_map(self.example),
            remember=True)
        self._example_reading.value = _reading_html(self.example).replace("Je kaart", "Deze kaart")

    def _example_drawing(self, name: str):
        ax = draw_network_map(self.example)
        ax.set_title(f"Voorbeeld: het netwerk van {name}")
        return ax.figure

    def _names(self) -> list[str]:
        return [t.naam for t in self.model.ties]

    def _refresh(self, save: bool = True) -> None:
        self._remove.options = [("— kies wie —", NOTHING)] + [(n, n) for n in self._names()]
        show_choice(self._remove, None)
        self._figure.show_drawing({"banden": self.model.to_records()},
                                  lambda: draw_network_map(self.model).figure,
                                  describe_network_map(self.model), remember=not save)
        self._reading.value = _reading_html(self.model)
        if save and self.store is not None:
            text = "\n".join(f"- {t.naam} ({t.soort}, nabijheid {t.nabijheid}): {c}"
                             for t, c in self.model.classified())
            self.store.set(self.spec.id, text, question=QUESTION, data=self.model.to_records())
            self._notice.value = notices_html(self.store, self.spec.id)
