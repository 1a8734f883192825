"""Curated inputs under ``data/reference/``: load them and check their shape.

What needs a human reading — which passage is a case, an actor's type, a tie's
type, a code's reason, an English gloss, a verified figure and its source —
lives in small YAML files. Each file explains itself: ``about`` (what it holds
and how it is checked), ``review`` (who reviewed it, when, its status) and
``rows``. Their shape and vocabularies are checked here with JSON Schema
(fastjsonschema, which compiles each schema once); whether their anchors,
names and phrases are really in the report is checked by the stages that use
them. Every error names the file, the row and the value.

>>> ref = load_reference()
>>> len(ref.cases) > 100, ref.review["cases.yaml"]["status"]
(True, 'reviewed')
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import json
import marshal
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import fastjsonschema
import yaml

from .. import vocab
from ..errors import CuratedDataError
from ..paths import reference_dir
from ..textfile import decode_utf8

COUNTRY = {"type": "string", "pattern": "^[A-Z]{3}$"}
ACTOR_ID = {"type": "string", "pattern": "^[a-z0-9_]+$"}
CURRENCY = {"type": "string", "pattern": "^[A-Z]{3}$"}
CASE_ID = {"type": "string", "pattern": "^T[0-8]-[0-9]{2}$"}
PLACE_ID = {"type": "string", "pattern": "^[a-z0-9_]+$"}
URL = {"type": "string", "pattern": "^https?://"}
TEXT = {"type": "string", "minLength": 1}
ANCHOR = {"type": "string", "minLength": 2}
TREND = {"type": "integer", "minimum": 0, "maximum": 8}
NOTE = {"type": "string"}
DATE = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
#: No amount of the report comes near a quadrillion in any currency: a larger one is a typing slip.
MAX_AMOUNT = 1e15


def _enum(values) -> dict:
    return {"enum": sorted(values)}


def _list_of(values) -> dict:
    return {"type": "array", "items": _enum(values), "uniqueItems": True}


def _row(properties: dict, required: list[str]) -> dict:
    return {"type": "object", "properties": properties, "required": required, "additionalProperties": False}


def _rows(properties: dict, required: list[str]) -> dict:
    return {"type": "array", "items": _row(properties, required)}


#: Another amount of amounts.yaml, by its text and occurrence (``same_as``, ``part_of``).
_AMOUNT_REF = {
    "type": "object",
    "properties": {"text": {"type": "string", "minLength": 1}, "occurrence": {"type": "integer", "minimum": 1}},
    "required": ["text", "occurrence"],
    "additionalProperties": False,
}


EVIDENCE = {
    "oneOf": [
        _row(
            {
                "phrase": {"type": "string", "minLength": 2, "maxLength": 80},
                "en": TEXT,
                "occurrence": {"type": "integer", "minimum": 1},
            },
            ["phrase", "en"],
        ),
        _row({"rule": _enum(vocab.EVIDENCE_RULES)}, ["rule"]),
        # the phrase of another code of the same case, written once for both
        _row({"same_as": _enum(["kind", "instrument", "country", "level", "year"])}, ["same_as"]),
    ]
}

READING = _rows(
    {
        "case": CASE_ID,
        **{k: {"type": ["string", "integer", "null"]} for k in ("kind", "instrument", "country", "level", "year")},
        "boundary": {"type": "array", "items": TEXT},
        "sectors": {"type": "array", "items": TEXT},
        "relations": {
            "type": "array",
            "items": _row(
                {
                    "source": TEXT,
                    "target": TEXT,
                    "type": TEXT,
                    "directed": {"type": "boolean"},
                    "within": {"type": "boolean"},
                    "note": NOTE,
                },
                ["source", "target", "type", "directed"],
            ),
        },
        "reason": TEXT,
        "note": NOTE,
    },
    ["case", "relations"],
)
READINGS = ("first_reading", "second_reading", "fresh_reading", "adjudicated_reading", "v3_reading", "v3_fresh_reading")
_CODED = {"type": ["string", "integer", "array", "null"], "items": {"type": "string"}}

#: A file's review record: its status, the coders (coding/coders.yaml) who made it, and when; a reading's
#: record also names its codebook version and its cases.
REVIEW = _row(
    {
        "status": _enum(["reviewed", "draft", "record"]),
        "coders": {"type": "array", "items": {"type": "string", "pattern": "^[a-z0-9-]+$"}, "minItems": 1},
        "date": DATE,
        "note": TEXT,
        "codebook": TEXT,
        "cases": TEXT,
    },
    ["status", "coders", "date"],
)


@dataclass(frozen=True)
class CuratedFile:
    """One curated file of ``data/reference/``, declared once: its path, the :class:`Reference` attribute that
    holds its rows, the JSON Schema of its rows, the fields whose values together identify a row, and any
    top-level entries beside ``about``, ``review`` and ``rows``."""

    path: str
    attribute: str
    rows: dict
    key: tuple[str, ...] = ()
    header: tuple[tuple[str, dict], ...] = ()
    #: what a row means when it leaves a field out (a file writes no ``: null``)
    defaults: tuple[tuple[str, object], ...] = ()


#: Every curated file, in the order a build reads them.
CURATED: tuple[CuratedFile, ...] = (
    CuratedFile(
        "actors.yaml",
        "actors",
        _rows(
            {
                "id": {"type": "string", "pattern": "^[a-z0-9_]+$"},
                "name_zh": TEXT,
                "aliases_zh": {"type": "array", "items": TEXT, "uniqueItems": True},
                "name_en": TEXT,
                "type": _enum(vocab.ACTOR_TYPES),
                "country": COUNTRY,
                "sector": _enum(vocab.SECTORS),
                "level": _enum(vocab.LEVELS),
                "detect": {"type": "boolean"},
                "note": NOTE,
                "review_note": NOTE,
            },
            ["id", "name_zh", "aliases_zh", "name_en", "type", "sector"],
        ),
        ("id",),
    ),
    CuratedFile(
        "places.yaml",
        "places",
        _rows(
            {
                "id": PLACE_ID,
                "name_zh": TEXT,
                "name_en": TEXT,
                "country": COUNTRY,
                "level": _enum(vocab.LEVELS),
                "iso": {"type": "string", "pattern": "^([A-Z]{3}|[A-Z]{2}-[A-Z0-9]{1,3})$"},
            },
            ["id", "name_zh", "name_en", "country", "level"],
        ),
        ("id",),
    ),
    CuratedFile(
        "cases.yaml",
        "cases",
        _rows(
            {
                "id": CASE_ID,
                "trend": TREND,
                "anchor": ANCHOR,
                "end": ANCHOR,
                "title_zh": TEXT,
                "title_en": TEXT,
                "kind": _enum(vocab.CASE_KINDS),
                "instrument": _enum(vocab.INSTRUMENTS),
                "country": COUNTRY,
                "level": _enum(vocab.LEVELS),
                "place_zh": TEXT,
                "places": {"type": "array", "items": PLACE_ID, "uniqueItems": True},
                "initiative": _row(
                    {"same_as": CASE_ID, "phrase": ANCHOR, "en": TEXT, "occurrence": {"type": "integer", "minimum": 1}},
                    ["same_as", "phrase", "en"],
                ),
                "boundary": _list_of(vocab.BOUNDARIES),
                "year": {"type": "integer", "minimum": 1900, "maximum": 2023},
                "evidence": _row(
                    {
                        **{code: EVIDENCE for code in ("kind", "instrument", "country", "level", "year")},
                        "boundary": {
                            "type": "object",
                            "oneOf": [
                                _row({"rule": {"const": "no-boundary-stated"}}, ["rule"]),
                                {
                                    "type": "object",
                                    "propertyNames": _enum(vocab.BOUNDARIES),
                                    "additionalProperties": EVIDENCE,
                                    "minProperties": 1,
                                },
                            ],
                        },
                    },
                    ["kind", "instrument", "country", "level", "year", "boundary"],
                ),
                "figures": {"type": "array", "items": TEXT, "uniqueItems": True},
                "note": NOTE,
                "review_note": NOTE,
                "coding_note": NOTE,
            },
            [
                "id",
                "trend",
                "anchor",
                "end",
                "title_zh",
                "title_en",
                "kind",
                "instrument",
                "country",
                "level",
                "place_zh",
                "places",
                "boundary",
                "evidence",
            ],
        ),
        ("id",),
        defaults=(("year", None),),  # no year: the span states none (evidence rule no-year-stated)
    ),
    CuratedFile(
        "relations.yaml",
        "relations",
        _rows(
            {
                "case": CASE_ID,
                "ties": {
                    "type": "array",
                    "minItems": 1,
                    "items": _row(
                        {
                            "phrase": TEXT,
                            "occurrence": {"type": "integer", "minimum": 1},
                            "phrase_en": TEXT,
                            "source": ACTOR_ID,
                            "targets": {"type": "array", "items": ACTOR_ID, "minItems": 1, "uniqueItems": True},
                            "parties": {"type": "array", "items": ACTOR_ID, "minItems": 2},
                            "type": _enum(vocab.RELATION_TYPES),
                            "within": {"type": "boolean"},
                            "note": NOTE,
                        },
                        ["phrase", "phrase_en", "type"],
                    ),
                },
                "reason": TEXT,
            },
            ["case"],
        ),
        ("case",),
    ),
    CuratedFile(
        "boxes.yaml",
        "boxes",
        _rows(
            {
                "kind": _enum(vocab.BOX_KINDS),
                "trend": TREND,
                "start": ANCHOR,
                "occurrence": {"type": "integer", "minimum": 1},
                "end": ANCHOR,
                "title_zh": TEXT,
                "title_en": TEXT,
                "person": TEXT,
                "person_en": TEXT,
                "role": TEXT,
                "role_en": TEXT,
                "organization": TEXT,
                "organization_en": TEXT,
                "note": NOTE,
                "review_note": NOTE,
            },
            ["kind", "trend", "start", "end", "title_zh"],
        ),
    ),
    CuratedFile(
        "barriers.yaml",
        "barriers",
        _rows(
            {
                "trend": {"type": "integer", "minimum": 1, "maximum": 8},
                "seq": {"type": "integer", "minimum": 1},
                "anchor": ANCHOR,
                "end": ANCHOR,
                "side_a": TEXT,
                "side_a_en": TEXT,
                "side_b": {"type": "string"},
                "side_b_en": TEXT,
                "boundary": {**_list_of(vocab.BOUNDARIES), "minItems": 1},
                "text_en": TEXT,
                "note": NOTE,
                "review_note": NOTE,
            },
            ["trend", "seq", "anchor", "end", "side_a", "side_a_en", "side_b", "boundary", "text_en"],
        ),
        ("trend", "seq"),
    ),
    CuratedFile("not_actors.yaml", "not_actors", {"type": "array", "items": TEXT, "uniqueItems": True}),
    CuratedFile(
        "hyphenated_words.yaml",
        "hyphenated_words",
        {"type": "array", "uniqueItems": True, "items": {"type": "string", "pattern": "^[A-Za-z]+(-[A-Za-z]+)+$"}},
    ),
    CuratedFile(
        "infographics.yaml",
        "infographics",
        _rows(
            {
                "trend": TREND,
                "figure": TEXT,
                "occurrence": {"type": "integer", "minimum": 1},
                "label": {"type": "array", "items": TEXT, "minItems": 1},
                "certain": {"type": "boolean"},
                "note": NOTE,
            },
            ["trend", "figure", "occurrence", "label", "certain"],
        ),
        ("trend", "figure", "occurrence"),
    ),
    CuratedFile(
        "amounts.yaml",
        "amounts",
        _rows(
            {
                "text": TEXT,
                "occurrence": {"type": "integer", "minimum": 1},
                "amount_type": _enum(vocab.AMOUNT_TYPES),
                "period": TEXT,
                "period_en": TEXT,
                "period_phrase": TEXT,
                "status": _enum(vocab.CHECK_STATUSES),
                "differs_by": {**_list_of(vocab.DIFFERS_BY), "minItems": 1},
                "differs_note": TEXT,
                "value_corrected": {"type": "number", "exclusiveMinimum": 0, "maximum": MAX_AMOUNT},
                "currency_corrected": CURRENCY,
                "source": _row(
                    {
                        "publisher": TEXT,
                        "publisher_url": URL,
                        "read_url": URL,
                        "date": DATE,
                        "figure": TEXT,
                        "currency": CURRENCY,
                        "accessed": DATE,
                        "also_read": {"type": "array", "items": TEXT},
                    },
                    ["publisher", "read_url", "figure", "currency", "accessed"],
                ),
                "parts": {
                    "type": "array",
                    "minItems": 1,
                    "items": _row(
                        {
                            "kind": _enum(vocab.AMOUNT_TYPES),
                            "value": {"type": "number", "exclusiveMinimum": 0, "maximum": MAX_AMOUNT},
                            "currency": CURRENCY,
                            "figure": TEXT,
                            "also_in": _AMOUNT_REF,
                            "note": NOTE,
                        },
                        ["kind", "value", "currency", "figure"],
                    ),
                },
                "same_as": _AMOUNT_REF,
                "part_of": _AMOUNT_REF,
                "note": NOTE,
            },
            ["text", "occurrence", "amount_type", "status"],
        ),
        ("text", "occurrence"),
    ),
    CuratedFile(
        "statistics.yaml",
        "statistics",
        _rows(
            {
                "text": TEXT,
                "occurrence": {"type": "integer", "minimum": 1},
                "kind": _enum(vocab.STATISTIC_KINDS),
                "kind_phrase": TEXT,
                "kind_phrase_en": TEXT,
                "case": CASE_ID,
                "case_phrase": TEXT,
                "context_en": TEXT,
                "note": NOTE,
            },
            ["text", "occurrence", "kind", "kind_phrase", "kind_phrase_en", "context_en"],
        ),
        ("text", "occurrence"),
    ),
    CuratedFile(
        "glosses.yaml",
        "glosses",
        _rows(
            {"zh": TEXT, "en": TEXT},
            ["zh", "en"],
        ),
        ("zh",),
    ),
    CuratedFile(
        "currencies.yaml",
        "currencies",
        {
            **_rows(
                {
                    "code": {"type": "string", "pattern": "^[A-Z]{3}$"},
                    # printed right after a number, so no digits or spaces
                    "names_zh": {
                        "type": "array",
                        "minItems": 1,
                        "uniqueItems": True,
                        "items": {"type": "string", "pattern": "^[^0-9０-９\\s]+$"},
                    },
                    "name_en": TEXT,
                    "countries": {"type": "array", "minItems": 1, "uniqueItems": True, "items": COUNTRY},
                    "note": TEXT,
                },
                ["code", "names_zh", "name_en", "countries"],
            ),
            "minItems": 1,
        },
        ("code",),
    ),
    *(CuratedFile(f"coding/{name}.yaml", name, READING, ("case",), defaults=(("year", None),)) for name in READINGS),
    CuratedFile(
        "coding/adjudication.yaml",
        "adjudication",
        _rows(
            {
                "case": TEXT,
                "item": TEXT,
                "value": _CODED,
                "first": _CODED,
                "second": _CODED,
                "decision": TEXT,
                "reason": TEXT,
                "codebook_changed": {"type": "string"},
                "round": {"enum": [1, 2, 3]},
                "found_by": TEXT,
            },
            ["case", "item", "value", "decision", "reason"],
        ),
        # a decision that left the codebook as it stood, or a value only one reading gave
        defaults=(("codebook_changed", None), ("first", None), ("second", None)),
    ),
    CuratedFile(
        "coding/exceptions.yaml",
        "exceptions",
        _rows(
            {
                "case": CASE_ID,
                "check": TEXT,
                "reason": TEXT,
            },
            ["case", "check", "reason"],
        ),
    ),
    CuratedFile(
        "coding/codebook.yaml",
        "codebook",
        _rows(
            {
                "rule": {"type": "string", "pattern": "^R[-0-9A-Za-z]+$"},
                "version": {"type": "string", "pattern": "^v[0-9]+(\\.[0-9]+)?$"},
                "text": TEXT,
            },
            ["rule", "version", "text"],
        ),
        ("rule",),
        header=(("version", {"type": "string", "pattern": "^v[0-9]+(\\.[0-9]+)? \\(\\d{4}-\\d\\d-\\d\\d\\)$"}),),
    ),
    CuratedFile(
        "coding/coders.yaml",
        "coders",
        _rows(
            {
                "id": {"type": "string", "pattern": "^[a-z0-9-]+$"},
                "kind": TEXT,
                "sessions": TEXT,
                "role": TEXT,
                "saw": TEXT,
                "independence": TEXT,
            },
            ["id", "kind", "sessions", "role", "saw", "independence"],
        ),
        ("id",),
        header=(("method", TEXT),),
    ),
)

#: The curated files by path.
CURATED_FILE: dict[str, CuratedFile] = {f.path: f for f in CURATED}


def _schema(name: str) -> dict:
    spec = CURATED_FILE[name]
    header = dict(spec.header)
    return {
        "type": "object",
        "properties": {"about": TEXT, "review": REVIEW, **header, "rows": spec.rows},
        "required": ["about", "review", *header, "rows"],
        "additionalProperties": False,
    }


_VALIDATORS: dict[str, object] = {}


def _validator(name: str):
    if name not in _VALIDATORS:
        _VALIDATORS[name] = fastjsonschema.compile(_schema(name))
    return _VALIDATORS[name]


def _row_label(rows: list, index: int) -> str:
    row = rows[index] if index < len(rows) and isinstance(rows[index], dict) else {}
    key = row.get("id") or row.get("case") or row.get("title_zh") or row.get("anchor") or row.get("text") or ""
    return f"row {index + 1}" + (f" ({key})" if key else "")


def _problem(err: fastjsonschema.JsonSchemaValueException) -> str:
    """What is wrong, in words: the value, and what the schema wants instead."""
    value, rule, definition = err.value, err.rule, err.rule_definition
    if rule == "required" and isinstance(value, dict):
        missing = [k for k in definition if k not in value]
        return "missing " + ", ".join(repr(k) for k in missing) + (" (a required property)" if missing else "")
    if rule == "additionalProperties" and isinstance(value, dict):
        allowed = set(err.definition.get("properties", {}))
        extra = sorted(k for k in value if k not in allowed)
        return f"unknown key {', '.join(map(repr, extra))}" + (
            f"; allowed: {', '.join(sorted(allowed))}" if allowed else ""
        )
    shown = repr(value) if not isinstance(value, (dict, list)) else type(value).__name__
    if rule == "enum":
        return f"{shown} is not one of {', '.join(map(str, definition))}"
    if rule == "pattern":
        return f"{shown} does not match {definition}"
    if rule == "type":
        return f"{shown} is not of type {definition!r}"
    if rule == "exclusiveMinimum":
        return f"{shown} must be greater than {definition:g}"
    if rule in ("minimum", "maximum"):
        return f"{shown} must be {'at least' if rule == 'minimum' else 'at most'} {definition:g}"
    return f"{shown}: {err.message.replace(err.name, 'it', 1) if err.name else err.message}"


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: about 3× faster than the pure-Python loader
# where an anchor (&name) or alias (*name) could start; the event stream then says for sure
_ANCHOR_LIKE = re.compile(r"(?:^|[\s\[{,:-])[&*][^\s,\[\]{}]", re.M)
_NOT_FINITE = re.compile(r"[-+]?\.(?:inf|nan)", re.I)
_FLOAT = "tag:yaml.org,2002:float"


def _refuse_anchors(text: str, path: Path) -> None:
    """No anchors or aliases: nothing curated needs them, and aliases can expand without bound."""
    if not _ANCHOR_LIKE.search(text):
        return
    for event in yaml.parse(text, Loader=_LOADER):
        name = event.anchor if isinstance(event, yaml.AliasEvent) else getattr(event, "anchor", None)
        if name is not None:
            what = f"an alias (*{name})" if isinstance(event, yaml.AliasEvent) else f"an anchor (&{name})"
            raise CuratedDataError(
                f"{path}: line {event.start_mark.line + 1}: {what}; curated files use no YAML "
                "anchors or aliases: write the value out in full."
            )


def _check_nodes(root: yaml.Node, path: Path) -> None:
    """Duplicate mapping keys (a YAML mapping silently keeps the last) and numbers that are not finite."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: dict = {}
            for key, value in node.value:
                k = (key.tag, key.value) if isinstance(key, yaml.ScalarNode) else id(key)
                if k in seen:
                    raise CuratedDataError(
                        f"{path}: line {key.start_mark.line + 1}: duplicate key {key.value!r} (first at line "
                        f"{seen[k]}); YAML would keep only the last and drop the other silently. Merge the two "
                        "or rename one."
                    )
                seen[k] = key.start_mark.line + 1
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif node.tag == _FLOAT and _NOT_FINITE.fullmatch(node.value):
            raise CuratedDataError(
                f"{path}: line {node.start_mark.line + 1}: {node.value} is not a finite number; give the number itself."
            )


