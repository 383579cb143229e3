"""Schelling model and the index of dissimilarity."""

import numpy as np
import pandas as pd
import pytest

from lexicon_tools.segregation import (EMPTY, GROUP_A, GROUP_B, SchellingModel, dissimilarity_index,
                                       fictional_city)


def test_grid_has_the_requested_mix():
    m = SchellingModel(size=10, share_a=0.6, empty=0.2, seed=3)
    counts = {v: int((m.grid == v).sum()) for v in (EMPTY, GROUP_A, GROUP_B)}
    assert counts == {EMPTY: 20, GROUP_A: 48, GROUP_B: 32}


def test_same_seed_same_run():
    a, b = SchellingModel(size=15, seed=7), SchellingModel(size=15, seed=7)
    a.run(10), b.run(10)
    assert np.array_equal(a.grid, b.grid) and a.history == b.history
    c = SchellingModel(size=15, seed=8)
    assert not np.array_equal(a.grid, c.grid)


def test_hand_computed_neighbour_shares():
    m = SchellingModel(size=3, seed=0, tolerance=0.5)
    m.grid = np.array([[1, 1, 2],
                       [1, 2, 0],
                       [0, 0, 2]])
    # centre (B): neighbours A,A,B,A,0,0,0,B -> 2 of 5 similar; corner top-left (A): A,A,B -> 2/3
    shares = m._shares()
    assert shares[1, 1] == pytest.approx(2 / 5) and shares[0, 0] == pytest.approx(2 / 3)
    assert m.unhappy()[1, 1] and not m.unhappy()[0, 0]


def test_moving_keeps_the_population_and_raises_similarity():
    m = SchellingModel(size=20, tolerance=0.5, seed=11)
    before = {v: int((m.grid == v).sum()) for v in (EMPTY, GROUP_A, GROUP_B)}
    start = m.similar_share()
    steps = m.run(60)
    assert {v: int((m.grid == v).sum()) for v in (EMPTY, GROUP_A, GROUP_B)} == before
    assert m.similar_share() > start + 0.15
    assert len(m.history) == steps + 1 and m.steps == steps


def test_everyone_happy_stops_at_once():
    m = SchellingModel(size=8, tolerance=0.0, seed=1)
    assert m.run(10) == 1 and m.unhappy().sum() == 0


def test_bad_parameters():
    with pytest.raises(ValueError):
        SchellingModel(size=2)
    with pytest.raises(ValueError):
        SchellingModel(tolerance=1.5)


def test_dissimilarity_index_hand_computed():
    # A: 100 in w1, 100 in w2, 0 in w3 (A=200); B: 0, 100, 300 (B=400)
    # |0.5-0| + |0.5-0.25| + |0-0.75| = 1.5 -> D = 0.75
    city = pd.DataFrame({"a": [100, 100, 0], "b": [0, 100, 300]})
    assert dissimilarity_index(city, "a", "b") == pytest.approx(0.75)
    even = pd.DataFrame({"a": [10, 20], "b": [30, 60]})
    assert dissimilarity_index(even, "a", "b") == pytest.approx(0.0)


def test_fictional_city_is_deterministic_and_partly_segregated():
    city = fictional_city()
    assert city.equals(fictional_city()) and len(city) == 10
    assert 0.2 < dissimilarity_index(city, "groep_a", "groep_b") < 0.6


def test_dissimilarity_index_is_shown_rounded_with_its_meaning():
    from lexicon_tools.segregation import DissimilarityIndex

    d = DissimilarityIndex(0.36184815571142004)
    assert d == 0.36184815571142004 and isinstance(d, float)
    shown = d._repr_markdown_()
    assert shown.startswith("Segregatie-index *D* = 0,36: 36% van een van beide groepen")
    assert "0.3618" not in shown and "volledig gescheiden" in shown
    from lexicon_tools.segregation import fictional_city

    city = fictional_city()
    assert "Segregatie-index" in dissimilarity_index(city, "groep_a", "groep_b")._repr_markdown_()
