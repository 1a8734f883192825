"""Tests for trendlib.analysis.summaries: crosstabs over the tables, and their labels."""

from __future__ import annotations

import pandas as pd
import pytest

from trendlib import vocab
from trendlib.analysis import summaries as S


@pytest.fixture(scope="module")
def t(published):
    return published


# ------------------------------------------------------------ tiny tables
def test_split_list_keeps_the_row_index_and_drops_blanks():
    s = S.split_list(pd.Series(["a; b", "", None, "c"], index=[10, 11, 12, 13]))
    assert list(s.items()) == [(10, "a"), (10, "b"), (13, "c")]


def test_crosstab_orders_by_vocabulary_then_sorted_and_counts_each_list_value():
    df = pd.DataFrame({"x": ["b;z", "a", "z"], "y": [1, 1, 2]})
    table = S.crosstab(df, "x", "y", index_order=["z", "a"], split=["x"])
    assert list(table.index) == ["z", "a", "b"]
    assert table.loc["z"].tolist() == [1, 1]
    assert table.to_numpy().dtype.kind == "i"


def test_crosstab_of_nothing_is_empty():
    assert S.crosstab(pd.DataFrame({"x": [None], "y": [1]}), "x", "y").empty


def test_characters_ignore_whitespace():
    p = pd.DataFrame({"trend": [0], "section": ["summary"], "text": [" 概 要\n"]})
    assert S.characters_by_section(p).loc[0, "summary"] == 2


def test_sector_pairs_is_symmetric_with_cases_on_the_diagonal():
    m = S.sector_pairs(pd.DataFrame({"sectors": ["private;government", "government", None, "community;private"]}))
    assert list(m.index) == ["government", "private", "community"]
    assert (m == m.T).all().all()
    assert m.loc["government", "government"] == 2 and m.loc["private", "government"] == 1
    assert m.loc["government", "community"] == 0


def test_top_countries_keeps_ties_at_the_cut():
    c = pd.DataFrame({"trend": [1] * 5, "country": ["USA", "USA", "GBR", "CAN", "AUS"]})
    top = S.top_countries(c, n=2)
    assert top["country"].tolist() == ["USA", "AUS", "CAN", "GBR"]
    assert top["rank"].tolist() == [1, 2, 2, 2]


def test_leaders_joins_tied_countries():
    c = pd.DataFrame({"trend": [3, 3], "country": ["NZL", "GBR"]})
    assert S.leaders(c).loc[0, "leader"] == "GBR/NZL"


def test_boundary_overlap_with_no_coded_case_has_no_share():
    b = pd.DataFrame({"trend": [5], "boundary": ["front_back_office"]})
    c = pd.DataFrame({"trend": [5], "boundary": [None]})
    row = S.boundary_overlap(b, c).iloc[0]
    assert (row["cases"], row["coded"], row["on_list"]) == (1, 0, 0) and pd.isna(row["share"])


def test_first_with_prefers_earlier_trends_then_lines():
    b = pd.DataFrame({"trend": [2, 1, 1], "seq": [1, 2, 1], "line": [50, 20, 10], "boundary": ["x", "x", "y;x"]})
    assert S.first_with(b, "boundary", ["x"])["line"].tolist() == [10]


def test_jurisdictions_only_at_the_levels_asked():
    c = pd.DataFrame(
        {
            "case_id": ["a", "b"],
            "trend": [1, 2],
            "country": ["USA", "USA"],
            "place_zh": ["美国", "芝加哥"],
            "level": ["national", "local"],
        }
    )
    assert S.jurisdictions(c)["place_zh"].tolist() == ["芝加哥"]
    assert S.jurisdictions(c, levels=["national"])["place_zh"].tolist() == ["美国"]


def test_labels():
    assert S.trend_label(3, "消除资金孤岛", sep="\n") == "T3 Funding silos\n(消除资金孤岛)"
    assert S.country_label("EUU") == "European Union (欧盟)"


# ------------------------------------------------------------ the real tables
def test_every_vocabulary_value_has_a_chinese_label():
    assert set(S.SECTION_ZH) >= set(vocab.SECTIONS)
    assert set(S.SECTOR_ZH) == set(vocab.SECTORS)
    assert set(S.LEVEL_ZH) == set(vocab.LEVELS)
    assert set(S.BOUNDARY_ZH) == set(vocab.BOUNDARIES)
    assert set(S.TREND_SHORT_EN) == set(vocab.TREND_TITLES_EN)


def test_every_case_country_has_a_name(t):
    assert set(t.cases["country"].dropna()) <= set(S.COUNTRY_NAMES)


def test_every_table_has_a_description(t):
    overview = S.table_overview(t)
    assert overview["table"].tolist() == t.names()
    assert (overview["one row per"] != "").all()
    assert overview["rows"].tolist() == [len(t[n]) for n in t.names()]


def test_characters_add_up_to_the_trends_table(t):
    chars = S.characters_by_section(t.paragraphs)
    assert chars.sum(axis=1).tolist() == t.trends.set_index("trend")["characters"].astype(int).tolist()
    assert set(chars.columns) <= set(vocab.SECTIONS)


def test_case_crosstabs_count_every_case_once(t):
    n = len(t.cases)
    assert S.country_by_trend(t.cases).to_numpy().sum() == t.cases["country"].notna().sum()
    assert S.level_by_trend(t.cases).to_numpy().sum() == t.cases["level"].notna().sum()
    assert S.cases_per_trend(t.cases)["total"].sum() == n


def test_boundary_crosstabs_count_each_listed_boundary(t):
    for df in (t.barriers, t.cases):
        table = S.boundary_by_trend(df)
        assert table.to_numpy().sum() == len(S.split_list(df["boundary"]))
        assert set(table.index) <= set(vocab.BOUNDARIES)


def test_sector_pairs_on_the_cases(t):
    m = S.sector_pairs(t.cases)
    assert set(m.index) <= set(vocab.SECTORS)
    per_sector = S.split_list(t.cases["sectors"]).value_counts()
    for s in m.index:
        assert m.loc[s, s] == per_sector[s]


def test_leaders_agree_with_top_countries(t):
    lead = S.leaders(t.cases)
    top = S.top_countries(t.cases, n=1)
    for _, row in lead.iterrows():
        assert row["leader"] == "/".join(top[top["trend"] == row["trend"]]["country"])
    assert lead["cases"].sum() == t.cases["country"].notna().sum()
