"""Shared text patterns and helpers that every stage imports (as textacy's ``resources``).

One name per meaning: a year written the Chinese way (:data:`YEAR_ZH`) is not
a bare four-digit year (:data:`YEAR_BARE`), and a line that ends a sentence
(:data:`LINE_ENDS_SENTENCE`) is not a text that has just finished one
(:data:`AFTER_SENTENCE`) nor a point where a sentence ends
(:data:`SENTENCE_BREAK`).

>>> compact("New \\nUrban  Mechanics")
'NewUrbanMechanics'
>>> bool(YEAR_ZH.search("自2015年以来")), bool(YEAR_BARE.search("May 9, 2022."))
(True, True)
>>> is_wide("中"), is_wide("a"), is_cjk_free("“Tele-Law”")
(True, False, True)
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = [
    "WHITESPACE",
    "compact",
    "is_wide",
    "CJK",
    "is_cjk_free",
    "YEAR_ZH",
    "YEAR_BARE",
    "TENURE",
    "LINE_ENDS_SENTENCE",
    "AFTER_SENTENCE",
    "SENTENCE_BREAK",
    "INNER_SENTENCE_END",
]

#: A run of whitespace (spaces, tabs, line breaks, form feeds, full-width spaces).
WHITESPACE = re.compile(r"\s+")


def compact(s: str) -> str:
    """``s`` without any whitespace: how anchors, names and mentions are matched."""
    return WHITESPACE.sub("", s)


@functools.cache
def is_wide(c: str) -> bool:
    """Set as a full-width character: CJK, and punctuation of ambiguous width (“ ” — …)."""
    eaw = unicodedata.east_asian_width(c)
    return eaw in "WF" or (eaw == "A" and not unicodedata.category(c).startswith("L"))


#: Wide (W/F) characters of East Asian scripts: CJK ideographs, kana, hangul, full-width forms.
CJK = re.compile(
    r"[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
    r"\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)


def is_cjk_free(s: str) -> bool:
    """No Chinese character in ``s`` (curly quotes and dashes do not count): Latin-script text."""
    return CJK.search(s) is None


#: A year written the Chinese way: ``2021年``, ``2022-23年``, ``1998 - 2017年``, ``2021财年``.
YEAR_ZH = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s*[-–—至]\s*(?:19|20)?\d\d)?(?:财)?年")
#: A bare four-digit year of the 20th or 21st century (English text: ``May 9, 2022.``).
YEAR_BARE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
#: ``（1998 - 2017年）`` after a person's title: a tenure, not a year of the case.
TENURE = re.compile(r"[（(]\s*(?:19|20)\d\d\s*[-–—至]\s*(?:(?:19|20)\d\d)?\s*年?\s*[）)]")

#: A line that ends a sentence: full stop, question or exclamation mark, semicolon or colon (maybe
#: closed by quotes or brackets, maybe followed by a glued footnote number), or an English full stop.
LINE_ENDS_SENTENCE = re.compile(r"(?:[。！？!?；;：][”’」』）)\]]*\d{0,3}|\.[”’)]*)\s*$")
#: A text that has just finished a sentence (what may come right before a footnote number).
AFTER_SENTENCE = re.compile(r"(?:[。；！？”]|(?<=[\u3400-\u9fff])[!?])$")
#: Where a Chinese or English sentence (or clause list) ends inside a paragraph.
SENTENCE_BREAK = re.compile(r"[。！？!?；;]")
#: A full stop inside a line, followed by more text: prose, never a heading. A half-width ``!`` or
#: ``?`` after a Chinese character ends a sentence too (editions differ in which width they print).
INNER_SENTENCE_END = re.compile(r"(?:[。！？]|(?<=[\u3400-\u9fff])[!?])[^。！？!?]")
