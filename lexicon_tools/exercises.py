"""Exercise files (``exercises/**/*.yaml``): where they come from, loading and checking.

An exercise file holds reflection questions (``reflectie``), multiple-choice questions (``quiz``)
and sort tasks (``sorteer``), each with a stable id under which answers are saved; their models
are in :mod:`lexicon_tools.exercise_schema` (re-exported here). Questions are read in layers
(:func:`active_layers`): the course copy the notebook runs in (else the installed package), then
a lecturer's folder that overrides per id. Each file is parsed and validated on its own
(:func:`read_exercise_file`); a broken file is left out with one visible Dutch warning.
"""

import difflib
import os
import re
import sys
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from . import parse_cache, settings
from .errors import LexiconError, Problem, announce, display_path
from .exercise_schema import *  # noqa: F401,F403  (the models, re-exported: one import for all)
from .exercise_schema import KIND_NAMES as _KIND_NAMES, _check_answers
from .exercise_schema import __all__ as _SCHEMA_NAMES
from .validation import FileProblem, ManyProblems, echo, read_text, read_yaml, validate

__all__ = ["load_exercises", "load_exercise_set",
           "exercise_folders", "ids_for_lemma", "check_exercises", "question", "active_layers",
           "exercise_set", "ExerciseSet", "Layer", "read_exercise_file", "exercise_files",
           "check_override_folder", "sensitive_ids", "question_yaml", *_SCHEMA_NAMES]


@dataclass(frozen=True)
class FileResult:
    """One exercise file, parsed and validated on its own (the unit a later cache can keep)."""

    path: Path
    shown: str
    exercise: ExerciseFile | None
    problems: list
    text: str = ""


def read_exercise_file(path: Path, shown: str, lexicon=None) -> FileResult:
    """Parse and validate one exercise file; its problems (never an exception) in the result."""
    text = ""
    try:
        text = read_text(path, shown)
        exercise = validate(ExerciseFile, read_yaml(text, shown), shown, text)
    except FileProblem as exc:
        return FileResult(path, shown, None, [exc.problem], text)
    except ManyProblems as exc:
        return FileResult(path, shown, None, list(exc.problems), text)
    except RecursionError:
        return FileResult(path, shown, None, [Problem(shown, "het bestand is te diep genest om te "
                                                      "lezen.")], text)
    return FileResult(path, shown, exercise, _cross_check(exercise, shown, text, lexicon), text)


def exercise_files(folder: Path, skip: tuple = ()) -> tuple[list[Path], list[Problem]]:
    """The ``*.yaml`` files below ``folder`` (hidden folders such as ``.ipynb_checkpoints`` and
    the folders in ``skip`` left out) and a problem for every near miss (``x.yml``,
    ``x.yaml.txt``, ``x.YAML``)."""
    paths, problems, dirs_named_yaml = [], [], set()
    for here, dirs, files in os.walk(folder):
        # (resolving every folder costs a stat per path part: only when there is something to skip)
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__"))
                         and not (skip and (Path(here) / d).resolve() in skip))
        yaml_dirs = [d for d in dirs if d.endswith(".yaml")]
        for name in [*files, *yaml_dirs]:
            path = Path(here) / name
            if name.endswith(".yaml") and not name.startswith("."):
                paths.append(path)
                if name in yaml_dirs:
                    dirs_named_yaml.add(path)
            elif _is_near_miss(name):
                problems.append(Problem(display_path(path, folder.parent), _near_miss_message(name)))
    for path in dirs_named_yaml:
        if path.parent != folder and path.parent in dirs_named_yaml:
            paths.remove(path)
    return sorted(paths), sorted(problems, key=lambda p: p.path)


def _is_near_miss(name: str) -> bool:
    lower = name.lower()
    if name.startswith(".") or name.endswith("~"):
        return False
    return lower.endswith((".yml", ".yaml")) or ".yaml." in lower or ".yml." in lower


