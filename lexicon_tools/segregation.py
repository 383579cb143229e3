"""Segregation models for the lemma Segregatie: Schelling's model and the index of dissimilarity.

Both are plain Python (numpy/pandas), testable without a browser; the widget lives in
``widgets/schelling.py``.
"""

from __future__ import annotations

__all__ = ["SchellingModel", "dissimilarity_index", "DissimilarityIndex", "fictional_city"]

import numpy as np

EMPTY, GROUP_A, GROUP_B = 0, 1, 2


class SchellingModel:
    """Schelling's model of residential segregation on a square grid.

    Each household wants at least ``tolerance`` (a share, 0-1) of its occupied neighbour cells
    (the 8 around it) to be of its own group. An unhappy household moves to a random empty cell.
    Even mild preferences can produce strongly separated neighbourhoods.

    Parameters
    ----------
    size : int
        Width and height of the grid.
    share_a : float
        Share of households of group A (the rest is B).
    empty : float
        Share of empty cells.
    tolerance : float
        Minimum share of similar neighbours a household wants.
    seed : int, optional
        Makes the run reproducible.

    Examples
    --------
    >>> m = SchellingModel(size=10, tolerance=0.5, seed=1)
    >>> before = m.similar_share()
    >>> m.run(20) <= 20
    True
    >>> m.similar_share() >= before
    True
    """

    def __init__(self, size: int = 20, share_a: float = 0.5, empty: float = 0.1,
                 tolerance: float = 0.3, seed: int | None = None):
        if not 3 <= size <= 200:
            raise ValueError("size moet tussen 3 en 200 liggen")
        if not (0 < share_a < 1 and 0 < empty < 1 and 0 <= tolerance <= 1):
            raise ValueError("share_a en empty liggen tussen 0 en 1; tolerance van 0 tot en met 1")
        self.size, self.share_a, self.empty, self.tolerance = size, share_a, empty, tolerance
        self.rng = np.random.default_rng(seed)
        cells = size * size
        n_empty = max(1, round(cells * empty))
        n_a = round((cells - n_empty) * share_a)
        flat = np.array([GROUP_A] * n_a + [GROUP_B] * (cells - n_empty - n_a) + [EMPTY] * n_empty)
        self.rng.shuffle(flat)
        self.grid = flat.reshape(size, size)
        self.steps = 0
        self.history = [self.similar_share()]

    def _neighbour_counts(self) -> tuple[np.ndarray, np.ndarray]:
        """Per cell: number of A neighbours and of B neighbours (grid edges do not wrap)."""
        padded_a = np.pad(self.grid == GROUP_A, 1).astype(int)
        padded_b = np.pad(self.grid == GROUP_B, 1).astype(int)
        n = self.size
        count_a = sum(padded_a[1 + dy:1 + dy + n, 1 + dx:1 + dx + n]
                      for dy in (-1, 0, 1) for dx in (-1, 0, 1) if (dy, dx) != (0, 0))
        count_b = sum(padded_b[1 + dy:1 + dy + n, 1 + dx:1 + dx + n]
                      for dy in (-1, 0, 1) for dx in (-1, 0, 1) if (dy, dx) != (0, 0))
        return count_a, count_b

    def _shares(self) -> np.ndarray:
        """Per occupied cell: the share of similar neighbours (1.0 with no neighbours)."""
        count_a, count_b = self._neighbour_counts()
        same = np.where(self.grid == GROUP_A, count_a, count_b)
        total = count_a + count_b
        return np.where(total > 0, same / np.maximum(total, 1), 1.0)

    def unhappy(self) -> np.ndarray:
        """Boolean grid: households that want to move."""
        return (self.grid != EMPTY) & (self._shares() < self.tolerance)

    def similar_share(self) -> float:
        """Average share of similar neighbours over all households (0-1)."""
        occupied = self.grid != EMPTY
        return float(self._shares()[occupied].mean())

    def step(self) -> int:
        """Move every unhappy household (in random order) to a random empty cell; return moves."""
        movers = [tuple(p) for p in np.argwhere(self.unhappy())]
        self.rng.shuffle(movers)
        empties = [tuple(p) for p in np.argwhere(self.grid == EMPTY)]
        for cell in movers:
            target = empties.pop(self.rng.integers(len(empties)))
            self.grid[target], self.grid[cell] = self.grid[cell], EMPTY
            empties.append(cell)
        self.steps += 1
        self.history.append(self.similar_share())
        return len(movers)

    def run(self, max_steps: int = 50) -> int:
        """Step until nobody wants to move or ``max_steps`` is reached; return steps taken."""
        for taken in range(1, max_steps + 1):
            if self.step() == 0:
                return taken
        return max_steps


class DissimilarityIndex(float):
    """A dissimilarity index: a float that a notebook shows rounded, with what it means.

    Examples
    --------
    >>> d = DissimilarityIndex(0.36184815571142004)
    >>> round(d, 2), d.describe()[:29]
    (0.36, 'Segregatie-index D = 0,36: 36')
    """

    def describe(self) -> str:
        share = f"{self:.0%}"
        return (f"Segregatie-index D = {self:.2f}".replace(".", ",") + f": {share} van een van "
                "beide groepen zou moeten verhuizen om de twee groepen gelijk over de wijken te "
                "spreiden (0 = gelijk verspreid, 1 = volledig gescheiden).")

    def _repr_markdown_(self) -> str:
        return self.describe().replace("D = ", "*D* = ", 1)


def dissimilarity_index(frame: pd.DataFrame, group_a: str, group_b: str) -> DissimilarityIndex:
    """Index of dissimilarity D = ½ Σ |aᵢ/A − bᵢ/B| over the areas (rows) of ``frame``.

    0 means both groups are spread alike over the areas; 1 means complete separation. D is the
    share of one group that would have to move to get an even spread.

    Examples
    --------
    >>> import pandas as pd
    >>> city = pd.DataFrame({"a": [50, 50], "b": [0, 100]})
    >>> dissimilarity_index(city, "a", "b")
    0.5
    """
    a = frame[group_a] / frame[group_a].sum()
    b = frame[group_b] / frame[group_b].sum()
    return DissimilarityIndex(0.5 * (a - b).abs().sum())


def fictional_city(seed: int = 2022) -> pd.DataFrame:
    """A small fictional city ('Nabijstad') of 10 neighbourhoods, for exercises.

    Each row is a wijk with the number of residents of group A (e.g. long-time residents) and
    group B (e.g. newcomers). The numbers are made up: neighbourhoods in the centre are mixed,
    the outskirts lean to one group. Deterministic for a given seed.
    """
    import pandas as pd  # only here: the Schelling model itself needs no pandas

    rng = np.random.default_rng(seed)
    names = ["Centrum", "Oude Haven", "Spoorzijde", "Parkwijk", "De Velden", "Molenbuurt",
             "Zuiderhof", "Kanaleneiland-Noord", "Het Hoog", "Buitenveld"]
    share_b = np.array([0.45, 0.5, 0.7, 0.2, 0.8, 0.35, 0.65, 0.85, 0.1, 0.3])
    residents = rng.integers(1500, 6000, size=len(names))
    group_b = np.round(residents * share_b).astype(int)
    return pd.DataFrame({"wijk": names, "groep_a": residents - group_b, "groep_b": group_b})
