"""Write the build's files into a folder: all or nothing, and nothing but them.

The build renders every output in memory first (:func:`trendlib.build.render`)
and hands the bytes to :func:`publish`, which

* refuses a path that is a file, and a folder that is neither empty nor a
  previous trendlib output (recognised by the ``datapackage.json`` the build
  writes, whose ``trendlib.files`` lists every file it wrote);
* writes into a hidden staging folder *inside* the target, so only the target
  itself needs to be writable and every rename stays on one filesystem;
* swaps the files in one by one, keeping each old file until all are in place,
  and rolls back on any error, so after a failure the previous outputs are
  byte-identical;
* replaces only the files it writes (and removes only the files an earlier
  build listed as its own), never a user's file, and never changes the
  folder's own permissions.

Every filesystem failure becomes an :class:`~trendlib.errors.OutputError` that
names the user's path.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as d:
...     out = publish({"a.csv": b"x\\n", MANIFEST: b'{"trendlib": {"files": ["a.csv"]}}'},
...                   pathlib.Path(d) / "out")
...     sorted(p.name for p in out.iterdir())
['a.csv', 'datapackage.json']
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .errors import OutputError

__all__ = ["MANIFEST", "PACKAGE_NAME", "previous_files", "publish"]

#: The data package the build writes; it marks a folder as trendlib's own.
MANIFEST = "datapackage.json"
#: The ``name`` of that data package.
PACKAGE_NAME = "trendlib-government-trends-2023-zh"
_STAGING = ".trendlib-build-"
_SHOWN = 5  # entries named when a folder is refused


def _reason(err: OSError) -> str:
    if err.errno == errno.ENOSPC:
        return "the disk is full"
    if err.errno == errno.EROFS:
        return "the file system is read-only"
    if err.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return err.strerror or str(err)


def previous_files(folder: Path) -> set[str] | None:
    """The files an earlier build wrote into ``folder``, or ``None`` if it is not a trendlib output.

    A trendlib output holds a ``datapackage.json`` named :data:`PACKAGE_NAME`
    (builds before the ``trendlib.files`` list recorded only their tables and
    graphs, which are listed instead).

    >>> previous_files(Path("/nonexistent")) is None
    True
    """
    try:
        package = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(package, dict):
        return None
    own = package.get("trendlib")
    if isinstance(own, dict) and isinstance(own.get("files"), list):
        return {str(f) for f in own["files"]} | {MANIFEST}
    if package.get("name") != PACKAGE_NAME:
        return None
    tables = {r.get("path") for r in package.get("resources", []) if isinstance(r, dict)}
    graphs = {f"{g}.{ext}" for g in ("stakeholders", "collaboration") for ext in ("graphml", "gexf")}  # as built then
    return {t for t in tables if isinstance(t, str)} | graphs | {MANIFEST}


def _check_target(out: Path, names: set[str]) -> set[str]:
    """Refuse what must not be written to; return the files to remove (an earlier build's, now unused)."""
    try:
        out.stat()
    except FileNotFoundError:
        pass
    except OSError as err:
        raise OutputError(f"cannot reach the folder {out}: {_reason(err)}.") from None
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} is a file, not a folder. trendlib build writes a folder of tables: "
                          "give --out a new folder, an empty one, or the folder of an earlier build.")
    if not out.exists():
        return set()
    try:
        entries = sorted(p.name for p in out.iterdir())
    except OSError as err:
        raise OutputError(f"cannot read the folder {out}: {_reason(err)}.") from None
    entries = [e for e in entries if not e.startswith(_STAGING)]
    if not entries:
        return set()
    ours = previous_files(out)
    if ours is None:
        shown = ", ".join(entries[:_SHOWN]) + (f" and {len(entries) - _SHOWN} more" if len(entries) > _SHOWN else "")
        raise OutputError(
            f"{out} is not empty and is not the output of an earlier trendlib build "
            f"(it has no {MANIFEST} written by trendlib; it holds {shown}). trendlib build writes only "
            "into a new or empty folder, or into the folder of an earlier build: choose another --out.")
    for name in sorted(names):
        if (out / name).is_dir():
            raise OutputError(f"{out / name} is a folder, but trendlib build writes a file of that name; "
                              "move it away or choose another --out.")
    return {n for n in ours - names if (out / n).is_file()}


def publish(files: Mapping[str, bytes], out_dir: Path | str) -> Path:
    """Write ``files`` (name → bytes) into ``out_dir``, all or nothing; return the folder.

    Files of ``out_dir`` that are not in ``files`` are left alone, except those
    an earlier build listed as its own (they are removed with the swap).
    """
    out = Path(out_dir)
    names = set(files)
    stale = _check_target(out, names)
    created = None  # the first folder this call creates, removed again on failure
    if not out.exists():
        created = out
        while not created.parent.exists():
            created = created.parent
        try:
            out.mkdir(parents=True)
        except OSError as err:
            raise OutputError(f"cannot create the folder {out}: {_reason(err)} "
                              "(is its parent folder writable?).") from None
    staging: Path | None = None
    moved_old: list[tuple[Path, Path]] = []  # (target, backup) of files set aside
    moved_new: list[Path] = []  # targets now holding a new file
    try:
        try:
            staging = Path(tempfile.mkdtemp(prefix=_STAGING, dir=out))
            backup = staging / "previous"
            backup.mkdir()
            for name, data in sorted(files.items()):
                (staging / name).write_bytes(data)
                if (out / name).is_file():
                    shutil.copymode(out / name, staging / name)  # a replaced file keeps its mode
        except OSError as err:
            raise OutputError(f"cannot write into {out}: {_reason(err)}.") from None
        try:
            for name in sorted(names | stale):
                if (out / name).is_file():
                    os.replace(out / name, backup / name)
                    moved_old.append((out / name, backup / name))
            for name in sorted(names):
                os.replace(staging / name, out / name)
                moved_new.append(out / name)
        except OSError as err:
            for target in reversed(moved_new):
                target.unlink(missing_ok=True)
            for target, saved in reversed(moved_old):
                os.replace(saved, target)
            raise OutputError(f"cannot replace the files in {out}: {_reason(err)}.") from None
    except BaseException:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        if created is not None:
            shutil.rmtree(created, ignore_errors=True)  # it holds nothing but what this call wrote
        raise
    shutil.rmtree(staging, ignore_errors=True)
    return out