def _near_miss_message(name: str) -> str:
    stem = re.split(r"\.(?:yaml|yml)", name, maxsplit=1, flags=re.I)[0]
    return (f"dit bestand wordt niet gelezen: alleen bestanden die op `.yaml` eindigen (kleine "
            f"letters) tellen mee. Hernoem het naar `{stem}.yaml` (zet in Windows Verkenner "
            "*Bestandsnaamextensies* aan om de hele naam te zien).")


@dataclass
class _Entry:
    item: object
    lemma: str | None
    shown: str
    line: int | None


@dataclass
class _Scan:
    entries: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)
    warnings: list = field(default_factory=list)


def _scan(folder: Path, lexicon=None, fallback: Path | None = None, role: str = "basis",
          skip: tuple = ()) -> _Scan:
    """Read one question folder file by file. A broken file is left out as a whole (with one
    warning); for a course copy, ``fallback`` (the package's exercises/) supplies that file.
    ``skip``: folders inside it that are read as a layer of their own (a lecturer's folder)."""
    scan = _Scan()
    paths, near = exercise_files(folder, skip)
    scan.problems += near
    scan.warnings += [str(p) for p in near]
    for path in paths:
        shown = display_path(path, folder.parent)
        result = read_exercise_file(path, shown, lexicon)
        if result.problems:
            scan.problems += result.problems
            result = _fall_back(result, folder, fallback, lexicon, role, scan)
        if result.exercise is not None:
            _add_items(result, scan)
    parse_cache.flush()
    return scan


def _fall_back(broken: FileResult, folder: Path, fallback, lexicon, role, scan) -> FileResult:
    first = broken.problems[0]
    rest = len(broken.problems) - 1
    more = f" (en nog {rest} {'probleem' if rest == 1 else 'problemen'})" if rest else ""
    check = f"Controleer met: nabijheid check {folder}"
    spare = fallback / broken.path.relative_to(folder) if fallback else None
    if spare is not None and spare.is_file():
        result = read_exercise_file(spare, display_path(spare, fallback.parent), lexicon)
        if not result.problems:
            scan.warnings.append(f"{first}{more} — daarom tonen de notebooks de vragen uit dit "
                                 f"bestand zoals ze in het geïnstalleerde lespakket staan. {check}")
            return result
    consequence = ("de notebooks tonen daarvoor de vragen van het lespakket" if role == "docent"
                   else "de vragen uit dit bestand ontbreken tot het hersteld is")
    scan.warnings.append(f"{first}{more} — dit bestand wordt overgeslagen; {consequence}. {check}")
    return broken


def _add_items(result: FileResult, scan: _Scan) -> None:
    for item in result.exercise.items():
        line = _line_of(result.text, item.id)
        if item.id in scan.entries:
            problem = Problem(result.shown, f"id '{echo(item.id)}' komt al voor in "
                              f"{scan.entries[item.id].shown}; elke id moet uniek zijn.",
                              field="id", line=line)
            scan.problems.append(problem)
            scan.warnings.append(f"{problem} De vraag uit {scan.entries[item.id].shown} wordt "
                                 "gebruikt.")
            continue
        scan.entries[item.id] = _Entry(item, result.exercise.lemma, result.shown, line)


def _override_problem(item_id: str, entry: _Entry, base: dict) -> Problem | None:
    """Why a lecturer's question may not replace ours (other kind or other lemma), or None."""
    ours = base.get(item_id)
    if ours is None:
        if entry.lemma is None:
            return Problem(entry.shown, f"nieuwe vraag '{echo(item_id)}', maar er staat geen `lemma:` "
                           "bovenaan het bestand: de vraag verschijnt dan bij geen enkel lemma (alleen "
                           "in een notebook dat haar id zelf noemt). Zet bovenaan bijvoorbeeld "
                           "`lemma: vertrouwen`.", field="lemma", line=entry.line)
        return None
    if type(ours.item) is not type(entry.item):
        return Problem(entry.shown, f"id '{item_id}' is bij ons een {_KIND_NAMES[type(ours.item)]} "
                       f"({ours.shown}), hier een {_KIND_NAMES[type(entry.item)]}. Een vraag vervang "
                       "je alleen door een vraag van dezelfde soort; geef een nieuwe vraag een nieuwe "
                       "id.", field="id", line=entry.line)
    if entry.lemma and ours.lemma and entry.lemma != ours.lemma:
        return Problem(entry.shown, f"id '{item_id}' hoort bij ons bij lemma '{ours.lemma}' "
                       f"({ours.shown}), maar dit bestand is van lemma '{echo(entry.lemma)}'. Geef de vraag "
                       "een nieuwe id, of zet haar in een bestand met "
                       f"`lemma: {ours.lemma}` (of zonder `lemma:`).", field="id", line=entry.line)
    return None


