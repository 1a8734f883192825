"""The coding is checked at every build: each bad row of a curated coding file is a named error.

Each rule is checked where it is enforced, on the real report parsed once (the session fixtures of
conftest.py) and the real curated rows with one row changed by hand: ties (relations.yaml) through
:func:`trendlib.coding.ties.locate_relations`, the evidence of the codes (cases.yaml) through
``locate_evidence``, the consistency rules through ``consistency``, initiatives and places through
:mod:`trendlib.coding.cases`, glosses, barriers and the adjudication log through their tables, infographic
labels, amounts and statistics through the money and figure stages. The error must be of its class and
name the file, the row and the fix.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
from curated_rows import check_file, number_of, refused, row_with, rows_of

from trendlib import build, tables, vocab
from trendlib.coding.cases import check_places, initiatives
from trendlib.coding.ties import consistency, locate_evidence, locate_relations, sectors_of
from trendlib.errors import AnchorError, CodingError, CuratedDataError
from trendlib.mentions.money import currency_words
from trendlib.mentions.quantities import corpus_amounts, corpus_percentages, label_infographics

# ---------------------------------------------------------------- relations.yaml


def ties_with(reference, case: str, change) -> tuple[list[dict], int]:
    """The rows of relations.yaml with ``change`` applied to the entry of ``case``; and its row number."""
    rows = rows_of(reference.relations)
    n = number_of(rows, "case", case)
    change(rows[n - 1])
    return rows, n


def locate(corpus, cases, reference, rows):
    return locate_relations(corpus, cases, rows, reference.actors)


def first_tie(update: dict):
    return lambda entry: entry["ties"][0].update(update)


def test_the_real_ties_are_located_with_their_phrases(relations, reference, corpus, cases):
    spans = {c.id: corpus.flat.text[c.flat_start : c.flat_end] for c in cases}
    assert len(relations) == sum(
        len(t.get("targets", ())) or len(t["parties"]) * (len(t["parties"]) - 1) // 2
        for r in reference.relations
        for t in r.get("ties", [])
    )
    for r in relations:
        assert corpus.flat.text[r.flat_start :].startswith("".join(r.phrase.split())), r
        assert spans[r.case_id].count("".join(r.phrase.split())) >= 1, r


def test_phrase_not_in_the_span(corpus, cases, reference):
    rows, n = ties_with(reference, "T3-13", first_tie({"phrase": "联邦政府向各机构拨款十亿"}))
    with refused(
        CodingError,
        file="relations.yaml",
        row=f"row {n} (T3-13), tie 1",
        fix="copy the verbatim words from the case's text",
        says=("'联邦政府向各机构拨款十亿'", "is not in the span of T3-13 (raw lines 1720–1736)"),
    ):
        locate(corpus, cases, reference, rows)


def test_a_phrase_the_span_repeats_needs_its_occurrence(corpus, cases, reference):
    (case,) = [c for c in cases if c.id == "T1-09"]
    span = corpus.flat.text[case.flat_start : case.flat_end]
    assert span.count("人事管理办公室") == 2
    rows, n = ties_with(reference, "T1-09", first_tie({"phrase": "人事管理办公室"}))
    with refused(
        CodingError,
        file="relations.yaml",
        row=f"row {n} (T1-09), tie 1",
        fix="add `occurrence: N` or copy a longer phrase",
        says=("occurs 2 times in the span of T1-09",),
    ):
        locate(corpus, cases, reference, rows)
    rows, n = ties_with(reference, "T1-09", first_tie({"phrase": "人事管理办公室", "occurrence": 3}))
    with refused(
        CodingError,
        file="relations.yaml",
        row=f"row {n} (T1-09), tie 1",
        fix="give an occurrence from 1 to 2",
        says=("occurrence 3 of '人事管理办公室', but the span of T1-09 has 2",),
    ):
        locate(corpus, cases, reference, rows)
    rows, _ = ties_with(reference, "T1-09", first_tie({"phrase": "人事管理办公室", "occurrence": 2}))
    (tie,) = [r for r in locate(corpus, cases, reference, rows) if r.case_id == "T1-09"]
    assert tie.flat_start == case.flat_start + span.rindex("人事管理办公室")


def test_phrase_too_short(corpus, cases, reference):
    rows, n = ties_with(reference, "T3-13", first_tie({"phrase": "基金"}))
    with refused(
        CodingError,
        file="relations.yaml",
        row=f"row {n} (T3-13), tie 1",
        fix="copy 6–40 verbatim characters that state the tie",
        says=("'基金' has 2 characters",),
    ):
        locate(corpus, cases, reference, rows)


@pytest.mark.parametrize(
    "party, fix",
    [
        ("usa_treasury_dept", "add the actor or fix the id"),
        ("agency", "did you mean 'agencies'?"),
        # a misspelt id once got the alphabetically first id sharing five characters
        ("usa_bostn_monum", "did you mean 'usa_boston_monum'?"),
    ],
)
def test_unknown_party(corpus, cases, reference, party, fix):
    rows, n = ties_with(reference, "T3-13", first_tie({"targets": [party]}))
    with refused(
        CodingError,
        file="relations.yaml",
        row=f"row {n} (T3-13), tie 1",
        fix=fix,
        says=(f"{party!r} is no actor or stakeholder group of actors.yaml",),
    ):
        locate(corpus, cases, reference, rows)


def test_tie_type_outside_the_vocabulary():
    def change(rows):
        row_with(rows, "case", "T3-13")["ties"][0]["type"] = "finances"

    with refused(
        CuratedDataError,
        file="relations.yaml",
        row="(T3-13), field ties.0.type",
        fix="see the file's `about`",
        says=("'finances' is not one of", "funds"),
    ):
        check_file("relations.yaml", change)


def test_partners_given_a_direction(corpus, cases, reference):
    def change(entry):
        k, tie = next((k, t) for k, t in enumerate(entry["ties"], 1) if t["type"] == "partners")
        a, *others = tie.pop("parties")
        tie.update(source=a, targets=others)
        return k

    rows = rows_of(reference.relations)
    n = number_of(rows, "case", "T0-01")
    k = change(rows[n - 1])
    with refused(
        CodingError,
        file="relations.yaml",
        row=f"row {n} (T0-01), tie {k}",
        fix="list the parties instead of source and targets",
        says=("partners is never directed",),
    ):
        locate(corpus, cases, reference, rows)


def test_funds_given_no_direction(corpus, cases, reference):
    def change(entry):
        tie = entry["ties"][0]
        tie["parties"] = [tie.pop("source"), *tie.pop("targets")]

    rows, n = ties_with(reference, "T3-13", change)
    with refused(
        CodingError,
        file="relations.yaml",
        row=f"row {n} (T3-13), tie 1",
        fix="give source and targets instead of parties",
        says=("funds is always directed",),
    ):
        locate(corpus, cases, reference, rows)


@pytest.mark.parametrize(
    "tie, fix",
    [
        ({"parties": ["agencies", "citizens"]}, "give source and targets (a directed tie) or parties"),
        ({"targets": None}, "a directed tie needs both source and targets"),
    ],
)
def test_a_tie_is_directed_or_not(corpus, cases, reference, tie, fix):
    def change(entry):
        entry["ties"][0].update(tie)
        if entry["ties"][0]["targets"] is None:
            del entry["ties"][0]["targets"]

    rows, n = ties_with(reference, "T3-13", change)
    with refused(CodingError, file="relations.yaml", row=f"row {n} (T3-13), tie 1", fix=fix):
        locate(corpus, cases, reference, rows)


def test_two_rows_for_one_tie(corpus, cases, reference):
    rows, n = ties_with(reference, "T3-13", lambda e: e["ties"].append(dict(e["ties"][0])))
    k = len(row_with(rows, "case", "T3-13")["ties"])
    with refused(
        CodingError,
        file="relations.yaml",
        row=f"row {n} (T3-13), tie {k}",
        fix="one tie per pair and type",
        says=("a second funds tie between usa_federal_government and agencies",),
    ):
        locate(corpus, cases, reference, rows)


def test_one_type_per_pair_of_parties_funds_aside(corpus, cases, reference):
    def change(entry):  # agencies serve citizens; add agencies support citizens, with the same phrase
        entry["ties"].append({**entry["ties"][1], "type": "supports"})

    rows, n = ties_with(reference, "T3-13", change)
    with refused(
        CodingError,
        file="relations.yaml",
        row=f"row {n} (T3-13)",
        fix="one type per pair of parties",
        says=("agencies and citizens are tied as serves, supports",),
    ):
        locate(corpus, cases, reference, rows)
    # funds beside another type is the exception the codebook makes (R-one-type)
    rows, _ = ties_with(reference, "T3-13", lambda e: e["ties"].append({**e["ties"][1], "type": "funds"}))
    located = [r for r in locate(corpus, cases, reference, rows) if r.case_id == "T3-13"]
    assert [(r.source, r.target, r.type) for r in located][-1] == ("agencies", "citizens", "funds")


def test_a_named_actor_tied_to_itself(corpus, cases, reference):
    rows, n = ties_with(reference, "T3-13", first_tie({"targets": ["usa_federal_government"], "within": False}))
    with refused(
        CodingError,
        file="relations.yaml",
        row=f"row {n} (T3-13), tie 1",
        fix="only a stakeholder group may be",
        says=("'usa_federal_government' is tied to itself",),
    ):
        locate(corpus, cases, reference, rows)


def test_within_needs_the_staff_or_departments_group(corpus, cases, reference):
    rows, n = ties_with(reference, "T0-01", first_tie({"within": True}))
    with refused(
        CodingError,
        file="relations.yaml",
        row=f"row {n} (T0-01), tie 1",
        fix="remove within: true",
        says=("subnational_governments and citizens are two parties",),
    ):
        locate(corpus, cases, reference, rows)


def test_a_case_with_no_coding(corpus, cases, reference):
    rows = [r for r in rows_of(reference.relations) if r["case"] != "T8-08"]
    with refused(
        CodingError,
        file="relations.yaml",
        row="T8-08",
        fix="give each its ties, or a reason for having none",
        says=("cases without a coding: T8-08",),
    ):
        locate(corpus, cases, reference, rows)


def test_a_case_coded_twice():
    """The schema's key catches a second entry of one case before the ties are located."""

    def change(rows):
        rows.append(dict(row_with(rows, "case", "T8-08")))

    rows = check_file("relations.yaml")["rows"]
    n, first = len(rows) + 1, number_of(rows, "case", "T8-08")
    with refused(
        CuratedDataError,
        file="relations.yaml",
        row=f"row {n} (T8-08)",
        fix="merge the two rows",
        says=(f"duplicate case 'T8-08' (first in row {first})",),
    ):
        check_file("relations.yaml", change)


