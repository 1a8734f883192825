"""Run every stage and write ``data/processed/``, all or nothing.

``build_tables`` returns the tables in memory; ``render`` turns them into the
bytes of every output file (CSV, Parquet, the SQLite database, GraphML, GEXF
and the ``datapackage.json`` data dictionary) and :func:`trendlib.output.publish`
writes those into the folder, all or nothing, touching no file the build did
not write.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pandas as pd

from . import __version__, export, metadata, network, output, tables, vocab
from .coding.audit import curated_checks, curated_statistics, funding_flags
from .coding.cases import case_of, check_places, initiatives, locate_cases
from .coding.reliability import COLUMNS, measure
from .coding.ties import consistency, locate_evidence, locate_relations, sectors_of
from .curated.files import Reference, load_reference
from .errors import OutputError, TrendlibError
from .mentions.actors import find_mentions
from .mentions.money import currency_countries, currency_words, load_rates, read_rate_rows
from .mentions.quantities import corpus_amounts, corpus_percentages, label_infographics
from .network.explorer import explorer_html
from .parse import report as report_meta
from .parse.corpus import read_corpus
from .parse.report import Report, read_report
from .paths import processed_dir

# The report's figures date from 2021–2023; 2022, the year most were announced in,
# is the reference year for converting them to US dollars (rates: exchange_rates.csv).
DEFAULT_RATE_YEAR = 2022

#: The tables in build order (declared in :mod:`trendlib.metadata`).
TABLE_ORDER = metadata.names()


def quantity_tables(
    corpus, cases, ref: Reference, rate_year: int = DEFAULT_RATE_YEAR
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """``funding``, ``amount_checks``, ``amount_parts`` and ``statistics``: the mentions of money and percentages, each with
    its case and (infographics) its curated label; for money its US-dollar value, flags, repeats and
    what the curated check says of it."""
    currencies = currency_words(ref.currencies)
    countries = currency_countries(ref.currencies)
    rates = load_rates(
        ref.rates_path,
        rate_year,
        sorted(
            set(currencies.values())
            | {r["currency_corrected"] for r in ref.amounts if r.get("currency_corrected")}
            | {p["currency"] for r in ref.amounts for p in r.get("parts", [])}
        ),
    )
    amounts, figures = label_infographics(
        corpus, corpus_amounts(corpus, currencies), corpus_percentages(corpus), ref.infographics
    )
    amount_cases = [case_of(cases, m.where, m.amount.text) for m in amounts]
    flags = funding_flags([m.amount for m in amounts], [k.row if k else None for k in amount_cases], countries)
    infographic = {}  # an infographic amount's period may be printed in the block's notes
    for p in corpus.paragraphs:
        if p.section == "data":
            infographic[p.trend] = infographic.get(p.trend, "") + p.text
    spans = [
        m.where.context
        + (corpus.flat.text[k.flat_start : k.flat_end] if k else "")
        + (infographic.get(m.where.trend, "") if m.where.section == "data" else "")
        for m, k in zip(amounts, amount_cases, strict=True)
    ]
    checks = curated_checks(amounts, spans, ref.amounts)
    funding = tables.funding_table(amounts, amount_cases, flags, checks, rates, rate_year, corpus.line_of)
    ids = list(funding["amount_id"])
    return (
        funding,
        tables.amount_checks_table(ids, checks),
        tables.amount_parts_table(ids, checks, rates),
        tables.statistics_table(
            figures,
            curated_statistics(figures, ref.statistics, corpus.flat, {c.id: (c.flat_start, c.flat_end) for c in cases}),
            corpus.line_of,
        ),
    )


def build_tables(
    report: Report | Path | str | None = None,
    *,
    any_edition: bool = False,
    reference: Path | None = None,
    rate_year: int = DEFAULT_RATE_YEAR,
    cache: Path | bool | None = None,
) -> dict[str, pd.DataFrame]:
    """Parse the report (a :class:`~trendlib.parse.report.Report` already read, or its path) and return
    every table, in :data:`TABLE_ORDER`. ``cache`` is the cache of checked curated files
    (:func:`trendlib.curated.files.load_reference`); by default every file is read and checked afresh.

    >>> t = build_tables()
    >>> list(t) == TABLE_ORDER
    True
    """
    ref = load_reference(reference, cache=cache)
    if not isinstance(report, Report):
        report = read_report(report, any_edition=any_edition)
    corpus = read_corpus(report, ref.boxes, hyphenated_words=ref.hyphenated_words)
    mentions = find_mentions(corpus.flat, ref.actors, ref.not_actors)
    cases = locate_cases(corpus, ref.cases, mentions)
    relations = locate_relations(corpus, cases, ref.relations, ref.actors)
    evidence = locate_evidence(corpus, cases)
    actors = {a["id"]: a for a in ref.actors}
    by_case: dict[str, list] = {}
    for r in relations:
        by_case.setdefault(r.case_id, []).append(r)
    sectors = {c.id: sectors_of(c, by_case.get(c.id, []), actors) for c in cases}
    consistency(ref.cases, {cid: named + stated for cid, (named, stated) in sectors.items()}, ref.exceptions)
    funding, amount_checks, amount_parts, statistics = quantity_tables(corpus, cases, ref, rate_year)
    glosses = tables.Glosses(ref.glosses)
    check_places(cases, ref.places)
    my_takes = tables.my_takes_table(corpus, ref.boxes)
    t = {
        "trends": tables.trends_table(corpus),
        "paragraphs": tables.paragraphs_table(corpus),
        "cases": tables.cases_table(
            corpus,
            cases,
            sectors,
            {k: len(v) for k, v in by_case.items()},
            {r["case"]: r["reason"] for r in ref.relations if not r.get("ties")},
            glosses,
            initiatives(cases, corpus),
            dict(zip(my_takes["trend"], my_takes["person_en"], strict=True)),
        ),
        "places": tables.places_table(ref.places, cases),
        "evidence": tables.evidence_table(evidence, corpus.line_of),
        "actors": tables.actors_table(ref.actors, mentions, cases, relations),
        "case_actors": tables.case_actors_table(corpus, cases),
        "relations": tables.relations_table(
            relations, actors, {c["id"]: {"case_id": c["id"], **c} for c in ref.cases}, corpus.line_of
        ),
        "funding": funding,
        "amount_checks": amount_checks,
        "amount_parts": amount_parts,
        "exchange_rates": tables.exchange_rates_table(read_rate_rows(ref.rates_path)),
        "statistics": statistics,
        "barriers": tables.barriers_table(corpus, ref.barriers),
        "my_takes": my_takes,
        "endnotes": tables.endnotes_table(corpus),
        "furniture": tables.furniture_table(corpus),
    }
    glosses.check_all_used()
    t["reliability"] = tables.reliability_table(measure(ref, cases, vocab.example_cases()))
    t["coders"] = tables.frame(
        "coders",
        [
            {
                "coder_id": c["id"],
                "coder_kind": c["kind"],
                **{k: c[k] for k in ("sessions", "role", "saw", "independence")},
            }
            for c in ref.coders
        ],
    )
    t["adjudication"] = tables.adjudication_table(
        ref.adjudication, {c.id for c in cases}, {r["rule"] for r in ref.codebook}
    )
    tables.check_figures(cases, t)
    for name in metadata.link_tables():  # one row per value of each ';'-joined column
        t[name] = tables.link_table(name, t[metadata.TABLE[name].link.parent])
    metadata.check_vocabularies(t)
    return {name: t[name] for name in TABLE_ORDER}


def graphs(t: dict[str, pd.DataFrame]) -> dict[str, object]:
    """The published graphs: the network of stated ties (unnamed groups one node per case), its aggregate by
    kind of party, and the actor–case two-mode graph of mentions."""
    g = network.ties(t["actors"], t["relations"], t["cases"])
    return {
        "ties": g,
        "ties_by_kind": network.pooled_by_kind(g),
        "stakeholders": network.two_mode(t["actors"], t["cases"], t["case_actors"]),
    }


def explorer(t: dict[str, pd.DataFrame], ties) -> str:
    """The standalone explorer page of the network of ties."""
    cases = {
        r.case_id: {
            "title_en": r.title_en,
            "title_zh": r.title_zh,
            "trend": int(r.trend),
            "line_start": int(r.line_start),
            "line_end": int(r.line_end),
        }
        for r in t["cases"].itertuples()
    }
    return explorer_html(ties, cases)


#: Two licences, kept apart: the code and curated data are MIT; the report's words quoted in the tables are not.
LICENSES = [
    {
        "name": "MIT",
        "path": "https://opensource.org/licenses/MIT",
        "title": "trendlib's code, the curated data of data/reference/ and the tables' structure and codes: MIT",
    },
    {
        "name": "LicenseRef-Deloitte-Copyright",
        "title": "The report's text quoted in the tables (paragraphs.text, cases.text, barriers.text, my_takes, endnotes, "
        "statistics.context, funding.context and every phrase column) is © 2023 Deloitte, quoted for research "
        "and citation only; it is not covered by the MIT licence",
    },
]


def sources(sha256: str) -> list[dict]:
    """The data package's ``sources``: the report the tables are parsed from, with its title, author, publisher,
    year and the SHA-256 of the text parsed.

    Returns
    -------
    list of dict
        One Frictionless source: ``title`` (required), and ``author``, ``publisher``, ``year``, ``language`` and
        ``sha256``.

    See Also
    --------
    contributors : who coded and curated.

    Examples
    --------
    >>> sources("be6c")[0]["publisher"]
    'Deloitte Insights'
    """
    return [
        {
            "title": f"《{report_meta.TITLE_ZH}》 ({report_meta.TITLE_EN}, Chinese edition)",
            "author": report_meta.AUTHOR,
            "publisher": report_meta.PUBLISHER,
            "year": report_meta.YEAR,
            "language": "zh",
            "sha256": sha256,
        }
    ]


#: A coder's Frictionless role: the curator cleaned and curated the data (a wrangler); the others contributed
#: codings.
CONTRIBUTOR_ROLES = {"curator": "wrangler"}


def contributors(coders: pd.DataFrame) -> list[dict]:
    """The data package's ``contributors``: every coder of ``coders.csv``, in research terms (what kind of coder,
    what it did, what it saw and how independent it was), with a Frictionless ``role``.

    Returns
    -------
    list of dict
        ``title`` (the coder id and kind), ``role`` (``wrangler`` for the curator, else ``contributor``) and
        ``description``, in the order of ``coders.csv``.

    See Also
    --------
    sources : the report.

    Examples
    --------
    >>> c = pd.DataFrame({"coder_id": ["curator"], "coder_kind": ["a large language model (Claude, Anthropic)"],
    ...                   "role": ["adjudicated"], "saw": ["the report"], "independence": ["not independent"]})
    >>> contributors(c)
    [{'title': 'curator: a large language model (Claude, Anthropic)', 'role': 'wrangler', 'description': 'adjudicated; saw the report; not independent'}]
    """
    return [
        {
            "title": f"{r.coder_id}: {r.coder_kind}",
            "role": CONTRIBUTOR_ROLES.get(r.coder_id, "contributor"),
            "description": f"{r.role}; saw {r.saw}; {r.independence}",
        }
        for r in coders.itertuples()
    ]


def datapackage(t: dict[str, pd.DataFrame], sha256: str) -> dict:
    """The Frictionless Data Package describing every table, column, key and vocabulary, the report it comes
    from and who coded it."""
    return metadata.datapackage(
        description=(
            "Tables parsed from Deloitte's 《2023年政务服务转型趋势报告》 by trendlib. "
            "Every row carries the 1-based line(s) of the raw report it came from. "
            f"Report SHA-256: {sha256}."
        ),
        licenses=LICENSES,
        agreement=agreement(t["reliability"]),
        version=__version__,
        sources=sources(sha256),
        contributors=contributors(t["coders"]),
    )


#: Media types of the files that hold the tables in other forms than CSV.
MEDIATYPES = {"sqlite": "application/vnd.sqlite3", "parquet": "application/vnd.apache.parquet"}


def exports(files: dict[str, bytes], digests: dict[str, str]) -> list[dict]:
    """The files that hold the tables in other forms than CSV (a custom property of the data package, beside
    its CSV resources): the SQLite database, then each table's Parquet file, with hash and size.

    Returns
    -------
    list of dict
        ``path``, ``format``, ``mediatype``, ``description`` (the database) or ``resource`` (the table a
        Parquet file holds), ``hash`` and ``bytes``.

    See Also
    --------
    render : which adds them to the data package.

    Examples
    --------
    >>> files = {"trendlib.sqlite": b"x", "cases.parquet": b"yz"}
    >>> [(e["path"], e["bytes"]) for e in exports(files, {k: "0" for k in files})]
    [('trendlib.sqlite', 1), ('cases.parquet', 2)]
    """
    out = [
        {
            "path": metadata.SQLITE,
            "format": "sqlite",
            "mediatype": MEDIATYPES["sqlite"],
            "description": "every table with its primary and foreign keys, the data dictionary (tables tables, "
            f"fields, vocabularies) and the views {', '.join(export.VIEWS)}",
        }
    ]
    out += [
        {"path": f"{name}.parquet", "format": "parquet", "mediatype": MEDIATYPES["parquet"], "resource": name}
        for name in metadata.names()
        if f"{name}.parquet" in files
    ]
    return [
        {**e, "hash": f"sha256:{digests[e['path']]}", "bytes": len(files[e["path"]])} for e in out if e["path"] in files
    ]


def agreement(reliability: pd.DataFrame) -> dict:
    """(table, column) → the latest round's agreement for the coded field the column holds."""
    latest = reliability[reliability["round"] == reliability["round"].max()]
    return {column: row for row in latest.to_dict("records") for column in COLUMNS.get(row["field"], ())}


