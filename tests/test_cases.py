"""Case spans and attributes (trendlib.cases) on the real report and codebook.

Properties are checked for every curated case (the codebook grows while these
tests stand); exact lines only for a few cases read by hand in
data/raw/government-trends-2023-zh.txt.
"""

from __future__ import annotations

import pandas as pd
import pytest
from curated_rows import refused

from trendlib import build, tables
from trendlib.coding.cases import locate_cases
from trendlib.errors import AnchorError
from trendlib.patterns import compact


@pytest.fixture(scope="module")
def by_id(cases):
    return {c.id: c for c in cases}


@pytest.fixture(scope="module")
def cases_df(published):
    return published.cases


@pytest.fixture(scope="module")
def figure_tables(corpus, cases, reference):
    funding, _, _, statistics = build.quantity_tables(corpus, cases, reference)
    return {"funding": funding, "statistics": statistics}


def row_of(reference, case_id: str) -> dict:
    return next(r for r in reference.cases if r["id"] == case_id)


# ---------------------------------------------------------------- spans, by raw lines

# case id → (line of the anchor's first character, line of the `end` phrase's last character)
SPANS = {
    # 支持；波士顿的新都市力学市长办公室（The Mayor's … ⏎ … 组成一个生态系统，共同制定令市民受益的技术解决方案。
    "T0-02": (31, 35),
    # 加拿大“反对枪支和帮派暴力行动倡议”向各省和 ⏎ 领地拨付超过3亿加元，用于打击社区暴力活动。
    "T3-03": (1601, 1603),
    # 风险识别：加拿大交通部负责交通监管，… ⏎ … 货运、铁路货运和其他货运。
    "T5-02": (2599, 2621),
    # …项目正在建设中。1 位于罗德岛近海的南福克海上风电项目于2015年立 ⏎ … 危物种、清洁水和清洁空气等多种许可。3
    "T6-01": (2891, 2897),
}


@pytest.mark.parametrize("case_id", sorted(SPANS))
def test_span_runs_from_anchor_line_to_end_line(by_id, reference, raw_text, case_id):
    start, end = SPANS[case_id]
    case, row = by_id[case_id], row_of(reference, case_id)
    assert (case.line_start, case.line_end) == (start, end)
    raw = ["".join(line.split()) for line in raw_text.split("\n")]
    anchor, last = compact(row["anchor"]), compact(row["end"])
    # the anchor starts on the start line: lines start..end hold it, lines start+1..end do not
    assert anchor in "".join(raw[start - 1 : end]) and anchor not in "".join(raw[start:end])
    # the end phrase ends on the end line: lines start..end hold it, lines start..end-1 do not
    assert last in "".join(raw[start - 1 : end]) and last not in "".join(raw[start - 1 : end - 1])
    assert last[-2:] in raw[end - 1]


def test_every_span_is_anchor_to_end(corpus, cases):
    """For every case: the span text starts with the anchor, ends with its `end` and holds no earlier `end`."""
    for case in cases:
        span = corpus.flat.text[case.flat_start : case.flat_end]
        anchor, end = compact(case.row["anchor"]), compact(case.row["end"])
        assert span.startswith(anchor), case.id
        assert span.endswith(end), case.id
        assert span.find(end) == len(span) - len(end), case.id  # the first `end` after the anchor
        hit = corpus.flat.hit(case.flat_start, case.flat_end)
        assert case.line_start == corpus.line_of(hit.char_start)
        assert case.line_end == corpus.line_of(hit.char_end - 1)
        assert case.line_start <= case.line_end


