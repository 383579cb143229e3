"""Reading one hand-in file safely: bounded size, linear search, bounded nesting, checked types.

A hand-in is read only through its JSON data block (see :mod:`lexicon_tools.export`); anything else
in the file is for human readers. Every problem is a :class:`NotAHandIn` with a Dutch reason.
"""

__all__ = ["NotAHandIn", "read_hand_in", "hand_in_from_text", "zip_members", "read_small_text",
           "COLUMNS", "MAX_BYTES"]

import json
import os
import stat
from datetime import datetime
from pathlib import Path

import pandas as pd

from .export import HAND_IN_KIND, HTML_END, HTML_START, MD_END, MD_START

COLUMNS = ["student", "naam", "studentnummer", "notebook", "titel", "vraag_id", "vraag",
           "antwoord", "soort", "juist", "casus", "opdracht", "inleiding", "datum", "bestand"]
MAX_BYTES = 5_000_000
MAX_ANSWERS = 5_000


class NotAHandIn(ValueError):
    """The file is readable but is not a (valid) hand-in of this kit (message in Dutch)."""


def _block(text: str, start: str, end: str) -> str:
    """The text between the first ``start`` and the next ``end`` (linear time, no regex)."""
    begin = text.find(start)
    if begin < 0 and f"inlevering: {HAND_IN_KIND}" in text[:300]:
        raise NotAHandIn("gemaakt met een oudere versie van het lespakket; vraag de student opnieuw "
                         "in te leveren met de knop onder het notebook")
    if begin < 0:
        raise NotAHandIn("geen inlevering van dit lespakket (de gegevens in het bestand ontbreken)")
    stop = text.find(end, begin + len(start))
    if stop < 0:
        raise NotAHandIn("de gegevens in het bestand zijn afgebroken")
    return text[begin + len(start):stop]


def _json(text: str):
    try:
        return json.loads(text)
    except RecursionError:
        raise NotAHandIn("de gegevens in het bestand zijn te diep genest") from None
    except ValueError:
        raise NotAHandIn("de gegevens in het bestand zijn beschadigd") from None


def _text(value, what: str) -> str:
    if isinstance(value, str):
        return value
    raise NotAHandIn(f"{what} is geen tekst")


def _date(value) -> datetime | None:
    try:
        when = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
    if when is not None and when.tzinfo is not None:  # compare everything in local time
        when = when.astimezone().replace(tzinfo=None)
    return when


def _answer(raw, where: str) -> dict:
    if not isinstance(raw, dict):
        raise NotAHandIn(f"een antwoord in {where} heeft een onbekende vorm")
    right = raw.get("juist")
    if right is not None and not isinstance(right, bool):
        raise NotAHandIn(f"'juist' in {where} is geen ja/nee")
    if "id" not in raw:
        raise NotAHandIn(f"een antwoord in {where} heeft geen id")
    return {"vraag_id": _text(raw["id"], f"een vraag-id in {where}"),
            "vraag": _text(raw.get("vraag", ""), f"een vraag in {where}"),
            "antwoord": _text(raw.get("antwoord", ""), f"een antwoord in {where}"),
            "soort": _text(raw.get("soort", "overig"), f"een soort in {where}"),
            "juist": right, "casus": _text(raw.get("casus", ""), f"een casus in {where}"),
            "opdracht": _text(raw.get("opdracht", ""), f"een opdracht in {where}"),
            "inleiding": _text(raw.get("inleiding", ""), f"een inleiding in {where}")}


