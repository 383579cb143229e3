"""The copied-text guard: no run of 10+ words from the book anywhere in the project."""

import subprocess
import sys

import pytest

from conftest import PROJECT, SHARED

CHECKER = SHARED / "tools" / "overlap_check.py"


@pytest.mark.skipif(not CHECKER.exists() or not list((SHARED / "seed").glob("*.txt")),
                    reason="the book text (../shared/seed) is not present on this machine")
def test_no_sentence_of_the_book_in_the_project():
    result = subprocess.run([sys.executable, str(CHECKER), str(PROJECT)], capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:]
    assert result.stdout.strip().endswith("copied runs of 10+ words: 0")
