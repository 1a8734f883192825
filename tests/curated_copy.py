"""Helpers for tests that break one curated file in a copy of data/reference/ and build from it.

The fixtures ``ref`` (the copy) and ``reuse_corpus`` (reuse the parsed report) are in conftest.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from trendlib import build

# the C loader and dumper, where available, keep the many edits fast
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Writes a row shared by two places out twice: curated files use no anchors or aliases."""

    def ignore_aliases(self, data):
        return True


_DUMPER = _Dumper


def rows(path: Path) -> list:
    """The rows of a curated file (its ``rows``; the file also holds ``about`` and ``review``)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)["rows"]


def write(path: Path, data: list) -> None:
    """Write ``data`` as the rows of a curated file, keeping its ``about`` and ``review``."""
    doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) if path.is_file() else {
        "about": "a test's copy", "review": {"status": "draft"}}
    doc["rows"] = data
    path.write_text(yaml.dump(doc, Dumper=_DUMPER, allow_unicode=True, sort_keys=False), encoding="utf-8")


def edit(path: Path, change) -> object:
    """Apply ``change`` to the YAML rows of ``path``; returns what ``change`` returns."""
    data = rows(path)
    out = change(data)
    write(path, data)
    return out


def number_of(data: list[dict], key: str, value) -> int:
    """1-based row number of the row whose ``key`` is ``value``."""
    return next(n for n, r in enumerate(data, 1) if r.get(key) == value)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def fails(ref_dir: Path, error, *parts: str, tmp_path: Path, monkeypatch, full: bool = False) -> str:
    """Build the tables from ``ref_dir``: it must raise ``error`` with each of ``parts`` in its message.

    With ``full``, also run a whole build (``build.build``) from ``ref_dir`` into a fresh
    folder: it must fail the same way and write nothing. Returns the message.
    """
    with pytest.raises(error) as err:
        build.build_tables(reference=ref_dir)
    msg = str(err.value)
    for part in parts:
        assert part in msg, f"{part!r} not in error message: {msg}"
    if not full:
        return msg

    real = build.load_reference
    monkeypatch.setattr(build, "load_reference", lambda directory=None, **kw: real(ref_dir))
    out_parent = tmp_path / "site"
    out_parent.mkdir()
    with pytest.raises(error) as again:
        build.build(out_dir=out_parent / "processed")
    assert str(again.value) == msg
    assert list(out_parent.iterdir()) == [], "a failed build wrote something"
    return msg
