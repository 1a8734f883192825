"""Stage 3b — the English endnotes (注释): one note per number, Ibid. resolved.

The notes are printed as a run of paragraphs in a chapter's endnotes section
(a page break can split a note, and a 注释 heading can fall inside one). They
are read as one stream and cut where the next expected number starts a note,
so a number inside a note (`May 9, 2022.`) never starts a new one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..patterns import YEAR_BARE, compact
from .corpus import Corpus

NOTE_START = re.compile(r"(?:^|(?<=\s))(\d{1,2})\.\s+(?=[A-Z0-9“\"‘'])")
IBID = re.compile(r"Ibid\.?,?\s*", re.I)
ACCESSED = re.compile(r"accessed\s+(?:on\s+)?(?:[A-Z][a-z]+\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d\d")


@dataclass(frozen=True)
class Endnote:
    """Note ``number`` of ``trend`` as printed, and with an Ibid. resolved."""

    trend: int
    number: int
    printed: str
    text: str  # ``printed``, or for an Ibid. the note it repeats (+ what it adds, in brackets)
    ibid_of: int | None
    year: int | None  # the first year outside an access date
    line: int


def publication_year(note: str) -> int | None:
    """The first year of a note that is not an access date.

    >>> publication_year("Deloitte Insights, January 14, 2022; accessed February 15, 2023.")
    2022
    >>> publication_year("18F, “About,” accessed February 15, 2023.") is None
    True
    """
    year = YEAR_BARE.search(ACCESSED.sub("", note))
    return int(year[0]) if year else None


def _printed_notes(c: Corpus) -> list[tuple[int, int, str, int]]:
    """(trend, number, printed text, line) of every note, in order."""
    out = []
    for t in c.trends:
        idx = [
            i
            for i in range(t.first, t.last + 1)
            if c.paragraphs[i].section == "endnotes" and compact(c.paragraphs[i].text) != "注释"
        ]
        if not idx:
            continue
        text = " ".join(c.paragraphs[i].text for i in idx)
        offsets: list[int] = []  # raw offset of every character of ``text``
        for k, i in enumerate(idx):
            offsets.extend(c.paragraphs[i].offsets)
            if k < len(idx) - 1:
                offsets.append(c.paragraphs[i].offsets[-1])  # the joining space
        starts, expected = [], 1
        for m in NOTE_START.finditer(text):
            if int(m[1]) == expected:
                starts.append((m.start(), m.end()))
                expected += 1
        for number, (start, body) in enumerate(starts, 1):
            end = starts[number][0] if number < len(starts) else len(text)
            out.append((t.number, number, text[body:end].strip(), c.line_of(offsets[start])))
    return out


def endnotes(c: Corpus) -> list[Endnote]:
    """Every endnote of the report, an Ibid. resolved to the note it repeats."""
    notes: dict[tuple[int, int], Endnote] = {}
    for trend, number, printed, line in _printed_notes(c):
        text, ibid_of = printed, None
        prev = notes.get((trend, number - 1))
        if IBID.match(printed) and prev:
            ibid_of = prev.ibid_of or prev.number  # an Ibid. of an Ibid. repeats the first
            rest = IBID.sub("", printed, count=1).strip()
            text = prev.text + (f" [{rest}]" if rest else "")
        notes[trend, number] = Endnote(trend, number, printed, text, ibid_of, publication_year(text), line)
    return list(notes.values())
