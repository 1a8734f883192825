"""Every field of the published tables, declared once (PUDL's field metadata).

A :class:`Field` is what one value of a column means: its Frictionless type,
a description, a unit, the controlled vocabulary its values come from
(:data:`trendlib.vocab.VOCABULARIES`) and its display labels in English and
Chinese. A name means the same thing, with the same type, vocabulary and
labels, in every table that has it, so tables can be joined and compared by
column name. A table may give a field a description specific to it (and, for
``value``, the unit of its table) in :mod:`trendlib.metadata.resources`; where
a column means something else it has a name of its own.

A column that holds several values of a field, ``;``-joined (``cases.sectors``),
is declared as that field here; the link table that gives one row per value
(``case_sectors``) is declared in :mod:`trendlib.metadata.resources`.

>>> FIELDS["usd"].unit
'US dollars'
>>> FIELDS["level"].vocabulary
'level'
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Field", "FIELDS", "PANDAS_TYPES"]

#: Frictionless field type → pandas dtype (:func:`trendlib.load` and the build use the same).
PANDAS_TYPES = {"integer": "Int64", "number": "Float64", "boolean": "boolean", "string": "string"}


@dataclass(frozen=True)
class Field:
    """What one value of a column means: name, Frictionless type, description, labels, unit and vocabulary.

    Examples
    --------
    >>> f = Field("page", "integer", "printed page number", "page", "页码")
    >>> f.type, f.zh
    ('integer', '页码')
    >>> Field("page", "int", "printed page number", "page", "页码")
    Traceback (most recent call last):
    ...
    ValueError: field page: unknown type 'int' (use integer, number, boolean, string)
    """

    name: str
    type: str
    description: str
    en: str  # display label in English
    zh: str  # display label in Chinese
    unit: str | None = None
    vocabulary: str | None = None  # every value is one of this vocabulary's (trendlib.vocab)

    def __post_init__(self):
        if self.type not in PANDAS_TYPES:
            raise ValueError(f"field {self.name}: unknown type {self.type!r} (use {', '.join(PANDAS_TYPES)})")


def _once(*fields: Field) -> dict[str, Field]:
    """Fields by name; a name declared twice is an error.

    >>> _once(Field("a", "string", "x", "a", "甲"), Field("a", "integer", "y", "a", "甲"))
    Traceback (most recent call last):
    ...
    ValueError: field a is declared twice
    """
    out: dict[str, Field] = {}
    for f in fields:
        if f.name in out:
            raise ValueError(f"field {f.name} is declared twice")
        out[f.name] = f
    return out


#: Every field of every published table, by name, each declared once.
FIELDS: dict[str, Field] = _once(
    Field(
        "trend",
        "integer",
        "trend (chapter) of the report: 0 = the front matter, 1–8 = the eight trends",
        "trend",
        "趋势",
    ),
    Field("title_zh", "string", "title as printed", "title (Chinese)", "标题"),
    Field("title_en", "string", "title in English", "title (English)", "英文标题"),
    Field("line_start", "integer", "first line in the raw report (1-based)", "first raw line", "起始行"),
    Field("line_end", "integer", "last line in the raw report (1-based)", "last raw line", "结束行"),
    Field(
        "characters",
        "integer",
        "number of non-whitespace characters of its paragraphs (a paragraph printed twice counted once)",
        "characters",
        "字数",
        unit="characters",
    ),
    Field("para_id", "integer", "paragraph number in reading order (1-based)", "paragraph", "段落"),
    Field("section", "string", "section of the report (see vocabulary)", "section", "部分", vocabulary="section"),
    Field("char_start", "integer", "raw character offset of its first character", "first character", "起始字符"),
    Field("char_end", "integer", "raw character offset just after its last character", "end character", "结束字符"),
    Field(
        "box",
        "string",
        "curated box holding it: my_take, sidebar, data, pull_quote (repeats text found "
        "elsewhere); empty in the running text",
        "box",
        "文框",
        vocabulary="box",
    ),
    Field("text", "string", "the text as printed", "text", "原文"),
    Field(
        "footnotes",
        "string",
        "';'-joined footnote numbers glued into the paragraph (one row each in paragraph_footnotes.csv)",
        "footnotes",
        "脚注",
    ),
    Field("footnote", "integer", "a footnote number glued into the paragraph", "footnote", "脚注编号"),
    Field(
        "repeats_para_id",
        "integer",
        "para_id of an earlier paragraph with the same words (of 20 or more "
        "characters): the source printed it twice, and its amounts and figures are counted once, there",
        "repeats",
        "重复",
    ),
    Field("case_id", "string", "the case (cases.csv)", "case", "案例"),
    Field("kind", "string", "what the case is (curated; see vocabulary)", "kind", "类型", vocabulary="kind"),
    Field(
        "instrument",
        "string",
        "how the case works: its main mechanism (curated; see vocabulary)",
        "instrument",
        "机制",
        vocabulary="instrument",
    ),
    Field("country", "string", "ISO 3166-1 alpha-3; EUU = European Union; INT = multinational", "country", "国家"),
    Field("place_zh", "string", "jurisdiction as the text names it (curated)", "place", "地点"),
    Field("level", "string", "level of government (see vocabulary)", "level of government", "层级", vocabulary="level"),
    Field("year", "integer", "a calendar year", "year", "年份"),
    Field(
        "sectors_named",
        "string",
        "';'-joined sectors of the named actors its span mentions or its relations name",
        "sectors (named actors)",
        "部门（具名主体）",
        vocabulary="sector",
    ),
    Field(
        "sectors_stated",
        "string",
        "';'-joined sectors of the stakeholder groups its relations name as acting (not only served)",
        "sectors (stated)",
        "部门（文本所述）",
        vocabulary="sector",
    ),
    Field(
        "sectors",
        "string",
        "';'-joined sectors taking part: sectors_named and sectors_stated together (one row each in case_sectors.csv)",
        "sectors",
        "部门",
        vocabulary="sector",
    ),
    Field("named", "boolean", "the sector is among the case's sectors_named", "of named actors", "具名主体部门"),
    Field("stated", "boolean", "the sector is among the case's sectors_stated", "stated", "文本所述部门"),
    Field("boundary", "string", "a boundary crossed (see vocabulary)", "boundary", "壁垒", vocabulary="boundary"),
    Field("n_actors", "integer", "distinct actors mentioned in the span", "actors named", "主体数"),
    Field("n_relations", "integer", "ties its span states (relations.csv)", "ties", "关系数"),
    Field(
        "no_relations",
        "string",
        "for a case whose span states no tie, why (curated, relations.yaml reason)",
        "why no tie",
        "无关系原因",
    ),
    Field(
        "place_en",
        "string",
        "the jurisdiction in English (curated gloss of place_zh, glosses.yaml)",
        "place",
        "地点（英文）",
    ),
    Field(
        "places",
        "string",
        "';'-joined place_id of the jurisdictions it is set in (curated; places.csv; one row "
        "each in case_places.csv); empty where the text names none",
        "places",
        "地点编号",
    ),
    Field(
        "initiative_id",
        "string",
        "the initiative it describes: I- and the id of the first case of that "
        "initiative; cases that describe the same initiative share it (curated, with the words that show it: "
        "evidence.csv, code initiative). Count initiatives, not cases, for how many programmes",
        "initiative",
        "举措",
    ),
    Field(
        "case_source",
        "string",
        "where in the report the case comes from: body (the running text), my_take (a "
        "practitioner's 我的观点 sidebar), infographic (a 解读数据 block) or box (another boxed sidebar)",
        "source in the report",
        "来源",
        vocabulary="case_source",
    ),
    Field(
        "source_author",
        "string",
        "for a my_take case, the sidebar's author (my_takes.person_en)",
        "sidebar author",
        "观点作者",
    ),
    Field("place_id", "string", "the place (places.csv)", "place", "地点"),
    Field("name_zh", "string", "the Chinese name the report prints", "name (Chinese)", "中文名称"),
    Field("name_en", "string", "the English name", "name (English)", "英文名称"),
    Field(
        "iso",
        "string",
        "its ISO 3166-1 alpha-3 or ISO 3166-2 code, where it has one (checked with pycountry)",
        "ISO code",
        "ISO代码",
    ),
    Field("n_cases", "integer", "cases set there", "cases", "案例数"),
    Field(
        "code",
        "string",
        "kind, instrument, country, level, year, boundary, or initiative (value: the earlier "
        "case that describes the same initiative)",
        "code",
        "编码",
    ),
    Field("coded_value", "string", "a value as coded, as text", "coded value", "编码值"),
    Field(
        "phrase",
        "string",
        "the verbatim words of the case's span that justify a code or state a tie (curated)",
        "phrase",
        "依据原文",
    ),
    Field("phrase_en", "string", "English gloss of the phrase (curated)", "phrase (English)", "依据原文（英文）"),
    Field(
        "rule",
        "string",
        "the codebook rule that justifies the value where no single phrase can",
        "rule",
        "规则",
        vocabulary="evidence_rule",
    ),
    Field("line", "integer", "raw line in the raw report (1-based)", "raw line", "原文行"),
    Field("actor_id", "string", "the party (actors.csv)", "actor", "主体"),
    Field(
        "aliases_zh",
        "string",
        "';'-joined other forms of its name the report uses (one row each in actor_aliases.csv)",
        "other names",
        "别名",
    ),
    Field("alias_zh", "string", "another form of the party's name the report uses", "other name", "别名"),
    Field("type", "string", "actor type (see vocabulary)", "type", "类型", vocabulary="type"),
    Field("sector", "string", "sector (see vocabulary)", "sector", "部门", vocabulary="sector"),
    Field(
        "detected",
        "boolean",
        "its names are matched as mentions (false for stakeholder groups and for "
        "governments the text names only by a place)",
        "matched in the text",
        "文本匹配",
    ),
    Field("mentions", "integer", "mentions anywhere in the report", "mentions", "提及次数"),
    Field("cases", "integer", "cases whose span mentions it", "cases", "案例数"),
    Field("relations", "integer", "ties (relations.csv) in which it is source or target", "ties", "关系数"),
    Field("mention_id", "string", "M<seq> in reading order", "mention", "提及"),
    Field("mention", "string", "the form used, verbatim (whitespace removed)", "mention", "提及形式"),
    Field("relation_id", "string", "R<seq>, in case order then the codebook's order", "tie", "关系"),
    Field(
        "source", "string", "the party that gives, leads, regulates, provides or sends (actor_id)", "source", "发起方"
    ),
    Field(
        "target",
        "string",
        "the party that receives (actor_id); for an undirected tie, the other party",
        "target",
        "接收方",
    ),
    Field(
        "relation_type",
        "string",
        "what the tie is (see vocabulary)",
        "type of tie",
        "关系类型",
        vocabulary="relation_type",
    ),
    Field(
        "directed",
        "boolean",
        "false for partners, and for a mutual exchange of data or two-way talk",
        "directed",
        "有向",
    ),
    Field(
        "within",
        "boolean",
        "true for a tie inside one organisation: an employer and its own staff, a government "
        "and its own departments (curated); analyses of collaboration leave these out by default",
        "inside one organisation",
        "组织内部",
    ),
    Field(
        "crosses",
        "string",
        "';'-joined boundaries the tie crosses, from its two parties' sectors, levels, "
        "places and countries (an unnamed group takes its case's level and country); empty for a tie inside one "
        "organisation, and for two parties outside government of one country",
        "boundaries crossed",
        "跨越的壁垒",
        vocabulary="boundary",
    ),
    Field("note", "string", "a note in the curator's or checker's words", "note", "备注"),
    Field("amount_id", "string", "the amount (funding.csv)", "amount", "金额"),
    Field("value", "number", "the number the row states, in the unit of its table", "value", "数值"),
    Field(
        "value_high",
        "number",
        "high end of a range",
        "value (high end)",
        "数额上限",
        unit="units of the printed currency",
    ),
    Field("currency", "string", "ISO 4217 code", "currency", "币种"),
    Field(
        "qualifier", "string", "exact, over, about, up_to, range, vague", "qualifier", "限定词", vocabulary="qualifier"
    ),
    Field(
        "usd",
        "number",
        "value in US dollars at the reference-year rate (rounded to the dollar)",
        "US$",
        "美元金额",
        unit="US dollars",
    ),
    Field("rate_year", "integer", "year of the exchange rate used for usd", "rate year", "汇率年份"),
    Field("context", "string", "the clause it sits in", "context", "上下文"),
    Field(
        "flag",
        "string",
        "why the amount looks wrong (currency of another jurisdiction, power-of-ten gap); empty if none",
        "flag",
        "存疑标记",
    ),
    Field(
        "repeats",
        "string",
        "id of an earlier row of the same table that states the same thing; drop these before counting",
        "repeats",
        "重复",
    ),
    Field(
        "part_of",
        "string",
        "amount_id of a larger amount that includes this one (curated, amounts.yaml part_of: "
        "其中包括…); drop these before summing",
        "part of",
        "包含于",
    ),
    Field(
        "chart_unit",
        "string",
        "for a bare chart value, the unit its chart states (e.g. （单位：百万美元）), applied to value",
        "chart unit",
        "图表单位",
    ),
    Field(
        "amount_type",
        "string",
        "what kind of money (curated; see vocabulary)",
        "kind of money",
        "金额类型",
        vocabulary="amount_type",
    ),
    Field(
        "period",
        "string",
        "the period the text gives the amount for, as printed (每年, 2018年至2022年); empty when "
        "it gives none (curated)",
        "period",
        "期间",
    ),
    Field(
        "period_en",
        "string",
        "the period in English (a curated gloss of period: per year, fiscal year 2021 …)",
        "period (English)",
        "期间（英文）",
    ),
    Field(
        "check_status",
        "string",
        "checked against a primary source (curated; see vocabulary and amount_checks)",
        "check",
        "核实",
        vocabulary="check_status",
    ),
    Field(
        "value_corrected",
        "number",
        "for a corrected amount, the value the source gives (base units); the printed value is never overwritten",
        "value (corrected)",
        "更正数额",
        unit="units of currency_corrected",
    ),
    Field(
        "currency_corrected",
        "string",
        "for a corrected amount, the ISO 4217 currency the source gives",
        "currency (corrected)",
        "更正币种",
    ),
    Field(
        "usd_corrected",
        "number",
        "value_corrected in US dollars at the reference-year rate",
        "US$ (corrected)",
        "更正美元金额",
        unit="US dollars",
    ),
    Field(
        "differs_by",
        "string",
        "for an approximate amount, how the source's figure differs (curated; see "
        "vocabulary; details in amount_checks.differs_note)",
        "differs by",
        "差异",
        vocabulary="differs_by",
    ),
    Field(
        "source_url",
        "string",
        "the page of the primary source read (amount_checks.read_url; details there)",
        "source",
        "来源",
    ),
    Field(
        "publisher",
        "string",
        "who published the source (and who reproduced it, where a copy was read)",
        "publisher",
        "发布方",
    ),
    Field(
        "publisher_url",
        "string",
        "the publisher's own address, where the page read was a copy of it (that page itself was not read)",
        "publisher's address",
        "发布方网址",
    ),
    Field("read_url", "string", "the address of the page actually read", "page read", "所读网页"),
    Field("date", "string", "the source's date as it gives it (ISO 8601); empty if it gives none", "date", "日期"),
    Field("accessed", "string", "the date the page was read (ISO 8601)", "read on", "阅读日期"),
    Field("figure", "string", "the figure as the source words it", "figure", "来源数额"),
    Field(
        "differs_note",
        "string",
        "for an approximate amount, how the source's figure differs from the printed one",
        "how it differs",
        "差异说明",
    ),
    Field("part", "integer", "the part's number within the amount", "part", "部分"),
    Field(
        "also_in",
        "string",
        "amount_id of another amount that includes the same money: count it once",
        "also in",
        "重复计入",
    ),
    Field(
        "usd_per_unit",
        "number",
        "US dollars per unit of the currency, the year's average",
        "US$ per unit",
        "每单位美元",
        unit="US dollars",
    ),
    Field("rate_source", "string", "where the rate comes from", "source of the rate", "汇率来源"),
    Field("stat_id", "string", "S<seq> in reading order", "figure", "数据"),
    Field("unit", "string", "percent, percentage_point, fraction", "unit", "单位"),
    Field(
        "statistic_kind",
        "string",
        "what kind of evidence the figure is (curated; see vocabulary and docs/CODEBOOK.md)",
        "kind of evidence",
        "证据类型",
        vocabulary="statistic_kind",
    ),
    Field(
        "kind_phrase",
        "string",
        "the verbatim words of its clause or label that decide its kind (curated)",
        "deciding words",
        "判定依据",
    ),
    Field(
        "kind_phrase_en",
        "string",
        "English gloss of kind_phrase (curated)",
        "deciding words (English)",
        "判定依据（英文）",
    ),
    Field("context_en", "string", "English gloss of context (curated)", "context (English)", "上下文（英文）"),
    Field("in_infographic", "boolean", "inside a 解读数据 infographic block", "in an infographic", "信息图中"),
    Field(
        "context_certain",
        "boolean",
        "false where the infographic's scrambled order makes the pairing of value and label uncertain",
        "label certain",
        "标签确定",
    ),
    Field("seq", "integer", "order within the chapter's list", "bullet", "序号"),
    Field("side_a", "string", "one side of the barrier (verbatim, curated)", "one side", "一方"),
    Field("side_b", "string", "the other side, empty if the bullet names one", "other side", "另一方"),
    Field(
        "side_a_en", "string", "English gloss of side_a (curated, glosses.yaml)", "one side (English)", "一方（英文）"
    ),
    Field(
        "side_b_en",
        "string",
        "English gloss of side_b (curated, glosses.yaml)",
        "other side (English)",
        "另一方（英文）",
    ),
    Field("text_en", "string", "English gloss of the bullet (curated, glosses.yaml)", "text (English)", "原文（英文）"),
    Field("person", "string", "author as printed", "author", "作者"),
    Field("position", "string", "the author's position as printed", "position", "职务"),
    Field("organization", "string", "organisation the person speaks for, as printed", "organisation", "机构"),
    Field(
        "person_en",
        "string",
        "the author's name in English (curated, glosses.yaml)",
        "author (English)",
        "作者（英文）",
    ),
    Field(
        "position_en",
        "string",
        "English gloss of position (curated, glosses.yaml)",
        "position (English)",
        "职务（英文）",
    ),
    Field(
        "organization_en",
        "string",
        "English gloss of organization (curated, glosses.yaml)",
        "organisation (English)",
        "机构（英文）",
    ),
    Field("number", "integer", "note number", "note", "注释编号"),
    Field("printed", "string", "the note as printed", "as printed", "原文"),
    Field("ibid_of", "integer", "number of the note an Ibid. repeats", "Ibid. of", "同上所指"),
    Field(
        "furniture_kind",
        "string",
        "what was removed (see vocabulary)",
        "kind of furniture",
        "版面元素类型",
        vocabulary="furniture_kind",
    ),
    Field("label", "string", "the footer's chapter title", "label", "标签"),
    Field("page", "integer", "printed page number", "page", "页码"),
    Field("round", "integer", "the round of agreement between codings (reliability.csv)", "round", "轮次"),
    Field(
        "field",
        "string",
        "the code compared: a case-level code, or a tie measure (tie identification: the case, "
        "the parties and, where both give one, the direction; tie parties: the case and the parties; tie type and "
        "tie direction: over the pairs both codings tie)",
        "field",
        "编码",
    ),
    Field(
        "measure",
        "string",
        "alpha_nominal or alpha_masi: Krippendorff's α (MASI, Passonneau 2006, a set-aware "
        "distance, for a set of values); f1: the F1 of one coding's ties against the other's (not corrected for "
        "chance)",
        "measure",
        "测量方法",
    ),
    Field(
        "n_units",
        "integer",
        "cases compared (for the tie measures: cases where either coding has a tie, or "
        "where both tie the pairs compared)",
        "cases",
        "案例数",
    ),
    Field(
        "n_items",
        "integer",
        "what the value is computed over: cases for a case-level code, ties found by either "
        "coding for tie identification and tie parties, pairs both codings tie for tie type and direction",
        "items",
        "条目数",
    ),
    Field(
        "ci_low",
        "number",
        "lower bound of the bootstrap 95 % interval (2,000 resamples of the round's cases, seeded)",
        "95% interval, low",
        "95%区间下限",
    ),
    Field("ci_high", "number", "upper bound of the bootstrap 95 % interval", "95% interval, high", "95%区间上限"),
    Field(
        "status",
        "string",
        "by the interval's lower bound: reliable (≥ 0.8), tentative (≥ 0.667: tentative "
        "conclusions only), unreliable (< 0.667); for F1 the same cut-offs are a convention",
        "status",
        "状态",
    ),
    Field("agreement", "number", "for α: the share of items both codings code the same", "agreement", "一致率"),
    Field(
        "precision", "number", "for F1: the share of the second coding's ties the first also has", "precision", "精确率"
    ),
    Field("recall", "number", "for F1: the share of the first coding's ties the second also has", "recall", "召回率"),
    Field("codebook", "string", "the codebook version the codings followed", "codebook", "编码手册"),
    Field(
        "coders",
        "string",
        "who coded the second coding, what they saw and how independent they were (the "
        "readings' records under data/reference/coding/)",
        "coders",
        "编码者",
    ),
    Field("coder_id", "string", "id the readings and review records name (coding/coders.yaml)", "coder", "编码者"),
    Field("coder_kind", "string", "what kind of coder", "kind of coder", "编码者类型"),
    Field("sessions", "string", "how many working sessions (each with its own brief)", "sessions", "会话数"),
    Field("role", "string", "what it did", "role", "职责"),
    Field("saw", "string", "what it saw while coding", "saw", "所见材料"),
    Field("independence", "string", "how independent it was of the other codings", "independence", "独立性"),
    Field("decision_id", "string", "A<seq> in the log's order (coding/adjudication.yaml)", "decision", "裁定"),
    Field(
        "item",
        "string",
        "what was coded: relation (one tie), relations (a case's ties), or a case-level code "
        "(kind, instrument, boundary, sectors, year)",
        "item",
        "编码项",
    ),
    Field("first", "string", "what the first (or adjudicated) coding had", "first coding", "第一次编码"),
    Field("second", "string", "what the second (or fresh) coding had", "second coding", "第二次编码"),
    Field("decision", "string", "what the curator decided", "decision", "裁定结果"),
    Field("reason", "string", "why, in one line", "reason", "理由"),
    Field(
        "codebook_changed",
        "string",
        "the codebook rule the decision added or sharpened (docs/CODEBOOK.md, Changes); empty when the codebook stood",
        "codebook rule",
        "编码规则",
    ),
    Field(
        "found_by", "string", "what found it when not a disagreement (e.g. a consistency check)", "found by", "发现方式"
    ),
)
