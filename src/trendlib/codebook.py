"""``docs/CODEBOOK.md``: the codebook a coder works from, generated so that it cannot drift.

Every definition, label and decision rule comes from :mod:`trendlib.vocab`, the
stakeholder groups from ``actors.yaml``, the consistency checks from
:mod:`trendlib.coding`, and every example's raw line from the published
tables (an example whose case no longer has the value is an error). Run
``trendlib codebook`` to write it; a test keeps the committed file equal to
:func:`render`.

>>> "## Relations" in render(load_tables())
True
"""

from __future__ import annotations

from pathlib import Path

from . import vocab
from .coding import CHECKS, PHRASE_MAX, PHRASE_MIN
from .errors import CodingError

__all__ = ["VERSION", "CHANGES", "render", "write"]

VERSION = "v2.1 (2026-12-01)"

#: What changed from codebook v1 (the rule ids are those of coding/adjudication.yaml).
CHANGES = {
    "R3": "A programme whose runner the span does not name gets no runner party (v1 made it stand for its "
          "jurisdiction's government); a country named as the owner still acts as its government.",
    "R-served": "A party the case only serves adds no sector: sectors are now derived from the named actors and "
                "the relations, no longer coded by hand.",
    "R-serves": "serves covers a service a company delivers too (Starlink to the Hoh Tribe).",
    "R-guidance": "Guidance, toolkits and frameworks for others are supports, not coordinates.",
    "R-consultation": "In a consultation the consulted are the source of shares_data.",
    "R-coalition": "Members of a partnership named as a body are tied to that body, not to every other member.",
    "R-team": "A team of an organisation is the organisation (the award-winning teams are their agencies).",
    "R-devolution": "Devolution is regulates (authorises), plus funds where a budget moves.",
    "R-country-list": "X国的政府部门 in a list of countries is each country's government.",
    "R-function": "A tie the case is designed to make counts (GCTools let public servants work together); one it "
                  "only hopes for does not.",
    "R-municipalities": "社区 that receive funds as jurisdictions are subnational_governments.",
    "R-tailored": "New instrument tailored_service: a service designed around one group of users.",
    "R-kind-fund": "A funding mechanism (资金机制) is a fund even when it has no name.",
    "R-kind-name": "When the text gives a case two words, the one attached to its name decides its kind.",
    "R-kind-practice": "A rule for how laws are made is an organisation's practice, not a law.",
    "R-year-instrument": "A case that is a named instrument issued in a year (opinions, a law) takes that year.",
    "R-country-list-joint": "(v2.1, after round 2) The agencies of several countries acting together in one "
                            "operation are agencies; each country's government only where they act separately.",
}


def _example(term: vocab.Term, code: str, value: str, tables) -> str:
    """'T3-13, raw line 1720', checked: the example case has the value."""
    if not term.example:
        return ""
    cases = tables.cases.set_index("case_id")
    cid = term.example
    if cid not in cases.index:
        raise CodingError(f"trendlib.vocab: the example {cid} of {code} {value!r} is not a case")
    if code == "relation_type":
        rel = tables.relations[(tables.relations.case_id == cid) & (tables.relations.type == value)]
        if rel.empty:
            raise CodingError(f"trendlib.vocab: the example {cid} of tie type {value!r} has no such tie")
        line = int(rel.line.iloc[0])
        phrase = rel.phrase.iloc[0]
        return f"{cid}, raw line {line}: {phrase}"
    column = {"boundary": "boundary", "level": "level", "kind": "kind", "instrument": "instrument"}[code]
    have = str(cases.at[cid, column] or "").split(";")
    if value not in have:
        raise CodingError(f"trendlib.vocab: the example {cid} of {code} {value!r} is coded {'; '.join(have)}; "
                          "choose another example")
    return f"{cid}, raw line {int(cases.at[cid, 'line_start'])}"


def _table(v: vocab.Vocabulary, code: str, tables, with_labels: bool = True) -> list[str]:
    head = "| value | definition | label | example |" if with_labels else "| value | definition | example |"
    out = [head, "|---|---|---|---|" if with_labels else "|---|---|---|"]
    for value, term in v.terms.items():
        example = _example(term, code, value, tables)
        label = f"{term.en} · {term.zh}"
        out.append(f"| `{value}` | {term.definition} | {label} | {example} |" if with_labels
                   else f"| `{value}` | {term.definition} | {example} |")
    return out


def _rules(rules) -> list[str]:
    return [f"{n}. {rule}" for n, rule in enumerate(rules, 1)]


