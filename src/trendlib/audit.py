"""Checks on the located amounts: what looks wrong, and what repeats.

Two signs of a translation error are *reported*, never corrected
(:func:`funding_flags`), and a second mention of the same amount of the same
case is marked so it is not summed twice (:func:`repeats`). Both need the
cases, so this stage comes after :mod:`trendlib.cases`.
"""

from __future__ import annotations

import math

from .mentions.money import Amount

__all__ = ["funding_flags", "repeats"]


def funding_flags(amounts: list[Amount], case_rows: list[dict | None],
                  currency_countries: dict[str, tuple[str, ...]]) -> list[str]:
    """Why each amount looks wrong, or ''.

    Two signs of a translation error, reported and never corrected: the
    printed currency is not a currency of the case's jurisdiction, and two
    amounts of the same case in the same currency differ by about a power of
    ten, 100× or more (the usual slip: 3.276亿 printed as 3,276亿).

    >>> a = Amount(0, 5, "78亿欧元", 7.8e9, "EUR", "exact")
    >>> funding_flags([a], [{"id": "T3-10", "country": "AUS"}], {"EUR": ("EUU", "DEU"), "AUD": ("AUS",)})
    ['currency: EUR printed for a AUS case (T3-10); AUS uses AUD']
    >>> b = Amount(0, 5, "3,276亿加元", 3.276e11, "CAD", "exact")
    >>> c = Amount(0, 5, "超过3亿加元", 3e8, "CAD", "over")
    >>> funding_flags([b, c], [{"id": "T3-03", "country": "CAN"}] * 2, {"CAD": ("CAN",)})[0]
    'magnitude: about 10^3 × the 超过3亿加元 of the same case (T3-03); a slipped decimal point?'
    """
    by_country: dict[str, list[str]] = {}
    for code, countries in sorted(currency_countries.items()):
        for country in countries:
            by_country.setdefault(country, []).append(code)
    flags = []
    for a, row in zip(amounts, case_rows):
        reasons = []
        if row and row["country"] != "INT" and row["country"] not in currency_countries.get(a.currency, ()):
            own = by_country.get(row["country"])
            reasons.append(f"currency: {a.currency} printed for a {row['country']} case ({row['id']}); "
                           + (f"{row['country']} uses {'/'.join(own)}" if own else f"{a.currency} is not {row['country']}'s currency"))
        if row and a.value:
            for b, other in zip(amounts, case_rows):
                if other is row and b is not a and b.currency == a.currency and b.value:
                    ratio = a.value / b.value
                    power = 10 ** round(math.log10(ratio)) if ratio > 0 else 0
                    if ratio >= 100 and 0.8 <= ratio / power <= 1.25:
                        reasons.append(f"magnitude: about 10^{round(math.log10(ratio))} × the {b.text} of "
                                       f"the same case ({row['id']}); a slipped decimal point?")
        flags.append("; ".join(reasons))
    return flags


def repeats(keys: list, ids: list[str], may_repeat: list[bool] | None = None) -> list[str | None]:
    """For each row, the id of the first earlier row with the same key (a row with
    ``may_repeat`` false is remembered but never marked; a ``None`` key never repeats).

    >>> repeats([("T1", 5.0), None, ("T1", 5.0), None], ["F1", "F2", "F3", "F4"])
    [None, None, 'F1', None]
    """
    first: dict = {}
    out = []
    for k, (key, ident) in enumerate(zip(keys, ids)):
        if key is None:
            out.append(None)
            continue
        out.append(first.get(key) if may_repeat is None or may_repeat[k] else None)
        first.setdefault(key, ident)
    return out
