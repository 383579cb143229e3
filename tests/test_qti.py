"""QTI export of the self-check quizzes for Canvas and Brightspace."""

import zipfile
import xml.etree.ElementTree as ET

import lexicon_tools as lt
from lexicon_tools.__main__ import main

NS = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2",
      "m": "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"}


def _questions(lemma):
    ex = lt.load_exercises()
    return [q for q in ex.values() if type(q).__name__ == "QuizQuestion" and
            q.id in lt.exercises.ids_for_lemma(lemma, type(q))]


def test_command_writes_a_package_with_every_question(tmp_path, capsys):
    target = tmp_path / "toets.zip"
    assert main(["qti", "--lemmas", "vertrouwen,wederkerigheid", "--uit", str(target)]) == 0
    assert "OK:" in capsys.readouterr().out
    expected = _questions("vertrouwen") + _questions("wederkerigheid")
    with zipfile.ZipFile(target) as archive:
        manifest = ET.fromstring(archive.read("imsmanifest.xml"))
        resource = manifest.find("m:resources/m:resource", NS)
        assert resource.get("type") == "imsqti_xmlv1p2"
        href = resource.find("m:file", NS).get("href")
        assert href in archive.namelist()
        root = ET.fromstring(archive.read(href))
    items = root.findall(".//q:item", NS)
    assert [i.get("ident") for i in items] == [q.id for q in expected]
    for item, question in zip(items, expected):
        kind = item.find(".//q:qtimetadatafield[q:fieldlabel='question_type']/q:fieldentry", NS)
        assert kind.text == "multiple_choice_question"
        labels = item.findall(".//q:response_label", NS)
        assert len(labels) == len(question.opties)
        right = item.find(".//q:respcondition[@continue='No']/q:conditionvar/q:varequal", NS).text
        assert question.opties[[l.get("ident") for l in labels].index(right)].juist
        feedback = [f.find(".//q:mattext", NS).text for f in item.findall("q:itemfeedback", NS)]
        assert len(feedback) == len(question.opties)  # feedback per option
        assert all(o.feedback.split("\n\n")[0].strip()[:20] in f.replace("&#x27;", "'")
                   .replace("&quot;", '"') for o, f in zip(question.opties, feedback))


def test_python_dash_m_also_works(tmp_path):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "lexicon_tools", "qti", "--lemmas", "vertrouwen",
                             "--uit", str(tmp_path / "t")], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0 and (tmp_path / "t.zip").is_file(), result.stdout + result.stderr


def test_unknown_lemma_is_a_message(tmp_path, capsys):
    assert main(["qti", "--lemmas", "bestaat-niet", "--uit", str(tmp_path / "t.zip")]) == 1
    out = capsys.readouterr().out
    assert out.startswith("NIET GELUKT") and "bestaat-niet" in out
    assert main(["qti", "--uit", str(tmp_path / "t.zip")]) == 1


def test_lecturer_html_in_questions_stays_text(tmp_path):
    q = lt.exercises.QuizQuestion(id="x-q1", vraag="Wat is <script>alert(1)</script>?", opties=[
        {"tekst": "<b>A</b>", "juist": True, "feedback": "Goed & <i>wel</i>"},
        {"tekst": "B", "juist": False, "feedback": "Nee"}])
    from lexicon_tools.qti import qti_assessment

    xml = qti_assessment([q], "Toets <1>", "t").decode("utf-8")
    root = ET.fromstring(xml)
    texts = [m.text for m in root.iter("{%s}mattext" % NS["q"])]
    assert "<p>Wat is &lt;script&gt;alert(1)&lt;/script&gt;?</p>" in texts
    assert "<p>Goed &amp; &lt;i&gt;wel&lt;/i&gt;</p>" in texts
    assert "<script>" not in xml
