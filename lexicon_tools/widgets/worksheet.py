"""Worksheets with several saved text fields on one case: step-by-step worksheets (e.g. the
omgekeerde toets) and perspective taking (what is at stake for each person in a case)."""

__all__ = ["TextFieldsModel", "Worksheet", "Perspectives"]

import html
import re

import ipywidgets as widgets

from ..answers import AnswerStore
from ..exercises import PerspectiveSpec, WorksheetSpec, question as find_question
from .style import (Panel, RIGHT, button_style, html_text, notices_html, shared_layout, status_html,
                    style_sheet, text_area)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "veld"


class TextFieldsModel:
    """Named text fields on one case, each saved under ``<id>-<field>`` in an AnswerStore.

    Examples
    --------
    >>> import tempfile
    >>> store = AnswerStore("demo", tempfile.mkdtemp(), delay=0)
    >>> model = TextFieldsModel("blad", [("stap-1", "Wat wil ze bereiken?")], store)
    >>> model.update("stap-1", "Zelf boodschappen doen.")
    >>> TextFieldsModel("blad", [("stap-1", "Wat wil ze bereiken?")], AnswerStore("demo", store.folder)).text("stap-1")
    'Zelf boodschappen doen.'
    """

    def __init__(self, spec_id: str, fields: list[tuple[str, str]], store: AnswerStore | None = None):
        self.spec_id, self.store = spec_id, store
        self.fields = dict(fields)
        self._texts = {key: "" for key in self.fields}
        for key, question in self.fields.items():
            if store is not None:
                store.describe(self.key(key), question)
                self._texts[key] = store.get(self.key(key))

    def key(self, field: str) -> str:
        return f"{self.spec_id}-{field}"

    def text(self, field: str) -> str:
        return self._texts[field]

    def update(self, field: str, text: str) -> None:
        self._texts[field] = text
        if self.store is not None:
            self.store.set(self.key(field), text, question=self.fields[field])

    def is_complete(self) -> bool:
        return all(text.strip() for text in self._texts.values())


def _text_area(value: str, placeholder: str, name: str) -> widgets.Textarea:
    """A text field with a visible, linked name (screen readers, axe), in the reading font."""
    return text_area(value, layout={"width": "98%", "height": "5.5em"},
                     style={"description_width": "initial"}, placeholder=placeholder,
                     continuous_update=True, description=name)


class Worksheet(Panel):
    """A case and one text field per step; everything is saved as you type."""

    css_classes = ("lt-werkblad", "lt-widget")

    def __init__(self, spec_id: str, store: AnswerStore | None = None, exercises_folder=None):
        spec = find_question(spec_id, exercises_folder, kind=WorksheetSpec)
        fields = [(step.id, f"{step.label}: {step.vraag}") for step in spec.stappen]
        self.model = TextFieldsModel(spec.id, fields, store)
        self._areas = {}
        rows = [html_text(f"<p><i>Casus.</i> {html.escape(spec.casus)}</p>"
                             f"<p>{html.escape(spec.vraag)}</p>")]
        for number, step in enumerate(spec.stappen, start=1):
            area = _text_area(self.model.text(step.id), "Typ hier…", f"Stap {number}")
            area.observe(self._on_text(step.id), names="value")
            self._areas[step.id] = area
            rows += [html_text(f"<b>Stap {number}. {html.escape(step.label)}</b><br>"
                                  f"{html.escape(step.vraag)}"), area]
        self._status = html_text()
        self._notices = html_text(notices_html(store))
        self._store = store
        self._typed = False
        if store is not None:
            store.on_change(self._on_saved)
        self._show_status()
        super().__init__([style_sheet(), *rows, self._status, self._notices], layout=shared_layout())

    def _on_text(self, field):
        def handler(change):
            self._typed = True
            self.model.update(field, change["new"])
            self._show_status()
        return handler

    def _on_saved(self, store) -> None:
        self._notices.value = notices_html(store)
        self._show_status()

    def _show_status(self) -> None:
        """Progress, and once the student typed, whether it is saved: '2 van 4 stappen ingevuld ·
        Opgeslagen om 10:12'."""
        done = sum(1 for field in self.model.fields if self.model.text(field).strip())
        parts = [f"{done} van {len(self.model.fields)} stappen ingevuld"]
        if self._store is not None:
            status = self._store.status()
            if self._typed or status.startswith("Niet opgeslagen"):
                parts.append(status)
        self._status.value = status_html(" · ".join(parts))


class Perspectives(Panel):
    """Perspective taking on a case: write per person what is at stake, then compare with ours."""

    css_classes = ("lt-perspectieven", "lt-widget")

    def __init__(self, spec_id: str, store: AnswerStore | None = None, exercises_folder=None):
        spec = find_question(spec_id, exercises_folder, kind=PerspectiveSpec)
        self.spec = spec
        fields = [(_slug(a.naam), f"Wat staat er voor {a.naam} op het spel?") for a in spec.actoren]
        self.model = TextFieldsModel(spec.id, fields, store)
        self._areas, self._readings = {}, {}
        rows = [html_text(f"<p><i>Casus.</i> {html.escape(spec.casus)}</p>"
                             f"<p>{html.escape(spec.vraag)}</p>")]
        for actor, (key, _) in zip(spec.actoren, fields):
            area = _text_area(self.model.text(key), f"Wat staat er voor {actor.naam} op het spel?",
                              actor.naam)
            area.observe(self._on_text(key), names="value")
            self._areas[key], self._readings[key] = area, html_text()
            rows += [html_text(f"<b>{html.escape(actor.naam)}</b>"), area, self._readings[key]]
        self._compare_button = widgets.Button(description="Vergelijk met onze lezing", icon="eye",
                                       layout=shared_layout(width="auto"), style=button_style())
        self._compare_button.on_click(self._on_compare)
        self._status = html_text()
        self._notices = html_text(notices_html(store))
        if store is not None:
            store.on_change(self._on_saved)
        super().__init__([style_sheet(), *rows, self._compare_button, self._status, self._notices],
                         layout=shared_layout())

    def _on_text(self, field):
        def handler(change):
            self.model.update(field, change["new"])
            self._show_status()
        return handler

    def _on_saved(self, store) -> None:
        self._notices.value = notices_html(store)
        if self._status.value:
            self._show_status()

    def _show_status(self) -> None:
        if self.model.store is not None:
            self._status.value = status_html(self.model.store.status())

    def _on_compare(self, _button=None) -> None:
        for actor in self.spec.actoren:
            key = _slug(actor.naam)
            self._readings[key].value = (
                f"<div style='border-left:4px solid {RIGHT};padding-left:8px'><i>Onze lezing:</i> "
                f"{html.escape(actor.lezing)}</div>")
