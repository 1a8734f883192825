"""Re-execute every notebook in notebooks/ and store its outputs in place.

    python tools/run_notebooks.py            # all notebooks
    python tools/run_notebooks.py 03 04      # those whose name starts with 03 or 04
    python tools/run_notebooks.py --figures figures/   # write every figure as SVG and 200-dpi PNG, store nothing

With ``--figures FOLDER`` (``make figures``) the notebooks are executed with ``TRENDLIB_FIGURES`` set to the
folder and ``TRENDLIB_NOTEBOOK`` to the notebook's name, so each figure is written there by
:func:`trendlib.analysis.figures.show` as ``<notebook>-<figure>.svg`` and ``.png``; the notebooks themselves
are left as they are.

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


def run(path: Path, figures: Path | None = None) -> float:
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    env = {**os.environ, "TRENDLIB_NOTEBOOK": path.stem}
    if figures is not None:
        env["TRENDLIB_FIGURES"] = str(figures.resolve())
    with tempfile.TemporaryDirectory(prefix="trendlib-kernel-") as sockets:
        km = KernelManager(kernel_name="python3", transport="ipc", ip=str(Path(sockets) / "kernel"))
        try:
            NotebookClient(
                nb,
                km=km,
                timeout=300,
                kernel_name="python3",
                record_timing=False,
                resources={"metadata": {"path": str(path.parent)}},
            ).execute(env=env)
        finally:
            if km.has_kernel:
                km.shutdown_kernel(now=False)
    if figures is None:
        nbformat.write(steady(nb, path.name), path)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    os.environ["PYTHONHASHSEED"] = "0"  # kernels inherit it: set ordering is the same every run
    figures = None
    if argv[:1] == ["--figures"]:
        if len(argv) < 2:
            print("--figures needs a folder", file=sys.stderr)
            return 2
        figures, argv = Path(argv[1]), argv[2:]
        figures.mkdir(parents=True, exist_ok=True)
    paths = sorted(p for p in NOTEBOOKS.glob("*.ipynb") if not argv or p.name.startswith(tuple(argv)))
    if not paths:
        print("no notebooks matched", file=sys.stderr)
        return 1
    for path in paths:
        print(f"{path.name}: {run(path, figures):.1f} s")
    if figures is not None:
        print(
            f"figures written to {figures}/: {len(list(figures.glob('*.svg')))} SVG, "
            f"{len(list(figures.glob('*.png')))} PNG"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
