"""The data contract of ``data/processed/``: every table's columns, types and descriptions.

Declared once, here: :mod:`trendlib.tables` builds the tables with these
columns, :mod:`trendlib.build` writes the Frictionless ``datapackage.json``
from them, and :func:`trendlib.load` reads the CSVs back with these types —
without importing the parsing stages.
"""

from __future__ import annotations

from . import vocab

# table → [(column, frictionless type, description)]; the single source of the data dictionary
COLUMNS: dict[str, list[tuple[str, str, str]]] = {
    "trends": [
        ("trend", "integer", "0 = front matter, 1–8 = chapters"),
        ("title_zh", "string", "chapter title as the report's overview gives it"),
        ("title_en", "string", "chapter title in the English edition"),
        ("line_start", "integer", "first line of the chapter in the raw report (1-based)"),
        ("line_end", "integer", "last line of the chapter"),
        ("paragraphs", "integer", "number of paragraphs"),
        ("characters", "integer", "number of non-whitespace characters of its paragraphs"),
    ],
    "paragraphs": [
        ("para_id", "integer", "paragraph number in reading order (1-based)"),
        ("trend", "integer", "trend 0–8"),
        ("section", "string", "section (see vocabulary)"),
        ("line_start", "integer", "first raw line of the paragraph"),
        ("line_end", "integer", "last raw line of the paragraph"),
        ("char_start", "integer", "raw character offset of its first character"),
        ("char_end", "integer", "raw character offset just after its last character"),
        ("box", "string", "curated box holding it: my_take, sidebar, data, pull_quote (repeats text found elsewhere); empty in the running text"),
        ("text", "string", "reflowed text, footnote numbers removed"),
        ("footnotes", "string", "';'-joined footnote numbers glued into the paragraph"),
    ],
    "cases": [
        ("case_id", "string", "T<trend>-<seq>, from the codebook"),
        ("trend", "integer", "trend of the paragraph holding the anchor"),
        ("section", "string", "section of the paragraph holding the anchor"),
        ("title_zh", "string", "name as written in the report, or a short label (curated)"),
        ("title_en", "string", "the programme's English name where one exists (curated)"),
        ("kind", "string", "programme, initiative, fund, platform, law, project, agency_practice (curated)"),
        ("country", "string", "ISO 3166-1 alpha-3; EUU = European Union; INT = multinational (curated)"),
        ("place_zh", "string", "jurisdiction as the text names it (curated)"),
        ("level", "string", "level of government (curated)"),
        ("year", "integer", "first year the text ties to the case (computed from its span)"),
        ("sectors", "string", "';'-joined sectors of its actors plus those the text states"),
        ("boundary", "string", "';'-joined boundaries it crosses where the text says so (curated)"),
        ("n_actors", "integer", "distinct actors mentioned in the span"),
        ("line_start", "integer", "raw line where the case's description starts"),
        ("line_end", "integer", "raw line where it ends"),
        ("text", "string", "the case's description (its span)"),
    ],
    "actors": [
        ("actor_id", "string", "stable id from the gazetteer"),
        ("name_zh", "string", "fullest Chinese name used in the report"),
        ("aliases_zh", "string", "';'-joined other forms the report uses"),
        ("name_en", "string", "official English name"),
        ("type", "string", "actor type (see vocabulary)"),
        ("country", "string", "ISO 3166-1 alpha-3; EUU; INT"),
        ("sector", "string", "sector (see vocabulary)"),
        ("mentions", "integer", "mentions anywhere in the report"),
        ("cases", "integer", "cases whose span mentions it"),
    ],
    "case_actors": [
        ("case_id", "string", "case"),
        ("actor_id", "string", "actor"),
        ("mention", "string", "the form used, verbatim (whitespace removed)"),
        ("line", "integer", "raw line of the mention"),
    ],
    "funding": [
        ("amount_id", "string", "F<seq> in reading order"),
        ("trend", "integer", "trend 0–8"),
        ("section", "string", "section"),
        ("case_id", "string", "case whose span holds the amount, if any"),
        ("line", "integer", "raw line where the amount starts"),
        ("text", "string", "the amount as printed, with qualifier and currency"),
        ("value", "number", "base units (8,000亿 → 800000000000); empty when vague; low end of a range"),
        ("value_high", "number", "high end of a range"),
        ("currency", "string", "ISO 4217 code of the printed currency"),
        ("qualifier", "string", "exact, over, about, up_to, range, vague"),
        ("usd", "number", "value in US dollars at the reference-year rate (rounded to the dollar)"),
        ("rate_year", "integer", "year of the exchange rate used for usd"),
        ("context", "string", "the clause the amount sits in"),
        ("flag", "string", "why the amount looks wrong (currency of another jurisdiction, power-of-ten gap); empty if none"),
        ("repeats", "string", "amount_id of an earlier mention of the same amount of the same case (drop these before summing)"),
        ("chart_unit", "string", "for a bare chart value, the unit its chart states (e.g. （单位：百万美元）), applied to value"),
    ],
    "statistics": [
        ("stat_id", "string", "S<seq> in reading order"),
        ("trend", "integer", "trend 0–8"),
        ("section", "string", "section"),
        ("case_id", "string", "case whose span holds the figure, if any"),
        ("line", "integer", "raw line of the figure"),
        ("text", "string", "the figure as printed"),
        ("value", "number", "35% → 35; 三分之二 → 66.67"),
        ("unit", "string", "percent, percentage_point, fraction"),
        ("context", "string", "the clause it sits in (for infographic fragments: its block's label text where the order allows)"),
        ("in_infographic", "boolean", "inside a 解读数据 infographic block"),
        ("context_certain", "boolean", "false where the infographic's scrambled order makes the pairing of value and label uncertain"),
        ("repeats", "string", "stat_id of an earlier mention of the same figure in the same words (a pull quote); drop before counting"),
    ],
    "barriers": [
        ("trend", "integer", "chapter 1–8"),
        ("seq", "integer", "order within the chapter's list"),
        ("side_a", "string", "one side of the barrier (verbatim, curated)"),
        ("side_b", "string", "the other side, empty if the bullet names one"),
        ("boundary", "string", "';'-joined boundary categories (curated; see vocabulary)"),
        ("text", "string", "the bullet, reflowed"),
        ("line", "integer", "raw line of the bullet"),
    ],
    "my_takes": [
        ("trend", "integer", "trend"),
        ("person", "string", "author as printed"),
        ("role", "string", "role as printed"),
        ("organization", "string", "organisation the person speaks for, as printed"),
        ("title_zh", "string", "title of the piece"),
        ("line", "integer", "first raw line of the sidebar"),
        ("line_end", "integer", "last raw line of the sidebar"),
    ],
    "endnotes": [
        ("trend", "integer", "chapter"),
        ("number", "integer", "note number"),
        ("text", "string", "the note, reflowed; an Ibid. note resolved to the source it repeats"),
        ("printed", "string", "the note as printed"),
        ("ibid_of", "integer", "number of the note an Ibid. repeats"),
        ("year", "integer", "publication year where the note gives one (access dates ignored)"),
        ("line", "integer", "raw line where the note starts"),
    ],
    "furniture": [
        ("line", "integer", "raw line of the removed navigation bar or running footer"),
        ("kind", "string", "nav or footer"),
        ("label", "string", "the footer's chapter title"),
        ("page", "integer", "printed page number"),
    ],
}


def vocabularies() -> dict[str, dict[str, str]]:
    """Column → allowed values with definitions, for the data dictionary."""
    return {
        "section": vocab.SECTIONS, "sector": vocab.SECTORS, "type": vocab.ACTOR_TYPES,
        "level": vocab.LEVELS, "kind": vocab.CASE_KINDS, "boundary": vocab.BOUNDARIES,
        "qualifier": vocab.QUALIFIERS, "box": vocab.BOX_KINDS,
    }
