"""Profile rating: score one or more things (places, relationships) on a set of dimensions.

Dimensions come from a model (e.g. the vier kernkwaliteiten of public space) or from a list in an
exercise file; a dimension may be bipolar (``links`` ↔ ``rechts``). Plain Python: ratings,
comparison, save/restore, drawing and a text alternative.
"""

__all__ = ["ProfileRating", "ProfileChart", "draw_profiles", "describe_profiles"]

import math
import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import LexiconError

if TYPE_CHECKING:
    import pandas as pd

MARKERS = [("o", "#0072B2"), ("s", "#E69F00"), ("^", "#009E73"), ("D", "#CC79A7")]


@dataclass(frozen=True)
class Dim:
    id: str
    label: str
    links: str | None = None
    rechts: str | None = None


class ProfileRating:
    """Ratings of ``len(names)`` profiles on ``dimensions``, each from ``minimum`` to ``maximum``.

    Examples
    --------
    >>> rating = ProfileRating([Dim("a", "Gebruik"), Dim("b", "Comfort")], ["Plein", "Park"])
    >>> rating.rate(0, "a", 4); rating.rate(1, "a", 2)
    >>> rating.table().loc["Gebruik"].tolist()
    [4.0, 2.0]
    >>> rating.differences()
    {'Gebruik': 2}
    """

    def __init__(self, dimensions: list[Dim], names: list[str], minimum: int = 1, maximum: int = 5):
        self.dimensions, self.minimum, self.maximum = list(dimensions), minimum, maximum
        self.names = list(names)
        self.ratings: list[dict[str, int | None]] = [dict.fromkeys(d.id for d in dimensions)
                                                     for _ in names]

    def _dim(self, dim_id: str) -> Dim:
        for dim in self.dimensions:
            if dim.id == dim_id:
                return dim
        raise LexiconError(f"Onbekende dimensie '{dim_id}'.")

    def rename(self, index: int, name: str) -> None:
        self.names[index] = name.strip() or self.names[index]

    def rate(self, index: int, dim_id: str, value: int | None) -> None:
        self._dim(dim_id)
        if value is not None and not self.minimum <= value <= self.maximum:
            raise LexiconError(f"Kies een score van {self.minimum} tot {self.maximum}.")
        self.ratings[index][dim_id] = value

    def table(self) -> "pd.DataFrame":
        """Rows: dimensions (labels); columns: profiles (names); values: scores or NaN."""
        import pandas as pd

        data = {name: [self.ratings[i][d.id] for d in self.dimensions]
                for i, name in enumerate(self.names)}
        return pd.DataFrame(data, index=[d.label for d in self.dimensions], dtype="float")

    def differences(self) -> dict[str, int]:
        """Per dimension rated in the first two profiles: first minus second."""
        if len(self.names) < 2:
            return {}
        return {d.label: self.ratings[0][d.id] - self.ratings[1][d.id] for d in self.dimensions
                if self.ratings[0][d.id] is not None and self.ratings[1][d.id] is not None}

    def summary(self) -> str:
        lines = []
        for i, name in enumerate(self.names):
            scores = "; ".join(f"{d.label}: {self.ratings[i][d.id] or '-'}" for d in self.dimensions)
            lines.append(f"- {name}: {scores}")
        return "\n".join(lines)

    def to_data(self) -> dict:
        return {"namen": list(self.names), "scores": [dict(r) for r in self.ratings]}

    def restore(self, data) -> list[str]:
        """Restore saved names and scores; return Dutch descriptions of parts that were skipped.

        Scores saved as text ('4') are read; anything else of another shape is skipped.
        """
        from .widgets.saved import as_rung

        if not data:
            return []
        if not isinstance(data, dict):
            return ["het opgeslagen profiel heeft een onbekende vorm"]
        problems = []
        names = data.get("namen") if isinstance(data.get("namen"), list) else []
        for i, name in enumerate(names[: len(self.names)]):
            if isinstance(name, str) and name.strip():
                self.names[i] = name
        scores = data.get("scores") if isinstance(data.get("scores"), list) else []
        for i, row in enumerate(scores[: len(self.names)]):
            for dim_id, value in (row.items() if isinstance(row, dict) else []):
                if dim_id not in self.ratings[i]:
                    continue
                try:
                    self.ratings[i][dim_id] = as_rung(value, self.minimum, self.maximum)
                except (TypeError, ValueError):
                    problems.append(f"{self.names[i]}: score '{value}' bij {self._dim(dim_id).label}")
        return problems


def describe_profiles(rating: ProfileRating) -> str:
    """Text alternative of the profile drawing."""
    return "Profiel per dimensie (score van {} tot {}). ".format(rating.minimum, rating.maximum) + \
        " ".join(line.lstrip("- ") + "." for line in rating.summary().splitlines())


class ProfileChart:
    """One persistent profile chart: the lines are redrawn; the axes only when names change."""

    def __init__(self, rating: ProfileRating, title: str = "Profiel", figure=None):
        from .rendering import freeze_layout, new_figure, plain

        self.figure = figure or new_figure(7.2, 0.5 * len(rating.dimensions) + 1.7)
        ax = self.ax = self.figure.add_subplot()
        y = list(range(len(rating.dimensions)))
        self.lines = [ax.plot([], [], marker=marker, color=colour, markersize=9, linewidth=2,
                              clip_on=False)[0]
                      for (marker, colour), _ in zip(MARKERS, rating.names)]
        labels = [d.label if not d.links else f"{d.links} ↔ {d.rechts}" for d in rating.dimensions]
        ax.set_yticks(y, [plain(textwrap.fill(label, 30)) for label in labels], fontsize=9)
        ax.set_ylim(len(y) - 0.5, -0.5)
        ax.set_xlim(rating.minimum - 0.3, rating.maximum + 0.3)
        ax.set_xticks(range(rating.minimum, rating.maximum + 1))
        ax.grid(axis="x", color="#DDDDDD")
        ax.set_title(plain(title), fontsize=11)
        self._names: list[str] = []
        self.legend = None
        self.update(rating)
        freeze_layout(self.figure)

    @property
    def dynamic(self) -> list:
        return list(self.lines)

    def update(self, rating: ProfileRating) -> bool:
        """Show the ratings; True when the legend (the names) changed too."""
        from .rendering import plain

        rows = list(range(len(rating.dimensions)))
        for index, line in enumerate(self.lines[:len(rating.names)]):
            scores = [rating.ratings[index][d.id] for d in rating.dimensions]
            line.set_data([math.nan if s is None else float(s) for s in scores], rows)
        if list(rating.names) == self._names:
            return False
        self._names = list(rating.names)
        for line, name in zip(self.lines, rating.names):
            line.set_label(plain(name))
        if self.legend is not None:
            self.legend.remove()
        self.legend = self.figure.legend(handles=self.lines, loc="outside lower center",
                                         ncols=len(self.lines), fontsize=9, frameon=False)
        return True


def draw_profiles(rating: ProfileRating, ax=None, title: str = "Profiel"):
    """Dimensions top to bottom, one line with its own marker and colour per profile.

    Returns the Axes of a new pyplot-free figure (``ax`` is accepted for compatibility and ignored).
    """
    return ProfileChart(rating, title).ax
