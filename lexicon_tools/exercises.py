"""Exercise files (``exercises/**/*.yaml``): loading and checking, one clear message per problem.

An exercise file holds reflection questions (``reflectie``), multiple-choice questions (``quiz``)
and sort tasks (``sorteer``), each with a stable id under which answers are saved.
"""

__all__ = ["ExerciseFile", "ReflectionQuestion", "QuizQuestion", "SortTask", "DistanceScaleSpec",
           "NetworkMapSpec", "StraatscanSpec", "ProfileSpec", "PerspectiveSpec", "WorksheetSpec",
           "IntegralCaseSpec", "CaseMapSpec", "TIE_KINDS", "load_exercises", "load_exercise_set",
           "exercise_folders", "ids_for_lemma", "check_exercises", "question"]

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from . import parse_cache, settings
from .errors import LexiconError, Problem, display_path
from .schema import _check_slug
from .validation import FileProblem, ManyProblems, read_text, read_yaml, validate


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class ReflectionQuestion(_Strict):
    """An open question; the answer is saved under ``id``."""

    id: str
    soort: Literal["begrijpen", "toepassen", "kritisch", "persoonlijk"]
    vraag: str = Field(min_length=1)
    casus: str | None = None

    _slug = field_validator("id")(lambda cls, v: _check_slug(v))


class Option(_Strict):
    tekst: str = Field(min_length=1)
    juist: bool = False
    feedback: str = Field(min_length=1)


class QuizQuestion(_Strict):
    """A multiple-choice question with feedback per option; exactly one option is right."""

    id: str
    vraag: str = Field(min_length=1)
    opties: list[Option] = Field(min_length=2)

    _slug = field_validator("id")(lambda cls, v: _check_slug(v))

    @model_validator(mode="after")
    def _one_right(self):
        right = sum(option.juist for option in self.opties)
        if right != 1:
            raise ValueError(f"een quizvraag heeft precies één optie met `juist: true`; "
                             f"deze heeft er {right}.")
        return self


class Category(_Strict):
    id: str
    label: str = Field(min_length=1)

    _slug = field_validator("id")(lambda cls, v: _check_slug(v))


class SortItem(_Strict):
    tekst: str = Field(min_length=1)
    antwoord: str
    feedback: str = Field(min_length=1)


class SortTask(_Strict):
    """Items to place in categories: the levels of a model, or categories listed here."""

    id: str
    opdracht: str = Field(min_length=1)
    model: str | None = None
    categorieen: list[Category] | None = None
    items: list[SortItem] = Field(min_length=2)

    _slug = field_validator("id")(lambda cls, v: _check_slug(v))

    @model_validator(mode="after")
    def _model_or_categories(self):
        if (self.model is None) == (self.categorieen is None):
            raise ValueError("geef óf `model` (de id van een model in lexicon_data/models) óf een "
                             "lijst `categorieen`, niet allebei en niet geen van beide.")
        if self.categorieen is not None:
            _check_answers(self.items, [c.id for c in self.categorieen])
        return self


def _check_answers(items, allowed: list[str]) -> None:
    for number, item in enumerate(items, start=1):
        if item.antwoord not in allowed:
            raise ValueError(f"item {number} ('{item.tekst[:40]}') heeft antwoord "
                             f"'{item.antwoord}'; kies uit: {', '.join(allowed)}.")


class DistanceScaleSpec(_Strict):
    """The Bogardus exercise: for each group the student picks the closest accepted relation."""

    id: str
    model: str = "bogardus-schaal"
    vraag: str = Field(min_length=1)
    groepen: list[str] = Field(min_length=2, max_length=20)

    _slug = field_validator("id")(lambda cls, v: _check_slug(v))

    @field_validator("groepen")
    @classmethod
    def _unique_groups(cls, groups):
        doubles = sorted({g for g in groups if groups.count(g) > 1})
        if doubles:
            raise ValueError(f"deze groepen staan er dubbel in: {', '.join(doubles)}.")
        return groups


TIE_KINDS = ("familie", "vriend", "buur", "collega", "kennis", "professional", "instantie")


class TieSpec(_Strict):
    naam: str = Field(min_length=1)
    soort: Literal[TIE_KINDS]
    nabijheid: int = Field(ge=1, le=3)
    lijkt_op_mij: bool
    toegang: bool = False


