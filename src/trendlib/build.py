"""Run every stage and write ``data/processed/``, all or nothing.

``build_tables`` returns the tables in memory; ``write_outputs`` writes them
(CSV, GraphML, GEXF and the ``datapackage.json`` data dictionary) into a
temporary folder beside the target and swaps it in only when everything is
written, so a failure leaves the previous outputs as they were.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from . import network, schema, tables
from .cases import locate_cases
from .parse.corpus import read_corpus
from .mentions.actors import find_mentions
from .mentions.money import load_currencies, load_currency_countries, load_rates
from .reference import load_reference, reference_dir
from .parse.report import project_root, read_report

# The report's figures date from 2021–2023; 2022, the year most were announced in,
# is the reference year for converting them to US dollars (rates: exchange_rates.csv).
DEFAULT_RATE_YEAR = 2022

TABLE_ORDER = ["trends", "paragraphs", "cases", "actors", "case_actors", "funding", "statistics",
               "barriers", "my_takes", "endnotes", "furniture"]

# (table, column) → vocabulary, for the data dictionary's enum constraints
ENUMS = {
    ("paragraphs", "section"): "section", ("cases", "section"): "section",
    ("funding", "section"): "section", ("statistics", "section"): "section",
    ("cases", "kind"): "kind", ("cases", "level"): "level",
    ("actors", "type"): "type", ("actors", "sector"): "sector",
    ("funding", "qualifier"): "qualifier", ("paragraphs", "box"): "box",
}


def default_output_dir() -> Path:
    return project_root() / "data" / "processed"


def build_tables(report_path: Path | str | None = None, *, any_edition: bool = False,
                 reference: Path | None = None, rate_year: int = DEFAULT_RATE_YEAR) -> dict[str, pd.DataFrame]:
    """Parse the report and return every table.

    >>> t = build_tables()  # doctest: +SKIP
    >>> sorted(t) == sorted(TABLE_ORDER)  # doctest: +SKIP
    True
    """
    ref = load_reference(reference)
    corpus = read_corpus(read_report(report_path, any_edition=any_edition), ref.boxes)
    mentions = find_mentions(corpus.flat, ref.actors, ref.not_actors)
    cases = locate_cases(corpus, ref.cases, mentions)
    currencies = load_currencies(ref.currencies_path)
    countries = load_currency_countries(ref.currencies_path)
    rates = load_rates(ref.rates_path, rate_year, sorted(set(currencies.values())))
    t = {
        "trends": tables.trends_table(corpus),
        "paragraphs": tables.paragraphs_table(corpus),
        "cases": tables.cases_table(corpus, cases, ref.actors),
        "actors": tables.actors_table(ref.actors, mentions, cases),
        "case_actors": tables.case_actors_table(corpus, cases),
        "funding": tables.funding_table(corpus, cases, currencies, countries, rates, rate_year),
        "statistics": tables.statistics_table(corpus, cases),
        "barriers": tables.barriers_table(corpus, ref.barriers),
        "my_takes": tables.my_takes_table(corpus, ref.boxes),
        "endnotes": tables.endnotes_table(corpus),
        "furniture": tables.furniture_table(corpus),
    }
    tables.check_figures(cases, t)
    return t


def graphs(t: dict[str, pd.DataFrame]) -> dict[str, object]:
    """The two-mode stakeholder graph and its actor–actor projection."""
    two = network.two_mode(t["actors"], t["cases"], t["case_actors"])
    return {"stakeholders": two, "collaboration": network.project(two)}


def datapackage(t: dict[str, pd.DataFrame], sha256: str) -> dict:
    """A Frictionless Data Package describing every table, column and vocabulary."""
    vocabs = schema.vocabularies()
    resources = []
    for name in TABLE_ORDER:
        fields = []
        for col, kind, desc in schema.COLUMNS[name]:
            field = {"name": col, "type": kind, "description": desc}
            if (name, col) in ENUMS:
                allowed = vocabs[ENUMS[(name, col)]]
                field["constraints"] = {"enum": sorted(allowed)}
                field["description"] += " — " + "; ".join(f"{k}: {v}" for k, v in allowed.items())
            if col in ("boundary", "sectors"):
                vocab_name = "boundary" if col == "boundary" else "sector"
                field["description"] += " — values: " + ", ".join(vocabs[vocab_name])
            fields.append(field)
        resources.append({
            "name": name.replace("_", "-"), "path": f"{name}.csv", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "profile": "tabular-data-resource",
            "schema": {"fields": fields, "missingValues": [""]},
        })
    return {
        "profile": "tabular-data-package",
        "name": "trendlib-government-trends-2023-zh",
        "title": "Government Trends 2023 (Chinese edition) as traceable tables",
        "description": ("Tables parsed from Deloitte's 《2023年政务服务转型趋势报告》 by trendlib. "
                        "Every row carries the 1-based line(s) of the raw report it came from. "
                        f"Report SHA-256: {sha256}."),
        "licenses": [{"name": "MIT", "title": "code: MIT; report text: © Deloitte, included for research"}],
        "resources": resources,
    }


def _write_csv(df: pd.DataFrame, path: Path) -> None:
    df.to_csv(path, index=False, lineterminator="\n", float_format="%.15g", encoding="utf-8")


def write_outputs(t: dict[str, pd.DataFrame], out_dir: Path, sha256: str) -> None:
    """Write everything to a temporary folder, then swap it in for ``out_dir``."""
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".processed-", dir=out_dir.parent))
    try:
        for name in TABLE_ORDER:
            _write_csv(t[name], tmp / f"{name}.csv")
        for name, g in graphs(t).items():
            network.write_graph(g, tmp / f"{name}.graphml", tmp / f"{name}.gexf")
        (tmp / "datapackage.json").write_text(
            json.dumps(datapackage(t, sha256), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        old = out_dir.with_name(f".{out_dir.name}-old")
        if old.exists():
            shutil.rmtree(old)
        if out_dir.exists():
            out_dir.rename(old)
        try:
            tmp.rename(out_dir)
        except OSError:
            if old.exists():
                old.rename(out_dir)  # put the previous outputs back
            raise
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def build(out_dir: Path | str | None = None, *, report_path: Path | str | None = None,
          any_edition: bool = False, rate_year: int = DEFAULT_RATE_YEAR) -> Path:
    """Build every table and write ``data/processed/`` (or ``out_dir``)."""
    out = Path(out_dir) if out_dir else default_output_dir()
    t = build_tables(report_path, any_edition=any_edition, rate_year=rate_year)
    write_outputs(t, out, read_report(report_path, any_edition=any_edition).sha256)
    return out


__all__ = ["build", "build_tables", "write_outputs", "datapackage", "reference_dir"]
