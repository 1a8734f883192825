"""Stage 1 — layout: raw lines → page furniture removed → reflowed paragraphs.

The text was extracted from a PDF: every line is hard-wrapped, pages are
interrupted by a navigation bar and running footers, and blank lines carry no
meaning. A paragraph ends where a line ends *short* (well before the width of
the lines around it) or where the next line is a heading or a list item —
measured against the neighbouring lines, never against a fixed width, so the
same text wrapped at another width gives the same paragraphs.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from ..patterns import INNER_SENTENCE_END, LINE_ENDS_SENTENCE, is_cjk_free, is_wide

# `    I   01   02 … 08`: the navigation bar printed at the top of each page.
NAV_BAR = re.compile(r"\s*I(?:\s+0\d){8}\s*")
# `采用更灵活的人才模式    19`: running footer, chapter title and printed page number.
FOOTER = re.compile(r"(?P<title>\S[^\t]*?)(?:\s{3,}|\s*\t\s*)(?P<page>\d{1,3})\s*")
# Headings that always stand on their own line (after removing spaces: `概 要`).
HEADING = re.compile(r"(?:趋势\d|概要|概述|突破壁垒|打破壁垒|行动趋势|未来展望|我的观点|注释|解读数据：.+)")
HEADING_FIRST = frozenset("趋概突打行未我注解")  # the first characters HEADING can start with
SPACES = re.compile(r"\s+")
LIST_ITEM = re.compile(r"\s*(?:[•·▪]|\d{1,2}\.\s)")
# An author byline: Latin names joined by commas, "and", 、 or 与 (`PJ Rivera, …, and Sushumna Agarwal`).
BYLINE = re.compile(
    r"\s*[A-Z][A-Za-zÀ-ÿ.’'\- ]+(?:(?:,\s*and|,|，|、|与|\s+and)\s*[A-Z][A-Za-zÀ-ÿ.’'\- ]*?(?:博士)?)+\s*"
)
# A person's name alone on a line (My-Take sidebars: `Dennis Lui`).
NAME = re.compile(r"\s*[A-Z][A-Za-zÀ-ÿ’'.]*(?:[ \-][A-Z][A-Za-zÀ-ÿ’'.]*){1,3}\s*")
# Bare figures of an infographic (`85%`, `31% 37%`, `29 735`).
FIGURES = re.compile(r"\s*\d[\d,.]*%?(?:\s+\d[\d,.]*%?)*\s*")
# A new labelled paragraph: `现状：…`, `趋势4：…`.
LABEL = re.compile(r"\s*[^\s，。：:、]{1,6}：")
INNER_SPACE = re.compile(r"\s\s|[^\S ]")
# How much narrower than the lines around it a line must be to count as short.
SHORT = 0.84


class Line(NamedTuple):
    """One line of the report (1-based ``number``; ``start`` = char offset)."""

    number: int
    start: int
    text: str

    @property
    def content(self) -> str:
        return self.text.strip()

    @property
    def opens_page(self) -> bool:
        """The line begins a PDF page: one leading space (this extraction) or a form feed (pdftotext)."""
        t = self.text
        return t.startswith("\f") or (t.startswith(" ") and not t.startswith("  ") and t[1:2] != "\f")


@dataclass(frozen=True)
class Furniture:
    """A removed navigation bar or running footer, kept for what it tells."""

    line: int
    kind: str  # "nav" | "footer"
    label: str  # the footer's chapter title, "" for the nav bar
    page: int | None  # the printed page number


@dataclass(frozen=True)
class Paragraph:
    """A reflowed paragraph and where each of its characters sits in the raw text.

    >>> p = paragraphs(split_lines("当前，无论是组织结构、面临的挑战还是内部的员工，组织内部的一\\n切都是动态的。"))[0]
    >>> p.text, p.line_start, p.line_end
    ('当前，无论是组织结构、面临的挑战还是内部的员工，组织内部的一切都是动态的。', 1, 2)
    """

    text: str
    offsets: tuple[int, ...]  # raw offset of every character of ``text``
    line_start: int
    line_end: int
    page_start: bool  # its first line opens a PDF page (the line begins with one space)

    @property
    def char_start(self) -> int:
        return self.offsets[0]

    @property
    def char_end(self) -> int:
        return self.offsets[-1] + 1


def split_lines(text: str) -> list[Line]:
    """Number the lines of ``text`` and record their offsets.

    >>> [(l.number, l.start, l.text) for l in split_lines("a\\nbc")]
    [(1, 0, 'a'), (2, 2, 'bc')]
    """
    raw = text.split("\n")
    starts = itertools.accumulate((len(r) + 1 for r in raw[:-1]), initial=0)
    new = tuple.__new__  # Line(...) without a Python-level __new__ per line: the report has 4,484
    return [new(Line, fields) for fields in zip(range(1, len(raw) + 1), starts, raw, strict=True)]


def furniture(line: Line) -> Furniture | None:
    """The page furniture ``line`` is, if any.

    >>> furniture(Line(798, 0, "采用更灵活的人才模式    19"))
    Furniture(line=798, kind='footer', label='采用更灵活的人才模式', page=19)
    """
    if not line.text.rstrip()[-1:].isdigit():
        return None  # both kinds end with a number
    if NAV_BAR.fullmatch(line.text):
        return Furniture(line.number, "nav", "", None)
    m = FOOTER.fullmatch(line.text)
    if m and not LINE_ENDS_SENTENCE.search(m["title"]):
        return Furniture(line.number, "footer", m["title"].strip(), int(m["page"]))
    return None


def width(s: str) -> int:
    """Display width: CJK characters count two columns, others one.

    >>> width("政府 AI")
    7
    """
    # a CJK character is 3 bytes in UTF-8 and 2 columns; ASCII is 1 byte and 1 column
    return (len(s.encode("utf-8")) + len(s)) // 2


def is_heading(s: str) -> bool:
    """A standalone heading (`概述`, `解读数据：…`), spaces aside.

    >>> is_heading(" 概 要"), is_heading("概述了世界各地政府")
    (True, False)
    """
    s = s.strip()
    return len(s) < 60 and s[:1] in HEADING_FIRST and bool(HEADING.fullmatch(SPACES.sub("", s)))


def is_latin(s: str) -> bool:
    """No Chinese character in ``s`` (curly quotes and dashes do not count).

    >>> is_latin("“Tele-Law”"), is_latin("Starlink一夜")
    (True, False)
    """
    return is_cjk_free(s)


def is_byline(text: str, neighbours: Sequence[str]) -> bool:
    """``text`` (a line or a paragraph) is an author byline, given the texts just before and after it.

    A byline (its names may be joined by 、 and 与) is set between a chapter's Chinese title and its
    body, so it has Chinese next to it; a line of the English notes that reads like one does not.

    >>> is_byline("David Betts, Julia Elligers, and Alison Muckle", ["数字化转型的新趋势", "概述"])
    True
    >>> is_byline("Datta, NASA’s chief HR", ["officer, described the agency’s", "program."])
    False
    """
    return (
        text[:1].isascii()
        and text[:1].isupper()
        and bool(BYLINE.fullmatch(text))
        and not all(map(is_latin, neighbours))
    )


def _standalone(texts: list[str], latin: list[bool], i: int) -> bool:
    """Lines that are always a paragraph of their own: headings, bylines, and
    names or bare figures set among Chinese lines."""
    s = texts[i]
    neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(texts)]
    if is_heading(s) or is_byline(s, [texts[j] for j in neighbours]):
        return True
    if not latin[i]:
        return False
    among_chinese = any(not latin[j] for j in neighbours)
    figures = FIGURES.fullmatch(s) and ("%" in s or " " in s.strip())
    return among_chinese and bool(NAME.fullmatch(s) or figures)


def _paragraph_breaks(lines: list[Line]) -> list[bool]:
    """For each content line, whether a paragraph ends after it.

    "Short" is relative to the column the line sits in — the widest of its
    neighbours in the same script (Chinese or Latin-only), headings and
    bylines left out — so the rule holds whatever width the text was wrapped at.
    """
    texts = [ln.content for ln in lines]
    widths = [width(t) for t in texts]
    typical = sorted(widths)[len(widths) // 2] if widths else 0
    latin = [is_latin(t) for t in texts]
    plain = [not _standalone(texts, latin, i) for i in range(len(texts))]

    n, shorts = len(lines), []
    for i in range(n):
        column = None  # the widest plain line of the same script within two lines either side
        for j in range(max(0, i - 2), min(n, i + 3)):
            if plain[j] and latin[j] == latin[i] and (column is None or widths[j] > column):
                column = widths[j]
        shorts.append(widths[i] < SHORT * (widths[i] if column is None else column))
    short = shorts.__getitem__

    breaks, first, prev_short = [], True, False
    for i, a in enumerate(texts):
        b = texts[i + 1] if i + 1 < len(texts) else None
        if (
            b is None
            or not plain[i]
            or not plain[i + 1]
            or LIST_ITEM.match(b)
            or (lines[i + 1].opens_page and widths[i] < SHORT * typical)
        ):
            end = True
        elif LINE_ENDS_SENTENCE.search(a):
            end = short(i) or (short(i + 1) and not LINE_ENDS_SENTENCE.search(b)) or bool(LABEL.match(b))
        elif not short(i):
            end = False  # a full line in the middle of a sentence
        elif not first and not prev_short:
            # mid-sentence in body text: the paragraph goes on if the text keeps wrapping
            # short (round a box); a full line next means this was a short paragraph's end
            end = not short(i + 1)
        elif first and INNER_SENTENCE_END.search(a):
            end = False  # prose that starts short (a box's narrow first line), not a heading
        else:
            # a heading: short lines before the body; a wrapped heading's first line is its longest
            end = not short(i + 1) or widths[i] < widths[i + 1]
        breaks.append(end)
        first, prev_short = end, short(i)
    return breaks


def joiner(left: str, right: str, dehyphenate: bool) -> tuple[str, int]:
    """How two wrapped lines meet: returns (separator, chars to drop from ``left``).

    Chinese joins with nothing; two Latin words keep one space; an English word
    broken with a hyphen at the line end is re-joined.
    """
    if left.endswith("-") and left[-2:-1].isalpha() and right[:1].isalpha():
        # a word broken at a hyphen: the typesetter's hyphen goes, a real one stays; no space either way
        return "", 1 if dehyphenate and left[-2:-1].islower() and right[:1].islower() and right[:1].isascii() else 0
    if right[0].isdigit() and (
        left[-1].isdigit()
        or (left[-2:-1].isdigit() and ((left[-1] == "," and THOUSANDS.match(right)) or left[-1] == "."))
    ):
        return "", 0  # a number broken across lines stays one number (`4,|500`, `2.|5`; not `May 9,|2022`)
    if not is_wide(left[-1]) and not is_wide(right[0]):
        return " ", 0  # two Latin words
    return "", 0


HYPHENATED = re.compile(r"[A-Za-z]+-[a-z]+")
THOUSANDS = re.compile(r"\d{3}(?!\d)")  # the digits after a thousands separator
WORD_BEFORE_HYPHEN = re.compile(r"([A-Za-z]+)-$")
LOWER_WORD = re.compile(r"[a-z]+")


def _line_body(line: Line) -> tuple[str, Sequence[int]]:
    """A line's text without its edge spaces (inner runs of spaces as one), and raw offsets."""
    body = line.content
    first = line.start + len(line.text) - len(line.text.lstrip())
    if not INNER_SPACE.search(body):
        return body, range(first, first + len(body))
    chars, offs = [], []
    for k, c in enumerate(body):
        if c.isspace():
            if chars and chars[-1] == " ":
                continue
            c = " "
        chars.append(c)
        offs.append(first + k)
    return "".join(chars), offs


