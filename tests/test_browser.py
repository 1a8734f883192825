"""The student's path in a real browser: every notebook run through JupyterLab's own UI, and the standalone
explorer opened from disk with the network off. Chromium (Debian's, at /usr/bin/chromium) is driven by
Playwright for Python.

One JupyterLab server on 127.0.0.1 with a token serves a temporary copy of notebooks/ (nothing is saved
into the checkout), with its own config, settings and workspace folders and the app settings of
binder/overrides.json, as on Binder. Three pages side by side open the notebooks in turn, wait for the
kernel, and choose Run → Run All Cells; each notebook must finish with every cell executed, no error or
stderr output, every stored figure drawn, its interactive network rendered, no text typeset as maths, no
news popup, and no request leaving the server. Screenshots are written next to the test's temporary files (or to
``$TRENDLIB_SCREENSHOTS``) and checked: Chinese characters must be drawn as distinct glyphs, not as the
identical boxes of a missing font.

Without Chromium or Playwright these tests skip and say how to enable them; with
``TRENDLIB_REQUIRE_BROWSER=1`` (set by .ci/run) they fail instead, so CI never passes without them.
Run them alone with ``pytest -m browser tests/test_browser.py`` (``make test`` does, and times them apart).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import networkx as nx
import pytest

from trendlib.paths import processed_dir, project_root

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("TRENDLIB_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ENABLE = (
    "to run them: `apt-get install chromium fonts-noto-cjk` (Debian) and `pip install -e '.[test]'`; "
    "or point TRENDLIB_CHROMIUM at another Chromium"
)
NOTEBOOKS = sorted((project_root() / "notebooks").glob("*.ipynb"))
# Four characters of 欧洲刑警组织 (Europol), and two private-use characters that no font draws: every
# missing glyph is drawn as the same box, so distinct characters that look alike are missing.
WIDGET = "application/vnd.jupyter.widget-view+json"
PROBE = "欧洲刑警"
NO_GLYPH = "\ue000\ue001"


def _unavailable(reason: str):
    if os.environ.get("TRENDLIB_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests required (TRENDLIB_REQUIRE_BROWSER=1) but {reason}; {ENABLE}")
    pytest.skip(f"{reason}; {ENABLE}")


@pytest.fixture(scope="module")
def playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright for Python is not installed")
    if not CHROMIUM.is_file():
        _unavailable(f"no Chromium at {CHROMIUM}")
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def browser(playwright):
    b = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield b
    b.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    d = (
        Path(os.environ["TRENDLIB_SCREENSHOTS"])
        if os.environ.get("TRENDLIB_SCREENSHOTS")
        else tmp_path_factory.mktemp("screenshots")
    )
    d.mkdir(parents=True, exist_ok=True)
    return d


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on 127.0.0.1, token required, serving a throwaway copy of notebooks/."""
    try:
        import jupyterlab  # noqa: F401
    except ImportError:
        _unavailable("JupyterLab is not installed")
    home = tmp_path_factory.mktemp("lab")
    root = home / "notebooks"
    root.mkdir()
    for path in NOTEBOOKS:
        shutil.copy2(path, root / path.name)
    settings = home / "app-settings"
    settings.mkdir()
    shutil.copy2(project_root() / "binder" / "overrides.json", settings / "overrides.json")
    port, token = _free_port(), secrets.token_hex(16)
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    env.update(
        JUPYTER_CONFIG_DIR=str(home / "config"),
        JUPYTER_DATA_DIR=str(home / "data"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        IPYTHONDIR=str(home / "ipython"),
        JUPYTERLAB_SETTINGS_DIR=str(home / "user-settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
        PYTHONHASHSEED="0",
    )
    log = (home / "server.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--allow-root",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root}",
            f"--LabApp.app_settings_dir={settings}",
        ],
        cwd=home,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    pytest.fail(f"JupyterLab did not start; its log:\n{(home / 'server.log').read_text()[-3000:]}")
                time.sleep(0.2)
        yield {"base": base, "token": token, "root": root}
    finally:
        try:  # the server stops its kernels itself
            req = urllib.request.Request(
                f"{base}/api/shutdown", method="POST", headers={"Authorization": f"token {token}"}
            )
            urllib.request.urlopen(req, timeout=5).close()
            server.wait(timeout=20)
        except (OSError, subprocess.TimeoutExpired):
            server.kill()
            server.wait()
        log.close()


def stored_outputs(nb, mime: str) -> int:
    """How many outputs of ``nb`` hold ``mime``."""
    return sum(mime in o.get("data", {}) for c in nb.cells if c.cell_type == "code" for o in c.outputs)


def stored_figures(nb) -> int:
    """How many outputs of ``nb`` are figures JupyterLab draws as images: an HTML image, not a widget's picture
    (JupyterLab draws the widget instead)."""
    return sum(
        "<img" in o.get("data", {}).get("text/html", "") and WIDGET not in o.get("data", {})
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
    )


def glyph_images(page, font: str) -> list[tuple[str, int]]:
    """Each probe character drawn alone at 40 px in ``font``: a digest of its screenshot's pixels, and its
    darkest pixel."""
    from PIL import Image

    page.evaluate(
        """([chars, font]) => {
        const box = document.createElement("div");
        box.id = "glyph-probe";
        box.style.cssText = `position:fixed;top:0;left:0;z-index:99999;background:#fff;color:#000;font:40px ${font}`;
        for (const ch of chars) {
            const s = document.createElement("span");
            // a fixed box on whole pixels: the same glyph then gives the same pixels
            s.textContent = ch; s.style.cssText = "display:inline-block;width:56px;height:56px;line-height:56px;text-align:center;overflow:hidden";
            box.appendChild(s);
        }
        document.body.appendChild(box);
    }""",
        [PROBE + NO_GLYPH, font],
    )
    spans = page.locator("#glyph-probe span")
    images = [Image.open(io.BytesIO(spans.nth(i).screenshot())).convert("L") for i in range(spans.count())]
    page.evaluate("document.getElementById('glyph-probe').remove()")
    return [(hashlib.sha256(im.tobytes()).hexdigest()[:16], im.getextrema()[0]) for im in images]


def assert_chinese_is_drawn(page, font: str, where: str):
    *chars, missing, missing_too = glyph_images(page, font)
    assert missing[0] == missing_too[0], f"{where}: two missing glyphs look different, so this check cannot tell"
    assert all(dark < 128 for _, dark in chars), f"{where}: a Chinese character drew nothing"
    digests = [d for d, _ in chars]
    assert len(set(digests)) == len(digests) and missing[0] not in digests, (
        f"{where}: Chinese characters are drawn as boxes (install fonts-noto-cjk)"
    )


def outside_requests(page, base: str) -> list[str]:
    """Block and record every request that leaves ``base`` (the server, or the file on disk)."""
    seen: list[str] = []

    def abort(route):
        seen.append(route.request.url)
        route.abort()

    # a regular expression is matched in the browser: requests to ``base`` never wait for Python
    page.route(re.compile(f"^(?!{re.escape(base)})"), abort)
    return seen


# The panel of the notebook called `name`, found through its tab: JupyterLab keeps other notebooks of the
# page in the DOM, hidden.
PANEL = """name => {
  const tab = [...document.querySelectorAll(".lm-DockPanel-tabBar .lm-TabBar-tab")]
    .find(t => t.textContent.trim() === name && t.classList.contains("lm-mod-current"));
  return tab ? document.getElementById(tab.dataset.id) : null;
}"""
DONE = f"""name => {{
  const panel = ({PANEL})(name);
  const p = panel ? [...panel.querySelectorAll(".jp-CodeCell .jp-InputPrompt")] : [];
  return p.length > 0 && p.every(e => /^\\[\\d+\\]:$/.test(e.textContent.trim()));
}}"""
RESULT = f"""name => {{
  const panel = ({PANEL})(name);
  const cells = [...panel.querySelectorAll(".jp-Cell")];
  const out = sel => [...panel.querySelectorAll(".jp-OutputArea-output " + sel)];
  const drawn = i => i.complete && i.naturalWidth > 0;
  return {{
    cells: cells.length,
    stderr: [...panel.querySelectorAll('[data-mime-type="application/vnd.jupyter.stderr"]')]
      .map(e => e.textContent.slice(0, 300)),
    figures: out("img").filter(drawn).length,
    broken: out("img").filter(i => !drawn(i)).length,
    no_alt: out("img").filter(i => !(i.getAttribute("alt") || "").trim()).length,
    widgets: out("canvas").length,
    widget_errors: out("*").filter(e => /Error displaying widget|Failed to load model/.test(e.textContent)).length,
    maths: panel.querySelectorAll("mjx-container, .MathJax").length,
    news: /official Jupyter news/.test(document.body.textContent),
  }};
}}"""
# Pages that run notebooks side by side, each in its own browser context: pages of one context share a
# renderer process (one core), and a JupyterLab page costs seconds of script to start, so a few pages that
# each open their notebooks in turn from the file browser beat one page per notebook on 2 cores.
PAGES = 3


def kernels_ready(lab) -> set[str]:
    """Notebooks whose kernel the server has started and reports idle."""
    req = urllib.request.Request(f"{lab['base']}/api/sessions", headers={"Authorization": f"token {lab['token']}"})
    with urllib.request.urlopen(req, timeout=5) as r:
        return {s["path"] for s in json.load(r) if s.get("kernel", {}).get("execution_state") == "idle"}


IDLE = f"name => ({PANEL})(name)?.querySelector('.jp-Notebook-ExecutionIndicator[data-status=idle]') != null"


def run_in_jupyterlab(browser, lab, shots) -> tuple[dict, list]:
    """Run every notebook through JupyterLab's menus: what each page shows by notebook, and the requests
    that would have left the server.

    Each page opens its notebooks in turn (the first from its URL, the others from the file browser), waits
    as a student does until the kernel is up and idle, then chooses Run → Run All Cells. The pages step
    in turn without blocking, so their kernels run side by side.
    """
    base, token = lab["base"], lab["token"]
    contexts = [browser.new_context(viewport={"width": 1280, "height": 900}) for _ in range(PAGES)]
    queues = [NOTEBOOKS[i::PAGES] for i in range(PAGES)]
    pages, outside, results = [], [], {}
    current = [q.pop(0) for q in queues]
    state = ["opening"] * PAGES
    try:
        for i, context in enumerate(contexts):
            page = context.new_page()
            outside.append(outside_requests(page, base))
            # its own workspace, so one page never reopens another's notebooks
            page.goto(f"{base}/lab/workspaces/w{i}/tree/{current[i].name}?token={token}", wait_until="commit")
            pages.append(page)
        deadline = time.monotonic() + 120
        while any(s != "finished" for s in state):
            if time.monotonic() > deadline:
                stuck = [(p, c) for p, c, s in zip(pages, current, state, strict=True) if s != "finished"]
                for page, path in stuck:
                    page.screenshot(path=str(shots / f"stuck-{path.stem}.png"))
                pytest.fail(f"not finished after 2 minutes: {[c.stem for _, c in stuck]} (screenshots in {shots})")
            ready = kernels_ready(lab) if "opening" in state else set()
            for i, page in enumerate(pages):
                path = current[i]
                if state[i] == "opening" and path.name in ready and page.evaluate(IDLE, path.name):
                    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
                    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
                    state[i] = "running"
                elif state[i] == "running" and page.evaluate(DONE, path.name):
                    page.wait_for_timeout(200)  # the last figure decodes
                    results[path.stem] = page.evaluate(RESULT, path.name)
                    page.screenshot(path=str(shots / f"{path.stem}.png"))
                    panel = page.locator(".jp-NotebookPanel:has(.jp-Cell):not(.lm-mod-hidden)")
                    for what, sel in [("figure", "img"), ("network", "canvas")]:
                        out = panel.locator(f".jp-OutputArea-output {sel}")
                        if out.count():
                            out.first.screenshot(path=str(shots / f"{path.stem}-{what}.png"))
                    state[i] = "finished"
                    if queues[i]:
                        current[i] = queues[i].pop(0)
                        page.locator(".jp-DirListing-itemText", has_text=current[i].name).first.dblclick()
                        state[i] = "opening"
            pages[0].wait_for_timeout(100)  # (lets Playwright deliver its events)
        assert_chinese_is_drawn(pages[0], "var(--jp-content-font-family)", "JupyterLab")
    finally:
        for context in contexts:
            context.close()
    return results, [url for urls in outside for url in urls]


def test_every_notebook_runs_in_jupyterlab_and_draws_its_figures(browser, lab, shots):
    before = {p: p.read_bytes() for p in NOTEBOOKS}
    results, outside = run_in_jupyterlab(browser, lab, shots)
    for path in NOTEBOOKS:
        stem, r = path.stem, results[path.stem]
        nb = nbformat.read(path, as_version=4)
        figures = stored_figures(nb)
        assert r["cells"] == len(nb.cells), f"{stem}: JupyterLab shows {r['cells']} of {len(nb.cells)} cells"
        assert r["stderr"] == [], f"{stem}: error or warning output in JupyterLab: {r['stderr']}"
        assert r["broken"] == 0 and r["figures"] == figures, (
            f"{stem}: {r['figures']} figures drawn ({r['broken']} broken), {figures} stored"
        )
        if stored_outputs(nb, "application/vnd.jupyter.widget-view+json"):
            assert r["widgets"] > 0 and r["widget_errors"] == 0, f"{stem}: the interactive network did not render"
        assert r["no_alt"] == 0, f"{stem}: {r['no_alt']} figure(s) without alternative text"
        assert r["maths"] == 0, f"{stem}: text typeset as maths (an unescaped $?)"
        assert not r["news"], f"{stem}: JupyterLab asks about Jupyter news (binder/overrides.json not applied?)"
    assert outside == [], f"JupyterLab asked the network for {outside[:5]}"
    assert {p: p.read_bytes() for p in NOTEBOOKS} == before, "JupyterLab saved into the checkout's notebooks/"


@pytest.fixture(scope="module")
def explorer(browser, shots):
    path = processed_dir() / "explorer.html"
    context = browser.new_context(viewport={"width": 1280, "height": 860}, offline=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    outside = outside_requests(page, path.as_uri())
    page.goto(path.as_uri())
    page.wait_for_function("window.trendlibExplorer && window.trendlibExplorer.renderer")
    yield page, outside, errors
    context.close()


def test_the_explorer_works_from_disk_with_the_network_off(explorer):
    page, outside, errors = explorer
    assert outside == [] and errors == []
    g = nx.read_graphml(processed_dir() / "ties.graphml")
    shown = page.evaluate("""() => {
        const {graph, renderer} = window.trendlibExplorer;
        return graph.nodes().filter(n => { const d = renderer.getNodeDisplayData(n); return d && !d.hidden; });
    }""")
    assert sorted(shown) == sorted(g.nodes), "the explorer does not show every party of ties.graphml"
    assert page.locator("#graph canvas").count() > 0


@pytest.mark.parametrize("query", ["欧洲刑警组织", "Europol"])
def test_the_explorer_finds_europol_and_lists_its_cases_on_click(explorer, shots, query):
    page, outside, errors = explorer
    page.fill("#search", query)
    match = page.locator("#matches .match")
    assert match.count() == 1 and "欧洲刑警组织" in match.first.text_content()
    match.first.click()
    info = page.locator("#info").text_content()
    assert "Europol" in info and "T8-08" in info and re.search(r"raw line \d+", info)
    page.screenshot(path=str(shots / f"explorer-{'zh' if query != 'Europol' else 'en'}.png"))
    assert outside == [] and errors == []


def test_the_explorer_lists_a_partys_cases_when_its_node_is_clicked(explorer):
    page, _, errors = explorer
    page.evaluate("window.trendlibExplorer.clearSelection()")
    assert page.locator("#info").text_content().strip() == ""
    page.wait_for_timeout(400)  # two clicks within sigma's 300 ms are one double-click
    x, y = page.evaluate("""() => {
        const {graph, renderer} = window.trendlibExplorer;
        const node = graph.findNode((n, a) => a.name_zh === "欧洲刑警组织");
        const p = renderer.framedGraphToViewport(renderer.getNodeDisplayData(node));
        const box = document.getElementById("graph").getBoundingClientRect();
        return [box.left + p.x, box.top + p.y];
    }""")
    page.mouse.click(x, y)
    assert "T8-08" in page.locator("#info").text_content()
    assert errors == []


LABELS = """() => window.trendlibExplorer.labelBoxes()"""


def assert_labels_readable(labels, what):
    boxes, width, height = labels["boxes"], labels["width"], labels["height"]
    for b in boxes:
        assert b["x"] >= 0 and b["y"] >= 0 and b["x"] + b["w"] <= width + 0.5 and b["y"] + b["h"] <= height + 0.5, (
            f"{what}: the label {b['text']!r} runs off the canvas ({width}×{height}): {b}"
        )
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (
                a["x"] < b["x"] + b["w"]
                and b["x"] < a["x"] + a["w"]
                and a["y"] < b["y"] + b["h"]
                and b["y"] < a["y"] + a["h"]
            ), f"{what}: labels {a['text']!r} and {b['text']!r} overlap"


def test_the_explorers_opening_view_labels_named_parties_not_groups(explorer, shots):
    page, _, errors = explorer
    page.evaluate("window.trendlibExplorer.clearSelection(true)")
    labels = page.evaluate(LABELS)
    page.screenshot(path=str(shots / "explorer-opening.png"))
    assert_labels_readable(labels, "opening view")
    kinds = page.evaluate(
        """(nodes) => nodes.map(n => window.trendlibExplorer.graph.getNodeAttribute(n, "kind"))""",
        [b["node"] for b in labels["boxes"]],
    )
    assert len(kinds) >= 30 and set(kinds) == {"actor"}, "the opening view labels groups, or too few named parties"
    sizes = page.evaluate("""() => {
        const {graph, renderer} = window.trendlibExplorer;
        const out = {actor: [], group: []};
        graph.forEachNode((n, a) => out[a.kind].push(renderer.getNodeDisplayData(n).size));
        return out;
    }""")
    assert max(sizes["group"]) <= 4 < max(sizes["actor"]), "case-scoped groups are drawn as large as named parties"
    # groups can be filtered out altogether
    page.locator("#show-groups").uncheck()
    hidden = page.evaluate("""() => {
        const {graph, renderer} = window.trendlibExplorer;
        return graph.filterNodes((n, a) => a.kind === "group").every(n => renderer.getNodeDisplayData(n).hidden);
    }""")
    page.screenshot(path=str(shots / "explorer-named-only.png"))
    page.locator("#show-groups").check()
    assert hidden and errors == []


def _select(page, name_en):
    page.evaluate("window.trendlibExplorer.clearSelection()")
    page.fill("#search", name_en)
    page.locator("#matches .match", has_text=name_en).first.click()
    page.wait_for_timeout(100)


@pytest.mark.parametrize(
    "name_en",
    [
        "United States federal government",
        "European Union",
        "Government of the United Kingdom",
        "Mayor's Office of New Urban Mechanics",
    ],
)
def test_a_selected_party_is_centred_labelled_and_its_ties_listed_first(explorer, shots, name_en):
    page, _, errors = explorer
    _select(page, name_en)
    state = page.evaluate(
        """() => {
        const {graph, renderer} = window.trendlibExplorer;
        const node = graph.findNode((n, a) => a.name_en.startsWith(%s));
        const p = renderer.framedGraphToViewport(renderer.getNodeDisplayData(node));
        const incident = new Set(graph.edges(node));
        const colours = {on: [], off: []};
        graph.forEachEdge(e => {
            const d = renderer.getEdgeDisplayData(e);
            if (!d.hidden) colours[incident.has(e) ? "on" : "off"].push(d.color);
        });
        return {node, p, ...renderer.getDimensions(), colours};
    }"""
        % json.dumps(name_en)
    )
    labels = page.evaluate(LABELS)
    page.screenshot(path=str(shots / f"explorer-selected-{state['node']}.png"))
    assert abs(state["p"]["x"] - state["width"] / 2) < 2 and abs(state["p"]["y"] - state["height"] / 2) < 2, (
        f"{name_en} is not centred"
    )
    assert labels["boxes"][0]["node"] == state["node"], f"{name_en} is not labelled"
    assert_labels_readable(labels, name_en)
    assert state["colours"]["on"] and "#ececec" not in state["colours"]["on"], "its ties are not highlighted"
    assert set(state["colours"]["off"]) <= {"#ececec"}, "the other ties are not dimmed"
    # its list of ties is on screen without scrolling
    first = page.locator("#info #ties li").first.bounding_box()
    assert first and first["y"] + first["height"] <= 860, "the list of its ties is below the fold"
    assert errors == []


def test_no_two_labels_overlap_whoever_is_selected(explorer):
    page, _, errors = explorer
    bad = page.evaluate("""() => {
        const {graph, showParty, clearSelection, labelBoxes} = window.trendlibExplorer;
        const faults = [];
        for (const node of graph.nodes()) {
            showParty(node);
            const {boxes, width, height} = labelBoxes();
            if (!boxes.length || boxes[0].node !== node) faults.push([node, "not labelled"]);
            for (const b of boxes) if (b.x < 0 || b.y < 0 || b.x + b.w > width + 0.5 || b.y + b.h > height + 0.5)
                faults.push([node, "off the canvas: " + b.text]);
            for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                const a = boxes[i], b = boxes[j];
                if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)
                    faults.push([node, a.text + " / " + b.text]);
            }
        }
        clearSelection();
        return faults;
    }""")
    assert bad == [] and errors == []


def test_the_explorer_draws_chinese_as_glyphs(explorer):
    page, _, _ = explorer
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert_chinese_is_drawn(page, font, "explorer.html")


def test_the_glyph_check_sees_boxes_where_no_chinese_font_is_installed(playwright, tmp_path):
    """The check above is not vacuous: a Chromium that sees no fonts at all draws boxes, and it says so."""
    (tmp_path / "fonts").mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f'<?xml version="1.0"?><fontconfig><dir>{tmp_path / "fonts"}</dir>'
        f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    bare = playwright.chromium.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, env={**os.environ, "FONTCONFIG_FILE": str(conf)}
    )
    try:
        page = bare.new_page()
        page.set_content("<body></body>")
        with pytest.raises(AssertionError, match="drawn as boxes|drew nothing"):
            assert_chinese_is_drawn(page, "sans-serif", "a Chromium without fonts")
    finally:
        bare.close()