def check_exercises(folder: str | Path | None = None, lexicon=None, skip: tuple = ()):
    """Read every exercise file below ``folder``; return ({id: question or task}, problems).

    With a ``lexicon``, lemma ids and the models of sort tasks are checked against it too.
    Folders in ``skip`` (e.g. a lecturer's folder inside exercises/) are left out.
    """
    folder = Path(folder).expanduser().resolve() if folder else settings.EXERCISES_DIR
    scan = _scan(folder, lexicon, skip=tuple(Path(p).resolve() for p in skip))
    return {key: entry.item for key, entry in scan.entries.items()}, scan.problems


def check_override_folder(folder: str | Path, lexicon=None) -> tuple[dict, list, dict]:
    """Check a lecturer's folder as an override of the active questions.

    Returns ({id: item}, problems, {id: True if it replaces one of ours}).
    """
    layers, _ = active_layers()
    own = Path(folder).expanduser().resolve()
    base = _scan(layers[0].path, lexicon, skip=(own,)).entries
    scan = _scan(own, lexicon, role="docent")
    problems = list(scan.problems)
    for item_id, entry in scan.entries.items():
        problem = _override_problem(item_id, entry, base)
        if problem:
            problems.append(problem)
    found = {key: entry.item for key, entry in scan.entries.items()}
    return found, problems, {key: key in base for key in found}


_ID_LINE = re.compile(r"\bid:\s*['\"]?(.*?)['\"]?\s*$")


@lru_cache(maxsize=8)
def _id_lines(text: str) -> dict[str, int]:
    """{value: first line} of every ``id: value`` line of a file (one pass instead of one per id)."""
    found: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = _ID_LINE.search(line)
        if match:
            found.setdefault(match.group(1), number)
    return found


def _line_of(text: str, value: str) -> int | None:
    if value in _id_lines(text):
        return _id_lines(text)[value]
    for number, line in enumerate(text.splitlines(), start=1):
        if re.search(rf"\bid:\s*['\"]?{re.escape(value)}['\"]?\s*$", line):
            return number
    return None


def _cross_check(exercise: ExerciseFile, shown: str, text: str, lexicon) -> list[Problem]:
    if lexicon is None:
        return []
    problems = []
    if exercise.lemma and exercise.lemma not in lexicon.lemmas:
        close = difflib.get_close_matches(exercise.lemma, list(lexicon.lemmas), n=1)
        hint = f" Bedoel je `lemma: {close[0]}`?" if close else ""
        line = next((n for n, l in enumerate(text.splitlines(), start=1)
                     if re.match(r"lemma\s*:", l)), None)
        problems.append(Problem(shown, f"lemma '{echo(exercise.lemma)}' bestaat niet; gebruik de id "
                                "van een lemma (de bestandsnaam in lexicon_data/lemmas/ zonder .md; "
                                f"`nabijheid vragen <lemma>` toont of hij bestaat).{hint}",
                                field="lemma", line=line))
    for field, spec in [("afstandsschaal", exercise.afstandsschaal),
                        ("straatscan", exercise.straatscan), ("casuskaart", exercise.casuskaart),
                        *[(f"profielen.{i}", p) for i, p in enumerate(exercise.profielen)]]:
        if spec is not None and getattr(spec, "model", None) and spec.model not in lexicon.models:
            problems.append(Problem(shown, f"model '{echo(spec.model)}' bestaat niet in "
                                    "lexicon_data/models/.", field=field,
                                    line=_line_of(text, spec.id)))
    for index, task in enumerate(exercise.sorteer):
        where = {"field": f"sorteer.{index}", "line": _line_of(text, task.id)}
        if task.model is None:
            continue
        if task.model not in lexicon.models:
            problems.append(Problem(shown, f"model '{echo(task.model)}' bestaat niet in "
                                    "lexicon_data/models/.", **where))
            continue
        try:
            _check_answers(task.items, [lv.id for lv in lexicon.models[task.model].niveaus])
        except ValueError as exc:
            problems.append(Problem(shown, str(exc), **where))
    return problems


