"""Benchmark: `trendlib build` against its import floor, cold and with the curated cache warm.

    python tools/benchmark.py [--repeat N]

Prints
- the in-process parse throughput (report → layout → structure → footnotes,
  i.e. trendlib.parse.corpus.read_corpus) in characters and bytes per second, and
  the same for the whole table build (every table in memory);
- how long trendlib.load() takes to read every published table;
- where an in-process cold build's time goes (reading and checking the curated
  data, parsing, every table, rendering the output files), each as a multiple
  of the import floor;
- with --profile-parse, only where the parse's time goes (cProfile), then stop;
- the wall time of a whole `trendlib build` process next to the time of a
  process that merely imports the libraries the build uses, so the overhead
  above that floor is visible: a cold build (`--no-cache`: every curated file
  read and checked) and a rebuild whose curated files are unchanged (the cache
  of checked files warm).
In-process timings are medians of N runs; the three processes are run N times
alternately (floor, cold, rebuild, floor, …) and their medians compared, so that
a change in the machine's load affects all. Targets: rebuild ≤ 1.5 × the import
floor, cold build ≤ 2.5 ×. (The parse is a few per cent of a build and has no
target of its own.) It says whether JupyterLab is installed, since that
changes what some libraries import. Timings vary with the machine and its load:
compare ratios measured in one run, not seconds.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: What the build imports that is not trendlib: the floor no build can go under.
FLOOR = "import pandas, networkx, yaml, fastjsonschema, krippendorff, pyarrow, sqlite3"


def median_time(fn, repeat: int) -> float:
    fn()  # warm up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def alternating(commands: list[list[str]], repeat: int, env: dict | None = None) -> list[float]:
    """Median wall time of each command, the commands run in turn ``repeat`` times (after one warm-up)."""
    times: list[list[float]] = [[] for _ in commands]
    for k in range(repeat + 1):
        for i, args in enumerate(commands):
            start = time.perf_counter()
            subprocess.run(args, check=True, capture_output=True, env=env)
            if k:
                times[i].append(time.perf_counter() - start)
    return [statistics.median(t) for t in times]


def profile_parse(parse_once, repeat: int) -> int:
    """Where the parse's time goes: trendlib's own functions by cumulative time, per parse.

    Profiling slows every call, so read these as shares, not as times."""
    import cProfile
    import pstats

    parse_once()
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(repeat):
        parse_once()
    profile.disable()
    stats = pstats.Stats(profile)
    rows = [
        (cum / repeat, f"{Path(file).parent.name}/{Path(file).name}:{name}")
        for (file, _, name), (_, _, _, cum, _) in stats.stats.items()
        if "/trendlib/parse/" in file
    ]
    total = max(t for t, _ in rows)
    print(f"parse profiled, per parse (profiler overhead included): {total * 1000:.1f} ms")
    for t, where in sorted(rows, reverse=True)[1:16]:
        print(f"  {t * 1000:6.1f} ms  {t / total:4.0%}  {where}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--profile-parse",
        action="store_true",
        help="only profile the parse (cProfile, its stages by cumulative time) and stop",
    )
    args = parser.parse_args()
    n = args.repeat

    import trendlib
    from trendlib.build import build_tables, render
    from trendlib.curated.files import load_reference
    from trendlib.parse.corpus import read_corpus
    from trendlib.parse.report import read_report

    report, ref = read_report(), load_reference()
    chars, size = len(report.text), len(report.text.encode("utf-8"))

    def parse_once():
        return read_corpus(report, ref.boxes, hyphenated_words=ref.hyphenated_words)

    if args.profile_parse:
        return profile_parse(parse_once, n)
    parse = median_time(parse_once, n)
    tables = median_time(build_tables, n)
    print(f"report: {chars:,} characters, {size:,} bytes (UTF-8)")
    print(
        f"parse (layout+structure+footnotes): {parse * 1000:7.1f} ms  "
        f"{chars / parse / 1e6:5.2f} M chars/s  {size / parse / 1e6:5.2f} MB/s"
    )
    print(
        f"all tables in memory:               {tables * 1000:7.1f} ms  "
        f"{chars / tables / 1e6:5.2f} M chars/s  {size / tables / 1e6:5.2f} MB/s"
    )
    print(f"trendlib.load() (every published table): {median_time(trendlib.load, n) * 1000:5.1f} ms")
    built = build_tables()
    stages = {
        "read and check the curated data (validators compiled)": median_time(load_reference, n),
        "parse": parse,
        "every table (the two above included)": tables,
        "render every output file (CSV, graphs, explorer)": median_time(lambda: render(built, report.sha256), n),
    }

    lab = importlib.util.find_spec("jupyterlab") is not None
    with tempfile.TemporaryDirectory() as tmp:
        build = [sys.executable, "-m", "trendlib", "build", "--out", str(Path(tmp) / "p")]
        env = {**os.environ, "XDG_CACHE_HOME": str(Path(tmp) / "cache")}  # a cache of this run's own
        floor, cold, rebuild = alternating([[sys.executable, "-c", FLOOR], [*build, "--no-cache"], build], n, env)
    print(f"environment: Python {sys.version.split()[0]}, JupyterLab {'installed' if lab else 'not installed'}")
    print(f"import floor ({FLOOR}): {floor:5.2f} s")
    print(
        f"trendlib build, cold (--no-cache):          {cold:5.2f} s  = {cold / floor:4.2f} × the floor   "
        "(target ≤ 2.5 ×)"
    )
    print(
        f"trendlib build, curated files unchanged:    {rebuild:5.2f} s  = {rebuild / floor:4.2f} × the floor   "
        "(target ≤ 1.5 ×)"
    )
    print("where an in-process cold build's time goes:")
    for stage, seconds in stages.items():
        print(f"  {stage:52s} {seconds * 1000:6.1f} ms = {seconds / floor:4.2f} × the floor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
