"""The build never loses a user's file: refusals, filesystem failures and all-or-nothing writes.

Every case runs on real temporary folders. Read-only and full file systems are
real too: a small ``tmpfs`` mounted read-only or with too little space (this
needs root and ``mount``, as in CI); "permission denied" comes from a forked
child that drops to the unprivileged ``nobody`` user. Where the machine allows
neither, those tests skip and say so.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from trendlib import build, cli, metadata, output
from trendlib.errors import OutputError

NOBODY = 65534


@pytest.fixture(scope="module")
def files(built) -> dict[str, bytes]:
    """The outputs of the session's build (conftest.built), as a build renders them."""
    return {p.name: p.read_bytes() for p in sorted(built.iterdir())}


@pytest.fixture
def fast_cli(monkeypatch, tables, files):
    """``trendlib build`` with the session build's tables and files (the folder logic is what is tested;
    the report is still read and its hash checked)."""
    monkeypatch.setattr(build, "build_tables", lambda *args, **kw: tables)
    monkeypatch.setattr(build, "render", lambda t, sha256: files)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run_cli(capsys, out: Path | str) -> tuple[int, str]:
    code = cli.main(["build", "--out", str(out)])
    return code, capsys.readouterr().err


def assert_refused(code: int, err: str, path: Path | str, *words: str) -> None:
    assert code == 1
    assert err.startswith("trendlib build: error: "), err
    assert "Nothing was written" in err
    assert str(path) in err, err
    assert ".trendlib-build-" not in err and "Traceback" not in err, err
    for w in words:
        assert w in err, f"{w!r} not in {err}"


@contextlib.contextmanager
def tmpfs(path: Path, *, size: str = "16m", read_only: bool = False):
    """A real small file system at ``path`` (root only); skips with the reason otherwise."""
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip(
            "needs root and mount(8) for a real read-only or full file system; run the suite "
            "as root (CI does) to enable this test"
        )
    opts = f"size={size}" + (",ro" if read_only else "")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(path)], capture_output=True, text=True)
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip()}); run as root with mount rights to enable")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


# ---------------------------------------------------------------- what the build may write to


def test_a_new_folder_is_created_with_every_output(files, tmp_path):
    out = output.publish(files, tmp_path / "site" / "processed")
    assert snapshot(out) == files
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == ["processed"], "stray staging folder"


def test_an_empty_folder_keeps_its_permissions(files, tmp_path):
    out = tmp_path / "processed"
    out.mkdir()
    out.chmod(0o751)
    output.publish(files, out)
    assert out.stat().st_mode & 0o777 == 0o751
    assert snapshot(out) == files


def test_a_rebuild_keeps_the_users_files_and_the_folder_mode(files, tmp_path):
    out = output.publish(files, tmp_path / "processed")
    (out / "notes.txt").write_text("my reading notes\n", encoding="utf-8")
    (out / "figures").mkdir()
    (out / "figures" / "fig1.png").write_bytes(b"\x89PNG")
    out.chmod(0o750)
    (out / "cases.csv").chmod(0o640)
    changed = {**files, "cases.csv": files["cases.csv"] + b"\n"}
    output.publish(changed, out)
    assert (out / "cases.csv").read_bytes() == changed["cases.csv"]
    assert (out / "notes.txt").read_text(encoding="utf-8") == "my reading notes\n"
    assert (out / "figures" / "fig1.png").read_bytes() == b"\x89PNG"
    assert out.stat().st_mode & 0o777 == 0o750
    assert (out / "cases.csv").stat().st_mode & 0o777 == 0o640, "a replaced file keeps its mode"


def test_a_retired_output_is_removed_and_nothing_a_manifest_lists(files, tmp_path):
    """Only names the build declares are removed: a retired output; never what a manifest lists."""
    import json

    out = tmp_path / "processed"
    package = json.loads(files[output.MANIFEST])
    package["trendlib"]["files"]["old_table.csv"] = "0" * 64
    output.publish(
        {
            **files,
            "collaboration.gexf": b"<gexf/>",
            "old_table.csv": b"x\n",
            output.MANIFEST: json.dumps(package).encode(),
        },
        out,
    )
    (out / "stale.csv").write_text("the user's own\n", encoding="utf-8")
    output.publish(files, out, retired=metadata.RETIRED_OUTPUTS)
    assert not (out / "collaboration.gexf").exists(), "a file an earlier version of the build wrote"
    assert (out / "old_table.csv").exists(), "listed by a manifest, but not a name the build declares"
    assert (out / "stale.csv").exists(), "a file the build never wrote"


