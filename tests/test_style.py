"""Tests for trendlib.analysis.style: Chinese renders with the bundled font, cleanly."""

from __future__ import annotations

import io
import logging
import os
import re
import subprocess
import sys
import unicodedata
import warnings
from pathlib import Path

import matplotlib
import matplotlib.colors
import numpy as np
import pytest
from matplotlib import font_manager, ft2font
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from trendlib.analysis import style

REPORT = Path(__file__).resolve().parents[1] / "data" / "raw" / "government-trends-2023-zh.txt"
FONT_DIR = Path(style.__file__).resolve().parents[1] / "fonts"
GLYPH_PROBLEM = re.compile(r"Glyph|missing from font", re.IGNORECASE)


@pytest.fixture
def report_style():
    """Apply the report style; restore rcParams afterwards."""
    with matplotlib.rc_context():
        style.use_report_style()
        yield


def _render(text: str, fontsize: float = 40) -> np.ndarray:
    """Draw *text* alone on a small Agg canvas; return the grey-level pixels."""
    fig = Figure(figsize=(2, 1), dpi=100)
    FigureCanvasAgg(fig)
    fig.text(0.5, 0.5, text, fontsize=fontsize, ha="center", va="center")
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())[..., :3].mean(axis=2)


def test_font_and_licence_are_shipped():
    assert style.FONT_FILE.parent == FONT_DIR
    assert style.FONT_FILE.is_file()
    assert style.FONT_FILE.stat().st_size < 4 * 1024 * 1024
    ofl = (FONT_DIR / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in ofl
    assert "Adobe" in ofl
    assert (FONT_DIR / "README.md").is_file()


def test_font_family_name_is_what_matplotlib_sees():
    font = ft2font.FT2Font(os.fspath(style.FONT_FILE))
    assert font.family_name == style.CJK_FAMILY == "Trendlib Sans SC"
    assert font_manager.ttfFontProperty(font).name == style.CJK_FAMILY


def test_font_covers_report_and_gb2312():
    charmap = ft2font.FT2Font(os.fspath(style.FONT_FILE)).get_charmap()
    text = REPORT.read_text(encoding="utf-8")
    report = {ch for ch in text if unicodedata.category(ch) != "Cc"}
    missing = sorted(ch for ch in report if ord(ch) not in charmap)
    assert not missing, f"report characters without a glyph: {missing}"
    hanzi = []
    for hi in range(0xB0, 0xF8):  # GB2312 rows 16-87: the hanzi
        for lo in range(0xA1, 0xFF):
            try:
                hanzi.append(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:  # row 55 ends early
                pass
    assert len(hanzi) == 6763
    assert all(ord(ch) in charmap for ch in hanzi)
    for ch in "，。、；：？！“”（）《》【】—…·０１ＡＢ":
        assert ord(ch) in charmap, ch


def test_import_has_no_side_effects():
    code = (
        "import matplotlib as mpl\n"
        "from matplotlib import font_manager as fm\n"
        "before = (list(mpl.rcParams['font.family']), len(fm.fontManager.ttflist))\n"
        "import trendlib.analysis.style\n"
        "after = (list(mpl.rcParams['font.family']), len(fm.fontManager.ttflist))\n"
        "assert before == after, (before, after)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_registration_is_idempotent(report_style):
    style.use_report_style()
    style.use_report_style()
    entries = [f for f in font_manager.fontManager.ttflist if os.path.realpath(f.fname) == os.fspath(style.FONT_FILE)]
    assert len(entries) == 1
    assert style.use_report_style() is None


def test_rcparams(report_style):
    rc = matplotlib.rcParams
    assert rc["font.family"] == ["DejaVu Sans", style.CJK_FAMILY]
    assert rc["axes.unicode_minus"] is False
    assert rc["svg.hashsalt"] == "trendlib"


def test_findfont_resolves_bundled_file(report_style):
    path = font_manager.findfont(font_manager.FontProperties(family=style.CJK_FAMILY), fallback_to_default=False)
    assert os.path.samefile(path, style.FONT_FILE)
    # Latin still comes from DejaVu Sans, first in the fallback list.
    latin = font_manager.findfont(font_manager.FontProperties(family="DejaVu Sans"), fallback_to_default=False)
    assert Path(latin).name == "DejaVuSans.ttf"


def test_chinese_figure_renders_without_glyph_warnings(report_style, caplog, capfd):
    fig = Figure()
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.bar(range(3), [3, -1, 2], color=list(style.SECTOR_COLORS.values())[:3])
    ax.set_xticks(range(3), ["美国消费者金融保护局", "缩小数据共享缺口", "数据 data 2023"])
    ax.set_title("缩小数据共享缺口：政府、企业与社会组织")
    ax.set_xlabel("机构（organisation）")
    ax.set_ylabel("提及次数 mentions")
    fig.suptitle("Government Trends 2023 政府趋势")
    buf = io.BytesIO()
    with caplog.at_level(logging.DEBUG, logger="matplotlib"), warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(buf, format="png")
        fig.savefig(io.BytesIO(), format="svg")
        fig.savefig(io.BytesIO(), format="pdf")
    assert buf.getvalue().startswith(b"\x89PNG")
    out, err = capfd.readouterr()
    assert not GLYPH_PROBLEM.search(err), err
    assert not GLYPH_PROBLEM.search(out), out
    problems = [
        r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING or GLYPH_PROBLEM.search(r.getMessage())
    ]
    assert not problems, problems


def test_cjk_glyphs_actually_render(report_style):
    zheng, fu = _render("政"), _render("府")
    # Without the CJK font both characters become the same .notdef box.
    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the missing-glyph warning is the point here
        tofu = _render("政")
        assert np.array_equal(tofu, _render("府"))
    for img in (zheng, fu):
        assert (img < 128).sum() > 100  # real ink
        assert not np.array_equal(img, tofu)
    assert not np.array_equal(zheng, fu)  # distinct glyphs, not a repeated box


def test_sector_colors():
    assert set(style.SECTOR_COLORS) == {
        "government",
        "private",
        "nonprofit",
        "academia",
        "community",
        "international",
    }
    values = list(style.SECTOR_COLORS.values())
    assert len(set(values)) == len(values)
    assert all(re.fullmatch(r"#[0-9A-F]{6}", v) for v in values)
    assert all(matplotlib.colors.is_color_like(v) for v in values)
