"""Property-based tests (hypothesis): whatever a file or a student contains, nothing breaks or is lost.

- the loader and the exercise checker turn *any* file content into Dutch problems naming the file,
  never into an unexpected exception;
- the answer store gives back exactly what was typed, across processes and merges.
"""

import shutil

from hypothesis import HealthCheck, given, settings, strategies as st

from lexicon_tools import AnswerStore, LexiconError, check_lexicon
from lexicon_tools.errors import Problem
from lexicon_tools.exercises import check_exercises
from conftest import FIXTURE_LEXICON, HERE

FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])

# YAML-ish text: the characters that make YAML interesting, plus any text at all.
yamlish = st.one_of(
    st.text(alphabet=st.sampled_from(list("abc: -\n\t'\"{}[],#&*!|>%@`\\é")), max_size=200),
    st.text(max_size=200),
    st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
)
answer_text = st.text(max_size=300)  # any unicode a keyboard (or a paste) can produce
question_id = st.from_regex(r"[a-z][a-z0-9-]{0,20}", fullmatch=True)


@FAST
@given(content=yamlish)
def test_any_lemma_file_gives_problems_not_crashes(tmp_path_factory, content):
    folder = tmp_path_factory.mktemp("lex") / "lexicon_data"
    shutil.copytree(FIXTURE_LEXICON, folder)
    (folder / "lemmas" / "alfa.md").write_text(f"---\n{content}\n---\n", encoding="utf-8")
    lex, problems = check_lexicon(folder)
    assert all(isinstance(p, Problem) for p in problems)
    assert all(p.path and p.message for p in problems)  # every problem names a file and a fix
    if lex is None:
        assert problems


@FAST
@given(content=yamlish)
def test_any_exercise_file_gives_problems_not_crashes(tmp_path_factory, content):
    folder = tmp_path_factory.mktemp("oef")
    shutil.copytree(HERE / "data" / "exercises", folder / "oefeningen")
    (folder / "oefeningen" / "los.yaml").write_text(content, encoding="utf-8")
    found, problems = check_exercises(folder / "oefeningen")
    assert all(isinstance(p, Problem) for p in problems)
    assert all(p.path.endswith("los.yaml") for p in problems)
    assert "alfa-r1" in found  # one bad file never hides the good ones


@FAST
@given(answers=st.dictionaries(question_id, answer_text, max_size=8))
def test_answers_come_back_exactly(tmp_path_factory, answers):
    folder = tmp_path_factory.mktemp("antwoorden")
    store = AnswerStore("nb", folder, delay=0)
    for key, text in answers.items():
        store.set(key, text, question=f"Vraag {key}?")
    again = AnswerStore("nb", folder)
    assert {key: again.get(key) for key in answers} == answers
    assert not again.warnings


@FAST
@given(first=st.dictionaries(question_id, answer_text, max_size=5),
       second=st.dictionaries(question_id, answer_text, max_size=5))
def test_two_kernels_saving_merge_without_loss(tmp_path_factory, first, second):
    folder = tmp_path_factory.mktemp("twee")
    a, b = AnswerStore("nb", folder, delay=0), AnswerStore("nb", folder, delay=0)
    for key, text in first.items():
        a.set(key, text)
    for key, text in second.items():
        b.set(key, text)
    result = AnswerStore("nb", folder)
    expected = {**first, **second}  # the later save wins for the same question
    assert {key: result.get(key) for key in expected} == expected


@FAST
@given(raw=st.binary(max_size=300))
def test_any_answers_file_is_kept_or_set_aside(tmp_path_factory, raw):
    folder = tmp_path_factory.mktemp("kapot")
    (folder / "nb.json").write_bytes(raw)
    store = AnswerStore("nb", folder, delay=0)
    store.set("q", "nieuw")
    assert AnswerStore("nb", folder).get("q") == "nieuw"
    backups = list(folder.glob("nb.kapot-*.json"))
    assert not backups or backups[0].read_bytes() == raw  # the damaged original is kept as it was


@FAST
@given(term=st.text(max_size=30))
def test_search_accepts_any_term(term):
    import lexicon_tools as lt

    try:
        hits = lt.zoek(term, met_boek=False)
    except LexiconError as exc:
        assert "zoekterm" in str(exc)
    else:
        assert list(hits.columns) == ["bron", "lemma", "titel", "veld", "fragment"]
