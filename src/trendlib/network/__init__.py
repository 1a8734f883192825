"""Stage 7 — the stakeholder networks: construction and filters, measures, reading and writing.

As networkx keeps ``readwrite/`` apart from ``algorithms/``, the package has
one module per job:

* :mod:`~trendlib.network.graphs` — the network of stated ties (:func:`ties`, unnamed groups one node per
  case), its aggregate by kind of party (:func:`pooled_by_kind`), the actor–case two-mode graph
  (:func:`two_mode`), and filters;
* :mod:`~trendlib.network.measures` — centrality and brokerage;
* :mod:`~trendlib.network.readwrite` — GraphML and GEXF bytes, graphs as tables;
* :mod:`~trendlib.network.explorer` — the standalone explorer page (the notebook widget is
  :func:`trendlib.analysis.netfig.interactive`).

>>> from trendlib import network
>>> network.group_node("companies", "T2-02")
'companies@T2-02'
"""

from .explorer import explorer_html
from .graphs import group_node, pooled_by_kind, subgraph, tie_projection, tie_subgraph, ties, two_mode
from .measures import centrality
from .readwrite import edge_table, graph_bytes, node_table, write_graph

__all__ = [
    "two_mode",
    "subgraph",
    "group_node",
    "ties",
    "pooled_by_kind",
    "tie_subgraph",
    "tie_projection",
    "centrality",
    "graph_bytes",
    "write_graph",
    "node_table",
    "edge_table",
    "explorer_html",
]
