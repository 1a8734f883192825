"""Stage 6 — tables: the parsed report as tidy pandas DataFrames.

One function per table, each taking the parsed stages as plain data and
returning a DataFrame whose columns and types are those the metadata
declares (:mod:`trendlib.metadata`, from which the data dictionary,
``datapackage.json``, is written too). Every row carries the raw-file
line(s) it came from. The link tables (one row per value of a ``;``-joined
column) are built from the tables themselves (:func:`link_table`).
"""

from __future__ import annotations

import pandas as pd

from . import metadata, vocab
from .coding.audit import repeats
from .coding.cases import Case, source_of
from .coding.ties import Evidence, Relation, crosses, party
from .errors import AnchorError, CuratedDataError
from .mentions.actors import ActorMention
from .mentions.quantities import AmountMention, PercentMention
from .parse.corpus import Corpus
from .parse.endnotes import endnotes
from .parse.layout import joiner
from .patterns import compact


def frame(table: str, rows: list[dict]) -> pd.DataFrame:
    """Rows → a DataFrame with the declared columns and types.

    >>> frame("furniture", [{"line": 73, "furniture_kind": "footer", "label": "概要", "page": 3}]).dtypes["page"]
    Int64Dtype()
    """
    dtypes = metadata.dtypes(table)
    df = pd.DataFrame(rows, columns=list(dtypes))
    return df.astype(dtypes)


def _join(values) -> str:
    return ";".join(str(v) for v in values)


def trends_table(c: Corpus) -> pd.DataFrame:
    rows = []
    for t in c.trends:
        paras = c.paragraphs[t.first : t.last + 1]
        rows.append(
            {
                "trend": t.number,
                "title_zh": t.title_zh,
                "title_en": t.title_en,
                "line_start": paras[0].line_start,
                "line_end": paras[-1].line_end,
                "characters": sum(len(compact(p.text)) for p in paras if p.repeats is None),
            }
        )
    return frame("trends", rows)


def paragraphs_table(c: Corpus) -> pd.DataFrame:
    return frame(
        "paragraphs",
        [
            {
                "para_id": i + 1,
                "trend": c.paragraphs[i].trend,
                "section": c.paragraphs[i].section,
                "line_start": p.line_start,
                "line_end": p.line_end,
                "char_start": p.char_start,
                "char_end": p.char_end,
                "box": c.paragraphs[i].box or None,
                "text": p.text,
                "footnotes": _join(c.paragraphs[i].notes),
                "repeats_para_id": None if p.repeats is None else p.repeats + 1,
            }
            for i, p in enumerate(c.paragraphs)
        ],
    )


class Glosses:
    """The curated English glosses of the cases' places (``glosses.yaml``): every place printed has one, and
    every gloss glosses a place that is printed.

    >>> Glosses([{"zh": "波士顿", "en": "Boston"}]).en("波士顿")
    'Boston'
    """

    def __init__(self, rows: list[dict], *, source: str = "glosses.yaml"):
        self.source = source
        self._place = {compact(r["zh"]): (n, r) for n, r in enumerate(rows, 1)}
        self.used: set = set()

    def en(self, zh: str | None) -> str | None:
        """The gloss of the place ``zh`` as a case prints it; an error if it has none."""
        if not zh:
            return None
        hit = self._place.get(compact(zh))
        if hit is None:
            raise CuratedDataError(f"{self.source}: no gloss of the place {zh!r}; add a row with zh {zh!r} and its en")
        self.used.add(compact(zh))
        return hit[1]["en"]

    def check_all_used(self) -> None:
        """Every gloss glosses a place that is printed (a stale gloss is an error)."""
        for key, (n, row) in self._place.items():
            if key not in self.used:
                raise CuratedDataError(
                    f"{self.source} row {n} ({row['zh']}): no case prints this place any more; remove or fix the gloss"
                )


