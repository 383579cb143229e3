"""Real-browser smoke test: JupyterLab in Debian's chromium, driven by Playwright.

Open the start notebook, run all, see the reflection widget, type an answer, restart the kernel,
run again and see the answer restored. Skipped (with the reason) where chromium is missing.
"""

import contextlib
import json
import re
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import PROJECT

CHROMIUM = Path("/usr/bin/chromium")
ARTEFACTS = PROJECT / "test-artefacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"autoStartDefaultKernel": True, "windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        {"fetchNews": "false", "checkForUpdates": False},
}

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="no chromium at /usr/bin/chromium "
                                 "(install it: apt-get install chromium; .ci/run does)")]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"the local server did not answer at {url}")


def kit_copy(base: Path) -> Path:
    """A copy of the kit as a student has it: notebooks/ plus the marker of a kit folder."""
    root = base / "kit"
    shutil.copytree(PROJECT / "notebooks", root / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    (root / "lexicon_data").mkdir()
    shutil.copy(PROJECT / "lexicon_data" / "clusters.yaml", root / "lexicon_data")
    return root


def kit_config(base: Path) -> Path:
    """The kit's Jupyter config (jupyter-config/) as a config folder: pre-save hook, custom.css."""
    config = base / "jupyter-config"
    shutil.copytree(PROJECT / "jupyter-config", config)
    return config


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on a free local port, serving a copy of the kit with its settings."""
    pytest.importorskip("playwright.sync_api")
    base = tmp_path_factory.mktemp("lab")
    root = kit_copy(base)
    settings = base / "settings"
    for name, value in SETTINGS.items():
        (settings / name).parent.mkdir(parents=True, exist_ok=True)
        (settings / name).write_text(json.dumps(value), encoding="utf-8")
    answers = base / "antwoorden"
    env = {**os.environ, "NABIJHEID_DATA": str(answers), "JUPYTERLAB_SETTINGS_DIR": str(settings),
           "JUPYTERLAB_WORKSPACES_DIR": str(base / "workspaces"),
           "JUPYTER_CONFIG_DIR": str(kit_config(base)), "PYTHONPATH": str(PROJECT)}
    port = free_port()
    with serving([sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}",
                  "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=",
                  "--ServerApp.password=", f"--ServerApp.root_dir={root}", "--allow-root"],
                 env, base / "lab.log", f"http://127.0.0.1:{port}/lab"):
        yield {"url": f"http://127.0.0.1:{port}", "answers": answers, "root": root,
               "notebooks": root / "notebooks"}


@contextlib.contextmanager
def serving(command: list[str], env: dict, log_path: Path, url: str):
    """Run a local web server (JupyterLab, Voilà) until the block ends; wait until it answers."""
    with open(log_path, "w") as log:
        server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_for_http(url)
            yield server
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()


@pytest.fixture
def page(lab, tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True, args=FLAGS,
            viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(60_000)
        yield page
        context.close()


def open_notebook(page, lab, name: str) -> None:
    page.goto(f"{lab['url']}/lab/tree/notebooks/{name}?reset")  # a fresh workspace: only this notebook
    wait_for_notebook(page)


def wait_for_notebook(page) -> None:
    """The notebook is shown and its kernel is idle (in English or Dutch)."""
    page.wait_for_selector(".jp-Notebook .jp-Cell")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.jp-StatusBar-TextItem, .jp-Toolbar-kernelStatus')]"
        ".some(e => /Idle|Inactief/.test(e.textContent || e.getAttribute('title') || ''))"
        " || document.querySelector('.jp-Notebook-ExecutionIndicator[data-status=idle]')",
        timeout=90_000)


# JupyterLab runs in Dutch by default (the language pack); these top menus are translated.
DUTCH_MENUS = {"Run": "Uitvoeren", "Edit": "Bewerk"}


def open_and_run(page, lab, name: str, widget: str, quizzes: int = 0):
    """Open a notebook, run all, wait for a widget and the quizzes; the first such widget."""
    open_notebook(page, lab, name)
    run_all(page)
    found = page.locator(widget).first
    found.wait_for(timeout=120_000)
    wait_for_count(page, ".lt-quiz", quizzes, timeout=120_000)
    return found


def wait_for_count(page, selector: str, count: int, timeout: float = 60_000) -> None:
    """Widget views render asynchronously: wait until at least ``count`` match ``selector``."""
    page.wait_for_function("([s, n]) => document.querySelectorAll(s).length >= n",
                           arg=[selector, count], timeout=timeout)


def menu(page, top: str, item: str) -> None:
    label = re.compile(rf"^({top}|{DUTCH_MENUS.get(top, top)})$")
    page.locator(".lm-MenuBar-itemLabel", has_text=label).first.click()
    item_label = re.compile(re.escape(item).replace("Restart\\ Kernel", "(Restart|Herstart) Kernel"))
    page.locator(".lm-Menu-itemLabel", has_text=item_label).first.click()


def run_all(page) -> None:
    """Run All Cells and wait until it started: the first code cell's prompt changes.

    The kernel may still be running from an earlier test of the same notebook, so the counts do
    not restart at [1]; a change of the first prompt ([ ] -> [*] -> [n]) is what shows the start.
    """
    panel = page.locator(".jp-NotebookPanel:visible")
    panel.locator(".jp-CodeCell .jp-InputArea-editor").first.click()
    prompt = panel.locator(".jp-CodeCell .jp-InputArea-prompt").first
    for _ in range(2):
        before = prompt.text_content()
        menu(page, "Run", "Run All Cells")
        try:
            page.wait_for_function("([el, old]) => el.textContent !== old",
                                   arg=[prompt.element_handle(), before], timeout=20_000)
            return
        except Exception:
            continue
    raise AssertionError("Run All Cells did not start")


@pytest.fixture
def shot_on_failure(page, request):
    """Keep a screenshot of the page when a browser test fails, for debugging."""
    yield
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        ARTEFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTEFACTS / f"FAILED-{request.node.name}.png"), full_page=True)


def test_start_notebook_answer_survives_kernel_restart(page, lab, shot_on_failure):
    ARTEFACTS.mkdir(exist_ok=True)
    open_notebook(page, lab, "00_start_hier.ipynb")
    if (Path(sys.prefix) / "share/jupyter/lab/settings/overrides.json").exists():
        # students get JupyterLab in Dutch: the language pack is the default
        assert page.locator(".lm-MenuBar-itemLabel", has_text="Uitvoeren").count() == 1
    run_all(page)
    areas = page.locator(".lt-reflectie textarea")
    areas.first.wait_for(timeout=90_000)
    page.wait_for_function("() => document.querySelectorAll('.lt-reflectie textarea').length >= 3")
    page.wait_for_selector(".jp-OutputArea-output img[alt]", state="attached")  # the lemma graph

    answer = "Een buurtwerker die gewoon elke week langskwam."
    areas.first.click()
    areas.first.type(answer, delay=5)
    page.wait_for_function(
        "() => /Opgeslagen om/.test(document.querySelector('.lt-reflectie .lt-status').textContent)",
        timeout=30_000)
    page.screenshot(path=str(ARTEFACTS / "start_hier_beantwoord.png"), full_page=False)
    saved = json.loads((lab["answers"] / "00_start_hier.json").read_text(encoding="utf-8"))
    assert saved["antwoorden"]["start-r1"]["tekst"] == answer

    # Remove the old widgets first, so the answer can only come back from the saved file.
    menu(page, "Edit", "Clear Outputs of All Cells")
    page.wait_for_function("() => !document.querySelector('.lt-reflectie')")
    menu(page, "Kernel", "Restart Kernel and Run All Cells")
    page.locator(".jp-Dialog button", has_text=re.compile("Restart|Herstart")).click()
    page.wait_for_function(
        "(text) => { const a = document.querySelector('.lt-reflectie textarea');"
        " return a && a.value === text; }", arg=answer, timeout=90_000)
    page.wait_for_function("() => document.querySelectorAll('.lt-reflectie textarea').length >= 3")
    assert page.locator(".lt-reflectie textarea").nth(1).input_value() == ""
    page.screenshot(path=str(ARTEFACTS / "start_hier_na_herstart.png"), full_page=False)


def test_sociale_nabijheid_netwerkkaart_and_quiz(page, lab, shot_on_failure):
    ARTEFACTS.mkdir(exist_ok=True)
    kaart = open_and_run(page, lab, "01_sociale_nabijheid.ipynb", ".lt-netwerkkaart", quizzes=7)
    wait_for_count(page, ".lt-modelviewer", 7)
    wait_for_count(page, ".lt-schelling", 1)

    # Netwerkkaart: loading an example persona redraws the map and its reading.
    reading_before = kaart.inner_text()
    kaart.locator("select").first.select_option(index=1)
    page.wait_for_function(
        "() => /banden: \\d+ bonding/.test(document.querySelector('.lt-netwerkkaart').innerText)",
        timeout=30_000)
    assert kaart.inner_text() != reading_before
    assert kaart.locator("img").count() >= 1  # the drawn ego network
    kaart.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTEFACTS / "sociale_nabijheid_netwerkkaart.png"))

    # Quiz: choose an option and check: feedback with a symbol and a score appear.
    quiz = page.locator(".lt-quiz").first
    quiz.scroll_into_view_if_needed()
    quiz.locator("input[type=radio]").first.check()
    quiz.locator("button", has_text="Controleer").click()
    page.wait_for_function("(el) => /Score:/.test(el.innerText) && /[✔✘]/.test(el.innerText)",
                           arg=quiz.element_handle(), timeout=30_000)
    page.screenshot(path=str(ARTEFACTS / "sociale_nabijheid_quiz.png"))


def test_ladder_notebook_places_a_scenario(page, lab, shot_on_failure):
    ARTEFACTS.mkdir(exist_ok=True)
    open_notebook(page, lab, "10_ladder_van_onderlinge_verbintenissen.ipynb")
    run_all(page)
    # widget views render asynchronously: wait for the ladder itself, with its six rungs
    ladder = page.locator(".lt-model-ladder", has_text="Verplichte zorgzaamheid").first
    ladder.wait_for(timeout=120_000)
    page.wait_for_function(
        "(el) => el.querySelectorAll('.lt-niveau').length === 6"
        " && (el.innerText.match(/onwenselijk/gi) || []).length >= 2",
        arg=ladder.element_handle(), timeout=30_000)
    page.locator(".lt-straatscan").first.wait_for(timeout=60_000)

    task = page.locator(".lt-sorteer").first
    task.scroll_into_view_if_needed()
    task.locator("select").first.select_option(index=3)
    task.locator("button", has_text="Controleer").click()
    page.wait_for_function(
        "(el) => { const f = el.querySelector('.lt-feedback'); return f && /[✔✘]/.test(f.innerText); }",
        arg=task.element_handle(), timeout=30_000)
    page.screenshot(path=str(ARTEFACTS / "ladder_scenario.png"))

    scan = page.locator(".lt-straatscan").first
    scan.scroll_into_view_if_needed()
    scan.locator("select").nth(2).select_option(index=2)  # 'Nu' for the first group
    page.wait_for_function(
        "() => /nu 2\\./.test(document.querySelector('.lt-straatscan').innerText)", timeout=30_000)
    page.screenshot(path=str(ARTEFACTS / "ladder_straatscan.png"))


def test_geografische_nabijheid_profile(page, lab, shot_on_failure):
    ARTEFACTS.mkdir(exist_ok=True)
    profile = open_and_run(page, lab, "02_geografische_nabijheid.ipynb", ".lt-profiel", quizzes=8)
    profile.scroll_into_view_if_needed()
    before = profile.locator("img").first.get_attribute("src")
    profile.locator(".widget-toggle-button").nth(3).click()  # first dimension, score 4
    page.wait_for_function(
        "(old) => { const img = document.querySelector('.lt-profiel img');"
        " return img && img.getAttribute('src') !== old; }", arg=before, timeout=30_000)
    assert "4" in profile.inner_text()
    page.wait_for_timeout(800)
    page.screenshot(path=str(ARTEFACTS / "geografische_nabijheid_profiel.png"))


def test_professionele_nabijheid_a_profile_of_a_helping_relationship(page, lab, shot_on_failure):
    ARTEFACTS.mkdir(exist_ok=True)
    persp = open_and_run(page, lab, "03a_professionele_nabijheid_relatie.ipynb", ".lt-perspectieven", quizzes=6)
    persp.scroll_into_view_if_needed()
    persp.locator("textarea").first.fill("Dat hij zijn eigen regie houdt.")
    persp.locator("button", has_text="Vergelijk").click()
    page.wait_for_function(
        "() => /Onze lezing/.test(document.querySelector('.lt-perspectieven').innerText)", timeout=30_000)
    page.screenshot(path=str(ARTEFACTS / "professionele_nabijheid_a_perspectieven.png"))


def test_professionele_nabijheid_b_integral_case(page, lab, shot_on_failure):
    ARTEFACTS.mkdir(exist_ok=True)
    case = open_and_run(page, lab, "03b_professionele_nabijheid_werkwijzen.ipynb", ".lt-integraal", quizzes=6)
    case.scroll_into_view_if_needed()
    case.locator("select").first.select_option(index=1)
    page.wait_for_function(
        "() => /één aanspreekpunt/.test(document.querySelector('.lt-integraal').innerText)",
        timeout=30_000)
    page.screenshot(path=str(ARTEFACTS / "professionele_nabijheid_b_integraal.png"))


def test_institutionele_nabijheid_matrix_and_case_map(page, lab, shot_on_failure):
    ARTEFACTS.mkdir(exist_ok=True)
    case_map = open_and_run(page, lab, "04_institutionele_nabijheid.ipynb", ".lt-casuskaart", quizzes=6)
    matrix = page.locator(".lt-model-matrix", has_text="Wicked problems").first
    matrix.wait_for(timeout=60_000)
    page.wait_for_function("(el) => el.querySelectorAll('.lt-niveau').length === 4",
                           arg=matrix.element_handle(), timeout=30_000)

    # The matrix exercise: place a case, check, see feedback.
    task = page.locator(".lt-sorteer").filter(has_text="Bureaucratie").last
    task.scroll_into_view_if_needed()
    task.locator("select").first.select_option(index=1)
    task.locator("button", has_text="Controleer").click()
    task.locator(".lt-feedback").first.wait_for(timeout=30_000)

    # The case map: choosing a party shows its goal and enables the worksheet.
    case_map.scroll_into_view_if_needed()
    case_map.locator("select").first.select_option(index=1)
    page.wait_for_function(
        "() => /Doel:/.test(document.querySelector('.lt-casuskaart').innerText)", timeout=30_000)
    area = case_map.locator("textarea").nth(1)
    area.fill("Hij wil een betrouwbare medewerker die op tijd komt.")
    page.screenshot(path=str(ARTEFACTS / "institutionele_nabijheid_casuskaart.png"))


def test_lexicon_as_network_path_and_search(page, lab, shot_on_failure):
    ARTEFACTS.mkdir(exist_ok=True)
    open_notebook(page, lab, "11_het_lexicon_als_netwerk.ipynb")
    run_all(page)
    explorer = page.locator(".lt-pad").first
    explorer.wait_for(timeout=120_000)
    page.wait_for_selector(".lt-zoeken", timeout=120_000)
    page.wait_for_function("() => document.querySelectorAll('.lt-reflectie textarea').length >= 3",
                           timeout=120_000)
    assert page.locator(".jp-OutputArea-output:has-text('Traceback')").count() == 0

    # Path explorer: choosing another end lemma gives a new path ending there, drawn.
    explorer.scroll_into_view_if_needed()
    assert explorer.locator("img").count() == 1
    explorer.locator("select").nth(1).select_option(label="Eenzaamheid")
    page.wait_for_function(
        "() => { const items = document.querySelectorAll('.lt-pad li');"
        " return items.length && /→ Eenzaamheid:/.test(items[items.length - 1].textContent); }",
        timeout=30_000)
    page.screenshot(path=str(ARTEFACTS / "lexicon_als_netwerk_pad.png"))

    # Search: a new term shows a table of hits, a typed tag comes back escaped.
    search = page.locator(".lt-zoeken").first
    search.scroll_into_view_if_needed()
    box = search.locator("input[type=text]").first
    box.fill("vertrouwen")
    box.press("Enter")
    page.wait_for_function(
        "() => /\\d+ treffers in \\d+ lemma/.test(document.querySelector('.lt-zoeken').innerText)"
        " && /vertrouwen/i.test(document.querySelector('.lt-zoeken table').innerText)",
        timeout=30_000)
    box.fill("<b>x</b>")
    box.press("Enter")
    page.wait_for_function(
        "() => document.querySelector('.lt-zoeken').innerText.includes(\"Geen treffers voor '<b>x</b>'\")",
        timeout=30_000)
    page.screenshot(path=str(ARTEFACTS / "lexicon_als_netwerk_zoeken.png"))


# -- every notebook: run all, no errors, every widget type renders and reacts, answers survive -------
WIDGET_SELECTORS = {
    "lt.Reflection(": ".lt-reflectie", "lt.Reflections(": ".lt-reflectie", "lt.Quiz": ".lt-quiz",
    "lt.SortTask(": ".lt-sorteer", "lt.ModelViewer(": ".lt-modelviewer",
    "lt.NetworkMapView(": ".lt-netwerkkaart", "lt.DistanceScaleView(": ".lt-afstandsschaal",
    "lt.SchellingView(": ".lt-schelling", "lt.ProfileView(": ".lt-profiel",
    "lt.StraatscanView(": ".lt-straatscan", "lt.Worksheet(": ".lt-werkblad",
    "lt.Perspectives(": ".lt-perspectieven", "lt.IntegralCaseView(": ".lt-integraal",
    "lt.CaseMapView(": ".lt-casuskaart", "lt.PathExplorer(": ".lt-pad",
    "lt.SearchView(": ".lt-zoeken", "lt.ExportPanel(": ".lt-export",
    "lt.ClassOverview(": ".lt-klasoverzicht",
}
ALL_NOTEBOOKS = sorted(p.name for p in (PROJECT / "notebooks").glob("*.ipynb"))
SNAPSHOT = ("e => e.innerText + '|' + [...e.querySelectorAll('img')].map(i => i.src).join(',')")
BUTTONS = re.compile("Controleer|Vergelijk|Lees in|Exporteer dit|1 stap|Zoek")


def expected_widgets(name: str) -> dict[str, int]:
    """CSS class of each widget type in a notebook, with how many its code creates at least."""
    nb = json.loads((PROJECT / "notebooks" / name).read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    counts: dict[str, int] = {}
    for call, selector in WIDGET_SELECTORS.items():
        if call in code:
            counts[selector] = counts.get(selector, 0) + code.count(call)
    return counts


def wait_until_all_ran(page, timeout: float = 180_000) -> None:
    """Every visible input prompt has a number and the kernel is idle again.

    Collapsed cells (source_hidden) show no prompt number, so the idle kernel after the numbered
    visible cells is what says that the collapsed cells have run too.
    """
    page.wait_for_function(
        "() => { const p = [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) "
        ".jp-CodeCell .jp-InputArea-prompt')]; return p.length && p.every(e => /\\[\\d+\\]/.test(e.textContent)); }",
        timeout=timeout)
    wait_for_notebook(page)


def interact(page, root) -> None:
    """One real interaction with a widget; wait until what it shows has changed."""
    root.scroll_into_view_if_needed()
    before = root.evaluate(SNAPSHOT)
    selects, areas = root.locator("select"), root.locator("textarea")
    radios, texts = root.locator("input[type=radio]"), root.locator("input[type=text]")
    if selects.count():
        select = selects.first
        options = select.locator("option").count()
        current = select.evaluate("s => s.selectedIndex")
        # the first option is often a "— kies —" placeholder: pick a real, different one
        select.select_option(index=1 if current != 1 else (2 if options > 2 else 0))
    elif areas.count():
        areas.first.fill("Een antwoord uit de browsertest.")
    elif radios.count():
        radios.first.check()
    elif texts.count():
        texts.first.fill("vertrouwen")
        texts.first.press("Enter")
    try:
        page.wait_for_function(
            f"([el, old]) => ({SNAPSHOT})(el) !== old", arg=[root.element_handle(), before],
            timeout=3_000)
        return
    except Exception:
        pass
    preferred = root.locator("button", has_text=BUTTONS)
    button = preferred.first if preferred.count() else \
        root.locator("button:not(.mod-active):not([disabled])").first
    button.click()
    page.wait_for_function(f"([el, old]) => ({SNAPSHOT})(el) !== old",
                           arg=[root.element_handle(), before], timeout=20_000)


def type_answer(page, answer: str) -> None:
    """Type in the first reflection question and wait until the widget says it was saved."""
    area = page.locator(".lt-reflectie textarea").first
    area.scroll_into_view_if_needed()
    area.fill(answer)
    page.wait_for_function(
        "() => /Opgeslagen om/.test(document.querySelector('.lt-reflectie .lt-status').textContent)",
        timeout=30_000)


@pytest.mark.parametrize("name", ALL_NOTEBOOKS)
def test_every_notebook_runs_renders_reacts_and_keeps_answers(page, lab, shot_on_failure, name):
    ARTEFACTS.mkdir(exist_ok=True)
    open_notebook(page, lab, name)
    run_all(page)
    wait_until_all_ran(page)
    expected = expected_widgets(name)
    for selector, count in expected.items():
        wait_for_count(page, selector, count)
    outputs = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output")
    assert outputs.count() > 0
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr'],"
                          " .jp-OutputArea-output:has-text('Traceback')")
    assert errors.count() == 0, errors.first.inner_text()
    if expected:  # a screenshot at 1280 px of the first widget with the text around it
        page.locator(next(iter(expected))).first.scroll_into_view_if_needed()
        page.wait_for_timeout(300)
    page.screenshot(path=str(ARTEFACTS / f"{Path(name).stem}.png"))

    for selector in expected:
        if selector == ".lt-reflectie":
            continue  # tested below, with the restart and the reload
        interact(page, page.locator(selector).first)

    if ".lt-reflectie" not in expected:
        return
    answer = f"Mijn antwoord in {name}, met een é en een <tag>."
    type_answer(page, answer)
    # A page reload (the widgets are gone), then a kernel restart: the answer comes back from disk.
    page.reload()
    wait_for_notebook(page)
    menu(page, "Kernel", "Restart Kernel and Run All Cells")
    page.locator(".jp-Dialog button", has_text=re.compile("Restart|Herstart")).click()
    page.wait_for_function(
        "(text) => { const a = document.querySelector('.lt-reflectie textarea');"
        " return a && a.value === text; }", arg=answer, timeout=120_000)



# -- Voilà: the ladder notebook as a standalone web page ---------------------------------------------
@pytest.fixture(scope="module")
def voila(tmp_path_factory):
    pytest.importorskip("voila")
    base = tmp_path_factory.mktemp("voila")
    port = free_port()
    notebook = PROJECT / "notebooks" / "10_ladder_van_onderlinge_verbintenissen.ipynb"
    with serving([sys.executable, "-m", "voila", "--no-browser", f"--port={port}",
                  "--Voila.ip=127.0.0.1", "--show_tracebacks=True", str(notebook)],
                 {**os.environ, "NABIJHEID_DATA": str(base / "antwoorden")}, base / "voila.log",
                 f"http://127.0.0.1:{port}/"):
        yield {"url": f"http://127.0.0.1:{port}/", "log": base / "voila.log"}


def test_ladder_notebook_works_in_voila(page, voila, shot_on_failure):
    ARTEFACTS.mkdir(exist_ok=True)
    page.goto(voila["url"], timeout=180_000)
    ladder = page.locator(".lt-model-ladder").first
    ladder.wait_for(timeout=180_000)
    page.wait_for_function("(el) => el.querySelectorAll('.lt-niveau').length === 6",
                           arg=ladder.element_handle(), timeout=30_000)
    page.locator(".lt-straatscan").first.wait_for(timeout=60_000)
    assert page.locator(".jp-OutputArea-output:has-text('Traceback')").count() == 0

    # Choose a rung in the ladder viewer: its explanation appears.
    viewer = page.locator(".lt-modelviewer").first
    viewer.scroll_into_view_if_needed()
    before = viewer.inner_text()
    viewer.locator(".lt-niveau").nth(4).click()
    page.wait_for_function("([el, old]) => el.innerText !== old",
                           arg=[viewer.element_handle(), before], timeout=30_000)
    # And a scenario placed on the ladder gets feedback.
    task = page.locator(".lt-sorteer").first
    task.scroll_into_view_if_needed()
    task.locator("select").first.select_option(index=2)
    task.locator("button", has_text="Controleer").click()
    task.locator(".lt-feedback").first.wait_for(timeout=30_000)
    page.screenshot(path=str(ARTEFACTS / "voila_ladder.png"), full_page=False)


# -- the kit's JupyterLab settings: clean saves, collapsed code, a Dutch notice after a restart ------
NOTICE = "niet meer actief"
OUTERMOST_DISCONNECTED = (
    "() => [...document.querySelectorAll('.jupyter-widgets-disconnected')]"
    ".filter(e => !e.parentElement.closest('.jupyter-widgets-disconnected'))"
    ".map(e => getComputedStyle(e, '::before').content)")


def test_kernel_restart_shows_a_dutch_notice_and_saving_keeps_the_notebook_clean(
        page, lab, shot_on_failure):
    ARTEFACTS.mkdir(exist_ok=True)
    name = "00_start_hier.ipynb"
    path = lab["notebooks"] / name
    original, modified = path.read_bytes(), path.stat().st_mtime_ns
    open_notebook(page, lab, name)
    # the one-line widget cells are collapsed: students see a placeholder, not lt.Reflection(...)
    hidden = sum(1 for c in json.loads(original)["cells"]
                 if c["metadata"].get("jupyter", {}).get("source_hidden"))
    wait_for_count(page, ".jp-InputPlaceholder", hidden)
    run_all(page)
    wait_until_all_ran(page)
    widgets = sum(expected_widgets(name).values())
    for selector, count in expected_widgets(name).items():
        wait_for_count(page, selector, count)

    # Saving writes the notebook without outputs: the file stays exactly as the course published it.
    page.locator(".jp-NotebookPanel:visible .jp-Cell").first.click()
    page.keyboard.press("Escape")
    page.keyboard.press("Control+s")
    deadline = time.monotonic() + 30
    while path.stat().st_mtime_ns == modified and time.monotonic() < deadline:
        time.sleep(0.3)
    assert path.stat().st_mtime_ns != modified, "the notebook was not saved"
    assert path.read_bytes() == original, "saving wrote outputs or run metadata into the notebook"

    # A kernel restart: every widget output shows the Dutch notice once, not a broken-link icon.
    menu(page, "Kernel", "Restart Kernel…")
    page.locator(".jp-Dialog .jp-mod-accept").click()
    page.wait_for_function(f"() => ({OUTERMOST_DISCONNECTED})().length >= {widgets}",
                           timeout=60_000)
    notices = page.evaluate(OUTERMOST_DISCONNECTED)
    assert all(NOTICE in content for content in notices), notices
    nested = page.evaluate(
        "() => [...document.querySelectorAll('.jupyter-widgets-disconnected .jupyter-widgets-disconnected')]"
        ".filter(e => getComputedStyle(e, '::before').content !== 'none').length")
    assert nested == 0, "nested widgets repeat the notice"
    page.locator(".jupyter-widgets-disconnected").first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTEFACTS / "herstart_melding.png"))

    # Running the cells again brings the widgets (and the notice disappears).
    run_all(page)
    page.wait_for_function(
        "() => !document.querySelector('.jupyter-widgets-disconnected')"
        " && document.querySelectorAll('.lt-reflectie textarea').length >= 3", timeout=120_000)


# -- Voilà: every student notebook as a page without code ---------------------------------------------
STUDENT_NOTEBOOKS = [n for n in ALL_NOTEBOOKS if n[0].isdigit()]


@pytest.fixture(scope="module")
def voila_kit(tmp_path_factory):
    """Voilà serving a copy of the kit: /voila/render/notebooks/<name> runs and shows a notebook."""
    pytest.importorskip("voila")
    pytest.importorskip("playwright.sync_api")
    base = tmp_path_factory.mktemp("voila-kit")
    root = kit_copy(base)
    port = free_port()
    env = {**os.environ, "NABIJHEID_DATA": str(base / "antwoorden"), "PYTHONPATH": str(PROJECT)}
    with serving([sys.executable, "-m", "voila", "--no-browser", f"--port={port}",
                  "--Voila.ip=127.0.0.1", "--show_tracebacks=True", str(root)],
                 env, base / "voila.log", f"http://127.0.0.1:{port}/"):
        yield {"url": f"http://127.0.0.1:{port}", "answers": base / "antwoorden"}


def open_in_voila(page, voila_kit, name: str) -> None:
    """Open a notebook in Voilà and wait until every widget it creates has rendered."""
    page.goto(f"{voila_kit['url']}/voila/render/notebooks/{name}", timeout=180_000)
    for selector, count in expected_widgets(name).items():
        wait_for_count(page, selector, count, timeout=180_000)
    page.wait_for_timeout(500)


# Every element inside a widget whose content is wider than its box (text cut off), as
# "tag.classes "text" scrollWidth>clientWidth".
CLIPPED_IN_WIDGETS = """() => {
  const found = [];
  for (const root of document.querySelectorAll('.jupyter-widgets.widget-container, .lt-widget')) {
    for (const el of root.querySelectorAll('*')) {
      if (!el.clientWidth || el.tagName === 'STYLE' || el.closest('details:not([open])')) continue;
      if (el.scrollWidth > el.clientWidth + 1) {
        found.push(el.tagName.toLowerCase() + '.' + [...el.classList].join('.') + ' "'
                   + (el.innerText || el.value || '').slice(0, 50) + '" ' + el.scrollWidth + '>'
                   + el.clientWidth);
      }
    }
  }
  return [...new Set(found)];
}"""


def check_voila_view(page, name: str) -> None:
    """The Voilà view shows the notebook without code and without errors; keep a screenshot."""
    ARTEFACTS.mkdir(exist_ok=True)
    assert page.locator(":text('Traceback')").count() == 0
    assert page.locator(".jp-InputArea-editor, .CodeMirror, .cm-editor").count() == 0, "code is shown"
    if not Path(name).stem.startswith("11_"):  # notebook 11 teaches code: its text may name it
        code = re.findall(r"\blt\.\w+\(", page.locator("body").inner_text())
        assert not code, f"a line of code is shown: {code}"
    assert page.locator("h1").first.inner_text().strip()
    # Voilà renders the whole notebook at once (no windowing): no widget text may be cut off.
    assert page.evaluate(CLIPPED_IN_WIDGETS) == [], "text cut off in a widget"
    page.screenshot(path=str(ARTEFACTS / f"voila_{Path(name).stem}.png"))


def test_voila_saves_answers_like_jupyterlab(page, voila_kit, shot_on_failure):
    open_in_voila(page, voila_kit, "00_start_hier.ipynb")
    answer = "Getypt in de leesweergave."
    type_answer(page, answer)
    saved = json.loads((voila_kit["answers"] / "00_start_hier.json").read_text(encoding="utf-8"))
    assert saved["antwoorden"]["start-r1"]["tekst"] == answer


def test_contents_links_jump_to_the_lemma(page, lab, shot_on_failure):
    """The Inhoud list and the previous/next links of a long notebook scroll to the lemma."""
    open_notebook(page, lab, "03a_professionele_nabijheid_relatie.ipynb")
    heading_top = ("(start) => { const h = [...document.querySelectorAll('.jp-RenderedMarkdown h2')]"
                   ".find(h => h.textContent.startsWith(start)); if (!h) return null;"
                   " const r = h.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight / 3; }")
    page.locator(".jp-RenderedMarkdown a[href='#4.-Ervaringsdeskundigheid']").first.click()
    page.wait_for_function(heading_top, arg="4. Ervaringsdeskundigheid", timeout=10_000)
    page.locator(".jp-RenderedMarkdown a[href='#Inhoud']").nth(4).click()
    page.wait_for_function(heading_top, arg="Inhoud", timeout=10_000)
