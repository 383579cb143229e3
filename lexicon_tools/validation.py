"""Read data files and turn every problem into one clear Dutch message with file and line.

Used by the loader and by ``nabijheid check``: one validator for both.
"""

__all__ = ["read_text", "read_yaml", "compose_yaml", "split_front_matter", "validate",
           "field_line", "echo"]

import difflib
import re
import stat
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from .errors import Problem

MAX_FILE_BYTES = 2_000_000
MAX_PROBLEMS = 25  # per file: a file with a thousand errors is reported with the first 25
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)---[ \t]*(?:\r?\n|\Z)", re.S)


class FileProblem(Exception):
    """A file could not be read at all; carries the :class:`Problem`."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def read_text(path: Path, shown: str) -> str:
    """The text of a small regular UTF-8 file, or a FileProblem saying what is wrong with it.

    A FIFO, a device or a symlink to one (``/dev/zero``) is refused before it is opened, and at
    most ``MAX_FILE_BYTES`` are read, so a hostile file never hangs or fills memory.
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            kind = "een map" if stat.S_ISDIR(info.st_mode) else "geen gewoon bestand (bijv. een pipe of apparaat)"
            raise FileProblem(Problem(shown, f"het bestand kan niet gelezen worden: dit is {kind}. "
                                      "Verwijder het of geef het een andere naam."))
        if info.st_size > MAX_FILE_BYTES:
            raise FileProblem(Problem(shown, f"het bestand is {info.st_size // 1_000_000} MB; een "
                                      "databestand hoort klein te zijn (minder dan 2 MB). Is dit het "
                                      "goede bestand?"))
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise FileProblem(Problem(shown, f"het bestand kan niet gelezen worden ({exc.strerror}).")) from exc
    if len(raw) > MAX_FILE_BYTES:
        raise FileProblem(Problem(shown, "het bestand is groter dan 2 MB; een databestand hoort klein "
                                  "te zijn. Is dit het goede bestand?"))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FileProblem(Problem(shown, "het bestand is niet in UTF-8 opgeslagen. Sla het in je "
                                  "editor op als 'UTF-8' en probeer opnieuw.", line=line)) from exc


# Bounds for hostile YAML: nesting depth, number of aliases (*naam), and the size of the data once
# every alias is expanded. Real exercise and lemma files stay far below all three.
MAX_DEPTH = 40
MAX_ALIASES = 50
MAX_NODES = 20_000


class _Refused(Exception):
    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.line = line


class _StrictLoader(yaml.SafeLoader):
    """PyYAML's safe loader with a depth and alias budget; tags stay refused as in SafeLoader."""

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0
        self._aliases = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise _Refused(f"het bestand gebruikt meer dan {MAX_ALIASES} verwijzingen (`*naam`). "
                               "Schrijf de tekst gewoon uit; & en * zijn niet nodig.",
                               self.peek_event().start_mark.line)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(f"het bestand is meer dan {MAX_DEPTH} niveaus diep ingesprongen of "
                               "genest. Zo diep hoort een databestand niet te zijn; is dit het goede "
                               "bestand?", self.peek_event().start_mark.line)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _depth_bound(text: str) -> int:
    """An upper bound of the nesting depth of ``text`` as YAML, from its characters alone.

    Block nesting needs a deeper start of the line (spaces, ``- ``, ``? ``; a sequence under a key
    may keep the key's indentation, hence the factor 2); flow nesting needs an open ``[`` or ``{``.
    Without an anchor (``&name``) there are no aliases that could blow the tree up."""
    lead = max((len(line) - len(line.lstrip(" -?:")) for line in text.splitlines()), default=0)
    open_brackets = deepest = 0
    for char in text:
        if char in "[{":
            open_brackets += 1
            deepest = max(deepest, open_brackets)
        elif char in "]}" and open_brackets:
            open_brackets -= 1
    return 2 * (lead + 1) + deepest + 2


# an anchor starts a value (``&name``); "Bourdieu & Passeron" or "R&D" are just text
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[\]{},:?-])&\S", re.MULTILINE)


