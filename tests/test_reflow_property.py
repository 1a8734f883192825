"""Property: reflow never loses, duplicates or reorders a non-furniture character."""

from hypothesis import given, settings
from hypothesis import strategies as st

from trendlib.parse.layout import content_lines, paragraphs, split_lines

CHARS = st.sampled_from(list("政府数据共享资金人才监管司法健康。，：；“”（）•") + list("abcXYZ 0123456789.%-"))
LINE = st.text(CHARS, min_size=0, max_size=40).map(lambda s: s.replace("\n", ""))


def non_space(s: str) -> list[str]:
    return [c for c in s if not c.isspace()]


@settings(max_examples=100, deadline=None)
@given(st.lists(LINE, min_size=1, max_size=30))
def test_reflow_keeps_every_character_once_and_in_order(lines):
    text = "\n".join(lines)
    body = content_lines(split_lines(text))
    paras = paragraphs(split_lines(text))
    kept = [c for p in paras for c in non_space(p.text)]
    # the only character reflow may drop is the hyphen of a word broken across lines
    expected = non_space("".join(line.content for line in body))
    assert [c for c in kept if c != "-"] == [c for c in expected if c != "-"]
    assert kept.count("-") <= expected.count("-")
    # and every kept character still points at itself in the raw text
    for p in paras:
        for ch, off in zip(p.text, p.offsets, strict=True):
            if not ch.isspace():
                assert text[off] == ch
