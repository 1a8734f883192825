"""The standalone explorer page, read as a file: offline by construction, complete, deterministic.

(tests/test_browser.py opens it in Chromium with the network off.)
"""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from trendlib import build, network, palettes
from trendlib.network.explorer import layout


@pytest.fixture(scope="module")
def page(built) -> str:
    return (built / "explorer.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def data(page) -> dict:
    m = re.search(r'<script id="data" type="application/json">(.*?)</script>', page, flags=re.S)
    return json.loads(m.group(1))


def test_the_page_loads_nothing_from_elsewhere(page):
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=", page, flags=re.I), (
        "every script and style must be inline"
    )
    assert "@import" not in page and "url(http" not in page


def test_every_party_and_tie_of_the_network_is_in_the_page(data, built):
    g = nx.read_graphml(built / "ties.graphml")
    assert sorted(n["key"] for n in data["nodes"]) == sorted(g.nodes)
    assert len(data["edges"]) == g.number_of_edges()


def test_europol_can_be_found_in_chinese_and_english_and_lists_its_cases(data):
    europol = [n for n in data["nodes"] if "Europol" in n["attributes"]["name_en"]]
    assert len(europol) == 1 and europol[0]["attributes"]["name_zh"] == "欧洲刑警组织"
    key = europol[0]["key"]
    cases = {e["attributes"]["case"] for e in data["edges"] if key in (e["source"], e["target"])}
    assert "T8-08" in cases and all(c in data["cases"] for c in cases)
    assert all(isinstance(data["cases"][c]["line_start"], int) for c in cases)


def test_every_tie_carries_its_relations_case_phrase_line_and_colour(data, published):
    """Each edge of the page is its row of relations.csv: the same case, phrase, gloss, line, type, boundaries
    and within, in its type's colour; and every case it names is described with its title and lines."""
    relations = published.relations.set_index("relation_id")
    assert sorted(e["key"] for e in data["edges"]) == sorted(relations.index)
    for e in data["edges"]:
        a, r = e["attributes"], relations.loc[e["key"]]
        assert (a["case"], a["phrase"], a["phrase_en"], a["line"], a["tie"]) == (
            r.case_id,
            r.phrase,
            r.phrase_en,
            r.line,
            r.relation_type,
        ), e["key"]
        assert a["crosses"] == (r.crosses if isinstance(r.crosses, str) else ""), e["key"]
        assert a["within"] == bool(r.within) and a["color"] == palettes.TIE_COLORS[r.relation_type], e["key"]
        case = data["cases"][a["case"]]
        assert case["line_start"] <= a["line"] <= case["line_end"], e["key"]
    titles = published.cases.set_index("case_id").title_en
    assert all(data["cases"][c]["title_en"] == titles[c] for c in data["cases"])


def test_the_page_is_rendered_from_the_published_tables_alone(page, published):
    """The page the build wrote is the one the published tables give (so a reader can rebuild it), and the
    layout keeps every party on the canvas."""
    g = network.ties(published.actors, published.relations, published.cases)
    assert build.explorer({"cases": published.cases}, g) == page
    pos = layout(g)
    assert sorted(pos) == sorted(g.nodes)
    assert all(-100.01 <= x <= 100.01 and -140 <= y <= 100.01 for x, y in pos.values())
