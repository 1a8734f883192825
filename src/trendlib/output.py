"""Publish the build's files into a folder: all or nothing, one build at a time, whatever interrupts it.

The build renders every output in memory first (:func:`trendlib.build.render`)
and hands the bytes to :func:`publish`. Publishing is a small journalled
transaction inside the output folder:

1. **Lock.** An exclusive ``flock`` on the folder itself (nothing is written
   for it) is held for the whole publish. A second build waits up to
   :data:`LOCK_WAIT` seconds, then refuses, naming the process that holds it.
   :func:`trendlib.load` takes the same lock shared, so it never reads a
   folder in the middle of a publish.
2. **Recover.** A journal left by a build that was killed (SIGKILL, a power
   cut) is rolled back first: the previous output is restored, byte for byte,
   and the build says so in one line.
3. **Stage.** Every file is written, and synced, into the hidden folder
   :data:`STAGING` inside the target (same file system, so renames are atomic).
4. **Journal.** :data:`JOURNAL` records which files are about to be replaced;
   it is written atomically (write, sync, rename).
5. **Swap.** Each old file moves into :data:`BACKUP` and its new version takes
   its place, one rename each.
6. **Commit.** Removing the journal is the commit point; the backup and
   staging folders go after it.

SIGINT, SIGTERM and SIGHUP are held back while the lock is held and checked
between steps: one that arrives rolls the swap back, and is then delivered, so
the process exits as the signal asks, with the previous output in place.
Anything killed outright leaves the journal, which the next build (not
:func:`trendlib.load`, which only reads) rolls back.

Only files the build writes are ever replaced or removed: the names passed to
:func:`publish`, and ``retired`` names that earlier versions of the build wrote.
A file is never removed because a manifest lists it. A folder that is neither
empty nor an earlier output is refused, and so is one whose manifest lists a
path outside it. Every filesystem failure is an
:class:`~trendlib.errors.OutputError` that names the user's path.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as d:
...     out = publish({"a.csv": b"x\\n", MANIFEST: b'{"trendlib": {"files": {"a.csv": ""}}}'},
...                   pathlib.Path(d) / "out")
...     sorted(p.name for p in out.iterdir())
['a.csv', 'datapackage.json']
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import shutil
import signal
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path, PurePosixPath, PureWindowsPath

from .errors import OutputError
from .metadata import MANIFEST, PACKAGE_NAME

__all__ = [
    "MANIFEST",
    "PACKAGE_NAME",
    "JOURNAL",
    "STAGING",
    "BACKUP",
    "LOCK_WAIT",
    "previous_files",
    "preflight",
    "publish",
    "shared_lock",
    "interrupted_publish",
]

#: Exists only while a publish is under way, or after one was killed: who publishes, and what it swaps.
JOURNAL = ".trendlib-publish.json"
#: Hidden folders inside the output folder: the new files before the swap, the old ones during it.
STAGING = ".trendlib-staging"
BACKUP = ".trendlib-previous"
#: Staging folders of earlier versions of the build (``.trendlib-build-XXXX``), removed when found.
_LEGACY_STAGING = ".trendlib-build-"
#: Seconds a build waits for another build's publish into the same folder before it refuses.
LOCK_WAIT = 5.0
_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
_SHOWN = 5  # entries named when a folder is refused


def _reason(err: OSError) -> str:
    if err.errno == errno.ENOSPC:
        return "the disk is full"
    if err.errno == errno.EROFS:
        return "the file system is read-only"
    if err.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return err.strerror or str(err)


def _plain_name(name: object) -> bool:
    """A bare file name: no folder part, no ``..``, not absolute (on any system)."""
    return (
        isinstance(name, str)
        and name not in ("", ".", "..")
        and PurePosixPath(name).name == name
        and PureWindowsPath(name).name == name
    )


def previous_files(folder: Path) -> set[str] | None:
    """The file names an earlier build recorded in ``folder``'s manifest, or ``None`` if the folder is
    not a trendlib output.

    A trendlib output holds a ``datapackage.json`` with a ``trendlib.files``
    record (or, from builds before it, the data package named
    :data:`PACKAGE_NAME`). A manifest that names anything but a bare file name
    (a folder part, ``..``, an absolute path) is not trendlib's: the folder is
    foreign. The names only recognise the folder; nothing is removed because
    they are listed.

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
    if isinstance(own, dict) and isinstance(own.get("files"), (list, dict)):
        names = list(own["files"])
    elif package.get("name") == PACKAGE_NAME and isinstance(package.get("resources"), list):
        names = [r.get("path") for r in package["resources"] if isinstance(r, dict)]
    else:
        return None
    if not all(_plain_name(n) for n in names):
        return None
    return {*names, MANIFEST}


