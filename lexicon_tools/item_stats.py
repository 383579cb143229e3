"""Item-writing figures of the multiple-choice questions (issue 15, Deliver 1).

A question can be passed without reading when the key is the longest option, when only the
distractors use absolute words ("altijd", "nooit"), or when one option is "alle bovenstaande".
This module measures that per exercise folder (and per file) so a test and
``python -m lexicon_tools check`` can show when the figures slip.

Definitions
-----------
- *key longest*: the right option has more characters than every distractor (ties do not count).
- *length ratio*: characters of the key divided by the mean characters of the distractors; the
  folder figure is the mean over its questions.
- *absolute words in distractors only*: a distractor contains a word of :data:`ABSOLUTE_WORDS`
  that the key does not contain.
- *all-of-the-above*: an option like "alle bovenstaande", "geen van de genoemde", "A en B".
- *case*: the stem sketches a situation: it names a person with an age ("Sem (19)", "een man van
  58"), or it has two or more sentences or at least :data:`CASE_MIN_WORDS` words and its first
  sentence is not about the book ("Het lemma noemt ...", "Volgens de auteur ...").
"""

__all__ = ["ItemStats", "QuestionStats", "item_statistics", "question_stats", "file_statistics",
           "ABSOLUTE_WORDS", "THRESHOLDS"]

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ABSOLUTE_WORDS = ("alleen", "uitsluitend", "enkel", "slechts", "nooit", "altijd", "niemand",
                  "iedereen", "niets", "alles", "nergens", "volledig", "helemaal", "geheel",
                  "geen enkele", "per definitie", "in alle gevallen", "elke keer", "zeker")
