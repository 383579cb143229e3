"""Keep the course notebooks clean: a Jupyter server pre-save hook that drops outputs.

Students run and save the course notebooks all the time. Saved outputs (widget views, figures)
make the files large and turn every later course update into a merge conflict, and reopened
widget outputs only show a broken-link icon. This hook is configured for the Jupyter server by
``start.py`` / ``make lab`` (``jupyter-config/jupyter_server_config.json``) and, on a
JupyterHub, by the admin (see ``docs/jupyterhub.md``)::

    {"ContentsManager": {"pre_save_hook": "lexicon_tools.clean_save.strip_outputs"}}

Only notebooks inside a copy of this kit are cleaned (a folder above them holds
``lexicon_data/clusters.yaml``); a student's own notebooks elsewhere keep their outputs. Text the
student wrote (Markdown cells, code) is kept; answers live in the answers folder, not in outputs.
Standard library only: the server may import it without the kit's heavy dependencies.
"""

from __future__ import annotations

from pathlib import Path

KIT_MARKER = Path("lexicon_data") / "clusters.yaml"
# Notebook metadata written by a run, not by an author (widget state, execution timing).
RUN_METADATA = ("widgets",)
RUN_CELL_METADATA = ("execution", "collapsed", "scrolled")


def inside_kit(os_path: Path) -> bool:
    """True if ``os_path`` lies in a folder of this kit (a parent holds lexicon_data/clusters.yaml)."""
    return any((folder / KIT_MARKER).is_file() for folder in Path(os_path).resolve().parents)


def clean_notebook(content: dict) -> dict:
    """Drop outputs, execution counts and run metadata from a notebook (nbformat 4 dict), in place.

    >>> nb = {"metadata": {"widgets": {}, "language_info": {"name": "python", "version": "3.12.1"}}, "cells": [{"cell_type": "code", "source": "1",
    ...       "outputs": [{"output_type": "stream"}], "execution_count": 3, "metadata": {}}]}
    >>> clean_notebook(nb)["cells"][0]["outputs"], nb["cells"][0]["execution_count"], nb["metadata"]
    ([], None, {'language_info': {'name': 'python'}})
    """
    metadata = content.get("metadata", {})
    for key in RUN_METADATA:
        metadata.pop(key, None)
    if isinstance(metadata.get("language_info"), dict):  # the kernel's version differs per machine
        metadata["language_info"] = {"name": metadata["language_info"].get("name", "python")}
    for cell in content.get("cells", []):
        for key in RUN_CELL_METADATA:
            cell.get("metadata", {}).pop(key, None)
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    return content


def strip_outputs(model: dict, path: str, contents_manager=None, **kwargs) -> None:
    """Pre-save hook (jupyter_server ``ContentsManager.pre_save_hook``): clean kit notebooks."""
    if model.get("type") != "notebook" or not isinstance(model.get("content"), dict):
        return
    os_path = _os_path(path, contents_manager)
    if os_path is not None and inside_kit(os_path):
        clean_notebook(model["content"])


def _os_path(path: str, contents_manager) -> Path | None:
    root = getattr(contents_manager, "root_dir", None)
    if root is None:
        return None
    return Path(root) / path.strip("/")