def test_a_case_coded_twice_in_rows_given_to_the_stage(corpus, cases, reference):
    rows = rows_of(reference.relations)
    rows.append(dict(row_with(rows, "case", "T8-08")))
    with refused(
        CodingError,
        file="relations.yaml",
        row=f"row {len(rows)} (T8-08)",
        fix="merge the two entries",
        says=(f"case coded twice (first in row {number_of(rows, 'case', 'T8-08')})",),
    ):
        locate(corpus, cases, reference, rows)


def test_no_ties_without_a_reason(corpus, cases, reference):
    rows, n = ties_with(reference, "T0-04", lambda e: e.pop("reason"))
    with refused(
        CodingError,
        file="relations.yaml",
        row=f"row {n} (T0-04)",
        fix="a one-line `reason:` saying why none is stated",
    ):
        locate(corpus, cases, reference, rows)


def test_ties_and_a_reason_for_none(corpus, cases, reference):
    rows, n = ties_with(reference, "T3-13", lambda e: e.update(reason="none stated"))
    with refused(
        CodingError, file="relations.yaml", row=f"row {n} (T3-13)", fix="give ties or a reason for having none"
    ):
        locate(corpus, cases, reference, rows)


def test_ties_of_an_unknown_case(corpus, cases, reference):
    rows, n = ties_with(reference, "T0-04", lambda e: e.update(case="T0-99"))
    with refused(
        CodingError,
        file="relations.yaml",
        row=f"row {n} (T0-99)",
        fix="fix the id",
        says=("no case 'T0-99' in cases.yaml",),
    ):
        locate(corpus, cases, reference, rows)


