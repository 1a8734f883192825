"""Same tables from any extraction: other line breaks, page marks, blank lines and furniture.

Compared: every table but paragraphs and furniture, without line, character
and page positions, text columns with whitespace removed (variants.comparable).
One regression test per class of variant, and a property (hypothesis) over
random widths, random early line breaks, random layout variants, with and
without the English endnotes set again.
"""

from __future__ import annotations

import re

import pytest
import variants as V
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trendlib import build


@pytest.fixture(scope="module", autouse=True)
def curated_read_once(reference):
    """A variant is parsed afresh and every stage runs on it; what does not depend on the text is computed
    once: the curated files (the session's, read and checked once), and the agreement between coders, which
    depends only on each case's id, trend and the actors its span mentions (memoised on exactly those)."""
    real_measure, memo = build.measure, {}

    def measure(ref, cases, examples):
        key = tuple((c.id, c.trend, tuple(sorted({m.actor_id for m in c.actor_mentions}))) for c in cases)
        if key not in memo:
            memo[key] = real_measure(ref, cases, examples)
        return memo[key]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(build, "load_reference", lambda *args, **kwargs: reference)
        mp.setattr(build, "measure", measure)
        yield


@pytest.fixture(scope="module")
def baseline(tables):
    return V.comparable(tables)


def tables_of(text: str, tmp_path, name: str = "variant.txt") -> dict:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return V.comparable(build.build_tables(path, any_edition=True))


def assert_same(baseline, got):
    diff = V.differences(baseline, got)
    assert not diff, "\n".join(diff[:10])


def break_inside(text: str, phrase: str, at: int, *, paragraph: bool = True) -> str:
    """``text`` with a break inside the one occurrence of ``phrase`` (whitespace ignored), before its
    ``at``-th character: a page break (the next line opens a page), where the layout ends the
    paragraph, or a plain line break."""
    pattern = r"\s*".join(re.escape(ch) for ch in phrase)
    hits = list(re.finditer(pattern, text))
    assert len(hits) == 1, (phrase, len(hits))
    m = hits[0]
    # position of the at-th character of the phrase in the raw text
    pos, seen = m.start(), 0
    while seen < at:
        if not text[pos].isspace():
            seen += 1
        pos += 1
    if not paragraph:
        return text[:pos] + "\n" + text[pos:]
    # a short line of the last few characters, then a new page: the layout ends the paragraph there
    cut = pos
    for _ in range(4):
        cut -= 1
        while text[cut].isspace():
            cut -= 1
    return text[:cut] + "\n" + text[cut:pos] + "\n " + text[pos:].lstrip()


# ---------------------------------------------------------------- classes of variant, one by one


@pytest.mark.parametrize("name", sorted(V.LAYOUT_VARIANTS))
def test_layout_variant_gives_the_same_tables(name, report, baseline, tmp_path):
    assert_same(baseline, tables_of(V.LAYOUT_VARIANTS[name](report.text), tmp_path))


@pytest.mark.parametrize("columns", [20, 57, 120])
def test_body_set_at_another_width_gives_the_same_tables(columns, corpus, baseline, tmp_path):
    assert_same(baseline, tables_of(V.rewrap(corpus, columns), tmp_path))


@pytest.mark.parametrize("columns", [24, 40, 60])
def test_english_notes_set_at_another_width_give_the_same_tables(columns, corpus, baseline, tmp_path):
    """Narrow English lines: one may read like a byline (`Datta, NASA’s chief HR`) and must not open a
    chapter; a line may end at a real hyphen (`early-|career`, `re-|imagined`), which stays."""
    assert_same(baseline, tables_of(V.rewrap(corpus, columns, notes=True), tmp_path))


@pytest.mark.parametrize(
    "phrase, at",
    [
        ("4,500万美元", 2),  # 4,|500: once read as 500万美元
        ("高达1000万英镑", 2),  # the qualifier ends a line: up_to was lost
        ("1,000万欧元", 6),  # 美|元-like: the currency word broken, the amount lost
        ("等。192021年", 2),  # a footnote number after a paragraph break was glued into the case
        ("该基金在18个政府机构", 4),  # a case span broken mid-sentence
        ("政府内部的人才流动：随着公共部门", 12),  # a barrier bullet broken: its text was cut
    ],
)
def test_a_break_inside_a_mention_changes_nothing(phrase, at, report, baseline, tmp_path):
    assert_same(baseline, tables_of(break_inside(report.text, phrase, at), tmp_path))


def test_the_regression_breaks_do_break_the_paragraph(report, reference):
    """The breaks above really end a paragraph in the layout (so the tests test something)."""
    from trendlib.parse.corpus import read_corpus

    for phrase, at, tail in (("4,500万美元", 2, "4,"), ("高达1000万英镑", 2, "高达"), ("等。192021年", 2, "等。")):
        text = break_inside(report.text, phrase, at)
        corpus = read_corpus(type(report)(text, report.path, "x"), reference.boxes)
        assert any(p.text.endswith(tail) for p in corpus.paragraphs), phrase


# ---------------------------------------------------------------- property


@settings(
    max_examples=4,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    columns=st.integers(20, 120),
    seed=st.integers(0, 10_000),
    early=st.sampled_from([0.0, 0.15, 0.3]),
    layout=st.sampled_from(sorted(V.LAYOUT_VARIANTS) + ["none"]),
    notes=st.booleans(),
)
def test_any_width_any_break_points_any_layout(columns, seed, early, layout, notes, corpus, baseline, tmp_path):
    text = V.rewrap(corpus, columns, seed=seed, early=early, notes=notes)
    if layout != "none":
        text = V.LAYOUT_VARIANTS[layout](text)
    assert_same(baseline, tables_of(text, tmp_path))


# ---------------------------------------------------------------- edition changes that are not extraction


def half_width_marks(text: str) -> str:
    """An edition that prints ？ and ！ half-width (? !), as many Chinese typesetters do."""
    return text.replace("？", "?").replace("！", "!")


def test_half_width_question_and_exclamation_marks_give_the_same_tables(report, corpus, tables, tmp_path):
    """Once split a paragraph in two (``改变!我们的孩子`` read as a heading), shifting every later para_id."""
    t = build.build_tables(_write(tmp_path, half_width_marks(report.text)), any_edition=True)
    assert_same(V.comparable(tables, fold_width=True), V.comparable(t, fold_width=True))
    assert len(t["paragraphs"]) == len(corpus.paragraphs)


def _write(tmp_path, text: str):
    path = tmp_path / "edition.txt"
    path.write_text(text, encoding="utf-8", newline="")
    return path


@pytest.mark.parametrize("line", [741, 335, 1695, 4373])  # percentages (S011); amounts in case anchors and ties
def test_a_paragraph_printed_twice_is_counted_once(line, report, corpus, baseline, tmp_path):
    """The repeat is marked in paragraphs.repeats_para_id; it adds no statistics, money or actor-mention row."""
    p = next(p for p in corpus.paragraphs if p.line_start <= line <= p.line_end)
    lines = report.text.split("\n")
    doubled = "\n".join(lines[: p.line_end] + [""] + lines[p.line_start - 1 : p.line_end] + lines[p.line_end :])
    t = build.build_tables(_write(tmp_path, doubled), any_edition=True)
    assert_same(baseline, V.comparable(t))
    repeats = t["paragraphs"].dropna(subset=["repeats_para_id"])
    assert len(repeats) == 1
    first = t["paragraphs"].set_index("para_id").loc[int(repeats["repeats_para_id"].iloc[0])]
    assert first["line_start"] == p.line_start
