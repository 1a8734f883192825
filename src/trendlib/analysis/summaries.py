"""Crosstabs and labels the notebooks share: small pure functions over the tables.

Every function takes DataFrames shaped like those of :func:`trendlib.load`
(only the columns it names are needed) and returns a new, deterministically
ordered DataFrame or Series: rows and columns follow the controlled
vocabularies of :mod:`trendlib.vocab` where there is one, else are sorted.
Columns holding ``;``-joined lists (``cases.sectors``, ``cases.boundary``,
``barriers.boundary``) are split, so a case counts once under each value.

>>> import pandas as pd
>>> cases = pd.DataFrame({"trend": [1, 1, 2], "country": ["USA", "GBR", "USA"]})
>>> crosstab(cases, "country", "trend")
trend    1  2
country
GBR      1  0
USA      1  1
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import combinations

import pandas as pd

from .. import metadata, vocab

__all__ = [
    "TREND_SHORT_EN",
    "SECTION_ZH",
    "SECTOR_ZH",
    "LEVEL_ZH",
    "BOUNDARY_ZH",
    "COUNTRY_NAMES",
    "ONE_ROW_PER",
    "trend_label",
    "country_label",
    "bilingual",
    "split_list",
    "crosstab",
    "table_overview",
    "characters_by_section",
    "cases_per_trend",
    "country_by_trend",
    "boundary_by_trend",
    "sector_pairs",
    "level_by_trend",
    "top_countries",
    "leaders",
    "labelled",
    "boundary_overlap",
    "SECTOR_BREADTH",
    "sector_breadth",
    "pair_list",
    "first_with",
    "jurisdictions",
]

# ---------------------------------------------------------------- labels
# Every label comes from the vocabularies (trendlib.vocab) and the metadata: none is spelled here.

#: Short English trend names for axis labels (full titles: trends.title_en).
TREND_SHORT_EN: dict[int, str] = {int(k): t.en for k, t in vocab.TRENDS.terms.items()}

#: Chinese labels of the section vocabulary (the report's own headings where it has one), and of pull quotes.
SECTION_ZH: dict[str, str] = {**vocab.SECTIONS.labels("zh"), "pull_quote": vocab.BOX_KINDS.label("pull_quote", "zh")}

SECTOR_ZH: dict[str, str] = vocab.SECTORS.labels("zh")
LEVEL_ZH: dict[str, str] = vocab.LEVELS.labels("zh")
BOUNDARY_ZH: dict[str, str] = vocab.BOUNDARIES.labels("zh")

#: ISO 3166-1 alpha-3 (plus EUU, INT) → (English, Chinese) for labels.
COUNTRY_NAMES: dict[str, tuple[str, str]] = {c: (t.en, t.zh) for c, t in vocab.COUNTRIES.terms.items()}

#: What one row of each table is (from the metadata).
ONE_ROW_PER: dict[str, str] = {t.name: t.row for t in metadata.TABLES}


def bilingual(en: str, zh: str | None, sep: str = " ") -> str:
    """``English (中文)``, or just the English when there is no Chinese.

    >>> bilingual("Justice", "端到端的司法")
    'Justice (端到端的司法)'
    >>> bilingual("Justice", None)
    'Justice'
    """
    return f"{en}{sep}({zh})" if zh else en


def trend_label(trend: int, title_zh: str | None = None, *, sep: str = " ", number: bool = True) -> str:
    """A short bilingual label for a trend, e.g. for an axis.

    >>> trend_label(8, "端到端的司法")
    'T8 Justice (端到端的司法)'
    >>> trend_label(0, number=False)
    'Front matter'
    """
    text = bilingual(TREND_SHORT_EN[int(trend)], title_zh, sep)
    return f"T{int(trend)} {text}" if number else text


def country_label(code: str, *, sep: str = " ") -> str:
    """English and Chinese name of a country code (the code itself if unknown).

    >>> country_label("NZL")
    'New Zealand (新西兰)'
    >>> country_label("XYZ")
    'XYZ'
    """
    if code not in COUNTRY_NAMES:
        return code
    return bilingual(*COUNTRY_NAMES[code], sep=sep)


# ---------------------------------------------------------------- counting
def split_list(values: pd.Series) -> pd.Series:
    """A ``;``-joined column as one row per value (same index repeated), blanks dropped.

    >>> split_list(pd.Series(["a;b", None, "c"])).tolist()
    ['a', 'b', 'c']
    """
    s = values.dropna().astype(str).str.split(";").explode().str.strip()
    return s[s != ""].astype(object)


def _order(present: Iterable, preferred: Iterable | None) -> list:
    present = list(dict.fromkeys(present))
    if preferred is None:
        return sorted(present)
    preferred = list(preferred)
    return [v for v in preferred if v in present] + sorted(v for v in present if v not in preferred)


def crosstab(
    df: pd.DataFrame,
    index: str,
    columns: str,
    *,
    index_order: Iterable | None = None,
    columns_order: Iterable | None = None,
    split: Iterable[str] = (),
) -> pd.DataFrame:
    """Count rows by two columns; columns named in ``split`` are ``;``-joined lists.

    Rows and columns follow the given orders (values not in them come after,
    sorted), else are sorted; missing values are left out; cells are ints.

    >>> df = pd.DataFrame({"trend": [1, 1, 2], "sectors": ["government;private", "private", None]})
    >>> crosstab(df, "sectors", "trend", split=["sectors"], index_order=["private", "government"])
    trend       1
    sectors
    private     2
    government  1
    """
    split = set(split)
    pairs = df[[index, columns]].copy() if index != columns else df[[index]].copy()
    for col in (index, columns):
        if col in split:
            pairs = pairs.drop(columns=col).join(split_list(df[col]).rename(col), how="inner")
    pairs = pairs.dropna()
    if pairs.empty:
        return pd.DataFrame(dtype=int)
    table = pd.crosstab(pairs[index].astype(object), pairs[columns].astype(object))
    table = table.reindex(index=_order(table.index, index_order), columns=_order(table.columns, columns_order))
    table.index.name, table.columns.name = index, columns
    return table.fillna(0).astype(int)


def table_overview(tables) -> pd.DataFrame:
    """Name, row count, column count and what a row is, for every table of a :class:`~trendlib.Tables`.

    Accepts the Tables object or any mapping of name → DataFrame.

    >>> table_overview({"funding": pd.DataFrame({"amount_id": ["F001"]})})[["table", "rows", "columns"]]
         table  rows  columns
    0  funding     1        1
    """
    items = [(n, tables[n]) for n in tables.names()] if hasattr(tables, "names") else list(tables.items())
    return pd.DataFrame(
        [
            {"table": name, "rows": len(df), "columns": df.shape[1], "one row per": ONE_ROW_PER.get(name, "")}
            for name, df in items
        ]
    )


def characters_by_section(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Non-whitespace characters of the paragraphs, trend × section (sections in vocabulary order).

    Summed over a trend, this equals ``trends.characters``.

    >>> p = pd.DataFrame({"trend": [1, 1, 2], "section": ["overview", "barriers", "overview"],
    ...                   "text": ["ab c", "数据", "xyz"]})
    >>> characters_by_section(p)
    section  overview  barriers
    trend
    1               3         2
    2               3         0
    """
    chars = paragraphs["text"].fillna("").astype(str).str.replace(r"\s+", "", regex=True).str.len()
    table = pd.DataFrame(
        {
            "trend": paragraphs["trend"].astype(int),
            "section": paragraphs["section"].astype(object),
            "n": chars.astype(int),
        }
    ).pivot_table(index="trend", columns="section", values="n", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=_order(table.columns, vocab.SECTIONS)).sort_index()
    table.columns.name = "section"
    return table.astype(int)


