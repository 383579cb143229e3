"""Self-check quiz: a plain model (choices, check, score, retry) and a thin ipywidgets view."""

__all__ = ["QuizModel", "Quiz"]

import html

import ipywidgets as widgets

from ..answers import AnswerStore
from ..exercises import QuizQuestion, ids_for_lemma, question as find_question
from .style import feedback_html

NO_CHOICE = None


class QuizModel:
    """One or more multiple-choice questions. Choices are saved in an optional AnswerStore.

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
    """

    def __init__(self, questions: list[QuizQuestion], store: AnswerStore | None = None):
        self.questions = {q.id: q for q in questions}
        self.store = store
        self.choices: dict[str, int | None] = {q.id: self._restore(q) for q in questions}
        self.checked = False

    def _restore(self, q: QuizQuestion) -> int | None:
        if self.store is None:
            return NO_CHOICE
        self.store.describe(q.id, q.vraag)
        saved = self.store.get(q.id)
        texts = [option.tekst for option in q.opties]
        return texts.index(saved) if saved in texts else NO_CHOICE

    def choose(self, question_id: str, option: int | None) -> None:
        """Pick option number ``option`` (0-based) for a question; None clears the choice."""
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

    def retry(self) -> None:
        """Clear every choice to try again."""
        for qid in self.questions:
            self.choose(qid, None)
        self.checked = False


class Quiz(widgets.VBox):
    """Multiple-choice questions from ``exercises/`` with a check button, feedback and a score."""

    def __init__(self, question_ids: str | list[str], store: AnswerStore | None = None,
                 exercises_folder=None):
        ids = [question_ids] if isinstance(question_ids, str) else list(question_ids)
        questions = [find_question(i, exercises_folder, kind=QuizQuestion) for i in ids]
        self.model = QuizModel(questions, store)
        self._choices, self._feedback, rows = {}, {}, []
        for number, q in enumerate(questions, start=1):
            radio = widgets.RadioButtons(
                options=[(o.tekst, i) for i, o in enumerate(q.opties)], value=self.model.choices[q.id],
                layout=widgets.Layout(width="auto"), style={"description_width": "0px"})
            radio.observe(self._on_choice(q.id), names="value")
            self._choices[q.id] = radio
            self._feedback[q.id] = widgets.HTML()
            rows += [widgets.HTML(f"<b>{number}.</b> {html.escape(q.vraag)}"), radio,
                     self._feedback[q.id]]
        self._check = widgets.Button(description="Controleer", button_style="primary",
                                     tooltip="Bekijk of je antwoorden kloppen, met uitleg")
        self._retry = widgets.Button(description="Opnieuw", tooltip="Wis je keuzes en probeer opnieuw")
        self._score = widgets.HTML()
        self._check.on_click(lambda _: self._show_results())
        self._retry.on_click(lambda _: self._on_retry())
        super().__init__([*rows, widgets.HBox([self._check, self._retry, self._score])])
        self.add_class("lt-quiz")

    @classmethod
    def for_lemma(cls, lemma_id: str, store: AnswerStore | None = None, exercises_folder=None):
        """The self-check quiz with all quiz questions of one lemma."""
        return cls(ids_for_lemma(lemma_id, QuizQuestion, exercises_folder), store, exercises_folder)

    def _on_choice(self, question_id):
        def handler(change):
            self.model.choose(question_id, change["new"])
            self._feedback[question_id].value = ""
            self._score.value = ""
        return handler

    def _show_results(self) -> None:
        for qid, result in self.model.check().items():
            self._feedback[qid].value = feedback_html(result)
        right, total = self.model.score()
        self._score.value = f"<span class='lt-score'>Score: {right} van {total} goed</span>"

    def _on_retry(self) -> None:
        self.model.retry()
        for qid, radio in self._choices.items():
            radio.value = None
            self._feedback[qid].value = ""
        self._score.value = ""
