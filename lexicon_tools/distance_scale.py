"""Bogardus social distance scale: a student's choices per group, scores, anonymous export and the
lecturer's class overview.

The six levels are the ones printed in the lemma *Sociale afstand* (Rözer & Volker), from the
smallest to the largest distance. A group's score is the position (1-6) of the closest relation the
student would accept; 7 means not even the last level. The 7 is our choice: the book lists six
levels.
"""

from __future__ import annotations

__all__ = ["DistanceScale", "NOT_ACCEPTED", "read_class_scores", "class_summary", "show_class_distances",
           "draw_distance_scores", "DistanceChart"]

import textwrap
from datetime import date
from pathlib import Path


from .anonymous import read_csv_folder, write_anonymous_csv
from .answers import AnswerStore
from .errors import LexiconError

NOT_ACCEPTED = "geen"
NOT_ACCEPTED_LABEL = "Geen van deze"


class DistanceScale:
    """Choices on a social distance scale for a list of groups.

    Examples
    --------
    >>> scale = DistanceScale(["ouderen", "jongeren"], [("familie", "Familie"), ("buur", "Buur")])
    >>> scale.choose("ouderen", "buur"); scale.choose("jongeren", "geen")
    >>> scale.scores()
    {'ouderen': 2, 'jongeren': 3}
    """

    def __init__(self, groups: list[str], levels: list[tuple[str, str]],
                 store: AnswerStore | None = None, spec_id: str = "afstandsschaal",
                 question: str = ""):
        self.groups, self.levels = list(groups), list(levels)
        self.store, self.spec_id, self.question = store, spec_id, question
        self._position = {level_id: n for n, (level_id, _) in enumerate(self.levels, start=1)}
        self._position[NOT_ACCEPTED] = len(self.levels) + 1
        self._labels = dict(self.levels) | {NOT_ACCEPTED: NOT_ACCEPTED_LABEL}
        saved = (store.get_data(spec_id) if store else None) or {}
        self.choices: dict[str, str | None] = {g: saved.get(g) if saved.get(g) in self._position
                                               else None for g in self.groups}

    def choose(self, group: str, level_id: str | None) -> None:
        """The closest relation accepted with a member of ``group`` (a level id, 'geen' or None)."""
        if group not in self.choices:
            raise LexiconError(f"Onbekende groep '{group}'.")
        if level_id is not None and level_id not in self._position:
            raise LexiconError(f"Onbekend niveau '{level_id}'.")
        self.choices[group] = level_id
        if self.store is not None:
            text = "\n".join(f"- {g}: {self._labels.get(c, '(niet ingevuld)')}"
                             for g, c in self.choices.items())
            self.store.set(self.spec_id, text, question=self.question or "Sociale afstandsschaal",
                           data=dict(self.choices))

    def score(self, group: str) -> int | None:
        choice = self.choices[group]
        return None if choice is None else self._position[choice]

    def scores(self) -> dict[str, int | None]:
        return {group: self.score(group) for group in self.groups}

    def export_row(self) -> dict:
        """An anonymous row: the date and a score per group (no name, no id)."""
        return {"datum": date.today().isoformat(), **self.scores()}

    def export_csv(self, folder: str | Path = ".") -> Path:
        """Write the anonymous row to a new CSV file with a random name; return its path."""
        return write_anonymous_csv([self.export_row()], "afstandsschaal", folder)


def read_class_scores(source: str | Path) -> tuple[pd.DataFrame, list[str]]:
    """Read anonymous exports (a folder of CSV files, or one CSV with many rows) into one table.

    Returns (table with one row per student and a column per group, list of Dutch problems with
    files that were skipped). Damaged files are reported, never fatal.
    """
    import pandas as pd  # only here: a student's kernel never needs pandas

    frames, problems = read_csv_folder(source)
    tables = []
    for frame in frames:
        name = frame["_bestand"].iloc[0] if len(frame) else "?"
        scores = frame.drop(columns=["datum", "_bestand"], errors="ignore") \
            .apply(pd.to_numeric, errors="coerce")
        if scores.empty or scores.notna().sum().sum() == 0:
            problems.append(f"{name}: overgeslagen, er staan geen scores in.")
            continue
        tables.append(scores)
    if not tables:
        return pd.DataFrame(), problems
    return pd.concat(tables, ignore_index=True), problems


