"""Tests for trendlib.analysis.finance on tiny tables and on the published funding table."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import trendlib
from trendlib.analysis import finance
from trendlib.mentions.money import ExchangeRateError


@pytest.fixture(scope="module")
def tables():
    return trendlib.load()


def tiny_funding() -> pd.DataFrame:
    return pd.DataFrame({
        "amount_id": ["F1", "F2", "F3", "F4", "F5"],
        "trend": [3, 3, 3, 8, 8],
        "line": [10, 11, 12, 20, 21],
        "text": ["1亿英镑", "2亿美元", "数十亿美元", "100万欧元", "100万欧元"],
        "case_id": ["T3-01", "T3-01", None, "T8-01", "T8-01"],
        "value": [1e8, 2e8, None, 1e6, 1e6],
        "currency": ["GBP", "USD", "USD", "EUR", "EUR"],
        "usd": [123710000.0, 2e8, None, 1053400.0, 1053400.0],
        "context": ["拨款1亿英镑", "节省了2亿美元", "节省了数十亿美元", "拨款100万欧元", "100万欧元"],
        "flag": [None, None, None, "currency: EUR printed for a GBR case", None],
        "repeats": [None, None, None, None, "F4"],
    })


def tiny_cases() -> pd.DataFrame:
    return pd.DataFrame({"case_id": ["T3-01", "T8-01"], "country": ["GBR", "GBR"],
                         "kind": ["fund", "platform"], "title_zh": ["基金", "平台"]})


def test_usd_at_2022_reproduces_the_published_usd(tables):
    f = tables.funding
    got = finance.usd_at(f, year=2022)
    has = f.usd.notna()
    assert got[has].astype(float).tolist() == f.usd[has].astype(float).tolist()
    assert got[~has].isna().all()


@pytest.mark.parametrize("year", finance.RATE_YEARS)
def test_usd_at_every_rate_year_converts_every_valued_amount(tables, year):
    got = finance.usd_at(tables.funding, year=year)
    assert got.notna().sum() == tables.funding.value.notna().sum()
    assert got.name == f"usd_{year}"


def test_usd_at_uses_that_year_and_keeps_missing_values():
    f = pd.DataFrame({"value": [1e6, None, 2.0], "currency": ["GBP", "USD", "USD"]})
    assert finance.usd_at(f, year=2021).tolist() == [1376400.0, pd.NA, 2.0]
    assert finance.usd_at(f, year=2023).iloc[0] == 1244000.0


def test_usd_at_without_a_rate_names_the_currency_and_year():
    f = pd.DataFrame({"value": [1.0], "currency": ["GBP"]})
    with pytest.raises(ExchangeRateError, match="GBP.*2019"):
        finance.usd_at(f, year=2019)


def test_countable_drops_repeats_only():
    f = tiny_funding()
    assert finance.countable(f).amount_id.tolist() == ["F1", "F2", "F3", "F4"]


def test_published_repeats_point_to_earlier_amounts_of_the_same_case(tables):
    f = tables.funding.set_index("amount_id")
    for amount_id, first in f.repeats.dropna().items():
        assert first < amount_id
        assert f.at[first, "case_id"] == f.at[amount_id, "case_id"]
        assert f.at[first, "value"] == f.at[amount_id, "value"]


@pytest.mark.parametrize("context, role", [
    ("每年为政府节省约2000万英镑", "saving"),
    ("通过减少监狱成本为社区节约300万美元", "saving"),
    ("并产生了23亿澳元的经济回报", "return"),
    ("拨款200亿澳元", "funding"),
    (None, "funding"),
    ("", "funding"),
])
def test_amount_role(context, role):
    assert finance.amount_role(context) == role


def test_with_cases_keeps_rows_and_labels_amounts_without_case():
    f = tiny_funding().sample(frac=1, random_state=0)
    out = finance.with_cases(f, tiny_cases())
    assert out.amount_id.tolist() == f.amount_id.tolist()
    assert out.index.tolist() == f.index.tolist()
    no_case = out[out.case_id.isna()]
    assert set(no_case.case_country) == {"(no case)"} and set(no_case.case_kind) == {"(no case)"}
    assert out.set_index("amount_id").flagged.to_dict() == {
        "F1": False, "F2": False, "F3": False, "F4": True, "F5": False}
    assert out.set_index("amount_id").role.to_dict()["F2"] == "saving"


def test_with_cases_rejects_duplicate_case_ids():
    cases = pd.concat([tiny_cases(), tiny_cases()])
    with pytest.raises(pd.errors.MergeError):
        finance.with_cases(tiny_funding(), cases)


def test_summarize_by_kind_on_tiny_tables():
    table = finance.summarize(tiny_funding(), tiny_cases(), "kind").set_index("kind")
    assert table.index.tolist() == ["fund", "platform", "(no case)"]
    assert table.at["fund", "n_amounts"] == 2 and table.at["fund", "n_savings"] == 1
    assert table.at["fund", "usd_total"] == 123710000.0 + 2e8
    assert table.at["fund", "usd_funding"] == 123710000.0
    # the repeat F5 is not counted; the flagged F4 is in the total but not in usd_unflagged
    assert table.at["platform", "n_amounts"] == 1
    assert table.at["platform", "usd_total"] == 1053400.0
    assert table.at["platform", "usd_unflagged"] == 0.0
    # a vague amount counts as an amount but adds nothing
    assert table.at["(no case)", "n_amounts"] == 1 and table.at["(no case)", "usd_total"] == 0.0


@pytest.mark.parametrize("by", ["trend", "country", "kind"])
def test_summarize_totals_add_up_on_the_published_table(tables, by):
    table = finance.summarize(tables.funding, tables.cases, by)
    counted = finance.countable(tables.funding)
    assert table.n_amounts.sum() == len(counted)
    assert math.isclose(table.usd_total.sum(), counted.usd.astype(float).sum(), rel_tol=1e-12)
    assert table.n_flagged.sum() == counted.flag.notna().sum()
    assert (table.usd_unflagged <= table.usd_total).all()
    assert (table.usd_funding <= table.usd_total).all()
    assert table.usd_total.is_monotonic_decreasing
    assert table[by].is_unique


def test_summarize_rejects_an_unknown_grouping():
    with pytest.raises(ValueError, match="by must be"):
        finance.summarize(tiny_funding(), tiny_cases(), "sector")


def test_flagged_splits_the_problem_from_the_reason(tables):
    flags = finance.flagged(tables.funding)
    assert len(flags) == tables.funding.flag.notna().sum()
    assert set(flags.problem) <= {"currency", "magnitude"}
    assert flags.amount_id.is_monotonic_increasing


def test_rate_sensitivity_base_year_matches_the_published_usd(tables):
    table = finance.rate_sensitivity(tables.funding).set_index("currency")
    counted = finance.countable(tables.funding)
    by_currency = counted.groupby("currency").usd.sum().astype(float)
    for code, usd in by_currency.items():
        if usd:
            assert math.isclose(table.at[code, "usd_2022"], usd, rel_tol=1e-12)
    assert (table.loc["USD", ["change_pct_2021", "change_pct_2023"]] == 0).all()
    assert table.usd_2022.is_monotonic_decreasing


def test_rate_sensitivity_on_a_tiny_table():
    f = pd.DataFrame({"value": [1e6, 1e6, None], "currency": ["GBP", "GBP", "USD"],
                      "repeats": [None, "F1", None]})
    table = finance.rate_sensitivity(f, years=(2021, 2023))
    assert table.currency.tolist() == ["GBP"]           # the vague USD amount has no value
    row = table.iloc[0]
    assert row.n_amounts == 1 and row.value_total == 1e6  # the repeat is dropped
    assert row.usd_2021 == 1376400.0 and row.usd_2022 == 1237100.0 and row.usd_2023 == 1244000.0
    assert row.change_pct_2021 == round((1376400 / 1237100 - 1) * 100, 1)


def test_reread_applies_the_hypothesis_and_leaves_the_table_alone():
    f = tiny_funding()
    before = f.copy()
    out = finance.reread(f, [
        {"line": 20, "text": "100万欧元", "currency": "GBP", "why": "UK case"},
        {"line": 10, "text": "1亿英镑", "scale": 1e-3, "why": "decimal point"},
        {"line": 11, "text": "2亿美元", "currency": "NZD", "why": "no rate"},
    ])
    pd.testing.assert_frame_equal(f, before)
    assert out.amount_id.tolist() == ["F4", "F1", "F2"]
    assert out.usd_reread.iloc[0] == 1237100.0
    assert out.read_as_value.iloc[1] == 1e5 and out.usd_reread.iloc[1] == 123710.0
    assert pd.isna(out.usd_reread.iloc[2])


def test_reread_needs_exactly_one_match():
    with pytest.raises(ValueError, match="matches 0 amounts"):
        finance.reread(tiny_funding(), [{"line": 99, "text": "1亿英镑", "currency": "EUR"}])
