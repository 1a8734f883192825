"""Where the project's files are: the checkout, the raw report, the curated and the published data.

>>> (project_root() / "data" / "raw").is_dir()
True
>>> report_path().name
'government-trends-2023-zh.txt'
"""

from __future__ import annotations

from pathlib import Path

from .errors import ReportError

__all__ = ["REPORT_NAME", "project_root", "report_path", "reference_dir", "processed_dir"]

#: The file name of the raw report under ``data/raw/``.
REPORT_NAME = "government-trends-2023-zh.txt"


def project_root() -> Path:
    """The checkout that holds ``data/``: the source tree of an editable install,
    else the nearest parent of the working directory that has ``data/raw``."""
    here = Path(__file__).resolve().parents[2]
    candidates = [here, *Path.cwd().resolve().parents, Path.cwd().resolve()]
    for root in sorted(set(candidates), key=lambda p: (p != here, -len(p.parts))):
        if (root / "data" / "raw" / REPORT_NAME).is_file():
            return root
    raise ReportError(
        f"cannot find data/raw/{REPORT_NAME} above {Path.cwd()} or beside the package; "
        "run from inside a trendlib checkout or pass the report path explicitly"
    )


def report_path() -> Path:
    """``data/raw/government-trends-2023-zh.txt`` of the checkout."""
    return project_root() / "data" / "raw" / REPORT_NAME


def reference_dir() -> Path:
    """``data/reference/``: the curated inputs."""
    return project_root() / "data" / "reference"


def processed_dir() -> Path:
    """``data/processed/``: the published tables."""
    return project_root() / "data" / "processed"
