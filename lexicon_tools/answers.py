"""Answers that are never lost: autosave (debounced), restore, atomic writes, safe merging.

One JSON file per notebook in the user's answers folder (``NABIJHEID_DATA`` or the platformdirs
user data folder). A save takes a file lock, reads what is on disk, puts this session's changed
answers over it and replaces the file atomically, so two kernels saving at once both keep their
answers and a killed save leaves the previous file intact. A file that cannot be read is moved
aside as a backup (never overwritten) and the student is told so in Dutch.
"""

__all__ = ["AnswerStore", "notebook_slug"]

import atexit
import json
import os
import re
import tempfile
import threading
import time
import weakref
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout

from . import settings
from .errors import LexiconError

FORMAT_VERSION = 1
_LIVE_STORES: "weakref.WeakSet[AnswerStore]" = weakref.WeakSet()


def notebook_slug(name: str) -> str:
    """A safe file name for a notebook name.

    Examples
    --------
    >>> notebook_slug("00 Start hier!.ipynb")
    '00-start-hier'
    """
    name = re.sub(r"\.ipynb$", "", str(name).strip(), flags=re.I)
    slug = re.sub(r"[^a-z0-9_]+", "-", name.lower()).strip("-")
    if not slug:
        raise LexiconError("Geef het notebook een naam met letters of cijfers, bijv. '00_start_hier'.")
    return slug


