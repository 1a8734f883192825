"""Tests for trendlib.mentions.percent.

Sentences marked REPORT are copied from data/raw/government-trends-2023-zh.txt
and joined as the layout stage does (hard-wrapped lines joined without a space,
glued footnote numbers removed); the raw line is given in a comment. Sentences
marked SYNTHETIC cover rules the report has no example of.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trendlib.mentions.context import clause_around
from trendlib.mentions.percent import Percentage, find_percentages


def found(text: str) -> list[tuple]:
    """(text, value, unit, qualifier, part) of every mention, checking offsets."""
    out = []
    for p in find_percentages(text):
        assert text[p.start : p.end] == p.text
        out.append((p.text, p.value, p.unit, p.qualifier, p.part))
    return out


def test_plain_percentages_and_percent_sign_variants():
    # REPORT lines 688-690 (trend 1)
    t = (
        "在德勤近期的调查中，近三分之二受访高管表示，目前企业内部的工作按照团队或项目执行，"
        "不再局限于员工的核心岗位说明。85%的人力资源主管预计，未来三年至少会重新设计工作方式"
    )
    assert found(t) == [
        ("近三分之二", pytest.approx(200 / 3), "fraction", "about", "single"),
        ("85%", 85.0, "percent", "exact", "single"),
    ]
    assert found("85％的人力资源主管") == [("85％", 85.0, "percent", "exact", "single")]


def test_decimal_percentage_and_range_reports_both_ends():
    # REPORT lines 651-655 (trend 1), footnote 9 removed
    t = "2021年，澳大利亚公务人员流动率达到20年新高，有5.7%的员工调任至其他部门，之前的流动率约为1.5%至3.9%。"
    assert found(t) == [
        ("5.7%", 5.7, "percent", "exact", "single"),
        ("约为1.5%", 1.5, "percent", "about", "range_low"),
        ("3.9%", 3.9, "percent", "about", "range_high"),
    ]


def test_fractions_in_words():
    # REPORT lines 959-961 (trend 1)
    t = "美国林业局通过学徒制项目招聘的420名消防员，有超过五分之一是女性，接近一半来自代表性不足的种族和民族。"
    assert found(t) == [
        ("超过五分之一", 20.0, "fraction", "over", "single"),
        ("接近一半", 50.0, "fraction", "about", "single"),
    ]
    # REPORT lines 2331-2335 (trend 4)
    t = (
        "2021年，德勤研究发现，三分之一受访的澳大利亚公民表示，如果政府网站的内容更有针对性，"
        "他们会更愿意使用这些网站。五分之四的受访者愿意使用个性化服务。"
    )
    assert found(t) == [
        ("三分之一", pytest.approx(100 / 3), "fraction", "exact", "single"),
        ("五分之四", 80.0, "fraction", "exact", "single"),
    ]
    # REPORT line 3842 (trend 7); 2,700多名 is a count
    t = "2020年对60个国家2,700多名医务人员进行的一项调查发现，超过一半的受访者报告有倦怠的迹象。"
    assert found(t) == [("超过一半", 50.0, "fraction", "over", "single")]


def test_qualifiers():
    # REPORT lines 3236-3238 (trend 6): years are not percentages
    t = "2021年，挪威销售的汽车中有近65%是电动汽车。挪威致力于到2025年这一比例达到100%。"
    assert found(t) == [
        ("近65%", 65.0, "percent", "about", "single"),
        ("100%", 100.0, "percent", "exact", "single"),
    ]
    # REPORT line 2185-2187 (trend 4): 2024-25年 is a fiscal year, not a range
    t = "该计划的目标是，到2024-25年，将至少55%的研发资金投向大东南地区以外的地区"
    assert found(t) == [("至少55%", 55.0, "percent", "over", "single")]
    # REPORT line 3147 (trend 6)
    t = "入选沙盒的公司融资金额最多可增加15%。"
    assert found(t) == [("最多可增加15%", 15.0, "percent", "up_to", "single")]
    # REPORT line 2591-2593 (trend 5)
    t = "并将其转交给适当的审核小组，准确率高达92%。"
    assert found(t) == [("高达92%", 92.0, "percent", "up_to", "single")]
    # REPORT line 2703
    assert found("超过80%的受访者还表示") == [("超过80%", 80.0, "percent", "over", "single")]


def test_change_between_two_figures_is_two_singles():
    # REPORT line 3328 (trend 6): line break inside 83% joined by the layout stage
    t = "准点决策率已得到显著提高，从2019年12月的21%提高到2022年6月的83%。"
    assert found(t) == [
        ("21%", 21.0, "percent", "exact", "single"),
        ("83%", 83.0, "percent", "exact", "single"),
    ]


def test_infographic_run_of_percentages():
    # REPORT lines 2043-2061 joined (trend 4 infographic)
    t = "49%67%67%61%70%75%76%44%37%36%49%27%17%高认同度"
    assert [p.value for p in find_percentages(t)] == [
        49,
        67,
        67,
        61,
        70,
        75,
        76,
        44,
        37,
        36,
        49,
        27,
        17,
    ]
    # REPORT lines 3001-3019 joined: chart axis numbers 19 18 9 8 7 6 5 glue onto
    # 56%; a digit run longer than four digits before % is rejected, not guessed
    assert [p.text for p in find_percentages("积极地监控风险58%19189876556%52%正在开发中")] == [
        "58%",
        "52%",
    ]


@pytest.mark.parametrize(
    "t",
    [
        # REPORT line 2593
        "通过此项创新，资助申请的处理时间从2-3周缩短到一天之内",
        # REPORT line 2220
        "卫星和5G可以使农村和山区的高速连接更加可行。",
        # REPORT line 4132
        "2021年的一份报告显示，美国每个州和地方法院平均积压1,274起案件。",
        # REPORT line 3800: a multiple is not a percentage
        "阿片类药物过量的可能性是普通人群的两倍。",
        # REPORT line 498: the idiom 一成不变 is not 10%
        "却年复一年处于一成不变的状态。",
        # REPORT line 3546: the word 百分比 alone
        "计划增加心理健康服务投资的百分比",
        # REPORT line 1732: money, not a percentage
        "该基金从美国救助计划额外获得10亿美元",
    ],
)
def test_traps_are_not_percentages(t):
    assert find_percentages(t) == []


@pytest.mark.parametrize(
    ("t", "expected"),
    [
        ("增长了百分之三十五", ("百分之三十五", 35.0, "percent", "exact", "single")),
        ("仅占百分之0.5", ("百分之0.5", 0.5, "percent", "exact", "single")),
        ("百分之百的覆盖率", ("百分之百", 100.0, "percent", "exact", "single")),
        ("失业率上升了5个百分点", ("5个百分点", 5.0, "percentage_point", "exact", "single")),
        ("下降了五个百分点", ("五个百分点", 5.0, "percentage_point", "exact", "single")),
        ("下降了0.5百分点", ("0.5百分点", 0.5, "percentage_point", "exact", "single")),
        ("四分之一的家庭", ("四分之一", 25.0, "fraction", "exact", "single")),
        ("十分之一", ("十分之一", 10.0, "fraction", "exact", "single")),
        ("一半以上的受访者", ("一半以上", 50.0, "fraction", "over", "single")),
        ("等待时间减少一半", ("一半", 50.0, "fraction", "exact", "single")),
        ("过半数居民支持", ("过半数", 50.0, "fraction", "over", "single")),
        ("增长了1,200%", ("1,200%", 1200.0, "percent", "exact", "single")),
        ("约30%左右", ("约30%左右", 30.0, "percent", "about", "single")),
        ("不到10%的机构", ("不到10%", 10.0, "percent", "up_to", "single")),
        ("最近30%的项目", ("30%", 30.0, "percent", "exact", "single")),
    ],
)
def test_single_forms_synthetic(t, expected):
    assert found(t) == [expected]


@pytest.mark.parametrize(
    ("t", "low", "high"),
    [
        ("提高了20-30%", ("20", 20.0, "percent"), ("30%", 30.0, "percent")),
        ("提高了5%~10%", ("5%", 5.0, "percent"), ("10%", 10.0, "percent")),
        ("提高了2至3个百分点", ("2", 2.0, "percentage_point"), ("3个百分点", 3.0, "percentage_point")),
    ],
)
def test_ranges_synthetic(t, low, high):
    lo, hi = find_percentages(t)
    assert (lo.text, lo.value, lo.unit, lo.part) == (*low, "range_low")
    assert (hi.text, hi.value, hi.unit, hi.part) == (*high, "range_high")


def test_other_half_is_not_a_share_synthetic():
    assert find_percentages("他的另一半") == []


def test_clause_of_a_percentage():
    # REPORT lines 4004-4008 (trend 7)
    t = "该社区有50%的儿童生活贫困，35%的儿童超重，70%的儿童在三年级时不能熟练阅读。"
    clauses = [clause_around(t, p.start, p.end) for p in find_percentages(t)]
    assert clauses == ["该社区有50%的儿童生活贫困", "35%的儿童超重", "70%的儿童在三年级时不能熟练阅读"]


ALPHABET = list("0123456789０９,.．-~～至到 约近超逾高达最多以上左右百分之点个一二两三四五十千半另数几%％，。")
grammar_text = st.lists(st.sampled_from(ALPHABET), max_size=60).map("".join)


@settings(max_examples=100)
@given(st.one_of(st.text(), grammar_text))
def test_find_percentages_never_raises_and_offsets_are_verbatim(text):
    previous_end = 0
    for p in find_percentages(text):
        assert isinstance(p, Percentage)
        assert text[p.start : p.end] == p.text
        assert p.start >= previous_end
        previous_end = p.end
        assert math.isfinite(p.value) and p.value >= 0
        assert p.unit in {"percent", "percentage_point", "fraction"}
        assert p.qualifier in {"exact", "over", "about", "up_to"}
        assert p.part in {"single", "range_low", "range_high"}
        assert p.text.strip() in clause_around(text, p.start, p.end)
