"""The notebooks as a reader meets them: a question first, limits last, every notebook reachable from 00,
markdown that renders as written, and stored outputs that do not change from run to run.

(nbval re-executes them and compares outputs; tests/test_browser.py runs them in JupyterLab.)
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import nbformat
import pytest

from trendlib import vocab
from trendlib.analysis import evidence
from trendlib.palettes import AMOUNT_COLORS, EVIDENCE_COLORS, SECTOR_COLORS, TIE_COLORS
from trendlib.paths import project_root
from trendlib.patterns import CJK

NOTEBOOKS = project_root() / "notebooks"
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))


def markdown(nb) -> list[str]:
    return [c.source for c in nb.cells if c.cell_type == "markdown"]


def test_the_notebook_folder_holds_only_notebooks():
    assert [p.name for p in NOTEBOOKS.iterdir() if p.suffix != ".ipynb" and not p.name.startswith(".")] == []


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_opens_with_its_question_and_ends_with_what_the_data_cannot_tell(path):
    texts = markdown(nbformat.read(path, as_version=4))
    assert re.search(r"\*\*(The one question|The question|Question)[^*]*\*\*", texts[0]), "first cell: the question"
    headings = re.findall(r"^#+ .*", texts[-1], flags=re.MULTILINE)
    assert headings and headings[-1].startswith("## What the data cannot tell"), "last section: what the data cannot tell"


def test_start_here_points_to_every_notebook():
    text = "\n".join(markdown(nbformat.read(NOTEBOOKS / "00-start-here.ipynb", as_version=4)))
    for path in PATHS[1:]:
        assert f"`{path.stem}`" in text, f"00-start-here does not point to {path.stem}"


def unescaped_dollars(text: str) -> list[str]:
    """Lines of markdown with a `$` that would be read as maths: one outside code and not escaped
    (JupyterLab), or two on one line even inside code spans (renderers that find maths before code)."""
    bad = []
    for line in text.split("\n"):
        prose = re.sub(r"`[^`]*`", "", line)
        if re.search(r"(?<!\\)\$", prose) or len(re.findall(r"(?<!\\)\$", line)) > 1:
            bad.append(line)
    return bad


def test_the_dollar_check_sees_what_a_renderer_would_typeset():
    assert unescaped_dollars("costs C$327.6m and US$1 bn") and not unescaped_dollars(r"costs C\$327.6m, `US$1`")
    assert unescaped_dollars("`US$ printed` and `US$ checked`")


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_markdown_has_no_dollar_sign_that_renders_as_maths(path):
    bad = [line for text in markdown(nbformat.read(path, as_version=4)) for line in unescaped_dollars(text)]
    assert not bad, f"escape $ as \\$ (or put it in backticks): {bad}"


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_stored_outputs_are_steady(path):
    nb = nbformat.read(path, as_version=4)
    assert "widgets" not in nb.metadata, "widget state (random ids) is stored: run tools/run_notebooks.py"
    for i, cell in enumerate(nb.cells):
        assert "execution" not in cell.metadata, f"cell {i} stores timings"
        assert cell.get("id") == f"{path.name[:2]}-{i:02d}", f"cell {i} id is not the steady one"
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get("application/vnd.jupyter.widget-view+json")
            if view:
                assert view["model_id"].startswith(f"{path.name[:2]}-{i:02d}-")
            assert output.get("output_type") != "error", f"cell {i} stores an error"
            assert output.get("name") != "stderr", f"cell {i} stores stderr output: {output.get('text', '')[:200]}"


def test_palettes_cover_their_vocabularies_exactly():
    assert list(SECTOR_COLORS) == list(vocab.SECTORS)
    assert list(TIE_COLORS) == list(vocab.RELATION_TYPES)
    assert list(AMOUNT_COLORS) == list(vocab.AMOUNT_TYPES)
    assert list(EVIDENCE_COLORS) == list(evidence.KINDS)
    for colours in (SECTOR_COLORS, TIE_COLORS, AMOUNT_COLORS, EVIDENCE_COLORS):
        assert len(set(colours.values())) == len(colours)


ENGLISH = re.compile(r"[A-Za-z]{2,}")


class _TableRows(HTMLParser):
    """The text of each cell of each row of the HTML tables that pandas displays."""

    def __init__(self):
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th") and self.rows:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def chinese_without_english(nb) -> list[str]:
    """Places a reader without Chinese would be stuck: a markdown paragraph, a displayed table row or a
    printed output with Chinese in it and no English word beside it (code spans do not count)."""
    stuck = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            for para in re.split(r"\n\s*\n|\n(?=[-*] |#)", cell.source):
                if CJK.search(para) and not ENGLISH.search(re.sub(r"`[^`]*`", "", para)):
                    stuck.append(f"cell {i}: {para[:60]}")
            continue
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/html" in data:
                table = _TableRows()
                table.feed(data["text/html"])
                stuck += [f"cell {i}: row {row[:3]}" for row in table.rows
                          if any(CJK.search(c) for c in row) and not any(ENGLISH.search(c) for c in row)]
            else:
                text = data.get("text/plain") or output.get("text", "")
                if CJK.search(text) and not ENGLISH.search(CJK.sub("", text)):
                    stuck.append(f"cell {i}: {text[:60]}")
    return stuck


def test_the_english_check_finds_chinese_left_alone():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("只有中文。\n\nChinese · 中文")])
    assert chinese_without_english(nb) == ["cell 0: 只有中文。"]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_a_reader_without_chinese_finds_english_beside_every_chinese_passage(path):
    stuck = chinese_without_english(nbformat.read(path, as_version=4))
    assert not stuck, f"Chinese with no English beside it (add the gloss or the English column): {stuck}"
