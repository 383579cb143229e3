"""Rendered figures kept on disk, so that "Run All" shows a chart without matplotlib.

A figure widget shows, at Run All, the drawing of the state the student last saved (often the
empty state everybody starts with). Importing matplotlib and drawing costs a kernel about half a
second of CPU and 40 MiB; for a whole class at once that is most of a notebook's cost. So the PNG
of a first drawing is kept in the user's cache folder (next to the parse cache), keyed by

* what the drawing shows: a JSON description of every input (the view passes it), and
* the code that draws it: a hash of lexicon_tools' own source and matplotlib's version,

so a changed answer, exercise file, lexicon or drawing code is always drawn anew and a figure is
never stale. The first interaction builds the real chart (and imports matplotlib) as before.

``NABIJHEID_CACHE=uit`` switches it off, as for the parse cache. A shared read-only cache
(``NABIJHEID_CACHE_GEDEELD``, filled by ``nabijheid voorbereiden``) is looked in after the own. Files are written atomically;
at most ``MAX_FILES`` are kept (the oldest go first). A damaged or odd file is ignored.
"""

__all__ = ["get", "put", "get_text", "put_text", "folder", "lexicon_key"]

import hashlib
import importlib.util
import json
import os
import tempfile
from pathlib import Path

MAX_FILES = 200
MAX_PNG_BYTES = 5_000_000
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_stamp: str | None = None
_memory: dict[str, bytes] = {}


def folder() -> Path | None:
    """The figure cache folder, or None when caching is switched off."""
    from .parse_cache import cache_file

    path = cache_file()
    return None if path is None else path.parent / "figuren"


def _code_stamp() -> str:
    """A hash of every source file of lexicon_tools and of matplotlib's version (read from its
    files, without importing it)."""
    global _stamp
    if _stamp is None:
        digest = hashlib.sha256()
        package = Path(__file__).resolve().parent
        for source in sorted(package.rglob("*.py")):
            digest.update(source.relative_to(package).as_posix().encode())
            digest.update(source.read_bytes())
        spec = importlib.util.find_spec("matplotlib")
        if spec is not None and spec.origin:
            version = Path(spec.origin).with_name("_version.py")
            digest.update(version.read_bytes() if version.exists() else spec.origin.encode())
        _stamp = digest.hexdigest()
    return _stamp


def _name(kind: str, key) -> str:
    text = json.dumps([kind, key], sort_keys=True, ensure_ascii=False, default=repr)
    return hashlib.sha256(f"{_code_stamp()}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()


def get(kind: str, key) -> bytes | None:
    """The PNG drawn earlier for exactly this ``kind`` and ``key``, or None."""
    name = _name(kind, key)
    if name in _memory:
        return _memory[name]
    for where in _folders():
        png = _read_png(where / f"{name}.png")
        if png is not None:
            _memory[name] = png
            return png
    return None


def _folders() -> list[Path]:
    """The user's own figure folder, then the shared read-only one (if any)."""
    from .parse_cache import shared_folder

    own, shared = folder(), shared_folder()
    return [f for f in (own, shared / "figuren" if shared else None) if f is not None]


def _read_png(path: Path) -> bytes | None:
    try:
        if not path.is_file() or path.stat().st_size > MAX_PNG_BYTES:
            return None
        png = path.read_bytes()
    except OSError:
        return None
    if not png.startswith(_PNG_SIGNATURE) or not png.endswith(b"IEND\xaeB`\x82"):
        return None
    return png


def put(kind: str, key, png: bytes) -> None:
    """Keep ``png`` as the drawing of ``kind`` and ``key`` (never fatal: a cache that cannot be
    written only costs time)."""
    name = _name(kind, key)
    _memory[name] = png
    where = folder()
    if where is None or not png.startswith(_PNG_SIGNATURE) or len(png) > MAX_PNG_BYTES:
        return
    _write(where, f"{name}.png", png)


def get_text(kind: str, key) -> str | None:
    """A text kept with :func:`put_text` (e.g. a figure's text alternative), or None."""
    name = _name("tekst", ["tekst", kind, key])
    if name in _memory:
        return _memory[name].decode("utf-8")
    for where in _folders():
        try:
            text = (where / f"{name}.txt").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        _memory[name] = text.encode("utf-8")
        return text
    return None


def put_text(kind: str, key, text: str) -> None:
    """Keep a text next to the drawings (written atomically, never fatal)."""
    name = _name("tekst", ["tekst", kind, key])
    _memory[name] = text.encode("utf-8")
    where = folder()
    if where is not None:
        _write(where, f"{name}.txt", _memory[name])


def _write(where: Path, file_name: str, data: bytes) -> None:
    """Write a cache file atomically and keep the folder bounded; a cache that cannot be written
    only costs time."""
    try:
        where.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".cache.", suffix=".tmp", dir=where)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, where / file_name)
        _prune(where)
    except OSError:
        pass


def lexicon_key(lex) -> str:
    """A digest of everything in a lexicon (lemmas, clusters, models), for drawings made from it."""
    digest = hashlib.sha256()
    for part in (lex.lemmas, lex.clusters, lex.models):
        for item_id, item in part.items():
            digest.update(item_id.encode())
            digest.update(item.model_dump_json().encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _prune(where: Path) -> None:
    """Keep the newest MAX_FILES drawings (and remove temp files older than a minute)."""
    import time

    try:
        entries = [(entry.stat().st_mtime, Path(entry.path)) for entry in os.scandir(where)
                   if entry.is_file()]
    except OSError:
        return
    now = time.time()
    for mtime, path in entries:
        if path.suffix == ".tmp" and now - mtime > 60:
            path.unlink(missing_ok=True)
    for suffix in (".png", ".txt"):
        kept = sorted((e for e in entries if e[1].suffix == suffix), reverse=True)
        for _mtime, path in kept[MAX_FILES:]:
            path.unlink(missing_ok=True)


def clear_memory() -> None:
    """Forget the in-kernel copies (tests)."""
    global _stamp
    _memory.clear()
    _stamp = None
