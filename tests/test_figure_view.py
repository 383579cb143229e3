"""Figure widgets: sharp (2x) PNGs shown at their natural CSS size, with alt text on the <img>."""

import contextlib
import io
import re

import pytest

import lexicon_tools as lt
from lexicon_tools.rendering import CSS_DPI, SCALE, encode_png, figure_png, new_figure, png_of, png_size
from lexicon_tools.widgets.figure import FigureView


def _img(view: FigureView) -> dict:
    tag = re.search(r"<img [^>]*>", view.image.value).group(0)
    return dict(re.findall(r"(\w+)='([^']*)'", tag))


def _views():
    with contextlib.redirect_stdout(io.StringIO()):
        return {
            "Afstandsschaal": lt.DistanceScaleView("sociale-afstand-schaal")._figure,
            "Schelling": lt.SchellingView()._figure,
            "Profiel": lt.ProfileView("publieke-ruimte-profiel")._figure,
            "Integrale casus": lt.IntegralCaseView("integraal-werken-casus")._figure,
            "Straatscan": lt.StraatscanView("ladder-straatscan")._figure,
            "Casuskaart": lt.CaseMapView("boundary-spanner-casuskaart")._figure,
            "Padverkenner": lt.PathExplorer("wederkerigheid", "boundary-spanner")._figure,
        }


@pytest.mark.parametrize("name", list(_views()))
def test_every_figure_is_twice_its_css_size_and_has_alt_text(name):
    view = _views()[name]
    width, height = png_size(view.png)
    img = _img(view)
    assert SCALE >= 2 and width == SCALE * int(img["width"]), "PNG pixels = 2x the CSS width"
    assert "max-width:100%" in img["style"] and "height:auto" in img["style"]  # never stretched up
    assert len(img["alt"]) > 20 and img["src"].startswith("data:image/png;base64,")


def test_png_of_a_persistent_figure_has_the_figure_size_in_device_pixels():
    figure = new_figure(5, 2)
    figure.add_subplot().plot([1, 2])
    assert png_size(png_of(figure)) == (5 * CSS_DPI * SCALE, 2 * CSS_DPI * SCALE)


def test_blitted_redraw_equals_a_full_redraw():
    figure = new_figure(3, 2)
    ax = figure.add_subplot()
    ax.set_xlim(0, 3), ax.set_ylim(0, 3)
    (line,) = ax.plot([0, 1], [0, 1])
    png_of(figure, [line])
    line.set_data([0, 2], [2, 0])
    fast = png_of(figure, [line])
    full = png_of(figure, [line], static_changed=True)
    assert fast == full


def test_show_trims_any_pyplot_figure_and_closes_it():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure = plt.figure(figsize=(6, 6))
    figure.text(0.5, 0.5, "klein")
    png = figure_png(figure)
    assert png_size(png)[0] < 6 * CSS_DPI * SCALE / 2  # trimmed to the text
    assert all(side % SCALE == 0 for side in png_size(png))
    assert not plt.fignum_exists(figure.number)
    view = FigureView()
    figure, _ = plt.subplots()
    view.show(figure, "Een <test> met 'aanhalingstekens'")
    assert "alt='Een &lt;test&gt; met &#x27;aanhalingstekens&#x27;'" in view.image.value
    view.clear()
    assert view.image.layout.display == "none" and view.png == b""


def test_encoded_png_is_read_back_by_pillow():
    import numpy as np
    from PIL import Image

    pixels = np.random.default_rng(1).integers(0, 255, (7, 5, 4), dtype=np.uint8)
    image = Image.open(io.BytesIO(encode_png(pixels)))
    assert image.size == (5, 7) and (np.asarray(image) == pixels).all()
