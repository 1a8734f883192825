"""The published tables in the forms other tools read: one SQLite database, and a Parquet file per table.

Both are written from the same tables as the CSVs, typed and keyed as
:mod:`trendlib.metadata` declares, and are byte-identical from build to build
(for the same versions of SQLite and pyarrow):

``trendlib.sqlite``
    Every table with its ``PRIMARY KEY`` and ``FOREIGN KEY`` constraints,
    typed columns (``INTEGER``, ``REAL``, ``TEXT``; a boolean is ``INTEGER``
    0 or 1 with a ``CHECK``; a vocabulary column has a ``CHECK`` of its
    codes), the data dictionary as tables (``tables``, ``fields``,
    ``vocabularies``: :mod:`trendlib.metadata.dictionary`) and the views of
    :data:`VIEWS`. Written with the standard library's :mod:`sqlite3` into a
    temporary file: fixed page size, rollback journal (no WAL), rows inserted
    in primary-key order, ``PRAGMA foreign_key_check`` clean, then ``VACUUM``.

``<table>.parquet``
    One file per table, rows in the CSV's order, with an Arrow schema of the
    metadata's types (``int64``, ``float64``, ``bool``, ``string``, every
    column nullable) whose fields carry their description, unit, vocabulary
    and English and Chinese labels as Arrow field metadata, and the table's
    row meaning and primary key as schema metadata. Written by pyarrow (the
    reference implementation of Parquet) with fixed settings: zstd level 9,
    no dictionary encoding, statistics, one row group (:data:`PARQUET_OPTIONS`).

>>> sql_type("integer"), sql_type("boolean"), sql_type("number"), sql_type("string")
('INTEGER', 'INTEGER', 'REAL', 'TEXT')
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from . import metadata, vocab
from .errors import CuratedDataError
from .metadata.dictionary import DICTIONARY, dictionary_rows
from .metadata.package import warning

__all__ = [
    "SQL_TYPES",
    "VIEWS",
    "PAGE_SIZE",
    "ARROW_TYPES",
    "PARQUET_OPTIONS",
    "sql_type",
    "create_table",
    "ordered",
    "values",
    "sql_rows",
    "sqlite_bytes",
    "arrow_schema",
    "parquet_bytes",
]

#: Frictionless type → SQLite column type (a boolean is stored as 0 or 1).
SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER", "string": "TEXT"}
#: The database's page size in bytes (fixed, so the file does not depend on the machine's default).
PAGE_SIZE = 4096

#: Views a reader asks for: name → (what a row is, the query).
VIEWS: dict[str, tuple[str, str]] = {
    "ties_named": (
        "tie with its case's title and both parties' English and Chinese names and sectors",
        """
SELECT r.relation_id, r.case_id, c.title_en AS case_title_en, c.title_zh AS case_title_zh, r.trend,
       r.relation_type, r.directed, r.within,
       r.source, s.name_en AS source_name_en, s.name_zh AS source_name_zh, s.sector AS source_sector,
       r.target, t.name_en AS target_name_en, t.name_zh AS target_name_zh, t.sector AS target_sector,
       r.crosses, r.phrase, r.phrase_en, r.line
FROM relations AS r
JOIN cases AS c ON c.case_id = r.case_id
JOIN actors AS s ON s.actor_id = r.source
JOIN actors AS t ON t.actor_id = r.target""",
    ),
    "cases_with_places": (
        "case and one jurisdiction it is set in, with the place's names and level (a case "
        "that names none has one row with empty place columns)",
        """
SELECT c.case_id, c.trend, c.title_en, c.title_zh, c.kind, c.country, c.level, c.year,
       p.place_id, p.name_en AS place_name_en, p.name_zh AS place_name_zh, p.country AS place_country,
       p.level AS place_level, p.iso AS place_iso
FROM cases AS c
LEFT JOIN case_places AS cp ON cp.case_id = c.case_id
LEFT JOIN places AS p ON p.place_id = cp.place_id""",
    ),
    "funding_countable": (
        "amount to add up: a mention of money that is neither a second mention of the same "
        "money (repeats) nor part of a larger amount (part_of)",
        """
