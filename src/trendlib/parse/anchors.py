"""Find curated verbatim anchors in the report, whatever its line breaks.

Curated files (cases, boxes, barriers…) point into the report with short
verbatim phrases. They are matched on the paragraphs' text with *all*
whitespace removed — Chinese has no spaces between words, and a phrase split
across a line or page break must still be found — and the match is mapped back
to a paragraph and a raw character offset.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection
from dataclasses import dataclass

from ..errors import AnchorError
from ..patterns import WHITESPACE, compact
from .layout import Paragraph

_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Hit:
    """Where a phrase was found: first/last paragraph and raw offsets."""

    para_start: int
    para_end: int
    char_start: int  # raw offset of the first character
    char_end: int  # raw offset just after the last character
    flat_start: int
    flat_end: int


class FlatText:
    """All paragraphs' text without whitespace, with a way back to the raw text.

    >>> from trendlib.parse.layout import paragraphs, split_lines
    >>> ft = FlatText(paragraphs(split_lines("新都市力学\\n市长办公室。\\n")))
    >>> ft.find_once("力学市长", where="example").char_start
    3
    """

    def __init__(self, paras: list[Paragraph], skip: Collection[int] = ()):
        """``skip``: indices of paragraphs left out (a paragraph the source printed twice is read once)."""
        chars, para_of, raw = [], [], []
        for i, p in enumerate(paras):
            if i in skip:
                continue
            if WHITESPACE.search(p.text):
                for word in _WORD.finditer(p.text):
                    chars.append(word[0])
                    raw.extend(p.offsets[word.start() : word.end()])
            else:  # most Chinese paragraphs have no space at all
                chars.append(p.text)
                raw.extend(p.offsets)
            para_of.extend([i] * (len(raw) - len(para_of)))
        self.text = "".join(chars)
        self._para = para_of
        self._raw = raw

    def regroup(self, paras: list[Paragraph]) -> "FlatText":
        """The same text split into ``paras`` — the same characters in other
        paragraphs (after cutting some in two) — without re-reading them."""
        other = object.__new__(FlatText)
        other.text, other._raw, para_of = self.text, self._raw, []
        for i, p in enumerate(paras):
            end = bisect.bisect_right(self._raw, p.offsets[-1])
            para_of.extend([i] * (end - len(para_of)))
        other._para = para_of
        return other

    def flat_at(self, raw_offset: int) -> int:
        """Flat position of the first non-space character at or after ``raw_offset``."""
        return bisect.bisect_left(self._raw, raw_offset)

    def hit(self, start: int, end: int) -> Hit:
        return Hit(self._para[start], self._para[end - 1], self._raw[start], self._raw[end - 1] + 1, start, end)

    def find_all(self, phrase: str, start: int = 0) -> list[int]:
        needle, out = compact(phrase), []
        i = self.text.find(needle, start)
        while needle and i >= 0:
            out.append(i)
            i = self.text.find(needle, i + 1)
        return out

    def find_once(self, phrase: str, *, where: str) -> Hit:
        """The single occurrence of ``phrase``; ``where`` names the curated row for errors."""
        found = self.find_all(phrase)
        if len(found) != 1:
            raise AnchorError(
                f"{where}: anchor {phrase!r} occurs {len(found)} times in the report, expected exactly once; "
                "copy a longer or different verbatim phrase from the report"
            )
        return self.hit(found[0], found[0] + len(compact(phrase)))

    def find_after(self, phrase: str, after: int, *, where: str, limit: int = 6000) -> Hit:
        """The first occurrence of ``phrase`` at or after flat position ``after``."""
        i = self.text.find(compact(phrase), after)
        if i < 0 or i - after > limit:
            left = len(self.text) - after
            raise AnchorError(
                f"{where}: end phrase {phrase!r} not found within {limit} characters after its start; "
                + (
                    f"the report's text ends {left} characters after it: is the report truncated?"
                    if i < 0 and left < limit
                    else "copy the verbatim last words of the passage"
                )
            )
        return self.hit(i, i + len(compact(phrase)))

    def find_nth(self, phrase: str, occurrence: int, *, where: str) -> Hit:
        """The ``occurrence``-th (1-based) occurrence of a phrase the text repeats."""
        found = self.find_all(phrase)
        if not 1 <= occurrence <= len(found) or len(found) < 2:
            raise AnchorError(
                f"{where}: anchor {phrase!r} occurs {len(found)} times in the report; occurrence "
                f"{occurrence} asked for (use `occurrence` only for a phrase the report repeats)"
            )
        i = found[occurrence - 1]
        return self.hit(i, i + len(compact(phrase)))

    def span(self, start: str, end: str, *, where: str, occurrence: int | None = None) -> Hit:
        """From the single (or the ``occurrence``-th) ``start`` to the first ``end`` after it."""
        if occurrence is None:
            first = self.find_once(start, where=where)
        else:
            first = self.find_nth(start, occurrence, where=where)
        last = self.find_after(end, first.flat_start, where=where)
        return self.hit(first.flat_start, last.flat_end)
