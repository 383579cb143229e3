"""Hand-in files: a student's questions and answers as readable Markdown and HTML.

One hand-in holds one notebook or all of them and is named ``<studentnummer>_<notebook>.md/.html``
(``<studentnummer>_alles`` for all notebooks). Each answer knows its kind: a reflection carries its
case text, a quiz answer whether it is right (and the notebook its score), a sort task its
introduction once. Sensitive answers (the Bogardus scale, exercise items marked ``gevoelig: true``)
stay out unless the student asks for them.

Both forms embed the same JSON data block, which the class overview
(:mod:`lexicon_tools.class_overview`) reads back exactly. Everything a student typed is escaped: as
HTML in the HTML file, as Markdown text (no live HTML, images or links) in the Markdown file.
"""

__all__ = ["HandIn", "Answer", "collect_hand_in", "hand_in_markdown", "hand_in_html",
           "write_hand_in", "hand_in_stem", "answer_stores", "answers_markdown", "export_markdown",
           "notebook_title", "HAND_IN_KIND", "data_block", "store_warnings"]

import html
import json
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from . import settings
from .answers import AnswerStore

HAND_IN_KIND = "nabijheid-en-sociaal-werk"
FORMAT_VERSION = 2
NAME_KEY, NUMBER_KEY = "_naam", "_studentnummer"
NOT_ANSWERED = "(nog niet beantwoord)"
KINDS = {"reflectie": "Reflectie", "quiz": "Quizvraag", "sorteer": "Sorteeropdracht",
         "afstandsschaal": "Afstandsschaal", "overig": "Opdracht"}
MD_START, MD_END = "<!-- lt-inlevering", "-->"
HTML_START, HTML_END = "<script type='application/json' id='lt-inlevering'>", "</script>"


@dataclass
class Answer:
    """One answer in a hand-in, with what the reader needs to judge it."""

    id: str
    vraag: str
    antwoord: str
    soort: str = "overig"
    juist: bool | None = None
    casus: str = ""
    opdracht: str = ""
    inleiding: str = ""
    gevoelig: bool = False


@dataclass
class HandIn:
    """What a student hands in: who, when, and per notebook its answers (and title)."""

    naam: str = ""
    studentnummer: str = ""
    datum: datetime = field(default_factory=lambda: datetime.now().replace(microsecond=0))
    notebooks: dict[str, list[Answer]] = field(default_factory=dict)
    titels: dict[str, str] = field(default_factory=dict)
    weggelaten: int = 0

    def __post_init__(self):
        self.notebooks = {name: [row if isinstance(row, Answer) else Answer(*row) for row in rows]
                          for name, rows in self.notebooks.items()}

    def title(self, notebook: str) -> str:
        return self.titels.get(notebook) or notebook

    def to_data(self) -> dict:
        return {"inlevering": HAND_IN_KIND, "versie": FORMAT_VERSION, "naam": self.naam,
                "studentnummer": self.studentnummer, "datum": self.datum.isoformat(),
                "weggelaten": self.weggelaten,
                "notebooks": [{"notebook": name, "titel": self.title(name),
                               "antwoorden": [_answer_data(a) for a in rows]}
                              for name, rows in self.notebooks.items()]}


def _answer_data(answer: Answer) -> dict:
    data = asdict(answer)
    data.pop("gevoelig")
    return data


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


# -- collecting ----------------------------------------------------------------------------------
def _exercise_items() -> dict:
    """All exercise items by id; empty when the exercise files cannot be read (never fatal)."""
    try:
        from .exercises import load_exercises

        return load_exercises()
    except Exception:  # a broken lecturer file must never stop a hand-in
        return {}


def _sort_labels(task) -> dict[str, str]:
    if task.categorieen is not None:
        return {c.id: c.label for c in task.categorieen}
    try:
        from .loading import load_lexicon

        return {level.id: level.label for level in load_lexicon().model(task.model).niveaus}
    except Exception:
        return {}


