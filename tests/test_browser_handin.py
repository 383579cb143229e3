"""Real browser: the hand-in button gives a file that Chromium really downloads (JupyterLab)."""

import pytest

from test_browser import ARTEFACTS, CHROMIUM, lab, open_notebook, page, run_all, wait_until_all_ran  # noqa: F401

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="no chromium at /usr/bin/chromium")]


def test_hand_in_button_downloads_the_named_file(page, lab, tmp_path):  # noqa: F811
    open_notebook(page, lab, "00_start_hier.ipynb")
    run_all(page)
    wait_until_all_ran(page)
    area = page.locator(".lt-reflectie textarea").first
    area.scroll_into_view_if_needed()
    area.fill("Antwoord uit de browser <b>vet</b>")
    panel = page.locator(".lt-export").first
    panel.scroll_into_view_if_needed()
    panel.locator("input[type=text]").nth(0).fill("Sam Browser")
    panel.locator("input[type=text]").nth(1).fill("7654321")
    clipped = panel.evaluate("p => [...p.querySelectorAll('label, button, .widget-label')]"
                             ".filter(e => e.offsetParent && e.scrollWidth > e.clientWidth + 1)"
                             ".map(e => e.textContent)")
    assert not clipped, clipped
    panel.locator("button", has_text="van dit notebook").click()
    link = panel.locator("a.lt-download").first
    link.wait_for(timeout=30_000)
    with page.expect_download() as info:
        link.click()
    download = info.value
    ARTEFACTS.mkdir(exist_ok=True)
    panel.screenshot(path=str(ARTEFACTS / "inleveren-paneel.png"))
    assert download.suggested_filename == "7654321_00_start_hier.html"
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    text = target.read_text(encoding="utf-8")
    assert "Antwoord uit de browser &lt;b&gt;vet&lt;/b&gt;" in text and "Sam Browser (7654321)" in text
