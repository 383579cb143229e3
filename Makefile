# Two commands (see README): `make lab` opens the kit in JupyterLab, `make test` runs all tests.
# Both go through start.py, which creates .venv when it is missing, (re)installs only when
# pyproject.toml changed and installs the kit's Jupyter settings. Without make: `python start.py`.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT ?= 8888

.PHONY: lab install test check benchmark clean

lab:
	$(PYTHON) start.py --poort $(PORT)

install:
	$(PYTHON) start.py --alleen-installeren --met-tests

test: install
	$(BIN)/python -m lexicon_tools check
	$(BIN)/python -m pytest

benchmark: install
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/class_load.py --alle
	$(BIN)/python benchmarks/widget_count.py

check: install
	$(BIN)/python -m lexicon_tools check

clean:
	rm -rf $(VENV) test-artefacts .pytest_cache
