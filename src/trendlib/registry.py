"""The data contract of ``data/processed/``: every table, declared once.

Modelled on PUDL's metadata registry: a :class:`Field` is a column with its
type, description, unit, vocabulary and display labels in English and
Chinese; a :class:`Table` (a *resource*) says what one of its rows is, lists
its fields and declares its primary and foreign keys. Everything else is
derived from :data:`TABLES`:

* the build's table order and its vocabulary check (:func:`check_vocabularies`),
* the dtypes of :func:`trendlib.load` and the attributes of :class:`trendlib.Tables`,
* the citation ids of :mod:`trendlib.analysis.cite` (a table's primary key),
* the column labels notebooks show (:func:`label`),
* the Frictionless ``datapackage.json`` (:func:`datapackage`), whose
  ``primaryKey`` and ``foreignKeys`` let frictionless check that every id links,
* the table list of the README (a test keeps them equal).

Adding a table means adding one :class:`Table` here (and the function that
builds its frame).

>>> TABLE["cases"].primary_key
('case_id',)
>>> label("funding", "usd", "zh")
'美元金额'
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pandas as pd

from . import vocab
from .errors import CuratedDataError

__all__ = ["Field", "ForeignKey", "Table", "FIELDS", "TABLES", "TABLE", "PANDAS_TYPES", "names", "label",
           "dtypes", "datapackage", "check_vocabularies"]

#: Frictionless field type → pandas dtype (load() and the build use the same).
PANDAS_TYPES = {"integer": "Int64", "number": "Float64", "boolean": "boolean", "string": "string"}


@dataclass(frozen=True)
class Field:
    """A column: its name, Frictionless type, meaning, unit, vocabulary and labels."""

    name: str
    type: str
    description: str
    en: str
    zh: str
    unit: str | None = None
    vocabulary: str | None = None  # every value is one of this vocabulary's
    list_of: str | None = None  # a ';'-joined list of this vocabulary's values

    def __post_init__(self):
        if self.type not in PANDAS_TYPES:
            raise ValueError(f"field {self.name}: unknown type {self.type!r}")

    def described(self, description: str) -> "Field":
        """The same field with a table-specific description."""
        return replace(self, description=description)


@dataclass(frozen=True)
class ForeignKey:
    """``fields`` of this table refer to ``reference`` of table ``table`` (empty values allowed)."""

    fields: tuple[str, ...]
    table: str
    reference: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A published table (a data-package resource): what a row is, its fields and keys."""

    name: str
    row: str  # what one row is
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()
    key_note: str = ""  # why a table has no primary key, if it has none
    extra: dict = field(default_factory=dict)

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name} has no column {name!r}")


def _f(name, type_, description, en, zh, **kw) -> Field:
    return Field(name, type_, description, en, zh, **kw)


#: Fields shared by several tables (PUDL's FIELD_METADATA): one definition, one label.
FIELDS: dict[str, Field] = {f.name: f for f in (
    _f("trend", "integer", "trend 0–8", "trend", "趋势"),
    _f("section", "string", "section", "section", "部分", vocabulary="section"),
    _f("case_id", "string", "case", "case", "案例"),
    _f("actor_id", "string", "actor", "actor", "主体"),
    _f("line", "integer", "raw line", "raw line", "原文行"),
    _f("line_start", "integer", "first raw line", "first raw line", "起始行"),
    _f("line_end", "integer", "last raw line", "last raw line", "结束行"),
    _f("text", "string", "the text as printed", "text", "原文"),
    _f("context", "string", "the clause it sits in", "context", "上下文"),
    _f("country", "string", "ISO 3166-1 alpha-3; EUU = European Union; INT = multinational", "country", "国家"),
    _f("title_zh", "string", "title as printed", "title (Chinese)", "标题"),
    _f("title_en", "string", "title in English", "title (English)", "英文标题"),
)}


def _use(name: str, description: str | None = None, **kw) -> Field:
    base = FIELDS[name]
    base = base.described(description) if description is not None else base
    return replace(base, **kw) if kw else base


_TREND_FK = ForeignKey(("trend",), "trends", ("trend",))
_CASE_FK = ForeignKey(("case_id",), "cases", ("case_id",))

