"""Real browser: the lecturer's path through JupyterLab, as the guides describe it.

The menu names the guides give exist in JupyterLab (in Dutch where the language pack translates
them); the class overview shows answers and hides names in the anonymous mode; a grade given in the
grading notebook is still there after reloading the page, and the grade file can be downloaded.
"""

import re

import pytest

from test_browser import (ARTEFACTS, CHROMIUM, lab, menu, open_notebook, page,  # noqa: F401
                          run_all)
from conftest import PROJECT

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="no chromium at /usr/bin/chromium")]

GUIDES = "\n".join((PROJECT / p).read_text(encoding="utf-8") for p in
                   ("exercises/README.md", "docs/docent-inleveren.md", "docs/jupyterhub.md"))


def _labels(page) -> list[str]:
    menu_ = page.locator(".lm-Menu").last
    return [t.strip() for t in menu_.locator(".lm-Menu-itemLabel").all_inner_texts() if t.strip()]


def _open_top(page, label: str) -> list[str]:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(rf"^{label}$")).first.click()
    page.locator(".lm-Menu").last.wait_for()
    return _labels(page)


def test_the_menus_named_in_the_guides_exist(page, lab):  # noqa: F811
    for path in ("*Uitvoeren → Run All Cells*", "*Bestand → Nieuw → Terminal*",
                 "*Bestand → Nieuw →\nText File*", "*Open With → Editor*",
                 "*Kernel → Shut Down Kernel*"):
        assert path in GUIDES, path
    open_notebook(page, lab, "docent_klasoverzicht.ipynb")
    page.locator(".jp-Cell").first.click()
    assert "Run All Cells" in _open_top(page, "Uitvoeren")
    page.keyboard.press("Escape")
    assert "Shut Down Kernel" in _open_top(page, "Kernel")
    page.keyboard.press("Escape")
    _open_top(page, "Bestand")
    page.locator(".lm-Menu-item", has_text=re.compile(r"^Nieuw$")).first.hover()
    page.wait_for_function("() => document.querySelectorAll('.lm-Menu').length >= 2")
    new = _labels(page)
    assert "Terminal" in new and "Text File" in new, new
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.locator(".jp-DirListing-item", has_text="docent_beoordelen").first.click(button="right")
    page.locator(".lm-Menu-item", has_text=re.compile(r"^Open With$")).first.hover()
    page.wait_for_function("() => document.querySelectorAll('.lm-Menu').length >= 2")
    assert "Editor" in _labels(page)


def test_class_overview_shows_answers_and_hides_names_when_anonymous(page, lab):  # noqa: F811
    open_notebook(page, lab, "docent_klasoverzicht.ipynb")
    run_all(page)
    view = page.locator(".lt-klasoverzicht").first
    view.wait_for(timeout=120_000)
    page.wait_for_function("(el) => /Niet ingeleverd/.test(el.innerText)",
                           arg=view.element_handle(), timeout=60_000)
    view.scroll_into_view_if_needed()
    assert "Milan Jansen" in view.inner_text() or "Fatma Yilmaz" in view.inner_text()
    questions = view.locator("select").nth(1)
    questions.select_option(index=1)
    page.wait_for_function("(el) => el.querySelectorAll('.lt-antwoorden th').length >= 2",
                           arg=view.element_handle(), timeout=30_000)
    clipped = view.evaluate("v => [...v.querySelectorAll('label, .widget-label')]"
                            ".filter(e => e.offsetParent && e.scrollWidth > e.clientWidth + 1)"
                            ".map(e => e.textContent)")
    assert not clipped, clipped
    names_wrap = view.evaluate("v => [...v.querySelectorAll('.lt-antwoorden th')].filter(th => {"
                               " const r = document.createRange(); r.selectNodeContents(th);"
                               " return r.getClientRects().length > 1; }).map(th => th.textContent)")
    assert not names_wrap, names_wrap  # a student's name stays on one line
    view.locator("input[type=checkbox]").first.check()
    page.wait_for_function("(el) => /Student 1/.test(el.innerText)", arg=view.element_handle(),
                           timeout=30_000)
    names = [line.split(",")[1].strip() for line in
             (PROJECT / "notebooks" / "voorbeeld_klas" / "klassenlijst.csv")
             .read_text(encoding="utf-8").splitlines()[1:]]
    shown = view.inner_text()
    assert not [n for n in names if n in shown]
    ARTEFACTS.mkdir(exist_ok=True)
    view.screenshot(path=str(ARTEFACTS / "docent_klasoverzicht_anoniem.png"))

    # The notebook says: collapse the outputs above that name students (click the bar beside it).
    cell = page.locator(".jp-CodeCell", has=page.locator(".jp-OutputArea", has_text="Niets ingeleverd"))
    cell.first.scroll_into_view_if_needed()
    cell.first.locator(".jp-OutputCollapser").first.click()
    page.wait_for_function("() => ![...document.querySelectorAll('.jp-OutputArea')]"
                           ".some(o => o.offsetParent && /Niets ingeleverd/.test(o.innerText))",
                           timeout=15_000)


def _chosen(select) -> str:
    """The label of the chosen option (a widget's <option> values are only indices)."""
    return select.evaluate("s => s.options[s.selectedIndex].text").replace("\xa0", " ")


def _grading_view(page):
    view = page.locator(".lt-beoordelen").first
    view.wait_for(timeout=120_000)
    view.scroll_into_view_if_needed()
    view.locator("select").nth(1).select_option(index=0)
    view.locator("select").nth(2).select_option(index=1)
    return view


def test_a_grade_survives_reloading_and_goes_into_the_grade_file(page, lab):  # noqa: F811
    open_notebook(page, lab, "docent_beoordelen.ipynb")
    run_all(page)
    view = _grading_view(page)
    view.locator("input[type=text]").first.fill("1,5")
    view.locator("input[type=text]").first.press("Tab")
    view.locator("textarea").first.fill("Goed voorbeeld; noem ook de bron.")
    view.locator("textarea").first.press("Tab")
    page.wait_for_function("(el) => /Opgeslagen om/.test(el.innerText)", arg=view.element_handle(),
                           timeout=30_000)
    student = _chosen(view.locator("select").nth(2))

    page.reload()
    open_notebook(page, lab, "docent_beoordelen.ipynb")
    run_all(page)
    view = _grading_view(page)
    assert _chosen(view.locator("select").nth(2)) == student
    page.wait_for_function("(el) => el.querySelector('input[type=text]').value === '1,5'",
                           arg=view.element_handle(), timeout=30_000)
    assert view.locator("textarea").first.input_value() == "Goed voorbeeld; noem ook de bron."
    view.locator("button", has_text="Cijferbestand Brightspace").click()
    link = view.locator("a.lt-download", has_text="cijfers_brightspace.csv")
    link.wait_for(timeout=30_000)
    with page.expect_download() as info:
        link.click()
    rows = open(info.value.path(), encoding="utf-8").read().splitlines()
    assert rows[0].startswith("OrgDefinedId,") and rows[0].endswith(",End-of-Line Indicator")
    number = re.search(r"\((\d+)\)", student).group(1)
    assert any(r.startswith(f"{number},") and "1.5" in r.split(",")[1:-1] for r in rows[1:]), rows
    ARTEFACTS.mkdir(exist_ok=True)
    view.screenshot(path=str(ARTEFACTS / "docent_beoordelen.png"))
