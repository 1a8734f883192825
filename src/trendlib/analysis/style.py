"""Figure styling for trendlib: Chinese-capable fonts, and every colour the notebooks use.

Matplotlib's default font (DejaVu Sans) has no CJK glyphs, so Chinese labels
would render as empty boxes with a ``Glyph ... missing from font(s)``
warning.  trendlib ships a subset of Noto Sans CJK SC (SIL OFL 1.1) in
``trendlib/fonts/`` under the family name :data:`CJK_FAMILY`
(``"Trendlib Sans SC"``); :func:`use_report_style` registers that file with
matplotlib's font manager and puts it behind DejaVu Sans in ``font.family``,
so Latin text comes from DejaVu Sans and Chinese from the bundled font
(matplotlib >= 3.6 falls back per glyph).  No system fonts and no font-cache
rebuild are involved, so it behaves the same locally, in CI and on Binder.

Importing this module has no side effects; call :func:`use_report_style`.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = [
    "CJK_FAMILY",
    "FONT_FILE",
    "SECTOR_COLORS",
    "TIE_COLORS",
    "EVIDENCE_COLORS",
    "AMOUNT_COLORS",
    "QUALITATIVE",
    "NEUTRAL",
    "ROUND_COLORS",
    "use_report_style",
]

#: The bundled font file (subset of Noto Sans CJK SC Regular, CFF outlines).
FONT_FILE: Path = Path(__file__).resolve().parents[1] / "fonts" / "TrendlibSansSC-Regular.otf"

#: Family name under which matplotlib knows the bundled font.
CJK_FAMILY: str = "Trendlib Sans SC"

# every colour a notebook uses, declared once in trendlib.palettes (the explorer uses them too)
from ..palettes import (  # noqa: E402
    AMOUNT_COLORS,
    EVIDENCE_COLORS,
    NEUTRAL,
    QUALITATIVE,
    ROUND_COLORS,
    SECTOR_COLORS,
    TIE_COLORS,
)

_RC = {
    # Per-glyph fallback: Latin from DejaVu Sans, CJK from the bundled font.
    # (Both names in font.sans-serif would NOT fall back per glyph.)
    "font.family": ["DejaVu Sans", CJK_FAMILY],
    # Use ASCII hyphen-minus for negative numbers on axes.
    "axes.unicode_minus": False,
    "figure.figsize": (8.0, 5.0),
    "figure.dpi": 100,
    "savefig.dpi": 150,
    # Text as paths in SVG (viewers need not have the font) and fixed ids,
    # so SVG output is identical from run to run.
    "svg.fonttype": "path",
    "svg.hashsalt": "trendlib",
}


def _register_font() -> None:
    """Add :data:`FONT_FILE` to matplotlib's font manager, once."""
    from matplotlib import font_manager

    if not FONT_FILE.is_file():  # pragma: no cover - broken installation
        raise FileNotFoundError(f"bundled font missing: {FONT_FILE} (was trendlib installed without package data?)")
    manager = font_manager.fontManager
    target = os.path.normcase(os.fspath(FONT_FILE))
    # Look at the manager itself rather than a module flag: it also stays
    # correct if the fontManager was rebuilt since the last call.
    if any(os.path.normcase(os.path.realpath(f.fname)) == target for f in manager.ttflist):
        return
    manager.addfont(os.fspath(FONT_FILE))


def use_report_style() -> None:
    """Make matplotlib render Chinese with the bundled font and set report defaults.

    Registers the bundled font with ``matplotlib.font_manager.fontManager``
    (idempotent: calling this again does not add it twice) and updates
    ``matplotlib.rcParams``:

    * ``font.family = ["DejaVu Sans", "Trendlib Sans SC"]`` (per-glyph fallback),
    * ``axes.unicode_minus = False``,
    * ``figure.figsize = (8, 5)``, ``figure.dpi = 100``, ``savefig.dpi = 150``,
    * ``svg.fonttype = "path"``, ``svg.hashsalt = "trendlib"`` (deterministic SVG).

    It also sets pandas' ``display.html.use_mathjax`` to False, so that a
    table with two amounts in dollars (``US$1 bn`` … ``C$327.6 m``) is not
    typeset as mathematics in JupyterLab.

    The bundled font has a Regular weight only; bold Chinese is drawn in
    Regular (matplotlib logs a ``findfont: Failed to find font weight``
    warning for it), so prefer colour or size over weight for emphasis.

    Example::

        >>> from trendlib.analysis.style import use_report_style
        >>> use_report_style()
        >>> import matplotlib.pyplot as plt
        >>> fig, ax = plt.subplots()
        >>> _ = ax.set_title("缩小数据共享缺口")
    """
    import matplotlib as mpl
    import pandas as pd

    _register_font()
    mpl.rcParams.update(_RC)
    pd.set_option("display.html.use_mathjax", False)
