"""The coding is checked at every build: each bad row of a curated coding file is a named error.

Relations (relations.yaml), instruments and evidence (cases.yaml), the consistency rules and their
reviewed exceptions, the English glosses, the infographic labels, the amounts' types and sources, and
the adjudication log. Each test breaks one row of a copy of data/reference/ and builds from it; the
error must name the file, the row (or case) and the value, and say what to do.
"""

from __future__ import annotations

import pytest

from curated_copy import edit, fails, number_of
from trendlib import vocab
from trendlib.errors import AnchorError, CodingError, CuratedDataError

pytestmark = pytest.mark.usefixtures("reuse_corpus")


def entry(data: list[dict], case: str) -> dict:
    """The relations.yaml entry of ``case``."""
    return data[number_of(data, "case", case) - 1]


# ---------------------------------------------------------------- relations.yaml

def test_phrase_not_in_the_span(ref, tmp_path, monkeypatch):
    edit(ref / "relations.yaml", lambda d: entry(d, "T3-13")["relations"][0].update(phrase="联邦政府向各机构拨款十亿"))
    fails(ref, CodingError, "relations.yaml", "(T3-13), relation 1", "'联邦政府向各机构拨款十亿'",
          "is not in the span of T3-13", "copy the verbatim words", tmp_path=tmp_path, monkeypatch=monkeypatch,
          full=True)


def test_phrase_too_short(ref, tmp_path, monkeypatch):
    edit(ref / "relations.yaml", lambda d: entry(d, "T3-13")["relations"][0].update(phrase="基金"))
    fails(ref, CodingError, "(T3-13), relation 1", "'基金' has 2 characters", tmp_path=tmp_path,
          monkeypatch=monkeypatch)