def cases_table(
    c: Corpus,
    cases: list[Case],
    sectors: dict[str, tuple[list[str], list[str]]],
    n_relations: dict[str, int],
    no_relations: dict[str, str],
    glosses: Glosses,
    initiative: dict[str, str],
    authors: dict[int, str],
) -> pd.DataFrame:
    """One row per case: its codes, where it comes from (``source``, with the sidebar's author for a My Take
    case: ``authors``, trend → the author's English name), its initiative, its places and its span."""
    rows = []
    for case in cases:
        r = case.row
        source = source_of(case)
        named, stated = sectors[case.id]
        hit = c.flat.hit(case.flat_start, case.flat_end)
        rows.append(
            {
                "case_id": r["id"],
                "trend": case.trend,
                "section": case.section,
                "title_zh": r["title_zh"],
                "title_en": r["title_en"],
                "kind": r["kind"],
                "instrument": r["instrument"],
                "country": r["country"],
                "place_zh": r["place_zh"],
                "level": r["level"],
                "year": r["year"],
                "sectors_named": _join(named),
                "sectors_stated": _join(stated),
                "sectors": _join(s for s in vocab.SECTORS if s in set(named) | set(stated)),
                "boundary": _join(r["boundary"]),
                "n_actors": len({m.actor_id for m in case.actor_mentions}),
                "n_relations": n_relations.get(case.id, 0),
                "no_relations": no_relations.get(case.id),
                "line_start": case.line_start,
                "line_end": case.line_end,
                "place_en": glosses.en(r["place_zh"]),
                "places": _join(r["places"]) or None,
                "initiative_id": initiative[case.id],
                "case_source": source,
                "source_author": authors.get(case.trend) if source == "my_take" else None,
                "text": c.text_between(hit.char_start, hit.char_end),
            }
        )
    return frame("cases", rows)


def places_table(places: list[dict], cases: list[Case]) -> pd.DataFrame:
    """The jurisdictions of the cases (``places.yaml``), with how many cases each is the place of."""
    n = {p["id"]: sum(p["id"] in case.row["places"] for case in cases) for p in places}
    return frame(
        "places",
        [
            {
                "place_id": p["id"],
                "name_zh": p["name_zh"],
                "name_en": p["name_en"],
                "country": p["country"],
                "level": p["level"],
                "iso": p.get("iso"),
                "n_cases": n[p["id"]],
            }
            for p in sorted(places, key=lambda p: p["id"])
        ],
    )


def split(joined) -> list[str]:
    """The values of a ``;``-joined cell, in order; none for an empty cell.

    Returns
    -------
    list of str
        The values, in the cell's order.

    See Also
    --------
    link_rows : one row per value.

    Examples
    --------
    >>> split("government;private"), split(None), split(pd.NA)
    (['government', 'private'], [], [])
    """
    return [] if pd.isna(joined) or joined == "" else str(joined).split(";")


def link_rows(
    keys: list[tuple], lists: list, value: str, key_names: tuple[str, ...], flags: dict[str, list] | None = None
) -> list[dict]:
    """One row per key and value of its ``;``-joined list, in order; each flag says whether the value is
    also in the row's ``;``-joined list of that flag.

    Parameters
    ----------
    keys : list of tuple
        The primary key of each parent row.
    lists : list
        Each parent row's ``;``-joined cell (empty or missing: no row).
    value : str
        The name of the link table's value column.
    key_names : tuple of str
        The names of the key columns.
    flags : dict, optional
        Flag column → each parent row's ``;``-joined cell to look the value up in.

    Returns
    -------
    list of dict
        Rows with the key columns, ``value`` and the flags.

    See Also
    --------
    link_table : the link table of a declared ``;``-joined column.

    Examples
    --------
    >>> link_rows([("T1-01",), ("T1-02",)], ["government;private", None], "sector", ("case_id",),
    ...           {"named": ["private", None]})
    [{'case_id': 'T1-01', 'sector': 'government', 'named': False}, {'case_id': 'T1-01', 'sector': 'private', 'named': True}]
    """
    flags = flags or {}
    rows = []
    for i, (key, joined) in enumerate(zip(keys, lists, strict=True)):
        others = {flag: set(split(cells[i])) for flag, cells in flags.items()}
        for v in split(joined):
            rows.append(
                {**dict(zip(key_names, key, strict=True)), value: v, **{flag: v in others[flag] for flag in flags}}
            )
    return rows


