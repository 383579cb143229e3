"""pandas frames of the lexicon."""

from lexicon_tools import load_lexicon
from conftest import FIXTURE_LEXICON

LEX = load_lexicon(FIXTURE_LEXICON)


def test_lemmas_frame():
    df = LEX.lemmas_frame()
    assert list(df["id"]) == ["alfa", "beta", "gamma"]
    row = df.set_index("id").loc["alfa"]
    assert row["aantal_begrippen"] == 3 and row["aantal_bronnen"] == 2 and row["aantal_modellen"] == 1
    assert row["pagina_van"] == 10 and row["pagina_tot"] == 12
    assert 150 <= row["woorden_samenvatting"] <= 300 < row["woorden_totaal"] + 150
    gamma = df.set_index("id").loc["gamma"]
    assert gamma["pagina_van"] == 20 and gamma["pagina_tot"] is __import__("pandas").NA
    assert list(df["cluster"].cat.categories) == list(LEX.clusters)


def test_concepts_and_citations():
    concepts = LEX.concepts_frame()
    assert len(concepts) == 9 and set(concepts.columns) == {"lemma", "term", "definitie"}
    cites = LEX.citations_frame()
    assert cites[cites.lemma == "alfa"][["auteur", "jaar"]].values.tolist() == \
        [["Jansen", "2001"], ["Pietersen", "2010"]]
    assert "Jansen (2001)" in set(cites.bron)


def test_links_frame_kinds():
    links = LEX.links_frame()
    verwant = links[links.soort == "verwant"].set_index(["lemma_a", "lemma_b"])
    assert verwant.loc[("alfa", "beta"), "gewicht"] == 2  # both name each other
    assert verwant.loc[("beta", "gamma"), "gewicht"] == 1
    begrip = links[links.soort == "begrip"]
    shared = {(r.lemma_a, r.lemma_b): r.toelichting for r in begrip.itertuples()}
    assert shared[("alfa", "beta")] == "gedeeld begrip: nabijheid"
    assert shared[("alfa", "gamma")] == "gedeeld begrip: afstand"
    bron = links[links.soort == "bron"]
    assert bron.values.tolist() == [["alfa", "beta", "bron", 1, "gedeelde bron: Jansen (2001)"]]


def test_models_frame():
    models = LEX.models_frame()
    assert models.iloc[0].to_dict() | {} == {"id": "trap", "titel": "Een testtrap", "lemma": "alfa",
                                            "pagina": "11", "soort": "ladder", "aantal_niveaus": 3,
                                            "niveaus": "Laag | Midden | Hoog"}
