"""Generic model viewer: any model in ``lexicon_data/models`` drawn as an HTML figure, with the
own-words explanation of a level on selection and a text alternative.

Ladders are drawn bottom-up, scales, continua and processes left to right, typologies as a set of
boxes and matrices as a table with both axes. Text stays text (screen readers, zooming).
"""

__all__ = ["ModelViewerModel", "ModelViewer", "model_html", "describe_model"]

import html

import ipywidgets as widgets

from ..loading import load_lexicon
from ..schema import Model, page_for_students
from .style import NEUTRAL, RIGHT, WRONG, Panel, button_style, html_text, shared_layout, style_sheet

KIND_NAMES = {"ladder": "Ladder", "scale": "Schaal", "typology": "Typologie", "matrix": "Matrix",
              "process": "Proces", "continuum": "Continuüm"}
_BOX = ("border:1px solid #777;border-radius:6px;padding:6px 10px;margin:3px;background:#fff;"
        "min-width:7em;text-align:center;")
_SELECTED = "border:3px solid #000;background:#FFF3D6;font-weight:bold;"


class ModelViewerModel:
    """Which level of a model is selected.

    Examples
    --------
    >>> from lexicon_tools import load_lexicon
    >>> lex = load_lexicon()
    >>> viewer = ModelViewerModel(lex.model("ladder-onderlinge-verbintenissen"))
    >>> viewer.select("anonimiteit").label
    'Anonimiteit'
    """

    def __init__(self, model: Model):
        self.model = model
        self.selected: str | None = None

    @property
    def level_ids(self) -> list[str]:
        return [level.id for level in self.model.niveaus]

    def select(self, level_id: str | None):
        """Select a level by id (None clears); returns the level."""
        if level_id is not None and level_id not in self.level_ids:
            raise KeyError(f"model '{self.model.id}' heeft geen niveau '{level_id}'")
        self.selected = level_id
        return self.level(level_id)

    def level(self, level_id: str | None):
        return next((lv for lv in self.model.niveaus if lv.id == level_id), None)

    def html(self) -> str:
        return model_html(self.model, self.selected)


def _box(level, selected: str | None, number: int | None = None, note: str = "") -> str:
    style = _BOX + (_SELECTED if level.id == selected else "")
    if level.wenselijk is False:
        style += f"border-style:dashed;border-color:{WRONG};"
        note = note or f"<br><small style='color:{WRONG}'>✘ onwenselijk</small>"
    elif level.wenselijk is True:
        note = note or f"<br><small style='color:{RIGHT}'>✔ wenselijk</small>"
    prefix = f"{number}. " if number is not None else ""
    return (f"<div class='lt-niveau' data-niveau='{html.escape(level.id)}' style='{style}'>"
            f"{prefix}{html.escape(level.label)}{note}</div>")


def model_html(model: Model, selected: str | None = None) -> str:
    """The model as an HTML figure; the selected level is highlighted."""
    levels = model.niveaus
    if model.soort == "ladder":
        boxes = [_box(lv, selected, n) for n, lv in reversed(list(enumerate(levels, start=1)))]
        body = ("<div style='display:flex;flex-direction:column;align-items:stretch;max-width:28em'>"
                + "".join(boxes) + "</div>")
    elif model.soort == "matrix":
        body = _matrix_html(model, selected)
    elif model.soort in ("scale", "continuum", "process"):
        joiner = "<div style='align-self:center;padding:0 2px'>→</div>" \
            if model.soort == "process" else ""
        numbered = model.soort != "continuum"
        boxes = [_box(lv, selected, n if numbered else None) for n, lv in enumerate(levels, start=1)]
        body = ("<div style='display:flex;flex-wrap:wrap;align-items:stretch'>"
                + joiner.join(boxes) + "</div>")
        if model.soort == "continuum":
            body += (f"<div style='color:{NEUTRAL};margin:2px 6px'>← {html.escape(levels[0].label)}"
                     f" · · · {html.escape(levels[-1].label)} →</div>")
    else:
        body = ("<div style='display:flex;flex-wrap:wrap'>"
                + "".join(_box(lv, selected) for lv in levels) + "</div>")
    if any(level.kenmerken for level in levels):
        body += _table_html(model, selected)
    direction = f"<div style='color:{NEUTRAL}'><small>{html.escape(model.richting)}</small></div>" \
        if model.richting else ""
    return f"<div class='lt-model lt-model-{model.soort}'>{body}{direction}</div>"


