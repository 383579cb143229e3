"""The fictional neighbourhoods show selection, not a neighbourhood effect."""

from lexicon_tools.neighbourhoods import fictional_neighbourhoods


def test_deterministic():
    assert fictional_neighbourhoods().equals(fictional_neighbourhoods())


def test_neighbourhood_differences_disappear_within_income_groups():
    df = fictional_neighbourhoods(households_per_neighbourhood=20000, seed=3)
    per_buurt = df.groupby("buurt")["werk"].mean()
    assert per_buurt.max() - per_buurt.min() > 0.2  # looks like a neighbourhood effect
    within = df.groupby(["inkomensgroep", "buurt"], observed=True)["werk"].mean().unstack()
    assert (within.max(axis=1) - within.min(axis=1)).max() < 0.08  # but it is selection
