"""The data contract of ``data/processed/``: every field and every table, each declared once.

Modelled on PUDL's metadata: :mod:`~trendlib.metadata.fields` declares every
field (type, description, unit, vocabulary, English and Chinese labels) and
:mod:`~trendlib.metadata.resources` every table (what a row is, its fields by
name, its primary key). This package joins the two into :class:`Table`
objects, derives each table's foreign keys from its field names, and gives
what the rest of trendlib needs:

* the build's table order (:func:`names`) and its vocabulary check (:func:`check_vocabularies`),
* the dtypes of :func:`trendlib.load` (:func:`dtypes`) and the attributes of :class:`trendlib.Tables`,
* the citation ids of :mod:`trendlib.analysis.cite` (a table's primary key),
* the column labels notebooks show (:func:`label`),
* the files a build writes (:func:`outputs`),
* the Frictionless ``datapackage.json`` (:func:`datapackage`), whose ``primaryKey`` and
  ``foreignKeys`` let frictionless check that every id links, the SQLite database with
  the same keys and the Parquet files with the same types (:mod:`trendlib.export`),
* the table list of the README (a test keeps them equal).

Adding a table means adding one :class:`~trendlib.metadata.resources.Resource`
(and the function that builds its frame); a new field, one
:class:`~trendlib.metadata.fields.Field`.

>>> TABLE["cases"].primary_key
('case_id',)
>>> label("funding", "usd", "zh")
'美元金额'
>>> [(k.fields, k.table) for k in TABLE["relations"].foreign_keys][:3]
[(('case_id',), 'cases'), (('trend',), 'trends'), (('source',), 'actors')]
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from .. import vocab
from ..errors import CuratedDataError
from .fields import FIELDS, PANDAS_TYPES, Field
from .package import package
from .resources import COMPOSITE_KEYS, KEY_ALIASES, POSITIONS, RESOURCES, SELF_REFERENCES, Link, Resource, Use

__all__ = [
    "Field",
    "ForeignKey",
    "Table",
    "Link",
    "FIELDS",
    "TABLES",
    "TABLE",
    "PANDAS_TYPES",
    "GRAPHS",
    "MANIFEST",
    "SQLITE",
    "PACKAGE_NAME",
    "RETIRED_OUTPUTS",
    "outputs",
    "names",
    "label",
    "dtypes",
    "datapackage",
    "check_vocabularies",
    "link_tables",
    "identifiers",
    "foreign_keys",
]


@dataclass(frozen=True)
class ForeignKey:
    """``fields`` of a table refer to ``reference`` of table ``table`` (empty values allowed)."""

    fields: tuple[str, ...]
    table: str
    reference: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A published table: what a row is, its fields (with this table's descriptions) and its keys.

    ``link`` is set for a link table (one row per value of a ``;``-joined column of another table);
    ``lists`` names this table's own ``;``-joined columns.
    """

    name: str
    row: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    link: Link | None = None
    lists: frozenset[str] = frozenset()

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name} has no column {name!r}")


def _field(entry: str | Use) -> Field:
    """The field a resource lists, with the resource's own description (and unit) if it gives one."""
    if isinstance(entry, str):
        return FIELDS[entry]
    base = FIELDS[entry.name]
    return replace(base, description=entry.description, unit=entry.unit or base.unit)


def identifiers(resources: tuple[Resource, ...] = RESOURCES) -> dict[str, str]:
    """Identifier field → the table it identifies: the single-field primary keys, each owned by the first
    table (in build order) keyed by it, positions (:data:`~trendlib.metadata.resources.POSITIONS`) aside.

    A later table keyed by the same field has one row per row of the owner
    (``amount_checks`` per ``funding`` amount) and refers to it.

    Returns
    -------
    dict
        field name → table name.

    See Also
    --------
    foreign_keys : which uses them.

    Examples
    --------
    >>> ids = identifiers()
    >>> ids["case_id"], ids["amount_id"], ids["trend"], "line" in ids
    ('cases', 'funding', 'trends', False)
    """
    out: dict[str, str] = {}
    for r in resources:
        if len(r.primary_key) == 1 and r.primary_key[0] not in POSITIONS:
            out.setdefault(r.primary_key[0], r.name)
    return out


