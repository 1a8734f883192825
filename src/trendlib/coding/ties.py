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

from .. import vocab
from ..errors import CodingError
from ..parse.corpus import Corpus
from ..patterns import compact
from .cases import Case

__all__ = [
    "Relation",
    "Evidence",
    "locate_relations",
    "locate_evidence",
    "sectors_of",
    "crosses",
    "consistency",
    "GROUP_TYPE",
    "PHRASE_MIN",
    "PHRASE_MAX",
]

GROUP_TYPE = "stakeholder_group"
PHRASE_MIN, PHRASE_MAX = 6, 40  # characters of a relation phrase, whitespace removed
UNDIRECTED = {"partners"}
MAYBE_UNDIRECTED = {"shares_data"}
#: The groups that can stand for an organisation's own staff or departments (a tie marked within: true).
WITHIN_GROUPS = {"public_servants", "agencies"}


@dataclass(frozen=True)
class Relation:
    """A coded tie located in its case's span."""

    case_id: str
    trend: int
    source: str
    target: str
    type: str
    directed: bool
    within: bool  # inside one organisation: an employer and its own staff, a government and its departments
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
    span = corpus.flat.text[case.flat_start : case.flat_end]
    found, i = [], span.find(needle)
    while needle and i >= 0:
        found.append(i)
        i = span.find(needle, i + 1)
    if not found:
        raise CodingError(
            f"{where}: phrase {phrase!r} is not in the span of {case.id} (raw lines "
            f"{case.line_start}–{case.line_end}); copy the verbatim words from the case's text"
        )
    if occurrence is None and len(found) > 1:
        raise CodingError(
            f"{where}: phrase {phrase!r} occurs {len(found)} times in the span of {case.id}; "
            "add `occurrence: N` or copy a longer phrase"
        )
    if occurrence is not None and not 1 <= occurrence <= len(found):
        raise CodingError(
            f"{where}: occurrence {occurrence} of {phrase!r}, but the span of {case.id} has "
            f"{len(found)}; give an occurrence from 1 to {len(found)}"
        )
    flat = case.flat_start + found[(occurrence or 1) - 1]
    return flat, corpus.flat.hit(flat, flat + 1).char_start


def expand_ties(row: dict) -> list[dict]:
    """The ties of one case of ``relations.yaml`` as one record per pair of parties.

    A tie row states one phrase and one type, with ``source`` and one or more
    ``targets`` (directed), or two or more ``parties`` (undirected: every pair
    among them; a group listed twice is tied among itself).

    >>> [(t["source"], t["target"], t["directed"]) for t in expand_ties({"case": "T0-02", "ties": [
    ...     {"phrase": "号召技术提供商", "phrase_en": "calls on", "source": "b", "targets": ["c", "d"],
    ...      "type": "coordinates"},
    ...     {"phrase": "共同制定", "phrase_en": "jointly", "parties": ["c", "d", "e"], "type": "partners"}]})]
    [('b', 'c', True), ('b', 'd', True), ('c', 'd', False), ('c', 'e', False), ('d', 'e', False)]
    """
    out = []
    for k, tie in enumerate(row.get("ties", []), 1):
        base = {key: tie.get(key) for key in ("type", "phrase", "phrase_en", "occurrence", "note")}
        base.update(within=bool(tie.get("within", False)), entry=k)
        if "parties" in tie:
            parties = tie["parties"]
            pairs = [(parties[i], parties[j]) for i in range(len(parties)) for j in range(i + 1, len(parties))]
            out.extend({**base, "source": a, "target": b, "directed": False} for a, b in pairs)
        else:
            out.extend({**base, "source": tie["source"], "target": t, "directed": True} for t in tie["targets"])
    return out


def _check_one_type_per_pair(case_id: str, ties: list[dict], where: str) -> None:
    """One type per pair of parties; funds may stand beside one other type (codebook rule R-one-type)."""
    by_pair: dict[frozenset, list[str]] = {}
    for t in ties:
        by_pair.setdefault(frozenset((t["source"], t["target"])), []).append(t["type"])
    for pair, types in by_pair.items():
        others = [t for t in dict.fromkeys(types) if t != "funds"]
        if len(others) > 1:
            names = " and ".join(sorted(pair)) if len(pair) == 2 else f"{next(iter(pair))} among itself"
            raise CodingError(
                f"{where}: {names} are tied as {', '.join(others)}; one type per pair of parties "
                "(the first that applies in the codebook's order), and only funds may stand beside "
                "another"
            )