class AnswerStore:
    """The saved answers of one notebook.

    Parameters
    ----------
    notebook : str
        Name of the notebook (e.g. ``"00_start_hier"``); one file per notebook.
    folder : path, optional
        Where to save; default :func:`lexicon_tools.settings.answers_dir`.
    delay : float
        Seconds of quiet typing before a save (debounce); 0 saves at once.
    max_wait : float
        Save at the latest this many seconds after the first unsaved change.

    Examples
    --------
    >>> import tempfile
    >>> store = AnswerStore("voorbeeld", folder=tempfile.mkdtemp(), delay=0)
    >>> store.set("v1", "Mijn antwoord", question="Wat is nabijheid?")
    >>> AnswerStore("voorbeeld", folder=store.folder).get("v1")
    'Mijn antwoord'
    """

    def __init__(self, notebook: str, folder: str | Path | None = None, delay: float = 0.6,
                 max_wait: float = 3.0):
        self.notebook = notebook_slug(notebook)
        self.folder = Path(folder).expanduser() if folder else settings.answers_dir()
        self.path = self.folder / f"{self.notebook}.json"
        self.delay, self.max_wait = delay, max_wait
        self.warnings: list[str] = []
        self.last_error: str | None = None
        self.saved_at: datetime | None = None
        self._answers: dict[str, dict] = {}
        self._dirty: set[str] = set()
        self._dirty_since: float | None = None
        self._timer: threading.Timer | None = None
        self._lock = threading.RLock()
        self._listeners: list = []
        self._blocked: str | None = None
        self._answers = self._read_disk(move_bad_aside=True)
        _LIVE_STORES.add(self)

    # -- reading -------------------------------------------------------------------------------
    def get(self, question_id: str) -> str:
        """The saved answer text for a question ('' if none)."""
        with self._lock:
            return self._answers.get(question_id, {}).get("tekst", "")

    def answers(self) -> dict[str, dict]:
        """A copy of all answers: id -> {vraag, tekst, bijgewerkt}."""
        with self._lock:
            return {key: dict(value) for key, value in self._answers.items()}

    @property
    def has_unsaved(self) -> bool:
        return bool(self._dirty)

    # -- writing -------------------------------------------------------------------------------
    def describe(self, question_id: str, question: str) -> None:
        """Record a question's text (for the export) without changing its answer."""
        with self._lock:
            entry = self._answers.setdefault(question_id, {"vraag": question, "tekst": ""})
            entry["vraag"] = question

    def get_data(self, question_id: str):
        """Structured data saved with an answer (e.g. a network map), or None."""
        with self._lock:
            return self._answers.get(question_id, {}).get("data")

    def set(self, question_id: str, text: str, question: str | None = None, data=None) -> None:
        """Record an answer now and save it soon (after ``delay`` seconds of quiet).

        ``text`` is what a reader sees in the hand-in file; ``data`` (anything JSON can hold)
        is optional structured state that a widget restores from.
        """
        with self._lock:
            entry = self._answers.setdefault(question_id, {"vraag": question or "", "tekst": ""})
            if question is not None:
                entry["vraag"] = question
            entry["tekst"] = str(text)
            if data is not None:
                entry["data"] = data
            entry["bijgewerkt"] = datetime.now().isoformat(timespec="seconds")
            self._dirty.add(question_id)
            self._dirty_since = self._dirty_since or time.monotonic()
            overdue = time.monotonic() - self._dirty_since >= self.max_wait
        if self.delay <= 0 or overdue:
            self.save()
        else:
            self._schedule()

    def on_change(self, callback) -> None:
        """Call ``callback(store)`` after every save attempt (to update a status label).

        Bound methods are held weakly, so a discarded widget does not stay alive.
        """
        ref = weakref.WeakMethod(callback) if hasattr(callback, "__self__") else (lambda: callback)
        self._listeners.append(ref)

    def flush(self) -> bool:
        """Save pending answers now; True when everything is on disk."""
        return self.save() if self._dirty else self.last_error is None

    def save(self) -> bool:
        """Write this session's changed answers to disk, merged with what is there.

        Returns True on success. On failure the answers stay in memory (nothing is lost),
        ``last_error`` holds a Dutch explanation, and the next change or save tries again.
        """
        with self._lock:
            self._cancel_timer()
            if not self._dirty:
                return self.last_error is None
            try:
                self._write_merged()
            except (OSError, Timeout) as exc:
                self.last_error = self._explain(exc)
                ok = False
            else:
                self.last_error, ok = None, True
                self.saved_at = datetime.now()
        self._notify()
        return ok

    def status(self) -> str:
        """A short Dutch status line for the student."""
        if self._blocked:
            return f"Niet opgeslagen: {self._blocked}"
        if self.last_error:
            return f"Niet opgeslagen: {self.last_error}"
        if self._dirty:
            return "Wordt opgeslagen…"
        if self.saved_at:
            return f"Opgeslagen om {self.saved_at:%H:%M}"
        return "Je antwoorden worden automatisch bewaard."

    # -- internals -----------------------------------------------------------------------------
    def _schedule(self) -> None:
        with self._lock:
            self._cancel_timer()
            self._timer = threading.Timer(self.delay, self.save)
            self._timer.daemon = True
            self._timer.start()

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _notify(self) -> None:
        for ref in list(self._listeners):
            callback = ref()
            if callback is None:
                self._listeners.remove(ref)
                continue
            try:
                callback(self)
            except Exception:  # a broken status label must never stop saving
                pass

    def _write_merged(self) -> None:
        if self._blocked:  # the file could not be read before: try again, never overwrite blindly
            self._blocked = None
            self._read_disk(move_bad_aside=False)
            if self._blocked:
                raise OSError(0, self._blocked)
        self.folder.mkdir(parents=True, exist_ok=True)
        with FileLock(str(self.path) + ".lock", timeout=10):
            disk = self._read_disk(move_bad_aside=True)
            # Our order first (the notebook's order); our changes win, else what is on disk.
            merged = {key: dict(entry) if key in self._dirty or key not in disk else disk[key]
                      for key, entry in self._answers.items()}
            for key, entry in disk.items():  # answers saved meanwhile by another kernel
                merged.setdefault(key, entry)
            _atomic_write_json(self.path, {"versie": FORMAT_VERSION, "notebook": self.notebook,
                                           "antwoorden": merged})
        self._answers = merged
        self._dirty.clear()
        self._dirty_since = None

    def _read_disk(self, move_bad_aside: bool) -> dict[str, dict]:
        if not self.path.exists():
            return {}
        try:
            raw = self.path.read_bytes()
        except OSError as exc:
            self._blocked = (f"het antwoordbestand {self.path} kan niet gelezen worden "
                             f"({exc.strerror}). Je antwoorden blijven in dit notebook tot dat is "
                             "opgelost; vraag je docent of beheerder om hulp.")
            if self._blocked not in self.warnings:
                self.warnings.append(self._blocked)
            return {}
        answers = _parse_answers(raw)
        if answers is None and move_bad_aside:
            backup = self._move_aside()
            self.warnings.append(
                f"Het antwoordbestand {self.path.name} was beschadigd en kon niet gelezen worden. "
                f"Het is bewaard als {backup.name} in {self.folder}; je docent kan het openen. "
                "Nieuwe antwoorden worden in een nieuw bestand opgeslagen.")
        return answers or {}

    def _move_aside(self) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        for n in range(1000):
            suffix = f"-{n}" if n else ""
            backup = self.path.with_name(f"{self.notebook}.kapot-{stamp}{suffix}.json")
            try:
                os.link(self.path, backup)  # fails if backup exists: never overwrite a backup
            except FileExistsError:
                continue
            except OSError:
                if backup.exists():
                    continue
                os.replace(self.path, backup)
                return backup
            os.unlink(self.path)
            return backup
        raise OSError(0, "te veel reservekopieën")

    def _explain(self, exc: Exception) -> str:
        if isinstance(exc, Timeout):
            return "een ander notebook is net aan het opslaan; het wordt zo opnieuw geprobeerd."
        errno = getattr(exc, "errno", None)
        if errno == 28:
            return (f"de schijf is vol ({self.folder}). Maak ruimte vrij; je antwoorden blijven "
                    "bewaard in dit notebook zolang het open is.")
        if errno in (13, 30, 1):
            return (f"geen schrijfrechten in {self.folder}. Stel NABIJHEID_DATA in op een map "
                    "waar je mag schrijven; je antwoorden blijven in dit notebook tot dan.")
        return f"{exc.strerror or exc} ({self.folder}). Je antwoorden blijven in dit notebook."


def _parse_answers(raw: bytes) -> dict[str, dict] | None:
    """The answers in a file's bytes, or None if the file is damaged."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    answers = data.get("antwoorden") if isinstance(data, dict) else None
    if not isinstance(answers, dict):
        return None
    if not all(isinstance(v, dict) and isinstance(v.get("tekst", ""), str) for v in answers.values()):
        return None
    return answers


def _atomic_write_json(path: Path, data: dict) -> None:
    """Write JSON to a temporary file beside ``path``, fsync it, then rename over ``path``."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


@atexit.register
def _flush_all() -> None:
    for store in list(_LIVE_STORES):
        store.flush()
