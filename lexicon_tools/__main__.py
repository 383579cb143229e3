"""Command line: ``nabijheid <commando>`` (or ``python -m lexicon_tools <commando>``).

Every subcommand is one row in :data:`COMMANDS`: its name, help text, a function that adds its
arguments and a function that runs it and returns the exit code. To add a subcommand, add a row.
Problems are printed in Dutch, never as a traceback.
"""

import argparse
import os
import sys
import warnings
from pathlib import Path

from . import settings
from .errors import LexiconError, LexiconWarning, Problem


# -- check -----------------------------------------------------------------------------------------
def check(folder: str | None) -> int:
    """Check the content and print OK with counts, or one Dutch line per problem; exit code."""
    from .loading import check_lexicon

    problems: list[Problem] = []
    counts: list[str] = []
    if folder is not None and not Path(folder).expanduser().is_dir():
        problems.append(Problem(folder, "deze map bestaat niet. Geef het pad naar een map, bijv. "
                                "'exercises' of 'lexicon_data'."))
    elif folder is not None and (Path(folder).expanduser() / "clusters.yaml").exists():
        lex, found = check_lexicon(Path(folder).expanduser())
        problems += found
        if lex:
            counts.append(_lexicon_counts(lex))
    else:
        lex, found = check_lexicon()
        if folder is None:
            problems += found + settings.config_problems()
            counts.append(_lexicon_counts(lex) if lex else "")
        problems += _check_questions(folder, lex, counts)
    code = _report(problems, [c for c in counts if c])
    if not problems and (folder is None or not (Path(folder).expanduser() / "clusters.yaml").exists()):
        _print_item_statistics(folder)
    return code


def _print_item_statistics(folder: str | None) -> None:
    """How the multiple-choice questions score on item-writing standards (issue 15)."""
    from .exercises import active_layers
    from .item_stats import item_statistics

    target = Path(folder).expanduser() if folder is not None else active_layers()[0][0].path
    stats = item_statistics(target)
    if stats.questions:
        print("\n" + stats.summary())


def _lexicon_counts(lex) -> str:
    return f"{len(lex.lemmas)} lemma's, {len(lex.clusters)} clusters, {len(lex.models)} modellen"


def _check_questions(folder: str | None, lex, counts: list[str]) -> list[Problem]:
    from .exercises import active_layers, check_exercises, check_override_folder

    layers, notes = active_layers()
    problems = [Problem("instelling", note) for note in notes] if folder is None else []
    targets = [folder] if folder is not None else [str(layer.path) for layer in layers]
    for target in targets:
        path = Path(target).expanduser().resolve()
        if path == layers[0].path:
            questions, found = check_exercises(path, lex, skip=[l.path for l in layers[1:]])
            counts.append(f"{len(questions)} vragen in {path.name}/")
        else:
            questions, found, replaces = check_override_folder(path, lex)
            replaced = sum(replaces.values())
            counts.append(f"{len(questions)} vragen in oefenbestanden; {replaced} daarvan vervangen "
                          f"een vraag met dezelfde id uit {layers[0].path.name}/, "
                          f"{len(questions) - replaced} zijn nieuw")
        problems += found
    return problems


def _report(problems: list[Problem], counts: list[str]) -> int:
    if problems:
        count = len(problems)
        print(f"NIET OK: {count} {'probleem' if count == 1 else 'problemen'} gevonden.\n")
        for problem in problems:
            print(f"- {problem}")
        print("\nHerstel de bestanden en voer de controle opnieuw uit.")
        return 1
    print("OK: " + "; ".join(counts) + ".")
    return 0