class Persona(_Strict):
    id: str
    naam: str = Field(min_length=1)
    beschrijving: str = Field(min_length=1)
    banden: list[TieSpec] = Field(min_length=3)

    _slug = field_validator("id")(lambda cls, v: _check_slug(v))


class NetworkMapSpec(_Strict):
    """The netwerkkaart exercise: its answer id and example personas."""

    id: str
    personas: list[Persona] = []

    _slug = field_validator("id")(lambda cls, v: _check_slug(v))


class CaseArea(_Strict):
    id: str
    naam: str = Field(min_length=1)
    beschrijving: str = Field(min_length=1)

    _slug = field_validator("id")(lambda cls, v: _check_slug(v))


class StraatscanSpec(_Strict):
    """The straatscan: rate a street now / desired / realistic on the ladder, and plan action."""

    id: str
    model: str = "ladder-onderlinge-verbintenissen"
    vraag: str = Field(min_length=1)
    casussen: list[CaseArea] = Field(min_length=1)
    groepen: list[str] = []

    _slug = field_validator("id")(lambda cls, v: _check_slug(v))


class Dimension(_Strict):
    id: str
    label: str = Field(min_length=1)
    links: str | None = None
    rechts: str | None = None

    _slug = field_validator("id")(lambda cls, v: _check_slug(v))


class ProfileSpec(_Strict):
    """A profile rating: score one or more things on the dimensions of a model or of a list."""

    id: str
    vraag: str = Field(min_length=1)
    model: str | None = None
    dimensies: list[Dimension] | None = None
    minimum: int = 1
    maximum: int = 5
    profielen: list[str] = Field(default_factory=lambda: ["Plek 1", "Plek 2"], min_length=1,
                                 max_length=4)
    casus: str | None = None

    _slug = field_validator("id")(lambda cls, v: _check_slug(v))

    @model_validator(mode="after")
    def _source_and_scale(self):
        if (self.model is None) == (self.dimensies is None):
            raise ValueError("geef óf `model` óf een lijst `dimensies`, niet allebei en niet geen "
                             "van beide.")
        if not 0 <= self.minimum < self.maximum <= 10:
            raise ValueError("de schaal loopt van `minimum` tot `maximum` (bijv. 1 tot 5).")
        return self


class Actor(_Strict):
    naam: str = Field(min_length=1)
    lezing: str = Field(min_length=1)


class PerspectiveSpec(_Strict):
    """Perspective taking: for each person in a case, what is at stake for them?"""

    id: str
    casus: str = Field(min_length=1)
    vraag: str = Field(min_length=1)
    actoren: list[Actor] = Field(min_length=2)

    _slug = field_validator("id")(lambda cls, v: _check_slug(v))


class Step(_Strict):
    id: str
    label: str = Field(min_length=1)
    vraag: str = Field(min_length=1)

    _slug = field_validator("id")(lambda cls, v: _check_slug(v))


class WorksheetSpec(_Strict):
    """A worksheet: a case worked through step by step (e.g. the omgekeerde toets)."""

    id: str
    casus: str = Field(min_length=1)
    vraag: str = Field(min_length=1)
    stappen: list[Step] = Field(min_length=2)

    _slug = field_validator("id")(lambda cls, v: _check_slug(v))


class Professional(_Strict):
    naam: str = Field(min_length=1)
    organisatie: str = Field(min_length=1)
    taak: str = Field(min_length=1)


class IntegralCaseSpec(_Strict):
    """A household with the professionals around it: before and after 'één plan, één regisseur'."""

    id: str
    huishouden: str = Field(min_length=1)
    vraag: str = Field(min_length=1)
    professionals: list[Professional] = Field(min_length=3, max_length=12)

    _slug = field_validator("id")(lambda cls, v: _check_slug(v))


class Party(_Strict):
    id: str
    naam: str = Field(min_length=1)
    standpunt: str = Field(min_length=1)
    doel: str = Field(min_length=1)
    aanpak: str = Field(min_length=1)

    _slug = field_validator("id")(lambda cls, v: _check_slug(v))