def _check_entries(row: dict, where: str) -> None:
    """A case's entry: ties or a reason, and each tie directed (source, targets) or not (parties) as its type is."""
    if not row.get("ties") and not row.get("reason"):
        raise CodingError(f"{where}: a case with no ties needs a one-line `reason:` saying why none is stated")
    if row.get("ties") and row.get("reason"):
        raise CodingError(f"{where}: give ties or a reason for having none, not both")
    for k, tie in enumerate(row.get("ties", []), 1):
        w = f"{where}, tie {k}"
        if ("parties" in tie) == ("source" in tie or "targets" in tie):
            raise CodingError(f"{w}: give source and targets (a directed tie) or parties (an undirected one)")
        if ("source" in tie) != ("targets" in tie):
            raise CodingError(f"{w}: a directed tie needs both source and targets")
        directed = "source" in tie
        if tie["type"] in UNDIRECTED and directed:
            raise CodingError(f"{w}: {tie['type']} is never directed; list the parties instead of source and targets")
        if tie["type"] not in UNDIRECTED | MAYBE_UNDIRECTED and not directed:
            raise CodingError(f"{w}: {tie['type']} is always directed; give source and targets instead of parties")


def _check_tie(r: dict, w: str, known: dict, groups: set) -> None:
    """One expanded tie: known parties, no named actor tied to itself, ``within`` only with own staff, and a
    phrase of the right length."""
    for end in ("source", "target"):
        if r[end] not in known:
            close = difflib.get_close_matches(r[end], sorted(known), n=1, cutoff=0.6)
            raise CodingError(
                f"{w}: {r[end]!r} is no actor or stakeholder group of actors.yaml"
                + (f" (did you mean {close[0]!r}?)" if close else "; add the actor or fix the id")
            )
    if r["source"] == r["target"] and r["source"] not in groups:
        raise CodingError(f"{w}: {r['source']!r} is tied to itself; only a stakeholder group may be")
    if r["within"] and not ({r["source"], r["target"]} & WITHIN_GROUPS):
        raise CodingError(
            f"{w}: within: true marks a tie inside one organisation, with its own staff "
            f"({', '.join(sorted(WITHIN_GROUPS))}); {r['source']} and {r['target']} are "
            "two parties: remove within: true, or tie the organisation to its own staff"
        )
    length = len(compact(r["phrase"]))
    if not PHRASE_MIN <= length <= PHRASE_MAX:
        raise CodingError(
            f"{w}: phrase {r['phrase']!r} has {length} characters (whitespace removed); "
            f"copy {PHRASE_MIN}–{PHRASE_MAX} verbatim characters that state the tie"
        )


