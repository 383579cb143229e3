"""Straatscan on the ladder van onderlinge verbintenissen (lemma Alledaagse attentheid, Kremer).

For a street or wijk the student marks, per group of residents, the rung where things are now,
the rung that is desirable and the rung that is realistic; then writes what a social worker could
do, choosing levers (aangrijpingspunten) and professional roles from the lemma. Plain Python:
state, hints, save/restore, anonymous export rows and the lecturer's class overview.
"""

from __future__ import annotations

__all__ = ["Straatscan", "GroupScan", "read_straatscans", "straatscan_overview", "draw_straatscan", "StraatscanChart",
           "show_class_straatscans"]

from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from .anonymous import read_csv_folder, write_anonymous_csv
from .errors import LexiconError

MARKS = {"nu": ("o", "#0072B2", "nu"), "wenselijk": ("*", "#E69F00", "wenselijk"),
         "haalbaar": ("D", "#009E73", "haalbaar")}


@dataclass
class GroupScan:
    """One group of residents: rung numbers (1 = bottom) now, desirable and realistic."""

    groep: str
    nu: int | None = None
    wenselijk: int | None = None
    haalbaar: int | None = None


@dataclass
class Straatscan:
    """The state of one straatscan.

    Examples
    --------
    >>> scan = Straatscan(rungs=["a", "b", "c", "d", "e", "f"], undesirable={1, 6})
    >>> scan.set_levels("alle bewoners", nu=2, wenselijk=4, haalbaar=3)
    >>> scan.gap("alle bewoners")
    1
    >>> scan.hints()
    []
    """

    rungs: list[str]
    undesirable: set[int] = field(default_factory=set)
    plek: str = ""
    groepen: list[GroupScan] = field(default_factory=lambda: [GroupScan("alle bewoners")])
    hefbomen: list[str] = field(default_factory=list)
    rollen: list[str] = field(default_factory=list)
    actie: str = ""
    eigen_plek: str = ""  # the student's own street, kept while a case is chosen

    def group(self, name: str) -> GroupScan:
        for group in self.groepen:
            if group.groep == name:
                return group
        raise LexiconError(f"Er is geen groep '{name}' in je straatscan.")

    def add_group(self, name: str) -> None:
        name = name.strip()
        if not name:
            raise LexiconError("Geef de groep bewoners een naam, bijv. 'jonge gezinnen'.")
        if any(g.groep.lower() == name.lower() for g in self.groepen):
            raise LexiconError(f"De groep '{name}' staat er al in.")
        self.groepen.append(GroupScan(name))

    def remove_group(self, name: str) -> None:
        if len(self.groepen) == 1:
            raise LexiconError("Er moet minstens één groep overblijven.")
        self.groepen = [g for g in self.groepen if g.groep != name]

    def set_levels(self, name: str, **levels: int | None) -> None:
        """Set ``nu``, ``wenselijk`` and/or ``haalbaar`` (rung numbers 1..n, or None)."""
        group = self.group(name) if any(g.groep == name for g in self.groepen) else None
        if group is None:
            self.add_group(name)
            group = self.group(name)
        for key, value in levels.items():
            if key not in MARKS:
                raise LexiconError(f"Onbekend onderdeel '{key}'; kies nu, wenselijk of haalbaar.")
            if value is not None and not 1 <= value <= len(self.rungs):
                raise LexiconError(f"Kies een trede van 1 tot {len(self.rungs)}.")
            setattr(group, key, value)

    def gap(self, name: str) -> int | None:
        """How many rungs the realistic aim lies above (+) or below (-) the present."""
        group = self.group(name)
        if group.nu is None or group.haalbaar is None:
            return None
        return group.haalbaar - group.nu

    def hints(self) -> list[str]:
        """Friendly Dutch remarks where a choice goes against the lemma's reading of the ladder."""
        hints = []
        for g in self.groepen:
            if g.wenselijk in self.undesirable:
                hints.append(f"{g.groep}: je kiest '{self.rungs[g.wenselijk - 1]}' als wenselijk, "
                             "maar het lemma noemt deze trede onwenselijk. Waarom kies je hem toch?")
            if None not in (g.nu, g.wenselijk, g.haalbaar) and not (
                    min(g.nu, g.wenselijk) <= g.haalbaar <= max(g.nu, g.wenselijk)):
                hints.append(f"{g.groep}: het haalbare ligt niet tussen nu en wenselijk. Klopt dat?")
        return hints

    def summary(self) -> str:
        """A readable text of the whole scan (for the hand-in file)."""
        def rung(n):
            return f"{n}. {self.rungs[n - 1]}" if n else "(niet ingevuld)"
        lines = [f"Plek: {self.plek or '(niet ingevuld)'}"]
        for g in self.groepen:
            lines.append(f"- {g.groep}: nu {rung(g.nu)}; wenselijk {rung(g.wenselijk)}; "
                         f"haalbaar {rung(g.haalbaar)}")
        lines.append(f"Hefbomen: {', '.join(self.hefbomen) or '(geen gekozen)'}")
        lines.append(f"Rollen: {', '.join(self.rollen) or '(geen gekozen)'}")
        lines.append(f"Wat een sociaal werker kan doen: {self.actie.strip() or '(nog niet ingevuld)'}")
        return "\n".join(lines)

    def to_data(self) -> dict:
        return {"plek": self.plek, "eigen_plek": self.eigen_plek,
                "groepen": [asdict(g) for g in self.groepen],
                "hefbomen": list(self.hefbomen), "rollen": list(self.rollen), "actie": self.actie}

    @classmethod
    def from_data(cls, data, rungs: list[str], undesirable: set[int],
                  problems: list[str] | None = None) -> "Straatscan":
        """Restore a saved scan; parts of another shape are skipped and described in ``problems``."""
        from .widgets.saved import as_rung

        problems = [] if problems is None else problems
        scan = cls(rungs=rungs, undesirable=undesirable)
        if not data:
            return scan
        if not isinstance(data, dict):
            problems.append("de opgeslagen straatscan heeft een onbekende vorm")
            return scan
        scan.plek, scan.actie = str(data.get("plek") or ""), str(data.get("actie") or "")
        scan.eigen_plek = str(data.get("eigen_plek") or "")
        groups = []
        for raw in data.get("groepen") or []:
            if not isinstance(raw, dict) or not str(raw.get("groep") or "").strip():
                problems.append(f"een groep zonder naam ({str(raw)[:40]})")
                continue
            group = GroupScan(str(raw["groep"]))
            for key in MARKS:
                try:
                    setattr(group, key, as_rung(raw.get(key), 1, len(rungs)))
                except (TypeError, ValueError):
                    problems.append(f"{group.groep}: trede '{raw.get(key)}' bij {key}")
            groups.append(group)
        scan.groepen = groups or scan.groepen
        scan.hefbomen = [str(x) for x in data.get("hefbomen") or [] if isinstance(x, str)]
        scan.rollen = [str(x) for x in data.get("rollen") or [] if isinstance(x, str)]
        return scan

    def export_rows(self) -> list[dict]:
        """Anonymous rows, one per group: the place and the three rung numbers."""
        return [{"plek": self.plek, "groep": g.groep, "nu": g.nu, "wenselijk": g.wenselijk,
                 "haalbaar": g.haalbaar} for g in self.groepen]

    def export_csv(self, folder: str | Path = ".") -> Path:
        return write_anonymous_csv(self.export_rows(), "straatscan", folder)


