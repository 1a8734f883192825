"""The network of stated ties as a static figure: named parties labelled, no two labels overlapping.

Notebooks ``03`` and ``07`` draw the same figure. Positions come from the explorer's seeded layout
(:func:`trendlib.network.explorer.layout`), so the figure and the page agree. An unnamed group is one small
grey-rimmed dot per case; named parties are coloured by sector and sized by their ties. Labels are placed
greedily, most-tied party first, at the first of eight spots around its dot that overlaps no label and stays
inside the axes; a label with no free spot is left out and returned, so the caption can say so.

>>> import networkx as nx
>>> from matplotlib.figure import Figure
>>> g = nx.MultiDiGraph()
>>> g.add_node("a", kind="actor", name_en="A", sector="government")
>>> g.add_node("b", kind="group", name_en="companies (T1-01)", sector="private")
>>> _ = g.add_edge("a", "b", tie="funds")
>>> ax = Figure(figsize=(4, 3)).subplots()
>>> placed, dropped = draw_ties(ax, g, {"a": (0, 0), "b": (1, 1)}, ["a"])
>>> [t.get_text() for t in placed], dropped
(['A'], [])
>>> overlaps(ax, placed)
[]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import networkx as nx

from .. import vocab
from ..network._util import _node_key, _sorted_edges
from ..network.explorer import layout
from ..palettes import SECTOR_COLORS, TIE_COLORS

__all__ = ["draw_ties", "overlaps", "interactive", "sigma_view", "SIGMA_CAMERA"]

# the spots tried around a dot (directions, scaled by its radius): right, left, above, below, the diagonals
_SPOTS = (
    (1, 0, "left", "center"),
    (-1, 0, "right", "center"),
    (0, 1, "center", "bottom"),
    (0, -1, "center", "top"),
    (0.8, 0.8, "left", "bottom"),
    (-0.8, 0.8, "right", "bottom"),
    (0.8, -0.8, "left", "top"),
    (-0.8, -0.8, "right", "top"),
)


def _box(ax, text):
    # without a renderer matplotlib makes one for any canvas, also a bare Figure's
    return text.get_window_extent()


def draw_ties(ax, g: nx.MultiDiGraph, pos: Mapping, labelled: Iterable, *, fontsize: float = 8, legend: bool = True):
    """Draw ``g`` at ``pos`` on ``ax``; label the nodes of ``labelled`` (in order) where they fit.

    A label is placed at the first of eight spots around its dot that stays inside the axes and covers neither
    a label already placed nor a named party's dot. ``legend`` adds the sectors' colours beside the axes.

    Returns
    -------
    (list of matplotlib.text.Text, list)
        The labels placed, and the nodes whose label found no free spot.

    See Also
    --------
    overlaps : check a figure's labels.
    trendlib.network.explorer.layout : the positions.
    """
    from matplotlib.lines import Line2D
    from matplotlib.transforms import Bbox

    simple = nx.Graph()
    simple.add_nodes_from(g)
    simple.add_edges_from((u, v) for u, v in g.edges() if u != v)
    nx.draw_networkx_edges(simple, pos, ax=ax, edge_color="#c8c8c8", width=0.6)
    degree = dict(g.degree())
    size = {}
    for kind, edge, alpha in (("group", "#888888", 0.55), ("actor", "white", 1.0)):
        nodes = sorted((n for n in g if g.nodes[n].get("kind") == kind), key=lambda n: (degree[n], str(n)))
        size.update({n: 6 if kind == "group" else 12 + 10 * degree[n] for n in nodes})
        colors = [SECTOR_COLORS.get(g.nodes[n].get("sector"), "#999999") for n in nodes]
        nx.draw_networkx_nodes(
            g,
            pos,
            nodelist=nodes,
            node_size=[size[n] for n in nodes],
            node_color=colors,
            edgecolors=edge,
            linewidths=0.6,
            alpha=alpha,
            ax=ax,
        )
    if legend:
        present = [s for s in vocab.SECTORS if any(d.get("sector") == s for _, d in g.nodes(data=True))]
        handles = [
            Line2D([], [], marker="o", ls="", ms=7, color=SECTOR_COLORS[s], label=vocab.SECTORS.label(s, "en"))
            for s in present
        ]
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                ls="",
                ms=4,
                color="#bbbbbb",
                markeredgecolor="#888888",
                label="unnamed group (one per case)",
            )
        )
        ax.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            frameon=False,
            fontsize=8,
            title="sector",
            title_fontsize=9,
        )
    ax.set_axis_off()
    ax.margins(0.06)
    ax.figure.canvas.draw()
    frame = ax.get_window_extent()
    px = ax.figure.dpi / 72  # points to pixels
    discs = {}
    for n, k in g.nodes(data="kind"):
        if k == "actor":
            (cx, cy), r = ax.transData.transform(pos[n]), size[n] ** 0.5 / 2 * px
            discs[n] = Bbox.from_extents(cx - r, cy - r, cx + r, cy + r)
    placed, boxes, dropped = [], [], []
    for n in labelled:
        x, y = pos[n]
        gap = size[n] ** 0.5 / 2 + 2  # points from the dot's centre: its radius and a little air
        for dx, dy, ha, va in _SPOTS:
            text = ax.annotate(
                g.nodes[n].get("name_en", str(n)),
                (x, y),
                xytext=(dx * gap, dy * gap),
                textcoords="offset points",
                ha=ha,
                va=va,
                fontsize=fontsize,
                color="#222222",
            )
            box = _box(ax, text)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
            if (
                inside
                and not any(box.overlaps(b) for b in boxes)
                and not any(box.overlaps(d) for m, d in discs.items() if m != n)
            ):
                placed.append(text)
                boxes.append(box)
                break
            text.remove()
        else:
            dropped.append(n)
    return placed, dropped


def overlaps(ax, texts) -> list[tuple[str, str]]:
    """Pairs of labels whose boxes overlap, and labels that run off the axes (paired with ``""``)."""
    ax.figure.canvas.draw()
    frame = ax.get_window_extent()
    boxes = [(t.get_text(), _box(ax, t)) for t in texts]
    out = [
        (a, "")
        for a, b in boxes
        if not (frame.x0 <= b.x0 and b.x1 <= frame.x1 and frame.y0 <= b.y0 and b.y1 <= frame.y1)
    ]
    out += [(a, c) for i, (a, b) in enumerate(boxes) for c, d in boxes[i + 1 :] if b.overlaps(d)]
    return out


class _Snapshot:
    """A widget with a picture of itself: JupyterLab draws the widget, a static page (GitHub, nbconvert's HTML)
    shows the picture, and nbval compares the widget's one-line text."""

    def __init__(self, widget, png: bytes, alt: str):
        self.widget, self.png, self.alt = widget, png, alt

    def _repr_mimebundle_(self, include=None, exclude=None):
        from .figures import figure_bundle

        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude)
        data, metadata = bundle if isinstance(bundle, tuple) else (bundle, {})
        # JupyterLab draws the widget; a static page (nbconvert, GitHub) shows the picture with its alt text
        return {**data, "text/html": figure_bundle(self.png, self.alt)["text/html"]}, metadata or {}


