"""A damaged report stops ``trendlib build`` with a named error, and nothing is written.

The whole command runs on each damaged copy (``--any-edition``, so the damage
itself is what is reported, not only the changed hash).
"""

from __future__ import annotations

import pytest

from trendlib import cli
from trendlib.paths import report_path


def _lines(first: int, last: int) -> bytes:
    """The report without raw lines ``first..last`` (1-based, inclusive)."""
    lines = report_path().read_text(encoding="utf-8").split("\n")
    return "\n".join(lines[: first - 1] + lines[last:]).encode("utf-8")


def _anchor_deleted() -> bytes:
    text = report_path().read_text(encoding="utf-8")
    i = text.index("例如，新加坡采用")  # the anchor of case T0-03 starts here (raw line 323)
    return (text[:i] + text[text.index("，鼓励跨部门协作", i) :]).encode("utf-8")


DAMAGE = {
    "empty": (lambda: b"", ["empty"]),
    "truncated": (lambda: _lines(3000, 4484), ["expected 8 chapters", "truncated"]),
    # cut at a byte inside a character: the decoder's complaint would hide what happened
    "truncated inside a character": (
        lambda: report_path().read_bytes()[:81142],
        ["middle of a character", "81,142 bytes", "truncated"],
    ),
    # cut in the last chapter, after its headings: a box's end phrase is what goes missing
    "truncated near the end": (
        lambda: report_path().read_bytes()[:160593],
        ["boxes.yaml", "end phrase", "is the report truncated?"],
    ),
    "chapter removed": (lambda: _lines(2456, 2855), ["chapter 5 was expected"]),
    "UTF-16": (lambda: report_path().read_text(encoding="utf-8").encode("utf-16"), ["UTF-16"]),
    "GB18030": (lambda: report_path().read_text(encoding="utf-8").encode("gb18030"), ["GB18030"]),
    "binary": (lambda: bytes(range(256)) * 200, ["binary"]),
    "anchor sentence deleted": (_anchor_deleted, ["cases.yaml", "(T0-03)", "occurs 0 times"]),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_report_gives_a_named_error_and_writes_nothing(damage, tmp_path, capsys):
    make, words = DAMAGE[damage]
    report = tmp_path / "government-trends-2023-zh.txt"
    report.write_bytes(make())
    site = tmp_path / "site"
    site.mkdir()
    code = cli.main(["build", "--any-edition", "--report", str(report), "--out", str(site / "processed")])
    err = capsys.readouterr().err
    assert code == 1, err
    assert err.startswith("trendlib build: error: ") and "Nothing was written" in err
    assert "Traceback" not in err
    for w in words:
        assert w in err, f"{w!r} not in {err}"
    assert list(site.iterdir()) == []
