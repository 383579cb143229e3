"""A shared, read-only cache for a whole class (``nabijheid voorbereiden MAP``).

On a hub every student has an own cache folder, so at the first lesson every kernel would parse
the lexicon and draw the empty figures itself. The admin runs the student notebooks once, headless,
with ``MAP`` as cache (and an empty, temporary answers folder), and gives every user
``NABIJHEID_CACHE_GEDEELD=MAP``: kernels then read the parsed files and the first drawings from
there (they never write to it; their own cache still takes what is new). Everything in it is keyed
by content and code, so a changed question or drawing is never taken from it, only drawn anew.
"""

__all__ = ["prepare", "student_notebooks"]

import os
import subprocess
import tempfile
from pathlib import Path

from . import settings


def student_notebooks() -> list[Path]:
    """The notebooks students run (not the lecturers' ``docent_*``)."""
    return sorted(p for p in (settings.PROJECT_DIR / "notebooks").glob("*.ipynb")
                  if not p.name.startswith("docent"))


def prepare(folder: str | Path) -> int:
    """Run every student notebook once with ``folder`` as cache; print what was prepared (Dutch)."""
    import nbformat
    from nbclient import NotebookClient

    target = Path(folder).expanduser().resolve()
    target.mkdir(parents=True, exist_ok=True)
    failed = []
    saved = {key: os.environ.get(key) for key in ("NABIJHEID_CACHE", "NABIJHEID_DATA",
                                                  "NABIJHEID_CACHE_GEDEELD")}
    with tempfile.TemporaryDirectory() as answers:
        os.environ.update(NABIJHEID_CACHE=str(target), NABIJHEID_DATA=answers)
        os.environ.pop("NABIJHEID_CACHE_GEDEELD", None)
        try:
            for path in student_notebooks():
                print(f"- {path.name} ...", flush=True)
                notebook = nbformat.read(path, as_version=4)
                client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                                        resources={"metadata": {"path": str(path.parent)}})
                try:
                    client.execute(stderr=subprocess.DEVNULL)  # no kernel start-up noise
                except Exception as exc:  # a broken notebook must not stop the others
                    failed.append(f"{path.name}: {str(exc).strip().splitlines()[-1][:200]}")
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    _readable_for_everyone(target)
    figures = len(list((target / "figuren").glob("*.png")))
    for problem in failed:
        print(f"NIET GELUKT: {problem}")
    print(f"Klaar: {target} bevat de gelezen lesstof en {figures} figuren.\n"
          f"Geef alle gebruikers NABIJHEID_CACHE_GEDEELD={target} (zie docs/jupyterhub.md, §4); "
          "studenten hoeven er alleen te kunnen lezen. Na een update van het lespakket: "
          "voer dit commando opnieuw uit.")
    return 1 if failed else 0


def _readable_for_everyone(folder: Path) -> None:
    """Files of the cache are written private (0600); other users must be able to read them."""
    for path in [folder, *folder.rglob("*")]:
        try:
            path.chmod(0o755 if path.is_dir() else 0o644)
        except OSError:
            pass
