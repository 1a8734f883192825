"""Shared fixtures: the real report, parsed once per test session."""

from __future__ import annotations

import pytest

from trendlib.parse.corpus import read_corpus
from trendlib.reference import load_reference
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
    return read_corpus(report, reference.boxes)


@pytest.fixture(scope="session")
def raw_text():
    return report_path().read_text(encoding="utf-8")


def para_at(corpus, line: int) -> int:
    """Index of the paragraph that holds raw ``line``."""
    for i, p in enumerate(corpus.paragraphs):
        if p.line_start <= line <= p.line_end:
            return i
    raise LookupError(line)
