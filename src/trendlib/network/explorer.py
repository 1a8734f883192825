"""The standalone explorer: one HTML file that shows the network of stated ties, offline.

sigma.js (the renderer behind Gephi Lite and médialab's ipysigma) and
graphology are vendored in ``static/`` (MIT, see their licences) and inlined,
so the page makes no request to any server: open it from disk. It colours
parties by sector, sizes them by their number of ties, lets a reader filter
the ties by type, find a party by its Chinese or English name, and click a
party to list its cases and ties with their phrases and raw lines; hovering a
tie shows its case, its phrase and the line it is printed on.

Positions come from a seeded layout (ForceAtlas2, as in Gephi), so the page is
byte-identical for the same tables.

>>> "<script>" in explorer_html(__import__("networkx").MultiDiGraph(), {})
True
"""

from __future__ import annotations

import html
import json
from importlib import resources

import networkx as nx

from .. import vocab
from ..palettes import SECTOR_COLORS, TIE_COLORS
from ._util import _node_key, _sorted_edges

__all__ = ["explorer_html", "layout", "script_json"]


def _static(name: str) -> str:
    return resources.files("trendlib.network").joinpath("static", name).read_text(encoding="utf-8")


def layout(g: nx.MultiDiGraph, seed: int = 0) -> dict[str, tuple[float, float]]:
    """Seeded positions of the parties, rounded so that pages and figures are byte-identical.

    With each unnamed group one node per case, the network falls apart into many small connected groups of
    parties. Each is laid out on its own (networkx's spring layout, seeded), given room in proportion to its
    size, and the groups are packed in rows, largest first, into the square −100…100: no group is squeezed
    into a corner of another.

    Returns
    -------
    dict
        node → (x, y).

    Examples
    --------
    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("x", "y")])
    >>> sorted(layout(g)) == ["a", "b", "c", "x", "y"] and layout(g) == layout(g)
    True
    """
    simple = nx.Graph()
    simple.add_nodes_from(sorted(g.nodes, key=lambda n: _node_key(g, n)))
    simple.add_edges_from((u, v) for u, v, *_ in _sorted_edges(g) if u != v)
    if not simple:
        return {}
    groups = sorted((sorted(c, key=str) for c in nx.connected_components(simple)), key=lambda c: (-len(c), str(c[0])))
    boxes = []
    for nodes in groups:
        h = nx.Graph()
        h.add_nodes_from(nodes)
        h.add_edges_from(sorted((tuple(sorted((u, v), key=str)) for u, v in simple.edges(nodes)), key=str))
        if len(nodes) == 1:
            local = {nodes[0]: (0.0, 0.0)}
        elif len(nodes) == 2:
            local = {nodes[0]: (-0.5, 0.0), nodes[1]: (0.5, 0.0)}
        else:
            local = {n: (float(x), float(y)) for n, (x, y) in nx.spring_layout(h, seed=seed).items()}
        xs, ys = [p[0] for p in local.values()], [p[1] for p in local.values()]
        cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        r = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
        side = len(nodes) ** 0.5  # room in proportion to the group's size
        boxes.append(({n: ((x - cx) / r * side / 2, (y - cy) / r * side / 2) for n, (x, y) in local.items()}, side))
    width = max(sum(side ** 2 for _, side in boxes) ** 0.5 * 1.3, boxes[0][1])
    pos, x, y, row = {}, 0.0, 0.0, 0.0
    for local, side in boxes:
        cell = side + 0.6  # a margin between groups
        if x and x + cell > width:
            x, y, row = 0.0, y - row, 0.0
        for n, (px, py) in local.items():
            pos[n] = (x + cell / 2 + px, y - cell / 2 + py)
        x, row = x + cell, max(row, cell)
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    r = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    return {n: (round((px - cx) / r * 100, 2), round((py - cy) / r * 100, 2)) for n, (px, py) in pos.items()}


#: Characters that could end or open markup inside a <script> element, as JSON escapes (JSON reads them back
#: as the same characters): ``</script>``, ``<!--`` and ``&`` in a curated name cannot break the page.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                              "\u2029": "\\u2029"})


def script_json(data) -> str:
    """``data`` as JSON that is safe to embed in an HTML ``<script>`` element, byte-stable.

    >>> script_json({"name_en": "<!--<script>&"})
    '{"name_en":"\\\\u003c!--\\\\u003cscript\\\\u003e\\\\u0026"}'
    >>> json.loads(script_json({"a": "</script>"}))["a"]
    '</script>'
    """
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).translate(_SCRIPT_SAFE)