# ---------------------------------------------------------------- the lock


def _open_folder(out: Path) -> int:
    try:
        return os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as err:
        raise OutputError(f"cannot open the folder {out}: {_reason(err)}.") from None


def _holder(out: Path) -> str:
    """Who holds the lock, as the journal records it."""
    try:
        record = json.loads((out / JOURNAL).read_text(encoding="utf-8"))
        return f"process {int(record['pid'])}" + (f" (started {record['started']})" if record.get("started") else "")
    except (OSError, ValueError, KeyError, TypeError):
        return "another process"


def _lock(fd: int, out: Path, mode: int, wait: float, doing: str) -> None:
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise OutputError(
                    f"{out} is being published by another trendlib build ({_holder(out)}); waited "
                    f"{wait:g} s. {doing} Let that build finish, or stop it and run trendlib build again."
                ) from None
            time.sleep(0.05)
        except OSError as err:
            raise OutputError(
                f"cannot lock the folder {out}: {_reason(err)} (the file system may not "
                "support locks; choose an --out on a local disk)."
            ) from None


@contextlib.contextmanager
def shared_lock(folder: Path, wait: float = LOCK_WAIT) -> Iterator[None]:
    """Hold ``folder`` against publishes (a shared lock) while reading it.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d, shared_lock(Path(d)):
    ...     pass
    """
    fd = _open_folder(folder)
    try:
        _lock(fd, folder, fcntl.LOCK_SH, wait, "Nothing was read.")
        yield
    finally:
        os.close(fd)


def interrupted_publish(folder: Path) -> str | None:
    """What an interrupted publish left in ``folder`` (its journal), or ``None``.

    >>> interrupted_publish(Path("/nonexistent")) is None
    True
    """
    if not (folder / JOURNAL).exists():
        return None
    return f"a trendlib build into {folder} was interrupted while it replaced the files ({_holder(folder)})"


# ---------------------------------------------------------------- signals


