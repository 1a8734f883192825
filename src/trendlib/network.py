"""Stage 6 — network: the actor–case tables as a stakeholder network.

Three tables (``actors``, ``cases``, ``case_actors``) become a bipartite
*two-mode* graph of actors and the cases that mention them
(:func:`two_mode`); as in discourse network analysis, its one-mode
projection links two actors by the cases they share (:func:`project`).
Every edge stays traceable to the text: a two-mode edge carries the raw-file
lines of its mentions, a projected edge the ids of the cases that make it.

Everything here is deterministic: nodes, edges and attributes are added in
sorted order (actors before cases, then by id), never in the iteration order
of a set, dict or input table, so the same tables give the same graph, the
same tables of measures and byte-identical files (:func:`write_graph`), in
whatever row order the tables come.

Node attributes of the two-mode graph (missing values are left out, never
``None``):

=========== ===================================== ======================================
attribute   actor node                            case node
=========== ===================================== ======================================
kind        ``"actor"``                           ``"case"``
bipartite   0                                     1
name_zh     ``name_zh``                           ``title_zh``
name_en     ``name_en``                           ``title_en``
type        actor ``type`` (vocab.ACTOR_TYPES)    case ``kind`` (vocab.CASE_KINDS)
country     ``country``                           ``country``
sector      ``sector``                            —
sectors     —                                     ``sectors`` (``;``-joined, may be "")
boundary    —                                     ``boundary`` (``;``-joined, may be "")
trend       —                                     ``trend`` (int)
trends      trends of its cases, e.g. ``"1;3"``   —
section,    —                                     as in ``cases`` (level, place_zh: str;
level, ...                                        year, line_start, line_end: int)
n_cases     number of cases it appears in         —
n_actors    —                                     number of actors it mentions
=========== ===================================== ======================================

Edge attributes: ``mentions`` (number of mention rows), ``lines``
(``;``-joined sorted distinct lines), ``forms`` (``;``-joined sorted
distinct verbatim mentions).  The projection adds ``weight``, ``shared`` and
``cases`` (see :func:`project`).
"""

from __future__ import annotations

import io
import math
import numbers
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
from networkx.algorithms import bipartite
import pandas as pd

from . import vocab

__all__ = [
    "NORMALIZATIONS",
    "COMMUNITY_METHODS",
    "two_mode",
    "project",
    "subgraph",
    "graph_bytes",
    "write_graph",
    "centrality",
    "communities",
    "node_table",
    "edge_table",
]

#: Allowed values of :func:`project`'s ``normalization``.
NORMALIZATIONS = ("none", "jaccard", "cosine")

#: Allowed values of :func:`communities`' ``method``.
COMMUNITY_METHODS = ("louvain", "greedy")

# Columns copied to node attributes: (column, attribute, kind of value).
# "str" and "int" are scalars left out when missing; "list" is a ';'-joined
# column whose missing value is the empty string.
_ACTOR_COLUMNS = (
    ("name_zh", "name_zh", "str"),
    ("name_en", "name_en", "str"),
    ("type", "type", "str"),
    ("country", "country", "str"),
    ("sector", "sector", "str"),
)
_CASE_COLUMNS = (
    ("title_zh", "name_zh", "str"),
    ("title_en", "name_en", "str"),
    ("kind", "type", "str"),
    ("trend", "trend", "int"),
    ("section", "section", "str"),
    ("country", "country", "str"),
    ("place_zh", "place_zh", "str"),
    ("level", "level", "str"),
    ("year", "year", "int"),
    ("sectors", "sectors", "list"),
    ("boundary", "boundary", "list"),
    ("line_start", "line_start", "int"),
    ("line_end", "line_end", "int"),
)

# Attribute names the GEXF writer of networkx takes for itself.
_GEXF_RESERVED = {
    "node": {"id", "pid", "start", "end", "viz", "label", "spells", "parents"},
    "edge": {"id", "label", "type", "start", "end", "viz", "spells"},
}


# ---------------------------------------------------------------- helpers

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


def _copy_columns(row: dict, columns, what: str) -> dict:
    attrs = {}
    for column, name, kind in columns:
        if column not in row:
            continue
        value = row[column]
        if kind == "list":
            attrs[name] = _as_list(value)
        elif _missing(value):
            continue
        elif kind == "int":
            attrs[name] = _as_int(value, f"{what} column {column!r}")
        else:
            attrs[name] = str(_plain(value))
    return attrs


def _require(df: pd.DataFrame, name: str, columns: tuple[str, ...]) -> None:
    absent = [c for c in columns if c not in df.columns]
    if absent:
        raise ValueError(f"{name} lacks column(s) {', '.join(absent)}")