# ---------------------------------------------------------------- cases.yaml: instrument and evidence


def evidence_of(corpus, cases, case_id: str, change):
    """``locate_evidence`` over every case, with ``change`` applied to a copy of ``case_id``'s row."""
    n = next(n for n, c in enumerate(cases, 1) if c.id == case_id)
    row = rows_of([cases[n - 1].row])[0]
    change(row)
    changed = [*cases[: n - 1], dataclasses.replace(cases[n - 1], row=row), *cases[n:]]
    return n, lambda: locate_evidence(corpus, changed)


def test_the_real_evidence_is_located(corpus, cases):
    evidence = locate_evidence(corpus, cases)
    for e in evidence:
        assert (e.phrase is None) == (e.rule is not None) == (e.char_start is None), e
    assert {e.case_id for e in evidence if e.code == "kind"} == {c.id for c in cases}


def test_instrument_outside_the_vocabulary():
    with refused(
        CuratedDataError,
        file="cases.yaml",
        row="(T3-13), field instrument",
        fix="see the file's `about`",
        says=("'subsidy' is not one of", "grant_or_investment"),
    ):
        check_file("cases.yaml", lambda rows: row_with(rows, "id", "T3-13").update(instrument="subsidy"))


def test_evidence_phrase_not_in_the_span(corpus, cases):
    n, run = evidence_of(corpus, cases, "T3-13", lambda r: r["evidence"]["kind"].update(phrase="设立了一只基金"))
    with refused(
        CodingError,
        file="cases.yaml",
        row=f"row {n} (T3-13), evidence of kind",
        fix="copy the verbatim words from the case's text",
        says=("'设立了一只基金' is not in the span of T3-13",),
    ):
        run()


