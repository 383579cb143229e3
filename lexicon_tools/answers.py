"""Answers that are never lost: autosave (debounced), restore, atomic writes, safe merging.

One JSON file per notebook in the user's answers folder (``NABIJHEID_DATA`` or the platformdirs
user data folder). A save takes a file lock, reads what is on disk, puts this session's changed
answers over it and replaces the file atomically, so two kernels saving at once both keep their
answers and a killed save leaves the previous file intact. A file that cannot be read is moved
aside as a backup (never overwritten) and the student is told so in Dutch, also when the file was
moved aside by another notebook's kernel (a note file ``<notebook>.melding.txt`` carries the warning).

Hostile and unlucky cases (see docs/betrouwbaarheid.md): the lock is waited for only briefly and a
busy lock is retried in the background while the unsaved answers sit in an emergency copy
(``.<notebook>.wacht-<pid>-<n>``) that a later kernel merges in if this one is killed; an answer
changed on disk by another kernel since this one read it is kept as an earlier version
(``eerder``) and the student is told; lone surrogates are replaced, never fatal; a file that is
not a regular file, too large or nested too deeply is treated as damaged; temporary files of
killed saves are removed; the folder is fsynced after the rename.
"""

__all__ = ["AnswerStore", "notebook_slug"]

import atexit
import os
import re
import threading
import time
import weakref
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout

from . import answer_files as files
from . import settings
from .answer_files import clean_data, clean_text
from .errors import LexiconError

