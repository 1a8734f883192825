"""Reading and writing the graphs: GraphML and GEXF files, and graphs as tables.

:func:`graph_bytes` gives byte-identical GraphML and GEXF for the same graph
(nodes and edges in sorted order, attributes by name, no timestamp), for
simple graphs and for the directed multigraph of ties alike; :func:`node_table`
and :func:`edge_table` turn a graph into DataFrames.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from pathlib import Path
from xml.etree.ElementTree import ElementTree

import networkx as nx
import pandas as pd
from networkx.readwrite.gexf import GEXFWriter
from networkx.readwrite.graphml import GraphMLWriter

from ._util import _as_list, _missing, _node_key, _plain, _sorted_edges

__all__ = ["graph_bytes", "write_graph", "node_table", "edge_table"]

# Attribute names the GEXF writer of networkx takes for itself.
_GEXF_RESERVED = {
    "node": {"id", "pid", "start", "end", "viz", "label", "spells", "parents"},
    "edge": {"id", "label", "type", "start", "end", "viz", "spells"},
}


def _clean_attrs(items, scope: str, what) -> dict:
    """Attributes as str/int/float/bool: None/NaN dropped, numpy scalars unwrapped, lists joined."""
    clean = {}
    for key, value in items:
        if isinstance(value, (list, tuple, set, frozenset)):
            value = _as_list(value)
        elif _missing(value):
            continue
        value = _plain(value)
        if not isinstance(value, (str, int, float, bool)):
            raise TypeError(
                f"{scope} {what}: attribute {key!r} has a {type(value).__name__}; "
                "use str, int, float, bool or a list of them"
            )
        clean[str(key)] = value
    return clean


def _unify_types(records: list[dict]) -> None:
    """Give each attribute one type across records (int+float → float, else mixed → str)."""
    types: dict[str, set] = defaultdict(set)
    for attrs in records:
        for k, v in attrs.items():
            types[k].add(type(v))
    for k, ts in types.items():
        if len(ts) == 1:
            continue
        target = float if ts <= {int, float} else str
        for attrs in records:
            if k in attrs:
                v = attrs[k]
                attrs[k] = (str(v).lower() if isinstance(v, bool) else str(v)) if target is str else float(v)


def _writable(g: nx.Graph) -> nx.Graph:
    """A sorted copy of ``g`` whose attributes GraphML and GEXF accept, keys in sorted order."""
    nodes = sorted(g.nodes, key=lambda n: _node_key(g, n))
    edges = _sorted_edges(g)
    node_attrs = [_clean_attrs(sorted(g.nodes[n].items()), "node", n) for n in nodes]
    edge_attrs = [_clean_attrs(sorted(e[-1].items()), "edge", e[:2]) for e in edges]
    _unify_types(node_attrs)
    _unify_types(edge_attrs)
    h = g.__class__()
    h.graph.update(_clean_attrs(sorted(g.graph.items()), "graph", ""))
    for n, attrs in zip(nodes, node_attrs, strict=True):
        h.add_node(n, **attrs)
    for (u, v, *key, _), attrs in zip(edges, edge_attrs, strict=True):
        h.add_edge(u, v, *key, **attrs)
    return h


def _for_gexf(h: nx.Graph, label: str | None) -> nx.Graph:
    """Rename attributes networkx's GEXF writer would take as GEXF fields; set node labels."""
    out = h.__class__()
    out.graph.update({k: v for k, v in h.graph.items() if k in ("name",) and isinstance(v, str)})

    def renamed(attrs: dict, scope: str) -> dict:
        reserved = _GEXF_RESERVED[scope]
        return {(f"{k}_" if k in reserved else k): v for k, v in attrs.items()}

    for n, attrs in h.nodes(data=True):
        text = attrs.get(label) if label is not None else None
        out.add_node(n, **renamed(attrs, "node"), label=str(text) if text is not None else str(n))
    for u, v, *key, attrs in _sorted_edges(h):
        out.add_edge(u, v, *key, **renamed(attrs, "edge"))
    return out