def test_a_boundary_value_without_its_evidence(corpus, cases):
    n, run = evidence_of(corpus, cases, "T3-13", lambda r: r["evidence"]["boundary"].pop("old_new_technology"))
    with refused(CodingError, file="cases.yaml", row=f"row {n} (T3-13)", fix="one piece of evidence per value"):
        run()


def test_boundary_values_with_the_rule_no_boundary_stated(corpus, cases):
    def change(row):
        row["evidence"]["boundary"] = {"rule": "no-boundary-stated"}

    n, run = evidence_of(corpus, cases, "T3-13", change)
    with refused(
        CodingError,
        file="cases.yaml",
        row=f"row {n} (T3-13)",
        fix="give each value its phrase",
        says=("has the rule no-boundary-stated as evidence",),
    ):
        run()


def test_a_year_whose_phrase_does_not_give_it(corpus, cases):
    n, run = evidence_of(corpus, cases, "T3-13", lambda r: r.update(year=2016))
    with refused(
        CodingError,
        file="cases.yaml",
        row=f"row {n} (T3-13), evidence of year",
        fix="the phrase must contain the year 2016",
    ):
        run()


def test_no_year_needs_the_rule(corpus, cases):
    n, run = evidence_of(corpus, cases, "T3-13", lambda r: r.update(year=None))
    with refused(
        CodingError,
        file="cases.yaml",
        row=f"row {n} (T3-13), evidence of year",
        fix="the evidence is the rule no-year-stated",
    ):
        run()


def test_evidence_by_an_unknown_rule():
    def change(rows):
        row_with(rows, "id", "T3-13")["evidence"]["level"] = {"rule": "obvious"}

    with refused(
        CuratedDataError, file="cases.yaml", row="(T3-13), field evidence.level", fix="see the file's `about`"
    ):
        check_file("cases.yaml", change)


# ---------------------------------------------------------------- initiatives and places


def with_row(cases, case_id: str, **changes):
    return [dataclasses.replace(c, row={**c.row, **changes}) if c.id == case_id else c for c in cases]


def test_an_initiative_names_an_earlier_case(corpus, cases):
    first = next(c for c in cases if c.row.get("initiative"))
    n = cases.index(first) + 1
    link = {**first.row["initiative"], "same_as": first.id}
    with refused(
        AnchorError,
        file="cases.yaml",
        row=f"row {n} ({first.id}), initiative",
        fix="must be an earlier case (the first case of the initiative)",
    ):
        initiatives(with_row(cases, first.id, initiative=link), corpus)


def test_an_initiative_phrase_not_in_the_span(corpus, cases):
    first = next(c for c in cases if c.row.get("initiative"))
    n = cases.index(first) + 1
    link = {**first.row["initiative"], "phrase": "这几个字不在报告里"}
    with refused(
        AnchorError,
        file="cases.yaml",
        row=f"row {n} ({first.id}), initiative",
        fix="copy the words of its span that show it is the same initiative",
        says=("occurs 0 times",),
    ):
        initiatives(with_row(cases, first.id, initiative=link), corpus)


def test_the_real_initiatives_group_the_same_programme(corpus, cases):
    got = initiatives(cases, corpus)
    for c in cases:
        link = c.row.get("initiative")
        assert got[c.id] == (f"I-{c.id}" if link is None else got[link["same_as"]]), c.id


def test_a_place_not_in_places_yaml(cases, reference):
    n = next(n for n, c in enumerate(cases, 1) if c.id == "T8-08")
    changed = with_row(cases, "T8-08", places=["usa", "can", "gbrr"])
    with refused(
        AnchorError,
        file="cases.yaml",
        row=f"row {n} (T8-08)",
        fix="did you mean 'gbr'?",
        says=("place 'gbrr' is not in places.yaml",),
    ):
        check_places(changed, reference.places)


