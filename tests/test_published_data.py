"""The published data, data/processed/: equal to a fresh build, valid, typed, traceable.

``test_committed_outputs_equal_a_fresh_build`` is THE test that keeps the
committed copies honest: after any change to the code or to data/reference/,
run ``trendlib build`` and commit data/processed/ with it.
"""

from __future__ import annotations

import csv
import hashlib
import json
import socket
import warnings

import networkx as nx
import pandas as pd
import pytest

import trendlib
from trendlib import build, paths
from trendlib.metadata import PANDAS_TYPES, TABLE
from trendlib.parse.report import read_report
from trendlib.paths import report_path

COLUMNS = {t: [(f.name, f.type, f.description) for f in TABLE[t].fields] for t in TABLE}

PUBLISHED = paths.processed_dir()
N_LINES = 4484
TABLES = build.TABLE_ORDER


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    """A real, unpatched build of the report and data/reference into a temporary folder."""
    out = tmp_path_factory.mktemp("fresh") / "processed"
    build.build(out_dir=out)
    return out


@pytest.fixture(scope="module")
def loaded():
    return trendlib.load(PUBLISHED)


@pytest.fixture(scope="module")
def raw_lines():
    return report_path().read_text(encoding="utf-8").split("\n")


def files(folder):
    return sorted(p.name for p in folder.iterdir() if p.is_file())


# ---------------------------------------------------------------- (a) committed == fresh build


def test_a_build_under_another_string_hash_seed_is_byte_identical(tmp_path):
    """Set and dict order must not leak into any output (layouts, graphs, tables) whatever PYTHONHASHSEED is."""
    import os
    import subprocess
    import sys

    out = tmp_path / "processed"
    env = {**os.environ, "PYTHONHASHSEED": "7"}
    subprocess.run(
        [sys.executable, "-m", "trendlib", "build", "--out", str(out)], env=env, check=True, capture_output=True
    )
    differ = [name for name in files(out) if (PUBLISHED / name).read_bytes() != (out / name).read_bytes()]
    assert files(out) == files(PUBLISHED) and not differ, f"outputs depend on the hash seed: {differ}"


def test_committed_outputs_equal_a_fresh_build(fresh):
    assert files(PUBLISHED) == files(fresh), "data/processed/ holds other files than a build writes"
    stale = [name for name in files(fresh) if (PUBLISHED / name).read_bytes() != (fresh / name).read_bytes()]
    assert not stale, (
        f"data/processed/ is stale: {', '.join(stale)} differ from a fresh build; "
        "run `trendlib build` and commit data/processed/"
    )


def test_every_published_kind_of_file_is_there(fresh):
    names = set(files(fresh))
    assert {f"{t}.csv" for t in TABLES} <= names
    assert {
        "datapackage.json",
        "stakeholders.graphml",
        "stakeholders.gexf",
        "ties_by_kind.graphml",
        "ties_by_kind.gexf",
        "ties.graphml",
        "ties.gexf",
        "explorer.html",
    } <= names


def test_datapackage_records_the_report_hash():
    package = json.loads((PUBLISHED / "datapackage.json").read_text(encoding="utf-8"))
    assert read_report().sha256 in package["description"]
    assert [r["path"] for r in package["resources"]] == [f"{t}.csv" for t in TABLES]


def test_datapackage_names_its_version_source_and_contributors():
    """The version that built it, the report it parses (with the SHA-256 of the file in data/raw) and, as
    contributors, every coder of coders.csv in that file's words."""
    package = json.loads((PUBLISHED / "datapackage.json").read_text(encoding="utf-8"))
    assert package["version"] == trendlib.__version__
    [source] = package["sources"]
    assert source["sha256"] == hashlib.sha256(report_path().read_bytes()).hexdigest()
    assert "2023年政务服务转型趋势报告" in source["title"] and source["publisher"] and source["year"] == 2023
    coders = csv_rows("coders")
    assert [c["title"] for c in package["contributors"]] == [f"{c['coder_id']}: {c['coder_kind']}" for c in coders]
    for contributor, coder in zip(package["contributors"], coders, strict=True):
        assert contributor["role"] in ("wrangler", "contributor")
        assert coder["role"] in contributor["description"] and coder["saw"] in contributor["description"]


