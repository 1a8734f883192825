"""Tests for trendlib.analysis.finance on tiny tables and on the session build's funding tables.

The rules of the module: money is summed once (repeats and parts of larger amounts dropped, a part that is
the same money as another amount not counted twice), one kind of money at a time, a programme a source
splits into kinds counts part by part, a vague amount adds nothing.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from trendlib import vocab
from trendlib.analysis import finance


def rates() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "currency": ["USD", "USD", "GBP", "GBP", "EUR", "EUR"],
            "year": [2021, 2022, 2021, 2022, 2021, 2022],
            "usd_per_unit": [1.0, 1.0, 1.3764, 1.2371, 1.1827, 1.0534],
        }
    )


def tiny_funding() -> pd.DataFrame:
    """F1 a programme in pounds, corrected by its source; F2 a saving; F3 a vague grant; F4 a grant in euros
    and F5 its second mention; F6 a grant counted inside F1 (part_of); F7 a programme split into a grant and
    a loan, its grant part the same money as F4 (also_in)."""
    return pd.DataFrame(
        {
            "amount_id": ["F1", "F2", "F3", "F4", "F5", "F6", "F7"],
            "trend": [3, 3, 3, 8, 8, 3, 8],
            "line": [10, 11, 12, 20, 21, 13, 22],
            "text": ["1亿英镑", "2亿美元", "数十亿美元", "100万欧元", "100万欧元", "1000万英镑", "300万欧元"],
            "case_id": ["T3-01", "T3-01", None, "T8-01", "T8-01", "T3-01", "T8-02"],
            "value": [1e8, 2e8, None, 1e6, 1e6, 1e7, 3e6],
            "currency": ["GBP", "USD", "USD", "EUR", "EUR", "GBP", "EUR"],
            "usd": [123710000.0, 2e8, None, 1053400.0, 1053400.0, 12371000.0, 3160200.0],
            "flag": [None, None, None, "currency: EUR printed for a GBR case", None, None, None],
            "repeats": [None, None, None, None, "F4", None, None],
            "part_of": [None, None, None, None, None, "F1", None],
            "amount_type": [
                "programme_total",
                "saving_or_return",
                "grant_or_award",
                "grant_or_award",
                "grant_or_award",
                "grant_or_award",
                "programme_total",
            ],
            "check_status": [
                "corrected",
                "unverifiable",
                "unverifiable",
                "confirmed",
                "confirmed",
                "unverifiable",
                "confirmed",
            ],
            "value_corrected": [8e7, None, None, None, None, None, None],
            "currency_corrected": ["GBP", None, None, None, None, None, None],
            "usd_corrected": [98968000.0, None, None, None, None, None, None],
        }
    )


def tiny_parts() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "amount_id": ["F7", "F7"],
            "part": [1, 2],
            "amount_type": ["grant_or_award", "financing"],
            "value": [1e6, 2e6],
            "currency": ["EUR", "EUR"],
            "usd": [1053400.0, 2106800.0],
            "also_in": ["F4", None],
        }
    )


def tiny_cases() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "case_id": ["T3-01", "T8-01", "T8-02"],
            "country": ["GBR", "GBR", "EUU"],
            "kind": ["fund", "platform", "programme"],
            "instrument": ["pooled_funding", "shared_platform", "grant_or_investment"],
            "title_en": ["a fund", "a platform", "a programme"],
        }
    )


# ---------------------------------------------------------------- exchange rates


def test_rate_years_are_the_years_with_every_currency():
    assert finance.rate_years(rates()) == [2021, 2022]
    assert finance.rate_years(rates().iloc[1:]) == [2022]


def test_usd_at_uses_that_year_and_keeps_missing_values():
    f = tiny_funding()
    got = finance.usd_at(f.value, f.currency, rates(), 2021)
    assert got.name == "usd_2021" and str(got.dtype) == "Float64"
    assert got.tolist()[:3] == [137640000.0, 200000000.0, pd.NA]


def test_usd_at_without_a_rate_names_the_currency_and_year():
    with pytest.raises(ValueError, match="no 2019 rate for GBP"):
        finance.usd_at(pd.Series([1.0]), pd.Series(["GBP"]), rates(), 2019)


def test_usd_at_the_build_year_reproduces_the_published_usd(published):
    f = published.funding
    got = finance.usd_at(f.value, f.currency, published.exchange_rates, int(f.rate_year.dropna().iloc[0]))
    has = f.usd.notna()
    assert got[has].astype(float).tolist() == f.usd[has].astype(float).tolist()
    assert got[~has].isna().all() and f.value[~has].isna().all()


# ---------------------------------------------------------------- counting money once


def test_countable_drops_repeats_and_parts():
    assert finance.countable(tiny_funding()).amount_id.tolist() == ["F1", "F2", "F3", "F4", "F7"]
    assert finance.countable(tiny_funding().drop(columns="part_of")).amount_id.tolist() == [
        "F1",
        "F2",
        "F3",
        "F4",
        "F6",
        "F7",
    ]


def test_best_usd_is_the_sources_figure_where_corrected():
    assert finance.best_usd(tiny_funding()).tolist()[:2] == [98968000.0, 200000000.0]


def test_money_by_kind_counts_parts_and_corrections_once():
    m = finance.money_by_kind(tiny_funding(), tiny_parts())
    rows = {(r.amount_id, r.part): r for r in m.itertuples()}
    assert sorted(rows) == [("F1", 0), ("F2", 0), ("F3", 0), ("F4", 0), ("F7", 2)]
    assert rows[("F1", 0)].usd == 98968000.0 and rows[("F1", 0)].value == 8e7  # as the source has it
    assert rows[("F1", 0)].usd_printed == 123710000.0
    assert rows[("F7", 2)].kind == "financing" and rows[("F7", 2)].usd_printed == 3160200.0
    assert math.isnan(rows[("F3", 0)].usd)  # a vague amount adds nothing


def test_totals_add_one_kind_of_money_once():
    table = finance.totals(tiny_funding(), tiny_parts(), by="case_id").set_index("case_id")
    # spending only: F1 (corrected) and F4 (F5 repeats it, F6 is inside F1); F2 is a saving; F3 has no value;
    # F7's grant is F4's money and its loan is financing
    assert table.usd.to_dict() == {"T3-01": 98968000.0, "T8-01": 1053400.0, finance.NO_CASE: 0.0, "T8-02": 0.0}
    assert table.usd_printed.to_dict() == {
        "T3-01": 123710000.0,
        "T8-01": 1053400.0,
        finance.NO_CASE: 0.0,
        "T8-02": 3160200.0,
    }
    assert table.n_amounts.to_dict() == {"T3-01": 1, "T8-01": 1, finance.NO_CASE: 1, "T8-02": 0}
    assert list(table.index[:2]) == ["T3-01", "T8-01"]  # by the sources' dollars, largest first


def test_totals_by_check_status_give_a_split_amount_its_status():
    table = finance.totals(tiny_funding(), tiny_parts(), by="check_status", kinds=vocab.AMOUNT_TYPES).set_index(
        "check_status"
    )
    assert table.usd.to_dict() == {"unverifiable": 2e8, "corrected": 98968000.0, "confirmed": 1053400.0 + 2106800.0}


def test_totals_of_every_kind_include_savings_and_the_loan():
    table = finance.totals(tiny_funding(), tiny_parts(), by="trend", kinds=vocab.AMOUNT_TYPES).set_index("trend")
    assert table.usd.to_dict() == {3: 98968000.0 + 2e8, 8: 1053400.0 + 2106800.0}
    assert table.n_amounts.to_dict() == {3: 3, 8: 2}


def test_totals_by_a_case_column_and_their_errors():
    table = finance.totals(tiny_funding(), tiny_parts(), tiny_cases(), by="case_country").set_index("case_country")
    assert table.usd.to_dict() == {"GBR": 98968000.0 + 1053400.0, finance.NO_CASE: 0.0, "EUU": 0.0}
    with pytest.raises(ValueError, match="by must be one of"):
        finance.totals(tiny_funding(), tiny_parts(), by="sector")
    with pytest.raises(ValueError, match="needs the cases table"):
        finance.totals(tiny_funding(), tiny_parts(), by="case_country")


def test_with_cases_keeps_rows_and_labels_amounts_without_case():
    f = tiny_funding().sample(frac=1, random_state=0)
    out = finance.with_cases(f, tiny_cases())
    assert out.amount_id.tolist() == f.amount_id.tolist() and out.index.tolist() == f.index.tolist()
    assert out.set_index("amount_id").case_country.to_dict() == {
        "F1": "GBR",
        "F2": "GBR",
        "F3": finance.NO_CASE,
        "F4": "GBR",
        "F5": "GBR",
        "F6": "GBR",
        "F7": "EUU",
    }
    with pytest.raises(pd.errors.MergeError):
        finance.with_cases(f, pd.concat([tiny_cases(), tiny_cases()]))


def test_by_kind_gives_each_kind_its_own_total():
    table = finance.by_kind(tiny_funding(), tiny_parts()).set_index("kind")
    assert list(table.index) == [k for k in vocab.AMOUNT_TYPES if k in table.index]
    assert table.headline.to_dict() == {k: k in vocab.SPENDING_TYPES for k in table.index}
    assert table.at["financing", "usd"] == 2106800.0 and table.at["grant_or_award", "n_amounts"] == 2


@pytest.mark.parametrize("by", finance.GROUPINGS)
def test_totals_add_up_on_the_published_tables(published, by):
    f, parts = published.funding, published.amount_parts
    table = finance.totals(f, parts, published.cases, by=by)
    money = finance.money_by_kind(f, parts)
    spending = money[money.kind.isin(vocab.SPENDING_TYPES)]
    printed = finance.countable(f)
    printed = printed[printed.amount_type.isin(vocab.SPENDING_TYPES)]
    assert math.isclose(table.usd.sum(), spending.usd.fillna(0).sum(), rel_tol=1e-12)
    assert math.isclose(table.usd_printed.sum(), printed.usd.astype(float).fillna(0).sum(), rel_tol=1e-12)
    assert table.n_amounts.sum() >= spending.amount_id.nunique()  # an amount split across groups counts in each
    assert table.usd.is_monotonic_decreasing and table[by].is_unique


def test_the_published_kinds_add_up_to_the_money_by_kind(published):
    money = finance.money_by_kind(published.funding, published.amount_parts)
    table = finance.by_kind(published.funding, published.amount_parts)
    assert math.isclose(table.usd.sum(), money.usd.fillna(0).sum(), rel_tol=1e-12)
    assert set(table.kind) == set(money.kind)


def test_published_repeats_and_parts_point_to_other_amounts(published):
    f = published.funding.set_index("amount_id")
    for amount_id, first in f.repeats.dropna().items():
        assert first < amount_id and f.at[first, "value"] == f.at[amount_id, "value"]
    for amount_id, whole in f.part_of.dropna().items():
        assert whole != amount_id and pd.isna(f.at[whole, "part_of"])
    parts = published.amount_parts
    assert set(parts.amount_id) <= set(f.index) and set(parts.also_in.dropna()) <= set(f.index)


# ---------------------------------------------------------------- flags and sensitivity


def test_flagged_splits_the_problem_from_the_reason(published):
    flags = finance.flagged(published.funding)
    assert len(flags) == published.funding.flag.notna().sum() > 0
    assert set(flags.problem) <= {"currency", "magnitude"}
    assert flags.amount_id.is_monotonic_increasing
    assert all(flag.startswith(problem + ":") for flag, problem in zip(flags.flag, flags.problem, strict=True))


def test_flag_score_partitions_the_flags_and_the_corrections(published):
    f = published.funding
    score = finance.flag_score(f).set_index("outcome")
    assert score.loc[["flag right", "flag wrong", "flag unsettled"], "n"].sum() == f.flag.notna().sum()
    assert score.loc[["flag right", "error missed"], "n"].sum() == f.check_status.eq("corrected").sum()
    ids = " ".join(score.amount_ids).split()
    assert len(ids) == len(set(ids))  # no amount has two outcomes


def test_rate_sensitivity_on_a_tiny_table():
    table = finance.rate_sensitivity(tiny_funding(), tiny_parts(), rates()).set_index("currency")
    assert list(table.index) == ["GBP", "EUR", "all"]  # by the base year's dollars, then all
    gbp = table.loc["GBP"]
    assert gbp.n_amounts == 1 and gbp.value_total == 8e7  # the corrected figure, in the source's currency
    assert gbp.usd_2021 == 8e7 * 1.3764 and gbp.usd_2022 == 8e7 * 1.2371
    assert gbp.change_pct_2021 == round((1.3764 / 1.2371 - 1) * 100, 1)
    assert table.loc["all", "usd_2022"] == table.loc[["GBP", "EUR"], "usd_2022"].sum()


def test_rate_sensitivity_base_year_matches_the_published_money(published):
    f, parts = published.funding, published.amount_parts
    table = finance.rate_sensitivity(f, parts, published.exchange_rates).set_index("currency")
    money = finance.money_by_kind(f, parts)
    spending = money[money.kind.isin(vocab.SPENDING_TYPES) & money.value.notna()]
    for code, usd in spending.groupby("currency").usd.sum().items():
        assert math.isclose(table.at[code, "usd_2022"], usd, rel_tol=1e-9), code
    assert (table.loc["USD", ["change_pct_2021", "change_pct_2023"]] == 0).all()


# ---------------------------------------------------------------- how money is written


@pytest.mark.parametrize(
    "value, currency, text",
    [
        (1e9, "USD", "US$1 bn"),
        (327_600_000, "CAD", "C$327.6 m"),
        (43e9, "EUR", "€43 bn"),
        (300e6, "GBP", "£300 m"),
        (770_000, "USD", "US$770 k"),
        (1_308_800_000_000, "USD", "US$1.31 tn"),
        (12.5, "USD", "US$12.5"),
        (None, "USD", "—"),
        (5e6, "NOK", "NOK 5 m"),
    ],
)
def test_money_reads_like_money(value, currency, text):
    assert finance.money(value, currency) == text


def test_usd_text_writes_only_the_dollar_columns():
    out = finance.usd_text(pd.DataFrame({"trend": [3], "usd_printed": [2.5e11], "usd": [None]}))
    assert out.to_dict("records") == [{"trend": 3, "usd_printed": "US$250 bn", "usd": "—"}]