def link_table(name: str, parent: pd.DataFrame) -> pd.DataFrame:
    """The link table ``name`` (:class:`trendlib.metadata.Link`) of its parent table's ``;``-joined column:
    one row per parent row and value, in the column's order, values typed as the metadata declares.

    Returns
    -------
    DataFrame
        The parent's primary key, the value column, and the link's flags (booleans).

    See Also
    --------
    link_rows : the rows.

    Examples
    --------
    >>> barriers = pd.DataFrame({"trend": [1, 2], "seq": [1, 1], "boundary": ["within_government;across_levels", None]})
    >>> link_table("barrier_boundaries", barriers).values.tolist()
    [[1, 1, 'within_government'], [1, 1, 'across_levels']]
    """
    t = metadata.TABLE[name]
    link = t.link
    key = metadata.TABLE[link.parent].primary_key
    rows = link_rows(
        list(zip(*(parent[k] for k in key), strict=True)),
        list(parent[link.column]),
        link.value,
        key,
        {flag: list(parent[other]) for flag, other in link.flags},
    )
    if t.field(link.value).type == "integer":
        rows = [{**r, link.value: int(r[link.value])} for r in rows]
    return frame(name, rows)


def evidence_table(evidence: list[Evidence], line_of) -> pd.DataFrame:
    """One row per code of a case (per value, for boundary) and what justifies it."""
    return frame(
        "evidence",
        [
            {
                "case_id": e.case_id,
                "code": e.code,
                "coded_value": e.value or None,
                "phrase": e.phrase,
                "phrase_en": e.phrase_en,
                "rule": e.rule,
                "line": None if e.char_start is None else line_of(e.char_start),
            }
            for e in evidence
        ],
    )


def relations_table(
    relations: list[Relation], actors: dict[str, dict], cases: dict[str, dict], line_of
) -> pd.DataFrame:
    """Every coded tie, with every boundary it crosses (:func:`trendlib.coding.ties.crosses`; an unnamed group
    takes its case's level and country, :func:`trendlib.coding.ties.party`)."""

    def crossed(r: Relation) -> str | None:
        case = cases[r.case_id]
        return _join(crosses(party(actors[r.source], case), party(actors[r.target], case), r.within)) or None

    return frame(
        "relations",
        [
            {
                "relation_id": f"R{n:03d}",
                "case_id": r.case_id,
                "trend": r.trend,
                "source": r.source,
                "target": r.target,
                "relation_type": r.type,
                "directed": r.directed,
                "within": r.within,
                "phrase": r.phrase,
                "phrase_en": r.phrase_en,
                "line": line_of(r.char_start),
                "crosses": crossed(r),
                "note": r.note,
            }
            for n, r in enumerate(relations, 1)
        ],
    )


def actors_table(
    actors: list[dict], mentions: list[ActorMention], cases: list[Case], relations: list[Relation]
) -> pd.DataFrame:
    counts: dict[str, int] = {}
    for m in mentions:
        counts[m.actor_id] = counts.get(m.actor_id, 0) + 1
    in_cases: dict[str, set[str]] = {}
    for case in cases:
        for m in case.actor_mentions:
            in_cases.setdefault(m.actor_id, set()).add(case.id)
    ties: dict[str, int] = {}
    for r in relations:
        for end in {r.source, r.target}:
            ties[end] = ties.get(end, 0) + 1
    return frame(
        "actors",
        [
            {
                "actor_id": a["id"],
                "name_zh": a["name_zh"],
                "aliases_zh": _join(a["aliases_zh"]),
                "name_en": a["name_en"],
                "type": a["type"],
                "country": a.get("country"),
                "sector": a["sector"],
                "level": a.get("level"),
                "detected": a.get("detect", True),
                "mentions": counts.get(a["id"], 0),
                "cases": len(in_cases.get(a["id"], ())),
                "relations": ties.get(a["id"], 0),
            }
            for a in sorted(actors, key=lambda a: a["id"])
        ],
    )


def case_actors_table(c: Corpus, cases: list[Case]) -> pd.DataFrame:
    mentions = sorted(
        ((m.flat_start, case.id, m) for case in cases for m in case.actor_mentions), key=lambda x: (x[0], x[1])
    )
    return frame(
        "case_actors",
        [
            {
                "mention_id": f"M{n:03d}",
                "case_id": cid,
                "actor_id": m.actor_id,
                "mention": m.text,
                "line": c.line_of(c.flat.hit(m.flat_start, m.flat_end).char_start),
            }
            for n, (_, cid, m) in enumerate(mentions, 1)
        ],
    )