#: What to do about a curated file that is missing.
RESTORE = "restore it from the project (git restore, or copy it from data/reference/)"


def _read_bytes(path: Path) -> bytes:
    if not path.is_file():
        raise CuratedDataError(f"{path}: missing curated file; {RESTORE}")
    return path.read_bytes()


def read_yaml(path: Path, data: bytes | None = None) -> object:
    """A curated YAML document (the file at ``path``, or its bytes ``data``), read strictly, or
    :class:`~trendlib.errors.CuratedDataError` naming the file and line: UTF-8 only, no duplicate keys,
    no anchors or aliases, finite numbers.

    >>> read_yaml(reference_dir() / "currencies.yaml")["rows"][0]["code"]
    'USD'
    """
    text = decode_utf8(_read_bytes(path) if data is None else data, path, CuratedDataError)
    try:
        _refuse_anchors(text, path)
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as err:
        raise CuratedDataError(f"{path}: not valid YAML: {err}\nFix the YAML syntax at the line it names.") from None
    if root is None:
        return None
    _check_nodes(root, path)
    loader = _LOADER("")
    try:
        return loader.construct_document(root)
    except yaml.YAMLError as err:
        raise CuratedDataError(f"{path}: not valid YAML: {err}\nFix the YAML syntax at the line it names.") from None
    finally:
        loader.dispose()