def test_a_place_no_case_names(cases, reference):
    places = [
        *reference.places,
        {"id": "atlantis", "name_zh": "亚特兰蒂斯", "name_en": "Atlantis", "country": "GRC", "level": "local"},
    ]
    with refused(
        AnchorError, file="places.yaml", row="atlantis", fix="remove it, or name it in the case it belongs to"
    ):
        check_places(cases, places)


# ---------------------------------------------------------------- consistency rules and exceptions


@pytest.fixture(scope="module")
def sectors(cases, relations, reference):
    actors = {a["id"]: a for a in reference.actors}
    by_case: dict[str, list] = {}
    for r in relations:
        by_case.setdefault(r.case_id, []).append(r)
    return {c.id: [*named, *stated] for c in cases for named, stated in [sectors_of(c, by_case.get(c.id, []), actors)]}


def test_the_real_cases_pass_the_checks_or_are_excepted(reference, sectors):
    excepted = consistency(reference.cases, sectors, reference.exceptions)
    assert {(cid, check) for cid, check, _ in excepted} == {(e["case"], e["check"]) for e in reference.exceptions}


def test_an_inconsistent_case_stops_the_build(reference, sectors):
    rows = rows_of(reference.cases)
    row = row_with(rows, "id", "T3-13")
    row["boundary"].append("government_academia")
    with refused(
        CodingError,
        file="cases.yaml",
        row="T3-13",
        fix="record in coding/exceptions.yaml why each stands",
        says=("T3-13: boundary-needs-sector — government_academia but sectors ['government']",),
    ):
        consistency(rows, sectors, reference.exceptions)


def test_a_stale_exception_is_an_error(reference, sectors):
    exceptions = [*reference.exceptions, {"case": "T3-13", "check": "cross-sector-needs-boundary", "reason": "-"}]
    with refused(
        CodingError,
        file="coding/exceptions.yaml",
        row="T3-13: cross-sector-needs-boundary",
        fix="the check passes now; remove the row",
    ):
        consistency(reference.cases, sectors, exceptions)


def test_an_exception_for_an_unknown_check(reference, sectors):
    exceptions = [{**reference.exceptions[0], "check": "looks-odd"}, *reference.exceptions[1:]]
    with refused(
        CodingError,
        file="coding/exceptions.yaml",
        row="'looks-odd'",
        fix="one of boundary-needs-government",
        says=("unknown check",),
    ):
        consistency(reference.cases, sectors, exceptions)


def test_country_and_level_disagree(reference, sectors):
    rows = rows_of(reference.cases)
    row_with(rows, "id", "T8-08")["level"] = "national"
    with refused(
        CodingError,
        file="cases.yaml",
        row="T8-08",
        fix="Fix the codes",
        says=("T8-08: country-and-level — country INT, level national",),
    ):
        consistency(rows, sectors, reference.exceptions)


# ---------------------------------------------------------------- glosses.yaml


def test_a_barrier_side_without_its_english(corpus, reference):
    rows = rows_of(reference.barriers)
    n = next(n for n, r in enumerate(rows, 1) if r["side_b"])
    del rows[n - 1]["side_b_en"]
    r = rows[n - 1]
    with refused(
        CuratedDataError,
        file="barriers.yaml",
        row=f"row {n} (trend {r['trend']}, seq {r['seq']})",
        fix="add side_b_en beside it",
    ):
        tables.barriers_table(corpus, rows)


def test_a_my_take_without_its_english(corpus, reference):
    rows = rows_of(reference.boxes)
    n = next(n for n, r in enumerate(rows, 1) if r["kind"] == "my_take")
    del rows[n - 1]["role_en"]
    with refused(CuratedDataError, file="boxes.yaml", row=f"row {n} (", fix="add role_en"):
        tables.my_takes_table(corpus, rows)


def test_the_english_beside_each_bullet_is_published_with_it(corpus, reference):
    table = tables.barriers_table(corpus, reference.barriers)
    curated = {(r["trend"], r["seq"]): r for r in reference.barriers}
    for row in table.itertuples():
        assert row.text_en == curated[(row.trend, row.seq)]["text_en"] and row.side_a_en


def test_a_place_without_a_gloss():
    with refused(CuratedDataError, file="glosses.yaml", row="the place '波士顿'", fix="add a row with zh '波士顿'"):
        tables.Glosses([]).en("波士顿")