def funding_table(
    amounts: list[AmountMention],
    case_of: list[Case | None],
    flags: list[str],
    checks: list[dict],
    rates: dict[str, float],
    rate_year: int,
    line_of,
) -> pd.DataFrame:
    """Every monetary amount (:func:`trendlib.mentions.quantities.corpus_amounts`), with its case,
    US dollars, flags and repeats (:mod:`trendlib.coding.audit`), and what the curated check says of it
    (``amounts.yaml``): the printed value is never overwritten, a correction sits beside it."""
    ids = [f"F{n:03d}" for n in range(1, len(amounts) + 1)]
    keys = [
        (k.id, m.amount.value, m.amount.high, m.amount.currency) if k and m.amount.value else None
        for m, k in zip(amounts, case_of, strict=True)
    ]
    rows = []
    for ident, m, case, flag, repeat, check in zip(
        ids, amounts, case_of, flags, repeats(keys, ids), checks, strict=True
    ):
        a = m.amount
        corrected, currency = check.get("value_corrected"), check.get("currency_corrected")
        rows.append(
            {
                "amount_id": ident,
                "trend": m.where.trend,
                "section": m.where.section,
                "case_id": case.id if case else None,
                "line": line_of(m.where.raw),
                "text": a.text,
                "value": a.value,
                "value_high": a.high,
                "currency": a.currency,
                "qualifier": a.qualifier,
                "usd": None if a.value is None else round(a.value * rates[a.currency]),
                "rate_year": rate_year,
                "context": m.where.context,
                "flag": flag or None,
                "repeats": repeat or (None if check["same_as"] is None else ids[check["same_as"]]),
                "part_of": None if check["part_of"] is None else ids[check["part_of"]],
                "chart_unit": m.chart_unit,
                "amount_type": check["amount_type"],
                "period": check.get("period"),
                "period_en": check.get("period_en"),
                "check_status": check["status"],
                "value_corrected": corrected,
                "currency_corrected": currency,
                "usd_corrected": None if corrected is None else round(corrected * rates[currency]),
                "differs_by": _join(check.get("differs_by") or []) or None,
                "source_url": (check.get("source") or {}).get("read_url"),
            }
        )
    return frame("funding", rows)


def amount_checks_table(amount_ids: list[str], checks: list[dict]) -> pd.DataFrame:
    """The source of every amount checked against one (``amounts.yaml``), keyed by amount id: the page read
    (a copy, where the publisher's own page was not in the stored pages) beside the publisher's address."""
    return frame(
        "amount_checks",
        [
            {
                "amount_id": ident,
                "text": check["text"],
                "publisher": check["source"]["publisher"],
                "publisher_url": check["source"].get("publisher_url"),
                "read_url": check["source"]["read_url"],
                "date": check["source"].get("date"),
                "accessed": check["source"]["accessed"],
                "figure": check["source"]["figure"],
                "currency": check["source"]["currency"],
                "differs_note": check.get("differs_note"),
                "note": check.get("note"),
            }
            for ident, check in zip(amount_ids, checks, strict=True)
            if check.get("source")
        ],
    )


def amount_parts_table(amount_ids: list[str], checks: list[dict], rates: dict[str, float]) -> pd.DataFrame:
    """The parts of an amount that mixes kinds of money, as a primary source splits it (``amounts.yaml``
    parts): grant and loan parts, what a programme spends and what it aims to mobilise; a part that is the same
    money as another amount names it in ``also_in``, so no total counts it twice."""
    return frame(
        "amount_parts",
        [
            {
                "amount_id": ident,
                "part": k,
                "amount_type": p["kind"],
                "value": p["value"],
                "currency": p["currency"],
                "usd": round(p["value"] * rates[p["currency"]]),
                "figure": p["figure"],
                "also_in": None if p["also_in"] is None else amount_ids[p["also_in"]],
                "note": p.get("note"),
            }
            for ident, check in zip(amount_ids, checks, strict=True)
            for k, p in enumerate(check["parts"], 1)
        ],
    )


def exchange_rates_table(rows: list[dict]) -> pd.DataFrame:
    """The curated exchange rates (:func:`trendlib.mentions.money.read_rate_rows`), one row per currency and
    year, with each rate's source (``rate_source``)."""
    return frame(
        "exchange_rates",
        [
            {
                "currency": r["currency"],
                "year": r["year"],
                "usd_per_unit": r["usd_per_unit"],
                "rate_source": r["source"],
            }
            for r in rows
        ],
    )


