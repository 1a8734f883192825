"""Benchmark: parse throughput, and `trendlib build` against its import floor.

    python tools/benchmark.py [--repeat N]

Prints
- the in-process parse throughput (report → layout → structure → footnotes,
  i.e. trendlib.parse.corpus.read_corpus) in characters and bytes per second, and
  the same for the whole table build (every table in memory);
- how long trendlib.load() takes to read every published table;
- the wall time of a whole `trendlib build` process next to the time of a
  process that merely imports the libraries the build uses, so the overhead
  above that floor is visible.
Medians of N runs. Targets (issue #2): build ≤ 1.5 × the import floor;
parse ≥ 5 MB/s. Timings vary with the machine and its load: run it on a quiet
machine and compare ratios, not seconds.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR = "import pandas, networkx, yaml, jsonschema"


def median_time(fn, repeat: int) -> float:
    fn()  # warm up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def process_time(args: list[str], repeat: int) -> float:
    return median_time(lambda: subprocess.run(args, check=True, capture_output=True), repeat)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=7)
    n = parser.parse_args().repeat

    import trendlib
    from trendlib.build import build_tables
    from trendlib.parse.corpus import read_corpus
    from trendlib.reference import load_reference
    from trendlib.parse.report import read_report

    report, boxes = read_report(), load_reference().boxes
    chars, size = len(report.text), len(report.text.encode("utf-8"))
    parse = median_time(lambda: read_corpus(report, boxes), n)
    tables = median_time(build_tables, n)
    print(f"report: {chars:,} characters, {size:,} bytes (UTF-8)")
    print(f"parse (layout+structure+footnotes): {parse * 1000:7.1f} ms  "
          f"{chars / parse / 1e6:5.2f} M chars/s  {size / parse / 1e6:5.2f} MB/s   (target ≥ 5 MB/s)")
    print(f"all tables in memory:               {tables * 1000:7.1f} ms  "
          f"{chars / tables / 1e6:5.2f} M chars/s  {size / tables / 1e6:5.2f} MB/s")
    print(f"trendlib.load() (every published table): {median_time(trendlib.load, n) * 1000:5.1f} ms")

    with tempfile.TemporaryDirectory() as out:
        floor = process_time([sys.executable, "-c", FLOOR], n)
        build = process_time([sys.executable, "-m", "trendlib.cli", "build", "--out", str(Path(out) / "p")], n)
    print(f"import floor ({FLOOR}): {floor:5.2f} s")
    print(f"trendlib build (whole process):   {build:5.2f} s  = {build / floor:4.2f} × the floor   (target ≤ 1.5 ×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