@dataclass(frozen=True)
class Layer:
    """One question folder in use, why it is used, and (for a course copy) its spare copy."""

    path: Path
    role: str  # "basis" (a full set of questions) or "docent" (overrides per id)
    why: str
    fallback: Path | None = None


def active_layers(folder: str | Path | None = None) -> tuple[list[Layer], list[str]]:
    """The question folders in use, in order (later ones override earlier ones per id), and
    Dutch notes about settings that could not be followed.

    1. ``exercises/`` of the course copy the notebook runs in (found by walking up from the
       current folder), else the installed package's ``exercises/``;
    2. the lecturer's course folder: ``NABIJHEID_OEFENINGEN``, else ``oefeningen`` in the course
       copy's ``nabijheid.toml``, else in the user's ``nabijheid.toml``.

    An explicit ``folder`` is read alone.
    """
    if folder:
        return [Layer(Path(folder).expanduser().resolve(), "basis", "de opgegeven map")], []
    cwd = _cwd()
    root = settings.find_course_root()
    package = settings.EXERCISES_DIR.resolve()
    if root and (root / "exercises").resolve() != package:
        base = Layer((root / "exercises").resolve(), "basis", f"de kopie van het lespakket waarin "
                     f"je werkt ({root}), gevonden vanuit de huidige map {cwd}", fallback=package)
    elif root:
        base = Layer(package, "basis", f"het lespakket zelf ({root}), gevonden vanuit de huidige "
                     f"map {cwd}")
    else:
        base = Layer(package, "basis", f"het geïnstalleerde pakket: boven de huidige map {cwd} "
                     "staat geen kopie van het lespakket (een map met exercises/ en lexicon_data/)")
    own, origin = settings.setting_origin("NABIJHEID_OEFENINGEN")
    if not own:
        return [base], []
    own_path = Path(own).expanduser().resolve()
    if not own_path.is_dir():
        return [base], [f"De map met eigen oefeningen ({own_path}) bestaat niet of is geen map; "
                        f"ingesteld met {origin}. De notebooks tonen nu alleen de vragen van het "
                        "lespakket. Controleer NABIJHEID_OEFENINGEN (of 'oefeningen' in "
                        "nabijheid.toml)."]
    if own_path == base.path:
        return [base], []
    return [base, Layer(own_path, "docent", f"eigen vragen van de docent, ingesteld met {origin}")], []


def _cwd() -> str:
    try:
        return str(Path.cwd())
    except OSError:
        return "(onbekend)"


def exercise_folders(folder: str | Path | None = None) -> list[Path]:
    """The folders to read, in order: later ones override earlier ones per id (see
    :func:`active_layers`)."""
    return [layer.path for layer in active_layers(folder)[0]]


def _folders_shown(folders: list[Path]) -> str:
    return " en ".join(f"{f.name}/" for f in folders)


@dataclass(frozen=True)
class ExerciseSet:
    """The questions in use: by id, their lemma, the layers read and the warnings to show."""

    items: dict
    lemmas: dict
    layers: tuple
    warnings: tuple


