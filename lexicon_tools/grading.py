"""Grading and feedback: a score, a rubric level and a comment per answer; grade and feedback files.

Grades are saved like answers (:class:`AnswerStore`: atomic writes, merge with other sessions, never
lost) in ``beoordeling.json`` beside the hand-ins. Exports: a Brightspace grade import CSV
(``OrgDefinedId``, ``<item> Points Grade``, ``End-of-Line Indicator``), a Canvas gradebook CSV
(``Student``, ``ID``, ``SIS User ID``, ``Section``, one column per assignment) and one feedback file
per student (Markdown and HTML, everything escaped).
"""

__all__ = ["GradeBook", "LEVELS", "grade_table", "brightspace_csv", "canvas_csv",
           "write_feedback_files", "feedback_markdown", "feedback_html"]

import csv
import html
import math
from pathlib import Path

import pandas as pd

from .answers import AnswerStore
from .class_overview import ClassHandIns
from .errors import LexiconError
from .export import md_text

LEVELS = ("onvoldoende", "voldoende", "goed", "uitstekend")
STORE_NAME = "beoordeling"


def _student_key(row) -> str:
    return row["studentnummer"] or row["student"]


def _points(value) -> float | None:
    """A score as a number ≥ 0, or None for 'no score'; Dutch comma allowed."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(str(value).strip().replace(",", "."))
    except ValueError:
        raise LexiconError(f"'{str(value)[:20]}' is geen getal. Geef punten als getal, "
                           "bijv. 2 of 1,5.") from None
    if not math.isfinite(number) or number < 0:
        raise LexiconError("Geef punten als een getal van 0 of meer.")
    return number


class GradeBook:
    """The lecturer's scores, levels and comments for one class (saved in ``folder``).

    Examples
    --------
    >>> import tempfile
    >>> book = GradeBook(tempfile.mkdtemp(), delay=0)
    >>> book.set("123", "01", "r1", punten="1,5", niveau="goed", opmerking="Helder.")
    >>> GradeBook(book.folder).get("123", "01", "r1")
    {'punten': 1.5, 'niveau': 'goed', 'opmerking': 'Helder.'}
    """

    def __init__(self, folder: str | Path, levels: tuple[str, ...] = LEVELS, delay: float = 0.6):
        self.folder = Path(folder).expanduser()
        self.levels = tuple(levels)
        self.store = AnswerStore(STORE_NAME, self.folder, delay=delay)

    @staticmethod
    def key(student: str, notebook: str, question_id: str) -> str:
        return f"{student}|{notebook}|{question_id}"

    def get(self, student: str, notebook: str, question_id: str) -> dict:
        """{'punten', 'niveau', 'opmerking'} for one answer (None/''/'' when not graded)."""
        key = self.key(student, notebook, question_id)
        data = self.store.get_data(key) or {}
        points = data.get("punten") if isinstance(data, dict) else None
        level = data.get("niveau") if isinstance(data, dict) else None
        return {"punten": points if isinstance(points, (int, float)) else None,
                "niveau": level if level in self.levels else None,
                "opmerking": self.store.get(key)}

    def set(self, student: str, notebook: str, question_id: str, punten=None,
            niveau: str | None = None, opmerking: str = "") -> None:
        """Grade one answer; raises :class:`LexiconError` for a bad score or level."""
        points = _points(punten)
        if niveau not in (None, "") and niveau not in self.levels:
            raise LexiconError(f"Onbekend niveau '{niveau}'; kies uit: {', '.join(self.levels)}.")
        self.store.set(self.key(student, notebook, question_id), str(opmerking or ""),
                       question=f"Beoordeling {question_id}",
                       data={"punten": points, "niveau": niveau or None})

    def flush(self) -> bool:
        return self.store.flush()


def grade_table(klas: ClassHandIns | pd.DataFrame, book: GradeBook) -> pd.DataFrame:
    """Every answer with its grade: the class's answers plus punten, niveau, opmerking."""
    answers = klas.antwoorden if isinstance(klas, ClassHandIns) else klas
    rows = []
    for row in answers.to_dict("records"):
        grade = book.get(_student_key(row), row["notebook"], row["vraag_id"])
        rows.append({**row, **grade})
    columns = list(answers.columns) + ["punten", "niveau", "opmerking"]
    table = pd.DataFrame(rows, columns=columns)
    table["niveau"] = table["niveau"].where(table["niveau"].notna(), "").astype(str)
    table["opmerking"] = table["opmerking"].fillna("").astype(str)
    return table


NOTHING_SCORED = ("Er zijn nog geen punten gegeven (of er staan geen inleveringen in deze map); "
                  "er is geen cijferbestand gemaakt.")


def _totals(table: pd.DataFrame) -> pd.DataFrame:
    """Per student and notebook the sum of points (NaN when nothing was scored)."""
    scored = table[table["punten"].notna()]
    totals = scored.groupby(["studentnummer", "student", "notebook"])["punten"].sum()
    return totals.unstack("notebook")


def _items(table: pd.DataFrame, names: dict | None) -> dict[str, str]:
    titles = table.drop_duplicates("notebook").set_index("notebook")["titel"].to_dict()
    names = names or {}
    return {nb: str(names.get(nb) or titles.get(nb) or nb) for nb in sorted(titles)}


def _safe_cell(value) -> str:
    """A CSV cell that a spreadsheet never runs as a formula."""
    text = "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _number(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{value:g}"


