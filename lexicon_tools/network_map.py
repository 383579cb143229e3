"""Netwerkkaart: a student's own ties classified as bonding, bridging or linking social capital.

The rules are our operationalisation of the lemma *Menselijk en sociaal kapitaal* (Verharen &
Rözer; Woolcock's distinction, Szreter & Woolcock 2004), shown to the student as they are:

1. **linking** — the tie is with a professional or an institution, or it gives access to an
   institution or to influence (ties of respect and trust with e.g. a municipality or care provider);
2. **bonding** — otherwise, a relatively strong tie (closeness 2 or 3) with someone much like you
   (the homogeneous circle of family and good friends you can count on);
3. **bridging** — every other tie: a weaker tie (closeness 1), or a tie with someone who differs
   from you; such ties bridge to other networks and new knowledge (Granovetter's weak ties).
"""

__all__ = ["Tie", "NetworkMap", "classify_tie", "CAPITAL_TYPES", "RULES", "CLOSENESS",
           "draw_network_map", "describe_network_map", "ties_from_saved"]

import math
import textwrap
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from .errors import LexiconError
from .exercises import TIE_KINDS

if TYPE_CHECKING:
    import networkx as nx

CAPITAL_TYPES = ("bonding", "bridging", "linking")
CAPITAL_STYLE = {"bonding": ("#E69F00", "o"), "bridging": ("#56B4E9", "s"),
                 "linking": ("#009E73", "^")}
INSTITUTIONAL_KINDS = ("professional", "instantie")
RULES = [
    "Linking: de band is met een professional of instantie, of geeft toegang tot een instelling "
    "of tot invloed.",
    "Bonding: anders, een sterke band (nabijheid 2 of 3) met iemand die veel op je lijkt.",
    "Bridging: alle andere banden: een zwakkere band (nabijheid 1) of een band met iemand die "
    "van je verschilt.",
]


CLOSENESS = {1: "op afstand", 2: "tussenin", 3: "heel dichtbij"}


@dataclass(frozen=True)
class Tie:
    """One tie in a student's network."""

    naam: str
    soort: str
    nabijheid: int
    lijkt_op_mij: bool
    toegang: bool = False

    def __post_init__(self):
        if not self.naam.strip():
            raise LexiconError("Geef de persoon of organisatie een naam.")
        if self.soort not in TIE_KINDS:
            raise LexiconError(f"Onbekende soort band '{self.soort}'; kies uit: {', '.join(TIE_KINDS)}.")
        if self.nabijheid not in (1, 2, 3):
            raise LexiconError("Nabijheid is 1 (op afstand), 2 (tussenin) of 3 (heel dichtbij).")


def classify_tie(tie: Tie) -> str:
    """Bonding, bridging or linking, by the rules in :data:`RULES`.

    Examples
    --------
    >>> classify_tie(Tie("Oma", "familie", 3, lijkt_op_mij=True))
    'bonding'
    >>> classify_tie(Tie("Buurman Kees", "buur", 2, lijkt_op_mij=False))
    'bridging'
    >>> classify_tie(Tie("Wijkcoach", "professional", 2, lijkt_op_mij=False))
    'linking'
    """
    if tie.soort in INSTITUTIONAL_KINDS or tie.toegang:
        return "linking"
    if tie.lijkt_op_mij and tie.nabijheid >= 2:
        return "bonding"
    return "bridging"