def graph_bytes(g: nx.Graph, *, label: str | None = "name_zh") -> tuple[bytes, bytes]:
    """``g`` as GraphML and GEXF bytes, byte-identical for the same graph (see :func:`write_graph`).

    >>> graphml, gexf = graph_bytes(nx.Graph([("usa_cfpb", "T6-01")]))
    >>> graphml[:5], gexf[:5]
    (b'<?xml', b'<?xml')
    """
    h = _writable(g)
    writer = GraphMLWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph_element(h)
    graphml = _xml_bytes(writer.xml, writer.indent)
    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph(_for_gexf(h, label))
    data = _xml_bytes(writer.xml, writer.indent)
    data = re.sub(rb' lastmodifieddate="[^"]*"', b"", data, count=1)
    data = re.sub(rb"<creator>NetworkX[^<]*</creator>", b"<creator>NetworkX</creator>", data, count=1)
    return graphml, data


def _xml_bytes(root, indent) -> bytes:
    """What networkx's writers write (``ElementTree.write`` with ``encoding="utf-8"`` and a declaration), made
    as one string: ElementTree then writes into a StringIO instead of re-encoding each of its ~10⁵ pieces."""
    indent(root)
    text = io.StringIO()
    ElementTree(root).write(text, encoding="unicode")
    return b"<?xml version='1.0' encoding='utf-8'?>\n" + text.getvalue().encode("utf-8")


def write_graph(g: nx.Graph, graphml_path, gexf_path, *, label: str | None = "name_zh") -> None:
    """Write ``g`` as GraphML and as GEXF (Gephi), byte-identical for the same graph.

    Nodes and edges are written in sorted order, attributes by name.  Values
    become str/int/float/bool: ``None``/NaN attributes are left out, numpy
    scalars unwrapped, lists ``;``-joined; an attribute with mixed types is
    written as float (int and float) or str.  GraphML uses the pure-Python
    writer (the lxml one, if installed, orders output differently).  In the
    GEXF file the node label is the ``label`` attribute (id if missing),
    the edge ``weight`` is GEXF's weight, attributes whose names GEXF reserves
    (``type`` on edges; ``id``, ``label``, ``start``, ``end`` ...) get a
    trailing ``_``, and networkx's ``lastmodifieddate`` (today's date) and
    version number are dropped from ``<meta>``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     write_graph(nx.Graph([("usa_cfpb", "T6-01")]), f"{d}/g.graphml", f"{d}/g.gexf")
    ...     print(list(nx.read_graphml(f"{d}/g.graphml").edges))
    [('T6-01', 'usa_cfpb')]
    """
    graphml, gexf = graph_bytes(g, label=label)
    Path(graphml_path).write_bytes(graphml)
    Path(gexf_path).write_bytes(gexf)


def _frame(records: list[dict], first: list[str]) -> pd.DataFrame:
    columns = list(first)
    for r in records:
        columns.extend(k for k in r if k not in columns)
    table = pd.DataFrame(records, columns=columns)
    for c in columns[len(first) :]:
        values = [r[c] for r in records if c in r and not _missing(r[c])]
        if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            table[c] = table[c].astype("Int64")
    return table


def node_table(g: nx.Graph) -> pd.DataFrame:
    """Nodes and their attributes as a table (column ``id`` first), in sorted node order.

    Integer attributes that some nodes lack (a case's ``year``) become ``Int64``.

    >>> g = nx.Graph()
    >>> g.add_node("T6-01", kind="case", year=2021); g.add_node("T6-02", kind="case")
    >>> print(node_table(g).to_string(index=False))
       id kind  year
    T6-01 case  2021
    T6-02 case  <NA>
    """
    nodes = sorted(g.nodes, key=lambda n: _node_key(g, n))
    return _frame([{"id": n, **g.nodes[n]} for n in nodes], ["id"])


def edge_table(g: nx.Graph) -> pd.DataFrame:
    """Edges and their attributes as a table (``source``, ``target`` first), sorted.

    In an undirected graph ``source`` is the endpoint that sorts first (the
    actor, in a two-mode graph).

    >>> print(edge_table(nx.Graph([("usa_cfpb", "gbr_fca", {"weight": 2})])).to_string(index=False))
     source   target  weight
    gbr_fca usa_cfpb       2
    """
    rows = []
    for edge in _sorted_edges(g):
        u, v, d = edge[0], edge[1], edge[-1]
        rows.append({"source": u, "target": v, **({"key": edge[2]} if g.is_multigraph() else {}), **d})
    return _frame(rows, ["source", "target", *(["key"] if g.is_multigraph() else [])])