def read_straatscans(source: str | Path) -> tuple[pd.DataFrame, list[str]]:
    """For lecturers: all anonymous straatscan exports in a folder (or one CSV) as one table."""
    import pandas as pd  # only here: a student's kernel never needs pandas

    frames, problems = read_csv_folder(source)
    tables = []
    for frame in frames:
        name = frame["_bestand"].iloc[0] if len(frame) else "?"
        if not {"plek", "groep", "nu", "wenselijk", "haalbaar"} <= set(frame.columns):
            problems.append(f"{name}: overgeslagen, dit is geen straatscan-export.")
            continue
        numbers = frame[["nu", "wenselijk", "haalbaar"]].apply(pd.to_numeric, errors="coerce")
        tables.append(pd.concat([frame[["plek", "groep", "_bestand"]], numbers], axis=1))
    if not tables:
        return pd.DataFrame(columns=["plek", "groep", "nu", "wenselijk", "haalbaar"]), problems
    return pd.concat(tables, ignore_index=True).rename(columns={"_bestand": "bestand"}), problems


def straatscan_overview(table: pd.DataFrame) -> pd.DataFrame:
    """Mean rung now, desirable and realistic per place, plus the number of scans."""
    import pandas as pd  # only here: a student's kernel never needs pandas

    if table.empty:
        return pd.DataFrame(columns=["nu", "wenselijk", "haalbaar", "aantal"])
    grouped = table.groupby("plek")
    overview = grouped[["nu", "wenselijk", "haalbaar"]].mean().round(2)
    overview["aantal"] = grouped["bestand"].nunique()
    return overview


EMPTY_HINT = ("Nog niets gekozen. Kies hierboven bij 'Nu' de trede\n"
              "waar deze groep nu staat, daarna wat wenselijk is\n"
              "en wat haalbaar is. Trede 1 staat onderaan.")


