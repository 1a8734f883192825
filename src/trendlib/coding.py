"""Stage 5b — the coding checked against the text: ties between parties, the evidence of every
code, the sectors that take part, and the codebook's consistency rules.

The relations codebook (``relations.yaml``) records, for every case, the ties its
span states (who funds, regulates, serves … whom), each with the verbatim
phrase that states it; the case codebook (``cases.yaml``) carries, for every
code, the phrase or the codebook rule that justifies it. This stage locates
every phrase in its case's span (whatever the line breaks), checks every party,
type and direction, and derives what follows from the coding:

* a case's sectors: those of the named actors its span mentions or its
  relations name (``sectors_named``), and those of the stakeholder groups its
  relations name as acting (``sectors_stated``; a party that is only served
  does not take part);
* the boundary each tie crosses (:func:`crosses`), from its two parties'
  sectors, levels, places and countries;
* the consistency rules (:func:`consistency`): a boundary needs its sectors, a
  cross-sector case needs a boundary, country and level agree. A failing
  check stops the build unless ``coding/exceptions.yaml`` records why it stands.

Every error is a :class:`~trendlib.errors.CodingError` naming the file, the row,
the value and the fix.
"""

from __future__ import annotations

import difflib

from dataclasses import dataclass

from . import vocab
from .cases import Case
from .errors import CodingError
from .parse.corpus import Corpus
from .patterns import compact

__all__ = ["Relation", "Evidence", "locate_relations", "locate_evidence", "sectors_of", "crosses", "consistency",
           "GROUP_TYPE", "PHRASE_MIN", "PHRASE_MAX"]

GROUP_TYPE = "stakeholder_group"
PHRASE_MIN, PHRASE_MAX = 6, 40  # characters of a relation phrase, whitespace removed
UNDIRECTED = {"partners"}
MAYBE_UNDIRECTED = {"shares_data"}


@dataclass(frozen=True)
class Relation:
    """A coded tie located in its case's span."""

    case_id: str
    trend: int
    source: str
    target: str
    type: str
    directed: bool
    phrase: str
    phrase_en: str
    note: str | None
    flat_start: int
    char_start: int


@dataclass(frozen=True)
class Evidence:
    """One code of a case and what justifies it: a phrase located in the span, or a codebook rule."""

    case_id: str
    code: str
    value: str
    phrase: str | None
    phrase_en: str | None
    rule: str | None
    char_start: int | None


def _in_span(corpus: Corpus, case: Case, phrase: str, occurrence: int | None, where: str) -> tuple[int, int]:
    """(flat position, raw offset) of ``phrase`` in ``case``'s span: exactly once, or its ``occurrence``-th."""
    needle = compact(phrase)
    span = corpus.flat.text[case.flat_start:case.flat_end]
    found, i = [], span.find(needle)
    while needle and i >= 0:
        found.append(i)
        i = span.find(needle, i + 1)
    if not found:
        raise CodingError(f"{where}: phrase {phrase!r} is not in the span of {case.id} (raw lines "
                          f"{case.line_start}–{case.line_end}); copy the verbatim words from the case's text")
    if occurrence is None and len(found) > 1:
        raise CodingError(f"{where}: phrase {phrase!r} occurs {len(found)} times in the span of {case.id}; "
                          "add `occurrence: N` or copy a longer phrase")
    if occurrence is not None and not 1 <= occurrence <= len(found):
        raise CodingError(f"{where}: occurrence {occurrence} of {phrase!r}, but the span of {case.id} has "
                          f"{len(found)}")
    flat = case.flat_start + found[(occurrence or 1) - 1]
    return flat, corpus.flat.hit(flat, flat + 1).char_start


