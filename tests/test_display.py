"""Showing lemmas and clusters."""

from lexicon_tools import clusters_markdown, lemma_markdown, load_lexicon
from conftest import FIXTURE_LEXICON

LEX = load_lexicon(FIXTURE_LEXICON)


def test_lemma_markdown():
    text = lemma_markdown(LEX, "alfa")
    assert text.startswith("### Alfa\n\n*Test Auteur* · Sociale nabijheid · p. 10–12 van het boek")
    assert "- **nabijheid**: Omschrijving van nabijheid." in text
    for heading in ("#### Samenvatting", "#### Spanningen en dilemma's", "#### In de praktijk"):
        assert heading in text
    assert "**Zie ook:** *Beta*" in text


def test_clusters_markdown():
    text = clusters_markdown(LEX)
    assert "#### Sociale nabijheid (1 lemma's)" in text and "*Lemma's:* Alfa" in text
    assert "#### Institutionele nabijheid (0 lemma's)" in text and "(nog geen)" in text
