"""The data in every form a researcher reads it: link tables, the SQLite database, Parquet files.

Each form is checked against the CSVs of the same build, read with the standard
library's csv module (the independent evidence), never against the code that
wrote it: same rows, same values, keys that hold, a dictionary that documents
every column, and the same bytes from a second build.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
import sqlite3
import subprocess
import sys
from collections import defaultdict

import pytest
from conftest import system_tool

from trendlib import build, metadata, paths, vocab

TABLES = metadata.names()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A real build into a temporary folder."""
    out = tmp_path_factory.mktemp("exports") / "processed"
    build.build(out_dir=out)
    return out


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    """A second build in another process: another string-hash seed, the curated files read afresh."""
    out = tmp_path_factory.mktemp("exports-again") / "processed"
    subprocess.run(
        [sys.executable, "-m", "trendlib", "build", "--no-cache", "--out", str(out)],
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONHASHSEED": "7"},
    )
    return out


@pytest.fixture(scope="module")
def rows(built):
    """Every table as the CSV gives it: header and rows of text."""
    out = {}
    for name in TABLES:
        with (built / f"{name}.csv").open(encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            out[name] = (next(reader), list(reader))
    return out


@pytest.fixture(scope="module")
def db(built):
    con = sqlite3.connect(f"file:{built / metadata.SQLITE}?mode=ro", uri=True)
    yield con
    con.close()


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def as_csv_text(value, kind: str) -> str:
    """A value of the database as the CSV prints it (CSV: empty for missing, True/False, %.15g numbers)."""
    if value is None:
        return ""
    if kind == "boolean":
        return {0: "False", 1: "True"}[value]
    if kind == "number":
        return "%.15g" % value
    return str(value)


# ---------------------------------------------------------------- link tables


@pytest.mark.parametrize("name", metadata.link_tables())
def test_a_link_table_holds_each_value_of_its_column_once_in_order(rows, name):
    """Joining a link table's values back per parent row gives the parent's ';'-joined column, cell for cell
    (an empty cell: no row); a flag is set exactly where the value is also in its other column."""
    link = metadata.TABLE[name].link
    key = metadata.TABLE[link.parent].primary_key
    header, parent = rows[link.parent]
    link_header, link_rows = rows[name]
    at = {c: header.index(c) for c in header}
    values = defaultdict(list)
    flags = defaultdict(lambda: defaultdict(list))
    for row in link_rows:
        record = dict(zip(link_header, row, strict=True))
        k = tuple(record[c] for c in key)
        values[k].append(record[link.value])
        for flag, _ in link.flags:
            if record[flag] == "True":
                flags[flag][k].append(record[link.value])
    parent_keys = {tuple(r[at[c]] for c in key) for r in parent}
    assert set(values) <= parent_keys, f"{name} has rows of no {link.parent} row"
    for r in parent:
        k = tuple(r[at[c]] for c in key)
        assert ";".join(values.get(k, [])) == r[at[link.column]], (name, k)
        for flag, other in link.flags:
            assert ";".join(flags[flag].get(k, [])) == r[at[other]], (name, flag, k)


def test_every_semicolon_joined_column_has_its_link_table():
    """A column holding several values of a vocabulary, or ids, joined by ';' is unfolded by a link table."""
    unfolded = {
        (t.link.parent, c) for t in metadata.TABLES if t.link for c in (t.link.column, *(o for _, o in t.link.flags))
    }
    declared = {(t.name, c) for t in metadata.TABLES for c in t.lists}
    assert declared == unfolded
    for table, column in declared:
        assert "';'-joined" in metadata.TABLE[table].field(column).description, (table, column)


# ---------------------------------------------------------------- SQLite


def test_the_database_holds_every_table_and_its_dictionary(db):
    tables = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {*TABLES, "tables", "fields", "vocabularies"}


def test_every_foreign_key_holds(db):
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    declared = sum(1 for t in metadata.TABLES for _ in t.foreign_keys)
    found = sum(len({row[0] for row in db.execute(f"PRAGMA foreign_key_list({t})")}) for t in TABLES)
    assert found == declared > 20


def test_the_keys_and_checks_are_enforced(built, tmp_path):
    """Not a decoration: with foreign keys on, a tie of an unknown case, a repeated key, a boolean 2 and a
    level outside its vocabulary are refused."""
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes((built / metadata.SQLITE).read_bytes())
    con = sqlite3.connect(copy)
    con.execute("PRAGMA foreign_keys = ON")
    row = con.execute("SELECT * FROM relations ORDER BY relation_id LIMIT 1").fetchone()
    cols = [c[1] for c in con.execute("PRAGMA table_info(relations)")]
    bad = {
        "unknown case": dict(zip(cols, row, strict=True), relation_id="R999", case_id="T9-99"),
        "repeated key": dict(zip(cols, row, strict=True)),
        "boolean 2": dict(zip(cols, row, strict=True), relation_id="R998", directed=2),
    }
    for record in bad.values():
        with pytest.raises(sqlite3.IntegrityError):
            con.execute(f"INSERT INTO relations VALUES ({', '.join('?' * len(cols))})", list(record.values()))
        con.rollback()
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("UPDATE cases SET level = 'city' WHERE rowid = 1")
    con.close()


@pytest.mark.parametrize("name", TABLES)
def test_each_table_has_the_csv_rows_with_typed_values(db, rows, name):
    """Same rows as the CSV (as a multiset, keyed by the primary key); integers stored as integers, numbers as
    reals, booleans as 0/1, text as text."""
    t = metadata.TABLE[name]
    header, csv_rows = rows[name]
    assert [c[1] for c in db.execute(f'PRAGMA table_info("{name}")')] == header
    got = db.execute(f'SELECT * FROM "{name}"').fetchall()
    assert len(got) == len(csv_rows)
    kinds = [t.field(c).type for c in header]
    as_text = sorted(tuple(as_csv_text(v, k) for v, k in zip(r, kinds, strict=True)) for r in got)
    assert as_text == sorted(tuple(r) for r in csv_rows)
    storage = {"integer": {"integer"}, "boolean": {"integer"}, "number": {"real"}, "string": {"text"}}
    for column, kind in zip(header, kinds, strict=True):
        seen = {s for (s,) in db.execute(f'SELECT DISTINCT typeof("{column}") FROM "{name}"')} - {"null"}
        assert seen <= storage[kind], (name, column, seen)


def test_the_rows_are_in_primary_key_order(db):
    for t in metadata.TABLES:
        key = ", ".join(f'"{c}"' for c in t.primary_key)
        stored = db.execute(f'SELECT {key} FROM "{t.name}" ORDER BY rowid').fetchall()
        assert (
            stored
            == db.execute(
                f'SELECT {key} FROM "{t.name}" ORDER BY {key.replace(",", " NULLS LAST,")} NULLS LAST'
            ).fetchall()
        ), t.name


def test_the_fields_table_documents_every_column_of_every_table(db):
    documented = defaultdict(list)
    for table, _ordinal, field in db.execute("SELECT table_name, ordinal, field_name FROM fields ORDER BY 1, 2"):
        documented[table].append(field)
    tables = [n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    assert sorted(documented) == tables
    for name in tables:
        assert documented[name] == [c[1] for c in db.execute(f'PRAGMA table_info("{name}")')], name
    empty = db.execute(
        "SELECT table_name, field_name FROM fields WHERE description = '' OR label_en = '' OR label_zh = ''"
    ).fetchall()
    assert not empty
    listed = {n for (n,) in db.execute("SELECT table_name FROM tables")}
    views = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
    assert listed == {*tables, *views}


def test_every_coded_value_is_a_code_of_the_vocabularies_table(db):
    """Each vocabulary column's values (each value of a ';'-joined one) are codes of the vocabularies table."""
    codes = defaultdict(set)
    for v, code in db.execute("SELECT vocabulary, code FROM vocabularies"):
        codes[v].add(code)
    assert set(codes) == {v for v, terms in vocab.VOCABULARIES.items() if len(terms)}
    checked = 0
    for table, field, name in db.execute(
        "SELECT table_name, field_name, vocabulary FROM fields WHERE vocabulary IS NOT NULL"
    ).fetchall():
        for (value,) in db.execute(f'SELECT DISTINCT "{field}" FROM "{table}" WHERE "{field}" IS NOT NULL'):
            assert set(str(value).split(";")) <= codes[name], (table, field, value)
            checked += 1
    assert checked > 100


def test_ties_named_gives_both_parties_of_every_tie(db, rows):
    actors = {r[0]: r for r in rows["actors"][1]}
    a = {c: i for i, c in enumerate(rows["actors"][0])}
    cases = {r[0]: r for r in rows["cases"][1]}
    c = {col: i for i, col in enumerate(rows["cases"][0])}
    h = {col: i for i, col in enumerate(rows["relations"][0])}
    view = {
        r[0]: r
        for r in db.execute(
            "SELECT relation_id, case_title_en, source_name_en, source_name_zh, "
            "target_name_en, target_sector FROM ties_named"
        )
    }
    assert set(view) == {r[h["relation_id"]] for r in rows["relations"][1]}
    for r in rows["relations"][1]:
        source, target = actors[r[h["source"]]], actors[r[h["target"]]]
        assert view[r[h["relation_id"]]][1:] == (
            cases[r[h["case_id"]]][c["title_en"]],
            source[a["name_en"]],
            source[a["name_zh"]],
            target[a["name_en"]],
            target[a["sector"]],
        )


def test_cases_with_places_gives_each_case_once_per_place(db, rows):
    per_case = defaultdict(set)
    for case_id, place_id in rows["case_places"][1]:
        per_case[case_id].add(place_id)
    got = defaultdict(set)
    for case_id, place_id, _name_en in db.execute("SELECT case_id, place_id, place_name_en FROM cases_with_places"):
        got[case_id].add(place_id)
    assert set(got) == {r[0] for r in rows["cases"][1]}
    for case_id, places in got.items():
        assert places == (per_case[case_id] or {None}), case_id


def test_the_database_is_the_same_bytes_from_another_build(built, rebuilt):
    assert sha256(built / metadata.SQLITE) == sha256(rebuilt / metadata.SQLITE)


# ---------------------------------------------------------------- Parquet


@pytest.mark.parametrize("name", TABLES)
def test_each_parquet_file_has_the_csv_rows_in_order(built, rows, name):
    import pyarrow.parquet as pq

    header, csv_rows = rows[name]
    table = pq.read_table(built / f"{name}.parquet")
    assert table.column_names == header
    kinds = {f.name: f.type for f in metadata.TABLE[name].fields}
    got = [[as_csv_text(record[c], kinds[c]) for c in header] for record in table.to_pylist()]
    assert got == csv_rows


def test_parquet_columns_have_the_metadatas_types_and_the_data_packages_descriptions(built):
    """Each column's Arrow type is its Frictionless type's (integer int64, number double, boolean bool, string
    string); its description and labels are those datapackage.json gives the CSV's column."""
    import json

    import pyarrow.parquet as pq

    arrow = {"integer": "int64", "number": "double", "boolean": "bool", "string": "string"}
    package = json.loads((built / metadata.MANIFEST).read_text(encoding="utf-8"))
    for resource in package["resources"]:
        schema = pq.read_schema(built / f"{resource['name']}.parquet")
        assert [f.name for f in schema] == [f["name"] for f in resource["schema"]["fields"]]
        for spec in resource["schema"]["fields"]:
            field = schema.field(spec["name"])
            assert str(field.type) == arrow[spec["type"]] and field.nullable, (resource["name"], spec["name"])
            meta = {k.decode(): v.decode() for k, v in field.metadata.items()}
            assert spec["description"].startswith(meta["description"]), (resource["name"], spec["name"])
            assert (meta["label_en"], meta["label_zh"]) == (spec["title"], spec["title_zh"])
        assert schema.metadata[b"primary_key"].decode().split(",") == resource["schema"]["primaryKey"]


def test_load_reads_the_same_tables_from_parquet(built):
    import pandas as pd

    import trendlib

    from_csv, from_parquet = trendlib.load(built), trendlib.load(built, format="parquet")
    for name in TABLES:
        pd.testing.assert_frame_equal(from_parquet[name], from_csv[name], obj=name)


def test_the_parquet_files_are_the_same_bytes_from_another_build(built, rebuilt):
    differ = [name for name in TABLES if sha256(built / f"{name}.parquet") != sha256(rebuilt / f"{name}.parquet")]
    assert not differ


# ---------------------------------------------------------------- R

R_EXAMPLE = paths.project_root() / "tools" / "example.R"


def r_blocks(markdown: str) -> list[str]:
    """The fenced ```r code blocks of a markdown text."""
    return re.findall(r"^```r\n(.*?)^```$", markdown, flags=re.M | re.S)


def test_the_readme_shows_the_r_example_as_it_is():
    """The README's R code is tools/example.R, which the next test runs: the README cannot drift from code
    that works."""
    readme = (paths.project_root() / "README.md").read_text(encoding="utf-8")
    assert r_blocks(readme) == [R_EXAMPLE.read_text(encoding="utf-8")]


def test_the_r_example_reads_every_table_with_pandas_row_counts(built):
    """Rscript runs tools/example.R against a build: through SQLite (DBI + RSQLite) and as CSV (base R
    read.csv) it counts the rows pandas reads from every table's CSV."""
    import pandas as pd

    rscript = system_tool("Rscript", "apt-get install r-base-core r-cran-dbi r-cran-rsqlite")
    run = subprocess.run(
        [rscript, str(R_EXAMPLE), str(built)], capture_output=True, text=True, timeout=120, cwd=paths.project_root()
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr == "", run.stderr  # no warnings either
    counts = defaultdict(dict)
    for how, name, n in re.findall(r"^(sqlite|csv) (\w+) (\d+) $", run.stdout, flags=re.M):
        counts[how][name] = int(n)
    expected = {name: len(pd.read_csv(built / f"{name}.csv", keep_default_na=False)) for name in TABLES}
    assert counts["sqlite"] == expected
    assert counts["csv"] == expected
    per_country = pd.read_csv(built / "cases.csv").country.value_counts()
    # the SQL GROUP BY's first row, as R prints the data frame
    assert re.search(rf"^1\s+{per_country.index[0]}\s+{per_country.iloc[0]}$", run.stdout, flags=re.M)
