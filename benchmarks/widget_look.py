"""Does a change to the widgets change what a student sees? Compare two versions in a browser.

Renders the same widgets (a model viewer of every kind, a sort task, a quiz, reflections, a
worksheet, perspectives, the export panel, the search box) in JupyterLab + Chromium with the
lexicon_tools of git revision REV and with the working tree, also after 'Opnieuw' in the sort task
and the quiz, and compares the position and size of every text, button and field, and the
screenshots pixel by pixel.

    .venv/bin/python benchmarks/widget_look.py main        # working tree against branch main

Slow (two JupyterLab runs, ~2 minutes); not a test. Written for issue 17 (fewer widget models
with the same look); reuses the helpers of tests/test_browser.py.
"""

import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "tests"))

CALLS = ['lt.ModelViewer("%s", lex)' % m for m in (
    "aangrijpingspunten-attentheid", "aard-van-problemen", "bogardus-schaal",
    "boundary-spanner-stappen", "continuum-wederkerigheid", "ladder-onderlinge-verbintenissen")]
CALLS += ['lt.SortTask("sociale-basis-s1", store)',
          'lt.Quiz(ids_for_lemma("vertrouwen", QuizQuestion), store, seed="x")',
          'lt.Reflections("vertrouwen", store)', 'lt.Worksheet("maatwerk-omgekeerde-toets", store)',
          'lt.Perspectives("presentie-perspectieven", store)', 'lt.ExportPanel(store)',
          'lt.SearchView()', 'lt.ProfileView("publieke-ruimte-profiel", store)']

# Per visible element with its own text (or a button, field, image): tag, x, y, width, height
# relative to the output, and the start of its text.
BOXES = """(el) => { const o = el.getBoundingClientRect(); const r = [];
  for (const e of el.querySelectorAll('*')) { const b = e.getBoundingClientRect();
    if (!b.width && !b.height) continue;
    const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own && !['BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'IMG'].includes(e.tagName)) continue;
    r.push([e.tagName, Math.round(b.x - o.x), Math.round(b.y - o.y), Math.round(b.width),
            Math.round(b.height), (e.innerText || e.value || '').slice(0, 30)]); }
  return [Math.round(o.width), Math.round(o.height), r]; }"""


def write_notebook(folder: Path) -> None:
    import nbformat

    cells = [nbformat.v4.new_code_cell(
        "import lexicon_tools as lt\nfrom lexicon_tools.exercises import ids_for_lemma, QuizQuestion\n"
        'lex = lt.load_lexicon()\nstore = lt.AnswerStore("look")')]
    cells += [nbformat.v4.new_code_cell(call) for call in CALLS]
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, folder / "look.ipynb")


def render(root: Path, out: Path) -> dict:
    """Boxes per output (and after a retry); screenshots in ``out``."""
    from playwright.sync_api import sync_playwright
    from test_browser import (CHROMIUM, FLAGS, SETTINGS, free_port, run_all, serving,
                              wait_for_notebook, wait_until_all_ran)

    write_notebook(out / "nb")
    for name, value in SETTINGS.items():
        (out / "settings" / name).parent.mkdir(parents=True, exist_ok=True)
        (out / "settings" / name).write_text(json.dumps(value), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(root), "NABIJHEID_DATA": str(out / "data"),
           "JUPYTERLAB_SETTINGS_DIR": str(out / "settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(out / "ws")}
    port, result = free_port(), {}
    with serving([sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}",
                  "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=", "--ServerApp.password=",
                  f"--ServerApp.root_dir={out / 'nb'}", "--allow-root"],
                 env, out / "lab.log", f"http://127.0.0.1:{port}/lab"), sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(out / "profile"), executable_path=str(CHROMIUM), headless=True, args=FLAGS,
            viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(f"http://127.0.0.1:{port}/lab/tree/look.ipynb?reset")
        wait_for_notebook(page)
        run_all(page)
        wait_until_all_ran(page)
        page.wait_for_function("() => document.querySelectorAll('.lt-export, .lt-zoeken')"
                               ".length >= 2", timeout=120_000)
        page.wait_for_timeout(2500)
        outputs = page.locator(".jp-OutputArea-output")
        for i in range(outputs.count()):
            output = outputs.nth(i)
            output.scroll_into_view_if_needed()
            result[f"uitvoer {i + 1}"] = output.evaluate(BOXES)
            output.screenshot(path=str(out / f"uitvoer-{i + 1}.png"))
        sort, quiz = page.locator(".lt-sorteer").first, page.locator(".lt-quiz").first
        sort.locator("select").first.select_option(index=1)
        sort.locator("button", has_text="Opnieuw").click()
        quiz.locator("input[type=radio]").first.check()
        quiz.locator("button", has_text="Opnieuw").click()
        page.wait_for_timeout(1500)

        def capture(name, element):
            element.scroll_into_view_if_needed()
            result[name] = element.evaluate(BOXES)
            element.screenshot(path=str(out / f"{name}.png"))

        capture("sorteer na Opnieuw", sort)
        capture("quiz na Opnieuw", quiz)
        sort.locator("button", has_text="Zet keuzes terug").click()
        page.wait_for_timeout(1000)
        result["sorteer na terugzetten"] = sort.evaluate(BOXES)
        for element in (sort, quiz):  # feedback under every item (wrong, right or not chosen)
            if element == quiz:
                quiz.locator("input[type=radio]").first.check()
            element.locator("button", has_text="Controleer").click()
        page.wait_for_timeout(1500)
        capture("sorteer na Controleer", sort)
        capture("quiz na Controleer", quiz)
        context.close()
    return result


def same_pixels(a: Path, b: Path) -> bool:
    from PIL import Image, ImageChops

    first, second = Image.open(a).convert("RGB"), Image.open(b).convert("RGB")
    return first.size == second.size and ImageChops.difference(first, second).getbbox() is None


def main() -> None:
    revision = sys.argv[1] if len(sys.argv) > 1 else "main"
    work = Path(tempfile.mkdtemp(prefix="widget-look-"))
    old_root = work / "oud"
    old_root.mkdir()
    archive = work / "oud.tar"
    subprocess.run(["git", "-C", str(PROJECT), "archive", "-o", str(archive), revision], check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(old_root, filter="data")
    old, new = render(old_root, work / "render-oud"), render(PROJECT, work / "render-nieuw")
    differences = 0
    for key, boxes in old.items():
        pixels = all(same_pixels(p, work / "render-nieuw" / p.name)
                     for p in (work / "render-oud").glob(f"{key}.png".replace("uitvoer ", "uitvoer-")))
        if boxes == new.get(key) and pixels:
            print(f"gelijk     {key}: {boxes[0]}x{boxes[1]} px, {len(boxes[2])} elementen")
            continue
        differences += 1
        print(f"VERSCHIL   {key}: {boxes[:2]} -> {new.get(key, [None, None])[:2]}, pixels gelijk: {pixels}")
        for a, b in zip(boxes[2], new.get(key, [0, 0, []])[2]):
            if a != b:
                print(f"    {a}\n    {b}")
    print(f"{differences} verschil(len); screenshots in {work}")


if __name__ == "__main__":
    main()
