"""A cache of parsed YAML, keyed by file contents, shared by all kernels of a user.

Parsing the ~115 YAML files of the lexicon and the exercises with a pure-Python YAML parser is
most of what a kernel spends on loading. A file whose exact text was parsed before (by this or
any other kernel of the same user) is taken from the cache instead: the key is a hash of the text
and of the parser's own source code, so a changed file or a changed parser is always parsed anew
and a question is never served stale. Validation (pydantic) still runs on every load.

The cache is one JSON file (``yaml-cache.json``) in the user's cache folder (platformdirs), or in
``NABIJHEID_CACHE``; ``NABIJHEID_CACHE=uit`` switches it off. A read-only cache for everyone
(``NABIJHEID_CACHE_GEDEELD``, see :func:`shared_folder`) is read first. It is written atomically; two kernels
writing at once only means one of them parses a file again later. A damaged cache is ignored.
Only data that JSON keeps exactly (strings, numbers, booleans, lists, mappings with text keys) is
stored; anything else (a YAML date, for instance) is simply parsed every time.
"""

__all__ = ["cached_parse", "cache_file", "shared_folder", "clear"]

import hashlib
import json
import os
import tempfile
import threading
from pathlib import Path

from . import settings

FORMAT = 1
MAX_CACHE_BYTES = 20_000_000
_lock = threading.Lock()
_memory: dict[str, object] = {}
_loaded_from: Path | None = None
_pending = 0


def cache_file() -> Path | None:
    """The cache file, or None when the cache is switched off."""
    chosen = os.environ.get("NABIJHEID_CACHE")
    if chosen is not None and chosen.strip().lower() in ("", "uit", "off", "0", "nee"):
        return None
    if chosen:
        return Path(chosen).expanduser() / "yaml-cache.json"
    import platformdirs

    return Path(platformdirs.user_cache_dir(settings.APP_NAME)) / "yaml-cache.json"


def shared_folder() -> Path | None:
    """A read-only cache prepared for everyone (``NABIJHEID_CACHE_GEDEELD``; on a hub, filled by
    the admin with ``nabijheid voorbereiden``), or None. Kernels read it, never write it."""
    chosen = os.environ.get("NABIJHEID_CACHE_GEDEELD", "").strip()
    if not chosen or cache_file() is None:
        return None
    return Path(chosen).expanduser()


def _parser_stamp() -> str:
    source = Path(__file__).with_name("validation.py")
    try:
        return hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    except OSError:
        return "onbekend"


_STAMP = _parser_stamp()


def _key(text: str) -> str:
    return hashlib.sha256(f"{_STAMP}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()


def _load(path: Path | None) -> None:
    global _loaded_from
    if path is None or _loaded_from == path:
        return
    _loaded_from = path
    shared = shared_folder()
    if shared is not None:
        _read_into_memory(shared / path.name)
    _read_into_memory(path)


def _read_into_memory(path: Path) -> None:
    try:
        if path.stat().st_size > MAX_CACHE_BYTES:
            return
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return
    if isinstance(data, dict) and data.get("formaat") == FORMAT and isinstance(data.get("items"), dict):
        _memory.update(data["items"])


def _keeps_exactly(data) -> bool:
    try:
        return json.loads(json.dumps(data, ensure_ascii=False)) == data
    except (TypeError, ValueError, RecursionError):
        return False


def cached_parse(text: str, parse):
    """``parse(text)``, or its earlier result for exactly this text. Exceptions pass through
    (and are not cached)."""
    key = _key(text)
    path = cache_file()
    with _lock:
        _load(path)
        if key in _memory:
            return _copy(_memory[key])
    data = parse(text)
    if path is not None and _keeps_exactly(data):
        global _pending
        with _lock:
            _memory[key] = _copy(data)
            _pending += 1
    return data


def _copy(data):
    """A fresh copy, so a caller that changes the data never changes the cache."""
    return json.loads(json.dumps(data, ensure_ascii=False))


def flush() -> None:
    """Write new entries to the cache file (atomically, merged with what other kernels wrote)."""
    global _pending
    path = cache_file()
    with _lock:
        if not _pending or path is None:
            return
        _pending = 0
        merged = {}
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(old, dict) and old.get("formaat") == FORMAT:
                merged.update(old.get("items") or {})
        except (OSError, ValueError, RecursionError):
            pass
        merged.update(_memory)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".yaml-cache.", suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump({"formaat": FORMAT, "items": merged}, handle, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs time


def clear() -> None:
    """Forget the in-memory cache (tests)."""
    global _loaded_from, _pending
    with _lock:
        _memory.clear()
        _loaded_from, _pending = None, 0
