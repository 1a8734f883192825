"""The report as a structured corpus: paragraphs with trend, section, notes and lines.

This ties the first stages together (report → layout → structure → footnotes)
and is what every later stage reads. Each paragraph keeps the raw offset of
each of its characters, so anything found in its text maps back to a line.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from .anchors import FlatText
from .footnotes import FootnoteRef, find_refs, without_refs
from .layout import Furniture, Paragraph, furniture, paragraphs, split_lines, split_paragraph
from .report import Report
from .structure import Trend, box_kinds, locate_boxes, sections, trends


@dataclass(frozen=True)
class Corpus:
    """The parsed report.

    ``paragraphs`` have their footnote numbers removed (listed in ``notes``);
    ``trend``, ``section`` and ``box`` (the curated box holding it) are per paragraph.
    """

    report: Report
    paragraphs: list[Paragraph]
    trend: list[int]
    section: list[str]
    box: list[str]
    notes: list[tuple[int, ...]]
    trends: list[Trend]
    furniture: list[Furniture]
    flat: FlatText
    line_starts: list[int]

    def line_of(self, offset: int) -> int:
        """1-based line of a raw character offset.

        >>> c = read_corpus(read_report(), [])  # doctest: +SKIP
        >>> c.line_of(0)  # doctest: +SKIP
        1
        """
        return bisect.bisect_right(self.line_starts, offset)

    def line_in(self, para: int, pos: int) -> int:
        """Line of character ``pos`` of paragraph ``para``'s text."""
        offsets = self.paragraphs[para].offsets
        return self.line_of(offsets[min(pos, len(offsets) - 1)])


def _trend_of(chapters: list[Trend], n: int) -> list[int]:
    return [t.number for t in chapters for _ in range(t.first, t.last + 1)][:n]


def read_corpus(report: Report, boxes: list[dict], *, boxes_source: str = "boxes.yaml") -> Corpus:
    """Parse ``report``; ``boxes`` are the curated rows of ``boxes.yaml``."""
    lines = split_lines(report.text)
    paras = paragraphs(lines)
    chapters = trends(paras)
    trend = _trend_of(chapters, len(paras))
    # notes are numbered per chapter and in the introduction; the endnotes themselves are not refs
    plain = sections(paras, chapters, [])
    parts = [[i for i in range(t.first, t.last + 1) if plain[i] not in ("endnotes", "summary")] for t in chapters]
    refs = find_refs(paras, parts)
    by_para: dict[int, list[FootnoteRef]] = {}
    for r in refs:
        by_para.setdefault(r.para, []).append(r)
    clean = [without_refs(p, by_para.get(i, [])) for i, p in enumerate(paras)]
    notes = [tuple(r.number for r in by_para.get(i, [])) for i in range(len(paras))]
    line_starts = [line.start for line in lines]

    def line_of(offset: int) -> int:
        return bisect.bisect_right(line_starts, offset)

    # a box may begin or end inside a paragraph the layout could not cut: cut it there
    flat = FlatText(clean)
    cuts = _box_cuts(clean, flat, boxes, boxes_source)
    clean, trend, notes, chapters = _cut(clean, trend, notes, chapters, cuts, line_of)
    flat = flat.regroup(clean)
    spans = locate_boxes(flat, boxes, source=boxes_source)
    return Corpus(
        report=report,
        paragraphs=clean,
        trend=trend,
        section=sections(clean, chapters, spans),
        box=box_kinds(len(clean), spans),
        notes=notes,
        trends=chapters,
        furniture=[f for line in lines if line.text.rstrip()[-1:].isdigit() and (f := furniture(line))],
        flat=flat,
        line_starts=line_starts,
    )


def _box_cuts(paras: list[Paragraph], flat: FlatText, boxes: list[dict], source: str) -> dict[int, set[int]]:
    """Positions (paragraph → character indices) where a box starts or ends mid-paragraph."""
    cuts: dict[int, set[int]] = {}
    for span in locate_boxes(flat, boxes, source=source):
        for para, raw, after in ((span.first, span.char_start, False), (span.last, span.char_end - 1, True)):
            offsets = paras[para].offsets
            pos = bisect.bisect_left(offsets, raw) + (1 if after else 0)
            if 0 < pos < len(offsets) and paras[para].text[pos:].strip():
                cuts.setdefault(para, set()).add(pos)
    return cuts


def _cut(paras, trend, notes, chapters, cuts, line_of):
    """Apply ``cuts``; chapters' paragraph ranges shift accordingly."""
    out_p, out_t, out_n, index = [], [], [], []
    for i, p in enumerate(paras):
        index.append(len(out_p))
        pieces, rest, done = [], p, 0
        for pos in sorted(cuts.get(i, ())):
            head, rest = split_paragraph(rest, pos - done, line_of)
            done = pos
            pieces.append(head)
        pieces.append(rest)
        for k, piece in enumerate(pieces):
            out_p.append(piece)
            out_t.append(trend[i])
            # a note number stays with the piece that held it
            out_n.append(tuple(n for n in notes[i]) if k == len(pieces) - 1 else ())
    index.append(len(out_p))
    shifted = [replace(t, first=index[t.first], last=index[t.last + 1] - 1) for t in chapters]
    return out_p, out_t, out_n, shifted
