"""Re-execute every notebook in notebooks/ and store its outputs in place.

    python tools/run_notebooks.py            # all notebooks
    python tools/run_notebooks.py 03 04      # those whose name starts with 03 or 04

Outputs are stored so a reader sees them without running anything, and
`pytest --nbval` re-executes the notebooks and compares. To keep the stored
outputs reproducible: PYTHONHASHSEED is fixed for the kernels, cells are run
from the notebooks folder, no execution timestamps are recorded, and an
interactive widget's random model id is replaced by one derived from its
cell, with the widget state left out of the file (it holds the whole graph
again, under random ids; running the cell draws the widget anew).

Kernels talk over IPC sockets in a temporary folder, not TCP, so the kernel
prints no "running over TCP without encryption" warning.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
WIDGET = "application/vnd.jupyter.widget-view+json"


def steady(nb: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """The notebook without what changes from run to run: timings, widget state, random model ids."""
    nb.metadata.pop("widgets", None)
    for i, cell in enumerate(nb.cells):
        cell.metadata.pop("execution", None)
        cell["id"] = f"{name[:2]}-{i:02d}"
        for k, output in enumerate(cell.get("outputs", [])):
            view = output.get("data", {}).get(WIDGET)
            if view is not None:
                view["model_id"] = f"{name[:2]}-{i:02d}-{k}"
    return nb


def run(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="trendlib-kernel-") as sockets:
        km = KernelManager(kernel_name="python3", transport="ipc", ip=str(Path(sockets) / "kernel"))
        try:
            NotebookClient(nb, km=km, timeout=300, kernel_name="python3", record_timing=False,
                           resources={"metadata": {"path": str(path.parent)}}).execute()
        finally:
            if km.has_kernel:
                km.shutdown_kernel(now=False)
    nbformat.write(steady(nb, path.name), path)
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