def explorer_html(g: nx.MultiDiGraph, cases: dict[str, dict], *, title: str = "trendlib — stated ties") -> str:
    """The explorer page for the network of ties ``g`` (:func:`trendlib.network.ties`).

    ``cases`` maps case id → {title_en, title_zh, trend, line_start, line_end} for the citations.
    """
    pos = layout(g)
    degree = {n: g.degree(n) for n in g}
    nodes = []
    for n in sorted(g.nodes, key=lambda n: _node_key(g, n)):
        d = g.nodes[n]
        x, y = pos.get(n, (0.0, 0.0))
        nodes.append({"key": n, "attributes": {
            "x": x, "y": y, "size": round(3 + 2.2 * degree[n] ** 0.5, 2),
            "color": SECTOR_COLORS.get(d.get("sector"), "#999999"),
            "label": f"{d.get('name_en', n)} · {d.get('name_zh', '')}",
            "name_en": d.get("name_en", n), "name_zh": d.get("name_zh", ""), "sector": d.get("sector", ""),
            "kind": d.get("kind", ""), "ties": degree[n]}})
    edges = []
    for u, v, k, d in _sorted_edges(g):
        edges.append({"key": k, "source": u, "target": v, "attributes": {
            "tie": d.get("tie", ""), "color": TIE_COLORS.get(d.get("tie"), "#999999"), "size": 1.5,
            "type": "arrow" if d.get("directed", True) else "line",
            "case": d.get("case_id", ""), "phrase": d.get("phrase", ""), "phrase_en": d.get("phrase_en", ""),
            "line": d.get("line"), "crosses": d.get("crosses", "")}})
    data = {"nodes": nodes, "edges": edges,
            "cases": {cid: cases[cid] for cid in sorted({e["attributes"]["case"] for e in edges}) if cid in cases},
            "types": [{"key": t, "en": term.en, "zh": term.zh, "color": TIE_COLORS[t]}
                      for t, term in vocab.RELATION_TYPES.terms.items()],
            "sectors": [{"key": s, "en": term.en, "zh": term.zh, "color": SECTOR_COLORS[s]}
                        for s, term in vocab.SECTORS.terms.items()]}
    payload = script_json(data)
    return _PAGE.format(title=html.escape(title), graphology=_static("graphology-0.25.4.umd.min.js"),
                        sigma=_static("sigma-3.0.3.min.js"), data=payload, script=_SCRIPT)


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body {{ margin: 0; font-family: "Noto Sans CJK SC", "Noto Sans SC", "DejaVu Sans", sans-serif; display: flex;
       height: 100vh; color: #222; }}
#side {{ width: 360px; padding: 12px; overflow-y: auto; border-right: 1px solid #ddd; box-sizing: border-box; }}
#graph {{ flex: 1; position: relative; }}
h1 {{ font-size: 17px; margin: 0 0 6px; }}
p.hint {{ font-size: 12px; color: #555; margin: 4px 0 10px; }}
input[type=search] {{ width: 100%; font-size: 14px; padding: 5px; box-sizing: border-box; }}
#matches div, #types label, #legend div {{ font-size: 13px; margin: 2px 0; cursor: pointer; }}
#types label {{ display: block; }}
.swatch {{ display: inline-block; width: 10px; height: 10px; border-radius: 5px; margin-right: 5px; }}
#info {{ font-size: 13px; margin-top: 10px; }}
#info li {{ margin-bottom: 6px; }}
#hover {{ position: absolute; left: 10px; bottom: 10px; right: 10px; background: rgba(255,255,255,0.95);
          font-size: 13px; padding: 6px; border: 1px solid #ddd; display: none; }}
.cite {{ color: #555; font-size: 12px; }}
</style>
</head>
<body>
<div id="side">
<h1>Who does what with whom · 谁与谁合作</h1>
<p class="hint">The ties the report states between parties (named actors and stakeholder groups) of its
cases, from trendlib's relations.csv. Colour: sector; size: number of ties. Works offline, from disk.</p>
<input id="search" type="search" placeholder="Find a party · 搜索 (English or 中文)" aria-label="Find a party">
<div id="matches"></div>
<h2 style="font-size:14px">Tie types · 关系类型</h2>
<div id="types"></div>
<div id="legend"></div>
<div id="info"></div>
</div>
<div id="graph"><div id="hover"></div></div>
<script>{graphology}</script>
<script>{sigma}</script>
<script id="data" type="application/json">{data}</script>
<script>{script}</script>
</body>
</html>
"""

_SCRIPT = r"""
const DATA = JSON.parse(document.getElementById("data").textContent);
const graph = new graphology.MultiDirectedGraph();
graph.import({nodes: DATA.nodes, edges: DATA.edges});
const shown = new Set(DATA.types.map(t => t.key));
let selected = null;
const renderer = new Sigma(graph, document.getElementById("graph"), {
  enableEdgeEvents: true, renderEdgeLabels: false, labelRenderedSizeThreshold: 7,
  edgeReducer: (edge, attrs) => shown.has(attrs.tie) ? attrs : Object.assign({}, attrs, {hidden: true}),
  nodeReducer: (node, attrs) => (selected && node !== selected && !graph.areNeighbors(node, selected))
    ? Object.assign({}, attrs, {color: "#e4e4e4", label: ""}) : attrs,
});
const esc = s => String(s == null ? "" : s).replace(/[&<>"]/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]));
const typeName = key => { const t = DATA.types.find(t => t.key === key); return t ? t.en + " · " + t.zh : key; };
function cite(caseId, line) {
  const c = DATA.cases[caseId] || {};
  return `${esc(caseId)} ${esc(c.title_en || "")} · ${esc(c.title_zh || "")} — raw line ${esc(line)}`;
}
function showParty(node) {
  selected = node;
  const a = graph.getNodeAttributes(node);
  const items = [];
  graph.forEachEdge(node, (edge, e, source, target) => {
    if (!shown.has(e.tie)) return;
    const other = source === node ? target : source;
    const o = graph.getNodeAttributes(other);
    const arrow = e.type === "arrow" ? (source === node ? "→" : "←") : "—";
    items.push(`<li><b>${esc(typeName(e.tie))}</b> ${arrow} ${esc(o.name_en)} · ${esc(o.name_zh)}<br>
      “${esc(e.phrase)}” (${esc(e.phrase_en)})<br><span class="cite">${cite(e.case, e.line)}</span></li>`);
  });
  const cases = new Set();
  graph.forEachEdge(node, (edge, e) => cases.add(e.case));
  document.getElementById("info").innerHTML = `<h2 style="font-size:15px">${esc(a.name_en)} · ${esc(a.name_zh)}</h2>
    <div>${esc(a.sector)} · ${a.ties} ties · cases: ${[...cases].sort().map(esc).join(", ")}</div>
    <ol id="ties">${items.join("")}</ol>`;
  renderer.refresh();
}
renderer.on("clickNode", ({node}) => showParty(node));
renderer.on("clickStage", () => { selected = null; document.getElementById("info").innerHTML = ""; renderer.refresh(); });
const hover = document.getElementById("hover");
renderer.on("enterEdge", ({edge}) => {
  const e = graph.getEdgeAttributes(edge);
  hover.innerHTML = `<b>${esc(typeName(e.tie))}</b>: ${esc(graph.getNodeAttribute(graph.source(edge), "name_en"))}
    ${e.type === "arrow" ? "→" : "—"} ${esc(graph.getNodeAttribute(graph.target(edge), "name_en"))}<br>
    “${esc(e.phrase)}” (${esc(e.phrase_en)})<br><span class="cite">${cite(e.case, e.line)}</span>`;
  hover.style.display = "block";
});
renderer.on("leaveEdge", () => { hover.style.display = "none"; });
const types = document.getElementById("types");
for (const t of DATA.types) {
  const n = DATA.edges.filter(e => e.attributes.tie === t.key).length;
  const label = document.createElement("label");
  label.innerHTML = `<input type="checkbox" checked data-type="${esc(t.key)}"> <span class="swatch" style="background:${t.color}"></span>${esc(t.en)} · ${esc(t.zh)} (${n})`;
  label.querySelector("input").addEventListener("change", ev => {
    if (ev.target.checked) shown.add(t.key); else shown.delete(t.key);
    if (selected) showParty(selected); else renderer.refresh();
  });
  types.appendChild(label);
}
document.getElementById("legend").innerHTML = "<h2 style='font-size:14px'>Sectors · 部门</h2>" + DATA.sectors.map(
  s => `<div><span class="swatch" style="background:${s.color}"></span>${esc(s.en)} · ${esc(s.zh)}</div>`).join("");
const search = document.getElementById("search"), matches = document.getElementById("matches");
search.addEventListener("input", () => {
  const q = search.value.trim().toLowerCase();
  matches.innerHTML = "";
  if (!q) return;
  graph.forEachNode((node, a) => {
    if (a.name_en.toLowerCase().includes(q) || a.name_zh.includes(q) || node.includes(q)) {
      const div = document.createElement("div");
      div.className = "match";
      div.textContent = `${a.name_en} · ${a.name_zh}`;
      div.addEventListener("click", () => showParty(node));
      matches.appendChild(div);
    }
  });
});
window.trendlibExplorer = {graph, renderer, showParty};
"""
