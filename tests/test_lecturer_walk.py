"""The lecturer's notebooks followed as docs/docent-inleveren.md says: set the paths in the first
code cell, run all cells, read what is shown. Found by walking the course loop by hand."""

import shutil
import warnings

import nbformat
import pandas as pd
import pytest

import lexicon_tools as lt
from lexicon_tools.class_overview import draw_completion, missing_report
from conftest import PROJECT

EXAMPLE = PROJECT / "notebooks" / "voorbeeld_klas"


def _class_of_notebook_01(tmp_path):
    """A class that handed in notebook 01 only (not 00_start_hier), and its class list."""
    folder = tmp_path / "klas-2b"
    folder.mkdir()
    for path in (EXAMPLE / "inleveringen").glob("*_01_sociale_nabijheid.*"):
        shutil.copy(path, folder)
    class_list = tmp_path / "klas.csv"
    class_list.write_text("studentnummer;naam\n1100234;Noor Bakker\n1100871;Daan de Wit\n"
                          "1101502;Sara El Idrissi\n1109999;Yara Visser\n", encoding="utf-8")
    return folder, class_list


def _outputs_text(notebook) -> str:
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                raise AssertionError(f"{output.ename}: {output.evalue}")
            parts += [str(v) for k, v in output.get("data", {}).items() if k.startswith("text/")]
            parts.append(output.get("text", ""))
    return "\n".join(parts)


def _run_overview(tmp_path, hand_ins: str, class_list: str) -> str:
    from nbclient import NotebookClient

    notebook = nbformat.read(PROJECT / "notebooks" / "docent_klasoverzicht.ipynb", as_version=4)
    config = next(c for c in notebook.cells if c.cell_type == "code" and "INLEVERINGEN =" in c.source)
    config.source = config.source.replace('"voorbeeld_klas/inleveringen"', repr(hand_ins)) \
        .replace('"voorbeeld_klas/klassenlijst.csv"', repr(class_list))
    NotebookClient(notebook, timeout=180, kernel_name="python3",
                   resources={"metadata": {"path": str(PROJECT / "notebooks")}}).execute()
    return _outputs_text(notebook)


@pytest.mark.notebook
def test_klasoverzicht_shows_the_notebooks_the_class_handed_in(tmp_path):
    """Completion and item analysis were fixed to 00_start_hier / 01: another class saw nothing."""
    folder, class_list = _class_of_notebook_01(tmp_path)
    text = _run_overview(tmp_path, str(folder), str(class_list))
    assert "Sociale nabijheid · quiz" in text  # the completion table, by notebook title
    assert "Yara Visser (1109999)" in text and "Niets ingeleverd (1 van 4)" in text
    assert "<NA>" not in text and "100%" in text  # the completion table as a lecturer reads it
    # the item analysis of notebook 01, every question and wrong option whole (not cut at 50)
    assert "Het lemma raadt sociaal werkers aan om ook mensen in een kwetsbare positie iets te " \
        "laten geven, aan een ander of aan de buurt. Waarom?" in text
    assert "Omdat elke relatie precies in evenwicht moet zijn. (2×)" in text
    assert "Nog geen ingeleverde antwoorden" not in text


@pytest.mark.notebook
def test_klasoverzicht_reports_a_broken_class_list_and_works_without_one(tmp_path):
    folder, class_list = _class_of_notebook_01(tmp_path)
    class_list.write_text("nummer,naam\n1100234,Noor Bakker\n", encoding="utf-8")
    text = _run_overview(tmp_path, str(folder), str(class_list))
    assert "de kolom &#x27;studentnummer&#x27; ontbreekt" in text or \
        "de kolom 'studentnummer' ontbreekt" in text
    text = _run_overview(tmp_path, str(folder), "")
    assert "Geen klassenlijst opgegeven" in text and "Sociale nabijheid · quiz" in text


def test_missing_report_names_who_is_missing_and_why_it_cannot_tell(tmp_path):
    folder, class_list = _class_of_notebook_01(tmp_path)
    klas = lt.read_hand_ins(folder)
    report = missing_report(klas, class_list)
    assert list(report.ontbrekend["naam"]) == ["Yara Visser"]
    assert "- Yara Visser (1109999)" in report._repr_markdown_()
    class_list.write_text("studentnummer,naam\n1100234,Noor Bakker\n", encoding="utf-8")
    assert "Iedereen op de klassenlijst (1 student)" in missing_report(klas, class_list) \
        ._repr_markdown_()
    assert "Geen klassenlijst opgegeven" in missing_report(klas, None)._repr_markdown_()
    broken = missing_report(klas, tmp_path / "bestaat-niet.csv")._repr_markdown_()
    assert "Let op" in broken and "bestaat-niet.csv" in broken