ENGLISH_WORD = re.compile(r"(?<![A-Za-z-])[A-Za-z]{2,}(?![A-Za-z-])")
LATIN_PAIR = re.compile(r"[A-Za-z]{2}")


def _whole_words(lines: list[Line]) -> set[str]:
    """English words (lower case) that stand alone somewhere in ``lines``: not the piece after a
    line-end hyphen, nor the tail of a contraction (We’|re)."""
    words: set[str] = set()
    broken = False  # the previous line ended with a hyphen
    for line in lines:
        text = line.content
        if not text.isascii() and not LATIN_PAIR.search(text):
            found = []
        else:
            found = list(ENGLISH_WORD.finditer(text))
        if found:
            if broken and found and found[0].start() == 0:
                found = found[1:]
            words.update(m[0].lower() for m in found if text[m.start() - 1 : m.start()] not in ("’", "'"))
        broken = text.endswith("-")
    return words


class _Words(NamedTuple):
    hyphenated: set[str]  # hyphenated words the text spells with a hyphen mid-line (lower case)
    whole: set[str]  # words that stand alone somewhere in the text (lower case)


def _real_hyphen(before: str, after: str, words: _Words) -> bool:
    """Is the hyphen ending a line (``before-`` | ``after…``) part of the word?

    Yes if the text spells the hyphenated word mid-line elsewhere, or if a half
    is a word of its own and the joined form is not (``health-|care``,
    ``early-|career``, ``whole-of-|government``); no where the joined form is a
    word of the text (``gov-|ernment``) or neither half is one (``re-|tention``):
    a typesetter's break. Another extraction that sets the English notes at
    another width breaks them at their real hyphens, which this keeps.

    >>> _real_hyphen("early", "career", _Words(set(), {"career"}))
    True
    >>> _real_hyphen("gov", "ernment", _Words(set(), {"gov", "government"}))
    False
    >>> _real_hyphen("re", "tention", _Words(set(), {"retain"}))
    False
    """
    if f"{before}-{after}" in words.hyphenated:
        return True
    return (before in words.whole or after in words.whole) and f"{before}{after}" not in words.whole


