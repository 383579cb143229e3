"""Every validator error path gives one clear Dutch message naming file, line and field."""

import pytest

from lexicon_tools import LexiconError, check_lexicon, load_lexicon
from lexicon_tools.__main__ import main
from conftest import FIXTURE_LEXICON, replace_in


def problems_for(root):
    lex, problems = check_lexicon(root)
    assert lex is None
    return [str(p) for p in problems]


def test_fixture_is_valid():
    lex, problems = check_lexicon(FIXTURE_LEXICON)
    assert problems == []
    assert list(lex.lemmas) == ["alfa", "beta", "gamma"]


def test_yaml_syntax_error_names_file_and_line(lexicon_copy):
    replace_in(lexicon_copy / "lemmas/beta.md", "titel: Beta", "titel: [Beta")
    (msg,) = problems_for(lexicon_copy)
    assert msg.startswith("lexicon_data/lemmas/beta.md, regel ")
    assert "YAML-fout" in msg
    line = int(msg.split("regel ")[1].split(":")[0].split(",")[0])
    assert 2 <= line <= 5  # the broken title is on line 3 of the file


def test_missing_field(lexicon_copy):
    replace_in(lexicon_copy / "lemmas/alfa.md", "titel: Alfa\n", "")
    (msg,) = problems_for(lexicon_copy)
    assert "alfa.md" in msg and "veld `titel`" in msg and "ontbreekt" in msg


def test_mistyped_field_suggests_the_right_name(lexicon_copy):
    replace_in(lexicon_copy / "lemmas/alfa.md", "auteurs:", "auteur:")
    msgs = problems_for(lexicon_copy)
    assert any("onbekend veld `auteur`" in m and "Bedoel je `auteurs`?" in m for m in msgs)
    assert any("regel 4" in m for m in msgs if "auteur`" in m)


def test_wrong_type(lexicon_copy):
    replace_in(lexicon_copy / "lemmas/alfa.md", "auteurs: [Test Auteur]", "auteurs: Test Auteur")
    (msg,) = problems_for(lexicon_copy)
    assert "veld `auteurs`" in msg and "moet een lijst zijn" in msg


def test_unknown_cluster_lists_choices(lexicon_copy):
    replace_in(lexicon_copy / "lemmas/alfa.md", "cluster: sociale", "cluster: socialle")
    (msg,) = problems_for(lexicon_copy)
    assert "onbekend cluster 'socialle'" in msg and "sociale, geografische" in msg
    assert "regel 5" in msg


def test_verwant_unknown_lemma(lexicon_copy):
    replace_in(lexicon_copy / "lemmas/alfa.md", "{id: beta,", "{id: betta,")
    (msg,) = problems_for(lexicon_copy)
    assert "verwant lemma 'betta' bestaat niet" in msg and "verwant.0.id" in msg


def test_duplicate_id(lexicon_copy):
    text = (lexicon_copy / "lemmas/alfa.md").read_text(encoding="utf-8")
    (lexicon_copy / "lemmas/alfa-kopie.md").write_text(text, encoding="utf-8")
    msgs = problems_for(lexicon_copy)
    assert any("alfa-kopie.md" in m and "bestandsnaam" in m for m in msgs)
    assert any("komt al voor" in m for m in msgs)


@pytest.mark.parametrize("words", [20, 400])
def test_summary_length(lexicon_copy, words):
    path = lexicon_copy / "lemmas/gamma.md"
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("## Samenvatting", 1)
    _, tail = rest.split("## Spanningen", 1)
    path.write_text(head + "## Samenvatting\n\n" + "woord " * words + "\n\n## Spanningen" + tail,
                    encoding="utf-8")
    (msg,) = problems_for(lexicon_copy)
    assert f"samenvatting heeft {words} woorden" in msg and "150 tot 300" in msg


def test_missing_section(lexicon_copy):
    replace_in(lexicon_copy / "lemmas/gamma.md", "## In de praktijk", "## Praktijk")
    (msg,) = problems_for(lexicon_copy)
    assert "'## In de praktijk'" in msg


@pytest.mark.parametrize("pages, expected", [
    ('{begin: "30", eind: "20"}', "vóór het begin"),
    ('{begin: "10", eind: "300"}', "pagina 300 bestaat niet"),
    ('{begin: "12-10", eind: "14"}', "loopt achteruit"),
    ('{begin: "tien", eind: "12"}', "geen paginaaanduiding"),
])
def test_impossible_page_range(lexicon_copy, pages, expected):
    replace_in(lexicon_copy / "lemmas/alfa.md", '{begin: "10", eind: "12"}', pages)
    (msg,) = problems_for(lexicon_copy)
    assert expected in msg and "paginas" in msg


