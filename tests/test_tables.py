"""Tables built from the real report: funding, statistics, endnotes, my-takes, trends."""

import pandas as pd
import pytest

from trendlib.curated.files import load_reference


@pytest.fixture(scope="module")
def t(tables):
    return tables


def row(df, **where):
    hit = df
    for k, v in where.items():
        hit = hit[hit[k] == v]
    assert len(hit) == 1, where
    return hit.iloc[0]


def test_amount_split_across_lines_is_one_amount_on_its_first_line(t):
    # 美国的《芯片和科学法案》规模更是达 / 到520亿美元: starts on line 337
    r = row(t["funding"], text="520亿美元")
    assert r.line == 337 and r.value == 52_000_000_000 and r.currency == "USD"


def test_value_in_base_units_and_qualifier(t):
    r = row(t["funding"], text="超过8,000亿欧元")
    assert r.value == 800_000_000_000 and r.currency == "EUR" and r.qualifier == "over"
    vague = row(t["funding"], text="数十亿美元")
    assert vague.qualifier == "vague" and pd.isna(vague.value)


def test_chart_values_take_the_unit_their_chart_states(t):
    f = t["funding"]
    chart = f[f.chart_unit.notna()]
    assert list(chart.text) == ["29", "735", "46", "896", "105", "955"]
    assert set(chart.chart_unit) == {"（单位：百万美元）"}
    assert list(chart.value[:2]) == [29_000_000, 735_000_000]
    assert chart.context.iloc[0].startswith("API集成支出") and chart.context.iloc[1].startswith("云原生应用支出")


def test_flagged_amounts_keep_their_printed_currency(t):
    r = row(t["funding"], text="78亿欧元")
    assert r.currency == "EUR" and r.flag.startswith("currency: EUR printed for a AUS case")
    big = row(t["funding"], text="3,276亿加元")
    assert big.case_id == "T3-03" and "magnitude" in big.flag


def test_a_repeated_amount_points_at_its_first_mention(t):
    f = t["funding"]
    again = f[f.repeats.notna()]
    assert len(again) >= 1
    curated_same_as = {a["text"] for a in load_reference().amounts if a.get("same_as")}
    for _, r in again.iterrows():
        first = row(f, amount_id=r.repeats)
        assert (first.value, first.currency) == (r.value, r.currency)
        # found in the same case, or curated across cases (amounts.yaml same_as)
        if str(r.case_id) != str(first.case_id):
            assert r.text in curated_same_as, f"{r.amount_id} repeats {first.amount_id} of another case uncurated"


def test_infographic_percentages_carry_their_curated_label(t):
    s = t["statistics"]
    bare = row(s, line=555)  # 85% printed above its label, which runs over five narrow lines
    assert bare.in_infographic and bare.context_certain
    assert bare.context == "各行各业的人力资源主管考虑重新设计工作方式，支持在不同工作中灵活调动必需技能。"
    assert not row(s, line=588).context_certain  # 87% and 75% printed together: paired by order only
    prose = row(s, text="98%", line=2265)
    assert not prose.in_infographic and prose.context_certain


def test_fractions_in_words_have_their_own_unit(t):
    s = t["statistics"]
    r = row(s, text="近三分之二")
    assert r.unit == "fraction" and r.value == pytest.approx(66.67, abs=0.01)


def test_endnotes_numbered_and_ibid_resolved(t):
    e = t["endnotes"]
    assert list(e.number) == list(range(1, len(e) + 1))
    ibid = row(e, number=17)
    assert ibid.printed.startswith("Ibid") and ibid.ibid_of == 16
    assert ibid.text == row(e, number=16).text
    assert row(e, number=1).year == 2022  # access dates are not publication years


def test_every_my_take(t):
    m = t["my_takes"]
    assert set(m.trend) == {2, 3, 4, 5, 6, 8}
    r = row(m, person="Ren Essene")
    assert (r.position, r.organization, r.line) == ("首席数据官", "美国消费者金融保护局", 1481)


def test_trends_titles_from_the_text(t):
    tr = t["trends"].set_index("trend")
    assert tr.loc[3, "title_zh"] == "消除资金孤岛" and tr.loc[5, "title_en"].startswith("Back-office")
    assert list(tr.line_start) == [1, 483, 1151, 1530, 1860, 2456, 2856, 3459, 4071]


def test_names_in_a_pull_quote_inside_a_case_are_not_its_actors(t):
    # the WHO quote box (lines 3627-3629) sits inside the span of T7-02, Nuka System of Care
    nuka = row(t["cases"], case_id="T7-02")
    assert "international" not in nuka.sectors
    assert not ((t["case_actors"].case_id == "T7-02") & (t["case_actors"].line.between(3627, 3629))).any()