def _unique_ids(df: pd.DataFrame, name: str, column: str) -> list[str]:
    ids = [str(_plain(v)) for v in df[column]]
    seen, dups = set(), set()
    for i in ids:
        (dups if i in seen else seen).add(i)
    if dups:
        raise ValueError(f"{name}: duplicate {column} {', '.join(sorted(dups))}")
    return ids


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
    """Edges as (u, v, data), u before v by :func:`_node_key` unless directed, sorted."""
    edges = []
    for u, v, data in g.edges(data=True):
        if not g.is_directed() and _node_key(g, v) < _node_key(g, u):
            u, v = v, u
        edges.append((u, v, data))
    edges.sort(key=lambda e: (_node_key(g, e[0]), _node_key(g, e[1])))
    return edges


def _rebuilt(g: nx.Graph, nodes=None) -> nx.Graph:
    """A copy of ``g`` (restricted to ``nodes``) with nodes and edges in sorted order."""
    keep = set(g.nodes) if nodes is None else set(nodes)
    h = nx.DiGraph() if g.is_directed() else nx.Graph()
    h.graph.update(g.graph)
    for n in sorted(keep, key=lambda n: _node_key(g, n)):
        h.add_node(n, **g.nodes[n])
    for u, v, data in _sorted_edges(g):
        if u in keep and v in keep:
            h.add_edge(u, v, **data)
    return h


def _count(g: nx.Graph) -> nx.Graph:
    """Set actors' ``trends`` and ``n_cases`` and cases' ``n_actors`` from the edges of ``g``."""
    for n, data in g.nodes(data=True):
        nbrs = list(g[n])
        if data.get("kind") == "actor":
            trends = {g.nodes[c]["trend"] for c in nbrs if "trend" in g.nodes[c]}
            data["trends"] = ";".join(str(t) for t in sorted(trends))
            data["n_cases"] = len(nbrs)
        elif data.get("kind") == "case":
            data["n_actors"] = len(nbrs)
    return g


def _as_set(value, what: str) -> set:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        return {value}
    values = set(value)
    if not values:
        raise ValueError(f"{what}: empty selection")
    return values


# ---------------------------------------------------------------- graphs

def two_mode(actors: pd.DataFrame, cases: pd.DataFrame, case_actors: pd.DataFrame) -> nx.Graph:
    """Bipartite actor–case graph: an actor is linked to every case that mentions it.

    Node ids are the ``actor_id`` and ``case_id`` values as they are.  Every
    case is a node (isolated if it mentions no actor); an actor is a node only
    if it appears in at least one case.  Node and edge attributes are listed
    in the module docstring.  Columns beyond the required ones
    (``actor_id``; ``case_id``, ``trend``; ``case_id``, ``actor_id``,
    ``mention``, ``line``) are copied when present.  A ``case_actors`` row
    naming an unknown case or actor, or a duplicate id, is a ``ValueError``.

    >>> import pandas as pd
    >>> actors = pd.DataFrame({"actor_id": ["usa_cfpb"], "name_zh": ["美国消费者金融保护局"],
    ...                        "name_en": ["CFPB"], "sector": ["government"]})
    >>> cases = pd.DataFrame({"case_id": ["T6-01", "T6-02"], "trend": [6, 6]})
    >>> mentions = pd.DataFrame({"case_id": ["T6-01"], "actor_id": ["usa_cfpb"],
    ...                          "mention": ["消费者金融保护局"], "line": [3012]})
    >>> g = two_mode(actors, cases, mentions)
    >>> list(g.nodes), g.nodes["usa_cfpb"]["trends"], g.degree("T6-02")
    (['usa_cfpb', 'T6-01', 'T6-02'], '6', 0)
    >>> g.edges["usa_cfpb", "T6-01"]
    {'mentions': 1, 'lines': '3012', 'forms': '消费者金融保护局'}
    """
    _require(actors, "actors", ("actor_id",))
    _require(cases, "cases", ("case_id", "trend"))
    _require(case_actors, "case_actors", ("case_id", "actor_id", "mention", "line"))
    actor_ids = _unique_ids(actors, "actors", "actor_id")
    case_ids = _unique_ids(cases, "cases", "case_id")
    actor_rows = dict(zip(actor_ids, actors.to_dict("records")))
    case_rows = dict(zip(case_ids, cases.to_dict("records")))

    links: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for i, row in enumerate(case_actors.to_dict("records")):
        case_id, actor_id = str(_plain(row["case_id"])), str(_plain(row["actor_id"]))
        if case_id not in case_rows:
            raise ValueError(f"case_actors row {i}: unknown case_id {case_id!r}")
        if actor_id not in actor_rows:
            raise ValueError(f"case_actors row {i}: unknown actor_id {actor_id!r}")
        line = _as_int(row["line"], f"case_actors row {i} column 'line'")
        links[actor_id, case_id].append((line, str(_plain(row["mention"]))))

    g = nx.Graph()
    for actor_id in sorted({a for a, _ in links}):
        attrs = _copy_columns(actor_rows[actor_id], _ACTOR_COLUMNS, f"actor {actor_id}")
        g.add_node(actor_id, kind="actor", bipartite=0, **attrs)
    for case_id in sorted(case_rows):
        attrs = _copy_columns(case_rows[case_id], _CASE_COLUMNS, f"case {case_id}")
        g.add_node(case_id, kind="case", bipartite=1, **attrs)
    for (actor_id, case_id), hits in sorted(links.items()):
        g.add_edge(
            actor_id,
            case_id,
            mentions=len(hits),
            lines=";".join(str(n) for n in sorted({line for line, _ in hits})),
            forms=";".join(sorted({form for _, form in hits})),
        )
    return _count(g)


