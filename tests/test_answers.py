"""The answer store: nothing a student types is ever lost."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lexicon_tools import AnswerStore, answers_markdown, export_markdown


def run_python(code: str, **env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=60)


def test_restores_in_a_new_process(tmp_path):
    code = ("from lexicon_tools import AnswerStore\n"
            "s = AnswerStore('00_start_hier', delay=5)\n"
            "s.set('start-r1', 'Nabijheid is er zijn.', question='Wat is nabijheid?')\n")
    # delay=5: the process ends before the debounce fires; the exit flush must save it.
    assert run_python(code, NABIJHEID_DATA=str(tmp_path)).returncode == 0
    assert AnswerStore("00_start_hier", folder=tmp_path).get("start-r1") == "Nabijheid is er zijn."


def test_env_var_chooses_the_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("NABIJHEID_DATA", str(tmp_path / "mijn map"))
    store = AnswerStore("x", delay=0)
    store.set("q", "a")
    assert (tmp_path / "mijn map" / "x.json").is_file()


def test_debounce_waits_then_saves(tmp_path):
    store = AnswerStore("nb", folder=tmp_path, delay=0.3, max_wait=10)
    store.set("q", "eerste")
    store.set("q", "eerste versie")
    assert not store.path.exists() and store.status() == "Wordt opgeslagen…"
    deadline = time.monotonic() + 5
    while not store.path.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert AnswerStore("nb", folder=tmp_path).get("q") == "eerste versie"
    assert store.status().startswith("Opgeslagen om ")


def test_max_wait_saves_during_continuous_typing(tmp_path):
    store = AnswerStore("nb", folder=tmp_path, delay=60, max_wait=0.2)
    store.set("q", "a")
    time.sleep(0.25)
    store.set("q", "ab")  # still typing, but the first change is overdue
    assert AnswerStore("nb", folder=tmp_path).get("q") == "ab"


def test_two_notebooks_are_kept_apart(tmp_path):
    one, two = AnswerStore("01_sociaal", tmp_path, delay=0), AnswerStore("02_geo", tmp_path, delay=0)
    one.set("q", "antwoord een")
    two.set("q", "antwoord twee")
    assert AnswerStore("01_sociaal", tmp_path).get("q") == "antwoord een"
    assert AnswerStore("02_geo", tmp_path).get("q") == "antwoord twee"


def test_two_stores_on_one_file_merge(tmp_path):
    a, b = AnswerStore("nb", tmp_path, delay=0), AnswerStore("nb", tmp_path, delay=0)
    a.set("q1", "van a")
    b.set("q2", "van b")  # b never read q1, but must not wipe it
    fresh = AnswerStore("nb", tmp_path)
    assert fresh.get("q1") == "van a" and fresh.get("q2") == "van b"


WRITER = """
import sys
from lexicon_tools import AnswerStore
store = AnswerStore("gedeeld", delay=0)
for i in range(40):
    store.set(f"{sys.argv[1]}-{i}", f"antwoord {i} van {sys.argv[1]}")
"""


def test_two_writer_processes_lose_nothing(tmp_path):
    env = {**os.environ, "NABIJHEID_DATA": str(tmp_path)}
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, name], env=env) for name in "ab"]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    answers = AnswerStore("gedeeld", tmp_path).answers()
    assert len(answers) == 80
    assert answers["b-39"]["tekst"] == "antwoord 39 van b"


KILLED = """
from lexicon_tools import AnswerStore
store = AnswerStore("groot", delay=0)
i = 0
while True:
    i += 1
    store.set("essay", str(i) + " " + "lange tekst " * 200_000)
    if i == 1:
        print("eerste opslag", flush=True)
