"""For lecturers: a class overview of hand-in files (a thin view on :mod:`class_overview`)."""

__all__ = ["ClassOverview"]

import html

import ipywidgets as widgets
import pandas as pd

from ..class_overview import (ClassHandIns, anonymize, answers_side_by_side, completion_table,
                              draw_completion, escape_cell, item_analysis, missing_students,
                              questions_of, read_class_list, read_hand_ins)
from .figure import figure_png
from .style import WRONG, Panel


class ClassOverview(Panel):
    """Read a folder of hand-ins; per notebook: completion, answers per question, item analysis.

    ``klassenlijst`` is an optional CSV (studentnummer, naam) that shows who is missing;
    ``anoniem`` hides names (for projecting answers in class).
    """

    def __init__(self, folder: str = ".", klassenlijst: str = "", anoniem: bool = False):
        self.data: ClassHandIns | None = None
        self.class_list: pd.DataFrame | None = None
        self._folder = widgets.Text(value=str(folder), description="Map",
                                    placeholder="map met ingeleverde bestanden")
        self._list = widgets.Text(value=str(klassenlijst or ""), description="Klassenlijst",
                                  placeholder="optioneel: klas.csv (studentnummer,naam)")
        self._read = widgets.Button(description="Lees in", icon="folder-open",
                                    button_style="primary")
        self._anonymous = widgets.Checkbox(value=anoniem, indent=False,
                                           description="Anoniem (namen verbergen, om te projecteren)",
                                           layout=widgets.Layout(width="auto"))
        self._summary = widgets.HTML()
        self._notebook = widgets.Dropdown(description="Notebook", options=[],
                                          layout=widgets.Layout(width="95%"))
        self._chart = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
        self._items = widgets.HTML()
        self._question = widgets.Dropdown(description="Vraag", options=[],
                                          layout=widgets.Layout(width="95%"))
        self._answers = widgets.HTML()
        self._read.on_click(lambda _: self.load())
        self._anonymous.observe(lambda _: self._show_notebook(), names="value")
        self._problems: list[str] = []
        self._notebook.observe(lambda _: None if self._loading else self._show_notebook(),
                               names="value")
        self._loading = False
        self._question.observe(lambda _: self._show_answers(), names="value")
        super().__init__([widgets.HBox([self._folder, self._list, self._read]), self._anonymous,
                          self._summary, self._notebook, self._chart, self._items,
                          self._question, self._answers])
        self.add_class("lt-klasoverzicht")
        self.load()

    # -- data --------------------------------------------------------------------------------------
    def load(self) -> None:
        self.data = read_hand_ins(self._folder.value)
        problems = list(self.data.problemen)
        self.class_list = None
        if self._list.value.strip():
            self.class_list, found = read_class_list(self._list.value.strip())
            problems += found
        self._problems = problems
        notebooks = self.data.notebooks
        titles = self.data.antwoorden.drop_duplicates("notebook").set_index("notebook")["titel"]
        self._loading = True
        self._notebook.options = [(str(titles.get(nb, nb)), nb) for nb in notebooks]
        self._notebook.value = notebooks[0] if notebooks else None
        self._loading = False
        self._show_notebook()

    def _answers_shown(self) -> pd.DataFrame:
        frame = self.data.antwoorden
        return anonymize(frame) if self._anonymous.value else frame

    # -- views -------------------------------------------------------------------------------------
    def _show_summary(self) -> None:
        """How many students, and what was skipped (hidden when anonymous: it names students)."""
        problems = self._problems
        if self._anonymous.value and problems:
            notes = (f"<p style='color:{WRONG}'>{len(problems)} melding(en) verborgen in de anonieme "
                     "stand (ze noemen namen of bestanden).</p>")
        elif problems:
            items = "".join(f"<li>{html.escape(p)}</li>" for p in problems)
            notes = f"<p style='color:{WRONG}'>Let op:</p><ul>{items}</ul>"
        else:
            notes = ""
        self._summary.value = (f"<p><b>{len(self.data.studenten)} student(en)</b> in "
                               f"<code>{html.escape(self._folder.value)}</code>.</p>{notes}")

    def _show_notebook(self) -> None:
        if self.data is not None:
            self._show_summary()
        notebook = self._notebook.value
        if self.data is None or not notebook:
            self._chart.value, self._items.value = b"", ""
            self._question.options = []
            self._answers.value = ""
            return
        class_list = None if self._anonymous.value else self.class_list
        table = completion_table(self._answers_shown(), notebook, class_list)
        self._chart.value = figure_png(draw_completion(table).figure, dpi=80) if not table.empty \
            else b""
        self._items.value = self._missing_html(notebook) + self._items_html(notebook)
        self._question.options = questions_of(self.data, notebook)
        self._question.value = self._question.options[0][1] if self._question.options else None
        self._show_answers()

    def _missing_html(self, notebook: str) -> str:
        if self.class_list is None:
            return ""
        missing = missing_students(self.data, self.class_list, notebook)
        if missing.empty:
            return "<p>Iedereen op de klassenlijst heeft dit notebook ingeleverd.</p>"
        if self._anonymous.value:
            return f"<p><b>Niet ingeleverd:</b> {len(missing)} student(en).</p>"
        names = ", ".join(escape_cell(f"{r.naam} ({r.studentnummer})" if r.naam else r.studentnummer)
                          for r in missing.itertuples())
        return f"<p><b>Niet ingeleverd ({len(missing)}):</b> {names}</p>"

    def _items_html(self, notebook: str) -> str:
        table = item_analysis(self.data, notebook)
        if table.empty:
            return ""
        rows = "".join(
            f"<tr><td>{escape_cell(r.vraag)}</td><td>{r.beantwoord}</td><td>{r.goed_pct}%</td>"
            f"<td>{escape_cell(r.meest_gekozen_fout) or '—'}"
            f"{f' ({r.aantal_fout}×)' if r.aantal_fout else ''}</td></tr>"
            for r in table.itertuples(index=False))
        return ("<p><b>Itemanalyse quiz</b> (welk begrip zit nog niet goed?)</p>"
                "<table class='lt-itemanalyse'><tr><th>Vraag</th><th>Beantwoord</th>"
                f"<th>Goed</th><th>Meest gekozen fout antwoord</th></tr>{rows}</table>")

    def _show_answers(self) -> None:
        if not self._question.value or self.data is None:
            self._answers.value = ""
            return
        table = answers_side_by_side(self._answers_shown(), self._notebook.value,
                                     self._question.value)
        if table.empty:
            self._answers.value = "<p>Nog geen antwoorden op deze vraag.</p>"
            return
        parts = []
        for (_, _, question), row in table.iterrows():
            cells = "".join(
                "<tr><th style='text-align:left;vertical-align:top;white-space:nowrap;"
                f"padding-right:1em'>{escape_cell(student)}</th>"
                f"<td style='white-space:pre-wrap'>{escape_cell(answer) or '<i>(geen antwoord)</i>'}"
                "</td></tr>" for student, answer in row.items())
            parts.append(f"<p><b>{escape_cell(question)}</b></p>"
                         f"<table class='lt-antwoorden'>{cells}</table>")
        self._answers.value = "".join(parts)
