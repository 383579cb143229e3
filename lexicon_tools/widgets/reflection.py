"""Reflection question: a plain model (question + saved answer) and a thin ipywidgets view."""

__all__ = ["ReflectionModel", "Reflection", "Reflections", "ExportModel", "ExportPanel"]

import html

import ipywidgets as widgets

from ..answers import AnswerStore
from ..exercises import ReflectionQuestion, ids_for_lemma, question as find_question
from .export_panel import ExportModel, ExportPanel  # noqa: F401 (moved; kept importable here)
from .style import (LineAbove, Panel, button_style, html_text, notices_html, shared_layout,
                    status_html, style_sheet, text_area)

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


class Reflection(Panel):
    """A reflection question from ``exercises/`` with a text area that saves as you type.

    The save status appears under the question once the student has typed in it (not under every
    untouched question); the answer store's warnings and conflict notices appear right here too.
    """

    css_classes = ("lt-reflectie", "lt-widget")

    def __init__(self, question_id: str, store: AnswerStore, exercises_folder=None):
        q = find_question(question_id, exercises_folder, kind=ReflectionQuestion)
        self.model = ReflectionModel(q.id, q.vraag, store, kind=q.soort, case=q.casus)
        head = f"<b>{html.escape(KIND_LABELS.get(q.soort, q.soort))}</b> · {html.escape(q.vraag)}"
        if q.casus:
            head += f"<br><i>Casus:</i> {html.escape(q.casus)}"
        self._question = html_text(f"<div class='lt-vraag'>{head}</div>")
        self._text = text_area(self.model.text, layout={"width": "98%", "height": "8em"},
                               placeholder="Typ hier je antwoord…", description="Antwoord",
                               continuous_update=True)
        # the save status (empty until the student types here) above the store's notices, in one
        # widget that looks like the two it replaces (2px + 2px of margins between them)
        self._status = LineAbove(notices_html(store, q.id), gap=4, above_html=status_html(""))
        self._typed = False
        self._swap_button = None
        self._text.observe(self._on_text, names="value")
        store.on_change(self._on_saved)
        super().__init__([style_sheet(), self._question, self._text, self._status.widget],
                         layout=shared_layout())
        self._show_swap(store)

    @property
    def _swap(self) -> widgets.Button:
        """The 'Wissel met de andere versie' button, made only when first needed (it is hidden
        unless another tab saved a different text, which most questions never see). It is shown
        and hidden through a layout of its own."""
        if self._swap_button is None:
            self._swap_button = widgets.Button(
                description="Wissel met de andere versie", icon="exchange",
                tooltip="Zet de tekst uit het andere tabblad terug; je huidige tekst blijft "
                        "bewaard als andere versie",
                layout=widgets.Layout(width="auto", display="none"), style=button_style())
            self._swap_button.on_click(self._on_swap)
            self.children = (*self.children, self._swap_button)
        return self._swap_button

    def _on_text(self, change) -> None:
        self._typed = True
        self.model.update(change["new"])
        self._show_status()

    def _on_saved(self, store) -> None:
        self._status.below = notices_html(store, self.model.question_id)
        self._show_swap(store)
        self._show_status()

    def _show_swap(self, store) -> None:
        has_other = bool(getattr(store, "previous_versions", lambda _: [])(self.model.question_id))
        if has_other:
            self._swap.layout.display = ""
        elif self._swap_button is not None:
            self._swap_button.layout.display = "none"

    def _on_swap(self, _button=None) -> None:
        """Swap the answer with the version from the other tab; both stay saved."""
        store = self.model.store
        store.restore_previous(self.model.question_id)
        self._text.value = store.get(self.model.question_id)

    def _show_status(self) -> None:
        status = self.model.status()
        if self._typed or status.startswith("Niet opgeslagen"):
            self._status.value = status_html(status)


class Reflections(Panel):
    """Several reflection questions one under the other: all of a lemma, or a list of ids."""

    def __init__(self, lemma_or_ids: str | list[str], store: AnswerStore, exercises_folder=None):
        ids = list(lemma_or_ids) if isinstance(lemma_or_ids, (list, tuple)) else \
            ids_for_lemma(lemma_or_ids, ReflectionQuestion, exercises_folder)
        self.questions = [Reflection(i, store, exercises_folder) for i in ids]
        super().__init__(self.questions, layout=shared_layout())