class StraatscanChart:
    """One persistent ladder chart; marks and arrows are redrawn, the ladder itself only when the
    groups or the title change.
    """

    def __init__(self, rungs: list[str], undesirable: set[int], figure=None):
        from .rendering import new_figure

        self.rungs, self.undesirable = list(rungs), set(undesirable)
        self.figure = figure or new_figure(7.2, 4.3)
        self._shown: tuple | None = None
        self.dynamic: list = []

    def update(self, groups: list[tuple[str, dict]], title: str = "Straatscan") -> bool:
        """Show ``groups`` (name, {nu, wenselijk, haalbaar}); True when the ladder was rebuilt."""
        shape = (tuple(name for name, _ in groups), title)
        rebuilt = shape != self._shown
        if rebuilt:
            self._build(shape[0], title)
            self._shown = shape
        for key, marks in self.marks.items():
            points = [(x + offset, levels.get(key)) for x, (_, levels) in enumerate(groups)
                      for offset in [MARK_OFFSETS[key]] if _is_rung(levels.get(key))]
            marks.set_offsets(points or np.empty((0, 2)))
        for arrow, (_, levels) in zip(self.arrows, groups):
            visible = _is_rung(levels.get("nu")) and _is_rung(levels.get("haalbaar"))
            arrow.set_visible(visible)
            if visible:
                x = self.arrows.index(arrow)
                arrow.set_positions((x - 0.18, levels["nu"]), (x + 0.18, levels["haalbaar"]))
        self.empty.set_visible(not any(_is_rung(v) for _, levels in groups for v in levels.values()))
        return rebuilt

    def _build(self, names: tuple, title: str) -> None:
        import textwrap

        from matplotlib.lines import Line2D
        from matplotlib.patches import FancyArrowPatch

        from .rendering import freeze_layout, plain

        self.figure.clear()
        ax = self.ax = self.figure.add_subplot()
        for n in range(1, len(self.rungs) + 1):
            bad = n in self.undesirable
            ax.axhline(n, color="#D55E00" if bad else "#BBBBBB", linestyle="--" if bad else "-",
                       linewidth=0.9, zorder=0)
        ax.set_yticks(range(1, len(self.rungs) + 1),
                      [f"{n}. {r}" + (" ✗" if n in self.undesirable else "")
                       for n, r in enumerate(self.rungs, start=1)], fontsize=9)
        ax.set_ylim(0.5, len(self.rungs) + 0.5)
        ax.set_xticks(range(len(names)), [plain(textwrap.fill(n, 16, break_long_words=False))
                                          for n in names], fontsize=9)
        ax.set_xlim(-0.6, max(0.6, len(names) - 0.4))
        ax.set_title(plain(title), fontsize=11)
        self.marks = {key: ax.scatter([], [], marker=marker, s=140, color=colour,
                                      edgecolor="black", zorder=3)
                      for key, (marker, colour, _) in MARKS.items()}
        self.arrows = [ax.add_patch(FancyArrowPatch((0, 0), (0, 0), arrowstyle="->",
                                                    mutation_scale=14, color="#555555", zorder=2))
                       for _ in names]
        self.empty = ax.text(0.5, 0.5, EMPTY_HINT, transform=ax.transAxes, ha="center",
                             va="center", fontsize=9, color="#333333", zorder=4,
                             bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": "#BBBBBB"})
        handles = [Line2D([], [], marker=marker, linestyle="", markersize=9, markerfacecolor=colour,
                          markeredgecolor="black", label=label)
                   for marker, colour, label in MARKS.values()]
        handles.append(Line2D([], [], color="#D55E00", linestyle="--", label="✗ onwenselijke trede"))
        self.figure.legend(handles=handles, loc="outside lower center", ncols=4, fontsize=9,
                           frameon=False)
        self.dynamic = [*self.marks.values(), *self.arrows, self.empty]
        freeze_layout(self.figure)


MARK_OFFSETS = {"nu": -0.18, "wenselijk": 0.0, "haalbaar": 0.18}


def _is_rung(value) -> bool:
    """A chosen rung: not None, not NaN (class means may be fractions)."""
    return value is not None and value == value


def draw_straatscan(groups: list[tuple[str, dict]], rungs: list[str], undesirable: set[int],
                    ax=None, title: str = "Straatscan"):
    """Draw groups (name, {nu, wenselijk, haalbaar}) on the ladder: rungs bottom to top.

    Returns the Axes of a new pyplot-free figure (``ax`` is accepted for compatibility and
    ignored: the chart lays itself out).
    """
    chart = StraatscanChart(rungs, undesirable)
    chart.update(groups, title)
    return chart.ax


def show_class_straatscans(source: str | Path = ".", model_id: str = "ladder-onderlinge-verbintenissen") -> None:
    """For lecturers: read a class's anonymous straatscan exports and show an overview and chart."""
    from IPython.display import Markdown, display

    from .loading import load_lexicon
    from .rendering import display_figure

    table, problems = read_straatscans(source)
    for problem in problems:
        display(Markdown(f"*Let op:* {problem}"))
    if table.empty:
        display(Markdown(f"Nog geen straatscans gevonden in `{source}`. Laat studenten hun scan "
                         "anoniem exporteren en zet de CSV-bestanden samen in één map."))
        return
    overview = straatscan_overview(table)
    display(overview)
    ladder = load_lexicon().model(model_id)
    rungs = [level.label for level in ladder.niveaus]
    undesirable = {n for n, lv in enumerate(ladder.niveaus, start=1) if lv.wenselijk is False}
    groups = [(place, row.to_dict()) for place, row in overview.iterrows()]
    ax = draw_straatscan(groups, rungs, undesirable, title="Straatscans van de klas (gemiddelden)")
    display_figure(ax.figure, "Gemiddelde treden per plek (nu, wenselijk, haalbaar): " + "; ".join(
        f"{place}: {row['nu']}, {row['wenselijk']}, {row['haalbaar']}"
        for place, row in overview.iterrows()))