def brightspace_csv(table: pd.DataFrame, path: str | Path, names: dict | None = None) -> list[str]:
    """Write a Brightspace grade import file; return Dutch notes (students left out).

    ``names`` maps a notebook to the grade item's name in Brightspace (default: the title).
    """
    items, totals, notes = _items(table, names), _totals(table), []
    if totals.empty:
        return [NOTHING_SCORED]
    header = ["OrgDefinedId"] + [f"{_safe_cell(i)} Points Grade" for i in items.values()] + \
        ["End-of-Line Indicator"]
    rows = []
    for (number, student), values in totals.iterrows():
        if not number:
            notes.append(f"{student}: geen studentnummer, dus niet in het cijferbestand.")
            continue
        rows.append([_safe_cell(number)] + [_number(values.get(nb)) for nb in items] + ["#"])
    _write_csv(path, header, rows)
    return notes


def canvas_csv(table: pd.DataFrame, path: str | Path, names: dict | None = None,
               points_possible: dict | None = None, section: str = "") -> list[str]:
    """Write a Canvas gradebook import file (matched on SIS User ID = student number).

    The first five columns are those of Canvas's own gradebook export; ``SIS Login ID`` stays
    empty (Canvas guides list it among the columns an import must have).
    """
    items, totals, notes = _items(table, names), _totals(table), []
    if totals.empty:
        return [NOTHING_SCORED]
    header = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"] + \
        [_safe_cell(i) for i in items.values()]
    rows = []
    if points_possible:
        rows.append(["Points Possible", "", "", "", ""] +
                    [_number(points_possible.get(nb)) for nb in items])
    for (number, student), values in totals.iterrows():
        if not number:
            notes.append(f"{student}: geen studentnummer, dus niet in het cijferbestand.")
            continue
        name = table.loc[table["studentnummer"] == number, "naam"].iloc[0]
        rows.append([_safe_cell(name), "", _safe_cell(number), "", _safe_cell(section)] +
                    [_number(values.get(nb)) for nb in items])
    _write_csv(path, header, rows)
    return notes


def _write_csv(path: str | Path, header: list[str], rows: list[list[str]]) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


# -- feedback files --------------------------------------------------------------------------------
def _graded(rows: pd.DataFrame) -> pd.DataFrame:
    return rows[rows["punten"].notna() | (rows["niveau"] != "") | (rows["opmerking"] != "")]


def _dutch(value: float) -> str:
    """A number as a Dutch student reads it: 2,5 (the grade files keep 2.5 for the LMS)."""
    return f"{value:g}".replace(".", ",")


def feedback_markdown(rows: pd.DataFrame) -> str:
    """One student's feedback as Markdown (all text escaped as literal text)."""
    first = rows.iloc[0]
    lines = [f"# Feedback voor {md_text(first['student'])}", ""]
    for notebook, group in rows.groupby("notebook", sort=False):
        lines += [f"## {md_text(group['titel'].iloc[0])}", ""]
        total = group["punten"].dropna()
        if len(total):
            lines += [f"**Totaal:** {_dutch(total.sum())} punten", ""]
        for row in _graded(group).to_dict("records"):
            lines += [f"### {md_text(' '.join(str(row['vraag']).split()))}", ""]
            lines += [f"> {md_text(line)}  " for line in (row["antwoord"] or "—").split("\n")] + [""]
            if row["punten"] is not None and not pd.isna(row["punten"]):
                lines.append(f"- Punten: {_dutch(row['punten'])}")
            if row["niveau"]:
                lines.append(f"- Niveau: {md_text(row['niveau'])}")
            if row["opmerking"]:
                lines.append(f"- Opmerking: {md_text(row['opmerking'])}".replace("\n", "  \n  "))
            lines.append("")
    return "\n".join(lines)


def feedback_html(rows: pd.DataFrame) -> str:
    """One student's feedback as a self-contained HTML page (all text escaped)."""
    esc, first = html.escape, rows.iloc[0]
    parts = ["<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'>",
             f"<title>Feedback voor {esc(first['student'])}</title><style>body{{font-family:"
             "system-ui,sans-serif;max-width:46em;margin:2em auto;line-height:1.5}.antwoord{"
             "white-space:pre-wrap;background:#f6f6f6;padding:.5em .8em}.opmerking{white-space:"
             "pre-wrap;border-left:4px solid #0072B2;padding-left:.6em}</style></head><body>",
             f"<h1>Feedback voor {esc(first['student'])}</h1>"]
    for notebook, group in rows.groupby("notebook", sort=False):
        parts.append(f"<h2>{esc(group['titel'].iloc[0])}</h2>")
        total = group["punten"].dropna()
        if len(total):
            parts.append(f"<p><b>Totaal:</b> {_dutch(total.sum())} punten</p>")
        for row in _graded(group).to_dict("records"):
            parts.append(f"<h3>{esc(row['vraag'])}</h3>"
                         f"<div class='antwoord'>{esc(row['antwoord'] or '—')}</div><ul>")
            if row["punten"] is not None and not pd.isna(row["punten"]):
                parts.append(f"<li>Punten: {_dutch(row['punten'])}</li>")
            if row["niveau"]:
                parts.append(f"<li>Niveau: {esc(row['niveau'])}</li>")
            parts.append("</ul>")
            if row["opmerking"]:
                parts.append(f"<div class='opmerking'>{esc(row['opmerking'])}</div>")
    parts.append("</body></html>")
    return "\n".join(parts)


def write_feedback_files(table: pd.DataFrame, folder: str | Path) -> list[Path]:
    """One ``<studentnummer>_feedback.md`` and ``.html`` per student with a grade or comment."""
    from .export import _safe_part

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for student, rows in table.groupby("student", sort=True):
        if _graded(rows).empty:
            continue
        stem = f"{_safe_part(rows['studentnummer'].iloc[0] or student, 'student')}_feedback"
        for suffix, render in ((".md", feedback_markdown), (".html", feedback_html)):
            path = folder / f"{stem}{suffix}"
            path.write_text(render(rows), encoding="utf-8")
            paths.append(path)
    return paths