def check_figures(cases: list[Case], t: dict[str, pd.DataFrame], *, source: str = "cases.yaml") -> None:
    """Every curated infographic figure must be a printed amount or percentage of its case."""
    for case in cases:
        for fig in case.row.get("figures", []):
            hits = [
                df
                for df in (t["funding"], t["statistics"])
                if ((df.case_id == case.id) & (df.text.map(compact) == compact(fig))).any()
            ]
            if not hits:
                raise AnchorError(
                    f"{source} ({case.id}): figure {fig!r} is not an amount or percentage "
                    f"printed in a trend {case.trend} infographic; copy it as printed"
                )


def statistics_table(figures: list[PercentMention], curated: list[dict], line_of) -> pd.DataFrame:
    """Every percentage and fraction (:func:`trendlib.mentions.quantities.corpus_percentages`), with what the
    curated reading says of it (``statistics.yaml``, :func:`trendlib.coding.audit.curated_statistics`): its kind, its
    case and an English gloss of its clause."""
    ids = [f"S{n:03d}" for n in range(1, len(figures) + 1)]
    keys = [(compact(m.figure.text), compact(m.where.context or "")) for m in figures]
    marks = repeats(keys, ids, [m.where.context_certain for m in figures])
    return frame(
        "statistics",
        [
            {
                "stat_id": ident,
                "trend": m.where.trend,
                "section": m.where.section,
                "case_id": row.get("case"),
                "line": line_of(m.where.raw),
                "text": m.figure.text,
                "value": round(m.figure.value, 2),
                "unit": m.figure.unit,
                "statistic_kind": row["kind"],
                "kind_phrase": row["kind_phrase"],
                "kind_phrase_en": row["kind_phrase_en"],
                "context": m.where.context,
                "context_en": row["context_en"],
                "in_infographic": m.where.section == "data",
                "context_certain": m.where.context_certain,
                "repeats": repeat,
            }
            for ident, m, row, repeat in zip(ids, figures, curated, marks, strict=True)
        ],
    )


def span_text(c: Corpus, hit) -> str:
    """The reflowed text of a located span (:class:`~trendlib.parse.anchors.Hit`), its paragraphs
    joined as wrapped lines are (a paragraph break inside the span adds nothing)."""
    text = ""
    for i in range(hit.para_start, hit.para_end + 1):
        p = c.paragraphs[i]
        piece = "".join(
            ch for ch, off in zip(p.text, p.offsets, strict=True) if hit.char_start <= off < hit.char_end
        ).strip()
        if piece:
            text += (joiner(text[-2:], piece, dehyphenate=False)[0] if text else "") + piece
    return text


def barriers_table(c: Corpus, rows: list[dict], *, source: str = "barriers.yaml") -> pd.DataFrame:
    """Curated sides and boundaries for every bullet of every barriers list.

    The bullets themselves are found in the text (paragraphs starting with • in
    a barriers section); each must have exactly one curated row, whose ``anchor``
    (the bullet's first words) and ``end`` (its last words) give the bullet's
    whole text wherever the extraction breaks its lines; each curated row must
    anchor in a bullet.
    """
    bullets = {i for i, p in enumerate(c.paragraphs) if p.section == "barriers" and p.text.startswith("•")}
    seen: dict[int, int] = {}
    out = []
    for n, row in enumerate(rows, 1):
        where = f"{source} row {n} (trend {row['trend']}, seq {row['seq']})"
        start = c.flat.find_once(row["anchor"], where=where)
        if start.para_start not in bullets:
            raise AnchorError(
                f"{where}: anchor {row['anchor']!r} is not in a bullet of a barriers list "
                f"(line {c.line_of(start.char_start)}); copy the first words of the bullet"
            )
        last = c.flat.find_after(row["end"], start.flat_start, where=where)
        hit = c.flat.hit(start.flat_start, last.flat_end)
        if hit.para_start in seen:
            raise AnchorError(
                f"{where}: same bullet as row {seen[hit.para_start]}; copy the first and last words "
                "of another bullet, or remove one of the two rows"
            )
        if any(i in bullets for i in range(hit.para_start + 1, hit.para_end + 1)):
            raise AnchorError(f"{where}: end {row['end']!r} lies in a later bullet; copy this bullet's last words")
        seen[hit.para_start] = n
        text = span_text(c, hit)
        if row["side_b"] and not row.get("side_b_en"):
            raise CuratedDataError(f"{where}: side_b {row['side_b']!r} has no English; add side_b_en beside it")
        out.append(
            {
                "trend": row["trend"],
                "seq": row["seq"],
                "side_a": row["side_a"],
                "side_b": row["side_b"],
                "boundary": _join(row["boundary"]),
                "text": text,
                "line": c.paragraphs[hit.para_start].line_start,
                "side_a_en": row["side_a_en"],
                "side_b_en": row.get("side_b_en") if row["side_b"] else None,
                "text_en": row["text_en"],
            }
        )
    missing = sorted(bullets - set(seen))
    if missing:
        lines = ", ".join(str(c.paragraphs[i].line_start) for i in missing)
        raise AnchorError(f"{source}: barrier bullets at lines {lines} have no curated row; add one per bullet")
    return frame("barriers", out)


