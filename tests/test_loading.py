"""The loader: the Lexicon object, caching, lookups with friendly errors."""

import time

import pytest

from lexicon_tools import LexiconError, load_lexicon
from lexicon_tools.schema import PageRange, parse_pages
from conftest import FIXTURE_LEXICON, replace_in


def test_fixture_lexicon_contents():
    lex = load_lexicon(FIXTURE_LEXICON)
    assert list(lex.clusters) == ["sociale", "geografische", "professionele", "institutionele"]
    alfa = lex.lemma("alfa")
    assert alfa.titel == "Alfa" and alfa.cluster == "sociale"
    assert [c.term for c in alfa.kernbegrippen] == ["nabijheid", "afstand", "contact"]
    assert alfa.samenvatting.startswith("Dit is een testtekst")
    assert lex.model("trap").niveaus[0].label == "Laag"


def test_load_is_cached_and_reloads_after_an_edit(lexicon_copy):
    first = load_lexicon(lexicon_copy)
    assert load_lexicon(lexicon_copy) is first
    time.sleep(0.01)
    replace_in(lexicon_copy / "lemmas/alfa.md", "titel: Alfa", "titel: Alfa nieuw")
    second = load_lexicon(lexicon_copy)
    assert second is not first and second.lemma("alfa").titel == "Alfa nieuw"


def test_unknown_lemma_suggests_close_ids():
    lex = load_lexicon(FIXTURE_LEXICON)
    with pytest.raises(LexiconError, match="geen lemma met id 'alpha'.*Bedoel je: alfa"):
        lex.lemma("alpha")
    with pytest.raises(LexiconError, match="geen model met id 'trappen'"):
        lex.model("trappen")


def test_missing_folder_is_reported():
    with pytest.raises(LexiconError, match="deze map bestaat niet"):
        load_lexicon("/bestaat/niet")


def test_page_ranges():
    assert parse_pages("65-67") == (65, 67)
    assert PageRange(begin="21", eind="24-28").bounds() == (21, 28)
    assert str(PageRange(begin="55", eind="60")) == "p. 55–60"
    assert PageRange(begin="21", eind="24-28").internal() == "p. 21 tot 24–28 (schatting)"
    assert str(PageRange(begin="21", eind="24-28")) == "vanaf p. 21"
    assert str(PageRange(begin="7", eind="7")) == "p. 7"


def test_real_lexicon_loads_quickly():
    start = time.perf_counter()
    lex = load_lexicon()
    assert lex.lemmas and time.perf_counter() - start < 5