def _hyphen_pairs(word: str) -> list[str]:
    """The two-part pieces of a hyphenated word, as a line end meets them (``before-`` | ``after``).

    >>> _hyphen_pairs("coast-to-coast")
    ['coast-to', 'to-coast']
    """
    parts = word.split("-")
    return [f"{a}-{b}" for a, b in itertools.pairwise(parts)]


def _reflow(lines: list[Line], hyphenated: "_Words") -> Paragraph:
    parts: list[str] = []  # the paragraph's text, line by line (and separators)
    offsets: list[int] = []
    for line in lines:
        body, offs = _line_body(line)
        if parts:
            left = parts[-1]
            keep = False
            if left.endswith("-"):
                word, nxt = WORD_BEFORE_HYPHEN.search(left), LOWER_WORD.match(body)
                keep = word and nxt and _real_hyphen(word[1].lower(), nxt[0], hyphenated)
            sep, drop = joiner(left[-2:], body, dehyphenate=not keep)
            if drop:
                parts[-1] = left[:-drop]
                del offsets[-drop:]
            if sep:
                parts.append(sep)
                offsets.append(offsets[-1] + 1)
        parts.append(body)
        offsets.extend(offs)
    return Paragraph(
        text="".join(parts),
        offsets=tuple(offsets),
        line_start=lines[0].number,
        line_end=lines[-1].number,
        page_start=lines[0].opens_page,
    )