def project(g: nx.Graph, normalization: str = "none") -> nx.Graph:
    """One-mode actor–actor projection of a two-mode graph (discourse network analysis).

    Two actors are linked if they appear in a common case.  Each edge has
    ``shared`` (number of shared cases), ``cases`` (their ids, sorted,
    ``;``-joined) and ``weight``: ``shared`` for ``"none"``; ``shared / |A ∪ B|``
    for ``"jaccard"``; ``shared / sqrt(|A|·|B|)`` for ``"cosine"``, where A and B
    are the two actors' case sets in ``g``.  Every actor node of ``g`` is a node
    (isolated if it shares no case), with its attributes copied;
    ``graph["normalization"]`` records the choice.

    >>> g = nx.Graph([("usa_cfpb", "T6-01"), ("gbr_fca", "T6-01"), ("gbr_fca", "T6-02")])
    >>> nx.set_node_attributes(g, {n: "case" if n[0] == "T" else "actor" for n in g}, "kind")
    >>> p = project(g, "jaccard")
    >>> p.edges["gbr_fca", "usa_cfpb"]
    {'weight': 0.5, 'shared': 1, 'cases': 'T6-01'}
    """
    if normalization not in NORMALIZATIONS:
        raise ValueError(
            f"unknown normalization {normalization!r}; use one of {', '.join(NORMALIZATIONS)}"
        )
    actors = sorted((n for n, d in g.nodes(data=True) if d.get("kind") == "actor"), key=str)
    projected = bipartite.generic_weighted_projected_graph(g, actors, weight_function=_WEIGHTS[normalization])

    p = nx.Graph()
    p.graph["normalization"] = normalization
    for a in actors:
        p.add_node(a, **g.nodes[a])
    for a, b in sorted((tuple(sorted(e, key=str)) for e in projected.edges), key=lambda e: (str(e[0]), str(e[1]))):
        common = sorted(set(g[a]) & set(g[b]), key=str)
        p.add_edge(a, b, weight=projected[a][b]["weight"], shared=len(common),
                   cases=";".join(str(c) for c in common))
    return p


def _shared(g: nx.Graph, u, v) -> tuple[int, int, int]:
    """Cases of ``u``, of ``v``, and of both (an actor's neighbours are its cases)."""
    a, b = set(g[u]), set(g[v])
    return len(a), len(b), len(a & b)


# projection weights as in discourse network analysis: shared cases, raw or normalised
_WEIGHTS = {
    "none": lambda g, u, v: _shared(g, u, v)[2],
    "jaccard": lambda g, u, v: (lambda a, b, n: n / (a + b - n))(*_shared(g, u, v)),
    "cosine": lambda g, u, v: (lambda a, b, n: n / math.sqrt(a * b))(*_shared(g, u, v)),
}


