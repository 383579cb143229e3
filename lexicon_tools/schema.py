"""Pydantic models of the data files: what each field is and which values are allowed.

Error messages raised here are Dutch; :mod:`lexicon_tools.validation` adds file and line.
"""

__all__ = ["Cluster", "Lemma", "Model", "PageRange", "parse_pages", "exact_page", "page_for_students",
           "CLUSTER_IDS", "MODEL_KINDS"]

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

CLUSTER_IDS = ("sociale", "geografische", "professionele", "institutionele")
MODEL_KINDS = ("ladder", "scale", "typology", "matrix", "process", "continuum")
LAST_PAGE = 206
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_PAGES = re.compile(r"^\s*(?:(>=|<=)\s*(\d+)|(\d+)\s*(?:[-–]\s*(\d+))?)\s*$")


def parse_pages(text: str) -> tuple[int | None, int | None]:
    """Parse a page field into its (lowest, highest) possible page; None = unknown.

    Examples
    --------
    >>> parse_pages("21"), parse_pages("24-28"), parse_pages(">=157"), parse_pages("<=16")
    ((21, 21), (24, 28), (157, None), (None, 16))
    """
    match = _PAGES.match(str(text))
    if not match:
        raise ValueError(f"'{text}' is geen paginaaanduiding; schrijf bijv. \"21\", \"24-28\", "
                         "\">=157\" of \"<=16\".")
    op, bound, first, last = match.groups()
    if op == ">=":
        low, high = int(bound), None
    elif op == "<=":
        low, high = None, int(bound)
    else:
        low, high = int(first), int(last or first)
    for page in (low, high):
        if page is not None and not 1 <= page <= LAST_PAGE:
            raise ValueError(f"pagina {page} bestaat niet: het boek heeft pagina 1 tot {LAST_PAGE}.")
    if low is not None and high is not None and low > high:
        raise ValueError(f"'{text}' loopt achteruit: de eerste pagina moet de laagste zijn.")
    return low, high


def _check_slug(value: str) -> str:
    if not SLUG.match(value):
        raise ValueError(f"'{value}' is geen geldige id: gebruik kleine letters, cijfers en "
                         "koppeltekens, bijv. 'alledaagse-attentheid'.")
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Cluster(_Strict):
    id: Literal[CLUSTER_IDS]
    naam: str = Field(min_length=1)
    omschrijving: str = Field(min_length=1)
    kleur: str = Field(pattern=r"^#[0-9A-Fa-f]{6}$")


class PageRange(_Strict):
    begin: str
    eind: str

    @field_validator("begin", "eind", mode="before")
    @classmethod
    def _as_text(cls, value):
        if isinstance(value, int):
            value = str(value)
        if isinstance(value, str):
            parse_pages(value)
        return value

    @model_validator(mode="after")
    def _end_after_begin(self):
        low = parse_pages(self.begin)[0]
        high = parse_pages(self.eind)[1]
        if low is not None and high is not None and high < low:
            raise ValueError(f"het eind ({self.eind}) ligt vóór het begin ({self.begin}).")
        return self

    def bounds(self) -> tuple[int | None, int | None]:
        """Lowest possible first page and highest possible last page."""
        return parse_pages(self.begin)[0], parse_pages(self.eind)[1]

    @property
    def is_estimate(self) -> bool:
        """True when a page is only known as a range or a bound."""
        return any(parse_pages(p)[0] != parse_pages(p)[1] for p in (self.begin, self.eind))

    def for_students(self, title: str | None = None) -> str:
        """The pages as a student may see them: only exact pages, never a bound or an estimate.

        Where no exact page is known, the lemma's title (or "de pagina is niet bekend") stands in.

        Examples
        --------
        >>> PageRange(begin="50", eind="54").for_students()
        'p. 50–54'
        >>> PageRange(begin="21", eind="24-28").for_students()
        'vanaf p. 21'
        >>> PageRange(begin="41-45", eind="49").for_students()
        't/m p. 49'
        >>> PageRange(begin=">=157", eind=">=161").for_students("Praktijkleren")
        "het lemma 'Praktijkleren'"
        """
        first, last = exact_page(self.begin), exact_page(self.eind)
        if first and last:
            return f"p. {first}" if first == last else f"p. {first}–{last}"
        if first:
            return f"vanaf p. {first}"
        if last:
            return f"t/m p. {last}"
        return f"het lemma '{title}'" if title else "de pagina is niet bekend"

    def __str__(self) -> str:
        """Same as :meth:`for_students` without a title: safe wherever a student may see it.

        >>> str(PageRange(begin=">=157", eind=">=161"))
        'de pagina is niet bekend'
        """
        return self.for_students()

    def internal(self) -> str:
        """The pages with their bounds, for lecturers and data checks (never for students).

        >>> PageRange(begin="21", eind="24-28").internal()
        'p. 21 tot 24–28 (schatting)'
        """
        begin, end = (_readable(p) for p in (self.begin, self.eind))
        text = f"p. {begin}" if begin == end else f"p. {begin} tot {end}"
        if not self.is_estimate:
            text = text.replace(" tot ", "–")
        return text + (" (schatting)" if self.is_estimate else "")