def describe_answer(key: str, entry: dict, items: dict) -> Answer:
    """An :class:`Answer` for a saved entry, enriched from the exercise item it belongs to."""
    from .exercises import DistanceScaleSpec, QuizQuestion, ReflectionQuestion, SortTask

    text = str(entry.get("tekst", "")).strip()
    question = str(entry.get("vraag") or key)
    item = items.get(key)
    sensitive = bool(getattr(item, "gevoelig", False))
    if isinstance(item, ReflectionQuestion):
        return Answer(key, item.vraag, text, "reflectie", casus=item.casus or "", gevoelig=sensitive)
    if isinstance(item, QuizQuestion):
        right = next((o.juist for o in item.opties if o.tekst == text), None) if text else None
        return Answer(key, item.vraag, text, "quiz", juist=right, gevoelig=sensitive)
    if isinstance(item, DistanceScaleSpec):
        return Answer(key, item.vraag, text, "afstandsschaal", gevoelig=True)
    task_id, _, number = key.rpartition("-")
    task = items.get(task_id)
    if isinstance(task, SortTask) and number.isdigit() and 0 < int(number) <= len(task.items):
        sort_item = task.items[int(number) - 1]
        right = (text == _sort_labels(task).get(sort_item.antwoord)) if text else None
        return Answer(key, sort_item.tekst, text, "sorteer", juist=right, opdracht=task_id,
                      inleiding=task.opdracht, gevoelig=bool(getattr(task, "gevoelig", False)))
    return Answer(key, question, text, gevoelig=sensitive)


def notebook_title(notebook: str, folders: list[Path] | None = None) -> str:
    """The first ``# `` heading of ``<notebook>.ipynb`` (here or in the kit), else the name."""
    folders = folders if folders is not None else [Path.cwd(), settings.PROJECT_DIR / "notebooks"]
    for folder in folders:
        path = Path(folder) / f"{notebook}.ipynb"
        try:
            if not path.is_file() or path.stat().st_size > 5_000_000:
                continue
            cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
        except (OSError, ValueError, RecursionError, AttributeError):
            continue
        for cell in cells[:3]:
            source = cell.get("source", "") if isinstance(cell, dict) else ""
            source = "".join(source) if isinstance(source, list) else str(source)
            found = re.search(r"^# (.+)$", source, re.M)
            if found:
                return found.group(1).strip()
    return notebook


def collect_hand_in(stores: list[AnswerStore], naam: str | None = None,
                    studentnummer: str | None = None, now: datetime | None = None,
                    include_sensitive: bool = False, items: dict | None = None) -> HandIn:
    """Gather the answers of one or more notebooks; name and number default to what was saved.

    Sensitive answers are left out (and counted in ``weggelaten``) unless ``include_sensitive``.
    """
    items = _exercise_items() if items is None else items
    hand_in = HandIn(datum=(now or datetime.now()).replace(microsecond=0))
    for store in stores:
        store.flush()
        naam = naam if naam is not None else (store.get(NAME_KEY) or None)
        studentnummer = studentnummer if studentnummer is not None else \
            (store.get(NUMBER_KEY) or None)
        rows = [describe_answer(key, entry, items) for key, entry in store.answers().items()
                if not key.startswith("_")]
        kept = [row for row in rows if include_sensitive or not row.gevoelig]
        hand_in.weggelaten += len(rows) - len(kept)
        hand_in.notebooks[store.notebook] = kept
        hand_in.titels[store.notebook] = notebook_title(store.notebook)
    hand_in.naam, hand_in.studentnummer = _one_line(naam or ""), _one_line(studentnummer or "")
    return hand_in


def score_line(rows: list[Answer], kind: str) -> str | None:
    """'x van y ingevuld, z goed' for the quiz or sort answers among ``rows`` (None if none)."""
    chosen = [row for row in rows if row.soort == kind]
    if not chosen:
        return None
    filled = sum(1 for row in chosen if row.antwoord)
    right = sum(1 for row in chosen if row.juist)
    return f"{filled} van {len(chosen)} ingevuld, {right} goed"


def _who(hand_in: HandIn) -> str:
    name = hand_in.naam or "(naam niet ingevuld)"
    return f"{name} ({hand_in.studentnummer})" if hand_in.studentnummer else name


def _when(hand_in: HandIn) -> str:
    when = hand_in.datum
    return f"Ingeleverd op {when.day}-{when.month}-{when.year} om {when:%H:%M}."


def _left_out(hand_in: HandIn) -> str:
    return (f"{hand_in.weggelaten} gevoelig(e) antwoord(en) (zoals de afstandsschaal) zijn op "
            "verzoek van de student niet meegenomen." if hand_in.weggelaten else "")


def data_block(hand_in: HandIn) -> str:
    """The hand-in's data as JSON that is safe inside an HTML script and an HTML comment."""
    data = json.dumps(hand_in.to_data(), ensure_ascii=False)
    return data.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


# -- Markdown --------------------------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#!|&~])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])", re.M)


