"""Sort task: place items in the categories of a model (drag-free, one dropdown per item)."""

__all__ = ["SortTaskModel", "SortTask"]

import html
import random

import ipywidgets as widgets

from ..answers import AnswerStore
from ..exercises import SortTask as SortTaskData, question as find_question
from ..loading import load_lexicon
from .style import (PLACEHOLDER, LineAbove, Panel, UndoOnDemand, button_row, check_buttons,
                    choice_dropdown, chosen, description_style, feedback_html, html_text,
                    notices_html, score_text, shared_layout, show_choice, style_sheet)


class SortTaskModel:
    """Items, categories ``[(id, label), ...]`` and the student's placement of each item.

    Examples
    --------
    >>> from lexicon_tools.exercises import SortTask
    >>> task = SortTask(id="s", opdracht="Sorteer.", categorieen=[{"id": "a", "label": "A"},
    ...     {"id": "b", "label": "B"}], items=[{"tekst": "x", "antwoord": "a", "feedback": "x is A."},
    ...     {"tekst": "y", "antwoord": "b", "feedback": "y is B."}])
    >>> model = SortTaskModel(task, [("a", "A"), ("b", "B")])
    >>> model.place(0, "a"); model.place(1, "a")
    >>> model.check()
    [(True, 'x is A.'), (False, 'y is B.')]
    >>> model.score()
    (1, 2)
    """

    def __init__(self, task: SortTaskData, categories: list[tuple[str, str]],
                 store: AnswerStore | None = None):
        self.task, self.categories, self.store = task, list(categories), store
        self._labels = dict(self.categories)
        self.placements: list[str | None] = [self._restore(i) for i in range(len(task.items))]
        # Students see the items in a mixed but fixed order, so that a file written per category
        # does not give the answers away; answers stay stored under the item's own number.
        self.order = list(range(len(task.items)))
        random.Random(task.id).shuffle(self.order)

    def key(self, index: int) -> str:
        return f"{self.task.id}-{index + 1}"

    def _restore(self, index: int) -> str | None:
        if self.store is None:
            return None
        self.store.describe(self.key(index), self._question(index))
        saved = self.store.get(self.key(index))
        by_label = {label: cid for cid, label in self.categories}
        return by_label.get(saved)

    def _question(self, index: int) -> str:
        return f"{self.task.opdracht} — {self.task.items[index].tekst}"

    def place(self, index: int, category: str | None) -> None:
        """Put item ``index`` in ``category`` (an id), or take it out with None."""
        if category is not None and category not in self._labels:
            raise KeyError(f"onbekende categorie '{category}'")
        self.placements[index] = category
        if self.store is not None:
            self.store.set(self.key(index), self._labels.get(category, ""),
                           question=self._question(index))

    def check(self) -> list[tuple[bool, str] | None]:
        """Per item: (right?, the item's feedback), or None when it is not placed yet."""
        results = []
        for item, placed in zip(self.task.items, self.placements):
            if placed is None:
                results.append(None)
            else:
                results.append((placed == item.antwoord, item.feedback))
        return results

    def score(self) -> tuple[int, int]:
        right = sum(1 for r in self.check() if r and r[0])
        return right, len(self.task.items)

    def retry(self) -> None:
        """Take every item out; :meth:`undo_retry` puts them back."""
        self._before_retry = list(self.placements)
        for index in range(len(self.placements)):
            self.place(index, None)

    def undo_retry(self) -> bool:
        before = getattr(self, "_before_retry", None)
        if not before:
            return False
        for index, category in enumerate(before):
            self.place(index, category)
        self._before_retry = None
        return True


def categories_for(task: SortTaskData, lex=None) -> list[tuple[str, str]]:
    """The (id, label) categories of a sort task: its own list or the levels of its model."""
    if task.categorieen is not None:
        return [(c.id, c.label) for c in task.categorieen]
    model = (lex or load_lexicon()).model(task.model)
    return [(level.id, level.label) for level in model.niveaus]


class SortTask(UndoOnDemand, Panel):
    """A sort task from ``exercises/``: a dropdown per item, a check button, feedback per item."""

    css_classes = ("lt-sorteer", "lt-widget")

    def __init__(self, task_id: str, store: AnswerStore | None = None, exercises_folder=None):
        task = find_question(task_id, exercises_folder, kind=SortTaskData)
        self.model = SortTaskModel(task, categories_for(task), store)
        options = [(PLACEHOLDER, None)] + [(label, cid) for cid, label in self.model.categories]
        rows = []
        self._syncing = False
        self._dropdowns = [None] * len(task.items)
        self._feedback = [None] * len(task.items)
        order = list(self.model.order)
        labels = [f"<b>{shown}.</b> {html.escape(task.items[index].tekst)}"
                  for shown, index in enumerate(order, start=1)]
        rows.append(html_text(labels[0]))
        for shown, index in enumerate(order, start=1):
            dropdown = choice_dropdown(options, self.model.placements[index],
                                        description=f"Item {shown}",
                                        layout=shared_layout(width="auto", max_width="100%"),
                                        style=description_style(description_width="initial"))
            dropdown.observe(self._on_place(index), names="value")
            self._dropdowns[index] = dropdown
            # No box per item: the feedback line's larger bottom margin (2px of its own + 6px)
            # keeps the items apart exactly as a box with margin "0 0 6px 0" around them did.
            # The feedback and the next item's text share one widget (8px + 2px of margins).
            if shown < len(order):
                line = LineAbove(labels[shown], gap=10)
                self._feedback[index] = line
                rows += [dropdown, line.widget]
            else:
                self._feedback[index] = html_text(layout=shared_layout(margin="2px 2px 8px 2px"))
                rows += [dropdown, self._feedback[index]]
        self._check, self._retry = check_buttons(
            "Bekijk welke items goed staan, met uitleg", "Haal alle items weg en begin opnieuw")
        self._score = html_text()
        self._notices = html_text(notices_html(store))
        if store is not None:
            store.on_change(self._on_saved)
        self._check.on_click(lambda _: self._show_results())
        self._retry.on_click(lambda _: self._on_retry())
        intro = html_text(f"<p>{html.escape(task.opdracht)}</p>")
        self._buttons = button_row([self._check, self._retry, self._score])
        super().__init__([style_sheet(), intro, *rows, self._buttons, self._notices],
                         layout=shared_layout())

    def _on_place(self, index: int):
        def handler(change):
            if self._syncing:
                return
            self.model.place(index, chosen(change["new"]))
            self._feedback[index].value = ""
            self._score.value = ""
            self._show_undo(False)
        return handler

    def _on_saved(self, store) -> None:
        self._notices.value = notices_html(store)

    def _show_results(self) -> None:
        results = self.model.check()
        for feedback, result in zip(self._feedback, results):
            feedback.value = feedback_html(result)
        self._score.value = f"<span class='lt-score'>{score_text(results)}</span>"

    def _on_retry(self) -> None:
        self.model.retry()
        self._show_placements()
        if any(p is not None for p in self.model._before_retry):
            self._show_undo(True)
            self._score.value = "<span class='lt-score'>Je keuzes zijn gewist.</span>"

    def _on_undo(self) -> None:
        self.model.undo_retry()
        self._show_placements()

    def _show_placements(self) -> None:
        """Put the model's placements in the dropdowns (without saving them again)."""
        for index, (dropdown, feedback) in enumerate(zip(self._dropdowns, self._feedback)):
            self._syncing = True
            try:
                show_choice(dropdown, self.model.placements[index])
            finally:
                self._syncing = False
            feedback.value = ""
        self._score.value = ""
        self._show_undo(False)
