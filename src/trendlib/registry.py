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

__all__ = ["Field", "ForeignKey", "Table", "FIELDS", "TABLES", "TABLE", "PANDAS_TYPES", "GRAPHS", "MANIFEST",
           "PACKAGE_NAME", "RETIRED_OUTPUTS", "outputs", "names", "label", "dtypes", "datapackage",
           "check_vocabularies"]

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
        _f("characters", "integer", "number of non-whitespace characters of its paragraphs (a paragraph printed twice "
           "counted once)", "characters", "字数",
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
        _f("repeats_para_id", "integer", "para_id of an earlier paragraph with the same words (of 20 or more characters): "
           "the source printed it twice, and its amounts and figures are counted once, there", "repeats", "重复"),
    ), primary_key=("para_id",), foreign_keys=(_TREND_FK, ForeignKey(("repeats_para_id",), "paragraphs", ("para_id",)))),
    Table("cases", "case: a concrete programme, fund, platform, law, project or agency practice", (
        _use("case_id", "T<trend>-<seq>, from the codebook"),
        _use("trend", "trend of the paragraph holding the anchor"),
        _use("section", "section of the paragraph holding the anchor"),
        _use("title_zh", "name as written in the report, or a short label (curated)"),
        _use("title_en", "the programme's English name where one exists (curated)"),
        _f("kind", "string", "what the case is (curated; see vocabulary)", "kind", "类型", vocabulary="kind"),
        _f("instrument", "string", "how the case works: its main mechanism (curated; see vocabulary)", "instrument",
           "机制", vocabulary="instrument"),
        _use("country", "ISO 3166-1 alpha-3; EUU = European Union; INT = multinational (curated)"),
        _f("place_zh", "string", "jurisdiction as the text names it (curated)", "place", "地点"),
        _f("level", "string", "level of government (curated)", "level", "层级", vocabulary="level"),
        _f("year", "integer", "the year the case started or was announced, as its span gives it; empty where the "
           "span gives none (curated, with evidence)", "year", "年份"),
        _f("sectors_named", "string", "';'-joined sectors of the named actors its span mentions or its relations name",
           "sectors (named actors)", "部门（具名主体）", list_of="sector"),
        _f("sectors_stated", "string", "';'-joined sectors of the stakeholder groups its relations name as acting "
           "(not only served)", "sectors (stated)", "部门（文本所述）", list_of="sector"),
        _f("sectors", "string", "';'-joined sectors taking part: sectors_named and sectors_stated together", "sectors",
           "部门", list_of="sector"),
        _f("boundary", "string", "';'-joined boundaries it crosses where the text says so (curated)",
           "boundaries", "壁垒", list_of="boundary"),
        _f("n_actors", "integer", "distinct actors mentioned in the span", "actors named", "主体数"),
        _f("n_relations", "integer", "ties its span states (relations.csv)", "ties", "关系数"),
        _f("no_relations", "string", "for a case whose span states no tie, why (curated, relations.yaml reason)",
           "why no tie", "无关系原因"),
        _use("line_start", "raw line where the case's description starts"),
        _use("line_end", "raw line where it ends"),
        _f("place_en", "string", "the jurisdiction in English (curated gloss of place_zh, glosses.yaml)", "place",
           "地点（英文）"),
        _f("places", "string", "';'-joined place_id of the jurisdictions it is set in (curated; places.csv; one row "
           "each in case_places.csv); empty where the text names none", "places", "地点编号"),
        _f("initiative_id", "string", "the initiative it describes: I- and the id of the first case of that "
           "initiative; cases that describe the same initiative share it (curated, with the words that show it: "
           "evidence.csv, code initiative). Count initiatives, not cases, for how many programmes", "initiative",
           "举措"),
        _f("case_source", "string", "where in the report the case comes from: body (the running text), my_take (a "
           "practitioner's 我的观点 sidebar), infographic (a 解读数据 block) or box (another boxed sidebar)",
           "source in the report", "来源", vocabulary="case_source"),
        _f("source_author", "string", "for a my_take case, the sidebar's author (my_takes.person_en)",
           "sidebar author", "观点作者"),
        _use("text", "the case's description (its span)"),
    ), primary_key=("case_id",), foreign_keys=(_TREND_FK,)),
    Table("places", "jurisdiction a case is set in: a country, state or province, city or county, tribal nation, "
          "or the EU", (
        _f("place_id", "string", "stable id (places.yaml)", "place", "地点"),
        _f("name_zh", "string", "the name the report prints", "name (Chinese)", "中文名称"),
        _f("name_en", "string", "the English name", "name (English)", "英文名称"),
        _use("country", "ISO 3166-1 alpha-3 of the country it lies in; EUU = the EU"),
        _f("level", "string", "its level (see vocabulary)", "level", "层级", vocabulary="level"),
        _f("iso", "string", "its ISO 3166-1 alpha-3 or ISO 3166-2 code, where it has one (checked with pycountry)",
           "ISO code", "ISO代码"),
        _f("n_cases", "integer", "cases set there", "cases", "案例数"),
    ), primary_key=("place_id",)),
    Table("case_places", "case and one jurisdiction it is set in (a link table)", (
        _use("case_id"),
        _f("place_id", "string", "the place (places.csv)", "place", "地点"),
    ), primary_key=("case_id", "place_id"), foreign_keys=(_CASE_FK, ForeignKey(("place_id",), "places",
                                                                                   ("place_id",)))),
    Table("evidence", "code of a case and the words (or the codebook rule) that justify it", (
        _use("case_id"),
        _f("code", "string", "kind, instrument, country, level, year, boundary, or initiative (value: the earlier "
           "case that describes the same initiative)", "code", "编码"),
        _f("coded_value", "string", "the value coded (for boundary, one row per value)", "coded value", "编码值"),
        _f("phrase", "string", "the verbatim words of the case's span that justify the value (curated)", "phrase",
           "依据原文"),
        _f("phrase_en", "string", "English gloss of the phrase (curated)", "phrase (English)", "依据（英文）"),
        _f("rule", "string", "the codebook rule that justifies the value where no single phrase can", "rule", "规则",
           vocabulary="evidence_rule"),
        _use("line", "raw line where the phrase starts"),
    ), primary_key=("case_id", "code", "coded_value"), foreign_keys=(_CASE_FK,)),
    Table("actors", "party: a named organisation or government, or a stakeholder group of unnamed ones", (
        _use("actor_id", "stable id from the gazetteer"),
        _f("name_zh", "string", "fullest Chinese name used in the report", "name (Chinese)", "中文名称"),
        _f("aliases_zh", "string", "';'-joined other forms the report uses", "other names", "别名"),
        _f("name_en", "string", "official English name", "name (English)", "英文名称"),
        _f("type", "string", "actor type (see vocabulary)", "type", "类型", vocabulary="type"),
        _use("country", "ISO 3166-1 alpha-3; EUU; INT"),
        _f("sector", "string", "sector (see vocabulary)", "sector", "部门", vocabulary="sector"),
        _f("level", "string", "for a public body: the level of government it belongs to", "level", "层级",
           vocabulary="level"),
        _f("detected", "boolean", "its names are matched as mentions (false for stakeholder groups and for "
           "governments the text names only by a place)", "matched in the text", "文本匹配"),
        _f("mentions", "integer", "mentions anywhere in the report", "mentions", "提及次数"),
        _f("cases", "integer", "cases whose span mentions it", "cases", "案例数"),
        _f("relations", "integer", "ties (relations.csv) in which it is source or target", "ties", "关系数"),
    ), primary_key=("actor_id",)),
    Table("case_actors", "mention of an actor inside a case", (
        _f("mention_id", "string", "M<seq> in reading order", "mention", "提及"),
        _use("case_id"),
        _use("actor_id", "actor"),
        _f("mention", "string", "the form used, verbatim (whitespace removed)", "mention", "提及形式"),
        _use("line", "raw line of the mention"),
    ), primary_key=("mention_id",), foreign_keys=(_CASE_FK, ForeignKey(("actor_id",), "actors", ("actor_id",)))),
    Table("relations", "tie the text states between two parties of a case", (
        _f("relation_id", "string", "R<seq>, in case order then the codebook's order", "tie", "关系"),
        _use("case_id"),
        _use("trend", "trend of the case"),
        _f("source", "string", "the party that gives, leads, regulates, provides or sends (actor_id)", "source", "发起方"),
        _f("target", "string", "the party that receives (actor_id); for an undirected tie, the other party",
           "target", "接收方"),
        _f("relation_type", "string", "what the tie is (see vocabulary)", "type of tie", "关系类型", vocabulary="relation_type"),
        _f("directed", "boolean", "false for partners, and for a mutual exchange of data or two-way talk",
           "directed", "有向"),
        _f("within", "boolean", "true for a tie inside one organisation: an employer and its own staff, a "
           "government and its own departments (curated); analyses of collaboration leave these out by default",
           "inside one organisation", "组织内部"),
        _f("phrase", "string", "the verbatim words of the span that state the tie (curated)", "phrase", "原文"),
        _f("phrase_en", "string", "English gloss of the phrase (curated)", "phrase (English)", "原文（英文）"),
        _use("line", "raw line where the phrase starts"),
        _f("crosses", "string", "';'-joined boundaries the tie crosses, from its two parties' sectors, levels, "
           "places and countries (an unnamed group takes its case's level and country); empty for a tie inside one "
           "organisation, and for two parties outside government of one country", "boundaries crossed",
           "跨越的壁垒", list_of="boundary"),
        _f("note", "string", "the coder's note (curated)", "note", "备注"),
    ), primary_key=("relation_id",), foreign_keys=(
        _CASE_FK, ForeignKey(("source",), "actors", ("actor_id",)), ForeignKey(("target",), "actors", ("actor_id",)))),
    Table("funding", "monetary amount as printed: its kind, US-dollar value, flags and primary-source check", (
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
        _f("repeats", "string", "amount_id of an earlier mention of the same money: found in the same case, or "
           "curated (amounts.yaml same_as) across cases; drop these before summing", "repeats", "重复"),
        _f("part_of", "string", "amount_id of a larger amount that includes this one (curated, amounts.yaml "
           "part_of: 其中包括…); drop these before summing", "part of", "包含于"),
        _f("chart_unit", "string", "for a bare chart value, the unit its chart states (e.g. （单位：百万美元）), "
           "applied to value", "chart unit", "图表单位"),
        _f("amount_type", "string", "what the amount is (curated; see vocabulary)", "kind of money", "金额类型",
           vocabulary="amount_type"),
        _f("period", "string", "the period the text gives the amount for, as printed (每年, 2018年至2022年); empty "
           "when it gives none (curated)", "period", "期间"),
        _f("check_status", "string", "checked against a primary source (curated; see vocabulary and amount_checks)",
           "check", "核实", vocabulary="check_status"),
        _f("value_corrected", "number", "for a corrected amount, the value the source gives (base units); the printed "
           "value is never overwritten", "value (corrected)", "更正数额", unit="units of currency_corrected"),
        _f("currency_corrected", "string", "for a corrected amount, the ISO 4217 currency the source gives",
           "currency (corrected)", "更正币种"),
        _f("usd_corrected", "number", "value_corrected in US dollars at the reference-year rate", "US$ (corrected)",
           "更正美元金额", unit="US dollars"),
        _f("differs_by", "string", "for an approximate amount, how the source's figure differs: ';'-joined "
           "rounding, period, scope (curated; details in amount_checks.differs_note)", "differs by", "差异",
           list_of="differs_by"),
        _f("source_url", "string", "the page of the primary source read (amount_checks.read_url; details there)",
           "source", "来源"),
    ), primary_key=("amount_id",), foreign_keys=(
        _TREND_FK, _CASE_FK, ForeignKey(("repeats",), "funding", ("amount_id",)),
        ForeignKey(("part_of",), "funding", ("amount_id",)))),
    Table("amount_checks", "amount checked against a primary source: the source and what it states", (
        _f("amount_id", "string", "the amount (funding.csv)", "amount", "金额"),
        _f("text", "string", "the amount as printed (checked to be the amount's)", "as printed", "原文"),
        _f("publisher", "string", "who published the source (and who reproduced it, where a copy was read)",
           "publisher", "发布方"),
        _f("publisher_url", "string", "the publisher's own address, where the page read was a copy of it (that "
           "page itself was not read)", "publisher's address", "发布方网址"),
        _f("read_url", "string", "the address of the page actually read", "page read", "所读网页"),
        _f("date", "string", "the source's date as it gives it (ISO 8601); empty if it gives none", "date", "日期"),
        _f("accessed", "string", "the date the page was read (ISO 8601)", "read on", "阅读日期"),
        _f("figure", "string", "the figure the source states, in its own words' form (e.g. 43 billion)", "figure",
           "来源数额"),
        _f("currency", "string", "the ISO 4217 currency the source states", "currency", "币种"),
        _f("differs_note", "string", "for an approximate amount, how the source's figure differs from the printed "
           "one", "how it differs", "差异说明"),
        _f("note", "string", "what the source says and how it bears on the amount, in the checker's words",
           "note", "说明"),
    ), primary_key=("amount_id",), foreign_keys=(ForeignKey(("amount_id",), "funding", ("amount_id",)),)),
    Table("amount_parts", "part of an amount that mixes kinds of money, as a primary source splits it", (
        _f("amount_id", "string", "the amount (funding.csv)", "amount", "金额"),
        _f("part", "integer", "the part's number within the amount", "part", "部分"),
        _f("amount_type", "string", "what kind of money the part is (see vocabulary)", "kind of money", "金额类型",
           vocabulary="amount_type"),
        _f("value", "number", "the part in base units of its currency, as the source gives it", "value", "数额",
           unit="units of currency"),
        _f("currency", "string", "ISO 4217 code", "currency", "币种"),
        _f("usd", "number", "value in US dollars at the reference-year rate (funding.rate_year)", "US$", "美元金额",
           unit="US dollars"),
        _f("figure", "string", "the figure as the source words it", "figure", "来源数额"),
        _f("also_in", "string", "amount_id of another amount that includes the same money: count it once",
           "also in", "重复计入"),
        _f("note", "string", "where the split comes from, in the checker's words", "note", "说明"),
    ), primary_key=("amount_id", "part"), foreign_keys=(ForeignKey(("amount_id",), "funding", ("amount_id",)),
                                                        ForeignKey(("also_in",), "funding", ("amount_id",)))),
    Table("exchange_rates", "currency and year of the documented exchange rate (the curated rate table)", (
        _f("currency", "string", "ISO 4217 code", "currency", "币种"),
        _f("year", "integer", "the year the annual average rate is for", "year", "年份"),
        _f("usd_per_unit", "number", "US dollars per unit of the currency, the year's average", "US$ per unit",
           "每单位美元", unit="US dollars"),
        _f("rate_source", "string", "where the rate comes from", "source of the rate", "汇率来源"),
    ), primary_key=("currency", "year")),
    Table("statistics", "percentage or fraction", (
        _f("stat_id", "string", "S<seq> in reading order", "figure", "数据"),
        _use("trend"),
        _use("section", "section"),
        _use("case_id", "the case the figure is about, where the text says so (curated, statistics.yaml)"),
        _use("line", "raw line of the figure"),
        _use("text", "the figure as printed"),
        _f("value", "number", "35% → 35; 三分之二 → 66.67", "value", "数值", unit="percent"),
        _f("unit", "string", "percent, percentage_point, fraction", "unit", "单位"),
        _f("statistic_kind", "string", "what kind of evidence the figure is (curated; see vocabulary and docs/CODEBOOK.md)",
           "kind of evidence", "证据类型", vocabulary="statistic_kind"),
        _f("kind_phrase", "string", "the verbatim words of its clause or label that decide its kind (curated)",
           "deciding words", "判定依据"),
        _f("kind_phrase_en", "string", "English gloss of kind_phrase (curated)", "deciding words (English)",
           "判定依据（英文）"),
        _use("context", "the clause it sits in (for infographic fragments: its block's label text where the "
             "order allows)"),
        _f("context_en", "string", "English gloss of context (curated)", "context (English)", "上下文（英文）"),
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
        _f("side_a_en", "string", "English gloss of side_a (curated, glosses.yaml)", "one side (English)", "一方（英文）"),
        _f("side_b_en", "string", "English gloss of side_b (curated, glosses.yaml)", "other side (English)", "另一方（英文）"),
        _f("text_en", "string", "English gloss of the bullet (curated, glosses.yaml)", "text (English)", "原文（英文）"),
    ), primary_key=("trend", "seq"), foreign_keys=(_TREND_FK,)),
    Table("my_takes", "我的观点 (My Take) sidebar", (
        _use("trend", "trend"),
        _f("person", "string", "author as printed", "author", "作者"),
        _f("position", "string", "the author's position as printed", "position", "职务"),
        _f("organization", "string", "organisation the person speaks for, as printed", "organisation", "机构"),
        _use("title_zh", "title of the piece"),
        _use("line", "first raw line of the sidebar"),
        _use("line_end", "last raw line of the sidebar"),
        _f("person_en", "string", "the author's name in English (curated, glosses.yaml)", "author (English)", "作者（英文）"),
        _f("position_en", "string", "English gloss of position (curated, glosses.yaml)", "position (English)", "职务（英文）"),
        _f("organization_en", "string", "English gloss of organization (curated, glosses.yaml)", "organisation (English)",
           "机构（英文）"),
        _use("title_en", "English gloss of the piece's title (curated, glosses.yaml)"),
    ), primary_key=("trend",), foreign_keys=(_TREND_FK,)),
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
        _f("furniture_kind", "string", "what was removed (see vocabulary)", "kind of furniture", "版面元素类型", vocabulary="furniture_kind"),
        _f("label", "string", "the footer's chapter title", "label", "标签"),
        _f("page", "integer", "printed page number", "page", "页码"),
    ), primary_key=("line",)),
    Table("reliability", "field and round of the agreement between two independent codings", (
        _f("round", "integer", "1: first vs second reading (codebook v1, before adjudication); 2: the adjudicated "
           "coding vs a fresh blind reading of a fresh sample (codebook v2); 3: the coding recoded under codebook "
           "v3, as it was before round 3, vs a fresh blind reading of a fresh sample with none of the codebook's "
           "examples", "round", "轮次"),
        _f("field", "string", "the code compared: a case-level code, or a tie measure (tie identification: the "
           "case, the parties and, where both give one, the direction; tie parties: the case and the parties; tie "
           "type and tie direction: over the pairs both codings tie)", "field", "编码"),
        _f("measure", "string", "alpha_nominal or alpha_masi: Krippendorff's α (MASI, Passonneau 2006, a set-aware "
           "distance, for a set of values); f1: the F1 of one coding's ties against the other's (not corrected "
           "for chance)", "measure", "测量方法"),
        _f("n_units", "integer", "cases compared (for the tie measures: cases where either coding has a tie, or "
           "where both tie the pairs compared)", "cases", "案例数"),
        _f("n_items", "integer", "what the value is computed over: cases for a case-level code, ties found by "
           "either coding for tie identification and tie parties, pairs both codings tie for tie type and "
           "direction", "items", "条目数"),
        _f("value", "number", "α (1 = perfect agreement, 0 = chance) or F1 (1 = the same ties)", "value", "数值"),
        _f("ci_low", "number", "lower bound of the bootstrap 95 % interval (2,000 resamples of the round's cases, "
           "seeded)", "95% interval, low", "95%区间下限"),
        _f("ci_high", "number", "upper bound of the bootstrap 95 % interval", "95% interval, high", "95%区间上限"),
        _f("status", "string", "by the interval's lower bound: reliable (≥ 0.8), tentative (≥ 0.667: tentative "
           "conclusions only), unreliable (< 0.667); for F1 the same cut-offs are a convention", "status", "状态"),
        _f("agreement", "number", "for α: the share of items both codings code the same", "agreement", "一致率"),
        _f("precision", "number", "for F1: the share of the second coding's ties the first also has",
           "precision", "精确率"),
        _f("recall", "number", "for F1: the share of the first coding's ties the second also has", "recall",
           "召回率"),
        _f("codebook", "string", "the codebook version the codings followed", "codebook", "编码手册"),
        _f("coders", "string", "who coded the second coding, what they saw and how independent they were (the "
           "readings' records under data/reference/coding/)", "coders", "编码者"),
    ), primary_key=("round", "field")),
    Table("coders", "coder: who coded or curated, what it saw and how independent it was", (
        _f("coder_id", "string", "id the readings and review records name (coding/coders.yaml)", "coder", "编码者"),
        _f("coder_kind", "string", "what kind of coder", "kind of coder", "编码者类型"),
        _f("sessions", "string", "how many working sessions (each with its own brief)", "sessions", "会话数"),
        _f("role", "string", "what it did", "role", "职责"),
        _f("saw", "string", "what it saw while coding", "saw", "所见材料"),
        _f("independence", "string", "how independent it was of the other codings", "independence", "独立性"),
    ), primary_key=("coder_id",)),
    Table("adjudication", "decision on a disagreement between two codings, or a recode that a changed rule or a "
          "consistency check made", (
        _f("decision_id", "string", "A<seq> in the log's order (coding/adjudication.yaml)", "decision", "裁定"),
        _f("round", "integer", "the round of reliability.csv whose disagreement it settles; empty for a recode found "
           "otherwise (found_by)", "round", "轮次"),
        _use("case_id"),
        _f("item", "string", "what was coded: relation (one tie), relations (a case's ties), or a case-level code "
           "(kind, instrument, boundary, sectors, year)", "item", "编码项"),
        _f("coded_value", "string", "the value in question (a tie as source → target (type); lists ';'-joined)", "coded value",
           "编码值"),
        _f("first", "string", "what the first (or adjudicated) coding had", "first coding", "第一次编码"),
        _f("second", "string", "what the second (or fresh) coding had", "second coding", "第二次编码"),
        _f("decision", "string", "what the curator decided", "decision", "裁定结果"),
        _f("reason", "string", "why, in one line", "reason", "理由"),
        _f("codebook_changed", "string", "the codebook rule the decision added or sharpened (docs/CODEBOOK.md, "
           "Changes); empty when the codebook stood", "codebook rule", "编码规则"),
        _f("found_by", "string", "what found it when not a disagreement (e.g. a consistency check)", "found by",
           "发现方式"),
    ), primary_key=("decision_id",), foreign_keys=(_CASE_FK,)),
)

