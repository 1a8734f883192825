"""Tests for trendlib.network on hand-built tables: the two-mode graph of mentions (3 actors, 3 cases + 1
without actor), the network of stated ties (4 parties, 3 cases), and their measures and files."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

from trendlib import network


# Three actors, four cases.  T6-01 (CFPB sandbox) names CFPB and the FCA,
# T6-02 (FCA sandbox) names the FCA and Oxford, T3-01 names CFPB alone,
# T8-01 names no actor.  Line numbers are made up but plausible.
def tables():
    actors = pd.DataFrame(
        {
            "actor_id": ["usa_cfpb", "gbr_fca", "gbr_oxford"],
            "name_zh": ["美国消费者金融保护局", "英国金融行为监管局", "牛津大学"],
            "name_en": [
                "Consumer Financial Protection Bureau (CFPB)",
                "Financial Conduct Authority (FCA)",
                "University of Oxford",
            ],
            "type": ["government_agency", "government_agency", "academic"],
            "country": ["USA", "GBR", "GBR"],
            "sector": ["government", "government", "academia"],
            "aliases_zh": ["消费者金融保护局;CFPB", "金融行为监管局", ""],
        }
    )
    cases = pd.DataFrame(
        {
            "case_id": ["T6-01", "T6-02", "T3-01", "T8-01"],
            "trend": [6, 6, 3, 8],
            "section": ["in_action", "in_action", "overview", "in_action"],
            "title_zh": ["监管沙盒", "数字沙盒", "技术现代化", "在线法院"],
            "title_en": ["CFPB regulatory sandbox", "FCA digital sandbox", "Technology modernization", "Online court"],
            "kind": ["programme", "platform", "fund", "platform"],
            "country": ["USA", "GBR", "USA", "CAN"],
            "place_zh": ["美国", "英国", "美国", "不列颠哥伦比亚省"],
            "level": ["national", "national", "national", "subnational"],
            "year": pd.array([2019, 2020, None, 2021], dtype="Int64"),
            "sectors": ["government;private", "government;academia", "government", ""],
            "boundary": ["government_business", "government_academia;multi_sector", "", "government_citizen"],
            "line_start": [3010, 3050, 1400, 4100],
            "line_end": [3020, 3065, 1410, 4120],
        }
    )
    case_actors = pd.DataFrame(
        {
            "case_id": ["T6-01", "T6-01", "T6-01", "T6-02", "T6-02", "T3-01"],
            "actor_id": ["usa_cfpb", "gbr_fca", "usa_cfpb", "gbr_fca", "gbr_oxford", "usa_cfpb"],
            "mention": ["美国消费者金融保护局", "金融行为监管局", "CFPB", "英国金融行为监管局", "牛津大学", "CFPB"],
            "line": [3012, 3015, 3011, 3051, 3060, 1402],
        }
    )
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
    actors = pd.concat(
        [
            actors,
            pd.DataFrame(
                {
                    "actor_id": ["sgp_mas"],
                    "name_zh": ["新加坡金融管理局"],
                    "name_en": ["MAS"],
                    "type": ["government_agency"],
                    "country": ["SGP"],
                    "sector": ["government"],
                    "aliases_zh": [""],
                }
            ),
        ],
        ignore_index=True,
    )
    assert "sgp_mas" not in network.two_mode(actors, cases, case_actors)


def test_node_attributes(g):
    assert g.nodes["usa_cfpb"] == {
        "kind": "actor",
        "bipartite": 0,
        "name_zh": "美国消费者金融保护局",
        "name_en": "Consumer Financial Protection Bureau (CFPB)",
        "type": "government_agency",
        "country": "USA",
        "sector": "government",
        "trends": "3;6",
        "n_cases": 2,
    }
    assert g.nodes["T6-02"] == {
        "kind": "case",
        "bipartite": 1,
        "name_zh": "数字沙盒",
        "name_en": "FCA digital sandbox",
        "type": "platform",
        "trend": 6,
        "section": "in_action",
        "country": "GBR",
        "place_zh": "英国",
        "level": "national",
        "year": 2020,
        "sectors": "government;academia",
        "boundary": "government_academia;multi_sector",
        "line_start": 3050,
        "line_end": 3065,
        "n_actors": 2,
    }
    assert "year" not in g.nodes["T3-01"]  # missing year is left out, not None
    assert g.nodes["T8-01"]["sectors"] == ""
    for _, data in g.nodes(data=True):
        assert all(type(v) in (str, int) for v in data.values())


def test_edge_attributes(g):
    assert g.edges["usa_cfpb", "T6-01"] == {"mentions": 2, "lines": "3011;3012", "forms": "CFPB;美国消费者金融保护局"}
    assert g.edges["gbr_fca", "T6-02"] == {"mentions": 1, "lines": "3051", "forms": "英国金融行为监管局"}


def test_two_mode_ignores_row_order():
    actors, cases, case_actors = tables()
    shuffled = network.two_mode(
        actors.iloc[::-1], cases.sample(frac=1, random_state=3), case_actors.iloc[[5, 2, 0, 4, 1, 3]]
    )
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


def test_write_graph_round_trips(tmp_path, g):
    graph = g
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
    graph.add_node(
        "usa_cfpb",
        name_zh="美国消费者金融保护局",
        note=None,
        year=float("nan"),
        n=np.int64(3),
        tags=["fintech", "sandbox"],
        score=1,
    )
    graph.add_node("gbr_fca", score=0.5)
    graph.add_edge("usa_cfpb", "gbr_fca", type="co-mention", weight=np.float64(0.25))
    network.write_graph(graph, tmp_path / "g.graphml", tmp_path / "g.gexf")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert back.nodes["usa_cfpb"] == {
        "name_zh": "美国消费者金融保护局",
        "n": 3,
        "tags": "fintech;sandbox",
        "score": 1.0,
    }
    assert back.nodes["gbr_fca"] == {"score": 0.5}
    gexf = nx.read_gexf(tmp_path / "g.gexf")
    assert gexf.edges["usa_cfpb", "gbr_fca"]["type_"] == "co-mention"  # GEXF reserves edge `type`
    with pytest.raises(TypeError, match="when"):
        network.write_graph(nx.Graph([("a", "b", {"when": object()})]), tmp_path / "x.graphml", tmp_path / "x.gexf")


# ---------------------------------------------------------------- the network of stated ties


# Four parties of three cases: a funder (usa_doe), a regulator (gbr_fca), and the unnamed groups agencies and
# companies. In T6-24 the DOE funds companies and its own agencies (within); in T6-25 the DOE supports
# companies; in T6-26 the FCA and companies are partners (undirected, stored in id order).
def tie_tables():
    actors = pd.DataFrame(
        {
            "actor_id": ["usa_doe", "gbr_fca", "agencies", "companies"],
            "name_zh": ["美国能源部", "英国金融行为监管局", "政府机构", "企业"],
            "name_en": ["Department of Energy", "Financial Conduct Authority", "agencies", "companies"],
            "type": ["government_agency", "government_agency", "stakeholder_group", "stakeholder_group"],
            "country": ["USA", "GBR", None, None],
            "sector": ["government", "government", "government", "private"],
            "level": ["national", "national", None, None],
        }
    )
    relations = pd.DataFrame(
        {
            "relation_id": ["R003", "R001", "R002", "R004"],
            "case_id": ["T6-25", "T6-24", "T6-24", "T6-26"],
            "trend": [6, 6, 6, 6],
            "source": ["usa_doe", "usa_doe", "usa_doe", "companies"],
            "target": ["companies", "companies", "agencies", "gbr_fca"],
            "relation_type": ["supports", "funds", "funds", "partners"],
            "directed": [True, True, True, False],
            "within": [False, False, True, False],
            "phrase": ["获得美国能源部支持", "能源部资助企业", "能源部向各机构拨款", "与企业合作"],
            "phrase_en": ["support", "funds companies", "funds agencies", "partners with companies"],
            "line": [3365, 3340, 3341, 3380],
            "crosses": ["government_business", "government_business", None, "cross_border;government_business"],
        }
    )
    cases = pd.DataFrame(
        {
            "case_id": ["T6-24", "T6-25", "T6-26"],
            "country": ["USA", "USA", "GBR"],
            "level": ["national", "national", "national"],
        }
    )
    return actors, relations, cases


@pytest.fixture
def tg():
    return network.ties(*tie_tables())


def test_ties_are_one_edge_per_relation_keyed_by_its_id(tg):
    assert sorted(tg.edges(keys=True)) == [
        ("companies@T6-26", "gbr_fca", "R004"),
        ("usa_doe", "agencies@T6-24", "R002"),
        ("usa_doe", "companies@T6-24", "R001"),
        ("usa_doe", "companies@T6-25", "R003"),
    ]
    assert tg.edges["usa_doe", "agencies@T6-24", "R002"] == {
        "tie": "funds",
        "case_id": "T6-24",
        "trend": 6,
        "line": 3341,
        "phrase": "能源部向各机构拨款",
        "phrase_en": "funds agencies",
        "directed": True,
        "within": True,
    }
    assert tg.edges["companies@T6-26", "gbr_fca", "R004"]["directed"] is False
    assert tg.edges["usa_doe", "companies@T6-24", "R001"]["crosses"] == "government_business"


def test_an_unnamed_group_is_one_node_per_case_with_its_cases_country(tg):
    assert sorted(n for n, d in tg.nodes(data="kind") if d == "group") == [
        "agencies@T6-24",
        "companies@T6-24",
        "companies@T6-25",
        "companies@T6-26",
    ]
    assert tg.nodes["companies@T6-26"]["country"] == "GBR" and tg.nodes["companies@T6-24"]["country"] == "USA"
    assert tg.nodes["companies@T6-25"]["name_en"] == "companies (T6-25)"
    assert tg.nodes["agencies@T6-24"]["level"] == "national"  # a public group takes its case's level
    assert "level" not in tg.nodes["companies@T6-24"]
    assert tg.nodes["usa_doe"]["n_ties"] == 3 and tg.nodes["usa_doe"]["trends"] == "6"
    assert tg.nodes["usa_doe"]["kind"] == "actor"


def test_ties_reject_an_unknown_party():
    actors, relations, cases = tie_tables()
    relations.loc[0, "target"] = "usa_nasa"
    with pytest.raises(ValueError, match="unknown party 'usa_nasa'"):
        network.ties(actors, relations, cases)


def test_ties_do_not_depend_on_row_order(tg):
    actors, relations, cases = tie_tables()
    shuffled = network.ties(actors.iloc[::-1], relations.iloc[[3, 1, 0, 2]], cases.iloc[::-1])
    assert list(shuffled.nodes(data=True)) == list(tg.nodes(data=True))
    assert list(shuffled.edges(keys=True, data=True)) == list(tg.edges(keys=True, data=True))
    assert network.graph_bytes(shuffled) == network.graph_bytes(tg)


def test_tie_subgraph_filters(tg):
    assert sorted(network.tie_subgraph(tg, types="funds").edges(keys=True)) == [
        ("usa_doe", "agencies@T6-24", "R002"),
        ("usa_doe", "companies@T6-24", "R001"),
    ]
    assert [k for *_, k in network.tie_subgraph(tg, within=False, types="funds").edges(keys=True)] == ["R001"]
    assert [k for *_, k in network.tie_subgraph(tg, crosses="cross_border").edges(keys=True)] == ["R004"]
    assert sorted(network.tie_subgraph(tg, sector="private", types=["supports", "partners"]).nodes) == [
        "companies@T6-25",
        "companies@T6-26",
        "gbr_fca",
        "usa_doe",
    ]
    assert network.tie_subgraph(tg, trend=5).number_of_edges() == 0
    h = network.tie_subgraph(tg, types="supports")
    assert h.nodes["usa_doe"]["n_ties"] == 1 and tg.nodes["usa_doe"]["n_ties"] == 3  # the input is untouched
    with pytest.raises(ValueError, match="unknown tie type finances; use delegates, regulates"):
        network.tie_subgraph(tg, types="finances")


def test_tie_projection_is_one_weighted_edge_per_pair(tg):
    actors, relations, cases = tie_tables()
    same_pair = pd.concat([relations, relations.iloc[[1]].assign(relation_id="R005", relation_type="supports")])
    p = network.tie_projection(network.ties(actors, same_pair, cases))
    assert p.edges["usa_doe", "companies@T6-24"] == {"weight": 2, "ties": "funds×1;supports×1", "cases": "T6-24"}
    assert p.number_of_edges() == 4 and not p.is_directed()
    assert "n_ties" not in p.nodes["usa_doe"]
    loop = pd.concat([relations, relations.iloc[[3]].assign(relation_id="R006", target="companies")])
    assert network.tie_projection(network.ties(actors, loop, cases)).number_of_edges() == 4  # no self-tie


def test_pooled_by_kind_sums_ties_between_kinds_of_party(tg):
    h = network.pooled_by_kind(tg)
    assert sorted(h.edges(keys=True, data="weight")) == [
        ("companies", "government_agency", "partners", 1),
        ("government_agency", "agencies", "funds", 1),
        ("government_agency", "companies", "funds", 1),
        ("government_agency", "companies", "supports", 1),
    ]
    assert h.edges["government_agency", "agencies", "funds"]["within"] == 1
    assert h.edges["government_agency", "companies", "supports"]["cases"] == "T6-25"
    assert h.nodes["companies"]["sector"] == "private"


def test_centrality_of_the_tie_projection(tg):
    table = network.centrality(network.tie_projection(tg))
    assert list(table.columns) == [
        "actor_id",
        "name_zh",
        "name_en",
        "sector",
        "degree",
        "weighted_degree",
        "betweenness",
    ]
    top = table.iloc[0]
    assert top.actor_id == "usa_doe" and top.degree == 3 and top.weighted_degree == 3.0
    # the 3 pairs of its neighbours, of the (6 - 1)(6 - 2)/2 = 10 pairs of other nodes, have paths through it only
    assert top.betweenness == pytest.approx(3 / 10)
    assert list(table.actor_id[1:]) == [
        "agencies@T6-24",
        "companies@T6-24",
        "companies@T6-25",
        "companies@T6-26",
        "gbr_fca",
    ]


def test_the_published_network_holds_every_relation(published):
    g = network.ties(published.actors, published.relations, published.cases)
    assert sorted(k for *_, k in g.edges(keys=True)) == sorted(published.relations.relation_id)
    groups = {n: d for n, d in g.nodes(data=True) if d["kind"] == "group"}
    for n, d in groups.items():
        assert n == network.group_node(d["group"], d["case_id"])
        assert {e["case_id"] for *_, e in g.edges(n, data=True)} | {
            e["case_id"] for *_, e in g.in_edges(n, data=True)
        } == {d["case_id"]}, n


# ---------------------------------------------------------------- tables and docs


def test_node_and_edge_tables(g):
    nodes = network.node_table(g)
    assert list(nodes["id"]) == list(g.nodes)
    assert str(nodes["year"].dtype) == "Int64"
    edges = network.edge_table(g)
    assert list(edges.columns[:2]) == ["source", "target"]
    assert list(edges["source"]) == ["gbr_fca", "gbr_fca", "gbr_oxford", "usa_cfpb", "usa_cfpb"]
    assert list(edges["target"]) == ["T6-01", "T6-02", "T6-02", "T3-01", "T6-01"]
