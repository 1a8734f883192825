"""Footnote references glued to the text, on real sentences."""

import collections

from conftest import para_at

from trendlib.parse.footnotes import find_refs, without_refs
from trendlib.parse.layout import paragraphs, split_lines


def refs_in(text: str):
    ps = paragraphs(split_lines(text))
    refs = find_refs(ps, [list(range(len(ps)))])
    return [r.number for r in refs], [without_refs(p, [r for r in refs if r.para == i]).text for i, p in enumerate(ps)]


def test_every_chapter_numbers_its_notes_without_gaps(corpus):
    per_trend = collections.defaultdict(list)
    for p in corpus.paragraphs:
        per_trend[p.trend].extend(p.notes)
    expected_last = {0: 9, 1: 37, 2: 21, 3: 34, 4: 45, 5: 22, 6: 48, 7: 42, 8: 18}
    for trend, last in expected_last.items():
        assert per_trend[trend] == list(range(1, last + 1)), trend


def test_note_glued_before_a_year_is_split(corpus):
    i = para_at(corpus, 1695)  # 社区发展整笔拨款。11 2022年，休斯敦
    assert 11 in corpus.paragraphs[i].notes
    assert "社区发展整笔拨款。2022年，休斯敦" in corpus.paragraphs[i].text


def test_note_glued_inside_a_word(corpus):
    i = para_at(corpus, 1281)  # 新冠疫情和全6\n球许多城市
    assert 6 in corpus.paragraphs[i].notes and "新冠疫情和全球许多城市" in corpus.paragraphs[i].text


def test_real_numbers_are_not_notes():
    notes, (text,) = refs_in(
        "审批时间从2-3周缩短到一周。卫星和5G可以使农村受益。18F等部门提供奖学金。"
        "能源研究计划署（ARPA-E）。有52个岗位和5个技能社区。"
    )
    assert notes == []
    assert "2-3周" in text and "5G" in text and "18F" in text and "52个" in text


def test_list_numbering_is_not_a_note():
    notes, _ = refs_in(
        "我们认为目前有六种驱动因素：\n\n1. 加快技术应用。政府正在利用云计算。\n\n2. 物理现实融合虚拟现实。\n"
    )
    assert notes == []


def test_notes_follow_sentences_and_words():
    notes, texts = refs_in("为抗疫做出了贡献1。面对危机，设立的边界却成为阻碍。2 虽然许多人在这个不连续3 的时代，")
    assert notes == [1, 2, 3]
    assert texts == ["为抗疫做出了贡献。面对危机，设立的边界却成为阻碍。虽然许多人在这个不连续的时代，"]


def test_note_glued_straight_onto_a_year():
    notes, (text,) = refs_in("为抗疫做出了贡献。1此后每年。这项法律已经通过。22019年，该项目启动。")
    assert notes == [1, 2]
    assert "通过。2019年，该项目启动。" in text
