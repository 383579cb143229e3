"""The lemma-graph drawing: deterministic, coloured by cluster, with a legend and text alternative."""

import matplotlib

matplotlib.use("Agg")

import lexicon_tools as lt  # noqa: E402
from lexicon_tools import load_lexicon  # noqa: E402
from conftest import FIXTURE_LEXICON  # noqa: E402

LEX = load_lexicon(FIXTURE_LEXICON)


def test_layout_is_deterministic():
    assert lt.lemma_graph_layout(LEX.graph()) == lt.lemma_graph_layout(LEX.graph())


def test_drawing_has_cluster_colours_and_legend():
    import matplotlib.pyplot as plt
    from matplotlib.colors import to_hex

    ax = lt.draw_lemma_graph(LEX)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[:4] == [c.naam for c in LEX.clusters.values()]
    nodes = ax.collections[-1]
    colours = {to_hex(c).upper() for c in nodes.get_facecolors()}
    assert colours == {"#E69F00", "#009E73", "#0072B2"}
    labels = {t.get_text() for t in ax.texts}
    assert {"Alfa", "Beta", "Gamma"} <= labels
    plt.close(ax.figure)


def test_text_alternative():
    text = lt.describe_lemma_graph(LEX)
    assert text.startswith("Netwerk van 3 lemma's (1 bij sociale nabijheid")
    assert "Alfa (2 verbindingen)" in text