TABLES: tuple[Table, ...] = (
    Table("trends", "chapter (0 = front matter, 1–8 = the eight trends)", (
        _use("trend", "0 = front matter, 1–8 = chapters"),
        _use("title_zh", "chapter title as the report's overview gives it"),
        _use("title_en", "chapter title in the English edition"),
        _use("line_start", "first line of the chapter in the raw report (1-based)"),
        _use("line_end", "last line of the chapter"),
        _f("paragraphs", "integer", "number of paragraphs", "paragraphs", "段落数"),
        _f("characters", "integer", "number of non-whitespace characters of its paragraphs", "characters", "字数",
           unit="characters"),
    ), primary_key=("trend",)),
    Table("paragraphs", "reflowed paragraph, with trend, section and footnote numbers", (
        _f("para_id", "integer", "paragraph number in reading order (1-based)", "paragraph", "段落"),
        _use("trend"),
        _use("section", "section (see vocabulary)"),
        _use("line_start", "first raw line of the paragraph"),
        _use("line_end", "last raw line of the paragraph"),
        _f("char_start", "integer", "raw character offset of its first character", "first character", "起始字符"),
        _f("char_end", "integer", "raw character offset just after its last character", "end character", "结束字符"),
        _f("box", "string", "curated box holding it: my_take, sidebar, data, pull_quote (repeats text found "
           "elsewhere); empty in the running text", "box", "文框", vocabulary="box"),
        _use("text", "reflowed text, footnote numbers removed"),
        _f("footnotes", "string", "';'-joined footnote numbers glued into the paragraph", "footnotes", "脚注"),
    ), primary_key=("para_id",), foreign_keys=(_TREND_FK,)),
    Table("cases", "case: a concrete programme, fund, platform, law, project or agency practice", (
        _use("case_id", "T<trend>-<seq>, from the codebook"),
        _use("trend", "trend of the paragraph holding the anchor"),
        _use("section", "section of the paragraph holding the anchor"),
        _use("title_zh", "name as written in the report, or a short label (curated)"),
        _use("title_en", "the programme's English name where one exists (curated)"),
        _f("kind", "string", "programme, initiative, fund, platform, law, project, agency_practice (curated)",
           "kind", "类型", vocabulary="kind"),
        _use("country", "ISO 3166-1 alpha-3; EUU = European Union; INT = multinational (curated)"),
        _f("place_zh", "string", "jurisdiction as the text names it (curated)", "place", "地点"),
        _f("level", "string", "level of government (curated)", "level", "层级", vocabulary="level"),
        _f("year", "integer", "first year the text ties to the case (computed from its span)", "year", "年份"),
        _f("sectors", "string", "';'-joined sectors of its actors plus those the text states", "sectors", "部门",
           list_of="sector"),
        _f("boundary", "string", "';'-joined boundaries it crosses where the text says so (curated)",
           "boundaries", "壁垒", list_of="boundary"),
        _f("n_actors", "integer", "distinct actors mentioned in the span", "actors named", "主体数"),
        _use("line_start", "raw line where the case's description starts"),
        _use("line_end", "raw line where it ends"),
        _use("text", "the case's description (its span)"),
    ), primary_key=("case_id",), foreign_keys=(_TREND_FK,)),
    Table("actors", "named organisation or government", (
        _use("actor_id", "stable id from the gazetteer"),
        _f("name_zh", "string", "fullest Chinese name used in the report", "name (Chinese)", "中文名称"),
        _f("aliases_zh", "string", "';'-joined other forms the report uses", "other names", "别名"),
        _f("name_en", "string", "official English name", "name (English)", "英文名称"),
        _f("type", "string", "actor type (see vocabulary)", "type", "类型", vocabulary="type"),
        _use("country", "ISO 3166-1 alpha-3; EUU; INT"),
        _f("sector", "string", "sector (see vocabulary)", "sector", "部门", vocabulary="sector"),
        _f("mentions", "integer", "mentions anywhere in the report", "mentions", "提及次数"),
        _f("cases", "integer", "cases whose span mentions it", "cases", "案例数"),
    ), primary_key=("actor_id",)),
    Table("case_actors", "mention of an actor inside a case", (
        _use("case_id"),
        _use("actor_id", "actor"),
        _f("mention", "string", "the form used, verbatim (whitespace removed)", "mention", "提及形式"),
        _use("line", "raw line of the mention"),
    ), foreign_keys=(_CASE_FK, ForeignKey(("actor_id",), "actors", ("actor_id",))),
        key_note="a case may name the same actor twice on one line, so no column set identifies a row"),
    Table("funding", "monetary amount, with USD value and anomaly flags", (
        _f("amount_id", "string", "F<seq> in reading order", "amount", "金额"),
        _use("trend"),
        _use("section", "section"),
        _use("case_id", "case whose span holds the amount, if any"),
        _use("line", "raw line where the amount starts"),
        _use("text", "the amount as printed, with qualifier and currency"),
        _f("value", "number", "base units (8,000亿 → 800000000000); empty when vague; low end of a range",
           "value", "数额", unit="units of the printed currency"),
        _f("value_high", "number", "high end of a range", "value (high end)", "数额上限",
           unit="units of the printed currency"),
        _f("currency", "string", "ISO 4217 code of the printed currency", "currency", "币种"),
        _f("qualifier", "string", "exact, over, about, up_to, range, vague", "qualifier", "限定词",
           vocabulary="qualifier"),
        _f("usd", "number", "value in US dollars at the reference-year rate (rounded to the dollar)", "US$",
           "美元金额", unit="US dollars"),
        _f("rate_year", "integer", "year of the exchange rate used for usd", "rate year", "汇率年份"),
        _use("context", "the clause the amount sits in"),
        _f("flag", "string", "why the amount looks wrong (currency of another jurisdiction, power-of-ten gap); "
           "empty if none", "flag", "存疑标记"),
        _f("repeats", "string", "amount_id of an earlier mention of the same amount of the same case (drop "
           "these before summing)", "repeats", "重复"),
        _f("chart_unit", "string", "for a bare chart value, the unit its chart states (e.g. （单位：百万美元）), "
           "applied to value", "chart unit", "图表单位"),
    ), primary_key=("amount_id",), foreign_keys=(
        _TREND_FK, _CASE_FK, ForeignKey(("repeats",), "funding", ("amount_id",)))),
    Table("statistics", "percentage or fraction", (
        _f("stat_id", "string", "S<seq> in reading order", "figure", "数据"),
        _use("trend"),
        _use("section", "section"),
        _use("case_id", "case whose span holds the figure, if any"),
        _use("line", "raw line of the figure"),
        _use("text", "the figure as printed"),
        _f("value", "number", "35% → 35; 三分之二 → 66.67", "value", "数值", unit="percent"),
        _f("unit", "string", "percent, percentage_point, fraction", "unit", "单位"),
        _use("context", "the clause it sits in (for infographic fragments: its block's label text where the "
             "order allows)"),
        _f("in_infographic", "boolean", "inside a 解读数据 infographic block", "in an infographic", "信息图中"),
        _f("context_certain", "boolean", "false where the infographic's scrambled order makes the pairing of "
           "value and label uncertain", "label certain", "标签确定"),
        _f("repeats", "string", "stat_id of an earlier mention of the same figure in the same words (a pull "
           "quote); drop before counting", "repeats", "重复"),
    ), primary_key=("stat_id",), foreign_keys=(
        _TREND_FK, _CASE_FK, ForeignKey(("repeats",), "statistics", ("stat_id",)))),
    Table("barriers", "bullet of a 突破壁垒 / 打破壁垒 list, with its boundary category", (
        _use("trend", "chapter 1–8"),
        _f("seq", "integer", "order within the chapter's list", "bullet", "序号"),
        _f("side_a", "string", "one side of the barrier (verbatim, curated)", "one side", "一方"),
        _f("side_b", "string", "the other side, empty if the bullet names one", "other side", "另一方"),
        _f("boundary", "string", "';'-joined boundary categories (curated; see vocabulary)", "boundaries", "壁垒",
           list_of="boundary"),
        _use("text", "the bullet, reflowed"),
        _use("line", "raw line of the bullet"),
    ), primary_key=("trend", "seq"), foreign_keys=(_TREND_FK,)),
    Table("my_takes", "我的观点 (My Take) sidebar", (
        _use("trend", "trend"),
        _f("person", "string", "author as printed", "author", "作者"),
        _f("role", "string", "role as printed", "role", "职务"),
        _f("organization", "string", "organisation the person speaks for, as printed", "organisation", "机构"),
        _use("title_zh", "title of the piece"),
        _use("line", "first raw line of the sidebar"),
        _use("line_end", "last raw line of the sidebar"),
    ), primary_key=("trend", "line"), foreign_keys=(_TREND_FK,)),
    Table("endnotes", "English endnote (trend 1), Ibid. resolved", (
        _use("trend", "chapter"),
        _f("number", "integer", "note number", "note", "注释编号"),
        _use("text", "the note, reflowed; an Ibid. note resolved to the source it repeats"),
        _f("printed", "string", "the note as printed", "as printed", "原文"),
        _f("ibid_of", "integer", "number of the note an Ibid. repeats", "Ibid. of", "同上所指"),
        _f("year", "integer", "publication year where the note gives one (access dates ignored)", "year", "年份"),
        _use("line", "raw line where the note starts"),
    ), primary_key=("trend", "number"), foreign_keys=(_TREND_FK,),
        # (trend, ibid_of) → (trend, number) is not declared: frictionless checks a composite key even
        # where one part is empty; the build's own tests check that every ibid_of names a note
    ),
    Table("furniture", "removed navigation bar or running footer, with its printed page number", (
        _use("line", "raw line of the removed navigation bar or running footer"),
        _f("kind", "string", "nav or footer", "kind", "类型"),
        _f("label", "string", "the footer's chapter title", "label", "标签"),
        _f("page", "integer", "printed page number", "page", "页码"),
    ), primary_key=("line",)),
)

