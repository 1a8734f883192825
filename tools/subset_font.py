#!/usr/bin/env python3
"""Build the CJK font subset that trendlib ships in ``src/trendlib/fonts/``.

Maintainer tool -- it is NOT run at build or install time.  The generated
font file is committed to the repository and packaged as package data; run
this script only to regenerate it (e.g. after the report text changes).

What it does
------------
1. Obtains Debian's ``fonts-noto-cjk`` package (bookworm,
   ``1:20220127+repack1-1``, Noto Sans CJK 2.004) *without installing it*:
   ``apt-get download fonts-noto-cjk`` + ``dpkg-deb -x`` into a temporary
   directory.  Alternatively pass ``--deb`` (an already downloaded .deb) or
   ``--ttc`` (an already extracted ``NotoSansCJK-Regular.ttc``).
2. Picks the Simplified Chinese face ("Noto Sans CJK SC", looked up by name,
   index 2 in that TTC) from ``NotoSansCJK-Regular.ttc``.
3. Subsets it with fontTools to:

   * every character of ``data/raw/government-trends-2023-zh.txt``
     (control characters excluded),
   * all of GB2312 (the 6763 hanzi plus its 682 symbols), so that labels
     typed in notebooks also render,
   * ASCII (U+0020-007E) and Latin-1 (U+00A0-00FF),
   * General Punctuation (U+2000-206F),
   * CJK Symbols and Punctuation (U+3000-303F),
   * Halfwidth and Fullwidth Forms (U+FF00-FFEF),

   keeping only code points the source face actually maps, and dropping the
   'locl' and vertical-writing layout features (see ``DROPPED_FEATURES``).
4. Renames the family to ``Trendlib Sans SC`` (PostScript name
   ``TrendlibSansSC-Regular``).  The SIL OFL 1.1 Reserved Font Name of Noto
   Sans CJK is only "Source", so this is not a licence requirement; it is
   done so that matplotlib never confuses the bundled subset with a
   system-wide "Noto Sans CJK SC" (matplotlib indexes every TTC face and,
   on equal score, picks whichever font it listed first), and because the
   subset lacks most glyphs of the original.  Copyright, trademark,
   designer and licence name records are kept.
5. Writes ``src/trendlib/fonts/TrendlibSansSC-Regular.otf`` (CFF outlines).
   The head timestamp of the source is kept, so the output is byte-for-byte
   reproducible from the same inputs.

Requirements
------------
* ``fonttools`` (already a dependency of matplotlib; ``pip install fonttools``
  otherwise).  No other Python packages.
* For the default download mode: a Debian/Ubuntu system with ``apt-get``
  (after ``apt-get update``) and ``dpkg-deb``.  No root needed for
  ``apt-get download``.

Usage
-----
    python tools/subset_font.py                   # download the .deb via apt
    python tools/subset_font.py --deb fonts-noto-cjk_*.deb
    python tools/subset_font.py --ttc /path/to/NotoSansCJK-Regular.ttc

The licence text ``src/trendlib/fonts/OFL.txt`` and ``README.md`` next to the
font are maintained by hand (see README.md there).
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import os
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "data" / "raw" / "government-trends-2023-zh.txt"
OUT = ROOT / "src" / "trendlib" / "fonts" / "TrendlibSansSC-Regular.otf"

DEB_PACKAGE = "fonts-noto-cjk"
EXPECTED_DEB_VERSION = "1:20220127+repack1-1"  # Debian 12 "bookworm"
TTC_IN_DEB = "usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
SOURCE_FAMILY = "Noto Sans CJK SC"

FAMILY = "Trendlib Sans SC"
SUBFAMILY = "Regular"
PS_NAME = "TrendlibSansSC-Regular"

DROPPED_FEATURES = {"locl", "vert", "vrt2", "vkna", "valt", "vpal", "vkrn", "vhal", "vchw", "vjmo"}

RANGES = [
    (0x0020, 0x007E),  # ASCII printable
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]


def gb2312_chars() -> set[str]:
    """Every character encodable in GB2312 (EUC-CN double-byte area)."""
    chars = set()
    for hi in range(0xA1, 0xFF):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def report_chars(path: Path = REPORT) -> set[str]:
    """Characters of the report, without control characters (\\n, \\t)."""
    text = path.read_text(encoding="utf-8")
    return {ch for ch in text if unicodedata.category(ch) != "Cc"}


def wanted_codepoints() -> set[int]:
    cps = {ord(ch) for ch in report_chars() | gb2312_chars()}
    for lo, hi in RANGES:
        cps.update(range(lo, hi + 1))
    return cps


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fetch_ttc(deb: str | None, workdir: Path) -> Path:
    """Return the path of NotoSansCJK-Regular.ttc extracted from the .deb."""
    if deb is None:
        subprocess.run(["apt-get", "download", DEB_PACKAGE], cwd=workdir, check=True)
        debs = glob.glob(str(workdir / f"{DEB_PACKAGE}_*.deb"))
        if len(debs) != 1:
            sys.exit(f"expected one {DEB_PACKAGE} .deb in {workdir}, got {debs}")
        deb = debs[0]
    version = subprocess.run(
        ["dpkg-deb", "--field", deb, "Version"], check=True, capture_output=True, text=True
    ).stdout.strip()
    print(f"source package: {DEB_PACKAGE} {version}  sha256 {sha256(Path(deb))}")
    if version != EXPECTED_DEB_VERSION:
        print(f"WARNING: expected {EXPECTED_DEB_VERSION}; update the fonts README", file=sys.stderr)
    subprocess.run(["dpkg-deb", "-x", deb, str(workdir / "x")], check=True)
    return workdir / "x" / TTC_IN_DEB


def find_face(ttc: Path, family: str = SOURCE_FAMILY) -> int:
    coll = TTCollection(str(ttc), lazy=True)
    for index, font in enumerate(coll.fonts):
        if font["name"].getDebugName(1) == family:
            return index
    sys.exit(f"no face named {family!r} in {ttc}")


def rename(font: TTFont) -> None:
    name = font["name"]
    version = name.getDebugName(5)
    # Drop every (localised) family/full/PostScript/unique-ID record ...
    name.names = [r for r in name.names if r.nameID not in (1, 2, 3, 4, 6, 16, 17, 18, 21, 22)]
    # ... and write the new ones (Windows, US English).
    for name_id, value in (
        (1, FAMILY),
        (2, SUBFAMILY),
        (3, f"{PS_NAME};subset of NotoSansCJKsc-Regular {version}"),
        (4, f"{FAMILY} {SUBFAMILY}"),
        (5, f"{version}; subset for trendlib by tools/subset_font.py"),
        (6, PS_NAME),
    ):
        name.setName(value, name_id, 3, 1, 0x409)
    cff = font["CFF "].cff
    old = cff.fontNames[0]
    cff.fontNames[0] = PS_NAME
    top = cff[PS_NAME]
    if hasattr(top, "FDArray"):
        for fd in top.FDArray:
            if getattr(fd, "FontName", "").startswith(old):
                fd.FontName = PS_NAME + fd.FontName[len(old) :]


def build(ttc: Path, out: Path) -> None:
    index = find_face(ttc)
    print(f"source font: {ttc} (face {index}, sha256 {sha256(ttc)})")
    font = TTFont(str(ttc), fontNumber=index, recalcTimestamp=False)
    available = set(font.getBestCmap())
    wanted = wanted_codepoints()
    missing_report = sorted(ord(c) for c in report_chars() if ord(c) not in available)
    if missing_report:
        sys.exit(f"report characters missing from source font: {[hex(c) for c in missing_report]}")

    options = subset.Options()
    options.name_IDs = ["*"]  # keep copyright, trademark, licence records
    options.name_languages = ["*"]
    options.notdef_outline = True  # a visible .notdef box, not an empty glyph
    options.recalc_timestamp = False  # reproducible bytes
    # Drop 'locl' and the vertical-writing features: their glyph closure
    # pulls in the Japanese/Korean/Traditional variants and vertical forms
    # (13845 instead of ~7800 glyphs, 3.5 MB instead of 1.9 MB).  Without
    # 'locl', HarfBuzz (matplotlib >= 3.11 shapes text with libraqm) always
    # draws the Simplified Chinese forms, whatever the process locale.
    options.layout_features = [f for f in options.layout_features if f not in DROPPED_FEATURES]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(wanted & available))
    subsetter.subset(font)
    rename(font)

    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(out))
    check = TTFont(str(out))
    print(
        f"wrote {out}: {out.stat().st_size} bytes, "
        f"{check['maxp'].numGlyphs} glyphs, {len(check.getBestCmap())} code points, "
        f"family {check['name'].getDebugName(1)!r}, sha256 {sha256(out)}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    src = parser.add_mutually_exclusive_group()
    src.add_argument("--deb", help="an already downloaded fonts-noto-cjk .deb")
    src.add_argument("--ttc", type=Path, help="an extracted NotoSansCJK-Regular.ttc")
    parser.add_argument("--out", type=Path, default=OUT, help=f"output file (default {OUT})")
    args = parser.parse_args(argv)
    if args.ttc is not None:
        build(args.ttc, args.out.resolve())
        return
    with tempfile.TemporaryDirectory(prefix="noto-cjk-") as tmp:
        build(fetch_ttc(os.path.abspath(args.deb) if args.deb else None, Path(tmp)), args.out.resolve())


if __name__ == "__main__":
    main()