def _load(path: Path, name: str, cache: Path | None = None) -> dict:
    """Read one curated file (about, review, rows) and check it against its schema; with a ``cache``
    folder, a file whose bytes were read and checked before by the same code is taken from it."""
    data = _read_bytes(path)
    key = _cache_key(name, data) if cache else None
    if key and (doc := _cache_get(cache, key)) is not None:
        return doc
    doc = _parse_and_check(path, name, data)
    if key:
        _cache_put(cache, key, doc)
    return doc


def _parse_and_check(path: Path, name: str, data: bytes) -> dict:
    doc = read_yaml(path, data)
    try:
        _validator(name)(doc)
    except fastjsonschema.JsonSchemaValueException as err:
        parts = list(err.path[1:]) if err.path else []
        rows = doc.get("rows") if isinstance(doc, dict) else None
        if len(parts) >= 2 and parts[0] == "rows" and str(parts[1]).isdigit() and isinstance(rows, list):
            where = _row_label(rows, int(parts[1]))
            fieldname = ".".join(str(p) for p in parts[2:]) or "(row)"
        else:
            where, fieldname = "file", ".".join(str(p) for p in parts) or "(top level)"
        raise CuratedDataError(f"{path}: {where}, field {fieldname}: {_problem(err)}; see the file's `about`") from None
    _check_unique(path, name, doc["rows"])
    defaults = CURATED_FILE[name].defaults
    if defaults:
        doc["rows"] = [{**dict(defaults), **row} for row in doc["rows"]]
    _check_codes(path, doc["rows"])
    return doc