def test_a_gloss_nothing_prints():
    glosses = tables.Glosses([{"zh": "波士顿", "en": "Boston"}, {"zh": "亚特兰蒂斯", "en": "Atlantis"}])
    assert glosses.en("波 士顿") == "Boston"  # whitespace does not matter
    with refused(
        CuratedDataError,
        file="glosses.yaml",
        row="row 2 (亚特兰蒂斯)",
        fix="remove or fix the gloss",
        says=("no case prints this place",),
    ):
        glosses.check_all_used()


# ---------------------------------------------------------------- infographics.yaml


@pytest.fixture(scope="module")
def quantities(corpus, reference):
    return corpus_amounts(corpus, currency_words(reference.currencies)), corpus_percentages(corpus)


def labelled(corpus, quantities, rows):
    return label_infographics(corpus, *quantities, rows)


def test_an_infographic_label_not_printed(corpus, quantities, reference):
    rows = rows_of(reference.infographics)
    rows[0]["label"] = ["这句话不在信息图里"]
    with refused(
        AnchorError,
        file="infographics.yaml",
        row=f"row 1 (trend {rows[0]['trend']}, {rows[0]['figure']} #1)",
        fix="copy the block's words verbatim",
        says=("'这句话不在信息图里' is not printed",),
    ):
        labelled(corpus, quantities, rows)


def test_an_infographic_figure_without_a_row(corpus, quantities, reference):
    rows = rows_of(reference.infographics)
    row = rows.pop(0)
    with refused(AnchorError, file="infographics.yaml", row=repr(row["figure"]), fix="add"):
        labelled(corpus, quantities, rows)


def test_an_infographic_row_for_no_figure(corpus, quantities, reference):
    rows = rows_of(reference.infographics)
    rows.append({**rows[0], "occurrence": 9})
    with refused(
        AnchorError,
        file="infographics.yaml",
        row=f"row {len(rows)}",
        fix="fix the",
        says=("no infographic figure of that text and occurrence is printed",),
    ):
        labelled(corpus, quantities, rows)


# ---------------------------------------------------------------- amounts.yaml and statistics.yaml


