"""Shared fixtures: the real report, parsed once per test session."""

from __future__ import annotations

import os
import shutil

import pytest

from trendlib import build
from trendlib.curated import files as reference_module
from trendlib.parse.corpus import read_corpus
from trendlib.paths import reference_dir
from trendlib.curated.files import load_reference
from trendlib.parse.report import read_report
from trendlib.paths import report_path


@pytest.fixture(scope="session")
def report():
    return read_report()


@pytest.fixture(scope="session")
def reference():
    return load_reference()


@pytest.fixture(scope="session")
def corpus(report, reference):
    return read_corpus(report, reference.boxes, hyphenated_words=reference.hyphenated_words)


_PARSED: dict = {}


@pytest.fixture
def reuse_corpus(monkeypatch, corpus, reference):
    """Builds from a broken copy of data/reference/ reuse what does not depend on the break: the session's
    parsed report when the report and boxes.yaml are the ones it was parsed from, and each curated file
    already read and validated with the same bytes (the tests break one file of many)."""
    real = build.read_corpus

    def cached(report, boxes, **kw):
        if (report.sha256 == corpus.report.sha256 and boxes == reference.boxes
                and kw == {"hyphenated_words": reference.hyphenated_words}):
            return corpus
        return real(report, boxes, **kw)

    monkeypatch.setattr(build, "read_corpus", cached)
    real_load = reference_module._load

    def load(path, name, cache=None):
        key = (name, path.read_bytes()) if path.is_file() else None
        if key is None:
            return real_load(path, name)
        if key not in _PARSED:
            _PARSED[key] = real_load(path, name)
        return _PARSED[key]

    monkeypatch.setattr(reference_module, "_load", load)


@pytest.fixture
def ref(tmp_path):
    """A copy of data/reference/ to break (tests/curated_copy.py has the helpers)."""
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
