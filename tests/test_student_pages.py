"""Nothing a student sees shows a page bound or an estimate (issue 15, Deliver 2).

The data may keep bounds internally (``paginas: {begin: ">=157"}``); lemma pages, exercise texts
and model texts as shown in the notebooks never contain "≥", "≤", ">=", "<=" or "schatting".
"""

import re
from unittest import mock

import pytest
import yaml

from lexicon_tools import load_lexicon, settings
from lexicon_tools.display import lemma_markdown, toon_lemma
from lexicon_tools.schema import PageRange, page_for_students

LEX = load_lexicon()
BOUND = re.compile(r"≥|≤|>=|<=|(?<![a-zë])schatting", re.IGNORECASE)  # not "zelfoverschatting"
EXERCISE_FILES = sorted(settings.EXERCISES_DIR.rglob("*.yaml"))


def _strings(node, where=""):
    """Every text in a YAML tree with its path, e.g. ('quiz.0.opties.1.feedback', '...')."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, f"{where}.{key}" if where else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, f"{where}.{index}")
    elif isinstance(node, str):
        yield where, node


def _shown(lemma_id):
    """What toon_lemma puts in the notebook, as text."""
    shown = []
    with mock.patch("IPython.display.display", side_effect=lambda obj: shown.append(obj.data)):
        toon_lemma(lemma_id, LEX)
    return "\n".join(shown)


@pytest.mark.parametrize("lemma_id", list(LEX.lemmas))
def test_lemma_page_shows_no_bound_or_estimate(lemma_id):
    shown = _shown(lemma_id)
    assert shown == lemma_markdown(LEX, lemma_id)
    assert not BOUND.search(shown), f"{lemma_id}: {BOUND.search(shown).group()!r} in {shown[:300]}"


@pytest.mark.parametrize("path", EXERCISE_FILES, ids=lambda p: p.name)
def test_exercise_texts_show_no_bound_or_estimate(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = [(where, text) for where, text in _strings(data) if BOUND.search(text)]
    assert found == [], f"{path.name}: {found[:3]}"


@pytest.mark.parametrize("model_id", list(LEX.models))
def test_model_texts_show_no_bound_or_estimate(model_id):
    model = LEX.model(model_id)
    texts = [model.uitleg, model.opmerkingen or "", model.richting or "",
             page_for_students(model.pagina, LEX.lemma(model.lemma).titel)]
    texts += [f"{level.label} {level.uitleg}" for level in model.niveaus]
    found = [text[:120] for text in texts if BOUND.search(text)]
    assert found == [], f"{model_id}: {found}"


def test_page_texts_for_students():
    assert PageRange(begin="50", eind="54").for_students() == "p. 50–54"
    assert PageRange(begin="51", eind="51").for_students() == "p. 51"
    assert PageRange(begin="21", eind="24-28").for_students() == "vanaf p. 21"
    assert PageRange(begin="41-45", eind="49").for_students() == "t/m p. 49"
    assert PageRange(begin="<=16", eind="<=20").for_students("Sociale basis") == \
        "het lemma 'Sociale basis'"
    assert str(PageRange(begin=">=157", eind=">=161")) == "de pagina is niet bekend"
    assert PageRange(begin=">=157", eind=">=161").internal() == "p. ≥157 tot ≥161 (schatting)"
    assert page_for_students("22-26", "Wederkerigheid") == "het lemma 'Wederkerigheid'"


def test_every_lemma_header_names_pages_or_the_title():
    for lemma in LEX.lemmas.values():
        header = lemma_markdown(LEX, lemma.id).split("\n\n")[1]
        assert "van het boek" in header or "op zijn titel" in header, header


def test_the_model_viewer_shows_no_bound_or_estimate():
    import lexicon_tools as lt

    lex = lt.load_lexicon()
    for model_id in lex.models:
        viewer = lt.ModelViewer(model_id, lex)
        text = " ".join(child.value for child in viewer.children if hasattr(child, "value")
                        and isinstance(child.value, str))
        assert not BOUND.search(text), (model_id, text[-200:])
        assert "Boek: " in text
