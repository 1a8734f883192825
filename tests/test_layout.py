"""Stage 1 on real passages: furniture, reflow, paragraph ends."""

from conftest import para_at

from trendlib.parse.layout import Line, content_lines, furniture, paragraphs, split_lines, width


def test_navigation_bar_and_footers_are_furniture_and_keep_their_page(corpus):
    kinds = {(f.line, f.kind, f.label, f.page) for f in corpus.furniture}
    assert (798, "footer", "采用更灵活的人才模式", 19) in kinds
    assert (3649, "footer", "通过合作实现全生命健康", 82) in kinds
    assert (71, "nav", "", None) in kinds
    assert sum(f.kind == "nav" for f in corpus.furniture) == 8


def test_a_sentence_ending_with_a_page_number_is_not_a_footer():
    assert furniture(Line(1, 0, "有5.7%的员工调任至其他部门。    9")) is None


def test_no_furniture_text_reaches_paragraphs(corpus):
    text = "\n".join(p.text for p in corpus.paragraphs)
    assert "I 01 02" not in text and "采用更灵活的人才模式 19" not in text


def test_chinese_joins_without_space_and_latin_keeps_one(corpus):
    p = corpus.paragraphs[para_at(corpus, 31)].text
    assert "（The Mayor's Office of New Urban Mechanics）号召" in p
    assert "全国各地都在积极推进政务服务" in corpus.paragraphs[para_at(corpus, 3)].text


def test_english_words_hyphenated_across_lines_are_rejoined(corpus):
    note = corpus.paragraphs[para_at(corpus, 992)].text
    assert "learning opportunities that" in note  # opportu-\nnities
    assert "cross-functional" in corpus.paragraphs[para_at(corpus, 1040)].text  # cross-func-\ntional


def test_a_number_split_across_lines_is_one_number():
    (p,) = paragraphs(split_lines("欧盟的《芯片法案》规模高达430亿美元，美国的规模更是达\n\n到520亿美元。\n"))
    assert "达到520亿美元。" in p.text


def test_headings_bullets_and_bylines_stand_alone(corpus):
    texts = [p.text for p in corpus.paragraphs]
    assert "突破壁垒" in texts and "行动趋势" in texts and "趋势1" in texts
    assert "PJ Rivera, Jacqueline Winters, Stephen Harrington, Amrita Datar, and Sushumna Agarwal" in texts
    bullet = corpus.paragraphs[para_at(corpus, 533)].text
    assert bullet.startswith("• 政府内部的人才流动") and bullet.endswith("实现双赢。")


def test_a_heading_wrapped_over_two_lines_is_one_paragraph(corpus):
    assert corpus.paragraphs[para_at(corpus, 593)].text == "采用灵活的人才模式，鼓励人才流动，基于项目进行人才部署"


def test_paragraph_offsets_point_at_the_raw_characters(corpus, raw_text):
    for p in corpus.paragraphs:
        for ch, off in zip(p.text, p.offsets, strict=True):
            if not ch.isspace():
                assert raw_text[off] == ch


def test_width_counts_chinese_double():
    assert width("政府AI") == 6


def test_blank_lines_and_furniture_are_not_content():
    lines = split_lines("正文\n\n    I   01   02   03   04   05   06   07   08\n概要    3\n")
    assert [ln.content for ln in content_lines(lines)] == ["正文"]