"""


def test_killed_write_leaves_previous_answers_intact(tmp_path):
    store = AnswerStore("groot", tmp_path, delay=0)
    store.set("eerder", "dit mag niet verloren gaan")
    env = {**os.environ, "NABIJHEID_DATA": str(tmp_path)}
    for pause in (0.05, 0.4, 0.8):
        proc = subprocess.Popen([sys.executable, "-c", KILLED], env=env, stdout=subprocess.PIPE,
                                text=True)
        assert proc.stdout.readline().strip() == "eerste opslag"  # however slow the machine is
        time.sleep(pause)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        data = json.loads((tmp_path / "groot.json").read_text(encoding="utf-8"))
        assert data["antwoorden"]["eerder"]["tekst"] == "dit mag niet verloren gaan"
        assert data["antwoorden"]["essay"]["tekst"].endswith("lange tekst ")
    assert not list(tmp_path.glob("*.kapot-*")), "a killed write must not look like a damaged file"


@pytest.mark.parametrize("content", [b"{dit is geen json", b"\xff\xfe\x00kapot", b'{"antwoorden": 3}',
                                     b'["lijst"]'])
def test_damaged_file_is_kept_aside_with_a_warning(tmp_path, content):
    (tmp_path / "nb.json").write_bytes(content)
    store = AnswerStore("nb", tmp_path, delay=0)
    (backup,) = tmp_path.glob("nb.kapot-*.json")
    assert backup.read_bytes() == content
    assert len(store.warnings) == 1 and backup.name in store.warnings[0]
    assert "beschadigd" in store.warnings[0]
    store.set("q", "nieuw")
    assert AnswerStore("nb", tmp_path).get("q") == "nieuw"
    assert backup.read_bytes() == content


def test_backups_are_never_overwritten(tmp_path):
    for n in range(3):
        (tmp_path / "nb.json").write_text(f"kapot {n}", encoding="utf-8")
        AnswerStore("nb", tmp_path)
    backups = sorted(p.read_text(encoding="utf-8") for p in tmp_path.glob("nb.kapot-*.json"))
    assert backups == ["kapot 0", "kapot 1", "kapot 2"]


def test_failed_save_keeps_answers_and_retries(tmp_path, monkeypatch):
    import lexicon_tools.answers as answers_module

    real_write = answers_module._atomic_write_json

    def disk_full(path, data):
        raise OSError(28, "No space left on device")

    store = AnswerStore("nb", tmp_path, delay=0)
    monkeypatch.setattr(answers_module, "_atomic_write_json", disk_full)
    store.set("q", "belangrijk antwoord")
    assert store.get("q") == "belangrijk antwoord" and store.has_unsaved
    assert "schijf is vol" in store.status() and store.status().startswith("Niet opgeslagen")
    monkeypatch.setattr(answers_module, "_atomic_write_json", real_write)
    assert store.flush() is True
    assert AnswerStore("nb", tmp_path).get("q") == "belangrijk antwoord"
    assert store.status().startswith("Opgeslagen om")


def test_status_listener_is_called(tmp_path):
    store, seen = AnswerStore("nb", tmp_path, delay=0), []
    store.on_change(lambda s: seen.append(s.status()))
    store.set("q", "x")
    assert seen and seen[-1].startswith("Opgeslagen om")


def test_export_markdown(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    store = AnswerStore("00_start_hier", tmp_path / "data", delay=0)
    store.describe("q0", "Een vraag zonder antwoord?")
    store.set("q1", "Mijn antwoord\nover twee regels.", question="Wat denk jij?")
    store.set("_naam", "Sam de Vries 123", question="Naam")
    path = export_markdown(store, naam="Sam de Vries 123")
    text = path.read_text(encoding="utf-8")
    assert path == tmp_path / "zonder-studentnummer_00_start_hier.md"
    assert "# Antwoorden van Sam de Vries 123" in text and 'naam: "Sam de Vries 123"' in text
    assert "### Wat denk jij?\n\n> Mijn antwoord  \n> over twee regels.  " in text
    assert "### Een vraag zonder antwoord?\n\n*(nog niet beantwoord)*" in text
    assert "### Naam" not in text
    assert text.index("Een vraag zonder") < text.index("Wat denk jij?")


def test_markdown_without_name():
    import tempfile
    store = AnswerStore("x", tempfile.mkdtemp())
    assert "# Antwoorden van (naam niet ingevuld)" in answers_markdown(store)