def cases_per_trend(cases: pd.DataFrame, by: str = "kind", order: Iterable | None = None) -> pd.DataFrame:
    """Cases per trend split by one column (``kind`` by default), with a ``total`` column.

    >>> c = pd.DataFrame({"trend": [2, 1, 1], "kind": ["law", "fund", "law"]})
    >>> cases_per_trend(c, order=["law", "fund"])
    kind   law  fund  total
    trend
    1        1     1      2
    2        1     0      1
    """
    if order is None and by == "kind":
        order = vocab.CASE_KINDS
    table = crosstab(cases, "trend", by, columns_order=order).sort_index()
    table["total"] = table.sum(axis=1)
    return table


def country_by_trend(cases: pd.DataFrame) -> pd.DataFrame:
    """Cases per country × trend, countries by number of cases (most first), then by code.

    ``INT`` (several countries together) and ``EUU`` (the EU) stay rows of their own.

    >>> c = pd.DataFrame({"trend": [1, 2, 2, 3, 3], "country": ["GBR", "USA", "USA", "CAN", "USA"]})
    >>> country_by_trend(c)
    trend    1  2  3
    country
    USA      0  2  1
    CAN      0  0  1
    GBR      1  0  0
    """
    table = crosstab(cases, "country", "trend")
    totals = table.sum(axis=1)
    order = sorted(table.index, key=lambda c: (-totals[c], c))
    return table.loc[order]


