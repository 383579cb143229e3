"""The own-copy splitter: a synthetic fixture with every artefact kind, and the real book when present."""

import re
import warnings

import pytest

import lexicon_tools as lt
from lexicon_tools import LexiconError
from lexicon_tools.fulltext import FulltextWarning, clean_ocr, load, split_text
from conftest import HERE, PROJECT, SHARED

MINI = HERE / "data" / "fulltext" / "mini_boek.txt"
TITLES = {"alfa": "Alfa en omega", "ervaring": "Ervaringsdeskundigheid", "gamma": "Gamma"}
SEED = next(iter(sorted((SHARED / "seed").glob("*.txt"))), None)


@pytest.fixture(scope="module")
def mini():
    return split_text(MINI.read_text(encoding="utf-8"), TITLES)


def test_titles_found_also_when_split_or_hyphenated(mini):
    assert list(mini.found) == ["alfa", "ervaring"] and mini.missing == ["gamma"]
    assert mini.found["alfa"][0] == 5  # the junk line before the title belongs to the lemma


def test_paragraphs_hyphenation_blank_lines_and_ocr(mini):
    alfa = mini.paragraphs[mini.paragraphs.lemma_id == "alfa"].tekst.tolist()
    assert alfa[0] == "Piet Test & Truus Proef"
    assert "cliënten en hun ideeën, en over de invloed van de buurt" in alfa[1]
    assert "afbreking aan het einde" in alfa[1]
    assert "losse witregel midden in de zin" in alfa[2]
    assert "• eerste punt van de lijst;" in alfa and "• tweede punt van de lijst." in alfa
    assert any("daar wordt afgebroken door een nieuwe pagina" in t for t in alfa)
    assert not any(re.search(r"pagina \d+ van 206|geografisch", t) for t in alfa)


def test_pages_from_footers_and_markers(mini):
    frame = mini.paragraphs.set_index(["lemma_id", "alinea"])
    assert frame.loc[("alfa", 2), "pagina"] == 11
    assert frame.loc[("alfa", 4), "pagina"] == 12       # after the odd-page footer
    assert frame.loc[("alfa", 7), "pagina"] == 12       # starts on 12, runs onto 13
    assert frame.loc[("alfa", 8), "pagina"] == 14       # after the even-page footer and the tag
    assert frame.loc[("ervaring", 2), "pagina"] == 15   # a title on a page-start marker
    assert frame.loc[("ervaring", 3), "pagina"] == 16
    assert (frame["pagina_min"] <= frame["pagina_max"]).dropna().all()
    assert mini.tags == {14: "geografisch"}


def test_ocr_cleaning_keeps_real_accents():
    assert clean_ocr("financiéle patiént, één privé café") == "financiële patiënt, één privé café"


def test_not_the_book(tmp_path):
    path = tmp_path / "recept.txt"
    path.write_text("Appeltaart\n\nNeem zes appels en een deeg.\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="lijkt geen tekstexport"):
        load(path)
    with pytest.raises(LexiconError, match="bestaat niet"):
        load(tmp_path / "weg.txt")
    (tmp_path / "latin.txt").write_bytes("Bèta".encode("latin-1"))
    with pytest.raises(LexiconError, match="geen UTF-8"):
        load(tmp_path / "latin.txt")


def test_part_of_the_book_names_what_is_missing(tmp_path):
    path = tmp_path / "deel.txt"
    path.write_text(" Presentie\n\nElly Beurskens\n\nEen verzonnen alinea over aanwezig zijn.\n"
                    "Lexicon nabijheid en sociaal werk pagina 171 van 206\n", encoding="utf-8")
    with pytest.warns(FulltextWarning, match=r"1 van de 33 lemma's gevonden. Niet gevonden: Sociale basis"):
        frame = load(path)
    assert frame.attrs["gevonden"] and "wederkerigheid" in frame.attrs["ontbrekend"]


def test_without_a_copy_a_friendly_hint(monkeypatch, tmp_path):
    from lexicon_tools.display import own_copy_markdown
    monkeypatch.delenv("NABIJHEID_LEXICON", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))  # no config file either
    text = own_copy_markdown("presentie")
    assert "geen eigen exemplaar" in text and "NABIJHEID_LEXICON" in text


