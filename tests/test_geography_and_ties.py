"""Tests for the rewritten trendlib.analysis.geography and trendlib.analysis.ties on the session build's
tables: each function's counts add up to the rows it counts (their doctests show the small cases)."""

from __future__ import annotations

import pandas as pd
import pytest

from trendlib import network, vocab
from trendlib.analysis import geography as G
from trendlib.analysis import ties as T


def test_the_selections_are_the_cases_of_their_sources(published):
    cases = published.cases
    assert len(G.select(cases, "all cases")) == len(cases)
    main = G.select(cases, "main text")
    assert set(main.case_source) <= {"body", "box"} and len(main) == cases.case_source.isin(["body", "box"]).sum()
    with pytest.raises(ValueError, match="unknown selection 'body only'"):
        G.select(cases, "body only")


def test_initiatives_count_every_case_once_and_share_a_country(published):
    cases = published.cases
    table = G.initiatives(cases)
    assert table.initiative.is_unique
    listed = [c for cs in table.cases for c in cs.split(";")]
    assert sorted(listed) == sorted(cases.case_id)
    country = cases.set_index("case_id").country
    for row in table.itertuples():
        assert {country[c] for c in row.cases.split(";")} == {row.country}, row.initiative
    assert len(table) == G.with_initiative(cases).initiative.nunique() <= len(cases)


def test_leaders_by_selection_count_each_trends_cases(published):
    cases = published.cases
    table = G.leaders_by_selection(cases).set_index("trend")
    for trend, row in table.iterrows():
        of_trend = cases[cases.trend == trend]
        assert row["all cases: of"] == of_trend.country.notna().sum()
        top = of_trend.country.value_counts()
        assert row["all cases: cases"] == top.max()
        assert row["all cases: leader"] == "/".join(sorted(top[top == top.max()].index))
        assert row["changed"] == (row["all cases: leader"] != row["main text: leader"])


def test_places_below_hold_only_their_levels_and_every_case_set_there(published):
    table = G.places_below(published.places, published.case_places, published.cases)
    assert set(table.level) <= {"subnational", "local"}
    below = published.places[published.places.level.isin(["subnational", "local"])].place_id
    linked = published.case_places[published.case_places.place_id.isin(below)]
    assert table.cases.sum() == linked.drop_duplicates().shape[0]
    assert (table.main_text <= table.cases).all() and table.cases.is_monotonic_decreasing


def test_collaboration_is_between_organisations_without_service(published):
    r = published.relations
    between = T.between_organisations(r)
    collab = T.collaboration(r)
    assert len(between) == (~r.within.astype(bool)).sum()
    assert set(collab.relation_id) <= set(between.relation_id)
    assert set(collab.relation_type) <= set(vocab.COLLABORATION_TYPES) and "serves" not in set(collab.relation_type)
    assert len(collab) == between.relation_type.isin(vocab.COLLABORATION_TYPES).sum()


def test_crossing_rows_give_every_tie_each_boundary_it_crosses(published):
    r = published.relations
    rows = T.crossing_rows(r)
    assert set(rows.relation_id) == set(r.relation_id)
    for rel in r.itertuples():
        got = sorted(rows[rows.relation_id == rel.relation_id].boundary)
        assert got == (sorted(rel.crosses.split(";")) if isinstance(rel.crosses, str) else ["none"])
    assert set(rows.boundary) - {"none"} <= set(T.PARTY_BOUNDARIES)


def test_type_and_crossing_tables_count_every_tie(published):
    r = published.relations
    by_trend = T.types_by_trend(r)
    assert by_trend["total"].to_dict() == r.groupby("relation_type").size().to_dict()
    assert list(by_trend.index) == [t for t in vocab.RELATION_TYPES if t in set(r.relation_type)]
    assert by_trend.drop(columns="total").sum(axis=1).equals(by_trend["total"])
    crossings = T.crossings_by_type(r)
    assert crossings.to_numpy().sum() == len(T.crossing_rows(r))  # tie–boundary pairs, not ties


def test_with_parties_names_both_ends(published):
    out = T.with_parties(published.relations, published.actors)
    assert out[["source_en", "target_en", "source_sector", "target_sector"]].notna().all(axis=None)
    labels = T.party_labels(published.actors, "both")
    assert all(labels[a].startswith(out.loc[out.source == a, "source_en"].iloc[0]) for a in set(out.source))


def test_network_summary_and_party_measures_cover_the_network(published):
    g = network.ties(published.actors, published.relations, published.cases)
    summary = T.network_summary(g)
    assert isinstance(summary, pd.DataFrame) and len(summary)
    measures = T.named_party_measures(g)
    named = {n for n, kind in g.nodes(data="kind") if kind == "actor"}
    assert set(measures.iloc[:, 0]) <= named
