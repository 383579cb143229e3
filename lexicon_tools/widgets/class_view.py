"""For lecturers: a class overview of hand-in files (a thin view on :mod:`class_overview`)."""

__all__ = ["ClassOverview"]

import html

import ipywidgets as widgets

from ..class_overview import (ClassHandIns, answers_side_by_side, completion_table,
                              draw_completion, escape_cell, read_hand_ins)
from .figure import figure_png
from .style import WRONG


class ClassOverview(widgets.VBox):
    """Pick a folder of hand-ins; see completion per student and the answers per question."""

    def __init__(self, folder: str = "."):
        self.data: ClassHandIns | None = None
        self._folder = widgets.Text(value=str(folder), description="Map",
                                    placeholder="map met ingeleverde bestanden")
        self._read = widgets.Button(description="Lees in", icon="folder-open",
                                    button_style="primary")
        self._summary = widgets.HTML()
        self._chart = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
        self._question = widgets.Dropdown(description="Vraag", options=[],
                                          layout=widgets.Layout(width="95%"))
        self._answers = widgets.HTML()
        self._read.on_click(lambda _: self.load())
        self._question.observe(lambda _: self._show_answers(), names="value")
        super().__init__([widgets.HBox([self._folder, self._read]), self._summary, self._chart,
                          self._question, self._answers])
        self.add_class("lt-klasoverzicht")
        self.load()

    def load(self) -> None:
        self.data = read_hand_ins(self._folder.value)
        problems = "".join(f"<li>{html.escape(p)}</li>" for p in self.data.problemen)
        students = self.data.studenten
        self._summary.value = (
            f"<p><b>{len(students)} student(en)</b> in <code>{html.escape(self._folder.value)}"
            "</code>.</p>" + (f"<p style='color:{WRONG}'>Let op:</p><ul>{problems}</ul>"
                              if problems else ""))
        table = completion_table(self.data)
        if table.empty:
            self._chart.value = b""
            self._question.options = []
            self._answers.value = ""
            return
        self._chart.value = figure_png(draw_completion(table).figure, dpi=80)
        questions = self.data.antwoorden.drop_duplicates(["notebook", "vraag_id"])
        self._question.options = [(f"{r.notebook} · {r.vraag[:90]}", (r.notebook, r.vraag_id))
                                  for r in questions.itertuples()]
        self._question.value = self._question.options[0][1]
        self._show_answers()

    def _show_answers(self) -> None:
        if not self._question.value or self.data is None:
            self._answers.value = ""
            return
        notebook, question_id = self._question.value
        table = answers_side_by_side(self.data, notebook, question_id)
        if table.empty:
            self._answers.value = "<p>Nog geen antwoorden op deze vraag.</p>"
            return
        row = table.iloc[0]
        cells = "".join(
            f"<tr><th style='text-align:left;vertical-align:top'>{escape_cell(student)}</th>"
            f"<td>{escape_cell(answer) or '<i>(geen antwoord)</i>'}</td></tr>"
            for student, answer in row.items())
        self._answers.value = (f"<p><b>{escape_cell(table.index[0][2])}</b></p>"
                               f"<table class='lt-antwoorden'>{cells}</table>")
