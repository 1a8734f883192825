"""The findings the notebooks state hold on the published tables: money counted once and by kind, cases
counted once per initiative, selections named, ties scoped to their case, agreement measured tie by tie.

Each test checks a property of the published data against an independent reading of the same tables (the
raw rows, the curated files, the report), not against the function that produced the number.
"""

from __future__ import annotations

import networkx as nx
import pytest

import trendlib
from trendlib import network, vocab
from trendlib.analysis import finance, geography
from trendlib.analysis import ties as T
from trendlib.paths import processed_dir


@pytest.fixture(scope="module")
def t():
    return trendlib.load()


# ---------------------------------------------------------------- money


def test_no_amount_is_counted_twice_in_any_total(t):
    money = finance.money_by_kind(t.funding, t.amount_parts)
    # an amount that repeats another or is part of another never adds money of its own
    again = set(t.funding.loc[t.funding.repeats.notna() | t.funding.part_of.notna(), "amount_id"])
    assert again, "the data has second mentions and parts: the test would be vacuous without them"
    assert not again & set(money.amount_id)
    # each amount adds once, or once per part of a split programme
    assert not money.duplicated(["amount_id", "part"]).any()
    # a part that is the same money as another counted amount (also_in) is left to that amount
    shared = t.amount_parts[t.amount_parts.also_in.notna()]
    for part in shared.itertuples():
        assert not ((money.amount_id == part.amount_id) & (money.part == part.part)).any()
    # F012 (the Commonwealth–NSW deal) lies inside F011 (Rewiring the Nation): not both in the headline
    headline = finance.totals(t.funding, t.amount_parts, by="trend")
    counted = set(money[money.kind.isin(vocab.SPENDING_TYPES)].amount_id)
    inside = t.funding[t.funding.part_of.notna()]
    assert all(not ({a.amount_id, a.part_of} <= counted) for a in inside.itertuples())
    assert headline.usd.sum() == pytest.approx(money[money.kind.isin(vocab.SPENDING_TYPES)].usd.sum())


def test_headline_totals_add_only_money_to_be_spent(t):
    money = finance.money_by_kind(t.funding, t.amount_parts)
    spending = money[money.kind.isin(vocab.SPENDING_TYPES)]
    others = money[~money.kind.isin(vocab.SPENDING_TYPES)]
    assert {"financing", "mobilised_investment"} <= set(others.kind), "the data holds both excluded kinds"
    table = finance.totals(t.funding, t.amount_parts, by="trend")
    assert table.usd.sum() == pytest.approx(spending.usd.sum())
    # by kind: each kind's own total, and the headline flag only on the spending kinds
    kinds = finance.by_kind(t.funding, t.amount_parts).set_index("kind")
    assert not kinds.loc[["financing", "mobilised_investment"], "headline"].any()
    assert kinds.loc[list(set(vocab.SPENDING_TYPES) & set(kinds.index)), "headline"].all()


def test_every_status_is_one_of_four_and_approximate_says_how(t):
    assert set(t.funding.check_status.dropna()) <= {"confirmed", "approximate", "corrected", "unverifiable"}
    approx = t.funding[t.funding.check_status == "approximate"]
    assert len(approx) and approx.differs_by.notna().all()
    corrected = t.funding[t.funding.check_status == "corrected"]
    assert corrected.usd_corrected.notna().all() and (corrected.usd.notna()).all()  # printed kept beside


def test_cases_with_money_counts_cases_not_ties(t):
    ties = T.between_organisations(t.relations)
    flows = T.funding_flows(ties, t.actors, t.funding, t.amount_parts)
    table = T.funding_by_boundary(flows)
    levels = flows[flows.crosses.fillna("").str.split(";").map(lambda c: "across_levels" in c)]
    assert table.at["across_levels", "cases_with_money"] == levels[levels.usd.notna()].case_id.nunique()
    assert (table.cases_with_money <= table.cases).all() and (table.cases <= table.funding_ties).all()


