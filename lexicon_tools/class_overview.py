"""For lecturers: read a folder of hand-in files (Markdown or HTML) into pandas.

Exactly the folder given is read. Missing, duplicate, damaged, forged or foreign files are reported
in Dutch and skipped, never fatal: every file is read with a size cap, the data block is found in
linear time, JSON nesting is bounded and every field is checked for its type before use.
"""

__all__ = ["ClassHandIns", "read_hand_in", "read_hand_ins", "answers_side_by_side",
           "completion_table", "draw_completion", "read_class_list", "missing_students",
           "item_analysis", "anonymize", "questions_of", "escape_cell", "mpl_text",
           "MissingReport", "missing_report", "show_item_analysis", "show_completion"]

import csv
import html
import io
import random
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .hand_in_reader import (COLUMNS, MAX_BYTES, NotAHandIn, hand_in_from_text, read_hand_in,
                             read_small_text, zip_members)

KIND_COLUMNS = {"reflectie": "reflecties", "quiz": "quiz", "sorteer": "sorteeropdrachten"}


@dataclass
class ClassHandIns:
    """All answers of a class (one row per student, notebook and question) and what was skipped."""

    antwoorden: pd.DataFrame
    problemen: list[str] = field(default_factory=list)

    @property
    def studenten(self) -> list[str]:
        return sorted(self.antwoorden["student"].unique())

    @property
    def notebooks(self) -> list[str]:
        return sorted(self.antwoorden["notebook"].unique())

    def _repr_markdown_(self) -> str:
        answered = int((self.antwoorden["antwoord"].str.strip() != "").sum())
        lines = [f"**{len(self.studenten)} student(en)**, {answered} antwoorden in "
                 f"{self.antwoorden['notebook'].nunique()} notebook(s)."]
        if self.problemen:
            lines += ["", "**Let op:**", ""] + [f"- {escape_cell(p)}" for p in self.problemen]
        return "\n".join(lines)


