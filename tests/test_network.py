"""Tests for trendlib.network on hand-built tables (3 actors, 3 cases + 1 without actor)."""

from __future__ import annotations

import doctest
import math
import os
import subprocess
import sys
import textwrap

import networkx as nx
import pandas as pd
import pytest

from trendlib import network


# Three actors, four cases.  T6-01 (CFPB sandbox) names CFPB and the FCA,
# T6-02 (FCA sandbox) names the FCA and Oxford, T3-01 names CFPB alone,
# T8-01 names no actor.  Line numbers are made up but plausible.
def tables():
    actors = pd.DataFrame({
        "actor_id": ["usa_cfpb", "gbr_fca", "gbr_oxford"],
        "name_zh": ["美国消费者金融保护局", "英国金融行为监管局", "牛津大学"],
        "name_en": ["Consumer Financial Protection Bureau (CFPB)",
                    "Financial Conduct Authority (FCA)", "University of Oxford"],
        "type": ["government_agency", "government_agency", "academic"],
        "country": ["USA", "GBR", "GBR"],
        "sector": ["government", "government", "academia"],
        "aliases_zh": ["消费者金融保护局;CFPB", "金融行为监管局", ""],
    })
    cases = pd.DataFrame({
        "case_id": ["T6-01", "T6-02", "T3-01", "T8-01"],
        "trend": [6, 6, 3, 8],
        "section": ["in_action", "in_action", "overview", "in_action"],
        "title_zh": ["监管沙盒", "数字沙盒", "技术现代化", "在线法院"],
        "title_en": ["CFPB regulatory sandbox", "FCA digital sandbox",
                     "Technology modernization", "Online court"],
        "kind": ["programme", "platform", "fund", "platform"],
        "country": ["USA", "GBR", "USA", "CAN"],
        "place_zh": ["美国", "英国", "美国", "不列颠哥伦比亚省"],
        "level": ["national", "national", "national", "subnational"],
        "year": pd.array([2019, 2020, None, 2021], dtype="Int64"),
        "sectors": ["government;private", "government;academia", "government", ""],
        "boundary": ["government_business", "government_academia;multi_sector", "", "government_citizen"],
        "line_start": [3010, 3050, 1400, 4100],
        "line_end": [3020, 3065, 1410, 4120],
    })
    case_actors = pd.DataFrame({
        "case_id": ["T6-01", "T6-01", "T6-01", "T6-02", "T6-02", "T3-01"],
        "actor_id": ["usa_cfpb", "gbr_fca", "usa_cfpb", "gbr_fca", "gbr_oxford", "usa_cfpb"],
        "mention": ["美国消费者金融保护局", "金融行为监管局", "CFPB", "英国金融行为监管局", "牛津大学", "CFPB"],
        "line": [3012, 3015, 3011, 3051, 3060, 1402],
    })
    return actors, cases, case_actors


@pytest.fixture
def g():
    return network.two_mode(*tables())


# ---------------------------------------------------------------- two_mode

def test_two_mode_counts(g):
    assert g.number_of_nodes() == 3 + 4
    assert g.number_of_edges() == 5  # (cfpb,T6-01) (fca,T6-01) (fca,T6-02) (oxford,T6-02) (cfpb,T3-01)
    assert nx.is_bipartite(g)
    assert list(g.nodes) == ["gbr_fca", "gbr_oxford", "usa_cfpb", "T3-01", "T6-01", "T6-02", "T8-01"]


def test_case_without_actor_is_isolated_node(g):
    assert "T8-01" in g
    assert g.degree("T8-01") == 0
    assert list(nx.isolates(g)) == ["T8-01"]
    assert g.nodes["T8-01"]["n_actors"] == 0


def test_actor_without_case_is_not_a_node():
    actors, cases, case_actors = tables()
    actors = pd.concat([actors, pd.DataFrame({
        "actor_id": ["sgp_mas"], "name_zh": ["新加坡金融管理局"], "name_en": ["MAS"],
        "type": ["government_agency"], "country": ["SGP"], "sector": ["government"],
        "aliases_zh": [""]})], ignore_index=True)
    assert "sgp_mas" not in network.two_mode(actors, cases, case_actors)


