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
                                           een Markdown- en een HTML-bestand om in te leveren"""


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


def hand_in(notebook: str, name: str | None, number: str | None, target: str) -> int:
    """Write the hand-in files for one notebook or for all notebooks with saved answers."""
    from .answers import AnswerStore, notebook_slug
    from .errors import LexiconError
    from .export import answer_stores, collect_hand_in, write_hand_in

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
        hand = collect_hand_in(stores, naam=name, studentnummer=number)
        stem = f"antwoorden_{stores[0].notebook}" if notebook else "antwoorden_alles"
        paths = write_hand_in(hand, target, stem=stem)
    except (OSError, LexiconError) as exc:
        print(f"NIET GELUKT: {exc}")
        return 1
    answered = sum(1 for rows in hand.notebooks.values() for _, _, a in rows if a)
    print(f"OK: {answered} antwoorden uit {len(hand.notebooks)} notebook(s) geschreven naar "
          + " en ".join(str(p) for p in paths) + ".")
    if not hand.naam:
        print("Let op: er staat geen naam in. Geef die mee met --naam \"Voornaam Achternaam\".")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lexicon_tools", usage=USAGE, add_help=True)
    parser.add_argument("command", choices=["check", "maak-notebook", "inleveren"],
                        help="wat er moet gebeuren")
    parser.add_argument("map", nargs="?", default=None, help="de map om te controleren")
    parser.add_argument("--lemmas", default="", help="lemma-id's, gescheiden door komma's")
    parser.add_argument("--titel", default="Les", help="de titel van het notebook")
    parser.add_argument("--uit", default=None, help="het bestand (of de map) dat gemaakt wordt")
    parser.add_argument("--notebook", default="", help="alleen de antwoorden van dit notebook")
    parser.add_argument("--naam", default=None, help="je naam (anders: de naam in het notebook)")
    parser.add_argument("--studentnummer", default=None, help="je studentnummer")
    args = parser.parse_args(argv)
    if args.command == "inleveren":
        return hand_in(args.notebook, args.naam, args.studentnummer, args.uit or ".")
    if args.command == "maak-notebook":
        return make_notebook(args.lemmas, args.titel, args.uit or "les.ipynb")
    return check(args.map)


if __name__ == "__main__":
    sys.exit(main())
