"""Re-execute every notebook in notebooks/ and store its outputs in place.

    python tools/run_notebooks.py            # all notebooks
    python tools/run_notebooks.py 03 04      # those whose name starts with 03 or 04

Outputs are stored so a reader sees them without running anything, and
`pytest --nbval` re-executes the notebooks and compares. To keep the stored
outputs reproducible: PYTHONHASHSEED is fixed for the kernels, cells are run
from the notebooks folder, and no execution timestamps are recorded.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def run(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=300, kernel_name="python3", record_timing=False,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(nb, path)
    return time.perf_counter() - start


def main(prefixes: list[str]) -> int:
    os.environ["PYTHONHASHSEED"] = "0"  # kernels inherit it: set ordering is the same every run
    paths = sorted(p for p in NOTEBOOKS.glob("*.ipynb") if not prefixes or p.name.startswith(tuple(prefixes)))
    if not paths:
        print("no notebooks matched", file=sys.stderr)
        return 1
    for path in paths:
        print(f"{path.name}: {run(path):.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
