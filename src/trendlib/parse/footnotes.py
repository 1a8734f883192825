"""Stage 3a — footnote references glued to the text (`…合作。5 `, `全6\\n球`).

The PDF extraction glues each note's number to the text around it, where it
looks like any other number. What tells them apart is that a chapter's notes
are numbered 1, 2, 3 … in reading order: a candidate is a note only if it is
the next number expected (allowing for a few notes the extraction lost), and
only if it is not a quantity (followed by a unit such as 年, %, 个, 万) nor a
list number or heading. The same rule splits a note glued before a number,
`。52019年` → note 5 + 2019年.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from ..patterns import AFTER_SENTENCE
from .layout import FIGURES, Paragraph, is_heading, joiner

# Digit runs not inside a number, word or list marker.
CANDIDATE = re.compile(r"(?<![\d.,:/A-Za-z%$€£\-–~])\d+")
# What may follow a number that is a quantity, date, list number or name, never a note.
QUANTITY_NEXT = re.compile(
    r"[\d.,:：/%％\-–~年月日号个位名家项次人岁周天时分秒万亿千百十元镑倍座所条种类份批件例届期台辆架艘张本篇页章节级层区省州国城县岛起宗笔块场轮户亩米吨克度多余来至到或A-Za-z]"
)
# What may precede a number that is part of a name or phrase, never a note.
QUANTITY_PREV = re.compile(r"(趋势|第|约|近|共|计|达|逾|超过|至|和|或|为|到|每)$")
# After a finished sentence (AFTER_SENTENCE) the expected note number wins over a unit-like next
# word (`。16人事管理…`).
NEVER_NEXT = re.compile(r"[\d.,%％年月日]")
# How many notes the extraction may have lost between two it kept.
MAX_SKIP = 3


@dataclass(frozen=True)
class FootnoteRef:
    """Note ``number`` glued into paragraph ``para`` at ``text[start:end]``."""

    para: int
    number: int
    start: int
    end: int


def _note_prefix(digits: str, before: str, after: str, expected: int) -> int | None:
    """How many leading digits of ``digits`` are the expected note number, if any.

    >>> _note_prefix("52019", "合作。", "年", 5), _note_prefix("2019", "层面，", "年", 20)
    (1, None)
    """
    for k in (1, 2):
        if k > len(digits):
            break
        value, rest = int(digits[:k]), digits[k:]
        if not expected <= value <= expected + MAX_SKIP:
            continue
        if rest:
            # a note glued before a number: what is left must be a number in its own right
            year = len(rest) == 4 and rest[:2] in ("19", "20") and after == "年"
            amount = len(rest) >= 3 and rest[0] != "0" and QUANTITY_NEXT.match(after or "x") and after != "年"
            if year or amount:
                return k
            continue
        if not QUANTITY_NEXT.match(after):
            return k
        if value == expected and AFTER_SENTENCE.search(before) and not NEVER_NEXT.match(after):
            return k
    return None


def _streams(paras: list[Paragraph], part: list[int]):
    """The paragraphs of a numbering sequence read as runs of text, as wrapped lines are joined, so
    a paragraph break the extraction put mid-sentence changes nothing. A heading or a row of bare
    figures starts a run of its own. Yields (text, [(paragraph, its offset in text), …])."""
    text, owners = "", []
    for i in part:
        t = paras[i].text
        hard = not text or is_heading(t) or FIGURES.fullmatch(t) or is_heading(paras[owners[-1][0]].text)
        if hard:
            if text:
                yield text, owners
            text, owners = t, [(i, 0)]
            continue
        sep, _ = joiner(text[-2:], t, dehyphenate=False)
        owners.append((i, len(text) + len(sep)))
        text += sep + t
    if text:
        yield text, owners


def find_refs(paras: list[Paragraph], parts: list[list[int]]) -> list[FootnoteRef]:
    """Footnote references in reading order; ``parts`` lists the paragraph
    indices of each numbering sequence (a chapter, the introduction).

    Each sequence is read across paragraph breaks (:func:`_streams`): what
    comes before and after a candidate number does not depend on where the
    extraction ended a paragraph. A number split over two paragraphs gives a
    reference in each (same number).

    >>> from trendlib.parse.layout import paragraphs, split_lines
    >>> ps = paragraphs(split_lines("为抗疫做出了贡献3。面对危机，有52个岗位。"))
    >>> [(r.number, ps[0].text[r.start:r.end]) for r in find_refs(ps, [[0]])]
    [(3, '3')]
    """
    refs: list[FootnoteRef] = []
    for part in parts:
        expected = 1
        for text, owners in _streams(paras, part):
            starts = [o for _, o in owners]
            for m in CANDIDATE.finditer(text):
                j = m.start()
                while j and text[j - 1].isspace():
                    j -= 1
                before = text[max(0, j - 2) : j]  # the two characters before, spaces skipped
                if not before or QUANTITY_PREV.search(before) or before[-1].isdigit() or before[-1] in "%％":
                    continue  # a run's start (list numbers), a quantity phrase or a row of figures
                k = _note_prefix(m[0], before, text[m.end() : m.end() + 1], expected)
                if k:
                    number = int(m[0][:k])
                    start, end = m.start(), m.start() + k
                    first = bisect.bisect_right(starts, start) - 1
                    last = bisect.bisect_right(starts, end - 1) - 1
                    for o in range(first, last + 1):  # usually one paragraph
                        para, offset = owners[o]
                        lo, hi = max(start, offset), min(end, offset + len(paras[para].text))
                        if lo < hi:
                            refs.append(FootnoteRef(para, number, lo - offset, hi - offset))
                    expected = number + 1
    return refs


def without_refs(p: Paragraph, refs: list[FootnoteRef]) -> Paragraph:
    """``p`` with its note numbers removed (and the space the PDF set after one).

    >>> from trendlib.parse.layout import paragraphs, split_lines
    >>> p = paragraphs(split_lines("新合作伙伴。5 目标驱动的企业"))[0]
    >>> without_refs(p, [FootnoteRef(0, 5, 6, 7)]).text
    '新合作伙伴。目标驱动的企业'
    """
    if not refs:
        return p
    cuts = []  # [start, end) of each stretch to remove
    for r in sorted(refs, key=lambda r: r.start):
        end = r.end
        if r.start > 0 and not p.text[r.start - 1].isascii():
            while end < len(p.text) and p.text[end] == " ":
                end += 1  # `。5 目标`: Chinese sets no space after a sentence
        cuts.append((r.start, end))
    text, offsets, kept = [], [], 0
    for start, end in cuts:
        text.append(p.text[kept:start])
        offsets.extend(p.offsets[kept:start])
        kept = end
    text.append(p.text[kept:])
    offsets.extend(p.offsets[kept:])
    joined = "".join(text).rstrip()
    return replace(p, text=joined, offsets=tuple(offsets[: len(joined)]))
