"""Showing a lemma in a notebook (as Markdown rendered by JupyterLab)."""

__all__ = ["lemma_markdown", "toon_lemma", "clusters_markdown", "toon_clusters", "original_markdown"]

from .loading import Lexicon, load_lexicon
from .loading import REQUIRED_SECTIONS


def lemma_markdown(lex: Lexicon, lemma_id: str) -> str:
    """The lemma as Markdown: title, authors and pages, key concepts, the three sections.

    Examples
    --------
    >>> from lexicon_tools import load_lexicon
    >>> lex = load_lexicon()
    >>> first = next(iter(lex.lemmas))
    >>> lemma_markdown(lex, first).startswith("### ")
    True
    """
    lemma = lex.lemma(lemma_id)
    cluster = lex.clusters.get(lemma.cluster)
    cluster_name = cluster.naam if cluster else lemma.cluster
    also = f" (ook: {', '.join(lex.clusters[c].naam.lower() for c in lemma.ook_in)})" \
        if lemma.ook_in else ""
    parts = [
        f"### {lemma.titel}",
        f"*{', '.join(lemma.auteurs)}* · {cluster_name}{also} · {_where(lemma)}",
        "**Kernbegrippen**\n\n" + "\n".join(f"- **{c.term}**: {c.definitie}"
                                              for c in lemma.kernbegrippen),
    ]
    for name in REQUIRED_SECTIONS:
        parts.append(f"#### {name}\n\n{lemma.secties.get(name, '')}")
    if lemma.verwant:
        related = "; ".join(f"*{lex.lemmas[r.id].titel}*" for r in lemma.verwant if r.id in lex.lemmas)
        parts.append(f"**Zie ook:** {related}")
    parts.append("<small>Samenvatting in eigen woorden bij het *Lexicon Nabijheid en sociaal werk* "
                 "(2022); lees het lemma zelf in het boek.</small>")
    return "\n\n".join(parts)


def _where(lemma) -> str:
    """Where to find the lemma in the book: exact pages only, else the title (no estimates)."""
    pages = lemma.paginas.for_students()
    if pages.startswith(("p. ", "vanaf ", "t/m ")):
        return f"{pages} van het boek"
    return "zoek het lemma op zijn titel in het boek (de pagina's zijn niet precies bekend)"


def original_markdown(lemma_id: str, fulltext) -> str:
    """The original text of a lemma from the user's own copy, marked as such."""
    import html

    import pandas as pd

    rows = fulltext[fulltext["lemma_id"] == lemma_id]
    source = fulltext.attrs.get("bestand", "je eigen exemplaar")
    if rows.empty:
        return (f"*In je eigen exemplaar ({source}) is dit lemma niet gevonden.* Controleer of "
                "het bestand het hele boek bevat.")
    parts = ["#### Oorspronkelijke tekst uit je eigen exemplaar",
             f"<small>Bron: {html.escape(source)}"
             " (niet meegeleverd met dit lespakket).</small>"]
    page = None
    for row in rows.itertuples(index=False):
        if not pd.isna(row.pagina) and row.pagina != page:
            page = row.pagina
            parts.append(f"<small>— p. {page} —</small>")
        parts.append(html.escape(row.tekst))
    return "\n\n".join(parts)


def toon_lemma(lemma_id: str, lex: Lexicon | None = None, origineel: bool = False) -> None:
    """Show a lemma in the notebook (anywhere in a cell).

    With ``origineel=True`` the original text follows, read from the user's own copy of the book
    (``NABIJHEID_LEXICON``); without a configured copy a friendly hint says how to add one.
    """
    from IPython.display import Markdown, display

    lex = lex or load_lexicon()
    display(Markdown(lemma_markdown(lex, lemma_id)))
    if origineel:
        display(Markdown(own_copy_markdown(lemma_id)))


def own_copy_markdown(lemma_id: str) -> str:
    """The original text from the configured own copy, or a hint how to configure one."""
    from . import fulltext
    from .errors import LexiconError

    try:
        copy = fulltext.load_configured()
    except LexiconError as exc:   # configured, but missing or unreadable: say so, keep going
        return f"**Je eigen exemplaar kon niet gelezen worden.** {exc}"
    return fulltext.HINT if copy is None else original_markdown(lemma_id, copy)


def clusters_markdown(lex: Lexicon) -> str:
    """The four clusters as Markdown: name, number of lemmas, description and lemma titles."""
    parts = []
    for cluster in lex.clusters.values():
        titles = [lemma.titel for lemma in lex.lemmas.values() if lemma.cluster == cluster.id]
        parts.append(f"#### {cluster.naam} ({len(titles)} lemma's)\n\n{cluster.omschrijving}\n\n"
                     f"*Lemma's:* {', '.join(titles) or '(nog geen)'}")
    return "\n\n".join(parts)


def toon_clusters(lex: Lexicon | None = None) -> None:
    """Show the four clusters with their lemmas."""
    from IPython.display import Markdown, display

    display(Markdown(clusters_markdown(lex or load_lexicon())))
