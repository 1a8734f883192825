"""Curated reference files under ``data/reference/``: load and validate.

What needs a human reading — which passage is a case, an actor's type, where a
box begins — lives in small YAML/CSV files. Their shape and vocabularies are
checked here with JSON Schema; whether their anchors and names are really in
the report is checked by the stages that use them. Every error names the
file, the row and the value.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import yaml

from . import vocab
from .errors import CuratedDataError
from .paths import reference_dir

COUNTRY = {"type": "string", "pattern": "^[A-Z]{3}$"}
TEXT = {"type": "string", "minLength": 1}
ANCHOR = {"type": "string", "minLength": 2}
TREND = {"type": "integer", "minimum": 0, "maximum": 8}


def _enum(values) -> dict:
    return {"enum": sorted(values)}


def _list_of(values) -> dict:
    return {"type": "array", "items": _enum(values), "uniqueItems": True}


def _rows(properties: dict, required: list[str]) -> dict:
    return {
        "type": "array",
        "items": {"type": "object", "properties": properties, "required": required,
                  "additionalProperties": False},
    }


SCHEMAS = {
    "actors.yaml": _rows({
        "id": {"type": "string", "pattern": "^[a-z0-9_]+$"},
        "name_zh": TEXT,
        "aliases_zh": {"type": "array", "items": TEXT, "uniqueItems": True},
        "name_en": TEXT,
        "type": _enum(vocab.ACTOR_TYPES),
        "country": COUNTRY,
        "sector": _enum(vocab.SECTORS),
    }, ["id", "name_zh", "aliases_zh", "name_en", "type", "country", "sector"]),
    "cases.yaml": _rows({
        "id": {"type": "string", "pattern": "^T[0-8]-[0-9]{2}$"},
        "trend": TREND,
        "anchor": ANCHOR,
        "end": ANCHOR,
        "title_zh": TEXT,
        "title_en": TEXT,
        "kind": _enum(vocab.CASE_KINDS),
        "country": COUNTRY,
        "place_zh": TEXT,
        "level": _enum(vocab.LEVELS),
        "boundary": _list_of(vocab.BOUNDARIES),
        "sectors_stated": _list_of(vocab.SECTORS),
        "figures": {"type": "array", "items": TEXT, "uniqueItems": True},
    }, ["id", "trend", "anchor", "end", "title_zh", "title_en", "kind", "country", "place_zh",
        "level", "boundary", "sectors_stated"]),
    "boxes.yaml": _rows({
        "kind": _enum(vocab.BOX_KINDS),
        "trend": TREND,
        "start": ANCHOR,
        "occurrence": {"type": "integer", "minimum": 1},
        "end": ANCHOR,
        "title_zh": TEXT,
        "person": TEXT,
        "role": TEXT,
        "organization": TEXT,
    }, ["kind", "trend", "start", "end", "title_zh"]),
    "barriers.yaml": _rows({
        "trend": {"type": "integer", "minimum": 1, "maximum": 8},
        "seq": {"type": "integer", "minimum": 1},
        "anchor": ANCHOR,
        "end": ANCHOR,
        "side_a": TEXT,
        "side_b": {"type": "string"},
        "boundary": {**_list_of(vocab.BOUNDARIES), "minItems": 1},
    }, ["trend", "seq", "anchor", "end", "side_a", "side_b", "boundary"]),
    "not_actors.yaml": {"type": "array", "items": TEXT, "uniqueItems": True},
    "currencies.yaml": {**_rows({
        "code": {"type": "string", "pattern": "^[A-Z]{3}$", "description": "ISO 4217"},
        # printed right after a number, so no digits or spaces
        "names_zh": {"type": "array", "minItems": 1, "uniqueItems": True,
                     "items": {"type": "string", "pattern": "^[^0-9０-９\\s]+$"}},
        "name_en": TEXT,
        "countries": {"type": "array", "minItems": 1, "uniqueItems": True, "items": COUNTRY},
        "note": TEXT,
    }, ["code", "names_zh", "name_en", "countries"]), "minItems": 1},
}


@dataclass(frozen=True)
class Reference:
    """All curated inputs, as plain rows (lists of dicts)."""

    actors: list[dict]
    cases: list[dict]
    boxes: list[dict]
    barriers: list[dict]
    not_actors: list[str]
    currencies_path: Path
    rates_path: Path


def _row_label(rows: list, index: int) -> str:
    row = rows[index] if index < len(rows) and isinstance(rows[index], dict) else {}
    key = row.get("id") or row.get("title_zh") or row.get("anchor") or ""
    return f"row {index + 1}" + (f" ({key})" if key else "")


def load_yaml(path: Path) -> list[dict]:
    """Read a curated YAML list and validate it against its schema.

    >>> rows = load_yaml(reference_dir() / "boxes.yaml")
    >>> rows[0]["kind"] in vocab.BOX_KINDS
    True
    """
    if not path.is_file():
        raise CuratedDataError(f"{path}: missing curated file")
    try:
        rows = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise CuratedDataError(f"{path}: not valid YAML: {err}") from None
    schema = SCHEMAS[path.name]
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(rows), key=lambda e: list(e.path))
    if errors:
        err = errors[0]
        where = _row_label(rows, err.path[0]) if err.path and isinstance(err.path[0], int) else "file"
        field = ".".join(str(p) for p in list(err.path)[1:]) or "(row)"
        raise CuratedDataError(
            f"{path}: {where}, field {field}: {err.message}"
            + (f" ({len(errors) - 1} more problems)" if len(errors) > 1 else "")
        )
    _check_unique(path, rows)
    return rows


def _check_unique(path: Path, rows: list[dict]) -> None:
    key = "id" if rows and isinstance(rows[0], dict) and "id" in rows[0] else None
    if path.name == "barriers.yaml":
        keys = [(r["trend"], r["seq"]) for r in rows]
    elif key:
        keys = [r[key] for r in rows]
    else:
        return
    seen: dict = {}
    for n, k in enumerate(keys):
        if k in seen:
            raise CuratedDataError(f"{path}: {_row_label(rows, n)}: duplicate id {k!r} (first in row {seen[k] + 1})")
        seen[k] = n


def read_rates_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def load_reference(directory: Path | None = None) -> Reference:
    """Every curated file of ``data/reference/``, validated.

    >>> len(load_reference().cases) > 100
    True
    """
    d = directory or reference_dir()
    for name in ("currencies.yaml", "exchange_rates.csv"):
        if not (d / name).is_file():
            raise CuratedDataError(f"{d / name}: missing curated file")
    return Reference(
        actors=load_yaml(d / "actors.yaml"),
        cases=load_yaml(d / "cases.yaml"),
        boxes=load_yaml(d / "boxes.yaml"),
        barriers=load_yaml(d / "barriers.yaml"),
        not_actors=load_yaml(d / "not_actors.yaml"),
        currencies_path=d / "currencies.yaml",
        rates_path=d / "exchange_rates.csv",
    )