SELECT f.*
FROM funding AS f
WHERE f.repeats IS NULL AND f.part_of IS NULL""",
    ),
}


def sql_type(kind: str) -> str:
    """The SQLite column type of a Frictionless field type (:data:`SQL_TYPES`).

    Returns
    -------
    str
        ``INTEGER``, ``REAL`` or ``TEXT``.

    See Also
    --------
    create_table : which types every column with it.

    Examples
    --------
    >>> sql_type("boolean")
    'INTEGER'
    """
    return SQL_TYPES[kind]


def _name(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def create_table(name: str, fields, primary_key=(), foreign_keys=(), lists=frozenset()) -> str:
    """The ``CREATE TABLE`` statement of a table: typed columns, a ``CHECK`` for booleans and for vocabulary
    columns (not ``;``-joined ones), its primary key and foreign keys.

    Parameters
    ----------
    name : str
        The table.
    fields : sequence of Field
        Its columns, in order.
    primary_key : sequence of str
        Its primary key.
    foreign_keys : sequence of ForeignKey
        Its foreign keys.
    lists : set of str
        Its ``;``-joined columns.

    Returns
    -------
    str
        One SQL statement.

    See Also
    --------
    sqlite_bytes : which runs it for every table.

    Examples
    --------
    >>> t = metadata.TABLE["furniture"]
    >>> print(create_table(t.name, t.fields, t.primary_key, t.foreign_keys, t.lists))
    CREATE TABLE "furniture" (
      "line" INTEGER,
      "furniture_kind" TEXT CHECK ("furniture_kind" IN ('nav', 'footer')),
      "label" TEXT,
      "page" INTEGER,
      PRIMARY KEY ("line")
    )
    """
    lines = []
    for f in fields:
        column = f"{_name(f.name)} {sql_type(f.type)}"
        if f.type == "boolean":
            column += f" CHECK ({_name(f.name)} IN (0, 1))"
        elif f.vocabulary and f.name not in lists:
            codes = ", ".join(_literal(code) for code in vocab.VOCABULARIES[f.vocabulary])
            column += f" CHECK ({_name(f.name)} IN ({codes}))"
        lines.append(column)
    if primary_key:
        lines.append(f"PRIMARY KEY ({', '.join(map(_name, primary_key))})")
    for k in foreign_keys:
        lines.append(
            f"FOREIGN KEY ({', '.join(map(_name, k.fields))}) "
            f"REFERENCES {_name(k.table)} ({', '.join(map(_name, k.reference))})"
        )
    return f"CREATE TABLE {_name(name)} (\n  " + ",\n  ".join(lines) + "\n)"


def ordered(df: pd.DataFrame, primary_key) -> pd.DataFrame:
    """The rows of a table in primary-key order (a stable sort; an empty key value sorts last).

    Returns
    -------
    DataFrame
        The same columns, rows sorted by ``primary_key``, index reset.

    See Also
    --------
    sqlite_bytes : which inserts rows in this order.

    Examples
    --------
    >>> ordered(pd.DataFrame({"k": ["b", "a"], "v": [1, 2]}), ["k"]).k.tolist()
    ['a', 'b']
    """
    if not len(primary_key):
        return df
    return df.sort_values(list(primary_key), kind="mergesort", na_position="last").reset_index(drop=True)


def values(series: pd.Series, kind: str) -> list:
    """A column's values as plain Python values of its Frictionless type: ``None`` where missing (an empty
    string too, as in the CSV, whose data package reads ``""`` as missing), ``int`` for integers, ``bool``
    for booleans, ``float`` for numbers, ``str`` for strings.

    Returns
    -------
    list
        One value per row, in order.

    See Also
    --------
    sql_rows : the rows for SQLite.
    parquet_bytes : the columns for Arrow.

    Examples
    --------
    >>> values(pd.Series(["a", "", None]), "string"), values(pd.array([1, None], dtype="Int64"), "integer")
    (['a', None, None], [1, None])
    """
    convert = {"integer": int, "boolean": bool, "number": float, "string": str}[kind]
    column = pd.Series(series, copy=False)
    missing = column.isna().tolist()  # one vectorised test, not pd.isna per value
    return [
        None if gone or (kind == "string" and v == "") else convert(v)
        for v, gone in zip(column.astype(object).tolist(), missing, strict=True)
    ]


def sql_rows(df: pd.DataFrame, fields) -> list[tuple]:
    """The rows of a typed table as SQLite values (:func:`values`; a boolean as 0 or 1).

    Returns
    -------
    list of tuple
        One tuple per row, one value per field of ``fields``, in order.

    See Also
    --------
    values : one column's values.

    Examples
    --------
    >>> df = pd.DataFrame({"n": pd.array([1, None], dtype="Int64"), "b": pd.array([True, None], dtype="boolean")})
    >>> from trendlib.metadata import Field
    >>> sql_rows(df, [Field("n", "integer", "", "", ""), Field("b", "boolean", "", "", "")])
    [(1, 1), (None, None)]
    """
    columns = [[v if v is None or f.type != "boolean" else int(v) for v in values(df[f.name], f.type)] for f in fields]
    return list(zip(*columns, strict=True)) if columns else []


def _violations(db: sqlite3.Connection) -> list[str]:
    """``PRAGMA foreign_key_check``, each violation as the row and column that refers to nothing."""
    out = []
    for table, rowid, parent, fk in db.execute("PRAGMA foreign_key_check").fetchall():
        spec = db.execute(f"PRAGMA foreign_key_list({_name(table)})").fetchall()
        columns = [row[3] for row in spec if row[0] == fk]
        values = db.execute(
            f"SELECT {', '.join(map(_name, columns))} FROM {_name(table)} WHERE rowid = ?", (rowid,)
        ).fetchone()
        key = metadata.TABLE[table].primary_key
        ident = db.execute(
            f"SELECT {', '.join(map(_name, key))} FROM {_name(table)} WHERE rowid = ?", (rowid,)
        ).fetchone()
        out.append(
            f"{table}.csv row {'/'.join(map(str, ident))}: {', '.join(columns)} "
            f"{', '.join(map(repr, values))} is not in {parent}.csv"
        )
    return out


def sqlite_bytes(tables: dict[str, pd.DataFrame], agreement: dict | None = None) -> bytes:
    """The SQLite database of the published tables, as bytes (see the module docstring). ``agreement`` is the
    agreement of the coded fields, as :func:`trendlib.metadata.datapackage` takes it (the ``fields`` table warns
    of a field short of reliable, as the data package does).

    Raises :class:`~trendlib.errors.CuratedDataError` if a row refers to a row
    that does not exist (``PRAGMA foreign_key_check``), naming the row.

    Returns
    -------
    bytes
        The database file.

    See Also
    --------
    create_table : each table's schema.
    trendlib.metadata.dictionary.dictionary_rows : the documentation tables.

    Examples
    --------
    >>> import trendlib, sqlite3, tempfile, pathlib
    >>> t = trendlib.load()
    >>> data = sqlite_bytes({name: t[name] for name in t.names()})
    >>> data[:16], data == sqlite_bytes({name: t[name] for name in t.names()})
    (b'SQLite format 3\\x00', True)
    """
    docs = dictionary_rows({name: row for name, (row, _) in VIEWS.items()}, agreement)
    with tempfile.TemporaryDirectory(prefix="trendlib-sqlite-") as tmp:
        path = Path(tmp) / "trendlib.sqlite"
        db = sqlite3.connect(path, isolation_level=None)  # autocommit: transactions are explicit below
        try:
            db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            db.execute("PRAGMA journal_mode = DELETE")
            db.execute("PRAGMA encoding = 'UTF-8'")
            db.execute("BEGIN")
            for t in metadata.TABLES:
                db.execute(create_table(t.name, t.fields, t.primary_key, t.foreign_keys, t.lists))
                rows = sql_rows(ordered(tables[t.name], t.primary_key), t.fields)
                db.executemany(f"INSERT INTO {_name(t.name)} VALUES ({', '.join('?' * len(t.fields))})", rows)
            for name, (_, columns, key) in DICTIONARY.items():
                db.execute(create_table(name, columns, key))
                rows = sql_rows(ordered(pd.DataFrame(docs[name], columns=[c.name for c in columns]), key), columns)
                db.executemany(f"INSERT INTO {_name(name)} VALUES ({', '.join('?' * len(columns))})", rows)
            for name, (_, query) in VIEWS.items():
                db.execute(f"CREATE VIEW {_name(name)} AS{query}")
            db.execute("COMMIT")
            broken = _violations(db)
            if broken:
                raise CuratedDataError(
                    "rows refer to rows that do not exist: "
                    + "; ".join(broken[:5])
                    + "; fix the curated file that gives these ids"
                )
            db.execute("VACUUM")
        finally:
            db.close()
        return path.read_bytes()


# ---------------------------------------------------------------- Parquet

#: Frictionless type → Arrow type (every column nullable).
ARROW_TYPES = {"integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_(), "string": pa.string()}
#: The settings of every Parquet file: fixed, so that two builds give the same bytes.
PARQUET_OPTIONS = {
    "version": "2.6",
    "compression": "zstd",
    "compression_level": 9,
    "use_dictionary": False,
    "write_statistics": True,
    "store_schema": True,
    "data_page_version": "1.0",
}


def arrow_schema(table, agreement: dict | None = None) -> pa.Schema:
    """The Arrow schema of a published table: its fields' types, each field's description, unit, vocabulary and
    labels as field metadata, and what a row is and the primary key as schema metadata.

    ``agreement`` is as :func:`trendlib.metadata.datapackage` takes it: a coded field short of reliable says so
    at the start of its description.

    Returns
    -------
    pyarrow.Schema
        One nullable field per column, in order.

    See Also
    --------
    parquet_bytes : the file.

    Examples
    --------
    >>> s = arrow_schema(metadata.TABLE["furniture"])
    >>> [str(f.type) for f in s], s.field("furniture_kind").metadata[b"vocabulary"]
    (['int64', 'string', 'string', 'int64'], b'furniture_kind')
    >>> s.metadata[b"primary_key"]
    b'line'
    """
    fields = []
    for f in table.fields:
        row = (agreement or {}).get((table.name, f.name))
        meta = {
            "description": (warning(row) if row else "") + f.description,
            "label_en": f.en,
            "label_zh": f.zh,
            "unit": f.unit,
            "vocabulary": f.vocabulary,
        }
        fields.append(
            pa.field(
                f.name, ARROW_TYPES[f.type], nullable=True, metadata={k: v for k, v in meta.items() if v is not None}
            )
        )
    return pa.schema(
        fields, metadata={"table": table.name, "row": table.row, "primary_key": ",".join(table.primary_key)}
    )


def parquet_bytes(df: pd.DataFrame, table, agreement: dict | None = None) -> bytes:
    """A published table as a Parquet file (see the module docstring), as bytes.

    Returns
    -------
    bytes
        The file: the rows of ``df`` in order, typed by :func:`arrow_schema`, missing values (and empty strings,
        as in the CSV) null.

    See Also
    --------
    arrow_schema : its schema.

    Examples
    --------
    >>> import io
    >>> t = metadata.TABLE["furniture"]
    >>> df = pd.DataFrame({"line": [73], "furniture_kind": ["footer"], "label": ["概要"], "page": [3]})
    >>> data = parquet_bytes(df, t)
    >>> data == parquet_bytes(df, t), pq.read_table(io.BytesIO(data)).to_pylist()
    (True, [{'line': 73, 'furniture_kind': 'footer', 'label': '概要', 'page': 3}])
    """
    schema = arrow_schema(table, agreement)
    arrays = [pa.array(values(df[f.name], f.type), type=ARROW_TYPES[f.type]) for f in table.fields]
    sink = pa.BufferOutputStream()
    pq.write_table(pa.Table.from_arrays(arrays, schema=schema), sink, row_group_size=max(len(df), 1), **PARQUET_OPTIONS)
    return sink.getvalue().to_pybytes()
