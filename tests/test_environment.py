"""environment.yml and pyproject.toml name the same runtime dependencies with the same bounds."""

import re
import tomllib

import yaml

from conftest import PROJECT

# conda-forge names that differ from the PyPI names
CONDA_TO_PIP = {"matplotlib-base": "matplotlib"}
NOT_RUNTIME = {"python", "pip"}
# runtime dependencies that conda-forge does not have: installed by pip, listed in its section
PIP_ONLY = {"jupyterlab-language-pack-nl-nl"}


def split(requirement: str) -> tuple[str, str]:
    name, spec = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement).groups()
    return name.lower(), spec.replace(" ", "")


def pyproject_deps() -> dict[str, str]:
    data = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))
    return dict(split(r) for r in data["project"]["dependencies"])


def environment_deps() -> tuple[dict[str, str], list]:
    env = yaml.safe_load((PROJECT / "environment.yml").read_text(encoding="utf-8"))
    conda, pip = {}, []
    for item in env["dependencies"]:
        if isinstance(item, dict):
            pip = item["pip"]
            continue
        name, spec = split(item)
        if name not in NOT_RUNTIME:
            conda[CONDA_TO_PIP.get(name, name)] = spec
    return conda, pip


def test_same_dependencies_and_bounds():
    conda, pip = environment_deps()
    from_pip = dict(split(r) for r in pip if not r.startswith("-e"))
    assert set(from_pip) == PIP_ONLY
    assert conda | from_pip == pyproject_deps()


def test_environment_installs_the_package_itself():
    env = yaml.safe_load((PROJECT / "environment.yml").read_text(encoding="utf-8"))
    assert env["channels"] == ["conda-forge"]
    _, pip = environment_deps()
    assert pip[-1] == "-e ."


def test_python_bound_matches():
    data = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))
    env = yaml.safe_load((PROJECT / "environment.yml").read_text(encoding="utf-8"))
    python = next(d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python"))
    assert python.replace("python", "") == data["project"]["requires-python"]