# -- maak-notebook ---------------------------------------------------------------------------------
def make_notebook(lemmas: str, title: str, target: str, overwrite: bool = False) -> int:
    """Build a lesson notebook for the given lemma ids; print where it went or what is wrong."""
    from .notebook_builder import build_notebook, write_notebook

    ids = [part.strip() for part in lemmas.split(",") if part.strip()]
    if not ids:
        print("NIET GELUKT: geef minstens één lemma, bijv. --lemmas wederkerigheid,vertrouwen")
        return 1
    path = _notebook_path(target, title)
    if path.exists() and not overwrite:
        print(f"NIET GELUKT: {path} bestaat al en wordt niet overschreven. Kies een andere naam met "
              "--uit, of voeg --overschrijf toe om het te vervangen (bewaarde antwoorden van "
              "studenten blijven staan; alleen het notebook wordt vervangen).")
        return 1
    try:
        notebook = build_notebook(ids, title, path.stem)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_notebook(notebook, path)
    except LexiconError as exc:
        print(f"NIET GELUKT: {exc}")
        return 1
    except OSError as exc:
        print(f"NIET GELUKT: {path} kan niet geschreven worden ({exc.strerror or exc}). Kies een map "
              "waarin je mag schrijven, bijv. --uit ~/les3.ipynb.")
        return 1
    lemmas = "1 lemma" if len(ids) == 1 else f"{len(ids)} lemma's"
    print(f"OK: {path} gemaakt met {lemmas}. Open het in JupyterLab en kies "
          "Uitvoeren → Run All Cells.")
    return 0


def _notebook_path(target: str, title: str) -> Path:
    from .answers import notebook_slug

    path = Path(target).expanduser()
    if path.is_dir():
        return path / f"{notebook_slug(title) or 'les'}.ipynb"
    return path if path.suffix == ".ipynb" else path.with_name(path.name + ".ipynb")


# -- inleveren -------------------------------------------------------------------------------------
def hand_in(notebook: str, name: str | None, number: str | None, target: str,
            include_sensitive: bool = False) -> int:
    """Write the hand-in files (logic in :mod:`lexicon_tools.handin_cli`)."""
    from .handin_cli import hand_in_command

    return hand_in_command(notebook, name, number, target, include_sensitive)


def qti(lemmas: str, target: str | None, title: str | None) -> int:
    """Export the quiz questions of these lemmas as a QTI package (see :mod:`lexicon_tools.qti`)."""
    from .handin_cli import qti_command

    return qti_command(lemmas, target, title)


# -- bronnen ---------------------------------------------------------------------------------------
def sources() -> int:
    """Print which question folders, data folder and config file are in use, and why."""
    from .sources import bronnen

    found = bronnen()
    print(found)
    return 1 if found.warnings else 0


# -- instellen and kopieer -------------------------------------------------------------------------
def configure(folder: str) -> int:
    """Create the lecturer's folder and write it into the user's nabijheid.toml (any OS)."""
    path = Path(folder).expanduser().resolve()
    config = settings.config_file()
    try:
        path.mkdir(parents=True, exist_ok=True)
        lines = _config_lines(config)
        lines = [l for l in lines if not l.strip().startswith("oefeningen")]
        lines.append(f"oefeningen = {_toml_string(str(path))}")
        config.parent.mkdir(parents=True, exist_ok=True)
        config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    except OSError as exc:
        print(f"NIET GELUKT: {exc.filename or path} kan niet gemaakt worden ({exc.strerror or exc}).")
        return 1
    print(f"OK: je eigen vragen staan voortaan in {path}.\nDit staat in {config}. Bekijk het "
          "resultaat met: nabijheid bronnen")
    return 0


def _config_lines(config: Path) -> list[str]:
    try:
        return config.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []


def _toml_string(value: str) -> str:
    """A TOML literal string (no escapes: Windows backslashes stay as they are)."""
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _own_file_with(question_id: str, folder: Path) -> Path | None:
    """The file in the lecturer's folder that already holds this id, if any."""
    from .exercises import _line_of, exercise_files

    if not folder.is_dir():
        return None
    for path in exercise_files(folder)[0]:
        try:
            if _line_of(path.read_text(encoding="utf-8"), question_id):
                return path
        except (OSError, UnicodeDecodeError):
            continue
    return None


