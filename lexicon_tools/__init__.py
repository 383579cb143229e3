"""lexicon_tools: the Lexicon Nabijheid en sociaal werk as data, for teaching notebooks.

Use ``import lexicon_tools as lt``; then ``lex = lt.load_lexicon()``, ``lt.toon_lemma("vertrouwen")``,
``store = lt.AnswerStore("00_start_hier")`` and ``lt.Reflection("start-r1", store)``.
Widgets (ipywidgets) are imported only when first used, to keep ``import`` fast.
"""

from .answers import AnswerStore, notebook_slug
from .display import clusters_markdown, lemma_markdown, toon_clusters, toon_lemma
from .errors import LexiconError, Problem
from .exercises import load_exercises
from .export import answers_markdown, export_markdown
from .loading import Lexicon, check_lexicon, load_lexicon

_LAZY = {
    "Reflection": "widgets.reflection", "ReflectionModel": "widgets.reflection",
    "Reflections": "widgets.reflection",
    "ExportPanel": "widgets.export_panel", "ExportModel": "widgets.export_panel",
    "Quiz": "widgets.quiz", "QuizModel": "widgets.quiz",
    "SortTask": "widgets.sorting", "SortTaskModel": "widgets.sorting",
    "ModelViewer": "widgets.model_view", "ModelViewerModel": "widgets.model_view",
    "model_html": "widgets.model_view", "describe_model": "widgets.model_view",
    "NetworkMapView": "widgets.netwerkkaart", "DistanceScaleView": "widgets.distance",
    "SchellingView": "widgets.schelling", "StraatscanView": "widgets.straatscan",
    "ProfileView": "widgets.profile", "Worksheet": "widgets.worksheet",
    "Perspectives": "widgets.worksheet", "IntegralCaseView": "widgets.integral",
    "IntegralCase": "integral_case", "SearchView": "widgets.explore",
    "PathExplorer": "widgets.explore", "zoek": "search", "fulltext": "fulltext",
    "controleer": "checks", "CaseMapView": "widgets.case_map", "CaseMap": "case_map",
    "Straatscan": "straatscan", "read_straatscans": "straatscan",
    "straatscan_overview": "straatscan", "show_class_straatscans": "straatscan",
    "ProfileRating": "profile", "fictional_neighbourhoods": "neighbourhoods",
    "NetworkMap": "network_map", "Tie": "network_map", "classify_tie": "network_map",
    "DistanceScale": "distance_scale", "read_class_scores": "distance_scale",
    "class_summary": "distance_scale", "draw_distance_scores": "distance_scale",
    "show_class_distances": "distance_scale",
    "SchellingModel": "segregation", "dissimilarity_index": "segregation",
    "fictional_city": "segregation",
    "draw_lemma_graph": "drawing", "describe_lemma_graph": "drawing",
    "lemma_graph_layout": "drawing", "toon_netwerk": "drawing",
    "lemma_graph": "graphs", "citation_graph": "graphs", "neighbours": "graphs",
    "shortest_path": "graphs", "centrality_frame": "graphs", "communities_frame": "graphs",
    "co_citation_frame": "graphs",
    "lemmas_frame": "frames", "concepts_frame": "frames", "citations_frame": "frames",
    "links_frame": "frames", "models_frame": "frames",
    "collect_hand_in": "export", "write_hand_in": "export", "hand_in_markdown": "export",
    "hand_in_html": "export", "answer_stores": "export",
    "read_hand_ins": "class_overview", "read_hand_in": "class_overview",
    "answers_side_by_side": "class_overview", "completion_table": "class_overview",
    "draw_completion": "class_overview", "ClassOverview": "widgets.class_view",
    "read_class_list": "class_overview", "missing_students": "class_overview",
    "item_analysis": "class_overview", "anonymize": "class_overview",
    "missing_report": "class_overview", "show_item_analysis": "class_overview",
    "show_completion": "class_overview",
    "GradeBook": "grading", "GradingView": "widgets.grading_view", "export_qti": "qti",
    "settings": "settings", "bronnen": "sources",
}

__all__ = ["AnswerStore", "notebook_slug", "lemma_markdown", "toon_lemma", "clusters_markdown",
           "toon_clusters", "LexiconError",
           "Problem", "load_exercises", "answers_markdown", "export_markdown", "Lexicon",
           "check_lexicon", "load_lexicon", *_LAZY]


def __getattr__(name):
    if name in _LAZY:
        import importlib

        module = importlib.import_module(f".{_LAZY[name]}", __name__)
        return module if _LAZY[name] == name else getattr(module, name)
    raise AttributeError(f"module 'lexicon_tools' has no attribute '{name}'")


def __dir__():
    return sorted(set(globals()) | set(_LAZY))