# -- reading a folder ------------------------------------------------------------------------------
def read_hand_ins(folder: str | Path) -> ClassHandIns:
    """Every hand-in (``*.md``, ``*.html``) in exactly this folder; the newest per student counts."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        return ClassHandIns(pd.DataFrame(columns=COLUMNS),
                            [f"De map {folder} bestaat niet. Zet de ingeleverde bestanden samen "
                             "in één map en geef die map op."])
    frames, problems = [], []
    paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".md", ".html", ".htm")
                   and p.name.upper() != "LEESMIJ.MD")
    zips = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".zip")
    for archive in zips:  # the LMS's "download all submissions" (Brightspace, Canvas)
        found = _read_zip(archive, frames, problems)
        if not found:
            problems.append(f"{archive.name}: in dit zip-bestand staan geen inleveringen (.md of "
                            ".html).")
    for path in paths:
        try:
            frame = read_hand_in(path)
        except NotAHandIn as exc:
            problems.append(f"{path.name}: overgeslagen, {exc}.")
            continue
        except UnicodeDecodeError:
            problems.append(f"{path.name}: overgeslagen, het bestand is geen UTF-8-tekst.")
            continue
        except OSError as exc:
            reason = "geen toegang" if isinstance(exc, PermissionError) else "beschadigd of weg"
            problems.append(f"{path.name}: overgeslagen, niet te lezen ({reason}).")
            continue
        if frame.empty:
            problems.append(f"{path.name}: bevat nog geen antwoorden.")
            continue
        frames.append(frame)
    if not paths and not zips:
        problems.append(f"In {folder} staan geen ingeleverde bestanden (.md, .html of een "
                        "zip-bestand uit de leeromgeving).")
    if not frames:
        return ClassHandIns(pd.DataFrame(columns=COLUMNS), problems)
    answers = _newest_per_student(pd.concat(frames, ignore_index=True), problems)
    problems += _same_number_two_names(answers)
    return ClassHandIns(answers, problems)


def _read_zip(archive: Path, frames: list, problems: list[str]) -> int:
    """Add the hand-ins inside one zip file; return how many hand-in-like files it held."""
    count = 0
    try:
        for shown, text in zip_members(archive):
            count += 1
            try:
                if isinstance(text, NotAHandIn):
                    raise text
                frame = hand_in_from_text(text, shown)
            except NotAHandIn as exc:
                problems.append(f"{shown}: overgeslagen, {exc}.")
                continue
            if frame.empty:
                problems.append(f"{shown}: bevat nog geen antwoorden.")
                continue
            frames.append(frame)
    except NotAHandIn as exc:
        problems.append(f"{archive.name}: overgeslagen, {exc}.")
        return -1
    return count


def _newest_per_student(answers: pd.DataFrame, problems: list[str]) -> pd.DataFrame:
    """Keep, per student and notebook, only the newest file; report the others."""
    files = (answers.groupby(["student", "notebook", "bestand"], sort=False)["datum"].max()
             .reset_index().sort_values(["datum", "bestand"], na_position="first"))
    keep = set()
    for (student, notebook), group in files.groupby(["student", "notebook"], sort=False):
        newest = group.iloc[-1]["bestand"]
        keep.add((student, notebook, newest))
        same_time = group["datum"] == group.iloc[-1]["datum"]  # the .md and .html of one hand-in
        older = [b for b, same in zip(group["bestand"], same_time) if b != newest and not same]
        if older:
            problems.append(f"{student} heeft notebook {notebook} vaker ingeleverd "
                            f"({', '.join(older)} en {newest}); alleen het nieuwste bestand "
                            f"({newest}) telt mee.")
    mask = [(s, n, b) in keep for s, n, b in
            zip(answers["student"], answers["notebook"], answers["bestand"])]
    return answers[mask].reset_index(drop=True)


def _same_number_two_names(answers: pd.DataFrame) -> list[str]:
    numbered = answers[answers["studentnummer"] != ""]
    names = numbered.groupby("studentnummer")["naam"].unique()
    return [f"Studentnummer {number} staat in de inleveringen onder {len(found)} namen: "
            f"{', '.join(sorted(found))}. Controleer wie wat heeft ingeleverd."
            for number, found in names.items() if len(found) > 1]


# -- class list and anonymity ------------------------------------------------------------------------
def read_class_list(path: str | Path) -> tuple[pd.DataFrame, list[str]]:
    """A class list CSV with columns ``studentnummer`` and ``naam`` (comma or semicolon).

    Returns (frame with those two columns as text, problems in Dutch).
    """
    path = Path(path).expanduser()
    try:
        text = read_small_text(path)
    except UnicodeDecodeError:  # Excel on Windows saves CSV as cp1252
        text = path.read_bytes()[:MAX_BYTES].decode("cp1252", errors="replace")
    except FileNotFoundError:
        return pd.DataFrame(columns=["studentnummer", "naam"]), [
            f"Klassenlijst {path}: dit bestand bestaat niet. Controleer het pad bij KLASSENLIJST."]
    except (OSError, NotAHandIn) as exc:
        reason = "het is een map" if path.is_dir() else \
            str(exc) if isinstance(exc, NotAHandIn) else "geen toegang of beschadigd"
        return pd.DataFrame(columns=["studentnummer", "naam"]), [
            f"Klassenlijst {path.name}: niet te lezen ({reason}). Sla hem op als CSV (UTF-8)."]
    delimiter = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    fields = {(f or "").strip().lower(): f for f in reader.fieldnames or []}
    if "studentnummer" not in fields:
        return pd.DataFrame(columns=["studentnummer", "naam"]), [
            f"Klassenlijst {path.name}: de kolom 'studentnummer' ontbreekt. De eerste regel moet "
            "'studentnummer,naam' zijn."]
    rows = [{"studentnummer": (row.get(fields["studentnummer"]) or "").strip(),
             "naam": (row.get(fields.get("naam", ""), "") or "").strip()} for row in reader]
    return pd.DataFrame([r for r in rows if r["studentnummer"]],
                        columns=["studentnummer", "naam"]), []


def missing_students(answers: pd.DataFrame | ClassHandIns, class_list: pd.DataFrame,
                     notebook: str | None = None) -> pd.DataFrame:
    """The students on the class list without a hand-in (for ``notebook``, if given)."""
    answers = answers.antwoorden if isinstance(answers, ClassHandIns) else answers
    if notebook:
        answers = answers[answers["notebook"] == notebook]
    handed_in = set(answers["studentnummer"])
    return class_list[~class_list["studentnummer"].isin(handed_in)].reset_index(drop=True)


@dataclass
class MissingReport:
    """Who on the class list has not handed in anything, and what was wrong with the list."""

    klassenlijst: pd.DataFrame | None
    ontbrekend: pd.DataFrame
    problemen: list[str] = field(default_factory=list)

    def _repr_markdown_(self) -> str:
        lines = []
        if self.problemen:
            lines += ["**Let op:**", ""] + [f"- {escape_cell(p)}" for p in self.problemen] + [""]
        if self.klassenlijst is None:
            lines.append("Geen klassenlijst opgegeven, dus niet te zien wie ontbreekt. Zet in de "
                         "eerste codecel bij `KLASSENLIJST` het pad naar een CSV-bestand met de "
                         "kolommen `studentnummer` en `naam`.")
        elif self.klassenlijst.empty:
            lines.append("De klassenlijst bevat geen studenten; niet te zien wie ontbreekt.")
        elif self.ontbrekend.empty:
            count = len(self.klassenlijst)
            lines.append(f"Iedereen op de klassenlijst ({count} student{'en' * (count != 1)}) "
                         "heeft iets ingeleverd.")
        else:
            lines += [f"**Niets ingeleverd ({len(self.ontbrekend)} van {len(self.klassenlijst)}):**",
                      ""] + [f"- {escape_cell(r.naam)} ({escape_cell(r.studentnummer)})" if r.naam
                             else f"- {escape_cell(r.studentnummer)}"
                             for r in self.ontbrekend.itertuples()]
        return "\n".join(lines)


def missing_report(answers: pd.DataFrame | ClassHandIns, class_list_path: str | Path | None,
                   notebook: str | None = None) -> MissingReport:
    """Read the class list (if a path is given) and report who is missing, problems included.

    Examples
    --------
    >>> import pandas as pd
    >>> missing_report(pd.DataFrame(columns=["studentnummer"]), "").klassenlijst is None
    True
    """
    if not str(class_list_path or "").strip():
        return MissingReport(None, pd.DataFrame(columns=["studentnummer", "naam"]))
    class_list, problems = read_class_list(class_list_path)
    return MissingReport(class_list, missing_students(answers, class_list, notebook), problems)


def anonymize(answers: pd.DataFrame | ClassHandIns, seed: int = 0) -> pd.DataFrame:
    """The answers with names and numbers replaced by 'Student 1', 'Student 2', ... (mixed order)."""
    answers = answers.antwoorden if isinstance(answers, ClassHandIns) else answers
    students = sorted(answers["student"].unique())
    random.Random(seed).shuffle(students)
    labels = {s: f"Student {n}" for n, s in enumerate(students, start=1)}
    result = answers.copy()
    result["student"] = result["student"].map(labels)
    result["naam"], result["studentnummer"], result["bestand"] = "", "", ""
    return result


# -- tables ----------------------------------------------------------------------------------------
def _frame(answers) -> pd.DataFrame:
    return answers.antwoorden if isinstance(answers, ClassHandIns) else answers


def questions_of(answers: pd.DataFrame | ClassHandIns, notebook: str) -> list[tuple[str, str]]:
    """(label, key) per question of a notebook; a sort task is one entry (key ``sorteer:<id>``)."""
    answers = _frame(answers)
    rows = answers[answers["notebook"] == notebook].drop_duplicates("vraag_id")
    found, seen = [], set()
    for row in rows.itertuples():
        if row.soort == "sorteer" and row.opdracht:
            if row.opdracht not in seen:
                seen.add(row.opdracht)
                found.append((f"Sorteeropdracht: {(row.inleiding or row.opdracht)[:100]}",
                              f"sorteer:{row.opdracht}"))
            continue
        kind = {"quiz": "Quiz", "reflectie": "Reflectie"}.get(row.soort, "Vraag")
        found.append((f"{kind}: {row.vraag[:100]}", row.vraag_id))
    return found


def answers_side_by_side(answers: pd.DataFrame | ClassHandIns, notebook: str | None = None,
                         question_id: str | None = None) -> pd.DataFrame:
    """One row per question, one column per student, the answers whole in the cells ('' if none).

    ``question_id`` may be ``sorteer:<task id>`` for all items of a sort task.
    """
    answers = _frame(answers)
    if notebook:
        answers = answers[answers["notebook"] == notebook]
    if question_id and question_id.startswith("sorteer:"):
        answers = answers[answers["opdracht"] == question_id.split(":", 1)[1]]
    elif question_id:
        answers = answers[answers["vraag_id"] == question_id]
    if answers.empty:
        return pd.DataFrame()
    questions = answers.drop_duplicates(["notebook", "vraag_id"])[["notebook", "vraag_id", "vraag"]]
    table = answers.pivot_table(index=["notebook", "vraag_id"], columns="student",
                                values="antwoord", aggfunc="first", fill_value="")
    table = questions.set_index(["notebook", "vraag_id"]).join(table).fillna("")
    return table.set_index("vraag", append=True)


def completion_table(answers: pd.DataFrame | ClassHandIns, notebook: str | None = None,
                     class_list: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per student: the share answered (0-100 %), separately for reflections, quiz and sort tasks.

    Columns are ``reflecties``/``quiz``/``sorteeropdrachten`` for one ``notebook``, else
    ``<notebook title> · <kind>``. A kind's questions are all ids any student's file lists for it. Students
    on ``class_list`` without a hand-in get a row with empty cells.
    """
    answers = _frame(answers)
    if notebook:
        answers = answers[answers["notebook"] == notebook]
    answers = answers[answers["soort"].isin(list(KIND_COLUMNS))]
    if answers.empty and class_list is None:
        return pd.DataFrame()
    kinds = answers["soort"].map(KIND_COLUMNS)
    titles = answers["titel"].where(answers["titel"].fillna("").str.strip() != "",
                                    answers["notebook"])
    column = kinds if notebook else titles + " · " + kinds
    answers = answers.assign(kolom=column)
    totals = answers.groupby("kolom")["vraag_id"].nunique()
    done = (answers[answers["antwoord"].str.strip() != ""]
            .groupby(["student", "kolom"])["vraag_id"].nunique().unstack(fill_value=0))
    students = sorted(answers["student"].unique())
    if class_list is not None:
        students += [f"{r.naam} ({r.studentnummer})" if r.naam else r.studentnummer
                     for r in missing_students(answers, class_list).itertuples()]
    order = [c for kind in KIND_COLUMNS.values() for c in totals.index if c.endswith(kind)]
    done = done.reindex(index=students, columns=order, fill_value=0)
    handed_in = answers.groupby(["student", "kolom"]).size().unstack()
    handed_in = handed_in.reindex(index=students, columns=order)
    percent = (done / totals[order] * 100).round().astype("Int64").where(handed_in.notna())
    percent.columns.name = "onderdeel"
    return percent


