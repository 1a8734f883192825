"""Show a matplotlib figure in a notebook as a PNG with its alternative text, and export it for papers.

Under Jupyter's inline backend ``plt.show()`` stores each figure as a
``display_data`` output holding the PNG *and* a ``text/plain`` fallback,
``<Figure size 1000x800 with 1 Axes>``, which nbval compares and which says
nothing to a reader.  :func:`show` publishes the PNG as an HTML image with its
alternative text, and the alternative text as the plain-text form (nbval
compares it; tests/nbval-sanitize.cfg masks the image's bytes), then closes
the figure, so the inline backend does not show it a second time at the end of
the cell.  Outside IPython it only closes the figure.

Every figure carries alternative text (``alt``): JupyterLab and nbconvert's HTML give it to screen
readers. With the environment variable ``TRENDLIB_FIGURES`` set to a folder (``make figures`` does), each
figure is also written there as SVG (text as paths, so the Chinese glyphs travel with it) and as a 200-dpi
PNG, named after the notebook (``TRENDLIB_NOTEBOOK``) and the figure's ``name``.
"""

from __future__ import annotations

import base64
import html
import io
import os
from pathlib import Path

__all__ = ["png_bytes", "figure_bundle", "show", "EXPORT_DPI"]

#: Resolution of the PNG written for papers and slides.
EXPORT_DPI = 200


def png_bytes(fig, dpi: float | None = None) -> bytes:
    """The figure as PNG bytes, cropped to its content as ``bbox_inches="tight"`` crops it.

    ``dpi`` defaults to the figure's own (100 with the report style), as the inline backend does. The figure is
    drawn once and the drawn pixels are cropped to the tight box (padded by ``savefig.pad_inches``); matplotlib's
    ``bbox_inches="tight"`` would draw it a second time. Where the content reaches past the figure's edge (a
    legend set outside the axes), cropping would cut it, so the figure is saved the usual way.

    >>> from matplotlib.figure import Figure
    >>> png_bytes(Figure(figsize=(2, 1)))[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'
    """
    import matplotlib as mpl
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    dpi = dpi or fig.dpi
    face = fig.get_facecolor()
    fig.set_facecolor("white")
    try:
        if dpi != fig.dpi:
            fig.set_dpi(dpi)
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        box = fig.get_tightbbox(canvas.get_renderer()).padded(mpl.rcParams["savefig.pad_inches"])
        width, height = fig.get_size_inches()
        if box.x0 < 0 or box.y0 < 0 or box.x1 > width or box.y1 > height:
            buffer = io.BytesIO()
            fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", facecolor="white")
            return buffer.getvalue()
        pixels = np.asarray(canvas.buffer_rgba())
        rows = pixels.shape[0]
        x0, x1 = int(box.x0 * dpi), int(np.ceil(box.x1 * dpi))
        top, bottom = rows - int(np.ceil(box.y1 * dpi)), rows - int(box.y0 * dpi)
        image = Image.fromarray(pixels[max(top, 0) : bottom, max(x0, 0) : x1].copy(), "RGBA").convert("RGB")
        buffer = io.BytesIO()
        image.save(buffer, format="png", dpi=(dpi, dpi))
        return buffer.getvalue()
    finally:
        fig.set_facecolor(face)


def figure_bundle(png: bytes, alt: str) -> dict:
    """A display bundle that shows ``png`` with its alternative text everywhere a notebook is read.

    JupyterLab and nbconvert's HTML render the ``text/html`` image with its ``alt`` (neither reads an ``alt``
    from an ``image/png`` output's metadata); a plain-text reader, and nbval, get the alternative text itself.

    >>> sorted(figure_bundle(b"\\x89PNG", 'a "chart"'))
    ['text/html', 'text/plain']
    >>> figure_bundle(b"\\x89PNG", 'a "chart"')["text/html"].split(" alt=")[1]
    '"a &quot;chart&quot;"/>'
    """
    data = base64.b64encode(png).decode("ascii")
    return {
        "text/html": f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt, quote=True)}"/>',
        "text/plain": alt,
    }


def show(fig=None, *, alt: str, name: str | None = None, dpi: float | None = None) -> None:
    """Display ``fig`` (default: the current pyplot figure) as a bare PNG with alternative text, then close it.

    Parameters
    ----------
    alt : str
        What the figure shows, for a reader who cannot see it (required: every figure has one).
    name : str, optional
        The figure's file name when figures are exported (``TRENDLIB_FIGURES``).

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> show(fig, alt="an empty chart")  # outside a notebook: nothing is displayed, the figure is closed
    >>> plt.fignum_exists(fig.number)
    False
    """
    import matplotlib.pyplot as plt

    if not alt or not alt.strip():
        raise ValueError('every figure needs its alternative text: show(fig, alt="what it shows")')
    fig = fig or plt.gcf()
    folder = os.environ.get("TRENDLIB_FIGURES")
    if folder and name:
        notebook = os.environ.get("TRENDLIB_NOTEBOOK", "figure")
        # "03-network" in notebook 03-collaboration-networks is 03-collaboration-networks-network
        stem = Path(folder) / f"{notebook}-{name.removeprefix(notebook[:3])}"
        stem.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(
            stem.with_suffix(".svg"),
            format="svg",
            bbox_inches="tight",
            facecolor="white",
            metadata={"Date": None, "Title": alt},
        )
        fig.savefig(
            stem.with_suffix(".png"),
            format="png",
            dpi=EXPORT_DPI,
            bbox_inches="tight",
            facecolor="white",
            metadata={"Software": None},
        )
    try:
        from IPython import get_ipython

        shell = get_ipython()
    except ImportError:  # pragma: no cover - IPython is a dependency of ipykernel
        shell = None
    if shell is not None:
        from IPython.display import display

        display(figure_bundle(png_bytes(fig, dpi), alt), raw=True)
    plt.close(fig)
