"""Shared fixtures: the real report parsed once, each stage's output on it once, and one real build.

Every fixture that reads the real data is session-scoped: a test that checks a rule calls the stage that
enforces it (on these outputs, with one hand-edited row) instead of building everything again. The one
build of the real data (``built``) is shared by every test that reads published tables (``published``).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from trendlib import cli
from trendlib.coding.cases import locate_cases
from trendlib.coding.ties import locate_relations
from trendlib.curated.files import load_reference
from trendlib.mentions.actors import find_mentions
from trendlib.parse.corpus import read_corpus
from trendlib.parse.report import read_report
from trendlib.paths import reference_dir, report_path


@pytest.fixture(scope="session")
def report():
    return read_report()


@pytest.fixture(scope="session")
def reference():
    return load_reference()


@pytest.fixture(scope="session")
def corpus(report, reference):
    return read_corpus(report, reference.boxes, hyphenated_words=reference.hyphenated_words)


@pytest.fixture(scope="session")
def mentions(corpus, reference):
    """Every actor mention of the report (stage 4)."""
    return find_mentions(corpus.flat, reference.actors, reference.not_actors)


@pytest.fixture(scope="session")
def cases(corpus, reference, mentions):
    """Every curated case located in the report (stage 5a)."""
    return locate_cases(corpus, reference.cases, mentions)


@pytest.fixture(scope="session")
def relations(corpus, reference, cases):
    """Every curated tie located in its case's span (stage 5b)."""
    return locate_relations(corpus, cases, reference.relations, reference.actors)


_BUILD: dict = {}


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """One whole build of the real data through the command line (``trendlib build --no-cache --out …``),
    shared by every test that reads published tables. Read it, never write into it: a test that changes
    a build copies it first."""
    from contextlib import redirect_stdout
    from io import StringIO

    from trendlib import build

    out = tmp_path_factory.mktemp("built") / "processed"
    real = build.build_tables

    def keep(*args, **kwargs):  # the tables the build computed, for the tests that need them in memory
        _BUILD["tables"] = real(*args, **kwargs)
        return _BUILD["tables"]

    printed = StringIO()
    with pytest.MonkeyPatch.context() as mp, redirect_stdout(printed):
        mp.setattr(build, "build_tables", keep)
        assert cli.main(["build", "--no-cache", "--out", str(out)]) == 0
    assert printed.getvalue() == f"trendlib build: wrote {out}\n"
    return out


@pytest.fixture(scope="session")
def tables(built) -> dict:
    """The tables of that build as the build computed them (``build.build_tables``), before they were
    written."""
    return _BUILD["tables"]


@pytest.fixture(scope="session")
def published(built):
    """The tables of that build, as :func:`trendlib.load` gives them."""
    import trendlib

    return trendlib.load(built)


@pytest.fixture
def ref(tmp_path):
    """A copy of data/reference/ to change (for the few tests that build from a changed copy)."""
    d = tmp_path / "reference"
    shutil.copytree(reference_dir(), d)
    return d


@pytest.fixture(scope="session")
def raw_text():
    return report_path().read_text(encoding="utf-8")


def para_at(corpus, line: int) -> int:
    """Index of the paragraph that holds raw ``line``."""
    for i, p in enumerate(corpus.paragraphs):
        if p.line_start <= line <= p.line_end:
            return i
    raise LookupError(line)


def system_tool(name: str, install: str) -> str:
    """The path of a system tool some tests drive (strace, Rscript); without it they skip and say how to
    install it, unless ``TRENDLIB_REQUIRE_TOOLS=1`` (set by .ci/run), which makes it a failure."""
    path = shutil.which(name)
    if path:
        return path
    reason = f"{name} is not installed; `{install}` enables these tests"
    if os.environ.get("TRENDLIB_REQUIRE_TOOLS") == "1":
        pytest.fail(f"required (TRENDLIB_REQUIRE_TOOLS=1): {reason}")
    pytest.skip(reason)
