"""Self-check quiz: a plain model (choices, check, score, retry) and a thin ipywidgets view.

The options of each question are shown in an order of their own for every student: seeded by the
question id and a random salt saved once in the student's answers (key ``_volgorde``), so the order
stays the same after a restart while a file that lists the right answer first gives nothing away.
Answers are checked by option identity, never by position.
"""

__all__ = ["QuizModel", "Quiz", "ORDER_KEY"]

import html
import random
import secrets

import ipywidgets as widgets

from ..answers import AnswerStore
from ..exercises import QuizQuestion, ids_for_lemma, question as find_question
from .style import (LineAbove, Panel, UndoOnDemand, button_row, check_buttons, description_style,
                    feedback_html, html_text, notices_html, score_text, shared_layout, style_sheet)

NO_CHOICE = None
ORDER_KEY = "_volgorde"


def order_salt(store: AnswerStore | None) -> str:
    """The student's random salt for option orders; created and saved once per answers file."""
    if store is None:
        return ""
    salt = store.get(ORDER_KEY)
    if not salt:
        salt = secrets.token_hex(6)
        store.set(ORDER_KEY, salt, question="Volgorde van de antwoordopties (intern)")
    return salt


class QuizModel:
    """One or more multiple-choice questions. Choices are saved in an optional AnswerStore.

    ``seed`` fixes the order of the options (tests, examples); without it the order comes from
    the salt in the store, or stays as written when there is no store.

    Examples
    --------
    >>> from lexicon_tools.exercises import QuizQuestion
    >>> q = QuizQuestion(id="q1", vraag="2 + 2?", opties=[
    ...     {"tekst": "4", "juist": True, "feedback": "Goed."},
    ...     {"tekst": "5", "feedback": "Tel nog eens."}])
    >>> quiz = QuizModel([q])
    >>> quiz.choose("q1", 1)
    >>> quiz.check()["q1"]
    (False, 'Tel nog eens.')
    >>> quiz.score()
    (0, 1)
    >>> sorted(QuizModel([q], seed="x").order["q1"])
    [0, 1]
    """

    def __init__(self, questions: list[QuizQuestion], store: AnswerStore | None = None,
                 seed: str | None = None):
        self.questions = {q.id: q for q in questions}
        self.store = store
        self.choices: dict[str, int | None] = {q.id: self._restore(q) for q in questions}
        salt = seed if seed is not None else order_salt(store)
        self.order = {q.id: self._order(q, salt) for q in questions}
        self.checked = False

    @staticmethod
    def _order(q: QuizQuestion, salt: str | None) -> list[int]:
        order = list(range(len(q.opties)))
        if salt:
            random.Random(f"{q.id}|{salt}").shuffle(order)
        return order

    def _restore(self, q: QuizQuestion) -> int | None:
        if self.store is None:
            return NO_CHOICE
        self.store.describe(q.id, q.vraag)
        saved = self.store.get(q.id)
        texts = [option.tekst for option in q.opties]
        return texts.index(saved) if saved in texts else NO_CHOICE

    def choose(self, question_id: str, option: int | None) -> None:
        """Pick option number ``option`` (0-based, as written in the file); None clears it."""
        q = self.questions[question_id]
        if option is not None and not 0 <= option < len(q.opties):
            raise IndexError(f"vraag {question_id} heeft {len(q.opties)} opties")
        self.choices[question_id] = option
        self.checked = False
        if self.store is not None:
            text = "" if option is None else q.opties[option].tekst
            self.store.set(question_id, text, question=q.vraag)

    def check(self) -> dict[str, tuple[bool, str] | None]:
        """Per question: (right?, feedback of the chosen option), or None when nothing is chosen."""
        self.checked = True
        return {qid: self.result(qid) for qid in self.questions}

    def result(self, question_id: str) -> tuple[bool, str] | None:
        choice = self.choices[question_id]
        if choice is None:
            return None
        option = self.questions[question_id].opties[choice]
        return option.juist, option.feedback

    def score(self) -> tuple[int, int]:
        """(number right, number of questions)."""
        right = sum(1 for qid in self.questions if (self.result(qid) or (False,))[0])
        return right, len(self.questions)

    def number_answered(self) -> int:
        return sum(1 for choice in self.choices.values() if choice is not None)

    def retry(self) -> None:
        """Clear every choice to try again; :meth:`undo_retry` brings them back."""
        self._before_retry = dict(self.choices)
        for qid in self.questions:
            self.choose(qid, None)
        self.checked = False

    def undo_retry(self) -> bool:
        """Restore the choices cleared by the last :meth:`retry`; False when there is nothing to undo."""
        before = getattr(self, "_before_retry", None)
        if not before:
            return False
        for qid, choice in before.items():
            self.choose(qid, choice)
        self._before_retry = None
        return True