def subgraph(g: nx.Graph, *, trend=None, sector=None, country=None, year=None) -> nx.Graph:
    """The part of a two-mode graph that passes the filters (all given filters apply).

    A case is kept if it passes every case filter given:

    - ``trend``: its ``trend`` is the given int, or one of an iterable of ints;
    - ``country``: its ``country`` (the case's, not its actors') is the given
      code, or one of an iterable of codes;
    - ``year``: its ``year`` equals the given int, or lies in ``(lo, hi)``
      inclusive (``None`` leaves that end open); cases without a year are dropped;

    and, if ``sector`` is given (a sector or an iterable of sectors from
    ``vocab.SECTORS``), only actors of those sectors are kept, and of the cases
    that pass, only those in which at least one of them appears.  Without
    ``sector``, kept cases with no actor stay as isolated nodes.  Actors left
    without a case are dropped.  Edge attributes are kept; ``n_cases``,
    ``trends`` and ``n_actors`` are recounted within the subgraph.

    >>> g = nx.Graph([("usa_cfpb", "T6-01"), ("usa_cfpb", "T3-02")])
    >>> nx.set_node_attributes(g, {"usa_cfpb": {"kind": "actor", "sector": "government"},
    ...     "T6-01": {"kind": "case", "trend": 6}, "T3-02": {"kind": "case", "trend": 3}})
    >>> list(subgraph(g, trend=6).nodes)
    ['usa_cfpb', 'T6-01']
    """
    trends = None if trend is None else {_as_int(t, "trend") for t in _as_set(trend, "trend")}
    countries = None if country is None else {str(c) for c in _as_set(country, "country")}
    sectors = None if sector is None else _as_set(sector, "sector")
    if sectors is not None:
        unknown = sorted(str(s) for s in sectors - set(vocab.SECTORS))
        if unknown:
            raise ValueError(
                f"unknown sector(s) {', '.join(unknown)}; use {', '.join(vocab.SECTORS)}"
            )
    if year is None:
        lo = hi = None
    elif isinstance(year, tuple):
        if len(year) != 2:
            raise ValueError(f"year: expected an int or a (lo, hi) pair, got {year!r}")
        lo, hi = year
    else:
        lo = hi = _as_int(year, "year")

    def case_passes(d: dict) -> bool:
        if trends is not None and d.get("trend") not in trends:
            return False
        if countries is not None and d.get("country") not in countries:
            return False
        if year is not None:
            y = d.get("year")
            if y is None or (lo is not None and y < lo) or (hi is not None and y > hi):
                return False
        return True

    actors = {n for n, d in g.nodes(data=True) if d.get("kind") == "actor"}
    if sectors is not None:
        actors = {a for a in actors if g.nodes[a].get("sector") in sectors}
    cases = {n for n, d in g.nodes(data=True) if d.get("kind") == "case" and case_passes(d)}
    if sectors is not None:
        cases = {c for c in cases if any(a in actors for a in g[c])}
    actors = {a for a in actors if any(c in cases for c in g[a])}
    return _count(_rebuilt(g, actors | cases))


# ---------------------------------------------------------------- files

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
    edge_attrs = [_clean_attrs(sorted(d.items()), "edge", (u, v)) for u, v, d in edges]
    _unify_types(node_attrs)
    _unify_types(edge_attrs)
    h = nx.DiGraph() if g.is_directed() else nx.Graph()
    h.graph.update(_clean_attrs(sorted(g.graph.items()), "graph", ""))
    for n, attrs in zip(nodes, node_attrs):
        h.add_node(n, **attrs)
    for (u, v, _), attrs in zip(edges, edge_attrs):
        h.add_edge(u, v, **attrs)
    return h


def _for_gexf(h: nx.Graph, label: str | None) -> nx.Graph:
    """Rename attributes networkx's GEXF writer would take as GEXF fields; set node labels."""
    out = nx.DiGraph() if h.is_directed() else nx.Graph()
    out.graph.update({k: v for k, v in h.graph.items() if k in ("name",) and isinstance(v, str)})

    def renamed(attrs: dict, scope: str) -> dict:
        reserved = _GEXF_RESERVED[scope]
        return {(f"{k}_" if k in reserved else k): v for k, v in attrs.items()}

    for n, attrs in h.nodes(data=True):
        text = attrs.get(label) if label is not None else None
        out.add_node(n, **renamed(attrs, "node"), label=str(text) if text is not None else str(n))
    for u, v, attrs in h.edges(data=True):
        out.add_edge(u, v, **renamed(attrs, "edge"))
    return out


def graph_bytes(g: nx.Graph, *, label: str | None = "name_zh") -> tuple[bytes, bytes]:
    """``g`` as GraphML and GEXF bytes, byte-identical for the same graph (see :func:`write_graph`).

    >>> graphml, gexf = graph_bytes(nx.Graph([("usa_cfpb", "T6-01")]))
    >>> graphml[:5], gexf[:5]
    (b'<?xml', b'<?xml')
    """
    h = _writable(g)
    buffer = io.BytesIO()
    nx.write_graphml_xml(h, buffer, encoding="utf-8", prettyprint=True)
    graphml = buffer.getvalue()
    buffer = io.BytesIO()
    nx.write_gexf(_for_gexf(h, label), buffer, encoding="utf-8", prettyprint=True)
    data = re.sub(rb' lastmodifieddate="[^"]*"', b"", buffer.getvalue(), count=1)
    data = re.sub(rb"<creator>NetworkX[^<]*</creator>", b"<creator>NetworkX</creator>", data, count=1)
    return graphml, data


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


