"""Publishing survives what interrupts it: signals at exact renames, SIGKILL, a second build, hostile manifests.

Every case runs real processes on real folders. Debian's ``strace`` places a
signal at the N-th ``rename`` of a publish (``-e inject=rename:signal=SIG:when=N``);
without it these tests skip, unless ``TRENDLIB_REQUIRE_TOOLS=1`` (set by
``.ci/run``) makes a missing tool a failure.

Two sets of outputs that differ in every table are published into one folder:
``OLD`` (built at the 2021 exchange rates: the money columns differ, and so do
the hashes in the data package) first, then ``NEW`` is interrupted. Afterwards
the folder must hold ``OLD`` byte for byte, or, once a publish has finished,
``NEW``.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import system_tool

from trendlib import build, load, metadata, output
from trendlib import cli as trendlib_cli
from trendlib.errors import LoadError, OutputError
from trendlib.load import read_build

PUBLISH = """\
import sys, pathlib
from trendlib import metadata, output
src, out = map(pathlib.Path, sys.argv[1:3])
files = {p.name: p.read_bytes() for p in sorted(src.iterdir()) if p.is_file()}
output.publish(files, out, retired=metadata.RETIRED_OUTPUTS, wait=float(sys.argv[3]),
               note=lambda m: print("note:", m, file=sys.stderr))
