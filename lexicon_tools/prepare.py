"""A shared, read-only cache for a whole class (``nabijheid voorbereiden MAP``).

On a hub every student has an own cache folder, so at the first lesson every kernel would parse
the lexicon and draw the empty figures itself. The admin runs the student notebooks once, headless,
with ``MAP`` as cache (and an empty, temporary answers folder), and gives every user
``NABIJHEID_CACHE_GEDEELD=MAP``: kernels then read the parsed files and the first drawings from
there (they never write to it; their own cache still takes what is new). It also writes the
package's bytecode, which student kernels cannot write themselves in the admin's folder. Everything in it is keyed
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
    compiled = _compile_package()
    figures = len(list((target / "figuren").glob("*.png")))
    for problem in failed:
        print(f"NIET GELUKT: {problem}")
    if not compiled:
        print("Let op: de bytecode van lexicon_tools kon niet (helemaal) worden geschreven; voer dit "
              "commando uit als de gebruiker die de map van het lespakket mag wijzigen.")
    print(f"Klaar: {target} bevat de gelezen lesstof en {figures} figuren.\n"
          f"Geef alle gebruikers NABIJHEID_CACHE_GEDEELD={target} (zie docs/jupyterhub.md, hoofdstuk 2); "
          "studenten hoeven er alleen te kunnen lezen. Na een update van het lespakket: "
          "voer dit commando opnieuw uit.")
    return 1 if failed else 0


def _compile_package() -> bool:
    """Write the bytecode of lexicon_tools next to its source (as the admin, who may write there).

    Student kernels on a hub cannot write in the package folder, so without this every kernel
    compiles the whole package from source again (~0.15 s of CPU per kernel)."""
    import compileall

    package = Path(__file__).resolve().parent
    ok = bool(compileall.compile_dir(package, quiet=1, force=False))
    _readable_for_everyone(package, only_pycache=True)
    return ok


def _readable_for_everyone(folder: Path, only_pycache: bool = False) -> None:
    """Files of the cache are written private (0600); other users must be able to read them."""
    for path in [folder, *folder.rglob("*")]:
        if only_pycache and "__pycache__" not in path.parts:
            continue
        try:
            path.chmod(0o755 if path.is_dir() else 0o644)
        except OSError:
            pass