def md_text(text: str) -> str:
    """Student text as literal Markdown text: no HTML, image, link, heading or list survives.

    Examples
    --------
    >>> md_text("![x](http://a) <b>1. & #")
    '\\\\!\\\\[x\\\\](http://a) \\\\<b\\\\>1. \\\\& \\\\#'
    """
    text = _MD_SPECIAL.sub(r"\\\1", str(text))
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _md_block(text: str) -> list[str]:
    """An answer as a quote block that keeps its line breaks."""
    return [f"> {md_text(line)}  " if line.strip() else ">" for line in text.split("\n")]


def _md_header(hand_in: HandIn) -> list[str]:
    """A YAML header of JSON strings (valid YAML) with HTML-escaped values: never live HTML."""
    def value(text):
        return json.dumps(html.escape(str(text)), ensure_ascii=False)

    return ["---", f"inlevering: {HAND_IN_KIND}", f"naam: {value(hand_in.naam)}",
            f"studentnummer: {value(hand_in.studentnummer)}",
            f"datum: {value(hand_in.datum.isoformat())}", "---"]


def _md_rows(rows: list[Answer]) -> list[str]:
    lines, intro_done = [], set()
    for row in rows:
        if row.soort == "sorteer" and row.opdracht not in intro_done:
            intro_done.add(row.opdracht)
            lines += [f"### Sorteeropdracht: {md_text(_one_line(row.inleiding))}", ""]
        level = "####" if row.soort == "sorteer" else "###"
        lines += [f"{level} {md_text(_one_line(row.vraag))}", ""]
        if row.casus:
            lines += [f"*Casus:* {md_text(_one_line(row.casus))}", ""]
        if not row.antwoord:
            lines += [f"*{md_text(NOT_ANSWERED)}*", ""]
            continue
        lines += _md_block(row.antwoord) + [""]
        if row.juist is not None:
            lines += ["**Goed**" if row.juist else "**Niet goed**", ""]
    return lines


def hand_in_markdown(hand_in: HandIn) -> str:
    """The hand-in as Markdown: an escaped YAML header, the answers, and the data block."""
    lines = _md_header(hand_in) + ["", f"# Antwoorden van {md_text(_who(hand_in))}", "",
                                   _when(hand_in), ""]
    if hand_in.weggelaten:
        lines += [f"*{_left_out(hand_in)}*", ""]
    for notebook, rows in hand_in.notebooks.items():
        lines += [f"## {md_text(hand_in.title(notebook))}", ""]
        for kind, label in (("quiz", "Quiz"), ("sorteer", "Sorteeropdrachten")):
            score = score_line(rows, kind)
            if score:
                lines += [f"**{label}:** {score}.", ""]
        if not rows:
            lines += ["*Nog geen antwoorden in dit notebook.*", ""]
        lines += _md_rows(rows)
    lines += [MD_START, data_block(hand_in), MD_END, ""]
    return "\n".join(lines)


# -- HTML ------------------------------------------------------------------------------------------
_STYLE = """body{font-family:system-ui,sans-serif;max-width:46em;margin:2em auto;line-height:1.5;
color:#222;padding:0 1em}h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #ccc;
margin-top:2em}h3{font-size:1em;margin-bottom:.3em}h4{font-size:1em;font-weight:normal;
margin-bottom:.2em}.antwoord{white-space:pre-wrap;background:#f6f6f6;padding:.5em .8em;
border-left:4px solid #0072B2}.leeg{color:#555;font-style:italic}.goed{color:#1a6b1a}
.fout{color:#b00020}.casus{color:#444}"""


def _html_rows(rows: list[Answer]) -> list[str]:
    esc, parts, intro_done = html.escape, [], set()
    for row in rows:
        if row.soort == "sorteer" and row.opdracht not in intro_done:
            intro_done.add(row.opdracht)
            parts.append(f"<h3>Sorteeropdracht: {esc(_one_line(row.inleiding))}</h3>")
        tag = "h4" if row.soort == "sorteer" else "h3"
        parts.append(f"<{tag}>{esc(_one_line(row.vraag))}</{tag}>")
        if row.casus:
            parts.append(f"<p class='casus'><i>Casus:</i> {esc(row.casus)}</p>")
        if not row.antwoord:
            parts.append(f"<p class='leeg'>{NOT_ANSWERED}</p>")
            continue
        parts.append(f"<div class='antwoord'>{esc(row.antwoord)}</div>")
        if row.juist is not None:
            parts.append("<p class='goed'>✓ Goed</p>" if row.juist else
                         "<p class='fout'>✗ Niet goed</p>")
    return parts