print("published")
"""
RENAMES = "rename,renameat,renameat2"


@pytest.fixture(scope="module")
def builds(tmp_path_factory, corpus, built):
    """Two complete builds as folders of files to publish from: NEW is the session's build (2022 rates),
    OLD the same report and curated files at the 2021 rates (its money columns and hashes differ)."""
    folder = tmp_path_factory.mktemp("builds") / "old"
    folder.mkdir()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(build, "read_corpus", lambda report, boxes, **kw: corpus)
        for n, data in build.render(build.build_tables(rate_year=2021), corpus.report.sha256).items():
            (folder / n).write_bytes(data)
    made = {"old": folder, "new": built}
    assert (made["old"] / "funding.csv").read_bytes() != (made["new"] / "funding.csv").read_bytes()
    return made


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def command(src: Path, out: Path, *, wait: float = 5.0, strace: list[str] | None = None) -> list[str]:
    return [*(strace or []), sys.executable, "-c", PUBLISH, str(src), str(out), str(wait)]


def publisher(src: Path, out: Path, **kw) -> subprocess.CompletedProcess:
    """Publish the files of ``src`` into ``out`` in a process of its own, to the end (the process a signal
    is injected into)."""
    return subprocess.run(command(src, out, **kw), capture_output=True, text=True, timeout=120)


def publish(src: Path, out: Path, wait: float = 5.0) -> list[str]:
    """Publish the files of ``src`` into ``out`` in this process (before and after the publish that is
    interrupted: the same code, without the cost of a process); returns the notes it printed."""
    notes: list[str] = []
    output.publish(snapshot(src), out, retired=metadata.RETIRED_OUTPUTS, wait=wait, note=notes.append)
    return notes


def injected(signame: str, when: int) -> list[str]:
    return [
        system_tool("strace", "apt-get install strace"),
        "-f",
        "-qq",
        "-o",
        "/dev/null",
        "-e",
        f"trace={RENAMES}",
        "-e",
        f"inject={RENAMES}:signal={signame}:when={when}",
    ]


@pytest.fixture
def published_old(builds, tmp_path) -> Path:
    out = tmp_path / "processed"
    assert publish(builds["old"], out) == []
    return out


def renames_of_a_publish(builds) -> int:
    """How many renames one publish of NEW over OLD makes (the journal, each old file aside, each new in)."""
    return 1 + 2 * len(list(builds["new"].iterdir()))


def rename_at(builds, where: str) -> int:
    """The rename at which a signal arrives, by where it falls in a publish."""
    n = renames_of_a_publish(builds)
    return {"journal": 1, "first aside": 2, "half-way": n // 2, "last in": n}[where]


# ---------------------------------------------------------------- catchable signals roll back


@pytest.mark.parametrize(
    "signame, where",
    [
        ("INT", "journal"),  # only the journal is written
        ("TERM", "first aside"),  # an old file is set aside, no new one is in
        ("INT", "half-way"),  # the reported case: 12 of 24 files were left, and no datapackage.json
        ("HUP", "last in"),  # every new file is in, before the commit
    ],
)
def test_a_catchable_signal_during_the_swap_restores_the_previous_output(builds, published_old, signame, where):
    out = published_old
    before = snapshot(out)
    when = rename_at(builds, where)
    p = publisher(builds["new"], out, strace=injected(signame, when))
    assert p.returncode != 0, "the publish was not interrupted"
    assert snapshot(out) == before, "the previous output was not restored byte for byte"
    load(out)  # a whole build; and the next publish just works
    assert publish(builds["new"], out) == []
    assert snapshot(out) == snapshot(builds["new"])


def test_ctrl_c_during_the_swap_through_the_command_line(builds, published_old):
    """The reported case itself: ``trendlib build`` interrupted at rename 12 exits 130, keeps the previous
    output, and the next ``trendlib build`` into the folder succeeds."""
    out = published_old
    cli = [sys.executable, "-m", "trendlib", "build", "--out", str(out)]
    before = snapshot(out)
    done = subprocess.run([*injected("INT", 12), *cli], capture_output=True, text=True)
    assert done.returncode == 130, done.stderr
    assert done.stderr.strip() == (
        "trendlib build: interrupted. Nothing was written; the previous outputs are unchanged."
    )
    assert snapshot(out) == before
    assert trendlib_cli.main(["build", "--out", str(out)]) == 0  # the next build, here in the test's process
    assert snapshot(out) == snapshot(builds["new"])


# ---------------------------------------------------------------- SIGKILL: the next build undoes it


@pytest.mark.parametrize("where", ["first aside", "half-way", "last in"])
def test_after_sigkill_load_refuses_and_the_next_build_undoes_the_swap(builds, published_old, where):
    out = published_old
    before = snapshot(out)
    assert publisher(builds["new"], out, strace=injected("KILL", rename_at(builds, where))).returncode != 0
    assert (out / output.JOURNAL).exists()
    with pytest.raises(LoadError, match="interrupted while it replaced the files.*run `trendlib build` --out"):
        load(out)
    notes = publish(builds["old"], out)
    assert len(notes) == 1 and "was interrupted while it replaced the files; its changes were undone" in notes[0]
    assert snapshot(out) == before, "leftovers, or not the previous output"


def test_a_kill_while_staging_leaves_no_output_change(builds, published_old):
    """Killed before the journal exists (while the new files are staged): nothing changed, and the next
    build clears the staging folder."""
    out = published_old
    before = snapshot(out)
    strace = [
        system_tool("strace", "apt-get install strace"),
        "-f",
        "-qq",
        "-o",
        "/dev/null",
        "-e",
        "trace=fsync",
        "-e",
        "inject=fsync:signal=KILL:when=5",
    ]
    assert publisher(builds["new"], out, strace=strace).returncode != 0
    assert (out / output.STAGING).is_dir()
    assert load(out).funding is not None  # no journal: the folder is still the old build, whole
    notes = publish(builds["new"], out)
    assert len(notes) == 1 and "removed the unfinished staging files" in notes[0]
    assert snapshot(out) == snapshot(builds["new"]) != before


# ---------------------------------------------------------------- one build at a time


def manifest_rename(builds) -> int:
    """The rename that sets the old datapackage.json aside (the journal is rename 1; the i-th file in name
    order is set aside at rename 2 + 2i and the new one moved in at the next): a publish stopped there, once
    that rename is done, leaves the folder without a data package until it goes on."""
    return 2 + 2 * sorted(p.name for p in builds["new"].iterdir()).index(metadata.MANIFEST)


@contextlib.contextmanager
def stopped_at(builds, out: Path, when: int):
    """A publish of NEW over OLD stopped (SIGSTOP) at its ``when``-th rename; it finishes when the block ends."""
    first = subprocess.Popen(
        command(builds["new"], out, strace=injected("STOP", when)), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 30
        while not (out / output.JOURNAL).exists() or first_state(first) not in ("T", "t"):
            assert time.monotonic() < deadline, "the first build never stopped mid-swap"
            time.sleep(0.05)
        yield json.loads((out / output.JOURNAL).read_text(encoding="utf-8"))["pid"]
    finally:
        os.kill(tracee_of(first), signal.SIGCONT)
        code = first.wait(timeout=60)
    assert code == 0
    assert snapshot(out) == snapshot(builds["new"]), "a mix of two builds"


def test_a_second_build_waits_then_names_the_first_and_the_first_finishes(builds, published_old):
    out = published_old
    with stopped_at(builds, out, manifest_rename(builds) + 2) as pid:
        assert (out / metadata.MANIFEST).is_file()
        with pytest.raises(OutputError) as second:
            publish(builds["old"], out, wait=0.5)
        assert f"is being published by another trendlib build (process {pid}" in str(second.value)
        assert "Nothing was written" in str(second.value)
        with pytest.raises(LoadError, match=f"being published by another trendlib build \\(process {pid}"):
            read_build(out, wait=0.3)


def test_a_reader_while_the_data_package_is_swapped_is_told_a_build_is_publishing(builds, published_old):
    out = published_old
    with stopped_at(builds, out, manifest_rename(builds)) as pid:
        assert not (out / metadata.MANIFEST).exists()
        with pytest.raises(LoadError) as err:
            read_build(out, wait=0.3)
        assert f"being published by another trendlib build (process {pid}" in str(err.value), str(err.value)


def tracee_of(p: subprocess.Popen) -> int:
    """The publishing process under strace (its only child)."""
    children = Path(f"/proc/{p.pid}/task/{p.pid}/children").read_text().split()
    return int(children[0]) if children else p.pid


def first_state(p: subprocess.Popen) -> str:
    try:
        return Path(f"/proc/{tracee_of(p)}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return "?"


def test_load_never_reads_a_mix(builds, published_old):
    """A table that is not the one the data package records (a file copied from another build) is refused."""
    out = published_old
    (out / "funding.csv").write_bytes((builds["new"] / "funding.csv").read_bytes())
    with pytest.raises(LoadError, match="funding.csv is not the file its datapackage.json records"):
        load(out)


def test_load_of_a_partial_folder_is_a_trendlib_error(published_old):
    (published_old / "cases.csv").unlink()
    with pytest.raises(LoadError, match="missing cases.csv; run `trendlib build` --out"):
        load(published_old)
    for name in metadata.outputs():
        (published_old / name).unlink(missing_ok=True)
    with pytest.raises(LoadError, match="not the output of a whole trendlib build"):
        load(published_old)


# ---------------------------------------------------------------- hostile manifests


def test_a_manifest_naming_a_file_outside_the_folder_deletes_nothing(builds, tmp_path):
    """The reported case: ``{"trendlib":{"files":["../victim.txt"]}}`` once made the build delete it."""
    (tmp_path / "r" / "out").mkdir(parents=True)
    victim = tmp_path / "r" / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    (tmp_path / "r" / "out" / "datapackage.json").write_text('{"trendlib":{"files":["../victim.txt"]}}')
    with pytest.raises(OutputError, match="is not the output of an earlier trendlib build"):
        publish(builds["new"], tmp_path / "r" / "out")
    assert victim.read_text(encoding="utf-8") == "precious\n"


@pytest.mark.parametrize("files", [["/etc/passwd"], ["sub/cases.csv"], [".."], ["..\\\\victim.txt"]])
def test_a_manifest_with_a_path_makes_the_folder_foreign(files, tmp_path):
    (tmp_path / "datapackage.json").write_text(json.dumps({"trendlib": {"files": files}}))
    assert output.previous_files(tmp_path) is None


def test_an_older_manifest_never_deletes_the_files_it_lists(builds, tmp_path):
    """``{"name": "trendlib-government-trends-2023-zh", "resources": [{"path": "mydata.csv"}]}`` once deleted
    the user's own mydata.csv."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "datapackage.json").write_text(
        json.dumps({"name": metadata.PACKAGE_NAME, "resources": [{"path": "mydata.csv"}]})
    )
    (out / "mydata.csv").write_text("mine\n", encoding="utf-8")
    assert publish(builds["new"], out) == []
    assert (out / "mydata.csv").read_text(encoding="utf-8") == "mine\n"


def test_a_dangling_symlink_as_the_output_folder(tmp_path, capsys):
    from trendlib import cli

    link = tmp_path / "out"
    link.symlink_to(tmp_path / "gone")
    assert cli.main(["build", "--out", str(link)]) == 1
    err = capsys.readouterr().err
    assert "is a dangling symbolic link" in err and str(tmp_path / "gone") in err and "File exists" not in err
