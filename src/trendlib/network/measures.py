"""Measures of the networks: who is central and who brokers.

Deterministic: nodes are relabelled in sorted order before an algorithm runs.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from ._util import _rebuilt

__all__ = ["centrality"]


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
        rows.append(
            {
                "actor_id": str(n),
                "name_zh": d.get("name_zh"),
                "name_en": d.get("name_en"),
                "sector": d.get("sector"),
                "degree": p.degree(n),
                "weighted_degree": float(sum(w for _, _, w in p.edges(n, data="weight", default=1))),
                "betweenness": float(between[n]),
            }
        )
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