def boundary_by_trend(df: pd.DataFrame, column: str = "boundary") -> pd.DataFrame:
    """Rows per boundary × trend (a row with two boundaries counts under both); vocabulary order.

    Works for ``barriers`` and for ``cases`` (both have ``trend`` and a ``;``-joined ``boundary``).

    >>> b = pd.DataFrame({"trend": [1, 1, 2], "boundary": ["old_new_practice", "within_government;old_new_practice", None]})
    >>> boundary_by_trend(b)
    trend              1
    boundary
    within_government  1
    old_new_practice   2
    """
    return crosstab(df, column, "trend", index_order=vocab.BOUNDARIES, split=[column])


def sector_pairs(cases: pd.DataFrame, column: str = "sectors") -> pd.DataFrame:
    """Sector co-occurrence: cases whose sectors include both the row and the column sector.

    Symmetric; the diagonal counts the cases that involve a sector at all.
    Sectors in vocabulary order; cases without sectors are left out.

    >>> c = pd.DataFrame({"sectors": ["government;private", "government", "private;academia", None]})
    >>> sector_pairs(c)
                government  private  academia
    government           2        1         0
    private              1        2         1
    academia             0        1         1
    """
    sets = [sorted(set(split_list(pd.Series([v])))) for v in cases[column].dropna()]
    names = _order({s for group in sets for s in group}, vocab.SECTORS)
    table = pd.DataFrame(0, index=names, columns=names, dtype=int)
    for group in sets:
        for s in group:
            table.loc[s, s] += 1
        for a, b in combinations(group, 2):
            table.loc[a, b] += 1
            table.loc[b, a] += 1
    return table


def level_by_trend(cases: pd.DataFrame) -> pd.DataFrame:
    """Cases per level of government × trend, levels in vocabulary order.

    >>> c = pd.DataFrame({"trend": [1, 1, 2], "level": ["local", "national", "local"]})
    >>> level_by_trend(c)
    trend     1  2
    level
    national  1  0
    local     1  1
    """
    return crosstab(cases, "level", "trend", index_order=vocab.LEVELS)


def top_countries(cases: pd.DataFrame, n: int = 3) -> pd.DataFrame:
    """Countries ranked by cases within each trend, keeping the top ``n`` ranks and all ties.

    Ranks are competition ranks (1, 2, 2, 4): countries with equal counts
    share a rank, so a trend may list more than ``n`` countries. ``share`` is
    the country's fraction (0–1) of the trend's cases. Rows: trend, then
    rank, then country code.

    >>> c = pd.DataFrame({"trend": [1, 1, 1, 1, 2], "country": ["USA", "USA", "CAN", "AUS", "GBR"]})
    >>> top_countries(c, n=2)
       trend  rank country  cases  share
    0      1     1     USA      2   0.50
    1      1     2     AUS      1   0.25
    2      1     2     CAN      1   0.25
    3      2     1     GBR      1   1.00
    """
    counts = cases.dropna(subset=["country"]).groupby(["trend", "country"]).size().rename("cases").reset_index()
    counts["trend"] = counts["trend"].astype(int)
    counts["share"] = (counts["cases"] / counts.groupby("trend")["cases"].transform("sum")).round(2)
    counts["rank"] = counts.groupby("trend")["cases"].rank(method="min", ascending=False).astype(int)
    counts = counts.sort_values(["trend", "rank", "country"])
    top = counts[counts["rank"] <= n].reset_index(drop=True)
    return top[["trend", "rank", "country", "cases", "share"]].astype(
        {"cases": int, "rank": int, "share": float, "country": object}
    )


