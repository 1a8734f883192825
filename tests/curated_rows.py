"""Helpers for the tests of the rules on curated rows: each rule is checked by calling the stage that
enforces it on hand-edited rows, and its error must be of the right class and name the file, the row and
the fix (the project's standard: "Bad input gets a clear error naming the file, the row and the fix").
"""

from __future__ import annotations

import contextlib
import copy
from pathlib import Path

import pytest
import yaml

from trendlib.curated import files
from trendlib.errors import TrendlibError
from trendlib.paths import reference_dir

# the C loader and dumper, where available, keep the many edits fast
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Writes a row shared by two places out twice: curated files use no anchors or aliases."""

    def ignore_aliases(self, data):
        return True


@contextlib.contextmanager
def refused(error: type[TrendlibError], *, file: str, row: str | None, fix: str, says: tuple[str, ...] = ()):
    """The block raises exactly ``error`` (not a parent or a sibling class), and its message names the
    ``file``, the ``row`` (None for a rule about the whole file), the ``fix`` and each of ``says``."""
    with pytest.raises(TrendlibError) as caught:
        yield caught
    err = caught.value
    assert type(err) is error, f"{type(err).__name__} raised, {error.__name__} expected: {err}"
    msg = str(err)
    named = [("file", file), ("row", row), ("fix", fix), *(("detail", s) for s in says)]
    for what, part in named:
        if part is not None:
            assert part in msg, f"the message does not name the {what} ({part!r}): {msg}"


def document(name: str) -> dict:
    """A fresh copy of the curated file ``name`` (about, review and rows) as YAML reads it."""
    return copy.deepcopy(_documents(name))


_CACHE: dict[str, dict] = {}


def _documents(name: str) -> dict:
    if name not in _CACHE:
        _CACHE[name] = yaml.load((reference_dir() / name).read_bytes(), Loader=_LOADER)
    return _CACHE[name]


def dump(doc) -> bytes:
    return yaml.dump(doc, Dumper=_Dumper, allow_unicode=True, sort_keys=False).encode("utf-8")


def check_file(name: str, change=None, *, data: bytes | None = None) -> dict:
    """Read and check the curated file ``name`` as the build does (strict YAML, then its schema, keys and
    codes: :func:`trendlib.curated.files._parse_and_check`), with ``change`` applied to its rows (or the
    file's bytes given as ``data``). Nothing is written: the bytes are checked as if they were the file's."""
    if data is None:
        doc = document(name)
        if change is not None:
            change(doc["rows"])
        data = dump(_through_last_change(doc, _documents(name)))
    return files._parse_and_check(reference_dir() / name, name, data)


def _through_last_change(doc: dict, original: dict) -> dict:
    """``doc`` with its rows cut after the last one that differs from the file's: every rule of a file's shape
    is about a row and the rows before it, so the error and its row number are the same, and a large file
    (cases.yaml) is checked in a fraction of the time."""
    rows, before = doc["rows"], original["rows"]
    if not isinstance(rows, list) or not isinstance(before, list):
        return doc
    changed = [i for i in range(len(rows)) if i >= len(before) or rows[i] != before[i]]
    return {**doc, "rows": rows[: changed[-1] + 1]} if changed else doc


def rows_of(rows: list[dict]) -> list[dict]:
    """A deep copy of curated rows, to edit one of them."""
    return copy.deepcopy(rows)


def number_of(rows: list[dict], key: str, value) -> int:
    """1-based row number of the row whose ``key`` is ``value``."""
    return next(n for n, r in enumerate(rows, 1) if r.get(key) == value)


def row_with(rows: list[dict], key: str, value) -> dict:
    return rows[number_of(rows, key, value) - 1]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
