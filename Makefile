# Two commands (see README): `make lab` opens the notebooks, `make test` runs all tests.
# Both create .venv when it is missing and (re)install only when pyproject.toml changed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
PORT ?= 8888

.PHONY: lab test check benchmark clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml jupyter-config/overrides.json | $(BIN)/python
	rm -f $(VENV)/.installed-*
	$(BIN)/python -m pip install --quiet -e ".[test]"
	# JupyterLab in Dutch by default (an editable install does not copy data-files)
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp jupyter-config/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	touch $@

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/00_start_hier.ipynb --port=$(PORT) $(ROOT_FLAG)

test: $(STAMP)
	$(BIN)/python -m lexicon_tools check
	$(BIN)/python -m pytest

benchmark: $(STAMP)
	$(BIN)/python benchmarks/run.py

check: $(STAMP)
	$(BIN)/python -m lexicon_tools check

clean:
	rm -rf $(VENV) test-artefacts .pytest_cache
