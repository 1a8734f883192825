"""Stage 5c — checks on the located amounts: what looks wrong, and what repeats.

Two signs of a translation error are *reported*, never corrected
(:func:`funding_flags`), and a second mention of the same amount of the same
case is marked so it is not summed twice (:func:`repeats`). Both need the
cases, so this stage comes after :mod:`trendlib.coding.cases`. What each amount is,
and what primary sources say of it, is curated (``amounts.yaml``) and joined
to the amounts here (:func:`curated_checks`).
"""

from __future__ import annotations

import math

from ..mentions.money import Amount

__all__ = ["funding_flags", "repeats", "curated_checks"]


def funding_flags(
    amounts: list[Amount], case_rows: list[dict | None], currency_countries: dict[str, tuple[str, ...]]
) -> list[str]:
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
    for a, row in zip(amounts, case_rows, strict=True):
        reasons = []
        if row and row["country"] != "INT" and row["country"] not in currency_countries.get(a.currency, ()):
            own = by_country.get(row["country"])
            reasons.append(
                f"currency: {a.currency} printed for a {row['country']} case ({row['id']}); "
                + (
                    f"{row['country']} uses {'/'.join(own)}"
                    if own
                    else f"{a.currency} is not {row['country']}'s currency"
                )
            )
        if row and a.value:
            for b, other in zip(amounts, case_rows, strict=True):
                if other is row and b is not a and b.currency == a.currency and b.value:
                    ratio = a.value / b.value
                    power = 10 ** round(math.log10(ratio)) if ratio > 0 else 0
                    if ratio >= 100 and 0.8 <= ratio / power <= 1.25:
                        reasons.append(
                            f"magnitude: about 10^{round(math.log10(ratio))} × the {b.text} of "
                            f"the same case ({row['id']}); a slipped decimal point?"
                        )
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
    for k, (key, ident) in enumerate(zip(keys, ids, strict=True)):
        if key is None:
            out.append(None)
            continue
        out.append(first.get(key) if may_repeat is None or may_repeat[k] else None)
        first.setdefault(key, ident)
    return out


#: What each status needs (and allows) of a row of amounts.yaml: the fields it must have, and must not.
_STATUS_NEEDS = {
    "confirmed": (("source",), ("value_corrected", "currency_corrected", "differs_by")),
    "approximate": (("source", "differs_by", "differs_note"), ("value_corrected", "currency_corrected")),
    "corrected": (("source", "value_corrected", "currency_corrected"), ("differs_by",)),
    "unverifiable": ((), ("source", "value_corrected", "currency_corrected", "differs_by")),
}


def _check_status(row: dict, where: str) -> None:
    """The fields a row's status needs, and those it cannot have (an unverifiable amount has no source)."""
    from ..errors import CuratedDataError

    needs, forbids = _STATUS_NEEDS[row["status"]]
    missing = [f for f in needs if row.get(f) is None]
    if missing:
        raise CuratedDataError(f"{where}: a {row['status']} amount needs {', '.join(missing)}")
    extra = [f for f in forbids if row.get(f) is not None]
    if extra:
        raise CuratedDataError(
            f"{where}: a {row['status']} amount has no {', '.join(extra)}; remove it, or change the status"
        )