def _rows(data) -> tuple[dict, list[dict]]:
    """Check the data's shape and types; return (who, rows) or raise NotAHandIn."""
    if not isinstance(data, dict) or data.get("inlevering") != HAND_IN_KIND:
        raise NotAHandIn("geen inlevering van dit lespakket")
    who = {"naam": " ".join(_text(data.get("naam", ""), "de naam").split()),
           "studentnummer": " ".join(_text(data.get("studentnummer", ""),
                                           "het studentnummer").split()),
           "datum": _date(data.get("datum"))}
    notebooks = data.get("notebooks")
    if not isinstance(notebooks, list):
        raise NotAHandIn("de lijst met notebooks ontbreekt of is geen lijst")
    rows = []
    for notebook in notebooks:
        if not isinstance(notebook, dict) or not isinstance(notebook.get("antwoorden"), list):
            raise NotAHandIn("een notebook in het bestand heeft een onbekende vorm")
        name = _text(notebook.get("notebook", ""), "een notebooknaam")
        title = _text(notebook.get("titel", name), "een notebooktitel") or name
        for raw in notebook["antwoorden"]:
            rows.append({"notebook": name, "titel": title, **_answer(raw, f"notebook {name}")})
            if len(rows) > MAX_ANSWERS:
                raise NotAHandIn("het bestand bevat onwaarschijnlijk veel antwoorden")
    return who, rows


def read_small_text(path: Path) -> str:
    """A regular file of at most MAX_BYTES as text (UTF-8, BOM allowed); never waits on a FIFO."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise NotAHandIn("dit is geen gewoon bestand")
    if info.st_size > MAX_BYTES:
        raise NotAHandIn("het bestand is te groot voor een inlevering")
    with open(path, "rb") as handle:
        raw = handle.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise NotAHandIn("het bestand is te groot voor een inlevering")
    return raw.decode("utf-8-sig")


def read_hand_in(path: str | Path) -> pd.DataFrame:
    """One hand-in file as rows (see ``COLUMNS``); raises ValueError with a Dutch reason."""
    path = Path(path)
    return hand_in_from_text(read_small_text(path), path.name)


def hand_in_from_text(text: str, name: str) -> pd.DataFrame:
    """The rows of a hand-in whose text is given; ``name`` (its file name) tells HTML from MD."""
    if name.lower().endswith((".html", ".htm")):
        data = _json(_block(text, HTML_START, HTML_END))
    else:
        data = _json(_block(text, MD_START, MD_END))
    who, rows = _rows(data)
    student_name, number = who["naam"], who["studentnummer"]
    student = f"{student_name} ({number})" if student_name and number else \
        student_name or number or f"onbekend ({name})"
    frame = pd.DataFrame([{"student": student, **who, **row, "bestand": name} for row in rows],
                         columns=COLUMNS)
    return frame.astype({"juist": "object"})


HAND_IN_SUFFIXES = (".md", ".html", ".htm")
MAX_MEMBERS = 5_000


def zip_members(path: Path):
    """(shown name, text or NotAHandIn) per hand-in-like file in a zip, as an LMS downloads it.

    Never extracts anything to disk; every member is size-checked before it is read, so a damaged
    or hostile archive costs at most MAX_BYTES per member. Index pages the LMS adds are skipped.
    """
    import zipfile

    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise NotAHandIn(f"het zip-bestand is niet te openen ({exc})") from None
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()
                   and m.filename.lower().endswith(HAND_IN_SUFFIXES)
                   and Path(m.filename).name.lower() != "index.html"
                   and not Path(m.filename).name.startswith(("._", "."))]
        if len(members) > MAX_MEMBERS:
            raise NotAHandIn("het zip-bestand bevat onwaarschijnlijk veel bestanden")
        for member in members:
            shown = f"{path.name}/{member.filename}"
            if member.file_size > MAX_BYTES:
                yield shown, NotAHandIn("het bestand is te groot voor een inlevering")
                continue
            try:
                with archive.open(member) as handle:
                    raw = handle.read(MAX_BYTES + 1)
            except (zipfile.BadZipFile, OSError, RuntimeError, EOFError) as exc:
                yield shown, NotAHandIn(f"niet uit het zip-bestand te lezen ({exc})")
                continue
            if len(raw) > MAX_BYTES:
                yield shown, NotAHandIn("het bestand is te groot voor een inlevering")
                continue
            yield shown, raw.decode("utf-8-sig", errors="strict") \
                if _is_utf8(raw) else NotAHandIn("het bestand is geen UTF-8-tekst")


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True