def item_analysis(answers: pd.DataFrame | ClassHandIns, notebook: str | None = None) -> pd.DataFrame:
    """Per quiz question: how many answered, the share right, and the most-chosen wrong option."""
    answers = _frame(answers)
    if notebook:
        answers = answers[answers["notebook"] == notebook]
    quiz = answers[(answers["soort"] == "quiz") & (answers["antwoord"] != "")]
    rows = []
    for (nb, question_id), group in quiz.groupby(["notebook", "vraag_id"], sort=False):
        wrong = group[group["juist"] == False]  # noqa: E712 (object column with None)
        counts = wrong["antwoord"].value_counts()
        rows.append({"notebook": nb, "vraag_id": question_id, "vraag": group["vraag"].iloc[0],
                     "beantwoord": len(group),
                     "goed_pct": round(100 * int((group["juist"] == True).sum()) / len(group)),  # noqa: E712
                     "meest_gekozen_fout": counts.index[0] if len(counts) else "",
                     "aantal_fout": int(counts.iloc[0]) if len(counts) else 0})
    return pd.DataFrame(rows, columns=["notebook", "vraag_id", "vraag", "beantwoord", "goed_pct",
                                       "meest_gekozen_fout", "aantal_fout"])


def show_completion(table: pd.DataFrame):
    """:func:`completion_table` to read: percentages with %, "—" where nothing was handed in."""
    if table.empty:
        from IPython.display import Markdown

        return Markdown("Nog geen ingeleverde antwoorden om te tonen.")
    return table.style.format(lambda v: "—" if pd.isna(v) else f"{v:.0f}%", escape="html")


