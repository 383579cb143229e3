"""Start the teaching kit: one command on Windows, macOS and Linux (standard library only).

    python start.py          (Windows: py start.py)

The first time this creates a Python environment in ``.venv`` and installs the kit (a few
minutes); later it installs again only when ``pyproject.toml`` changed. It installs the
JupyterLab settings of the kit (Dutch menus, no kernel-picker dialog, outputs not saved into the
course notebooks, a Dutch notice after a kernel restart), then starts JupyterLab in this folder
with ``notebooks/00_start_hier.ipynb`` open and prints the exact link, token included.
Stop with Ctrl+C in this window.

Options (for lecturers and developers): ``--poort 8890``, ``--geen-browser``,
``--alleen-installeren`` (do not start JupyterLab) and ``--met-tests`` (also the test tools).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import webbrowser
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
CONFIG = ROOT / "jupyter-config"
START_NOTEBOOK = "notebooks/00_start_hier.ipynb"
MINIMUM = (3, 10)


def say(text: str = "") -> None:
    print(text, flush=True)


def fail(text: str) -> "NoReturn":  # noqa: F821 - only a hint for readers
    say()
    say(f"Het starten lukt niet: {text}")
    raise SystemExit(1)


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def check_python() -> None:
    if sys.version_info < MINIMUM:
        fail(f"dit is Python {sys.version_info.major}.{sys.version_info.minor}; je hebt Python "
             f"{MINIMUM[0]}.{MINIMUM[1]} of nieuwer nodig. Installeer een nieuwere versie via "
             "https://www.python.org/downloads/ en start opnieuw.")


def create_venv() -> None:
    if venv_python().exists():
        return
    say("Eerste keer: ik maak een eigen Python-omgeving in de map .venv ...")
    import venv

    try:
        venv.create(VENV, with_pip=True)
    except (OSError, subprocess.CalledProcessError) as error:
        shutil.rmtree(VENV, ignore_errors=True)
        hint = (" Op Ubuntu/Debian: installeer eerst 'python3-venv' "
                "(sudo apt install python3-venv)." if sys.platform.startswith("linux") else "")
        fail(f"de map .venv kon niet worden gemaakt ({error}).{hint}")


def install_stamp(with_tests: bool) -> Path:
    """A marker file named after pyproject.toml's content: install again only when it changed."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    return VENV / f".geinstalleerd-{digest}{'-tests' if with_tests else ''}"


def install(with_tests: bool) -> None:
    stamp = install_stamp(with_tests)
    if stamp.exists() or (not with_tests and install_stamp(True).exists()):
        return
    say("Ik installeer het lespakket en JupyterLab (de eerste keer duurt dit een paar minuten) ...")
    target = ".[test]" if with_tests else "."
    command = [str(venv_python()), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
               "-e", target]
    if subprocess.run(command, cwd=ROOT).returncode != 0:
        fail("installeren is mislukt (zie de meldingen hierboven). Controleer je internetverbinding "
             "en start opnieuw.")
    for old in VENV.glob(".geinstalleerd-*"):
        old.unlink()
    stamp.touch()


def install_settings() -> None:
    """The kit's JupyterLab and Jupyter server settings, inside .venv (nothing in the home folder)."""
    prefix = Path(run_in_venv("import sys; print(sys.prefix)"))
    copy(CONFIG / "overrides.json", prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json")
    copy(CONFIG / "jupyter_server_config.json", prefix / "etc" / "jupyter" / "jupyter_server_config.json")
    # LabApp.custom_css serves custom/custom.css from jupyter_server's static folder (among others)
    static = Path(run_in_venv("import jupyter_server, os; print(os.path.dirname(jupyter_server.__file__))"))
    copy(CONFIG / "custom" / "custom.css", static / "static" / "custom" / "custom.css")


def run_in_venv(code: str) -> str:
    result = subprocess.run([str(venv_python()), "-c", code], capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"de Python-omgeving in .venv werkt niet ({result.stderr.strip()[-300:]}). "
             "Verwijder de map .venv en start opnieuw.")
    return result.stdout.strip()


def copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_bytes() != source.read_bytes():
        shutil.copyfile(source, target)


def free_port(first: int) -> int:
    for port in range(first, first + 50):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
                return port
            except OSError:
                continue
    fail(f"geen vrije poort gevonden tussen {first} en {first + 49}.")


def lab_command(port: int, token: str) -> list[str]:
    command = [str(venv_python()), "-m", "jupyterlab", "--no-browser", f"--port={port}",
               "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}",
               f"--ServerApp.root_dir={ROOT}", "--ServerApp.answer_yes=True",
               "--ServerApp.log_level=WARN", "--LabApp.log_level=WARN"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    return command


def wait_until_up(url: str, server: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            fail("JupyterLab stopte meteen (zie de meldingen hierboven).")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    fail("JupyterLab reageert niet. Sluit dit venster en start opnieuw.")


def start_lab(port: int, open_browser: bool) -> int:
    port = free_port(port)
    token = secrets.token_hex(16)
    base = f"http://localhost:{port}"
    link = f"{base}/lab/tree/{START_NOTEBOOK}?token={token}"
    say("JupyterLab wordt gestart ...")
    # The kit's commands (``nabijheid check`` ...) work in JupyterLab's terminal: it inherits PATH.
    scripts = venv_python().parent
    env = {**os.environ, "PATH": str(scripts) + os.pathsep + os.environ.get("PATH", ""),
           # no developer warnings (e.g. a deprecated setting inside a Jupyter extension) in the
           # student's terminal or notebooks
           "PYTHONWARNINGS": os.environ.get("PYTHONWARNINGS", "ignore::DeprecationWarning")}
    server = subprocess.Popen(lab_command(port, token), cwd=ROOT, env=env)
    try:
        wait_until_up(f"{base}/api/status?token={token}", server)
        say()
        say("JupyterLab draait. Open deze link in je browser (de code achter token= is je sleutel):")
        say()
        say(f"    {link}")
        say()
        say("Alleen tekst en oefeningen, zonder code (leesweergave):")
        say(f"    {base}/voila/render/{START_NOTEBOOK}?token={token}")
        say()
        say("Stoppen: druk in dit venster op Ctrl+C (of kies in JupyterLab Bestand > Shut Down).")
        say("Opnieuw beginnen: start dit programma opnieuw; je antwoorden blijven bewaard.")
        if open_browser:
            webbrowser.open(link)
        return server.wait()
    except KeyboardInterrupt:
        say("\nJupyterLab wordt gestopt ...")
        try:  # Ctrl+C in a terminal reaches the server too; if not (e.g. a signal to us only):
            return server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.terminate()
        try:
            return server.wait(timeout=25)
        except (KeyboardInterrupt, subprocess.TimeoutExpired):
            server.kill()
            return 0
    finally:
        if server.poll() is None:
            server.terminate()


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Start het lespakket Nabijheid en sociaal werk.")
    parser.add_argument("--poort", type=int, default=8888, help="eerste poort om te proberen")
    parser.add_argument("--geen-browser", action="store_true", help="open zelf geen browser")
    parser.add_argument("--alleen-installeren", action="store_true",
                        help="installeer alleen, start JupyterLab niet")
    parser.add_argument("--met-tests", action="store_true", help="installeer ook de testhulpmiddelen")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    check_python()
    create_venv()
    install(with_tests=args.met_tests)
    install_settings()
    if args.alleen_installeren:
        say("Klaar: het lespakket is geïnstalleerd in .venv.")
        return 0
    return start_lab(args.poort, open_browser=not args.geen_browser)


if __name__ == "__main__":
    sys.exit(main())
