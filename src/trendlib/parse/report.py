"""Stage 0 — the report file: find it, check it is the edition we know, decode it.

Every later stage works on :class:`Report.text`, so its character offsets and
1-based line numbers are the coordinates every table row points back to.
``text`` is the file decoded as UTF-8 with a leading BOM dropped and CRLF/CR
line ends turned into LF; for the committed file (LF, no BOM) offsets are
therefore offsets into the file as it is on disk.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import ReportError
from ..paths import REPORT_NAME, report_path
from ..textfile import looks_like

#: The report as a bibliography cites it (CITATION.cff cites it the same way): its title in Chinese and in
#: English (the Chinese edition of the English report), author, publisher and year.
TITLE_ZH = "2023年政务服务转型趋势报告"
TITLE_EN = "Government Trends 2023"
AUTHOR = "Deloitte"
PUBLISHER = "Deloitte Insights"
YEAR = 2023


@dataclass(frozen=True)
class Report:
    """The decoded report and where it came from.

    >>> r = Report(text="概述\\n", path=Path("x.txt"), sha256="…")
    >>> r.lines
    ['概述', '']
    """

    text: str
    path: Path
    sha256: str

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


def sha256_record(path: Path) -> Path:
    """Where the hash of the report at ``path`` is recorded: ``<report>.sha256`` beside it."""
    return path.with_name(path.name + ".sha256")


def expected_sha256(path: Path) -> str:
    """The hash recorded beside the report, ``<report>.sha256`` (``sha256sum -c`` format)."""
    record = sha256_record(path)
    if not record.is_file():
        raise ReportError(
            f"{record}: missing; it records the SHA-256 of {path.name}. "
            f"Restore it with `git checkout -- data/raw/{record.name}`"
        )
    return record.read_text(encoding="utf-8").split()[0].lower()


def read_report(path: Path | str | None = None, *, any_edition: bool = False) -> Report:
    """Read and verify the report; the simplest problem is reported first.

    A missing file, an empty file, a binary or non-UTF-8 file (naming the
    encoding it looks like), and only then a SHA-256 that differs from the
    recorded one. ``any_edition=True`` skips the hash check, to parse another
    extraction or edition on purpose; the structural and anchor checks of
    later stages still apply.

    >>> read_report().sha256[:12]
    'be6c23aa12fc'
    """
    path = Path(path) if path is not None else report_path()
    if path.is_dir():
        raise ReportError(f"{path} is a folder; give the report's text file ({REPORT_NAME})")
    if not path.is_file():
        raise ReportError(
            f"no such file: {path}"
            + (f" (restore it with `git checkout -- data/raw/{REPORT_NAME}`)" if path.name == REPORT_NAME else "")
        )
    data = path.read_bytes()
    if not data.strip():
        raise ReportError(f"{path}: the file is empty; expected the text of the report")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        like = looks_like(data)
        if like and not like.startswith("Latin-1"):  # a single-byte guess fits any bytes: not evidence here
            raise ReportError(
                f"{path}: not UTF-8; it looks like {like}. Convert it first, e.g. "
                f"`iconv -f {like.split()[0]} -t UTF-8 {path.name} > report-utf8.txt`"
            ) from None
        if err.reason == "unexpected end of data":  # UTF-8 up to a character cut off at the end
            raise ReportError(
                f"{path}: the file ends in the middle of a character (after {len(data):,} bytes): it looks "
                "truncated; copy it again"
                + (f" or restore it with `git checkout -- data/raw/{REPORT_NAME}`" if path.name == REPORT_NAME else "")
            ) from None
        kind = (
            "a binary file"
            if b"\x00" in data[:4000]
            else f"not UTF-8 (byte {err.start}: {data[err.start : err.start + 4]!r})"
        )
        raise ReportError(f"{path}: {kind}; expected the UTF-8 text extraction of the report") from None
    if "\x00" in text:
        raise ReportError(f"{path}: a binary file (it holds NUL bytes); expected the UTF-8 text of the report")
    sha = hashlib.sha256(data).hexdigest()
    if not any_edition:
        record = sha256_record(report_path())
        want = expected_sha256(report_path())
        if sha != want:
            raise ReportError(
                f"{path}: SHA-256 is {sha}, but {record} records {want}: this is not the edition the "
                f"curated data were checked against (the text was altered, or it is another extraction). "
                f"Restore the original with `git checkout -- data/raw/{REPORT_NAME}`, or pass "
                "--any-edition (any_edition=True) to parse it on purpose."
            )
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return Report(text=text, path=path, sha256=sha)