def locate_relations(corpus: Corpus, cases: list[Case], rows: list[dict], actors: list[dict],
                     *, source: str = "relations.yaml") -> list[Relation]:
    """Every coded tie, checked: every case coded once, parties known, types and direction right, phrases in
    the span, one row per source, target and type.

    >>> locate_relations(None, [], [], [])
    []
    """
    by_case = {c.id: c for c in cases}
    known = {a["id"]: a for a in actors}
    groups = {a["id"] for a in actors if a["type"] == GROUP_TYPE}
    seen: dict[str, int] = {}
    out: list[Relation] = []
    for n, row in enumerate(rows, 1):
        cid = row["case"]
        where = f"{source} row {n} ({cid})"
        if cid not in by_case:
            raise CodingError(f"{where}: no case {cid!r} in cases.yaml; fix the id")
        if cid in seen:
            raise CodingError(f"{where}: case coded twice (first in row {seen[cid]}); merge the two entries")
        seen[cid] = n
        case = by_case[cid]
        if not row["relations"] and not row.get("reason"):
            raise CodingError(f"{where}: relations: [] needs a one-line `reason:` saying why no tie is stated")
        keys: set = set()
        for k, r in enumerate(row["relations"], 1):
            w = f"{where}, relation {k}"
            for end in ("source", "target"):
                if r[end] not in known:
                    close = difflib.get_close_matches(r[end], sorted(known), n=1, cutoff=0.6)
                    raise CodingError(f"{w}: {end} {r[end]!r} is no actor or stakeholder group of actors.yaml"
                                      + (f" (did you mean {close[0]!r}?)" if close else "; add the actor or fix the id"))
            if r["source"] == r["target"] and r["source"] not in groups:
                raise CodingError(f"{w}: {r['source']!r} is tied to itself; only a stakeholder group may be")
            if r["type"] in UNDIRECTED and r["directed"]:
                raise CodingError(f"{w}: partners is never directed; set directed: false")
            if r["type"] not in UNDIRECTED | MAYBE_UNDIRECTED and not r["directed"]:
                raise CodingError(f"{w}: {r['type']} is always directed; set directed: true")
            length = len(compact(r["phrase"]))
            if not PHRASE_MIN <= length <= PHRASE_MAX:
                raise CodingError(f"{w}: phrase {r['phrase']!r} has {length} characters (whitespace removed); "
                                  f"copy {PHRASE_MIN}–{PHRASE_MAX} verbatim characters that state the tie")
            a, b = r["source"], r["target"]
            key = (a, b, r["type"]) if r["directed"] else (*sorted((a, b)), r["type"])
            if key in keys:
                raise CodingError(f"{w}: a second {r['type']} tie between {a} and {b}; one row per source, "
                                  "target and type")
            keys.add(key)
            flat, raw = _in_span(corpus, case, r["phrase"], r.get("occurrence"), w)
            if not r["directed"]:  # an undirected tie is stored with its parties in id order
                a, b = sorted((a, b))
            out.append(Relation(cid, case.trend, a, b, r["type"], r["directed"], r["phrase"], r["phrase_en"],
                                r.get("note"), flat, raw))
    missing = [c.id for c in cases if c.id not in seen]
    if missing:
        raise CodingError(f"{source}: cases without a coding: {', '.join(missing)}; give each its relations, or "
                          "relations: [] with a reason")
    return out


