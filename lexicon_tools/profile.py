"""Profile rating: score one or more things (places, relationships) on a set of dimensions.

Dimensions come from a model (e.g. the vier kernkwaliteiten of public space) or from a list in an
exercise file; a dimension may be bipolar (``links`` ↔ ``rechts``). Plain Python: ratings,
comparison, save/restore, drawing and a text alternative.
"""

__all__ = ["ProfileRating", "draw_profiles", "describe_profiles"]

from dataclasses import dataclass

import pandas as pd

from .errors import LexiconError

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

    def table(self) -> pd.DataFrame:
        """Rows: dimensions (labels); columns: profiles (names); values: scores or NaN."""
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

    def restore(self, data: dict | None) -> None:
        if not data:
            return
        for i, name in enumerate(data.get("namen", [])[: len(self.names)]):
            self.names[i] = str(name)
        for i, scores in enumerate(data.get("scores", [])[: len(self.names)]):
            for dim_id, value in (scores or {}).items():
                if dim_id in self.ratings[i] and (value is None or self.minimum <= value <= self.maximum):
                    self.ratings[i][dim_id] = value


def describe_profiles(rating: ProfileRating) -> str:
    """Text alternative of the profile drawing."""
    return "Profiel per dimensie (score van {} tot {}). ".format(rating.minimum, rating.maximum) + \
        " ".join(line.lstrip("- ") + "." for line in rating.summary().splitlines())


def draw_profiles(rating: ProfileRating, ax=None, title: str = "Profiel"):
    """Dimensions top to bottom, one line with its own marker and colour per profile."""
    import matplotlib.pyplot as plt

    table = rating.table()
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.6 * len(table) + 1.6))
    y = list(range(len(table)))
    for column, (marker, colour) in zip(table.columns, MARKERS):
        ax.plot(table[column].tolist(), y, marker=marker, color=colour, markersize=9, linewidth=2,
                label=column)
    labels = [d.label if not d.links else f"{d.links} ↔ {d.rechts}" for d in rating.dimensions]
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.set_xlim(rating.minimum - 0.3, rating.maximum + 0.3)
    ax.set_xticks(range(rating.minimum, rating.maximum + 1))
    ax.grid(axis="x", color="#DDDDDD")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9)
    ax.set_title(title)
    ax.figure.tight_layout()
    return ax
