"""Where things are: the package's data, the user's answers, optional own folders.

Settings come from environment variables, or from a small config file ``nabijheid.toml``: the
user's own (in the config folder of the operating system, see :func:`config_file`) or, for
``oefeningen`` only, one in the root of the course copy a notebook is run from (a lecturer can
commit it to her repository so that every student gets her course folder). Environment variables
win, then the course copy's file, then the user's file. Mistakes in a config file are reported
(:func:`config_problems`), never silently ignored.
"""

__all__ = ["DATA_DIR", "EXERCISES_DIR", "answers_dir", "setting", "setting_origin", "config_file",
           "config_problems", "find_course_root"]

import difflib
import os
import re
import tomllib
from pathlib import Path

from .errors import Problem, announce

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_DIR / "lexicon_data"
EXERCISES_DIR = PROJECT_DIR / "exercises"
APP_NAME = "nabijheid-sociaal-werk"
CONFIG_NAME = "nabijheid.toml"

_KEYS = {"NABIJHEID_DATA": "antwoorden", "NABIJHEID_OEFENINGEN": "oefeningen",
         "NABIJHEID_LEXICON": "lexicon"}
_COURSE_KEYS = ("oefeningen",)  # the only key a course copy's nabijheid.toml may set


def config_file() -> Path:
    """The user's optional config file (``nabijheid.toml``) in the config folder of the OS.

    Linux: ``~/.config/nabijheid-sociaal-werk/``; macOS: ``~/Library/Application Support/
    nabijheid-sociaal-werk/``; Windows: ``%LOCALAPPDATA%\\nabijheid-sociaal-werk\\
    nabijheid-sociaal-werk\\``. ``nabijheid bronnen`` prints the exact path.
    """
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME)) / CONFIG_NAME


def find_course_root(start: str | Path | None = None) -> Path | None:
    """The nearest folder at or above ``start`` (default: the current folder, which in Jupyter is
    the notebook's folder) that holds both ``exercises/`` and ``lexicon_data/``: the copy of the
    course a notebook is run from. None if there is none.
    """
    try:
        here = Path(start or Path.cwd()).expanduser().resolve()
    except OSError:
        return None
    for folder in (here, *here.parents):
        try:
            if (folder / "exercises").is_dir() and (folder / "lexicon_data").is_dir():
                return folder
        except OSError:
            return None
    return None


def _course_config() -> Path | None:
    root = find_course_root()
    return root / CONFIG_NAME if root and (root / CONFIG_NAME).is_file() else None


def _read_config(path: Path, allowed: tuple[str, ...]) -> tuple[dict, list[Problem]]:
    """The settings of one config file and every problem in it (with line and fix, in Dutch)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [Problem(str(path), f"het instellingenbestand kan niet gelezen worden ({exc}).")]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return {}, [_toml_problem(path, text, exc)]
    problems, values = [], {}
    for key, value in data.items():
        line = _line_of_key(text, key)
        if key not in allowed:
            problems.append(_unknown_key(path, key, allowed, line))
        elif not isinstance(value, str) or not value.strip():
            problems.append(Problem(str(path), f"`{key}` moet een pad tussen aanhalingstekens zijn, "
                                    f"bijv. {key} = \"~/mijn-map\".", line=line))
        elif any(c in value for c in "\n\t\r\b\f"):
            problems.append(Problem(str(path), _BACKSLASH.format(key=key), line=line))
        else:
            values[key] = value
    return values, problems


_BACKSLASH = ("in het pad staat een backslash (\\) die TOML als speciaal teken leest (zoals \\n of "
              "\\t). Zet het pad tussen enkele aanhalingstekens: {key} = 'C:\\Users\\naam\\map', "
              "of gebruik schuine strepen: {key} = \"C:/Users/naam/map\".")


def _toml_problem(path: Path, text: str, exc: tomllib.TOMLDecodeError) -> Problem:
    found = re.search(r"line (\d+)", str(exc))
    line = int(found.group(1)) if found else None
    source = text.splitlines()[line - 1] if line and line <= len(text.splitlines()) else ""
    key = re.match(r"\s*([\w-]+)", source)
    key = key.group(1) if key else "oefeningen"
    if re.match(r"\s*[\w-]+\s*:", source):
        fix = f"gebruik `=` in plaats van `:`, bijv. {key} = \"~/mijn-map\"."
    elif "\\" in source:
        fix = _BACKSLASH.format(key=key)
    elif re.match(r"\s*[\w-]+\s*=\s*[^\s\"'\[{]", source):
        fix = f"zet het pad tussen aanhalingstekens, bijv. {key} = \"~/mijn-map\"."
    else:
        fix = f"elke regel heeft de vorm {key} = \"pad\"."
    return Problem(str(path), f"fout in het instellingenbestand: {fix} Tot dit hersteld is, "
                   "worden de instellingen uit dit bestand niet gebruikt.", line=line)


def _line_of_key(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return number
    return None


def _unknown_key(path: Path, key: str, allowed: tuple[str, ...], line) -> Problem:
    if key in _KEYS.values():
        return Problem(str(path), f"`{key}` werkt alleen in je eigen instellingenbestand "
                       f"({config_file()}), niet in een kopie van het lespakket.", line=line)
    close = difflib.get_close_matches(key[:100], allowed, n=1)
    hint = f"Bedoel je `{close[0]}`?" if close else f"Toegestaan: {', '.join(allowed)}."
    shown = key if len(key) <= 60 else key[:60] + "…"
    return Problem(str(path), f"onbekende instelling `{shown}`. {hint}", line=line)


def config_problems() -> list[Problem]:
    """Every problem in the config files that are in use (user's and course copy's)."""
    problems = []
    for path, allowed in _config_files():
        problems += _read_config(path, allowed)[1]
    return problems


def _config_files() -> list[tuple[Path, tuple[str, ...]]]:
    files = []
    course = _course_config()
    if course:
        files.append((course, _COURSE_KEYS))
    user = config_file()
    if user.is_file():
        files.append((user, tuple(_KEYS.values())))
    return files


def setting_origin(env_var: str) -> tuple[str | None, str]:
    """(value, where it comes from in Dutch) of a setting; (None, "") if it is not set.

    Problems in a config file are announced once (shown in the notebook) and that file's values
    are skipped, so the kit goes on with what it has.
    """
    value = os.environ.get(env_var)
    if value:
        return value, f"omgevingsvariabele {env_var}"
    key = _KEYS[env_var]
    for path, allowed in _config_files():
        values, problems = _read_config(path, allowed)
        announce([str(p) for p in problems])
        if values.get(key):
            chosen = values[key]
            if path.parent != config_file().parent:  # a course copy's file: relative to it
                chosen = str((path.parent / Path(chosen).expanduser()).resolve())
            return chosen, f"{key} in {path}"
    return None, ""


def setting(env_var: str) -> str | None:
    """The value of a setting: the environment variable, else a config file, else None.

    Examples
    --------
    >>> import os
    >>> os.environ["NABIJHEID_DATA"] = "/tmp/x"
    >>> setting("NABIJHEID_DATA")
    '/tmp/x'
    >>> del os.environ["NABIJHEID_DATA"]
    """
    return setting_origin(env_var)[0]


def answers_dir() -> Path:
    """The folder where a student's answers are saved (``NABIJHEID_DATA`` overrides)."""
    import platformdirs

    chosen = setting("NABIJHEID_DATA")
    return Path(chosen).expanduser() if chosen else Path(platformdirs.user_data_dir(APP_NAME))
