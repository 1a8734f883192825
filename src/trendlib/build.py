"""Run every stage and write ``data/processed/``, all or nothing.

``build_tables`` returns the tables in memory; ``render`` turns them into the
bytes of every output file (CSV, GraphML, GEXF and the ``datapackage.json``
data dictionary) and :func:`trendlib.output.publish` writes those into the
folder, all or nothing, touching no file the build did not write.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from . import __version__, network, output, registry, tables
from .audit import funding_flags
from .cases import case_of, locate_cases
from .mentions.quantities import corpus_amounts, corpus_percentages
from .parse.corpus import read_corpus
from .mentions.actors import find_mentions
from .mentions.money import load_currencies, load_currency_countries, load_rates
from .paths import processed_dir
from .reference import load_reference
from .parse.report import read_report

# The report's figures date from 2021–2023; 2022, the year most were announced in,
# is the reference year for converting them to US dollars (rates: exchange_rates.csv).
DEFAULT_RATE_YEAR = 2022

#: The tables in build order (declared in :mod:`trendlib.registry`).
TABLE_ORDER = registry.names()


def quantity_tables(corpus, cases, currencies_path: Path, rates_path: Path,
                    rate_year: int = DEFAULT_RATE_YEAR) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``funding`` and ``statistics``: the mentions of money and percentages, each with its case,
    and for money its US-dollar value, flags and repeats."""
    currencies = load_currencies(currencies_path)
    countries = load_currency_countries(currencies_path)
    rates = load_rates(rates_path, rate_year, sorted(set(currencies.values())))
    amounts = corpus_amounts(corpus, currencies)
    amount_cases = [case_of(cases, m.where, m.amount.text) for m in amounts]
    flags = funding_flags([m.amount for m in amounts], [k.row if k else None for k in amount_cases], countries)
    figures = corpus_percentages(corpus)
    return (tables.funding_table(amounts, amount_cases, flags, rates, rate_year, corpus.line_of),
            tables.statistics_table(figures, [case_of(cases, m.where, m.figure.text) for m in figures],
                                    corpus.line_of))


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
    funding, statistics = quantity_tables(corpus, cases, ref.currencies_path, ref.rates_path, rate_year)
    t = {
        "trends": tables.trends_table(corpus),
        "paragraphs": tables.paragraphs_table(corpus),
        "cases": tables.cases_table(corpus, cases, ref.actors),
        "actors": tables.actors_table(ref.actors, mentions, cases),
        "case_actors": tables.case_actors_table(corpus, cases),
        "funding": funding,
        "statistics": statistics,
        "barriers": tables.barriers_table(corpus, ref.barriers),
        "my_takes": tables.my_takes_table(corpus, ref.boxes),
        "endnotes": tables.endnotes_table(corpus),
        "furniture": tables.furniture_table(corpus),
    }
    tables.check_figures(cases, t)
    registry.check_vocabularies(t)
    return t


def graphs(t: dict[str, pd.DataFrame]) -> dict[str, object]:
    """The two-mode stakeholder graph and its actor–actor projection."""
    two = network.two_mode(t["actors"], t["cases"], t["case_actors"])
    return {"stakeholders": two, "collaboration": network.project(two)}


def datapackage(t: dict[str, pd.DataFrame], sha256: str) -> dict:
    """The Frictionless Data Package describing every table, column, key and vocabulary."""
    return registry.datapackage(
        description=("Tables parsed from Deloitte's 《2023年政务服务转型趋势报告》 by trendlib. "
                     "Every row carries the 1-based line(s) of the raw report it came from. "
                     f"Report SHA-256: {sha256}."),
        licenses=[{"name": "MIT", "title": "code: MIT; report text: © Deloitte, included for research"}])


def csv_bytes(df: pd.DataFrame) -> bytes:
    """A table as the build writes it: UTF-8 CSV, header row, LF line ends."""
    return df.to_csv(index=False, lineterminator="\n", float_format="%.15g").encode("utf-8")


def render(t: dict[str, pd.DataFrame], sha256: str) -> dict[str, bytes]:
    """Every output file of a build, by name, as bytes: tables, graphs and the data package."""
    files = {f"{name}.csv": csv_bytes(t[name]) for name in TABLE_ORDER}
    for name, g in graphs(t).items():
        files[f"{name}.graphml"], files[f"{name}.gexf"] = network.graph_bytes(g)
    package = datapackage(t, sha256)
    package["trendlib"] = {"version": __version__, "files": sorted([*files, output.MANIFEST])}
    files[output.MANIFEST] = (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return files


def write_outputs(t: dict[str, pd.DataFrame], out_dir: Path, sha256: str) -> Path:
    """Write every output into ``out_dir``, all or nothing (:func:`trendlib.output.publish`)."""
    return output.publish(render(t, sha256), out_dir)


def build(out_dir: Path | str | None = None, *, report_path: Path | str | None = None,
          any_edition: bool = False, rate_year: int = DEFAULT_RATE_YEAR) -> Path:
    """Build every table and write ``data/processed/`` (or ``out_dir``)."""
    out = Path(out_dir) if out_dir else processed_dir()
    t = build_tables(report_path, any_edition=any_edition, rate_year=rate_year)
    return write_outputs(t, out, read_report(report_path, any_edition=any_edition).sha256)


__all__ = ["build", "build_tables", "render", "write_outputs", "datapackage"]
