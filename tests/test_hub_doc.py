"""docs/jupyterhub.md: its snippets are valid and say what the kit really does."""

import re

import yaml

from lexicon_tools.__main__ import COMMANDS
from conftest import PROJECT

DOC = (PROJECT / "docs" / "jupyterhub.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC, re.S)


def test_zero_to_jupyterhub_config_is_valid_yaml_with_the_measured_memory():
    (config,) = blocks("yaml")
    data = yaml.safe_load(config)
    single = data["singleuser"]
    assert single["memory"]["guarantee"] == "300M" and single["memory"]["limit"] == "1G"
    assert "NABIJHEID_OEFENINGEN" in single["extraEnv"]
    assert data["cull"]["enabled"] is True and data["cull"]["timeout"] > 0
    assert "~250 MiB per student" in DOC  # from benchmarks/class_load.py


def test_python_and_toml_snippets_are_valid():
    import tomllib

    for code in blocks("python"):
        compile(code, "jupyterhub.md", "exec")
    (toml,) = blocks("toml")
    assert tomllib.loads(toml) == {"oefeningen": "klas-2b"}


def test_tljh_snippet_and_commands_exist():
    (tljh,) = [b for b in blocks("bash") if "tljh-config" in b]
    for key in ("limits.memory", "services.cull.timeout", "user_environment.default_app"):
        assert f"tljh-config set {key}" in tljh
    assert "tljh-config reload" in tljh
    for command in re.findall(r"`nabijheid (\w[\w-]*)", DOC):
        assert command in COMMANDS, command
    assert "docs/docent-inleveren.md" in DOC and "## 8. Privacy (AVG)" in DOC
