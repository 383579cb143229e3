"""Anonymous class exports: students write rows without a name; a lecturer reads a whole folder.

Used by the Bogardus scale and the straatscan. Damaged or empty files are reported in Dutch and
skipped, never fatal.
"""

from __future__ import annotations

__all__ = ["write_anonymous_csv", "read_csv_folder"]

import csv
import io
import uuid
from pathlib import Path


def write_anonymous_csv(rows: list[dict], prefix: str, folder: str | Path = ".") -> Path:
    """Write rows to a new CSV file with a random name (no name or student number in it)."""
    if not rows:
        raise ValueError("er is nog niets om te exporteren")
    path = Path(folder) / f"{prefix}_{uuid.uuid4().hex[:8]}.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def read_csv_folder(source: str | Path, pattern: str = "*.csv") -> tuple[list[pd.DataFrame], list[str]]:
    """Read every CSV in a folder (or one CSV file); return (frames, Dutch problems)."""
    import pandas as pd  # only here: a student's kernel never needs pandas

    source = Path(source)
    if source.is_dir():
        paths = sorted(source.glob(pattern))
    elif source.exists():
        paths = [source]
    else:
        return [], [f"{source}: deze map of dit bestand bestaat niet."]
    frames, problems = [], []
    for path in paths:
        try:
            frame = pd.read_csv(io.StringIO(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
            problems.append(f"{path.name}: overgeslagen, het bestand is niet te lezen "
                            f"({type(exc).__name__}).")
            continue
        frames.append(frame.assign(_bestand=path.name))
    if not paths:
        problems.append(f"{source}: geen CSV-bestanden gevonden.")
    return frames, problems
