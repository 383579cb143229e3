"""For lecturers: grade answers (score, rubric level, comment) and export grade and feedback files."""

__all__ = ["GradingView"]

import html
from pathlib import Path

import ipywidgets as widgets

from ..class_overview import escape_cell, read_hand_ins
from ..errors import LexiconError
from ..grading import GradeBook, brightspace_csv, canvas_csv, grade_table, write_feedback_files
from .export_panel import download_link
from .style import WRONG, Panel, status_html

NO_LEVEL = "— geen niveau —"


class GradingView(Panel):
    """Pick notebook, question and student; give points, a level and a comment (saved at once).

    Grades are saved in ``beoordeling.json`` in the hand-in folder (or ``opslag``); the export
    buttons write the grade files and feedback files into ``<map>/export``.
    """

    def __init__(self, folder: str = ".", opslag: str | None = None):
        self.folder = Path(folder).expanduser()
        self.klas = read_hand_ins(self.folder)
        self.book = GradeBook(opslag or self.folder)
        answers = self.klas.antwoorden
        self._answers = answers[answers["soort"] != "sorteer"]
        self._notebook = widgets.Dropdown(description="Notebook", options=self._notebooks(),
                                          layout=widgets.Layout(width="95%"))
        self._question = widgets.Dropdown(description="Vraag", layout=widgets.Layout(width="95%"))
        self._student = widgets.Dropdown(description="Student", layout=widgets.Layout(width="60%"))
        self._shown = widgets.HTML()
        self._points = widgets.Text(description="Punten", placeholder="bijv. 2 of 1,5",
                                    layout=widgets.Layout(width="14em"))
        self._level = widgets.Dropdown(description="Niveau", options=[NO_LEVEL, *self.book.levels])
        self._comment = widgets.Textarea(description="Feedback", placeholder="Je opmerking voor "
                                         "de student", layout=widgets.Layout(width="95%",
                                                                             height="6em"))
        self._status = widgets.HTML()
        self._exports = widgets.HTML()
        buttons = [widgets.Button(description=label, icon="download",
                                  layout=widgets.Layout(width="auto")) for label in
                   ("Cijferbestand Brightspace", "Cijferbestand Canvas", "Feedbackbestanden")]
        for button, action in zip(buttons, (self.export_brightspace, self.export_canvas,
                                            self.export_feedback)):
            button.on_click(lambda _, act=action: self._run_export(act))
        self._loading = False
        self.book.store.on_change(self._on_saved)
        self._notebook.observe(lambda _: self._fill_questions(), names="value")
        self._question.observe(lambda _: self._fill_students(), names="value")
        self._student.observe(lambda _: self._show(), names="value")
        for control in (self._points, self._level, self._comment):
            control.observe(lambda _: self._save(), names="value")
        problems = "".join(f"<li>{html.escape(p)}</li>" for p in self.klas.problemen)
        super().__init__([widgets.HTML(f"<ul style='color:{WRONG}'>{problems}</ul>" if problems
                                       else ""), self._notebook, self._question, self._student,
                          self._shown, widgets.HBox([self._points, self._level]), self._comment,
                          self._status, widgets.HBox(buttons), self._exports])
        self.add_class("lt-beoordelen")
        self._fill_questions()

    def _notebooks(self):
        titles = self._answers.drop_duplicates("notebook")
        return [(t, n) for n, t in zip(titles["notebook"], titles["titel"])]

    def _fill_questions(self) -> None:
        rows = self._answers[self._answers["notebook"] == self._notebook.value]
        rows = rows.drop_duplicates("vraag_id")
        self._question.options = [(r.vraag[:110], r.vraag_id) for r in rows.itertuples()]
        self._question.value = self._question.options[0][1] if self._question.options else None
        self._fill_students()

    def _fill_students(self) -> None:
        rows = self._selected_rows()
        self._student.options = [(r.student, r.studentnummer or r.student)
                                 for r in rows.itertuples()]
        self._student.value = self._student.options[0][1] if self._student.options else None
        self._show()

    def _selected_rows(self):
        answers = self._answers
        return answers[(answers["notebook"] == self._notebook.value) &
                       (answers["vraag_id"] == self._question.value)]

    def _show(self) -> None:
        rows = self._selected_rows()
        rows = rows[(rows["studentnummer"] == self._student.value) |
                    (rows["student"] == self._student.value)]
        if rows.empty:
            self._shown.value = "<p>Geen antwoord gekozen.</p>"
            return
        row = rows.iloc[0]
        self._shown.value = (f"<p><b>{escape_cell(row.vraag)}</b></p><div style='white-space:"
                             f"pre-wrap;background:#f6f6f6;padding:.4em .8em'>"
                             f"{escape_cell(row.antwoord) or '<i>(geen antwoord)</i>'}</div>")
        grade = self.book.get(self._student.value, self._notebook.value, self._question.value)
        self._loading = True
        self._points.value = "" if grade["punten"] is None else \
            f"{grade['punten']:g}".replace(".", ",")  # as a Dutch lecturer types it
        self._level.value = grade["niveau"] or NO_LEVEL
        self._comment.value = grade["opmerking"]
        self._loading = False
        self._status.value = ""

    def grade(self, punten=None, niveau=None, opmerking: str = "") -> None:
        """Grade the answer that is shown (also what the fields do when changed)."""
        self.book.set(self._student.value, self._notebook.value, self._question.value,
                      punten=punten, niveau=niveau, opmerking=opmerking)

    def _save(self) -> None:
        if self._loading or not self._student.value or not self._question.value:
            return
        level = None if self._level.value == NO_LEVEL else self._level.value
        try:
            self.grade(self._points.value, level, self._comment.value)
        except LexiconError as exc:
            self._status.value = f"<span style='color:{WRONG}'>{html.escape(str(exc))}</span>"
            return
        self._status.value = status_html(self.book.store.status())

    def _on_saved(self, store) -> None:
        self._status.value = status_html(store.status())

    # -- exports -----------------------------------------------------------------------------------
    def _table(self):
        self.book.flush()
        return grade_table(self.klas, self.book)

    def export_brightspace(self) -> tuple[list[Path], list[str]]:
        return self._grade_file(brightspace_csv, "cijfers_brightspace.csv")

    def export_canvas(self) -> tuple[list[Path], list[str]]:
        return self._grade_file(canvas_csv, "cijfers_canvas.csv")

    def _grade_file(self, write, name: str) -> tuple[list[Path], list[str]]:
        """Write one grade file; nothing (and no folder) when no points were given yet."""
        table = self._table()
        if not self.folder.is_dir():
            return [], [f"De map {self.folder} bestaat niet; er is niets gemaakt."]
        path = self.folder / "export" / name
        notes = write(table, path)
        return ([path] if table["punten"].notna().any() else []), notes

    def export_feedback(self) -> tuple[list[Path], list[str]]:
        if not self.folder.is_dir():
            return [], [f"De map {self.folder} bestaat niet; er is niets gemaakt."]
        paths = write_feedback_files(self._table(), self.folder / "export" / "feedback")
        return paths, ([] if paths else ["Er is nog niets beoordeeld."])

    def _run_export(self, action) -> None:
        try:
            paths, notes = action()
        except OSError as exc:
            self._exports.value = f"<span style='color:{WRONG}'>Niet gelukt: {html.escape(str(exc))}</span>"
            return
        links = "".join(download_link(p) for p in paths[:60])
        notes_html = "".join(f"<li>{html.escape(n)}</li>" for n in notes)
        self._exports.value = (f"<p>{len(paths)} bestand(en) in {html.escape(str(paths[0].parent))}"
                               if paths else "<p>") + f"</p>{links}" + \
            (f"<ul style='color:{WRONG}'>{notes_html}</ul>" if notes else "")
