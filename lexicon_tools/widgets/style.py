"""Shared look of the widgets: colour-blind-safe colours (Okabe-Ito), feedback and status markup,
and one small style sheet that makes the widgets look finished.

Right and wrong are never told by colour alone: each carries a symbol and a word.
"""

__all__ = ["RIGHT", "WRONG", "NEUTRAL", "PLACEHOLDER", "NOTHING", "choice_dropdown", "show_choice", "chosen",
           "feedback_html", "status_html",
           "score_text", "strip_verdict", "style_sheet", "notices_html", "store_notices", "Panel", "LineAbove"]

import html
import re

import ipywidgets as widgets

RIGHT = "#0072B2"    # blue
WRONG = "#D55E00"    # vermillion
NEUTRAL = "#555555"
PLACEHOLDER = "— kies —"

# The widget CSS of ipywidgets cuts labels and buttons off with "…" (nowrap + ellipsis) and the
# browser shows text areas in a code font. Inside our widgets long labels wrap instead, buttons grow
# with their text, and answer boxes use the notebook's reading font.
_CSS = """
.lt-widget .widget-label, .lt-widget .jupyter-widget-label,
.lt-widget .widget-radio-box label, .lt-widget .widget-checkbox label {
  white-space: normal; overflow: visible; text-overflow: clip; height: auto;
  line-height: 1.35; }
.lt-widget .jupyter-button, .lt-widget .widget-button {
  white-space: normal; overflow: visible; text-overflow: clip; height: auto;
  min-height: var(--jp-widgets-inline-height, 28px); line-height: 1.3; padding: 4px 10px;
  max-width: 100%; }
.lt-widget textarea, .lt-widget input[type="text"], .widget-textarea textarea {
  font-family: var(--jp-content-font-family, system-ui, -apple-system, "Segoe UI", sans-serif);
  font-size: var(--jp-content-font-size1, 14px); line-height: 1.45; }
.lt-widget select { max-width: 100%; }
.lt-widget .lt-wrap { gap: 4px 12px; }
.lt-widget .widget-radio-box label { margin-bottom: 3px; display: flex; align-items: flex-start;
  gap: 6px; }
.lt-widget .widget-radio-box label input { flex: none; margin-top: 3px; order: -1; }
.lt-widget .lt-rij .widget-radio-box { flex-direction: row; flex-wrap: wrap; gap: 0 1.2em; }
.lt-widget .lt-niveau-knop { text-align: center; background: #fff; color: #111; white-space: pre-line;
  border: 1px solid #777; border-radius: 6px; cursor: pointer; }
.lt-widget .lt-niveau-knop:hover { background: #EEF5FB; }
.lt-widget .lt-niveau-knop:focus-visible { outline: 3px solid #0072B2; outline-offset: 1px; }
.lt-widget .lt-niveau-knop.lt-gekozen { border: 3px solid #000; background: #FFF3D6;
  font-weight: bold; }
.lt-widget .lt-niveau-knop.lt-onwenselijk { border-style: dashed; border-color: #D55E00; }
"""


def style_sheet() -> widgets.HTML:
    """A tiny invisible widget carrying the style sheet; put it first in a view with class lt-widget.

    A ``<style>`` inside an HTML widget applies in JupyterLab, Voilà and the classic notebook alike.
    Every view shows the same widget (one model, one comm message per kernel instead of three per
    view); the front end draws one copy of it in each view.
    """
    def make():
        sheet = html_text(f"<style>{_CSS}</style>", layout=shared_layout(display="none"))
        sheet.add_class("lt-stijl")
        return sheet

    return _shared(("style sheet", _CSS), make)


NOTHING = ""  # the placeholder's value in a dropdown (None would be drawn as an empty box)


def chosen(value):
    """A dropdown value as the model sees it: None for the placeholder."""
    return None if value == NOTHING else value


def show_choice(dropdown: widgets.Dropdown, value) -> None:
    """Select ``value``; None selects the placeholder."""
    dropdown.value = NOTHING if value is None else value