def test_span_lines_hold_the_anchor_and_end(cases, raw_text):
    """Independent of the offsets, for every case: the anchor starts on line_start and the end phrase ends on
    line_end, checked on the raw lines with whitespace removed. (A future case whose anchor or end has a
    footnote number or page furniture inside it in the raw file would need its own check here.)"""
    raw = ["".join(line.split()) for line in raw_text.split("\n")]
    for case in cases:
        anchor, last = compact(case.row["anchor"]), compact(case.row["end"])
        lines = "".join(raw[case.line_start - 1 : case.line_end])
        assert anchor in lines and last in lines, case.id
        assert anchor not in "".join(raw[case.line_start : case.line_end]), case.id
        after_anchor = "".join(raw[case.line_start - 1 : case.line_end - 1])
        assert last not in after_anchor[after_anchor.find(anchor) + len(anchor) :], case.id


def test_spans_lie_within_their_trend(corpus, cases):
    bounds = {
        t.number: (corpus.paragraphs[t.first].line_start, corpus.paragraphs[t.last].line_end) for t in corpus.trends
    }
    for case in cases:
        first, last = bounds[case.trend]
        assert first <= case.line_start <= case.line_end <= last, case.id
        hit = corpus.flat.hit(case.flat_start, case.flat_end)
        assert {corpus.paragraphs[p].trend for p in range(hit.para_start, hit.para_end + 1)} == {case.trend}, case.id


def test_codebook_trend_is_the_structure_trend(corpus, cases, reference):
    for case, row in zip(cases, reference.cases, strict=True):
        assert case.id == row["id"]
        assert (
            case.trend
            == row["trend"]
            == corpus.paragraphs[corpus.flat.hit(case.flat_start, case.flat_end).para_start].trend
        )


def test_wrong_trend_in_codebook_is_an_anchor_error(corpus, reference, mentions):
    row = {**row_of(reference, "T5-02"), "trend": 6}
    good = row_of(reference, "T0-02")
    with refused(
        AnchorError,
        file="cases.yaml",
        row="row 2 (T5-02)",
        fix="fix the trend or the anchor",
        says=("the anchor is in trend 5 (line 2599), but the row says trend 6",),
    ):
        locate_cases(corpus, [good, row], mentions)


def test_anchor_across_a_line_break_is_found(corpus, reference, mentions):
    # 加拿大“反对枪支和帮派暴力行动倡议”向各省和 ⏎ 领地拨付超过3亿加元
    row = {**row_of(reference, "T3-03"), "anchor": "向各省和领地拨付", "end": "社区暴力活动"}
    [case] = locate_cases(corpus, [row], mentions)
    assert (case.line_start, case.line_end) == (1601, 1603)


# ---------------------------------------------------------------- year (curated, with evidence)


@pytest.mark.parametrize(
    "case_id, year",
    [("T0-01", 2023), ("T2-08", 2010), ("T5-02", None), ("T8-02", None), ("T4-05", None), ("T0-02", None)],
)
def test_year_of_real_cases(cases_df, case_id, year):
    """The year a case started or was announced, as its span gives it: not a target (T8-02: 2026, T4-05:
    2024) nor the year of an earlier event (T5-02: the 2010 bombs)."""
    got = cases_df.set_index("case_id").loc[case_id, "year"]
    assert pd.isna(got) if year is None else got == year


def test_no_year_is_in_the_future_and_each_has_its_phrase(cases_df, published):
    """The published evidence of each year (a same_as in cases.yaml resolved to its phrase) holds the year."""
    evidence = published.evidence[published.evidence.code == "year"].set_index("case_id")
    for case in cases_df.itertuples():
        if pd.notna(case.year):
            assert case.year <= 2023, case.case_id
            assert str(case.year) in compact(evidence.at[case.case_id, "phrase"]), case.case_id
        else:
            assert evidence.at[case.case_id, "rule"] == "no-year-stated", case.case_id


# ---------------------------------------------------------------- actors and sectors


