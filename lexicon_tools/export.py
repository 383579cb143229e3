"""Hand-in files: a student's questions and answers as readable Markdown and HTML.

One hand-in holds one notebook or all of them. Both forms can be read back by the class overview
(:mod:`lexicon_tools.class_overview`): the Markdown through its YAML header and a hidden marker per
question, the HTML through an embedded JSON block. Everything a student typed is escaped in HTML.
"""

__all__ = ["HandIn", "collect_hand_in", "hand_in_markdown", "hand_in_html", "write_hand_in",
           "answer_stores", "answers_markdown", "export_markdown", "HAND_IN_KIND"]

import html
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import yaml

from . import settings
from .answers import AnswerStore

HAND_IN_KIND = "nabijheid-en-sociaal-werk"
NAME_KEY, NUMBER_KEY = "_naam", "_studentnummer"
NOT_ANSWERED = "(nog niet beantwoord)"


@dataclass
class HandIn:
    """What a student hands in: who, when, and per notebook a list of (id, question, answer)."""

    naam: str = ""
    studentnummer: str = ""
    datum: datetime = field(default_factory=lambda: datetime.now().replace(microsecond=0))
    notebooks: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)

    def to_data(self) -> dict:
        return {"inlevering": HAND_IN_KIND, "versie": 1, "naam": self.naam,
                "studentnummer": self.studentnummer, "datum": self.datum.isoformat(),
                "notebooks": [{"notebook": name, "antwoorden": [
                    {"id": i, "vraag": q, "antwoord": a} for i, q, a in rows]}
                    for name, rows in self.notebooks.items()]}


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def collect_hand_in(stores: list[AnswerStore], naam: str | None = None,
                    studentnummer: str | None = None, now: datetime | None = None) -> HandIn:
    """Gather the answers of one or more notebooks; name and number default to what was saved."""
    hand_in = HandIn(datum=(now or datetime.now()).replace(microsecond=0))
    for store in stores:
        store.flush()
        naam = naam if naam is not None else (store.get(NAME_KEY) or None)
        studentnummer = studentnummer if studentnummer is not None else \
            (store.get(NUMBER_KEY) or None)
        rows = [(key, entry.get("vraag") or key, entry.get("tekst", "").strip())
                for key, entry in store.answers().items() if not key.startswith("_")]
        hand_in.notebooks[store.notebook] = rows
    hand_in.naam, hand_in.studentnummer = _one_line(naam or ""), _one_line(studentnummer or "")
    return hand_in


def _who(hand_in: HandIn) -> str:
    name = hand_in.naam or "(naam niet ingevuld)"
    return f"{name} ({hand_in.studentnummer})" if hand_in.studentnummer else name


def _md_text(text: str) -> str:
    """Student text made safe for Markdown: no raw HTML, no line that looks like our headings."""
    text = text.replace("<", "&lt;")
    return re.sub(r"^(\s*)#", r"\1\\#", text, flags=re.M)


def hand_in_markdown(hand_in: HandIn) -> str:
    """The hand-in as Markdown with a small YAML header.

    Examples
    --------
    >>> hand_in = HandIn("Sam", "123", datetime(2026, 1, 5, 9, 30),
    ...                  {"demo": [("v1", "Wat is nabijheid?", "Dichtbij <b>zijn</b>.")]})
    >>> print(hand_in_markdown(hand_in))  # doctest: +NORMALIZE_WHITESPACE
    ---
    inlevering: nabijheid-en-sociaal-werk
    naam: Sam
    studentnummer: '123'
    datum: '2026-01-05T09:30:00'
    notebooks:
    - demo
    ---
    <BLANKLINE>
    # Antwoorden van Sam (123)
    <BLANKLINE>
    Ingeleverd op 5-1-2026 om 09:30.
    <BLANKLINE>
    ## Notebook: demo
    <BLANKLINE>
    ### Wat is nabijheid?
    <!-- vraag: v1 -->
    <BLANKLINE>
    Dichtbij &lt;b>zijn&lt;/b>.
    <BLANKLINE>
    """
    header = yaml.safe_dump({"inlevering": HAND_IN_KIND, "naam": hand_in.naam,
                             "studentnummer": hand_in.studentnummer,
                             "datum": hand_in.datum.isoformat(),
                             "notebooks": list(hand_in.notebooks)},
                            allow_unicode=True, sort_keys=False)
    when = hand_in.datum
    lines = ["---", header.rstrip("\n"), "---", "", f"# Antwoorden van {_md_text(_who(hand_in))}",
             "", f"Ingeleverd op {when.day}-{when.month}-{when.year} om {when:%H:%M}.", ""]
    for notebook, rows in hand_in.notebooks.items():
        lines += [f"## Notebook: {notebook}", ""]
        if not rows:
            lines += ["*Nog geen antwoorden in dit notebook.*", ""]
        for question_id, question, answer in rows:
            lines += [f"### {_md_text(_one_line(question))}", f"<!-- vraag: {question_id} -->", "",
                      _md_text(answer) if answer else f"*{NOT_ANSWERED}*", ""]
    return "\n".join(lines)