def test_empty_completion_draws_a_message_not_a_blank_chart():
    import matplotlib

    matplotlib.use("Agg")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax = draw_completion(pd.DataFrame(index=["Ali (1)"]))
    assert "Nog geen ingeleverde antwoorden" in ax.texts[0].get_text()


def test_a_grade_typed_with_a_comma_comes_back_with_a_comma(tmp_path):
    folder, _ = _class_of_notebook_01(tmp_path)
    view = lt.GradingView(str(folder))
    view._points.value = "1,5"
    view.book.flush()
    again = lt.GradingView(str(folder))
    assert again._points.value == "1,5"


def test_cli_output_into_a_closed_pipe_ends_without_traceback(monkeypatch):
    """`nabijheid bronnen | more` (or `| head`) stopped reading: no traceback, no second error."""
    from lexicon_tools.__main__ import main

    class ClosedPipe:
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self):
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr("sys.stdout", ClosedPipe())
    assert main(["bronnen"]) == 1


def test_messages_name_the_menus_jupyterlab_really_shows(tmp_path, capsys):
    """The Dutch language pack leaves 'Run All Cells', 'Text File' and 'Open With → Editor' in
    English (seen in JupyterLab 4 in Chromium); a lecturer looks for exactly these words."""
    from lexicon_tools.__main__ import main

    assert main(["maak-notebook", "--lemmas", "vertrouwen", "--uit", str(tmp_path / "l.ipynb")]) == 0
    out = capsys.readouterr().out
    assert "Uitvoeren → Run All Cells" in out and "met 1 lemma." in out
    guides = [(PROJECT / p).read_text(encoding="utf-8") for p in
              ("exercises/README.md", "docs/docent-inleveren.md", "docs/jupyterhub.md")]
    guides.append((PROJECT / "notebooks" / "docent_klasoverzicht.ipynb").read_text(encoding="utf-8"))
    for text in guides:
        for wrong in ("Alle cellen uitvoeren", "Nieuw → Tekstbestand", "Open met → Bewerker",
                      "*Run → Run All Cells*"):
            assert wrong not in text
    assert "*Open With → Editor*" in guides[0] and "Text File" in guides[0]


def test_check_counts_one_problem_in_the_singular(tmp_path, capsys):
    from lexicon_tools.__main__ import main

    (tmp_path / "les.yml").write_text("lemma: vertrouwen\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 1
    assert "NIET OK: 1 probleem gevonden." in capsys.readouterr().out


def test_a_copied_question_has_each_text_on_one_line(tmp_path, capsys):
    """Step 1 of the guide: change the text after `vraag:`. With the old text wrapped over several
    lines, replacing the first line left the old tail behind (silently glued to the new question,
    or a puzzling indentation error)."""
    from lexicon_tools.__main__ import main
    from lexicon_tools.exercises import question

    own = tmp_path / "eigen"
    assert main(["kopieer", "vertrouwen-q2", "--naar", str(own)]) == 0
    path = own / "vertrouwen-q2.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(i for i, l in enumerate(lines) if l.strip().startswith("vraag:"))
    assert question("vertrouwen-q2").vraag in lines[line] or \
        question("vertrouwen-q2").vraag.replace("'", "''") in lines[line]
    lines[line] = "    vraag: Hoe past Fatma's tevredenheid bij het lemma?"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["check", str(own)]) == 0, capsys.readouterr().out
    from lexicon_tools.exercises import exercise_set

    assert exercise_set(own).items["vertrouwen-q2"].vraag == \
        "Hoe past Fatma's tevredenheid bij het lemma?"


