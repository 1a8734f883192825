"""Monetary amounts in paragraph text (mentions stage).

Input is paragraph text from the layout stage: hard-wrapped lines joined,
furniture and glued footnote numbers removed. Output is a list of
:class:`Amount` with character offsets into that text.

An amount is a number immediately followed by a currency word from the
currency table (``data/reference/currencies.yaml``), optionally preceded by
a qualifier (``超过``, ``约``, ``高达`` …) and optionally followed by one
(``以上``, ``左右`` …). Because the pattern is built from the table, a number
followed by a currency word that is *not* in the table is never an amount;
:func:`unknown_currency_words` reports such words so the build can fail on
them (``find_amounts(..., strict=True)`` raises instead).

>>> cur = {"美元": "USD", "欧元": "EUR"}
>>> [(a.text, a.value, a.currency, a.qualifier)
...  for a in find_amounts("拨款超过8,000亿欧元，节省了数十亿美元。", cur)]
[('超过8,000亿欧元', 800000000000.0, 'EUR', 'over'), ('数十亿美元', None, 'USD', 'vague')]

The module also holds the shared number grammar (:func:`parse_number`,
:data:`AR_NUMBER`) that :mod:`trendlib.mentions.percent` reuses, and the
loaders for the two reference tables (:func:`load_currencies`,
:func:`load_rates`).
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..errors import CuratedDataError, CurrencyTableError, ExchangeRateError, UnknownCurrencyError
from ..textfile import decode_utf8

__all__ = [
    "AR_NUMBER",
    "QUALIFIER_PREFIXES",
    "QUALIFIER_SUFFIXES",
    "Amount",
    "CurrencyTableError",
    "ExchangeRateError",
    "UnknownCurrencyError",
    "find_amounts",
    "load_currencies",
    "load_currency_countries",
    "check_currency_rows",
    "complete_rate_years",
    "complete_years",
    "currency_countries",
    "currency_words",
    "load_rates",
    "parse_number",
    "unknown_currency_words",
]

# --------------------------------------------------------------------------
# Number grammar (shared with percent.py)
# --------------------------------------------------------------------------

#: Arabic number: ``1,274``, ``8,000``, ``2.5``, ``2000`` (ASCII or full-width
#: digits). A comma is a thousands separator only before exactly three digits.
AR_NUMBER = (
    r"(?:[0-9０-９]{1,3}(?:,[0-9０-９]{3})+(?![0-9０-９])|[0-9０-９]+)"
    r"(?:[.．][0-9０-９]+)?"
)
#: Chinese digit characters (零 and 〇 are zero, 两 is two).
CN_DIGITS = "零〇一二两三四五六七八九"
#: Chinese place/multiplier characters.
CN_UNITS = "十百千万亿"

_DIGIT_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")}
_DIGIT_VALUE.update({"〇": 0, "两": 2})
_UNIT_VALUE = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
_NUM_TOKEN = re.compile(AR_NUMBER + "|[" + CN_DIGITS + "]|[" + CN_UNITS + "]")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")


def parse_number(s: str) -> Decimal | None:
    """Exact value of a number written with Arabic/Chinese digits and multipliers.

    Characters other than digits, separators and ``十百千万亿`` are ignored, so
    ``20多亿`` parses as 2,000,000,000 (the caller records the ``多``).
    Returns ``None`` when ``s`` holds no digit and no multiplier.

    >>> parse_number("8,000亿")
    Decimal('800000000000')
    >>> parse_number("1亿2000万")
    Decimal('120000000')
    >>> parse_number("3万亿")
    Decimal('3000000000000')
    >>> parse_number("一百二十万")
    Decimal('1200000')
    >>> parse_number("两千万")
    Decimal('20000000')
    """
    tokens = _NUM_TOKEN.findall(s)
    if not tokens:
        return None
    total = Decimal(0)  # part already multiplied by 亿
    wan = Decimal(0)  # part already multiplied by 万 (below 亿)
    section = Decimal(0)  # part below 万
    current: Decimal | None = None
    for tok in tokens:
        if tok in _UNIT_VALUE:
            unit = _UNIT_VALUE[tok]
            if unit < 10_000:  # 十 百 千
                section += (current if current is not None else Decimal(1)) * unit
            elif unit == 10_000:  # 万
                base = section + (current or 0)
                wan = (wan + (base if base else Decimal(1))) * unit
                section = Decimal(0)
            else:  # 亿
                base = wan + section + (current or 0)
                total = (total + (base if base else Decimal(1))) * unit
                wan = section = Decimal(0)
            current = None
        elif tok in _DIGIT_VALUE:
            current = Decimal(_DIGIT_VALUE[tok])
        else:
            try:
                current = Decimal(tok.translate(_FULLWIDTH).replace(",", ""))
            except InvalidOperation:  # pragma: no cover - the regex guarantees a number
                return None
    return total + wan + section + (current or 0)


def _as_float(d: Decimal | None) -> float | None:
    if d is None:
        return None
    f = float(d)
    return f if math.isfinite(f) else None


# Building blocks of the amount pattern ------------------------------------

# Repetitions are bounded ({0,15}, {1,4}, {0,3}) so that a long run of numeral
# characters costs linear, not quadratic, time; real numbers are far shorter.
_MULT = "[" + CN_UNITS + "]"
_MULTS = _MULT + "{1,4}"  # 亿, 万亿, 千万
_CN_NUMBER = "[" + CN_DIGITS + "十][" + CN_DIGITS + CN_UNITS + "]{0,15}"  # 五亿, 十亿, 三千万
#: A number with optional multipliers, including the "odd" markers 多/余
#: (20多亿, 1亿多, 100余万, 十多亿). A bare multiplier (百万, 亿) is not a number.
_CORE = (
    rf"(?:{AR_NUMBER}(?:[多余]?{_MULTS}(?:{AR_NUMBER}{_MULTS}){{0,3}})?"
    rf"|{_CN_NUMBER}(?:[多余]{_MULTS})?)[多余]?"
)
#: Vague quantities: 数十亿, 数百万, 几十亿, 十几亿, 数亿, 若干亿.
_VAGUE = rf"(?:(?:数|几|若干|[{CN_DIGITS}]?十几)[十百千]?{_MULT}{{0,4}}|几十{_MULT}{{0,4}})"
#: Qualifier words before a number, as regex alternatives. Lookbehinds keep
#: words that merely contain the character out: 节约/制约/预约/公约 are not
#: "about", 最近/附近/临近 are not "nearly", 赶超 is not "over".
QUALIFIER_PREFIXES: dict[str, list[str]] = {
    "over": ["超过", "多于", "高于", "大于", "不少于", "不低于", "至少", "逾", "(?<![赶高])超"],
    "about": [
        "大约",
        "约合",
        "将近",
        "接近",
        "大概",
        "(?<![节制预签条契合公邀履违特婚简])约",
        "(?<![最附临靠邻就亲远])近",
    ],
    "up_to": ["最高可达", "不超过", "高达", "多达", "最多", "至多", "最高", "不到", "不足", "少于", "低于"],
}
#: Qualifier words after the quantity.
QUALIFIER_SUFFIXES: dict[str, str] = {
    "以上": "over",
    "之多": "over",
    "左右": "about",
    "上下": "about",
    "以下": "up_to",
    "以内": "up_to",
}
_OVER_PREFIX = QUALIFIER_PREFIXES["over"] + ["上(?=[十百千万亿])"]
_ABOUT_PREFIX = QUALIFIER_PREFIXES["about"]
_UPTO_PREFIX = QUALIFIER_PREFIXES["up_to"]
_PREFIX_QUAL = {}
for _q, _words in (("over", _OVER_PREFIX), ("about", _ABOUT_PREFIX), ("up_to", _UPTO_PREFIX)):
    for _w in _words:
        _PREFIX_QUAL[re.sub(r"\(\?.*?\)", "", _w)] = _q
_SUFFIX_QUAL = QUALIFIER_SUFFIXES
#: Words allowed between a prefix qualifier and the number: 最多可提供77万美元, 约为60万美元.
_CONNECTOR = r"(?:可以|可)?(?:提供|达到|达|为)?"
_RANGE_SEP = r"\s*(?:-|–|—|~|～|至|到)\s*"
_LIST_SEP = r"(?:、|和|及|与|或|以及)"
_RANGE_SEP_RE = re.compile(_RANGE_SEP)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_PREFIX_RE = _alternation(_OVER_PREFIX + _ABOUT_PREFIX + _UPTO_PREFIX)
_SUFFIX_RE = _alternation(_SUFFIX_QUAL)


@dataclass(frozen=True)
class Amount:
    """A monetary amount found in a text.

    ``start``/``end`` are offsets into the searched text and
    ``text[start:end] == amount.text``. ``text`` is verbatim and includes the
    qualifier words and the currency word (``超过8,000亿欧元``), except for
    the leading items of a list that share one currency word (see below).

    ``value`` is in base units of ``currency`` (``8,000亿`` → 800000000000.0),
    or ``None`` when the quantity is vague (``数十亿美元``).

    ``qualifier`` is one of

    * ``exact`` – a plain figure (``520亿美元``);
    * ``over`` – 超过, 逾, 超, 至少, 不少于, 上百万, 以上, and the "odd"
      markers 多/余 (``20多亿``); ``value`` is the stated floor;
    * ``about`` – 约, 大约, 近, 将近, 接近, 左右, 上下;
    * ``up_to`` – 高达, 多达, 最多, 至多, 最高, 不超过, and also "less than"
      (不到, 不足, 少于, 低于, 以下, 以内); ``value`` is the stated ceiling;
    * ``vague`` – 数十亿, 数百万, 几十万, 十几亿; ``value`` is ``None``;
    * ``range`` – ``2-3亿美元``, ``10亿至20亿美元``, ``1,000万至2,000万美元``:
      one Amount for the whole range, ``value`` is the LOW end and ``high``
      the high end (a low end without its own multiplier borrows the high
      end's: ``2-3亿`` → 2e8..3e8). A qualifier before a range is kept in
      ``text`` but ``qualifier`` stays ``range``.

    ``high`` is ``None`` except for ranges.

    ``shared_currency`` is ``True`` for the leading items of a list that
    states the currency once (``1亿、2亿和3亿美元``): each item is its own
    Amount whose ``text`` is just the item (``1亿``) and whose currency is
    the one printed after the last item.
    """

    start: int
    end: int
    text: str
    value: float | None
    currency: str
    qualifier: str
    high: float | None = None
    shared_currency: bool = False


# --------------------------------------------------------------------------
# Finding amounts
# --------------------------------------------------------------------------

_PATTERN_CACHE: dict[tuple[str, ...], tuple[re.Pattern[str], re.Pattern[str]]] = {}


def _patterns(currencies: Mapping[str, str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    key = tuple(sorted(currencies))
    if key not in _PATTERN_CACHE:
        cur = _alternation(re.escape(name) for name in currencies)
        amount = re.compile(
            rf"""
            (?<![0-9０-９.,．])                        # never start inside a number
            (?<!单位：)(?<!单位:)                       # "（单位：百万美元）" is a unit, not an amount
            (?P<pre>(?P<qual>{_PREFIX_RE}){_CONNECTOR})?
            (?:(?P<low>{_CORE}){_RANGE_SEP})?
            (?P<num>{_CORE}|{_VAGUE}|(?<=上){_MULTS})
            (?P<cur>{cur})
            (?P<suf>{_SUFFIX_RE})?
            """,
            re.VERBOSE,
        )
        # one leading list item, anchored at the end of the searched slice
        item = re.compile(
            rf"(?<![0-9０-９.,．])(?P<num>(?:{AR_NUMBER}[多余]?{_MULTS}"
            rf"|[{CN_DIGITS}十][{CN_DIGITS}{CN_UNITS}]{{0,15}}[千万亿])"
            rf"[多余]?)(?P<sep>{_LIST_SEP})\Z"
        )
        _PATTERN_CACHE[key] = (amount, item)
    return _PATTERN_CACHE[key]


def _odd(number_text: str) -> bool:
    return "多" in number_text or "余" in number_text


def _is_vague(number_text: str) -> bool:
    return any(ch in number_text for ch in "数几若")


def _value_of(m: re.Match) -> tuple[float | None, str, float | None]:
    """The value, qualifier and high end of one match of the amount pattern (see :class:`Amount`)."""
    num = m.group("num")
    qual = _PREFIX_QUAL.get(m.group("qual") or "", "exact")
    if m.group("suf"):
        qual = _SUFFIX_QUAL[m.group("suf")]
    if m.group("low") is not None:
        high_d = None if _is_vague(num) else parse_number(num)
        low_d = parse_number(m.group("low"))
        if low_d is not None and high_d is not None and not any(ch in m.group("low") for ch in CN_UNITS):
            trailing = re.search(f"{_MULTS}(?=[多余]?$)", num)
            if trailing:  # 2-3亿: the low end borrows 亿
                low_d *= parse_number(trailing.group()) or 1
        return _as_float(low_d), "range", _as_float(high_d)
    if _is_vague(num):
        return None, "vague", None
    value = _as_float(parse_number(num))
    if _odd(num) and qual == "exact":
        qual = "over"
    return value, qual, None


def find_amounts(text: str, currencies: Mapping[str, str], *, strict: bool = False) -> list[Amount]:
    """All monetary amounts in ``text``, in order of position.

    ``currencies`` maps each printed currency word to its ISO 4217 code
    (see :func:`load_currencies`). Only numbers immediately followed by one
    of those words are amounts, so counts of people, cases, days or
    kilometres, percentages, years, ``5G`` and page numbers never are.
    See :class:`Amount` for the meaning of ``value``, ``qualifier``,
    ``high`` and ``shared_currency``.

    With ``strict=True``, raise :class:`UnknownCurrencyError` if the text
    holds a currency-looking word that is not in the table (see
    :func:`unknown_currency_words`).

    >>> cur = {"美元": "USD", "英镑": "GBP"}
    >>> [(a.text, a.value, a.qualifier, a.high)
    ...  for a in find_amounts("处理时间从2-3周缩短，投资2-3亿美元。", cur)]
    [('2-3亿美元', 200000000.0, 'range', 300000000.0)]
    >>> [a.text for a in find_amounts("平均积压1,274起案件，卫星和5G", cur)]
    []
    """
    if strict:
        unknown = unknown_currency_words(text, currencies)
        if unknown:
            pos, word = unknown[0]
            raise UnknownCurrencyError(f"currency word {word!r} at offset {pos} is not in the currency table")
    if not currencies:
        return []
    amount_re, item_re = _patterns(currencies)
    found: list[Amount] = []
    last_end = 0
    for m in amount_re.finditer(text):
        code = currencies[m.group("cur")]
        value, qual, high = _value_of(m)
        # a full amount right before this one, joined by a range separator:
        # "10亿美元至20亿美元" is one range
        prev = found[-1] if found else None
        if (
            prev is not None
            and m.group("pre") is None
            and m.group("low") is None
            and prev.currency == code
            and prev.qualifier in ("exact", "over", "about", "up_to")
            and not prev.shared_currency
            and qual == "exact"
            and _RANGE_SEP_RE.fullmatch(text, prev.end, m.start())
        ):
            found[-1] = Amount(
                start=prev.start,
                end=m.end(),
                text=text[prev.start : m.end()],
                value=prev.value,
                currency=code,
                qualifier="range",
                high=value,
            )
            last_end = m.end()
            continue
        # leading items of a list sharing this currency word: 1亿、2亿和3亿美元
        items: list[Amount] = []
        if m.group("pre") is None and m.group("low") is None:
            pos = m.start()
            while True:
                im = item_re.search(text, max(last_end, pos - 40), pos)
                if im is None:
                    break
                inum = im.group("num")
                items.append(
                    Amount(
                        start=im.start("num"),
                        end=im.end("num"),
                        text=inum,
                        value=_as_float(parse_number(inum)),
                        currency=code,
                        qualifier="over" if _odd(inum) else "exact",
                        shared_currency=True,
                    )
                )
                pos = im.start("num")
            items.reverse()
        found.extend(items)
        found.append(
            Amount(
                start=m.start(),
                end=m.end(),
                text=m.group(),
                value=value,
                currency=code,
                qualifier=qual,
                high=high,
            )
        )
        last_end = m.end()
    return found


# --------------------------------------------------------------------------
# Currency-looking words that are not in the table
# --------------------------------------------------------------------------

#: Endings that make a word after a number look like a currency.
_CURRENCY_ENDINGS = (
    "元",
    "镑",
    "克朗",
    "法郎",
    "卢比",
    "卢布",
    "比索",
    "里拉",
    "兰特",
    "令吉",
    "林吉特",
    "第纳尔",
    "雷亚尔",
    "迪拉姆",
    "先令",
    "泰铢",
    "日圆",
    "盾",
)
#: 元-words that are not currencies: 元素, 元数据, 元宇宙, 元年, 元旦, 元首 …
_NOT_CURRENCY_AFTER_YUAN = "素数宇年旦首老件音气月宵帅凶代朝化组论"
#: Measure words: a number followed by one of these is a count, not money.
_MEASURE = "个名位项家次年天月周条件起台辆人所座种批份张层期届单"
_SUSPECT = re.compile(
    rf"(?<![0-9０-９.,．])(?:{AR_NUMBER}|[{CN_DIGITS}十])[{CN_DIGITS}{CN_UNITS}多余]{{0,15}}"
    rf"(?P<word>(?![{_MEASURE}])[\u4e00-\u9fff]{{0,4}}?"
    rf"(?:{'|'.join(_CURRENCY_ENDINGS)})(?![{_NOT_CURRENCY_AFTER_YUAN}]))"
    r"|(?P<sym>(?:[A-Z]{1,3})?[$€£¥₹])\s*[0-9０-９]"
    r"|[0-9０-９]\s*(?P<iso>USD|EUR|GBP|AUD|CAD|SGD|NZD|HKD|JPY|CNY|RMB|DKK|SEK|NOK|CHF|INR)\b"
)


def unknown_currency_words(text: str, currencies: Mapping[str, str]) -> list[tuple[int, str]]:
    """Currency-looking words after numbers that are not in the table.

    Returns ``(offset, word)`` pairs, in order. A "currency-looking word" is
    a run of up to four CJK characters right after a number (not starting
    with a measure word such as 个/名/起/天) that ends in 元, 镑, 克朗, 法郎,
    卢比 …; or a currency symbol before a number (``$5``, ``US$5``, ``€5``);
    or an ISO code after a number (``5 USD``). An empty list means every
    amount in the text uses a word the table knows; the build should treat a
    non-empty list as an error (``find_amounts(..., strict=True)`` raises).

    This is a heuristic net, tuned on the report: it catches ``100元`` (a bare
    yuan), ``50亿日元``, ``300万新西兰元`` and ``$5``, and ignores 多元化,
    元素, 元数据 and ``3个单元``.

    >>> unknown_currency_words("投入300万新西兰元和200万美元", {"美元": "USD"})
    [(6, '新西兰元')]
    """
    out: list[tuple[int, str]] = []
    for m in _SUSPECT.finditer(text):
        for group in ("word", "sym", "iso"):
            word = m.group(group)
            if word is not None:
                break
        if word not in currencies:
            out.append((m.start(group), word))
    return out


# --------------------------------------------------------------------------
# Reference tables
# --------------------------------------------------------------------------

_ISO3 = re.compile(r"[A-Z]{3}")


def _read_currency_rows(path: str | Path) -> list[dict]:
    """The rows of ``currencies.yaml``: shape checked by its JSON Schema (:mod:`trendlib.curated.files`)."""
    from ..curated.files import load_yaml

    path = Path(path)
    try:
        return check_currency_rows(load_yaml(path), path)
    except CuratedDataError as err:
        if isinstance(err, CurrencyTableError):
            raise
        raise CurrencyTableError(str(err)) from None


def check_currency_rows(rows: list[dict], path: str | Path = "currencies.yaml") -> list[dict]:
    """``rows`` of the currency table, checked: codes and printed names unique across rows."""
    seen_names: dict[str, str] = {}
    seen_codes: set[str] = set()
    for i, row in enumerate(rows, 1):
        where = f"{path}: row {i} ({row['code']})"
        if row["code"] in seen_codes:
            raise CurrencyTableError(f"{where}: duplicate code {row['code']}; merge the two rows")
        seen_codes.add(row["code"])
        for n in row["names_zh"]:
            if n in seen_names:
                raise CurrencyTableError(
                    f"{where}: name {n!r} already used by {seen_names[n]}; a printed name "
                    "belongs to one currency: remove it from one of the rows"
                )
            seen_names[n] = row["code"]
    return rows


def currency_words(rows: list[dict]) -> dict[str, str]:
    """Printed currency word → ISO 4217 code, from the rows of ``currencies.yaml``."""
    return {n: row["code"] for row in check_currency_rows(rows) for n in row["names_zh"]}


def currency_countries(rows: list[dict]) -> dict[str, tuple[str, ...]]:
    """ISO 4217 code → the jurisdictions using it (EUU for the EU), from the rows of ``currencies.yaml``."""
    return {row["code"]: tuple(row["countries"]) for row in rows}


def load_currencies(path: str | Path) -> dict[str, str]:
    """Printed currency word → ISO 4217 code, from ``currencies.yaml``.

    Raises :class:`CurrencyTableError` naming the file and the row (1-based,
    with its code) on a malformed row, a duplicate code or a printed name
    used twice.
    """
    return {n: row["code"] for row in _read_currency_rows(path) for n in row["names_zh"]}


def load_currency_countries(path: str | Path) -> dict[str, tuple[str, ...]]:
    """ISO 4217 code → ISO 3166-1 alpha-3 jurisdictions using it (EUU for the EU).

    Used to flag an amount whose printed currency does not belong to the
    jurisdiction of its case.
    """
    return {row["code"]: tuple(row["countries"]) for row in _read_currency_rows(path)}


#: A plausible exchange rate, in US dollars per unit: the dearest currency today is worth a few dollars.
MAX_RATE = 1e4


def read_rates(path: str | Path) -> dict[tuple[str, int], float]:
    """(currency, year) → US dollars per unit, every row of ``exchange_rates.csv`` checked
    (:func:`read_rate_rows`)."""
    return {(r["currency"], r["year"]): r["usd_per_unit"] for r in read_rate_rows(path)}


def read_rate_rows(path: str | Path) -> list[dict]:
    """Every row of ``exchange_rates.csv`` (currency, year, usd_per_unit, source), checked.

    The CSV has columns ``currency, year, usd_per_unit, source`` and is UTF-8
    (a byte-order mark, as Excel writes, is fine). Malformed rows (bad code,
    year or rate, a rate that is not a positive, plausible number, a missing
    source, a duplicate currency-year) raise :class:`ExchangeRateError` with the
    file and line number; another encoding names the encoding it looks like.
    """
    path = Path(path)
    if not path.is_file():
        raise ExchangeRateError(
            f"{path}: missing curated file; restore it from the project (git restore, or copy it from data/reference/)"
        )
    text = decode_utf8(path.read_bytes(), path, ExchangeRateError)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    need = {"currency", "year", "usd_per_unit", "source"}
    if reader.fieldnames is None or not need <= set(reader.fieldnames):
        raise ExchangeRateError(
            f"{path}: header must contain {', '.join(sorted(need))}, got {', '.join(reader.fieldnames or [])}"
        )
    rates: dict[tuple[str, int], dict] = {}
    for row in reader:
        where = f"{path}: line {reader.line_num}"
        code = (row["currency"] or "").strip()
        if not _ISO3.fullmatch(code):
            raise ExchangeRateError(
                f"{where}: bad currency code {row['currency']!r}; give its ISO 4217 code (three capital letters)"
            )
        try:
            yr = int(row["year"])
            rate = float(row["usd_per_unit"])
        except (TypeError, ValueError) as exc:
            raise ExchangeRateError(
                f"{where}: bad year or rate ({exc}); give the year as a whole number and the rate as a number"
            ) from None
        if not math.isfinite(rate) or not 0 < rate <= MAX_RATE:
            raise ExchangeRateError(
                f"{where}: the rate of {code} in {yr} must be a positive number of US dollars "
                f"per unit, at most {MAX_RATE:g}; got {row['usd_per_unit']}"
            )
        if not (row["source"] or "").strip():
            raise ExchangeRateError(f"{where}: {code} {yr} has no source; name where the rate comes from")
        if (code, yr) in rates:
            raise ExchangeRateError(f"{where}: duplicate rate for {code} {yr}; keep one")
        rates[(code, yr)] = {"currency": code, "year": yr, "usd_per_unit": rate, "source": row["source"].strip()}
    return [rates[k] for k in sorted(rates)]


def load_rates(path: str | Path, year: int, currencies: Iterable[str] | None = None) -> dict[str, float]:
    """US dollars per unit of each currency in ``year``, from ``exchange_rates.csv`` (:func:`read_rates`).

    Every currency that appears anywhere in the file — or, if ``currencies`` is
    given, every code in it — must have a rate for ``year``; otherwise
    :class:`ExchangeRateError` names the file, the currency and the year.
    """
    rates = read_rates(path)
    wanted = sorted(set(currencies) if currencies is not None else {c for c, _ in rates})
    out: dict[str, float] = {}
    for code in wanted:
        if (code, year) not in rates:
            raise ExchangeRateError(
                f"{path}: no rate for currency {code} in year {year}; add the rate, with its "
                "source, or build at another --rate-year"
            )
        out[code] = rates[(code, year)]
    return out


def complete_rate_years(path: str | Path) -> list[int]:
    """The years of ``exchange_rates.csv`` that have a rate for every currency in it (:func:`complete_years`).

    >>> complete_rate_years(Path(__file__).resolve().parents[3] / "data" / "reference" / "exchange_rates.csv")
    [2021, 2022, 2023]
    """
    return complete_years(read_rates(path))


def complete_years(pairs: Iterable[tuple[str, int]]) -> list[int]:
    """The years that have a rate for every currency, given the (currency, year) pairs that have one.

    >>> complete_years([("EUR", 2021), ("GBP", 2021), ("EUR", 2022)])
    [2021]
    """
    pairs = {(str(c), int(y)) for c, y in pairs}
    codes = {c for c, _ in pairs}
    years = {y for _, y in pairs}
    return sorted(y for y in years if all((c, y) in pairs for c in codes))