def _compose_fast(text: str):
    """The node tree from libyaml (C), for texts that are certainly within the budgets; None when
    libyaml is missing, the text is not plainly within them or libyaml reports any problem (the
    pure-Python parser then gives the exact, translated message)."""
    if (not getattr(yaml, "__with_libyaml__", False) or _MAYBE_ANCHOR.search(text)
            or _depth_bound(text) > MAX_DEPTH):
        return None
    loader = yaml.CSafeLoader(text)
    try:
        return loader.get_single_node() or False
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def compose_yaml(text: str):
    """The YAML node tree of ``text`` within the budgets above (raises yaml errors or _Refused).

    The C parser does the work where it certainly stays within the budgets (it is ~10x faster,
    which counts when a whole class opens a notebook at once); every other text, and every text
    with a problem, goes through the pure-Python parser with its budgets and exact messages."""
    fast = _compose_fast(text)
    if fast is not None:
        return fast or None
    loader = _StrictLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _expanded_size(node, memo: dict) -> int:
    """Number of nodes once every alias is expanded (shared nodes counted each time they occur)."""
    key = id(node)
    if key in memo:
        return memo[key]
    memo[key] = 1  # guards a (theoretical) cycle
    if isinstance(node, yaml.MappingNode):
        size = 1 + sum(_expanded_size(k, memo) + _expanded_size(v, memo) for k, v in node.value)
    elif isinstance(node, yaml.SequenceNode):
        size = 1 + sum(_expanded_size(v, memo) for v in node.value)
    else:
        size = 1
    memo[key] = min(size, MAX_NODES + 1)
    return memo[key]


def _duplicate_keys(node, seen: set, found: list) -> None:
    """(key, first line, second line) for every key that occurs twice in one mapping."""
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        lines = {}
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value != "<<":
                if key.value in lines:
                    found.append((key.value, lines[key.value], key.start_mark.line + 1))
                lines.setdefault(key.value, key.start_mark.line + 1)
            _duplicate_keys(value, seen, found)
    elif isinstance(node, yaml.SequenceNode):
        for value in node.value:
            _duplicate_keys(value, seen, found)


def _duplicate_problem(shown: str, key: str, first: int, second: int, first_line: int) -> Problem:
    return Problem(shown, f"veld `{echo(key)}` staat twee keer in hetzelfde onderdeel (ook op regel "
                   f"{first + first_line - 1}); YAML zou stilletjes alleen de laatste houden. Begint "
                   "hier een nieuw onderdeel van een lijst? Zet er dan `- ` voor (zoals bij de andere "
                   "opties of vragen). Anders: haal een van de twee weg.",
                   line=second + first_line - 1, field=echo(key))


class _Duplicates(Exception):
    def __init__(self, found: list):
        super().__init__(str(found[:3]))
        self.found = found


def strict_load(text: str):
    """Parse YAML strictly: a key twice in one mapping is an error (PyYAML would keep the last
    one silently); nesting, aliases and the expanded size are bounded; no Python objects are
    built. Raises yaml errors, ``_Refused`` or ``_Duplicates``."""
    node = compose_yaml(text)
    if node is None:
        return None
    if _expanded_size(node, {}) > MAX_NODES:
        raise _Refused("het bestand wordt door verwijzingen (`&naam` en `*naam`) veel te groot. "
                       "Schrijf de tekst gewoon uit; & en * zijn niet nodig.", None)
    doubles = []
    _duplicate_keys(node, set(), doubles)
    if doubles:
        raise _Duplicates(doubles)
    loader = _StrictLoader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def read_yaml(text: str, shown: str, first_line: int = 1):
    """Parse YAML strictly and safely (:func:`strict_load`, through the shared parse cache);
    every problem becomes a FileProblem (or ManyProblems) with its line."""
    from .parse_cache import cached_parse

    try:
        return cached_parse(text, strict_load)
    except _Refused as exc:
        line = None if exc.line is None else exc.line + first_line
        raise FileProblem(Problem(shown, str(exc), line=line)) from None
    except _Duplicates as exc:
        raise ManyProblems([_duplicate_problem(shown, *d, first_line)
                            for d in exc.found[:MAX_PROBLEMS]]) from None
    except yaml.MarkedYAMLError as exc:
        raise FileProblem(_syntax_problem(exc, text, shown, first_line)) from None
    except yaml.YAMLError as exc:
        raise FileProblem(Problem(shown, f"YAML-fout: {echo(str(exc))}")) from None
    except RecursionError:
        raise FileProblem(Problem(shown, "het bestand is te diep genest om te lezen.")) from None