def test_node_attributes(g):
    assert g.nodes["usa_cfpb"] == {
        "kind": "actor", "bipartite": 0, "name_zh": "美国消费者金融保护局",
        "name_en": "Consumer Financial Protection Bureau (CFPB)", "type": "government_agency",
        "country": "USA", "sector": "government", "trends": "3;6", "n_cases": 2,
    }
    assert g.nodes["T6-02"] == {
        "kind": "case", "bipartite": 1, "name_zh": "数字沙盒", "name_en": "FCA digital sandbox",
        "type": "platform", "trend": 6, "section": "in_action", "country": "GBR",
        "place_zh": "英国", "level": "national", "year": 2020,
        "sectors": "government;academia", "boundary": "government_academia;multi_sector",
        "line_start": 3050, "line_end": 3065, "n_actors": 2,
    }
    assert "year" not in g.nodes["T3-01"]  # missing year is left out, not None
    assert g.nodes["T8-01"]["sectors"] == ""
    for _, data in g.nodes(data=True):
        assert all(type(v) in (str, int) for v in data.values())


def test_edge_attributes(g):
    assert g.edges["usa_cfpb", "T6-01"] == {
        "mentions": 2, "lines": "3011;3012", "forms": "CFPB;美国消费者金融保护局"}
    assert g.edges["gbr_fca", "T6-02"] == {"mentions": 1, "lines": "3051", "forms": "英国金融行为监管局"}


def test_two_mode_ignores_row_order():
    actors, cases, case_actors = tables()
    shuffled = network.two_mode(actors.iloc[::-1], cases.sample(frac=1, random_state=3),
                                case_actors.iloc[[5, 2, 0, 4, 1, 3]])
    g = network.two_mode(actors, cases, case_actors)
    assert list(shuffled.nodes(data=True)) == list(g.nodes(data=True))
    assert list(shuffled.edges(data=True)) == list(g.edges(data=True))


def test_two_mode_rejects_unknown_ids():
    actors, cases, case_actors = tables()
    bad = case_actors.copy()
    bad.loc[0, "actor_id"] = "usa_sec"
    with pytest.raises(ValueError, match="usa_sec"):
        network.two_mode(actors, cases, bad)
    bad = case_actors.copy()
    bad.loc[0, "case_id"] = "T9-01"
    with pytest.raises(ValueError, match="T9-01"):
        network.two_mode(actors, cases, bad)
    with pytest.raises(ValueError, match="duplicate"):
        network.two_mode(pd.concat([actors, actors.iloc[:1]]), cases, case_actors)


# ---------------------------------------------------------------- project

def test_projection_weights_and_cases(g):
    p = network.project(g)
    assert list(p.nodes) == ["gbr_fca", "gbr_oxford", "usa_cfpb"]
    assert sorted(tuple(sorted(e)) for e in p.edges) == [("gbr_fca", "gbr_oxford"), ("gbr_fca", "usa_cfpb")]
    assert p.edges["gbr_fca", "usa_cfpb"] == {"weight": 1, "shared": 1, "cases": "T6-01"}
    assert p.edges["gbr_fca", "gbr_oxford"] == {"weight": 1, "shared": 1, "cases": "T6-02"}
    assert p.nodes["usa_cfpb"] == g.nodes["usa_cfpb"]
    assert p.graph["normalization"] == "none"


def test_projection_counts_several_shared_cases():
    actors, cases, case_actors = tables()
    more = pd.concat([case_actors, pd.DataFrame({
        "case_id": ["T3-01"], "actor_id": ["gbr_fca"], "mention": ["金融行为监管局"], "line": [1405]})],
        ignore_index=True)
    p = network.project(network.two_mode(actors, cases, more))
    assert p.edges["usa_cfpb", "gbr_fca"] == {"weight": 2, "shared": 2, "cases": "T3-01;T6-01"}


def test_projection_jaccard_and_cosine(g):
    # cases: cfpb {T6-01, T3-01}; fca {T6-01, T6-02}; oxford {T6-02}
    jac = network.project(g, "jaccard")
    assert jac.edges["usa_cfpb", "gbr_fca"]["weight"] == pytest.approx(1 / 3)   # 1 / |{T3-01,T6-01,T6-02}|
    assert jac.edges["gbr_fca", "gbr_oxford"]["weight"] == pytest.approx(1 / 2)  # 1 / |{T6-01,T6-02}|
    cos = network.project(g, "cosine")
    assert cos.edges["usa_cfpb", "gbr_fca"]["weight"] == pytest.approx(1 / math.sqrt(2 * 2))
    assert cos.edges["gbr_fca", "gbr_oxford"]["weight"] == pytest.approx(1 / math.sqrt(2 * 1))
    assert cos.edges["gbr_fca", "gbr_oxford"]["shared"] == 1
    assert cos.graph["normalization"] == "cosine"


def test_unknown_normalization_raises(g):
    with pytest.raises(ValueError, match="none, jaccard, cosine"):
        network.project(g, "pmi")