def copy_question(question_id: str, folder: str | None, overwrite: bool = False) -> int:
    """Write one of our questions into the lecturer's folder as its own small file, to change."""
    from .exercises import exercise_set, question_yaml

    target_dir = Path(folder).expanduser() if folder else None
    if target_dir is None:
        own = settings.setting("NABIJHEID_OEFENINGEN")
        if not own:
            print("NIET GELUKT: er is nog geen eigen map ingesteld. Doe eerst: nabijheid instellen "
                  "--oefeningen ~/mijn-oefeningen (of geef --naar MAP).")
            return 1
        target_dir = Path(own).expanduser()
    already = _own_file_with(question_id, target_dir)
    if already is not None and already.name != f"{question_id}.yaml":
        print(f"NIET GELUKT: vraag '{question_id}' staat al in je eigen map, in {already}. "
              "Verander haar daar; een tweede kopie zou dezelfde id twee keer geven.")
        return 1
    text = question_yaml(question_id)
    target = target_dir / f"{question_id}.yaml"
    if target.exists() and not overwrite:
        print(f"NIET GELUKT: {target} bestaat al. Open en verander dat bestand, of voeg "
              "--overschrijf toe om opnieuw te beginnen.")
        return 1
    target_dir.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"OK: vraag '{question_id}' staat nu in {target}. Verander daar de tekst (laat de id "
          "staan) en controleer met: nabijheid check " + str(target_dir))
    return 0


def list_questions(lemma: str) -> int:
    """Print the ids of the questions and tasks of one lemma in use, with their first words."""
    from .exercises import KIND_NAMES, exercise_set

    loaded = exercise_set()
    rows = [(i, item) for i, item in loaded.items.items() if loaded.lemmas.get(i) == lemma]
    if not rows:
        known = sorted({l for l in loaded.lemmas.values() if l})
        import difflib

        close = difflib.get_close_matches(lemma, known, n=3)
        hint = f" Bedoel je: {', '.join(close)}?" if close else ""
        print(f"NIET GELUKT: er zijn geen vragen bij lemma '{lemma}'.{hint}")
        return 1
    for item_id, item in rows:
        text = " ".join(str(getattr(item, "vraag", None) or getattr(item, "opdracht", "")).split())
        print(f"{item_id:<28} {KIND_NAMES[type(item)]:<20} {text[:70]}")
    print(f"\nVerander een vraag met: nabijheid kopieer {rows[0][0]}")
    return 0


# -- the table of subcommands ----------------------------------------------------------------------
def _args_check(p):
    p.add_argument("map", nargs="?", default=None,
                   help="de map om te controleren (standaard: alles wat in gebruik is)")


def _args_make(p):
    p.add_argument("--lemmas", default="", help="lemma-id's, gescheiden door komma's")
    p.add_argument("--titel", default="Les", help="de titel van het notebook")
    p.add_argument("--uit", default="les.ipynb", help="het notebook (of de map) dat gemaakt wordt")
    p.add_argument("--overschrijf", action="store_true", help="vervang een bestaand notebook")


def _args_hand_in(p):
    p.add_argument("--notebook", default="", help="alleen de antwoorden van dit notebook")
    p.add_argument("--naam", default=None, help="je naam (anders: de naam in het notebook)")
    p.add_argument("--studentnummer", default=None, help="je studentnummer")
    p.add_argument("--uit", default=".", help="de map waarin de bestanden komen")
    p.add_argument("--gevoelig", action="store_true",
                   help="neem ook gevoelige antwoorden (zoals de afstandsschaal) mee")


def _args_qti(p):
    p.add_argument("--lemmas", default="", help="lemma-id's, gescheiden door komma's")
    p.add_argument("--uit", default=None, help="het zip-bestand dat gemaakt wordt")
    p.add_argument("--titel", default=None, help="de titel van de toets")


def _none(p):
    pass


def _args_configure(p):
    p.add_argument("--oefeningen", required=True, help="de map met je eigen vragen")


def _args_list(p):
    p.add_argument("lemma", help="de id van een lemma, bijv. vertrouwen")


def _args_copy(p):
    p.add_argument("id", help="de id van de vraag, bijv. vertrouwen-r1")
    p.add_argument("--naar", default=None, help="de map (standaard: je eigen map)")
    p.add_argument("--overschrijf", action="store_true", help="vervang een bestaand bestand")


def _args_prepare(p):
    p.add_argument("map", help="de map voor de gedeelde cache, bijv. /opt/nabijheid-cache")


def prepare(folder) -> int:
    from .prepare import prepare as run

    return run(folder)


