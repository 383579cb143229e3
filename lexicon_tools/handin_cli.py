"""The command-line side of handing in and of the QTI export (called from ``__main__``).

Every function prints Dutch lines and returns an exit code; it never says OK while something was
left out.
"""

__all__ = ["hand_in_command", "qti_command"]

from pathlib import Path

from . import settings
from .answers import AnswerStore, notebook_slug
from .errors import LexiconError


def hand_in_command(notebook: str, name: str | None, number: str | None, target: str,
                    include_sensitive: bool = False) -> int:
    """Write the hand-in files for one notebook or for all notebooks with saved answers."""
    from .export import (answer_stores, collect_hand_in, hand_in_stem, store_warnings,
                         write_hand_in)

    folder = settings.answers_dir()
    try:
        if notebook:
            path = folder / f"{notebook_slug(notebook)}.json"
            if not path.exists():
                known = ", ".join(s.notebook for s in answer_stores(folder)) or "nog geen"
                print(f"NIET GELUKT: er zijn geen antwoorden van notebook '{notebook}' in {folder}. "
                      f"Notebooks met antwoorden: {known}.")
                return 1
            stores = [AnswerStore(notebook, folder)]
        else:
            stores = answer_stores(folder)
            if not stores:
                print(f"NIET GELUKT: er zijn nog geen antwoorden opgeslagen in {folder}.")
                return 1
        hand = collect_hand_in(stores, naam=name, studentnummer=number,
                               include_sensitive=include_sensitive)
        paths = write_hand_in(hand, target, stem=hand_in_stem(hand, everything=not notebook))
    except (OSError, LexiconError) as exc:
        print(f"NIET GELUKT: {exc}")
        return 1
    answered = sum(1 for rows in hand.notebooks.values() for row in rows if row.antwoord)
    warnings = store_warnings(stores)
    head = "LET OP" if warnings else "OK"
    print(f"{head}: {answered} antwoorden uit {len(hand.notebooks)} notebook(s) geschreven naar "
          + " en ".join(str(p) for p in paths) + ".")
    for warning in warnings:
        print(f"- Niet meegenomen: {warning}")
    if hand.weggelaten:
        print(f"{hand.weggelaten} gevoelig(e) antwoord(en) (zoals de afstandsschaal) zijn niet "
              "meegenomen. Wil je ze toch inleveren, voeg dan --gevoelig toe.")
    if not hand.studentnummer:
        print("Let op: er staat geen studentnummer in. Geef het mee met --studentnummer 1234567.")
    if not hand.naam:
        print("Let op: er staat geen naam in. Geef die mee met --naam \"Voornaam Achternaam\".")
    return 1 if warnings else 0


def qti_command(lemmas: str, target: str | None, title: str | None = None) -> int:
    """Export the chosen lemmas' quiz questions as a QTI package (zip)."""
    from .qti import export_qti

    ids = [part.strip() for part in (lemmas or "").split(",") if part.strip()]
    if not ids:
        print("Geef minstens één lemma, bijv. --lemmas wederkerigheid,vertrouwen")
        return 1
    path = Path(target or "toets.zip")
    if path.suffix.lower() != ".zip":
        path = path.with_suffix(".zip")
    try:
        count = export_qti(ids, path, title=title)
    except (OSError, LexiconError) as exc:
        print(f"NIET GELUKT: {exc}")
        return 1
    print(f"OK: {count} quizvragen van {len(ids)} lemma('s) in {path}. Importeer dit bestand in "
          "Canvas (Instellingen → Cursusinhoud importeren → QTI-zip) of Brightspace "
          "(Quizzen → Vragenbibliotheek → Importeren).")
    return 0