# ---------------------------------------------------------------- measures

def centrality(projection: nx.Graph) -> pd.DataFrame:
    """Degree, weighted degree and betweenness of every actor of a projection.

    Columns: ``actor_id``, ``name_zh``, ``name_en``, ``sector``, ``degree``
    (number of co-actors), ``weighted_degree`` (float, sum of edge ``weight``,
    so it follows the projection's normalization) and ``betweenness``
    (unweighted, normalized).  Rows are sorted by degree, weighted degree and
    betweenness (all descending), then ``actor_id``.

    >>> p = nx.Graph([("gbr_fca", "usa_cfpb"), ("gbr_fca", "sgp_mas")])
    >>> print(centrality(p)[["actor_id", "degree", "betweenness"]].to_string(index=False))
    actor_id  degree  betweenness
     gbr_fca       2          1.0
     sgp_mas       1          0.0
    usa_cfpb       1          0.0
    """
    p = _rebuilt(projection)
    between = nx.betweenness_centrality(p, normalized=True, weight=None)
    rows = []
    for n, d in p.nodes(data=True):
        rows.append({
            "actor_id": str(n),
            "name_zh": d.get("name_zh"),
            "name_en": d.get("name_en"),
            "sector": d.get("sector"),
            "degree": p.degree(n),
            "weighted_degree": float(sum(w for _, _, w in p.edges(n, data="weight", default=1))),
            "betweenness": float(between[n]),
        })
    columns = ["actor_id", "name_zh", "name_en", "sector", "degree", "weighted_degree", "betweenness"]
    table = pd.DataFrame(rows, columns=columns)
    table["degree"] = table["degree"].astype("int64")
    table[["weighted_degree", "betweenness"]] = table[["weighted_degree", "betweenness"]].astype("float64")
    table = table.sort_values(
        ["degree", "weighted_degree", "betweenness", "actor_id"],
        ascending=[False, False, False, True],
        kind="mergesort",
    )
    return table.reset_index(drop=True)


def communities(projection: nx.Graph, seed: int = 0, *, method: str = "louvain",
                resolution: float = 1.0) -> dict[str, int]:
    """Community label of every actor of a projection (edge ``weight`` used).

    ``method`` is ``"louvain"`` (networkx ``louvain_communities`` with
    ``seed``) or ``"greedy"`` (``greedy_modularity_communities``; no
    randomness).  Nodes are relabelled 0, 1, ... in sorted id order before the
    algorithm runs, so the result does not depend on string hashing or input
    order.  Communities are numbered 0, 1, ... by size (largest first), ties
    by their smallest member id; an isolated actor is a community of its own.
    The dict is in actor-id order.

    >>> p = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("c", "d")])
    >>> communities(p)
    {'a': 0, 'b': 0, 'c': 0, 'd': 1, 'e': 1}
    """
    if method not in COMMUNITY_METHODS:
        raise ValueError(f"unknown method {method!r}; use one of {', '.join(COMMUNITY_METHODS)}")
    nodes = sorted(projection.nodes, key=str)
    if not nodes:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    h = nx.Graph()
    h.add_nodes_from(range(len(nodes)))
    for u, v, w in sorted(
        (min(index[u], index[v]), max(index[u], index[v]), w)
        for u, v, w in projection.edges(data="weight", default=1)
    ):
        h.add_edge(u, v, weight=w)
    if method == "louvain":
        parts = nx.community.louvain_communities(h, weight="weight", resolution=resolution, seed=seed)
    elif h.number_of_edges() == 0:
        parts = [{i} for i in h]
    else:
        parts = nx.community.greedy_modularity_communities(h, weight="weight", resolution=resolution)
    groups = sorted((sorted(str(nodes[i]) for i in part) for part in parts),
                    key=lambda members: (-len(members), members[0]))
    label = {member: k for k, members in enumerate(groups) for member in members}
    return {str(n): label[str(n)] for n in nodes}


# ---------------------------------------------------------------- tables

def _frame(records: list[dict], first: list[str]) -> pd.DataFrame:
    columns = list(first)
    for r in records:
        columns.extend(k for k in r if k not in columns)
    table = pd.DataFrame(records, columns=columns)
    for c in columns[len(first):]:
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
    return _frame([{"source": u, "target": v, **d} for u, v, d in _sorted_edges(g)],
                  ["source", "target"])