def test_datapackage_lists_the_sqlite_and_parquet_files_with_their_hashes():
    package = json.loads((PUBLISHED / "datapackage.json").read_text(encoding="utf-8"))
    listed = {e["path"]: e for e in package["exports"]}
    assert set(listed) == {"trendlib.sqlite", *(f"{t}.parquet" for t in TABLES)}
    for path, entry in listed.items():
        data = (PUBLISHED / path).read_bytes()
        assert entry["hash"] == f"sha256:{hashlib.sha256(data).hexdigest()}" and entry["bytes"] == len(data)
    assert data[:4] == b"PAR1" and (PUBLISHED / "trendlib.sqlite").read_bytes()[:15] == b"SQLite format 3"


# ---------------------------------------------------------------- (b) Frictionless


@pytest.fixture
def offline(monkeypatch):
    """Any attempt to open a network connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_datapackage_validates_with_frictionless(offline):
    frictionless = pytest.importorskip("frictionless")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        report = frictionless.validate(str(PUBLISHED / "datapackage.json"))
    errors = report.flatten(["rowNumber", "fieldName", "type", "note"])
    where = {t.name: t.flatten(["rowNumber", "fieldName", "type", "note"])[:5] for t in report.tasks if not t.valid}
    assert report.valid, f"{len(errors)} errors: {errors[:20]}; by table: {where}"
    assert len(report.tasks) == len(TABLES)
    assert all(task.stats["rows"] > 0 for task in report.tasks)


def test_frictionless_catches_a_value_outside_the_vocabulary(offline, tmp_path):
    """The validation above is not vacuous: a level outside the vocabulary is an error."""
    frictionless = pytest.importorskip("frictionless")
    import shutil

    copy = tmp_path / "processed"
    shutil.copytree(PUBLISHED, copy)
    cases = copy / "cases.csv"
    text = cases.read_text(encoding="utf-8")
    assert ",local," in text
    cases.write_text(text.replace(",local,", ",city,", 1), encoding="utf-8")
    report = frictionless.validate(str(copy / "datapackage.json"))
    assert not report.valid
    # the value, and the file no longer being the one the build recorded (its SHA-256 and size)
    assert sorted(report.flatten(["fieldName", "type"]), key=str) == sorted(
        [["level", "constraint-error"], [None, "hash-count"], [None, "byte-count"]], key=str
    )
    assert [t.name for t in report.tasks if not t.valid] == ["cases"]


def test_datapackage_declares_every_column_in_order():
    package = json.loads((PUBLISHED / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        table = resource["path"].removesuffix(".csv")
        with (PUBLISHED / resource["path"]).open(encoding="utf-8", newline="") as f:
            header = next(csv.reader(f))
        assert [fld["name"] for fld in resource["schema"]["fields"]] == header, table
        assert all(fld["description"] for fld in resource["schema"]["fields"]), table


# ---------------------------------------------------------------- (c) trendlib.load()


def csv_rows(table):
    with (PUBLISHED / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("table", TABLES)
def test_load_gives_declared_dtypes(loaded, table):
    df = loaded[table]
    assert list(df.columns) == [c for c, _, _ in COLUMNS[table]]
    for col, kind, _ in COLUMNS[table]:
        assert str(df[col].dtype) == PANDAS_TYPES[kind], (table, col, df[col].dtype)


@pytest.mark.parametrize("table", TABLES)
def test_load_gives_the_csv_rows(loaded, table):
    df, rows = loaded[table], csv_rows(table)
    assert len(df) == len(rows)
    for col, kind, _ in COLUMNS[table]:
        for value, cell in zip(df[col], (r[col] for r in rows), strict=True):
            if cell == "":
                assert pd.isna(value), (table, col, cell)
            elif kind == "integer":
                assert value == int(cell), (table, col, cell)
            elif kind == "number":
                assert value == float(cell), (table, col, cell)
            elif kind == "boolean":
                assert cell in ("True", "False") and bool(value) == (cell == "True"), (table, col, cell)
            else:
                assert value == cell, (table, col, cell)


@pytest.mark.parametrize("table", TABLES)
def test_load_round_trips_the_built_tables(loaded, fresh, table):
    """What load() gives equals a fresh build's tables, once empty strings are read as missing."""
    again = trendlib.load(fresh)[table]
    pd.testing.assert_frame_equal(loaded[table], again)


def test_load_names_every_table(loaded):
    assert loaded.names() == list(COLUMNS) == TABLES
    assert loaded.cases is loaded["cases"]


# ---------------------------------------------------------------- (d) traceability

LINE_COLUMNS = {
    "paragraphs": ["line_start", "line_end"],
    "cases": ["line_start", "line_end"],
    "funding": ["line"],
    "statistics": ["line"],
    "barriers": ["line"],
    "my_takes": ["line", "line_end"],
    "endnotes": ["line"],
    "case_actors": ["line"],
    "trends": ["line_start", "line_end"],
    "furniture": ["line"],
}