class NetworkMap:
    """A student's ego network: ties, their capital types, counts and a reading."""

    def __init__(self, ties: list[Tie] | None = None):
        self.ties: list[Tie] = list(ties or [])

    def add(self, tie: Tie) -> None:
        if any(t.naam.strip().lower() == tie.naam.strip().lower() for t in self.ties):
            raise LexiconError(f"'{tie.naam}' staat al op je kaart; kies een andere naam.")
        self.ties.append(tie)

    def remove(self, naam: str) -> None:
        self.ties = [t for t in self.ties if t.naam != naam]

    def classified(self) -> list[tuple[Tie, str]]:
        return [(tie, classify_tie(tie)) for tie in self.ties]

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(CAPITAL_TYPES, 0)
        for _, kind in self.classified():
            counts[kind] += 1
        return counts

    def reading(self) -> list[str]:
        """A short Dutch reading of the map, following the lemma's argument."""
        counts, total = self.counts(), len(self.ties)
        if total == 0:
            return ["Je kaart is nog leeg. Voeg mensen en organisaties toe; een voorbeeld bekijken kan ook."]
        lines = [f"Je kaart telt {total} banden: {counts['bonding']} bonding, "
                 f"{counts['bridging']} bridging en {counts['linking']} linking."]
        if counts["bonding"] / total >= 0.6:
            lines.append("Veel bonding: banden die zekerheid geven en snel klaarstaan. Dat is waardevol, "
                         "zeker in een kwetsbare positie. Het lemma wijst erop dat wie vooral zulke "
                         "banden heeft, minder makkelijk aan nieuwe kennis en kansen komt.")
        if counts["bridging"] == 0:
            lines.append("Geen bridging: er zijn geen bruggen naar mensen die anders zijn dan jij. "
                         "Zulke (vaak lossere) contacten brengen nieuwe informatie en ideeën.")
        if counts["linking"] == 0:
            lines.append("Geen linking: niemand op je kaart geeft toegang tot instellingen of invloed. "
                         "Daardoor word je minder snel gehoord als je iets nodig hebt.")
        if counts["bridging"] == 0 or counts["linking"] == 0 or counts["bonding"] / total >= 0.6:
            lines.append("Wat kan een sociaal werker doen? Zelf een brug zijn naar andere netwerken "
                         "en instellingen, of iemand helpen de vaardigheden en gelegenheden te vinden "
                         "om zulke banden zelf aan te gaan.")
        else:
            lines.append("Een gemengd netwerk: er zijn banden die steun geven én banden die deuren "
                         "openen naar andere mensen en instellingen.")
        return lines

    def to_graph(self, ego: str = "ik") -> "nx.Graph":
        """The map as a networkx graph (networkx is imported only here: a kernel that only
        draws the map does not pay for it)."""
        import networkx as nx

        graph = nx.Graph()
        graph.add_node(ego, kind="ego")
        for tie, capital in self.classified():
            graph.add_node(tie.naam, kind=capital, soort=tie.soort)
            graph.add_edge(ego, tie.naam, nabijheid=tie.nabijheid, capital=capital)
        return graph

    def layout(self) -> dict[str, tuple[float, float]]:
        """Deterministic positions: closer ties nearer the centre, grouped by capital type."""
        positions = {"ik": (0.0, 0.0)}
        ordered = sorted(self.classified(), key=lambda tc: (CAPITAL_TYPES.index(tc[1]), tc[0].naam))
        for index, (tie, _) in enumerate(ordered):
            angle = 2 * math.pi * index / max(1, len(ordered))
            radius = {3: 1.0, 2: 2.0, 1: 3.0}[tie.nabijheid]
            positions[tie.naam] = (radius * math.cos(angle), radius * math.sin(angle))
        return positions

    def to_records(self) -> list[dict]:
        return [asdict(tie) for tie in self.ties]

    @classmethod
    def from_records(cls, records: list[dict]) -> "NetworkMap":
        return cls([Tie(**record) for record in records])


_YES, _NO = ("ja", "true", "waar", "1", "yes"), ("nee", "false", "onwaar", "0", "no", "")


def _flag(value, field: str, notes: list[str]) -> bool:
    if isinstance(value, bool):
        return value
    word = str(value if value is not None else "").strip().lower()
    if word in _YES or word in _NO:
        return word in _YES
    notes.append(f"'{field}' had de waarde '{value}'; die staat nu op nee")
    return False


def _closeness(value, notes: list[str]) -> int:
    try:
        number = float(str(value).strip().replace(",", "."))
    except ValueError:
        number = None
    if number is not None and number == int(number) and int(number) in CLOSENESS:
        return int(number)
    notes.append(f"nabijheid '{value}' is onleesbaar; die staat nu op 2")
    return 2


def _tie_from_saved(record) -> tuple[Tie | None, list[str]]:
    """One saved record as a Tie, repaired where that is safe; (None, why) when it cannot be read."""
    if not isinstance(record, dict):
        return None, [f"'{str(record)[:40]}' is geen band"]
    name = str(record.get("naam", "") if record.get("naam") is not None else "").strip()
    kind = str(record.get("soort", "")).strip().lower()
    if not name:
        return None, ["een band zonder naam"]
    if kind not in TIE_KINDS:
        return None, [f"'{name}' heeft een onbekende soort band '{record.get('soort')}'"]
    notes: list[str] = []
    closeness = _closeness(record.get("nabijheid", 2), notes)
    alike = _flag(record.get("lijkt_op_mij", False), "lijkt op mij", notes)
    access = _flag(record.get("toegang", False), "toegang", notes)
    return Tie(name, kind, closeness, alike, access), [f"{name}: {n}" for n in notes]


