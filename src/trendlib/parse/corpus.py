"""The report as a structured corpus: one record per paragraph, with its place in the report.

This ties the first stages together (report → layout → structure → footnotes)
and is what every later stage reads. Each :class:`Passage` keeps the raw
offset of each of its characters, so anything found in its text maps back to
a line; the outline of the report is computed once.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import AnchorError
from ..patterns import compact
from .anchors import FlatText
from .footnotes import FootnoteRef, find_refs, without_refs
from .layout import Furniture, Paragraph, furniture, paragraphs, split_lines, split_paragraph
from .report import Report
from .structure import BoxSpan, Trend, locate_boxes, numbering_parts, outline, sections


@dataclass(frozen=True)
class Passage:
    """A reflowed paragraph (footnote numbers removed) and where it sits in the report.

    ``trend`` is 0–8, ``section`` one of :data:`trendlib.vocab.SECTIONS`, ``box`` the
    curated box holding it ('' in the running text), ``notes`` the footnote numbers
    that were glued into it.
    """

    text: str
    offsets: tuple[int, ...]  # raw offset of every character of ``text``
    line_start: int
    line_end: int
    trend: int
    section: str
    box: str
    notes: tuple[int, ...]
    repeats: int | None = None  # index of an earlier paragraph with the same words: the source printed it twice

    @property
    def char_start(self) -> int:
        return self.offsets[0]

    @property
    def char_end(self) -> int:
        return self.offsets[-1] + 1


@dataclass(frozen=True)
class Corpus:
    """The parsed report: its passages, chapters, removed furniture and whitespace-free text."""

    report: Report
    paragraphs: list[Passage]
    trends: list[Trend]
    furniture: list[Furniture]
    flat: FlatText
    line_starts: list[int]
    paragraph_ends: list[int]  # char_end of each paragraph, in order (for text_between)

    def line_of(self, offset: int) -> int:
        """1-based line of a raw character offset.

        >>> from trendlib.parse.report import read_report
        >>> c = read_corpus(read_report(), [])
        >>> c.line_of(0)
        1
        """
        return bisect.bisect_right(self.line_starts, offset)

    def text_between(self, char_start: int, char_end: int) -> str:
        """The reflowed text of the paragraphs between two raw offsets, clipped to them, one line each."""
        parts = []
        for p in self.paragraphs[bisect.bisect_right(self.paragraph_ends, char_start) :]:
            if p.char_start >= char_end:
                break
            if p.repeats is not None:
                continue  # printed twice: read once
            lo, hi = bisect.bisect_left(p.offsets, char_start), bisect.bisect_left(p.offsets, char_end)
            parts.append(p.text[lo:hi].strip())
        return "\n".join(parts)

    def repeated(self, offset: int) -> bool:
        """Whether raw ``offset`` lies in a paragraph that repeats an earlier one word for word.

        >>> from trendlib.parse.report import read_report
        >>> read_corpus(read_report(), []).repeated(0)
        False
        """
        i = bisect.bisect_right(self.paragraph_ends, offset)
        return i < len(self.paragraphs) and self.paragraphs[i].repeats is not None

    def line_in(self, para: int, pos: int) -> int:
        """Line of character ``pos`` of paragraph ``para``'s text."""
        offsets = self.paragraphs[para].offsets
        return self.line_of(offsets[min(pos, len(offsets) - 1)])