class _Interrupted(Exception):
    """A held-back signal arrived; the publish is undone before it is delivered."""


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP back; they are delivered when the block ends."""
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    except (ValueError, OSError):  # not the main thread of a process that may block them
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _checkpoint() -> None:
    """Raise :class:`_Interrupted` if a held-back signal is waiting (one the process ignores does not count)."""
    if any(signal.getsignal(s) != signal.SIG_IGN for s in signal.sigpending() & _SIGNALS):
        raise _Interrupted


# ---------------------------------------------------------------- durable steps


def _sync_folder(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_synced(path: Path, data: bytes) -> None:
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def _write_journal(out: Path, record: dict) -> None:
    tmp = out / (JOURNAL + ".tmp")
    _write_synced(tmp, json.dumps(record, sort_keys=True).encode("utf-8"))
    os.replace(tmp, out / JOURNAL)
    _sync_folder(out)


def _remove_leftovers(out: Path) -> None:
    """The staging and backup folders and a half-written journal: nothing but what the build wrote."""
    for p in (out / STAGING, out / BACKUP):
        shutil.rmtree(p, ignore_errors=True)
    (out / (JOURNAL + ".tmp")).unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        for p in out.iterdir():
            if p.name.startswith(_LEGACY_STAGING) and p.is_dir():
                shutil.rmtree(p, ignore_errors=True)


def _roll_back(out: Path, record: dict) -> None:
    """Put back every file the journal says was being replaced; remove those that are new."""
    backup = out / BACKUP
    existed = set(record.get("existed", []))
    for name in record.get("install", []):
        if not _plain_name(name):
            continue  # a journal is trendlib's own, but never trust a name with a folder part
        if (backup / name).is_file():
            os.replace(backup / name, out / name)
        elif name not in existed:
            (out / name).unlink(missing_ok=True)
    _sync_folder(out)
    (out / JOURNAL).unlink()
    _sync_folder(out)
    _remove_leftovers(out)


def _recover(out: Path) -> str | None:
    """Undo what a killed publish left (under the lock): returns a one-line note, or ``None``."""
    journal = out / JOURNAL
    if journal.exists():
        try:
            record = json.loads(journal.read_text(encoding="utf-8"))
            if not isinstance(record, dict):
                raise ValueError
        except (OSError, ValueError) as err:
            raise OutputError(
                f"{journal} is damaged ({err}); it records an interrupted build. Move the folder "
                "away and build into a new one."
            ) from None
        pid = record.get("pid", "?")
        try:
            _roll_back(out, record)
        except OSError as err:
            raise OutputError(f"cannot undo the interrupted build in {out}: {_reason(err)}.") from None
        return (
            f"an earlier build into {out} (process {pid}) was interrupted while it replaced the files; "
            "its changes were undone and the previous output restored"
        )
    if (out / STAGING).exists() or (out / BACKUP).exists() or (out / (JOURNAL + ".tmp")).exists():
        _remove_leftovers(out)
        return f"removed the unfinished staging files of an earlier build into {out}; no output had changed"
    _remove_leftovers(out)  # an earlier version's staging folders, if any
    return None


# ---------------------------------------------------------------- the target folder


def _check_target(out: Path, names: set[str], retired: set[str]) -> set[str]:
    """Refuse what must not be written to; return the retired files present (removed with the swap)."""
    try:
        entries = sorted(p.name for p in out.iterdir())
    except OSError as err:
        raise OutputError(f"cannot read the folder {out}: {_reason(err)}.") from None
    entries = [e for e in entries if not e.startswith((_LEGACY_STAGING, STAGING, BACKUP, JOURNAL))]
    if not entries:
        return set()
    if previous_files(out) is None:
        shown = ", ".join(entries[:_SHOWN]) + (f" and {len(entries) - _SHOWN} more" if len(entries) > _SHOWN else "")
        raise OutputError(
            f"{out} is not empty and is not the output of an earlier trendlib build "
            f"(it has no {MANIFEST} written by trendlib; it holds {shown}). trendlib build writes only "
            "into a new or empty folder, or into the folder of an earlier build: choose another --out."
        )
    for name in sorted(names):
        if (out / name).is_dir() or (out / name).is_symlink():
            what = "a folder" if (out / name).is_dir() else "a symbolic link"
            raise OutputError(
                f"{out / name} is {what}, but trendlib build writes a file of that name; "
                "move it away or choose another --out."
            )
    return {n for n in retired - names if (out / n).is_file() and not (out / n).is_symlink()}


def preflight(out: Path | str, names: Iterable[str]) -> None:
    """The refusals of :func:`publish` that need no lock, checked before a build spends its time on the
    tables (publish checks them again); creates nothing."""
    out = Path(out)
    if _check_path(out):
        _check_target(out, set(names), set())


def _check_path(out: Path) -> bool:
    """Whether ``out`` exists as a folder; refuses a dangling link, a file, an unreachable path."""
    try:
        if os.path.islink(out) and not os.path.exists(out):
            raise OutputError(
                f"{out} is a dangling symbolic link (it points to {os.readlink(out)}, which does "
                "not exist): remove the link, or give --out the folder itself."
            )
        out.stat()
    except FileNotFoundError:
        pass
    except OSError as err:
        raise OutputError(f"cannot reach the folder {out}: {_reason(err)}.") from None
    if out.exists() and not out.is_dir():
        raise OutputError(
            f"{out} is a file, not a folder. trendlib build writes a folder of tables: "
            "give --out a new folder, an empty one, or the folder of an earlier build."
        )
    return out.exists()


def _make_folder(out: Path) -> Path | None:
    """Create ``out`` if it is missing; return the topmost folder created (removed again on failure)."""
    if _check_path(out):
        return None
    created = out
    while not created.parent.exists():
        created = created.parent
    try:
        out.mkdir(parents=True)
    except FileExistsError:  # another build made it first
        return None
    except OSError as err:
        raise OutputError(f"cannot create the folder {out}: {_reason(err)} (is its parent folder writable?).") from None
    return created


def _swap(out: Path, files: Mapping[str, bytes], remove: set[str], journal: dict) -> None:
    staging, backup = out / STAGING, out / BACKUP
    staging.mkdir()
    for name, data in sorted(files.items()):
        _write_synced(staging / name, data)
        if (out / name).is_file():
            shutil.copymode(out / name, staging / name)  # a replaced file keeps its mode
        _checkpoint()
    backup.mkdir()
    names = sorted(files)
    existed = sorted(n for n in [*names, *remove] if (out / n).is_file())
    _write_journal(out, {**journal, "install": sorted([*names, *remove]), "existed": existed})
    _checkpoint()
    for name in sorted(remove):
        os.replace(out / name, backup / name)
        _checkpoint()
    for name in names:
        if name in existed:
            os.replace(out / name, backup / name)
        os.replace(staging / name, out / name)
        _checkpoint()
    _sync_folder(out)
    (out / JOURNAL).unlink()  # the commit point
    _sync_folder(out)


def publish(
    files: Mapping[str, bytes], out_dir: Path | str, *, retired: Iterable[str] = (), wait: float = LOCK_WAIT, note=None
) -> Path:
    """Write ``files`` (name → bytes) into ``out_dir``, all or nothing; return the folder.

    Files of ``out_dir`` that are not in ``files`` are left alone, except the
    ``retired`` names (files earlier versions of the build wrote), which are
    removed with the swap. ``note`` is called with a one-line message when an
    interrupted earlier build is undone first.
    """
    out = Path(out_dir)
    names = set(files)
    if not all(_plain_name(n) for n in names):
        raise ValueError(f"publish writes bare file names only: {sorted(names)}")
    created = _make_folder(out)
    fd = _open_folder(out)
    try:
        _lock(fd, out, fcntl.LOCK_EX, wait, "Nothing was written.")
        journal = {"pid": os.getpid(), "started": time.strftime("%Y-%m-%d %H:%M:%S")}
        with _signals_held():
            try:
                recovered = _recover(out)
                if recovered and note:
                    note(recovered)
                remove = _check_target(out, names, set(retired))
                _swap(out, files, remove, journal)
            except _Interrupted:
                _undo(out, created)
                raise  # replaced by the held-back signal itself when the block ends
            except OSError as err:
                _undo(out, created)
                raise OutputError(f"cannot write into {out}: {_reason(err)}.") from None
            except BaseException:
                _undo(out, created)
                raise
            _remove_leftovers(out)
    except _Interrupted:
        # the signal was delivered when the block ended; only an ignored or handled one gets here
        raise OutputError(f"interrupted: the previous output in {out} is unchanged.") from None
    finally:
        os.close(fd)
    return out


def _undo(out: Path, created: Path | None) -> None:
    """Roll back a publish that failed or was interrupted (signals are held back here)."""
    try:
        if (out / JOURNAL).exists():
            _roll_back(out, json.loads((out / JOURNAL).read_text(encoding="utf-8")))
        else:
            _remove_leftovers(out)
    except OSError:
        pass  # the journal stays, and the next build rolls it back
    if created is not None:
        shutil.rmtree(created, ignore_errors=True)  # it holds nothing but what this call wrote
