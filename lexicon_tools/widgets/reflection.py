"""Reflection question: a plain model (question + saved answer) and a thin ipywidgets view."""

__all__ = ["ReflectionModel", "Reflection", "Reflections", "ExportModel", "ExportPanel"]

import html
from pathlib import Path

import ipywidgets as widgets

from ..answers import AnswerStore
from ..errors import LexiconError
from ..exercises import ReflectionQuestion, ids_for_lemma, question as find_question
from ..export import NAME_KEY, NUMBER_KEY, answer_stores, collect_hand_in, write_hand_in
from .style import notices_html, status_html, style_sheet

KIND_LABELS = {"begrijpen": "Begrijpen", "toepassen": "Toepassen", "kritisch": "Kritisch denken",
               "persoonlijk": "Persoonlijk"}


class ReflectionModel:
    """One open question and the student's answer, saved through an :class:`AnswerStore`.

    Examples
    --------
    >>> import tempfile
    >>> store = AnswerStore("demo", folder=tempfile.mkdtemp(), delay=0)
    >>> model = ReflectionModel("q1", "Wat betekent nabijheid voor jou?", store)
    >>> model.update("Dat iemand er is.")
    >>> ReflectionModel("q1", "Wat betekent nabijheid voor jou?", AnswerStore("demo", store.folder)).text
    'Dat iemand er is.'
    """

    def __init__(self, question_id: str, question: str, store: AnswerStore, kind: str | None = None,
                 case: str | None = None):
        self.question_id, self.question, self.store = question_id, question, store
        self.kind, self.case = kind, case
        store.describe(question_id, question)

    @property
    def text(self) -> str:
        return self.store.get(self.question_id)

    def update(self, text: str) -> None:
        """Record a new answer text (saved automatically)."""
        if text != self.text:
            self.store.set(self.question_id, text, question=self.question)

    def status(self) -> str:
        return self.store.status()


class Reflection(widgets.VBox):
    """A reflection question from ``exercises/`` with a text area that saves as you type.

    The save status appears under the question once the student has typed in it (not under every
    untouched question); the answer store's warnings and conflict notices appear right here too.
    """

    def __init__(self, question_id: str, store: AnswerStore, exercises_folder=None):
        q = find_question(question_id, exercises_folder, kind=ReflectionQuestion)
        self.model = ReflectionModel(q.id, q.vraag, store, kind=q.soort, case=q.casus)
        head = f"<b>{html.escape(KIND_LABELS.get(q.soort, q.soort))}</b> · {html.escape(q.vraag)}"
        if q.casus:
            head += f"<br><i>Casus:</i> {html.escape(q.casus)}"
        self._question = widgets.HTML(f"<div class='lt-vraag'>{head}</div>")
        self._text = widgets.Textarea(
            value=self.model.text, placeholder="Typ hier je antwoord…", description="Antwoord",
            continuous_update=True, layout=widgets.Layout(width="98%", height="8em"))
        self._status = widgets.HTML(status_html(""))  # empty until the student types here
        self._typed = False
        self._warnings = widgets.HTML(notices_html(store, q.id))
        self._text.observe(self._on_text, names="value")
        store.on_change(self._on_saved)
        super().__init__([style_sheet(), self._question, self._text, self._status, self._warnings])
        self.add_class("lt-reflectie")
        self.add_class("lt-widget")

    def _on_text(self, change) -> None:
        self._typed = True
        self.model.update(change["new"])
        self._show_status()

    def _on_saved(self, store) -> None:
        self._warnings.value = notices_html(store, self.model.question_id)
        self._show_status()

    def _show_status(self) -> None:
        status = self.model.status()
        if self._typed or status.startswith("Niet opgeslagen"):
            self._status.value = status_html(status)


class Reflections(widgets.VBox):
    """Several reflection questions one under the other: all of a lemma, or a list of ids."""

    def __init__(self, lemma_or_ids: str | list[str], store: AnswerStore, exercises_folder=None):
        ids = list(lemma_or_ids) if isinstance(lemma_or_ids, (list, tuple)) else \
            ids_for_lemma(lemma_or_ids, ReflectionQuestion, exercises_folder)
        self.questions = [Reflection(i, store, exercises_folder) for i in ids]
        super().__init__(self.questions)


class ExportModel:
    """The student's name and number, and the hand-in of this notebook (or all notebooks)."""

    NAME_KEY, NUMBER_KEY = NAME_KEY, NUMBER_KEY

    def __init__(self, store: AnswerStore):
        self.store = store

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
        except OSError:
            return ""
        return next((s.get(key) for s in others if s.get(key)), "")

    def set_name(self, name: str) -> None:
        if name != self.store.get(self.NAME_KEY):
            self.store.set(self.NAME_KEY, name, question="Naam")

    def set_number(self, number: str) -> None:
        if number != self.store.get(self.NUMBER_KEY):
            self.store.set(self.NUMBER_KEY, number, question="Studentnummer")

    def export(self, everything: bool = False, folder: str | Path | None = None) -> list[Path]:
        """Write Markdown and HTML; ``everything`` takes every notebook with saved answers."""
        stores = [self.store]
        if everything:
            self.store.flush()
            stores = [s if s.notebook != self.store.notebook else self.store
                      for s in answer_stores(self.store.folder)] or [self.store]
        hand_in = collect_hand_in(stores, naam=self.name or None, studentnummer=self.number or None)
        if everything:
            return write_hand_in(hand_in, folder, stem="antwoorden_alles")
        return write_hand_in(hand_in, folder, stem=f"antwoorden_{self.store.notebook}")


class ExportPanel(widgets.VBox):
    """Name and number fields and two buttons that write the hand-in files; shows where they went."""

    def __init__(self, store: AnswerStore):
        self.model = ExportModel(store)
        self._name = widgets.Text(value=self.model.name, description="Naam",
                                  placeholder="Je voor- en achternaam")
        self._number = widgets.Text(value=self.model.number, description="Studentnr.",
                                    placeholder="bijv. 1234567")
        self._button = widgets.Button(description="Exporteer dit notebook", icon="download",
                                      button_style="primary", layout=widgets.Layout(width="auto"),
                                      tooltip="Schrijft je antwoorden van dit notebook naar een "
                                              "Markdown- en een HTML-bestand om in te leveren")
        self._all = widgets.Button(description="Exporteer alle notebooks", icon="download",
                                   layout=widgets.Layout(width="auto"),
                                   tooltip="Eén bestand met je antwoorden uit alle notebooks")
        self._result = widgets.HTML()
        self._name.observe(lambda change: self.model.set_name(change["new"]), names="value")
        self._number.observe(lambda change: self.model.set_number(change["new"]), names="value")
        self._button.on_click(lambda _: self._on_export(False))
        self._all.on_click(lambda _: self._on_export(True))
        super().__init__([widgets.HBox([self._name, self._number]),
                          widgets.HBox([self._button, self._all]), self._result])
        self.add_class("lt-export")

    def _on_export(self, everything: bool = False) -> None:
        try:
            paths = self.model.export(everything)
        except (OSError, LexiconError) as exc:
            self._result.value = (f"<span style='color:#b00020'>Exporteren lukte niet: "
                                  f"{html.escape(str(exc))}. Je antwoorden zelf zijn niet weg; "
                                  "probeer het opnieuw of vraag je docent.</span>")
            return
        links = " en ".join(f"<a href='{html.escape(p.name)}' target='_blank'>"
                            f"{html.escape(p.name)}</a>" for p in paths)
        self._result.value = (f"Klaar: je antwoorden staan in {links} (in dezelfde map als dit "
                              "notebook). Lever een van beide in.")