def test_projection_keeps_isolated_actor(g):
    p = network.project(network.subgraph(g, trend=3))
    assert list(p.nodes) == ["usa_cfpb"] and p.number_of_edges() == 0


# ---------------------------------------------------------------- subgraph

def test_subgraph_trend(g):
    h = network.subgraph(g, trend=6)
    assert list(h.nodes) == ["gbr_fca", "gbr_oxford", "usa_cfpb", "T6-01", "T6-02"]
    assert h.nodes["usa_cfpb"]["n_cases"] == 1 and h.nodes["usa_cfpb"]["trends"] == "6"
    assert g.nodes["usa_cfpb"]["n_cases"] == 2  # the input graph is untouched
    assert list(network.subgraph(g, trend=[3, 8]).nodes) == ["usa_cfpb", "T3-01", "T8-01"]


def test_subgraph_country_keeps_isolated_case(g):
    assert list(network.subgraph(g, country="CAN").nodes) == ["T8-01"]
    assert list(network.subgraph(g, country="GBR").nodes) == ["gbr_fca", "gbr_oxford", "T6-02"]


def test_subgraph_year(g):
    assert list(network.subgraph(g, year=2019).nodes) == ["gbr_fca", "usa_cfpb", "T6-01"]
    # T3-01 has no year: dropped by any year filter
    assert list(network.subgraph(g, year=(2020, 2021)).nodes) == ["gbr_fca", "gbr_oxford", "T6-02", "T8-01"]
    assert list(network.subgraph(g, year=(None, 2019)).nodes) == ["gbr_fca", "usa_cfpb", "T6-01"]


def test_subgraph_sector(g):
    h = network.subgraph(g, sector="academia")
    assert list(h.nodes) == ["gbr_oxford", "T6-02"]
    assert list(h.edges) == [("gbr_oxford", "T6-02")]
    h = network.subgraph(g, sector="government", trend=6)
    assert list(h.nodes) == ["gbr_fca", "usa_cfpb", "T6-01", "T6-02"]
    with pytest.raises(ValueError, match="goverment"):
        network.subgraph(g, sector="goverment")


def test_subgraph_without_filters_is_the_graph(g):
    h = network.subgraph(g)
    assert list(h.nodes(data=True)) == list(g.nodes(data=True))
    assert list(h.edges(data=True)) == list(g.edges(data=True))


# ---------------------------------------------------------------- write_graph

def _edges(graph):
    return {frozenset((u, v)): d for u, v, d in graph.edges(data=True)}


@pytest.mark.parametrize("build", [lambda g: g, lambda g: network.project(g, "cosine")])
def test_write_graph_round_trips(tmp_path, g, build):
    graph = build(g)
    network.write_graph(graph, tmp_path / "g.graphml", tmp_path / "g.gexf")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))
    assert _edges(back) == _edges(graph)
    gexf = nx.read_gexf(tmp_path / "g.gexf")
    assert sorted(gexf.nodes) == sorted(graph.nodes)
    assert gexf.number_of_edges() == graph.number_of_edges()
    assert gexf.nodes["usa_cfpb"]["label"] == "美国消费者金融保护局"


def test_write_graph_is_byte_identical(tmp_path, g):
    network.write_graph(g, tmp_path / "a.graphml", tmp_path / "a.gexf")
    network.write_graph(g, tmp_path / "b.graphml", tmp_path / "b.gexf")
    # the same graph built with nodes, edges and attributes in another order
    other = nx.Graph()
    for n in reversed(list(g.nodes)):
        other.add_node(n, **dict(reversed(list(g.nodes[n].items()))))
    for u, v, d in reversed(list(g.edges(data=True))):
        other.add_edge(v, u, **d)
    network.write_graph(other, tmp_path / "c.graphml", tmp_path / "c.gexf")
    for ext in ("graphml", "gexf"):
        a = (tmp_path / f"a.{ext}").read_bytes()
        assert a == (tmp_path / f"b.{ext}").read_bytes() == (tmp_path / f"c.{ext}").read_bytes()
    gexf = (tmp_path / "a.gexf").read_text(encoding="utf-8")
    assert "lastmodifieddate" not in gexf and nx.__version__ not in gexf
    assert "美国消费者金融保护局" in gexf  # UTF-8, not character references


