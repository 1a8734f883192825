"""Other extractions of the same report, to check that the tables do not depend on them.

Another PDF tool, or another edition of the same text, breaks the lines
elsewhere and marks pages, blank lines and furniture differently. Each function
here turns the committed report into such a variant:

* :func:`rewrap` sets the body paragraphs (and optionally the English
  endnotes) again at another width, following Chinese line-breaking rules (no
  line starts with closing punctuation or ends with opening punctuation; Latin
  words stay whole but may break after a comma or a hyphen), optionally
  breaking some lines early at a random legal point;
* :func:`single_newlines`, :func:`form_feeds`, :func:`tabs_in_furniture`,
  :func:`without_furniture`, :func:`crlf`, :func:`bom` and
  :func:`trailing_spaces` change only how the text is laid out in the file.

:func:`comparable` reduces a build's tables to what must not change: every
table but ``paragraphs`` (with ``paragraph_footnotes``, keyed by paragraph number) and ``furniture``,
without line, character and page positions (and the paragraph count), text columns with whitespace removed.
"""

from __future__ import annotations

import random
import re
import unicodedata

from trendlib.parse.layout import BYLINE, FIGURES, furniture, is_heading, paragraphs, split_lines, width
from trendlib.patterns import compact, is_cjk_free, is_wide

NO_LINE_START = set("，。、；：！？”’）》」』】%％·…—")
NO_LINE_END = set("“‘（《「『【")
BREAK_AFTER = set(",-/")  # a Latin run may break after these (`4,|500`, `Tele-|Law`)


def _tokens(text: str) -> list[str]:
    """Unbreakable pieces: every wide character alone; Latin runs whole, split after , - /."""
    tokens, run = [], ""
    for ch in text:
        if ch.isspace():
            if run:
                tokens.append(run)
                run = ""
            tokens.append(" ")
        elif is_wide(ch):
            if run:
                tokens.append(run)
                run = ""
            tokens.append(ch)
        else:
            run += ch
            if ch in BREAK_AFTER:
                tokens.append(run)
                run = ""
    if run:
        tokens.append(run)
    return tokens


def _legal(line: str, nxt: str) -> bool:
    """May a line end with ``line`` when ``nxt`` starts the next one?"""
    return bool(line.strip()) and nxt[:1] not in NO_LINE_START and line.rstrip()[-1:] not in NO_LINE_END


