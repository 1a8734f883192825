"""Tests for trendlib.analysis.cite: every row leads back to its raw lines, and cites cleanly."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import trendlib
from trendlib.analysis import cite
from trendlib.parse.report import read_report
from trendlib.patterns import compact


@pytest.fixture(scope="module")
def t(published):
    return published


def test_line_span_reads_every_kind_of_line_column():
    assert cite.line_span({"line_start": 3, "line_end": 21}) == (3, 21)
    assert cite.line_span({"line": 1481, "line_end": 1529}) == (1481, 1529)
    assert cite.line_span(pd.Series({"line": 7, "line_end": pd.NA})) == (7, 7)


def test_line_span_of_a_row_without_lines_says_what_to_do():
    with pytest.raises(ValueError, match="case_actors"):
        cite.line_span({"actor_id": "usa_nasa"})


def test_raw_lines_are_the_lines_of_the_verified_report():
    lines = read_report().lines
    assert cite.raw_lines(1, 3) == [(1, lines[0]), (2, lines[1]), (3, lines[2])]
    with pytest.raises(ValueError, match="outside"):
        cite.raw_lines(len(lines) + 1)
    with pytest.raises(ValueError):
        cite.raw_lines(0, 2)


def test_passage_names_the_file_relative_to_the_project():
    text = cite.passage({"line_start": 1720, "line_end": 1722})
    header, *body = text.splitlines()
    assert header == "data/raw/government-trends-2023-zh.txt, lines 1720–1722"
    assert [int(line.split("|")[0]) for line in body] == [1720, 1721, 1722]
    assert "/work/" not in text and not re.search(r"(^|\s)/", header)


def test_passage_context_is_clipped_at_the_first_line():
    assert cite.passage({"line": 1}, context=2).splitlines()[0].endswith("lines 1–3")


@pytest.mark.parametrize("table", ["funding", "statistics", "case_actors", "barriers", "endnotes"])
def test_every_single_line_row_is_found_in_its_passage(t, table):
    column = cite._PRINTED[table]
    for _, row in t[table].iterrows():
        raw = compact("".join(line.split("|", 1)[1] for line in cite.passage(row, table).splitlines()[1:]))
        assert compact(row[column])[-8:] in raw, (table, cite.row_id(table, row))


def test_every_case_starts_on_its_first_line(t):
    for _, case in t.cases.iterrows():
        start, end = cite.line_span(case)
        raw = compact("".join(text for _, text in cite.raw_lines(start, end)))
        assert compact(case["text"])[:6] in raw, case["case_id"]


def test_row_ids_identify_rows(t):
    for name in t.names():
        ids = t[name].apply(lambda r, n=name: cite.row_id(n, r), axis=1)
        assert ids.is_unique, name


def test_find_row_finds_exactly_one(t):
    assert cite.find_row(t.cases, "cases", "T3-13")["title_en"] == "Technology Modernization Fund"
    with pytest.raises(KeyError, match="0 rows"):
        cite.find_row(t.cases, "cases", "T9-99")
    with pytest.raises(KeyError, match="unknown table"):
        cite.row_id("nonsense", {})


def test_citation_has_report_publisher_version_table_row_and_lines(t):
    row = t.funding[(t.funding["case_id"] == "T3-13") & (t.funding["text"] == "超过5亿美元")].iloc[0]
    text = cite.citation("funding", row)
    assert text.startswith("Deloitte (2023), 《2023年政务服务转型趋势报告》 (Government Trends 2023")
    assert f"trendlib {trendlib.__version__}, table funding, row {row['amount_id']}" in text
    assert text.endswith(f"raw line {row['line']} of data/raw/government-trends-2023-zh.txt")


def test_citation_of_an_actor_leaves_out_the_lines(t):
    text = cite.citation("actors", t.actors.iloc[0], version="9.9")
    assert "trendlib 9.9, table actors" in text and "raw lines" not in text


CITED = re.compile(
    r"^Deloitte \(2023\), 《2023年政务服务转型趋势报告》 \(Government Trends 2023, Chinese edition\); "
    r"trendlib (?P<version>\S+), table (?P<table>\w+), row (?P<row>.+?)"
    r"(?:, raw lines? (?P<start>\d+)(?:–(?P<end>\d+))? of data/raw/government-trends-2023-zh\.txt)?$"
)


def test_every_row_of_every_table_is_cited_by_its_key_and_lines(t, built):
    """A citation names the table, the row by the primary key the data package declares for the table (so
    two rows never share a citation) and the row's raw lines."""
    import json

    keys = {
        r["name"]: r["schema"]["primaryKey"]
        for r in json.loads((built / "datapackage.json").read_text(encoding="utf-8"))["resources"]
    }
    for name in t.names():
        seen = set()
        for _, row in t[name].iterrows():
            text = cite.citation(name, row)
            m = CITED.match(text)
            assert m and m["table"] == name and m["version"] == trendlib.__version__, text
            assert m["row"] == "/".join(str(row[c]) for c in keys[name]), text
            lines = [c for c in ("line_start", "line", "line_end") if c in row and not pd.isna(row[c])]
            if lines:
                first, last = int(row[lines[0]]), int(row[lines[-1]])
                assert (int(m["start"]), int(m["end"] or m["start"])) == (first, last), text
            else:
                assert m["start"] is None, text
            seen.add(text)
        assert len(seen) == len(t[name]), f"two rows of {name} share a citation"