def test_configured_copy_is_used(monkeypatch):
    from lexicon_tools.display import own_copy_markdown
    monkeypatch.setenv("NABIJHEID_LEXICON", str(MINI))  # holds only 'Ervaringsdeskundigheid'
    text = own_copy_markdown("ervaringsdeskundigheid")
    assert text.startswith("#### Oorspronkelijke tekst") and "gaat over ervaringen" in text
    assert "— p. 15 —" in text
    assert "niet gevonden" in own_copy_markdown("presentie")


needs_seed = pytest.mark.skipif(SEED is None, reason="the book text (../shared/seed) is not present")

# Lemma line ranges of SEED-MAP §1b (first line, incl. junk before the title; last line)
SEED_RANGES = {
    "sociale-basis": (434, 633), "wederkerigheid": (634, 816), "vertrouwen": (817, 1051),
    "menselijk-en-sociaal-kapitaal": (1052, 1279), "sociale-afstand": (1280, 1537),
    "segregatie": (1538, 1758), "eenzaamheid": (1759, 1980), "leefbaarheid": (1981, 2226),
    "straatcultuur": (2227, 2469), "alledaagse-attentheid": (2470, 2691),
    "publieke-ruimte": (2692, 2920), "bewonersinitiatieven": (2921, 3149),
    "samenleven": (3150, 3349), "buurteffecten": (3350, 3565), "verhuiselijking": (3566, 3746),
    "integraal-werken": (3747, 4052), "relationeel-sociaal-werken": (4053, 4324),
    "achter-de-voordeur": (4325, 4538), "sociale-teams": (4539, 4716),
    "politiek-actorschap": (4717, 4945), "samenlevingsopbouw": (4946, 5220),
    "pedagogische-civil-society": (5221, 5454), "maatwerk": (5455, 5660),
    "sociaal-schaduwwerk": (5661, 5890), "ervaringsdeskundigheid": (5891, 6169),
    "praktijkleren": (6170, 6405), "presentie": (6406, 6617),
    "leefwereld-en-systeemwereld": (6618, 6838), "evidence-based-werken": (6839, 7089),
    "preventie": (7090, 7330), "sociale-technologie": (7331, 7581), "zorg-thuis": (7582, 7839),
    "boundary-spanner": (7840, 8050),
}


@needs_seed
def test_all_33_lemmas_with_the_seed_map_line_ranges():
    with warnings.catch_warnings():
        warnings.simplefilter("error", FulltextWarning)
        frame = load(SEED)
    found = frame.attrs["gevonden"]
    assert frame.attrs["ontbrekend"] == []
    for lemma_id, (first, last) in SEED_RANGES.items():
        got_first, got_last = found[lemma_id]
        assert got_first in (first, first + 1) and got_last == last, lemma_id
    pages = frame.groupby("lemma_id")["pagina"].min()
    assert pages["wederkerigheid"] == 21 and pages["eenzaamheid"] == 50
    assert not frame.tekst.str.contains(r"pagina \d+ van 206").any()


@needs_seed
def test_every_lemma_shows_its_original_text(monkeypatch):
    monkeypatch.setenv("NABIJHEID_LEXICON", str(SEED))
    from lexicon_tools.display import original_markdown
    copy = lt.fulltext.load_configured()
    for lemma in lt.load_lexicon().lemmas.values():
        text = original_markdown(lemma.id, copy)
        assert text.startswith("#### Oorspronkelijke tekst uit je eigen exemplaar"), lemma.id
        assert len(text) > 3000, lemma.id


@needs_seed
def test_search_includes_the_book_when_configured(monkeypatch):
    monkeypatch.setenv("NABIJHEID_LEXICON", str(SEED))
    hits = lt.zoek("presentie")
    assert {"samenvatting", "boek"} <= set(hits.bron)
    assert hits[hits.bron == "boek"].veld.str.startswith("p. ").all()


def test_a_wrong_setting_gives_a_message_not_a_crash(monkeypatch, tmp_path):
    from lexicon_tools.display import own_copy_markdown

    missing = tmp_path / "weg.txt"
    monkeypatch.setenv("NABIJHEID_LEXICON", str(missing))
    text = own_copy_markdown("presentie")
    assert "kon niet gelezen worden" in text and str(missing) in text
    with pytest.warns(FulltextWarning, match="Alleen in de samenvattingen"):
        hits = lt.zoek("vertrouwen")
    assert not hits.empty and set(hits["bron"]) == {"samenvatting"}
