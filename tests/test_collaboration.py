"""Tests for trendlib.analysis.collaboration (and trendlib.analysis.figures) on tiny graphs and the published tables."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

import trendlib
from trendlib.analysis import collaboration
from trendlib import network, vocab
from trendlib.analysis.figures import png_bytes, show
from trendlib.analysis.style import use_report_style


@pytest.fixture(scope="module")
def tables():
    return trendlib.load()


@pytest.fixture(scope="module")
def graphs(tables):
    g = network.two_mode(tables.actors, tables.cases, tables.case_actors)
    return g, network.project(g)


def tiny_graph() -> nx.Graph:
    """T8-08 names the FBI, Team Cymru and Europol; T4-08 names SpaceX and a tribe; T1-01 nobody."""
    g = nx.Graph()
    actors = {"fbi": "government", "cymru": "private", "europol": "international",
              "spacex": "private", "hoh": "community"}
    for a, s in actors.items():
        g.add_node(a, kind="actor", sector=s, name_zh=a.upper())
    g.add_node("T8-08", kind="case", trend=8, type="project", country="INT", name_zh="Emotet",
               sectors="government;international;private")
    g.add_node("T4-08", kind="case", trend=4, type="project", country="USA", name_zh="星链",
               sectors="community;government;private")
    g.add_node("T1-01", kind="case", trend=1, type="platform", country="USA", name_zh="平台",
               sectors="government")
    g.add_edges_from([("fbi", "T8-08"), ("cymru", "T8-08"), ("europol", "T8-08"),
                      ("spacex", "T4-08"), ("hoh", "T4-08")])
    return g


def test_sector_lists_and_counts_ignore_order_duplicates_and_blanks():
    cases = pd.DataFrame({"sectors": ["private;government;private", "", None, "community"]})
    assert collaboration.sector_lists(cases).tolist() == [["government", "private"], [], [], ["community"]]
    assert collaboration.sector_count(cases).tolist() == [2, 0, 0, 1]


def test_mixing_summary_always_has_four_rows(tables):
    table = collaboration.mixing_summary(pd.DataFrame({"sectors": ["government"]}))
    assert table.n_cases.tolist() == [0, 1, 0, 0]
    published = collaboration.mixing_summary(tables.cases)
    assert published.n_cases.sum() == len(tables.cases)
    assert abs(published.share.sum() - 1) < 0.01


def test_sector_mixing_is_symmetric_with_sector_counts_on_the_diagonal(tables):
    m = collaboration.sector_mixing(tables.cases)
    assert list(m.index) == list(vocab.SECTORS) == list(m.columns)
    assert (m.to_numpy() == m.to_numpy().T).all()
    lists = collaboration.sector_lists(tables.cases)
    for s in vocab.SECTORS:
        assert m.at[s, s] == sum(s in found for found in lists)
        assert (m.loc[s] <= m.at[s, s]).all()


def test_sector_neighbours_counts_co_actors_by_sector():
    p = network.project(tiny_graph())
    table = collaboration.sector_neighbours(p).set_index("actor_id")
    assert table.loc["fbi", ["degree", "government", "private", "international"]].tolist() == [2, 0, 1, 1]
    assert table.loc["cymru", ["government", "private"]].tolist() == [1, 0]
    assert table.loc["spacex", "cases"] == "T4-08"
    assert table.index.tolist()[:3] == ["cymru", "europol", "fbi"]   # degree 2, then by id


def test_sector_neighbours_on_the_published_projection(graphs):
    _, p = graphs
    table = collaboration.sector_neighbours(p)
    assert len(table) == p.number_of_nodes()
    assert (table[list(vocab.SECTORS)].sum(axis=1) == table.degree).all()
    assert (table.degree == [p.degree(a) for a in table.actor_id]).all()


def test_bridging_cases_tells_named_from_stated_sectors():
    g = tiny_graph()
    table = collaboration.bridging_cases(g, "government", "private")
    assert table.case_id.tolist() == ["T4-08", "T8-08"]
    assert table.set_index("case_id").named_both.to_dict() == {"T4-08": False, "T8-08": True}
    assert table.set_index("case_id").actor_sectors["T4-08"] == "community;private"


def test_bridging_cases_on_the_published_graph(graphs, tables):
    g, _ = graphs
    table = collaboration.bridging_cases(g)
    lists = collaboration.sector_lists(tables.cases)
    expected = sorted(tables.cases.case_id[[{"government", "private"} <= set(x) for x in lists]])
    assert table.case_id.tolist() == expected


def test_community_table_lists_every_actor_once(graphs):
    _, p = graphs
    labels = network.communities(p, seed=0)
    table = collaboration.community_table(p, labels)
    assert table.n_actors.sum() == p.number_of_nodes()
    assert table.community.is_unique
    assert table.n_actors.is_monotonic_decreasing


def test_large_components_order_and_threshold():
    g = nx.Graph([("b", "c"), ("c", "d"), ("x", "y"), ("y", "z"), ("p", "q")])
    g.add_node("lonely")
    assert collaboration.large_components(g, min_size=3) == [["b", "c", "d"], ["x", "y", "z"]]
    assert len(collaboration.large_components(g, min_size=1)) == 4


@pytest.mark.parametrize("n, ncols, span", [(9, 4, 2), (5, 3, 1), (1, 2, 2), (7, 2, 2)])
def test_grid_cells_never_overlap(n, ncols, span):
    cells = collaboration.grid_cells(n, ncols=ncols, first_span=span)
    assert len(cells) == n
    covered = [(r + dr, c + dc) for r, c, s in cells for dr in range(s) for dc in range(s)]
    assert len(covered) == len(set(covered))
    assert all(0 <= c < ncols for _, c in covered)


def test_grid_cells_rejects_a_block_wider_than_the_grid():
    with pytest.raises(ValueError, match="wider"):
        collaboration.grid_cells(3, ncols=2, first_span=3)


def test_component_layout_is_deterministic_and_stays_in_its_cell(graphs):
    _, p = graphs
    comps = collaboration.large_components(p, min_size=3)
    kwargs = {"ncols": 4, "first_span": 2, "seed": 0, "margin": 0.2}
    pos = collaboration.component_layout(p, comps, **kwargs)
    assert pos == collaboration.component_layout(p, comps, **kwargs)
    for group, (row, col, span) in zip(comps, collaboration.grid_cells(len(comps), ncols=4, first_span=2)):
        for n in group:
            x, y = pos[n]
            assert col + 0.2 * span - 1e-9 <= x <= col + 0.8 * span + 1e-9
            assert -row - 0.8 * span - 1e-9 <= y <= -row - 0.2 * span + 1e-9


def test_label_placement_points_away_from_the_group():
    pos = {"hub": (0.0, 0.0), "a": (1.0, 0.0), "b": (0.0, 1.0), "c": (-1.0, 0.0)}
    assert collaboration.label_placement(pos, ["a", "hub"], "a")["ha"] == "left"
    assert collaboration.label_placement(pos, ["c", "hub"], "c")["ha"] == "right"
    assert collaboration.label_placement(pos, ["b", "hub"], "b")["va"] == "bottom"
    alone = collaboration.label_placement(pos, ["hub"], "hub")
    assert alone["xytext"] == (0.0, 9.0) and alone["ha"] == "center"


def test_show_closes_the_figure_outside_a_notebook():
    import matplotlib.pyplot as plt

    use_report_style()

    fig, ax = plt.subplots()
    ax.set_title("缩小数据共享缺口")
    assert png_bytes(fig).startswith(b"\x89PNG")
    show(fig)
    assert not plt.fignum_exists(fig.number)
