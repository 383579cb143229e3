"""For lecturers: read a folder of hand-in files (Markdown or HTML) into pandas.

Missing, duplicate, damaged or foreign files are reported in Dutch and skipped, never fatal.
"""

__all__ = ["ClassHandIns", "read_hand_in", "read_hand_ins", "answers_side_by_side",
           "completion_table", "draw_completion"]

import html
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pandas as pd
import yaml

from .export import HAND_IN_KIND

COLUMNS = ["student", "naam", "studentnummer", "notebook", "vraag_id", "vraag", "antwoord",
           "datum", "bestand"]
MAX_BYTES = 5_000_000
_FRONT = re.compile(r"\A\ufeff?---\r?\n(.*?)\r?\n---\r?\n", re.S)
_NOTEBOOK = re.compile(r"^## Notebook: (.+)$", re.M)
_QUESTION = re.compile(r"^### (.*)\r?\n<!-- vraag: (\S+) -->\r?\n", re.M)
_JSON = re.compile(r"<script type='application/json' id='lt-inlevering'>(.*?)</script>", re.S)


class NotAHandIn(ValueError):
    """The file is readable but is not a hand-in of this kit (message in Dutch)."""


@dataclass
class ClassHandIns:
    """All answers of a class (one row per student, notebook and question) and what was skipped."""

    antwoorden: pd.DataFrame
    problemen: list[str] = field(default_factory=list)

    @property
    def studenten(self) -> list[str]:
        return sorted(self.antwoorden["student"].unique())

    def _repr_markdown_(self) -> str:
        answered = int((self.antwoorden["antwoord"].str.strip() != "").sum())
        lines = [f"**{len(self.studenten)} student(en)**, {answered} antwoorden in "
                 f"{self.antwoorden['notebook'].nunique()} notebook(s)."]
        if self.problemen:
            lines += ["", "**Let op:**", ""] + [f"- {escape_cell(p)}" for p in self.problemen]
        return "\n".join(lines)


def _unescape_md(text: str) -> str:
    text = re.sub(r"^(\s*)\\#", r"\1#", text, flags=re.M)
    return text.replace("&lt;", "<")


def _from_markdown(text: str) -> dict:
    header = _FRONT.match(text)
    if not header:
        raise NotAHandIn("geen inlevering van dit lespakket (de kop met naam en datum ontbreekt)")
    try:
        meta = yaml.safe_load(header.group(1))
    except yaml.YAMLError:
        raise NotAHandIn("de kop van het bestand is beschadigd") from None
    if not isinstance(meta, dict) or meta.get("inlevering") != HAND_IN_KIND:
        raise NotAHandIn("geen inlevering van dit lespakket")
    body = text[header.end():]
    notebooks = []
    sections = _NOTEBOOK.split(body)[1:]
    for name, section in zip(sections[::2], sections[1::2]):
        parts = _QUESTION.split(section)[1:]
        answers = []
        for question, question_id, answer in zip(parts[::3], parts[1::3], parts[2::3]):
            answer = answer.strip()
            if answer == "*(nog niet beantwoord)*":
                answer = ""
            answers.append({"id": question_id, "vraag": _unescape_md(question).strip(),
                            "antwoord": _unescape_md(answer)})
        notebooks.append({"notebook": name.strip(), "antwoorden": answers})
    return {**meta, "notebooks": notebooks}


def _from_html(text: str) -> dict:
    found = _JSON.search(text)
    if not found:
        raise NotAHandIn("geen inlevering van dit lespakket (de gegevens in het bestand ontbreken)")
    try:
        data = json.loads(found.group(1))
    except json.JSONDecodeError:
        raise NotAHandIn("de gegevens in het bestand zijn beschadigd") from None
    if not isinstance(data, dict) or data.get("inlevering") != HAND_IN_KIND:
        raise NotAHandIn("geen inlevering van dit lespakket")
    return data


def read_hand_in(path: str | Path) -> pd.DataFrame:
    """One hand-in file as rows (see ``COLUMNS``); raises ValueError with a Dutch reason."""
    path = Path(path)
    if path.stat().st_size > MAX_BYTES:
        raise NotAHandIn("het bestand is te groot voor een inlevering")
    text = path.read_bytes().decode("utf-8")
    data = _from_html(text) if path.suffix.lower() in (".html", ".htm") else _from_markdown(text)
    name = " ".join(str(data.get("naam") or "").split())
    number = " ".join(str(data.get("studentnummer") or "").split())
    try:
        when = datetime.fromisoformat(str(data.get("datum")))
    except ValueError:
        when = None
    student = f"{name} ({number})" if name and number else name or number or f"onbekend ({path.name})"
    rows = []
    for notebook in data.get("notebooks") or []:
        for answer in notebook.get("antwoorden") or []:
            rows.append({"student": student, "naam": name, "studentnummer": number,
                         "notebook": str(notebook.get("notebook", "")), "vraag_id": str(answer["id"]),
                         "vraag": str(answer.get("vraag", "")),
                         "antwoord": str(answer.get("antwoord", "")), "datum": when,
                         "bestand": path.name})
    return pd.DataFrame(rows, columns=COLUMNS)