def _table_html(model: Model, selected: str | None) -> str:
    """The levels' kenmerken as a table: one row a level, one column a kenmerk."""
    columns = list(dict.fromkeys(key for lv in model.niveaus for key in (lv.kenmerken or {})))
    head = "".join(f"<th style='padding:4px 8px;text-align:left'>{html.escape(c)}</th>" for c in columns)
    rows = []
    for level in model.niveaus:
        style = "background:#FFF3D6;font-weight:bold" if level.id == selected else ""
        cells = "".join(f"<td style='padding:4px 8px'>{html.escape((level.kenmerken or {}).get(c, ''))}</td>"
                        for c in columns)
        rows.append(f"<tr style='{style}'><th style='padding:4px 8px;text-align:left'>"
                    f"{html.escape(level.label)}</th>{cells}</tr>")
    return (f"<table class='lt-tabel' style='margin-top:6px;border-collapse:collapse'><tr><th></th>{head}</tr>"
            + "".join(rows) + "</table>")


def _matrix_html(model: Model, selected: str | None) -> str:
    rows, cols = model.assen.rijen, model.assen.kolommen
    cells = {(lv.positie.rij, lv.positie.kolom): lv for lv in model.niveaus}
    head = "".join(f"<th style='padding:4px'>{html.escape(c)}</th>" for c in cols.waarden)
    lines = [f"<tr><th></th><th colspan='{len(cols.waarden)}' style='text-align:center'>"
             f"{html.escape(cols.naam)} →</th></tr>", f"<tr><th></th>{head}</tr>"]
    for i, row in enumerate(rows.waarden):
        axis = (f"<th rowspan='{len(rows.waarden)}' style='writing-mode:vertical-rl;"
                f"transform:rotate(180deg);padding:4px'>{html.escape(rows.naam)} →</th>") if i == 0 else ""
        tds = "".join(f"<td style='vertical-align:top'>{_box(cells[(row, c)], selected)}</td>"
                      if (row, c) in cells else "<td></td>" for c in cols.waarden)
        lines.append(f"<tr>{axis}<th style='padding:4px;text-align:right'>{html.escape(row)}</th>{tds}</tr>")
    return "<table style='border-collapse:separate'>" + "".join(lines) + "</table>"


def describe_model(model: Model) -> str:
    """A text alternative in Dutch: what the figure shows, in order."""
    kind = KIND_NAMES[model.soort]
    if model.soort == "matrix":
        parts = [f"{lv.label} ({model.assen.rijen.naam}: {lv.positie.rij}; "
                 f"{model.assen.kolommen.naam}: {lv.positie.kolom})" for lv in model.niveaus]
        return f"{kind} '{model.titel}' met {len(parts)} cellen: " + "; ".join(parts) + "."
    order = list(model.niveaus)
    parts = [f"{n}. {lv.label}" + (" (onwenselijk)" if lv.wenselijk is False else "")
             + (" [" + "; ".join(f"{k}: {v}" for k, v in lv.kenmerken.items()) + "]"
                if lv.kenmerken else "")
             for n, lv in enumerate(order, start=1)]
    reading = f" ({model.richting})" if model.richting else ""
    return f"{kind} '{model.titel}' met {len(parts)} onderdelen{reading}: " + "; ".join(parts) + "."


def _level_button(level, number: int | None = None) -> widgets.Button:
    """One level of the figure as a button: click (or Enter) shows its explanation."""
    text = (f"{number}. " if number is not None else "") + level.label
    if level.wenselijk is False:
        text += "\n✘ onwenselijk"
    elif level.wenselijk is True:
        text += "\n✔ wenselijk"
    button = widgets.Button(description=text, tooltip=f"Lees de uitleg bij '{level.label}'",
                            layout=shared_layout(width="auto", min_width="7em", margin="3px"),
                            style=button_style(),
                            _dom_classes=("lt-niveau-knop", "lt-niveau")
                            + (("lt-onwenselijk",) if level.wenselijk is False else ()))
    return button


def _wrap(children, **layout) -> widgets.Box:
    return widgets.Box(children, layout=shared_layout(display="flex", flex_flow="row wrap",
                                                      align_items="stretch", **layout))


def _label(text: str, **layout) -> widgets.HTML:
    return html_text(f"<div style='padding:4px;font-weight:bold'>{html.escape(text)}</div>",
                        layout=shared_layout(**layout))


