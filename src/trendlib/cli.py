"""``trendlib build``: parse the report and write ``data/processed/``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .parse.anchors import AnchorError
from .build import DEFAULT_RATE_YEAR, build
from .mentions.actors import GazetteerError
from .reference import ReferenceError
from .parse.report import ReportError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="trendlib", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="parse the report and write every table, graph and the data dictionary")
    b.add_argument("--report", type=Path, help="the report text (default: data/raw/government-trends-2023-zh.txt)")
    b.add_argument("--any-edition", action="store_true",
                   help="parse a report whose SHA-256 differs from the recorded one, on purpose")
    b.add_argument("--out", type=Path, help="output folder (default: data/processed)")
    b.add_argument("--rate-year", type=int, default=DEFAULT_RATE_YEAR,
                   help=f"exchange-rate year for the usd column (default {DEFAULT_RATE_YEAR})")
    args = parser.parse_args(argv)
    try:
        out = build(args.out, report_path=args.report, any_edition=args.any_edition, rate_year=args.rate_year)
    except (ReportError, ReferenceError, AnchorError, GazetteerError, ValueError) as err:
        print(f"trendlib build: error: {err}", file=sys.stderr)
        print("Nothing was written; the previous outputs are unchanged.", file=sys.stderr)
        return 1
    print(f"trendlib build: wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
