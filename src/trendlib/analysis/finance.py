"""Money in the report: totals that add one kind of money once, and the printed figures against the sources.

Small pure functions over the ``funding``, ``amount_parts``, ``exchange_rates`` and ``cases`` tables of
:func:`trendlib.load`, for notebook ``04-funding``. Nothing here changes an amount: the printed ``value``
and ``usd`` stay as printed, and what a primary source says sits beside them.

Four rules hold throughout:

* money is summed once: a row whose ``repeats`` names an earlier mention of the same money, or whose
  ``part_of`` names a larger amount that includes it, is dropped (:func:`countable`), and a part of a
  mixed programme that is the same money as another amount (``amount_parts.also_in``) is not counted
  twice;
* only one kind of money is added up at a time: the headline adds what governments commit to spend
  (:data:`trendlib.vocab.SPENDING_TYPES`: programme totals and grants), never financing that is lent or
  invested to be returned, investment a programme hopes to mobilise, a yearly budget beside a multi-year
  total, a saving or a chart value;
* a programme that a source splits into kinds of money counts part by part (:func:`money_by_kind`):
  NextGenerationEU's grants are spending, its loans are financing;
* a vague amount (``数十亿美元``) has no ``value``; it adds nothing.

>>> import trendlib
>>> t = trendlib.load()
>>> usd = usd_at(t.funding.value, t.funding.currency, t.exchange_rates, 2022)
>>> bool(usd.eq(t.funding.usd).sum() == t.funding.usd.notna().sum())
True
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..vocab import AMOUNT_TYPES, SPENDING_TYPES

__all__ = [
    "SPENDING_TYPES",
    "GROUPINGS",
    "rate_years",
    "countable",
    "best_usd",
    "usd_at",
    "money_by_kind",
    "with_cases",
    "totals",
    "by_kind",
    "flagged",
    "flag_score",
    "rate_sensitivity",
    "money",
    "usd_text",
]

#: Columns :func:`totals` can group by (a column of ``funding``, or of the case, after :func:`with_cases`).
GROUPINGS: tuple[str, ...] = (
    "trend",
    "case_id",
    "kind",
    "currency",
    "check_status",
    "case_country",
    "case_kind",
    "case_instrument",
)

#: Label of amounts (or groups) that no case holds.
NO_CASE = "(no case)"

#: How :func:`money` writes a currency.
_SYMBOLS = {"USD": "US$", "EUR": "€", "GBP": "£", "AUD": "A$", "CAD": "C$", "SGD": "S$", "NZD": "NZ$", "SEK": "SEK "}


def rate_years(exchange_rates: pd.DataFrame) -> list[int]:
    """The years of the rate table that have a rate for every currency in it.

    >>> import trendlib
    >>> rate_years(trendlib.load().exchange_rates)
    [2021, 2022, 2023]
    """
    from ..mentions.money import complete_years  # the build's rule for the same question, on the published table

    return complete_years(zip(exchange_rates["currency"], exchange_rates["year"], strict=True))


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


def usd_at(values: pd.Series, currencies: pd.Series, exchange_rates: pd.DataFrame, year: int) -> pd.Series:
    """``values`` (in ``currencies``) in US dollars at ``year``'s rate, rounded to the dollar (``Float64``).

    A missing value (a vague amount) stays missing; a currency without a rate for ``year`` raises.

    >>> r = pd.DataFrame({"currency": ["GBP"], "year": [2021], "usd_per_unit": [1.3764]})
    >>> usd_at(pd.Series([1e6]), pd.Series(["GBP"]), r, 2021).tolist()
    [1376400.0]
    """
    rates = exchange_rates[exchange_rates["year"] == year].set_index("currency")["usd_per_unit"]
    missing = sorted(set(currencies.dropna()) - set(rates.index))
    if missing:
        raise ValueError(f"no {year} rate for {', '.join(missing)} in exchange_rates")
    rate = currencies.map(rates).astype("Float64")
    return (values.astype("Float64") * rate).round(0).rename(f"usd_{year}")


def money_by_kind(funding: pd.DataFrame, parts: pd.DataFrame) -> pd.DataFrame:
    """The money of every countable amount by kind, as the sources have it (one row per amount, or per part).

    An amount a source splits into kinds (``amount_parts``) contributes its parts, except a part that is
    the same money as another countable amount (``also_in``); any other amount contributes itself, at the
    source's figure where it was corrected (:func:`best_usd`).

    Returns
    -------
    DataFrame
        ``amount_id``, ``part`` (0 for a whole amount), ``trend``, ``case_id``, ``kind`` (an
        :data:`~trendlib.vocab.AMOUNT_TYPES` value), ``value`` and ``currency`` (the source's, or as
        printed), ``usd_printed`` (the whole amount as printed, on its first row only) and ``usd``.

    Examples
    --------
    >>> f = pd.DataFrame({"amount_id": ["F1", "F2"], "trend": [3, 3], "case_id": ["a", "b"],
    ...     "value": [8e11, 2e10], "currency": ["EUR", "AUD"], "usd": [8.4e11, 1.4e10],
    ...     "value_corrected": [None, None], "currency_corrected": [None, None], "usd_corrected": [None, None],
    ...     "amount_type": ["programme_total", "financing"], "repeats": [None, None], "part_of": [None, None]})
    >>> p = pd.DataFrame({"amount_id": ["F1", "F1"], "part": [1, 2], "amount_type": ["grant_or_award", "financing"],
    ...     "value": [4e11, 4e11], "currency": ["EUR", "EUR"], "usd": [4.2e11, 4.2e11], "also_in": [None, None]})
    >>> money_by_kind(f, p)[["amount_id", "part", "kind", "usd"]].values.tolist()
    [['F1', 1, 'grant_or_award', 420000000000.0], ['F1', 2, 'financing', 420000000000.0], ['F2', 0, 'financing', 14000000000.0]]
    """
    counted = countable(funding)
    ids = set(counted["amount_id"])
    split = parts[parts["amount_id"].isin(ids)]
    split = split[~split["also_in"].isin(ids)]  # the same money is counted in the other amount
    rows = []
    for a in counted.itertuples(index=False):
        own = split[split["amount_id"] == a.amount_id]
        first = True
        if len(own) or (parts["amount_id"] == a.amount_id).any():
            for p in own.itertuples(index=False):
                rows.append(
                    {
                        "amount_id": a.amount_id,
                        "part": int(p.part),
                        "trend": a.trend,
                        "case_id": a.case_id,
                        "kind": p.amount_type,
                        "value": float(p.value),
                        "currency": p.currency,
                        "usd_printed": a.usd if first else None,
                        "usd": float(p.usd),
                    }
                )
                first = False
            continue
        corrected = not pd.isna(a.usd_corrected)
        rows.append(
            {
                "amount_id": a.amount_id,
                "part": 0,
                "trend": a.trend,
                "case_id": a.case_id,
                "kind": a.amount_type,
                "value": a.value_corrected if corrected else a.value,
                "currency": a.currency_corrected if corrected else a.currency,
                "usd_printed": a.usd,
                "usd": a.usd_corrected if corrected else a.usd,
            }
        )
    out = pd.DataFrame(
        rows, columns=["amount_id", "part", "trend", "case_id", "kind", "value", "currency", "usd_printed", "usd"]
    )
    for col in ("value", "usd_printed", "usd"):
        out[col] = pd.to_numeric(out[col].astype("object").where(out[col].notna(), None), errors="coerce")
    return out


def with_cases(funding: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    """``funding`` (or :func:`money_by_kind`) with its case's country, kind, instrument and English title.

    Adds ``case_country``, ``case_kind``, ``case_instrument`` and ``case_title_en`` (``"(no case)"`` where
    the amount lies outside every case). Row order is kept.

    >>> f = pd.DataFrame({"amount_id": ["F1", "F2"], "case_id": ["T3-01", None]})
    >>> c = pd.DataFrame({"case_id": ["T3-01"], "country": ["EUU"], "kind": ["programme"],
    ...                   "instrument": ["pooled_funding"], "title_en": ["NextGenerationEU"]})
    >>> print(with_cases(f, c)[["amount_id", "case_country", "case_kind"]].to_string(index=False))
    amount_id case_country case_kind
           F1          EUU programme
           F2    (no case) (no case)
    """
    names = {
        "country": "case_country",
        "kind": "case_kind",
        "instrument": "case_instrument",
        "title_en": "case_title_en",
    }
    info = cases[["case_id", *names]].rename(columns=names)
    out = funding.merge(info, on="case_id", how="left", validate="many_to_one")
    out.index = funding.index
    for col in names.values():
        out[col] = out[col].astype("string").fillna(NO_CASE)
    return out


def totals(
    funding: pd.DataFrame,
    parts: pd.DataFrame,
    cases: pd.DataFrame | None = None,
    *,
    by: str = "trend",
    kinds: Iterable[str] = SPENDING_TYPES,
) -> pd.DataFrame:
    """One kind of money per group, each amount once: as printed and as the sources have it.

    ``usd_printed`` adds the printed figures of the countable amounts whose ``amount_type`` is one of
    ``kinds``; ``usd`` adds the money of those ``kinds`` as the sources have it (:func:`money_by_kind`: the
    corrected figures, and a mixed programme's parts of those kinds only). ``by`` is one of
    :data:`GROUPINGS` (the ``case_*`` groupings need ``cases``).

    Returns
    -------
    DataFrame
        The group, ``n_amounts`` (amounts that add to ``usd``), ``usd_printed`` and ``usd``; sorted by
        ``usd`` descending, then the group.

    Examples
    --------
    >>> f = pd.DataFrame({"amount_id": ["F1", "F2", "F3"], "trend": [3, 3, 8], "case_id": ["a", "b", "c"],
    ...     "value": [10.0, 5.0, 1.0], "currency": ["USD"] * 3, "usd": [10.0, 5.0, 1.0],
    ...     "value_corrected": [None, 2.0, None], "currency_corrected": [None, "USD", None],
    ...     "usd_corrected": [None, 2.0, None], "amount_type": ["programme_total", "grant_or_award", "financing"],
    ...     "repeats": [None] * 3, "part_of": [None] * 3})
    >>> p = pd.DataFrame(columns=["amount_id", "part", "amount_type", "value", "currency", "usd", "also_in"])
    >>> print(totals(f, p).to_string(index=False))
     trend  n_amounts  usd_printed  usd
         3          2         15.0 12.0
    """
    if by not in GROUPINGS:
        raise ValueError(f"by must be one of {', '.join(GROUPINGS)}; got {by!r}")
    kinds = tuple(kinds)
    money = money_by_kind(funding, parts)
    printed = countable(funding)
    printed = printed[printed["amount_type"].isin(kinds)].assign(kind=lambda f: f["amount_type"])
    money = money[money["kind"].isin(kinds)]
    if by == "check_status":  # the check status is the whole amount's: its parts share it
        money = money.assign(
            check_status=money["amount_id"].map(dict(zip(funding["amount_id"], funding["check_status"], strict=True)))
        )
    if by.startswith("case_") and by != "case_id":
        if cases is None:
            raise ValueError(f"by={by!r} needs the cases table: totals(funding, parts, cases, by={by!r})")
        money, printed = with_cases(money, cases), with_cases(printed, cases)

    def group(frame):
        return frame[by].astype("string").fillna(NO_CASE) if by == "case_id" else frame[by]

    a = pd.DataFrame({by: group(money), "n_amounts": money["amount_id"], "usd": money["usd"].fillna(0)})
    a = a.groupby(by, sort=True).agg(n_amounts=("n_amounts", "nunique"), usd=("usd", "sum"))
    b = pd.DataFrame({by: group(printed), "usd_printed": printed["usd"].astype("Float64").fillna(0).astype("float64")})
    b = b.groupby(by, sort=True).sum()
    table = a.join(b, how="outer").fillna({"n_amounts": 0, "usd": 0.0, "usd_printed": 0.0}).reset_index()
    table["n_amounts"] = table["n_amounts"].astype("int64")
    table = table[[by, "n_amounts", "usd_printed", "usd"]]
    table = table.sort_values(["usd", by], ascending=[False, True], kind="mergesort")
    return table.reset_index(drop=True)


def by_kind(funding: pd.DataFrame, parts: pd.DataFrame) -> pd.DataFrame:
    """Every kind of money, each with its own total (never to be added across kinds).

    Returns
    -------
    DataFrame
        ``kind`` (vocabulary order), ``n_amounts`` (amounts with money of that kind), ``usd`` (as the sources
        have it) and ``headline`` (whether the headline adds it: :data:`SPENDING_TYPES`).
    """
    money = money_by_kind(funding, parts)
    table = money.groupby("kind").agg(n_amounts=("amount_id", "nunique"), usd=("usd", "sum"))
    table = table.reindex([k for k in AMOUNT_TYPES if k in table.index]).reset_index()
    table["headline"] = table["kind"].isin(SPENDING_TYPES)
    return table


def flagged(funding: pd.DataFrame) -> pd.DataFrame:
    """The flagged amounts, with the kind of problem (``currency`` or ``magnitude``) and what the sources say.

    ``problem`` is the part of ``flag`` before the first colon. Columns: ``amount_id``, ``trend``,
    ``case_id``, ``line``, ``text``, ``currency``, ``usd``, ``problem``, ``check_status``, ``flag``.

    >>> f = pd.DataFrame({"amount_id": ["F2", "F1"], "trend": [3, 0], "case_id": ["T3-03", "T0-04"],
    ...     "line": [1605, 335], "text": ["3,276亿加元", "高达430亿美元"], "currency": ["CAD", "USD"],
    ...     "usd": [2.5e11, 4.3e10], "flag": ["magnitude: about 10^3 × ...", "currency: ..."],
    ...     "check_status": ["corrected", "corrected"]})
    >>> flagged(f)[["amount_id", "problem"]].values.tolist()
    [['F1', 'currency'], ['F2', 'magnitude']]
    """
    f = funding[funding["flag"].notna()].copy()
    f["problem"] = f["flag"].str.split(":", n=1).str[0].str.strip()
    columns = ["amount_id", "trend", "case_id", "line", "text", "currency", "usd", "problem", "check_status", "flag"]
    return f[columns].sort_values("amount_id", kind="mergesort").reset_index(drop=True)


def flag_score(funding: pd.DataFrame) -> pd.DataFrame:
    """How the build's flags fare against the amounts checked against a primary source.

    One row per outcome, with ``n`` and the ``amount_id`` values: ``flag right`` (flagged, and the source
    corrects it), ``flag wrong`` (flagged, but the source states the printed figure, exactly or
    approximately), ``flag unsettled`` (flagged, no source settles it), ``error missed`` (not flagged, yet
    corrected) and ``quiet and right`` (not flagged, and confirmed or approximate).

    >>> f = pd.DataFrame({"amount_id": ["F1", "F2", "F3"], "flag": ["currency: …", None, None],
    ...                   "check_status": ["corrected", "corrected", "approximate"]})
    >>> flag_score(f).set_index("outcome").n.to_dict()
    {'flag right': 1, 'flag wrong': 0, 'flag unsettled': 0, 'error missed': 1, 'quiet and right': 1}
    """
    has_flag = funding["flag"].notna()
    status = funding["check_status"]
    holds = status.isin(["confirmed", "approximate"])
    outcomes = {
        "flag right": has_flag & status.eq("corrected"),
        "flag wrong": has_flag & holds,
        "flag unsettled": has_flag & status.eq("unverifiable"),
        "error missed": ~has_flag & status.eq("corrected"),
        "quiet and right": ~has_flag & holds,
    }
    return pd.DataFrame(
        [
            {"outcome": name, "n": int(mask.sum()), "amount_ids": " ".join(sorted(funding.loc[mask, "amount_id"]))}
            for name, mask in outcomes.items()
        ]
    )


def rate_sensitivity(
    funding: pd.DataFrame,
    parts: pd.DataFrame,
    exchange_rates: pd.DataFrame,
    *,
    base: int = 2022,
    kinds: Iterable[str] = SPENDING_TYPES,
) -> pd.DataFrame:
    """How the headline moves with the year of the exchange rate: per currency, and in all.

    Works on the money as the sources have it (:func:`money_by_kind`, only ``kinds``), in the currency the
    source gives: a corrected currency, not the misprinted one.

    Returns
    -------
    DataFrame
        ``currency`` (then a last row ``all``), ``n_amounts``, ``value_total`` (in the currency itself;
        empty for ``all``), one ``usd_<year>`` per year of :func:`rate_years`, and ``change_<year>`` (US
        dollars) and ``change_pct_<year>`` (rounded to 0.1) against ``base`` for every other year.
    """
    years = rate_years(exchange_rates)
    money = money_by_kind(funding, parts)
    money = money[money["kind"].isin(tuple(kinds)) & money["value"].notna()]
    table = pd.DataFrame(
        {"currency": money["currency"].astype("string"), "value_total": money["value"].astype("float64")}
    )
    for y in years:
        table[f"usd_{y}"] = usd_at(money["value"], money["currency"], exchange_rates, y).astype("float64")
    table = table.groupby("currency", sort=True).sum().reset_index()
    table.insert(1, "n_amounts", table["currency"].map(money.groupby("currency")["amount_id"].nunique()))
    table = table.sort_values([f"usd_{base}", "currency"], ascending=[False, True], kind="mergesort")
    whole = table.drop(columns=["currency", "value_total"]).sum()
    whole["n_amounts"] = money["amount_id"].nunique()
    table = pd.concat(
        [table, pd.DataFrame([{"currency": "all", **whole.to_dict(), "value_total": None}])], ignore_index=True
    )
    for y in years:
        if y != base:
            table[f"change_{y}"] = table[f"usd_{y}"] - table[f"usd_{base}"]
            table[f"change_pct_{y}"] = ((table[f"usd_{y}"] / table[f"usd_{base}"] - 1) * 100).round(1)
    table["n_amounts"] = table["n_amounts"].astype("int64")
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