class ModelViewer(Panel):
    """Shows a model from ``lexicon_data/models``; click a level to read its explanation.

    The levels are real buttons (mouse, Tab + Enter, screen readers); nothing else in the figure
    looks clickable.
    """

    css_classes = ("lt-modelviewer", "lt-widget")

    def __init__(self, model_id: str, lex=None):
        lex = lex or load_lexicon()
        model = lex.model(model_id)
        self.model = ModelViewerModel(model)
        lemma_title = lex.lemmas[model.lemma].titel if model.lemma in lex.lemmas else model.lemma
        self._levels = {}
        for number, level in enumerate(model.niveaus, start=1):
            numbered = model.soort in ("ladder", "scale", "process")
            button = _level_button(level, number if numbered else None)
            button.on_click(self._on_click(level.id))
            self._levels[level.id] = button
        self._table = html_text(_table_html(model, None)
                                   if any(lv.kenmerken for lv in model.niveaus) else "")
        shape = self._layout(model)
        shape.add_class("lt-model")
        shape.add_class(f"lt-model-{model.soort}")
        self._figure = widgets.VBox([shape, self._table] + (
            [html_text(f"<div style='color:{NEUTRAL}'><small>{html.escape(model.richting)}"
                          "</small></div>")] if model.richting else []), layout=shared_layout(),
            _dom_classes=("lt-model-figuur",))
        self._explanation = html_text()
        title = (f"<h4 style='margin:4px 0'>{html.escape(model.titel)}</h4>"
                 f"<p>{html.escape(model.uitleg)}</p><p style='color:{NEUTRAL};margin:2px 0'>"
                 "<small>Klik op een onderdeel om de uitleg te lezen.</small></p>")
        note = (f"<details><summary>Tekstalternatief en bronnotitie</summary>"
                f"<p>{html.escape(describe_model(model))}</p>"
                + (f"<p><i>Over de figuur:</i> {html.escape(model.opmerkingen)}</p>"
                   if model.opmerkingen else "")
                + f"<p>Boek: {html.escape(page_for_students(model.pagina, lemma_title))}.</p>"
                "</details>")
        super().__init__([style_sheet(), html_text(title), self._figure, self._explanation,
                          html_text(note)], layout=shared_layout())

    def _layout(self, model: Model) -> widgets.Widget:
        """The buttons placed like the book's figure: a ladder bottom-up, a row, or a matrix."""
        buttons = [self._levels[lv.id] for lv in model.niveaus]
        if model.soort == "ladder":
            return widgets.VBox(buttons[::-1], layout=shared_layout(max_width="28em",
                                                                   align_items="stretch"))
        if model.soort == "matrix":
            return self._matrix(model)
        if model.soort == "process":
            arrows = [html_text("<div style='padding:0 2px;align-self:center'>→</div>",
                                   layout=shared_layout(align_self="center")) for _ in buttons[1:]]
            return _wrap([x for pair in zip(buttons, arrows + [None]) for x in pair if x is not None])
        row = _wrap(buttons)
        if model.soort == "continuum":
            ends = html_text(f"<div style='color:{NEUTRAL};margin:2px 6px'>← "
                                f"{html.escape(model.niveaus[0].label)} · · · "
                                f"{html.escape(model.niveaus[-1].label)} →</div>")
            return widgets.VBox([row, ends], layout=shared_layout())
        return row

    def _matrix(self, model: Model) -> widgets.Widget:
        rows, cols = model.assen.rijen, model.assen.kolommen
        cells = {(lv.positie.rij, lv.positie.kolom): self._levels[lv.id] for lv in model.niveaus}
        grid = [html_text("")] + [_label(c) for c in cols.waarden]
        for row in rows.waarden:
            grid.append(_label(row))
            grid += [cells.get((row, c)) or html_text("") for c in cols.waarden]
        box = widgets.GridBox(grid, layout=shared_layout(
            grid_template_columns=f"minmax(6em, max-content) repeat({len(cols.waarden)}, "
                                  "minmax(7em, 1fr))", grid_gap="2px", max_width="100%"))
        head = html_text(f"<div style='color:{NEUTRAL}'><small>Rijen: {html.escape(rows.naam)}"
                            f" · kolommen: {html.escape(cols.naam)}</small></div>")
        return widgets.VBox([head, box], layout=shared_layout())

    def _on_click(self, level_id: str):
        return lambda _button: self.select(level_id)

    def select(self, level_id: str | None) -> None:
        """Select a level (None clears): highlight it and show its explanation."""
        level = self.model.select(level_id)
        for lid, button in self._levels.items():
            if lid == level_id:
                button.add_class("lt-gekozen")
            else:
                button.remove_class("lt-gekozen")
        if self._table.value:
            self._table.value = _table_html(self.model.model, level_id)
        self._explanation.value = "" if level is None else (
            f"<div class='lt-uitleg' role='status' style='border-left:4px solid {RIGHT};"
            f"padding-left:8px'><b>{html.escape(level.label)}</b><br>"
            f"{html.escape(level.uitleg)}</div>")