def my_takes_table(c: Corpus, boxes: list[dict], *, source: str = "boxes.yaml") -> pd.DataFrame:
    rows = []
    for n, box in enumerate(boxes, 1):
        if box["kind"] != "my_take":
            continue
        where = f"{source} row {n} ({box['title_zh']})"
        hit = c.flat.span(box["start"], box["end"], where=where, occurrence=box.get("occurrence"))
        block = c.flat.text[hit.flat_start : hit.flat_end]
        for field in ("person", "role", "organization"):
            if field not in box or compact(box[field]) not in block:
                raise AnchorError(
                    f"{where}: {field} {box.get(field)!r} is not printed in the sidebar; copy it as "
                    "the sidebar prints it"
                )
        missing = [f"{f}_en" for f in ("title", "person", "role", "organization") if not box.get(f"{f}_en")]
        if missing:
            raise CuratedDataError(f"{where}: a My Take needs its English beside the Chinese; add {', '.join(missing)}")
        trend = c.paragraphs[hit.para_start].trend
        rows.append(
            {
                "trend": trend,
                "person": box["person"],
                "position": box["role"],
                "organization": box["organization"],
                "title_zh": box["title_zh"],
                "line": c.line_of(hit.char_start),
                "line_end": c.line_of(hit.char_end - 1),
                "person_en": box["person_en"],
                "position_en": box["role_en"],
                "organization_en": box["organization_en"],
                "title_en": box["title_en"],
            }
        )
    return frame("my_takes", rows)


def endnotes_table(c: Corpus) -> pd.DataFrame:
    """The English endnotes, numbered in sequence; Ibid. resolved (:mod:`trendlib.parse.endnotes`)."""
    return frame(
        "endnotes",
        [
            {
                "trend": n.trend,
                "number": n.number,
                "text": n.text,
                "printed": n.printed,
                "ibid_of": n.ibid_of,
                "year": n.year,
                "line": n.line,
            }
            for n in endnotes(c)
        ],
    )


def adjudication_table(
    rows: list[dict], case_ids: set[str], rules: set[str], *, source: str = "coding/adjudication.yaml"
) -> pd.DataFrame:
    """The adjudication log, one row per decision; every case must exist and every rule be in the codebook."""

    def text(value):
        if value is None:
            return None
        return "; ".join(map(str, value)) if isinstance(value, list) else str(value)

    out = []
    for n, row in enumerate(rows, 1):
        if row["case"] not in case_ids:
            raise CuratedDataError(f"{source} row {n}: no case {row['case']!r} in cases.yaml; fix the id")
        rule = row.get("codebook_changed")
        if rule is not None and rule not in rules:
            raise CuratedDataError(
                f"{source} row {n} ({row['case']}): codebook rule {rule!r} is not among the changes "
                f"of coding/codebook.yaml ({', '.join(sorted(rules))}); fix it or add the rule there"
            )
        out.append(
            {
                "decision_id": f"A{n:03d}",
                "round": row.get("round", None if row.get("found_by") else 1),
                "case_id": row["case"],
                "item": row["item"],
                "coded_value": text(row["value"]),
                "first": text(row.get("first")),
                "second": text(row.get("second")),
                "decision": row["decision"],
                "reason": row["reason"],
                "codebook_changed": rule,
                "found_by": row.get("found_by"),
            }
        )
    return frame("adjudication", out)


def reliability_table(rows: list[dict]) -> pd.DataFrame:
    """Agreement per round and field (:func:`trendlib.coding.reliability.compare`)."""
    return frame("reliability", rows)


def furniture_table(c: Corpus) -> pd.DataFrame:
    return frame(
        "furniture", [{"line": f.line, "furniture_kind": f.kind, "label": f.label, "page": f.page} for f in c.furniture]
    )
