"""Build teaching notebooks from lemmas and their exercises, following the STYLE.md skeleton:
title, Overzicht (numbered learning goals), Voorkennis (table + time), one imports cell, a section
per lemma (summary, models, interactive exercises, reflection, quiz), Samenvatting, Verder.

Each lemma section is made of one-line calls into lexicon_tools; nothing of the content is copied
into the notebook, so editing an exercise file never means editing notebook JSON.
"""

__all__ = ["lemma_cells", "build_notebook", "write_notebook"]

from pathlib import Path

from .answers import notebook_slug
from .exercises import (CaseMapSpec, DistanceScaleSpec, IntegralCaseSpec, NetworkMapSpec, PerspectiveSpec,
                        ProfileSpec, QuizQuestion, ReflectionQuestion, SortTask, StraatscanSpec,
                        WorksheetSpec, load_exercise_set)
from .loading import Lexicon, load_lexicon

# kind -> (Dutch lead-in, call template)
WIDGETS = [
    (NetworkMapSpec, "**Netwerkkaart.** Breng een netwerk in kaart of laad een voorbeeld.",
     'lt.NetworkMapView("{id}", antwoorden)'),
    (DistanceScaleSpec, "**Sociale afstandsschaal.** Geef per groep aan welke relatie je nog "
     "accepteert.", 'lt.DistanceScaleView("{id}", antwoorden)'),
    (StraatscanSpec, "**Straatscan.** Waar staat de straat nu, wat is wenselijk en haalbaar?",
     'lt.StraatscanView("{id}", antwoorden)'),
    (ProfileSpec, "**Profiel.** Geef per onderdeel een score en vergelijk.",
     'lt.ProfileView("{id}", antwoorden)'),
    (PerspectiveSpec, "**Perspectieven.** Wat staat er voor iedere betrokkene op het spel? "
     "Schrijf het eerst zelf op en vergelijk daarna met onze lezing.",
     'lt.Perspectives("{id}", antwoorden)'),
    (WorksheetSpec, "**Werkblad.** Werk de casus stap voor stap uit; alles wordt bewaard.",
     'lt.Worksheet("{id}", antwoorden)'),
    (IntegralCaseSpec, "**Casus.** Kies een regisseur en schrijf het ene plan.",
     'lt.IntegralCaseView("{id}", antwoorden)'),
    (CaseMapSpec, "**Casuskaart.** Kies een partij, lees haar doel en werk de stappen van de "
     "boundary spanner uit.", 'lt.CaseMapView("{id}", antwoorden)'),
]


def _items_of(lemma_id: str, folder=None) -> list:
    found, lemmas = load_exercise_set(folder)
    return [item for item_id, item in found.items() if lemmas.get(item_id) == lemma_id]


def lemma_cells(lemma_id: str, number: int | None = None, intro: str = "", lex: Lexicon | None = None,
                extra: list | None = None, exercises_folder=None) -> list:
    """The cells of one lemma section: summary, models, interactive exercises, reflection, quiz."""
    from nbformat.v4 import new_code_cell as code, new_markdown_cell as md

    lex = lex or load_lexicon()
    lemma = lex.lemma(lemma_id)
    heading = f"## {number}. {lemma.titel}" if number is not None else f"## {lemma.titel}"
    cells = [md(f"{heading}\n\n{intro}".strip()), code(f'lt.toon_lemma("{lemma_id}", lex)')]
    for model_id in lemma.modellen:
        model = lex.model(model_id)
        cells += [md(f"**Model: {model.titel}.** Kies een onderdeel om de uitleg te lezen."),
                  code(f'lt.ModelViewer("{model_id}", lex)')]
    items = _items_of(lemma_id, exercises_folder)
    for kind, lead, call in WIDGETS:
        for item in (i for i in items if isinstance(i, kind)):
            cells += [md(lead), code(call.format(id=item.id))]
    cells += list(extra or [])
    sorts = [i for i in items if isinstance(i, SortTask)]
    if sorts:
        cells.append(md("**Sorteeropdracht.** Kies per item de juiste categorie en klik op "
                        "*Controleer*."))
        cells += [code(f'lt.SortTask("{task.id}", antwoorden)') for task in sorts]
    if any(isinstance(i, ReflectionQuestion) for i in items):
        cells += [md("**Reflectie.** Je antwoorden worden vanzelf bewaard."),
                  code(f'lt.Reflections("{lemma_id}", antwoorden)')]
    if any(isinstance(i, QuizQuestion) for i in items):
        cells += [md("**Zelftoets.** Kies per vraag een antwoord en klik op *Controleer*."),
                  code(f'lt.Quiz.for_lemma("{lemma_id}", antwoorden)')]
    return cells


