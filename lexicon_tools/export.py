"""Hand-in files: a notebook's questions and a student's answers as readable Markdown."""

__all__ = ["answers_markdown", "export_markdown"]

from datetime import datetime
from pathlib import Path

from .answers import AnswerStore


def answers_markdown(store: AnswerStore, naam: str = "", now: datetime | None = None) -> str:
    """The questions and answers of one notebook as Markdown.

    Examples
    --------
    >>> import tempfile
    >>> store = AnswerStore("demo", folder=tempfile.mkdtemp(), delay=0)
    >>> store.set("v1", "Dichtbij zijn.", question="Wat is nabijheid?")
    >>> print(answers_markdown(store, naam="Sam", now=datetime(2026, 1, 5, 9, 30)))
    # Antwoorden bij notebook 'demo'
    <BLANKLINE>
    - Naam: Sam
    - Datum: 5-1-2026 09:30
    <BLANKLINE>
    ## Wat is nabijheid?
    <BLANKLINE>
    Dichtbij zijn.
    <BLANKLINE>
    """
    now = now or datetime.now()
    lines = [f"# Antwoorden bij notebook '{store.notebook}'", "",
             f"- Naam: {naam.strip() or '(niet ingevuld)'}",
             f"- Datum: {now.day}-{now.month}-{now.year} {now:%H:%M}", ""]
    for key, entry in store.answers().items():
        if key.startswith("_"):  # bookkeeping such as the student's name
            continue
        question = entry.get("vraag") or key
        answer = entry.get("tekst", "").strip() or "*(nog niet beantwoord)*"
        lines += [f"## {question}", "", answer, ""]
    return "\n".join(lines)


def export_markdown(store: AnswerStore, path: str | Path | None = None, naam: str = "") -> Path:
    """Write the hand-in file (default ``antwoorden_<notebook>.md`` in the current folder)."""
    store.flush()
    target = Path(path) if path else Path.cwd() / f"antwoorden_{store.notebook}.md"
    target.write_text(answers_markdown(store, naam=naam), encoding="utf-8")
    return target
