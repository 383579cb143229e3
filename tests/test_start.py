"""start.py: the one start command for students (Windows, macOS, Linux), standard library only."""

import ast
import importlib.util
import json
import os
import re
import signal
import subprocess
import sys
import urllib.request

import pytest

from conftest import PROJECT

START = PROJECT / "start.py"


def load_start():
    spec = importlib.util.spec_from_file_location("kit_start", START)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_uses_only_the_standard_library():
    """It runs before anything is installed, with a bare Python from python.org."""
    tree = ast.parse(START.read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module}
    assert imported <= set(sys.stdlib_module_names), imported - set(sys.stdlib_module_names)


def test_jupyterlab_serves_the_repository_root_with_a_token(monkeypatch):
    start = load_start()
    command = start.lab_command(8899, "abc123")
    assert f"--ServerApp.root_dir={PROJECT}" in command
    assert "--IdentityProvider.token=abc123" in command
    assert "--ServerApp.answer_yes=True" in command  # one Ctrl+C stops, no English y/n question
    assert command[1:3] == ["-m", "jupyterlab"]  # no jupyter executable needed (Windows paths)


def test_venv_python_per_platform(monkeypatch):
    start = load_start()
    monkeypatch.setattr(start.os, "name", "nt")
    assert start.venv_python().parts[-2:] == ("Scripts", "python.exe")
    monkeypatch.setattr(start.os, "name", "posix")
    assert start.venv_python().parts[-2:] == ("bin", "python")


def test_installs_again_only_when_pyproject_changes(tmp_path, monkeypatch):
    start = load_start()
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    (tmp_path / ".venv").mkdir()
    monkeypatch.setattr(start, "ROOT", tmp_path)
    monkeypatch.setattr(start, "VENV", tmp_path / ".venv")
    calls = []
    monkeypatch.setattr(start.subprocess, "run",
                        lambda command, **kw: calls.append(command) or subprocess.CompletedProcess(command, 0))
    start.install(with_tests=False)
    start.install(with_tests=False)
    assert len(calls) == 1 and calls[0][-2:] == ["-e", "."]
    start.install(with_tests=True)  # the test tools are an extra install
    assert len(calls) == 2 and calls[1][-1] == ".[test]"
    start.install(with_tests=False)  # a test install also serves students
    assert len(calls) == 2
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'y'\n", encoding="utf-8")
    start.install(with_tests=False)
    assert len(calls) == 3


def test_a_failed_install_says_what_to_do_in_dutch(tmp_path, monkeypatch, capsys):
    start = load_start()
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / ".venv").mkdir()
    monkeypatch.setattr(start, "ROOT", tmp_path)
    monkeypatch.setattr(start, "VENV", tmp_path / ".venv")
    monkeypatch.setattr(start.subprocess, "run",
                        lambda command, **kw: subprocess.CompletedProcess(command, 1))
    with pytest.raises(SystemExit) as stop:
        start.install(with_tests=False)
    assert stop.value.code == 1
    out = capsys.readouterr().out
    assert "installeren is mislukt" in out and "internetverbinding" in out
    assert not list((tmp_path / ".venv").glob(".geinstalleerd-*"))  # next start tries again


def test_settings_files_exist_and_are_valid():
    config = PROJECT / "jupyter-config"
    overrides = json.loads((config / "overrides.json").read_text(encoding="utf-8"))
    assert overrides["@jupyterlab/translation-extension:plugin"]["locale"] == "nl_NL"
    server = json.loads((config / "jupyter_server_config.json").read_text(encoding="utf-8"))
    assert server["ContentsManager"]["pre_save_hook"] == "lexicon_tools.clean_save.strip_outputs"
    assert server["LabApp"]["custom_css"] is True
    assert "niet meer actief" in (config / "custom" / "custom.css").read_text(encoding="utf-8")


@pytest.mark.skipif(not (PROJECT / ".venv" / "pyvenv.cfg").exists() or os.name == "nt",
                    reason="needs the kit's own .venv (made by `make test` / start.py)")
def test_start_prints_the_link_serves_the_root_and_stops_with_ctrl_c(tmp_path):
    env = {**os.environ, "NABIJHEID_DATA": str(tmp_path / "antwoorden")}
    process = subprocess.Popen([sys.executable, str(START), "--geen-browser", "--poort", "18888"],
                               cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, env=env, start_new_session=True)
    try:
        link = None
        for line in process.stdout:
            found = re.search(r"(http://localhost:\d+)/lab/tree/notebooks/00_start_hier\.ipynb\?token=(\w+)", line)
            if found:
                link = found
                break
        assert link, "no link with a token was printed"
        base, token = link.groups()
        with urllib.request.urlopen(f"{base}/api/contents/exercises?token={token}") as reply:
            assert reply.status == 200  # the repository root is served, not only notebooks/
        os.killpg(process.pid, signal.SIGINT)
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