class Quiz(UndoOnDemand, Panel):
    """Multiple-choice questions from ``exercises/`` with a check button, feedback and a score."""

    css_classes = ("lt-quiz", "lt-widget")

    def __init__(self, question_ids: str | list[str], store: AnswerStore | None = None,
                 exercises_folder=None, seed: str | None = None):
        ids = [question_ids] if isinstance(question_ids, str) else list(question_ids)
        questions = [find_question(i, exercises_folder, kind=QuizQuestion) for i in ids]
        self.model = QuizModel(questions, store, seed=seed)
        self._store = store
        self._syncing = False
        self._choices, self._feedback = {}, {}
        texts = [f"<b>{number}.</b> {html.escape(q.vraag)}" for number, q in enumerate(questions, 1)]
        rows = [html_text(texts[0])] if texts else []
        for number, q in enumerate(questions, start=1):
            radio = widgets.RadioButtons(
                options=[(q.opties[i].tekst, i) for i in self.model.order[q.id]],
                value=self.model.choices[q.id], layout=shared_layout(width="auto"),
                style=description_style(description_width="0px"))
            radio.observe(self._on_choice(q.id), names="value")
            self._choices[q.id] = radio
            if number < len(questions):  # feedback and the next question: one widget (2px + 2px)
                line = LineAbove(texts[number], gap=4)
                self._feedback[q.id] = line
                rows += [radio, line.widget]
            else:
                self._feedback[q.id] = html_text()
                rows += [radio, self._feedback[q.id]]
        self._check, self._retry = check_buttons(
            "Bekijk of je antwoorden kloppen, met uitleg", "Wis je keuzes en probeer opnieuw")
        self._score = html_text()
        self._notices = html_text(notices_html(store))
        self._check.on_click(lambda _: self._show_results())
        self._retry.on_click(lambda _: self._on_retry())
        if store is not None:
            store.on_change(self._on_saved)
        self._buttons = button_row([self._check, self._retry, self._score])
        super().__init__([style_sheet(), *rows, self._buttons, self._notices], layout=shared_layout())

    @classmethod
    def for_lemma(cls, lemma_id: str, store: AnswerStore | None = None, exercises_folder=None):
        """The self-check quiz with all quiz questions of one lemma."""
        return cls(ids_for_lemma(lemma_id, QuizQuestion, exercises_folder), store, exercises_folder)

    def _on_choice(self, question_id):
        def handler(change):
            if self._syncing:
                return
            self.model.choose(question_id, change["new"])
            self._feedback[question_id].value = ""
            self._score.value = ""
            self._show_undo(False)
        return handler

    def _on_saved(self, store) -> None:
        self._notices.value = notices_html(store)

    def _show_results(self) -> None:
        results = self.model.check()
        for qid, result in results.items():
            self._feedback[qid].value = feedback_html(result)
        self._score.value = f"<span class='lt-score'>{score_text(list(results.values()))}</span>"

    def _on_retry(self) -> None:
        self.model.retry()
        self._show_choices()
        if any(choice is not None for choice in self.model._before_retry.values()):
            self._show_undo(True)
            self._score.value = "<span class='lt-score'>Je keuzes zijn gewist.</span>"

    def _on_undo(self) -> None:
        self.model.undo_retry()
        self._show_choices()

    def _show_choices(self) -> None:
        """Put the model's choices in the radio buttons (without saving them again)."""
        for qid, radio in self._choices.items():
            self._syncing = True
            try:
                radio.value = self.model.choices[qid]
            finally:
                self._syncing = False
            self._feedback[qid].value = ""
        self._score.value = ""
        self._show_undo(False)