def foreign_keys(
    resource: Resource, ids: dict[str, str], primary_keys: dict[str, tuple[str, ...]]
) -> tuple[ForeignKey, ...]:
    """The foreign keys of one table, derived from its field names.

    A field named like an identifier (``case_id``; or an alias of one,
    :data:`~trendlib.metadata.resources.KEY_ALIASES`: ``source`` holds an
    ``actor_id``) refers to the table it identifies, unless it is that table's
    own key; a self-reference (``repeats``) refers to the table's own primary
    key; :data:`~trendlib.metadata.resources.COMPOSITE_KEYS` adds keys of
    several fields.

    Returns
    -------
    tuple of ForeignKey
        In column order, then the composite keys.

    See Also
    --------
    identifiers : identifier field → table.

    Examples
    --------
    >>> from trendlib.metadata.resources import Resource
    >>> r = Resource("notes", "a note", ("note_id", "case_id", "source"), primary_key=("note_id",))
    >>> [(k.fields, k.table, k.reference) for k in foreign_keys(r, {"case_id": "cases", "actor_id": "actors"}, {})]
    [(('case_id',), 'cases', ('case_id',)), (('source',), 'actors', ('actor_id',))]
    """
    keys = []
    for entry in resource.fields:
        name = entry if isinstance(entry, str) else entry.name
        if name in SELF_REFERENCES:
            keys.append(ForeignKey((name,), resource.name, resource.primary_key))
            continue
        held = KEY_ALIASES.get(name, name)
        owner = ids.get(held)
        if owner is not None and not (owner == resource.name and held == name):
            keys.append(ForeignKey((name,), owner, (held,)))
    for fields, table in COMPOSITE_KEYS.get(resource.name, ()):
        keys.append(ForeignKey(tuple(fields), table, tuple(primary_keys[table])))
    return tuple(keys)


def _tables(resources: tuple[Resource, ...]) -> tuple[Table, ...]:
    ids = identifiers(resources)
    primary = {r.name: r.primary_key for r in resources}
    lists: dict[str, set[str]] = {}
    for r in resources:
        if r.link:
            lists.setdefault(r.link.parent, set()).update([r.link.column, *(other for _, other in r.link.flags)])
    out = []
    for r in resources:
        fields = tuple(_field(e) for e in r.fields)
        if r.link:
            expected = [*primary[r.link.parent], r.link.value, *(flag for flag, _ in r.link.flags)]
            if [f.name for f in fields] != expected or r.primary_key != (*primary[r.link.parent], r.link.value):
                raise ValueError(
                    f"link table {r.name}: columns must be {expected}, key its first "
                    f"{len(expected) - len(r.link.flags)}"
                )
        out.append(
            Table(
                r.name,
                r.row,
                fields,
                r.primary_key,
                foreign_keys(r, ids, primary),
                r.link,
                frozenset(lists.get(r.name, ())),
            )
        )
    return tuple(out)


#: Every published table, in build order.
TABLES: tuple[Table, ...] = _tables(RESOURCES)
#: Tables by name.
TABLE: dict[str, Table] = {t.name: t for t in TABLES}

#: The published graphs (each written as GraphML and GEXF).
GRAPHS: tuple[str, ...] = ("ties", "ties_by_kind", "stakeholders")
#: The data package: the data dictionary, and the record of every file of one build.
MANIFEST = "datapackage.json"
#: Every table in one SQLite database, with its keys, the data dictionary and the vocabularies.
SQLITE = "trendlib.sqlite"
#: Its ``name``.
PACKAGE_NAME = "trendlib-government-trends-2023-zh"
#: Files earlier versions of the build wrote and this one does not: a rebuild removes them.
RETIRED_OUTPUTS: tuple[str, ...] = (
    "collaboration.graphml",
    "collaboration.gexf",
    "comention.graphml",
    "comention.gexf",
)