FORMAT_VERSION = 1
LOCK_TIMEOUT = 0.3            # seconds a save waits for another kernel's save (never blocks long)
RETRY_DELAYS = (1, 2, 5, 10, 20, 30)  # seconds between retries while the lock stays busy
MAX_FILE_BYTES = 20_000_000   # an answers file is a few hundred KB at most
MAX_VERSIONS = 10             # earlier versions kept per answer
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
    read_only : bool
        Only read (for a hand-in or a name lookup from another notebook): a damaged file is
        reported in ``warnings`` but left where it is for its own notebook to handle.

    Examples
    --------
    >>> import tempfile
    >>> store = AnswerStore("voorbeeld", folder=tempfile.mkdtemp(), delay=0)
    >>> store.set("v1", "Mijn antwoord", question="Wat is nabijheid?")
    >>> AnswerStore("voorbeeld", folder=store.folder).get("v1")
    'Mijn antwoord'
    """

    def __init__(self, notebook: str, folder: str | Path | None = None, delay: float = 0.6,
                 max_wait: float = 3.0, read_only: bool = False):
        self.notebook = notebook_slug(notebook)
        self.folder = Path(folder).expanduser() if folder else settings.answers_dir()
        self.path = self.folder / f"{self.notebook}.json"
        self.delay, self.max_wait, self.read_only = delay, max_wait, read_only
        self.warnings: list[str] = []
        self.last_error: str | None = None
        self.saved_at: datetime | None = None
        self._answers: dict[str, dict] = {}
        self._base: dict[str, tuple] = {}          # what this kernel last saw on disk, per id
        self._conflicts: dict[str, str] = {}       # id -> Dutch notice for the student
        self._dirty: set[str] = set()
        self._dirty_since: float | None = None
        self._timer: threading.Timer | None = None
        self._retries = 0
        self._lock = threading.RLock()
        self._listeners: list = []
        self._blocked: str | None = None
        self._journal = self.path.with_name(f".{self.notebook}.wacht-{os.getpid()}-{id(self)}")
        self._recovered: list[Path] = []
        self._answers = self._read_disk(move_bad_aside=not read_only)
        self._base = {key: _fingerprint(entry) for key, entry in self._answers.items()}
        for note in files.read_notes(self.path):
            self._warn(note)
        if not read_only:
            self._recover_journals()
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

    def previous_versions(self, question_id: str) -> list[dict]:
        """Earlier texts of an answer kept after a conflict, oldest first ({tekst, bijgewerkt})."""
        with self._lock:
            return [dict(v) for v in self._answers.get(question_id, {}).get("eerder", [])]

    @property
    def conflicts(self) -> dict[str, str]:
        """Question id -> Dutch notice, for answers another tab or notebook changed meanwhile."""
        return dict(self._conflicts)

    def notice(self, question_id: str) -> str:
        """A Dutch notice for this question (e.g. changed meanwhile in another tab), or ''."""
        return self._conflicts.get(question_id, "")

    # -- writing -------------------------------------------------------------------------------
    def describe(self, question_id: str, question: str) -> None:
        """Record a question's text (for the export) without changing its answer."""
        with self._lock:
            entry = self._answers.setdefault(question_id, {"vraag": "", "tekst": ""})
            entry["vraag"] = clean_text(question)

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
            entry = self._answers.setdefault(question_id, {"vraag": "", "tekst": ""})
            if question is not None:
                entry["vraag"] = clean_text(question)
            entry["tekst"] = clean_text(text)
            if data is not None:
                entry["data"] = clean_data(data)
            entry["bijgewerkt"] = datetime.now().isoformat(timespec="seconds")
            self._dirty.add(question_id)
            self._dirty_since = self._dirty_since or time.monotonic()
            overdue = time.monotonic() - self._dirty_since >= self.max_wait
        if self.delay <= 0 or overdue:
            self.save()
        else:
            self._schedule(self.delay)

    def restore_previous(self, question_id: str, index: int = -1) -> None:
        """Make an earlier version the answer again; the current text becomes an earlier one."""
        with self._lock:
            entry = self._answers.get(question_id)
            versions = list((entry or {}).get("eerder", []))
            if not versions:
                raise LexiconError(f"Er is geen eerdere versie van het antwoord op '{question_id}'.")
            chosen = versions.pop(index)
            versions.append({"tekst": entry.get("tekst", ""), "bijgewerkt": entry.get("bijgewerkt", "")})
            entry["eerder"] = versions[-MAX_VERSIONS:]
            self._conflicts.pop(question_id, None)
        self.set(question_id, chosen.get("tekst", ""))

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
        ``last_error`` holds a Dutch explanation, and a retry is scheduled.
        """
        with self._lock:
            self._cancel_timer()
            if not self._dirty or self.read_only:
                return self.last_error is None
            try:
                self._write_merged()
            except Timeout:
                ok = False
                delay = RETRY_DELAYS[min(self._retries, len(RETRY_DELAYS) - 1)]
                self._retries += 1
                self.last_error = (f"een ander notebook of tabblad is net aan het opslaan; over "
                                   f"{delay} s wordt het opnieuw geprobeerd. "
                                   + self._write_journal())
                self._schedule(delay)
            except Exception as exc:  # never a stuck "Wordt opgeslagen…": say it and retry later
                ok = False
                self.last_error = self._explain(exc)
                self._retries += 1
                self._schedule(RETRY_DELAYS[min(self._retries, len(RETRY_DELAYS) - 1)] * 3)
            else:
                self.last_error, ok, self._retries = None, True, 0
                self.saved_at = datetime.now()
        self._notify()
        return ok

    def status(self, question_id: str | None = None) -> str:
        """A short Dutch status line for the student (with ``question_id``: about that answer)."""
        notice = self._conflicts.get(question_id, "") if question_id else \
            " ".join(dict.fromkeys(self._conflicts.values()))
        if self._blocked:
            return f"Niet opgeslagen: {self._blocked}"
        if self.last_error:
            return f"Niet opgeslagen: {self.last_error}"
        if self._dirty:
            return "Wordt opgeslagen…"
        if self.saved_at:
            return f"Opgeslagen om {self.saved_at:%H:%M}" + (f". {notice}" if notice else "")
        return "Je antwoorden worden automatisch bewaard." + (f" {notice}" if notice else "")

    # -- internals -----------------------------------------------------------------------------
    def _warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def _schedule(self, delay: float) -> None:
        with self._lock:
            self._cancel_timer()
            self._timer = threading.Timer(delay, self.save)
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
            self._read_disk(move_bad_aside=True)
            if self._blocked:
                raise OSError(0, self._blocked)
        self.folder.mkdir(parents=True, exist_ok=True)
        with FileLock(str(self.path) + ".lock", timeout=LOCK_TIMEOUT):
            disk = self._read_disk(move_bad_aside=True)
            if self._blocked:
                raise OSError(0, self._blocked)
            files.remove_stale_temp_files(self.path)
            merged = self._merge(disk)
            _atomic_write_json(self.path, {"versie": FORMAT_VERSION,
                                           "notebook": self.notebook, "antwoorden": merged})
        self._answers = merged
        self._base = {key: _fingerprint(entry) for key, entry in merged.items()}
        self._dirty.clear()
        self._dirty_since = None
        self._after_successful_save()

    def _merge(self, disk: dict[str, dict]) -> dict[str, dict]:
        """Our order first; our changes win, else what is on disk. An answer another kernel
        changed since we read it is kept as an earlier version, and the student is told."""
        merged = {}
        for key, entry in self._answers.items():
            if key not in self._dirty and key in disk:
                merged[key] = disk[key]
                continue
            entry = dict(entry)
            theirs = disk.get(key)
            if theirs is not None and key in self._dirty and self._changed_elsewhere(key, theirs, entry):
                versions = [v for v in theirs.get("eerder", []) if isinstance(v, dict)]
                versions.append({"tekst": theirs.get("tekst", ""),
                                 "bijgewerkt": theirs.get("bijgewerkt", "")})
                entry["eerder"] = versions[-MAX_VERSIONS:]
                self._conflicts[key] = CONFLICT_NOTICE
            merged[key] = entry
        for key, entry in disk.items():  # answers saved meanwhile by another kernel
            merged.setdefault(key, entry)
        return merged

    def _changed_elsewhere(self, key: str, theirs: dict, ours: dict) -> bool:
        text = theirs.get("tekst", "")
        return (_fingerprint(theirs) != self._base.get(key) and bool(str(text).strip())
                and text != ours.get("tekst", "")
                and text not in [v.get("tekst") for v in ours.get("eerder", []) if isinstance(v, dict)])

    def _after_successful_save(self) -> None:
        for path in [self._journal, *self._recovered]:
            try:
                path.unlink()
            except OSError:
                pass
        self._recovered = []
        files.remove_notes(self.path)

    def _write_journal(self) -> str:
        """Put the unsaved answers in this process's emergency copy; say so (or say it failed)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            files.write_journal(self._journal, {k: self._answers[k] for k in self._dirty
                                                if k in self._answers})
        except OSError:
            return "Je antwoorden blijven in dit notebook tot het lukt."
        return "Tot dan staan je antwoorden in een noodkopie."

    def _recover_journals(self) -> None:
        """Merge emergency copies left by kernels that were stopped before they could save."""
        for journal in files.journal_paths(self.path):
            if journal == self._journal or files.process_alive(files.journal_pid(journal)):
                continue
            entries = files.read_journal(journal, MAX_FILE_BYTES)
            for key, entry in entries.items():
                mine = self._answers.get(key)
                if mine is None or entry.get("bijgewerkt", "") >= mine.get("bijgewerkt", ""):
                    if mine and mine.get("tekst") and mine.get("tekst") != entry.get("tekst"):
                        entry = {**entry, "eerder": [*mine.get("eerder", []),
                                                     {"tekst": mine["tekst"],
                                                      "bijgewerkt": mine.get("bijgewerkt", "")}]}
                    self._answers[key] = entry
                    self._dirty.add(key)
            self._recovered.append(journal)
        if self._recovered:
            self._dirty_since = time.monotonic()
            self._warn("Antwoorden uit een noodkopie (van een notebook dat stopte voordat het kon "
                       "opslaan) zijn teruggezet.")
            self._schedule(0.05)

    def _read_disk(self, move_bad_aside: bool) -> dict[str, dict]:
        try:
            raw = files.read_answers_file(self.path, MAX_FILE_BYTES)
        except files.NotAnswersFile as exc:
            answers = None
            reason = str(exc)
        except OSError as exc:
            self._blocked = (f"het antwoordbestand {self.path} kan niet gelezen worden "
                             f"({exc.strerror}). Je antwoorden blijven in dit notebook tot dat is "
                             "opgelost; vraag je docent of beheerder om hulp.")
            self._warn(self._blocked)
            return {}
        else:
            if raw is None:
                return {}
            answers, reason = files.parse_answers(raw), "het kon niet gelezen worden"
        if answers is not None:
            return answers
        if not move_bad_aside:
            self._warn(f"Het antwoordbestand {self.path.name} in {self.folder} is beschadigd "
                       f"({reason}). Open het notebook {self.notebook} om het apart te laten "
                       "zetten; het bestand zelf blijft bewaard.")
            return {}
        return self._set_damaged_aside(reason)

    def _set_damaged_aside(self, reason: str) -> dict[str, dict]:
        try:
            with FileLock(str(self.path) + ".lock", timeout=5):
                try:  # another kernel may have moved or repaired it meanwhile
                    raw = files.read_answers_file(self.path, MAX_FILE_BYTES)
                    again = files.parse_answers(raw) if raw is not None else {}
                except files.NotAnswersFile:
                    again = None
                if again is not None:
                    return again
                backup = files.move_aside(self.path, self.notebook)
        except (OSError, Timeout) as exc:
            self._blocked = (f"het antwoordbestand {self.path} is beschadigd ({reason}) en kan "
                             f"niet apart gezet worden ({getattr(exc, 'strerror', None) or exc}). "
                             "Het wordt niet overschreven; je antwoorden blijven in dit notebook. "
                             "Vraag je docent of beheerder om hulp.")
            self._warn(self._blocked)
            return {}
        if backup is not None:
            message = (f"Het antwoordbestand {self.path.name} was beschadigd ({reason}). Het is "
                       f"bewaard als {backup.name} in {self.folder}; je docent kan het openen. "
                       "Nieuwe antwoorden worden in een nieuw bestand opgeslagen.")
            self._warn(message)
            files.write_note(self.path, message)
        return {}

    def _explain(self, exc: Exception) -> str:
        errno = getattr(exc, "errno", None)
        if errno == 28:
            return (f"de schijf is vol ({self.folder}). Maak ruimte vrij; je antwoorden blijven "
                    "bewaard in dit notebook zolang het open is.")
        if errno in (13, 30, 1):
            return (f"geen schrijfrechten in {self.folder}. Stel NABIJHEID_DATA in op een map "
                    "waar je mag schrijven; je antwoorden blijven in dit notebook tot dan.")
        if isinstance(exc, OSError):
            return f"{exc.strerror or exc} ({self.folder}). Je antwoorden blijven in dit notebook."
        return (f"onverwachte fout bij het opslaan ({type(exc).__name__}); het wordt zo opnieuw "
                "geprobeerd. Je antwoorden blijven in dit notebook.")


CONFLICT_NOTICE = ("Let op: dit antwoord was intussen ook in een ander tabblad of notebook "
                   "gewijzigd. Die andere tekst is niet weg: hij staat bij de eerdere versies. "
                   "Met de knop 'Wissel met de andere versie' zet je hem terug (en weer terug).")


def _fingerprint(entry: dict) -> tuple:
    return (entry.get("tekst", ""), entry.get("bijgewerkt", ""))


_parse_answers = files.parse_answers
_atomic_write_json = files.atomic_write_json  # a module name, so tests can simulate a full disk


@atexit.register
def _flush_all() -> None:
    for store in list(_LIVE_STORES):
        store.flush()