#: Tables by name.
TABLE: dict[str, Table] = {t.name: t for t in TABLES}


def names() -> list[str]:
    """Table names in build order.

    >>> names()[:3]
    ['trends', 'paragraphs', 'cases']
    """
    return [t.name for t in TABLES]


def label(table: str, column: str, lang: str = "en") -> str:
    """A column's display label in ``lang`` (``"en"`` or ``"zh"``)."""
    return getattr(TABLE[table].field(column), lang)


def dtypes(table: str) -> dict[str, str]:
    """Column → pandas dtype of a table."""
    return {f.name: PANDAS_TYPES[f.type] for f in TABLE[table].fields}


def _frictionless_field(f: Field) -> dict:
    out = {"name": f.name, "type": f.type, "description": f.description}
    if f.vocabulary:
        allowed = vocab.VOCABULARIES[f.vocabulary]
        out["constraints"] = {"enum": sorted(allowed)}
        out["description"] += " — " + "; ".join(f"{k}: {v}" for k, v in allowed.items())
    if f.list_of:
        out["description"] += " — values: " + ", ".join(vocab.VOCABULARIES[f.list_of])
    out["title"] = f.en
    out["title_zh"] = f.zh  # a custom property: the Chinese display label
    if f.unit:
        out["unit"] = f.unit
    return out