def _option(option) -> tuple:
    label, value = option if isinstance(option, tuple) else (option, option)
    return label, NOTHING if value is None else value


def choice_dropdown(options, value=None, **kwargs) -> widgets.Dropdown:
    """A dropdown that shows its placeholder ("— kies —") instead of an empty white box.

    ipywidgets draws a dropdown whose value is None as an empty box (index None), even when an
    option with value None exists, and jumps back to it when the student picks that option. So
    the placeholder gets the value ``""`` here; read values through :func:`chosen`.

    Examples
    --------
    >>> d = choice_dropdown([(PLACEHOLDER, None), ("Ja", "ja")], description="Keuze")
    >>> d.index, chosen(d.value), d.label
    (0, None, '— kies —')
    >>> d.value = "ja"; d.index = 0; (d.index, chosen(d.value))
    (0, None)
    """
    dropdown = widgets.Dropdown(options=[_option(o) for o in options], **kwargs)
    show_choice(dropdown, value)
    return dropdown


_VERDICT = re.compile(r"^\s*(juist|goed|correct|klopt|ja|nee|fout|onjuist|niet goed|helaas)"
                      r"\s*([.!,:;]|—|-)\s*", re.I)


def strip_verdict(text: str) -> str:
    """Feedback without a leading verdict word ("Juist.", "Nee, …"): the header already says it.

    Examples
    --------
    >>> strip_verdict("Nee. Het midden is wenselijk.")
    'Het midden is wenselijk.'
    >>> strip_verdict("Nee, dat is andersom.")
    'Dat is andersom.'
    >>> strip_verdict("Juist daar wonen mensen die weinig reizen.")
    'Juist daar wonen mensen die weinig reizen.'
    """
    rest = _VERDICT.sub("", text, count=1)
    if rest == text or not rest:
        return text
    return rest[0].upper() + rest[1:]


def feedback_html(result: tuple[bool, str] | None) -> str:
    """Feedback for one answer: (right?, explanation); '' when no answer was given.

    One verdict only: "✔ Goed" or "✘ Niet goed", then the explanation without its own "Juist."/"Nee.".

    Examples
    --------
    >>> feedback_html((True, "Juist. Klopt <zo>."))
    "<div class='lt-feedback lt-goed' style='color:#0072B2'>✔ <b>Goed</b> — Klopt &lt;zo&gt;.</div>"
    >>> feedback_html(None)
    ''
    """
    if result is None:
        return ""
    right, text = result
    mark, word, css, colour = ("✔", "Goed", "lt-goed", RIGHT) if right else \
        ("✘", "Niet goed", "lt-fout", WRONG)
    explanation = strip_verdict(text)
    tail = f" — {html.escape(explanation)}" if explanation else ""
    return f"<div class='lt-feedback {css}' style='color:{colour}'>{mark} <b>{word}</b>{tail}</div>"


def score_text(results: list[tuple[bool, str] | None]) -> str:
    """'Score: x van y ingevuld, z goed' for a list of results (None = not answered).

    Examples
    --------
    >>> score_text([(True, ""), None, (False, ""), None])
    'Score: 2 van 4 ingevuld, 1 goed'
    >>> score_text([None, None])
    'Nog niets ingevuld: kies eerst een antwoord.'
    """
    answered = [r for r in results if r is not None]
    if not answered:
        return "Nog niets ingevuld: kies eerst een antwoord."
    right = sum(1 for r in answered if r[0])
    return f"Score: {len(answered)} van {len(results)} ingevuld, {right} goed"


def status_html(text: str) -> str:
    """The small save-status line under an answer; red when something could not be saved.

    Examples
    --------
    >>> status_html("Opgeslagen om 10:12")
    "<small class='lt-status' style='color:#555'>Opgeslagen om 10:12</small>"
    """
    colour = "#b00020" if "Niet opgeslagen" in text else "#555"
    return f"<small class='lt-status' style='color:{colour}'>{html.escape(text)}</small>"