def test_case_actors_are_exactly_the_mentions_in_the_span(corpus, cases, mentions):
    def quoted(m):  # a pull quote the PDF dropped inside the span repeats text from elsewhere
        return corpus.paragraphs[corpus.flat.hit(m.flat_start, m.flat_end).para_start].box == "pull_quote"

    for case in cases:
        inside = [
            m for m in mentions if case.flat_start <= m.flat_start and m.flat_end <= case.flat_end and not quoted(m)
        ]
        assert list(case.actor_mentions) == inside, case.id
        # no mention straddles a span boundary
        for m in mentions:
            assert not (m.flat_start < case.flat_start < m.flat_end), (case.id, m)
            assert not (m.flat_start < case.flat_end < m.flat_end), (case.id, m)


@pytest.mark.parametrize(
    "case_id, actors",
    [
        ("T0-02", {"usa_boston_monum"}),
        ("T5-02", {"can_transport_canada", "can_government"}),
        ("T3-03", set()),
    ],
)
def test_actors_of_real_cases(by_id, cases_df, case_id, actors):
    assert {m.actor_id for m in by_id[case_id].actor_mentions} == actors
    assert cases_df.set_index("case_id").loc[case_id, "n_actors"] == len(actors)


def test_both_monum_forms_in_t0_02(by_id):
    forms = sorted(m.text for m in by_id["T0-02"].actor_mentions)
    assert forms == ["Mayor'sOfficeofNewUrbanMechanics", "新都市力学市长办公室"]


def test_case_actors_table_lists_the_span_mentions(corpus, cases):
    df = tables.case_actors_table(corpus, cases)
    for case in cases:
        rows = df[df.case_id == case.id]
        assert list(rows.actor_id) == [m.actor_id for m in case.actor_mentions]
        assert list(rows["mention"]) == [m.text for m in case.actor_mentions]
        assert all(case.line_start <= line <= case.line_end for line in rows.line), case.id


# ---------------------------------------------------------------- infographic figures


def test_infographic_figure_pairs_with_its_case(figure_tables, by_id, reference):
    assert "3,276亿加元" in row_of(reference, "T3-03")["figures"]
    funding = figure_tables["funding"]
    row = funding[funding.text == "3,276亿加元"]
    assert len(row) == 1
    assert row.case_id.iloc[0] == "T3-03"
    assert row.section.iloc[0] == "data" and row.trend.iloc[0] == 3
    # it is printed outside the case's span: only the codebook pairing gives it the case
    case = by_id["T3-03"]
    assert not case.line_start <= row.line.iloc[0] <= case.line_end


def test_every_curated_figure_is_its_cases_amount_or_percentage(figure_tables, cases):
    funding, stats = figure_tables["funding"], figure_tables["statistics"]
    for case in cases:
        for fig in case.row.get("figures", []):
            hits = [
                df
                for df in (funding, stats)
                if ((df.case_id == case.id) & (df.text.map(compact) == compact(fig)) & (df.section == "data")).any()
            ]
            assert hits, (case.id, fig)


def test_real_figures_pass_the_check(cases, figure_tables):
    tables.check_figures(cases, figure_tables)


def test_unprinted_figure_is_an_anchor_error(corpus, reference, mentions, figure_tables):
    row = {**row_of(reference, "T3-03"), "figures": ["3,276亿加元", "9,999亿加元"]}
    cases = locate_cases(corpus, [row], mentions)
    with refused(
        AnchorError,
        file="cases.yaml",
        row="(T3-03)",
        fix="copy it as printed",
        says=("figure '9,999亿加元' is not an amount or percentage printed in a trend 3 infographic",),
    ):
        tables.check_figures(cases, figure_tables)


def test_figure_of_another_case_is_an_anchor_error(corpus, reference, mentions, figure_tables):
    # 26亿英镑 is printed in the same infographic, but the codebook gives it to T3-02, not T3-03
    assert set(figure_tables["funding"].query("text == '26亿英镑'").case_id) == {"T3-02"}
    row = {**row_of(reference, "T3-03"), "figures": ["26亿英镑"]}
    cases = locate_cases(corpus, [row], mentions)
    with refused(AnchorError, file="cases.yaml", row="(T3-03)", fix="copy it as printed", says=("'26亿英镑'",)):
        tables.check_figures(cases, figure_tables)
