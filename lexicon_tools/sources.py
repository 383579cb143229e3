"""Which question folders and which data folder are in use, and why: ``lt.bronnen()`` in a
notebook, ``nabijheid bronnen`` in a terminal.
"""

__all__ = ["Sources", "bronnen"]

import html
from dataclasses import dataclass
from pathlib import Path

from . import settings
from .exercises import Layer, active_layers, exercise_set


@dataclass(frozen=True)
class Sources:
    """What the kit reads, in order, with the reason for each choice (all text in Dutch)."""

    layers: tuple[Layer, ...]
    data_dir: Path
    data_why: str
    config_file: Path
    answers_dir: Path
    warnings: tuple[str, ...]
    book: str = ""  # the user's own copy of the book (NABIJHEID_LEXICON), with its origin
    answers_why: str = ""

    def lines(self) -> list[str]:
        """The explanation as lines of plain text."""
        out = ["Vragen en opdrachten (een latere map vervangt een vraag met dezelfde id):"]
        for number, layer in enumerate(self.layers, start=1):
            out.append(f"  {number}. {layer.path}")
            out.append(f"     waarom: {layer.why}")
        out += ["Lemma's en modellen:", f"  {self.data_dir}", f"     waarom: {self.data_why}",
                f"Antwoorden van de student: {self.answers_dir}",
                f"     waarom: {self.answers_why}",
                f"Eigen exemplaar van het boek: {self.book or 'niet ingesteld (NABIJHEID_LEXICON)'}",
                f"Eigen instellingenbestand: {self.config_file}"
                + ("" if self.config_file.is_file() else " (bestaat nog niet)")]
        if self.warnings:
            out.append("Let op:")
            out += [f"  - {w}" for w in self.warnings]
        else:
            out.append("Geen problemen gevonden in deze mappen en instellingen.")
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def _repr_html_(self) -> str:
        return f"<pre>{html.escape(str(self))}</pre>"


def bronnen() -> Sources:
    """Which question folders, data folder, answers folder and config file are in use, and why.

    Examples
    --------
    >>> "Vragen en opdrachten" in str(bronnen())
    True
    """
    layers, _ = active_layers()
    loaded = exercise_set()
    problems = [str(p) for p in settings.config_problems()]
    root = settings.find_course_root()
    why = "ze horen bij de code van het geïnstalleerde pakket"
    if root and (root / "lexicon_data").resolve() != settings.DATA_DIR.resolve():
        why += f" (de map lexicon_data/ in {root} wordt niet gelezen)"
    book, origin = settings.setting_origin("NABIJHEID_LEXICON")
    chosen, answers_origin = settings.setting_origin("NABIJHEID_DATA")
    answers_why = (f"ingesteld met {answers_origin}" if chosen else
                   "de vaste plek voor jouw gebruiker, buiten de notebooks (een andere plek kies "
                   "je met de omgevingsvariabele NABIJHEID_DATA)")
    return Sources(tuple(layers), settings.DATA_DIR, why, settings.config_file(),
                   settings.answers_dir(), tuple(dict.fromkeys([*problems, *loaded.warnings])),
                   f"{book} ({origin})" if book else "", answers_why)