# name -> (help, add arguments, run(args) -> exit code, aliases)
COMMANDS = {
    "check": ("controleer lexicon_data/ en de vragen (of één map)", _args_check,
              lambda a: check(a.map), []),
    "maak-notebook": ("maak een lesnotebook met deze lemma's", _args_make,
                      lambda a: make_notebook(a.lemmas, a.titel, a.uit, a.overschrijf), []),
    "inleveren": ("schrijf je antwoorden naar een Markdown- en een HTML-bestand", _args_hand_in,
                  lambda a: hand_in(a.notebook, a.naam, a.studentnummer, a.uit, a.gevoelig), []),
    "qti": ("de quizvragen van deze lemma's als QTI-pakket voor Canvas of Brightspace", _args_qti,
            lambda a: qti(a.lemmas, a.uit, a.titel), []),
    "bronnen": ("laat zien welke mappen met vragen en data in gebruik zijn, en waarom", _none,
                lambda a: sources(), ["waar"]),
    "instellen": ("maak je eigen map met vragen en zet hem in nabijheid.toml", _args_configure,
                  lambda a: configure(a.oefeningen), []),
    "vragen": ("toon de id's van de vragen bij een lemma", _args_list,
               lambda a: list_questions(a.lemma), []),
    "voorbereiden": ("voor beheerders: vul een gedeelde cache, zodat een hele klas sneller start",
                     _args_prepare, lambda a: prepare(a.map), []),
    "kopieer": ("zet één vraag van het lespakket in je eigen map, om te veranderen", _args_copy,
                lambda a: copy_question(a.id, a.naar, a.overschrijf), []),
}


class _DutchParser(argparse.ArgumentParser):
    _WORDS = [("invalid choice", "onbekend commando"), ("choose from", "kies uit"),
              ("unrecognized arguments", "onbekende opties"),
              ("the following arguments are required", "dit moet je meegeven"),
              ("expected one argument", "hier hoort een waarde achter")]

    def format_usage(self):
        return super().format_usage().replace("usage:", "gebruik:", 1)

    def format_help(self):
        return super().format_help().replace("usage:", "gebruik:", 1)

    def error(self, message):
        for english, dutch in self._WORDS:
            message = message.replace(english, dutch)
        self.print_usage(sys.stdout)
        print(f"NIET GELUKT: {message}. Hulp: nabijheid --help")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _dutch(_DutchParser(prog="nabijheid", add_help=False, description="Het lespakket "
                                 "Nabijheid en sociaal werk vanaf de opdrachtregel (ook: python -m "
                                 "lexicon_tools). Hulp bij één commando: nabijheid COMMANDO -h"))
    commands = parser.add_subparsers(dest="command", metavar="COMMANDO", title="commando's",
                                     parser_class=_DutchParser)
    for name, (help_text, add_arguments, _, aliases) in COMMANDS.items():
        sub = commands.add_parser(name, help=help_text, aliases=aliases, description=help_text,
                                  add_help=False)
        add_arguments(_dutch(sub))
    return parser


def _dutch(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser._positionals.title = "argumenten"
    parser._optionals.title = "opties"
    parser.add_argument("-h", "--help", action="help", help="toon deze hulp")
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, or a Dutch message about the arguments
        return int(stop.code or 0)
    if not args.command:
        parser.print_help(sys.stdout)
        return 2
    name = next(n for n, row in COMMANDS.items() if args.command in (n, *row[3]))
    with warnings.catch_warnings():
        # `check` lists these itself; other commands print them as one Dutch line each.
        warnings.simplefilter("ignore" if name == "check" else "always", LexiconWarning)
        warnings.showwarning = _print_warning
        try:
            return COMMANDS[name][2](args)
        except BrokenPipeError:  # output piped into `head` or `more`, which stopped reading
            _silence_stdout()
            return 1
        except (LexiconError, OSError) as exc:
            print(f"NIET GELUKT: {exc}")
            return 1


def _silence_stdout() -> None:
    """Send the rest of the output nowhere, so that exiting prints no second error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file behind stdout (tests)
        pass


def _print_warning(message, category, *args, **kwargs):
    print(f"Let op: {message}")


if __name__ == "__main__":
    sys.exit(main())