def fill(text: str, columns: int, rng: random.Random | None = None, early: float = 0.0) -> list[str]:
    """``text`` set in lines of at most ``columns`` display columns (CJK counts two).

    Greedy, with ``early`` the chance that a line is broken at a random earlier
    legal point instead of the last one that fits.
    """
    tokens = _tokens(text)
    lines: list[str] = []
    line, legal_points = "", []  # legal_points: lengths of ``line`` at which it may end
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if line and width(line + tok) > columns and legal_points:
            cut = legal_points[-1]
            if rng is not None and early and rng.random() < early and len(legal_points) > 2:
                cut = rng.choice(legal_points[len(legal_points) // 2 :])
            head, rest = line[:cut], line[cut:]
            lines.append(head.strip())
            line = rest.lstrip()
            legal_points = [k for k in range(1, len(line) + 1) if _legal(line[:k], line[k:] or tok)]
            continue
        line += tok
        i += 1
        nxt = tokens[i] if i < len(tokens) else ""
        if _legal(line, nxt or "x"):
            legal_points.append(len(line))
    if line.strip():
        lines.append(line.strip())
    return lines


#: Sections whose paragraphs a typesetter sets at the body width (not titles, bylines, infographics).
BODY_SECTIONS = {"summary", "introduction", "overview", "barriers", "in_action", "moving_forward", "my_take", "sidebar"}


def _body_lines(corpus) -> set[int]:
    """Raw lines of the body paragraphs of a parsed report: Chinese running text in a body section,
    outside a chapter's title lines and the introduction's title page."""
    lines: set[int] = set()
    intro_title = set()
    front = corpus.trends[0]
    for i in range(front.first, front.last + 1):  # the title page: up to its author byline
        p = corpus.paragraphs[i]
        if p.section == "introduction":
            if BYLINE.fullmatch(p.text):
                break
            intro_title.add(i)
    for i, p in enumerate(corpus.paragraphs):
        if (
            p.section in BODY_SECTIONS
            and i not in intro_title
            and not is_cjk_free(p.text)
            and not is_heading(p.text)
            and not BYLINE.fullmatch(p.text)
            and not FIGURES.fullmatch(p.text)
        ):
            lines.update(range(p.line_start, p.line_end + 1))
    return lines


def _note_lines(corpus) -> set[int]:
    """Raw lines of the English endnotes (the Latin-only paragraphs of the endnotes sections)."""
    return {
        n
        for p in corpus.paragraphs
        if p.section == "endnotes" and is_cjk_free(p.text)
        for n in range(p.line_start, p.line_end + 1)
    }


def rewrap(corpus, columns: int, *, seed: int | None = None, early: float = 0.0, notes: bool = False) -> str:
    """The report (a parsed :class:`~trendlib.parse.corpus.Corpus`) with its Chinese body paragraphs
    (and with ``notes`` its English endnotes) set again at ``columns``; everything else (titles,
    headings, bylines, infographics, furniture, page starts) as it was."""
    text = corpus.report.text
    rng = random.Random(seed) if seed is not None else None
    lines = split_lines(text)
    body = _body_lines(corpus) | (_note_lines(corpus) if notes else set())
    out: list[str] = []
    done = 0  # raw lines up to this number are written
    for p in paragraphs(lines):
        if not all(
            n in body
            for n in range(p.line_start, p.line_end + 1)
            if lines[n - 1].text.strip() and not furniture(lines[n - 1])
        ):
            continue
        out.extend(ln.text for ln in lines[done : p.line_start - 1])
        page = lines[p.line_start - 1].opens_page
        new = fill(p.text, columns, rng, early)
        out.extend([(" " if page else "") + new[0], *new[1:]])
        # furniture inside the paragraph goes after it
        out.extend(ln.text for ln in lines[p.line_start - 1 : p.line_end] if furniture(ln))
        done = p.line_end
    out.extend(ln.text for ln in lines[done:])
    return "\n".join(out)


def single_newlines(text: str) -> str:
    """No blank lines: one newline between printed lines."""
    return "\n".join(line for line in text.split("\n") if line.strip())


def form_feeds(text: str) -> str:
    """pdftotext's page breaks: a form feed instead of the single leading space at a page start."""
    return "\n".join(
        "\f" + line[1:] if line.startswith(" ") and not line.startswith("  ") and line.strip() else line
        for line in text.split("\n")
    )


def tabs_in_furniture(text: str) -> str:
    """Tabs instead of the runs of spaces inside the navigation bar and the running footers."""
    out = []
    for line in split_lines(text):
        if furniture(line):
            out.append(re.sub(r" {2,}", "\t", line.text))
        else:
            out.append(line.text)
    return "\n".join(out)


def without_furniture(text: str) -> str:
    """The navigation bars and running footers removed (as some extractors do)."""
    return "\n".join(ln.text for ln in split_lines(text) if not furniture(ln))


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def bom(text: str) -> str:
    return "\ufeff" + text


def trailing_spaces(text: str) -> str:
    return "\n".join(line + ("  " if line.strip() else "") for line in text.split("\n"))


LAYOUT_VARIANTS = {
    f.__name__: f
    for f in (single_newlines, form_feeds, tabs_in_furniture, without_furniture, crlf, bom, trailing_spaces)
}

#: Columns that locate a row in the raw file (and the count of paragraphs): left out of the comparison.
POSITIONS = {"line", "line_start", "line_end", "char_start", "char_end", "page", "paragraphs"}


def comparable(tables: dict, *, fold_width: bool = False) -> dict:
    """The tables as the comparison sees them (see the module docstring). ``fold_width`` also reads full- and
    half-width forms as one (NFKC: ！ and !), for an edition that prints the other width."""
    out = {}
    text = (lambda v: unicodedata.normalize("NFKC", compact(v))) if fold_width else compact
    for name, df in tables.items():
        if name in ("paragraphs", "paragraph_footnotes", "furniture"):
            continue
        keep = [c for c in df.columns if c not in POSITIONS]
        rows = []
        for record in df[keep].itertuples(index=False):
            rows.append(
                tuple(
                    text(v) if isinstance(v, str) else (None if v != v or v is None else v)
                    for v in (None if _missing(x) else x for x in record)
                )
            )
        out[name] = (tuple(keep), rows)
    return out


def _missing(x) -> bool:
    try:
        return x is None or bool(x != x)
    except (TypeError, ValueError):
        import pandas as pd

        return bool(pd.isna(x))


def differences(a: dict, b: dict, limit: int = 8) -> list[str]:
    """Readable differences between two :func:`comparable` results."""
    out = []
    for name in a:
        cols, rows_a = a[name]
        _, rows_b = b.get(name, (cols, []))
        if rows_a == rows_b:
            continue
        if len(rows_a) != len(rows_b):
            out.append(f"{name}: {len(rows_a)} rows vs {len(rows_b)}")
        for k, (x, y) in enumerate(zip(rows_a, rows_b, strict=False)):  # lengths may differ: said above
            if x != y:
                diff = {c: (u, v) for c, u, v in zip(cols, x, y, strict=True) if u != v}
                out.append(f"{name} row {k + 1}: {diff}")
                if sum(1 for o in out if o.startswith(name)) >= limit:
                    break
    return out
