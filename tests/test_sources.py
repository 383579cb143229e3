"""One canonical spelling per cited work across all lemmas (issue 15, Deliver 6).

Notebook 11 links lemmas that cite the same work by (authors, year). When one work is written two
ways ("RVS" and "Raad voor Volksgezondheid en Samenleving", "Van Yperen" and "Van Iperen") the
network splits it in two. Two author strings of the same year may therefore not differ only in
case, punctuation, initials, an abbreviation or a spelling slip.
"""

import difflib
import itertools
import re
from collections import defaultdict

from lexicon_tools import load_lexicon

LEX = load_lexicon()

#: Organisations the book names both by abbreviation and in full.
ABBREVIATIONS = {
    "rvs": "raad voor volksgezondheid en samenleving",
    "rmo": "raad voor maatschappelijke ontwikkeling",
    "rvz": "raad voor de volksgezondheid en zorg",
    "scp": "sociaal en cultureel planbureau",
    "wrr": "wetenschappelijke raad voor het regeringsbeleid",
    "vng": "vereniging van nederlandse gemeenten",
    "vws": "ministerie van volksgezondheid welzijn en sport",
    "bzk": "ministerie van binnenlandse zaken en koninkrijksrelaties",
    "cbs": "centraal bureau voor de statistiek",
    "pbl": "planbureau voor de leefomgeving",
    "rivm": "rijksinstituut voor volksgezondheid en milieu",
    "who": "world health organization",
}
SIMILAR = 0.85
#: Pairs that look alike but are different authors in the book (checked against the text):
#: Geert van der Laan and Jos van der Lans (2002); Roose et al. and Ross et al. (2020).
DIFFERENT_WORKS = {("2002", "Van der Laan", "Van der Lans"), ("2020", "Roose et al.", "Ross et al.")}


def normalise(authors: str) -> str:
    """Lowercase, '&' as 'en', punctuation and initials dropped, abbreviations written out.

    >>> normalise("Raad voor Volksgezondheid & Samenleving") == normalise("RVS")
    True
    >>> normalise("A.K. Cohen") == normalise("Cohen")
    True
    """
    text = authors.lower().replace("&", " en ")
    text = re.sub(r"\b[a-z]\.\s*", " ", text)          # initials: "a.k. cohen" -> "cohen"
    text = re.sub(r"[^\w\s]", " ", text)
    text = " ".join(text.split())
    return ABBREVIATIONS.get(text, text)


def _initials(authors: str) -> str:
    return "".join(re.findall(r"\b([A-Za-z])\.", authors)).lower()


def same_work_spelled_twice(first: str, second: str) -> bool:
    """True when two author strings of one year look like one work written two ways.

    Two people with the same surname are told apart by different initials ("A.K. Cohen",
    "S. Cohen"): that is the canonical way to write them, not a slip.
    """
    if first == second:
        return False
    a, b = normalise(first), normalise(second)
    if a == b:
        return not (_initials(first) and _initials(second)
                    and _initials(first) != _initials(second))
    return difflib.SequenceMatcher(None, a, b).ratio() > SIMILAR


def suspicious_pairs(lexicon=LEX) -> list[tuple[str, str, str, list[str]]]:
    """(year, spelling 1, spelling 2, lemmas) for every pair that looks like one work twice."""
    by_year = defaultdict(lambda: defaultdict(set))
    for lemma in lexicon.lemmas.values():
        for source in lemma.bronnen:
            by_year[source.jaar][source.auteurs].add(lemma.id)
    pairs = []
    for year, spellings in sorted(by_year.items()):
        for first, second in itertools.combinations(sorted(spellings), 2):
            if same_work_spelled_twice(first, second) and \
                    (year, first, second) not in DIFFERENT_WORKS:
                pairs.append((year, first, second,
                              sorted(spellings[first] | spellings[second])))
    return pairs


def test_one_spelling_per_cited_work():
    pairs = suspicious_pairs()
    shown = "\n".join(f"{year}: '{a}' vs '{b}' ({', '.join(lemmas)})" for year, a, b, lemmas in pairs)
    assert pairs == [], "one work written more than one way:\n" + shown


def test_detects_spelling_variants():
    assert same_work_spelled_twice("RVS", "Raad voor Volksgezondheid en Samenleving")
    assert same_work_spelled_twice("Raad voor Volksgezondheid & Samenleving",
                                   "Raad voor Volksgezondheid en Samenleving")
    assert same_work_spelled_twice("Van Yperen", "Van Iperen")
    assert same_work_spelled_twice("Cohen", "A.K. Cohen")
    assert same_work_spelled_twice("van der lans", "Van der Lans")


def test_tells_different_works_apart():
    assert not same_work_spelled_twice("A.K. Cohen", "S. Cohen")
    assert not same_work_spelled_twice("Engbersen", "Engbersen et al.")
    assert not same_work_spelled_twice("Kolner et al.", "Kolner & Van der Borg et al.")
    assert not same_work_spelled_twice("Bredewold", "Bredewold & Malda")