#: Country codes the report needs beyond ISO 3166-1: the European Union and several countries at once.
NON_ISO_COUNTRIES = {"EUU": "the European Union", "INT": "several countries"}


def _check_codes(path: Path, rows: list) -> None:
    """Every ``country`` (and ``countries``) is an ISO 3166-1 alpha-3 code or one of :data:`NON_ISO_COUNTRIES`,
    every ``iso`` an ISO 3166-1 alpha-3 or 3166-2 code, checked against pycountry's ISO tables."""
    if not rows or not isinstance(rows[0], dict) or not ({"country", "countries", "iso"} & set(rows[0])):
        return
    import pycountry

    for n, row in enumerate(rows, 1):
        for column in ("country", "countries", "iso"):
            for code in [row[column]] if isinstance(row.get(column), str) else row.get(column) or []:
                if column == "iso" and "-" in code:
                    ok = pycountry.subdivisions.get(code=code) is not None
                else:
                    ok = (
                        code in NON_ISO_COUNTRIES
                        and column != "iso"
                        or pycountry.countries.get(alpha_3=code) is not None
                    )
                if not ok:
                    known = [c.alpha_3 for c in pycountry.countries] + list(NON_ISO_COUNTRIES)
                    close = difflib.get_close_matches(code, known, n=1) if "-" not in code else []
                    raise CuratedDataError(
                        f"{path}: {_row_label(rows, n - 1)}, field {column}: {code!r} is not an ISO 3166-1 alpha-3 "
                        + (
                            "or 3166-2 code"
                            if column == "iso"
                            else "code (nor EUU for the EU, INT for several countries)"
                        )
                        + (f"; did you mean {close[0]!r}?" if close else "")
                    )