def csv_bytes(df: pd.DataFrame) -> bytes:
    """A table as the build writes it: UTF-8 CSV, header row, LF line ends."""
    return df.to_csv(index=False, lineterminator="\n", float_format="%.15g").encode("utf-8")


def render(t: dict[str, pd.DataFrame], sha256: str) -> dict[str, bytes]:
    """Every output file of a build, by name, as bytes: tables (CSV, Parquet, and all of them in one SQLite
    database), graphs and the data package.

    The data package records the SHA-256 of every other file (``trendlib.files``,
    and each table's Frictionless ``hash`` and ``bytes``), so that a reader can
    tell a whole build from a mix of two (:func:`trendlib.load` checks it).
    """
    files = {f"{name}.csv": csv_bytes(t[name]) for name in TABLE_ORDER}
    agreed = agreement(t["reliability"])
    files.update(
        {f"{name}.parquet": export.parquet_bytes(t[name], metadata.TABLE[name], agreed) for name in TABLE_ORDER}
    )
    files[metadata.SQLITE] = export.sqlite_bytes(t, agreed)
    made = graphs(t)
    for name, g in made.items():
        files[f"{name}.graphml"], files[f"{name}.gexf"] = network.graph_bytes(g)
    files["explorer.html"] = explorer(t, made["ties"]).encode("utf-8")
    digests = {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())}
    package = datapackage(t, sha256)
    for resource in package["resources"]:
        data = files[resource["path"]]
        resource.update(hash=f"sha256:{digests[resource['path']]}", bytes=len(data))
    package["exports"] = exports(files, digests)
    package["trendlib"] = {"version": __version__, "report_sha256": sha256, "files": digests}
    files[metadata.MANIFEST] = (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if sorted(files) != metadata.outputs():  # the metadata declares what a build may write
        raise AssertionError(f"rendered {sorted(files)}, declared {metadata.outputs()}")
    return files


def write_outputs(
    t: dict[str, pd.DataFrame], out_dir: Path, sha256: str, *, wait: float = output.LOCK_WAIT, note=None
) -> Path:
    """Write every output into ``out_dir``, all or nothing (:func:`trendlib.output.publish`)."""
    return output.publish(render(t, sha256), out_dir, retired=metadata.RETIRED_OUTPUTS, wait=wait, note=note)


def check_out_dir(out: Path) -> None:
    """Refuse an output folder inside the project's ``data/`` other than ``data/processed`` itself:
    the raw report and the curated files live there.

    >>> check_out_dir(processed_dir())
    >>> check_out_dir(processed_dir().parent / "raw" / "new")
    Traceback (most recent call last):
    ...
    trendlib.errors.OutputError: ...
    """
    try:
        data = processed_dir().parent.resolve()
    except TrendlibError:
        return  # outside a checkout there is no project data to protect
    where = Path(os.path.abspath(out))
    where = where.parent.resolve() / where.name if where.parent.exists() else where
    if where.resolve() == processed_dir().resolve():
        return
    if where.resolve() == data or data in where.resolve().parents:
        raise OutputError(
            f"{out} is inside the project's data/ folder, which holds the raw report and the "
            f"curated files; trendlib build writes only to data/processed/ there. Choose an --out "
            "outside data/."
        )


def build(
    out_dir: Path | str | None = None,
    *,
    report_path: Path | str | None = None,
    any_edition: bool = False,
    rate_year: int = DEFAULT_RATE_YEAR,
    reference: Path | None = None,
    wait: float = output.LOCK_WAIT,
    cache: Path | bool | None = True,
    note=None,
) -> Path:
    """Build every table from the report and the curated files of ``reference`` (default
    ``data/reference/``) and write ``data/processed/`` (or ``out_dir``).

    Curated files read and checked by an earlier build are taken from the cache
    (``cache=True``: :func:`trendlib.curated.files.default_cache_dir`; ``None``: no cache); the outputs are
    the same byte for byte.

    ``wait`` is how long to wait for another build publishing into the same
    folder; ``note`` is called with a one-line message if an interrupted
    earlier build into the folder had to be undone first.
    """
    out = Path(out_dir) if out_dir else processed_dir()
    check_out_dir(out)
    output.preflight(out, metadata.outputs())  # a folder that will be refused is refused before the work
    report = read_report(report_path, any_edition=any_edition)
    t = build_tables(report, any_edition=any_edition, rate_year=rate_year, reference=reference, cache=cache)
    return write_outputs(t, out, report.sha256, wait=wait, note=note)


__all__ = ["build", "build_tables", "render", "write_outputs", "datapackage"]
