"""Stage 2 on the real report: chapters found from evidence, sections from headings and boxes."""

import pytest
from conftest import para_at

from trendlib.parse.corpus import read_corpus
from trendlib.parse.report import ReportError, read_report
from trendlib.parse.structure import heading_section

# First line of each chapter, by reading the report: three lack their 趋势N heading
# (3 and 8 open at 概述, 5 at its title page).
CHAPTER_STARTS = [1, 483, 1151, 1530, 1860, 2456, 2856, 3459, 4071]


def test_eight_chapters_and_front_matter(corpus):
    assert [t.number for t in corpus.trends] == list(range(9))
    assert [corpus.paragraphs[t.first].line_start for t in corpus.trends] == CHAPTER_STARTS
    assert corpus.trends[3].title_zh == "消除资金孤岛"
    assert corpus.trends[8].title_en == "End-to-end justice"


def test_overview_items_are_not_chapters(corpus):
    i = para_at(corpus, 377)  # 趋势1：采用更灵活的人才模式。…
    assert (corpus.paragraphs[i].trend, corpus.paragraphs[i].section) == (0, "overview")


@pytest.mark.parametrize(
    "line, trend, section",
    [
        (3, 0, "summary"),
        (185, 0, "introduction"),
        (252, 0, "introduction"),
        (364, 0, "overview"),
        (485, 1, "title"),
        (492, 1, "overview"),
        (533, 1, "barriers"),
        (555, 1, "data"),
        (613, 1, "in_action"),
        (674, 1, "sidebar"),
        (977, 1, "endnotes"),
        (1018, 1, "endnotes"),
        (1163, 2, "overview"),
        (1217, 2, "data"),
        (1481, 2, "my_take"),
        (1527, 2, "my_take"),
        (1532, 3, "overview"),
        (1808, 3, "my_take"),
        (1869, 4, "overview"),
        (1912, 4, "data"),
        (2457, 5, "title"),
        (2495, 5, "barriers"),
        (2741, 5, "sidebar"),
        (2797, 5, "my_take"),
        (3351, 6, "sidebar"),
        (3388, 6, "my_take"),
        (3627, 7, "in_action"),
        (3631, 7, "in_action"),
        (4073, 8, "overview"),
        (4200, 8, "data"),
        (4257, 8, "in_action"),
        (4357, 8, "sidebar"),
        (4388, 8, "moving_forward"),
        (4429, 8, "my_take"),
    ],
)
def test_sections_of_real_passages(corpus, line, trend, section):
    i = para_at(corpus, line)
    assert (corpus.paragraphs[i].trend, corpus.paragraphs[i].section) == (trend, section)


def test_pull_quotes_keep_their_section_but_are_marked(corpus):
    i = para_at(corpus, 3627)
    assert corpus.paragraphs[i].box == "pull_quote" and corpus.paragraphs[i].section == "in_action"


def test_every_paragraph_has_a_known_section(corpus):
    from trendlib.vocab import SECTIONS

    assert {p.section for p in corpus.paragraphs} <= set(SECTIONS)


def test_heading_section():
    assert heading_section(" 打破壁垒") == "barriers"
    assert heading_section("概述了世界各地") is None


def _without_lines(report, first, last, tmp_path):
    lines = report.text.split("\n")
    path = tmp_path / "broken.txt"
    path.write_text("\n".join(lines[: first - 1] + lines[last:]), encoding="utf-8")
    return read_report(path, any_edition=True)


def test_a_missing_chapter_is_an_error_not_a_shorter_table(report, reference, tmp_path):
    broken = _without_lines(report, 2456, 2855, tmp_path)  # chapter 5 removed
    with pytest.raises(ReportError, match="趋势6 where chapter 5 was expected"):
        read_corpus(broken, [])


def test_a_truncated_report_is_an_error(report, tmp_path):
    broken = _without_lines(report, 3000, 4484, tmp_path)
    with pytest.raises(ReportError, match="expected 8 chapters"):
        read_corpus(broken, [])


def test_missing_overview_is_an_error(report, tmp_path):
    broken = _without_lines(report, 362, 482, tmp_path)
    with pytest.raises(ReportError, match="overview"):
        read_corpus(broken, [])
