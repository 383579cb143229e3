"""The reader's own copy of the book: read a plain-text export (as pdftotext or copy/paste gives
it) and split it into lemmas, pages and paragraphs.

The book's text is never part of this project; it is only read at run time from a file the user
points to (``NABIJHEID_LEXICON``, or ``lexicon = "..."`` in ``nabijheid.toml``). What the splitter
handles (see ``../shared/SEED-MAP.md`` §5 for the export this was built on):

- page-start markers (a line beginning with exactly one space) and the two page-footer forms
  ``Lexicon nabijheid en sociaal werk pagina N van 206`` / ``pagina N van 206 Lexicon …``;
- stray cluster tags after a footer (``geografisch``, ``professioneel``, …), kept as page metadata;
- titles split over several lines (also at a hyphen: ``Ervarings-`` / ``deskundigheid``), found
  in book order by the titles in ``lexicon_data``;
- line-end hyphenation, also across a page break, and stray blank lines inside paragraphs;
- common OCR damage: ``é`` for ``ë`` after a vowel, ``invioed`` for ``invloed``, bullets read as
  ``¢``/``®``/``e``, and a few more.

Nothing is shown as the book's text without evidence that the file IS the book: its page footers
or the full names of several lemma authors, and per lemma one of its authors right below the
title. A file over 20 MB is refused before it is read; a failure is remembered per file version,
so a wrong file costs one check, not one per notebook cell.
"""

__all__ = ["load", "load_configured", "split_text", "clean_ocr", "looks_like_the_book",
           "FulltextWarning", "SplitText"]

import re
import unicodedata
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import settings
from .errors import LexiconError

FOOTER = re.compile(r"^\s*(?:Lexicon nabijheid en sociaal werk\s+)?pagina\s+(\d+)\s+van\s+\d+"
                    r"(?:\s+Lexicon nabijheid en sociaal werk)?\s*$", re.I)
TAGS = {"sociaal", "geografisch", "professioneel", "institutioneel"}
BULLET = re.compile(r"^(?:[¢®•*]|e(?= [A-Z]))\s+")
SENTENCE_END = re.compile(r"[.!?:;)’'\"”]$")
MAX_BOOK_BYTES = 20_000_000          # the book as plain text is about 0.6-1.5 MB
_BOOK_FOOTER = re.compile(r"pagina\s+\d+\s+van\s+206", re.I)
AUTHOR_WINDOW = 12                   # non-empty lines below a title where its author must stand


class FulltextWarning(UserWarning):
    """The file was read, but not every lemma was found in it."""


@dataclass
class _Line:
    number: int          # 1-based line number in the file
    text: str            # without the page-start space
    page_start: bool
    seq: int             # sequence number of the physical page the line is on


@dataclass
class SplitText:
    """The result of splitting: paragraphs per lemma and what was (not) found."""

    paragraphs: pd.DataFrame
    found: dict[str, tuple[int, int]] = field(default_factory=dict)   # lemma id -> line range
    missing: list[str] = field(default_factory=list)
    tags: dict[int, str] = field(default_factory=dict)                # page -> cluster tag


# -- OCR clean-up ----------------------------------------------------------------------------------
_WORD_FIXES = {
    r"\binvioed": "invloed", r"\binvlioed": "invloed", r"\bbeinvioed": "beïnvloed",
    r"\bbeinvlioed": "beïnvloed", r"\bvit\b": "uit", r"\bviucht": "vlucht", r"\bviak\b": "vlak",
    r"\bllan\b": "Ilan", r"\bgeinteresseerd": "geïnteresseerd", r"\bgeintroduceerd": "geïntroduceerd",
    r"\bcontinuiteit": "continuïteit", r"\bnaief\b": "naïef", r"\b0\.a\.": "o.a.",
}


def clean_ocr(text: str) -> str:
    """Repair common OCR damage for display.

    Examples
    --------
    >>> clean_ocr("De cliénten in Belgié hebben invioed op ideeén.")
    'De cliënten in België hebben invloed op ideeën.'
    >>> clean_ocr("Eén keer per week, privé en één.")
    'Eén keer per week, privé en één.'
    """
    text = unicodedata.normalize("NFC", text)
    # é after a vowel is a damaged ë (cliént, ideeén), except the word "één"/"Eén" itself
    text = re.sub(r"(?<=[aeiouAEIOU])(?<!\b[Ee])é(?!é)", "ë", text)
    for pattern, replacement in _WORD_FIXES.items():
        text = re.sub(pattern, replacement, text)
    return text


