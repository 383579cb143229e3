"""The parse cache: a second kernel parses nothing, a changed file is never served stale."""

import json
import os
import subprocess
import sys

import yaml

from lexicon_tools import parse_cache
from lexicon_tools.exercises import check_exercises
from conftest import HERE

COUNT_PARSES = """
import lexicon_tools as lt
from lexicon_tools import validation
from lexicon_tools.exercises import load_exercises
calls = []
real = validation.strict_load  # the (strict) YAML parser behind read_yaml
validation.strict_load = lambda text: calls.append(1) or real(text)
lt.load_lexicon(); load_exercises()
print(len(calls))
"""


def parses_in_a_new_kernel(cache) -> int:
    out = subprocess.run([sys.executable, "-c", COUNT_PARSES], capture_output=True, text=True,
                         check=True, env={**os.environ, "NABIJHEID_CACHE": str(cache)}).stdout
    return int(out.split()[-1])


def test_a_second_kernel_parses_nothing(tmp_path):
    first = parses_in_a_new_kernel(tmp_path)
    assert first > 80                      # every lemma, model and exercise file
    assert parses_in_a_new_kernel(tmp_path) == 0
    assert parses_in_a_new_kernel("uit") == first  # switched off: everything parsed again


def test_a_changed_file_is_never_served_stale(tmp_path, monkeypatch):
    monkeypatch.setenv("NABIJHEID_CACHE", str(tmp_path / "cache"))
    parse_cache.clear()
    folder = tmp_path / "oefeningen"
    folder.mkdir()
    source = (HERE / "data" / "exercises").rglob("*.yaml")
    path = next(iter(sorted(source)))
    target = folder / path.name
    target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    before, _ = check_exercises(folder)
    question_id = next(iter(before))
    item = before[question_id]
    field = "vraag" if hasattr(item, "vraag") else "opdracht"
    old = getattr(item, field)
    target.write_text(target.read_text(encoding="utf-8").replace(old.split()[0], "VERANDERD", 1),
                      encoding="utf-8")
    parse_cache.clear()  # a new kernel, with the old text in the cache file
    after, _ = check_exercises(folder)
    assert getattr(after[question_id], field) != old and "VERANDERD" in getattr(after[question_id], field)


def test_a_damaged_cache_file_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("NABIJHEID_CACHE", str(tmp_path))
    (tmp_path / "yaml-cache.json").write_text("{kapot", encoding="utf-8")
    parse_cache.clear()
    assert parse_cache.cached_parse("a: 1", yaml.safe_load) == {"a": 1}
    parse_cache.flush()
    data = json.loads((tmp_path / "yaml-cache.json").read_text(encoding="utf-8"))
    assert list(data["items"].values()) == [{"a": 1}]


def test_data_json_cannot_keep_is_parsed_every_time(tmp_path, monkeypatch):
    monkeypatch.setenv("NABIJHEID_CACHE", str(tmp_path))
    parse_cache.clear()
    first = parse_cache.cached_parse("datum: 2022-05-01\n1: een", yaml.safe_load)
    again = parse_cache.cached_parse("datum: 2022-05-01\n1: een", yaml.safe_load)
    assert first == again and 1 in again and again["datum"].year == 2022


def test_callers_cannot_change_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NABIJHEID_CACHE", str(tmp_path))
    parse_cache.clear()
    parse_cache.cached_parse("lijst: [1, 2]", yaml.safe_load)["lijst"].append(3)
    assert parse_cache.cached_parse("lijst: [1, 2]", yaml.safe_load) == {"lijst": [1, 2]}