def test_not_utf8(lexicon_copy):
    path = lexicon_copy / "lemmas/beta.md"
    path.write_bytes(path.read_text(encoding="utf-8").replace("Beta", "Bèta").encode("latin-1"))
    (msg,) = problems_for(lexicon_copy)
    assert "niet in UTF-8" in msg and "regel 3" in msg


def test_yaml_tag_cannot_build_python_objects(lexicon_copy):
    replace_in(lexicon_copy / "lemmas/alfa.md", "titel: Alfa",
               "titel: !!python/object/apply:os.system ['echo gehackt']")
    (msg,) = problems_for(lexicon_copy)
    assert "YAML-fout" in msg


def test_model_levels_must_be_unique(lexicon_copy):
    replace_in(lexicon_copy / "models/trap.yaml", "{id: hoog,", "{id: laag,")
    (msg,) = problems_for(lexicon_copy)
    assert "trap.yaml" in msg and "dubbel" in msg and "laag" in msg


def test_model_wrong_kind(lexicon_copy):
    replace_in(lexicon_copy / "models/trap.yaml", "soort: ladder", "soort: trap")
    (msg,) = problems_for(lexicon_copy)
    assert "'trap' is geen toegestane waarde" in msg and "'ladder'" in msg and "regel 5" in msg and " of " in msg


def test_matrix_needs_axes(lexicon_copy):
    replace_in(lexicon_copy / "models/trap.yaml", "soort: ladder", "soort: matrix")
    (msg,) = problems_for(lexicon_copy)
    assert "assen" in msg


def test_model_names_unknown_lemma(lexicon_copy):
    replace_in(lexicon_copy / "models/trap.yaml", "lemma: alfa", "lemma: omega")
    (msg,) = problems_for(lexicon_copy)
    assert "lemma 'omega' bestaat niet" in msg


def test_cluster_file_bad_colour(lexicon_copy):
    replace_in(lexicon_copy / "clusters.yaml", '"#E69F00"', '"oranje"')
    (msg,) = problems_for(lexicon_copy)
    assert "clusters.yaml" in msg and "0.kleur" in msg and "regel" in msg


def test_loader_raises_one_error_listing_all(lexicon_copy):
    replace_in(lexicon_copy / "lemmas/alfa.md", "cluster: sociale", "cluster: x")
    replace_in(lexicon_copy / "lemmas/beta.md", "{id: alfa,", "{id: x,")
    with pytest.raises(LexiconError, match="Er zijn 2 problemen") as info:
        load_lexicon(lexicon_copy)
    assert len(info.value.problems) == 2


def test_cli_ok(capsys):
    assert main(["check", str(FIXTURE_LEXICON)]) == 0
    assert capsys.readouterr().out.startswith("OK: 3 lemma's, 4 clusters, 1 modellen")


def test_cli_reports_problems_and_exits_1(lexicon_copy, capsys):
    replace_in(lexicon_copy / "lemmas/alfa.md", "cluster: sociale", "cluster: x")
    assert main(["check", str(lexicon_copy)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("NIET OK") and "alfa.md" in out


def test_cli_unknown_folder(capsys):
    assert main(["check", "bestaat-niet"]) == 1
    assert "bestaat niet" in capsys.readouterr().out


def test_comma_in_flow_mapping_gets_a_hint(lexicon_copy):
    replace_in(lexicon_copy / "lemmas/alfa.md", "definitie: Omschrijving van nabijheid.",
               "definitie: Omschrijving, van nabijheid.")
    (msg,) = problems_for(lexicon_copy)
    assert "lijkt een stuk tekst" in msg and "aanhalingstekens" in msg


def _pure_python_load(text: str):
    from lexicon_tools import validation

    loader = validation._StrictLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def test_fast_yaml_path_reads_every_shipped_file_exactly_like_the_strict_parser():
    """The C parser is used for speed; a lecturer's or our file must mean exactly the same."""
    from pathlib import Path

    from lexicon_tools import validation

    root = Path(__file__).resolve().parent.parent
    files = sorted((root / "lexicon_data").rglob("*.yaml")) + sorted((root / "exercises").rglob("*.yaml"))
    assert len(files) > 50
    fast = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        if validation._compose_fast(text) is not None:
            fast += 1
        assert validation.strict_load(text) == _pure_python_load(text), path.name
    assert fast >= len(files) * 0.9  # the speed-up is real: nearly every file takes the C path


@pytest.mark.parametrize("text", ["a: [" * 60 + "]" * 60, "- " * 60 + "x", "a: &x 1\nb: *x\n",
                                  "a:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 60)) + " " * 60 + "v"])
def test_deep_or_aliased_yaml_still_takes_the_guarded_parser(text):
    from lexicon_tools import validation

    assert validation._compose_fast(text) is None