def test_text_left_after_a_closed_quote_is_named(tmp_path, capsys):
    from lexicon_tools.__main__ import main

    (tmp_path / "q.yaml").write_text(
        "lemma: vertrouwen\nreflectie:\n  - id: vertrouwen-r1\n    soort: begrijpen\n"
        "    vraag: \"Nieuwe vraag?\"\n      in de overheid onverstandig?\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "q.yaml, regel 6: de tekst tussen aanhalingstekens op regel 5 is al afgesloten" in out


def test_the_zip_an_lms_downloads_is_read_without_unpacking(tmp_path):
    """Brightspace and Canvas hand all submissions over as one zip (Brightspace adds index.html and
    renames every file); the guide says: put what you downloaded in one folder."""
    import zipfile

    folder = tmp_path / "klas-2b"
    folder.mkdir()
    hand_ins = sorted((EXAMPLE / "inleveringen").glob("*_01_sociale_nabijheid.*"))
    with zipfile.ZipFile(folder / "Opdracht 1 Download 4 dec 2026.zip", "w") as archive:
        archive.writestr("index.html", "<html><body>Brightspace index</body></html>")
        for n, path in enumerate(hand_ins):
            archive.write(path, f"1234-{n} - Student {n} - 4 december 2026 1539 - {path.name}")
        archive.writestr("notities.md", "geen inlevering")
    (folder / "kapot.zip").write_bytes(b"PK\x03\x04 dit is geen zip")
    klas = lt.read_hand_ins(folder)
    assert len(klas.studenten) == len(hand_ins) == 3
    assert not [p for p in klas.problemen if "index.html" in p]
    assert any(p.startswith("Opdracht 1 Download 4 dec 2026.zip/notities.md: overgeslagen")
               for p in klas.problemen)
    assert any(p.startswith("kapot.zip: overgeslagen, het zip-bestand is niet te openen")
               for p in klas.problemen)
    empty = tmp_path / "leeg"
    empty.mkdir()
    assert "zip-bestand" in lt.read_hand_ins(empty).problemen[0]


def test_bronnen_says_why_answers_are_saved_where_they_are(monkeypatch, tmp_path):
    from lexicon_tools.sources import bronnen

    monkeypatch.setenv("NABIJHEID_DATA", str(tmp_path / "antw"))
    assert "waarom: ingesteld met omgevingsvariabele NABIJHEID_DATA" in str(bronnen())
    monkeypatch.delenv("NABIJHEID_DATA")
    assert "waarom: de vaste plek voor jouw gebruiker" in str(bronnen())


def test_an_unknown_lemma_gets_its_line_and_a_suggestion(tmp_path, capsys):
    from lexicon_tools.__main__ import main

    (tmp_path / "l9.yaml").write_text("# les 9\nlemma: vertrouwn\nreflectie:\n  - id: les9-r1\n"
                                      "    soort: toepassen\n    vraag: Iets?\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "l9.yaml, regel 2, veld `lemma`: lemma 'vertrouwn' bestaat niet" in out
    assert "Bedoel je `lemma: vertrouwen`?" in out


def test_a_mistyped_folder_gives_no_empty_grade_file_and_creates_nothing(tmp_path):
    """A typo in INLEVERINGEN: the export buttons made an empty cijfers_*.csv (and the folder)."""
    missing = tmp_path / "klas-2c"
    view = lt.GradingView(str(missing))
    for export in (view.export_brightspace, view.export_canvas, view.export_feedback):
        paths, notes = export()
        assert paths == [] and "bestaat niet" in notes[0]
    assert not missing.exists()
    folder, _ = _class_of_notebook_01(tmp_path)
    paths, notes = lt.GradingView(str(folder)).export_brightspace()
    assert paths == [] and "nog geen punten gegeven" in notes[0]
    assert not (folder / "export" / "cijfers_brightspace.csv").exists()


def test_a_missing_class_list_is_named_in_dutch(tmp_path):
    report = missing_report(pd.DataFrame(columns=["studentnummer"]), tmp_path / "klas.csv")
    assert report.problemen == [f"Klassenlijst {tmp_path / 'klas.csv'}: dit bestand bestaat niet. "
                                "Controleer het pad bij KLASSENLIJST."]


def test_completion_chart_labels_of_long_titles_do_not_overlap(tmp_path):
    """Columns are '<notebook title> · <kind>'; side by side they overlapped in the chart."""
    import matplotlib

    matplotlib.use("Agg")
    folder, class_list = _class_of_notebook_01(tmp_path)
    for path in (EXAMPLE / "inleveringen").glob("*_00_start_hier.md"):
        shutil.copy(path, folder)
    table = lt.completion_table(lt.read_hand_ins(folder))
    assert len(table.columns) >= 2
    ax = draw_completion(table)
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    boxes = [label.get_window_extent(renderer) for label in ax.get_xticklabels()]
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_kopieer_of_a_question_already_in_the_own_folder_points_to_its_file(tmp_path, capsys,
                                                                            monkeypatch):
    """`nabijheid vragen` lists the lecturer's own new questions too; copying one of them made a
    second file with the same id."""
    from lexicon_tools.__main__ import main

    own = tmp_path / "eigen"
    own.mkdir()
    (own / "les3.yaml").write_text("lemma: vertrouwen\nreflectie:\n  - id: les3-vertrouwen-1\n"
                                   "    soort: toepassen\n    vraag: Iets?\n", encoding="utf-8")
    monkeypatch.setenv("NABIJHEID_OEFENINGEN", str(own))
    assert main(["kopieer", "les3-vertrouwen-1"]) == 1
    out = capsys.readouterr().out
    assert "staat al in je eigen map, in" in out and "les3.yaml" in out
    assert sorted(p.name for p in own.iterdir()) == ["les3.yaml"]
