"""What a student's kernel pays for (issue 17): the figure and exercise widgets of the student
notebooks need neither pandas nor networkx nor pyplot, and widgets shown by the hundred share
their layout objects. Speed itself is measured by benchmarks/class_load.py, not here."""

import subprocess
import sys

from conftest import HERE

BUILD_VIEWS = """
import sys
import lexicon_tools as lt
store = lt.AnswerStore("kosten", delay=0)
lt.NetworkMapView("netwerkkaart", store)
lt.DistanceScaleView("sociale-afstand-schaal", store)
lt.ProfileView("publieke-ruimte-profiel", store)
lt.StraatscanView("ladder-straatscan", store)
lt.SchellingView()
lt.IntegralCaseView("integraal-werken-casus", store)
lt.CaseMapView("boundary-spanner-casuskaart", store)
lt.SortTask("sociale-basis-s1", store)
lt.Quiz.for_lemma("vertrouwen", store)
lt.Reflections("vertrouwen", store)
print(sorted(m for m in ("pandas", "networkx", "matplotlib.pyplot") if m in sys.modules))
"""


def test_student_widgets_need_neither_pandas_nor_networkx_nor_pyplot(tmp_path):
    out = subprocess.run([sys.executable, "-c", BUILD_VIEWS], capture_output=True, text=True,
                         check=True, env={**__import__("os").environ, "NABIJHEID_DATA": str(tmp_path)})
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stderr[-2000:]


def test_many_small_widgets_share_their_layout(store=None):
    import ipywidgets as widgets

    import lexicon_tools as lt

    store = lt.AnswerStore("gedeeld", delay=0)
    task = lt.SortTask("sociale-basis-s1", store)
    rows = [row for row in task.children if isinstance(row, widgets.VBox)]
    texts = [w for row in rows for w in row.children if isinstance(w, widgets.HTML)]
    assert len(texts) > 10 and len({id(w.layout) for w in texts}) == 1
