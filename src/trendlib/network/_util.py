"""What the network modules share: plain attribute values and a deterministic order of nodes and edges.

Everything in :mod:`trendlib.network` is deterministic: nodes, edges and
attributes are added in sorted order, never in the iteration order of a set,
dict or input table, so the same tables give the same graphs, measures and
byte-identical files.
"""

from __future__ import annotations

import numbers

import networkx as nx
import pandas as pd


def _missing(value) -> bool:
    """True for None, NaN, pd.NA and NaT (never for a list or a string)."""
    if value is None:
        return True
    if isinstance(value, (str, bytes, list, tuple, set, frozenset, dict)):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _plain(value):
    """A numpy/pandas scalar as the Python scalar it stands for."""
    item = getattr(value, "item", None)
    if callable(item) and not isinstance(value, (str, bytes)):
        try:
            return item()
        except (TypeError, ValueError):
            return value
    return value


def _as_int(value, what: str) -> int:
    value = _plain(value)
    if isinstance(value, bool):
        raise ValueError(f"{what}: expected an integer, got {value!r}")
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    raise ValueError(f"{what}: expected an integer, got {value!r}")


def _as_list(value) -> str:
    if _missing(value):
        return ""
    if isinstance(value, (list, tuple)):
        return ";".join(str(v) for v in value)
    if isinstance(value, (set, frozenset)):
        return ";".join(sorted(str(v) for v in value))
    return str(value)


def _node_key(g: nx.Graph, node) -> tuple[int, str]:
    """Sort key of a node: actors (bipartite 0) before cases (1), then by id.

    Without an int ``bipartite``, a node whose ``kind`` is ``"case"`` counts as side 1.
    """
    data = g.nodes[node]
    side = data.get("bipartite")
    if not isinstance(side, int) or isinstance(side, bool):
        side = 1 if data.get("kind") == "case" else 0
    return (side, str(node))


def _sorted_edges(g: nx.Graph) -> list[tuple]:
    """Edges as (u, v, data) — (u, v, key, data) in a multigraph — u before v by :func:`_node_key`
    unless directed, sorted (a multigraph's edges by their key, e.g. the relation id)."""
    edges = []
    if g.is_multigraph():
        for u, v, k, data in g.edges(keys=True, data=True):
            edges.append((u, v, k, data))
        edges.sort(key=lambda e: (str(e[2]), _node_key(g, e[0]), _node_key(g, e[1])))
        return edges
    for u, v, data in g.edges(data=True):
        if not g.is_directed() and _node_key(g, v) < _node_key(g, u):
            u, v = v, u
        edges.append((u, v, data))
    edges.sort(key=lambda e: (_node_key(g, e[0]), _node_key(g, e[1])))
    return edges


def _rebuilt(g: nx.Graph, nodes=None) -> nx.Graph:
    """A copy of ``g`` (restricted to ``nodes``) with nodes and edges in sorted order."""
    keep = set(g.nodes) if nodes is None else set(nodes)
    h = g.__class__()
    h.graph.update(g.graph)
    for n in sorted(keep, key=lambda n: _node_key(g, n)):
        h.add_node(n, **g.nodes[n])
    for u, v, *key, data in _sorted_edges(g):
        if u in keep and v in keep:
            h.add_edge(u, v, *key, **data)
    return h
