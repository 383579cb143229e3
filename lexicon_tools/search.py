"""Search: where does a term occur in our summaries and concepts, and in the user's own copy?"""

__all__ = ["zoek", "snippet"]

import re
import warnings

import pandas as pd

from .loading import Lexicon, load_lexicon

COLUMNS = ["bron", "lemma", "titel", "veld", "fragment"]


def snippet(text: str, start: int, end: int, width: int = 60) -> str:
    """A short fragment around text[start:end], the match between « and ».

    Examples
    --------
    >>> snippet("Buren letten een beetje op elkaar.", 6, 12, width=6)
    'Buren «letten» een b…'
    >>> snippet("Buren letten een beetje op elkaar.", 17, 23, width=4)
    '…een «beetje» op …'
    """
    left = max(0, start - width)
    right = min(len(text), end + width)
    return (("…" if left else "") + text[left:start] + "«" + text[start:end] + "»"
            + text[end:right] + ("…" if right < len(text) else "")).replace("\n", " ")


def _own_fields(lex: Lexicon):
    for lemma in lex.lemmas.values():
        for concept in lemma.kernbegrippen:
            yield lemma, f"kernbegrip: {concept.term}", f"{concept.term}: {concept.definitie}"
        for section, text in lemma.secties.items():
            yield lemma, section, text


def zoek(term: str, lex: Lexicon | None = None, fulltext: pd.DataFrame | None = None,
         met_boek: bool = True) -> pd.DataFrame:
    """Where ``term`` occurs: one row a hit, with source, lemma, field (or page) and a fragment.

    Searches our own summaries and key concepts, and — when an own copy of the book is configured
    (or passed as ``fulltext``) and ``met_boek`` is true — the book's full text too.
    Case-insensitive; a term of at least two characters.
    """
    from .errors import LexiconError

    term = (term or "").strip()
    if len(term) < 2:
        raise LexiconError("Geef een zoekterm van minstens twee tekens, bijv. lt.zoek('vertrouwen').")
    lex = lex or load_lexicon()
    pattern = re.compile(re.escape(term), re.I)
    rows = []
    for lemma, field, text in _own_fields(lex):
        for match in pattern.finditer(text):
            rows.append({"bron": "samenvatting", "lemma": lemma.id, "titel": lemma.titel,
                         "veld": field, "fragment": snippet(text, match.start(), match.end())})
    if met_boek and fulltext is None:
        from .fulltext import FulltextWarning, load_configured
        try:
            fulltext = load_configured()
        except LexiconError as exc:   # a broken setting must not stop a search in our own texts
            warnings.warn(f"Alleen in de samenvattingen gezocht: {exc}", FulltextWarning,
                          stacklevel=2)
    if met_boek and fulltext is not None:
        titles = {lemma.id: lemma.titel for lemma in lex.lemmas.values()}
        for row in fulltext.itertuples(index=False):
            for match in pattern.finditer(row.tekst):
                page = "" if pd.isna(row.pagina) else f"p. {row.pagina}"
                rows.append({"bron": "boek", "lemma": row.lemma_id,
                             "titel": titles.get(row.lemma_id, row.lemma_id), "veld": page,
                             "fragment": snippet(row.tekst, match.start(), match.end())})
    return pd.DataFrame(rows, columns=COLUMNS)
