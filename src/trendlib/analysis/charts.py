"""The chart types the notebooks share: an annotated heatmap, a stacked bar chart, and shares with their
intervals.

Both draw a table from :mod:`trendlib.analysis.summaries` onto a matplotlib ``Axes``
in the table's own row and column order (which those functions make
deterministic), and return what they drew. Call
:func:`trendlib.analysis.style.use_report_style` first so Chinese labels render.
They never set bold text: the bundled Chinese font has a regular weight only.

>>> from matplotlib.figure import Figure
>>> import pandas as pd
>>> ax = Figure().subplots()
>>> image = heatmap(ax, pd.DataFrame([[1, 0], [2, 3]], index=["a", "b"], columns=["x", "y"]))
>>> [t.get_text() for t in ax.texts]
['1', '2', '3']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

__all__ = [
    "agreement_bands",
    "heatmap",
    "stacked_barh",
    "color_ticklabels",
    "interval_dots",
    "paired_barh",
    "QUALITATIVE",
]

from ..palettes import QUALITATIVE  # noqa: E402  (declared once, in trendlib.palettes)


def heatmap(
    ax,
    table: pd.DataFrame,
    *,
    cmap: str = "Blues",
    annotate: bool = True,
    zero_blank: bool = True,
    fmt: str = "{:g}",
    colorbar_label: str | None = None,
    xrotation: float = 45,
    vmax: float | None = None,
):
    """Draw ``table`` as a heatmap, one cell per value, annotated with its value.

    Rows top to bottom and columns left to right in the table's order; zero
    cells are left blank when ``zero_blank``. Adds a colour bar when
    ``colorbar_label`` is given. Returns the ``AxesImage``.

    >>> from matplotlib.figure import Figure
    >>> ax = Figure().subplots()
    >>> _ = heatmap(ax, pd.DataFrame([[0.5]], index=["r"], columns=["c"]), fmt="{:.0%}")
    >>> ax.texts[0].get_text(), ax.get_yticklabels()[0].get_text()
    ('50%', 'r')
    """
    values = table.to_numpy(dtype=float)
    top = vmax if vmax is not None else (np.nanmax(values) if values.size else 1.0)
    image = ax.imshow(values, cmap=cmap, aspect="auto", vmin=0, vmax=top or 1.0, interpolation="nearest")
    ax.set_xticks(
        range(table.shape[1]),
        [str(c) for c in table.columns],
        rotation=xrotation,
        ha="right" if xrotation else "center",
        rotation_mode="anchor",
    )
    ax.set_yticks(range(table.shape[0]), [str(i) for i in table.index])
    ax.set_xticks(np.arange(-0.5, table.shape[1]), minor=True)
    ax.set_yticks(np.arange(-0.5, table.shape[0]), minor=True)
    ax.grid(which="minor", color="white", linewidth=1)
    ax.tick_params(which="minor", length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    if annotate:
        for (r, c), v in np.ndenumerate(values):
            if np.isnan(v) or (zero_blank and v == 0):
                continue
            dark = top and v / top > 0.55
            ax.text(c, r, fmt.format(v), ha="center", va="center", fontsize=9, color="white" if dark else "black")
    if colorbar_label:
        bar = ax.figure.colorbar(image, ax=ax, fraction=0.04, pad=0.02)
        bar.set_label(colorbar_label)
        finite = values[~np.isnan(values)]
        if finite.size and (finite == np.round(finite)).all():  # counts: whole-number ticks only
            bar.locator = MaxNLocator(integer=True)
            bar.update_ticks()
    return image


def stacked_barh(
    ax,
    table: pd.DataFrame,
    colors: Mapping[str, str] | Sequence[str] | None = None,
    labels: Mapping[str, str] | None = None,
    *,
    legend_title: str | None = None,
    legend_outside: bool = True,
):
    """Horizontal bars, one per row of ``table`` (first row on top), stacked by column.

    ``colors`` maps a column to a colour (or is a sequence in column order;
    default :data:`QUALITATIVE`); ``labels`` maps a column to its legend text.
    Columns that are zero everywhere are left out of the legend. Returns the
    bar containers, one per column.

    >>> from matplotlib.figure import Figure
    >>> ax = Figure().subplots()
    >>> bars = stacked_barh(ax, pd.DataFrame({"a": [1, 2], "b": [3, 0]}, index=["x", "y"]))
    >>> [round(p.get_width()) for p in bars[1]]
    [3, 0]
    """
    if colors is None:
        colors = QUALITATIVE
    if not isinstance(colors, Mapping):
        colors = dict(zip(table.columns, colors, strict=False))  # a palette may hold more colours than columns
    labels = labels or {}
    y = np.arange(len(table))
    left = np.zeros(len(table))
    containers = []
    for col in table.columns:
        widths = table[col].to_numpy(dtype=float)
        shown = bool(widths.any())
        containers.append(
            ax.barh(
                y,
                widths,
                left=left,
                color=colors.get(col, "#999999"),
                label=labels.get(col, str(col)) if shown else "_nolegend_",
                edgecolor="white",
                linewidth=0.5,
            )
        )
        left += widths
    ax.set_xlim(0, (left.max() if len(left) else 0) * 1.04 or 1)
    ax.set_yticks(y, [str(i) for i in table.index])
    ax.invert_yaxis()
    ax.spines[["top", "right"]].set_visible(False)
    if legend_outside:
        ax.legend(title=legend_title, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=9)
    else:
        ax.legend(title=legend_title, frameon=False, fontsize=9)
    return containers


def color_ticklabels(labels, colors: Mapping[str, str], keys: Sequence[str]) -> None:
    """Colour tick labels (``ax.get_xticklabels()``…) by the colour of their key, e.g. a sector.

    >>> from matplotlib.figure import Figure
    >>> ax = Figure().subplots()
    >>> _ = ax.set_xticks([0], ["government"])
    >>> color_ticklabels(ax.get_xticklabels(), {"government": "#0072B2"}, ["government"])
    >>> ax.get_xticklabels()[0].get_color()
    '#0072B2'

    """
    for label, key in zip(labels, keys, strict=True):
        if key in colors:
            label.set_color(colors[key])


def interval_dots(
    ax,
    tables: Mapping[str, pd.DataFrame],
    labels: Mapping[str, str] | None = None,
    *,
    value: str = "share",
    colors: Sequence[str] | None = None,
    percent: bool = True,
    xlabel: str | None = None,
):
    """Shares with their 95 % intervals, one row per category: a dot and a line, one colour per table.

    ``tables`` maps a legend label to a :func:`trendlib.analysis.uncertainty.shares` table (its first column
    names the categories); with several tables the rows are drawn side by side, so two selections of the same
    units (all cases, cases without sidebars) can be compared. Categories are shown in the first table's
    order; ``labels`` maps a category to its display label. Returns the y positions of the categories.

    >>> from matplotlib.figure import Figure
    >>> ax = Figure().subplots()
    >>> t = pd.DataFrame({"k": ["a", "b"], "share": [0.6, 0.4], "ci_low": [0.4, 0.2], "ci_high": [0.8, 0.6]})
    >>> interval_dots(ax, {"all": t}).tolist()
    [0.0, 1.0]
    """
    colors = list(colors or QUALITATIVE)
    first = next(iter(tables.values()))
    key = first.columns[0]
    order = list(first[key])
    y = np.arange(len(order), dtype=float)
    width = 0.6 / max(len(tables), 1)
    for k, (name, table) in enumerate(tables.items()):
        rows = table.set_index(table.columns[0]).reindex(order)
        offset = (k - (len(tables) - 1) / 2) * width
        scale = 100 if percent else 1
        ax.errorbar(
            rows[value] * scale,
            y + offset,
            xerr=[(rows[value] - rows["ci_low"]) * scale, (rows["ci_high"] - rows[value]) * scale],
            fmt="o",
            color=colors[k % len(colors)],
            ecolor=colors[k % len(colors)],
            elinewidth=1.5,
            capsize=2,
            markersize=5,
            label=name,
        )
    ax.set_yticks(y, [str((labels or {}).get(c, c)) for c in order])
    ax.invert_yaxis()
    ax.set_xlim(left=0)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlabel(xlabel or ("share (%), with its 95 % interval" if percent else value))
    if len(tables) > 1:
        ax.legend(frameon=False, fontsize=9, loc="lower right")
    return y


def paired_barh(
    ax,
    table: pd.DataFrame,
    columns: Mapping[str, str],
    labels: Sequence[str],
    *,
    colors: Sequence[str] = ("#BBBBBB", "#0072B2"),
    log: bool = False,
    xlabel: str | None = None,
):
    """Two (or more) bars per row of ``table``, side by side: e.g. an amount as printed and as its source has it.

    ``columns`` maps a column of ``table`` to its legend label; ``labels`` are the row labels, top to bottom.

    >>> from matplotlib.figure import Figure
    >>> ax = Figure().subplots()
    >>> t = pd.DataFrame({"printed": [5.0, 2.0], "source": [4.0, 2.0]})
    >>> len(paired_barh(ax, t, {"printed": "as printed", "source": "as the sources have it"}, ["a", "b"]))
    2
    """
    y = np.arange(len(table))
    height = 0.8 / len(columns)
    bars = []
    for k, (col, label) in enumerate(columns.items()):
        offset = (k - (len(columns) - 1) / 2) * height
        bars.append(
            ax.barh(y + offset, table[col].to_numpy(dtype=float), height, color=colors[k % len(colors)], label=label)
        )
    ax.set_yticks(y, list(labels))
    ax.invert_yaxis()
    if log:
        ax.set_xscale("log")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, loc="lower right", fontsize=9)
    if xlabel:
        ax.set_xlabel(xlabel)
    return bars


def agreement_bands(ax, thresholds: Mapping[str, float] | None = None, *, left: float = 0.5) -> None:
    """Shade the bands of Krippendorff's conventions behind an agreement axis (x): unreliable below
    ``thresholds["tentative"]``, tentative below ``thresholds["reliable"]``, reliable above; named on top.

    See Also
    --------
    trendlib.coding.reliability.THRESHOLDS : the thresholds, and the status of a field by its interval's lower bound.

    >>> from matplotlib.figure import Figure
    >>> ax = Figure().subplots()
    >>> agreement_bands(ax)
    >>> [t.get_text() for t in ax.texts]
    ['unreliable', 'tentative', 'reliable']
    """
    from ..coding.reliability import THRESHOLDS

    t = dict(thresholds or THRESHOLDS)
    ax.axvspan(left, t["tentative"], color="#f4d6d6", zorder=0)
    ax.axvspan(t["tentative"], t["reliable"], color="#f7ecd0", zorder=0)
    ax.set_xlim(left, 1.02)
    blend = ax.get_xaxis_transform()  # x in data, y in axes fraction
    for x, text, colour in (
        ((left + t["tentative"]) / 2, "unreliable", "#9a3b3b"),
        ((t["tentative"] + t["reliable"]) / 2, "tentative", "#8a6a1a"),
        ((t["reliable"] + 1.02) / 2, "reliable", "#555555"),
    ):
        ax.text(x, 1.01, text, transform=blend, ha="center", va="bottom", fontsize=9, color=colour)
