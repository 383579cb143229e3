"""Where things are: the package's data, the user's answers, optional own folders.

Settings come from environment variables, or from a small config file
``nabijheid.toml`` in the user's config folder (platformdirs). Environment
variables win.
"""

__all__ = ["DATA_DIR", "EXERCISES_DIR", "answers_dir", "setting"]

import os
import tomllib
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_DIR / "lexicon_data"
EXERCISES_DIR = PROJECT_DIR / "exercises"
APP_NAME = "nabijheid-sociaal-werk"

_KEYS = {"NABIJHEID_DATA": "antwoorden", "NABIJHEID_OEFENINGEN": "oefeningen",
         "NABIJHEID_LEXICON": "lexicon"}


def config_file() -> Path:
    """The optional config file (``nabijheid.toml``) in the user's config folder."""
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME)) / "nabijheid.toml"


def setting(env_var: str) -> str | None:
    """The value of a setting: the environment variable, else the config file, else None.

    Examples
    --------
    >>> import os
    >>> os.environ["NABIJHEID_DATA"] = "/tmp/x"
    >>> setting("NABIJHEID_DATA")
    '/tmp/x'
    >>> del os.environ["NABIJHEID_DATA"]
    """
    value = os.environ.get(env_var)
    if value:
        return value
    path = config_file()
    if not path.is_file():
        return None
    try:
        value = tomllib.loads(path.read_text(encoding="utf-8")).get(_KEYS[env_var])
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    return str(value) if value else None


def answers_dir() -> Path:
    """The folder where a student's answers are saved (``NABIJHEID_DATA`` overrides)."""
    import platformdirs

    chosen = setting("NABIJHEID_DATA")
    return Path(chosen).expanduser() if chosen else Path(platformdirs.user_data_dir(APP_NAME))