def class_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Per group: the class mean score, the number of answers, sorted from close to distant."""
    import pandas as pd  # only here: a student's kernel never needs pandas

    summary = pd.DataFrame({"gemiddelde": table.mean(numeric_only=True).round(2),
                            "aantal": table.count()})
    summary.index.name = "groep"
    return summary.sort_values("gemiddelde")


def level_tick_labels(levels: list[tuple[str, str]], width: int = 12) -> list[str]:
    r"""Short horizontal tick labels: number, the level without its explanation in brackets, wrapped.

    Examples
    --------
    >>> level_tick_labels([("v", "Verwant (door familie)"), ("b", "Buurman of -vrouw")])
    ['1. Verwant', '2. Buurman\nof -vrouw', '3. Geen van\ndeze']
    """
    names = [label.split(" (")[0] for _, label in levels] + [NOT_ACCEPTED_LABEL]
    return [textwrap.fill(f"{n}.\u00a0{name}", width, break_long_words=False).replace("\u00a0", " ")
            for n, name in enumerate(names, start=1)]  # the number stays with the first word


class DistanceChart:
    """One persistent bar chart of the groups' scores; :meth:`update` changes only the bars.

    Every group keeps its row (an empty row says 'nog niet gekozen'), so the layout is computed
    once and a redraw only moves bars.
    """

    def __init__(self, groups: list[str], levels: list[tuple[str, str]], figure=None,
                 title: str = "Sociale afstand per groep"):
        from .rendering import freeze_layout, new_figure, plain

        self.groups, self.levels = list(groups), list(levels)
        self.figure = figure or new_figure(7.6, 0.38 * max(3, len(self.groups)) + 1.7)
        self.ax = self.figure.add_subplot()
        ax, rows = self.ax, range(len(self.groups))
        self.bars = ax.barh(list(rows), [0] * len(self.groups), color="#0072B2")
        self.empty = [ax.text(0.1, y, "nog niet gekozen", va="center", fontsize=8,
                              color="#555555", style="italic") for y in rows]
        ax.set_yticks(list(rows), [plain(textwrap.fill(g, 28, break_long_words=False,
                                                                 break_on_hyphens=False))
                                   for g in self.groups], fontsize=8.5)
        ax.set_xticks(range(1, len(levels) + 2), level_tick_labels(levels), fontsize=7)
        ax.set_xlim(0, len(levels) + 1.5)
        ax.set_ylim(len(self.groups) - 0.5, -0.5)
        ax.grid(axis="x", color="#EEEEEE")
        ax.set_axisbelow(True)
        ax.set_xlabel("hoe verder naar rechts, hoe groter de afstand", fontsize=9)
        ax.set_title(plain(title), fontsize=11)
        freeze_layout(self.figure)

    @property
    def dynamic(self) -> list:
        """The artists that change with the scores (the rest is drawn once)."""
        return [*self.bars, *self.empty]

    def update(self, scores: dict) -> None:
        for bar, label, group in zip(self.bars, self.empty, self.groups):
            score = scores.get(group)
            missing = score is None or score != score
            bar.set_width(0 if missing else float(score))
            label.set_visible(missing)


def draw_distance_scores(scores: pd.Series | dict, levels: list[tuple[str, str]], ax=None,
                         title: str = "Sociale afstand per groep"):
    """Horizontal bars: a score per group (1 = closest), the level names on the axis.

    Returns the Axes of a new pyplot-free figure (``ax`` is accepted for compatibility and
    ignored when given: the chart needs its own layout).
    """
    import pandas as pd  # only here: a student's kernel never needs pandas

    series = pd.Series(scores, dtype="float").dropna().sort_values()
    chart = DistanceChart(list(series.index), levels, title=title)
    chart.update(series.to_dict())
    return chart.ax


def show_class_distances(source: str | Path = ".", model_id: str = "bogardus-schaal") -> None:
    """For lecturers: read the class's anonymous exports and show the mean per group as a chart."""
    from IPython.display import Markdown, display

    from .loading import load_lexicon
    from .rendering import display_figure

    table, problems = read_class_scores(source)
    for problem in problems:
        display(Markdown(f"*Let op:* {problem}"))
    if table.empty:
        display(Markdown(f"Nog geen scores gevonden in `{source}`. Laat studenten hun scores "
                         "anoniem exporteren en zet de CSV-bestanden samen in één map."))
        return
    summary = class_summary(table)
    display(summary)
    levels = [(lv.id, lv.label) for lv in load_lexicon().model(model_id).niveaus]
    ax = draw_distance_scores(summary["gemiddelde"], levels,
                              title=f"Gemiddelde sociale afstand in de klas (n = {len(table)})")
    display_figure(ax.figure, f"Gemiddelde score per groep (n = {len(table)}): " + "; ".join(
        f"{group}: {mean}" for group, mean in summary["gemiddelde"].items()))
