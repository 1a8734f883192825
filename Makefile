# trendlib — one command to set up and run everything, one to test everything.
#
#   make          set up .venv, build data/processed/, re-execute every notebook
#   make test     set up .venv, lint (ruff), run the whole test suite: unit tests and notebooks (nbval), then the
#                 real-browser tests (Chromium), each with its own time
#   make lab      open JupyterLab at notebooks/ (headless: prints the URL to open; works as root)
#   make bench    the benchmarks of tools/ (ratios against their floors)
#   make figures  every notebook figure as SVG (text as paths) and 200-dpi PNG, in figures/
#   make lock     re-resolve requirements/lock.txt from pyproject.toml and write its versions into
#                 environment.yml and binder/environment.yml (LOCK_FLAGS=--upgrade: newest versions)
#   make clean    remove .venv and caches (make rebuilds .venv by itself when its Python changed)
#
# Needs only Python >= 3.11 (and make). Everything else is installed into .venv
# from requirements/lock.txt (exact versions, with hashes, resolved with uv from pyproject.toml),
# then the package itself, editable and without dependencies.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LOCK   := requirements/lock.txt
# the uv that installs the lock (and writes it: make lock); a new version here reinstalls it
UV_VERSION := 0.13.9
UV     := $(VENV)/.uv-$(UV_VERSION)
# make lock: extra flags for `uv pip compile`, e.g. LOCK_FLAGS=--upgrade or LOCK_FLAGS="--upgrade-package pandas"
LOCK_FLAGS ?=
# make lab: JupyterLab's address and extra flags (e.g. LAB_FLAGS="--port 9999")
LAB_IP    ?= 127.0.0.1
LAB_FLAGS ?=

# Same set ordering in every kernel (nbval compares outputs); bytecode so imports are fast.
export PYTHONHASHSEED := 0
export UV_COMPILE_BYTECODE := 1

# A .venv made by another Python (or whose Python is gone) is rebuilt, not patched.
WANT := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
HAVE := $(shell $(BIN)/python -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
ifneq ($(HAVE),$(WANT))
STALE := stale-venv
endif

.PHONY: all setup build notebooks test bench lab lock clean stale-venv

all: build notebooks

setup: $(STAMP)

stale-venv:
	@if [ -d $(VENV) ]; then echo "make: $(VENV) was made with Python $(or $(HAVE),that is gone); rebuilding it with Python $(WANT)"; rm -rf $(VENV); fi

$(UV): $(STALE)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	touch $@

# Exactly the lock (sync also removes what it does not list), then the package itself.
$(STAMP): $(LOCK) pyproject.toml $(UV)
	$(BIN)/uv pip sync --quiet --python $(BIN)/python $(LOCK)
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	@# bytecode for the package's own sources too (uv compiles site-packages), in case
	@# PYTHONDONTWRITEBYTECODE is set: every notebook kernel imports them afresh
	$(BIN)/python -m compileall -q src
	@# JupyterLab without the "official Jupyter news?" popup, as on Binder
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp binder/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	touch $@

build: $(STAMP)
	$(BIN)/trendlib build

notebooks: $(STAMP)
	$(BIN)/python tools/run_notebooks.py

figures: $(STAMP)
	$(BIN)/python tools/run_notebooks.py --figures figures

test: $(STAMP)
	$(BIN)/ruff check src tests tools
	$(BIN)/ruff format --check src tests tools
	$(BIN)/pytest -n 2 --dist loadfile -m "not browser"
	$(BIN)/pytest -m browser tests/test_browser.py

lab: $(STAMP)
	$(BIN)/jupyter lab --no-browser --ip=$(LAB_IP) --notebook-dir=notebooks --allow-root $(LAB_FLAGS)

bench: $(STAMP)
	$(BIN)/python tools/benchmark.py
	$(BIN)/python tools/benchmark_notebooks.py

# Re-resolve the lock (keeping its versions where pyproject.toml still allows them, unless
# LOCK_FLAGS=--upgrade), pin its versions in both environment files, install it, check they agree.
lock: $(UV)
	$(BIN)/python tools/lock.py --uv $(BIN)/uv $(LOCK_FLAGS)
	$(MAKE) setup
	$(BIN)/pytest -q tests/test_environment.py tests/test_binder.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
