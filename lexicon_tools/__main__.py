"""Command line: ``python -m lexicon_tools check [MAP]``."""

import argparse
import sys
from pathlib import Path

from .errors import Problem
from .exercises import check_exercises
from .loading import check_lexicon
from . import settings

USAGE = """Gebruik:
  python -m lexicon_tools check            controleer lexicon_data/ en exercises/
  python -m lexicon_tools check MAP        controleer een map (lexicon_data of oefeningen)
  python -m lexicon_tools maak-notebook --lemmas a,b,c --titel "Les 3" --uit les3.ipynb
                                           maak een lesnotebook met deze lemma's
  python -m lexicon_tools inleveren [--notebook NAAM] [--naam "..."] [--studentnummer ...] [--uit MAP]
                                           schrijf je antwoorden (één notebook of alles) naar
                                           een Markdown- en een HTML-bestand om in te leveren
                                           (--gevoelig: ook gevoelige antwoorden)
  python -m lexicon_tools qti --lemmas a,b --uit toets.zip
                                           de quizvragen van deze lemma's als QTI-pakket voor
                                           Canvas of Brightspace"""


def check(folder: str | None) -> int:
    """Check the content and print OK with counts, or one Dutch line per problem; exit code."""
    problems: list[Problem] = []
    counts = []
    if folder is None or (Path(folder) / "clusters.yaml").exists():
        lex, found = check_lexicon(folder)
        problems += found
        if lex:
            counts.append(f"{len(lex.lemmas)} lemma's, {len(lex.clusters)} clusters, "
                          f"{len(lex.models)} modellen")
    if folder is not None and not Path(folder).is_dir():
        problems.append(Problem(folder, "deze map bestaat niet. Geef het pad naar een map, bijv. "
                                "'exercises' of 'lexicon_data'."))
    elif folder is None or not (Path(folder) / "clusters.yaml").exists():
        lex, _ = check_lexicon()
        questions, found = check_exercises(folder or settings.EXERCISES_DIR, lex)
        problems += found
        counts.append(f"{len(questions)} vragen in oefenbestanden")
        if folder is not None and Path(folder).resolve() != settings.EXERCISES_DIR.resolve():
            ours, _ = check_exercises(settings.EXERCISES_DIR, lex)
            replaced = sum(1 for key in questions if key in ours)
            counts.append(f"{replaced} daarvan vervangen een vraag met dezelfde id uit exercises/, "
                          f"{len(questions) - replaced} zijn nieuw")
    if problems:
        print(f"NIET OK: {len(problems)} probleem/problemen gevonden.\n")
        for problem in problems:
            print(f"- {problem}")
        print("\nHerstel de bestanden en voer de controle opnieuw uit.")
        return 1
    print("OK: " + "; ".join(counts) + ".")
    return 0


def make_notebook(lemmas: str, title: str, target: str) -> int:
    """Build a lesson notebook for the given lemma ids; print where it went or what is wrong."""
    from .errors import LexiconError
    from .notebook_builder import build_notebook, write_notebook

    ids = [part.strip() for part in lemmas.split(",") if part.strip()]
    if not ids:
        print("Geef minstens één lemma, bijv. --lemmas wederkerigheid,vertrouwen")
        return 1
    path = Path(target)
    if path.suffix != ".ipynb":
        path = path.with_suffix(".ipynb")
    try:
        notebook = build_notebook(ids, title, path.stem)
    except LexiconError as exc:
        print(f"NIET GELUKT: {exc}")
        return 1
    write_notebook(notebook, path)
    print(f"OK: {path} gemaakt met {len(ids)} lemma's. Open het in JupyterLab en kies Run All.")
    return 0


def hand_in(notebook: str, name: str | None, number: str | None, target: str,
            include_sensitive: bool = False) -> int:
    """Write the hand-in files (logic in :mod:`lexicon_tools.handin_cli`)."""
    from .handin_cli import hand_in_command

    return hand_in_command(notebook, name, number, target, include_sensitive)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lexicon_tools", usage=USAGE, add_help=True)
    parser.add_argument("command", choices=["check", "maak-notebook", "inleveren", "qti"],
                        help="wat er moet gebeuren")
    parser.add_argument("map", nargs="?", default=None, help="de map om te controleren")
    parser.add_argument("--lemmas", default="", help="lemma-id's, gescheiden door komma's")
    parser.add_argument("--titel", default="Les", help="de titel van het notebook")
    parser.add_argument("--uit", default=None, help="het bestand (of de map) dat gemaakt wordt")
    parser.add_argument("--notebook", default="", help="alleen de antwoorden van dit notebook")
    parser.add_argument("--naam", default=None, help="je naam (anders: de naam in het notebook)")
    parser.add_argument("--studentnummer", default=None, help="je studentnummer")
    parser.add_argument("--gevoelig", action="store_true",
                        help="neem ook gevoelige antwoorden (zoals de afstandsschaal) mee")
    args = parser.parse_args(argv)
    if args.command == "inleveren":
        return hand_in(args.notebook, args.naam, args.studentnummer, args.uit or ".",
                       args.gevoelig)
    if args.command == "qti":
        from .handin_cli import qti_command

        return qti_command(args.lemmas, args.uit, args.titel if args.titel != "Les" else None)
    if args.command == "maak-notebook":
        return make_notebook(args.lemmas, args.titel, args.uit or "les.ipynb")
    return check(args.map)


if __name__ == "__main__":
    sys.exit(main())
