"""Show a matplotlib figure in a notebook as a PNG with no text representation.

Under Jupyter's inline backend ``plt.show()`` stores each figure as a
``display_data`` output holding the PNG *and* a ``text/plain`` fallback,
``<Figure size 1000x800 with 1 Axes>``, which nbval compares and which says
nothing to a reader.  :func:`show` publishes the PNG alone (nbval does not
compare images) and closes the figure, so the inline backend does not show it
a second time at the end of the cell.  Outside IPython it only closes the
figure.
"""

from __future__ import annotations

import base64
import io

__all__ = ["png_bytes", "show"]


def png_bytes(fig, dpi: float | None = None) -> bytes:
    """The figure as PNG bytes, cropped to its content (``bbox_inches="tight"``).

    ``dpi`` defaults to the figure's own (100 with the report style), as the
    inline backend does.

    >>> from matplotlib.figure import Figure
    >>> png_bytes(Figure(figsize=(2, 1)))[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'
    """
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi or fig.dpi, bbox_inches="tight",
                facecolor="white")
    return buffer.getvalue()


def show(fig=None, dpi: float | None = None) -> None:
    """Display ``fig`` (default: the current pyplot figure) as a bare PNG, then close it.

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> show(fig)  # outside a notebook: nothing is displayed, the figure is closed
    >>> plt.fignum_exists(fig.number)
    False
    """
    import matplotlib.pyplot as plt

    fig = fig or plt.gcf()
    try:
        from IPython import get_ipython
        shell = get_ipython()
    except ImportError:  # pragma: no cover - IPython is a dependency of ipykernel
        shell = None
    if shell is not None:
        from IPython.display import display

        data = base64.b64encode(png_bytes(fig, dpi)).decode("ascii")
        display({"image/png": data}, raw=True)
    plt.close(fig)