def load_yaml(path: Path, name: str | None = None) -> list[dict]:
    """The rows of a curated YAML file, checked against its schema.

    >>> rows = load_yaml(reference_dir() / "boxes.yaml")
    >>> rows[0]["kind"] in vocab.BOX_KINDS
    True
    """
    name = name or (f"coding/{path.name}" if path.parent.name == "coding" else path.name)
    return _load(path, name)["rows"]


def _check_unique(path: Path, name: str, rows: list) -> None:
    key = CURATED_FILE[name].key
    if not key or not rows:
        return
    seen: dict = {}
    for n, row in enumerate(rows):
        k = row[key[0]] if len(key) == 1 else tuple(row[f] for f in key)
        if k in seen:
            raise CuratedDataError(
                f"{path}: {_row_label(rows, n)}: duplicate {'/'.join(key)} {k!r} "
                f"(first in row {seen[k] + 1}); merge the two rows, or give this one its own "
                f"{'/'.join(key)}"
            )
        seen[k] = n


@dataclass(frozen=True)
class Reference:
    """Every curated input, as plain rows (lists of dicts), and each file's review record."""

    directory: Path
    actors: list[dict]
    places: list[dict]
    cases: list[dict]
    relations: list[dict]
    boxes: list[dict]
    barriers: list[dict]
    not_actors: list[str]
    hyphenated_words: list[str]
    infographics: list[dict]
    amounts: list[dict]
    statistics: list[dict]
    glosses: list[dict]
    first_reading: list[dict]
    second_reading: list[dict]
    fresh_reading: list[dict]
    adjudicated_reading: list[dict]
    v3_reading: list[dict]
    v3_fresh_reading: list[dict]
    adjudication: list[dict]
    exceptions: list[dict]
    codebook: list[dict]  # the codebook's rules by version (coding/codebook.yaml)
    codebook_version: str
    coders: list[dict]  # who coded and curated (coding/coders.yaml)
    method: str  # the method statement, in the words the README, notebooks and codebook use
    currencies: list[dict]
    currencies_path: Path
    rates_path: Path
    review: dict = field(default_factory=dict)


