"""Measures of the networks: who is central, who brokers, which communities form.

All deterministic: nodes are relabelled in sorted order before an algorithm
runs, and community detection is seeded.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from ._util import _rebuilt

__all__ = ["COMMUNITY_METHODS", "centrality", "communities"]

#: Allowed values of :func:`communities`' ``method``.
COMMUNITY_METHODS = ("louvain", "greedy")


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