def show_item_analysis(answers: pd.DataFrame | ClassHandIns, notebook: str | None = None):
    """:func:`item_analysis` as a table to read: Dutch headers, every text whole (not cut at 50
    characters as a plain DataFrame shows it), the notebook's title."""
    table = item_analysis(answers, notebook)
    if table.empty:
        from IPython.display import Markdown

        return Markdown("Nog geen quizantwoorden in deze inleveringen.")
    titles = _frame(answers).drop_duplicates("notebook").set_index("notebook")["titel"]
    shown = pd.DataFrame({
        "Notebook": [titles.get(nb, nb) or nb for nb in table["notebook"]],
        "Vraag": table["vraag"], "Beantwoord": table["beantwoord"],
        "Goed": [f"{pct}%" for pct in table["goed_pct"]],
        "Meest gekozen fout antwoord": [f"{text} ({count}×)" if count else "—" for text, count in
                                        zip(table["meest_gekozen_fout"], table["aantal_fout"])]})
    return (shown.style.hide(axis="index").format(escape="html")
            .set_properties(**{"text-align": "left", "vertical-align": "top",
                               "white-space": "normal"}))


# -- drawing ---------------------------------------------------------------------------------------
def mpl_text(value) -> str:
    """Text that matplotlib shows literally (a ``$`` never starts math mode).

    Examples
    --------
    >>> mpl_text("Jan $$ Jansen")
    'Jan \\\\$\\\\$ Jansen'
    """
    return str(value).replace("$", r"\$")


