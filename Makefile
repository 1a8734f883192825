# trendlib — one command to set up and run everything, one to test everything.
#
#   make          set up .venv, build data/processed/, re-execute every notebook
#   make test     set up .venv, run the whole test suite (unit tests + nbval)
#   make lab      also install JupyterLab and open it at notebooks/
#
# Needs only Python >= 3.11 (and make). Everything else is installed into .venv
# from pyproject.toml.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Same set ordering in every kernel (nbval compares outputs); bytecode so imports are fast.
export PYTHONHASHSEED := 0
export UV_COMPILE_BYTECODE := 1

.PHONY: all setup build notebooks test bench lab clean

all: build notebooks

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv>=0.5"
	$(BIN)/uv pip install --quiet --python $(BIN)/python -e ".[test]"
	@# bytecode for the package's own sources too (uv compiles site-packages), in case
	@# PYTHONDONTWRITEBYTECODE is set: every notebook kernel imports them afresh
	$(BIN)/python -m compileall -q src
	touch $@

build: $(STAMP)
	$(BIN)/trendlib build

notebooks: $(STAMP)
	$(BIN)/python tools/run_notebooks.py

test: $(STAMP)
	$(BIN)/pytest

lab: $(STAMP)
	$(BIN)/uv pip install --quiet --python $(BIN)/python -e ".[test,lab]"
	$(BIN)/jupyter lab --notebook-dir=notebooks

bench: $(STAMP)
	$(BIN)/python tools/benchmark.py
	$(BIN)/python tools/benchmark_notebooks.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