def store_notices(store, question_id: str | None = None) -> list[str]:
    """The answer store's warnings and conflict/retry notices (for one question where it can tell).

    Tolerant of older stores: only ``warnings`` is required; ``notices(question_id)`` or
    ``conflicts`` (a mapping or list of question ids) are used when the store has them.
    """
    if store is None:
        return []
    found = list(getattr(store, "warnings", []) or [])
    notices = getattr(store, "notices", None)
    if callable(notices):
        try:
            found += [str(n) for n in (notices(question_id) if question_id else notices()) or []]
        except TypeError:
            found += [str(n) for n in notices() or []]
    conflicts = getattr(store, "conflicts", None)
    if isinstance(conflicts, dict) and question_id in conflicts:
        found.append(str(conflicts[question_id]))
    return list(dict.fromkeys(found))


def notices_html(store, question_id: str | None = None) -> str:
    """The store's notices as red lines with a warning sign; '' when there are none."""
    return "".join(f"<div class='lt-melding' style='color:#b00020'>⚠ {html.escape(n)}</div>"
                   for n in store_notices(store, question_id))


# -- light widgets: one shared Layout and style object for many widgets ----------------------------
# Every ipywidget gets its own Layout and style model unless given one; each is a widget with its
# own comm message. A notebook shows hundreds of small HTML, dropdown and box widgets that never
# change their layout, so they share one (per kernel, per settings). Never pass a shared layout to
# a widget whose layout is changed later (e.g. ``layout.display`` to hide it).
_SHARED: dict = {}


def _shared(key, make):
    """The shared widget under ``key``; a new one when there is none or it was closed (a closed
    widget has no comm any more and cannot be shown)."""
    found = _SHARED.get(key)
    if found is None or found.comm is None:
        found = _SHARED[key] = make()
    return found


def shared_layout(**settings) -> widgets.Layout:
    """One Layout per distinct settings, shared by every widget that uses these settings."""
    return _shared(("layout", tuple(sorted(settings.items()))), lambda: widgets.Layout(**settings))


def _shared_style(cls, **settings):
    return _shared((cls.__name__, tuple(sorted(settings.items()))), lambda: cls(**settings))


def html_text(value: str = "", **kwargs) -> widgets.HTML:
    """An HTML widget with the shared default layout and style (for static or feedback text)."""
    from ipywidgets.widgets.widget_string import HTMLStyle

    kwargs.setdefault("layout", shared_layout())
    kwargs.setdefault("style", _shared_style(HTMLStyle))
    return widgets.HTML(value, **kwargs)


def light_box(children, vertical: bool = True, **layout) -> widgets.Box:
    """A VBox/HBox whose layout (given as keywords) is shared with every box like it."""
    cls = widgets.VBox if vertical else widgets.HBox
    return cls(children, layout=shared_layout(**layout))


def description_style(**settings):
    """A shared DescriptionStyle (e.g. ``description_width="initial"``)."""
    from ipywidgets.widgets.widget_description import DescriptionStyle

    return _shared_style(DescriptionStyle, **settings)


def button_style(**settings):
    """A shared ButtonStyle (only for buttons whose colours never change)."""
    return _shared_style(widgets.ButtonStyle, **settings)


def check_buttons(check_tip: str, retry_tip: str) -> tuple[widgets.Button, widgets.Button]:
    """The 'Controleer' and 'Opnieuw' buttons of a quiz or sort task (one shared layout and style:
    neither ever changes its look)."""
    check = widgets.Button(description="Controleer", button_style="primary",
                           layout=shared_layout(width="auto"), style=button_style(),
                           tooltip=check_tip)
    retry = widgets.Button(description="Opnieuw", layout=shared_layout(width="auto"),
                           style=button_style(), tooltip=retry_tip)
    return check, retry