def _stacked(label: str, width: int = 18) -> str:
    """A column label on a few short lines: the title wrapped, the kind on its own line."""
    import textwrap

    title, _, kind = label.rpartition(" · ")
    return "\n".join([*textwrap.wrap(title, width), kind]) if title else label


def draw_completion(table: pd.DataFrame, ax=None):
    """A heat map of :func:`completion_table` (empty cell = not handed in); returns the Axes."""
    import matplotlib.pyplot as plt

    if table.empty or len(table.columns) == 0:
        if ax is None:
            _, ax = plt.subplots(figsize=(6.0, 1.2), layout="constrained")
        ax.set_axis_off()
        ax.text(0.5, 0.5, "Nog geen ingeleverde antwoorden om te tonen.", ha="center",
                va="center", fontsize=11)
        return ax
    if ax is None:
        width = max(6.0, 3.0 + 1.6 * len(table.columns))
        _, ax = plt.subplots(figsize=(width, 1.2 + 0.42 * max(len(table), 2)),
                             layout="constrained")
    values = table.astype("float").to_numpy()
    image = ax.imshow(values, cmap="cividis", vmin=0, vmax=100, aspect="auto")
    rotation = 0 if len(table.columns) <= 3 else 30
    # "<notebook title> · <kind>" on two lines, so that titles side by side never overlap
    labels = [_stacked(mpl_text(c)) if rotation == 0 else mpl_text(c) for c in table.columns]
    ax.set_xticks(range(len(table.columns)), labels,
                  rotation=rotation, ha="center" if rotation == 0 else "right")
    ax.set_yticks(range(len(table.index)), [mpl_text(i) for i in table.index])
    for (row, col), value in pd.DataFrame(values).stack(future_stack=True).items():
        label = "—" if pd.isna(value) else f"{value:.0f}%"
        ax.text(col, row, label, ha="center", va="center",
                color="black" if pd.isna(value) or value > 55 else "white", fontsize=9)
    ax.figure.colorbar(image, ax=ax, label="% beantwoord")
    ax.set_title("Voltooiing per student (— = niet ingeleverd)")
    return ax


def escape_cell(value) -> str:
    """Text for an HTML table cell: escaped, line breaks kept."""
    return html.escape(str(value)).replace("\n", "<br>")
