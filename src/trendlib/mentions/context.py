"""The clause a mention sits in (used for the ``context`` column of
``funding.csv`` and ``statistics.csv``).

>>> t = "该基金已为140多个项目拨款22亿澳元，为客户节省了时间。"
>>> clause_around(t, t.index("22亿"), t.index("22亿") + len("22亿澳元"))
'该基金已为140多个项目拨款22亿澳元'
"""

from __future__ import annotations

__all__ = ["clause_around"]

#: Clause delimiters (full-width punctuation, the bullet, and line breaks).
_DELIMS = frozenset("，。；！？：•\n\r")
#: ASCII punctuation that ends a clause only when followed by whitespace
#: (so 8,000 / Gov.uk / 10:30 are not cut).
_ASCII_DELIMS = frozenset(",;!?:.")
#: Bracket and quote pairs whose inside is never cut.
_PAIRS = {
    "“": "”",
    "‘": "’",
    "《": "》",
    "（": "）",
    "(": ")",
    "【": "】",
    "「": "」",
    "『": "』",
    "〈": "〉",
    "[": "]",
}
_CLOSERS = {v: k for k, v in _PAIRS.items()}


def _protected(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Spans ``[open, close]`` of balanced brackets/quotes within ``text[lo:hi]``.

    Unbalanced openers or closers (frequent in PDF extractions) protect nothing.
    """
    stack: list[tuple[str, int]] = []
    spans: list[tuple[int, int]] = []
    for i in range(lo, hi):
        ch = text[i]
        if ch in _CLOSERS:
            opener = _CLOSERS[ch]
            # pop to the matching opener if there is one; drop unmatched openers
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == opener:
                    spans.append((stack[k][1], i))
                    del stack[k:]
                    break
        elif ch in _PAIRS:
            stack.append((ch, i))
    return spans


def _is_delim(text: str, i: int) -> bool:
    ch = text[i]
    if ch in _DELIMS:
        return True
    if ch in _ASCII_DELIMS:
        return i + 1 >= len(text) or text[i + 1].isspace()
    return False


def clause_around(text: str, start: int, end: int) -> str:
    """The clause of ``text`` containing ``text[start:end]``, stripped of whitespace.

    A clause runs between delimiters ``，。；！？：`` (full-width), the bullet
    ``•``, line breaks, and ASCII ``, ; ! ? : .`` when followed by a space
    (so ``8,000`` and ``Gov.uk`` are not cut). Delimiters inside balanced
    quotes or brackets (“…”, 《…》, （…）, (…), 【…】, 「…」) do not count,
    so a clause is never cut inside them; a mention that itself sits inside
    brackets gets the clause around the brackets. A mention that contains
    a delimiter (it should not) is widened to the clauses it touches.

    Raises :class:`ValueError` if ``0 <= start <= end <= len(text)`` fails.

    >>> t = "大曼彻斯特获得部分国家可持续性与转型基金（4.5亿英镑，每年）。此外"
    >>> i = t.index("4.5")
    >>> clause_around(t, i, i + 6)
    '大曼彻斯特获得部分国家可持续性与转型基金（4.5亿英镑，每年）'
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"bad span {start}:{end} for text of length {len(text)}")
    # the paragraph (line) holding the mention bounds everything
    para_lo = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    nl = [p for p in (text.find("\n", end), text.find("\r", end)) if p != -1]
    para_hi = min(nl) if nl else len(text)
    inside = [False] * (para_hi - para_lo)
    for a, b in _protected(text, para_lo, para_hi):
        for i in range(a + 1, b):
            inside[i - para_lo] = True
    lo = start
    while lo > para_lo and not (_is_delim(text, lo - 1) and not inside[lo - 1 - para_lo]):
        lo -= 1
    hi = end
    while hi < para_hi and not (_is_delim(text, hi) and not inside[hi - para_lo]):
        hi += 1
    return text[lo:hi].strip()
