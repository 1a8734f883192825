"""Tests for trendlib.mentions.money and trendlib.mentions.context.

Sentences marked REPORT are copied from data/raw/government-trends-2023-zh.txt
and joined as the layout stage does (hard-wrapped lines joined without a space,
glued footnote numbers removed); the raw line is given in a comment. Sentences
marked SYNTHETIC cover rules the report has no example of (ranges, lists,
Chinese numerals).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from trendlib.mentions.context import clause_around
from trendlib.mentions.money import (
    Amount,
    CurrencyTableError,
    ExchangeRateError,
    UnknownCurrencyError,
    find_amounts,
    load_currencies,
    load_currency_countries,
    load_rates,
    parse_number,
    unknown_currency_words,
)

ROOT = Path(__file__).resolve().parents[1]
CURRENCY_FILE = ROOT / "data" / "reference" / "currencies.yaml"
RATES_FILE = ROOT / "data" / "reference" / "exchange_rates.csv"


@pytest.fixture(scope="module")
def cur() -> dict[str, str]:
    return load_currencies(CURRENCY_FILE)


def found(text: str, cur: dict[str, str]) -> list[tuple]:
    """(text, value, currency, qualifier) of every amount, checking offsets."""
    out = []
    for a in find_amounts(text, cur):
        assert text[a.start : a.end] == a.text
        out.append((a.text, a.value, a.currency, a.qualifier))
    return out


# --------------------------------------------------------------------------
# the currency table
# --------------------------------------------------------------------------


def test_currency_table_holds_exactly_the_words_printed_in_the_report(cur):
    assert cur == {
        "美元": "USD",
        "欧元": "EUR",
        "英镑": "GBP",
        "加元": "CAD",
        "澳元": "AUD",
        "新加坡元": "SGD",
    }


def test_currency_countries(cur):
    countries = load_currency_countries(CURRENCY_FILE)
    assert set(countries) == set(cur.values())
    assert {"EUU", "FRA", "DEU", "NLD"} <= set(countries["EUR"])
    assert countries["AUD"][0] == "AUS"
    assert "AUS" not in countries["EUR"]


def _write(tmp_path: Path, text: str) -> Path:
    """A currency file with ``text`` as its rows (a list in YAML), and the about and review every
    curated file has."""
    p = tmp_path / "currencies.yaml"
    rows = "".join("  " + line + "\n" for line in text.splitlines())
    p.write_text(
        'about: a test table\nreview: {status: draft, coders: [curator], date: "2026-12-01"}\nrows:\n' + rows,
        encoding="utf-8",
    )
    return p


GOOD_ROW = "- code: USD\n  names_zh: [美元]\n  name_en: US dollar\n  countries: [USA]\n"
SCHEMA = "see the file's `about`"


@pytest.mark.parametrize(
    ("second_row", "message", "fix"),
    [
        (
            "- code: EUR\n  names_zh: [美元]\n  name_en: euro\n  countries: [EUU]\n",
            "name '美元' already used by USD",
            "remove it from one of the rows",
        ),
        ("- code: EUR\n  names_zh: [欧元]\n  countries: [EUU]\n", "missing 'name_en' (a required property)", SCHEMA),
        (
            "- code: eur\n  names_zh: [欧元]\n  name_en: euro\n  countries: [EUU]\n",
            "field code: 'eur' does not match",
            SCHEMA,
        ),
        ("- code: EUR\n  names_zh: 欧元\n  name_en: euro\n  countries: [EUU]\n", "field names_zh", SCHEMA),
        (
            "- code: EUR\n  names_zh: [欧元]\n  name_en: euro\n  countries: [EU]\n",
            "field countries.0: 'EU' does not match",
            SCHEMA,
        ),
        (
            "- code: EUR\n  names_zh: [欧元]\n  name_en: euro\n  countries: [EUR]\n",
            "field countries: 'EUR' is not an ISO 3166-1 alpha-3 code",
            "did you mean",
        ),
        (
            "- code: USD\n  names_zh: [美金]\n  name_en: dollar\n  countries: [USA]\n",
            "duplicate code 'USD' (first in row 1)",
            "merge the two rows",
        ),
        ("- just a string\n", "is not of type 'object'", SCHEMA),
    ],
)
def test_load_currencies_names_file_row_and_fix(tmp_path, second_row, message, fix):
    path = _write(tmp_path, GOOD_ROW + second_row)
    with pytest.raises(CurrencyTableError) as err:
        load_currencies(path)
    assert type(err.value) is CurrencyTableError
    for part in (str(path), "row 2", message, fix):
        assert part in str(err.value)


def test_load_currencies_rejects_non_list(tmp_path):
    with pytest.raises(CurrencyTableError, match="field rows: dict is not of type .array."):
        load_currencies(_write(tmp_path, "code: USD"))


# --------------------------------------------------------------------------
# exchange rates
# --------------------------------------------------------------------------


@pytest.mark.parametrize("year", [2021, 2022, 2023])
def test_every_currency_has_a_rate_for_every_year(cur, year):
    rates = load_rates(RATES_FILE, year, currencies=set(cur.values()))
    assert rates["USD"] == 1.0
    assert set(rates) == set(cur.values())
    assert all(0.5 < r < 1.5 for r in rates.values())


def test_rates_match_the_published_federal_reserve_figures():
    r2023 = load_rates(RATES_FILE, 2023)
    assert r2023["EUR"] == 1.0817  # published as USD per euro
    assert r2023["CAD"] == pytest.approx(1 / 1.3494, abs=1e-6)  # published as CAD per USD
    with RATES_FILE.open(encoding="utf-8", newline="") as fh:
        sources = {row["source"] for row in csv.DictReader(fh)}
    assert all("federalreserve.gov/releases/g5a/20240201" in s for s in sources)


def test_load_rates_names_file_currency_and_year(tmp_path):
    with pytest.raises(ExchangeRateError) as err:
        load_rates(RATES_FILE, 2019)
    assert str(RATES_FILE) in str(err.value)
    assert "2019" in str(err.value)
    assert "AUD" in str(err.value)

    p = tmp_path / "rates.csv"
    p.write_text(
        "currency,year,usd_per_unit,source\nUSD,2023,1.0,x\nGBP,2022,1.2371,x\n",
        encoding="utf-8",
    )
    with pytest.raises(ExchangeRateError, match=r"currency GBP in year 2023"):
        load_rates(p, 2023)
    with pytest.raises(ExchangeRateError, match=r"currency NZD in year 2022"):
        load_rates(p, 2022, currencies=["NZD"])


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("usd,2023,1.0,x", "bad currency code"),
        ("USD,twenty,1.0,x", "bad year or rate"),
        ("USD,2023,-1,x", "positive"),
        ("USD,2023,1.0,", "no source"),
    ],
)
def test_load_rates_rejects_malformed_rows(tmp_path, row, message):
    p = tmp_path / "rates.csv"
    p.write_text("currency,year,usd_per_unit,source\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ExchangeRateError, match=message) as err:
        load_rates(p, 2023)
    assert "line 2" in str(err.value)


# --------------------------------------------------------------------------
# number grammar
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("s", "value"),
    [
        ("1,274", 1274),
        ("2.5", 2.5),
        ("8,000亿", 800_000_000_000),
        ("1.75亿", 175_000_000),
        ("1.396亿", 139_600_000),
        ("3,276亿", 327_600_000_000),
        ("77万", 770_000),
        ("2000万", 20_000_000),
        ("3千万", 30_000_000),
        ("1亿2000万", 120_000_000),
        ("3万亿", 3_000_000_000_000),
        ("五亿", 500_000_000),
        ("三千万", 30_000_000),
        ("两千万", 20_000_000),
        ("十亿", 1_000_000_000),
        ("一百二十万", 1_200_000),
        ("五千亿", 500_000_000_000),
        ("百万", 1_000_000),
        ("２．５万", 25_000),
    ],
)
def test_parse_number(s, value):
    assert float(parse_number(s)) == value


# --------------------------------------------------------------------------
# amounts in real sentences of the report
# --------------------------------------------------------------------------


def test_qualifier_up_to_and_exact(cur):
    # REPORT lines 333-337 (trend 0, introduction)
    t = (
        "例如，为了建立可靠的半导体供应，欧盟和美国均通过了相关立法，其中欧盟的《芯片法案》"
        "规模高达430亿美元，美国的《芯片和科学法案》规模更是达到520亿美元，尤其值得关注。"
    )
    assert found(t, cur) == [
        ("高达430亿美元", 43_000_000_000.0, "USD", "up_to"),
        ("520亿美元", 52_000_000_000.0, "USD", "exact"),
    ]


def test_qualifier_over_with_thousands_separator(cur):
    # REPORT lines 1557-1561 (trend 3, NGEU)
    t = (
        "该计划专注于数字化、创新和可持续性，旨在通过向成员国政府部门、区域政府、地方政府和"
        "国有企业拨款超过8,000亿欧元，拉动后疫情时代的经济复苏"
    )
    assert found(t, cur) == [("超过8,000亿欧元", 800_000_000_000.0, "EUR", "over")]


def test_over_with_yu_and_singapore_dollar_not_read_as_canadian(cur):
    # REPORT lines 1601-1603 and infographic line 1627 (trend 3)
    t = "加拿大“反对枪支和帮派暴力行动倡议”向各省和领地拨付超过3亿加元，用于打击社区暴力活动。"
    assert found(t, cur) == [("超过3亿加元", 300_000_000.0, "CAD", "over")]
    assert found("逾7,000万新加坡元 75亿澳元", cur) == [
        ("逾7,000万新加坡元", 70_000_000.0, "SGD", "over"),
        ("75亿澳元", 7_500_000_000.0, "AUD", "exact"),
    ]


def test_decimal_with_multiplier(cur):
    # REPORT lines 1732-1734 (trend 3, US Technology Modernization Fund)
    t = "2021年，该基金从美国救助计划额外获得10亿美元，从年度预算中获得1.75亿美元，将继续为现代化项目提供资金支持。"
    assert found(t, cur) == [
        ("10亿美元", 1_000_000_000.0, "USD", "exact"),
        ("1.75亿美元", 175_000_000.0, "USD", "exact"),
    ]


def test_glued_footnote_removed_sentence(cur):
    # REPORT lines 1695-1697, footnotes 12 and 13 removed as the layout stage does
    t = "2022年，休斯敦哈里斯县和无家可归者联盟共收到4,500万美元联邦资金，并分配了1亿美元用于新冠救济。"
    assert found(t, cur) == [
        ("4,500万美元", 45_000_000.0, "USD", "exact"),
        ("1亿美元", 100_000_000.0, "USD", "exact"),
    ]


def test_vague_amount(cur):
    # REPORT lines 3316-3320 (trend 6)
    t = (
        "在美国，一项由管理和预算办公室牵头的工作，将获得许可证所需的平均时间从4.5年减少至"
        "2.5年，减少了45%，节省了数十亿美元。"
    )
    assert found(t, cur) == [("数十亿美元", None, "USD", "vague")]


def test_about_and_up_to_with_connector_words(cur):
    # REPORT lines 3216-3220 (trend 6, Swedish Energy Agency)
    t = (
        "瑞典能源署为250家初创企业提供了约1亿美元的资助。根据从概念开发到可行试验的不同发展"
        "阶段，瑞典能源署最多可提供77万美元的资助。"
    )
    assert found(t, cur) == [
        ("约1亿美元", 100_000_000.0, "USD", "about"),
        ("最多可提供77万美元", 770_000.0, "USD", "up_to"),
    ]


def test_jieyue_is_not_about(cur):
    # REPORT lines 2261-2263 and 2658-2660: 约 is "about", 节约 is "save"
    t1 = "每年为政府节省约2000万英镑的遗存福利金"
    t2 = "该程序不仅能够为公民节省精力，每年还可以为英国政府节约2,000万英镑支出。"
    assert found(t1, cur) == [("约2000万英镑", 20_000_000.0, "GBP", "about")]
    assert found(t2, cur) == [("2,000万英镑", 20_000_000.0, "GBP", "exact")]
    # REPORT lines 4236-4240 (trend 8)
    t3 = "该项目每年的成本约为60万美元，但通过减少监狱成本为社区节约300万美元。"
    assert found(t3, cur) == [
        ("约为60万美元", 600_000.0, "USD", "about"),
        ("300万美元", 3_000_000.0, "USD", "exact"),
    ]


def test_counts_next_to_amounts_are_not_money(cur):
    # REPORT lines 1746-1750 (trend 3): 140多个项目, 3,000个工作日 are counts
    t = (
        "到目前为止，该基金已为140多个项目拨款22亿澳元，为客户节省了超过3,000个工作日的时间，"
        "并产生了23亿澳元的经济回报。"
    )
    assert found(t, cur) == [
        ("22亿澳元", 2_200_000_000.0, "AUD", "exact"),
        ("23亿澳元", 2_300_000_000.0, "AUD", "exact"),
    ]


def test_year_range_before_amount(cur):
    # REPORT lines 3322-3324 (trend 6): 2022-23年 is a fiscal year, not a range
    t = "澳大利亚2022-23年预算拨款1.396亿澳元，用于推进环境法改革。其中包括1000万澳元的单点触控系统"
    assert found(t, cur) == [
        ("1.396亿澳元", 139_600_000.0, "AUD", "exact"),
        ("1000万澳元", 10_000_000.0, "AUD", "exact"),
    ]


@pytest.mark.parametrize(
    "t",
    [
        # REPORT line 2593: 2-3周 is a duration
        "通过此项创新，资助申请的处理时间从2-3周缩短到一天之内",
        # REPORT line 4132: 1,274起案件 is a count
        "2021年的一份报告显示，美国每个州和地方法院平均积压1,274起案件。",
        # REPORT line 2220: 5G, and 5000多颗卫星
        "2021年3月，5000多颗卫星处于近地轨道；预计这一数字将呈指数级增长。卫星和5G可以使农村和山区的高速连接更加可行。",
        # REPORT line 2548: a chart unit, not an amount
        "API集成支出（单位：百万美元） 云原生应用支出（单位：百万美元）84%受访者",
        # REPORT line 1701: people and a percentage
        "该项目已经将休斯敦地区的无家可归者减少了63%，超过25,000人搬入了固定住所。",
        # REPORT line 3846: 100万名护士 is a count
        "2023年，仅美国就可能面临高达100万名护士的缺口。",
        # REPORT line 1631: a currency word with no number
        "备注：新加坡元金额代表年度经营预算。",
    ],
)
def test_traps_are_not_money(cur, t):
    assert find_amounts(t, cur) == []


def test_infographic_amounts_side_by_side(cur):
    # REPORT lines 1605 and 4248-4256: figures printed next to each other
    assert found("26亿英镑 3,276亿加元", cur) == [
        ("26亿英镑", 2_600_000_000.0, "GBP", "exact"),
        ("3,276亿加元", 327_600_000_000.0, "CAD", "exact"),
    ]
    assert [a.text for a in find_amounts("成本节约60万美元300万美元", cur)] == [
        "60万美元",
        "300万美元",
    ]


# --------------------------------------------------------------------------
# rules the report has no example of
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("t", "text", "low", "high"),
    [
        ("投资2-3亿美元", "2-3亿美元", 200_000_000, 300_000_000),
        ("投资10亿至20亿美元", "10亿至20亿美元", 1_000_000_000, 2_000_000_000),
        ("每年1,000万至2,000万美元", "1,000万至2,000万美元", 10_000_000, 20_000_000),
        ("拨款10亿美元至20亿美元", "10亿美元至20亿美元", 1_000_000_000, 2_000_000_000),
        ("约1.5-2万亿欧元", "约1.5-2万亿欧元", 1.5e12, 2e12),
    ],
)
def test_ranges_synthetic(cur, t, text, low, high):
    (a,) = find_amounts(t, cur)
    assert (a.text, a.value, a.high, a.qualifier) == (text, low, high, "range")
    assert t[a.start : a.end] == a.text


def test_range_needs_same_currency_synthetic(cur):
    t = "10亿美元至20亿欧元"
    assert [(a.text, a.qualifier) for a in find_amounts(t, cur)] == [
        ("10亿美元", "exact"),
        ("20亿欧元", "exact"),
    ]


def test_list_sharing_one_currency_word_synthetic(cur):
    t = "三个项目分别获得1亿、2.5亿和3亿英镑"
    amounts = find_amounts(t, cur)
    assert [(a.text, a.value, a.currency, a.shared_currency) for a in amounts] == [
        ("1亿", 100_000_000.0, "GBP", True),
        ("2.5亿", 250_000_000.0, "GBP", True),
        ("3亿英镑", 300_000_000.0, "GBP", False),
    ]
    assert all(t[a.start : a.end] == a.text for a in amounts)


@pytest.mark.parametrize(
    ("t", "expected"),
    [
        ("拨款五亿美元", ("五亿美元", 500_000_000.0, "USD", "exact")),
        ("投入三千万英镑", ("三千万英镑", 30_000_000.0, "GBP", "exact")),
        ("耗资十亿欧元", ("十亿欧元", 1_000_000_000.0, "EUR", "exact")),
        ("节省了数百万美元", ("数百万美元", None, "USD", "vague")),
        ("投入几十亿澳元", ("几十亿澳元", None, "AUD", "vague")),
        ("十几亿欧元", ("十几亿欧元", None, "EUR", "vague")),
        ("获得上百万美元", ("上百万美元", 1_000_000.0, "USD", "over")),
        ("获得20多亿澳元", ("20多亿澳元", 2_000_000_000.0, "AUD", "over")),
        ("获得1亿多美元", ("1亿多美元", 100_000_000.0, "USD", "over")),
        ("投资100万美元以上", ("100万美元以上", 1_000_000.0, "USD", "over")),
        ("花费500万英镑左右", ("500万英镑左右", 5_000_000.0, "GBP", "about")),
        ("不超过300万加元", ("不超过300万加元", 3_000_000.0, "CAD", "up_to")),
        ("近2亿新加坡元", ("近2亿新加坡元", 200_000_000.0, "SGD", "about")),
        ("最近2亿新加坡元的投资", ("2亿新加坡元", 200_000_000.0, "SGD", "exact")),
        ("１２万美元", ("１２万美元", 120_000.0, "USD", "exact")),
    ],
)
def test_chinese_numerals_and_qualifiers_synthetic(cur, t, expected):
    assert found(t, cur) == [expected]


# --------------------------------------------------------------------------
# unknown currency words
# --------------------------------------------------------------------------


def test_report_sentences_have_no_unknown_currency_words(cur):
    t = "有助于吸引更多元化的求职者；统一元数据；3个单元；投资超过350亿美元；逾7,000万新加坡元；节约2,000万英镑"
    assert unknown_currency_words(t, cur) == []


@pytest.mark.parametrize(
    ("t", "word"),
    [
        ("新西兰投入300万新西兰元", "新西兰元"),
        ("票价100元", "元"),
        ("丹麦拨款50亿丹麦克朗", "丹麦克朗"),
        ("日本投入50亿日元", "日元"),
        ("a grant of US$5 million", "US$"),
        ("€300 million", "€"),
        ("5,000,000 USD", "USD"),
    ],
)
def test_unknown_currency_words_are_reported(cur, t, word):
    assert [w for _, w in unknown_currency_words(t, cur)] == [word]
    assert find_amounts(t, cur) == []
    with pytest.raises(UnknownCurrencyError, match="not in the currency table"):
        find_amounts(t, cur, strict=True)


# --------------------------------------------------------------------------
# clause_around
# --------------------------------------------------------------------------


def test_clause_around_splits_on_chinese_punctuation(cur):
    # REPORT lines 1746-1750
    t = (
        "到目前为止，该基金已为140多个项目拨款22亿澳元，为客户节省了超过3,000个工作日的时间，"
        "并产生了23亿澳元的经济回报。"
    )
    a, b = find_amounts(t, cur)
    assert clause_around(t, a.start, a.end) == "该基金已为140多个项目拨款22亿澳元"
    assert clause_around(t, b.start, b.end) == "并产生了23亿澳元的经济回报"


def test_clause_around_does_not_cut_inside_brackets_or_quotes(cur):
    # REPORT lines 1843-1845, with a comma added inside the brackets
    t = (
        "英格兰国民保健署授权大曼彻斯特可动用属于该地区的部分国家可持续性与转型基金"
        "（4.5亿英镑，每年）。大曼彻斯特还从城市改造基金中获得2.43亿英镑交通投资。"
    )
    a, b = find_amounts(t, cur)
    assert clause_around(t, a.start, a.end) == (
        "英格兰国民保健署授权大曼彻斯特可动用属于该地区的部分国家可持续性与转型基金（4.5亿英镑，每年）"
    )
    assert clause_around(t, b.start, b.end) == "大曼彻斯特还从城市改造基金中获得2.43亿英镑交通投资"
    q = "他说：“我们投入了1亿英镑，效果很好。”然后离开"
    (c,) = find_amounts(q, cur)
    assert clause_around(q, c.start, c.end) == "“我们投入了1亿英镑，效果很好。”然后离开"


def test_clause_around_line_breaks_bullets_and_unbalanced_brackets(cur):
    t = "第一段（没有闭合\n• 政府拨款7,300万欧元，用于支持港口"
    (a,) = find_amounts(t, cur)
    assert clause_around(t, a.start, a.end) == "政府拨款7,300万欧元"
    u = "（未闭合，拨款3亿欧元，用于"
    (b,) = find_amounts(u, cur)
    assert clause_around(u, b.start, b.end) == "拨款3亿欧元"
    assert clause_around("8,000 and Gov.uk, then", 0, 5) == "8,000 and Gov.uk"
    with pytest.raises(ValueError):
        clause_around("abc", 2, 1)


# --------------------------------------------------------------------------
# properties
# --------------------------------------------------------------------------

CURRENCY_WORDS = ["美元", "欧元", "英镑", "加元", "澳元", "新加坡元"]
# characters that exercise the grammar: digits, separators, multipliers,
# Chinese numerals, qualifiers, range/list separators and pieces of currency words
GRAMMAR_ALPHABET = list(
    "0123456789０９,.．-~～至到、和 约近超逾高达最多上以左右数几十百千万亿一二两三五九零"
    "美欧英加澳新坡元镑克朗$€£个人%％（）“”，。\n"
)
grammar_text = st.lists(
    st.one_of(st.sampled_from(GRAMMAR_ALPHABET), st.sampled_from(CURRENCY_WORDS)),
    max_size=60,
).map("".join)


CUR = load_currencies(CURRENCY_FILE)


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), grammar_text))
def test_find_amounts_never_raises_and_offsets_are_verbatim(text):
    cur = CUR
    amounts = find_amounts(text, cur)
    previous_end = 0
    for a in amounts:
        assert isinstance(a, Amount)
        assert text[a.start : a.end] == a.text
        assert a.start >= previous_end  # ordered, non-overlapping
        previous_end = a.end
        assert a.currency in cur.values()
        assert a.qualifier in {"exact", "over", "about", "up_to", "vague", "range"}
        assert a.value is None or a.value >= 0
        if a.qualifier == "vague":
            assert a.value is None
        clause = clause_around(text, a.start, a.end)
        assert a.text.strip() in clause
    unknown_currency_words(text, cur)  # never raises either


@settings(max_examples=100)
@given(st.one_of(st.text(), grammar_text))
def test_no_currency_word_no_amount(text):
    cur = CUR
    assume(not any(word in text for word in cur))
    assert find_amounts(text, cur) == []
