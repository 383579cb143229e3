"""Low-level file handling for the answer store: safe reading, atomic writing, backups, notes
and emergency copies. No state; :class:`lexicon_tools.answers.AnswerStore` builds on these.
"""

__all__ = ["read_answers_file", "atomic_write_json", "move_aside", "clean_text", "clean_data",
           "NotAnswersFile"]

import json
import os
import stat
import tempfile
from datetime import datetime
from pathlib import Path


class NotAnswersFile(ValueError):
    """The path exists but cannot hold answers (not a regular file, or far too large)."""


def clean_text(text) -> str:
    """``text`` as a string that can always be written as UTF-8.

    A lone surrogate (half an emoji, as a browser may send it) becomes U+FFFD; a valid surrogate
    pair becomes the character it encodes.

    Examples
    --------
    >>> clean_text("a\\ud83d b")
    'a\\ufffd b'
    >>> clean_text("\\ud83d\\ude00") == "\\U0001F600"
    True
    """
    text = str(text)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def clean_data(value, depth: int = 0):
    """JSON-like ``value`` with every string cleaned (see :func:`clean_text`); depth-limited."""
    if depth > 50:
        return None
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(k): clean_data(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean_data(v, depth + 1) for v in value]
    return value


def read_answers_file(path: Path, max_bytes: int) -> bytes | None:
    """The bytes of an answers file, None when it does not exist.

    Raises :class:`NotAnswersFile` for a FIFO, device, folder or a file over ``max_bytes`` (never
    opened, so nothing hangs or fills memory) and ``OSError`` when it cannot be read.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(info.st_mode):
        raise NotAnswersFile("het is geen gewoon bestand")
    if info.st_size > max_bytes:
        raise NotAnswersFile(f"het is veel te groot ({info.st_size // 1_000_000} MB)")
    return Path(path).read_bytes()


def parse_answers(raw: bytes) -> dict[str, dict] | None:
    """The answers in a file's bytes, or None if the file is damaged (also: nested too deep)."""
    try:
        data = json.loads(raw.decode("utf-8-sig"))  # Notepad writes a BOM: still valid
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError, MemoryError):
        return None
    answers = data.get("antwoorden") if isinstance(data, dict) else None
    if not isinstance(answers, dict):
        return None
    if not all(isinstance(v, dict) and isinstance(v.get("tekst", ""), str) for v in answers.values()):
        return None
    return answers


def atomic_write_json(path: Path, data: dict) -> None:
    """Write JSON to a temporary file beside ``path``, fsync it, rename over ``path``, fsync the
    folder (so the rename survives a power cut)."""
    _replace_with_json(path, data, prefix=f".{path.stem}.", suffix=".tmp", indent=1)
    fsync_folder(path.parent)


def _replace_with_json(path: Path, data: dict, prefix: str, suffix: str, indent=None) -> None:
    """Write JSON to a temporary file beside ``path``, fsync it and rename it over ``path``."""
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=indent)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def fsync_folder(folder: Path) -> None:
    """fsync a folder where the OS allows it (not on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_stale_temp_files(path: Path) -> int:
    """Remove temporary files of killed saves of ``path``; call only while holding the lock."""
    removed = 0
    for tmp in path.parent.glob(f".{path.stem}.*.tmp"):
        try:
            tmp.unlink()
            removed += 1
        except OSError:
            pass
    return removed


def move_aside(path: Path, notebook: str) -> Path | None:
    """Move a damaged answers file to ``<notebook>.kapot-<stamp>.json``; never overwrites a
    backup. None when the file is already gone (another kernel moved it first)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for n in range(1000):
        suffix = f"-{n}" if n else ""
        backup = path.with_name(f"{notebook}.kapot-{stamp}{suffix}.json")
        try:
            os.link(path, backup)  # fails if backup exists: never overwrite a backup
        except FileExistsError:
            continue
        except FileNotFoundError:
            return None
        except OSError:  # no hard links here (some file systems): rename if the name is free
            if backup.exists():
                continue
            try:
                os.replace(path, backup)
            except FileNotFoundError:
                return None
            return backup
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass
        return backup
    raise OSError(0, "te veel reservekopieën")


# -- notes for the notebook whose file was moved aside ----------------------------------------------
def note_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.melding.txt")


def write_note(path: Path, message: str) -> None:
    """Leave ``message`` for whoever opens this notebook next (appended; best effort)."""
    try:
        with open(note_path(path), "a", encoding="utf-8") as handle:
            handle.write(message.replace("\n", " ") + "\n")
    except OSError:
        pass


def read_notes(path: Path) -> list[str]:
    try:
        text = note_path(path).read_text(encoding="utf-8", errors="replace")[:20_000]
    except OSError:
        return []
    return [line for line in text.splitlines() if line.strip()]


def remove_notes(path: Path) -> None:
    try:
        note_path(path).unlink()
    except OSError:
        pass


# -- emergency copies of answers that could not be saved yet ----------------------------------------
def journal_paths(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f".{path.stem}.wacht-*"))


def journal_pid(journal: Path) -> int | None:
    try:
        return int(journal.name.rsplit(".wacht-", 1)[1].split("-")[0])
    except (IndexError, ValueError):
        return None


def process_alive(pid: int | None) -> bool:
    if pid is None:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def write_journal(journal: Path, entries: dict[str, dict]) -> None:
    """Write the unsaved answers to this process's own emergency copy (no lock needed)."""
    _replace_with_json(journal, {"antwoorden": entries}, prefix=journal.name + ".", suffix=".part")

def read_journal(journal: Path, max_bytes: int) -> dict[str, dict]:
    try:
        raw = read_answers_file(journal, max_bytes)
    except (OSError, NotAnswersFile):
        return {}
    return (parse_answers(raw) or {}) if raw else {}
