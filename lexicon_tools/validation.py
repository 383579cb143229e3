"""Read data files and turn every problem into one clear Dutch message with file and line.

Used by the loader and by ``python -m lexicon_tools check``: one validator for both.
"""

__all__ = ["read_text", "read_yaml", "split_front_matter", "validate", "field_line"]

import difflib
import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from .errors import Problem

MAX_FILE_BYTES = 2_000_000
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)---[ \t]*(?:\r?\n|\Z)", re.S)


class FileProblem(Exception):
    """A file could not be read at all; carries the :class:`Problem`."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def read_text(path: Path, shown: str) -> str:
    """The text of a UTF-8 file, or a FileProblem saying what is wrong with it."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FileProblem(Problem(shown, f"het bestand is {size // 1_000_000} MB; een databestand "
                                      "hoort klein te zijn (minder dan 2 MB). Is dit het goede bestand?"))
        raw = path.read_bytes()
    except OSError as exc:
        raise FileProblem(Problem(shown, f"het bestand kan niet gelezen worden ({exc.strerror}).")) from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FileProblem(Problem(shown, "het bestand is niet in UTF-8 opgeslagen. Sla het in je "
                                  "editor op als 'UTF-8' en probeer opnieuw.", line=line)) from exc


def read_yaml(text: str, shown: str, first_line: int = 1):
    """Parse YAML safely (no Python objects); a syntax error becomes a Problem with its line."""
    from .parse_cache import cached_parse

    try:
        return cached_parse(text, yaml.safe_load)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else None
        what = _yaml_problem_in_dutch(exc.problem or "")
        raise FileProblem(Problem(shown, f"YAML-fout ({what}). Controleer inspringing, dubbele "
                                  "punten en aanhalingstekens op of vlak vóór deze regel.",
                                  line=line)) from exc
    except yaml.YAMLError as exc:
        raise FileProblem(Problem(shown, f"YAML-fout: {exc}")) from exc


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
        node = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
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
        problems = [_problem(err, schema, shown, yaml_text, first_line, prefix)
                    for err in _drop_explained_missing(exc.errors(), schema)]
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
    return "exercises/README.md" if schema.__module__.endswith("exercises") else \
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
        return str(ctx.get("error", err["msg"]))
    if kind == "literal_error":
        allowed = str(ctx.get('expected', '')).replace(' or ', ' of ')
        return f"'{err['input']}' is geen toegestane waarde; kies uit: {allowed}."
    if kind.startswith("string"):
        if kind == "string_too_short":
            return "dit veld is leeg; vul een tekst in."
        if kind == "string_pattern_mismatch":
            return f"'{err['input']}' heeft niet de goede vorm (bijv. een kleur als \"#0072B2\")."
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
        return f"moet ja of nee zijn (true/false), maar is '{err['input']}'."
    return f"ongeldige waarde ({err['msg']})."


def _shape(value) -> str:
    names = {str: "een tekst", int: "een getal", float: "een getal", list: "een lijst",
             dict: "een reeks velden", bool: "ja/nee", type(None): "leeg"}
    return names.get(type(value), type(value).__name__)


def _unknown_field(name, schema, loc) -> str:
    known = _fields_at(schema, loc[:-1])
    if " " in str(name):
        return (f"'{name}' lijkt een stuk tekst, geen veldnaam. Staat er een komma in een tekst "
                "tussen {{ }}? Zet die tekst dan tussen aanhalingstekens: feedback: \"Ja, klopt.\"")
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
