"""Accessibility: axe-core finds no WCAG 2 A/AA violation in any student notebook.

Checked in a real browser, in JupyterLab and in the code-free Voilà view (the whole page). In
JupyterLab the check covers what this kit puts on the page: the rendered text cells and every cell
output (widgets, figures, tables). JupyterLab's own parts are left out because the kit cannot change
them; axe reports these there (JupyterLab 4.6): the code editor (CodeMirror, role=textbox without a
name: aria-input-field-name), the heading-collapse buttons without text (button-name) and the
cell list (role=feed: aria-required-children). axe-core is bundled by the pip package
axe-playwright-python. A failure lists each violated rule with its elements; the full reports are
kept in test-artefacts/axe-*.txt.
"""

import json
from pathlib import Path

import pytest

from test_browser import (ARTEFACTS, STUDENT_NOTEBOOKS, check_voila_view, expected_widgets,  # noqa: F401
                          lab, open_in_voila, open_notebook, page, run_all, shot_on_failure,
                          voila_kit, wait_for_count, wait_until_all_ran)

pytestmark = pytest.mark.browser
NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden)"
WCAG_A_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def violations(page, context, report: str) -> list[str]:
    """Run axe-core on the page (or a part of it); one line per violated rule."""
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")
    results = axe_module.Axe().run(page, context=context, options=WCAG_A_AA)
    ARTEFACTS.mkdir(exist_ok=True)
    (ARTEFACTS / f"axe-{report}.txt").write_text(results.generate_report(), encoding="utf-8")
    (ARTEFACTS / f"axe-{report}.json").write_text(
        json.dumps(results.response["violations"], indent=1), encoding="utf-8")
    return [f"{v['id']} ({v['impact']}) x{len(v['nodes'])}: {v['help']} — e.g. "
            f"{v['nodes'][0]['target']} {v['nodes'][0]['html'][:160]}"
            for v in results.response["violations"]]


@pytest.mark.parametrize("name", STUDENT_NOTEBOOKS)
def test_no_wcag_violations_in_jupyterlab(page, lab, shot_on_failure, name):
    open_notebook(page, lab, name)
    run_all(page)
    wait_until_all_ran(page)
    for selector, count in expected_widgets(name).items():
        wait_for_count(page, selector, count)
    page.wait_for_timeout(1000)  # figures arrive after their widget
    found = violations(page, {"include": [[f"{NOTEBOOK} .jp-RenderedMarkdown"],
                                          [f"{NOTEBOOK} .jp-OutputArea"]]},
                       f"lab-{Path(name).stem}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("name", STUDENT_NOTEBOOKS)
def test_voila_renders_without_code_and_without_wcag_violations(page, voila_kit, shot_on_failure,
                                                                 name):
    """Every student notebook as a code-free Voilà page: all widgets render, then axe-core."""
    open_in_voila(page, voila_kit, name)
    check_voila_view(page, name)
    page.wait_for_timeout(1000)
    found = violations(page, None, f"voila-{Path(name).stem}")
    assert not found, "\n".join(found)