# ---------------------------------------------------------------- the cache of checked files
#
# Reading and checking the curated YAML is a third of a build. A file read and checked once is kept,
# keyed by its name, its bytes and everything that decides how it is read and checked (this module's and
# textfile's code, the schemas with their vocabularies, Python's version), in the user's cache folder,
# outside the project. Checks that span several files (anchors in the report, ids across files) are not
# cached: they run at every build. A damaged or foreign cache entry is a miss, never an error.


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/trendlib/curated`` (``~/.cache/trendlib/curated``)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "trendlib" / "curated"


@functools.cache
def _code_version() -> bytes:
    from .. import textfile

    sources = [Path(__file__).read_bytes(), Path(textfile.__file__).read_bytes()]
    schemas = json.dumps({f.path: _schema(f.path) for f in CURATED}, sort_keys=True, default=repr).encode()
    return hashlib.sha256(b"\0".join([*sources, schemas, sys.version.encode(), yaml.__version__.encode()])).digest()


def _cache_key(name: str, data: bytes) -> str:
    return hashlib.sha256(b"\0".join([name.encode(), _code_version(), data])).hexdigest()


def _cache_get(cache: Path, key: str) -> dict | None:
    try:
        doc = marshal.loads((cache / key).read_bytes())  # plain values only: marshal runs no code
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return doc if isinstance(doc, dict) else None