#: Tables by name.
TABLE: dict[str, Table] = {t.name: t for t in TABLES}

#: The published graphs (each written as GraphML and GEXF).
GRAPHS: tuple[str, ...] = ("ties", "ties_by_kind", "stakeholders")
#: The data package: the data dictionary, and the record of every file of one build.
MANIFEST = "datapackage.json"
#: Its ``name``.
PACKAGE_NAME = "trendlib-government-trends-2023-zh"
#: Files earlier versions of the build wrote and this one does not: a rebuild removes them.
RETIRED_OUTPUTS: tuple[str, ...] = ("collaboration.graphml", "collaboration.gexf", "comention.graphml",
                                     "comention.gexf")


def outputs() -> list[str]:
    """Every file name a build writes into its folder: the only names it may replace.

    >>> "cases.csv" in outputs() and "explorer.html" in outputs()
    True
    """
    return sorted([*(f"{t.name}.csv" for t in TABLES), *(f"{g}.{ext}" for g in GRAPHS for ext in ("graphml", "gexf")),
                   "explorer.html", MANIFEST])


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


def datapackage(*, description: str, licenses: list[dict], agreement: dict | None = None) -> dict:
    """The Frictionless Data Package of the published tables (resource name = table name).

    ``agreement`` maps (table, column) to the latest round of
    ``reliability.csv`` for the coded field it holds: the field gains an
    ``agreement`` entry, and a field short of reliable (α < 0.8) says so at
    the start of its description, so nobody reads it without the warning.
    """
    resources = []
    for t in TABLES:
        fields = [_frictionless_field(f) for f in t.fields]
        for spec in fields:
            row = (agreement or {}).get((t.name, spec["name"]))
            if row is not None:
                spec["agreement"] = {k: row[k] for k in ("round", "field", "measure", "value", "ci_low", "ci_high",
                                                         "n_units", "status")}
                if row["status"] != "reliable":
                    what = "F1" if row["measure"] == "f1" else "Krippendorff's α"
                    spec["description"] = (f"{row['status'].upper()}: {row['field']}: {what} = {row['value']} "
                                           f"(95 % interval {row['ci_low']}–{row['ci_high']}; round {row['round']}, "
                                           "reliability.csv); draw tentative conclusions only. "
                                           + spec["description"])
        schema: dict = {"fields": fields, "missingValues": [""]}
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
        "name": PACKAGE_NAME,
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
