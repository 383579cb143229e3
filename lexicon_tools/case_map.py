"""Wicked-problem case map (lemma Werken aan institutionele nabijheid: de boundary spanner,
Bosselaar & Bannink): a person in the middle, parties around with their own goals, and the
boundary spanner's steps worked out per party.
"""

__all__ = ["CaseMap", "CaseMapChart", "draw_case_map", "describe_case_map"]

import math
import textwrap

from typing import TYPE_CHECKING

from .errors import LexiconError

if TYPE_CHECKING:
    import networkx as nx


class CaseMap:
    """The student's worksheet on a case map: a shared analysis plus, per party, the later steps.

    ``steps`` are (id, label) pairs of the boundary spanner's strategy; the first step (own
    analysis) is written once, the others per party.

    Examples
    --------
    >>> cm = CaseMap("Kevin", "sociaal team", ["werkgever", "politie"],
    ...              [("analyse", "Analyse"), ("inschatting", "Inschatting")])
    >>> cm.write("inschatting", "Hij wil betrouwbare mensen.", party="werkgever")
    >>> cm.worked_parties()
    ['werkgever']
    """

    def __init__(self, centre: str, connector: str, parties: list[str], steps: list[tuple[str, str]]):
        if len(steps) < 2:
            raise LexiconError("Een casuskaart heeft minstens twee stappen nodig.")
        self.centre, self.connector, self.parties = centre, connector, list(parties)
        self.steps = list(steps)
        self.selected: str | None = None
        self.texts: dict[str, dict[str, str]] = {"_eigen": {}}

    @property
    def first_step(self) -> str:
        return self.steps[0][0]

    def select(self, party: str | None) -> None:
        if party is not None and party not in self.parties:
            raise LexiconError(f"'{party}' is geen partij op deze kaart.")
        self.selected = party

    def write(self, step: str, text: str, party: str | None = None) -> None:
        """Write a step: the first step is shared, the others belong to a party."""
        if step not in dict(self.steps):
            raise LexiconError(f"Onbekende stap '{step}'.")
        if step == self.first_step:
            self.texts["_eigen"][step] = text
            return
        party = party or self.selected
        if party is None:
            raise LexiconError("Kies eerst een partij op de kaart.")
        self.texts.setdefault(party, {})[step] = text

    def text(self, step: str, party: str | None = None) -> str:
        owner = "_eigen" if step == self.first_step else (party or self.selected)
        return self.texts.get(owner or "", {}).get(step, "")

    def worked_parties(self) -> list[str]:
        return [p for p in self.parties if any(t.strip() for t in self.texts.get(p, {}).values())]

    def summary(self, names: dict[str, str] | None = None) -> str:
        names = names or {}
        labels = dict(self.steps)
        lines = [f"{labels[self.first_step]}: {self.text(self.first_step) or '(nog niet ingevuld)'}"]
        for party in self.worked_parties():
            lines.append(f"Partij: {names.get(party, party)}")
            for step, label in self.steps[1:]:
                lines.append(f"- {label}: {self.texts[party].get(step, '') or '(leeg)'}")
        return "\n".join(lines)

    def to_data(self) -> dict:
        return {"gekozen": self.selected, "teksten": {k: dict(v) for k, v in self.texts.items()}}

    def restore(self, data) -> list[str]:
        """Restore saved texts and the chosen party; return Dutch notes on skipped parts."""
        if not data:
            return []
        if not isinstance(data, dict):
            return ["de opgeslagen casuskaart heeft een onbekende vorm"]
        problems, steps = [], dict(self.steps)
        texts = data.get("teksten") if isinstance(data.get("teksten"), dict) else {}
        for owner, saved in texts.items():
            if owner != "_eigen" and owner not in self.parties:
                problems.append(f"teksten bij onbekende partij '{owner}'")
                continue
            if not isinstance(saved, dict):
                problems.append(f"teksten bij '{owner}' hebben een onbekende vorm")
                continue
            self.texts[owner] = {k: str(v) for k, v in saved.items() if k in steps and v is not None}
        if data.get("gekozen") in self.parties:
            self.selected = data["gekozen"]
        return problems

    def roles(self) -> dict[str, str]:
        """Every node (in drawing order) with its role: centrum, verbinder or partij."""
        return {self.centre: "centrum", self.connector: "verbinder",
                **{party: "partij" for party in self.parties}}

    def edges(self) -> list[tuple[str, str]]:
        return [(self.centre, self.connector)] + [(self.centre, party) for party in self.parties]

    def graph(self, stances: dict[str, str] | None = None) -> "nx.Graph":
        """The case map as a networkx graph (edges to parties carry their ``standpunt``)."""
        import networkx as nx

        graph = nx.Graph()
        graph.add_node(self.centre, rol="centrum")
        graph.add_node(self.connector, rol="verbinder")
        graph.add_edge(self.centre, self.connector)
        for party in self.parties:
            graph.add_node(party, rol="partij")
            graph.add_edge(self.centre, party, standpunt=(stances or {}).get(party, ""))
        return graph

    def layout(self) -> dict:
        positions = {self.centre: (0.0, 0.0), self.connector: (0.0, -1.0)}
        for index, party in enumerate(self.parties):
            angle = math.pi * (1.1 - 1.2 * index / max(1, len(self.parties) - 1))
            positions[party] = (2.2 * math.cos(angle), 0.3 + 1.7 * math.sin(angle))
        return positions


