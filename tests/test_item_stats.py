"""Item-writing figures of the multiple-choice questions (issue 15, Deliver 1).

The first tests hold the real exercise files to the thresholds; the last ones check that each
figure measures what it claims on tiny in-memory questions.
"""

from pathlib import Path

import pytest

from lexicon_tools import settings
from lexicon_tools.item_stats import (THRESHOLDS, file_statistics, has_case, item_statistics,
                                      question_stats, ItemStats)

FOLDERS = sorted(p for p in settings.EXERCISES_DIR.iterdir() if p.is_dir())
FILES = sorted(settings.EXERCISES_DIR.rglob("*.yaml"))


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_folder_keys_are_not_the_longest_option(folder):
    stats = item_statistics(folder)
    assert stats.key_longest_share <= THRESHOLDS["key_longest"], stats.summary()
    assert stats.mean_length_ratio <= THRESHOLDS["length_ratio"], stats.summary()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_has_no_giveaways_and_enough_cases(path):
    stats = file_statistics(path)
    assert stats.problems(per_lemma=True) == [], stats.summary()


def test_all_exercises_meet_the_thresholds():
    stats = item_statistics()
    assert stats.count >= 90, "fewer questions than the 33 lemmas x 3 expected"
    assert stats.problems() == [], stats.summary()


def _question(key, *distractors, stem="Wat is X?", qid="t-q1"):
    return {"id": qid, "vraag": stem,
            "opties": [{"tekst": key, "juist": True, "feedback": "Juist."}]
            + [{"tekst": d, "feedback": "Nee."} for d in distractors]}


def test_key_longest_and_ratio():
    long_key = question_stats(_question("een heel lang en genuanceerd antwoord", "kort", "ook kort"))
    assert long_key.key_longest and long_key.length_ratio > 4
    short_key = question_stats(_question("kort", "wat langer", "nog veel langer"))
    assert not short_key.key_longest and short_key.length_ratio < 1
    tie = question_stats(_question("abcd", "efgh", "ij"))
    assert not tie.key_longest, "a tie is not a giveaway"


def test_absolute_words_only_in_distractors():
    giveaway = question_stats(_question("Het kan helpen.", "Het helpt nooit.", "Het werkt altijd."))
    assert giveaway.absolute_words == ("altijd", "nooit")
    balanced = question_stats(_question("Het helpt niet altijd.", "Het werkt altijd.", "Soms."))
    assert balanced.absolute_words == (), "a word the key uses too gives nothing away"
    inside_word = question_stats(_question("Ja.", "Enkele buren helpen."))
    assert inside_word.absolute_words == (), "'enkele' is not the absolute word 'enkel'"


def test_all_of_the_above_is_found():
    assert question_stats(_question("Alle bovenstaande antwoorden", "A", "B")).all_of_above
    assert question_stats(_question("Ja", "Geen van de genoemde", "B")).all_of_above
    assert question_stats(_question("A en B", "A", "B")).all_of_above
    assert not question_stats(_question("Alle buren groeten elkaar", "A", "B")).all_of_above


def test_case_heuristic():
    assert not has_case("Wat bedoelt Putnam met overbruggend kapitaal?")
    assert has_case("Fatima (34) verhuist naar Tilburg. Wat past bij het lemma?")
    assert has_case("Een man van 58 verliest zijn baan; welke regeling komt eerst?")
    assert has_case("In de wijk komt een buurtkamer. Welke vorm van kapitaal ontstaat daar?")
    assert not has_case("Het lemma noemt segregatie een taai probleem. Wat wordt daarmee bedoeld?")


def test_folder_figures_and_summary(tmp_path):
    (tmp_path / "a.yaml").write_text(
        "lemma: x\nquiz:\n"
        "  - id: a-q1\n    vraag: Wat is X?\n    opties:\n"
        "      - {tekst: een veel te lang juist antwoord, juist: true, feedback: Juist.}\n"
        "      - {tekst: nooit, feedback: Nee.}\n"
        "  - id: a-q2\n    vraag: Sem (19) twijfelt. Wat nu?\n    opties:\n"
        "      - {tekst: kort, juist: true, feedback: Juist.}\n"
        "      - {tekst: langer, feedback: Nee.}\n", encoding="utf-8")
    (tmp_path / "kapot.yaml").write_text("quiz: [\n", encoding="utf-8")
    stats = item_statistics(tmp_path)
    assert stats.count == 2 and stats.key_longest_share == 0.5 and stats.case_share == 0.5
    assert [q.id for q in stats.absolute_giveaways] == ["a-q1"]
    text = stats.summary()
    assert "2 meerkeuzevragen" in text and "50%" in text and "langste optie" in text
    problems = stats.problems()
    assert any("langste optie" in p for p in problems)
    assert not any("casus" in p for p in problems)
    assert any("casus" in p for p in ItemStats("x", stats.questions[:1]).problems(per_lemma=True))
    assert any("a-q1" in p and "nooit" in p for p in problems)
    assert ItemStats("leeg").summary().endswith("geen meerkeuzevragen gevonden.")
