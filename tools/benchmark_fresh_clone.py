"""Benchmark: `make test` on a fresh clone, and where its time goes.

    python tools/benchmark_fresh_clone.py

Clones the repository's HEAD into a temporary folder and runs, there, what a
new contributor types: `make test` (which first sets up `.venv` from nothing).
It runs `make setup` on its own first so that the install can be timed apart
from the tests; `make test` then finds `.venv` ready. Prints the wall time of
the install, of each of the two pytest runs that `make test` makes (the suite
and the real-browser tests, as pytest reports them) and of the whole. The
target of issue #8 is `make test` from a fresh clone in ≤ 60 s on 2 cores.

It needs what `make setup` needs (PyPI, or uv's cache) and, for the browser
tests, Debian's chromium; without it those tests skip and the figure says so.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# pytest's last line: `932 passed in 37.37s` (or `7 passed, 1 skipped in 46.20s (0:00:46)`)
SUMMARY = re.compile(r"^=*\s*(?P<counts>\d+ \w+.*?) in (?P<seconds>[\d.]+)s", re.MULTILINE)


def timed(args: list[str], cwd: Path) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode:
        sys.exit(
            f"benchmark_fresh_clone: {' '.join(args)} failed in {cwd}:\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
        )
    return seconds, done.stdout


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        clone = Path(tmp) / "trendlib"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
        setup, _ = timed(["make", "setup"], clone)
        test, out = timed(["make", "test"], clone)
    runs = SUMMARY.findall(out)
    print(f"make setup (install into a new .venv): {setup:6.1f} s")
    for name, (counts, seconds) in zip(("suite (unit tests and nbval)", "real-browser tests"), runs, strict=True):
        print(f"  {name:34s} {float(seconds):6.1f} s   {counts}")
    print(f"make test after setup:                 {test:6.1f} s")
    print(f"fresh clone, setup + test:             {setup + test:6.1f} s   (target ≤ 60 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