def describe_case_map(case: CaseMap, names: dict[str, str], stances: dict[str, str]) -> str:
    parts = [f"{names.get(p, p)} (standpunt: {stances.get(p, '-')})" for p in case.parties]
    chosen = f" Gekozen partij: {names.get(case.selected, case.selected)}." if case.selected else ""
    return (f"Casuskaart met {case.centre} in het midden, {case.connector} als verbinder en "
            f"{len(parts)} partijen: " + "; ".join(parts) + "." + chosen)


ROLE_COLOURS = {"centrum": "#E69F00", "verbinder": "#009E73", "partij": "#56B4E9"}


class CaseMapChart:
    """One persistent case map: edges and stances drawn once; nodes and labels show the choice."""

    def __init__(self, case: CaseMap, names: dict[str, str], stances: dict[str, str], figure=None):
        from matplotlib.collections import LineCollection

        from .rendering import new_figure, plain

        self.figure = figure or new_figure(8.6, 5.2)
        ax = self.ax = self.figure.add_axes((0.0, 0.0, 1.0, 0.93))
        roles, pos = case.roles(), case.layout()
        self.order = list(roles)
        ax.add_collection(LineCollection([[pos[a], pos[b]] for a, b in case.edges()],
                                         colors="#888888", zorder=1))
        self.nodes = ax.scatter([pos[n][0] for n in self.order], [pos[n][1] for n in self.order],
                                c=[ROLE_COLOURS[roles[n]] for n in self.order],
                                edgecolors="black", zorder=2)
        self.labels = [ax.text(pos[n][0], pos[n][1] - 0.2,
                               plain(textwrap.fill(names.get(n, n), 16, break_long_words=False)),
                               ha="center", va="top", fontsize=8, zorder=3) for n in self.order]
        for party in case.parties:
            x, y = pos[party]
            if stances.get(party):
                ax.text(x * 0.55, y * 0.55 + 0.08, plain(textwrap.fill(f"'{stances[party]}'", 18)),
                        ha="center", fontsize=7, style="italic", color="#444444", zorder=2,
                        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0})
        ax.set_xlim(-3.0, 3.0), ax.set_ylim(-1.6, 2.4), ax.set_axis_off()
        self.figure.suptitle("Casuskaart: ieder zijn eigen doel (dik omrand = gekozen partij)",
                             fontsize=11)
        # the chosen party's label: bold, on a white ground over its normal label
        self.chosen_label = ax.text(0, 0, "", ha="center", va="top", fontsize=8, zorder=4,
                                    fontweight="bold", bbox={"facecolor": "white",
                                                             "edgecolor": "none", "pad": 0.5})
        self.dynamic = [self.nodes, self.chosen_label]
        self.update(case)

    def update(self, case: CaseMap) -> None:
        chosen = [n == case.selected for n in self.order]
        self.nodes.set_sizes([1100 if c else 800 for c in chosen])
        self.nodes.set_linewidths([3.5 if c else 0.8 for c in chosen])
        self.chosen_label.set_visible(case.selected is not None)
        if case.selected is not None:
            label = self.labels[self.order.index(case.selected)]
            self.chosen_label.set_text(label.get_text())
            self.chosen_label.set_position(label.get_position())


def draw_case_map(case: CaseMap, names: dict[str, str], stances: dict[str, str], ax=None):
    """The case as a network: the chosen party highlighted, each party's stance on its edge.

    Returns the Axes of a new pyplot-free figure (``ax`` is accepted for compatibility and ignored).
    """
    return CaseMapChart(case, names, stances).ax
