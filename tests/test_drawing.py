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
    from matplotlib.colors import to_hex

    ax = lt.draw_lemma_graph(LEX)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[:4] == [c.naam for c in LEX.clusters.values()]
    colours = {to_hex(c).upper() for collection in ax.collections
               for c in collection.get_facecolors() if c[3] > 0.5}
    assert colours == {"#E69F00", "#009E73", "#0072B2"}
    labels = {t.get_text() for t in ax.texts}
    assert {"Alfa", "Beta", "Gamma"} <= labels


def test_text_alternative():
    text = lt.describe_lemma_graph(LEX)
    assert text.startswith("Netwerk van 3 lemma's (1 bij sociale nabijheid")
    assert "Alfa (2 verbindingen)" in text


def _overlapping_pairs(texts, renderer) -> list:
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts]
    return [(a, b) for i, (a, p) in enumerate(boxes) for b, q in boxes[i + 1:]
            if p.x0 < q.x1 and q.x0 < p.x1 and p.y0 < q.y1 and q.y0 < p.y1]


def test_lemma_network_by_cluster_has_no_overlapping_labels():
    """The full lexicon (notebook 00): every lemma label, measured by the renderer, is free."""
    from lexicon_tools.drawing import LemmaNetworkChart, cluster_layout

    lex = load_lexicon()
    chart = LemmaNetworkChart(lex)
    chart.figure.canvas.draw()
    renderer = chart.figure.canvas.get_renderer()
    labels = list(chart.labels.values())
    assert len(labels) == len(lex.graph()) > 30
    assert _overlapping_pairs(labels, renderer) == []
    figure_box = chart.figure.bbox
    for text in labels:
        box = text.get_window_extent(renderer)
        assert figure_box.x0 <= box.x0 and box.x1 <= figure_box.x1, f"{text.get_text()} is cut off"
    pos = cluster_layout(lex.graph(), list(lex.clusters))
    columns = {lex.graph().nodes[n]["cluster"]: x for n, (x, _) in pos.items()}
    assert list(columns) and sorted(columns.values()) == [0.0, 1.0, 2.0, 3.0]


def test_highlighted_path_is_redrawn_only():
    from lexicon_tools.drawing import LemmaNetworkChart

    chart = LemmaNetworkChart(LEX)
    chart.highlight(["alfa", "beta"])
    assert len(chart.path_lines.get_paths()) == 1 and len(chart.path_labels) == 2
    assert {t.get_fontweight() for t in chart.path_labels} == {"bold"}
    chart.highlight([])
    assert chart.dynamic == [chart.path_lines, chart.path_nodes]
