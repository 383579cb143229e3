"""Shared fixtures: a small fixture lexicon, and answers kept out of the user's real folder."""

import shutil
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
FIXTURE_LEXICON = HERE / "data" / "lexicon"
SHARED = PROJECT.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_answers(tmp_path_factory, monkeypatch):
    """Every test saves answers in its own temporary folder, never in the user's."""
    monkeypatch.setenv("NABIJHEID_DATA", str(tmp_path_factory.mktemp("antwoorden")))
    # A developer's own settings (own exercises, own copy of the book, nabijheid.toml) never leak in.
    monkeypatch.delenv("NABIJHEID_OEFENINGEN", raising=False)
    monkeypatch.delenv("NABIJHEID_LEXICON", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    # The parse cache of the whole test session lives in one temporary folder, not the user's.
    monkeypatch.setenv("NABIJHEID_CACHE", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture
def lexicon_copy(tmp_path) -> Path:
    """A writable copy of the fixture lexicon, to break on purpose."""
    target = tmp_path / "lexicon_data"
    shutil.copytree(FIXTURE_LEXICON, target)
    return target


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Expose each phase's report on the test item (used to screenshot failed browser tests)."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
