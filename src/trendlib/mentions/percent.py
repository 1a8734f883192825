"""Percentages, percentage points and spoken fractions in paragraph text.

>>> [(p.text, p.value, p.unit, p.qualifier) for p in find_percentages(
...     "近三分之二受访高管表示，85%的人力资源主管预计，超过一半的受访者")]
[('近三分之二', 66.66666666666667, 'fraction', 'about'), ('85%', 85.0, 'percent', 'exact'), ('超过一半', 50.0, 'fraction', 'over')]

What counts (see :func:`find_percentages` for the full rules):

* ``N%`` / ``N％`` (``35%``, ``5.7%``, ``1,000%``) and ``百分之N`` with Arabic
  or Chinese numerals (``百分之三十五``, ``百分之0.5``, ``百分之百``) → unit
  ``percent``;
* ``N个百分点`` / ``N百分点`` (``五个百分点``) → unit ``percentage_point``;
* ``X分之Y`` in words (``三分之二``, ``五分之四``, ``四分之一``) and
  ``一半`` / ``半数`` / ``过半`` → unit ``fraction``, value in percent (66.67, 80, 25, 50).

Not percentages: ``倍`` (multiples), ``N成`` (tenths; the report only has the
idiom 一成不变), ``几分之一`` (vague), ``另一半`` ("the other half").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from trendlib.mentions.money import (
    CN_DIGITS,
    QUALIFIER_PREFIXES,
    QUALIFIER_SUFFIXES,
    parse_number,
)

__all__ = ["Percentage", "find_percentages"]


@dataclass(frozen=True)
class Percentage:
    """A percentage-like quantity found in a text.

    ``start``/``end`` are offsets into the searched text and
    ``text[start:end] == p.text``; ``text`` is verbatim and includes the
    qualifier words (``超过80%``, ``一半以上``).

    ``value`` is in percent: ``35%`` → 35.0, ``三分之二`` → 66.666…,
    ``一半`` → 50.0, ``5个百分点`` → 5.0.

    ``unit`` is ``percent``, ``percentage_point`` or ``fraction``.

    ``qualifier`` uses the money vocabulary: ``exact``, ``over`` (超过, 逾,
    至少, 不少于, 以上), ``about`` (约, 近, 将近, 接近, 左右), ``up_to``
    (高达, 多达, 最多, 不超过, and "less than": 不到, 不足, 少于, 低于, 以下).

    ``part`` is ``single``, or ``range_low`` / ``range_high`` for the two
    ends of a range. A range (``1.5%至3.9%``, ``20-30%``, ``5%~10%``) is
    reported as TWO Percentages, one per end, so every figure the report
    prints has a row; when the unit is printed once (``20-30%``) the low
    end's ``text`` is just its number (``20``) and it takes the high end's
    unit. A qualifier before or after a range applies to both ends (its
    words are in the ``text`` of the end they touch: ``约为1.5%`` … ``3.9%``). Values are never negative; direction (增加/减少) is
    left to the context.
    """

    start: int
    end: int
    text: str
    value: float
    unit: str
    qualifier: str = "exact"
    part: str = "single"


_CN_NUM = f"[{CN_DIGITS}十百千]{{1,12}}"  # bounded: linear time on long runs
#: Integer part of at most 4 digits (or thousands-separated): a longer run
#: before % is a scrambled infographic (``58%19189876556%``), not a figure.
_PCT_NUM = (
    r"(?:[0-9０-９]{1,3}(?:,[0-9０-９]{3})+(?![0-9０-９])|[0-9０-９]{1,4}(?![0-9０-９]))"
    r"(?:[.．][0-9０-９]+)?"
)
_PREFIX_QUAL: dict[str, str] = {re.sub(r"\(\?.*?\)", "", w): q for q, ws in QUALIFIER_PREFIXES.items() for w in ws}
_SUFFIX_QUAL = QUALIFIER_SUFFIXES
_ALL_PREFIXES = [w for ws in QUALIFIER_PREFIXES.values() for w in ws]


def _alt(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


#: Words allowed between a qualifier and the figure: 约为1.5%, 最多可增加15%.
_CONNECTOR = r"(?:可以|可)?(?:达到|达|为|占|增加|提高|降低|减少|下降)?"
_PRE = rf"(?:(?P<qual>{_alt(_ALL_PREFIXES)}){_CONNECTOR})?"
_SUF = rf"(?P<suf>{_alt(_SUFFIX_QUAL)})?"
_SEP = r"\s*(?:-|–|—|~|～|至|到)\s*"

_PATTERN = re.compile(
    rf"""
    (?<![0-9０-９.,．])
    {_PRE}
    (?:
        # 20-30% / 1.5%至3.9% / 20-30个百分点
        (?P<low>{_PCT_NUM})(?P<lowunit>\s?[%％]|个?百分点)?{_SEP}
        (?P<high>{_PCT_NUM})(?P<highunit>\s?[%％]|个?百分点)
      | (?P<num>{_PCT_NUM})(?P<unit>\s?[%％]|个?百分点)
      | 百分之(?P<pnum>{_PCT_NUM}|{_CN_NUM})
      | (?P<ppnum>{_CN_NUM})个?百分点
      | (?<![几数])(?P<den>[{CN_DIGITS}十][{CN_DIGITS}十百千]{{0,11}})分之(?P<numer>{_CN_NUM})
      | (?<!另)(?P<half>一半|过半数|过半|半数)
    )
    {_SUF}
    """,
    re.VERBOSE,
)


def _num(s: str) -> Decimal:
    d = parse_number(s)
    return d if d is not None else Decimal(0)


def _unit(u: str) -> str:
    return "percentage_point" if "百分点" in u else "percent"


def find_percentages(text: str) -> list[Percentage]:
    """All percentages, percentage points and spoken fractions in ``text``.

    See :class:`Percentage` for the fields and the range rule, and the module
    docstring for what counts. ``一半`` is kept whether it is a share
    (``超过一半的受访者``, ``一半以上的``) or a change (``减少一半``): both
    are 50 with unit ``fraction``; the context tells them apart.

    >>> [(p.text, p.value, p.part) for p in find_percentages("流动率约为1.5%至3.9%。")]
    [('约为1.5%', 1.5, 'range_low'), ('3.9%', 3.9, 'range_high')]
    >>> find_percentages("处理时间从2-3周缩短到一天之内")
    []
    """
    out: list[Percentage] = []
    for m in _PATTERN.finditer(text):
        pre_q = _PREFIX_QUAL.get(m.group("qual") or "", "exact")
        suf_q = _SUFFIX_QUAL.get(m.group("suf") or "", None)
        if m.group("low") is not None:
            hi_unit = _unit(m.group("highunit"))
            lo_unit = _unit(m.group("lowunit")) if m.group("lowunit") else hi_unit
            if lo_unit != hi_unit:
                # "5%至3个百分点" is not a range: two single mentions
                lo_text_end = m.end("lowunit")
                out.append(_single(text, m.start(), lo_text_end, m.group("low"), lo_unit, pre_q))
                out.append(_single(text, m.start("high"), m.end(), m.group("high"), hi_unit, suf_q or "exact"))
                continue
            lo_end = m.end("lowunit") if m.group("lowunit") else m.end("low")
            qual = suf_q or pre_q  # a qualifier of a range applies to both ends
            out.append(
                Percentage(
                    m.start(), lo_end, text[m.start() : lo_end], float(_num(m.group("low"))), lo_unit, qual, "range_low"
                )
            )
            out.append(
                Percentage(
                    m.start("high"),
                    m.end(),
                    text[m.start("high") : m.end()],
                    float(_num(m.group("high"))),
                    hi_unit,
                    qual,
                    "range_high",
                )
            )
            continue
        qual = suf_q or pre_q
        if m.group("num") is not None:
            value, unit = _num(m.group("num")), _unit(m.group("unit"))
        elif m.group("pnum") is not None:
            value, unit = _num(m.group("pnum")), "percent"
        elif m.group("ppnum") is not None:
            value, unit = _num(m.group("ppnum")), "percentage_point"
        elif m.group("den") is not None:
            den, numer = _num(m.group("den")), _num(m.group("numer"))
            if den == 0:
                continue
            value, unit = numer * 100 / den, "fraction"
        else:
            value, unit = Decimal(50), "fraction"
            if m.group("half").startswith("过") and qual == "exact":
                qual = "over"
        out.append(Percentage(m.start(), m.end(), m.group(), float(value), unit, qual))
    return out


def _single(text: str, a: int, b: int, num: str, unit: str, qual: str) -> Percentage:
    return Percentage(a, b, text[a:b], float(_num(num)), unit, qual)