def test_refuses_a_folder_that_is_not_a_trendlib_output(fast_cli, capsys, tmp_path):
    data = tmp_path / "data"
    for sub, name in (("raw", "report.txt"), ("reference", "cases.yaml")):
        (data / sub).mkdir(parents=True)
        (data / sub / name).write_text("precious\n", encoding="utf-8")
    before = snapshot(data)
    code, err = run_cli(capsys, data)
    assert_refused(
        code,
        err,
        data,
        "not empty",
        "not the output of an earlier trendlib build",
        "raw",
        "reference",
        "choose another --out",
    )
    assert snapshot(data) == before
    assert sorted(p.name for p in data.iterdir()) == ["raw", "reference"]


@pytest.mark.parametrize("sub", [".", "raw", "raw/newsub", "reference", "processed/sub"])
def test_refuses_anything_under_the_projects_data_folder(sub, fast_cli, capsys, tmp_path, monkeypatch):
    from trendlib.paths import project_root

    data = project_root() / "data"
    target = data / sub
    before = {p: p.stat().st_mtime_ns for p in data.rglob("*") if p.is_file()}
    code, err = run_cli(capsys, target)
    assert_refused(code, err, target, "inside the project's data/ folder", "outside data/")
    assert {p: p.stat().st_mtime_ns for p in data.rglob("*") if p.is_file()} == before
    assert not (data / "raw" / "newsub").exists() and not (data / "processed" / "sub").exists()


def test_refuses_the_current_folder_in_a_plain_sentence(fast_cli, capsys, tmp_path, monkeypatch):
    (tmp_path / "thesis.docx").write_bytes(b"PK")
    monkeypatch.chdir(tmp_path)
    code, err = run_cli(capsys, ".")
    assert_refused(code, err, ".", "is not empty", "thesis.docx")
    assert "PosixPath" not in err and "empty name" not in err
    assert (tmp_path / "thesis.docx").read_bytes() == b"PK"


def test_refuses_a_path_that_is_a_file(fast_cli, capsys, tmp_path):
    doc = tmp_path / "some-file.docx"
    doc.write_bytes(b"my thesis")
    code, err = run_cli(capsys, doc)
    assert_refused(code, err, doc, "is a file, not a folder")
    assert doc.is_file() and doc.read_bytes() == b"my thesis"


def test_refuses_a_folder_where_an_output_file_goes(files, tmp_path):
    out = output.publish(files, tmp_path / "processed")
    before = snapshot(out)
    (out / "cases.csv").unlink()
    (out / "cases.csv").mkdir()
    with pytest.raises(OutputError, match="is a folder"):
        output.publish(files, out)
    assert snapshot(out) == {k: v for k, v in before.items() if k != "cases.csv"}


# ---------------------------------------------------------------- filesystem failures


def test_read_only_location(fast_cli, capsys, tmp_path):
    with tmpfs(tmp_path / "ro", read_only=True) as ro:
        code, err = run_cli(capsys, ro / "processed")
        assert_refused(code, err, ro / "processed", "read-only")


def test_read_only_previous_output_is_unchanged(files, fast_cli, capsys, tmp_path):
    mount = tmp_path / "mnt"
    with tmpfs(mount, size="32m") as m:
        out = output.publish(files, m / "processed")
        before = snapshot(out)
        subprocess.run(["mount", "-o", "remount,ro", str(m)], check=True)
        code, err = run_cli(capsys, out)
        assert_refused(code, err, out, "read-only")
        assert snapshot(out) == before


def test_parent_not_writable(fast_cli, capsys, tmp_path):
    with tmpfs(tmp_path / "ro", read_only=True) as ro:
        code, err = run_cli(capsys, ro / "site" / "processed")
        assert_refused(code, err, ro / "site" / "processed", "cannot create the folder", "parent")


def test_disk_full_on_a_first_build_leaves_nothing(files, tmp_path):
    with tmpfs(tmp_path / "small", size="256k") as small:
        with pytest.raises(OutputError, match="disk is full") as err:
            output.publish(files, small / "processed")
        assert str(small / "processed") in str(err.value)
        assert list(small.iterdir()) == []


