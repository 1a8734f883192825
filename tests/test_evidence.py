"""Tests for trendlib.analysis.evidence on tiny tables and on the published statistics table."""

from __future__ import annotations

import pandas as pd
import pytest

import trendlib
from trendlib.analysis import evidence


@pytest.fixture(scope="module")
def tables():
    return trendlib.load()


@pytest.mark.parametrize("text, kind", [
    ("近三分之二受访高管表示", "survey"),
    ("85%的人力资源主管预计", "survey"),
    ("客户满意度达到90%", "survey"),
    ("61%的英国公民对与政府共享信息持积极态度", "survey"),
    ("办公室电话减少了50%", "outcome"),
    ("从2019年12月的21%提高到2022年6月的83%", "outcome"),
    ("参与者的平均阿片类药物使用量下降了38%", "outcome"),
    # survey words win over outcome words
    ("领导者将提高内部流程效率视为现代化目标", "survey"),
    ("28%的美国农村地区缺乏高速互联网连接", None),
    ("", None),
    (None, None),
])
def test_classify_text(text, kind):
    assert evidence.classify_text(text) == kind


def test_keyword_lists_do_not_overlap():
    assert not set(evidence.SURVEY_WORDS) & set(evidence.OUTCOME_WORDS)
    assert set(evidence.SURVEY_SOURCE_WORDS) <= set(evidence.SURVEY_WORDS)


@pytest.mark.parametrize("paragraph, clause, sentence", [
    ("前文。一项调查发现，70%的中心进行了筛查。后文。", "70%的中心进行了筛查", "一项调查发现，70%的中心进行了筛查。"),
    ("没有句号的段落，30%的人", "30%的人", "没有句号的段落，30%的人"),
    ("甲；乙有20%。丙", "乙有20%", "乙有20%。"),
    ("甲。乙。", "丙", None),
    (None, "丙", None),
    ("甲。", None, None),
])
def test_sentence_around(paragraph, clause, sentence):
    assert evidence.sentence_around(paragraph, clause) == sentence


def test_countable_drops_repeats():
    s = pd.DataFrame({"stat_id": ["S1", "S2", "S3"], "repeats": [None, "S1", None]})
    assert evidence.countable(s).stat_id.tolist() == ["S1", "S3"]


def tiny_statistics() -> pd.DataFrame:
    return pd.DataFrame({
        "stat_id": ["S1", "S2", "S3", "S4", "S5", "S6"],
        "trend": [1, 1, 2, 2, 5, 5],
        "section": ["in_action", "in_action", "data", "in_action", "data", "sidebar"],
        "line": [10, 10, 20, 30, 40, 50],
        "context": ["70%的中心进行了筛查", "患者满意率达到98%", "解读数据：后台部门通过创新改善履职能力",
                    "达到标准的95%", None, "成本降低40%"],
        "in_infographic": pd.array([False, False, True, False, True, pd.NA], dtype="boolean"),
    }, index=[5, 4, 3, 2, 1, 0])


def tiny_paragraphs() -> pd.DataFrame:
    return pd.DataFrame({
        "line_start": [9, 20, 30, 40, 50],
        "line_end": [12, 20, 31, 40, 50],
        "text": ["一项调查发现，70%的中心进行了筛查。患者满意率达到98%。", "解读数据：后台部门通过创新改善履职能力",
                 "患者满意率达到98%，达到标准的95%。", "60%", "成本降低40%。"],
    })


def test_classify_decides_by_clause_then_by_survey_marker_in_sentence():
    out = evidence.classify(tiny_statistics(), tiny_paragraphs())
    got = dict(zip(out.stat_id, zip(out.kind, out.basis)))
    assert got == {
        "S1": ("survey", "sentence"),   # the sentence cites a survey
        "S2": ("survey", "clause"),
        "S3": ("other", "none"),        # an infographic's title labels no figure
        "S4": ("other", "none"),        # 满意 in the sentence belongs to another figure
        "S5": ("other", "none"),        # no label at all
        "S6": ("outcome", "clause"),
    }
    assert out.index.tolist() == [5, 4, 3, 2, 1, 0]
    assert list(out.columns[-4:]) == ["kind", "basis", "keyword", "keyword_en"]


def test_classify_without_paragraphs_uses_the_clause_only():
    out = evidence.classify(tiny_statistics())
    assert out.set_index("stat_id").kind["S1"] == "other"


def test_by_trend_section_and_kinds_by_trend_count_every_row():
    s = evidence.classify(tiny_statistics(), tiny_paragraphs())
    sections = evidence.by_trend_section(s)
    assert sections.trend.tolist() == [1, 2, 5]
    assert list(sections.columns) == ["trend", "data", "in_action", "sidebar", "total"]
    assert sections.total.sum() == len(s)
    kinds = evidence.kinds_by_trend(s)
    assert list(kinds.columns) == ["trend", *evidence.KINDS, "total"]
    assert kinds.total.sum() == len(s)
    assert kinds.set_index("trend").loc[5].to_dict() == {"survey": 0, "outcome": 1, "other": 1, "total": 2}


def test_infographic_share_treats_missing_as_not_in_an_infographic():
    share = evidence.infographic_share(tiny_statistics()).set_index("trend")
    assert share.n.to_dict() == {1: 2, 2: 2, 5: 2}
    assert share.n_infographic.to_dict() == {1: 0, 2: 1, 5: 1}
    assert share.share.to_dict() == {1: 0.0, 2: 0.5, 5: 0.5}


def test_published_statistics_classify_completely(tables):
    counted = evidence.countable(tables.statistics)
    out = evidence.classify(counted, tables.paragraphs)
    assert len(out) == len(counted)
    assert set(out.kind) <= set(evidence.KINDS)
    assert set(out.basis) <= {"clause", "sentence", "none"}
    assert ((out.kind == "other") == (out.basis == "none")).all()
    assert evidence.kinds_by_trend(out).total.sum() == len(counted)
    assert evidence.by_trend_section(counted).total.sum() == len(counted)
    share = evidence.infographic_share(counted)
    assert share.n_infographic.sum() == counted.in_infographic.sum()
    assert share.share.between(0, 1).all()


def test_every_published_repeat_repeats_an_earlier_figure(tables):
    s = tables.statistics.set_index("stat_id")
    for stat_id, first in s.repeats.dropna().items():
        assert first < stat_id
        assert s.at[first, "value"] == s.at[stat_id, "value"]
