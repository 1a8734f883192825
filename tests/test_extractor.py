"""Robust to the extractor: other line breaks, CRLF and a BOM give the same corpus.

A different PDF tool breaks lines elsewhere inside a paragraph but still ends a
paragraph at a line end. We re-wrap every paragraph of the report at several
widths (as a typesetter would, leaving its last line short) and check that
paragraphs, trends and sections come out the same, line numbers aside.
"""

import pytest

from trendlib.parse.corpus import read_corpus
from trendlib.parse.layout import BYLINE, is_latin, paragraphs, split_lines, width
from trendlib.parse.report import read_report
from trendlib.patterns import compact
from trendlib.patterns import is_wide as _is_wide


def _tokens(text: str) -> list[str]:
    """Characters, with Latin words kept whole."""
    tokens, word = [], ""
    for ch in text:
        if not _is_wide(ch) and not ch.isspace():
            word += ch
            continue
        if word:
            tokens.append(word)
            word = ""
        tokens.append(ch)
    return tokens + ([word] if word else [])


NO_LINE_START = set("，。、；：！？”’）》」』%")


def _fill(tokens: list[str], columns: int) -> list[str]:
    lines, line = [], ""
    for tok in tokens:
        # kinsoku: closing punctuation never starts a line
        glued_note = tok.isdigit() and line[-1:] in NO_LINE_START  # `。4`: a note number stays put
        if line and width(line + tok) > columns and tok not in NO_LINE_START and not glued_note:
            lines.append(line.strip())
            line = "" if tok == " " else tok
        else:
            line += tok
    return [ln for ln in [*lines, line.strip()] if ln]


def wrap(text: str, columns: int) -> list[str] | None:
    """``text`` in lines of about ``columns`` display columns, as a typesetter would set a
    paragraph: every line full but the last, which ends visibly short; None if no width
    between 87% and 100% of ``columns`` does that."""
    tokens = _tokens(text)
    for w in range(columns, int(0.87 * columns) - 1, -1):
        lines = _fill(tokens, w)
        if width(lines[-1]) <= 0.75 * w and all(width(ln) >= 0.87 * columns for ln in lines[:-1]):
            return lines
    return None


def rewrapped(text: str, columns: int) -> str:
    """The report with every paragraph (footnote numbers and all) set at ``columns``."""
    out = []
    for p in paragraphs(split_lines(text)):
        lines = None
        if not (is_latin(p.text) or BYLINE.fullmatch(p.text)):
            lines = [p.text] if width(p.text) <= 0.75 * columns else wrap(p.text, columns)
        if lines is None:  # English endnotes, bylines, and paragraphs no width sets cleanly: as printed
            lines = [ln.strip() for ln in text[p.char_start : p.char_end].split("\n") if ln.strip()]
        lines[0] = (" " if p.page_start else "") + lines[0]
        out.extend(lines)
        out.append("")
    return "\n".join(out)


BOXES = {"data", "pull_quote", "sidebar"}


def signature(corpus):
    """Each paragraph's trend, section and text, spaces aside (extractors set them differently).

    Infographics, pull quotes and boxed stories are compared as whole blocks: their
    fragments sit in narrow columns whose line-by-line grouping no extractor fixes.
    """
    out = []
    for p in corpus.paragraphs:
        t, s, b = p.trend, p.section, p.box
        if b in BOXES and out and out[-1][:3] == (t, s, b):
            out[-1] = (t, s, b, out[-1][3] + compact(p.text))
        else:
            out.append((t, s, b, compact(p.text)))
    return out


def per_character(corpus):
    """Trend and section of every non-space character, in reading order."""
    return [(c, p.trend, p.section) for p in corpus.paragraphs for c in compact(p.text)]


def reparse(corpus, reference, tmp_path, columns):
    path = tmp_path / f"wrapped-{columns}.txt"
    path.write_text(rewrapped(corpus.report.text, columns), encoding="utf-8")
    return read_corpus(
        read_report(path, any_edition=True), reference.boxes, hyphenated_words=reference.hyphenated_words
    )


@pytest.mark.parametrize("columns", [44, 52, 60, 72, 90, 110])
def test_every_character_keeps_its_trend_and_section_at_other_widths(corpus, reference, tmp_path, columns):
    assert per_character(reparse(corpus, reference, tmp_path, columns)) == per_character(corpus)


@pytest.mark.parametrize("columns", [64])
def test_same_paragraphs_at_another_width(corpus, reference, tmp_path, columns):
    # At other widths a handful of paragraphs cannot be set with a short last line
    # (see wrap); whether they end there is then undecidable from the text alone.
    assert signature(reparse(corpus, reference, tmp_path, columns)) == signature(corpus)


def test_crlf_and_bom_change_nothing(corpus, reference, report, tmp_path):
    path = tmp_path / "crlf-bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + report.text.replace("\n", "\r\n").encode("utf-8"))
    again = read_corpus(
        read_report(path, any_edition=True), reference.boxes, hyphenated_words=reference.hyphenated_words
    )
    assert signature(again) == signature(corpus)
    assert [p.line_start for p in again.paragraphs] == [p.line_start for p in corpus.paragraphs]