def outputs() -> list[str]:
    """Every file name a build writes into its folder: the only names it may replace.

    Returns
    -------
    list of str
        Sorted file names: a CSV and a Parquet file per table, GraphML and GEXF per graph, the explorer,
        the SQLite database and the data package.

    Examples
    --------
    >>> all(name in outputs() for name in ("cases.csv", "cases.parquet", "explorer.html", "trendlib.sqlite"))
    True
    """
    return sorted(
        [
            *(f"{t.name}.{ext}" for t in TABLES for ext in ("csv", "parquet")),
            *(f"{g}.{ext}" for g in GRAPHS for ext in ("graphml", "gexf")),
            "explorer.html",
            SQLITE,
            MANIFEST,
        ]
    )


def names() -> list[str]:
    """Table names in build order.

    >>> names()[:3]
    ['trends', 'paragraphs', 'paragraph_footnotes']
    """
    return [t.name for t in TABLES]


def link_tables() -> list[str]:
    """The link tables (one row per value of a ``;``-joined column), in build order.

    Returns
    -------
    list of str
        Table names.

    See Also
    --------
    trendlib.tables.link_table : builds one.

    Examples
    --------
    >>> link_tables()[:2]
    ['paragraph_footnotes', 'case_sectors']
    """
    return [t.name for t in TABLES if t.link]


def label(table: str, column: str, lang: str = "en") -> str:
    """A column's display label in ``lang`` (``"en"`` or ``"zh"``).

    >>> label("relations", "relation_type"), label("relations", "relation_type", "zh")
    ('type of tie', '关系类型')
    """
    return getattr(TABLE[table].field(column), lang)


def dtypes(table: str) -> dict[str, str]:
    """Column → pandas dtype of a table.

    >>> dtypes("furniture")["page"]
    'Int64'
    """
    return {f.name: PANDAS_TYPES[f.type] for f in TABLE[table].fields}


#: The data package's ``title``.
TITLE = "Government Trends 2023 (Chinese edition) as traceable tables"


def datapackage(
    *,
    description: str,
    licenses: list[dict],
    agreement: dict | None = None,
    version: str | None = None,
    sources: list[dict] | None = None,
    contributors: list[dict] | None = None,
) -> dict:
    """The Frictionless Data Package of the published tables (:func:`trendlib.metadata.package.package`).

    >>> p = datapackage(description="d", licenses=[])
    >>> [r["name"] for r in p["resources"]] == names()
    True
    """
    return package(
        TABLES,
        name=PACKAGE_NAME,
        title=TITLE,
        description=description,
        licenses=licenses,
        version=version,
        sources=sources,
        contributors=contributors,
        agreement=agreement,
    )


def check_vocabularies(tables: dict) -> None:
    """Every vocabulary column holds only its vocabulary's values (``;``-joined columns split).

    A value outside comes from a curated file: the error names table, column, row and value.

    Raises
    ------
    CuratedDataError
        At the first value outside its vocabulary.

    See Also
    --------
    trendlib.vocab.VOCABULARIES : the vocabularies.

    Examples
    --------
    >>> check_vocabularies({"furniture": pd.DataFrame({"line": [1], "furniture_kind": ["header"]})})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    trendlib.errors.CuratedDataError: furniture.csv row 1, column furniture_kind: 'header' is not in the ...
    """
    for t in TABLES:
        if t.name not in tables:
            continue
        df = tables[t.name]
        for f in t.fields:
            if not f.vocabulary:
                continue
            allowed = set(vocab.VOCABULARIES[f.vocabulary])
            for i, value in enumerate(df[f.name]):
                if pd.isna(value):
                    continue
                values = str(value).split(";") if f.name in t.lists else [str(value)]
                bad = [v for v in values if v and v not in allowed]
                if bad:
                    raise CuratedDataError(
                        f"{t.name}.csv row {i + 1}, column {f.name}: {bad[0]!r} is not in the {f.vocabulary} "
                        f"vocabulary ({', '.join(vocab.VOCABULARIES[f.vocabulary])}); fix the curated value"
                    )
