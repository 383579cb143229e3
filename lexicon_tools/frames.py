"""pandas views of the lexicon: one row a lemma, a concept, a citation, a link or a model."""

__all__ = ["lemmas_frame", "concepts_frame", "citations_frame", "links_frame", "models_frame",
           "source_key"]

from itertools import combinations

import pandas as pd

from .loading import Lexicon, word_count


def lemmas_frame(lex: Lexicon) -> pd.DataFrame:
    """One row a lemma (book order): id, titel, cluster, auteurs, pages, counts.

    Examples
    --------
    >>> from lexicon_tools import load_lexicon
    >>> df = lemmas_frame(load_lexicon())
    >>> {"id", "titel", "cluster", "aantal_begrippen", "aantal_bronnen"} <= set(df.columns)
    True
    """
    rows = []
    for lemma in lex.lemmas.values():
        low, high = lemma.paginas.bounds()
        rows.append({
            "id": lemma.id, "titel": lemma.titel, "cluster": lemma.cluster,
            "ook_in": ", ".join(lemma.ook_in), "auteurs": ", ".join(lemma.auteurs),
            "paginas": str(lemma.paginas), "pagina_van": low, "pagina_tot": high,
            "woorden_samenvatting": word_count(lemma.samenvatting),
            "woorden_totaal": sum(word_count(text) for text in lemma.secties.values()),
            "aantal_begrippen": len(lemma.kernbegrippen), "aantal_bronnen": len(lemma.bronnen),
            "aantal_verwant": len(lemma.verwant), "aantal_modellen": len(lemma.modellen),
        })
    frame = pd.DataFrame(rows, columns=_LEMMA_COLUMNS)
    frame["cluster"] = pd.Categorical(frame["cluster"], categories=list(lex.clusters) or None)
    return frame.astype({"pagina_van": "Int64", "pagina_tot": "Int64"})


_LEMMA_COLUMNS = ["id", "titel", "cluster", "ook_in", "auteurs", "paginas", "pagina_van",
                  "pagina_tot", "woorden_samenvatting", "woorden_totaal", "aantal_begrippen",
                  "aantal_bronnen", "aantal_verwant", "aantal_modellen"]


def concepts_frame(lex: Lexicon) -> pd.DataFrame:
    """One row a key concept: lemma, term, definitie."""
    rows = [{"lemma": lemma.id, "term": c.term, "definitie": c.definitie}
            for lemma in lex.lemmas.values() for c in lemma.kernbegrippen]
    return pd.DataFrame(rows, columns=["lemma", "term", "definitie"])


def citations_frame(lex: Lexicon) -> pd.DataFrame:
    """One row a cited work per lemma: lemma, auteur, jaar, bron (``'Auteur (jaar)'``)."""
    rows = [{"lemma": lemma.id, "auteur": s.auteurs, "jaar": s.jaar, "bron": source_key(s)}
            for lemma in lex.lemmas.values() for s in lemma.bronnen]
    return pd.DataFrame(rows, columns=["lemma", "auteur", "jaar", "bron"])


def source_key(source) -> str:
    """A readable key for a cited work, e.g. ``'Sahlins (1972)'``."""
    return f"{source.auteurs} ({source.jaar})"


def models_frame(lex: Lexicon) -> pd.DataFrame:
    """One row a model: id, titel, lemma, pagina, soort, aantal_niveaus, niveaus."""
    rows = [{"id": m.id, "titel": m.titel, "lemma": m.lemma, "pagina": m.pagina, "soort": m.soort,
             "aantal_niveaus": len(m.niveaus), "niveaus": " | ".join(lv.label for lv in m.niveaus)}
            for m in lex.models.values()]
    return pd.DataFrame(rows, columns=["id", "titel", "lemma", "pagina", "soort",
                                       "aantal_niveaus", "niveaus"])


def links_frame(lex: Lexicon) -> pd.DataFrame:
    """Links between lemmas: one row a pair and kind (``verwant``, ``begrip``, ``bron``).

    ``gewicht`` counts how strong the link is (both lemmas naming each other, or the number of
    shared concepts or sources); ``toelichting`` says why in words.
    """
    rows = _related_rows(lex) + _shared_rows(lex, "begrip") + _shared_rows(lex, "bron")
    return pd.DataFrame(rows, columns=["lemma_a", "lemma_b", "soort", "gewicht", "toelichting"])


def _pair(lex: Lexicon, a: str, b: str) -> tuple[str, str]:
    order = list(lex.lemmas)
    return (a, b) if order.index(a) <= order.index(b) else (b, a)


def _related_rows(lex: Lexicon) -> list[dict]:
    reasons: dict[tuple[str, str], list[str]] = {}
    for lemma in lex.lemmas.values():
        for rel in lemma.verwant:
            reasons.setdefault(_pair(lex, lemma.id, rel.id), []).append(rel.waarom)
    return [{"lemma_a": a, "lemma_b": b, "soort": "verwant", "gewicht": len(why),
             "toelichting": " / ".join(why)} for (a, b), why in reasons.items()]


def _shared_rows(lex: Lexicon, kind: str) -> list[dict]:
    owners: dict[str, set[str]] = {}
    labels: dict[str, str] = {}
    for lemma in lex.lemmas.values():
        items = lemma.kernbegrippen if kind == "begrip" else lemma.bronnen
        for item in items:
            label = item.term if kind == "begrip" else source_key(item)
            key = " ".join(label.lower().split())
            owners.setdefault(key, set()).add(lemma.id)
            labels.setdefault(key, label)
    shared: dict[tuple[str, str], list[str]] = {}
    for key, ids in owners.items():
        for a, b in combinations(sorted(ids), 2):
            shared.setdefault(_pair(lex, a, b), []).append(labels[key])
    word = "gedeeld begrip" if kind == "begrip" else "gedeelde bron"
    return [{"lemma_a": a, "lemma_b": b, "soort": kind, "gewicht": len(items),
             "toelichting": f"{word}: " + "; ".join(sorted(items))}
            for (a, b), items in shared.items()]
