"""Benchmark: the notebook suite under nbval against the same number of empty notebooks.

    python tools/benchmark_notebooks.py [--repeat N]

Runs `pytest --nbval --nbval-current-env` once over notebooks/ and once over as
many empty notebooks (one empty code cell each, in a temporary folder), N
times each, and prints the medians and their ratio. The empty run is the
floor every notebook pays (kernel start-up and teardown, nbval); the target
of issue #8 is a suite within 2 × that floor.

For scale it also times notebooks whose one cell only imports what every
trendlib notebook imports first (pyplot, trendlib) and loads the tables: that
part of the gap is import time, which no notebook can avoid. And it times the
trendlib notebooks once more with their figures not drawn (an IPython start-up
file, in a temporary IPYTHONDIR, makes trendlib's ``png_bytes`` return an empty
image), which shows how much of the gap drawing the figures is.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]


def timed_pytest(paths: list[Path], cwd: Path, repeat: int, **extra_env: str) -> float:
    env = {**os.environ, "PYTHONHASHSEED": "0", **extra_env}
    args = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "-o",
        "addopts=",
        "--nbval",
        "--nbval-current-env",
        "--nbval-sanitize-with",
        str(ROOT / "tests" / "nbval-sanitize.cfg"),
        *map(str, paths),
    ]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, cwd=cwd, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


IMPORTS = "import matplotlib.pyplot as plt\nimport trendlib\nt = trendlib.load()"

#: IPython start-up code that leaves every trendlib figure undrawn: show() publishes an empty PNG.
NO_FIGURES = "import trendlib.analysis.figures as f\nf.png_bytes = lambda fig, dpi=None: b''\n"


def _notebooks(folder: Path, stem: str, source: str, count: int) -> list[Path]:
    """``count`` notebooks of one code cell with ``source`` (no output), written to ``folder``."""
    paths = []
    for k in range(count):
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell(source)]
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        paths.append(folder / f"{stem}-{k}.ipynb")
        nbformat.write(nb, paths[-1])
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    n = parser.parse_args().repeat
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    with tempfile.TemporaryDirectory() as tmp:
        floor = timed_pytest(_notebooks(Path(tmp), "empty", "", len(notebooks)), Path(tmp), n)
        imports = timed_pytest(_notebooks(Path(tmp), "imports", IMPORTS, len(notebooks)), ROOT, n)
        startup = Path(tmp) / "ipython" / "profile_default" / "startup"
        startup.mkdir(parents=True)
        (startup / "00-no-figures.py").write_text(NO_FIGURES, encoding="utf-8")
        undrawn = timed_pytest(notebooks, ROOT, n, IPYTHONDIR=str(startup.parents[1]))
    suite = timed_pytest(notebooks, ROOT, n)
    print(f"{len(notebooks)} empty notebooks under nbval:  {floor:5.1f} s")
    print(f"{len(notebooks)} import-only notebooks:          {imports:5.1f} s  = {imports / floor:4.2f} × the floor")
    print(
        f"{len(notebooks)} trendlib notebooks, figures not drawn: {undrawn:5.1f} s  = {undrawn / floor:4.2f} × the floor"
    )
    print(
        f"{len(notebooks)} trendlib notebooks under nbval: {suite:5.1f} s  = {suite / floor:4.2f} × the floor   (target ≤ 2 ×)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
