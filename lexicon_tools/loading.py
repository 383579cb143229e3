"""The one loader: read ``lexicon_data/`` into a :class:`Lexicon`, checking everything."""

__all__ = ["Lexicon", "load_lexicon", "check_lexicon", "word_count", "REQUIRED_SECTIONS"]

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import parse_cache, settings
from .errors import LexiconError, Problem, display_path
from .schema import Cluster, Lemma, Model
from .validation import FileProblem, ManyProblems, read_text, read_yaml, split_front_matter, validate

REQUIRED_SECTIONS = ("Samenvatting", "Spanningen en dilemma's", "In de praktijk")
SUMMARY_WORDS = (150, 300)
_HEADING = re.compile(r"^##[ \t]+(.+?)[ \t]*$", re.M)
_WORD = re.compile(r"[\w’'-]+")


def word_count(text: str) -> int:
    """Number of words in a text, as a reader would count them.

    Examples
    --------
    >>> word_count("Nabijheid is geen heilige graal, zegt zij.")
    7
    """
    return len(_WORD.findall(text))


@dataclass(frozen=True)
class Lexicon:
    """All content: ``lemmas``, ``clusters`` and ``models``, each a dict keyed by id (book order)."""

    lemmas: dict[str, Lemma]
    clusters: dict[str, Cluster]
    models: dict[str, Model]
    root: Path = field(default=settings.DATA_DIR, compare=False)

    def lemma(self, lemma_id: str) -> Lemma:
        """The lemma with this id, or a Dutch error that lists close matches."""
        return _get(self.lemmas, lemma_id, "lemma")

    def model(self, model_id: str) -> Model:
        """The model with this id, or a Dutch error that lists close matches."""
        return _get(self.models, model_id, "model")

    def lemmas_frame(self):
        from .frames import lemmas_frame
        return lemmas_frame(self)

    def concepts_frame(self):
        from .frames import concepts_frame
        return concepts_frame(self)

    def citations_frame(self):
        from .frames import citations_frame
        return citations_frame(self)

    def links_frame(self):
        from .frames import links_frame
        return links_frame(self)

    def models_frame(self):
        from .frames import models_frame
        return models_frame(self)

    def graph(self):
        from .graphs import lemma_graph
        return lemma_graph(self)

    def citation_graph(self):
        from .graphs import citation_graph
        return citation_graph(self)


def _get(items: dict, key: str, what: str):
    if key in items:
        return items[key]
    import difflib

    close = difflib.get_close_matches(str(key), list(items), n=3)
    hint = f" Bedoel je: {', '.join(close)}?" if close else ""
    raise LexiconError(f"Er is geen {what} met id '{key}'.{hint} "
                       f"Alle id's staan in lexicon_data/ (bijv. {next(iter(items), '-')}).")


def load_lexicon(root: str | Path | None = None) -> Lexicon:
    """Load and check all content; cached until a data file changes.

    Raises :class:`LexiconError` listing every problem when the data is not right.

    Examples
    --------
    >>> lex = load_lexicon()
    >>> len(lex.clusters)
    4
    """
    root = Path(root).resolve() if root else settings.DATA_DIR
    return _load_cached(root, _fingerprint(root))


def check_lexicon(root: str | Path | None = None) -> tuple[Lexicon | None, list[Problem]]:
    """Read and check everything under ``root``; return the lexicon (if usable) and all problems."""
    root = Path(root).resolve() if root else settings.DATA_DIR
    reader = _Reader(root)
    lexicon = reader.read()
    parse_cache.flush()
    return (None if reader.problems else lexicon), reader.problems


def _fingerprint(root: Path) -> tuple:
    files = sorted(root.glob("clusters.yaml")) + sorted(root.glob("lemmas/*.md")) + \
        sorted(root.glob("models/*.yaml"))
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


@lru_cache(maxsize=4)
def _load_cached(root: Path, fingerprint: tuple) -> Lexicon:
    lexicon, problems = check_lexicon(root)
    if problems:
        raise LexiconError.from_problems(problems)
    return lexicon