def exercise_set(folder: str | Path | None = None) -> ExerciseSet:
    """The questions in use. Without ``folder``: layered (see :func:`active_layers`); a broken
    file is left out with one warning, shown once in the notebook. With ``folder``: that folder
    alone, and any problem is a :class:`LexiconError`."""
    token = None if folder else _cell_run()
    if token is not None and _this_cell[0] == token:
        return _this_cell[1]  # one look at the files per cell run is enough
    layers, notes = active_layers(folder)
    stamp = tuple(_files_stamp(layer.path) for layer in layers)
    loaded = _load_cached(tuple(layers), stamp, bool(folder))
    if folder is None:
        announce([*notes, *loaded.warnings])
        loaded = replace(loaded, warnings=tuple(notes) + loaded.warnings)
    if token is not None:
        _this_cell[:] = [token, loaded]
    return loaded


_this_cell: list = [None, None]


def _cell_run():
    """The cell run in progress in a Jupyter kernel (None elsewhere: scripts and tests always
    look at the files). A cell that shows several questions reads the folders once; the next
    cell run (a lecturer's change pulled in between) looks again."""
    module = sys.modules.get("IPython.core.getipython")
    shell = module.get_ipython() if module else None
    if shell is None or not hasattr(shell, "execution_count"):
        return None
    try:
        return (id(shell), shell.execution_count, os.getcwd(),
                os.environ.get("NABIJHEID_OEFENINGEN"))
    except OSError:
        return None


def _files_stamp(folder: Path) -> tuple:
    """(path, mtime) of every entry below ``folder`` that :func:`exercise_files` could read or
    warn about (a superset is fine): changes when a file is changed, added, removed or renamed.
    Plain ``os.scandir``, no pathlib: a notebook looks at this in every cell with questions."""
    found, folders = [], [os.fspath(folder)]
    while folders:
        here = folders.pop()
        try:
            with os.scandir(here) as entries:
                for entry in entries:
                    name = entry.name
                    if name.startswith("."):
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        if not name.startswith("__"):
                            folders.append(entry.path)
                        if name.endswith(".yaml"):
                            found.append((entry.path, 0))
                    elif ".yaml" in name.lower() or ".yml" in name.lower():
                        found.append((entry.path, entry.stat().st_mtime_ns))
        except OSError:
            found.append((here, -1))
    return tuple(sorted(found))


@lru_cache(maxsize=4)
def _load_cached(layers: tuple, stamp: tuple, strict: bool) -> ExerciseSet:
    from .loading import load_lexicon

    lexicon = load_lexicon()
    base = _scan(layers[0].path, lexicon, layers[0].fallback,
                 skip=tuple(layer.path for layer in layers[1:]))
    if strict and base.problems:
        raise LexiconError.from_problems(base.problems)
    entries, warnings = dict(base.entries), list(base.warnings)
    for layer in layers[1:]:
        scan = _scan(layer.path, lexicon, role="docent")
        warnings += scan.warnings
        for item_id, entry in scan.entries.items():
            problem = _override_problem(item_id, entry, base.entries)
            if problem and item_id in base.entries:
                warnings.append(f"{problem} De vraag van het lespakket wordt gebruikt.")
                continue
            entries[item_id] = _Entry(entry.item, entry.lemma or _lemma_of(base, item_id),
                                      entry.shown, entry.line)
    return ExerciseSet({k: e.item for k, e in entries.items()},
                       {k: e.lemma for k, e in entries.items()}, layers, tuple(warnings))


def _lemma_of(scan: _Scan, item_id: str) -> str | None:
    entry = scan.entries.get(item_id)
    return entry.lemma if entry else None


def load_exercise_set(folder: str | Path | None = None) -> tuple[dict, dict]:
    """({id: item}, {id: lemma id}) merged over :func:`active_layers`."""
    loaded = exercise_set(folder)
    return loaded.items, loaded.lemmas


