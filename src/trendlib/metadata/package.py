"""The Frictionless Data Package (``datapackage.json``) of the published tables, from the metadata.

Each table is a tabular data resource (its CSV) whose schema lists every
field with its type, description, English title, Chinese title (the custom
property ``title_zh``), unit and vocabulary (an ``enum`` constraint, and the
values' definitions in the description), its ``primaryKey`` and its
``foreignKeys``; frictionless checks all of them.
"""

from __future__ import annotations

from .. import vocab

__all__ = ["frictionless_field", "frictionless_key", "warning", "package"]


def frictionless_field(f, listed: bool = False) -> dict:
    """A field as a Frictionless field descriptor; ``listed`` for a column of ``;``-joined values.

    Returns
    -------
    dict
        ``name``, ``type``, ``description``, ``title``, ``title_zh``, and where they apply
        ``constraints`` (the vocabulary as an ``enum``) and ``unit``.

    See Also
    --------
    package : the whole data package.

    Examples
    --------
    >>> from trendlib.metadata import FIELDS
    >>> frictionless_field(FIELDS["furniture_kind"])["constraints"]
    {'enum': ['footer', 'nav']}
    >>> frictionless_field(FIELDS["boundary"], listed=True).get("constraints") is None
    True
    """
    out = {"name": f.name, "type": f.type, "description": f.description}
    if f.vocabulary and not listed:
        allowed = vocab.VOCABULARIES[f.vocabulary]
        out["constraints"] = {"enum": sorted(allowed)}
        out["description"] += " — " + "; ".join(f"{k}: {v}" for k, v in allowed.items())
    if f.vocabulary and listed:
        out["description"] += " — values: " + ", ".join(vocab.VOCABULARIES[f.vocabulary])
    out["title"] = f.en
    out["title_zh"] = f.zh  # a custom property: the Chinese display label
    if f.unit:
        out["unit"] = f.unit
    return out


def frictionless_key(k) -> dict:
    """A foreign key as Frictionless writes it (one field as a string, several as a list).

    Returns
    -------
    dict
        ``fields`` and ``reference`` (``resource`` and ``fields``).

    See Also
    --------
    trendlib.metadata.foreign_keys : where the keys come from.

    Examples
    --------
    >>> from trendlib.metadata import ForeignKey
    >>> frictionless_key(ForeignKey(("case_id",), "cases", ("case_id",)))
    {'fields': 'case_id', 'reference': {'resource': 'cases', 'fields': 'case_id'}}
    """
    one = len(k.fields) == 1
    return {
        "fields": k.fields[0] if one else list(k.fields),
        "reference": {"resource": k.table, "fields": k.reference[0] if one else list(k.reference)},
    }


def warning(row: dict) -> str:
    """What a description of a coded field says first when its agreement (a row of ``reliability.csv``) is short
    of reliable; empty when it is reliable.

    Returns
    -------
    str
        The warning, ending with a space, or ``""``.

    See Also
    --------
    package : the data package, whose fields carry it.

    Examples
    --------
    >>> warning({"status": "tentative", "field": "sectors", "measure": "alpha_masi", "value": 0.7, "ci_low": 0.6,
    ...          "ci_high": 0.8, "round": 3})
    "TENTATIVE: sectors: Krippendorff's α = 0.7 (95 % interval 0.6–0.8; round 3, reliability.csv); draw tentative conclusions only. "
    """
    if row["status"] == "reliable":
        return ""
    what = "F1" if row["measure"] == "f1" else "Krippendorff's α"
    return (
        f"{row['status'].upper()}: {row['field']}: {what} = {row['value']} (95 % interval "
        f"{row['ci_low']}–{row['ci_high']}; round {row['round']}, reliability.csv); draw tentative conclusions "
        "only. "
    )


def _warned(spec: dict, row: dict) -> dict:
    """A field descriptor with the agreement of its coded field; short of reliable, its description says so first."""
    return {
        **spec,
        "description": warning(row) + spec["description"],
        "agreement": {
            k: row[k] for k in ("round", "field", "measure", "value", "ci_low", "ci_high", "n_units", "status")
        },
    }


def package(
    tables,
    *,
    name: str,
    title: str,
    description: str,
    licenses: list[dict],
    version: str | None = None,
    sources: list[dict] | None = None,
    contributors: list[dict] | None = None,
    agreement: dict | None = None,
) -> dict:
    """The Frictionless Data Package of ``tables`` (resource name = table name, path = its CSV).

    ``agreement`` maps (table, column) to the latest round of
    ``reliability.csv`` for the coded field it holds: the field gains an
    ``agreement`` entry, and a field short of reliable (α < 0.8) says so at
    the start of its description, so nobody reads it without the warning.

    Returns
    -------
    dict
        ``profile``, ``name``, ``title``, ``description``, ``version`` (if given), ``licenses``,
        ``sources`` and ``contributors`` (if given), and ``resources``.

    See Also
    --------
    trendlib.metadata.datapackage : this, for the published tables.

    Examples
    --------
    >>> from trendlib.metadata import TABLE
    >>> p = package([TABLE["furniture"]], name="x", title="X", description="d", licenses=[], version="1.0")
    >>> p["version"], p["resources"][0]["schema"]["primaryKey"]
    ('1.0', ['line'])
    """
    resources = []
    for t in tables:
        fields = []
        for f in t.fields:
            spec = frictionless_field(f, listed=f.name in t.lists)
            row = (agreement or {}).get((t.name, f.name))
            fields.append(spec if row is None else _warned(spec, row))
        schema: dict = {"fields": fields, "missingValues": [""], "primaryKey": list(t.primary_key)}
        if t.foreign_keys:
            schema["foreignKeys"] = [frictionless_key(k) for k in t.foreign_keys]
        resources.append(
            {
                "name": t.name,
                "path": f"{t.name}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "profile": "tabular-data-resource",
                "description": t.row,
                "schema": schema,
            }
        )
    out = {"profile": "tabular-data-package", "name": name, "title": title, "description": description}
    if version is not None:
        out["version"] = version
    out["licenses"] = licenses
    if sources is not None:
        out["sources"] = sources
    if contributors is not None:
        out["contributors"] = contributors
    out["resources"] = resources
    return out