class _Reader:
    """Collects every problem instead of stopping at the first."""

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []
        self.broken: set[str] = set()  # ids of files that could not be read: no knock-on errors

    def shown(self, path: Path) -> str:
        return display_path(path, self.root.parent)

    def read(self) -> Lexicon:
        if not self.root.is_dir():
            self.problems.append(Problem(str(self.root), "deze map bestaat niet. Geef de map met "
                                         "clusters.yaml, lemmas/ en models/."))
            return Lexicon({}, {}, {}, self.root)
        clusters = self._clusters()
        lemmas = self._files(sorted((self.root / "lemmas").glob("*.md")), self._lemma)
        models = self._files(sorted((self.root / "models").glob("*.yaml")), self._model)
        self._cross_check(lemmas, clusters, models)
        return Lexicon(_book_order(lemmas), clusters, models, self.root)

    def _guard(self, fn, *args):
        try:
            return fn(*args)
        except FileProblem as exc:
            self.problems.append(exc.problem)
        except ManyProblems as exc:
            self.problems.extend(exc.problems)
        return None

    def _clusters(self) -> dict[str, Cluster]:
        path = self.root / "clusters.yaml"
        if not path.is_file():
            self.problems.append(Problem(self.shown(path), "dit bestand ontbreekt; het beschrijft "
                                         "de vier clusters (zie lexicon_data/README.md)."))
            return {}
        return self._guard(self._read_clusters, path) or {}

    def _read_clusters(self, path: Path) -> dict[str, Cluster]:
        shown = self.shown(path)
        text = read_text(path, shown)
        data = read_yaml(text, shown)
        if not isinstance(data, list):
            raise FileProblem(Problem(shown, "verwacht een lijst van clusters (regels met '- id: ...')."))
        clusters = {}
        for index, item in enumerate(data):
            cluster = validate(Cluster, item, shown, text, prefix=(index,))
            if cluster.id in clusters:
                self.problems.append(Problem(shown, f"cluster '{cluster.id}' staat er twee keer in.",
                                             field=f"{index}.id"))
            clusters[cluster.id] = cluster
        return clusters

    def _files(self, paths: list[Path], read_one) -> dict:
        items = {}
        for path in paths:
            item = self._guard(read_one, path)
            if item is None:
                self.broken.add(path.stem)
                continue
            if item.id != path.stem:
                self.problems.append(Problem(self.shown(path), f"de id '{item.id}' moet gelijk zijn "
                                             f"aan de bestandsnaam ('{path.stem}').", field="id"))
            if item.id in items:
                self.problems.append(Problem(self.shown(path), f"de id '{item.id}' komt al voor in "
                                             "een ander bestand; elke id moet uniek zijn.", field="id"))
                continue
            items[item.id] = item
        return items

    def _lemma(self, path: Path) -> Lemma:
        shown = self.shown(path)
        text = read_text(path, shown)
        front, body, body_line = split_front_matter(text, shown)
        data = read_yaml(front, shown, first_line=2)
        sections = self._sections(body, body_line, shown)
        if isinstance(data, dict):
            data = {**data, "secties": sections}
        return validate(Lemma, data, shown, front, first_line=2)

    def _sections(self, body: str, body_line: int, shown: str) -> dict[str, str]:
        sections, found = {}, list(_HEADING.finditer(body))
        for i, match in enumerate(found):
            end = found[i + 1].start() if i + 1 < len(found) else len(body)
            sections[match.group(1).replace("’", "'")] = body[match.end():end].strip()
        for name in REQUIRED_SECTIONS:
            if not sections.get(name):
                self.problems.append(Problem(shown, f"de tekst mist de kop '## {name}' (of de sectie "
                                             "is leeg).", line=body_line))
        words = word_count(sections.get("Samenvatting", ""))
        if sections.get("Samenvatting") and not SUMMARY_WORDS[0] <= words <= SUMMARY_WORDS[1]:
            line = body_line + body[: found[0].start()].count("\n") if found else body_line
            self.problems.append(Problem(shown, f"de samenvatting heeft {words} woorden; het moeten "
                                         f"er {SUMMARY_WORDS[0]} tot {SUMMARY_WORDS[1]} zijn.",
                                         line=line, field="Samenvatting"))
        return sections

    def _model(self, path: Path) -> Model:
        shown = self.shown(path)
        text = read_text(path, shown)
        return validate(Model, read_yaml(text, shown), shown, text)

    def _cross_check(self, lemmas, clusters, models):
        for lemma in lemmas.values():
            shown = self.shown(self.root / "lemmas" / f"{lemma.id}.md")
            if clusters and lemma.cluster not in clusters:
                self.problems.append(Problem(shown, f"cluster '{lemma.cluster}' staat niet in "
                                             "clusters.yaml.", field="cluster"))
            if lemma.cluster in lemma.ook_in:
                self.problems.append(Problem(shown, "`ook_in` noemt het eigen cluster; laat dat weg.",
                                             field="ook_in"))
            for i, rel in enumerate(lemma.verwant):
                if rel.id in self.broken:
                    continue
                if rel.id not in lemmas or rel.id == lemma.id:
                    why = "is het lemma zelf" if rel.id == lemma.id else "bestaat niet"
                    self.problems.append(Problem(shown, f"verwant lemma '{rel.id}' {why}; gebruik de "
                                                 f"id van een ander lemma (bestandsnaam zonder .md).",
                                                 field=f"verwant.{i}.id"))
            for i, model_id in enumerate(lemma.modellen):
                if model_id not in models and model_id not in self.broken:
                    self.problems.append(Problem(shown, f"model '{model_id}' bestaat niet in "
                                                 "lexicon_data/models/.", field=f"modellen.{i}"))
        for model in models.values():
            if model.lemma not in lemmas and model.lemma not in self.broken:
                self.problems.append(Problem(self.shown(self.root / "models" / f"{model.id}.yaml"),
                                             f"lemma '{model.lemma}' bestaat niet.", field="lemma"))


def _book_order(lemmas: dict[str, Lemma]) -> dict[str, Lemma]:
    """Lemmas in the order of the book (by first possible page, then title)."""
    def key(lemma: Lemma):
        low, high = lemma.paginas.bounds()
        return (low if low is not None else high or 0, high or 999, lemma.titel)
    return {lemma.id: lemma for lemma in sorted(lemmas.values(), key=key)}
