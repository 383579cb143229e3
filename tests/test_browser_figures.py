"""Figures in a real browser: the <img> in the DOM carries alt text, is sharp (2x) and shown at its
natural size; the figure widgets' labels and buttons are not cut off at 1280 and 1920 px."""

import pytest

from test_browser import (ARTEFACTS, CHROMIUM, FLAGS, lab, open_and_run,  # noqa: F401 (fixture)
                          wait_for_count)

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="no chromium at /usr/bin/chromium")]

FIGURES = """() => [...document.querySelectorAll('.lt-figuur img')].map(img => ({
    alt: img.getAttribute('alt') || '', natural: img.naturalWidth, attribute: img.width,
    shown: img.getBoundingClientRect().width, widget: img.closest('.lt-figuur').parentElement.className
}))"""

CLIPPED = """(selector) => [...document.querySelectorAll(selector)].flatMap(root =>
    [...root.querySelectorAll('.widget-label, button, .widget-html-content, option')]
    .filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)
    .map(e => (e.innerText || e.textContent).trim()))"""

OWN = ".lt-afstandsschaal, .lt-schelling"


@pytest.fixture(params=[1280, 1920])
def wide_page(lab, tmp_path, request):  # noqa: F811 (lab is a fixture)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True, args=FLAGS,
            viewport={"width": request.param, "height": 1000}, device_scale_factor=2)
        page = context.new_page()
        page.set_default_timeout(60_000)
        yield page, request.param
        context.close()


def test_figures_have_alt_text_are_sharp_and_nothing_is_clipped(wide_page, lab):  # noqa: F811
    page, width = wide_page
    open_and_run(page, lab, "01_sociale_nabijheid.ipynb", ".lt-afstandsschaal")
    wait_for_count(page, ".lt-schelling .lt-figuur img", 1, timeout=120_000)
    wait_for_count(page, ".lt-afstandsschaal .lt-figuur img", 1, timeout=120_000)
    figures = page.evaluate(FIGURES)
    assert len(figures) >= 2
    for figure in figures:
        assert len(figure["alt"]) > 20, figure  # axe image-alt: on the <img> itself
        assert figure["natural"] == 2 * figure["attribute"], figure  # 2x pixels
        assert figure["shown"] <= figure["attribute"] + 0.5, figure  # never stretched
    assert page.evaluate(CLIPPED, OWN) == []
    placeholders = page.evaluate("() => [...document.querySelectorAll('.lt-afstandsschaal select')]"
                                 ".map(s => (s.options[s.selectedIndex]?.text || '').replace(/\\s/g, ' '))")
    assert placeholders and set(placeholders) == {"— kies —"}  # no empty white boxes
    ARTEFACTS.mkdir(exist_ok=True)
    page.locator(".lt-afstandsschaal").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTEFACTS / f"figuren_afstandsschaal_{width}.png"))
