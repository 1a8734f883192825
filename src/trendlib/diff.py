"""Compare two builds table by table, by primary key, and the graph of ties edge by edge.

``trendlib diff OLD NEW`` reads two folders written by ``trendlib build`` and
says what changed between them: for every table of the data packages, the rows
added, removed and changed (with the fields that changed, old → new); tables
added or removed; columns added or removed; and, in ``ties.graphml``, the ties
(edges, keyed by relation id) and parties (nodes) added, removed and changed.

Everything is compared as the published text: each CSV is read with
``dtype=str`` and ``keep_default_na=False``, so ``1.0`` and ``1`` differ and an
empty cell is the empty string. Graph attributes are compared as text too.

The work is split into small pure functions over records (dicts of text) and
DataFrames, which the tests and notebooks can call directly, and one function
that reads two folders (:func:`diff_builds`):

=========================== ====================================================
function                    what it does
=========================== ====================================================
:func:`compare_records`     rows added, removed and changed between two keyed
                            lists of records
:func:`compare_whole_rows`  rows added and removed when there is no common key
:func:`compare_tables`      one table of two builds (DataFrames of text)
:func:`compare_graphs`      nodes and edges of two graphs of ties
:func:`diff_builds`         every table and the graph of two build folders
:func:`format_text`         the report for a reader, capped at ``limit`` rows
:func:`format_json`         the whole report as deterministic JSON
:func:`format_markdown`     a "Data" section for a changelog
=========================== ====================================================

A folder that cannot be compared (missing, no data package, a table missing or
unreadable, a primary key repeated) raises :class:`~trendlib.errors.DiffError`,
whose message names the folder or file and the fix.

>>> import pandas as pd
>>> old = pd.DataFrame({"id": ["a", "b"], "type": ["x", "y"]})
>>> new = pd.DataFrame({"id": ["b", "c"], "type": ["z", "y"]})
>>> print(summary_line("t", compare_tables(old, new, ["id"], ["id"])))
t: 1 added, 1 removed, 1 changed (fields: type)
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

import networkx as nx
import pandas as pd

from . import output
from .errors import DiffError, OutputError
from .metadata import MANIFEST

__all__ = [
    "GRAPH",
    "read_text_table",
    "duplicate_key",
    "compare_records",
    "compare_whole_rows",
    "compare_tables",
    "graph_records",
    "compare_graphs",
    "diff_builds",
    "has_differences",
    "summary_line",
    "graph_summary_line",
    "format_text",
    "format_json",
    "format_markdown",
]

#: The graph of ties that :func:`diff_builds` compares, beside the tables.
GRAPH = "ties.graphml"

_VALUE_WIDTH = 60  # characters of a value shown in the text report
_ROW_WIDTH = 160  # characters of an added or removed row shown in the text report


# ---------------------------------------------------------------- pure comparisons


def _key_of(record: Mapping[str, object], key: Sequence[str]) -> tuple:
    return tuple(record.get(k) for k in key)


def duplicate_key(records: Sequence[Mapping[str, object]], key: Sequence[str]) -> tuple[tuple, int, int] | None:
    """The first key two records share, with the positions of both, or ``None``.

    Parameters
    ----------
    records : sequence of mapping
        Rows (or nodes, edges) as ``{field: value}``.
    key : sequence of str
        The fields that should identify a record.

    Returns
    -------
    tuple or None
        ``(key values, first position, second position)`` (0-based) of the first
        repeated key, or ``None`` when every key is unique.

    See Also
    --------
    compare_records : which needs unique keys.

    Examples
    --------
    >>> rows = [{"id": "a"}, {"id": "b"}, {"id": "a"}]
    >>> duplicate_key(rows, ["id"])
    (('a',), 0, 2)
    >>> duplicate_key(rows[:2], ["id"]) is None
    True
    """
    seen: dict[tuple, int] = {}
    for i, record in enumerate(records):
        k = _key_of(record, key)
        if k in seen:
            return k, seen[k], i
        seen[k] = i
    return None


def compare_records(
    old: Sequence[Mapping[str, object]], new: Sequence[Mapping[str, object]], key: Sequence[str], fields: Sequence[str]
) -> dict:
    """Records added, removed and changed between ``old`` and ``new``, matched by ``key``.

    Parameters
    ----------
    old, new : sequence of mapping
        Records as ``{field: value}``; the values of ``key`` must be unique
        within each (see :func:`duplicate_key`). A field a record lacks counts
        as ``None``.
    key : sequence of str
        The fields that identify a record (a table's primary key).
    fields : sequence of str
        The fields compared for a record in both; the order in which changed
        fields are listed.

    Returns
    -------
    dict
        ``added`` (the records of ``new`` whose key ``old`` lacks, in ``new``'s
        order), ``removed`` (of ``old``, in its order), ``changed`` (one
        ``{"key": {field: value}, "fields": {field: {"old": …, "new": …}}}`` per
        record whose compared fields differ, in ``old``'s order) and
        ``fields_changed`` (how many records changed in each field, in
        ``fields`` order, only fields that changed).

    Raises
    ------
    ValueError
        If a key repeats within ``old`` or ``new``.

    See Also
    --------
    compare_whole_rows : when the two sides do not share a key.
    compare_tables : the same for two DataFrames.

    Examples
    --------
    >>> old = [{"id": "R1", "type": "funds"}, {"id": "R2", "type": "partners"}]
    >>> new = [{"id": "R2", "type": "supplies"}, {"id": "R3", "type": "funds"}]
    >>> d = compare_records(old, new, ["id"], ["type"])
    >>> d["added"], d["removed"]
    ([{'id': 'R3', 'type': 'funds'}], [{'id': 'R1', 'type': 'funds'}])
    >>> d["changed"]
    [{'key': {'id': 'R2'}, 'fields': {'type': {'old': 'partners', 'new': 'supplies'}}}]
    >>> d["fields_changed"]
    {'type': 1}
    """
    for side, records in (("old", old), ("new", new)):
        dup = duplicate_key(records, key)
        if dup is not None:
            raise ValueError(
                f"{side}: key {dict(zip(key, dup[0], strict=True))} repeats (records {dup[1]} and {dup[2]})"
            )
    old_by_key = {_key_of(r, key): r for r in old}
    new_by_key = {_key_of(r, key): r for r in new}
    changed, counts = [], Counter()
    for k, before in old_by_key.items():
        after = new_by_key.get(k)
        if after is None:
            continue
        diffs = {f: {"old": before.get(f), "new": after.get(f)} for f in fields if before.get(f) != after.get(f)}
        if diffs:
            changed.append({"key": dict(zip(key, k, strict=True)), "fields": diffs})
            counts.update(diffs.keys())
    return {
        "added": [dict(r) for k, r in new_by_key.items() if k not in old_by_key],
        "removed": [dict(r) for k, r in old_by_key.items() if k not in new_by_key],
        "changed": changed,
        "fields_changed": {f: counts[f] for f in fields if counts[f]},
    }


def compare_whole_rows(
    old: Sequence[Mapping[str, object]], new: Sequence[Mapping[str, object]], fields: Sequence[str]
) -> dict:
    """Rows added and removed, comparing whole rows (over ``fields``) as multisets.

    Used when two versions of a table have no primary key in common: a row
    that differs in any field counts as one removed and one added.

    Parameters
    ----------
    old, new : sequence of mapping
        Rows as ``{field: value}``.
    fields : sequence of str
        The fields that make up a row for the comparison (those both sides have).

    Returns
    -------
    dict
        ``added`` (rows of ``new`` with no equal row left in ``old``, in
        ``new``'s order), ``removed`` (the converse, in ``old``'s order), and
        ``changed`` and ``fields_changed`` always empty, so that the result has
        the shape of :func:`compare_records`'s.

    See Also
    --------
    compare_records : matching rows by a key instead.

    Examples
    --------
    >>> old = [{"a": "1", "b": "x"}, {"a": "2", "b": "y"}]
    >>> new = [{"a": "2", "b": "y"}, {"a": "1", "b": "z"}]
    >>> d = compare_whole_rows(old, new, ["a", "b"])
    >>> d["added"], d["removed"]
    ([{'a': '1', 'b': 'z'}], [{'a': '1', 'b': 'x'}])
    """

    def row(r):
        return tuple(r.get(f) for f in fields)

    spare_old, spare_new = Counter(map(row, old)), Counter(map(row, new))
    common = spare_old & spare_new
    left_old, left_new = spare_old - common, spare_new - common
    added, removed = [], []
    for records, left, into in ((new, left_new, added), (old, left_old, removed)):
        for r in records:
            if left[row(r)] > 0:
                left[row(r)] -= 1
                into.append(dict(r))
    return {"added": added, "removed": removed, "changed": [], "fields_changed": {}}


def compare_tables(
    old: pd.DataFrame | None, new: pd.DataFrame | None, old_key: Sequence[str] | None, new_key: Sequence[str] | None
) -> dict:
    """One table of two builds: rows and columns added, removed and changed.

    Parameters
    ----------
    old, new : pandas.DataFrame or None
        The table as text (see :func:`read_text_table`); ``None`` when a build
        lacks the table.
    old_key, new_key : sequence of str or None
        The primary key each build's data package declares for it. When they
        differ (or there is none) rows are compared as whole rows
        (:func:`compare_whole_rows`), otherwise by key (:func:`compare_records`).
        Only the columns both versions have are compared.

    Returns
    -------
    dict
        ``status`` (``"same"``, ``"changed"``, ``"added"`` or ``"removed"``),
        ``rows`` and ``primary_key`` (``{"old": …, "new": …}``, ``None`` for a
        missing side), ``compared_by`` (``"primary_key"``, ``"whole_row"``, or
        ``None`` for a table only one side has), ``columns`` (``added`` and
        ``removed`` names), and the ``added``, ``removed``, ``changed`` and
        ``fields_changed`` of the row comparison (empty for a table only one
        side has: its rows are all in its own file).

    See Also
    --------
    compare_records, compare_whole_rows : the row comparisons.
    summary_line : one line that says what changed.

    Examples
    --------
    >>> old = pd.DataFrame({"id": ["1", "2"], "v": ["a", "b"]})
    >>> new = pd.DataFrame({"id": ["1", "2"], "v": ["a", "B"], "w": ["", ""]})
    >>> d = compare_tables(old, new, ["id"], ["id"])
    >>> d["status"], d["columns"], d["changed"]
    ('changed', {'added': ['w'], 'removed': []}, [{'key': {'id': '2'}, 'fields': {'v': {'old': 'b', 'new': 'B'}}}])
    >>> compare_tables(None, new, None, ["id"])["status"]
    'added'
    """

    def keys(k):
        return None if k is None else list(k)

    entry = {
        "rows": {"old": None if old is None else len(old), "new": None if new is None else len(new)},
        "primary_key": {"old": keys(old_key), "new": keys(new_key)},
        "columns": {"added": [], "removed": []},
        "added": [],
        "removed": [],
        "changed": [],
        "fields_changed": {},
    }
    if old is None or new is None:
        return {**entry, "status": "added" if old is None else "removed", "compared_by": None}
    old_columns, new_columns = list(old.columns), list(new.columns)
    entry["columns"] = {
        "added": [c for c in new_columns if c not in old_columns],
        "removed": [c for c in old_columns if c not in new_columns],
    }
    common = [c for c in new_columns if c in old_columns]
    old_rows, new_rows = old.to_dict("records"), new.to_dict("records")
    if old_key and list(old_key) == list(new_key or []) and all(k in common for k in old_key):
        rows = compare_records(old_rows, new_rows, list(old_key), [c for c in common if c not in old_key])
        entry["compared_by"] = "primary_key"
    else:
        rows = compare_whole_rows(old_rows, new_rows, common)
        entry["compared_by"] = "whole_row"
    entry.update(rows)
    differs = (
        rows["added"]
        or rows["removed"]
        or rows["changed"]
        or entry["columns"]["added"]
        or entry["columns"]["removed"]
        or entry["primary_key"]["old"] != entry["primary_key"]["new"]
    )
    entry["status"] = "changed" if differs else "same"
    return entry


def graph_records(g: nx.MultiDiGraph) -> tuple[list[dict], list[dict]]:
    """The nodes and edges of a graph of ties as records of text.

    Parameters
    ----------
    g : networkx.MultiDiGraph
        As :func:`networkx.read_graphml` reads ``ties.graphml`` with
        ``edge_key_type=str, force_multigraph=True``: each edge's key is its
        relation id.

    Returns
    -------
    nodes : list of dict
        ``{"id": node, attribute: text, …}``, in the graph's order.
    edges : list of dict
        ``{"id": key, "source": u, "target": v, attribute: text, …}``, in
        order of id.

    See Also
    --------
    compare_graphs : which compares these records.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("usa_gsa", "companies@T1-01", key="R1", tie="funds", trend=1)
    >>> graph_records(g)[1]
    [{'id': 'R1', 'source': 'usa_gsa', 'target': 'companies@T1-01', 'tie': 'funds', 'trend': '1'}]
    """

    def text(attrs):
        return {str(k): str(v) for k, v in sorted(attrs.items(), key=lambda kv: str(kv[0]))}

    nodes = [{"id": str(n), **{a: t for a, t in text(attrs).items() if a != "id"}} for n, attrs in g.nodes(data=True)]
    edges = [
        {
            "id": k,
            "source": str(u),
            "target": str(v),
            **{a: t for a, t in text(attrs).items() if a not in ("id", "source", "target")},
        }
        for u, v, k, attrs in g.edges(keys=True, data=True)
    ]
    return nodes, sorted(edges, key=lambda e: str(e["id"]))


def compare_graphs(old: nx.MultiDiGraph, new: nx.MultiDiGraph) -> dict:
    """Nodes and edges (ties, keyed by relation id) added, removed and changed.

    Parameters
    ----------
    old, new : networkx.MultiDiGraph
        Two graphs of ties whose edge keys are relation ids (see
        :func:`graph_records`); edge ids must be unique within each.

    Returns
    -------
    dict
        ``status`` (``"same"`` or ``"changed"``), and ``nodes`` and ``edges``,
        each with ``count`` (``{"old": n, "new": n}``) and the ``added``,
        ``removed``, ``changed`` and ``fields_changed`` of
        :func:`compare_records`. An edge whose endpoints changed is a changed
        edge (fields ``source``, ``target``); an attribute only one side has
        is compared with ``None``.

    See Also
    --------
    graph_records : the records compared.
    graph_summary_line : one line that says what changed.

    Examples
    --------
    >>> old, new = nx.MultiDiGraph(), nx.MultiDiGraph()
    >>> _ = old.add_edge("a", "b", key="R1", tie="funds")
    >>> _ = new.add_edge("a", "c", key="R1", tie="funds")
    >>> d = compare_graphs(old, new)
    >>> d["nodes"]["added"], d["nodes"]["removed"]
    ([{'id': 'c'}], [{'id': 'b'}])
    >>> d["edges"]["changed"]
    [{'key': {'id': 'R1'}, 'fields': {'target': {'old': 'b', 'new': 'c'}}}]
    """
    (old_nodes, old_edges), (new_nodes, new_edges) = graph_records(old), graph_records(new)

    def fields(first, *records):
        names = {f for r in records for f in r}
        return [*first, *sorted(names - {"id", *first})]

    nodes = compare_records(old_nodes, new_nodes, ["id"], fields([], *old_nodes, *new_nodes))
    edges = compare_records(old_edges, new_edges, ["id"], fields(["source", "target"], *old_edges, *new_edges))
    nodes = {"count": {"old": len(old_nodes), "new": len(new_nodes)}, **nodes}
    edges = {"count": {"old": len(old_edges), "new": len(new_edges)}, **edges}
    differs = any(part[k] for part in (nodes, edges) for k in ("added", "removed", "changed"))
    return {"status": "changed" if differs else "same", "nodes": nodes, "edges": edges}


# ---------------------------------------------------------------- reading two builds


def _rebuild(folder: Path) -> str:
    return f"`trendlib build --out {folder}`"


def read_text_table(path: Path, primary_key: Sequence[str] | None = None) -> pd.DataFrame:
    """A published CSV as text, exactly as written, with its primary key checked.

    Parameters
    ----------
    path : pathlib.Path
        The CSV file (UTF-8, header row).
    primary_key : sequence of str, optional
        Columns whose values must be present and, together, unique.

    Returns
    -------
    pandas.DataFrame
        Every column as ``str`` (``dtype=str, keep_default_na=False``): an
        empty cell is ``""``, ``1.50`` stays ``1.50``.

    Raises
    ------
    DiffError
        The file is missing, unreadable, lacks a key column, or repeats a key;
        the message names the file, the key and the rows.

    See Also
    --------
    trendlib.load.read_table : the same file with the data dictionary's types.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = Path(d) / "t.csv"
    ...     _ = p.write_text("id,v\\n1,1.50\\n2,\\n", encoding="utf-8")
    ...     read_text_table(p, ["id"]).to_dict("records")
    [{'id': '1', 'v': '1.50'}, {'id': '2', 'v': ''}]
    """
    folder = path.parent
    if not path.is_file():
        raise DiffError(
            f"{path}: no such file, though {folder / MANIFEST} lists it, so {folder} is not a whole "
            f"build; restore the file, or write the folder afresh with {_rebuild(folder)}."
        )
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except UnicodeDecodeError as err:
        raise DiffError(
            f"{path}: not UTF-8 ({err.reason} at byte {err.start}); trendlib writes UTF-8: "
            f"write the folder afresh with {_rebuild(folder)}."
        ) from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, OSError) as err:
        raise DiffError(
            f"{path}: not a readable CSV ({str(err).strip()}); write the folder afresh with {_rebuild(folder)}."
        ) from None
    key = list(primary_key or [])
    missing = [k for k in key if k not in df.columns]
    if missing:
        raise DiffError(
            f"{path}: no column {', '.join(missing)}, which {folder / MANIFEST} declares as its "
            f"primary key; restore the column, or write the folder afresh with {_rebuild(folder)}."
        )
    if key:
        dup = duplicate_key(df[key].to_dict("records"), key)
        if dup is not None:
            shown = ", ".join(f"{k}={v}" for k, v in zip(key, dup[0], strict=True))
            raise DiffError(
                f"{path}: primary key ({', '.join(key)}) repeated: {shown} is on data rows {dup[1] + 1} "
                f"and {dup[2] + 1}; a key must name one row: remove or correct the repeated row, "
                f"or write the folder afresh with {_rebuild(folder)}."
            )
    return df


def _read_graph(path: Path) -> nx.MultiDiGraph:
    folder = path.parent
    if not path.is_file():
        raise DiffError(
            f"{path}: no such file, so {folder} is not a whole build; restore it, or write the folder "
            f"afresh with {_rebuild(folder)}."
        )
    try:
        g = nx.read_graphml(path, edge_key_type=str, force_multigraph=True)
    except (ET.ParseError, nx.NetworkXError, OSError, ValueError) as err:
        raise DiffError(
            f"{path}: not a readable GraphML file ({err}); write the folder afresh with {_rebuild(folder)}."
        ) from None
    seen: dict[str, tuple] = {}
    for u, v, k in g.edges(keys=True):
        if not isinstance(k, str):
            raise DiffError(
                f"{path}: the edge {u} → {v} has no id (each edge's id is its relation id); write the "
                f"folder afresh with {_rebuild(folder)}."
            )
        if k in seen:
            raise DiffError(
                f"{path}: edge id {k} repeated ({seen[k][0]} → {seen[k][1]} and {u} → {v}); an id must "
                f"name one relation: write the folder afresh with {_rebuild(folder)}."
            )
        seen[k] = (u, v)
    return g


def _primary_key(resource: Mapping) -> list[str] | None:
    schema = resource.get("schema")
    key = schema.get("primaryKey") if isinstance(schema, Mapping) else None
    if isinstance(key, str):
        return [key]
    return [str(k) for k in key] if isinstance(key, list) and key else None


def _read_build(folder: Path) -> dict:
    """The version, tables (as text) and graph of the build in ``folder``."""
    if not folder.exists():
        raise DiffError(
            f"{folder}: no such folder; give the output folder of a trendlib build (data/processed "
            f"by default), or write one with {_rebuild(folder)}."
        )
    if not folder.is_dir():
        raise DiffError(
            f"{folder}: a file, not a folder; give the output folder of a trendlib build "
            "(the folder that holds datapackage.json)."
        )
    manifest = folder / MANIFEST
    if not manifest.is_file():
        raise DiffError(
            f"{folder}: no {MANIFEST}, so it is not the output of a trendlib build; give the folder "
            f"`trendlib build` wrote, or write one with {_rebuild(folder)}."
        )
    try:
        with output.shared_lock(folder):
            interrupted = output.interrupted_publish(folder)
            if interrupted:
                raise DiffError(
                    f"{interrupted}, so it may hold files of two builds; run {_rebuild(folder)} "
                    "(it first undoes the interrupted one), then compare again."
                )
            try:
                package = json.loads(manifest.read_text(encoding="utf-8"))
            except (ValueError, UnicodeDecodeError) as err:
                raise DiffError(
                    f"{manifest}: not valid JSON ({err}); write the folder afresh with {_rebuild(folder)}."
                ) from None
            resources = package.get("resources") if isinstance(package, dict) else None
            if not isinstance(resources, list):
                raise DiffError(
                    f"{manifest}: lists no resources (tables), so it is not a trendlib data package; "
                    f"write the folder afresh with {_rebuild(folder)}."
                )
            tables: dict[str, tuple[pd.DataFrame, list[str] | None]] = {}
            for resource in resources:
                if not isinstance(resource, Mapping) or not str(resource.get("path", "")).endswith(".csv"):
                    continue
                name = str(resource.get("name") or Path(str(resource["path"])).stem)
                path = str(resource["path"])
                if Path(path).name != path or path in (".", ".."):
                    raise DiffError(
                        f"{manifest}: table {name}'s path {path!r} is not a file of the folder; only "
                        f"a build's own data package can be compared: write it with {_rebuild(folder)}."
                    )
                key = _primary_key(resource)
                tables[name] = (read_text_table(folder / path, key), key)
            graph = _read_graph(folder / GRAPH)
    except OutputError as err:
        raise DiffError(str(err)) from None
    own = package.get("trendlib") if isinstance(package.get("trendlib"), dict) else {}
    version = package.get("version") or own.get("version")
    return {"path": str(folder), "version": None if version is None else str(version), "tables": tables, "graph": graph}


def diff_builds(old: Path | str, new: Path | str) -> dict:
    """Every table and the graph of ties of two build folders, compared.

    Each folder is read under the shared lock a build respects (never half
    published), but the files are not checked against the hashes their data
    package records: a folder edited by hand can be compared.

    Parameters
    ----------
    old, new : path-like
        Two folders written by ``trendlib build``, each with ``datapackage.json``,
        the CSV tables it lists and ``ties.graphml``.

    Returns
    -------
    dict
        ``old`` and ``new`` (``{"path": …, "version": …}``), ``tables``
        (``{name: compare_tables(…)}``, in the new build's order, then tables
        only the old has), ``graph`` (``{"file": "ties.graphml", **compare_graphs(…)}``)
        and ``differs`` (bool). Plain JSON types only.

    Raises
    ------
    DiffError
        A folder cannot be compared; the message names it, or its file, and the fix.

    See Also
    --------
    format_text, format_json, format_markdown : ways to show the report.

    Examples
    --------
    >>> from trendlib.paths import processed_dir
    >>> report = diff_builds(processed_dir(), processed_dir())
    >>> report["differs"], report["tables"]["cases"]["status"]
    (False, 'same')
    """
    before, after = _read_build(Path(old)), _read_build(Path(new))
    names = [*after["tables"], *(n for n in before["tables"] if n not in after["tables"])]
    tables = {}
    for name in names:
        old_df, old_key = before["tables"].get(name, (None, None))
        new_df, new_key = after["tables"].get(name, (None, None))
        tables[name] = compare_tables(old_df, new_df, old_key, new_key)
    report = {
        "old": {"path": before["path"], "version": before["version"]},
        "new": {"path": after["path"], "version": after["version"]},
        "tables": tables,
        "graph": {"file": GRAPH, **compare_graphs(before["graph"], after["graph"])},
    }
    report["differs"] = has_differences(report)
    return report


def has_differences(report: Mapping) -> bool:
    """Whether a :func:`diff_builds` report finds any difference in a table or the graph.

    Returns
    -------
    bool
        ``True`` if a table is not ``"same"`` or the graph changed.

    See Also
    --------
    diff_builds : which sets ``report["differs"]`` with it.

    Examples
    --------
    >>> has_differences({"tables": {"t": {"status": "same"}}, "graph": {"status": "same"}})
    False
    """
    return any(t["status"] != "same" for t in report["tables"].values()) or report["graph"]["status"] != "same"


# ---------------------------------------------------------------- showing the report


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _counts(part: Mapping) -> str:
    text = f"{len(part['added'])} added, {len(part['removed'])} removed, {len(part['changed'])} changed"
    if part["fields_changed"]:
        text += f" (fields: {', '.join(part['fields_changed'])})"
    return text


def summary_line(name: str, entry: Mapping) -> str:
    """One line that says what changed in a table (an entry of :func:`compare_tables`).

    Returns
    -------
    str
        ``"name: 12 added, 3 removed, 40 changed (fields: type, crosses)"``, or
        what else happened to the table: new, removed, unchanged, its columns
        or its primary key changed.

    See Also
    --------
    graph_summary_line : the same for the graph.
    format_markdown : these lines as a changelog's bullets.

    Examples
    --------
    >>> old = pd.DataFrame({"id": ["1", "2"], "v": ["a", "b"]})
    >>> print(summary_line("t", compare_tables(old, old, ["id"], ["id"])))
    t: no changes (2 rows)
    >>> print(summary_line("t", compare_tables(old, old, ["id"], ["id", "v"])))
    t: primary key changed from (id) to (id, v); compared as whole rows: 0 added, 0 removed
    >>> print(summary_line("t", compare_tables(None, old, None, ["id"])))
    t: new table (2 rows, primary key id)
    """
    rows, key = entry["rows"], entry["primary_key"]
    if entry["status"] == "added":
        return f"{name}: new table ({_plural(rows['new'], 'row')}" + (
            f", primary key {', '.join(key['new'])})" if key["new"] else ", no primary key)"
        )
    if entry["status"] == "removed":
        return f"{name}: table removed (had {_plural(rows['old'], 'row')})"
    if entry["status"] == "same":
        return f"{name}: no changes ({_plural(rows['new'], 'row')})"
    parts = []
    if key["old"] != key["new"]:
        parts.append(
            f"primary key changed from ({', '.join(key['old'] or ['none'])}) to ({', '.join(key['new'] or ['none'])})"
        )
    if entry["compared_by"] == "whole_row":
        parts.append(f"compared as whole rows: {len(entry['added'])} added, {len(entry['removed'])} removed")
    elif entry["added"] or entry["removed"] or entry["changed"]:
        parts.append(_counts(entry))
    else:
        parts.append(f"no row changes ({_plural(rows['new'], 'row')})")
    for which in ("added", "removed"):
        if entry["columns"][which]:
            parts.append(f"columns {which}: {', '.join(entry['columns'][which])}")
    return f"{name}: " + "; ".join(parts)


def graph_summary_line(graph: Mapping) -> str:
    """One line that says what changed in the graph of ties (see :func:`compare_graphs`).

    Returns
    -------
    str
        ``"ties.graphml: edges … ; nodes …"``, or that nothing changed.

    See Also
    --------
    summary_line : the same for a table.

    Examples
    --------
    >>> g = nx.MultiDiGraph([("a", "b", "R1")])
    >>> print(graph_summary_line({"file": "ties.graphml", **compare_graphs(g, g)}))
    ties.graphml: no changes (1 edge, 2 nodes)
    """
    name = graph.get("file", GRAPH)
    edges, nodes = graph["edges"], graph["nodes"]
    if graph["status"] == "same":
        return (
            f"{name}: no changes ({_plural(edges['count']['new'], 'edge')}, {_plural(nodes['count']['new'], 'node')})"
        )
    return f"{name}: edges {_counts(edges)}; nodes {_counts(nodes)}"


def _value(v: object, width: int = _VALUE_WIDTH) -> str:
    if v is None:
        return "(none)"
    text = str(v)
    if len(text) > width:
        text = text[: width - 1] + "…"
    return json.dumps(text, ensure_ascii=False)


def _pair(old: object, new: object, width: int = _VALUE_WIDTH) -> str:
    """``"old" → "new"``, long texts cut to ``width`` characters around their first difference."""
    if not (isinstance(old, str) and isinstance(new, str)) or max(len(old), len(new)) <= width:
        return f"{_value(old, width)} → {_value(new, width)}"
    same = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new)))
    start = max(0, same - width // 4)

    def cut(text: str) -> str:
        part = text[start : start + width]
        return json.dumps(
            ("…" if start else "") + part + ("…" if start + width < len(text) else ""), ensure_ascii=False
        )

    return f"{cut(old)} → {cut(new)}"


def _key_text(key: Mapping) -> str:
    return ", ".join(f"{k}={v}" for k, v in key.items())


def _row_text(row: Mapping, key: Sequence[str]) -> str:
    head = _key_text({k: row.get(k) for k in key}) if key else ""
    rest = ", ".join(f"{k}={_value(v, 40)}" for k, v in row.items() if k not in key)
    text = f"{head}: {rest}" if head and rest else head or rest
    return text if len(text) <= _ROW_WIDTH else text[: _ROW_WIDTH - 1] + "…"


def _details(part: Mapping, key: Sequence[str], limit: int, what: str = "rows") -> list[str]:
    lines = []
    for sign, which in (("+", "added"), ("-", "removed")):
        records = part[which]
        for r in records[:limit]:
            lines.append(f"  {sign} {_row_text(r, key)}")
        if len(records) > limit:
            lines.append(f"  {sign} … and {len(records) - limit} more {which} {what}")
    if part["changed"]:
        if part["fields_changed"]:
            lines.append("  fields changed: " + ", ".join(f"{f} ({n})" for f, n in part["fields_changed"].items()))
        for c in part["changed"][:limit]:
            lines.append(f"  ~ {_key_text(c['key'])}")
            for f, d in c["fields"].items():
                lines.append(f"      {f}: {_pair(d['old'], d['new'])}")
        if len(part["changed"]) > limit:
            lines.append(f"  ~ … and {len(part['changed']) - limit} more changed {what}")
    return lines


def format_text(report: Mapping, limit: int = 10) -> str:
    """The report for a reader: a summary line per table and the graph, then examples.

    Parameters
    ----------
    report : mapping
        As :func:`diff_builds` returns it.
    limit : int, default 10
        How many example rows of each kind (added, removed, changed) to show
        per table, and edges and nodes for the graph; ``0`` shows the summary only.

    Returns
    -------
    str
        Lines ending in ``\\n``; the same report always gives the same text.
        Long values are cut to 60 characters (``…``) and quoted as JSON strings.

    See Also
    --------
    format_json : the whole report, uncut.
    format_markdown : a changelog's "Data" section.

    Examples
    --------
    >>> old = pd.DataFrame({"id": ["1", "2"], "v": ["a", "b"]})
    >>> new = pd.DataFrame({"id": ["1", "3"], "v": ["A", "c"]})
    >>> g = nx.MultiDiGraph([("a", "b", "R1")])
    >>> report = {"old": {"path": "old", "version": "0.1.0"}, "new": {"path": "new", "version": "0.2.0"},
    ...           "tables": {"t": compare_tables(old, new, ["id"], ["id"])},
    ...           "graph": {"file": "ties.graphml", **compare_graphs(g, g)}}
    >>> print(format_text(report), end="")
    --- old (trendlib 0.1.0)
    +++ new (trendlib 0.2.0)
    <BLANKLINE>
    t: 1 added, 1 removed, 1 changed (fields: v)
    ties.graphml: no changes (1 edge, 2 nodes)
    <BLANKLINE>
    t
      + id=3: v="c"
      - id=2: v="b"
      fields changed: v (1)
      ~ id=1
          v: "a" → "A"
    """

    def side(s, mark):
        return f"{mark} {s['path']}" + (f" (trendlib {s['version']})" if s.get("version") else "")

    lines = [side(report["old"], "---"), side(report["new"], "+++"), ""]
    tables, graph = report["tables"], report["graph"]
    lines += [summary_line(name, entry) for name, entry in tables.items()]
    lines.append(graph_summary_line(graph))
    if not has_differences(report):
        lines += ["", f"No differences: {_plural(len(tables), 'table')} and {graph.get('file', GRAPH)} are the same."]
        return "\n".join(lines) + "\n"
    if limit > 0:
        for name, entry in tables.items():
            if entry["status"] != "changed":
                continue
            key = entry["primary_key"]["new"] if entry["compared_by"] == "primary_key" else []
            body = _details(entry, key or [], limit)
            if body:
                lines += ["", name, *body]
        if graph["status"] != "same":
            for part in ("edges", "nodes"):
                body = _details(graph[part], ["id"], limit, part)
                if body:
                    lines += ["", f"{graph.get('file', GRAPH)} {part}", *body]
    return "\n".join(lines) + "\n"


def format_json(report: Mapping) -> str:
    """The whole report as JSON: sorted keys, two-space indent, UTF-8 text; deterministic.

    Returns
    -------
    str
        The report of :func:`diff_builds`, every row in full, ending in ``\\n``.

    See Also
    --------
    format_text : the report cut for reading.

    Examples
    --------
    >>> print(format_json({"b": 1, "a": ["书"]}), end="")
    {
      "a": [
        "书"
      ],
      "b": 1
    }
    """
    return json.dumps(report, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def format_markdown(report: Mapping) -> str:
    """A "Data" section for a changelog: one bullet per table that changed, and the graph.

    Returns
    -------
    str
        A ``### Data`` heading, a sentence naming the two versions, a bullet per
        table that is new, removed or changed (as :func:`summary_line`), one for
        the graph, and one listing the unchanged tables.

    See Also
    --------
    summary_line, graph_summary_line : the bullets' text.

    Examples
    --------
    >>> old = pd.DataFrame({"id": ["1", "2"], "type": ["a", "b"]})
    >>> new = pd.DataFrame({"id": ["1", "3"], "type": ["A", "c"]})
    >>> g = nx.MultiDiGraph([("a", "b", "R1")])
    >>> report = {"old": {"path": "old", "version": "0.1.0"}, "new": {"path": "new", "version": "0.2.0"},
    ...           "tables": {"relations": compare_tables(old, new, ["id"], ["id"]),
    ...                      "trends": compare_tables(old, old, ["id"], ["id"])},
    ...           "graph": {"file": "ties.graphml", **compare_graphs(g, g)}}
    >>> print(format_markdown(report), end="")
    ### Data
    <BLANKLINE>
    Compared with the data of 0.1.0 (`trendlib diff`; rows matched by primary key):
    <BLANKLINE>
    - relations: 1 added, 1 removed, 1 changed (fields: type)
    - ties.graphml: no changes (1 edge, 2 nodes)
    - Unchanged: trends.
    """
    old_version = report["old"].get("version")
    against = f"the data of {old_version}" if old_version else f"`{report['old']['path']}`"
    lines = ["### Data", "", f"Compared with {against} (`trendlib diff`; rows matched by primary key):", ""]
    same = []
    for name, entry in report["tables"].items():
        if entry["status"] == "same":
            same.append(name)
        else:
            lines.append(f"- {summary_line(name, entry)}")
    lines.append(f"- {graph_summary_line(report['graph'])}")
    if same:
        lines.append(f"- Unchanged: {', '.join(same)}.")
    return "\n".join(lines) + "\n"