_ABSOLUTE = [re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE) for word in ABSOLUTE_WORDS]
_ALL_OF_ABOVE = re.compile(
    r"\b(alle(s)?\s+(bovenstaande|hierboven|genoemde|voorgaande|antwoorden|opties)"
    r"|geen\s+van\s+(de\s+)?(bovenstaande|genoemde|voorgaande|deze|allen)"
    r"|zowel\s+[a-d]\s+als\s+[a-d]|^[a-d]\s*(,|en|én)\s*[a-d]\b|beide\s+(antwoorden|opties))",
    re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:](?=\s+[\"'(]?[A-Z0-9])")
_AGE = re.compile(r"\(\d{1,3}\)|\bvan \d{1,3}\b|\b\d{1,3} jaar\b")
CASE_MIN_WORDS = 30
_ABOUT_THE_BOOK = re.compile(r"\b(lemma|auteurs?|boek|theorie|volgens)\b", re.IGNORECASE)

#: The limits of issue 15: at most a third of the keys is the longest option; the key is on
#: average at most 1.2x the mean distractor; no absolute-word giveaway, no all-of-the-above;
#: at least half of the questions of each lemma (file) apply the lemma to a case.
THRESHOLDS = {"key_longest": 1 / 3, "length_ratio": 1.2, "absolute": 0, "all_of_above": 0,
              "case_share": 0.5}


@dataclass(frozen=True)
class QuestionStats:
    """The figures of one multiple-choice question."""

    id: str
    key_longest: bool
    length_ratio: float
    absolute_words: tuple[str, ...]
    all_of_above: bool
    has_case: bool


def _absolute_in(text: str) -> set[str]:
    return {pattern.pattern[2:-2].replace("\\", "") for pattern in _ABSOLUTE if pattern.search(text)}


def has_case(stem: str) -> bool:
    """True when the stem sketches a situation (see the module docstring).

    >>> has_case("Wat is eenzaamheid?")
    False
    >>> has_case("Sem (19) woont in een studentenhuis. Welke vorm van eenzaamheid past?")
    True
    """
    stem = " ".join(stem.split())
    if _AGE.search(stem):
        return True
    first = _SENTENCE_END.split(stem)[0]
    if _ABOUT_THE_BOOK.search(first):   # "Het lemma noemt X. Wat bedoelt het?" is no case
        return False
    return len(_SENTENCE_END.findall(stem)) >= 1 or len(stem.split()) >= CASE_MIN_WORDS


def question_stats(question) -> QuestionStats:
    """Figures of one question: a :class:`QuizQuestion` or a dict with ``vraag`` and ``opties``."""
    get = (lambda obj, key, default=None: obj.get(key, default)) if isinstance(question, dict) \
        else (lambda obj, key, default=None: getattr(obj, key, default))
    options = [(str(get(o, "tekst", "")).strip(), bool(get(o, "juist", False)))
               for o in get(question, "opties", [])]
    keys = [text for text, right in options if right]
    distractors = [text for text, right in options if not right]
    key = keys[0] if keys else ""
    longest = bool(distractors) and len(key) > max(len(d) for d in distractors)
    mean = sum(len(d) for d in distractors) / len(distractors) if distractors else 0
    ratio = len(key) / mean if mean else 1.0
    absolute = set().union(*(_absolute_in(d) for d in distractors)) - _absolute_in(key) \
        if distractors else set()
    return QuestionStats(id=str(get(question, "id", "?")), key_longest=longest,
                         length_ratio=ratio, absolute_words=tuple(sorted(absolute)),
                         all_of_above=any(_ALL_OF_ABOVE.search(text) for text, _ in options),
                         has_case=has_case(str(get(question, "vraag", ""))))


@dataclass
class ItemStats:
    """The figures of a set of questions (a folder or one file)."""

    name: str
    questions: list[QuestionStats] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.questions)

    def _share(self, attribute: str) -> float:
        return sum(bool(getattr(q, attribute)) for q in self.questions) / self.count \
            if self.count else 0.0

    @property
    def key_longest_share(self) -> float:
        return self._share("key_longest")

    @property
    def mean_length_ratio(self) -> float:
        return sum(q.length_ratio for q in self.questions) / self.count if self.count else 0.0

    @property
    def absolute_giveaways(self) -> list[QuestionStats]:
        return [q for q in self.questions if q.absolute_words]

    @property
    def all_of_above(self) -> list[QuestionStats]:
        return [q for q in self.questions if q.all_of_above]

    @property
    def case_share(self) -> float:
        return self._share("has_case")

    def problems(self, per_lemma: bool = False) -> list[str]:
        """Dutch descriptions of every figure beyond its threshold (empty when all is well).

        Over a folder the length figures count; for one lemma (``per_lemma``) the share of cases.
        Giveaways count everywhere.
        """
        if not self.count:
            return []
        found = []
        if not per_lemma and self.key_longest_share > THRESHOLDS["key_longest"]:
            found.append(f"het juiste antwoord is bij {self.key_longest_share:.0%} van de vragen de "
                         "langste optie (hoogstens een derde)")
        if not per_lemma and self.mean_length_ratio > THRESHOLDS["length_ratio"]:
            found.append(f"het juiste antwoord is gemiddeld {_comma(self.mean_length_ratio)} keer zo lang "
                         "als de andere opties (hoogstens 1,2)")
        for q in self.absolute_giveaways:
            found.append(f"{q.id}: alleen foute opties gebruiken '{', '.join(q.absolute_words)}'")
        for q in self.all_of_above:
            found.append(f"{q.id}: een optie als 'alle bovenstaande'")
        if per_lemma and self.case_share < THRESHOLDS["case_share"]:
            found.append(f"maar {self.case_share:.0%} van de vragen past het lemma toe op een casus "
                         "(minstens de helft)")
        return found

    def summary(self) -> str:
        """One Dutch paragraph with the figures, for ``python -m lexicon_tools check``."""
        if not self.count:
            return f"Toetsvragen in {self.name}: geen meerkeuzevragen gevonden."
        return (f"Toetsvragen in {self.name}: {self.count} meerkeuzevragen. Het juiste antwoord is "
                f"bij {self.key_longest_share:.0%} de langste optie (norm: hoogstens 33%) en "
                f"gemiddeld {_comma(self.mean_length_ratio)} keer zo lang als de andere opties (norm: "
                f"hoogstens 1,20). {len(self.absolute_giveaways)} vragen hebben woorden als "
                f"'altijd' of 'nooit' alleen in foute opties en {len(self.all_of_above)} een optie "
                f"als 'alle bovenstaande' (norm: 0). {self.case_share:.0%} van de vragen past het "
                f"lemma toe op een casus (norm: minstens 50% per lemma).")


def _comma(number: float) -> str:
    """Two decimals with a Dutch decimal comma: 1.2 -> '1,20'."""
    return f"{number:.2f}".replace(".", ",")


def _quiz_entries(path: Path) -> list[dict]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []   # `check` reports unreadable files; the figures skip them
    quiz = data.get("quiz") if isinstance(data, dict) else None
    return [q for q in quiz if isinstance(q, dict)] if isinstance(quiz, list) else []


def file_statistics(path: str | Path) -> ItemStats:
    """Figures of the questions in one exercise file."""
    path = Path(path)
    return ItemStats(path.name, [question_stats(q) for q in _quiz_entries(path)])


def item_statistics(folder: str | Path | None = None) -> ItemStats:
    """Figures over every exercise file below ``folder`` (default: our ``exercises/``)."""
    if folder is None:
        from . import settings
        folder = settings.EXERCISES_DIR
    folder = Path(folder)
    questions = [question_stats(q) for path in sorted(folder.rglob("*.yaml"))
                 for q in _quiz_entries(path)]
    return ItemStats(f"{folder.name}/", questions)