# ---------------------------------------------------------------- cases, initiatives, places, selections


@pytest.mark.parametrize("pair", [("T0-02", "T2-08"), ("T3-21", "T4-05"), ("T4-09", "T5-05")])
def test_one_initiative_told_twice_shares_its_initiative_id(t, pair):
    ids = t.cases.set_index("case_id").loc[list(pair), "initiative_id"]
    assert ids.notna().all() and ids.nunique() == 1
    evidence = t.evidence[(t.evidence.code == "initiative") & t.evidence.case_id.isin(pair)]
    assert len(evidence) and evidence.phrase.notna().all(), "the words that show they are one initiative"


def test_every_jurisdiction_is_one_row_of_places(t):
    assert t.places.place_id.is_unique
    assert not t.places.duplicated(["name_en", "country", "level"]).any()
    cascais = t.case_places[t.case_places.case_id.isin(["T2-01", "T5-04"])].place_id
    assert set(cascais) == {"prt_cascais"}, "Cascais and Cascais, Portugal are one place"
    linked = t.case_places.merge(t.cases[["case_id", "places"]], on="case_id")
    assert all(p in c.split(";") for p, c in zip(linked.place_id, linked.places, strict=True))


def test_every_case_says_where_it_comes_from(t):
    assert set(t.cases.case_source) <= set(vocab.CASE_SOURCES)
    sidebar = t.cases[t.cases.case_source == "my_take"]
    assert sidebar.source_author.notna().all()
    assert set(sidebar.source_author) <= set(t.my_takes.person_en)
    assert (t.cases.source_author.notna() == (t.cases.case_source == "my_take")).all()


def test_the_uk_leads_funding_silos_only_through_one_sidebar(t):
    lead = geography.leaders_by_selection(t.cases).set_index("trend")
    assert lead.at[3, "all cases: leader"] == "GBR" and lead.at[3, "main text: leader"] != "GBR"
    trend3 = t.cases[(t.cases.trend == 3) & (t.cases.country == "GBR") & (t.cases.case_source == "my_take")]
    assert trend3.source_author.nunique() == 1 and len(trend3) >= 5


def test_the_survey_share_of_figures_follows_the_curated_reading(t):
    figures = t.statistics[t.statistics.repeats.isna()]
    assert set(figures.statistic_kind) <= set(vocab.STATISTIC_KINDS)
    assert figures.kind_phrase.notna().all() and figures.kind_phrase_en.notna().all()
    # the managers who say they use AI (S052–S054) are survey answers, not outcomes
    assert set(t.statistics.set_index("stat_id").loc[["S052", "S053", "S054"], "statistic_kind"]) == {"survey"}
    assert (figures.statistic_kind == "outcome").sum() <= figures.case_id.notna().sum()


# ---------------------------------------------------------------- the network


def test_an_unnamed_group_is_a_party_only_within_its_case(t):
    g = nx.read_graphml(processed_dir() / "ties.graphml")
    groups = [n for n, k in g.nodes(data="kind") if k == "group"]
    assert groups
    for n in groups:
        cases = {d["case_id"] for *_, d in g.edges(n, data=True)} | {d["case_id"] for *_, d in g.in_edges(n, data=True)}
        assert cases == {g.nodes[n]["case_id"]}, f"{n} is tied in other cases: {cases}"
    # the pooled view is published apart, and is an aggregate of kinds, not of parties
    pooled = nx.read_graphml(processed_dir() / "ties_by_kind.graphml")
    assert not set(pooled) & set(g) - {n for n in g if n in pooled and g.nodes[n].get("kind") == "actor"}


def test_pooling_groups_is_what_made_the_core(t):
    g = network.ties(t.actors, t.relations, t.cases)
    summary = T.network_summary(g).set_index("network")
    assert summary.at["groups pooled across cases (0.1)", "largest"] > 2 * summary.at["case-scoped groups", "largest"]
    assert summary.at["case-scoped groups", "top_betweenness"] < 0.05


