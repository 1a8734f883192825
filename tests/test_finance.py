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
                         "kind": ["fund", "platform"], "instrument": ["pooled_funding", "shared_platform"],
                         "title_en": ["a fund", "a platform"]})


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


def test_countable_drops_parts_of_larger_amounts():
    f = tiny_funding().assign(part_of=[None, "F1", None, None, None])
    assert finance.countable(f).amount_id.tolist() == ["F1", "F3", "F4"]


def test_published_repeats_and_parts_point_to_other_amounts(tables):
    f = tables.funding.set_index("amount_id")
    for amount_id, first in f.repeats.dropna().items():
        assert first < amount_id
        assert f.at[first, "value"] == f.at[amount_id, "value"]
    for amount_id, whole in f.part_of.dropna().items():
        assert whole != amount_id and pd.isna(f.at[whole, "part_of"])


def test_with_cases_keeps_rows_and_labels_amounts_without_case():
    f = tiny_funding().sample(frac=1, random_state=0)
    out = finance.with_cases(f, tiny_cases())
    assert out.amount_id.tolist() == f.amount_id.tolist()
    assert out.index.tolist() == f.index.tolist()
    no_case = out[out.case_id.isna()]
    assert set(no_case.case_country) == {"(no case)"} and set(no_case.case_kind) == {"(no case)"}
    assert out.set_index("amount_id").flagged.to_dict() == {
        "F1": False, "F2": False, "F3": False, "F4": True, "F5": False}


def test_with_cases_rejects_duplicate_case_ids():
    cases = pd.concat([tiny_cases(), tiny_cases()])
    with pytest.raises(pd.errors.MergeError):
        finance.with_cases(tiny_funding(), cases)


def checked(f: pd.DataFrame) -> pd.DataFrame:
    return f.assign(amount_type=["programme_total", "saving_or_return", "saving_or_return", "grant_or_award",
                                 "grant_or_award"],
                    check_status=["corrected", "unverifiable", "unverifiable", "confirmed", "confirmed"],
                    usd_corrected=[1e8, None, None, None, None], part_of=None)


def test_totals_add_only_comparable_money_once():
    table = finance.totals(checked(tiny_funding()), by="case_id").set_index("case_id")
    # F2 and F3 are savings, F5 repeats F4: only F1 and F4 are added
    assert table.index.tolist() == ["T3-01", "T8-01"]
    assert table.at["T3-01", "usd_printed"] == 123710000.0 and table.at["T3-01", "usd_corrected"] == 1e8
    assert table.at["T3-01", "n_corrected"] == 1
    assert table.at["T8-01", "n_amounts"] == 1 and table.at["T8-01", "usd_corrected"] == 1053400.0


def test_totals_of_every_type_include_savings_and_vague_amounts():
    table = finance.totals(checked(tiny_funding()), by="amount_type", types=None).set_index("amount_type")
    assert table.at["saving_or_return", "n_amounts"] == 2       # the vague one counts, adds nothing
    assert table.at["saving_or_return", "usd_printed"] == 2e8


@pytest.mark.parametrize("by", finance.GROUPINGS)
def test_totals_add_up_on_the_published_table(tables, by):
    table = finance.totals(tables.funding, tables.cases, by=by, types=None)
    counted = finance.countable(tables.funding)
    assert table.n_amounts.sum() == len(counted)
    assert math.isclose(table.usd_printed.sum(), counted.usd.astype(float).sum(), rel_tol=1e-12)
    assert math.isclose(table.usd_corrected.sum(), finance.best_usd(counted).astype(float).sum(), rel_tol=1e-12)
    assert table.n_corrected.sum() == counted.check_status.eq("corrected").sum()
    assert table.usd_corrected.is_monotonic_decreasing
    assert table[by].is_unique


def test_headline_totals_leave_out_chart_series_loans_and_savings(tables):
    headline = finance.totals(tables.funding, by="amount_type").amount_type.tolist()
    assert sorted(headline) == sorted(finance.HEADLINE_TYPES)


def test_totals_by_case_is_the_issue_example(tables):
    table = finance.totals(tables.funding, by="case_id")
    assert set(table.case_id) <= set(tables.cases.case_id) | {"(no case)"}


def test_totals_rejects_an_unknown_grouping_and_needs_cases_for_case_columns():
    with pytest.raises(ValueError, match="by must be one of"):
        finance.totals(checked(tiny_funding()), by="sector")
    with pytest.raises(ValueError, match="needs the cases table"):
        finance.totals(checked(tiny_funding()), by="case_country")


def test_flag_score_partitions_the_flags_and_the_corrections(tables):
    score = finance.flag_score(tables.funding).set_index("outcome")
    f = tables.funding
    flagged = score.loc[["flag right", "flag wrong", "flag unsettled"], "n"].sum()
    assert flagged == f.flag.notna().sum()
    assert score.loc[["flag right", "error missed"], "n"].sum() == f.check_status.eq("corrected").sum()


@pytest.mark.parametrize("value, currency, text", [
    (1e9, "USD", "US$1 bn"), (327_600_000, "CAD", "C$327.6 m"), (43e9, "EUR", "€43 bn"),
    (300e6, "GBP", "£300 m"), (770_000, "USD", "US$770 k"), (1_308_800_000_000, "USD", "US$1.31 tn"),
    (12.5, "USD", "US$12.5"), (None, "USD", "—"), (5e6, "NOK", "NOK 5 m"),
])
def test_money_reads_like_money(value, currency, text):
    assert finance.money(value, currency) == text


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
