"""The standalone explorer page, read as a file: offline by construction, complete, deterministic.

(tests/test_browser.py opens it in Chromium with the network off.)
"""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from trendlib import network
from trendlib.network.explorer import explorer_html, layout
from trendlib.paths import processed_dir


@pytest.fixture(scope="module")
def page() -> str:
    return (processed_dir() / "explorer.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def data(page) -> dict:
    m = re.search(r'<script id="data" type="application/json">(.*?)</script>', page, flags=re.S)
    return json.loads(m.group(1))


def test_the_page_loads_nothing_from_elsewhere(page):
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=", page, flags=re.I), \
        "every script and style must be inline"
    assert "@import" not in page and "url(http" not in page


def test_every_party_and_tie_of_the_network_is_in_the_page(data):
    g = nx.read_graphml(processed_dir() / "ties.graphml")
    assert sorted(n["key"] for n in data["nodes"]) == sorted(g.nodes)
    assert len(data["edges"]) == g.number_of_edges()


def test_europol_can_be_found_in_chinese_and_english_and_lists_its_cases(data):
    europol = [n for n in data["nodes"] if "Europol" in n["attributes"]["name_en"]]
    assert len(europol) == 1 and europol[0]["attributes"]["name_zh"] == "欧洲刑警组织"
    key = europol[0]["key"]
    cases = {e["attributes"]["case"] for e in data["edges"] if key in (e["source"], e["target"])}
    assert "T8-08" in cases and all(c in data["cases"] for c in cases)
    assert all(isinstance(data["cases"][c]["line_start"], int) for c in cases)


def test_every_tie_carries_its_case_phrase_and_line(data):
    for e in data["edges"]:
        a = e["attributes"]
        assert a["case"] and a["phrase"] and a["phrase_en"] and isinstance(a["line"], int), e["key"]


def test_the_page_is_the_same_for_the_same_network():
    import trendlib

    t = trendlib.load()
    g = network.ties(t.actors, t.relations)
    cases = {r.case_id: {"title_en": r.title_en, "title_zh": r.title_zh, "trend": int(r.trend),
                         "line_start": int(r.line_start), "line_end": int(r.line_end)} for r in t.cases.itertuples()}
    assert explorer_html(g, cases) == explorer_html(g, cases)
    pos = layout(g)
    assert all(-100.01 <= x <= 100.01 and -140 <= y <= 100.01 for x, y in pos.values())