def leaders(cases: pd.DataFrame) -> pd.DataFrame:
    """Per trend: its cases, how many countries they come from, and the country (or tied countries) with most.

    >>> c = pd.DataFrame({"trend": [1, 1, 1, 2, 2], "country": ["USA", "USA", "CAN", "GBR", "NZL"]})
    >>> leaders(c)
       trend  cases  countries   leader  leader_cases  leader_share
    0      1      3          2      USA             2          0.67
    1      2      2          2  GBR/NZL             1          0.50
    """
    top = top_countries(cases, n=1)
    rows = []
    for trend, group in top.groupby("trend", sort=True):
        in_trend = cases[cases["trend"].astype(int) == trend].dropna(subset=["country"])
        rows.append(
            {
                "trend": int(trend),
                "cases": len(in_trend),
                "countries": in_trend["country"].nunique(),
                "leader": "/".join(group["country"]),
                "leader_cases": int(group["cases"].iloc[0]),
                "leader_share": float(group["share"].iloc[0]),
            }
        )
    return pd.DataFrame(rows)


def labelled(table: pd.DataFrame, labels: Mapping, axis: str = "index") -> pd.DataFrame:
    """A copy with index (or columns) values replaced by labels (unknown values kept).

    >>> labelled(pd.DataFrame({"n": [1]}, index=["local"]), LEVEL_ZH).index.tolist()
    ['地方']
    """
    mapper = lambda v: labels.get(v, v)  # noqa: E731
    return table.rename(index=mapper) if axis == "index" else table.rename(columns=mapper)