def _frictionless_key(k: ForeignKey) -> dict:
    one = len(k.fields) == 1
    return {"fields": k.fields[0] if one else list(k.fields),
            "reference": {"resource": k.table, "fields": k.reference[0] if one else list(k.reference)}}


def datapackage(*, description: str, licenses: list[dict]) -> dict:
    """The Frictionless Data Package of the published tables (resource name = table name)."""
    resources = []
    for t in TABLES:
        schema: dict = {"fields": [_frictionless_field(f) for f in t.fields], "missingValues": [""]}
        if t.primary_key:
            schema["primaryKey"] = list(t.primary_key)
        if t.foreign_keys:
            schema["foreignKeys"] = [_frictionless_key(k) for k in t.foreign_keys]
        resources.append({
            "name": t.name, "path": f"{t.name}.csv", "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "profile": "tabular-data-resource", "description": t.row,
            **({"keyNote": t.key_note} if t.key_note else {}), "schema": schema,
        })
    return {
        "profile": "tabular-data-package",
        "name": "trendlib-government-trends-2023-zh",
        "title": "Government Trends 2023 (Chinese edition) as traceable tables",
        "description": description,
        "licenses": licenses,
        "resources": resources,
    }


def check_vocabularies(tables: dict) -> None:
    """Every vocabulary column holds only its vocabulary's values (``;``-joined lists split).

    A value outside comes from a curated file: the error names table, column, row and value.
    """
    for t in TABLES:
        df = tables[t.name]
        for f in t.fields:
            name = f.vocabulary or f.list_of
            if not name:
                continue
            allowed = set(vocab.VOCABULARIES[name])
            for i, value in enumerate(df[f.name]):
                if pd.isna(value):
                    continue
                values = str(value).split(";") if f.list_of else [str(value)]
                bad = [v for v in values if v and v not in allowed]
                if bad:
                    raise CuratedDataError(
                        f"{t.name}.csv row {i + 1}, column {f.name}: {bad[0]!r} is not in the {name} "
                        f"vocabulary ({', '.join(allowed)}); fix the curated value")
