"""The standalone explorer: one HTML file that shows the network of stated ties, offline.

sigma.js (the renderer behind Gephi Lite and médialab's ipysigma) and
graphology are vendored in ``static/`` (MIT, see their licences) and inlined,
so the page makes no request to any server: open it from disk. It colours
parties by sector and sizes them by their number of ties; an unnamed group,
one per case, is a small unlabelled dot that a reader can hide. Ties inside one
organisation are off until asked for. A reader filters the ties by type, finds
a party by its Chinese or English name, and clicks it: the party is centred and
labelled, its ties are highlighted and the rest dimmed, and its ties are listed
at the top of the side panel with their phrases and raw lines. The page draws
the labels itself so that no two overlap and none runs off the canvas.

Positions come from a seeded layout, so the page is byte-identical for the same
tables.

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
    width = max(sum(side**2 for _, side in boxes) ** 0.5 * 1.3, boxes[0][1])
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
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


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
        nodes.append(
            {
                "key": n,
                "attributes": {
                    "x": x,
                    "y": y,
                    "size": round(3 + 2.2 * degree[n] ** 0.5, 2),
                    "color": SECTOR_COLORS.get(d.get("sector"), "#999999"),
                    "name_en": d.get("name_en", n),
                    "name_zh": d.get("name_zh", ""),
                    "sector": d.get("sector", ""),
                    "kind": d.get("kind", ""),
                    "ties": degree[n],
                },
            }
        )
    edges = []
    for u, v, k, d in _sorted_edges(g):
        edges.append(
            {
                "key": k,
                "source": u,
                "target": v,
                "attributes": {
                    "tie": d.get("tie", ""),
                    "color": TIE_COLORS.get(d.get("tie"), "#999999"),
                    "size": 1.5,
                    "type": "arrow" if d.get("directed", True) else "line",
                    "case": d.get("case_id", ""),
                    "phrase": d.get("phrase", ""),
                    "phrase_en": d.get("phrase_en", ""),
                    "line": d.get("line"),
                    "crosses": d.get("crosses", ""),
                    "within": bool(d.get("within", False)),
                },
            }
        )
    data = {
        "nodes": nodes,
        "edges": edges,
        "cases": {cid: cases[cid] for cid in sorted({e["attributes"]["case"] for e in edges}) if cid in cases},
        "types": [
            {"key": t, "en": term.en, "zh": term.zh, "color": TIE_COLORS[t]}
            for t, term in vocab.RELATION_TYPES.terms.items()
        ],
        "within": sum(e["attributes"]["within"] for e in edges),
        "sectors": [
            {"key": s, "en": term.en, "zh": term.zh, "color": SECTOR_COLORS[s]}
            for s, term in vocab.SECTORS.terms.items()
        ],
    }
    payload = script_json(data)
    return _PAGE.format(
        title=html.escape(title),
        graphology=_static("graphology-0.25.4.umd.min.js"),
        sigma=_static("sigma-3.0.3.min.js"),
        data=payload,
        script=_SCRIPT,
    )


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body {{ margin: 0; font-family: "Noto Sans CJK SC", "Noto Sans SC", "DejaVu Sans", sans-serif; display: flex;
       height: 100vh; color: #222; }}
#side {{ width: 380px; padding: 10px 12px; overflow-y: auto; border-right: 1px solid #ddd; box-sizing: border-box; }}
#graph {{ flex: 1; position: relative; overflow: hidden; }}
#labels {{ position: absolute; left: 0; top: 0; pointer-events: none; z-index: 5; }}
h1 {{ font-size: 16px; margin: 0 0 6px; }}
h2 {{ font-size: 14px; margin: 12px 0 4px; }}
p.hint {{ font-size: 12px; color: #555; margin: 4px 0 8px; }}
input[type=search] {{ width: 100%; font-size: 14px; padding: 5px; box-sizing: border-box; }}
#matches div, #types label, #legend div, #show label {{ font-size: 13px; margin: 2px 0; cursor: pointer; }}
#types label, #show label {{ display: block; }}
.swatch {{ display: inline-block; width: 10px; height: 10px; border-radius: 5px; margin-right: 5px; }}
#info {{ font-size: 13px; }}
#info:not(:empty) {{ border: 1px solid #ccd; background: #f7f8fc; padding: 6px 8px; margin: 8px 0; }}
#info h2 {{ margin: 0 0 4px; font-size: 15px; }}
#info ol {{ padding-left: 20px; margin: 6px 0 0; }}
#info li {{ margin-bottom: 6px; }}
#hover {{ position: absolute; left: 10px; bottom: 10px; right: 10px; background: rgba(255,255,255,0.95);
          font-size: 13px; padding: 6px; border: 1px solid #ddd; display: none; z-index: 6; }}
.cite {{ color: #555; font-size: 12px; }}
button.clear {{ float: right; font-size: 12px; }}
</style>
</head>
<body>
<div id="side">
<h1>Who does what with whom · 谁与谁合作</h1>
<input id="search" type="search" placeholder="Find a party · 搜索 (English or 中文)" aria-label="Find a party">
<div id="matches"></div>
<div id="info" aria-live="polite"></div>
<p class="hint">The ties the report states between the parties of its cases, from trendlib's relations.csv.
Named actors are labelled; an unnamed stakeholder group (“companies”, “citizens”…) is one small dot per case,
labelled when it is selected or tied to the selected party. Colour: sector; size: number of ties. Click a party
to centre it and list its ties; hover a tie for its phrase. Works offline, from disk.</p>
<div id="show">
<label><input id="show-groups" type="checkbox" checked> Unnamed stakeholder groups, one per case</label>
<label><input id="show-within" type="checkbox"> Ties inside one organisation (<span id="n-within"></span>):
an employer and its staff, a government and its departments</label>
</div>
<h2>Tie types · 关系类型</h2>
<div id="types"></div>
<div id="legend"></div>
</div>
<div id="graph"><canvas id="labels"></canvas><div id="hover"></div></div>
<script>{graphology}</script>
<script>{sigma}</script>
<script id="data" type="application/json">{data}</script>
<script>{script}</script>
</body>
</html>
"""

