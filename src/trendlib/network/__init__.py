"""Stage 6 — the stakeholder networks: construction and filters, measures, reading and writing.

As networkx keeps ``readwrite/`` apart from ``algorithms/``, the package has
one module per job:

* :mod:`~trendlib.network.graphs` — the network of stated ties (:func:`ties`), the actor–case
  two-mode graph (:func:`two_mode`) and its co-mention projection (:func:`comention`), and filters;
* :mod:`~trendlib.network.measures` — centrality and communities;
* :mod:`~trendlib.network.readwrite` — GraphML and GEXF bytes, graphs as tables;
* :mod:`~trendlib.network.explorer` — the standalone explorer page.

>>> from trendlib import network
>>> sorted(network.NORMALIZATIONS)
['cosine', 'jaccard', 'none']
"""

from .graphs import NORMALIZATIONS, comention, project, subgraph, tie_projection, tie_subgraph, ties, two_mode
from .measures import COMMUNITY_METHODS, centrality, communities
from .explorer import explorer_html, interactive
from .readwrite import edge_table, graph_bytes, node_table, write_graph

__all__ = ["NORMALIZATIONS", "COMMUNITY_METHODS", "two_mode", "comention", "project", "subgraph", "ties",
           "tie_subgraph", "tie_projection", "centrality", "communities", "graph_bytes", "write_graph",
           "node_table", "edge_table", "explorer_html", "interactive"]
