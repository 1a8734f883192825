"""Graph construction and filters: the stakeholder networks of the report.

Two networks, each traceable to the text:

* :func:`ties` — the **network of stated ties**: a directed multigraph of parties
  whose edges are the relations the text states (who funds, regulates, serves …
  whom), each carrying its type, case, trend, phrase, raw line and the boundaries
  it crosses. A named actor is one node; an unnamed stakeholder group is one node
  per case (:func:`group_node`), so that "companies" of two unrelated cases are not
  one hub. Filter it with :func:`tie_subgraph`, collapse it with
  :func:`tie_projection`; :func:`pooled_by_kind` is the aggregate graph of kinds
  of party, for group-level questions only.
* :func:`two_mode` — the bipartite graph of actors and the cases whose span
  mentions them (discourse network analysis's two-mode network): a mention, not a
  tie.

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
distinct verbatim mentions).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import networkx as nx
import pandas as pd

from .. import vocab
from ..coding.ties import GROUP_TYPE
from ._util import _as_int, _as_list, _missing, _node_key, _plain, _rebuilt, _sorted_edges

__all__ = ["two_mode", "subgraph", "group_node", "ties", "pooled_by_kind", "tie_subgraph", "tie_projection"]

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
    actor_rows = dict(zip(actor_ids, actors.to_dict("records"), strict=True))
    case_rows = dict(zip(case_ids, cases.to_dict("records"), strict=True))

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
            raise ValueError(f"unknown sector(s) {', '.join(unknown)}; use {', '.join(vocab.SECTORS)}")
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


# ---------------------------------------------------------------- the network of stated ties

_PARTY_COLUMNS = (
    ("name_zh", "name_zh", "str"),
    ("name_en", "name_en", "str"),
    ("type", "type", "str"),
    ("country", "country", "str"),
    ("sector", "sector", "str"),
    ("level", "level", "str"),
)


def group_node(group: str, case_id: str) -> str:
    """The node of an unnamed stakeholder group in one case: ``companies@T2-02``.

    The companies of Finland's tourism case are not the companies of Boston's: an unnamed group is a party
    only within its case, so it is one node per case, never one pooled node that would join unrelated cases.

    >>> group_node("companies", "T2-02")
    'companies@T2-02'
    """
    return f"{group}@{case_id}"


def ties(actors: pd.DataFrame, relations: pd.DataFrame, cases: pd.DataFrame | None = None) -> nx.MultiDiGraph:
    """The network of stated ties: a directed multigraph of parties, one edge per relation.

    Nodes are the parties of at least one relation: each named actor once (``kind`` ``"actor"``), and each
    unnamed stakeholder group once per case that names it (``kind`` ``"group"``, id ``group@case``,
    :func:`group_node`, with ``group`` and ``case_id``, its label naming the case), with ``name_zh``,
    ``name_en``, ``type``, ``country``, ``sector``, ``level``, ``n_ties`` and ``trends``; a group takes its
    case's country and, for public bodies, its level, where ``cases`` gives them. Each edge, keyed by
    ``relation_id``, carries ``tie`` (the relation's type), ``directed`` (an undirected tie — partners, a mutual
    exchange of data — runs from the party whose id sorts first), ``within`` (a tie inside one organisation),
    ``case_id``, ``trend``, ``phrase``, ``phrase_en``, ``line`` and ``crosses`` (``;``-joined).

    Returns
    -------
    networkx.MultiDiGraph

    See Also
    --------
    tie_subgraph : the ties that pass filters (types, within, boundaries, sectors).
    pooled_by_kind : the aggregate graph of kinds of party.

    Examples
    --------
    >>> import pandas as pd
    >>> a = pd.DataFrame({"actor_id": ["usa_doe", "companies"], "name_zh": ["美国能源部", "企业"],
    ...                   "name_en": ["DOE", "companies"], "type": ["government_agency", "stakeholder_group"],
    ...                   "sector": ["government", "private"]})
    >>> r = pd.DataFrame({"relation_id": ["R001"], "case_id": ["T6-24"], "trend": [6], "source": ["usa_doe"],
    ...                   "target": ["companies"], "relation_type": ["supports"], "directed": [True],
    ...                   "phrase": ["获得美国能源部17个国家实验室支持"], "phrase_en": ["support"], "line": [3365],
    ...                   "crosses": ["government_business"]})
    >>> g = ties(a, r)
    >>> list(g.edges(keys=True, data="tie"))
    [('usa_doe', 'companies@T6-24', 'R001', 'supports')]
    >>> g.nodes["companies@T6-24"]["name_en"], g.nodes["usa_doe"]["n_ties"]
    ('companies (T6-24)', 1)
    """
    _require(actors, "actors", ("actor_id",))
    _require(relations, "relations", ("relation_id", "case_id", "source", "target", "relation_type"))
    rows = dict(zip(_unique_ids(actors, "actors", "actor_id"), actors.to_dict("records"), strict=True))
    case_rows = {} if cases is None else dict(zip(cases["case_id"], cases.to_dict("records"), strict=True))
    g = nx.MultiDiGraph()
    records = relations.to_dict("records")

    def node(party: str, case_id: str) -> str:
        if party not in rows:
            raise ValueError(f"relations: unknown party {party!r}")
        return group_node(party, case_id) if rows[party].get("type") == GROUP_TYPE else party

    nodes: dict[str, tuple[str, str]] = {}
    for r in records:
        for end in ("source", "target"):
            p, cid = str(_plain(r[end])), str(r["case_id"])
            nodes[node(p, cid)] = (p, cid)
    for n in sorted(nodes):
        p, cid = nodes[n]
        attrs = _copy_columns(rows[p], _PARTY_COLUMNS, f"party {p}")
        if n == p:
            g.add_node(n, kind="actor", **attrs)
            continue
        case = case_rows.get(cid, {})
        attrs.update(
            group=p,
            case_id=cid,
            name_en=f"{attrs.get('name_en', p)} ({cid})",
            name_zh=f"{attrs.get('name_zh', p)}（{cid}）",
        )
        if not _missing(case.get("country")):
            attrs["country"] = str(case["country"])
        if attrs.get("sector") == "government" and p != "subnational_governments" and not _missing(case.get("level")):
            attrs["level"] = str(case["level"])
        g.add_node(n, kind="group", **attrs)
    for r in sorted(records, key=lambda r: str(r["relation_id"])):
        attrs = {"tie": str(r["relation_type"]), "case_id": str(r["case_id"])}
        for col in ("trend", "line"):
            if col in r and not _missing(r[col]):
                attrs[col] = _as_int(r[col], f"relation {r['relation_id']} column {col!r}")
        for col in ("phrase", "phrase_en", "crosses"):
            if col in r and not _missing(r[col]):
                attrs[col] = str(_plain(r[col]))
        attrs["directed"] = bool(_plain(r["directed"])) if "directed" in r and not _missing(r["directed"]) else True
        attrs["within"] = bool(_plain(r["within"])) if "within" in r and not _missing(r["within"]) else False
        cid = str(r["case_id"])
        g.add_edge(
            node(str(_plain(r["source"])), cid), node(str(_plain(r["target"])), cid), key=str(r["relation_id"]), **attrs
        )
    return _count_ties(g)


def pooled_by_kind(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The aggregate graph of kinds of party: which kinds meet which, through which ties.

    Each named actor becomes its actor ``type`` (national_government, company …) and each case-scoped group
    its group (companies, citizens …); ties between two kinds are summed into one edge per pair of kinds and
    tie type, with ``weight`` (ties), ``cases`` and ``within`` (how many of them are inside one
    organisation). This answers group-level questions only: a node is a kind, not a party, and its degree
    says nothing about any one party.

    Examples
    --------
    >>> import pandas as pd
    >>> a = pd.DataFrame({"actor_id": ["usa_doe", "companies"], "type": ["government_agency", "stakeholder_group"],
    ...                   "sector": ["government", "private"]})
    >>> r = pd.DataFrame({"relation_id": ["R1", "R2"], "case_id": ["T6-24", "T6-25"], "source": ["usa_doe"] * 2,
    ...                   "target": ["companies"] * 2, "relation_type": ["supports"] * 2})
    >>> list(pooled_by_kind(ties(a, r)).edges(data="weight"))
    [('government_agency', 'companies', 2)]
    """

    def kind(n):
        d = g.nodes[n]
        return d["group"] if d.get("kind") == "group" else str(d.get("type", "other"))

    h = nx.MultiDiGraph(aggregate="parties pooled by kind: named actors by type, unnamed groups by group")
    sums: dict[tuple, dict] = {}
    for u, v, _, d in _sorted_edges(g):
        key = (kind(u), kind(v), d.get("tie", ""))
        entry = sums.setdefault(key, {"weight": 0, "within": 0, "cases": set()})
        entry["weight"] += 1
        entry["within"] += bool(d.get("within"))
        entry["cases"].add(d.get("case_id", ""))
    for k in sorted({k for key in sums for k in key[:2]}):
        sector = next((g.nodes[n].get("sector") for n in sorted(g) if kind(n) == k), None)
        h.add_node(
            k,
            kind="kind",
            name_en=vocab.ACTOR_TYPES.label(k) if k in vocab.ACTOR_TYPES else k,
            **({"sector": sector} if sector else {}),
        )
    for (a, b, tie), e in sorted(sums.items()):
        h.add_edge(a, b, key=tie, tie=tie, weight=e["weight"], within=e["within"], cases=";".join(sorted(e["cases"])))
    return h