@pytest.mark.parametrize("table", sorted(LINE_COLUMNS))
def test_every_row_points_at_real_lines(loaded, raw_lines, table):
    assert len(raw_lines) - 1 == N_LINES or len(raw_lines) == N_LINES  # file ends with a newline
    df = loaded[table]
    for col in LINE_COLUMNS[table]:
        assert df[col].notna().all(), (table, col)
        assert df[col].between(1, N_LINES).all(), (table, col, df[col].min(), df[col].max())
        assert all(raw_lines[n - 1].strip() for n in df[col]), f"{table}.{col} points at a blank line"
    if len(LINE_COLUMNS[table]) == 2:
        first, last = LINE_COLUMNS[table]
        assert (df[first] <= df[last]).all(), table


def _squeeze(s: str) -> str:
    return "".join(s.split())


@pytest.mark.parametrize("table", ["funding", "statistics"])
def test_printed_text_is_at_its_line(loaded, raw_lines, table):
    """Each amount or percentage is printed where its row says: it starts on ``line``."""
    df = loaded[table]
    assert len(df) > 0
    missing = []
    for row in df.itertuples():
        here = "".join(_squeeze(raw_lines[k]) for k in range(row.line - 1, min(row.line + 2, N_LINES)))
        if _squeeze(row.text) not in here:
            missing.append((row[1], row.line, row.text))
    assert not missing, f"not printed at their line: {missing}"


def test_paragraph_text_comes_from_its_lines(loaded, raw_lines):
    """Each reflowed paragraph's characters (footnote numbers aside) are those of its raw lines."""
    for row in loaded.paragraphs.itertuples():
        raw = _squeeze("".join(raw_lines[row.line_start - 1 : row.line_end]))
        text = _squeeze(row.text)
        # the paragraph is a subsequence of its raw lines (glued footnote numbers are removed)
        it = iter(raw)
        assert all(ch in it for ch in text), (row.para_id, row.line_start)


def test_case_actor_mentions_are_at_their_line(loaded, raw_lines):
    for row in loaded.case_actors.itertuples():
        here = "".join(_squeeze(raw_lines[k]) for k in range(row.line - 1, min(row.line + 2, N_LINES)))
        assert row.mention in here, (row.case_id, row.line, row.mention)


def test_case_ids_of_rows_exist(loaded):
    ids = set(loaded.cases.case_id)
    for table in ("case_actors", "funding", "statistics"):
        used = set(loaded[table].case_id.dropna())
        assert used <= ids, (table, used - ids)
    assert set(loaded.case_actors.actor_id) <= set(loaded.actors.actor_id)


# ---------------------------------------------------------------- (e) graph files


def test_stakeholder_graph_reads_back(loaded):
    g = nx.read_graphml(PUBLISHED / "stakeholders.graphml")
    actors = set(loaded.actors.loc[loaded.actors.cases >= 1, "actor_id"])
    cases = set(loaded.cases.case_id)
    assert g.number_of_nodes() == len(cases) + len(actors)
    assert {n for n, d in g.nodes(data=True) if d["kind"] == "case"} == cases
    assert {n for n, d in g.nodes(data=True) if d["kind"] == "actor"} == actors
    assert nx.is_bipartite(g)
    pairs = set(zip(loaded.case_actors.actor_id, loaded.case_actors.case_id, strict=True))
    assert {tuple(sorted(e, key=lambda n: n in cases)) for e in g.edges} == pairs
    for n, d in g.nodes(data=True):
        row = (
            loaded.cases.set_index("case_id").loc[n]
            if d["kind"] == "case"
            else loaded.actors.set_index("actor_id").loc[n]
        )
        name = row["title_zh"] if d["kind"] == "case" else row["name_zh"]
        assert d["name_zh"] == name


def test_actor_case_counts_match_the_graph(loaded):
    g = nx.read_graphml(PUBLISHED / "stakeholders.graphml")
    for row in loaded.actors.itertuples():
        if row.cases:
            assert g.degree(row.actor_id) == row.cases, row.actor_id
        else:
            assert row.actor_id not in g