def exact_page(pages: str) -> int | None:
    """The page when ``pages`` names one page for certain, else None.

    >>> exact_page("68"), exact_page("22-26"), exact_page(">=191")
    (68, None, None)
    """
    low, high = parse_pages(pages)
    return low if low is not None and low == high else None


def page_for_students(pages: str, lemma_title: str) -> str:
    """A model's or item's page field as a student may see it: 'p. 68' or "het lemma 'X'".

    >>> page_for_students("68", "Alledaagse attentheid"), page_for_students(">=191", "Zorg thuis")
    ('p. 68', "het lemma 'Zorg thuis'")
    """
    page = exact_page(pages)
    return f"p. {page}" if page else f"het lemma '{lemma_title}'"


def _readable(pages: str) -> str:
    return pages.replace(">=", "≥").replace("<=", "≤").replace("-", "–").replace(" ", "")


class Concept(_Strict):
    term: str = Field(min_length=1)
    definitie: str = Field(min_length=1)


class Related(_Strict):
    id: str
    waarom: str = Field(min_length=1)

    _slug = field_validator("id")(lambda cls, v: _check_slug(v))


class Source(_Strict):
    auteurs: str = Field(min_length=1)
    jaar: str = Field(min_length=1)

    @field_validator("jaar", mode="before")
    @classmethod
    def _year_as_text(cls, value):
        return str(value) if isinstance(value, int) else value


class Lemma(_Strict):
    id: str
    titel: str = Field(min_length=1)
    auteurs: list[str] = Field(min_length=1)
    cluster: str
    ook_in: list[str] = []
    paginas: PageRange
    kernbegrippen: list[Concept] = Field(min_length=3, max_length=8)
    verwant: list[Related] = []
    bronnen: list[Source] = []
    modellen: list[str] = []
    # Filled from the Markdown body by the loader, not written in the front matter.
    secties: dict[str, str] = Field(default_factory=dict, exclude=True)

    _slug = field_validator("id")(lambda cls, v: _check_slug(v))

    @field_validator("cluster")
    @classmethod
    def _known_cluster(cls, value):
        if value not in CLUSTER_IDS:
            raise ValueError(f"onbekend cluster '{value}'; kies uit: {', '.join(CLUSTER_IDS)}.")
        return value

    @field_validator("ook_in")
    @classmethod
    def _known_clusters(cls, values):
        for value in values:
            cls._known_cluster(value)
        return values

    @property
    def samenvatting(self) -> str:
        return self.secties.get("Samenvatting", "")


class Axis(_Strict):
    naam: str = Field(min_length=1)
    waarden: list[str] = Field(min_length=2)


class Axes(_Strict):
    rijen: Axis
    kolommen: Axis


class Cell(_Strict):
    rij: str
    kolom: str


class Level(_Strict):
    id: str
    label: str = Field(min_length=1)
    uitleg: str = Field(min_length=1)
    wenselijk: bool | None = None
    positie: Cell | None = None
    kenmerken: dict[str, str] | None = None

    _slug = field_validator("id")(lambda cls, v: _check_slug(v))


class Model(_Strict):
    id: str
    titel: str = Field(min_length=1)
    lemma: str
    pagina: str
    soort: Literal[MODEL_KINDS]
    richting: str | None = None
    uitleg: str = Field(min_length=1)
    niveaus: list[Level] = Field(min_length=2)
    assen: Axes | None = None
    opmerkingen: str | None = None

    _slug = field_validator("id", "lemma")(lambda cls, v: _check_slug(v))

    @field_validator("pagina", mode="before")
    @classmethod
    def _page_as_text(cls, value):
        value = str(value) if isinstance(value, int) else value
        if isinstance(value, str):
            parse_pages(value)
        return value

    @model_validator(mode="after")
    def _levels_fit(self):
        ids = [level.id for level in self.niveaus]
        doubles = sorted({i for i in ids if ids.count(i) > 1})
        if doubles:
            raise ValueError(f"niveau-id's komen dubbel voor: {', '.join(doubles)}.")
        if self.soort == "matrix":
            self._check_cells()
        return self

    def _check_cells(self):
        if self.assen is None:
            raise ValueError("een model van soort 'matrix' heeft `assen` nodig (rijen en kolommen).")
        rows, cols = self.assen.rijen.waarden, self.assen.kolommen.waarden
        for level in self.niveaus:
            cell = level.positie
            if cell is None or cell.rij not in rows or cell.kolom not in cols:
                raise ValueError(f"niveau '{level.id}' heeft een `positie` nodig met een rij uit "
                                 f"{rows} en een kolom uit {cols}.")