def build_notebook(lemmas: list[str], titel: str, notebook_name: str, inleiding: str = "",
                   overzicht: str = "", leerdoelen: list[str] | None = None,
                   voorkennis: list[tuple[str, str, str]] | None = None, tijd: str = "",
                   intros: dict[str, str] | None = None, extra: dict[str, list] | None = None,
                   samenvatting: str = "", verder: str = "", lex: Lexicon | None = None,
                   exercises_folder=None):
    """A whole notebook for the given lemma ids (in that order), with the STYLE.md skeleton."""
    from nbformat.v4 import new_code_cell as code, new_markdown_cell as md, new_notebook

    lex = lex or load_lexicon()
    for lemma_id in lemmas:
        lex.lemma(lemma_id)  # a clear Dutch error for an unknown id, before anything is built
    titles = [lex.lemma(i).titel for i in lemmas]
    goals = leerdoelen or ["de kern van elk lemma in eigen woorden uitleggen en met een voorbeeld "
                           "verduidelijken;", "de modellen uit het boek toepassen op een casus;",
                           "kritisch reflecteren op wat deze begrippen betekenen voor je eigen "
                           "handelen als sociaal werker."]
    table = voorkennis or [("notebook *00 Start hier*", "nodig",
                            "hoe je cellen uitvoert en hoe je antwoorden worden bewaard")]
    cells = [
        md(f"# {titel}\n\n{inleiding or 'Lemma' + chr(39) + 's in dit notebook: ' + ', '.join(titles) + '.'}"),
        md("## Overzicht\n\n" + (overzicht + "\n\n" if overzicht else "")
           + "**Leerdoelen.** Na dit notebook kun je:\n\n"
           + "\n".join(f"{n}. {goal}" for n, goal in enumerate(goals, start=1))),
        md("## Voorkennis\n\n| begrip | belang | toelichting |\n|---|---|---|\n"
           + "\n".join(f"| {a} | {b} | {c} |" for a, b, c in table)
           + f"\n\n*Tijd:* {tijd or f'ongeveer {15 * len(lemmas)} minuten'}."),
        code('import lexicon_tools as lt\n\nlex = lt.load_lexicon()\n'
             f'antwoorden = lt.AnswerStore("{notebook_slug(notebook_name)}")'),
    ]
    for number, lemma_id in enumerate(lemmas, start=1):
        cells += lemma_cells(lemma_id, number, (intros or {}).get(lemma_id, ""), lex,
                             (extra or {}).get(lemma_id), exercises_folder)
    summary = samenvatting or "\n".join(f"- **{t}**: lees je samenvatting en je antwoorden nog eens "
                                        "door." for t in titles)
    pages = "; ".join(f"{lex.lemma(i).titel} ({lex.lemma(i).paginas})" for i in lemmas)
    cells += [md(f"## Samenvatting\n\n{summary}\n\nExporteer je antwoorden als je ze wilt "
                 "inleveren:"),
              code("lt.ExportPanel(antwoorden)"),
              md(f"## Verder\n\n{verder + chr(10) + chr(10) if verder else ''}- In het boek: {pages}.")]
    return new_notebook(cells=cells, metadata={
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python",
                       "name": "python3"},
        "language_info": {"name": "python"}})


def write_notebook(notebook, path: str | Path) -> Path:
    """Write a notebook without outputs."""
    import nbformat

    path = Path(path)
    nbformat.write(notebook, path)
    return path
