"""Stage 2 — structure: paragraphs → trend (0–8) and section.

Chapters are found from evidence in the text, not from line numbers: a
standalone ``趋势N`` heading, an author byline or a ``概述`` heading opens a
chapter once the previous chapter has reached its body; three chapters of this
extraction lack the ``趋势N`` heading and are found that way. The chapter
opens at the PDF page where that evidence starts (its title lines come first).
Sections follow the headings; boxed blocks (My-Take sidebars, boxed stories,
infographics, pull quotes) are located by curated anchors, because the PDF
extraction drops them in the middle of the running text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from ..patterns import compact
from ..vocab import SECTIONS, TREND_TITLES_EN
from .anchors import FlatText
from .layout import Paragraph, is_byline, is_latin
from .report import ReportError

N_CHAPTERS = 8

HEADING_SECTIONS = {
    "概述": "overview",
    "突破壁垒": "barriers",
    "打破壁垒": "barriers",
    "行动趋势": "in_action",
    "未来展望": "moving_forward",
    "我的观点": "my_take",
    "注释": "endnotes",
}
# Sections that close a chapter: after one of them, a title, byline or 概述 opens the next.
CLOSING_SECTIONS = {"moving_forward", "my_take", "endnotes"}
CHAPTER_HEADING = re.compile(r"趋势(\d)")
OVERVIEW_ITEM = re.compile(r"趋势(\d)：(.+?)。")
# The English endnotes start with note 1 before any 注释 heading is printed.
FIRST_ENDNOTE = re.compile(r"1\.\s+[A-Z]")


@dataclass(frozen=True)
class Trend:
    """A chapter (1–8) or the front matter (0), as a range of paragraphs."""

    number: int
    title_zh: str
    title_en: str
    first: int  # index of its first paragraph
    last: int  # index of its last paragraph


@dataclass(frozen=True)
class BoxSpan:
    """A curated boxed block located in the paragraphs (inclusive indices)."""

    kind: str
    first: int
    last: int
    char_start: int  # raw offsets of its first and (one past) last character
    char_end: int


def heading_section(text: str) -> str | None:
    """The section a heading paragraph opens, if it is one.

    >>> heading_section(" 打破壁垒"), heading_section("解读数据：端到端的司法"), heading_section("概述了")
    ('barriers', 'data', None)
    """
    if len(text) > 60:  # headings are short: skip the long paragraphs cheaply
        return None
    t = compact(text)
    if t.startswith("解读数据："):
        return "data"
    return HEADING_SECTIONS.get(t)


def _byline(paras: list[Paragraph], i: int) -> bool:
    """Paragraph ``i`` is an author byline (:func:`~trendlib.parse.layout.is_byline`)."""
    return is_byline(paras[i].text, [paras[j].text for j in (i - 1, i + 1) if 0 <= j < len(paras)])


def _chapter_heading(text: str) -> int | None:
    if len(text) > 10:
        return None
    m = CHAPTER_HEADING.fullmatch(compact(text))
    return int(m[1]) if m else None


def _overview(paras: list[Paragraph]) -> tuple[int, int, dict[int, str]]:
    """Where the eight-trend overview starts and ends, and the titles it gives.

    Read on the paragraphs' text with whitespace removed and paragraph breaks
    ignored, so an item set on several lines (or split into several paragraphs)
    is still found: ``趋势N：title。`` for N = 1…8 in order, after a title
    ending in 主要趋势, and closed by the ``现状：…`` sentence after item 8.
    """
    starts, parts = [], []  # flat position where each paragraph starts; its compact text
    total = 0
    for p in paras:
        starts.append(total)
        text = compact(p.text)
        parts.append(text)
        total += len(text)
    flat = "".join(parts)

    def para_at(pos: int) -> int:
        return bisect.bisect_right(starts, pos) - 1

    titles: dict[int, str] = {}
    where: dict[int, int] = {}
    for m in OVERVIEW_ITEM.finditer(flat):
        n = int(m[1])
        # an item, not a chapter heading: the next trend expected, and after the previous item
        if n == len(titles) + 1 and (not where or m.start() > where[n - 1]):
            titles[n], where[n] = m[2], m.start()
        if len(titles) == N_CHAPTERS:
            break
    if sorted(titles) != list(range(1, N_CHAPTERS + 1)):
        raise ReportError(
            "structure: expected the front-matter overview to list 趋势1：… to 趋势8：…; "
            f"found items for trends {sorted(titles)}"
        )
    title_end = flat.rfind("主要趋势", 0, where[1])
    if title_end < 0:
        raise ReportError("structure: expected an overview title ending in 主要趋势 before 趋势1：…; found none")
    # the title is the words before 主要趋势 back to the previous sentence's end
    title_start = max(flat.rfind(ch, 0, title_end) for ch in "。！？") + 1
    status = flat.find("现状：", where[N_CHAPTERS])
    end = para_at(flat.find("。", status) if status >= 0 else where[N_CHAPTERS])
    return para_at(title_start), end, titles


def _chapter_starts(paras: list[Paragraph], after: int) -> list[int]:
    """Index of the first paragraph of each chapter, in order."""
    starts: list[int] = []
    in_body = True  # the front matter counts as closed: the first evidence opens chapter 1
    for i in range(after + 1, len(paras)):
        text = paras[i].text
        number = _chapter_heading(text)
        evidence = number is not None or _byline(paras, i) or heading_section(text) == "overview"
        if evidence and in_body:
            if number is not None and number != len(starts) + 1:
                raise ReportError(
                    f"structure: line {paras[i].line_start}: heading 趋势{number} where chapter "
                    f"{len(starts) + 1} was expected; a chapter is missing or out of order"
                )
            # the chapter opens at the page where its title lines start
            first = i
            for j in range(i, max(after, i - 3), -1):
                if paras[j].page_start:
                    first = j
                    break
            starts.append(first)
            in_body = False
        elif heading_section(text) in CLOSING_SECTIONS:
            in_body = True
    return starts


@dataclass(frozen=True)
class Outline:
    """The parts of the report, found once: the overview, the introduction and the chapters.

    Indices are paragraph indices; :meth:`shifted` maps them after paragraphs are cut.
    """

    overview_start: int  # the overview's title paragraph (… 主要趋势)
    overview_end: int  # its last item (the 现状：… line after 趋势8)
    introduction: int  # the introduction's title page
    trends: tuple[Trend, ...]

    def shifted(self, index: list[int]) -> "Outline":
        """The same outline after cutting: ``index[i]`` is the new index of old paragraph ``i``'s
        first piece (``index[n]`` the new number of paragraphs)."""
        return Outline(
            index[self.overview_start],
            index[self.overview_end],
            index[self.introduction],
            tuple(replace(t, first=index[t.first], last=index[t.last + 1] - 1) for t in self.trends),
        )


def outline(paras: list[Paragraph]) -> Outline:
    """The front matter and the eight chapters, from evidence in the text.

    >>> from trendlib.parse.layout import paragraphs, split_lines
    >>> from trendlib.parse.report import read_report
    >>> [t.number for t in outline(paragraphs(split_lines(read_report().text))).trends]
    [0, 1, 2, 3, 4, 5, 6, 7, 8]
    """
    overview_start, overview_end, titles = _overview(paras)
    starts = _chapter_starts(paras, overview_end)
    if len(starts) != N_CHAPTERS:
        found = ", ".join(f"line {paras[s].line_start}" for s in starts)
        raise ReportError(
            f"structure: expected {N_CHAPTERS} chapters after the overview, found {len(starts)} "
            f"(starting at {found or 'nowhere'}); the report is truncated or a chapter is missing"
        )
    intro = _introduction_start(paras, starts[0], overview_start)
    # the front matter is titled by the introduction's title page: the report's own title
    titles[0] = compact(paras[intro].text)
    bounds = [0, *starts, len(paras)]
    chapters = tuple(
        Trend(n, titles[n], TREND_TITLES_EN[n], bounds[n], bounds[n + 1] - 1) for n in range(N_CHAPTERS + 1)
    )
    return Outline(overview_start, overview_end, intro, chapters)


def _introduction_start(paras: list[Paragraph], end: int, overview_start: int) -> int:
    """The introduction opens at the page of the front matter's first author byline."""
    bylines = [i for i in range(end) if _byline(paras, i)]
    intro = bylines[0] if bylines else overview_start
    while intro > 0 and not paras[intro].page_start:
        intro -= 1
    return intro


