"""Money in the report: US-dollar conversions and summaries of ``funding``.

Small pure functions over the ``funding`` and ``cases`` tables of
:func:`trendlib.load`, for notebook ``04-funding``.  Nothing here changes an
amount: flagged amounts (``flag``) stay as printed and are only counted
separately, so a reader can see how much of a total rests on a doubtful
figure.

Two rules hold throughout:

* a row whose ``repeats`` names an earlier amount is a second mention of the
  same money and is dropped before anything is summed (:func:`countable`);
* a vague amount (``数十亿美元``) has no ``value`` and no ``usd``; it is
  counted in ``n_amounts`` but adds nothing to a total.

Exchange rates come from ``data/reference/exchange_rates.csv`` through
:func:`trendlib.load.exchange_rates`, so a conversion at another year's
rate (:func:`usd_at`, :func:`rate_sensitivity`) uses the same documented
table as the build.

>>> import trendlib
>>> t = trendlib.load()
>>> int(usd_at(t.funding, year=2022).eq(t.funding.usd).sum()) == int(t.funding.usd.notna().sum())
True
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..errors import ExchangeRateError
from ..load import exchange_rates
from ..paths import reference_dir

__all__ = [
    "RATE_YEARS",
    "SAVING_WORDS",
    "RETURN_WORDS",
    "default_rates_path",
    "countable",
    "usd_at",
    "amount_role",
    "with_cases",
    "summarize",
    "flagged",
    "rate_sensitivity",
    "reread",
]

#: Years with a rate for every currency in ``exchange_rates.csv``.
RATE_YEARS: tuple[int, ...] = (2021, 2022, 2023)

#: Words that make an amount a saving, not money spent (``每年为政府节省约2000万英镑``).
SAVING_WORDS: tuple[str, ...] = ("节省", "节约")

#: Words that make an amount a return on money spent (``产生了23亿澳元的经济回报``).
RETURN_WORDS: tuple[str, ...] = ("回报",)

#: Label of amounts (or groups) that no case holds.
NO_CASE = "(no case)"


def default_rates_path() -> Path:
    """``data/reference/exchange_rates.csv`` of the checkout.

    >>> default_rates_path().name
    'exchange_rates.csv'
    """
    return reference_dir() / "exchange_rates.csv"


def countable(funding: pd.DataFrame) -> pd.DataFrame:
    """The amounts to sum: ``funding`` without rows that repeat an earlier amount.

    >>> f = pd.DataFrame({"amount_id": ["F1", "F2"], "repeats": [None, "F1"]})
    >>> countable(f).amount_id.tolist()
    ['F1']
    """
    return funding[funding["repeats"].isna()]


def usd_at(funding: pd.DataFrame, rates_path: Path | str | None = None,
           year: int = 2022) -> pd.Series:
    """``value`` in US dollars at ``year``'s rate, rounded to the dollar (``Float64``).

    Uses :func:`trendlib.load.exchange_rates` on ``rates_path`` (default:
    :func:`default_rates_path`); every currency in ``funding`` must have a
    rate for ``year``, else ``ExchangeRateError``.  A missing ``value``
    (a vague amount) stays missing.  With ``year=2022`` this reproduces the
    table's ``usd`` column.

    >>> f = pd.DataFrame({"value": [1e6, None], "currency": ["GBP", "USD"]})
    >>> usd_at(f, year=2021).tolist()
    [1376400.0, <NA>]
    """
    codes = sorted(set(funding["currency"].dropna()))
    rates = exchange_rates(year, codes, rates_path)
    rate = funding["currency"].map(rates).astype("Float64")
    return (funding["value"].astype("Float64") * rate).round(0).rename(f"usd_{year}")


def amount_role(context: str | None) -> str:
    """What an amount is, from the clause it sits in: ``saving``, ``return`` or ``funding``.

    ``saving`` if the clause has a word of :data:`SAVING_WORDS`, ``return``
    if it has one of :data:`RETURN_WORDS`, else ``funding`` (money
    granted, spent, budgeted or lent).  A keyword test, not a reading: a
    clause that both spends and saves counts as a saving.

    >>> amount_role("每年为政府节省约2000万英镑的遗存福利金"), amount_role("拨款200亿澳元")
    ('saving', 'funding')
    """
    text = context or ""
    if any(w in text for w in SAVING_WORDS):
        return "saving"
    if any(w in text for w in RETURN_WORDS):
        return "return"
    return "funding"


def with_cases(funding: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    """``funding`` with its case's ``country``, ``kind`` and ``title_zh``, and a ``role``.

    Adds ``case_country``, ``case_kind``, ``case_title_zh`` (``"(no case)"``
    where the amount lies outside every case), ``flagged`` (bool) and
    ``role`` (:func:`amount_role` of ``context``).  Row order is kept.

    >>> f = pd.DataFrame({"amount_id": ["F1", "F2"], "case_id": ["T3-01", None],
    ...                   "context": ["拨款1亿欧元", "节省了1亿美元"], "flag": [None, None]})
    >>> c = pd.DataFrame({"case_id": ["T3-01"], "country": ["EUU"], "kind": ["programme"],
    ...                   "title_zh": ["下一代欧盟"]})
    >>> print(with_cases(f, c)[["amount_id", "case_country", "case_kind", "role"]].to_string(index=False))
    amount_id case_country case_kind    role
           F1          EUU programme funding
           F2    (no case) (no case)  saving
    """
    info = cases[["case_id", "country", "kind", "title_zh"]].rename(
        columns={"country": "case_country", "kind": "case_kind", "title_zh": "case_title_zh"})
    out = funding.merge(info, on="case_id", how="left", validate="many_to_one")
    out.index = funding.index
    for col in ("case_country", "case_kind", "case_title_zh"):
        out[col] = out[col].astype("string").fillna(NO_CASE)
    out["flagged"] = out["flag"].notna().astype(bool)
    out["role"] = [amount_role(c if isinstance(c, str) else None) for c in out["context"]]
    return out


def summarize(funding: pd.DataFrame, cases: pd.DataFrame, by: str) -> pd.DataFrame:
    """Amounts per ``trend``, case ``country`` or case ``kind`` (repeats dropped).

    ``by`` is ``"trend"``, ``"country"`` or ``"kind"``.  Columns: the group,
    ``n_amounts`` (vague ones included), ``n_flagged``, ``n_savings``
    (savings and returns, :func:`amount_role`), ``usd_total`` (every
    countable amount with a value, US dollars at the table's rate),
    ``usd_unflagged`` (the same without flagged amounts) and
    ``usd_funding`` (without savings and returns, flagged included).  Sorted
    by ``usd_total`` descending, then the group.

    >>> f = pd.DataFrame({"amount_id": ["F1", "F2", "F3"], "trend": [3, 3, 8],
    ...     "case_id": ["T3-01", "T3-01", None], "usd": [10.0, 5.0, 1.0],
    ...     "flag": [None, "currency: ...", None], "repeats": [None, None, None],
    ...     "context": ["拨款", "拨款", "节约"]})
    >>> c = pd.DataFrame({"case_id": ["T3-01"], "country": ["EUU"], "kind": ["fund"],
    ...                   "title_zh": ["基金"]})
    >>> print(summarize(f, c, "kind").to_string(index=False))
         kind  n_amounts  n_flagged  n_savings  usd_total  usd_unflagged  usd_funding
         fund          2          1          0       15.0           10.0         15.0
    (no case)          1          0          1        1.0            1.0          0.0
    """
    column = {"trend": "trend", "country": "case_country", "kind": "case_kind"}.get(by)
    if column is None:
        raise ValueError(f"by must be 'trend', 'country' or 'kind', got {by!r}")
    f = with_cases(countable(funding), cases)
    usd = f["usd"].astype("Float64").fillna(0).astype("float64")
    saving = f["role"].ne("funding")
    parts = pd.DataFrame({
        by: f[column],
        "n_amounts": 1,
        "n_flagged": f["flagged"].astype("int64"),
        "n_savings": saving.astype("int64"),
        "usd_total": usd,
        "usd_unflagged": usd.where(~f["flagged"], 0.0),
        "usd_funding": usd.where(~saving, 0.0),
    })
    table = parts.groupby(by, sort=True).sum().reset_index()
    table = table.sort_values(["usd_total", by], ascending=[False, True], kind="mergesort")
    return table.reset_index(drop=True)


def flagged(funding: pd.DataFrame) -> pd.DataFrame:
    """The flagged amounts, with the kind of problem (``currency`` or ``magnitude``).

    ``problem`` is the part of ``flag`` before the first colon.  Columns:
    ``amount_id``, ``trend``, ``case_id``, ``line``, ``text``, ``currency``,
    ``usd``, ``problem``, ``flag``; sorted by ``amount_id``.

    >>> f = pd.DataFrame({"amount_id": ["F2", "F1"], "trend": [3, 0], "case_id": ["T3-03", "T0-04"],
    ...     "line": [1605, 335], "text": ["3,276亿加元", "高达430亿美元"], "currency": ["CAD", "USD"],
    ...     "usd": [2.5e11, 4.3e10], "flag": ["magnitude: about 10^3 × ...", "currency: ..."]})
    >>> flagged(f)[["amount_id", "problem"]].values.tolist()
    [['F1', 'currency'], ['F2', 'magnitude']]
    """
    f = funding[funding["flag"].notna()].copy()
    f["problem"] = f["flag"].str.split(":", n=1).str[0].str.strip()
    columns = ["amount_id", "trend", "case_id", "line", "text", "currency", "usd", "problem", "flag"]
    return f[columns].sort_values("amount_id", kind="mergesort").reset_index(drop=True)


def rate_sensitivity(funding: pd.DataFrame, rates_path: Path | str | None = None,
                     years: Iterable[int] = RATE_YEARS, base: int = 2022) -> pd.DataFrame:
    """Per currency: countable total in US dollars at each year's rate, and the swing.

    Repeats are dropped and vague amounts ignored.  Columns: ``currency``,
    ``n_amounts``, ``value_total`` (in the currency itself), one
    ``usd_<year>`` per year (:func:`usd_at`), and ``change_pct_<year>`` for
    every year other than ``base``: the percentage change of the total
    against the ``base`` year's rates (rounded to 0.1).  Sorted by
    ``usd_<base>`` descending, then currency.

    >>> f = pd.DataFrame({"value": [1e6, 2e6], "currency": ["GBP", "USD"], "repeats": [None, None]})
    >>> print(rate_sensitivity(f, years=(2021, 2022)).to_string(index=False))
    currency  n_amounts  value_total  usd_2021  usd_2022  change_pct_2021
         USD          1    2000000.0 2000000.0 2000000.0              0.0
         GBP          1    1000000.0 1376400.0 1237100.0             11.3
    """
    years = sorted(set(years) | {base})
    f = countable(funding)
    f = f[f["value"].notna()]
    table = pd.DataFrame({
        "currency": f["currency"].astype("string"),
        "n_amounts": 1,
        "value_total": f["value"].astype("float64"),
    })
    for y in years:
        table[f"usd_{y}"] = usd_at(f, rates_path, y).astype("float64")
    table = table.groupby("currency", sort=True).sum().reset_index()
    for y in years:
        if y != base:
            change = (table[f"usd_{y}"] / table[f"usd_{base}"] - 1) * 100
            table[f"change_pct_{y}"] = change.round(1)
    table = table.sort_values([f"usd_{base}", "currency"], ascending=[False, True], kind="mergesort")
    return table.reset_index(drop=True)


def reread(funding: pd.DataFrame, readings: Iterable[dict], rates_path: Path | str | None = None,
           year: int = 2022) -> pd.DataFrame:
    """What amounts would be worth under another reading (a hypothesis, not a fix).

    Each reading is a dict naming one amount by its raw-report ``line`` and
    verbatim ``text`` (stable across rebuilds, unlike ``amount_id``), with
    ``currency`` (the ISO code it is probably in) and/or ``scale`` (a factor
    for a slipped decimal point, e.g. ``1e-3``) and ``why`` (one line).  A
    reading that matches no row of ``funding`` is a ``ValueError``.
    Columns: ``amount_id``, ``line``, ``text``, ``currency``, ``usd`` (as
    printed), ``read_as_currency``, ``read_as_value``, ``usd_reread`` (at
    ``year``'s rate; missing when the rate table has no rate for the
    currency) and ``why``; in the order of ``readings``.  ``funding`` is not
    changed.

    >>> f = pd.DataFrame({"amount_id": ["F6"], "line": [1605], "text": ["3,276亿加元"],
    ...                   "value": [3.276e11], "currency": ["CAD"], "usd": [2.517e11]})
    >>> r = reread(f, [{"line": 1605, "text": "3,276亿加元", "scale": 1e-3, "why": "decimal point"}])
    >>> r[["amount_id", "read_as_currency", "read_as_value", "usd_reread"]].values.tolist()
    [['F6', 'CAD', 327600000.0, 251728823.0]]
    """
    rows = []
    for reading in readings:
        hit = funding[(funding["line"] == reading["line"]) & (funding["text"] == reading["text"])]
        if len(hit) != 1:
            raise ValueError(f"reading {reading['text']!r} at line {reading['line']} matches "
                             f"{len(hit)} amounts, expected 1")
        row = hit.iloc[0]
        currency = reading.get("currency", row["currency"])
        value = float(row["value"]) * float(reading.get("scale", 1.0))
        try:
            rate = exchange_rates(year, [currency], rates_path)[currency]
            usd = float(round(value * rate))
        except ExchangeRateError:
            usd = None
        rows.append({"amount_id": row["amount_id"], "line": int(row["line"]), "text": row["text"],
                     "currency": row["currency"], "usd": float(row["usd"]),
                     "read_as_currency": currency, "read_as_value": value, "usd_reread": usd,
                     "why": reading.get("why", "")})
    columns = ["amount_id", "line", "text", "currency", "usd", "read_as_currency", "read_as_value",
               "usd_reread", "why"]
    table = pd.DataFrame(rows, columns=columns)
    table["usd_reread"] = table["usd_reread"].astype("Float64")
    return table