def _count_ties(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    for n, data in g.nodes(data=True):
        edges = list(g.in_edges(n, data=True)) + list(g.out_edges(n, data=True))
        data["n_ties"] = g.degree(n)
        data["trends"] = ";".join(str(t) for t in sorted({d["trend"] for _, _, d in edges if "trend" in d}))
    return g


def tie_subgraph(
    g: nx.MultiDiGraph, *, types=None, trend=None, crosses=None, sector=None, within: bool | None = None
) -> nx.MultiDiGraph:
    """The ties that pass every filter given, and the parties they join.

    ``types``: a tie type or several (vocab.RELATION_TYPES); ``trend``: an int
    or several; ``crosses``: ties that cross at least one of these boundaries
    (vocab.BOUNDARIES; a tie's ``crosses`` is a set); ``sector``: ties with at
    least one party of that sector (or sectors); ``within``: ``False`` keeps the
    ties between organisations, ``True`` those inside one.

    >>> import pandas as pd
    >>> a = pd.DataFrame({"actor_id": ["x", "y"], "sector": ["government", "private"]})
    >>> r = pd.DataFrame({"relation_id": ["R1", "R2"], "case_id": ["T1-01", "T2-01"], "trend": [1, 2],
    ...                   "source": ["x", "x"], "target": ["y", "y"], "relation_type": ["funds", "supports"]})
    >>> list(tie_subgraph(ties(a, r), types="funds").edges(keys=True))
    [('x', 'y', 'R1')]
    """

    def pick(value, vocabulary, what):
        if value is None:
            return None
        values = _as_set(value, what)
        if vocabulary is not None:
            unknown = sorted(str(v) for v in values - set(vocabulary))
            if unknown:
                raise ValueError(f"unknown {what} {', '.join(unknown)}; use {', '.join(vocabulary)}")
        return values

    kinds = pick(types, vocab.RELATION_TYPES, "tie type")
    trends = None if trend is None else {_as_int(t, "trend") for t in _as_set(trend, "trend")}
    bounds = pick(crosses, vocab.BOUNDARIES, "boundary")
    sectors = pick(sector, vocab.SECTORS, "sector")
    h = nx.MultiDiGraph()
    h.graph.update(g.graph)
    keep = []
    for u, v, k, d in _sorted_edges(g):
        if kinds is not None and d.get("tie") not in kinds:
            continue
        if trends is not None and d.get("trend") not in trends:
            continue
        if bounds is not None and not (set(str(d.get("crosses") or "").split(";")) & bounds):
            continue
        if within is not None and bool(d.get("within")) != within:
            continue
        if sectors is not None and not ({g.nodes[u].get("sector"), g.nodes[v].get("sector")} & sectors):
            continue
        keep.append((u, v, k, d))
    for n in sorted({x for u, v, *_ in keep for x in (u, v)}, key=lambda n: _node_key(g, n)):
        h.add_node(n, **g.nodes[n])
    for u, v, k, d in keep:
        h.add_edge(u, v, key=k, **d)
    return _count_ties(h)


def tie_projection(g: nx.MultiDiGraph) -> nx.Graph:
    """The ties collapsed to a simple undirected graph: one edge per pair of parties, with ``weight``
    (number of ties), ``ties`` (their types, ``;``-joined with counts) and ``cases``.

    Self-ties of a stakeholder group (agencies — agencies) are dropped: a
    projection measures ties between parties.
    """
    p = nx.Graph()
    for n in sorted(g.nodes, key=lambda n: _node_key(g, n)):
        p.add_node(n, **{k: v for k, v in g.nodes[n].items() if k not in ("n_ties",)})
    pairs: dict[tuple, list] = defaultdict(list)
    for u, v, _, d in _sorted_edges(g):
        if u != v:
            pairs[tuple(sorted((u, v), key=str))].append(d)
    for (a, b), ds in sorted(pairs.items()):
        counts: dict[str, int] = defaultdict(int)
        for d in ds:
            counts[d.get("tie", "")] += 1
        p.add_edge(
            a,
            b,
            weight=len(ds),
            ties=";".join(f"{t}×{n}" for t, n in sorted(counts.items())),
            cases=";".join(sorted({d.get("case_id", "") for d in ds})),
        )
    return p
