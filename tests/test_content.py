"""The real content in lexicon_data/: complete, consistent, in the book's order."""

import networkx as nx
import pytest

from lexicon_tools import load_lexicon

LEX = load_lexicon()

BOOK_ORDER = [
    "sociale-basis", "wederkerigheid", "vertrouwen", "menselijk-en-sociaal-kapitaal",
    "sociale-afstand", "segregatie", "eenzaamheid", "leefbaarheid", "straatcultuur",
    "alledaagse-attentheid", "publieke-ruimte", "bewonersinitiatieven", "samenleven",
    "buurteffecten", "verhuiselijking", "integraal-werken", "relationeel-sociaal-werken",
    "achter-de-voordeur", "sociale-teams", "politiek-actorschap", "samenlevingsopbouw",
    "pedagogische-civil-society", "maatwerk", "sociaal-schaduwwerk", "ervaringsdeskundigheid",
    "praktijkleren", "presentie", "leefwereld-en-systeemwereld", "evidence-based-werken",
    "preventie", "sociale-technologie", "zorg-thuis", "boundary-spanner",
]
CLUSTERS = {"sociale": BOOK_ORDER[0:7], "geografische": BOOK_ORDER[7:15],
            "professionele": BOOK_ORDER[15:27], "institutionele": BOOK_ORDER[27:33]}


def test_all_33_lemmas_in_book_order():
    assert list(LEX.lemmas) == BOOK_ORDER


@pytest.mark.parametrize("cluster", CLUSTERS)
def test_cluster_membership(cluster):
    assert [l.id for l in LEX.lemmas.values() if l.cluster == cluster] == CLUSTERS[cluster]


def test_every_lemma_has_concepts_summary_and_links():
    for lemma in LEX.lemmas.values():
        assert 3 <= len(lemma.kernbegrippen) <= 8, lemma.id
        assert lemma.samenvatting and lemma.secties["In de praktijk"], lemma.id
        assert lemma.verwant, f"{lemma.id} names no related lemma"


def test_lemma_graph_has_no_isolated_lemma():
    assert list(nx.isolates(LEX.graph())) == []


def test_every_model_belongs_to_a_lemma_that_lists_it():
    for model in LEX.models.values():
        assert model.id in LEX.lemma(model.lemma).modellen, model.id


def test_ordered_models_say_how_to_read_them():
    for model in LEX.models.values():
        if model.soort in ("ladder", "scale", "continuum", "process"):
            assert model.richting, f"{model.id}: a {model.soort} needs `richting`"


def test_ladder_of_mutual_ties():
    ladder = LEX.model("ladder-onderlinge-verbintenissen")
    assert ladder.soort == "ladder" and ladder.lemma == "alledaagse-attentheid"
    assert [lv.label for lv in ladder.niveaus] == [
        "Sociale spanningen", "Anonimiteit", "Publieke familiariteit", "Alledaagse attentheid",
        "Onderlinge zorg", "Verplichte zorgzaamheid"]
    assert [lv.wenselijk for lv in ladder.niveaus] == [False, True, True, True, True, False]


def test_nature_of_problems_matrix():
    matrix = LEX.model("aard-van-problemen")
    assert matrix.soort == "matrix" and matrix.lemma == "boundary-spanner"
    assert [a.lower() for a in matrix.assen.rijen.waarden] == ["weinig", "veel"]
    assert len(matrix.niveaus) == 4
    cells = {(lv.positie.rij.lower(), lv.positie.kolom.lower()): lv.label.lower()
             for lv in matrix.niveaus}
    assert "wicked" in cells[("veel", "veel")]


def test_bogardus_has_the_six_printed_levels():
    scale = LEX.model("bogardus-schaal")
    assert scale.soort == "scale" and len(scale.niveaus) == 6


def test_verhuiselijking_has_no_invented_author():
    assert LEX.lemma("verhuiselijking").auteurs == ["niet vermeld in de bron"]
