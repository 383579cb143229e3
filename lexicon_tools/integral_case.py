"""Integraal werken: one household, the professionals around it, before and after
'één huishouden, één plan, één regisseur' (lemma Integraal werken, Van Xanten & Van Arum).

Before: every professional has a separate line to the household and they hardly know of each
other. After: one regisseur is the household's contact and coordinates the others around one plan.
"""

__all__ = ["IntegralCase", "IntegralChart", "draw_integral_case", "describe_integral_case", "HOUSEHOLD"]

import math
import textwrap

from typing import TYPE_CHECKING

from .errors import LexiconError

if TYPE_CHECKING:
    import networkx as nx

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

    def roles(self, moment: str) -> dict[str, str]:
        """Every node with its role: huishouden, regisseur or professional."""
        self.edges(moment)  # checks the moment
        return {HOUSEHOLD: "huishouden", **{
            name: "regisseur" if moment == "na" and name == self.regisseur else "professional"
            for name in self.professionals}}

    def edges(self, moment: str) -> list[tuple[str, str]]:
        """The lines 'voor' (before) or 'na' (after) integral working."""
        if moment == "voor" or (moment == "na" and self.regisseur is None):
            return [(HOUSEHOLD, name) for name in self.professionals]
        if moment == "na":
            return [(HOUSEHOLD, self.regisseur)] + [(self.regisseur, name) for name in
                                                    self.professionals if name != self.regisseur]
        raise LexiconError("Kies 'voor' of 'na'.")

    def graph(self, moment: str) -> "nx.Graph":
        """The network 'voor' (before) or 'na' (after) integral working, as a networkx graph."""
        import networkx as nx

        graph = nx.Graph()
        for name, role in self.roles(moment).items():
            graph.add_node(name, rol=role)
        graph.add_edges_from(self.edges(moment))
        return graph

    def contacts_of_household(self, moment: str) -> int:
        """How many professionals the household itself deals with."""
        return sum(HOUSEHOLD in edge for edge in self.edges(moment))

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

    def restore(self, data) -> list[str]:
        """Restore the saved regisseur and plan; return Dutch notes on parts that were skipped."""
        if not data:
            return []
        if not isinstance(data, dict):
            return ["de opgeslagen casus heeft een onbekende vorm"]
        problems = []
        regisseur = data.get("regisseur")
        if regisseur in self.professionals:
            self.regisseur = regisseur
        elif regisseur is not None:
            problems.append(f"regisseur '{regisseur}' staat niet (meer) in de lijst")
        plan = data.get("plan")
        self.plan = plan if isinstance(plan, str) else "" if plan is None else str(plan)
        return problems


def describe_integral_case(case: IntegralCase) -> str:
    before = case.contacts_of_household("voor")
    if case.regisseur is None:
        return (f"Vóór: het huishouden heeft {before} losse lijnen naar professionals. "
                "Kies een regisseur om het 'na'-plaatje te zien.")
    return (f"Vóór: het huishouden heeft {before} losse lijnen naar professionals die elkaar niet "
            f"zien. Na: het huishouden heeft één aanspreekpunt ({case.regisseur}), die de "
            f"{before - 1} anderen rond één plan verbindt.")


COLOURS = {"huishouden": "#E69F00", "professional": "#56B4E9", "regisseur": "#009E73"}
TITLES = {"voor": "Vóór: ieder apart", "na": "Na: één plan, één regisseur"}


