"""The `nabijheid` command: Dutch help, instellen, kopieer; nothing ends in a traceback."""

import tomllib

from lexicon_tools import settings
from lexicon_tools.__main__ import COMMANDS, main
from lexicon_tools.exercises import question


def test_help_is_dutch_and_lists_every_command(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("gebruik: nabijheid") and "toon deze hulp" in out
    assert all(name in out for name in COMMANDS)
    assert main([]) == 2


def test_instellen_writes_a_valid_config_and_keeps_other_settings(tmp_path, capsys):
    config = settings.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('antwoorden = "~/antw"\noefeningen = "~/oud"\n', encoding="utf-8")
    folder = tmp_path / "map met spatie" / "C-schijf\\stijl"
    assert main(["instellen", "--oefeningen", str(folder)]) == 0
    data = tomllib.loads(config.read_text(encoding="utf-8"))
    assert data == {"antwoorden": "~/antw", "oefeningen": str(folder.resolve())}
    assert folder.is_dir() and "nabijheid bronnen" in capsys.readouterr().out


def test_kopieer_needs_an_own_folder_and_never_overwrites(tmp_path, capsys):
    assert main(["kopieer", "vertrouwen-r1"]) == 1
    assert "nabijheid instellen" in capsys.readouterr().out
    own = tmp_path / "eigen"
    assert main(["kopieer", "vertrouwen-q1", "--naar", str(own)]) == 0
    copy = own / "vertrouwen-q1.yaml"
    copy.write_text(copy.read_text(encoding="utf-8").replace("vraag: ", "vraag: Nieuw: ", 1)
                    .replace("Nieuw: ", "\"Nieuw: ", 1).replace("?\n", "?\"\n", 1), encoding="utf-8")
    assert main(["kopieer", "vertrouwen-q1", "--naar", str(own)]) == 1
    assert "bestaat al" in capsys.readouterr().out and "Nieuw" in copy.read_text(encoding="utf-8")
    assert main(["check", str(own)]) == 0, capsys.readouterr().out
    assert main(["kopieer", "vertrouwen-q9", "--naar", str(own)]) == 1
    out = capsys.readouterr().out
    assert "geen vraag met id 'vertrouwen-q9'" in out and "Traceback" not in out


def test_a_copied_question_round_trips_exactly(tmp_path, monkeypatch):
    own = tmp_path / "eigen"
    for question_id in ("vertrouwen-q1", "vertrouwen-r1"):
        assert main(["kopieer", question_id, "--naar", str(own)]) == 0
    monkeypatch.setenv("NABIJHEID_OEFENINGEN", str(own))
    ours = {i: question(i, settings.EXERCISES_DIR) for i in ("vertrouwen-q1", "vertrouwen-r1")}
    assert all(question(i) == item for i, item in ours.items())