def locate_evidence(corpus: Corpus, cases: list[Case], *, source: str = "cases.yaml") -> list[Evidence]:
    """The evidence of every code of every case, each phrase located in the case's span.

    A boundary value needs its own evidence, and an empty boundary the rule
    ``no-boundary-stated``; a year needs a phrase that contains it, and no year
    the rule ``no-year-stated``.
    """
    out = []
    for n, case in enumerate(cases, 1):
        row = case.row
        where = f"{source} row {n} ({case.id})"
        ev = row["evidence"]
        items = [(code, str(row[code]) if row[code] is not None else "", ev[code])
                 for code in ("kind", "instrument", "country", "level", "year")]
        boundary = ev["boundary"]
        if "rule" in boundary and set(boundary) == {"rule"}:
            if row["boundary"]:
                raise CodingError(f"{where}: boundary {row['boundary']} has the rule no-boundary-stated as evidence; "
                                  "give each value its phrase")
            items.append(("boundary", "", boundary))
        else:
            if sorted(boundary) != sorted(row["boundary"]):
                raise CodingError(f"{where}: evidence.boundary has {sorted(boundary)} but boundary is "
                                  f"{sorted(row['boundary'])}; one piece of evidence per value")
            items.extend(("boundary", value, boundary[value]) for value in row["boundary"])
        for code, value, e in items:
            w = f"{where}, evidence of {code}" + (f" {value}" if code == "boundary" else "")
            if code == "year":
                if row["year"] is None and e.get("rule") != "no-year-stated":
                    raise CodingError(f"{w}: no year, so the evidence is the rule no-year-stated")
                if row["year"] is not None and str(row["year"]) not in compact(e.get("phrase", "")):
                    raise CodingError(f"{w}: the phrase must contain the year {row['year']}")
            if "rule" in e:
                out.append(Evidence(case.id, code, value, None, None, e["rule"], None))
                continue
            _, raw = _in_span(corpus, case, e["phrase"], e.get("occurrence"), w)
            out.append(Evidence(case.id, code, value, e["phrase"], e["en"], None, raw))
    return out


def sectors_of(case: Case, relations: list[Relation], actors: dict[str, dict]) -> tuple[list[str], list[str]]:
    """(sectors_named, sectors_stated) of a case, in vocabulary order.

    Named: the named actors its span mentions and those its relations name.
    Stated: the stakeholder groups its relations name, except a group that is
    only the target of ``serves`` (a party the case only serves does not take part).
    """
    named = {actors[m.actor_id]["sector"] for m in case.actor_mentions}
    acting: set[str] = set()
    for r in relations:
        for party, role in ((r.source, "source"), (r.target, "target")):
            a = actors[party]
            if a["type"] != GROUP_TYPE:
                named.add(a["sector"])
            elif not (role == "target" and r.type == "serves"):
                acting.add(party)
    stated = {actors[g]["sector"] for g in acting}
    order = list(vocab.SECTORS)
    return [s for s in order if s in named], [s for s in order if s in stated]


_OUTSIDE = {"private": "government_business", "nonprofit": "government_nonprofit",
            "academia": "government_academia", "community": "government_citizen"}
_JURISDICTIONS = {"subnational_government", "local_government", "tribal_government", GROUP_TYPE}
_RANK = {"national": 0, "supranational": -1, "multinational": -1, "subnational": 1, "local": 2, "tribal": 1}


def crosses(a: dict, b: dict) -> str | None:
    """The boundary a tie between parties ``a`` and ``b`` (actor rows) crosses, or ``None``.

    Two public bodies: cross_border if their countries differ (an international
    body counts as its own place), across_levels if their levels differ,
    across_jurisdictions for two governments of the same level in different
    places, else within_government. A public body and an outside sector:
    government_business, _nonprofit, _academia or _citizen. An international
    body with a government: cross_border. Two parties outside government: None.
    An unnamed group takes the other party's place and, but for
    ``subnational_governments``, its level.

    >>> gov = {"id": "usa_doe", "type": "government_agency", "sector": "government", "country": "USA", "level": "national"}
    >>> crosses(gov, {"id": "companies", "type": "stakeholder_group", "sector": "private"})
    'government_business'
    >>> crosses(gov, {"id": "subnational_governments", "type": "stakeholder_group", "sector": "government", "level": "subnational"})
    'across_levels'
    """
    public = {"government", "international"}
    sa, sb = a["sector"], b["sector"]
    if sa not in public and sb not in public:
        return None
    if sa in public and sb in public:
        if "international" in (sa, sb):
            return "cross_border" if a.get("country") != b.get("country") or sa != sb else "within_government"
        ca, cb = a.get("country"), b.get("country")
        if ca and cb and ca != cb:
            return "cross_border"
        la, lb = a.get("level"), b.get("level")
        grouped = [x for x in (a, b) if x["type"] == GROUP_TYPE and x.get("level") is None]
        if grouped:  # agencies, public_servants: of the other party's level
            return "within_government"
        if la and lb and _RANK.get(la) != _RANK.get(lb):
            return "across_levels"
        if _JURISDICTIONS >= {a["type"], b["type"]} and la != "national" and (
                a["id"] != b["id"] or a["id"] == "subnational_governments"):
            return "across_jurisdictions"  # two state, city or tribal governments of one country
        return "within_government"
    outside = sb if sa in public else sa
    if "international" in (sa, sb):
        return "cross_border"
    return _OUTSIDE.get(outside)


