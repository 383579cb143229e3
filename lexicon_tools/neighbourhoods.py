"""A fictional data set for the lemma Buurteffecten (Pinkster): why a correlation between a
neighbourhood and an outcome is not yet a neighbourhood effect.

In 'Nabijstad' the housing market sorts households: cheap neighbourhoods get mostly low incomes.
Whether someone has paid work depends on the income group (and chance) only, never on the
neighbourhood. Compared per neighbourhood, work differs a lot; compared within one income group,
the neighbourhood makes (almost) no difference: selection, not a neighbourhood effect.
"""

__all__ = ["fictional_neighbourhoods", "NEIGHBOURHOODS"]

import numpy as np
import pandas as pd

INCOME_GROUPS = ("laag", "midden", "hoog")
# share of each income group among the households of a neighbourhood (the housing market)
NEIGHBOURHOODS = {
    "Lindenhof": (0.70, 0.25, 0.05),
    "Spoorkwartier": (0.50, 0.35, 0.15),
    "Parkzicht": (0.20, 0.45, 0.35),
    "Villawijk De Horst": (0.05, 0.30, 0.65),
}
# chance of paid work per income group: the same in every neighbourhood
WORK_CHANCE = {"laag": 0.45, "midden": 0.75, "hoog": 0.90}


def fictional_neighbourhoods(households_per_neighbourhood: int = 600, seed: int = 2022) -> pd.DataFrame:
    """One row a household: buurt, inkomensgroep and werk (True/False). Deterministic per seed.

    Examples
    --------
    >>> df = fictional_neighbourhoods(100, seed=1)
    >>> sorted(df.columns), len(df)
    (['buurt', 'inkomensgroep', 'werk'], 400)
    """
    rng = np.random.default_rng(seed)
    frames = []
    for name, shares in NEIGHBOURHOODS.items():
        incomes = rng.choice(INCOME_GROUPS, size=households_per_neighbourhood, p=shares)
        work = rng.random(households_per_neighbourhood) < np.vectorize(WORK_CHANCE.get)(incomes)
        frames.append(pd.DataFrame({"buurt": name, "inkomensgroep": incomes, "werk": work}))
    frame = pd.concat(frames, ignore_index=True)
    frame["inkomensgroep"] = pd.Categorical(frame["inkomensgroep"], categories=INCOME_GROUPS,
                                            ordered=True)
    return frame