def test_unknown_party(ref, tmp_path, monkeypatch):
    edit(ref / "relations.yaml", lambda d: entry(d, "T3-13")["relations"][0].update(source="usa_treasury_dept"))
    fails(ref, CodingError, "(T3-13), relation 1", "source 'usa_treasury_dept' is no actor or stakeholder group",
          tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_misspelt_group_label(ref, tmp_path, monkeypatch):
    edit(ref / "relations.yaml", lambda d: entry(d, "T3-13")["relations"][0].update(target="agency"))
    msg = fails(ref, CodingError, "(T3-13), relation 1", "target 'agency'", tmp_path=tmp_path,
                monkeypatch=monkeypatch)
    assert "did you mean 'agencies'?" in msg


def test_tie_type_outside_the_vocabulary(ref, tmp_path, monkeypatch):
    edit(ref / "relations.yaml", lambda d: entry(d, "T3-13")["relations"][0].update(type="finances"))
    msg = fails(ref, CuratedDataError, "relations.yaml", "'finances'", tmp_path=tmp_path, monkeypatch=monkeypatch)
    assert "funds" in msg  # the message lists the allowed values


def test_partners_marked_directed(ref, tmp_path, monkeypatch):
    def change(d):
        for k, r in enumerate(entry(d, "T0-01")["relations"], 1):
            if r["type"] == "partners":
                r["directed"] = True
                return k
    k = edit(ref / "relations.yaml", change)
    fails(ref, CodingError, f"(T0-01), relation {k}", "partners is never directed; set directed: false",
          tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_funds_marked_undirected(ref, tmp_path, monkeypatch):
    edit(ref / "relations.yaml", lambda d: entry(d, "T3-13")["relations"][0].update(directed=False))
    fails(ref, CodingError, "(T3-13), relation 1", "funds is always directed", tmp_path=tmp_path,
          monkeypatch=monkeypatch)


def test_two_rows_for_one_tie(ref, tmp_path, monkeypatch):
    def change(d):
        rels = entry(d, "T3-13")["relations"]
        rels.append(dict(rels[0]))
        return len(rels)
    k = edit(ref / "relations.yaml", change)
    fails(ref, CodingError, f"(T3-13), relation {k}", "a second funds tie", "one row per source, target and type",
          tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_a_named_actor_tied_to_itself(ref, tmp_path, monkeypatch):
    def change(d):
        r = entry(d, "T3-13")["relations"][0]
        r["target"] = r["source"]
    edit(ref / "relations.yaml", change)
    fails(ref, CodingError, "(T3-13), relation 1", "is tied to itself", tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_a_case_with_no_coding(ref, tmp_path, monkeypatch):
    edit(ref / "relations.yaml", lambda d: d.pop(number_of(d, "case", "T8-08") - 1))
    fails(ref, CodingError, "relations.yaml", "cases without a coding: T8-08", "relations: [] with a reason",
          tmp_path=tmp_path, monkeypatch=monkeypatch, full=True)


def test_a_case_coded_twice(ref, tmp_path, monkeypatch):
    edit(ref / "relations.yaml", lambda d: d.append(dict(entry(d, "T8-08"))))
    fails(ref, CuratedDataError, "relations.yaml", "(T8-08): duplicate id 'T8-08'", tmp_path=tmp_path,
          monkeypatch=monkeypatch)


def test_no_relations_without_a_reason(ref, tmp_path, monkeypatch):
    edit(ref / "relations.yaml", lambda d: entry(d, "T0-04").pop("reason"))
    fails(ref, CodingError, "(T0-04)", "relations: [] needs a one-line `reason:`", tmp_path=tmp_path,
          monkeypatch=monkeypatch)


def test_relations_of_an_unknown_case(ref, tmp_path, monkeypatch):
    edit(ref / "relations.yaml", lambda d: entry(d, "T0-04").update(case="T0-99"))
    fails(ref, CodingError, "(T0-99)", "no case 'T0-99' in cases.yaml", tmp_path=tmp_path, monkeypatch=monkeypatch)


# ---------------------------------------------------------------- cases.yaml: instrument and evidence

def case_row(d: list[dict], cid: str) -> dict:
    return d[number_of(d, "id", cid) - 1]


def test_instrument_outside_the_vocabulary(ref, tmp_path, monkeypatch):
    edit(ref / "cases.yaml", lambda d: case_row(d, "T3-13").update(instrument="subsidy"))
    msg = fails(ref, CuratedDataError, "cases.yaml", "'subsidy'", tmp_path=tmp_path, monkeypatch=monkeypatch)
    assert "grant_or_investment" in msg


def test_evidence_phrase_not_in_the_span(ref, tmp_path, monkeypatch):
    edit(ref / "cases.yaml", lambda d: case_row(d, "T3-13")["evidence"]["kind"].update(phrase="设立了一只基金"))
    fails(ref, CodingError, "cases.yaml", "(T3-13), evidence of kind", "'设立了一只基金'", "is not in the span",
          tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_a_boundary_value_without_its_evidence(ref, tmp_path, monkeypatch):
    edit(ref / "cases.yaml", lambda d: case_row(d, "T3-13")["evidence"]["boundary"].pop("old_new_technology"))
    fails(ref, CodingError, "(T3-13)", "one piece of evidence per value", tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_a_year_whose_phrase_does_not_give_it(ref, tmp_path, monkeypatch):
    edit(ref / "cases.yaml", lambda d: case_row(d, "T3-13").update(year=2016))
    fails(ref, CodingError, "(T3-13), evidence of year", "must contain the year 2016", tmp_path=tmp_path,
          monkeypatch=monkeypatch)


def test_no_year_needs_the_rule(ref, tmp_path, monkeypatch):
    edit(ref / "cases.yaml", lambda d: case_row(d, "T3-13").update(year=None))
    fails(ref, CodingError, "(T3-13), evidence of year", "no-year-stated", tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_evidence_by_an_unknown_rule(ref, tmp_path, monkeypatch):
    edit(ref / "cases.yaml", lambda d: case_row(d, "T3-13")["evidence"].update(level={"rule": "obvious"}))
    fails(ref, CuratedDataError, "cases.yaml", "T3-13", tmp_path=tmp_path, monkeypatch=monkeypatch)


# ---------------------------------------------------------------- consistency rules and exceptions

def test_an_inconsistent_case_stops_the_build(ref, tmp_path, monkeypatch):
    def change(d):
        row = case_row(d, "T3-13")
        row["boundary"].append("government_academia")
        row["evidence"]["boundary"]["government_academia"] = row["evidence"]["boundary"]["within_government"]
    edit(ref / "cases.yaml", change)
    fails(ref, CodingError, "T3-13: boundary-needs-sector", "government_academia but sectors ['government']",
          "record in coding/exceptions.yaml why", tmp_path=tmp_path, monkeypatch=monkeypatch, full=True)


def test_a_stale_exception_is_an_error(ref, tmp_path, monkeypatch):
    edit(ref / "coding" / "exceptions.yaml",
         lambda d: d.append({"case": "T3-13", "check": "cross-sector-needs-boundary", "reason": "no longer needed"}))
    fails(ref, CodingError, "T3-13: cross-sector-needs-boundary", "the check passes now; remove the row",
          tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_an_exception_for_an_unknown_check(ref, tmp_path, monkeypatch):
    edit(ref / "coding" / "exceptions.yaml", lambda d: d.__setitem__(0, {**d[0], "check": "looks-odd"}))
    fails(ref, CodingError, "unknown check 'looks-odd'", tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_country_and_level_disagree(ref, tmp_path, monkeypatch):
    edit(ref / "cases.yaml", lambda d: case_row(d, "T8-08").update(level="national"))
    fails(ref, CodingError, "T8-08: country-and-level", "country INT, level national", tmp_path=tmp_path,
          monkeypatch=monkeypatch)


# ---------------------------------------------------------------- glosses.yaml

def test_a_gloss_of_another_text(ref, tmp_path, monkeypatch):
    def change(d):
        n = next(n for n, r in enumerate(d, 1) if r["table"] == "barriers")
        d[n - 1]["zh"] = "政府内部的人才流动"
        return n, d[n - 1]
    n, row = edit(ref / "glosses.yaml", change)
    fails(ref, CuratedDataError, f"glosses.yaml row {n}", "the gloss is of '政府内部的人才流动'", "gloss the new text",
          tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_a_missing_gloss(ref, tmp_path, monkeypatch):
    def change(d):
        n = next(n for n, r in enumerate(d, 1) if r["table"] == "my_takes")
        return d.pop(n - 1)
    row = edit(ref / "glosses.yaml", change)
    fails(ref, CuratedDataError, "glosses.yaml", f"no gloss of my_takes {row['key']} {row['field']}",
          tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_a_gloss_nothing_prints(ref, tmp_path, monkeypatch):
    edit(ref / "glosses.yaml", lambda d: d.append({"table": "cases", "key": "*", "field": "place_zh",
                                                   "zh": "亚特兰蒂斯", "en": "Atlantis"}))
    fails(ref, CuratedDataError, "glosses.yaml", "nothing prints '亚特兰蒂斯'", tmp_path=tmp_path,
          monkeypatch=monkeypatch)


# ---------------------------------------------------------------- infographics.yaml

def test_an_infographic_label_not_printed(ref, tmp_path, monkeypatch):
    edit(ref / "infographics.yaml", lambda d: d[0].update(label=["这句话不在信息图里"]))
    fails(ref, AnchorError, "infographics.yaml", "'这句话不在信息图里'", "is not printed", tmp_path=tmp_path,
          monkeypatch=monkeypatch)


def test_an_infographic_figure_without_a_row(ref, tmp_path, monkeypatch):
    row = edit(ref / "infographics.yaml", lambda d: d.pop(0))
    fails(ref, AnchorError, "infographics.yaml", repr(row["figure"]), tmp_path=tmp_path, monkeypatch=monkeypatch)


# ---------------------------------------------------------------- amounts.yaml

def amount(d: list[dict], text: str) -> dict:
    return next(r for r in d if r["text"] == text)


def test_an_amount_without_a_row(ref, tmp_path, monkeypatch):
    edit(ref / "amounts.yaml", lambda d: d.remove(amount(d, "520亿美元")))
    fails(ref, CuratedDataError, "amounts.yaml", "'520亿美元' (occurrence 1) has no row", tmp_path=tmp_path,
          monkeypatch=monkeypatch, full=True)


def test_a_row_for_no_amount(ref, tmp_path, monkeypatch):
    edit(ref / "amounts.yaml", lambda d: d.append({**amount(d, "520亿美元"), "text": "530亿美元"}))
    fails(ref, CuratedDataError, "amounts.yaml", "530亿美元", "no such amount is printed", tmp_path=tmp_path,
          monkeypatch=monkeypatch)


def test_an_amount_type_outside_the_vocabulary(ref, tmp_path, monkeypatch):
    edit(ref / "amounts.yaml", lambda d: amount(d, "520亿美元").update(amount_type="subsidy"))
    fails(ref, CuratedDataError, "amounts.yaml", "'subsidy'", tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_a_correction_without_its_source(ref, tmp_path, monkeypatch):
    edit(ref / "amounts.yaml", lambda d: amount(d, "3,276亿加元").update(source=None))
    fails(ref, CuratedDataError, "amounts.yaml row", "(3,276亿加元)", "needs value_corrected, currency_corrected and source",
          tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_a_confirmation_without_its_source(ref, tmp_path, monkeypatch):
    edit(ref / "amounts.yaml", lambda d: amount(d, "520亿美元").update(source=None))
    fails(ref, CuratedDataError, "(520亿美元)", "a confirmed amount needs its source", tmp_path=tmp_path,
          monkeypatch=monkeypatch)


def test_a_period_phrase_not_printed(ref, tmp_path, monkeypatch):
    edit(ref / "amounts.yaml", lambda d: amount(d, "20亿加元").update(period="每月", period_phrase="每月拨付"))
    fails(ref, CuratedDataError, "(20亿加元)", "period_phrase '每月拨付' is not printed", tmp_path=tmp_path,
          monkeypatch=monkeypatch)


def test_same_as_an_amount_that_does_not_exist(ref, tmp_path, monkeypatch):
    edit(ref / "amounts.yaml", lambda d: amount(d, "超过350亿美元").update(same_as={"text": "360亿美元", "occurrence": 1}))
    fails(ref, CuratedDataError, "(超过350亿美元)", "same_as names '360亿美元'", "not a printed amount",
          tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_same_as_a_later_amount(ref, tmp_path, monkeypatch):
    edit(ref / "amounts.yaml", lambda d: amount(d, "350亿美元").update(same_as={"text": "超过350亿美元", "occurrence": 1}))
    fails(ref, CuratedDataError, "(350亿美元)", "same_as must name an earlier mention", tmp_path=tmp_path,
          monkeypatch=monkeypatch)


# ---------------------------------------------------------------- coding/adjudication.yaml

def test_an_adjudication_of_an_unknown_case(ref, tmp_path, monkeypatch):
    edit(ref / "coding" / "adjudication.yaml", lambda d: d[0].update(case="T9-01"))
    fails(ref, CuratedDataError, "coding/adjudication.yaml row 1", "no case 'T9-01'", tmp_path=tmp_path,
          monkeypatch=monkeypatch)


def test_an_adjudication_citing_an_unknown_rule(ref, tmp_path, monkeypatch):
    edit(ref / "coding" / "adjudication.yaml", lambda d: d[0].update(codebook_changed="R-unknown"))
    fails(ref, CuratedDataError, "coding/adjudication.yaml row 1", "'R-unknown' is not among the changes",
          tmp_path=tmp_path, monkeypatch=monkeypatch)


# ---------------------------------------------------------------- the published coding

def test_every_case_is_coded_with_ties_or_a_reason(tmp_path):
    import trendlib

    t = trendlib.load()
    coded = set(t.relations.case_id)
    none = t.cases[~t.cases.case_id.isin(coded)]
    assert none.no_relations.notna().all() and (t.cases[t.cases.case_id.isin(coded)].no_relations.isna()).all()


def test_every_case_code_has_its_evidence():
    import trendlib

    t = trendlib.load()
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