class UndoOnDemand:
    """The 'Zet keuzes terug' button of a quiz or sort task, made only when first needed.

    Until a student presses 'Opnieuw' the button would be hidden anyway, so most views never make
    it (two widget models fewer each). Made, it goes right after 'Opnieuw' in ``self._buttons``;
    it is shown and hidden through a layout of its own, never a shared one. The view defines
    ``_buttons`` and ``_on_undo``.
    """

    _undo_button = None

    @property
    def _undo(self) -> widgets.Button:
        if self._undo_button is None:
            button = widgets.Button(description="Zet keuzes terug", icon="undo",
                                    layout=widgets.Layout(width="auto", display="none"),
                                    style=button_style(),
                                    tooltip="Haal de keuzes terug die je net hebt gewist")
            button.on_click(lambda _: self._on_undo())
            self._undo_button = button
            row = self._buttons
            row.children = row.children[:2] + (button,) + row.children[2:]
        return self._undo_button

    def _show_undo(self, shown: bool) -> None:
        if shown:
            self._undo.layout.display = None
        elif self._undo_button is not None:
            self._undo_button.layout.display = "none"


def button_row(children) -> widgets.HBox:
    """The wrapping row of buttons (and score) under a quiz or sort task, with a shared layout."""
    return widgets.HBox(children, layout=shared_layout(flex_flow="row wrap", align_items="center"))


def text_style(**settings):
    """A shared TextStyle for text fields and text areas (e.g. ``description_width="initial"``)."""
    from ipywidgets.widgets.widget_string import TextStyle

    return _shared_style(TextStyle, **settings)


def toggle_style(**settings):
    """A shared ToggleButtonsStyle (e.g. ``button_width="2.6em"``)."""
    return _shared_style(widgets.ToggleButtonsStyle, **settings)


def checkbox_style(**settings):
    """A shared CheckboxStyle (for check boxes whose style never changes)."""
    from ipywidgets.widgets.widget_bool import CheckboxStyle

    return _shared_style(CheckboxStyle, **settings)


def text_area(value: str = "", layout: dict | None = None, style: dict | None = None,
              **kwargs) -> widgets.Textarea:
    """A Textarea whose layout and style (given as dicts of settings) are shared with every text
    area like it; only for text areas whose layout never changes."""
    return widgets.Textarea(value=value, layout=shared_layout(**(layout or {})),
                            style=text_style(**(style or {})), **kwargs)


class LineAbove:
    """A feedback line and the text of the next item in ONE HTML widget: one widget model fewer
    per item of a quiz or sort task. ``gap`` (px) stands for the margins of the two widgets it
    replaces (bottom of the feedback widget plus top of the next one), so it looks the same, with
    and without feedback. Set the feedback with ``.value``, as on an HTML widget, and the lower
    text with ``.below`` (e.g. a reflection's save status above its notices)."""

    def __init__(self, below_html: str, gap: int, above_html: str = ""):
        self._below, self._gap, self._value = below_html, gap, above_html
        self.widget = html_text(self._html())

    def _html(self) -> str:
        return f"<div style='margin-bottom:{self._gap}px'>{self._value}</div><div>{self._below}</div>"

    @property
    def value(self) -> str:
        return self._value

    @value.setter
    def value(self, text: str) -> None:
        self._show(text, self._below)

    @property
    def below(self) -> str:
        return self._below

    @below.setter
    def below(self, text: str) -> None:
        self._show(self._value, text)

    def _show(self, above: str, below: str) -> None:
        if (above, below) != (self._value, self._below):
            self._value, self._below = above, below
            self.widget.value = self._html()


class Panel(widgets.VBox):
    """A VBox for the kit's views that prints as its name only.

    ipywidgets' ``__repr__`` (the text/plain shown next to every displayed widget) walks all
    children and their traits; for a sort task or a quiz that costs milliseconds per cell, which a
    whole class running a notebook at once pays hundreds of times."""

    css_classes: tuple = ()  # given at construction: add_class() afterwards costs a message each

    def __init__(self, children=(), **kwargs):
        kwargs.setdefault("_dom_classes", tuple(self.css_classes))
        super().__init__(children, **kwargs)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