def content_lines(lines: list[Line]) -> list[Line]:
    """The lines that carry text: blank lines and page furniture dropped."""
    return [ln for ln in lines if (t := ln.text.rstrip()) and not (t[-1].isdigit() and furniture(ln))]


def paragraphs(lines: list[Line], hyphenated_words: Sequence[str] = ()) -> list[Paragraph]:
    """Reflow the content lines into paragraphs; ``hyphenated_words`` (curated:
    ``hyphenated_words.yaml``) keep their hyphen wherever a line ends at it.

    >>> [p.text for p in paragraphs(split_lines("概述\\n\\n当前，一切都是动态\\n的。\\n"))]
    ['概述', '当前，一切都是动态的。']
    >>> [p.text for p in paragraphs(split_lines("See the early-\\ncareer staff."), ["early-career"])]
    ['See the early-career staff.']
    """
    body = content_lines(lines)
    # what tells a real hyphen at a line end from a typesetter's: the curated words, and the words
    # the text uses
    pairs = {pair.lower() for word in hyphenated_words for pair in _hyphen_pairs(word)}
    hyphenated = _Words(
        pairs | {m.lower() for ln in body if "-" in ln.text for m in HYPHENATED.findall(ln.text)}, _whole_words(body)
    )
    out, start = [], 0
    for i, end in enumerate(_paragraph_breaks(body)):
        if end:
            out.append(_reflow(body[start : i + 1], hyphenated))
            start = i + 1
    return out


def split_paragraph(p: Paragraph, pos: int, line_of) -> tuple[Paragraph, Paragraph]:
    """Cut ``p`` before character ``pos`` (where a box begins or ends inside it).

    ``line_of`` maps a raw offset to its line number.
    """
    head_text, tail_text = p.text[:pos].rstrip(), p.text[pos:].lstrip()
    head_offs = p.offsets[: len(head_text)]
    tail_offs = p.offsets[len(p.text) - len(tail_text) :]
    head = replace(p, text=head_text, offsets=head_offs, line_end=line_of(head_offs[-1]))
    tail = replace(p, text=tail_text, offsets=tail_offs, line_start=line_of(tail_offs[0]), page_start=False)
    return head, tail