def _endnotes_start(paras: list[Paragraph], t: Trend) -> int | None:
    """Where a chapter's English endnotes begin (a 注释 heading, or note 1 before it); they run to
    the chapter's end."""
    for i in range(t.first, t.last + 1):
        text = paras[i].text
        if heading_section(text) == "endnotes" or (FIRST_ENDNOTE.match(text) and is_latin(text)):
            return i
    return None


def numbering_parts(paras: list[Paragraph], plan: Outline) -> list[list[int]]:
    """The paragraphs of each footnote sequence: a chapter without its endnotes, and the front
    matter from the introduction on (the Chinese preface has no notes)."""
    parts = []
    for t in plan.trends:
        if t.number == 0:
            parts.append(list(range(plan.introduction, t.last + 1)))
            continue
        notes = _endnotes_start(paras, t)
        parts.append(list(range(t.first, t.last + 1 if notes is None else notes)))
    return parts


def sections(paras: list[Paragraph], plan: Outline, boxes: list[BoxSpan]) -> list[str]:
    """The section of every paragraph.

    Front matter: summary until the introduction's title page (the page
    before its author byline), introduction, then the overview. Chapters:
    ``title`` until the byline, then whatever the headings say; the endnotes
    run to the chapter's end. A boxed block takes its own kind (a pull quote
    keeps the running section, which it repeats); the running section resumes
    after it.
    """
    boxed = {i: b.kind for b in boxes if b.kind in SECTIONS for i in range(b.first, b.last + 1)}
    out: list[str] = []
    for t in plan.trends:
        span = range(t.first, t.last + 1)
        notes = None if t.number == 0 else _endnotes_start(paras, t)
        if t.number == 0:
            running = "summary"
        else:
            bylines = [i for i in span if _byline(paras, i)]
            head_end = bylines[0] if bylines else t.first + (1 if _chapter_heading(paras[t.first].text) else -1)
            running = "title" if head_end >= t.first else "overview"
        for i in span:
            if t.number == 0:
                if i == plan.introduction:
                    running = "introduction"
                if i == plan.overview_start:
                    running = "overview"
            elif running == "title" and i > head_end:
                running = "overview"
            if i in boxed:
                out.append(boxed[i])
                continue
            if notes is not None and i >= notes:
                running = "endnotes"
            elif t.number > 0 and (opened := heading_section(paras[i].text)):
                running = opened
            out.append(running)
    return out


def box_kinds(n: int, boxes: list[BoxSpan]) -> list[str]:
    """For each of ``n`` paragraphs, the kind of curated box holding it, or ''."""
    kinds = [""] * n
    for b in boxes:
        kinds[b.first : b.last + 1] = [b.kind] * (b.last - b.first + 1)
    return kinds


def locate_boxes(flat: FlatText, rows: list[dict], *, source: str) -> list[BoxSpan]:
    """Curated box rows (``start``/``end`` anchors) as paragraph spans."""
    spans = []
    for n, row in enumerate(rows, 1):
        hit = flat.span(
            row["start"],
            row["end"],
            where=f"{source} row {n} ({row.get('title_zh', '')})",
            occurrence=row.get("occurrence"),
        )
        spans.append(BoxSpan(row["kind"], hit.para_start, hit.para_end, hit.char_start, hit.char_end))
    return spans