_STYLE = """body{font-family:system-ui,sans-serif;max-width:46em;margin:2em auto;line-height:1.5;
color:#222;padding:0 1em}h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #ccc;
margin-top:2em}h3{font-size:1em;margin-bottom:.3em}.antwoord{white-space:pre-wrap;background:#f6f6f6;
padding:.5em .8em;border-left:4px solid #0072B2}.leeg{color:#777;font-style:italic}"""


def hand_in_html(hand_in: HandIn) -> str:
    """The hand-in as one self-contained HTML page; all text is escaped."""
    esc = html.escape
    when = hand_in.datum
    data = json.dumps(hand_in.to_data(), ensure_ascii=False)
    data = data.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    parts = ["<!DOCTYPE html>", "<html lang='nl'><head><meta charset='utf-8'>",
             f"<title>Antwoorden van {esc(_who(hand_in))}</title><style>{_STYLE}</style>",
             f"<script type='application/json' id='lt-inlevering'>{data}</script></head><body>",
             f"<h1>Antwoorden van {esc(_who(hand_in))}</h1>",
             f"<p>Ingeleverd op {when.day}-{when.month}-{when.year} om {when:%H:%M}.</p>"]
    for notebook, rows in hand_in.notebooks.items():
        parts.append(f"<h2>Notebook: {esc(notebook)}</h2>")
        if not rows:
            parts.append("<p class='leeg'>Nog geen antwoorden in dit notebook.</p>")
        for _, question, answer in rows:
            parts.append(f"<h3>{esc(_one_line(question))}</h3>")
            parts.append(f"<div class='antwoord'>{esc(answer)}</div>" if answer else
                         f"<p class='leeg'>{NOT_ANSWERED}</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def write_hand_in(hand_in: HandIn, folder: str | Path | None = None, stem: str | None = None,
                  formats: tuple[str, ...] = ("md", "html")) -> list[Path]:
    """Write the hand-in as ``antwoorden_<notebook or 'alles'>.md`` and ``.html``; return paths."""
    folder = Path(folder) if folder else Path.cwd()
    folder.mkdir(parents=True, exist_ok=True)
    if stem is None:
        names = list(hand_in.notebooks)
        stem = "antwoorden_" + (names[0] if len(names) == 1 else "alles")
        if hand_in.naam:
            stem += "_" + _slug(hand_in.naam)
    writers = {"md": hand_in_markdown, "html": hand_in_html}
    paths = []
    for kind in formats:
        path = folder / f"{stem}.{kind}"
        path.write_text(writers[kind](hand_in), encoding="utf-8")
        paths.append(path)
    return paths


def answer_stores(folder: str | Path | None = None) -> list[AnswerStore]:
    """An answer store for every notebook that has saved answers (damaged files left out)."""
    folder = Path(folder).expanduser() if folder else settings.answers_dir()
    if not folder.is_dir():
        return []
    return [AnswerStore(path.stem, folder) for path in sorted(folder.glob("*.json"))
            if "." not in path.stem]


# -- the single-notebook helpers used by the first notebooks -----------------------------------------
def answers_markdown(store: AnswerStore, naam: str = "", now: datetime | None = None) -> str:
    """The questions and answers of one notebook as Markdown (see :func:`hand_in_markdown`)."""
    return hand_in_markdown(collect_hand_in([store], naam=naam or None, now=now))


def export_markdown(store: AnswerStore, path: str | Path | None = None, naam: str = "") -> Path:
    """Write one notebook's hand-in as Markdown (default ``antwoorden_<notebook>.md`` here)."""
    text = answers_markdown(store, naam=naam)
    target = Path(path) if path else Path.cwd() / f"antwoorden_{store.notebook}.md"
    target.write_text(text, encoding="utf-8")
    return target