@pytest.fixture(scope="module")
def found_once(corpus, quantities):
    """The amounts and percentages printed in the report, found once: the curated rows these tests change
    are joined to them afterwards."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(build, "corpus_amounts", lambda c, currencies: list(quantities[0]))
        mp.setattr(build, "corpus_percentages", lambda c: list(quantities[1]))
        yield


def quantity_tables(corpus, cases, reference, **rows):
    """The money and figure stage (``build.quantity_tables``) with some curated rows replaced."""
    return build.quantity_tables(corpus, cases, dataclasses.replace(reference, **rows))


def amounts_with(reference, text: str, change, occurrence: int = 1) -> tuple[list[dict], int]:
    rows = rows_of(reference.amounts)
    n = next(n for n, r in enumerate(rows, 1) if (r["text"], r["occurrence"]) == (text, occurrence))
    change(rows[n - 1])
    return rows, n


def test_an_amount_without_a_row(found_once, corpus, cases, reference):
    rows = [r for r in rows_of(reference.amounts) if r["text"] != "520亿美元"]
    with refused(
        CuratedDataError,
        file="amounts.yaml",
        row="'520亿美元' (occurrence 1)",
        fix="add its amount_type, period and status",
    ):
        quantity_tables(corpus, cases, reference, amounts=rows)


def test_a_row_for_no_amount(found_once, corpus, cases, reference):
    rows = rows_of(reference.amounts)
    rows.append({**row_with(rows, "text", "520亿美元"), "text": "530亿美元"})
    with refused(
        CuratedDataError,
        file="amounts.yaml",
        row=f"row {len(rows)} (530亿美元, occurrence 1)",
        fix="fix the text or the occurrence",
        says=("no such amount is printed",),
    ):
        quantity_tables(corpus, cases, reference, amounts=rows)


def test_an_amount_type_outside_the_vocabulary():
    with refused(
        CuratedDataError,
        file="amounts.yaml",
        row="(520亿美元), field amount_type",
        fix="see the file's `about`",
        says=("'subsidy' is not one of",),
    ):
        check_file("amounts.yaml", lambda rows: row_with(rows, "text", "520亿美元").update(amount_type="subsidy"))


@pytest.mark.parametrize(
    "text, change, fix",
    [
        ("3,276亿加元", {"source": None}, "a corrected amount needs source"),
        ("3,276亿加元", {"value_corrected": None}, "a corrected amount needs value_corrected"),
        ("26亿英镑", {"source": None}, "a confirmed amount needs source"),
        ("520亿美元", {"differs_by": None}, "a approximate amount needs differs_by"),
        ("26亿英镑", {"value_corrected": 1.0}, "a confirmed amount has no value_corrected; remove it, or change"),
        ("100万美元", {"status": "unverifiable", "differs_by": ["rounding"]}, "remove it, or change the status"),
    ],
)
def test_what_a_status_needs_and_forbids(found_once, corpus, cases, reference, text, change, fix):
    def apply(row):
        row.update(change)
        for k in [k for k, v in change.items() if v is None]:
            del row[k]

    rows, n = amounts_with(reference, text, apply)
    with refused(CuratedDataError, file="amounts.yaml", row=f"row {n} ({text})", fix=fix):
        quantity_tables(corpus, cases, reference, amounts=rows)


def test_a_period_phrase_not_printed(found_once, corpus, cases, reference):
    rows, n = amounts_with(reference, "20亿加元", lambda r: r.update(period="每月", period_phrase="每月拨付"))
    with refused(
        CuratedDataError,
        file="amounts.yaml",
        row=f"row {n} (20亿加元)",
        fix="copy the words that give the period",
        says=("period_phrase '每月拨付' is not printed",),
    ):
        quantity_tables(corpus, cases, reference, amounts=rows)


@pytest.mark.parametrize(
    "text, field, target, fix",
    [
        ("超过350亿美元", "same_as", "360亿美元", "copy its text and occurrence from its row"),
        ("350亿美元", "same_as", "超过350亿美元", "same_as must name an earlier mention"),
        ("超过5亿美元", "part_of", "超过5亿美元", "part_of names the amount itself"),
    ],
)
def test_links_between_amounts(found_once, corpus, cases, reference, text, field, target, fix):
    rows, n = amounts_with(reference, text, lambda r: r.update({field: {"text": target, "occurrence": 1}}))
    with refused(CuratedDataError, file="amounts.yaml", row=f"row {n} ({text})", fix=fix):
        quantity_tables(corpus, cases, reference, amounts=rows)


def test_the_real_links_between_amounts_are_published(published, reference):
    """Every amount has its curated row; the row's part_of is the published part_of and its same_as the
    published repeats, each pointing at the amount the row names (by its printed text and occurrence). Any
    other repeat is one the build found: the same money in the same case."""
    f = published.funding
    by_text: dict[str, list[str]] = {}
    for amount_id, text in zip(f.amount_id, f.text, strict=True):
        by_text.setdefault("".join(text.split()), []).append(amount_id)

    def amount(ref: dict) -> str:
        return by_text["".join(ref["text"].split())][ref["occurrence"] - 1]

    assert len(reference.amounts) == len(f)
    published = f.set_index("amount_id")
    for row in reference.amounts:
        me = published.loc[amount(row)]
        part_of = None if pd.isna(me.part_of) else me.part_of
        assert part_of == (amount(row["part_of"]) if row.get("part_of") else None), row["text"]
        if row.get("same_as"):  # curated across cases
            assert me.repeats == amount(row["same_as"]), row["text"]
        elif not pd.isna(me.repeats):  # found by the build: the same money again in the same case
            first = published.loc[me.repeats]
            assert (first.case_id, first.value, first.currency) == (me.case_id, me.value, me.currency), row["text"]


def statistics_with(reference, index: int, change) -> list[dict]:
    rows = rows_of(reference.statistics)
    change(rows[index])
    return rows


def test_a_kind_phrase_not_near_its_figure(found_once, corpus, cases, reference):
    rows = statistics_with(reference, 0, lambda r: r.update(kind_phrase="这句话不在报告里"))
    with refused(
        CuratedDataError,
        file="statistics.yaml",
        row=f"row 1 ({rows[0]['text']}, occurrence 1)",
        fix="copy the words of its clause or label that decide its kind",
    ):
        quantity_tables(corpus, cases, reference, statistics=rows)


@pytest.mark.parametrize(
    "change, fix",
    [
        ({"case": "T1-05"}, "give case and case_phrase together"),
        ({"case": "T1-99", "case_phrase": "人力资源主管"}, "no case 'T1-99' in cases.yaml; fix the id"),
        ({"case": "T1-05", "case_phrase": "这句话不在报告里"}, "is printed neither near the figure nor in the passage"),
    ],
)
def test_the_case_of_a_figure(found_once, corpus, cases, reference, change, fix):
    rows = statistics_with(reference, 0, lambda r: r.update(change))
    with refused(CuratedDataError, file="statistics.yaml", row=f"row 1 ({rows[0]['text']}, occurrence 1)", fix=fix):
        quantity_tables(corpus, cases, reference, statistics=rows)


def test_a_figure_without_a_row_and_a_row_for_no_figure(found_once, corpus, cases, reference):
    rows = rows_of(reference.statistics)
    gone = rows.pop(0)
    with refused(
        CuratedDataError,
        file="statistics.yaml",
        row=f"{gone['text']!r} (occurrence 1)",
        fix="add its kind, kind_phrase, kind_phrase_en and context_en",
    ):
        quantity_tables(corpus, cases, reference, statistics=rows)
    rows = [*rows_of(reference.statistics), {**reference.statistics[0], "occurrence": 7}]
    with refused(
        CuratedDataError,
        file="statistics.yaml",
        row=f"row {len(rows)} ({gone['text']}, occurrence 7)",
        fix="fix the text or the occurrence",
    ):
        quantity_tables(corpus, cases, reference, statistics=rows)


# ---------------------------------------------------------------- coding/adjudication.yaml


def test_an_adjudication_of_an_unknown_case(reference, cases):
    rows = rows_of(reference.adjudication)
    rows[0]["case"] = "T9-01"
    with refused(
        CuratedDataError, file="coding/adjudication.yaml", row="row 1", fix="fix the id", says=("no case 'T9-01'",)
    ):
        tables.adjudication_table(rows, {c.id for c in cases}, {r["rule"] for r in reference.codebook})


def test_an_adjudication_citing_an_unknown_rule(reference, cases):
    rows = rows_of(reference.adjudication)
    rows[0]["codebook_changed"] = "R-unknown"
    with refused(
        CuratedDataError,
        file="coding/adjudication.yaml",
        row=f"row 1 ({rows[0]['case']})",
        fix="fix it or add the rule there",
        says=("'R-unknown' is not among the changes",),
    ):
        tables.adjudication_table(rows, {c.id for c in cases}, {r["rule"] for r in reference.codebook})


# ---------------------------------------------------------------- the published coding


def test_every_case_is_coded_with_ties_or_a_reason(published, reference):
    """A case has ties in relations.csv, or no ties and its curated reason in cases.no_relations: never both."""
    t = published
    tied = set(t.relations.case_id)
    reasons = {r["case"]: r["reason"] for r in reference.relations if "reason" in r}
    assert set(t.cases.case_id) == tied | set(reasons) and not tied & set(reasons)
    published_reasons = t.cases.set_index("case_id").no_relations.dropna().to_dict()
    assert published_reasons == reasons


def test_every_case_code_has_its_evidence(published):
    t = published
    for code in ("kind", "instrument", "country", "level", "year"):
        assert set(t.evidence[t.evidence.code == code].case_id) == set(t.cases.case_id), code
    boundary = t.evidence[t.evidence.code == "boundary"]
    for case in t.cases.itertuples():
        values = set(str(case.boundary).split(";")) if isinstance(case.boundary, str) else {""}
        assert set(boundary[boundary.case_id == case.case_id].coded_value.fillna("")) == values, case.case_id


def test_relation_types_and_instruments_are_documented_with_an_example():
    for v in (vocab.RELATION_TYPES, vocab.INSTRUMENTS):
        for value, term in v.terms.items():
            assert term.definition and term.en and term.zh, value
            assert term.example, f"{v.name} {value} has no example from the report"


def test_one_phrase_written_once_justifies_several_codes():
    from trendlib.coding.ties import _shared
    from trendlib.errors import CodingError

    evidence = {
        "kind": {"phrase": "瑞典能源署最多可提供", "en": "the agency can provide"},
        "level": {"rule": "actor-of-case"},
    }
    assert _shared(evidence, {"same_as": "kind"}, "cases.yaml row 1 (T6-10), instrument") is evidence["kind"]
    with pytest.raises(
        CodingError,
        match=r"row 1 \(T6-10\), instrument: same_as 'level' must name a code whose "
        r"evidence is a phrase; copy the phrase here instead",
    ):
        _shared(evidence, {"same_as": "level"}, "cases.yaml row 1 (T6-10), instrument")


def test_a_case_without_a_year_leaves_it_out_and_reads_as_none(reference):
    no_year = [r for r in reference.cases if r["evidence"]["year"] == {"rule": "no-year-stated"}]
    assert no_year and all(r["year"] is None for r in no_year)
    from trendlib.paths import reference_dir

    text = (reference_dir() / "cases.yaml").read_text(encoding="utf-8")
    assert "year: null" not in text and ": null" not in text