# -- splitting ---------------------------------------------------------------------------------------
def _key(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return re.sub(r"[^a-z0-9]", "", text)


def _lines(raw: str) -> tuple[list[_Line], dict[int, int], dict[int, str]]:
    """Lines without footers and tags; page sequence per line; footer anchors; tags per seq."""
    lines, anchors, tags = [], {}, {}
    seq, after_footer = 0, None
    for number, line in enumerate(raw.split("\n"), start=1):
        line = line.rstrip("\r")
        footer = FOOTER.match(line)
        if footer:
            anchors[seq] = int(footer.group(1))
            after_footer = number
            continue
        starts_page = line.startswith(" ") and not line.startswith("  ") and line.strip() != ""
        if after_footer is not None and line.strip():
            if line.strip().lower() in TAGS and number - after_footer <= 6:
                tags[seq + 1] = line.strip().lower()
                continue
            seq, after_footer = seq + 1, None
            starts_page = False  # a new page after a footer starts without the marker
        elif starts_page:
            seq += 1
        lines.append(_Line(number, line[1:] if starts_page else line, starts_page, seq))
    return lines, anchors, tags


def _page_bounds(seq: int, anchors: dict[int, int]) -> tuple[int | None, int | None]:
    """Lowest and highest possible page for a page sequence number, from the footer anchors."""
    before = [s for s in anchors if s <= seq]
    after = [s for s in anchors if s >= seq]
    low = anchors[max(before)] + (seq - max(before)) if before else None
    high = anchors[min(after)] - (min(after) - seq) if after else None
    return low, high


def _find_titles(lines: list[_Line], titles: dict[str, str]) -> dict[str, tuple[int, int]]:
    """Index of the first and last title line of each lemma, searched in book order."""
    found, start = {}, 0
    for lemma_id, title in titles.items():
        target = _key(title)
        for index in range(start, len(lines)):
            if not lines[index].text.strip() or len(lines[index].text) > 70:
                continue
            joined, end = "", index
            while end < len(lines) and lines[end].text.strip() and end - index < 5:
                joined += lines[end].text.strip()
                if _key(joined) == target:
                    found[lemma_id] = (index, end)
                    start = end + 1
                    break
                if not target.startswith(_key(joined)):
                    break
                end += 1
            if lemma_id in found:
                break
    return found


def _paragraphs(lines: list[_Line]) -> list[tuple[int, str]]:
    """(page sequence, text) per paragraph: hyphenation joined, stray blank lines ignored."""
    paragraphs, current, seq = [], "", None
    pending_blank = False
    for line in lines:
        text = line.text.strip()
        if not text:
            pending_blank = bool(current)
            continue
        is_bullet = bool(BULLET.match(text))
        text = BULLET.sub("• ", text)
        if is_bullet and current:
            paragraphs.append((seq, current))
            current, seq = "", None
        continues = current and (current.endswith("-") and text[:1].islower()
                                 or pending_blank and not SENTENCE_END.search(current)
                                 and text[:1].islower())
        if current and pending_blank and not continues:
            paragraphs.append((seq, current))
            current, seq = "", None
        if not current:
            current, seq = text, line.seq
        elif current.endswith("-") and text[:1].islower() and current[-2:-1].isalpha():
            current = current[:-1] + text
        else:
            current += " " + text
        pending_blank = False
    if current:
        paragraphs.append((seq, current))
    return paragraphs


def split_text(raw: str, titles: dict[str, str]) -> SplitText:
    """Split the book's text into paragraphs per lemma (``titles``: lemma id -> printed title)."""
    lines, anchors, tags = _lines(raw)
    found = _find_titles(lines, titles)
    order = sorted(found.items(), key=lambda item: item[1][0])
    rows, ranges = [], {}
    for position, (lemma_id, (first, last)) in enumerate(order):
        end = order[position + 1][1][0] if position + 1 < len(order) else len(lines)
        body = lines[last + 1:end]
        ranges[lemma_id] = (lines[first].number, lines[end - 1].number)
        for number, (seq, text) in enumerate(_paragraphs(body), start=1):
            low, high = _page_bounds(seq, anchors)
            rows.append({"lemma_id": lemma_id, "pagina": low if low is not None else high,
                         "pagina_min": low, "pagina_max": high, "alinea": number,
                         "tekst": clean_ocr(text)})
    frame = pd.DataFrame(rows, columns=["lemma_id", "pagina", "pagina_min", "pagina_max",
                                        "alinea", "tekst"])
    frame = frame.astype({"pagina": "Int64", "pagina_min": "Int64", "pagina_max": "Int64"})
    page_tags = {}
    for seq, tag in tags.items():
        low, _ = _page_bounds(seq, anchors)
        if low is not None:
            page_tags[low] = tag
    return SplitText(frame, ranges, [i for i in titles if i not in found], page_tags)


def _surname(name: str) -> str:
    return name.split()[-1] if name.split() else name


def looks_like_the_book(raw: str, lex) -> bool:
    """Cheap evidence that ``raw`` is (part of) this book: its page footers, or the full names of
    the authors of at least three lemmas.

    Examples
    --------
    >>> from lexicon_tools import load_lexicon
    >>> looks_like_the_book("Een kookboek.\\nAppeltaart", load_lexicon())
    False
    """
    if _BOOK_FOOTER.search(raw):
        return True
    low = raw.lower()
    named = sum(1 for lemma in lex.lemmas.values()
                if any(author.lower() in low for author in lemma.auteurs if len(author) > 6))
    return named >= 3


def _authored(frame: pd.DataFrame, lex) -> list[str]:
    """Lemma ids whose first paragraphs name one of the lemma's authors (evidence per lemma)."""
    ids = []
    for lemma_id, rows in frame.groupby("lemma_id", sort=False):
        head = " ".join(rows.sort_values("alinea")["tekst"].head(AUTHOR_WINDOW)).lower()
        surnames = [_surname(a).lower() for a in lex.lemma(lemma_id).auteurs
                    if "niet vermeld" not in a.lower()]  # no author printed: book evidence only
        if any(name and name in head for name in surnames) or not surnames:
            ids.append(lemma_id)
    return ids


def load(path: str | Path, lex=None) -> pd.DataFrame:
    """Read the user's own copy of the book into a DataFrame (lemma_id, pagina, alinea, tekst).

    Raises a Dutch :class:`LexiconError` when the file cannot be read or holds none of the lemmas;
    warns (:class:`FulltextWarning`) naming the missing lemmas when only part of the book is there.
    The frame's ``attrs`` hold ``gevonden`` (lemma id -> line range) and ``ontbrekend``.
    """
    from .loading import load_lexicon

    path = Path(path).expanduser()
    try:
        size = path.stat().st_size if path.is_file() else None
        if path.exists() and size is None:
            raise LexiconError(f"{path} is geen gewoon bestand. Geef het pad naar een tekstbestand "
                               "(.txt) met je eigen exemplaar van het boek.")
        if size is not None and size > MAX_BOOK_BYTES:
            raise LexiconError(f"{path.name} is {size // 1_000_000} MB groot; het boek als platte "
                               "tekst is ongeveer 1 MB. Is dit wel een tekstexport van het boek?")
        raw = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise LexiconError(f"Het bestand {path} bestaat niet. Controleer het pad naar je eigen "
                           "exemplaar van het boek.") from None
    except UnicodeDecodeError:
        raise LexiconError(f"{path} is geen UTF-8-tekstbestand. Exporteer het boek als platte "
                           "tekst (bijv. met pdftotext) en probeer opnieuw.") from None
    except OSError as exc:
        raise LexiconError(f"{path} kan niet gelezen worden ({exc.strerror}).") from None
    lex = lex or load_lexicon()
    if not looks_like_the_book(raw, lex):
        raise LexiconError(f"{path.name} lijkt geen tekstexport van het Lexicon Nabijheid en sociaal "
                           "werk: de paginavoeten van het boek en de namen van de auteurs ontbreken. "
                           "Controleer het bestand (zie de README, 'Je eigen exemplaar').")
    result = split_text(raw, {lemma.id: lemma.titel for lemma in lex.lemmas.values()})
    kept = set(_authored(result.paragraphs, lex))
    if set(result.found) - kept:
        result.paragraphs = result.paragraphs[result.paragraphs.lemma_id.isin(kept)]
        result.found = {i: r for i, r in result.found.items() if i in kept}
        result.missing = [i for i in lex.lemmas if i not in result.found]
    if not result.found:
        raise LexiconError(f"In {path.name} staat geen enkel lemma van het Lexicon Nabijheid en "
                           "sociaal werk. Is dit wel een tekstexport van het boek?")
    if result.missing:
        titles = ", ".join(lex.lemma(i).titel for i in result.missing)
        warnings.warn(f"In {path.name} zijn {len(result.found)} van de {len(lex.lemmas)} lemma's "
                      f"gevonden. Niet gevonden: {titles}. Is het bestand onvolledig?",
                      FulltextWarning, stacklevel=2)
    frame = result.paragraphs
    frame.attrs.update({"gevonden": result.found, "ontbrekend": result.missing,
                        "bestand": str(path), "clustertags": result.tags})
    return frame


def load_configured() -> pd.DataFrame | None:
    """The configured own copy (``NABIJHEID_LEXICON`` or the config file), or None if not set."""
    chosen = settings.setting("NABIJHEID_LEXICON")
    if not chosen:
        return None
    path = Path(chosen).expanduser()
    try:
        stat = path.stat()
        version = (str(path), stat.st_mtime_ns, stat.st_size)
    except OSError:
        version = (str(path), None, None)
    if version in _FAILURES:
        raise LexiconError(_FAILURES[version])
    try:
        return _load_cached(*version)
    except LexiconError as exc:
        _FAILURES.clear()  # only the latest failure is kept
        _FAILURES[version] = str(exc)
        raise


_FAILURES: dict[tuple, str] = {}


@lru_cache(maxsize=2)
def _load_cached(path: str, mtime, size) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FulltextWarning)
        return load(path)


HINT = ("*Je hebt geen eigen exemplaar van het boek ingesteld.* Wil je hier de oorspronkelijke tekst "
        "zien? Exporteer je eigen (gekochte of gedownloade) exemplaar als platte tekst en zet de "
        "omgevingsvariabele `NABIJHEID_LEXICON` op dat bestand, of zet `lexicon = \"/pad/naar/"
        "lexicon.txt\"` in het bestand `nabijheid.toml` in je configuratiemap. Zie de README.")
