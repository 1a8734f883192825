"""Trace a row of any table back to the raw report, and cite it.

Every table row carries the 1-based line(s) of ``data/raw/`` it came from:
``line_start``/``line_end`` (trends, paragraphs, cases), ``line``/``line_end``
(my_takes) or a single ``line`` (everything else except actors, which are
curated and cited through their case_actors mentions). These functions turn
such a row into its raw passage and into a citation string.

>>> from trendlib import load
>>> from trendlib.analysis import cite
>>> t = load()
>>> case = t.cases[t.cases.case_id == "T3-13"].iloc[0]
>>> cite.line_span(case)
(1720, 1736)
>>> cite.row_id("cases", case)
'T3-13'
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from .. import metadata
from ..load import raw_lines as _report_lines
from ..parse import report
from ..paths import REPORT_NAME
from ..patterns import compact

__all__ = [
    "RAW_PATH",
    "REPORT_TITLE_ZH",
    "REPORT_TITLE_EN",
    "ID_COLUMNS",
    "line_span",
    "raw_lines",
    "passage",
    "row_id",
    "find_row",
    "citation",
]

#: The raw report, relative to the project root (what notebooks print, never an absolute path).
RAW_PATH = f"data/raw/{REPORT_NAME}"

REPORT_TITLE_ZH = report.TITLE_ZH
REPORT_TITLE_EN = report.TITLE_EN

#: Columns that identify a row of each table, in the order they are joined into a row id: the
#: table's primary key (:mod:`trendlib.metadata`); a table without one is cited by its raw line.
ID_COLUMNS: dict[str, tuple[str, ...]] = {
    t.name: t.primary_key or tuple(c for c in ("case_id", "actor_id", "line") if c in t.columns)
    for t in metadata.TABLES
}

# Columns whose printed text must lie on the row's lines (a single-line row
# whose text wraps onto the next raw line is extended to cover it).
_PRINTED = {
    "funding": "text",
    "statistics": "text",
    "case_actors": "mention",
    "barriers": "text",
    "endnotes": "printed",
}


def _get(row: Mapping, column: str):
    value = row[column] if column in row else None
    return None if value is None or pd.isna(value) else value


def line_span(row: Mapping) -> tuple[int, int]:
    """The first and last raw line of a row, from whichever line columns it has.

    >>> line_span({"line_start": 1720, "line_end": 1736})
    (1720, 1736)
    >>> line_span({"line": 1726})
    (1726, 1726)
    """
    start = _get(row, "line_start") or _get(row, "line")
    end = _get(row, "line_end") or start
    if start is None:
        raise ValueError("this row has no line columns (actors are curated: cite their case_actors rows)")
    return int(start), int(end)


def raw_lines(start: int, end: int | None = None, *, report_path=None) -> list[tuple[int, str]]:
    """Lines ``start..end`` (1-based, inclusive) of the raw report, as (number, text) pairs.

    ``report_path``: the report's text file, where it is not at ``data/raw/`` (its SHA-256 is checked all the
    same, so the line numbers are those of the tables).

    >>> raw_lines(1726)[0][0]
    1726
    """
    lines = _report_lines(report_path)
    end = start if end is None else end
    if not 1 <= start <= end <= len(lines):
        raise ValueError(f"lines {start}..{end} are outside {report_path or RAW_PATH} (1..{len(lines)})")
    return [(n, lines[n - 1]) for n in range(start, end + 1)]


def _fit(start: int, end: int, printed: str | None, limit: int = 40, *, report_path=None) -> int:
    """Extend ``end`` until the lines hold ``printed`` (it may wrap onto the next lines).

    A text whose footnote numbers were removed (a barrier bullet) need not be
    a substring of the raw lines; its last characters are, so they decide.
    """
    if not printed:
        return end
    want = compact(printed)
    tail = want[-8:]
    last_line = len(_report_lines(report_path))
    for extra in range(limit + 1):
        last = min(end + extra, last_line)
        joined = compact("".join(text for _, text in raw_lines(start, last, report_path=report_path)))
        if want in joined or tail in joined:
            return last
        if last == last_line:
            break
    raise ValueError(f"{printed[:20]!r}… is not on lines {start}..{end + limit} of {RAW_PATH}")


def passage(row: Mapping, table: str | None = None, *, context: int = 0, report_path=None) -> str:
    """The raw lines a row came from, numbered, under a header naming the file.

    ``context`` adds that many lines before and after. For the single-line
    rows of funding, statistics, case_actors, barriers and endnotes (give
    ``table``), the span is checked to hold the row's printed text and
    extended to the line where that text ends. ``report_path``: the report's
    text file, where it is not at ``data/raw/`` (outside a checkout).

    >>> print(passage({"line": 1726, "text": "超过5亿美元"}, "funding"))
    data/raw/government-trends-2023-zh.txt, line 1726
      1726 | 该基金在18个政府机构33个项目共投资超过5亿美元，涵盖的项目包
    """
    start, end = line_span(row)
    if table in _PRINTED:
        end = _fit(start, end, _get(row, _PRINTED[table]), report_path=report_path)
    first, last = max(1, start - context), min(len(_report_lines(report_path)), end + context)
    where = f"line {first}" if first == last else f"lines {first}–{last}"
    body = [f"{n:>6} | {text.rstrip()}".rstrip() for n, text in raw_lines(first, last, report_path=report_path)]
    return "\n".join([f"{report_path or RAW_PATH}, {where}", *body])


def row_id(table: str, row: Mapping) -> str:
    """The identifier of a row: its id column, or its key columns joined with '/'.

    >>> row_id("barriers", {"trend": 2, "seq": 3})
    '2/3'
    """
    if table not in ID_COLUMNS:
        raise KeyError(f"unknown table {table!r}; one of {', '.join(ID_COLUMNS)}")
    return "/".join(str(row[c]) for c in ID_COLUMNS[table])


def find_row(df: pd.DataFrame, table: str, ident: str | int) -> pd.Series:
    """The one row of ``df`` (table ``table``) whose :func:`row_id` is ``ident``.

    >>> int(find_row(pd.DataFrame({"amount_id": ["F001", "F002"], "line": [3, 9]}), "funding", "F002")["line"])
    9
    """
    ids = df.apply(lambda r: row_id(table, r), axis=1) if len(df) else pd.Series([], dtype=object)
    hits = df[ids == str(ident)]
    if len(hits) != 1:
        raise KeyError(f"{table}: {len(hits)} rows have id {ident!r}, expected exactly one")
    return hits.iloc[0]


def citation(table: str, row: Mapping, version: str | None = None) -> str:
    """A citation string for one row: report, publisher and year, trendlib version, table, row, raw lines.

    >>> citation("funding", {"amount_id": "F016", "line": 1726}, version="0.1.0")  # doctest: +NORMALIZE_WHITESPACE
    'Deloitte (2023), 《2023年政务服务转型趋势报告》 (Government Trends 2023, Chinese edition);
     trendlib 0.1.0, table funding, row F016, raw line 1726 of data/raw/government-trends-2023-zh.txt'
    """
    if version is None:
        from .. import __version__ as version
    text = (
        f"Deloitte (2023), 《{REPORT_TITLE_ZH}》 ({REPORT_TITLE_EN}, Chinese edition); "
        f"trendlib {version}, table {table}, row {row_id(table, row)}"
    )
    try:
        start, end = line_span(row)
    except ValueError:
        return text
    lines = f"raw line {start}" if start == end else f"raw lines {start}–{end}"
    return f"{text}, {lines} of {RAW_PATH}"