def hand_in_html(hand_in: HandIn) -> str:
    """The hand-in as one self-contained HTML page; all text is escaped."""
    esc = html.escape
    parts = ["<!DOCTYPE html>", "<html lang='nl'><head><meta charset='utf-8'>",
             f"<title>Antwoorden van {esc(_who(hand_in))}</title><style>{_STYLE}</style>",
             f"{HTML_START}{data_block(hand_in)}{HTML_END}</head><body>",
             f"<h1>Antwoorden van {esc(_who(hand_in))}</h1>", f"<p>{_when(hand_in)}</p>"]
    if hand_in.weggelaten:
        parts.append(f"<p class='leeg'>{esc(_left_out(hand_in))}</p>")
    for notebook, rows in hand_in.notebooks.items():
        parts.append(f"<h2>{esc(hand_in.title(notebook))}</h2>")
        for kind, label in (("quiz", "Quiz"), ("sorteer", "Sorteeropdrachten")):
            score = score_line(rows, kind)
            if score:
                parts.append(f"<p><b>{label}:</b> {esc(score)}.</p>")
        if not rows:
            parts.append("<p class='leeg'>Nog geen antwoorden in dit notebook.</p>")
        parts += _html_rows(rows)
    parts.append("</body></html>")
    return "\n".join(parts)


# -- files -----------------------------------------------------------------------------------------
def _safe_part(text: str, fallback: str) -> str:
    return re.sub(r"[^A-Za-z0-9-]+", "-", text).strip("-")[:40] or fallback


def hand_in_stem(hand_in: HandIn, everything: bool = False) -> str:
    """``<studentnummer>_<notebook>`` (or ``_alles``), safe as a file name everywhere.

    Examples
    --------
    >>> hand_in_stem(HandIn("Sam", "12 34/5", notebooks={"01_sociale": []}))
    '12-34-5_01_sociale'
    """
    number = _safe_part(hand_in.studentnummer, "zonder-studentnummer")
    names = list(hand_in.notebooks)
    part = names[0] if len(names) == 1 and not everything else "alles"
    return f"{number}_{part}"


def write_hand_in(hand_in: HandIn, folder: str | Path | None = None, stem: str | None = None,
                  formats: tuple[str, ...] = ("md", "html")) -> list[Path]:
    """Write the hand-in as ``<stem>.md`` and ``.html`` (default :func:`hand_in_stem`)."""
    folder = Path(folder) if folder else Path.cwd()
    folder.mkdir(parents=True, exist_ok=True)
    stem = stem or hand_in_stem(hand_in)
    writers = {"md": hand_in_markdown, "html": hand_in_html}
    paths = []
    for kind in formats:
        path = folder / f"{stem}.{kind}"
        path.write_text(writers[kind](hand_in), encoding="utf-8")
        paths.append(path)
    return paths


def answer_stores(folder: str | Path | None = None) -> list[AnswerStore]:
    """A read-only answer store for every notebook that has saved answers.

    Read-only: a damaged file of another notebook is reported (``warnings``) but left in place
    for that notebook's own kernel, which moves it aside and tells the student."""
    folder = Path(folder).expanduser() if folder else settings.answers_dir()
    if not folder.is_dir():
        return []
    return [AnswerStore(path.stem, folder, read_only=True) for path in sorted(folder.glob("*.json"))
            if "." not in path.stem]


def store_warnings(stores: list[AnswerStore]) -> list[str]:
    """The Dutch warnings of answer stores (damaged or unreadable answers files), without doubles."""
    found = []
    for store in stores:
        for warning in getattr(store, "warnings", []) or []:
            if warning not in found:
                found.append(str(warning))
    return found


# -- the single-notebook helpers used by the first notebooks -----------------------------------------
def answers_markdown(store: AnswerStore, naam: str = "", now: datetime | None = None) -> str:
    """The questions and answers of one notebook as Markdown (see :func:`hand_in_markdown`)."""
    return hand_in_markdown(collect_hand_in([store], naam=naam or None, now=now))


def export_markdown(store: AnswerStore, path: str | Path | None = None, naam: str = "") -> Path:
    """Write one notebook's hand-in as Markdown (default ``<studentnummer>_<notebook>.md`` here)."""
    hand_in = collect_hand_in([store], naam=naam or None)
    text = hand_in_markdown(hand_in)
    target = Path(path) if path else Path.cwd() / f"{hand_in_stem(hand_in)}.md"
    target.write_text(text, encoding="utf-8")
    return target