def interactive(g: nx.MultiDiGraph, *, height: int = 560):
    """The network of ties ``g`` as an ipysigma widget for a notebook, with a picture of it for static pages.

    Parties are coloured by sector and sized by their ties; named parties are labelled in English, an unnamed
    group (one node per case) only on hover. Ties are coloured by type; the legend names sectors and types in
    English. No tie carries a label on the canvas: click a tie to see its type, case, English phrase and raw
    line in the side panel. Positions are the explorer's (:func:`layout`), so the view is the same every run.
    A static page (GitHub, nbconvert's HTML) shows a PNG of the same network instead of the widget.

    Returns
    -------
    object
        Displays as the widget in JupyterLab and as a PNG where widgets cannot run.

    See Also
    --------
    trendlib.network.explorer_html : the same network as a standalone page.
    """
    from ipysigma import Sigma  # imported here: the build does not need a widget library

    h, settings = sigma_view(g)
    return _Snapshot(
        Sigma(h, height=height, **settings),
        _snapshot_png(g, layout(g)),
        "The network of stated ties: named parties coloured by sector and labelled, each unnamed group "
        "a small dot per case, the parties falling into many small groups.",
    )


#: Where the ipysigma camera starts: the graph in the left three fifths of the canvas, clear of the side panel
#: (legend, search and the clicked item's details) that ipysigma draws over the right of the canvas.
SIGMA_CAMERA = {"x": 0.8, "y": 0.5, "ratio": 1.6, "angle": 0}


def sigma_view(g: nx.MultiDiGraph) -> tuple[nx.MultiDiGraph, dict]:
    """The graph and the settings :func:`interactive` gives ipysigma (``Sigma(h, **settings)``; also
    ``Sigma.write_html(h, path, **settings)`` for a standalone page).

    Named parties carry their English name as ``label``; an unnamed group carries none on the canvas (its name
    shows when it is clicked), so the many case-scoped groups do not bury the named parties' labels. Sectors
    and tie types are English words, so the legend reads in English.
    """
    h = nx.MultiDiGraph()
    pos = layout(g)
    sectors = vocab.SECTORS.labels("en")
    types = vocab.RELATION_TYPES.labels("en")
    for n in sorted(g.nodes, key=lambda n: _node_key(g, n)):
        d = g.nodes[n]
        x, y = pos.get(n, (0.0, 0.0))
        group = d.get("kind") == "group"
        h.add_node(
            n,
            x=x,
            y=y,
            sector=sectors.get(d.get("sector"), "other"),
            ties=g.degree(n),
            # ipysigma shows a node's key where its label is empty: a space keeps the canvas clear
            label=" " if group else d.get("name_en", n),
            name=d.get("name_en", n),
            name_zh=d.get("name_zh", ""),
            kind="unnamed group (one per case)" if group else "named party",
        )
    for u, v, k, d in _sorted_edges(g):
        h.add_edge(
            u,
            v,
            key=k,
            tie=types.get(d.get("tie"), d.get("tie", "")),
            case_id=d.get("case_id", ""),
            line=d.get("line"),
            phrase=d.get("phrase", ""),
            phrase_en=d.get("phrase_en", ""),
        )
    settings = dict(
        layout={n: {"x": h.nodes[n]["x"], "y": h.nodes[n]["y"]} for n in h},
        node_color="sector",
        node_color_palette={sectors[s]: c for s, c in SECTOR_COLORS.items()},
        node_size="ties",
        node_size_range=(2, 14),
        node_label="label",
        edge_color="tie",
        edge_color_palette={types[t]: c for t, c in TIE_COLORS.items()},
        clickable_edges=True,
        default_edge_type="arrow",
        label_density=0.6,
        label_font="Noto Sans CJK SC, sans-serif",
        camera_state=dict(SIGMA_CAMERA),
    )
    return h, settings


def _snapshot_png(g: nx.MultiDiGraph, pos) -> bytes:
    import matplotlib.pyplot as plt

    from .figures import png_bytes

    fig, ax = plt.subplots(figsize=(10, 9))
    named = sorted((n for n, k in g.nodes(data="kind") if k == "actor"), key=lambda n: (-g.degree(n), str(n)))
    draw_ties(ax, g, pos, named[:30])
    data = png_bytes(fig)
    plt.close(fig)
    return data
