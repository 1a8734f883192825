"""Who works with whom across sectors: mixing, brokers and a drawing layout.

Small functions over the ``cases`` table and the graphs of
:mod:`trendlib.network` (the two-mode actor–case graph and its actor–actor
projection), for notebook ``03-collaboration-networks``.  They only read
what :mod:`trendlib.network` builds; nothing here changes a graph.

Two views of "sector" are used and kept apart:

* a case's ``sectors`` (``cases.sectors``): the sectors of the actors it
  names *plus* those the text states (``企业``, ``非营利组织`` …);
* an actor's ``sector`` (``actors.sector``): one per named actor, so it only
  sees collaboration between organisations the gazetteer knows.

>>> cases = pd.DataFrame({"case_id": ["T1-01", "T1-02", "T1-03"],
...                       "sectors": ["government", "government;private", None]})
>>> sector_count(cases).tolist()
[1, 2, 0]
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
import pandas as pd

from .. import vocab
from .summaries import sector_pairs

__all__ = [
    "sector_lists",
    "sector_count",
    "mixing_summary",
    "sector_mixing",
    "sector_neighbours",
    "bridging_cases",
    "community_table",
    "large_components",
    "grid_cells",
    "component_layout",
    "label_placement",
]


def sector_lists(cases: pd.DataFrame) -> pd.Series:
    """Each case's ``sectors`` as a sorted list (empty when missing), indexed like ``cases``.

    >>> sector_lists(pd.DataFrame({"sectors": ["private;government", None]})).tolist()
    [['government', 'private'], []]
    """
    return cases["sectors"].map(
        lambda s: sorted({x for x in s.split(";") if x}) if isinstance(s, str) else [])


def sector_count(cases: pd.DataFrame) -> pd.Series:
    """Number of distinct sectors of each case (0 when none is known).

    >>> sector_count(pd.DataFrame({"sectors": ["private;government", None]})).tolist()
    [2, 0]
    """
    return sector_lists(cases).map(len).astype("int64")


def mixing_summary(cases: pd.DataFrame) -> pd.DataFrame:
    """Cases by how many sectors they involve: ``0 (none known)``, ``1``, ``2``, ``3+``.

    Columns ``sectors``, ``n_cases``, ``share`` (of all cases, 3 d.p.);
    every row is present, in that order, even when empty.

    >>> c = pd.DataFrame({"sectors": ["government", "government;private", None, "a;b;c"]})
    >>> print(mixing_summary(c).to_string(index=False))
           sectors  n_cases  share
    0 (none known)        1   0.25
                 1        1   0.25
                 2        1   0.25
                3+        1   0.25
    """
    labels = ["0 (none known)", "1", "2", "3+"]
    n = sector_count(cases).clip(upper=3)
    counts = n.value_counts().reindex(range(4), fill_value=0)
    table = pd.DataFrame({"sectors": labels, "n_cases": counts.to_numpy().astype("int64")})
    table["share"] = (table["n_cases"] / max(len(cases), 1)).round(3)
    return table


def sector_mixing(cases: pd.DataFrame, sectors: Iterable[str] = tuple(vocab.SECTORS)) -> pd.DataFrame:
    """Sector × sector count of cases that involve both (diagonal: cases involving the sector).

    Rows and columns follow ``sectors`` (default: the vocabulary's order).

    >>> c = pd.DataFrame({"sectors": ["government", "government;private", "private"]})
    >>> print(sector_mixing(c, ["government", "private"]).to_string())
                government  private
    government           2        1
    private              1        2
    """
    order = list(sectors)
    # the same count as notebook 02's sector-pair matrix, every sector of ``order`` shown
    return sector_pairs(cases).reindex(index=order, columns=order, fill_value=0).astype("int64")


def sector_neighbours(projection: nx.Graph) -> pd.DataFrame:
    """Per actor of a projection: its co-actors counted by sector, and the cases joining them.

    Columns: ``actor_id``, ``name_zh``, ``name_en``, ``sector``, ``degree``,
    one column per sector of the vocabulary (number of co-actors of that
    sector) and ``cases`` (``;``-joined ids of the cases behind its edges).
    An actor is a *broker* between sectors a and b when both columns are > 0.
    Sorted by degree (descending), then ``actor_id``.

    >>> p = nx.Graph([("fbi", "cymru", {"cases": "T8-08"}), ("fbi", "europol", {"cases": "T8-08"})])
    >>> nx.set_node_attributes(p, {"fbi": "government", "cymru": "private", "europol": "international"}, "sector")
    >>> print(sector_neighbours(p)[["actor_id", "degree", "government", "private"]].to_string(index=False))
    actor_id  degree  government  private
         fbi       2           0        1
       cymru       1           1        0
     europol       1           1        0
    """
    rows = []
    for n in sorted(projection.nodes, key=str):
        d = projection.nodes[n]
        row = {"actor_id": str(n), "name_zh": d.get("name_zh"), "name_en": d.get("name_en"),
               "sector": d.get("sector"), "degree": projection.degree(n)}
        for s in vocab.SECTORS:
            row[s] = sum(1 for m in projection[n] if projection.nodes[m].get("sector") == s)
        cases = set()
        for _, _, c in projection.edges(n, data="cases", default=""):
            cases.update(x for x in str(c).split(";") if x)
        row["cases"] = ";".join(sorted(cases))
        rows.append(row)
    columns = ["actor_id", "name_zh", "name_en", "sector", "degree", *vocab.SECTORS, "cases"]
    table = pd.DataFrame(rows, columns=columns)
    table = table.sort_values(["degree", "actor_id"], ascending=[False, True], kind="mergesort")
    return table.reset_index(drop=True)


def bridging_cases(g: nx.Graph, a: str = "government", b: str = "private") -> pd.DataFrame:
    """Cases of a two-mode graph whose ``sectors`` include both ``a`` and ``b``.

    Columns: ``case_id``, ``trend``, ``kind``, ``country``, ``name_zh``,
    ``sectors`` (the case's, named or stated), ``actor_sectors`` (``;``-joined
    sectors of the actors it names) and ``named_both``: true when both sectors
    are among its *named* actors, false when at least one side is only stated
    in the text (``与企业合作``).  Sorted by ``case_id``.

    >>> g = nx.Graph([("fbi", "T8-08"), ("cymru", "T8-08")])
    >>> nx.set_node_attributes(g, {"fbi": {"kind": "actor", "sector": "government"},
    ...     "cymru": {"kind": "actor", "sector": "private"},
    ...     "T8-08": {"kind": "case", "trend": 8, "sectors": "government;private"}})
    >>> bridging_cases(g)[["case_id", "actor_sectors", "named_both"]].values.tolist()
    [['T8-08', 'government;private', True]]
    """
    rows = []
    for n, d in g.nodes(data=True):
        if d.get("kind") != "case":
            continue
        sectors = {s for s in str(d.get("sectors") or "").split(";") if s}
        if not {a, b} <= sectors:
            continue
        named = {g.nodes[m].get("sector") for m in g[n]} - {None}
        rows.append({"case_id": str(n), "trend": d.get("trend"), "kind": d.get("type"),
                     "country": d.get("country"), "name_zh": d.get("name_zh"),
                     "sectors": ";".join(sorted(sectors)), "actor_sectors": ";".join(sorted(named)),
                     "named_both": {a, b} <= named})
    columns = ["case_id", "trend", "kind", "country", "name_zh", "sectors", "actor_sectors", "named_both"]
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values("case_id", kind="mergesort").reset_index(drop=True)


def community_table(projection: nx.Graph, labels: dict) -> pd.DataFrame:
    """One row per community: ``community``, ``n_actors``, ``sectors`` (``sector×n``), ``members``.

    ``labels`` maps actor → community (as :func:`trendlib.network.communities`
    returns).  ``members`` lists the actors' ``name_zh`` (id if missing) in
    id order, joined by ``、``.  Sorted by size (descending), then community.

    >>> p = nx.Graph([("a", "b")]); p.add_node("c")
    >>> nx.set_node_attributes(p, {"a": "government", "b": "private", "c": "government"}, "sector")
    >>> print(community_table(p, {"a": 0, "b": 0, "c": 1}).to_string(index=False))
     community  n_actors                 sectors members
             0         2 government×1, private×1     a、b
             1         1            government×1       c
    """
    groups: dict = {}
    for actor in sorted(labels, key=str):
        groups.setdefault(labels[actor], []).append(actor)
    rows = []
    for k, members in groups.items():
        sectors = pd.Series([projection.nodes[m].get("sector") or "unknown" for m in members])
        counts = sectors.value_counts()
        counts = counts.sort_index().sort_values(ascending=False, kind="mergesort")
        rows.append({
            "community": k,
            "n_actors": len(members),
            "sectors": ", ".join(f"{s}×{n}" for s, n in counts.items()),
            "members": "、".join(str(projection.nodes[m].get("name_zh") or m) for m in members),
        })
    table = pd.DataFrame(rows, columns=["community", "n_actors", "sectors", "members"])
    table = table.sort_values(["n_actors", "community"], ascending=[False, True], kind="mergesort")
    return table.reset_index(drop=True)


def large_components(g: nx.Graph, min_size: int = 3) -> list[list]:
    """Connected components with at least ``min_size`` nodes, each a sorted list of nodes.

    Ordered by size (largest first), ties by their first node.

    >>> large_components(nx.Graph([(1, 2), (2, 3), (4, 5)]), min_size=2)
    [[1, 2, 3], [4, 5]]
    """
    parts = [sorted(c, key=str) for c in nx.connected_components(g) if len(c) >= min_size]
    return sorted(parts, key=lambda c: (-len(c), str(c[0])))


def grid_cells(n: int, *, ncols: int = 3, first_span: int = 1) -> list[tuple[int, int, int]]:
    """Cells ``(row, col, span)`` for ``n`` drawings on a grid of ``ncols`` columns.

    Cells are unit squares filled row by row; the first drawing may take a
    ``first_span`` × ``first_span`` block in the top-left corner.  Cell
    ``(row, col, span)`` covers x in ``[col, col + span]`` and y in
    ``[-row - span, -row]``.

    >>> grid_cells(4, ncols=3, first_span=2)
    [(0, 0, 2), (0, 2, 1), (1, 2, 1), (2, 0, 1)]
    """
    if first_span > ncols:
        raise ValueError(f"first_span {first_span} is wider than the grid ({ncols} columns)")
    taken: set[tuple[int, int]] = set()
    cells = []
    cell = 0
    for i in range(n):
        span = first_span if i == 0 else 1
        if i == 0:
            row, col = 0, 0
        else:
            while divmod(cell, ncols) in taken:
                cell += 1
            row, col = divmod(cell, ncols)
        taken.update((row + r, col + c) for r in range(span) for c in range(span))
        cells.append((row, col, span))
    return cells


def component_layout(g: nx.Graph, components: list[list], *, ncols: int = 3,
                     first_span: int = 1, seed: int = 0, margin: float = 0.15) -> dict:
    """Positions that draw each component in its own cell of a grid (no overlap).

    Cells come from :func:`grid_cells` in the order of ``components``
    (largest first with :func:`large_components`).  Each component gets a
    spring layout (``seed`` fixed, so the same drawing every run; node
    spacing ``k`` twice networkx's default, which spreads small dense
    groups) scaled to fill its cell but for ``margin`` (a fraction of the
    cell) on every side.  Returns node → (x, y).

    >>> pos = component_layout(nx.Graph([(1, 2), (3, 4)]), [[1, 2], [3, 4]], ncols=2)
    >>> sorted(pos) == [1, 2, 3, 4] and pos[3][0] > pos[2][0]
    True
    """
    pos = {}
    cells = grid_cells(len(components), ncols=ncols, first_span=first_span)
    for nodes, (row, col, span) in zip(components, cells):
        half = span * (0.5 - margin)
        if len(nodes) == 1:
            local = {nodes[0]: (0.0, 0.0)}
        else:
            sub = g.subgraph(nodes)
            local = nx.spring_layout(sub, seed=seed, k=2 / len(nodes) ** 0.5, center=(0.0, 0.0))
            xs, ys = zip(*local.values())
            extent = max(max(map(abs, xs)), max(map(abs, ys))) or 1.0
            local = {n: (x / extent, y / extent) for n, (x, y) in local.items()}
        for n in nodes:
            x, y = local[n]
            pos[n] = (float(col + span / 2 + half * x), float(-row - span / 2 + half * y))
    return pos


def label_placement(pos: dict, group: list, node, distance: float = 9.0) -> dict:
    """Where to put ``node``'s label so it points away from the rest of its group.

    The direction runs from the centroid of the *other* members of ``group``
    to ``node`` (straight up for a node on its own).  Returns keyword
    arguments for ``ax.annotate``: ``xytext`` (an offset of ``distance``
    points), ``textcoords``, ``ha`` and ``va``.

    >>> pos = {"a": (0.0, 0.0), "b": (1.0, 0.0), "c": (1.0, 1.0)}
    >>> label_placement(pos, ["a", "b", "c"], "a")
    {'xytext': (-8.0, -4.0), 'textcoords': 'offset points', 'ha': 'right', 'va': 'top'}
    """
    others = [pos[m] for m in group if m != node]
    x, y = pos[node]
    if others:
        dx = x - sum(p[0] for p in others) / len(others)
        dy = y - sum(p[1] for p in others) / len(others)
    else:
        dx, dy = 0.0, 1.0
    length = (dx * dx + dy * dy) ** 0.5
    ux, uy = (dx / length, dy / length) if length > 1e-9 else (0.0, 1.0)
    ha = "left" if ux > 0.38 else "right" if ux < -0.38 else "center"
    va = "bottom" if uy > 0.38 else "top" if uy < -0.38 else "center"
    return {"xytext": (round(distance * ux, 1), round(distance * uy, 1)),
            "textcoords": "offset points", "ha": ha, "va": va}
