"""Shared look of the widgets: colour-blind-safe colours (Okabe-Ito) and feedback markup.

Right and wrong are never told by colour alone: each carries a symbol and a word.
"""

__all__ = ["RIGHT", "WRONG", "NEUTRAL", "feedback_html", "status_html"]

import html

RIGHT = "#0072B2"    # blue
WRONG = "#D55E00"    # vermillion
NEUTRAL = "#555555"


def feedback_html(result: tuple[bool, str] | None) -> str:
    """Feedback for one answer: (right?, explanation), or None when no answer was given.

    Examples
    --------
    >>> feedback_html((True, "Klopt <zo>."))
    "<div class='lt-feedback lt-goed' style='color:#0072B2'>✔ <b>Goed.</b> Klopt &lt;zo&gt;.</div>"
    >>> feedback_html(None)
    "<div class='lt-feedback lt-leeg' style='color:#555555'>Kies eerst een antwoord.</div>"
    """
    if result is None:
        return f"<div class='lt-feedback lt-leeg' style='color:{NEUTRAL}'>Kies eerst een antwoord.</div>"
    right, text = result
    mark, word, css, colour = ("✔", "Goed.", "lt-goed", RIGHT) if right else \
        ("✘", "Niet goed.", "lt-fout", WRONG)
    return (f"<div class='lt-feedback {css}' style='color:{colour}'>{mark} <b>{word}</b> "
            f"{html.escape(text)}</div>")


def status_html(text: str) -> str:
    """The small save-status line under an answer; red when something could not be saved.

    Examples
    --------
    >>> status_html("Opgeslagen om 10:12")
    "<small class='lt-status' style='color:#555'>Opgeslagen om 10:12</small>"
    """
    colour = "#b00020" if "Niet opgeslagen" in text else "#555"
    return f"<small class='lt-status' style='color:{colour}'>{html.escape(text)}</small>"