def render(tables, actors: list[dict] | None = None) -> str:
    """The codebook as Markdown, from the vocabularies and the published ``tables`` (trendlib.load())."""
    groups = [a for a in (actors or []) if a["type"] == "stakeholder_group"]
    lines = [
        f"# trendlib codebook — {VERSION}",
        "",
        "<!-- Generated by `trendlib codebook` from trendlib.vocab, actors.yaml and the published tables;"
        " edit those, not this file. -->",
        "",
        "How the cases of Deloitte's *Government Trends 2023* (Chinese edition, 《2023年政务服务转型趋势报告》) are "
        "coded. A coder works from this document and the report alone: the case passages (each case's span, "
        "from its first to its last words) and the raw text, `data/raw/government-trends-2023-zh.txt`.",
        "",
        "A **case** is a concrete programme, initiative, fund, platform, law, standard, project or organisation's "
        "practice in a named jurisdiction; the same initiative in two chapters is two cases. The list of cases "
        "and their spans is fixed (`data/reference/cases.yaml`); a coder codes what each span says.",
        "",
        "## General rules",
        "",
        "- **Code what the text states, in the span** — not what you know of the programme from elsewhere, not "
        "what is plausible.",
        "- **Evidence.** Every code carries the verbatim phrase of the span that justifies it (whitespace is "
        "ignored when it is matched; it must occur in the span once, or with its `occurrence`), with an English "
        "gloss, or the name of one of the rules below when no single phrase can show it.",
        "- When two values seem to fit, apply the decision rules of that code in the order they are written.",
        "",
        "| rule | meaning |",
        "|---|---|",
        *[f"| `{value}` | {term.definition} |" for value, term in vocab.EVIDENCE_RULES.terms.items()],
        "",
        "## `kind` — what the case is (one value)",
        "",
        *_table(vocab.CASE_KINDS, "kind", tables),
        "",
        "Decision rules:",
        *_rules(vocab.CASE_KINDS.rules),
        "",
        "## `instrument` — how the case works (one value)",
        "",
        "`kind` says what the case is; `instrument` says how it works: the one mechanism the span presents as "
        "what the case does.",
        "",
        *_table(vocab.INSTRUMENTS, "instrument", tables),
        "",
        "Decision rules:",
        *_rules(vocab.INSTRUMENTS.rules),
        "",
        "## `country` — whose case it is (one value)",
        "",
        *_rules(vocab.COUNTRY_RULES),
        "",
        f"Example: {_example(vocab.Term('', '', '', 'T3-13'), 'level', 'national', tables)} "
        "(美国政府成立了技术现代化基金 → USA).",
        "",
        "## `level` — the level of government that runs the case (one value)",
        "",
        *_table(vocab.LEVELS, "level", tables),
        "",
        "Decision rules:",
        *_rules(vocab.LEVELS.rules),
        "",
        "## `boundary` — the boundaries the case crosses (a set; may be empty)",
        "",
        "Every boundary the span says the case brings people or organisations across, each value with its own "
        "evidence; empty (rule `no-boundary-stated`) when the span states none.",
        "",
        *_table(vocab.BOUNDARIES, "boundary", tables),
        "",
        "Decision rules:",
        *_rules(vocab.BOUNDARIES.rules),
        "",
        "## `year` — when the case started (one year, or empty)",
        "",
        *_rules(vocab.YEARS.rules),
        "",
        "## Sectors — who takes part",
        "",
        "| value | definition | label |",
        "|---|---|---|",
        *[f"| `{v}` | {t.definition} | {t.en} · {t.zh} |" for v, t in vocab.SECTORS.terms.items()],
        "",
        *_rules(vocab.SECTORS.rules),
        "",
        "## Relations — who does what with whom",
        "",
        "For every case, every tie its span states between two parties. A **party** is a named actor of the "
        "gazetteer (`data/reference/actors.yaml`) or one of the stakeholder groups that stand for unnamed parties:",
        "",
        "| group | sector | the text says, e.g. |",
        "|---|---|---|",
        *[f"| `{g['id']}` | {g['sector']} | {'，'.join([g['name_zh'], *g['aliases_zh']])} |" for g in groups],
        "",
        "Each relation has `source` and `target` (party ids), `type`, `directed` (true or false), `phrase` (the "
        f"verbatim words that state the tie, {PHRASE_MIN}–{PHRASE_MAX} characters, whitespace ignored, found in "
        "the case's span exactly once or at its `occurrence`), `phrase_en` (an English gloss) and an optional "
        "`note`.",
        "",
        *_table(vocab.RELATION_TYPES, "relation_type", tables),
        "",
        "Rules:",
        *_rules(vocab.RELATION_TYPES.rules),
        "",
        "## Checked at every build",
        "",
        "Every phrase is in its span; every party, type, instrument and vocabulary value exists; `partners` is "
        "never directed; every case has a coding. And the consistency rules, which fail the build unless "
        "`data/reference/coding/exceptions.yaml` records why a case stands:",
        "",
        *[f"- `{name}`: {text}." for name, text in CHECKS.items()],
        "",
        "## Agreement between coders",
        "",
        "`data/processed/reliability.csv` reports Krippendorff's α per field (round 1: two blind readings under "
        "codebook v1; round 2: the adjudicated coding and a fresh blind reading of a fresh sample under this "
        "version). Every disagreement and its decision is in `data/processed/adjudication.csv` (curated in "
        "`data/reference/coding/adjudication.yaml`). α ≥ 0.8 is reliable; 0.667 ≤ α < 0.8 supports tentative "
        "conclusions only; below 0.667 the field is unreliable.",
        "",
        "| field | round 1 α | round 2 α | status (latest round) |",
        "|---|---|---|---|",
        *_agreement(tables.reliability),
        "",
        "## Changes from v1 (v2, and v2.1 after round 2)",
        "",
        *[f"- `{rule}`: {text}" for rule, text in CHANGES.items()],
        "",
    ]
    return "\n".join(lines)


def _agreement(reliability) -> list[str]:
    by = {(int(r["round"]), r["field"]): r for r in reliability.to_dict("records")}
    last = max(n for n, _ in by)
    fields = list(dict.fromkeys(reliability["field"]))
    return [f"| {f} | {by[(1, f)]['alpha'] if (1, f) in by else '—'} | "
            f"{by[(2, f)]['alpha'] if (2, f) in by else '—'} | {by[(last, f)]['status']} |" for f in fields]


def write(path: Path | str | None = None) -> Path:
    """Render from the published tables and curated actors and write ``docs/CODEBOOK.md``."""
    from . import load
    from .paths import project_root
    from .reference import load_yaml, reference_dir

    out = Path(path) if path else project_root() / "docs" / "CODEBOOK.md"
    out.write_text(render(load(), load_yaml(reference_dir() / "actors.yaml")), encoding="utf-8")
    return out


def load_tables():  # pragma: no cover - for the doctest above
    from . import load

    return load()

