"""Exercise files (``exercises/**/*.yaml``): loading and checking, one clear message per problem.

For now an exercise file holds reflection questions; quizzes and sort tasks follow the same pattern.
"""

__all__ = ["ExerciseFile", "ReflectionQuestion", "load_exercises", "check_exercises", "question"]

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from . import settings
from .errors import LexiconError, Problem, display_path
from .schema import _check_slug
from .validation import FileProblem, ManyProblems, read_text, read_yaml, validate


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class ReflectionQuestion(_Strict):
    id: str
    soort: Literal["begrijpen", "toepassen", "kritisch", "persoonlijk"]
    vraag: str = Field(min_length=1)
    casus: str | None = None

    _slug = field_validator("id")(lambda cls, v: _check_slug(v))


class ExerciseFile(_Strict):
    lemma: str | None = None
    titel: str | None = None
    reflectie: list[ReflectionQuestion] = []


def check_exercises(folder: str | Path | None = None, lemma_ids=None):
    """Read every exercise file below ``folder``; return ({question id: question}, problems)."""
    folder = Path(folder).resolve() if folder else settings.EXERCISES_DIR
    questions, problems = {}, []
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
        if lemma_ids is not None and exercise.lemma and exercise.lemma not in lemma_ids:
            problems.append(Problem(shown, f"lemma '{exercise.lemma}' bestaat niet; gebruik de id "
                                    "van een lemma (bestandsnaam in lexicon_data/lemmas/).",
                                    field="lemma"))
        for q in exercise.reflectie:
            if q.id in questions:
                problems.append(Problem(shown, f"vraag-id '{q.id}' komt al voor in "
                                        f"{questions[q.id][1]}; elke id moet uniek zijn.", field="id"))
                continue
            questions[q.id] = (q, shown)
    return {key: q for key, (q, _) in questions.items()}, problems


def load_exercises(folder: str | Path | None = None) -> dict[str, ReflectionQuestion]:
    """All questions by id; raises :class:`LexiconError` listing every problem."""
    folder = Path(folder).resolve() if folder else settings.EXERCISES_DIR
    stamp = tuple((str(p), p.stat().st_mtime_ns) for p in sorted(folder.rglob("*.yaml")))
    return _load_cached(folder, stamp)


@lru_cache(maxsize=4)
def _load_cached(folder: Path, stamp: tuple):
    questions, problems = check_exercises(folder)
    if problems:
        raise LexiconError.from_problems(problems)
    return questions


def question(question_id: str, folder: str | Path | None = None) -> ReflectionQuestion:
    """One question by id, or a Dutch error naming close matches."""
    questions = load_exercises(folder)
    if question_id in questions:
        return questions[question_id]
    import difflib
    close = difflib.get_close_matches(question_id, list(questions), n=3)
    hint = f" Bedoel je: {', '.join(close)}?" if close else ""
    raise LexiconError(f"Er is geen vraag met id '{question_id}' in exercises/.{hint}")
