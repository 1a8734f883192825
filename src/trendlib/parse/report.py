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

REPORT_NAME = "government-trends-2023-zh.txt"


class ReportError(ValueError):
    """The report file is missing, altered, undecodable or structurally broken."""


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


def project_root() -> Path:
    """The checkout that holds ``data/``: the source tree of an editable install,
    else the nearest parent of the working directory that has ``data/raw``.

    >>> (project_root() / "data" / "raw").is_dir()
    True
    """
    here = Path(__file__).resolve().parents[3]
    candidates = [here, *Path.cwd().resolve().parents, Path.cwd().resolve()]
    for root in sorted(set(candidates), key=lambda p: (p != here, -len(p.parts))):
        if (root / "data" / "raw" / REPORT_NAME).is_file():
            return root
    raise ReportError(
        f"cannot find data/raw/{REPORT_NAME} above {Path.cwd()} or beside the package; "
        "run from inside a trendlib checkout or pass the report path explicitly"
    )


def default_report_path() -> Path:
    return project_root() / "data" / "raw" / REPORT_NAME


def expected_sha256(path: Path) -> str:
    """The hash recorded beside the report, ``<report>.sha256`` (``sha256sum -c`` format)."""
    record = path.with_name(path.name + ".sha256")
    if not record.is_file():
        raise ReportError(f"{record}: missing; it records the SHA-256 of {path.name}")
    return record.read_text(encoding="utf-8").split()[0].lower()


def read_report(path: Path | str | None = None, *, any_edition: bool = False) -> Report:
    """Read and verify the report.

    ``any_edition=True`` skips the hash check, to parse another extraction or
    edition on purpose; structural checks in later stages still apply.

    >>> read_report().sha256[:12]
    'be6c23aa12fc'
    """
    path = Path(path) if path is not None else default_report_path()
    if not path.is_file():
        raise ReportError(f"{path}: report not found (expected the file {REPORT_NAME} under data/raw/)")
    data = path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    if not any_edition:
        want = expected_sha256(default_report_path())
        if sha != want:
            raise ReportError(
                f"{path}: SHA-256 is {sha}, expected {want} (recorded in {path.name}.sha256). "
                "The report was altered or is another extraction; restore it from "
                "../shared/report/, or pass any_edition=True (CLI: --any-edition) to parse it on purpose."
            )
    if not data.strip():
        raise ReportError(f"{path}: the file is empty; expected the text of the report")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ReportError(
            f"{path}: not UTF-8 (byte {err.start}: {data[err.start:err.start + 4]!r}); "
            "expected the UTF-8 text extraction of the report"
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return Report(text=text, path=path, sha256=sha)