def locate_relations(
    corpus: Corpus, cases: list[Case], rows: list[dict], actors: list[dict], *, source: str = "relations.yaml"
) -> list[Relation]:
    """Every coded tie, checked: every case coded once, parties known, types and direction right, phrases in
    the span, one row per source, target and type, one type per pair (funds aside).

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
        _check_entries(row, where)
        ties = expand_ties(row)
        keys: set = set()
        for r in ties:
            w = f"{where}, tie {r['entry']}"
            _check_tie(r, w, known, groups)
            a, b = r["source"], r["target"]
            key = (a, b, r["type"]) if r["directed"] else (*sorted((a, b)), r["type"])
            if key in keys:
                raise CodingError(f"{w}: a second {r['type']} tie between {a} and {b}; one tie per pair and type")
            keys.add(key)
        _check_one_type_per_pair(cid, ties, where)
        for r in ties:
            flat, raw = _in_span(corpus, case, r["phrase"], r["occurrence"], f"{where}, tie {r['entry']}")
            a, b = r["source"], r["target"]
            if not r["directed"]:  # an undirected tie is stored with its parties in id order
                a, b = sorted((a, b))
            out.append(
                Relation(
                    cid,
                    case.trend,
                    a,
                    b,
                    r["type"],
                    r["directed"],
                    r["within"],
                    r["phrase"],
                    r["phrase_en"],
                    r["note"],
                    flat,
                    raw,
                )
            )
    missing = [c.id for c in cases if c.id not in seen]
    if missing:
        raise CodingError(
            f"{source}: cases without a coding: {', '.join(missing)}; give each its ties, or a reason for having none"
        )
    return out


def _shared(evidence: dict, e: dict, where: str) -> dict:
    """A code's evidence, or the evidence of the code it names with ``same_as`` (one phrase that justifies
    several codes is written once)."""
    if "same_as" not in e:
        return e
    target = evidence.get(e["same_as"])
    if not isinstance(target, dict) or "same_as" in target or ("rule" in target and "phrase" not in target):
        raise CodingError(
            f"{where}: same_as {e['same_as']!r} must name a code whose evidence is a phrase; "
            "copy the phrase here instead"
        )
    return target


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
        codes = ("kind", "instrument", "country", "level", "year")
        items = [
            (code, str(row[code]) if row[code] is not None else "", _shared(ev, ev[code], f"{where}, {code}"))
            for code in codes
        ]
        boundary = {
            k: _shared(ev, e, f"{where}, boundary {k}") if isinstance(e, dict) else e for k, e in ev["boundary"].items()
        }
        if "rule" in boundary and set(boundary) == {"rule"}:
            if row["boundary"]:
                raise CodingError(
                    f"{where}: boundary {row['boundary']} has the rule no-boundary-stated as evidence; "
                    "give each value its phrase"
                )
            items.append(("boundary", "", boundary))
        else:
            if sorted(boundary) != sorted(row["boundary"]):
                raise CodingError(
                    f"{where}: evidence.boundary has {sorted(boundary)} but boundary is "
                    f"{sorted(row['boundary'])}; one piece of evidence per value"
                )
            items.extend(("boundary", value, boundary[value]) for value in row["boundary"])
        if row.get("initiative"):
            link = row["initiative"]
            items.append(
                (
                    "initiative",
                    link["same_as"],
                    {
                        "phrase": link["phrase"],
                        "en": link["en"],
                        **({"occurrence": link["occurrence"]} if "occurrence" in link else {}),
                    },
                )
            )
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


_OUTSIDE = {
    "private": "government_business",
    "nonprofit": "government_nonprofit",
    "academia": "government_academia",
    "community": "government_citizen",
}
_PUBLIC = {"government", "international"}
_GOVERNMENTS = {"national_government", "subnational_government", "local_government", "tribal_government"}
_RANK = {"supranational": -1, "national": 0, "subnational": 1, "tribal": 1, "local": 2}
#: Case levels whose parties span several countries.
_SEVERAL_COUNTRIES = {"multinational", "several_countries"}


def party(actor: dict, case: dict | None = None) -> dict:
    """A party of a tie as the boundary rules see it: its id, type, sector, level, country and place.

    A named actor is as the gazetteer gives it. An unnamed group of public bodies (agencies, public
    servants) takes the level, country and place of its case, where the case gives them; a group of
    subnational governments is of the subnational level, in the case's country; any other group takes the
    case's country. ``place`` tells two governments of one level apart.

    >>> g = {"id": "agencies", "type": "stakeholder_group", "sector": "government"}
    >>> party(g, {"case_id": "T0-02", "level": "local", "country": "USA", "place_zh": "波士顿"})["level"]
    'local'
    """
    out = {k: actor.get(k) for k in ("id", "type", "sector", "level", "country")}
    out["place"] = actor["id"] if actor.get("type") in _GOVERNMENTS else None
    if actor.get("type") != GROUP_TYPE or case is None:
        return out
    several = case.get("level") in _SEVERAL_COUNTRIES
    out["country"] = "INT" if several else case.get("country")
    if actor["id"] == "subnational_governments":
        out["place"] = f"{actor['id']}@{case['case_id']}"  # several governments: each its own place
    elif actor.get("sector") == "government":
        out["level"] = None if several else case.get("level")
        out["place"] = case.get("place_zh")
    return out


def crosses(a: dict, b: dict, within: bool = False) -> list[str]:
    """Every boundary a tie between parties ``a`` and ``b`` (:func:`party` records) crosses, in
    vocabulary order; none for a tie inside one organisation (``within``).

    * the sector line: a public body and a company, non-profit, university or people
      (government_business, government_nonprofit, government_academia, government_citizen);
    * borders: parties of two countries, or of several (cross_border); an international body and a
      government (cross_border; EU institutions and a body of a member state are across_levels instead);
    * levels: two public bodies of different levels (across_levels);
    * jurisdictions: two governments of one level in different places of one country, or a group of
      subnational governments among itself (across_jurisdictions);
    * within_government: two public bodies of one government and level that are separate organisations.

    >>> gov = {"id": "usa_doe", "type": "government_agency", "sector": "government", "country": "USA",
    ...        "level": "national", "place": None}
    >>> crosses(gov, {"id": "companies", "type": "stakeholder_group", "sector": "private", "country": "GBR"})
    ['cross_border', 'government_business']
    >>> crosses(gov, {**gov, "id": "agencies", "type": "stakeholder_group", "level": "local"})
    ['across_levels']
    >>> crosses(gov, {**gov, "id": "public_servants", "type": "stakeholder_group"}, within=True)
    []
    """
    if within:
        return []
    out: set[str] = set()
    pa, pb = a["sector"] in _PUBLIC, b["sector"] in _PUBLIC
    if pa != pb:
        out.add(_OUTSIDE[b["sector"] if pa else a["sector"]])
    ca, cb = a.get("country"), b.get("country")
    international = [x for x in (a, b) if x["sector"] == "international"]
    if international and pa and pb:
        if len(international) == 2:
            out.add("within_government" if a["id"] == b["id"] else "cross_border")
        else:
            other = b if international[0] is a else a
            eu_level = international[0].get("country") == "EUU" and other.get("country") in vocab.EU_MEMBERS
            out.add("across_levels" if eu_level else "cross_border")
        return [v for v in vocab.BOUNDARIES if v in out]
    if "INT" in (ca, cb) or (ca and cb and ca != cb and "EUU" not in (ca, cb)):
        out.add("cross_border")
    elif pa and pb:
        la, lb = a.get("level"), b.get("level")
        if la in _RANK and lb in _RANK and _RANK[la] != _RANK[lb]:
            out.add("across_levels")
        elif (
            a.get("place")
            and b.get("place")
            and a["place"] != b["place"]
            and la != "national"
            or (a["id"] == b["id"] == "subnational_governments")
        ):
            out.add("across_jurisdictions")
        else:
            out.add("within_government")
    return [v for v in vocab.BOUNDARIES if v in out]


#: The consistency checks: name → what the check says.
CHECKS = {
    "boundary-needs-government": "a boundary within or between governments needs government among the sectors",
    "boundary-needs-sector": "a government–X boundary needs government and X among the sectors",
    "multi-sector-needs-three": "multi_sector needs government and two more sectors",
    "cross-sector-needs-boundary": "a case whose sectors join government and X needs a government–X or "
    "multi_sector boundary",
    "country-and-level": "country INT goes with level multinational or several_countries, EUU with supranational",
}


def consistency(
    rows: list[dict], sectors: dict[str, list[str]], exceptions: list[dict], *, source: str = "cases.yaml"
) -> list[tuple[str, str, str]]:
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
        if (row["country"] == "INT") != (row["level"] in ("multinational", "several_countries")) or (
            row["country"] == "EUU"
        ) != (row["level"] == "supranational"):
            failures.append((cid, "country-and-level", f"country {row['country']}, level {row['level']}"))
    excepted = {(e["case"], e["check"]): e["reason"] for e in exceptions}
    unknown = [e for e in exceptions if e["check"] not in CHECKS]
    open_ = [f for f in failures if (f[0], f[1]) not in excepted]
    stale = [k for k in excepted if k not in {(f[0], f[1]) for f in failures}]
    if unknown:
        raise CodingError(f"coding/exceptions.yaml: unknown check {unknown[0]['check']!r}; one of {', '.join(CHECKS)}")
    if open_ or stale:
        lines = [f"  {cid}: {check} — {detail}" for cid, check, detail in open_]
        lines += [
            f"  {cid}: {check} — excepted in coding/exceptions.yaml but the check passes now; remove the row"
            for cid, check in stale
        ]
        raise CodingError(
            f"{source}: {len(open_) + len(stale)} consistency problem(s):\n"
            + "\n".join(lines)
            + "\nFix the codes (or the relations that give the sectors), or record in "
            "coding/exceptions.yaml why each stands."
        )
    return [(cid, check, excepted[(cid, check)]) for cid, check, _ in failures]
