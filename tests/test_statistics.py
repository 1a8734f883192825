"""Tests for trendlib.analysis.statistics (the report's figures as evidence) on tiny tables and on the
published statistics table. The kind of each figure is curated (statistics.yaml, checked in
tests/test_coding.py); these functions count it."""

from __future__ import annotations

import pandas as pd

from trendlib import vocab
from trendlib.analysis import statistics as ST


def tiny_statistics() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "stat_id": ["S1", "S2", "S3", "S4", "S5", "S6"],
            "trend": [1, 1, 2, 2, 5, 5],
            "section": ["in_action", "in_action", "data", "in_action", "data", "sidebar"],
            "case_id": ["T1-01", "T1-01", None, "T2-03", None, "T5-02"],
            "statistic_kind": ["survey", "survey", "other", "outcome", "other", "outcome"],
            "in_infographic": pd.array([False, False, True, False, True, pd.NA], dtype="boolean"),
            "repeats": [None, "S1", None, None, None, None],
        },
        index=[5, 4, 3, 2, 1, 0],
    )


def test_countable_drops_repeats_and_keeps_the_index():
    out = ST.countable(tiny_statistics())
    assert out.stat_id.tolist() == ["S1", "S3", "S4", "S5", "S6"]
    assert out.index.tolist() == [5, 3, 2, 1, 0]


def test_with_cluster_is_the_case_or_the_figure_itself():
    out = ST.with_cluster(tiny_statistics())
    assert out.cluster.tolist() == ["T1-01", "T1-01", "S3", "T2-03", "S5", "T5-02"]
    assert "cluster" not in tiny_statistics()


def test_by_trend_section_counts_every_row_once():
    table = ST.by_trend_section(tiny_statistics())
    assert list(table.columns) == ["trend", "data", "in_action", "sidebar", "total"]
    assert table.set_index("trend").to_dict("index") == {
        1: {"data": 0, "in_action": 2, "sidebar": 0, "total": 2},
        2: {"data": 1, "in_action": 1, "sidebar": 0, "total": 2},
        5: {"data": 1, "in_action": 0, "sidebar": 1, "total": 2},
    }


def test_kinds_by_trend_has_every_kind_in_vocabulary_order():
    table = ST.kinds_by_trend(ST.countable(tiny_statistics()))
    assert list(table.columns) == ["trend", *vocab.STATISTIC_KINDS, "total"]
    assert table.set_index("trend").loc[1].to_dict() == {"survey": 1, "outcome": 0, "other": 0, "total": 1}
    assert table.set_index("trend").loc[5].to_dict() == {"survey": 0, "outcome": 1, "other": 1, "total": 2}


def test_infographic_share_treats_missing_as_not_in_an_infographic():
    share = ST.infographic_share(tiny_statistics()).set_index("trend")
    assert share.n.to_dict() == {1: 2, 2: 2, 5: 2}
    assert share.n_infographic.to_dict() == {1: 0, 2: 1, 5: 1}
    assert share.share.to_dict() == {1: 0.0, 2: 0.5, 5: 0.5}


def test_the_published_statistics_add_up(published):
    s = published.statistics
    counted = ST.countable(s)
    assert len(counted) == len(s) - s.repeats.notna().sum()
    assert set(s.statistic_kind) <= set(vocab.STATISTIC_KINDS)
    assert ST.kinds_by_trend(counted).total.sum() == len(counted)
    assert ST.by_trend_section(counted).total.sum() == len(counted)
    share = ST.infographic_share(counted)
    assert share.n_infographic.sum() == counted.in_infographic.sum() and share.share.between(0, 1).all()
    clusters = ST.with_cluster(counted)
    assert (clusters.cluster == clusters.case_id.fillna(clusters.stat_id)).all()


def test_every_published_repeat_repeats_an_earlier_figure(published):
    s = published.statistics.set_index("stat_id")
    assert s.repeats.notna().any()
    for stat_id, first in s.repeats.dropna().items():
        assert first < stat_id and pd.isna(s.at[first, "repeats"])
        assert s.at[first, "value"] == s.at[stat_id, "value"]


def test_every_published_figure_has_its_kind_phrase_and_glosses(published):
    """Where each kind phrase is printed is checked where it is curated (tests/test_coding.py)."""
    s = published.statistics
    for column in ("statistic_kind", "kind_phrase", "kind_phrase_en", "context_en"):
        assert s[column].notna().all() and (s[column].astype(str).str.strip() != "").all(), column
