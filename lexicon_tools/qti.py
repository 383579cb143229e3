"""The self-check quizzes as a QTI 1.2 package that Canvas and Brightspace import.

One zip with ``imsmanifest.xml`` and one assessment file; every multiple-choice question keeps its
feedback per option. All text is HTML-escaped and then XML-escaped by ElementTree, so nothing in an
exercise file can become markup in the LMS.
"""

__all__ = ["export_qti", "qti_assessment", "qti_manifest"]

import html
import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

from .errors import LexiconError

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
RESPONSE = "response1"


def _html(text: str) -> str:
    paragraphs = [p.strip() for p in str(text).split("\n\n") if p.strip()]
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)


def _material(parent, text: str) -> None:
    material = ET.SubElement(parent, "material")
    ET.SubElement(material, "mattext", texttype="text/html").text = _html(text)


def _metadata(item, fields: dict) -> None:
    meta = ET.SubElement(ET.SubElement(item, "itemmetadata"), "qtimetadata")
    for label, entry in fields.items():
        field = ET.SubElement(meta, "qtimetadatafield")
        ET.SubElement(field, "fieldlabel").text = label
        ET.SubElement(field, "fieldentry").text = str(entry)


def _item(section, question) -> None:
    item = ET.SubElement(section, "item", ident=question.id, title=question.id)
    answer_ids = [f"{question.id}-{n}" for n in range(1, len(question.opties) + 1)]
    _metadata(item, {"question_type": "multiple_choice_question", "points_possible": "1",
                     "original_answer_ids": ",".join(answer_ids)})
    presentation = ET.SubElement(item, "presentation")
    _material(presentation, question.vraag)
    response = ET.SubElement(presentation, "response_lid", ident=RESPONSE, rcardinality="Single")
    choices = ET.SubElement(response, "render_choice")
    for answer_id, option in zip(answer_ids, question.opties):
        _material(ET.SubElement(choices, "response_label", ident=answer_id), option.tekst)
    processing = ET.SubElement(item, "resprocessing")
    ET.SubElement(ET.SubElement(processing, "outcomes"), "decvar", maxvalue="100", minvalue="0",
                  varname="SCORE", vartype="Decimal")
    for answer_id in answer_ids:  # feedback for whichever option was chosen
        condition = ET.SubElement(processing, "respcondition", attrib={"continue": "Yes"})
        ET.SubElement(ET.SubElement(condition, "conditionvar"), "varequal",
                      respident=RESPONSE).text = answer_id
        ET.SubElement(condition, "displayfeedback", feedbacktype="Response",
                      linkrefid=f"{answer_id}_fb")
    right = next(a for a, o in zip(answer_ids, question.opties) if o.juist)
    condition = ET.SubElement(processing, "respcondition", attrib={"continue": "No"})
    ET.SubElement(ET.SubElement(condition, "conditionvar"), "varequal",
                  respident=RESPONSE).text = right
    ET.SubElement(condition, "setvar", action="Set", varname="SCORE").text = "100"
    for answer_id, option in zip(answer_ids, question.opties):
        feedback = ET.SubElement(item, "itemfeedback", ident=f"{answer_id}_fb")
        _material(ET.SubElement(feedback, "flow_mat"), option.feedback)


def qti_assessment(questions: list, title: str, ident: str) -> bytes:
    """The assessment XML (QTI 1.2) for a list of :class:`QuizQuestion`."""
    root = ET.Element("questestinterop", xmlns=QTI_NS)
    assessment = ET.SubElement(root, "assessment", ident=ident, title=title)
    _metadata_assessment(assessment)
    section = ET.SubElement(assessment, "section", ident="root_section")
    for question in questions:
        _item(section, question)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _metadata_assessment(assessment) -> None:
    meta = ET.SubElement(assessment, "qtimetadata")
    field = ET.SubElement(meta, "qtimetadatafield")
    ET.SubElement(field, "fieldlabel").text = "cc_maxattempts"
    ET.SubElement(field, "fieldentry").text = "unlimited"


def qti_manifest(ident: str, title: str) -> bytes:
    """The package manifest that points to the assessment file."""
    root = ET.Element("manifest", identifier=f"{ident}-manifest", xmlns=CP_NS)
    metadata = ET.SubElement(root, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Content"
    ET.SubElement(metadata, "schemaversion").text = "1.1.3"
    ET.SubElement(root, "organizations")
    resources = ET.SubElement(root, "resources")
    resource = ET.SubElement(resources, "resource", identifier=ident, type="imsqti_xmlv1p2")
    resource.set("title", title)
    ET.SubElement(resource, "file", href=f"{ident}/{ident}.xml")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def export_qti(lemmas: list[str], target: str | Path, title: str | None = None,
               exercises_folder=None) -> int:
    """Write the quiz questions of these lemmas as a QTI zip; return the number of questions."""
    from .exercises import QuizQuestion, ids_for_lemma, load_exercises

    items = load_exercises(exercises_folder)
    questions = []
    for lemma in lemmas:
        questions += [items[i] for i in ids_for_lemma(lemma, QuizQuestion, exercises_folder)]
    if not questions:
        raise LexiconError("Er zijn geen quizvragen bij deze lemma's.")
    title = title or "Zelftoets: " + ", ".join(lemmas)
    ident = "nabijheid-" + "-".join(lemmas)[:60]
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", qti_manifest(ident, title))
        archive.writestr(f"{ident}/{ident}.xml", qti_assessment(questions, title, ident))
    return len(questions)