class IntegralChart:
    """Two persistent panels, before and after. In the 'after' panel every professional keeps a
    fixed place (so the labels are drawn once); choosing a regisseur only changes lines and colours.
    """

    AFTER_CENTRE = (-0.4, 0.0)

    def __init__(self, case: IntegralCase, figure=None):
        from .rendering import new_figure

        self.figure = figure or new_figure(8.8, 4.1)
        axes = self.figure.subplots(1, 2)
        self.figure.subplots_adjust(left=0.01, right=0.99, bottom=0.02, top=0.9, wspace=0.04)
        for ax, xlim in zip(axes, ((-2.9, 2.9), (-2.6, 3.3))):
            ax.set_xlim(*xlim), ax.set_ylim(-2.2, 2.2), ax.set_axis_off()
        self.axes = axes
        self.nodes_order = [HOUSEHOLD, *case.professionals]
        before = self._network(axes[0], case, case.layout("voor"), (0.0, 0.0))
        self._show(before, case, "voor")
        self.after = self._network(axes[1], case, self.after_layout(case), self.AFTER_CENTRE)
        self._show(self.after, case, "na")
        self.dynamic = [self.after["edges"], self.after["nodes"]]

    def after_layout(self, case: IntegralCase) -> dict:
        """Fixed places: the household on the left, the professionals on a half circle right."""
        cx, cy = self.AFTER_CENTRE
        last = max(1, len(case.professionals) - 1)
        positions = {HOUSEHOLD: (-2.1, 0.0)}
        for index, name in enumerate(case.professionals):
            angle = math.pi / 2 - math.pi * index / last
            positions[name] = (cx + 2.0 * math.cos(angle), cy + 1.6 * math.sin(angle))
        return positions

    def _network(self, ax, case: IntegralCase, pos: dict, hub: tuple) -> dict:
        from matplotlib.collections import LineCollection

        from .rendering import plain

        parts = {"pos": pos, "title": ax.set_title("", fontsize=10),
                 "edges": ax.add_collection(LineCollection([], colors="#777777", zorder=1)),
                 "nodes": ax.scatter([pos[n][0] for n in self.nodes_order],
                                     [pos[n][1] for n in self.nodes_order],
                                     edgecolors="black", zorder=2)}
        for name in self.nodes_order:
            label = ax.text(0, 0, plain(textwrap.fill(name, 16, break_long_words=False)),
                            fontsize=8, zorder=3, linespacing=1.1)
            place_label(label, pos[name], hub, below=name == HOUSEHOLD)
        return parts

    def _show(self, parts: dict, case: IntegralCase, moment: str) -> bool:
        pos, all_roles = parts["pos"], case.roles(moment)
        parts["edges"].set_segments([[pos[a], pos[b]] for a, b in case.edges(moment)])
        roles = [all_roles[n] for n in self.nodes_order]
        parts["nodes"].set_facecolors([COLOURS[r] for r in roles])
        # scatter sizes are in points², like networkx's node_size
        parts["nodes"].set_sizes([900 if r == "huishouden" else 700 if r == "regisseur" else 500
                                  for r in roles])
        title = (f"{TITLES[moment]}\n({case.contacts_of_household(moment)} "
                 "contact(en) voor het huishouden)")
        changed = parts["title"].get_text() != title
        parts["title"].set_text(title)
        return changed

    def update(self, case: IntegralCase) -> bool:
        """Redraw the 'after' panel; True when its title changed too (a full redraw is needed)."""
        return self._show(self.after, case, "na")

    @property
    def title(self):
        return self.after["title"]


def place_label(label, xy: tuple, hub: tuple, below: bool = False, gap: float = 0.3) -> None:
    """Put a node's label just outside the node, pointing away from the hub (``below``: under it)."""
    dx, dy = xy[0] - hub[0], xy[1] - hub[1]
    length = math.hypot(dx, dy)
    if below or length < 1e-9:
        label.set_position((xy[0], xy[1] - gap))
        label.set_ha("center"), label.set_va("top")
        return
    ux, uy = dx / length, dy / length
    label.set_position((xy[0] + gap * ux, xy[1] + gap * uy))
    label.set_ha("left" if ux > 0.35 else "right" if ux < -0.35 else "center")
    label.set_va("bottom" if uy > 0.35 else "top" if uy < -0.35 else "center")


def draw_integral_case(case: IntegralCase, axes=None):
    """Two panels side by side: before and after. Returns the two Axes of a new figure."""
    return IntegralChart(case).axes