def _cache_put(cache: Path, key: str, doc: dict) -> None:
    try:
        cache.mkdir(parents=True, exist_ok=True)
        tmp = cache / f".{key}.{os.getpid()}"
        tmp.write_bytes(marshal.dumps(doc))
        os.replace(tmp, cache / key)
    except (OSError, ValueError):
        pass  # a cache that cannot be written only makes the next build slower


def load_reference(directory: Path | None = None, *, cache: Path | bool | None = None) -> Reference:
    """Every curated file of ``data/reference/``, checked; each file is read once.

    ``cache``: a folder for the cache of checked files (``True``: :func:`default_cache_dir`); ``None`` or
    ``False`` reads and checks every file afresh.
    """
    d = Path(directory) if directory else reference_dir()
    if not (d / "exchange_rates.csv").is_file():
        raise CuratedDataError(f"{d / 'exchange_rates.csv'}: missing curated file; {RESTORE}")
    folder = default_cache_dir() if cache is True else (cache or None)
    docs = {f.path: _load(d / f.path, f.path, folder) for f in CURATED}
    review = {name: doc["review"] for name, doc in docs.items()}
    known = {c["id"] for c in docs["coding/coders.yaml"]["rows"]}
    for name, record in review.items():
        unknown = [c for c in record["coders"] if c not in known]
        if unknown:
            raise CuratedDataError(
                f"{d / name}: review, coders: {', '.join(map(repr, unknown))} "
                f"{'is' if len(unknown) == 1 else 'are'} not in coding/coders.yaml; add the coder "
                "there, saying what it saw and how independent it was"
            )
    return Reference(
        directory=d,
        **{f.attribute: docs[f.path]["rows"] for f in CURATED},
        codebook_version=docs["coding/codebook.yaml"]["version"],
        method=docs["coding/coders.yaml"]["method"],
        currencies_path=d / "currencies.yaml",
        rates_path=d / "exchange_rates.csv",
        review=review,
    )
