"""The ladder lesson: enough scenarios on every rung, and placing them is scored per scenario."""

from collections import Counter

import lexicon_tools as lt
from lexicon_tools import load_exercises, load_lexicon
from lexicon_tools.widgets.sorting import categories_for


def test_at_least_twelve_scenarios_covering_every_rung():
    task = load_exercises()["ladder-scenarios"]
    rungs = [level.id for level in load_lexicon().model("ladder-onderlinge-verbintenissen").niveaus]
    per_rung = Counter(item.antwoord for item in task.items)
    assert len(task.items) >= 12 and set(per_rung) == set(rungs)
    assert min(per_rung.values()) >= 2


def test_ladder_placement_scoring():
    task = load_exercises()["ladder-scenarios"]
    model = lt.SortTaskModel(task, categories_for(task))
    for index, item in enumerate(task.items):
        model.place(index, item.antwoord)
    assert model.score() == (len(task.items), len(task.items))
    wrong = "verplichte-zorgzaamheid" if task.items[0].antwoord != "verplichte-zorgzaamheid" \
        else "anonimiteit"
    model.place(0, wrong)
    right, total = model.score()
    assert right == total - 1 and model.check()[0] == (False, task.items[0].feedback)