def ties_from_saved(data) -> tuple[list[Tie], list, list[str]]:
    """Read saved netwerkkaart data of any shape: (ties, unreadable records, Dutch notes).

    Extra fields are ignored, text numbers and yes/no words are read, a record that cannot be
    read is returned apart (so it can be kept, never silently dropped) and explained in a note.

    Examples
    --------
    >>> ties, bad, notes = ties_from_saved([{"naam": "Oma", "soort": "familie", "nabijheid": "3",
    ...     "lijkt_op_mij": "ja", "score": "hoog"}, {"naam": "X", "soort": "huisdier"}])
    >>> ties
    [Tie(naam='Oma', soort='familie', nabijheid=3, lijkt_op_mij=True, toegang=False)]
    >>> bad
    [{'naam': 'X', 'soort': 'huisdier'}]
    >>> notes
    ["'X' heeft een onbekende soort band 'huisdier'"]
    """
    if data is None:
        return [], [], []
    if isinstance(data, dict) and isinstance(data.get("banden"), list):
        data = data["banden"]
    if not isinstance(data, list):
        return [], [data], ["de opgeslagen kaart heeft een vorm die dit notebook niet kan lezen"]
    ties, bad, notes, seen = [], [], [], set()
    for record in data:
        tie, tie_notes = _tie_from_saved(record)
        if tie is not None and tie.naam.lower() in seen:
            tie, tie_notes = None, [f"'{tie.naam}' stond twee keer op de kaart"]
        notes += tie_notes
        if tie is None:
            bad.append(record)
        else:
            ties.append(tie)
            seen.add(tie.naam.lower())
    return ties, bad, notes


def describe_network_map(network: NetworkMap) -> str:
    """Text alternative of the drawing."""
    if not network.ties:
        return "Een lege netwerkkaart: alleen jij staat in het midden."
    parts = [f"{tie.naam} ({tie.soort}, nabijheid {tie.nabijheid}: {capital})"
             for tie, capital in network.classified()]
    return "Netwerkkaart met jou in het midden en " + f"{len(parts)} banden: " + "; ".join(parts) + "."


def draw_network_map(network: NetworkMap, ax=None):
    """Draw the ego network: colour and marker per capital type, distance by closeness."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Circle

    from .rendering import new_figure

    if ax is None:  # a pyplot-free Agg figure at the render resolution, nothing to close
        ax = new_figure(7.2, 5.9).add_subplot()
    pos = network.layout()
    classified = network.classified()
    for capital, (colour, marker) in CAPITAL_STYLE.items():
        ties = [tie for tie, kind in classified if kind == capital]
        for tie in ties:
            x, y = pos[tie.naam]
            ax.plot([0, x], [0, y], color=colour, alpha=0.6, linewidth=tie.nabijheid, zorder=1)
        if ties:
            ax.scatter([pos[t.naam][0] for t in ties], [pos[t.naam][1] for t in ties], s=420,
                       c=colour, marker=marker, edgecolors="black", linewidths=0.6, zorder=2)
    ax.scatter([0], [0], s=700, c="white", edgecolors="black", zorder=3)
    ax.text(0, 0, "ik", ha="center", va="center", fontsize=9, fontweight="bold", zorder=4)
    for name, (x, y) in pos.items():
        if name == "ik":
            continue
        norm = math.hypot(x, y) or 1.0
        ax.text(x + 0.32 * x / norm, y + 0.32 * y / norm, textwrap.fill(name, 18), fontsize=7.5,
                ha="left" if x > 0.05 else "right" if x < -0.05 else "center",
                va="bottom" if y > 0.05 else "top" if y < -0.05 else "center",
                parse_math=False)  # a name with '$' is text, not a formula
    for radius in (1, 2, 3):
        ax.add_patch(Circle((0, 0), radius, fill=False, linestyle=":", color="#BBBBBB"))
    handles = [Line2D([], [], marker=m, linestyle="", markersize=10, markerfacecolor=c,
                      markeredgecolor="black", label=k) for k, (c, m) in CAPITAL_STYLE.items()]
    ax.legend(handles=handles, loc="upper right", fontsize=9)
    ax.set_xlim(-5.2, 5.2), ax.set_ylim(-4.2, 4.2), ax.set_aspect("equal"), ax.set_axis_off()
    ax.set_title("Mijn netwerk: binnenste ring = heel dichtbij")
    return ax