def test_ties_by_kind_pools_the_relations_by_kind_of_party(loaded):
    """Each edge of the aggregate graph counts the ties of relations.csv between two kinds of party (a named
    actor's type, an unnamed group's id) of one tie type."""
    g = nx.read_graphml(PUBLISHED / "ties_by_kind.graphml", force_multigraph=True)
    actors = loaded.actors.set_index("actor_id")
    kind = {a: (a if row.type == "stakeholder_group" else row.type) for a, row in actors.iterrows()}
    expected = (
        loaded.relations.assign(u=loaded.relations.source.map(kind), v=loaded.relations.target.map(kind))
        .groupby(["u", "v", "relation_type"])
        .size()
        .to_dict()
    )
    got = {(u, v, d["tie"]): int(d["weight"]) for u, v, d in g.edges(data=True)}
    assert got == expected


@pytest.mark.parametrize("name", ["stakeholders", "ties_by_kind", "ties"])
def test_gexf_matches_graphml(name):
    a = nx.read_graphml(PUBLISHED / f"{name}.graphml")
    b = nx.read_gexf(PUBLISHED / f"{name}.gexf")
    assert set(a.nodes) == set(b.nodes)
    assert {frozenset(e) for e in a.edges} == {frozenset(e) for e in b.edges}


def test_frictionless_catches_an_id_that_does_not_link(offline, tmp_path):
    """The foreign keys are checked: a case_actors row naming an unknown case is an error."""
    frictionless = pytest.importorskip("frictionless")
    import shutil

    copy = tmp_path / "processed"
    shutil.copytree(PUBLISHED, copy)
    path = copy / "case_actors.csv"
    text = path.read_text(encoding="utf-8")
    first = text.split("\n")[1]  # mention_id,case_id,…: the second field is the case
    fields = first.split(",")
    path.write_text(text.replace(first, ",".join([fields[0], "T9-99", *fields[2:]]), 1), encoding="utf-8")
    report = frictionless.validate(str(copy / "datapackage.json"))
    assert not report.valid
    assert {e[0] for e in report.flatten(["type"])} == {"foreign-key", "hash-count"}
    assert [t.name for t in report.tasks if not t.valid] == ["case_actors"]


def test_datapackage_declares_the_metadatas_keys():
    from trendlib import metadata

    package = json.loads((PUBLISHED / "datapackage.json").read_text(encoding="utf-8"))
    by_name = {r["name"]: r for r in package["resources"]}
    assert list(by_name) == metadata.names()
    for t in metadata.TABLES:
        schema = by_name[t.name]["schema"]
        assert t.primary_key, f"{t.name} has no primary key"
        assert schema["primaryKey"] == list(t.primary_key)
        assert len(schema.get("foreignKeys", [])) == len(t.foreign_keys)


def test_every_ibid_names_a_note_of_its_chapter(loaded):
    notes = set(zip(loaded.endnotes.trend, loaded.endnotes.number, strict=True))
    for row in loaded.endnotes.dropna(subset=["ibid_of"]).itertuples():
        assert (row.trend, row.ibid_of) in notes and row.ibid_of < row.number, row


def test_readme_lists_every_table_of_the_registry():
    """The README's table list is the metadata's: same tables, same order, same 'one row per'."""
    import re

    from trendlib import metadata

    readme = (paths.project_root() / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| `(\w+)\.csv` \| (.+?) \|$", readme, flags=re.M)
    assert [name for name, _ in listed] == metadata.names()
    for name, row in listed:
        assert row == metadata.TABLE[name].row, (
            f"README says a {name} row is {row!r}; metadata: {metadata.TABLE[name].row!r}"
        )


def test_ties_graph_holds_every_relation_as_a_typed_edge(loaded):
    """The network of stated ties: one edge per relation, keyed by its id, with its type, case, phrase and
    line; GraphML and GEXF keep the attributes (Gephi can colour by tie)."""
    g = nx.read_graphml(PUBLISHED / "ties.graphml", force_multigraph=True)
    rel = loaded.relations.set_index("relation_id")
    groups = set(loaded.actors.actor_id[loaded.actors.type == "stakeholder_group"])
    edges = {k: (u, v, d) for u, v, k, d in g.edges(keys=True, data=True)}
    assert set(edges) == set(rel.index)
    for rid, (u, v, d) in edges.items():
        row = rel.loc[rid]
        # an unnamed group is one node per case (companies@T2-02); a named party one node
        party = {p: f"{p}@{row.case_id}" if p in groups else p for p in (row.source, row.target)}
        assert (u, v) == (party[row.source], party[row.target])
        assert d["tie"] == row.relation_type and d["case_id"] == row.case_id and d["line"] == row.line
        assert d["phrase"] == row.phrase
    gexf = (PUBLISHED / "ties.gexf").read_text(encoding="utf-8")
    assert 'title="tie"' in gexf and 'title="crosses"' in gexf
