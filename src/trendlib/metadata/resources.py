"""Every published table (a data-package *resource*), declared once: what a row is, its fields and its key.

A :class:`Resource` lists its columns by field name (:data:`trendlib.metadata.fields.FIELDS`),
in order. Where a field needs a description specific to the table, the table
gives it with :func:`use` (and, for ``value``, the unit of the table); nothing
else about a field can change from table to table.

Foreign keys are not written here table by table: :mod:`trendlib.metadata`
derives them from the field names (a ``case_id`` outside ``cases`` refers to
``cases``). What a name cannot say is declared once, below:
:data:`KEY_ALIASES`, :data:`SELF_REFERENCES`, :data:`POSITIONS` and
:data:`COMPOSITE_KEYS`.

A column of ``;``-joined values (``cases.sectors``) has a link table with one
row per value (``case_sectors``), declared as a :class:`Link`: the link table is
built from the column at every build and keeps its order.

>>> [r.name for r in RESOURCES][:4]
['trends', 'paragraphs', 'paragraph_footnotes', 'cases']
>>> use("line", "raw line of the bullet").description
'raw line of the bullet'
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "Use",
    "Link",
    "Resource",
    "use",
    "RESOURCES",
    "KEY_ALIASES",
    "SELF_REFERENCES",
    "POSITIONS",
    "COMPOSITE_KEYS",
]


@dataclass(frozen=True)
class Use:
    """A field as one table uses it: its name, and the description (and unit) specific to that table."""

    name: str
    description: str
    unit: str | None = None


def use(name: str, description: str, *, unit: str | None = None) -> Use:
    """The field ``name`` with a description specific to its table (and, for ``value``, the table's unit).

    Examples
    --------
    >>> use("value", "35% → 35", unit="percent")
    Use(name='value', description='35% → 35', unit='percent')
    """
    return Use(name, description, unit)


@dataclass(frozen=True)
class Link:
    """A link table of ``parent.column``, a column of ``;``-joined values: one row per parent row and value.

    Its columns are the parent's primary key, ``value`` (the field one value
    is) and, for each ``(flag, other)`` of ``flags``, a boolean: the value is
    also in the parent's ``;``-joined column ``other``.
    """

    parent: str
    column: str
    value: str
    flags: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Resource:
    """A published table: what one row is, its columns (field names, or :func:`use`), its primary key and,
    for a link table, the ``;``-joined column it unfolds."""

    name: str
    row: str
    fields: tuple[str | Use, ...]
    primary_key: tuple[str, ...]
    link: Link | None = None


#: Fields that hold another table's identifier under a name of their own: field → the identifier it holds.
KEY_ALIASES: dict[str, str] = {
    "source": "actor_id",
    "target": "actor_id",  # a tie's parties
    "part_of": "amount_id",
    "also_in": "amount_id",  # money counted in another amount
    "repeats_para_id": "para_id",  # a paragraph printed twice
}
#: Fields that hold the primary key of an earlier row of their own table.
SELF_REFERENCES: tuple[str, ...] = ("repeats",)
#: Single-field primary keys that are positions in the report, not identifiers other tables refer to.
POSITIONS: tuple[str, ...] = ("line",)
#: Foreign keys of several fields (a name gives one field only): table → ((fields, table referred to), …).
COMPOSITE_KEYS: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {
    "barrier_boundaries": ((("trend", "seq"), "barriers"),),
    # endnotes (trend, ibid_of) → (trend, number) is not declared: frictionless checks a composite key even where
    # one part is empty; the build's own tests check that every ibid_of names a note of its chapter
}

#: Every published table, in build order (link tables after the table they unfold).
RESOURCES: tuple[Resource, ...] = (
    Resource(
        "trends",
        "chapter (0 = front matter, 1–8 = the eight trends)",
        (
            use("trend", "0 = front matter, 1–8 = chapters"),
            use("title_zh", "chapter title as the report's overview gives it"),
            use("title_en", "chapter title in the English edition"),
            use("line_start", "first line of the chapter in the raw report (1-based)"),
            use("line_end", "last line of the chapter"),
            "characters",
        ),
        primary_key=("trend",),
    ),
    Resource(
        "paragraphs",
        "reflowed paragraph, with trend, section and footnote numbers",
        (
            "para_id",
            "trend",
            "section",
            use("line_start", "first raw line of the paragraph"),
            use("line_end", "last raw line of the paragraph"),
            "char_start",
            "char_end",
            "box",
            use("text", "reflowed text, footnote numbers removed"),
            "footnotes",
            "repeats_para_id",
        ),
        primary_key=("para_id",),
    ),
    Resource(
        "paragraph_footnotes",
        "paragraph and one footnote number glued into it (a link table)",
        (
            "para_id",
            "footnote",
        ),
        primary_key=("para_id", "footnote"),
        link=Link("paragraphs", "footnotes", "footnote"),
    ),
    Resource(
        "cases",
        "case: a concrete programme, fund, platform, law, project or agency practice",
        (
            use("case_id", "T<trend>-<seq>, from the codebook"),
            use("trend", "trend of the paragraph holding the anchor"),
            use("section", "section of the paragraph holding the anchor"),
            use("title_zh", "name as written in the report, or a short label (curated)"),
            use("title_en", "the programme's English name where one exists (curated)"),
            "kind",
            "instrument",
            use("country", "ISO 3166-1 alpha-3; EUU = European Union; INT = multinational (curated)"),
            "place_zh",
            use("level", "the level of government that runs the case (curated)"),
            use(
                "year",
                "the year the case started or was announced, as its span gives it; empty where the span gives "
                "none (curated, with evidence)",
            ),
            "sectors_named",
            "sectors_stated",
            "sectors",
            use(
                "boundary",
                "';'-joined boundaries it crosses where the text says so (curated; one row each in "
                "case_boundaries.csv)",
            ),
            "n_actors",
            "n_relations",
            "no_relations",
            use("line_start", "raw line where the case's description starts"),
            use("line_end", "raw line where it ends"),
            "place_en",
            "places",
            "initiative_id",
            "case_source",
            "source_author",
            use("text", "the case's description (its span)"),
        ),
        primary_key=("case_id",),
    ),
    Resource(
        "case_sectors",
        "case and one sector taking part in it (a link table)",
        (
            "case_id",
            "sector",
            "named",
            "stated",
        ),
        primary_key=("case_id", "sector"),
        link=Link("cases", "sectors", "sector", flags=(("named", "sectors_named"), ("stated", "sectors_stated"))),
    ),
    Resource(
        "case_boundaries",
        "case and one boundary it crosses where the text says so (a link table)",
        (
            "case_id",
            "boundary",
        ),
        primary_key=("case_id", "boundary"),
        link=Link("cases", "boundary", "boundary"),
    ),
    Resource(
        "places",
        "jurisdiction a case is set in: a country, state or province, city or county, tribal nation, or the EU",
        (
            use("place_id", "stable id (places.yaml)"),
            use("name_zh", "the name the report prints"),
            "name_en",
            use("country", "ISO 3166-1 alpha-3 of the country it lies in; EUU = the EU"),
            use(
                "level",
                "the level of government of the jurisdiction (see vocabulary): national for a country, "
                "subnational for a state or province, local for a city or county, tribal for a tribal nation, "
                "supranational for the EU",
            ),
            "iso",
            "n_cases",
        ),
        primary_key=("place_id",),
    ),
    Resource(
        "case_places",
        "case and one jurisdiction it is set in (a link table)",
        (
            "case_id",
            "place_id",
        ),
        primary_key=("case_id", "place_id"),
        link=Link("cases", "places", "place_id"),
    ),
    Resource(
        "evidence",
        "code of a case and the words (or the codebook rule) that justify it",
        (
            "case_id",
            "code",
            use("coded_value", "the value coded (for boundary, one row per value)"),
            use("phrase", "the verbatim words of the case's span that justify the value (curated)"),
            "phrase_en",
            "rule",
            use("line", "raw line where the phrase starts"),
        ),
        primary_key=("case_id", "code", "coded_value"),
    ),
    Resource(
        "actors",
        "party: a named organisation or government, or a stakeholder group of unnamed ones",
        (
            use("actor_id", "stable id from the gazetteer"),
            use("name_zh", "fullest Chinese name used in the report"),
            "aliases_zh",
            use("name_en", "official English name"),
            "type",
            "country",
            "sector",
            use("level", "for a public body: the level of government it belongs to"),
            "detected",
            "mentions",
            "cases",
            "relations",
        ),
        primary_key=("actor_id",),
    ),
    Resource(
        "actor_aliases",
        "party and one other form of its name the report uses (a link table)",
        (
            "actor_id",
            "alias_zh",
        ),
        primary_key=("actor_id", "alias_zh"),
        link=Link("actors", "aliases_zh", "alias_zh"),
    ),
    Resource(
        "case_actors",
        "mention of an actor inside a case",
        (
            "mention_id",
            "case_id",
            "actor_id",
            "mention",
            use("line", "raw line of the mention"),
        ),
        primary_key=("mention_id",),
    ),
    Resource(
        "relations",
        "tie the text states between two parties of a case",
        (
            "relation_id",
            "case_id",
            use("trend", "trend of the case"),
            "source",
            "target",
            "relation_type",
            "directed",
            "within",
            use("phrase", "the verbatim words of the span that state the tie (curated)"),
            "phrase_en",
            use("line", "raw line where the phrase starts"),
            "crosses",
            use("note", "the coder's note (curated)"),
        ),
        primary_key=("relation_id",),
    ),
    Resource(
        "tie_crosses",
        "tie and one boundary it crosses (a link table)",
        (
            "relation_id",
            "boundary",
        ),
        primary_key=("relation_id", "boundary"),
        link=Link("relations", "crosses", "boundary"),
    ),
    Resource(
        "funding",
        "monetary amount as printed: its kind, US-dollar value, flags and primary-source check",
        (
            use("amount_id", "F<seq> in reading order"),
            "trend",
            "section",
            use("case_id", "case whose span holds the amount, if any"),
            use("line", "raw line where the amount starts"),
            use("text", "the amount as printed, with qualifier and currency"),
            use(
                "value",
                "base units (8,000亿 → 800000000000); empty when vague; low end of a range",
                unit="units of the printed currency",
            ),
            "value_high",
            use("currency", "ISO 4217 code of the printed currency"),
            "qualifier",
            "usd",
            "rate_year",
            use("context", "the clause the amount sits in"),
            "flag",
            use(
                "repeats",
                "amount_id of an earlier mention of the same money: found in the same case, or curated "
                "(amounts.yaml same_as) across cases; drop these before summing",
            ),
            "part_of",
            "chart_unit",
            use("amount_type", "what the amount is (curated; see vocabulary)"),
            "period",
            "period_en",
            "check_status",
            "value_corrected",
            "currency_corrected",
            "usd_corrected",
            use(
                "differs_by",
                "for an approximate amount, how the source's figure differs: ';'-joined rounding, period, "
                "scope (curated; details in amount_checks.differs_note; one row each in amount_differences.csv)",
            ),
            "source_url",
        ),
        primary_key=("amount_id",),
    ),
    Resource(
        "amount_differences",
        "approximate amount and one way the source's figure differs from it (a link table)",
        (
            "amount_id",
            "differs_by",
        ),
        primary_key=("amount_id", "differs_by"),
        link=Link("funding", "differs_by", "differs_by"),
    ),
    Resource(
        "amount_checks",
        "amount checked against a primary source: the source and what it states",
        (
            "amount_id",
            use("text", "the amount as printed (checked to be the amount's)"),
            "publisher",
            "publisher_url",
            "read_url",
            "date",
            "accessed",
            use("figure", "the figure the source states, in its own words' form (e.g. 43 billion)"),
            use("currency", "the ISO 4217 currency the source states"),
            "differs_note",
            use("note", "what the source says and how it bears on the amount, in the checker's words"),
        ),
        primary_key=("amount_id",),
    ),
    Resource(
        "amount_parts",
        "part of an amount that mixes kinds of money, as a primary source splits it",
        (
            "amount_id",
            "part",
            use("amount_type", "what kind of money the part is (see vocabulary)"),
            use("value", "the part in base units of its currency, as the source gives it", unit="units of currency"),
            "currency",
            use("usd", "value in US dollars at the reference-year rate (funding.rate_year)"),
            "figure",
            "also_in",
            use("note", "where the split comes from, in the checker's words"),
        ),
        primary_key=("amount_id", "part"),
    ),
    Resource(
        "exchange_rates",
        "currency and year of the documented exchange rate (the curated rate table)",
        (
            "currency",
            use("year", "the year the annual average rate is for"),
            "usd_per_unit",
            "rate_source",
        ),
        primary_key=("currency", "year"),
    ),
    Resource(
        "statistics",
        "percentage or fraction",
        (
            "stat_id",
            "trend",
            "section",
            use("case_id", "the case the figure is about, where the text says so (curated, statistics.yaml)"),
            use("line", "raw line of the figure"),
            use("text", "the figure as printed"),
            use("value", "35% → 35; 三分之二 → 66.67", unit="percent"),
            "unit",
            "statistic_kind",
            "kind_phrase",
            "kind_phrase_en",
            use(
                "context",
                "the clause it sits in (for infographic fragments: its block's label text where the order allows)",
            ),
            "context_en",
            "in_infographic",
            "context_certain",
            use(
                "repeats",
                "stat_id of an earlier mention of the same figure in the same words (a pull quote); drop "
                "before counting",
            ),
        ),
        primary_key=("stat_id",),
    ),
    Resource(
        "barriers",
        "bullet of a 突破壁垒 / 打破壁垒 list, with its boundary category",
        (
            use("trend", "chapter 1–8"),
            "seq",
            "side_a",
            "side_b",
            use(
                "boundary",
                "';'-joined boundary categories (curated; see vocabulary; one row each in barrier_boundaries.csv)",
            ),
            use("text", "the bullet, reflowed"),
            use("line", "raw line of the bullet"),
            "side_a_en",
            "side_b_en",
            "text_en",
        ),
        primary_key=("trend", "seq"),
    ),
    Resource(
        "barrier_boundaries",
        "bullet of a barriers list and one boundary category it names (a link table)",
        (
            use("trend", "chapter 1–8"),
            "seq",
            "boundary",
        ),
        primary_key=("trend", "seq", "boundary"),
        link=Link("barriers", "boundary", "boundary"),
    ),
    Resource(
        "my_takes",
        "我的观点 (My Take) sidebar",
        (
            "trend",
            "person",
            "position",
            "organization",
            use("title_zh", "title of the piece"),
            use("line", "first raw line of the sidebar"),
            use("line_end", "last raw line of the sidebar"),
            "person_en",
            "position_en",
            "organization_en",
            use("title_en", "English gloss of the piece's title (curated, glosses.yaml)"),
        ),
        primary_key=("trend",),
    ),
    Resource(
        "endnotes",
        "English endnote (trend 1), Ibid. resolved",
        (
            "trend",
            "number",
            use("text", "the note, reflowed; an Ibid. note resolved to the source it repeats"),
            "printed",
            "ibid_of",
            use("year", "publication year where the note gives one (access dates ignored)"),
            use("line", "raw line where the note starts"),
        ),
        primary_key=("trend", "number"),
    ),
    Resource(
        "furniture",
        "removed navigation bar or running footer, with its printed page number",
        (
            use("line", "raw line of the removed navigation bar or running footer"),
            "furniture_kind",
            "label",
            "page",
        ),
        primary_key=("line",),
    ),
    Resource(
        "reliability",
        "field and round of the agreement between two independent codings",
        (
            use(
                "round",
                "1: first vs second reading (codebook v1, before adjudication); 2: the adjudicated coding vs a "
                "fresh blind reading of a fresh sample (codebook v2); 3: the coding recoded under codebook v3, as it "
                "was before round 3, vs a fresh blind reading of a fresh sample with none of the codebook's examples",
            ),
            "field",
            "measure",
            "n_units",
            "n_items",
            use("value", "α (1 = perfect agreement, 0 = chance) or F1 (1 = the same ties)"),
            "ci_low",
            "ci_high",
            "status",
            "agreement",
            "precision",
            "recall",
            "codebook",
            "coders",
        ),
        primary_key=("round", "field"),
    ),
    Resource(
        "coders",
        "coder: who coded or curated, what it saw and how independent it was",
        (
            "coder_id",
            "coder_kind",
            "sessions",
            "role",
            "saw",
            "independence",
        ),
        primary_key=("coder_id",),
    ),
    Resource(
        "adjudication",
        "decision on a disagreement between two codings, or a recode that a changed rule or a consistency check made",
        (
            "decision_id",
            use(
                "round",
                "the round of reliability.csv whose disagreement it settles; empty for a recode found "
                "otherwise (found_by)",
            ),
            "case_id",
            "item",
            use("coded_value", "the value in question (a tie as source → target (type); lists ';'-joined)"),
            "first",
            "second",
            "decision",
            "reason",
            "codebook_changed",
            "found_by",
        ),
        primary_key=("decision_id",),
    ),
)
