"""Integraal werken: one household, the professionals around it, before and after
'één huishouden, één plan, één regisseur' (lemma Integraal werken, Van Xanten & Van Arum).

Before: every professional has a separate line to the household and they hardly know of each
other. After: one regisseur is the household's contact and coordinates the others around one plan.
"""

__all__ = ["IntegralCase", "draw_integral_case", "describe_integral_case", "HOUSEHOLD"]

import math

import networkx as nx

from .errors import LexiconError

HOUSEHOLD = "huishouden"


class IntegralCase:
    """The choice of a regisseur and the one plan for a household.

    Examples
    --------
    >>> case = IntegralCase(["schuldhulp", "leerplicht", "huisarts"])
    >>> case.contacts_of_household("voor"), case.contacts_of_household("na")
    (3, 3)
    >>> case.choose_regisseur("schuldhulp")
    >>> case.contacts_of_household("na")
    1
    """

    def __init__(self, professionals: list[str]):
        self.professionals = list(professionals)
        self.regisseur: str | None = None
        self.plan = ""

    def choose_regisseur(self, name: str | None) -> None:
        if name is not None and name not in self.professionals:
            raise LexiconError(f"'{name}' staat niet in de lijst van professionals.")
        self.regisseur = name

    def graph(self, moment: str) -> nx.Graph:
        """The network 'voor' (before) or 'na' (after) integral working."""
        graph = nx.Graph()
        graph.add_node(HOUSEHOLD, rol="huishouden")
        for name in self.professionals:
            graph.add_node(name, rol="regisseur" if moment == "na" and name == self.regisseur
                           else "professional")
        if moment == "voor" or self.regisseur is None:
            graph.add_edges_from((HOUSEHOLD, name) for name in self.professionals)
        elif moment == "na":
            graph.add_edge(HOUSEHOLD, self.regisseur)
            graph.add_edges_from((self.regisseur, name) for name in self.professionals
                                 if name != self.regisseur)
        else:
            raise LexiconError("Kies 'voor' of 'na'.")
        return graph

    def contacts_of_household(self, moment: str) -> int:
        """How many professionals the household itself deals with."""
        return self.graph(moment).degree(HOUSEHOLD)

    def layout(self, moment: str) -> dict:
        """Deterministic positions: the household in the centre (before) or on the left (after)."""
        others = [p for p in self.professionals if not (moment == "na" and p == self.regisseur)]
        positions = {}
        centre = (0.0, 0.0) if moment == "voor" or self.regisseur is None else (-1.6, 0.0)
        positions[HOUSEHOLD] = centre
        hub = centre if moment == "voor" or self.regisseur is None else (0.0, 0.0)
        if hub != centre:
            positions[self.regisseur] = hub
        for index, name in enumerate(others):
            angle = math.pi * (0.5 - index / max(1, len(others) - 1)) if hub != centre else \
                2 * math.pi * index / len(others)
            positions[name] = (hub[0] + 1.4 * math.cos(angle), hub[1] + 1.4 * math.sin(angle))
        return positions

    def summary(self) -> str:
        return (f"Regisseur: {self.regisseur or '(nog niet gekozen)'}\n"
                f"Het ene plan: {self.plan.strip() or '(nog niet ingevuld)'}")

    def to_data(self) -> dict:
        return {"regisseur": self.regisseur, "plan": self.plan}

    def restore(self, data: dict | None) -> None:
        if data and data.get("regisseur") in self.professionals:
            self.regisseur = data["regisseur"]
        if data:
            self.plan = str(data.get("plan", ""))


def describe_integral_case(case: IntegralCase) -> str:
    before = case.contacts_of_household("voor")
    if case.regisseur is None:
        return (f"Vóór: het huishouden heeft {before} losse lijnen naar professionals. "
                "Kies een regisseur om het 'na'-plaatje te zien.")
    return (f"Vóór: het huishouden heeft {before} losse lijnen naar professionals die elkaar niet "
            f"zien. Na: het huishouden heeft één aanspreekpunt ({case.regisseur}), die de "
            f"{before - 1} anderen rond één plan verbindt.")


def draw_integral_case(case: IntegralCase, axes=None):
    """Two panels side by side: before and after."""
    import matplotlib.pyplot as plt

    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(11, 4.8))
    colours = {"huishouden": "#E69F00", "professional": "#56B4E9", "regisseur": "#009E73"}
    for ax, moment, title in zip(axes, ("voor", "na"), ("Vóór: ieder apart", "Na: één plan, één regisseur")):
        graph, pos = case.graph(moment), case.layout(moment)
        nx.draw_networkx_edges(graph, pos, ax=ax, edge_color="#777777")
        nodes = list(graph)
        nx.draw_networkx_nodes(graph, pos, nodelist=nodes, ax=ax, edgecolors="black",
                               node_color=[colours[graph.nodes[n]["rol"]] for n in nodes],
                               node_size=[900 if n == HOUSEHOLD else 500 for n in nodes])
        for name, (x, y) in pos.items():
            ax.text(x, y - 0.28, name, ha="center", va="top", fontsize=8)
        ax.set_title(f"{title} ({case.contacts_of_household(moment)} contact(en) voor het huishouden)",
                     fontsize=10)
        ax.set_xlim(-2.4, 2.2), ax.set_ylim(-2.0, 2.0), ax.set_axis_off()
    return axes