def read_hand_ins(folder: str | Path) -> ClassHandIns:
    """Every hand-in (``*.md``, ``*.html``) in a folder; duplicates: the newest per student counts."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        return ClassHandIns(pd.DataFrame(columns=COLUMNS),
                            [f"De map {folder} bestaat niet. Zet de ingeleverde bestanden samen "
                             "in één map en geef die map op."])
    frames, problems = [], []
    paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".md", ".html", ".htm"))
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
            problems.append(f"{path.name}: overgeslagen, niet te lezen ({exc.strerror}).")
            continue
        if frame.empty:
            problems.append(f"{path.name}: bevat nog geen antwoorden.")
            continue
        frames.append(frame)
    if not paths:
        problems.append(f"In {folder} staan geen ingeleverde bestanden (.md of .html).")
    if not frames:
        return ClassHandIns(pd.DataFrame(columns=COLUMNS), problems)
    answers = pd.concat(frames, ignore_index=True)
    return ClassHandIns(_newest_per_student(answers, problems), problems)


def _newest_per_student(answers: pd.DataFrame, problems: list[str]) -> pd.DataFrame:
    """Keep, per student and notebook, only the newest file; report the others."""
    files = (answers.groupby(["student", "notebook", "bestand"], sort=False)["datum"].max()
             .reset_index().sort_values("datum", na_position="first"))
    keep = set()
    for (student, notebook), group in files.groupby(["student", "notebook"], sort=False):
        newest = group.iloc[-1]["bestand"]
        keep.add((student, notebook, newest))
        older = [b for b in group["bestand"] if b != newest]
        if older:
            problems.append(f"{student} heeft notebook {notebook} vaker ingeleverd "
                            f"({', '.join(older)} en {newest}); alleen het nieuwste bestand "
                            f"({newest}) telt mee.")
    mask = [(s, n, b) in keep for s, n, b in
            zip(answers["student"], answers["notebook"], answers["bestand"])]
    return answers[mask].reset_index(drop=True)


def answers_side_by_side(answers: pd.DataFrame | ClassHandIns, notebook: str | None = None,
                         question_id: str | None = None) -> pd.DataFrame:
    """One row per question, one column per student, the answers in the cells ('' if none)."""
    if isinstance(answers, ClassHandIns):
        answers = answers.antwoorden
    if notebook:
        answers = answers[answers["notebook"] == notebook]
    if question_id:
        answers = answers[answers["vraag_id"] == question_id]
    if answers.empty:
        return pd.DataFrame()
    questions = answers.drop_duplicates(["notebook", "vraag_id"])[["notebook", "vraag_id", "vraag"]]
    table = answers.pivot_table(index=["notebook", "vraag_id"], columns="student",
                                values="antwoord", aggfunc="first", fill_value="")
    table = questions.set_index(["notebook", "vraag_id"]).join(table).fillna("")
    return table.set_index("vraag", append=True)


def completion_table(answers: pd.DataFrame | ClassHandIns) -> pd.DataFrame:
    """Per student and notebook: the share of the notebook's questions answered (0-100 %).

    A notebook's questions are all question ids that any student's file lists for it.
    """
    if isinstance(answers, ClassHandIns):
        answers = answers.antwoorden
    if answers.empty:
        return pd.DataFrame()
    totals = answers.groupby("notebook")["vraag_id"].nunique()
    done = (answers[answers["antwoord"].str.strip() != ""]
            .groupby(["student", "notebook"])["vraag_id"].nunique()
            .unstack(fill_value=0))
    students = sorted(answers["student"].unique())
    done = done.reindex(index=students, columns=totals.index, fill_value=0)
    handed_in = answers.groupby(["student", "notebook"]).size().unstack()
    handed_in = handed_in.reindex(index=students, columns=totals.index)
    percent = (done / totals * 100).round().astype("Int64").where(handed_in.notna())
    percent.columns.name = "notebook"
    return percent


def draw_completion(table: pd.DataFrame, ax=None):
    """A heat map of :func:`completion_table` (empty cell = not handed in); returns the Axes."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(1.6 + 1.3 * len(table.columns), 0.9 + 0.45 * len(table)),
                             layout="constrained")
    values = table.astype("float").to_numpy()
    image = ax.imshow(values, cmap="cividis", vmin=0, vmax=100, aspect="auto")
    ax.set_xticks(range(len(table.columns)), [str(c) for c in table.columns], rotation=30,
                  ha="right")
    ax.set_yticks(range(len(table.index)), [str(i) for i in table.index])
    for (row, col), value in pd.DataFrame(values).stack(future_stack=True).items():
        label = "—" if pd.isna(value) else f"{value:.0f}%"
        ax.text(col, row, label, ha="center", va="center",
                color="black" if pd.isna(value) or value > 55 else "white", fontsize=9)
    ax.figure.colorbar(image, ax=ax, label="% beantwoord")
    ax.set_title("Voltooiing per student en notebook (— = niet ingeleverd)")
    return ax


def escape_cell(value) -> str:
    """Text for an HTML table cell: escaped, line breaks kept."""
    return html.escape(str(value)).replace("\n", "<br>")