def boundary_overlap(barriers: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    """Per chapter: do its cases cross the boundaries its 突破壁垒 list names?

    Returns
    -------
    DataFrame
        ``trend``, ``named`` (boundaries on the chapter's list), ``cases``, ``coded`` (cases coded with any
        boundary), ``on_list`` (of them, crossing at least one named boundary), ``share`` (on_list / coded) with
        ``ci_low`` and ``ci_high`` (bootstrap 95 % interval, the coded cases resampled).

    Examples
    --------
    >>> b = pd.DataFrame({"trend": [1, 1], "boundary": ["within_government", "old_new_practice"]})
    >>> c = pd.DataFrame({"trend": [1, 1, 1], "boundary": ["within_government;cross_border", "cross_border", None]})
    >>> boundary_overlap(b, c)[["trend", "named", "cases", "coded", "on_list", "share"]]
       trend  named  cases  coded  on_list  share
    0      1      2      3      2        1    0.5
    """
    from . import uncertainty

    def sets(df: pd.DataFrame) -> pd.Series:
        values = split_list(df["boundary"])
        return values.groupby(level=0).agg(lambda v: frozenset(v)).reindex(df.index)

    named = (
        sets(barriers)
        .groupby(barriers["trend"].astype(int))
        .agg(lambda s: frozenset().union(*[x for x in s if isinstance(x, frozenset)]))
    )
    coded = sets(cases)
    rows = []
    for trend in sorted(named.index):
        in_trend = coded[cases["trend"].astype(int) == trend]
        has = [x for x in in_trend if isinstance(x, frozenset) and x]
        on = [bool(x & named[trend]) for x in has]
        row = {
            "trend": int(trend),
            "named": len(named[trend]),
            "cases": len(in_trend),
            "coded": len(has),
            "on_list": sum(on),
            "share": round(sum(on) / len(has), 2) if has else float("nan"),
            "ci_low": float("nan"),
            "ci_high": float("nan"),
        }
        if has:
            units = pd.DataFrame({"on": ["yes" if x else "no" for x in on]})
            interval = uncertainty.shares(units, "on", order=["yes"]).iloc[0]
            row.update(ci_low=interval["ci_low"], ci_high=interval["ci_high"])
        rows.append(row)
    return pd.DataFrame(rows)


#: The classes of :func:`sector_breadth`, in display order.
SECTOR_BREADTH: tuple[str, ...] = ("government only", "one other sector", "two or more sectors")


def sector_breadth(sectors: pd.Series) -> pd.Series:
    """How many sectors each ``;``-joined list holds: ``government only``, ``one other sector`` or ``two or more
    sectors`` (missing where the list is empty).

    >>> sector_breadth(pd.Series(["government", "private", "government;private", None])).tolist()
    ['government only', 'one other sector', 'two or more sectors', None]
    """

    def breadth(value):
        if not isinstance(value, str) or not value:
            return None
        if ";" in value:
            return SECTOR_BREADTH[2]
        return SECTOR_BREADTH[0] if value == "government" else SECTOR_BREADTH[1]

    return pd.Series([breadth(v) for v in sectors.astype(object)], index=sectors.index, dtype=object)


def pair_list(matrix: pd.DataFrame) -> pd.DataFrame:
    """The upper triangle of a co-occurrence matrix as rows, most frequent pair first (zero pairs dropped).

    >>> m = sector_pairs(pd.DataFrame({"sectors": ["government;private", "government;private;academia"]}))
    >>> pair_list(m)
         sector_a  sector_b  cases
    0  government   private      2
    1  government  academia      1
    2     private  academia      1
    """
    names = list(matrix.index)
    rows = [
        {"sector_a": a, "sector_b": b, "cases": int(matrix.loc[a, b]), "_i": i, "_j": j}
        for i, a in enumerate(names)
        for j, b in enumerate(names)
        if j > i and matrix.loc[a, b] > 0
    ]
    if not rows:
        return pd.DataFrame(columns=["sector_a", "sector_b", "cases"])
    out = pd.DataFrame(rows).sort_values(["cases", "_i", "_j"], ascending=[False, True, True])
    return out.drop(columns=["_i", "_j"]).reset_index(drop=True)


def first_with(df: pd.DataFrame, column: str, values: Iterable[str]) -> pd.DataFrame:
    """For each value, the first row (in trend, then line order) whose ``;``-joined ``column`` holds it.

    The value found is in column ``match``; values no row holds are skipped.

    >>> b = pd.DataFrame({"trend": [2, 1], "line": [9, 5], "boundary": ["a;b", "b"]})
    >>> first_with(b, "boundary", ["a", "b", "z"])[["match", "trend", "line"]]
      match  trend  line
    0     a      2     9
    1     b      1     5
    """
    keys = [k for k in ("trend", "seq", "line", "line_start") if k in df.columns]
    ordered = df.sort_values(keys) if keys else df
    found = []
    for value in values:
        hits = ordered[ordered[column].fillna("").astype(str).str.split(";").map(lambda v, value=value: value in v)]
        if len(hits):
            found.append(hits.iloc[[0]].assign(match=value))
    if not found:
        return df.iloc[0:0].assign(match=pd.Series(dtype=object))
    out = pd.concat(found, ignore_index=True)
    return out[["match", *[c for c in out.columns if c != "match"]]]


def jurisdictions(cases: pd.DataFrame, levels: Iterable[str] = ("subnational", "local")) -> pd.DataFrame:
    """Jurisdictions (``place_zh`` as the text names them, and ``place_en``) of the cases at the given levels.

    One row per country × place × level with its English name (where
    ``cases`` has ``place_en``), its number of cases, its trends and case
    ids; most cases first, then country and place.

    >>> c = pd.DataFrame({"case_id": ["T1-01", "T3-02", "T2-05"], "trend": [1, 3, 2],
    ...                   "country": ["USA", "USA", "GBR"], "place_zh": ["波士顿", "波士顿", "英国"],
    ...                   "place_en": ["Boston", "Boston", "United Kingdom"],
    ...                   "level": ["local", "local", "national"]})
    >>> jurisdictions(c).iloc[0].to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'country': 'USA', 'place_en': 'Boston', 'place_zh': '波士顿', 'level': 'local', 'cases': 2, 'trends': '1;3',
     'case_ids': 'T1-01;T3-02'}
    """
    levels = list(levels)
    sub = cases[cases["level"].isin(levels)]
    english = "place_en" in cases
    rows = []
    for (country, place, level), g in sub.groupby(["country", "place_zh", "level"], sort=True):
        rows.append(
            {
                "country": country,
                "place_en": g["place_en"].iloc[0] if english else None,
                "place_zh": place,
                "level": level,
                "cases": len(g),
                "trends": _join_sorted(g["trend"].astype(int)),
                "case_ids": _join_sorted(g["case_id"]),
            }
        )
    out = pd.DataFrame(rows, columns=["country", "place_en", "place_zh", "level", "cases", "trends", "case_ids"])
    return out.sort_values(["cases", "country", "place_zh"], ascending=[False, True, True]).reset_index(drop=True)


def _join_sorted(values) -> str:
    return ";".join(str(v) for v in sorted(set(values)))