def _syntax_problem(exc, text: str, shown: str, first_line: int) -> Problem:
    """A YAML syntax error in Dutch; a quote mix-up before it is named at its own line."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + first_line if mark else None
    quote = _quote_problem(text, shown, first_line, mark.line + 1 if mark else None)
    if quote:
        return quote
    curly = _curly_line(text, mark.line + 1 if mark else None)
    if curly:
        return Problem(shown, "de tekst staat tussen krulletjes-aanhalingstekens (“ ” of ‘ ’, "
                       "zoals Word ze maakt). YAML kent alleen rechte: vervang ze door \" \" "
                       "(bijvoorbeeld `vraag: \"Wat zie je: ...?\"`).", line=curly + first_line - 1)
    closed = _text_after_closed_quote(text, mark.line + 1 if mark else None)
    if closed:
        quoted, after = closed
        return Problem(shown, f"de tekst tussen aanhalingstekens op regel {quoted + first_line - 1} "
                       "is al afgesloten, maar op deze regel gaat de tekst nog verder (vaak: een "
                       "stuk van de oude tekst dat is blijven staan). Haal die regel weg, of zet "
                       "het aanhalingsteken pas aan het eind van de hele tekst.",
                       line=after + first_line - 1)
    what = _yaml_problem_in_dutch(exc.problem or "")
    return Problem(shown, f"YAML-fout ({what}). Controleer inspringing, dubbele punten en "
                   "aanhalingstekens op of vlak vóór deze regel.", line=line)


# A value that starts with a quote: `key: "...` or `- "...` (also `- key: "...`).
_VALUE_START = re.compile(r"^\s*(?:-\s+)?(?:[^\s:#'\"][^:#]*:\s+)?(?P<value>.*)$")
_CURLY_OPEN = "“„‘‚”’"
_CURLY_CLOSE = "”’“‘"


def _text_after_closed_quote(text: str, error_line: int | None) -> tuple[int, int] | None:
    """(quoted line, error line) when the error line continues a value already closed by a quote.

    Typical after changing only the first line of a long question: `vraag: "Nieuw?"` followed by
    the indented rest of the old text.
    """
    lines = text.splitlines()
    if not error_line or error_line > len(lines):
        return None
    before = next((n for n in range(error_line - 1, 0, -1) if lines[n - 1].strip()), None)
    if before is None:
        return None
    value = _VALUE_START.match(lines[before - 1]).group("value").rstrip()
    current = lines[error_line - 1]
    indent = len(current) - len(current.lstrip())
    closed = len(value) > 1 and value[0] in "\"'" and value[-1] == value[0]
    continues = indent > len(lines[before - 1]) - len(lines[before - 1].lstrip()) and \
        not current.lstrip().startswith(("-", "#")) and not re.match(r"\s*[\w-]+:(\s|$)", current)
    return (before, error_line) if closed and continues else None


def _curly_line(text: str, up_to: int | None) -> int | None:
    """The first line (up to the error) whose value starts with a curly quote, if any."""
    for number, line in enumerate(text.splitlines()[: up_to or None], start=1):
        value = _VALUE_START.match(line).group("value")
        if value[:1] in _CURLY_OPEN:
            return number
    return None


def _quote_problem(text: str, shown: str, first_line: int, up_to: int | None) -> Problem | None:
    """A value that opens with a straight quote and ends with a curly one on the same line."""
    for number, line in enumerate(text.splitlines()[: up_to or None], start=1):
        value = _VALUE_START.match(line).group("value").rstrip()
        if len(value) > 1 and value[0] in "\"'" and value[0] not in value[1:] \
                and value[-1] in _CURLY_CLOSE:
            straight = value[0]
            return Problem(shown, f"de tekst begint met een recht aanhalingsteken ({straight}) maar "
                           f"eindigt met een krul ({value[-1]}), zoals Word die maakt. Maak het "
                           f"laatste ook recht: {straight}...{straight}.", line=number + first_line - 1)
    return None


_YAML_PROBLEMS = [
    ("mapping values are not allowed", "een dubbele punt waar die niet mag: staat er een ':' in "
     "een tekst, zet die tekst dan tussen aanhalingstekens; of klopt de inspringing niet"),
    ("could not find expected ':'", "er ontbreekt een dubbele punt na een veldnaam"),
    ("found character '\\t'", "er staat een tab; gebruik alleen spaties om in te springen"),
    ("cannot start any token", "een teken waarmee een waarde niet mag beginnen (zoals @ of `); "
     "zet de tekst tussen aanhalingstekens"),
    ("did not find expected key", "de inspringing klopt niet: velden van hetzelfde niveau moeten "
     "precies onder elkaar staan"),
    ("expected <block end>", "de inspringing klopt niet"),
    ("did not find expected '-' indicator", "de inspringing van een lijst klopt niet"),
    ("found unexpected end of stream", "een aanhalingsteken wordt niet afgesloten"),
    ("found duplicate anchor", "een & of * op een onverwachte plek"),
    ("found undefined alias", "een * op een onverwachte plek; zet de tekst tussen aanhalingstekens"),
    ("found unhashable key", "een veldnaam die geen gewone tekst is"),
    ("could not determine a constructor", "een YAML-'tag' (zoals !!python); die is niet toegestaan"),
]


def _yaml_problem_in_dutch(problem: str) -> str:
    for english, dutch in _YAML_PROBLEMS:
        if english in problem:
            return dutch
    return "onleesbare YAML"


def split_front_matter(text: str, shown: str) -> tuple[str, str, int]:
    """Split a lemma file into (front matter, body, line where the body starts)."""
    match = _FRONT.match(text)
    if not match:
        raise FileProblem(Problem(shown, "het bestand moet beginnen met een YAML-kop tussen twee "
                                  "regels '---' (zie lexicon_data/README.md).", line=1))
    body_line = text[: match.end()].count("\n") + 1
    return match.group(1), text[match.end():], body_line


def field_line(yaml_text: str, loc: tuple, first_line: int = 1) -> int | None:
    """The line of the YAML node at ``loc`` (keys and list indices), as far as it exists."""
    try:
        node = _composed(yaml_text)
    except (yaml.YAMLError, _Refused, RecursionError):
        return None
    line = None
    for key in loc:
        if node is None:
            break
        line = node.start_mark.line
        node = _child(node, key)
        if node is not None:
            line = node.start_mark.line
    return None if line is None else line + first_line


@lru_cache(maxsize=4)
def _composed(yaml_text: str):
    return compose_yaml(yaml_text)


def _child(node, key):
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == key:
                return k if isinstance(v, yaml.ScalarNode) and v.value == "" else v
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key]
    return None


def validate(schema: type[BaseModel], data, shown: str, yaml_text: str, first_line: int = 1,
             prefix: tuple = ()):
    """Build ``schema`` from ``data``; on failure raise ManyProblems, one per field error.

    ``prefix`` is where ``data`` sits inside the YAML document (e.g. its list index).
    """
    if not isinstance(data, dict):
        raise FileProblem(Problem(shown, "verwacht een reeks velden (`veld: waarde`), maar het "
                                  "bestand is leeg of heeft een andere vorm.", line=first_line))
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        errors = _drop_explained_missing(exc.errors(), schema)
        problems = [_problem(err, schema, shown, yaml_text, first_line, prefix)
                    for err in errors[:MAX_PROBLEMS]]
        if len(errors) > MAX_PROBLEMS:
            problems.append(Problem(shown, f"en nog {len(errors) - MAX_PROBLEMS} problemen in dit "
                                    "bestand; herstel eerst de bovenstaande."))
        raise ManyProblems(problems) from None


class ManyProblems(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


# An example of a right line, shown with "this required field is missing" and wrong values.
EXAMPLES = {
    "id": "id: vertrouwen-r4", "soort": "soort: begrijpen", "vraag": "vraag: Wat betekent ...?",
    "opties": "opties:\n  - tekst: ...\n    juist: true\n    feedback: \"Ja: ... (p. 22).\"",
    "tekst": "tekst: Een korte tekst", "feedback": "feedback: \"Ja: dat klopt, want ... (p. 22).\"",
    "juist": "juist: true", "opdracht": "opdracht: Zet elk voorbeeld bij de juiste vorm.",
    "items": "items:\n  - tekst: ...\n    antwoord: <categorie-id>\n    feedback: ...",
    "antwoord": "antwoord: emotioneel", "label": "label: Emotionele eenzaamheid",
    "titel": "titel: Vertrouwen", "lemma": "lemma: vertrouwen", "casus": "casus: Een korte casus.",
}
# Field names lecturers often write for ours.
SYNONYMS = {"uitleg": "feedback", "toelichting": "feedback", "goed": "juist", "correct": "juist",
            "antwoorden": "opties", "keuzes": "opties", "question": "vraag", "type": "soort"}


def _readme_for(schema) -> str:
    return "exercises/README.md" if "exercise" in schema.__module__ else \
        "lexicon_data/README.md"


def _drop_explained_missing(errors: list[dict], schema) -> list[dict]:
    """A missing field that an unknown field next to it was meant to be is reported once."""
    meant = set()
    for err in errors:
        if err["type"] == "extra_forbidden":
            name = str(err["loc"][-1])
            known = _fields_at(schema, tuple(err["loc"][:-1]))
            close = SYNONYMS.get(name) if SYNONYMS.get(name) in known else \
                next(iter(difflib.get_close_matches(name, known, n=1)), None)
            if close:
                meant.add(tuple(err["loc"][:-1]) + (close,))
    return [err for err in errors if not (err["type"] == "missing" and tuple(err["loc"]) in meant)]


def _problem(err: dict, schema, shown: str, yaml_text: str, first_line: int,
             prefix: tuple) -> Problem:
    loc = tuple(err["loc"])
    field = ".".join(str(part) for part in prefix + loc) or None
    line = field_line(yaml_text, prefix + loc, first_line)
    return Problem(shown, _dutch(err, schema, loc), line=line, field=field)


def _dutch(err: dict, schema, loc: tuple) -> str:
    kind, ctx = err["type"], err.get("ctx", {})
    name = str(loc[-1]) if loc else ""
    example = EXAMPLES.get(name)
    if kind == "missing":
        if example:
            return (f"dit verplichte veld ontbreekt. Voeg het toe, bijvoorbeeld: `{example}` "
                    f"(zie {_readme_for(schema)}).")
        return f"dit verplichte veld ontbreekt. Voeg het toe (zie {_readme_for(schema)})."
    if kind == "extra_forbidden":
        return _unknown_field(loc[-1], schema, loc)
    if kind in ("value_error", "assertion_error"):
        return echo(str(ctx.get("error", err["msg"])), 300)
    if kind == "literal_error":
        allowed = str(ctx.get('expected', '')).replace(' or ', ' of ')
        return f"'{echo(err['input'])}' is geen toegestane waarde; kies uit: {allowed}."
    if kind.startswith("string"):
        if kind == "string_too_short":
            return "dit veld is leeg; vul een tekst in."
        if kind == "string_pattern_mismatch":
            return f"'{echo(err['input'])}' heeft niet de goede vorm (bijv. een kleur als \"#0072B2\")."
        return f"moet een tekst zijn, maar is {_shape(err['input'])}."
    if kind == "list_type":
        return f"moet een lijst zijn (regels die beginnen met '- '), maar is {_shape(err['input'])}."
    if kind in ("too_short", "too_long"):
        bounds = f"minstens {ctx.get('min_length')}" if kind == "too_short" else \
            f"hoogstens {ctx.get('max_length')}"
        return f"heeft {ctx.get('actual_length')} onderdelen; het moeten er {bounds} zijn."
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"moet een reeks velden zijn (`veld: waarde`), maar is {_shape(err['input'])}."
    if kind.startswith("bool"):
        return (f"'{echo(err['input'])}' is geen geldige waarde: schrijf `{name or 'veld'}: true` "
                "(ja) of `false` (nee); YAML kent 'ja' en 'nee' niet. Bij `juist` mag je `false` "
                "ook weglaten.")
    return f"ongeldige waarde ({echo(err['msg'], 200)})."


def echo(value, limit: int = 60) -> str:
    """A value as it may appear in a message: text cut to ``limit`` characters, other values by
    their kind only, so that a huge (or alias-expanded) input never fills a message.

    Examples
    --------
    >>> echo("a" * 100, 5)
    'aaaaa…'
    >>> echo([1, 2])
    'een lijst'
    """
    if isinstance(value, str):
        return value if len(value) <= limit else value[:limit] + "…"
    if isinstance(value, (bool, int, float)) or value is None:
        return echo(str(value), limit)
    return _shape(value)


def _shape(value) -> str:
    names = {str: "een tekst", int: "een getal", float: "een getal", list: "een lijst",
             dict: "een reeks velden", bool: "ja/nee", type(None): "leeg"}
    return names.get(type(value), type(value).__name__)


def _unknown_field(name, schema, loc) -> str:
    known = _fields_at(schema, loc[:-1])
    name = echo(str(name))
    if " " in str(name):
        return (f"'{name}' lijkt een stuk tekst, geen veldnaam. Staat er een komma in een tekst "
                "tussen { }? Zet die tekst dan tussen aanhalingstekens: feedback: \"Ja, klopt.\"")
    close = [SYNONYMS[name]] if SYNONYMS.get(name) in known else \
        difflib.get_close_matches(str(name), known, n=1)
    if close:
        example = EXAMPLES.get(close[0])
        hint = f" Bedoel je `{close[0]}`? Schrijf dan `{close[0]}:` in plaats van `{name}:`."
        if example and "\n" not in example:
            hint += f" Voorbeeld: `{example}`"
    else:
        hint = f" Toegestaan: {', '.join(known)}."
    return f"onbekend veld `{name}`.{hint}"


def _fields_at(schema, loc) -> list[str]:
    for part in loc:
        if isinstance(part, int):
            continue
        info = schema.model_fields.get(part)
        annotation = getattr(info, "annotation", None)
        schema = _inner_model(annotation)
        if schema is None:
            return []
    return [name for name, f in schema.model_fields.items() if not f.exclude]


def _inner_model(annotation):
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found:
            return found
    return None