def test_disk_full_on_a_rebuild_keeps_the_previous_outputs(files, fast_cli, capsys, tmp_path):
    total = sum(len(b) for b in files.values())
    # room for one set of outputs, not for the staged second set
    with tmpfs(tmp_path / "small", size=f"{int(total * 1.5) // 4096 * 4096 + 65536}") as small:
        out = output.publish(files, small / "processed")
        before = snapshot(out)
        code, err = run_cli(capsys, out)
        assert_refused(code, err, out, "the disk is full")
        assert snapshot(out) == before
        assert sorted(p.name for p in out.iterdir()) == sorted(before), "staging folder left behind"


def _as_nobody(fn) -> tuple[int, str]:
    """Run ``fn()`` in a forked child as the unprivileged user ``nobody``; (exit code, message)."""
    if os.geteuid() != 0:
        pytest.skip(
            "needs root to fork a child as `nobody`; as a normal user the permission tests of the other cases apply"
        )
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: no pytest machinery from here on
        os.close(read)
        code, message = 0, ""
        try:
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            fn()
        except OutputError as err:
            code, message = 1, str(err)
        except BaseException as err:  # noqa: BLE001 - reported to the parent
            code, message = 2, repr(err)
        os.write(write, message.encode("utf-8"))
        os._exit(code)
    os.close(write)
    chunks = []
    while chunk := os.read(read, 65536):
        chunks.append(chunk)
    os.close(read)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), b"".join(chunks).decode("utf-8")


@pytest.fixture
def shared_tmp():
    """A temporary folder that other users can reach (pytest's own are private to their owner)."""
    import tempfile

    d = Path(tempfile.mkdtemp(prefix="trendlib-test-", dir="/tmp"))
    d.chmod(0o755)
    yield d
    shutil.rmtree(d, ignore_errors=True)


def test_permission_denied(files, shared_tmp):
    out = output.publish(files, shared_tmp / "processed")
    out.chmod(0o755)  # owned by root: nobody may read it, not write it
    before = snapshot(out)
    code, message = _as_nobody(lambda: output.publish(files, out))
    assert code == 1, message
    assert str(out) in message and "permission denied" in message
    assert snapshot(out) == before


def test_permission_denied_on_the_parent(files, shared_tmp):
    code, message = _as_nobody(lambda: output.publish(files, shared_tmp / "new"))
    assert code == 1, message
    assert str(shared_tmp / "new") in message and "permission denied" in message
    assert not (shared_tmp / "new").exists()


def test_an_unreachable_folder(files, tmp_path):
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    code, message = _as_nobody(lambda: output.publish(files, private / "processed"))
    assert code == 1, message
    assert str(private / "processed") in message and "permission denied" in message


def _boom(*args, **kwargs):
    raise ValueError("boom: a bug half-way through rendering")


def test_a_build_that_fails_while_rendering_writes_nothing(tables, files, tmp_path, monkeypatch):
    """A bug (no TrendlibError) half-way through rendering the graphs leaves the previous outputs byte for
    byte, and on a first build creates nothing, not even the folder."""
    monkeypatch.setattr(build, "build_tables", lambda *args, **kw: tables)
    monkeypatch.setattr(build.network, "graph_bytes", _boom)
    out = output.publish(files, tmp_path / "site" / "processed")
    before = snapshot(tmp_path / "site")
    with pytest.raises(ValueError, match="boom"):
        build.build(out_dir=out)
    assert snapshot(tmp_path / "site") == before
    first = tmp_path / "first"
    first.mkdir()
    with pytest.raises(ValueError, match="boom"):
        build.build(out_dir=first / "processed")
    assert list(first.iterdir()) == []


def test_a_failed_swap_rolls_back(files, tmp_path, monkeypatch):
    out = output.publish(files, tmp_path / "processed")
    changed = {k: v + b"\n" if k.endswith(".csv") else v for k, v in files.items()}
    before = snapshot(out)
    real, calls = os.replace, []

    def flaky(src, dst):
        calls.append(dst)
        if len(calls) == 20:  # half-way through moving the new files in
            raise OSError(errno.EIO, "Input/output error")
        return real(src, dst)

    monkeypatch.setattr(output.os, "replace", flaky)
    with pytest.raises(OutputError, match="Input/output error"):
        output.publish(changed, out)
    monkeypatch.setattr(output.os, "replace", real)
    assert snapshot(out) == before
