"""Money in the report: totals that add comparable money, and the printed figures against the sources.

Small pure functions over the ``funding`` and ``cases`` tables of
:func:`trendlib.load`, for notebook ``04-funding``.  Nothing here changes an
amount: the printed ``value`` and ``usd`` stay as printed, and a correction
from a primary source (``status == "corrected"``) sits beside them in
``usd_corrected``.

Three rules hold throughout:

* money is summed once: a row whose ``repeats`` names an earlier mention of
  the same money, or whose ``part_of`` names a larger amount that includes
  it, is dropped first (:func:`countable`);
* only comparable money is added up: :data:`HEADLINE_TYPES` (programme
  totals, grants and awards) by default, never a chart series, a loan, a
  saving or a yearly budget beside a multi-year total (:func:`totals`);
* a vague amount (``数十亿美元``) has no ``value``; it is counted in
  ``n_amounts`` but adds nothing.

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

from ..load import exchange_rates
from ..paths import reference_dir

__all__ = [
    "RATE_YEARS",
    "HEADLINE_TYPES",
    "GROUPINGS",
    "default_rates_path",
    "countable",
    "best_usd",
    "usd_at",
    "with_cases",
    "totals",
    "flagged",
    "flag_score",
    "rate_sensitivity",
    "money",
    "usd_text",
]

#: Years with a rate for every currency in ``exchange_rates.csv``.
RATE_YEARS: tuple[int, ...] = (2021, 2022, 2023)

#: The kinds of money a headline total adds: the size of a programme and what it granted.  An annual
#: budget is one year's money and a loan is lent, not spent; savings, costs and chart values are other
#: quantities altogether.
HEADLINE_TYPES: tuple[str, ...] = ("programme_total", "grant_or_award")

#: Columns :func:`totals` can group by (a column of ``funding``, or of the case, after :func:`with_cases`).
GROUPINGS: tuple[str, ...] = ("trend", "case_id", "amount_type", "currency", "status",
                              "case_country", "case_kind", "case_instrument")

#: Label of amounts (or groups) that no case holds.
NO_CASE = "(no case)"

#: How :func:`money` writes a currency.
_SYMBOLS = {"USD": "US$", "EUR": "€", "GBP": "£", "AUD": "A$", "CAD": "C$", "SGD": "S$", "NZD": "NZ$",
            "SEK": "SEK "}


def default_rates_path() -> Path:
    """``data/reference/exchange_rates.csv`` of the checkout.

    >>> default_rates_path().name
    'exchange_rates.csv'
    """
    return reference_dir() / "exchange_rates.csv"


def countable(funding: pd.DataFrame) -> pd.DataFrame:
    """The amounts to sum: ``funding`` without second mentions (``repeats``) and parts (``part_of``).

    >>> f = pd.DataFrame({"amount_id": ["F1", "F2", "F3"], "repeats": [None, "F1", None],
    ...                   "part_of": [None, None, "F1"]})
    >>> countable(f).amount_id.tolist()
    ['F1']
    """
    keep = funding["repeats"].isna()
    if "part_of" in funding:
        keep &= funding["part_of"].isna()
    return funding[keep]


def best_usd(funding: pd.DataFrame) -> pd.Series:
    """US dollars as the primary source has it: ``usd_corrected`` where there is one, else ``usd``.

    >>> f = pd.DataFrame({"usd": [10.0, 5.0], "usd_corrected": [None, 1.0]})
    >>> best_usd(f).tolist()
    [10.0, 1.0]
    """
    return funding["usd_corrected"].astype("Float64").fillna(funding["usd"].astype("Float64")).rename("usd_best")


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


def with_cases(funding: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    """``funding`` with its case's country, kind, instrument and English title, and ``flagged``.

    Adds ``case_country``, ``case_kind``, ``case_instrument`` and
    ``case_title_en`` (``"(no case)"`` where the amount lies outside every
    case) and ``flagged`` (bool).  Row order is kept.

    >>> f = pd.DataFrame({"amount_id": ["F1", "F2"], "case_id": ["T3-01", None], "flag": [None, None]})
    >>> c = pd.DataFrame({"case_id": ["T3-01"], "country": ["EUU"], "kind": ["programme"],
    ...                   "instrument": ["pooled_funding"], "title_en": ["NextGenerationEU"]})
    >>> print(with_cases(f, c)[["amount_id", "case_country", "case_kind"]].to_string(index=False))
    amount_id case_country case_kind
           F1          EUU programme
           F2    (no case) (no case)
    """
    names = {"country": "case_country", "kind": "case_kind", "instrument": "case_instrument",
             "title_en": "case_title_en"}
    info = cases[["case_id", *names]].rename(columns=names)
    out = funding.merge(info, on="case_id", how="left", validate="many_to_one")
    out.index = funding.index
    for col in names.values():
        out[col] = out[col].astype("string").fillna(NO_CASE)
    out["flagged"] = out["flag"].notna().astype(bool)
    return out


def totals(funding: pd.DataFrame, cases: pd.DataFrame | None = None, *, by: str = "trend",
           types: Iterable[str] | None = HEADLINE_TYPES) -> pd.DataFrame:
    """Comparable money per group: printed and corrected US-dollar totals, side by side.

    ``by`` is one of :data:`GROUPINGS` (the ``case_*`` groupings need
    ``cases``).  Second mentions and parts are dropped (:func:`countable`),
    then only amounts of ``types`` are kept (``None`` keeps every type).
    Columns: the group, ``n_amounts`` (vague ones included),
    ``n_corrected``, ``n_unverifiable``, ``usd_printed`` (the report's
    figures at the table's rate) and ``usd_corrected`` (the same with every
    corrected amount replaced by the source's figure, :func:`best_usd`).
    Sorted by ``usd_corrected`` descending, then the group.

    >>> f = pd.DataFrame({"amount_id": ["F1", "F2", "F3"], "trend": [3, 3, 8], "usd": [10.0, 5.0, 1.0],
    ...     "usd_corrected": [None, 2.0, None], "status": ["confirmed", "corrected", "unverifiable"],
    ...     "amount_type": ["programme_total", "grant_or_award", "saving_or_return"],
    ...     "repeats": [None, None, None], "part_of": [None, None, None]})
    >>> print(totals(f).to_string(index=False))
     trend  n_amounts  n_corrected  n_unverifiable  usd_printed  usd_corrected
         3          2            1               0         15.0           12.0
    """
    if by not in GROUPINGS:
        raise ValueError(f"by must be one of {', '.join(GROUPINGS)}; got {by!r}")
    f = countable(funding)
    if types is not None:
        f = f[f["amount_type"].isin(tuple(types))]
    if by.startswith("case_") and by != "case_id":
        if cases is None:
            raise ValueError(f"by={by!r} needs the cases table: totals(funding, cases, by={by!r})")
        f = with_cases(f, cases)
    group = f[by].astype("string").fillna(NO_CASE) if by == "case_id" else f[by]
    parts = pd.DataFrame({
        by: group,
        "n_amounts": 1,
        "n_corrected": f["status"].eq("corrected").astype("int64"),
        "n_unverifiable": f["status"].eq("unverifiable").astype("int64"),
        "usd_printed": f["usd"].astype("Float64").fillna(0).astype("float64"),
        "usd_corrected": best_usd(f).fillna(0).astype("float64"),
    })
    table = parts.groupby(by, sort=True).sum().reset_index()
    table = table.sort_values(["usd_corrected", by], ascending=[False, True], kind="mergesort")
    return table.reset_index(drop=True)


def flagged(funding: pd.DataFrame) -> pd.DataFrame:
    """The flagged amounts, with the kind of problem (``currency`` or ``magnitude``) and what the sources say.

    ``problem`` is the part of ``flag`` before the first colon.  Columns:
    ``amount_id``, ``trend``, ``case_id``, ``line``, ``text``, ``currency``,
    ``usd``, ``problem``, ``status``, ``flag``; sorted by ``amount_id``.

    >>> f = pd.DataFrame({"amount_id": ["F2", "F1"], "trend": [3, 0], "case_id": ["T3-03", "T0-04"],
    ...     "line": [1605, 335], "text": ["3,276亿加元", "高达430亿美元"], "currency": ["CAD", "USD"],
    ...     "usd": [2.5e11, 4.3e10], "flag": ["magnitude: about 10^3 × ...", "currency: ..."],
    ...     "status": ["corrected", "corrected"]})
    >>> flagged(f)[["amount_id", "problem"]].values.tolist()
    [['F1', 'currency'], ['F2', 'magnitude']]
    """
    f = funding[funding["flag"].notna()].copy()
    f["problem"] = f["flag"].str.split(":", n=1).str[0].str.strip()
    columns = ["amount_id", "trend", "case_id", "line", "text", "currency", "usd", "problem", "status", "flag"]
    return f[columns].sort_values("amount_id", kind="mergesort").reset_index(drop=True)


def flag_score(funding: pd.DataFrame) -> pd.DataFrame:
    """How the build's flags fare against the amounts checked against a primary source.

    One row per outcome, with ``n`` and the ``amount_id`` values:

    * ``flag right``: flagged, and the source corrects it;
    * ``flag wrong``: flagged, but the source confirms the printed figure;
    * ``flag unsettled``: flagged, and no source settles it;
    * ``error missed``: not flagged, yet the source corrects it;
    * ``quiet and right``: not flagged, and the source confirms it.

    >>> f = pd.DataFrame({"amount_id": ["F1", "F2", "F3"], "flag": ["currency: …", None, None],
    ...                   "status": ["corrected", "corrected", "confirmed"]})
    >>> flag_score(f).set_index("outcome").n.to_dict()
    {'flag right': 1, 'flag wrong': 0, 'flag unsettled': 0, 'error missed': 1, 'quiet and right': 1}
    """
    has_flag = funding["flag"].notna()
    status = funding["status"]
    outcomes = {
        "flag right": has_flag & status.eq("corrected"),
        "flag wrong": has_flag & status.eq("confirmed"),
        "flag unsettled": has_flag & status.eq("unverifiable"),
        "error missed": ~has_flag & status.eq("corrected"),
        "quiet and right": ~has_flag & status.eq("confirmed"),
    }
    return pd.DataFrame([{"outcome": name, "n": int(mask.sum()),
                          "amount_ids": " ".join(sorted(funding.loc[mask, "amount_id"]))}
                         for name, mask in outcomes.items()])


def rate_sensitivity(funding: pd.DataFrame, rates_path: Path | str | None = None,
                     years: Iterable[int] = RATE_YEARS, base: int = 2022) -> pd.DataFrame:
    """Per currency: countable total in US dollars at each year's rate, and the swing.

    Second mentions and parts are dropped and vague amounts ignored.
    Columns: ``currency``, ``n_amounts``, ``value_total`` (in the currency
    itself), one ``usd_<year>`` per year (:func:`usd_at`), and
    ``change_pct_<year>`` for every year other than ``base``: the
    percentage change of the total against the ``base`` year's rates
    (rounded to 0.1).  Sorted by ``usd_<base>`` descending, then currency.

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


def money(value, currency: str = "USD") -> str:
    """An amount as a reader writes it: currency symbol, k / m / bn / tn, no trailing zeros.

    Two decimals below 10 of the unit, one above. A missing value gives ``"—"``.

    >>> money(1e9), money(327_600_000, "CAD"), money(43e9, "EUR"), money(1_529_220_000, "AUD"), money(None)
    ('US$1 bn', 'C$327.6 m', '€43 bn', 'A$1.53 bn', '—')
    """
    if value is None or pd.isna(value):
        return "—"
    symbol = _SYMBOLS.get(currency, f"{currency} ")
    size = abs(float(value))
    for unit, scale in (("tn", 1e12), ("bn", 1e9), ("m", 1e6), ("k", 1e3)):
        if size >= scale:
            return f"{symbol}{_figures(float(value) / scale)} {unit}"
    return f"{symbol}{_figures(float(value))}"


def _figures(x: float) -> str:
    text = f"{x:,.{2 if abs(x) < 10 else 1}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def usd_text(frame: pd.DataFrame, columns: Iterable[str] | None = None) -> pd.DataFrame:
    """A copy of ``frame`` for display, with its US-dollar columns written as money (:func:`money`).

    ``columns`` defaults to every column whose name starts with ``usd``.

    >>> usd_text(pd.DataFrame({"trend": [3], "usd_printed": [2.5e11]}))
       trend usd_printed
    0      3   US$250 bn
    """
    out = frame.copy()
    for col in columns or [c for c in frame.columns if c.startswith("usd")]:
        out[col] = [money(v) for v in frame[col]]
    return out
