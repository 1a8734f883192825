"""The ``trendlib`` command: ``trendlib build`` parses the report and writes the tables; ``trendlib codebook``
writes the codebook; ``trendlib diff`` compares two builds."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .errors import TrendlibError
from .output import LOCK_WAIT

DESCRIPTION = """\
trendlib turns Deloitte's Government Trends 2023 (Chinese edition) into
traceable tables and a stakeholder network."""
EPILOG = 'Run "trendlib build --help" for the options of build (likewise codebook, diff).'
DIFF_EPILOG = """\
Tables are matched by the primary key their datapackage.json declares; a table
whose key changed is compared as whole rows. Values are compared as the
published text (1.0 and 1 differ). In ties.graphml an edge is a tie, keyed by
its relation id.

exit status:
  0  no differences
  1  differences
  2  trouble: a folder cannot be compared (the message says why and what to do),
     or the command line is wrong

example:
  trendlib diff old-build data/processed --limit 3"""


def _rate_years() -> list[int]:
    """Years with an exchange rate for every currency (empty outside a checkout)."""
    from .mentions.money import complete_rate_years
    from .paths import reference_dir

    try:
        return complete_rate_years(reference_dir() / "exchange_rates.csv")
    except (TrendlibError, OSError):
        return []


def _count(text: str) -> int:
    """A whole number ≥ 0 (argparse type)."""
    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number 0 or more, not {text!r}")
    return n


def _diff(args: argparse.Namespace) -> int:
    """Run ``trendlib diff``: exit status 0 (no differences), 1 (differences) or 2 (trouble)."""
    from .diff import diff_builds, format_json, format_markdown, format_text

    try:
        report = diff_builds(args.old, args.new)
    except TrendlibError as err:  # anything else is a bug, and keeps its traceback
        print(f"trendlib diff: error: {err}", file=sys.stderr)
        return 2
    if args.json:
        text = format_json(report)
    elif args.markdown:
        text = format_markdown(report)
    else:
        text = format_text(report, limit=args.limit)
    sys.stdout.write(text)
    return 1 if report["differs"] else 0


def parser(argv_wants_build: bool = True) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="trendlib", description=DESCRIPTION, epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--version", action="version", version=f"trendlib {__version__}")
    sub = p.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    b = sub.add_parser(
        "build",
        help="parse the report and write every table, graph and the data dictionary (into data/processed/ by default)",
        description="Parse the report and write every table, graph and the data dictionary. "
        "The output folder must be new, empty, or the folder of an earlier build; "
        "only the files the build writes are replaced, all or nothing.",
    )
    b.add_argument(
        "--report", type=Path, metavar="PATH", help="the report text (default: data/raw/government-trends-2023-zh.txt)"
    )
    b.add_argument(
        "--any-edition",
        action="store_true",
        help="parse a report whose SHA-256 differs from the recorded one, on purpose",
    )
    b.add_argument("--out", type=Path, metavar="FOLDER", help="output folder (default: data/processed)")
    b.add_argument(
        "--reference",
        type=Path,
        metavar="FOLDER",
        help="the curated files to build from (default: data/reference), e.g. a working copy",
    )
    b.add_argument(
        "--no-cache",
        action="store_true",
        help="read and check every curated file afresh, without the cache of files checked by "
        "earlier builds (the outputs are the same either way)",
    )
    b.add_argument(
        "--wait",
        type=float,
        default=LOCK_WAIT,
        metavar="SECONDS",
        help=f"how long to wait for another build publishing into the same folder before giving up "
        f"(default {LOCK_WAIT:g})",
    )
    c = sub.add_parser(
        "codebook",
        help="write docs/CODEBOOK.md from the vocabularies and the published tables",
        description="Write docs/CODEBOOK.md (the codebook a coder works from) from trendlib.vocab, "
        "actors.yaml and data/processed/. Run it after trendlib build.",
    )
    c.add_argument("--out", type=Path, metavar="FILE", help="where to write it (default: docs/CODEBOOK.md)")
    d = sub.add_parser(
        "diff",
        help="compare two builds table by table (rows added, removed, changed) and the graph of ties edge by edge",
        description="Compare two output folders of trendlib build: for each table the rows\n"
        "added, removed and changed (which fields, old and new values), tables and\n"
        "columns added or removed, and the ties (edges) and parties (nodes) of\n"
        "ties.graphml. A summary line per table, then examples.",
        epilog=DIFF_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    d.add_argument("old", type=Path, metavar="OLD", help="the earlier build's folder")
    d.add_argument("new", type=Path, metavar="NEW", help="the later build's folder")
    shown = d.add_mutually_exclusive_group()
    shown.add_argument(
        "--json",
        action="store_true",
        help="print the whole report as JSON (every row, sorted keys) instead of the summary",
    )
    shown.add_argument(
        "--markdown", action="store_true", help='print a "Data" section for a changelog (one line per changed table)'
    )
    d.add_argument(
        "--limit",
        type=_count,
        default=10,
        metavar="N",
        help="example rows of each kind (added, removed, changed) shown per table (default 10; "
        "0 for the summary lines only)",
    )
    years = _rate_years() if argv_wants_build else []
    from .build import DEFAULT_RATE_YEAR

    b.add_argument(
        "--rate-year",
        type=int,
        default=DEFAULT_RATE_YEAR,
        metavar="YEAR",
        choices=years or None,
        help=f"exchange-rate year for the usd column: one of {', '.join(map(str, years))} (default {DEFAULT_RATE_YEAR})"
        if years
        else f"exchange-rate year for the usd column (default {DEFAULT_RATE_YEAR})",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # only `build` reads the curated rate table (for --rate-year's choices): --version and the other
    # commands work whatever state data/reference/ is in
    p = parser(argv_wants_build=bool(argv) and argv[0] == "build")
    args = p.parse_args(argv)
    if args.command is None:
        p.print_help()
        return 0
    if args.command == "diff":
        return _diff(args)
    if args.command == "codebook":
        from .coding.codebook import write

        try:
            print(f"trendlib codebook: wrote {write(args.out)}")
        except TrendlibError as err:
            print(f"trendlib codebook: error: {err}", file=sys.stderr)
            return 1
        return 0
    from .build import build

    def note(message: str) -> None:
        print(f"trendlib build: {message}", file=sys.stderr)

    try:
        out = build(
            args.out,
            report_path=args.report,
            any_edition=args.any_edition,
            rate_year=args.rate_year,
            reference=args.reference,
            wait=args.wait,
            cache=not args.no_cache,
            note=note,
        )
    except TrendlibError as err:  # anything else is a bug, and keeps its traceback
        print(f"trendlib build: error: {err}", file=sys.stderr)
        print("Nothing was written; the previous outputs are unchanged.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("trendlib build: interrupted. Nothing was written; the previous outputs are unchanged.", file=sys.stderr)
        return 130
    print(f"trendlib build: wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