def read_corpus(
    report: Report, boxes: list[dict], *, boxes_source: str = "boxes.yaml", hyphenated_words: Sequence[str] = ()
) -> Corpus:
    """Parse ``report``; ``boxes`` are the curated rows of ``boxes.yaml``, ``hyphenated_words`` those of
    ``hyphenated_words.yaml`` (each must occur in the report)."""
    lines = split_lines(report.text)
    line_starts = [line.start for line in lines]

    def line_of(offset: int) -> int:
        return bisect.bisect_right(line_starts, offset)

    paras = paragraphs(lines, hyphenated_words)
    # A paragraph the source printed twice is read once: its footnote numbers, anchors, names, phrases and
    # quantities are read from the first copy only. Printed twice in a row, the two copies may have been
    # joined into one paragraph: cut them apart first.
    doubled = {i: {k} for i, p in enumerate(paras) if (k := doubled_at(p.text))}
    if doubled:
        paras, _, _ = _cut(paras, [()] * len(paras), doubled, line_of)
    repeats = repeats_of(paras)
    plan = outline(paras)
    refs = find_refs(paras, [[i for i in part if repeats[i] is None] for part in numbering_parts(paras, plan)])
    by_para: dict[int, list[FootnoteRef]] = {}
    for r in refs:
        by_para.setdefault(r.para, []).append(r)
    clean = [without_refs(p, by_para.get(i, [])) for i, p in enumerate(paras)]
    notes = [tuple(dict.fromkeys(r.number for r in by_para.get(i, []))) for i in range(len(paras))]
    flat = FlatText(clean, skip={i for i, r in enumerate(repeats) if r is not None})
    for n, word in enumerate(hyphenated_words, 1):
        if not flat.find_all(word):
            raise AnchorError(
                f"hyphenated_words.yaml: row {n} ({word!r}) never occurs in the report; "
                "remove it, or copy the word as the report spells it"
            )
    # a box may begin or end inside a paragraph the layout could not cut: cut it there
    cuts = _box_cuts(clean, locate_boxes(flat, boxes, source=boxes_source))
    clean, notes, index = _cut(clean, notes, cuts, line_of)
    plan = plan.shifted(index)
    repeats = [
        None if repeats[i] is None else index[repeats[i]]
        for i in range(len(repeats))
        for _ in range(index[i], index[i + 1])
    ]
    flat = flat.regroup(clean)
    spans = locate_boxes(flat, boxes, source=boxes_source)
    section = sections(clean, plan, spans)
    box = _box_kinds(len(clean), spans)
    trend = [t.number for t in plan.trends for _ in range(t.first, t.last + 1)]
    passages = [
        Passage(p.text, p.offsets, p.line_start, p.line_end, trend[i], section[i], box[i], notes[i], repeats[i])
        for i, p in enumerate(clean)
    ]
    return Corpus(
        report=report,
        paragraphs=passages,
        trends=list(plan.trends),
        furniture=[f for line in lines if line.text.rstrip()[-1:].isdigit() and (f := furniture(line))],
        flat=flat,
        line_starts=line_starts,
        paragraph_ends=[p.char_end for p in passages],
    )


#: A paragraph this long that repeats an earlier one word for word was printed twice (an extraction or edition
#: slip); shorter repeats are headings and list items every chapter has (突破壁垒, •新加坡).
REPEAT_MIN_CHARS = 20
_SENTENCE_END = re.compile(r"[。！？!?]”?\d{0,3}")


def doubled_at(text: str) -> int | None:
    """Where a paragraph's text starts over, if it is one text of whole sentences printed twice in a row.

    >>> doubled_at("政府部门深入掌握员工的技能，并为员工提供机会。23 政府部门深入掌握员工的技能，并为员工提供机会。23")
    25
    >>> doubled_at("突破壁垒。突破壁垒。") is None  # too short to tell from a real repetition
    True
    """
    for m in _SENTENCE_END.finditer(text):
        head, tail = compact(text[: m.end()]), compact(text[m.end() :])
        if len(head) >= REPEAT_MIN_CHARS and head == tail:
            return m.end()
        if len(head) > len(tail):
            return None
    return None


def repeats_of(paras: Sequence[Paragraph]) -> list[int | None]:
    """For each paragraph, the index of an earlier one with the same words (whitespace ignored), or ``None``.

    >>> from types import SimpleNamespace as P
    >>> texts = ["突破壁垒", "政府内部的人才流动日益普遍，许多部门开始支持员工流动。", "突破壁垒",
    ...          "政府内部的人才流动日益普遍，许多部门开始支持 员工流动。"]
    >>> repeats_of([P(text=t) for t in texts])
    [None, None, None, 1]
    """
    first: dict[str, int] = {}
    out: list[int | None] = []
    for i, p in enumerate(paras):
        key = compact(p.text)
        out.append(first[key] if len(key) >= REPEAT_MIN_CHARS and key in first else None)
        first.setdefault(key, i)
    return out


def _box_kinds(n: int, boxes: list[BoxSpan]) -> list[str]:
    """For each of ``n`` paragraphs, the kind of curated box holding it, or ''."""
    kinds = [""] * n
    for b in boxes:
        kinds[b.first : b.last + 1] = [b.kind] * (b.last - b.first + 1)
    return kinds


def _box_cuts(paras: list[Paragraph], spans: list[BoxSpan]) -> dict[int, set[int]]:
    """Positions (paragraph → character indices) where a box starts or ends mid-paragraph."""
    cuts: dict[int, set[int]] = {}
    for span in spans:
        for para, raw, after in ((span.first, span.char_start, False), (span.last, span.char_end - 1, True)):
            offsets = paras[para].offsets
            pos = bisect.bisect_left(offsets, raw) + (1 if after else 0)
            if 0 < pos < len(offsets) and paras[para].text[pos:].strip():
                cuts.setdefault(para, set()).add(pos)
    return cuts


def _cut(paras: list[Paragraph], notes: list[tuple[int, ...]], cuts: dict[int, set[int]], line_of):
    """Apply ``cuts``; returns the pieces, their notes and the index of each old paragraph's first piece."""
    out_p, out_n, index = [], [], []
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
            # a note number stays with the piece that held it
            out_n.append(notes[i] if k == len(pieces) - 1 else ())
    index.append(len(out_p))
    return out_p, out_n, index