def test_write_graph_converts_values(tmp_path):
    import numpy as np

    graph = nx.Graph()
    graph.add_node("usa_cfpb", name_zh="美国消费者金融保护局", note=None, year=float("nan"),
                   n=np.int64(3), tags=["fintech", "sandbox"], score=1)
    graph.add_node("gbr_fca", score=0.5)
    graph.add_edge("usa_cfpb", "gbr_fca", type="co-mention", weight=np.float64(0.25))
    network.write_graph(graph, tmp_path / "g.graphml", tmp_path / "g.gexf")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert back.nodes["usa_cfpb"] == {"name_zh": "美国消费者金融保护局", "n": 3,
                                      "tags": "fintech;sandbox", "score": 1.0}
    assert back.nodes["gbr_fca"] == {"score": 0.5}
    gexf = nx.read_gexf(tmp_path / "g.gexf")
    assert gexf.edges["usa_cfpb", "gbr_fca"]["type_"] == "co-mention"  # GEXF reserves edge `type`
    with pytest.raises(TypeError, match="when"):
        network.write_graph(nx.Graph([("a", "b", {"when": object()})]),
                            tmp_path / "x.graphml", tmp_path / "x.gexf")


# ---------------------------------------------------------------- measures

def test_centrality(g):
    table = network.centrality(network.project(g, "jaccard"))
    assert list(table.columns) == ["actor_id", "name_zh", "name_en", "sector",
                                   "degree", "weighted_degree", "betweenness"]
    assert list(table["actor_id"]) == ["gbr_fca", "gbr_oxford", "usa_cfpb"]
    fca = table.iloc[0]
    assert fca["degree"] == 2
    assert fca["weighted_degree"] == pytest.approx(1 / 3 + 1 / 2)
    assert fca["betweenness"] == 1.0  # on the only path between CFPB and Oxford
    assert list(table["betweenness"][1:]) == [0.0, 0.0]
    # Oxford (1/2) ranks above CFPB (1/3) on weighted degree
    assert table.iloc[1]["weighted_degree"] > table.iloc[2]["weighted_degree"]


def test_communities_ordering():
    p = nx.Graph()
    p.add_edges_from([("usa_cfpb", "usa_sec"), ("usa_sec", "usa_fed"), ("usa_cfpb", "usa_fed"),
                      ("gbr_fca", "gbr_boe"), ("usa_fed", "gbr_boe")])
    p.add_node("sgp_mas")
    labels = network.communities(p)
    assert list(labels) == sorted(p.nodes)
    assert labels == {"gbr_boe": 1, "gbr_fca": 1, "sgp_mas": 2,
                      "usa_cfpb": 0, "usa_fed": 0, "usa_sec": 0}
    assert network.communities(p, method="greedy") == labels
    assert network.communities(nx.Graph()) == {}
    with pytest.raises(ValueError, match="louvain, greedy"):
        network.communities(p, method="leiden")


_HASH_SCRIPT = textwrap.dedent("""
    import hashlib, tempfile, pathlib, networkx as nx
    from trendlib import network
    p = nx.Graph()
    ids = ["usa_cfpb", "usa_sec", "usa_fed", "gbr_fca", "gbr_boe", "gbr_pra", "sgp_mas", "aus_asic"]
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            if (len(a) * 7 + len(b) * 3 + i) % 3 == 0 or a[:3] == b[:3]:
                p.add_edge(a, b, weight=1 + (len(a + b) % 2))
    print(network.communities(p, seed=1))
    d = pathlib.Path(tempfile.mkdtemp())
    network.write_graph(p, d / "g.graphml", d / "g.gexf")
    print(hashlib.sha256((d / "g.graphml").read_bytes() + (d / "g.gexf").read_bytes()).hexdigest())
    for f in d.iterdir():
        f.unlink()
    d.rmdir()
""")


def test_results_do_not_depend_on_string_hashing():
    outputs = set()
    for hash_seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        run = subprocess.run([sys.executable, "-c", _HASH_SCRIPT], env=env,
                             capture_output=True, text=True, check=True)
        outputs.add(run.stdout)
    assert len(outputs) == 1


# ---------------------------------------------------------------- tables and docs

def test_node_and_edge_tables(g):
    nodes = network.node_table(g)
    assert list(nodes["id"]) == list(g.nodes)
    assert str(nodes["year"].dtype) == "Int64"
    edges = network.edge_table(g)
    assert list(edges.columns[:2]) == ["source", "target"]
    assert list(edges["source"]) == ["gbr_fca", "gbr_fca", "gbr_oxford", "usa_cfpb", "usa_cfpb"]
    assert list(edges["target"]) == ["T6-01", "T6-02", "T6-02", "T3-01", "T6-01"]


def test_docstring_examples():
    result = doctest.testmod(network)
    assert result.attempted > 0 and result.failed == 0
