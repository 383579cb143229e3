"""The fields of exercise files (``exercises/**/*.yaml``) as pydantic models.

One model per kind of question or task; :class:`ExerciseFile` is one file. The models are data
only: reading, checking and layering the files is :mod:`lexicon_tools.exercises`, which also
re-exports everything here. The fields are documented for lecturers in ``exercises/README.md``.
"""

__all__ = ["ExerciseFile", "ReflectionQuestion", "Option", "QuizQuestion", "Category", "SortItem",
           "SortTask", "DistanceScaleSpec", "TieSpec", "Persona", "NetworkMapSpec", "CaseArea",
           "StraatscanSpec", "Dimension", "ProfileSpec", "Actor", "PerspectiveSpec", "Step",
           "WorksheetSpec", "Professional", "IntegralCaseSpec", "Party", "CaseMapSpec",
           "TIE_KINDS", "KIND_NAMES", "is_sensitive"]

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .schema import _check_slug
from .validation import echo


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class ReflectionQuestion(_Strict):
    """An open question; the answer is saved under ``id``."""

    id: str
    soort: Literal["begrijpen", "toepassen", "kritisch", "persoonlijk"]
    vraag: str = Field(min_length=1)
    casus: str | None = None
    gevoelig: bool = False  # answers may name clients or be personal: kept out of named hand-ins

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
                             f"'{echo(item.antwoord)}'; kies uit: {', '.join(allowed)}.")


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


KIND_NAMES = {ReflectionQuestion: "reflectievraag", QuizQuestion: "quizvraag",
               SortTask: "sorteeropdracht", DistanceScaleSpec: "afstandsschaal",
               NetworkMapSpec: "netwerkkaart", StraatscanSpec: "straatscan",
               ProfileSpec: "profiel", PerspectiveSpec: "perspectiefopdracht",
               WorksheetSpec: "werkblad", IntegralCaseSpec: "integrale casus",
               CaseMapSpec: "casuskaart"}


def is_sensitive(item) -> bool:
    """True for questions whose answers may name clients or be personal: reflection questions
    marked ``gevoelig: true`` and always the social distance scale (afstandsschaal)."""
    return isinstance(item, DistanceScaleSpec) or bool(getattr(item, "gevoelig", False))
