"""Read a text file that must be UTF-8, and say plainly what it is when it is not.

The report and every curated file are UTF-8. A file saved by another tool may
be UTF-8 with a byte-order mark (Excel's "CSV UTF-8"), which is accepted, or in
another encoding (GB18030, UTF-16, Latin-1), which is refused with the encoding
it appears to be in, so the message can say how to convert it.

>>> looks_like("概要".encode("utf-16")), looks_like("概要".encode("gb18030")), looks_like("café".encode("latin-1"))
('UTF-16', 'GB18030 (GBK)', 'Latin-1 (Windows-1252)')
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["looks_like", "decode_utf8"]


def _plausible(ch: str) -> bool:
    """A character a text of this project is made of: CJK, CJK punctuation, printable ASCII."""
    return (
        "\u4e00" <= ch <= "\u9fff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or ch in "\n\r\t"
        or " " <= ch <= "~"
        or ch in "“”‘’—…•"
    )


def looks_like(data: bytes) -> str | None:
    """The encoding a non-UTF-8 text seems to be in, if it is recognisably one."""
    if data[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        return "UTF-32"
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "UTF-16"
    sample = data[:4000]
    ascii_text = sum(32 <= b < 127 or b in b"\n\r\t" for b in sample) > 0.95 * len(sample)
    # UTF-16 without a byte-order mark: Chinese text, or Latin text with a NUL byte in every pair (plain ASCII
    # text read two bytes at a time also looks like CJK ideographs, so it is never taken for UTF-16; nor is a
    # sample too short to tell)
    guess = len(sample) >= 16 and not (ascii_text and b"\x00" not in sample)
    for encoding in ("utf-16-le", "utf-16-be") if guess else ():
        try:
            chars = sample[: len(sample) // 2 * 2].decode(encoding)
        except UnicodeDecodeError:
            continue
        if chars and sum(_plausible(ch) for ch in chars) > 0.9 * len(chars):
            return "UTF-16"
    try:
        text = data.decode("gb18030")
        if any("\u4e00" <= ch <= "\u9fff" for ch in text):
            return "GB18030 (GBK)"
    except UnicodeDecodeError:
        pass
    if b"\x00" not in data:
        return "Latin-1 (Windows-1252)"  # decodes any bytes: the usual single-byte encoding of a Western tool
    return None


def decode_utf8(data: bytes, path: Path | str, error: type[Exception]) -> str:
    """``data`` (the bytes of ``path``) as text; a leading byte-order mark is dropped.

    Anything but UTF-8 raises ``error`` naming the file, the byte and the
    encoding the file appears to be in.

    >>> decode_utf8("\\ufeffcurrency".encode("utf-8"), "x.csv", ValueError)
    'currency'
    >>> decode_utf8("café".encode("latin-1"), "x.csv", ValueError)
    Traceback (most recent call last):
    ...
    ValueError: x.csv: not UTF-8 (byte 3 is 0xe9); it appears to be Latin-1 (Windows-1252). Save it as UTF-8 (e.g. `iconv -f LATIN1 -t UTF-8`).
    """
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        like = looks_like(data)
        code = {
            "UTF-16": "UTF-16",
            "UTF-32": "UTF-32",
            "GB18030 (GBK)": "GB18030",
            "Latin-1 (Windows-1252)": "LATIN1",
        }.get(like or "")
        raise error(
            f"{path}: not UTF-8 (byte {err.start} is 0x{data[err.start]:02x})"
            + (
                f"; it appears to be {like}. Save it as UTF-8 (e.g. `iconv -f {code} -t UTF-8`)."
                if like
                else "; save it as UTF-8."
            )
        ) from None