#: The consistency checks: name → what the check says.
CHECKS = {
    "boundary-needs-government": "a boundary within or between governments needs government among the sectors",
    "boundary-needs-sector": "a government–X boundary needs government and X among the sectors",
    "multi-sector-needs-three": "multi_sector needs government and two more sectors",
    "cross-sector-needs-boundary": "a case whose sectors join government and X needs a government–X or "
                                   "multi_sector boundary",
    "country-and-level": "country INT goes with level multinational or several_countries, EUU with supranational",
}


def consistency(rows: list[dict], sectors: dict[str, list[str]], exceptions: list[dict],
                *, source: str = "cases.yaml") -> list[tuple[str, str, str]]:
    """The checks every case passes, unless ``exceptions`` (coding/exceptions.yaml) records why not.

    Returns the excepted failures as (case, check, reason); raises
    :class:`CodingError` listing every failure that has no exception, and every
    exception whose check now passes (it is stale).
    """
    failures: list[tuple[str, str, str]] = []
    for row in rows:
        cid, b, s = row["id"], set(row["boundary"]), set(sectors[row["id"]])
        for value in b & {"within_government", "across_levels", "across_jurisdictions"}:
            if "government" not in s and "international" not in s:
                failures.append((cid, "boundary-needs-government", f"{value} but sectors {sorted(s)}"))
        for sector, value in _OUTSIDE.items():
            if value in b and not {sector, "government"} <= s:
                failures.append((cid, "boundary-needs-sector", f"{value} but sectors {sorted(s)}"))
        if "multi_sector" in b and not ("government" in s and len(s - {"government"}) >= 2):
            failures.append((cid, "multi-sector-needs-three", f"multi_sector but sectors {sorted(s)}"))
        if "government" in s:
            for sector, value in _OUTSIDE.items():
                if sector in s and value not in b and "multi_sector" not in b:
                    failures.append((cid, "cross-sector-needs-boundary", f"sectors {sorted(s)} but no {value}"))
        if (row["country"] == "INT") != (row["level"] in ("multinational", "several_countries")) or \
                (row["country"] == "EUU") != (row["level"] == "supranational"):
            failures.append((cid, "country-and-level", f"country {row['country']}, level {row['level']}"))
    excepted = {(e["case"], e["check"]): e["reason"] for e in exceptions}
    unknown = [e for e in exceptions if e["check"] not in CHECKS]
    open_ = [f for f in failures if (f[0], f[1]) not in excepted]
    stale = [k for k in excepted if k not in {(f[0], f[1]) for f in failures}]
    if unknown:
        raise CodingError(f"coding/exceptions.yaml: unknown check {unknown[0]['check']!r}; one of {', '.join(CHECKS)}")
    if open_ or stale:
        lines = [f"  {cid}: {check} — {detail}" for cid, check, detail in open_]
        lines += [f"  {cid}: {check} — excepted in coding/exceptions.yaml but the check passes now; remove the row"
                  for cid, check in stale]
        raise CodingError(f"{source}: {len(open_) + len(stale)} consistency problem(s):\n" + "\n".join(lines)
                          + "\nFix the codes (or the relations that give the sectors), or record in "
                            "coding/exceptions.yaml why each stands.")
    return [(cid, check, excepted[(cid, check)]) for cid, check, _ in failures]
