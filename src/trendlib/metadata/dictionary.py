"""The data dictionary as tables: what the SQLite database says about itself.

Beside the published tables, ``trendlib.sqlite`` holds the metadata as three
documentation tables, so a reader of the database alone can see what every
table, field and code means: :data:`DICTIONARY` declares their columns once
(they describe the data, so their names are not fields of
:data:`trendlib.metadata.fields.FIELDS`), and :func:`dictionary_rows` gives
their rows from the metadata and the vocabularies.

>>> list(DICTIONARY)
['tables', 'fields', 'vocabularies']
>>> rows = dictionary_rows()
>>> rows["vocabularies"][0]["vocabulary"], rows["vocabularies"][0]["code"]
('trend', '0')
"""

from __future__ import annotations

from .. import vocab
from .fields import Field

__all__ = ["DICTIONARY", "dictionary_rows"]


def _f(name: str, type_: str, description: str, en: str, zh: str) -> Field:
    return Field(name, type_, description, en, zh)


#: The documentation tables: name → (what a row is, its columns, its primary key).
DICTIONARY: dict[str, tuple[str, tuple[Field, ...], tuple[str, ...]]] = {
    "tables": (
        "table or view of this database",
        (
            _f("table_name", "string", "name of the table or view", "table", "表"),
            _f(
                "kind",
                "string",
                "data (a published table, also a CSV and a Parquet file), view (a query over them) "
                "or dictionary (the tables, fields and vocabularies tables)",
                "kind",
                "类别",
            ),
            _f("row", "string", "what one row is", "one row per", "每行"),
            _f("primary_key", "string", "its primary key, ','-joined (empty for a view)", "primary key", "主键"),
        ),
        ("table_name",),
    ),
    "fields": (
        "column of a table of this database",
        (
            _f("table_name", "string", "the table (tables.table_name)", "table", "表"),
            _f("ordinal", "integer", "the column's position in its table (1-based)", "position", "序号"),
            _f("field_name", "string", "the column", "field", "字段"),
            _f(
                "type",
                "string",
                "Frictionless type: integer, number, boolean (stored as 0 or 1) or string",
                "type",
                "类型",
            ),
            _f("description", "string", "what the column holds in this table", "description", "说明"),
            _f("unit", "string", "its unit, where it has one", "unit", "单位"),
            _f(
                "vocabulary",
                "string",
                "the vocabulary its values come from (vocabularies.vocabulary), where it has one; "
                "a ';'-joined column holds several of its codes",
                "vocabulary",
                "词表",
            ),
            _f("label_en", "string", "display label in English", "label (English)", "英文标签"),
            _f("label_zh", "string", "display label in Chinese", "label (Chinese)", "中文标签"),
        ),
        ("table_name", "field_name"),
    ),
    "vocabularies": (
        "code of a controlled vocabulary",
        (
            _f("vocabulary", "string", "the vocabulary (fields.vocabulary)", "vocabulary", "词表"),
            _f(
                "ordinal",
                "integer",
                "the code's position in its vocabulary (1-based; the order figures use)",
                "position",
                "序号",
            ),
            _f("code", "string", "the code as the tables hold it", "code", "代码"),
            _f("label_en", "string", "display label in English", "label (English)", "英文标签"),
            _f("label_zh", "string", "display label in Chinese", "label (Chinese)", "中文标签"),
            _f("definition", "string", "what the code means", "definition", "定义"),
        ),
        ("vocabulary", "code"),
    ),
}


def dictionary_rows(views: dict[str, str] | None = None, agreement: dict | None = None) -> dict[str, list[dict]]:
    """The rows of the documentation tables: every table (and ``views``: name → what a row is), every column of
    every table (the documentation tables' own included), every code of every vocabulary.

    ``agreement`` maps (table, column) to the latest agreement of the coded field it holds, as
    :func:`trendlib.metadata.datapackage` takes it: a field short of reliable says so first, as there.

    Returns
    -------
    dict
        ``"tables"``, ``"fields"`` and ``"vocabularies"`` → lists of rows (dicts keyed by the columns of
        :data:`DICTIONARY`).

    See Also
    --------
    trendlib.export.sqlite_bytes : which writes them.

    Examples
    --------
    >>> rows = dictionary_rows({"ties_named": "tie with its parties' names"})
    >>> {r["table_name"]: r["kind"] for r in rows["tables"] if r["table_name"] in ("cases", "ties_named", "fields")}
    {'cases': 'data', 'fields': 'dictionary', 'ties_named': 'view'}
    >>> next(r for r in rows["fields"] if (r["table_name"], r["field_name"]) == ("cases", "level"))["vocabulary"]
    'level'
    """
    from . import TABLES  # the published tables (this module is imported by the package)
    from .package import warning

    tables, fields = [], []
    described = [(t.name, "data", t.row, t.primary_key, t.fields) for t in TABLES]
    described += [(name, "dictionary", row, key, cols) for name, (row, cols, key) in DICTIONARY.items()]
    for name, kind, row, key, cols in described:
        tables.append({"table_name": name, "kind": kind, "row": row, "primary_key": ",".join(key)})
        for i, f in enumerate(cols, 1):
            row = (agreement or {}).get((name, f.name))
            fields.append(
                {
                    "table_name": name,
                    "ordinal": i,
                    "field_name": f.name,
                    "type": f.type,
                    "description": (warning(row) if row else "") + f.description,
                    "unit": f.unit,
                    "vocabulary": f.vocabulary,
                    "label_en": f.en,
                    "label_zh": f.zh,
                }
            )
    for name, row in (views or {}).items():
        tables.append({"table_name": name, "kind": "view", "row": row, "primary_key": ""})
    codes = [
        {
            "vocabulary": name,
            "ordinal": i,
            "code": code,
            "label_en": term.en,
            "label_zh": term.zh,
            "definition": term.definition,
        }
        for name, v in vocab.VOCABULARIES.items()
        for i, (code, term) in enumerate(v.terms.items(), 1)
    ]
    return {"tables": tables, "fields": fields, "vocabularies": codes}