class CaseMapSpec(_Strict):
    """A wicked-problem case map: a person in the middle, parties around with their own goals,
    and the boundary spanner's steps as a worksheet per party."""

    id: str
    casus: str = Field(min_length=1)
    centrum: str = Field(min_length=1)
    verbinder: str = Field(min_length=1)
    vraag: str = Field(min_length=1)
    model: str = "boundary-spanner-stappen"
    partijen: list[Party] = Field(min_length=2, max_length=10)

    _slug = field_validator("id")(lambda cls, v: _check_slug(v))


class ExerciseFile(_Strict):
    lemma: str | None = None
    titel: str | None = None
    reflectie: list[ReflectionQuestion] = []
    quiz: list[QuizQuestion] = []
    sorteer: list[SortTask] = []
    afstandsschaal: DistanceScaleSpec | None = None
    netwerkkaart: NetworkMapSpec | None = None
    straatscan: StraatscanSpec | None = None
    profielen: list[ProfileSpec] = []
    perspectieven: list[PerspectiveSpec] = []
    werkbladen: list[WorksheetSpec] = []
    integrale_casus: IntegralCaseSpec | None = None
    casuskaart: CaseMapSpec | None = None

    def items(self):
        extra = [item for item in (self.afstandsschaal, self.netwerkkaart, self.straatscan,
                                   self.integrale_casus, self.casuskaart) if item is not None]
        return [*self.reflectie, *self.quiz, *self.sorteer, *self.profielen, *self.perspectieven,
                *self.werkbladen, *extra]


def check_exercises(folder: str | Path | None = None, lexicon=None):
    """Read every exercise file below ``folder``; return ({id: question or task}, problems).

    With a ``lexicon``, lemma ids and the models of sort tasks are checked against it too.
    """
    folder = Path(folder).resolve() if folder else settings.EXERCISES_DIR
    found, problems = {}, []
    for path in sorted(folder.rglob("*.yaml")):
        shown = display_path(path, folder.parent)
        try:
            text = read_text(path, shown)
            exercise = validate(ExerciseFile, read_yaml(text, shown), shown, text)
        except FileProblem as exc:
            problems.append(exc.problem)
            continue
        except ManyProblems as exc:
            problems.extend(exc.problems)
            continue
        problems += _cross_check(exercise, shown, text, lexicon)
        for item in exercise.items():
            _LEMMA_OF[(str(folder), item.id)] = exercise.lemma
            if item.id in found:
                problems.append(Problem(shown, f"id '{item.id}' komt al voor in {found[item.id][1]}; "
                                        "elke id moet uniek zijn.", field="id",
                                        line=_line_of(text, item.id)))
                continue
            found[item.id] = (item, shown)
    parse_cache.flush()
    return {key: item for key, (item, _) in found.items()}, problems