# Labels are drawn by the page, not by sigma: sigma's label grid may let two labels touch and lets a label
# run off the right edge. Here each label is placed right of its dot, or left of it near the right edge, and
# left out where it would overlap a label already placed: the selected party first, then its partners, then
# the named parties by number of ties. labelBoxes() returns the boxes drawn, for the browser tests.
_SCRIPT = r"""
const DATA = JSON.parse(document.getElementById("data").textContent);
const graph = new graphology.MultiDirectedGraph();
graph.import({nodes: DATA.nodes, edges: DATA.edges});
const shown = new Set(DATA.types.map(t => t.key));
const view = {groups: true, within: false};
let selected = null;
const isGroup = node => graph.getNodeAttribute(node, "kind") === "group";
const edgeShown = (e, attrs) => shown.has(attrs.tie) && (view.within || !attrs.within) &&
  (view.groups || (!isGroup(graph.source(e)) && !isGroup(graph.target(e))));
const touches = (e, node) => graph.source(e) === node || graph.target(e) === node;
const partners = node => new Set(graph.edges(node).filter(e => edgeShown(e, graph.getEdgeAttributes(e)))
  .flatMap(e => [graph.source(e), graph.target(e)]));
let near = new Set();
const renderer = new Sigma(graph, document.getElementById("graph"), {
  enableEdgeEvents: true, renderEdgeLabels: false, renderLabels: false, zIndex: true,
  zoomToSizeRatioFunction: () => 1,  // dots keep their size on screen when a reader zooms in
  edgeReducer: (edge, attrs) => {
    if (!edgeShown(edge, attrs)) return Object.assign({}, attrs, {hidden: true});
    if (!selected) return attrs;
    return touches(edge, selected) ? Object.assign({}, attrs, {size: 3, zIndex: 1})
      : Object.assign({}, attrs, {color: "#ececec", size: 1, zIndex: 0});
  },
  nodeReducer: (node, attrs) => {
    const group = attrs.kind === "group";
    if (group && !view.groups) return Object.assign({}, attrs, {hidden: true});
    const base = group ? Object.assign({}, attrs, {size: Math.min(attrs.size, 4)}) : attrs;
    if (!selected) return base;
    if (node === selected) return Object.assign({}, attrs, {highlighted: true, zIndex: 2});
    return near.has(node) ? Object.assign({}, attrs, {zIndex: 1})
      : Object.assign({}, base, {color: "#e2e2e2", zIndex: 0});
  },
});

// ---- labels: placed, never overlapping, never off the canvas ----
const labelCanvas = document.getElementById("labels");
const ctx = labelCanvas.getContext("2d");
const FONT_PX = 12;
let boxes = [];
const labelText = node => { const a = graph.getNodeAttributes(node); return a.name_zh ? `${a.name_en} · ${a.name_zh}` : a.name_en; };
function labelOrder() {
  const visible = graph.nodes().filter(n => { const d = renderer.getNodeDisplayData(n); return d && !d.hidden; });
  const byTies = (a, b) => graph.getNodeAttribute(b, "ties") - graph.getNodeAttribute(a, "ties") || (a < b ? -1 : 1);
  if (selected) {
    const rest = [...near].filter(n => n !== selected && visible.includes(n)).sort(byTies);
    return [selected, ...rest];
  }
  return visible.filter(n => !isGroup(n)).sort(byTies);
}
const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
function drawLabels() {
  const {width, height} = renderer.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  if (labelCanvas.width !== Math.round(width * ratio) || labelCanvas.height !== Math.round(height * ratio)) {
    labelCanvas.width = Math.round(width * ratio); labelCanvas.height = Math.round(height * ratio);
    labelCanvas.style.width = width + "px"; labelCanvas.style.height = height + "px";
  }
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.font = `${FONT_PX}px ${getComputedStyle(document.body).fontFamily}`;
  ctx.textBaseline = "middle";
  boxes = [];
  // with a selection, no label covers the selected party or a partner (the opening view favours names)
  const discs = [];
  graph.forEachNode(n => {
    const d = renderer.getNodeDisplayData(n);
    if (!selected || !d || d.hidden || (!near.has(n) && n !== selected)) return;
    const p = renderer.framedGraphToViewport(d), r = renderer.scaleSize(d.size);
    discs.push({node: n, x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r});
  });
  for (const node of labelOrder()) {
    const d = renderer.getNodeDisplayData(node);
    const p = renderer.framedGraphToViewport(d), r = renderer.scaleSize(d.size);
    if (p.x < 0 || p.x > width || p.y < 0 || p.y > height) continue;
    let text = labelText(node);
    let w = ctx.measureText(text).width + 6;
    if (node === selected && w > width - 8) {  // the selected party is always labelled: shorten, never clip
      while (text.length > 4 && ctx.measureText(text + "…").width + 6 > width - 8) text = text.slice(0, -1);
      text += "…"; w = ctx.measureText(text).width + 6;
    }
    const h = FONT_PX + 6;
    // right of the dot, left of it, above, below, then the four diagonals
    const spots = [{x: p.x + r + 2, y: p.y - h / 2}, {x: p.x - r - 2 - w, y: p.y - h / 2},
                   {x: p.x - w / 2, y: p.y - r - 2 - h}, {x: p.x - w / 2, y: p.y + r + 2},
                   {x: p.x + r, y: p.y - r - h}, {x: p.x + r, y: p.y + r}, {x: p.x - r - w, y: p.y - r - h},
                   {x: p.x - r - w, y: p.y + r}]
      .map(b => Object.assign(b, {w, h}));
    const inside = b => b.x >= 0 && b.y >= 0 && b.x + b.w <= width && b.y + b.h <= height;
    const free = b => inside(b) && !boxes.some(o => overlaps(o, b)) &&
      !discs.some(o => o.node !== node && overlaps(o, b));
    let box = spots.find(free);
    if (!box && node === selected) {  // clamp it inside, over dots if it must; later labels give way to it
      box = spots.find(b => inside(b)) ||
        Object.assign({}, spots[0], {x: Math.min(Math.max(spots[0].x, 0), width - w), y: Math.min(Math.max(spots[0].y, 0), height - h)});
    }
    if (!box) continue;
    boxes.push(Object.assign({node, text}, box));
    ctx.fillStyle = node === selected ? "rgba(255, 244, 190, 0.95)" : "rgba(255, 255, 255, 0.85)";
    ctx.fillRect(box.x, box.y, box.w, box.h);
    ctx.fillStyle = "#111";
    ctx.fillText(text, box.x + 3, box.y + h / 2);
  }
}
renderer.on("afterRender", drawLabels);

// ---- selection: centre, highlight, list ----
const esc = s => String(s == null ? "" : s).replace(/[&<>"]/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]));
const typeName = key => { const t = DATA.types.find(t => t.key === key); return t ? t.en + " · " + t.zh : key; };
function cite(caseId, line) {
  const c = DATA.cases[caseId] || {};
  return `${esc(caseId)} ${esc(c.title_en || "")} · ${esc(c.title_zh || "")} — raw line ${esc(line)}`;
}
function centre(node) {
  const camera = renderer.getCamera(), d = renderer.getNodeDisplayData(node);
  let reach = 0.02;
  for (const n of near) {
    const o = renderer.getNodeDisplayData(n);
    if (o) reach = Math.max(reach, Math.abs(o.x - d.x), Math.abs(o.y - d.y));
  }
  camera.setState({x: d.x, y: d.y, ratio: Math.min(Math.max(reach * 3, 0.08), 1.2)});
}
function listTies(node) {
  const a = graph.getNodeAttributes(node);
  const items = [], cases = new Set();
  for (const edge of graph.edges(node)) {
    const e = graph.getEdgeAttributes(edge);
    if (!edgeShown(edge, e)) continue;
    const source = graph.source(edge), target = graph.target(edge);
    const other = graph.getNodeAttributes(source === node ? target : source);
    const arrow = e.type === "arrow" ? (source === node ? "→" : "←") : "—";
    cases.add(e.case);
    items.push(`<li><b>${esc(typeName(e.tie))}</b> ${arrow} ${esc(other.name_en)} · ${esc(other.name_zh)}
      ${e.within ? "<i>(inside one organisation)</i>" : ""}<br>“${esc(e.phrase)}” (${esc(e.phrase_en)})<br>
      <span class="cite">${cite(e.case, e.line)}</span></li>`);
  }
  document.getElementById("info").innerHTML = `<button class="clear" type="button">clear</button>
    <h2>${esc(a.name_en)} · ${esc(a.name_zh)}</h2>
    <div>${esc(a.sector)} · ${items.length} ties shown of ${a.ties} · cases: ${[...cases].sort().map(esc).join(", ")}</div>
    <ol id="ties">${items.join("")}</ol>`;
  document.querySelector("#info button.clear").addEventListener("click", () => clearSelection(true));
  document.getElementById("side").scrollTop = 0;
}
function showParty(node) {
  selected = node;
  near = partners(node);
  listTies(node);
  centre(node);
  renderer.refresh();
}
function clearSelection(opening = false) {
  selected = null; near = new Set();
  if (opening) renderer.getCamera().setState({x: 0.5, y: 0.5, ratio: 1, angle: 0});
  document.getElementById("info").innerHTML = "";
  renderer.refresh();
}
renderer.on("clickNode", ({node}) => showParty(node));
renderer.on("clickStage", () => clearSelection());
const hover = document.getElementById("hover");
renderer.on("enterEdge", ({edge}) => {
  const e = graph.getEdgeAttributes(edge);
  hover.innerHTML = `<b>${esc(typeName(e.tie))}</b>: ${esc(graph.getNodeAttribute(graph.source(edge), "name_en"))}
    ${e.type === "arrow" ? "→" : "—"} ${esc(graph.getNodeAttribute(graph.target(edge), "name_en"))}<br>
    “${esc(e.phrase)}” (${esc(e.phrase_en)})<br><span class="cite">${cite(e.case, e.line)}</span>`;
  hover.style.display = "block";
});
renderer.on("leaveEdge", () => { hover.style.display = "none"; });

// ---- filters ----
function refilter() { if (selected) showParty(selected); else renderer.refresh(); }
document.getElementById("n-within").textContent = DATA.within;
document.getElementById("show-groups").addEventListener("change", ev => {
  view.groups = ev.target.checked;
  if (selected && isGroup(selected) && !view.groups) clearSelection(); else refilter();
});
document.getElementById("show-within").addEventListener("change", ev => { view.within = ev.target.checked; refilter(); });
const types = document.getElementById("types");
for (const t of DATA.types) {
  const n = DATA.edges.filter(e => e.attributes.tie === t.key).length;
  const label = document.createElement("label");
  label.innerHTML = `<input type="checkbox" checked data-type="${esc(t.key)}"> ` +
    `<span class="swatch" style="background:${t.color}"></span>${esc(t.en)} · ${esc(t.zh)} (${n})`;
  label.querySelector("input").addEventListener("change", ev => {
    if (ev.target.checked) shown.add(t.key); else shown.delete(t.key);
    refilter();
  });
  types.appendChild(label);
}
document.getElementById("legend").innerHTML = "<h2>Sectors · 部门</h2>" + DATA.sectors.map(
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
drawLabels();
window.trendlibExplorer = {graph, renderer, showParty, clearSelection, view,
  labelBoxes: () => ({boxes: boxes.map(b => Object.assign({}, b)), ...renderer.getDimensions()})};
"""
