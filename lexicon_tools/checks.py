"""Checks for the exercises in which students write a little pandas or networkx themselves.

``controleer(vraag, antwoord)`` compares a student's answer with the value computed from the data
and shows friendly Dutch feedback with a hint; nothing is hard-coded, so the checks stay right when
the content changes.
"""

__all__ = ["controleer", "expected", "CHECKS"]

import html

import networkx as nx
import pandas as pd

from .loading import load_lexicon

HINTS = {
    "lemmas-per-cluster": "Tip: groepeer de lemmatabel op de kolom 'cluster' en tel: "
                          "lemmas.groupby(\"cluster\", observed=True).size()",
    "meeste-begrippen": "Tip: sorteer op 'aantal_begrippen' (aflopend) en kijk naar de eerste rij.",
    "meeste-bronnen": "Tip: sorteer op 'aantal_bronnen' (aflopend) en kijk naar de eerste rij.",
    "hoogste-graad": "Tip: G.degree() geeft per lemma het aantal verbindingen; zoek het maximum.",
    "hoogste-betweenness": "Tip: nx.betweenness_centrality(G) geeft een dict; zoek de sleutel "
                           "met de hoogste waarde.",
    "meest-geciteerd": "Tip: tel in de bronnentabel hoe vaak elke bron voorkomt: "
                       "bronnen[\"bron\"].value_counts()",
}
CHECKS = list(HINTS)


def _top(series: pd.Series) -> set[str]:
    return set(series[series == series.max()].index)


def expected(question: str, lex=None):
    """The right answer, computed from the data: a set of accepted ids, or a dict of counts."""
    lex = lex or load_lexicon()
    lemmas = lex.lemmas_frame().set_index("id")
    if question == "lemmas-per-cluster":
        return {k: int(v) for k, v in lemmas.groupby("cluster", observed=True).size().items()}
    if question == "meeste-begrippen":
        return _top(lemmas["aantal_begrippen"])
    if question == "meeste-bronnen":
        return _top(lemmas["aantal_bronnen"])
    graph = lex.graph()
    if question == "hoogste-graad":
        return _top(pd.Series(dict(graph.degree())))
    if question == "hoogste-betweenness":
        return _top(pd.Series(nx.betweenness_centrality(graph)))
    if question == "meest-geciteerd":
        return _top(lex.citations_frame()["bron"].value_counts())
    raise KeyError(question)


def _normalise(answer, lex) -> object:
    """Accept what the tips produce: a lemma id or title (any case), a row or one-row frame,
    an (id, value) pair, or a dict/Series of counts."""
    titles = {lemma.titel.lower(): lemma.id for lemma in lex.lemmas.values()}
    if isinstance(answer, pd.DataFrame) and len(answer) >= 1:
        answer = answer.iloc[0].get("id", answer.index[0])
    if isinstance(answer, pd.Series) and answer.dtype.kind in "iu":
        return {str(k): int(v) for k, v in answer.items()}
    if isinstance(answer, pd.Series):  # one row of the lemma table
        answer = answer.get("id", answer.name)
    if isinstance(answer, dict):
        try:
            return {str(k): int(v) for k, v in answer.items()}
        except (TypeError, ValueError):
            return str(answer)
    if isinstance(answer, (tuple, list)) and answer and isinstance(answer[0], str):
        answer = answer[0]  # e.g. max(G.degree(), key=...) gives (id, degree)
    if isinstance(answer, str):
        return titles.get(answer.strip().lower(), answer.strip())
    try:
        hash(answer)
    except TypeError:
        return repr(answer)
    return answer


def check_message(question: str, answer, lex=None) -> tuple[bool | None, str]:
    """(right?, Dutch message); None when nothing was filled in yet."""
    lex = lex or load_lexicon()
    if question not in HINTS:
        return False, f"Onbekende controle '{question}'. Kies uit: {', '.join(CHECKS)}."
    if answer is None or answer is ...:
        return None, f"Nog niet ingevuld: vervang `None` door je antwoord. {HINTS[question]}"
    right = expected(question, lex)
    given = _normalise(answer, lex)
    if isinstance(right, dict):
        ok = given == right
    else:
        ok = given in right
    if ok:
        return True, "Goed! Dat klopt met de gegevens."
    shown = html.escape(given if isinstance(given, str) and given.startswith(("{", "[")) else repr(given))
    return False, f"Nog niet goed: je antwoord was {shown}. {HINTS[question]}"


def controleer(question: str, answer) -> None:
    """Show whether a self-computed answer is right, with a hint if not."""
    from IPython.display import Markdown, display

    ok, message = check_message(question, answer)
    mark = {True: "✔", False: "✘", None: "…"}[ok]
    display(Markdown(f"**{mark}** {message}"))