def _line_of(text: str, value: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.search(rf"\bid:\s*['\"]?{re.escape(value)}['\"]?\s*$", line):
            return number
    return None


def _cross_check(exercise: ExerciseFile, shown: str, text: str, lexicon) -> list[Problem]:
    if lexicon is None:
        return []
    problems = []
    if exercise.lemma and exercise.lemma not in lexicon.lemmas:
        problems.append(Problem(shown, f"lemma '{exercise.lemma}' bestaat niet; gebruik de id van een "
                                "lemma (bestandsnaam in lexicon_data/lemmas/).", field="lemma"))
    for field, spec in [("afstandsschaal", exercise.afstandsschaal),
                        ("straatscan", exercise.straatscan), ("casuskaart", exercise.casuskaart),
                        *[(f"profielen.{i}", p) for i, p in enumerate(exercise.profielen)]]:
        if spec is not None and getattr(spec, "model", None) and spec.model not in lexicon.models:
            problems.append(Problem(shown, f"model '{spec.model}' bestaat niet in "
                                    "lexicon_data/models/.", field=field,
                                    line=_line_of(text, spec.id)))
    for index, task in enumerate(exercise.sorteer):
        where = {"field": f"sorteer.{index}", "line": _line_of(text, task.id)}
        if task.model is None:
            continue
        if task.model not in lexicon.models:
            problems.append(Problem(shown, f"model '{task.model}' bestaat niet in "
                                    "lexicon_data/models/.", **where))
            continue
        try:
            _check_answers(task.items, [lv.id for lv in lexicon.models[task.model].niveaus])
        except ValueError as exc:
            problems.append(Problem(shown, str(exc), **where))
    return problems


_LEMMA_OF: dict[tuple[str, str], str | None] = {}


def exercise_folders(folder: str | Path | None = None) -> list[Path]:
    """The folders to read, in order: later ones override earlier ones per id.

    An explicit ``folder`` is read alone. Otherwise our ``exercises/`` comes first, then the
    lecturer's own folder from ``NABIJHEID_OEFENINGEN`` (or ``oefeningen`` in nabijheid.toml).
    """
    if folder:
        return [Path(folder).expanduser().resolve()]
    own = settings.setting("NABIJHEID_OEFENINGEN")
    if not own:
        return [settings.EXERCISES_DIR]
    own_path = Path(own).expanduser().resolve()
    if not own_path.is_dir():
        raise LexiconError(f"De map met eigen oefeningen ({own_path}) bestaat niet. Controleer "
                           "NABIJHEID_OEFENINGEN (of 'oefeningen' in nabijheid.toml).")
    return [settings.EXERCISES_DIR, own_path]


def _folders_shown(folders: list[Path]) -> str:
    return " en ".join(f"{f.name}/" for f in folders)


def ids_for_lemma(lemma_id: str, kind: type, folder: str | Path | None = None) -> list[str]:
    """The ids of all items of one kind (e.g. QuizQuestion) tied to a lemma, in file order."""
    found, lemmas = load_exercise_set(folder)
    ids = [i for i, item in found.items() if isinstance(item, kind) and lemmas.get(i) == lemma_id]
    if not ids:
        plural = {"reflectievraag": "reflectievragen", "quizvraag": "quizvragen",
                  "sorteeropdracht": "sorteeropdrachten"}.get(_KIND_NAMES[kind], _KIND_NAMES[kind])
        raise LexiconError(f"Er zijn geen {plural} bij lemma '{lemma_id}' in "
                           f"{_folders_shown(exercise_folders(folder))}. Controleer de id of voeg "
                           "ze toe (zie exercises/README.md).")
    return ids


def load_exercises(folder: str | Path | None = None) -> dict:
    """All questions and tasks by id; raises :class:`LexiconError` listing every problem.

    Without ``folder``: ours, with the lecturer's own folder (if set) overriding per id.
    """
    return load_exercise_set(folder)[0]


def load_exercise_set(folder: str | Path | None = None) -> tuple[dict, dict]:
    """({id: item}, {id: lemma id}) merged over :func:`exercise_folders`."""
    folders = exercise_folders(folder)
    stamp = tuple((str(p), p.stat().st_mtime_ns) for f in folders for p in sorted(f.rglob("*.yaml")))
    return _load_cached(tuple(folders), stamp)


@lru_cache(maxsize=4)
def _load_cached(folders: tuple[Path, ...], stamp: tuple):
    from .loading import load_lexicon

    merged, lemmas = {}, {}
    for folder in folders:
        found, problems = check_exercises(folder, load_lexicon())
        if problems:
            raise LexiconError.from_problems(problems)
        for item_id, item in found.items():
            merged[item_id] = item
            lemmas[item_id] = _LEMMA_OF.get((str(folder), item_id))
    return merged, lemmas


_KIND_NAMES = {ReflectionQuestion: "reflectievraag", QuizQuestion: "quizvraag",
               SortTask: "sorteeropdracht", DistanceScaleSpec: "afstandsschaal",
               NetworkMapSpec: "netwerkkaart", StraatscanSpec: "straatscan",
               ProfileSpec: "profiel", PerspectiveSpec: "perspectiefopdracht",
               WorksheetSpec: "werkblad", IntegralCaseSpec: "integrale casus",
               CaseMapSpec: "casuskaart"}


def question(question_id: str, folder: str | Path | None = None, kind: type | None = None):
    """One question or task by id (optionally of a given kind), or a Dutch error."""
    found = load_exercises(folder)
    if question_id not in found:
        import difflib
        close = difflib.get_close_matches(question_id, list(found), n=3)
        hint = f" Bedoel je: {', '.join(close)}?" if close else ""
        where = _folders_shown(exercise_folders(folder))
        raise LexiconError(f"Er is geen vraag met id '{question_id}' in {where}.{hint}")
    item = found[question_id]
    if kind is not None and not isinstance(item, kind):
        raise LexiconError(f"'{question_id}' is een {_KIND_NAMES[type(item)]}, geen "
                           f"{_KIND_NAMES[kind]}. Controleer de id in het notebook.")
    return item
