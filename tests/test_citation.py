"""CITATION.cff: a valid Citation File Format 1.2.0 file that cites the collection and the report apart.

The check is structural, written from the CFF 1.2.0 specification (required keys, their types, the
date and licence formats, the reference types used here). The format's own validator, cffconvert 2.0,
pins jsonschema 3.2, which would replace the jsonschema that frictionless and JupyterLab need.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib

import yaml

from trendlib import __version__
from trendlib.paths import project_root

CFF = project_root() / "CITATION.cff"
# the CFF 1.2.0 values of `type` (top level) and of references' `type` used here
TYPES = {"software", "dataset"}
REFERENCE_TYPES = {"report", "book", "article", "data", "software", "generic"}


def person_or_entity(author: dict) -> bool:
    return isinstance(author.get("name"), str) or isinstance(author.get("family-names"), str)


def test_citation_file_is_valid_cff_1_2():
    cff = yaml.safe_load(CFF.read_text(encoding="utf-8"))
    for key in ("cff-version", "message", "title", "authors"):
        assert key in cff, f"CITATION.cff needs {key!r}"
    assert cff["cff-version"] == "1.2.0"
    assert cff["type"] in TYPES
    assert cff["authors"] and all(person_or_entity(a) for a in cff["authors"])
    dt.date.fromisoformat(str(cff["date-released"]))
    assert re.fullmatch(r"[A-Za-z0-9.\-+]+", cff["license"])  # an SPDX identifier
    for ref in cff["references"]:
        assert ref["type"] in REFERENCE_TYPES and ref["title"]
        assert ref["authors"] and all(person_or_entity(a) for a in ref["authors"])


def test_citation_matches_the_package_and_cites_the_report_apart():
    cff = yaml.safe_load(CFF.read_text(encoding="utf-8"))
    pyproject = tomllib.loads((project_root() / "pyproject.toml").read_text(encoding="utf-8"))
    project = pyproject["project"]
    # the version is declared once, in trendlib.__version__; the package metadata reads it from there
    assert "version" in project["dynamic"] and "version" not in project
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "trendlib.__version__"}
    assert str(cff["version"]) == __version__
    assert cff["license"] == project["license"]["text"]
    report = [r for r in cff["references"] if r["type"] == "report"]
    assert len(report) == 1 and "2023年政务服务转型趋势报告" in report[0]["title"]
    assert report[0]["authors"] == [{"name": "Deloitte"}] and report[0]["year"] == 2023
    assert "not covered" in report[0]["notes"]
