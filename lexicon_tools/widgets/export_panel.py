"""Hand in: name and number fields, a privacy choice, and real download buttons for the files."""

__all__ = ["ExportModel", "ExportPanel", "download_link"]

import base64
import html
from pathlib import Path

import ipywidgets as widgets

from ..answers import AnswerStore
from ..errors import LexiconError
from ..export import (NAME_KEY, NUMBER_KEY, HandIn, answer_stores, collect_hand_in,
                      hand_in_stem, store_warnings, write_hand_in)
from .style import Panel, button_style, checkbox_style, html_text, shared_layout, text_style

SENSITIVE_LABEL = "Ook mijn gevoelige antwoorden meenemen"
SENSITIVE_HELP = ("Gevoelige antwoorden (zoals je afstandsschaal) staan standaard <b>niet</b> in het "
                  "bestand met je naam. Vink het vakje alleen aan als je ze zelf wilt inleveren.")
_MIME = {".html": "text/html", ".md": "text/markdown"}


class ExportModel:
    """The student's name and number, and the hand-in of this notebook (or all notebooks)."""

    NAME_KEY, NUMBER_KEY = NAME_KEY, NUMBER_KEY

    def __init__(self, store: AnswerStore):
        self.store = store
        self.warnings: list[str] = []
        self.hand_in: HandIn | None = None

    @property
    def name(self) -> str:
        return self.store.get(self.NAME_KEY) or self._saved_elsewhere(self.NAME_KEY)

    @property
    def number(self) -> str:
        return self.store.get(self.NUMBER_KEY) or self._saved_elsewhere(self.NUMBER_KEY)

    def _saved_elsewhere(self, key: str) -> str:
        """The value typed in another notebook (so a student fills in their name only once)."""
        try:
            others = [s for s in answer_stores(self.store.folder) if s.notebook != self.store.notebook]
        except (OSError, LexiconError):
            return ""
        return next((s.get(key) for s in others if s.get(key)), "")

    def set_name(self, name: str) -> None:
        if name != self.store.get(self.NAME_KEY):
            self.store.set(self.NAME_KEY, name, question="Naam")

    def set_number(self, number: str) -> None:
        if number != self.store.get(self.NUMBER_KEY):
            self.store.set(self.NUMBER_KEY, number, question="Studentnummer")

    def export(self, everything: bool = False, folder: str | Path | None = None,
               include_sensitive: bool = False) -> list[Path]:
        """Write Markdown and HTML; ``everything`` takes every notebook with saved answers.

        Afterwards ``warnings`` lists answers files that could not be read (left out).
        """
        stores = [self.store]
        if everything:
            self.store.flush()
            stores = [s if s.notebook != self.store.notebook else self.store
                      for s in answer_stores(self.store.folder)] or [self.store]
        self.hand_in = collect_hand_in(stores, naam=self.name or None,
                                       studentnummer=self.number or None,
                                       include_sensitive=include_sensitive)
        self.warnings = store_warnings(stores)
        return write_hand_in(self.hand_in, folder, stem=hand_in_stem(self.hand_in, everything))


def download_link(path: Path, label: str | None = None) -> str:
    """An HTML link that downloads the file's bytes (a data: URI with ``download=``)."""
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    mime = _MIME.get(path.suffix.lower(), "application/octet-stream")
    label = label or f"Download {path.name}"
    return (f"<a class='lt-download' download='{html.escape(path.name)}' "
            f"href='data:{mime};charset=utf-8;base64,{data}' style='display:inline-block;"
            "padding:.35em .9em;margin:.2em .4em .2em 0;background:#0b5394;color:#fff;"
            f"border-radius:4px;text-decoration:none'>⬇ {html.escape(label)}</a>")


class ExportPanel(Panel):
    """Name and number fields, the sensitive-answers choice, two export buttons and downloads."""

    css_classes = ("lt-export",)

    def __init__(self, store: AnswerStore):
        self.model = ExportModel(store)
        self._name = widgets.Text(value=self.model.name, description="Naam",
                                  placeholder="Je voor- en achternaam",
                                  layout=shared_layout(), style=text_style())
        self._number = widgets.Text(value=self.model.number, description="Studentnr.",
                                    placeholder="bijv. 1234567",
                                    layout=shared_layout(), style=text_style())
        self._sensitive = widgets.Checkbox(value=False, description=SENSITIVE_LABEL, indent=False,
                                           layout=shared_layout(width="auto"),
                                           style=checkbox_style())
        self._button = widgets.Button(description="Inleverbestand van dit notebook",
                                      icon="download", button_style="primary",
                                      layout=shared_layout(width="auto"), style=button_style(),
                                      tooltip="Maakt een Markdown- en een HTML-bestand met je "
                                              "antwoorden van dit notebook om te downloaden")
        self._all = widgets.Button(description="Inleverbestand van alle notebooks", icon="download",
                                   layout=shared_layout(width="auto"), style=button_style(),
                                   tooltip="Eén bestand met je antwoorden uit alle notebooks")
        self._result = html_text()
        self._name.observe(lambda change: self.model.set_name(change["new"]), names="value")
        self._number.observe(lambda change: self.model.set_number(change["new"]), names="value")
        self._button.on_click(lambda _: self._on_export(False))
        self._all.on_click(lambda _: self._on_export(True))
        help_text = html_text(f"<small>{SENSITIVE_HELP}</small>")
        super().__init__([widgets.HBox([self._name, self._number], layout=shared_layout()),
                          self._sensitive, help_text,
                          widgets.HBox([self._button, self._all], layout=shared_layout()),
                          self._result], layout=shared_layout())

    def _on_export(self, everything: bool = False) -> None:
        try:
            paths = self.model.export(everything, include_sensitive=self._sensitive.value)
            links = "".join(download_link(p) for p in paths if p.suffix == ".html") + \
                "".join(download_link(p) for p in paths if p.suffix != ".html")
        except (OSError, LexiconError) as exc:
            self._result.value = (f"<span style='color:#b00020'>Exporteren lukte niet: "
                                  f"{html.escape(str(exc))}. Je antwoorden zelf zijn niet weg; "
                                  "probeer het opnieuw of vraag je docent.</span>")
            return
        self._result.value = self._result_html(paths, links)

    def _result_html(self, paths: list[Path], links: str) -> str:
        names = " en ".join(html.escape(p.name) for p in paths)
        parts = []
        if self.model.warnings:
            items = "".join(f"<li>{html.escape(w)}</li>" for w in self.model.warnings)
            parts.append("<div style='color:#b00020'><b>Let op: niet alles kon worden meegenomen."
                         f"</b><ul>{items}</ul></div>")
        else:
            parts.append("<b>Klaar.</b> ")
        parts.append(f"Je bestanden ({names}) staan ook in de map van dit notebook. Download er een "
                     f"en lever het in via de leeromgeving (bijv. Brightspace of Canvas):<br>{links}")
        if not self.model.hand_in or not self.model.hand_in.studentnummer:
            parts.append("<br><span style='color:#b00020'>Vul je studentnummer in, dan weet je "
                         "docent van wie het bestand is.</span>")
        if self.model.hand_in and self.model.hand_in.weggelaten:
            parts.append(f"<br>{self.model.hand_in.weggelaten} gevoelig(e) antwoord(en) zijn niet "
                         "meegenomen.")
        return "".join(parts)