def curated_checks(amounts: list, contexts: list[str], rows: list[dict], *, source: str = "amounts.yaml") -> list[dict]:
    """For each amount (a :class:`~trendlib.mentions.quantities.AmountMention`), its curated row.

    An amount is known by its text as printed and its occurrence among the amounts printed with that
    text. Every amount needs a row and every row an amount; a ``period_phrase`` must be printed in
    the amount's ``contexts`` entry (its clause and its case's span); a corrected row needs its value,
    currency and source, a confirmed row its source. ``same_as`` (the same money mentioned again,
    under another case or none) and ``part_of`` (money counted inside a larger amount) name another
    amount the same way; in the rows returned they are that amount's index in ``amounts``.
    """
    from ..errors import CuratedDataError
    from ..patterns import compact

    by_key = {}
    for n, row in enumerate(rows, 1):
        by_key[(compact(row["text"]), row["occurrence"])] = (n, row)
    counts: dict[str, int] = {}
    out, used, keys = [], set(), []
    for m, context in zip(amounts, contexts, strict=True):
        text = compact(m.amount.text)
        counts[text] = counts.get(text, 0) + 1
        key = (text, counts[text])
        keys.append(key)
        if key not in by_key:
            raise CuratedDataError(
                f"{source}: amount {m.amount.text!r} (occurrence {key[1]}) has no row; add its "
                "amount_type, period and status"
            )
        n, row = by_key[key]
        used.add(key)
        where = f"{source} row {n} ({row['text']})"
        if row.get("period_phrase") and compact(row["period_phrase"]) not in compact(context):
            raise CuratedDataError(
                f"{where}: period_phrase {row['period_phrase']!r} is not printed in the amount's "
                "clause or case; copy the words that give the period"
            )
        if bool(row.get("period")) != bool(row.get("period_en")):
            raise CuratedDataError(
                f"{where}: a period needs its English gloss and a gloss its period; give both "
                "period (as printed) and period_en, or neither"
            )
        _check_status(row, where)
        out.append(row)
    index = {key: i for i, key in enumerate(keys)}
    for i, row in enumerate(out):
        where = f"{source} row {by_key[keys[i]][0]} ({row['text']})"
        links = {}
        refs = [(f, row.get(f)) for f in ("same_as", "part_of")]
        refs += [(f"parts[{k}].also_in", p.get("also_in")) for k, p in enumerate(row.get("parts", []), 1)]
        for field, ref in refs:
            if ref is None:
                continue
            target = index.get((compact(ref["text"]), ref["occurrence"]))
            if target is None:
                raise CuratedDataError(
                    f"{where}: {field} names {ref['text']!r} (occurrence {ref['occurrence']}), "
                    "which is not a printed amount; copy its text and occurrence from its row"
                )
            if target == i:
                raise CuratedDataError(f"{where}: {field} names the amount itself")
            if field == "same_as" and target > i:
                raise CuratedDataError(f"{where}: same_as must name an earlier mention (the first one is counted)")
            links[field] = target
        parts = [{**p, "also_in": links.get(f"parts[{k}].also_in")} for k, p in enumerate(row.get("parts", []), 1)]
        out[i] = {**row, "same_as": links.get("same_as"), "part_of": links.get("part_of"), "parts": parts}
    unused = [by_key[k] for k in by_key if k not in used]
    if unused:
        n, row = unused[0]
        raise CuratedDataError(
            f"{source} row {n} ({row['text']}, occurrence {row['occurrence']}): no such amount is "
            f"printed; fix the text or the occurrence ({len(unused)} such rows)"
        )
    return out


#: How far (characters of whitespace-free text, either side) a curated phrase may stand from its figure: the
#: figure's sentence, or the label its infographic block prints with it.
PHRASE_WINDOW = 600


def curated_statistics(
    figures: list, rows: list[dict], flat, spans: dict[str, tuple[int, int]], *, source: str = "statistics.yaml"
) -> list[dict]:
    """For each percentage or fraction (a :class:`~trendlib.mentions.quantities.PercentMention`), its curated
    row of ``statistics.yaml``: its kind, the case it is about and an English gloss.

    A figure is known by its text as printed and its occurrence among the figures printed with that text.
    Every figure needs a row and every row a figure; ``kind_phrase`` must be printed near the figure
    (:data:`PHRASE_WINDOW`), ``case`` must be a case and ``case_phrase`` printed near the figure or in the
    case's passage (``spans``: case id → flat start and end).
    """
    from ..errors import CuratedDataError
    from ..patterns import compact

    by_key = {(compact(r["text"]), r["occurrence"]): (n, r) for n, r in enumerate(rows, 1)}
    counts: dict[str, int] = {}
    out, used = [], set()
    for m in figures:
        text = compact(m.figure.text)
        counts[text] = counts.get(text, 0) + 1
        key = (text, counts[text])
        if key not in by_key:
            raise CuratedDataError(
                f"{source}: figure {m.figure.text!r} (occurrence {key[1]}) has no row; add its "
                "kind, kind_phrase, kind_phrase_en and context_en"
            )
        n, row = by_key[key]
        used.add(key)
        where = f"{source} row {n} ({row['text']}, occurrence {row['occurrence']})"
        near = flat.text[max(0, m.where.flat - PHRASE_WINDOW) : m.where.flat + PHRASE_WINDOW]
        if compact(row["kind_phrase"]) not in near:
            raise CuratedDataError(
                f"{where}: kind_phrase {row['kind_phrase']!r} is not printed near the figure; "
                "copy the words of its clause or label that decide its kind"
            )
        if ("case" in row) != ("case_phrase" in row):
            raise CuratedDataError(f"{where}: give case and case_phrase together")
        if "case" in row:
            if row["case"] not in spans:
                raise CuratedDataError(f"{where}: no case {row['case']!r} in cases.yaml; fix the id")
            start, end = spans[row["case"]]
            if compact(row["case_phrase"]) not in near + flat.text[start:end]:
                raise CuratedDataError(
                    f"{where}: case_phrase {row['case_phrase']!r} is printed neither near the "
                    f"figure nor in the passage of {row['case']}"
                )
        out.append(row)
    unused = [by_key[k] for k in by_key if k not in used]
    if unused:
        n, row = unused[0]
        raise CuratedDataError(
            f"{source} row {n} ({row['text']}, occurrence {row['occurrence']}): no such figure "
            f"is printed; fix the text or the occurrence ({len(unused)} such rows)"
        )
    return out