def ids_for_lemma(lemma_id: str, kind: type, folder: str | Path | None = None) -> list[str]:
    """The ids of all items of one kind (e.g. QuizQuestion) tied to a lemma, in file order."""
    loaded = exercise_set(folder)
    ids = [i for i, item in loaded.items.items()
           if isinstance(item, kind) and loaded.lemmas.get(i) == lemma_id]
    if not ids:
        plural = {"reflectievraag": "reflectievragen", "quizvraag": "quizvragen",
                  "sorteeropdracht": "sorteeropdrachten"}.get(_KIND_NAMES[kind], _KIND_NAMES[kind])
        raise LexiconError(f"Er zijn geen {plural} bij lemma '{lemma_id}' in "
                           f"{_folders_shown([l.path for l in loaded.layers])}. Controleer de id of "
                           "voeg ze toe (zie exercises/README.md)." + _warnings_note(loaded))
    return ids


def _warnings_note(loaded: ExerciseSet) -> str:
    if not loaded.warnings:
        return ""
    return "\nLet op:\n" + "\n".join(f"- {w}" for w in loaded.warnings)


def load_exercises(folder: str | Path | None = None) -> dict:
    """All questions and tasks by id (see :func:`exercise_set`)."""
    return exercise_set(folder).items


_BLOCKS = {ReflectionQuestion: "reflectie", QuizQuestion: "quiz", SortTask: "sorteer",
           ProfileSpec: "profielen", PerspectiveSpec: "perspectieven", WorksheetSpec: "werkbladen",
           DistanceScaleSpec: "afstandsschaal", NetworkMapSpec: "netwerkkaart",
           StraatscanSpec: "straatscan", IntegralCaseSpec: "integrale_casus",
           CaseMapSpec: "casuskaart"}
_LIST_BLOCKS = {"reflectie", "quiz", "sorteer", "profielen", "perspectieven", "werkbladen"}


def question_yaml(question_id: str) -> str:
    """One question in use as the text of a small exercise file (to copy and change)."""
    import yaml

    loaded = exercise_set()
    item = question(question_id)
    block = _BLOCKS[type(item)]
    data = item.model_dump(exclude_defaults=True)
    head = {"lemma": loaded.lemmas[question_id]} if loaded.lemmas.get(question_id) else {}
    body = {**head, block: [data] if block in _LIST_BLOCKS else data}
    # Every text on one line: a lecturer who replaces the line after `vraag:` replaces the whole
    # question, and no tail of the old text stays behind on the next lines.
    return ("# Eén vraag uit het lespakket om te veranderen. Laat de id staan: daaronder bewaren\n"
            "# studenten hun antwoord. Alle andere vragen blijven zoals ze in het lespakket staan.\n"
            + yaml.dump(body, Dumper=_indented_dumper(), allow_unicode=True, sort_keys=False,
                        width=float("inf")))


@lru_cache(maxsize=1)
def _indented_dumper():
    import yaml

    class Dumper(yaml.SafeDumper):
        def increase_indent(self, flow=False, indentless=False):  # lists indented as in our files
            return super().increase_indent(flow, False)

    return Dumper




def sensitive_ids(folder: str | Path | None = None) -> set[str]:
    """The ids of all sensitive questions in use (see :func:`is_sensitive`)."""
    return {item_id for item_id, item in load_exercises(folder).items() if is_sensitive(item)}




def question(question_id: str, folder: str | Path | None = None, kind: type | None = None):
    """One question or task by id (optionally of a given kind), or a Dutch error."""
    loaded = exercise_set(folder)
    found = loaded.items
    if question_id not in found:
        import difflib
        close = difflib.get_close_matches(question_id, list(found), n=3)
        hint = f" Bedoel je: {', '.join(close)}?" if close else ""
        where = _folders_shown([layer.path for layer in loaded.layers])
        raise LexiconError(f"Er is geen vraag met id '{question_id}' in {where}.{hint}"
                           + _warnings_note(loaded))
    item = found[question_id]
    if kind is not None and not isinstance(item, kind):
        raise LexiconError(f"'{question_id}' is een {_KIND_NAMES[type(item)]}, geen "
                           f"{_KIND_NAMES[kind]}. Controleer de id in het notebook.")
    return item