def test_crosses_holds_every_boundary_between_the_two_parties(t):
    ties = T.with_parties(t.relations, t.actors)
    crosses = ties.crosses.fillna("").str.split(";")
    business = (ties.source_sector == "government") & (ties.target_sector == "private")
    assert all("government_business" in c for c in crosses[business & ~ties.within])
    several = crosses.map(lambda c: len([x for x in c if x]) >= 2)
    assert several.any(), "a tie can cross a sector line and a border at once"


def test_collaboration_leaves_out_ties_inside_one_organisation(t):
    within = t.relations[t.relations.within]
    assert len(within) and set(within.relation_id).isdisjoint(T.collaboration(t.relations).relation_id)
    # an employer and its own staff: NASA's internal talent marketplace
    nasa = t.relations[(t.relations.source == "usa_nasa") & (t.relations.target == "public_servants")]
    assert len(nasa) and nasa.within.all()


def test_one_type_per_pair_of_parties_in_a_case_funds_aside(t):
    """Codebook v3 (R-one-type): one type per pair of parties in a case; funds may stand beside one other."""
    pairs = t.relations.assign(pair=[frozenset(p) for p in zip(t.relations.source, t.relations.target, strict=True)])
    types = pairs.groupby(["case_id", "pair"]).relation_type.agg(lambda s: frozenset(s))
    two = types[types.map(len) > 1]
    assert len(two), "the data has pairs tied by money and by another type"
    assert all(len(k) == 2 and "funds" in k for k in two), two[[not (len(k) == 2 and "funds" in k) for k in two]]


# ---------------------------------------------------------------- agreement


def test_agreement_is_measured_tie_by_tie_with_intervals_in_every_round(t):
    rel = t.reliability
    for r in (1, 2, 3):
        fields = set(rel[rel["round"] == r].field)
        assert {"tie identification", "tie type", "tie direction"} <= fields
    assert not {"relations", "relation parties"} & set(rel.field), "the case-set MASI of ties is retired"
    assert rel.ci_low.notna().all() and rel.ci_high.notna().all()
    assert ((rel.ci_low <= rel.value) & (rel.value <= rel.ci_high)).all()
    ident = rel[rel.field == "tie identification"]
    assert ident.precision.notna().all() and ident.recall.notna().all()
    f1 = 2 * ident.precision * ident.recall / (ident.precision + ident.recall)
    assert (abs(f1 - ident.value) < 0.01).all()
    assert set(rel[rel.measure == "alpha_masi"].field) == {"boundary", "sectors"}


def test_status_follows_the_lower_bound(t):
    from trendlib.coding.reliability import THRESHOLDS

    for row in t.reliability.itertuples():
        expected = (
            "reliable"
            if row.ci_low >= THRESHOLDS["reliable"]
            else "tentative"
            if row.ci_low >= THRESHOLDS["tentative"]
            else "unreliable"
        )
        assert row.status == expected, row


def test_the_fresh_round_uses_no_codebook_example(t):
    from trendlib.coding.reliability import round_samples

    samples = round_samples(dict(zip(t.cases.case_id, t.cases.trend, strict=True)), vocab.example_cases())
    assert len(samples[3]) >= 40 and not set(samples[3]) & vocab.example_cases()


def test_every_recode_under_v3_is_logged(t):
    log = t.adjudication
    recodes = log[log.found_by == "recode under codebook v3"]
    assert len(recodes) >= 100 and recodes.case_id.notna().all() and recodes.reason.notna().all()
    assert set(recodes.case_id) <= set(t.cases.case_id)


def test_coders_are_described_in_research_terms(t):
    words = " ".join(t.coders.astype(str).to_numpy().ravel()).lower()
    assert "large language model" in words
    for workflow in ("helper", "agent", "prompt", "chatbot"):
        assert workflow not in words
