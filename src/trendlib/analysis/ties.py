"""Stated ties: which kinds of tie, who brokers, who funds whom, which boundaries they cross.

Small pure functions over the ``relations``, ``actors``, ``funding`` and
``barriers`` tables of :func:`trendlib.load` and the network of stated ties
(:func:`trendlib.network.ties`), for notebooks ``03-collaboration-networks``
and ``07-ties-across-boundaries``.  A tie is a relation the text states
(``relations.csv``): someone funds, partners with, shares data with,
contracts, regulates, coordinates, supports, serves or sends staff to
someone else.  Parties are named actors and the eight stakeholder groups
(``companies``, ``citizens`` …), so a tie with an unnamed company counts.

>>> import pandas as pd
>>> r = pd.DataFrame({"type": ["funds", "funds", "serves"], "trend": [3, 3, 4]})
>>> types_by_trend(r).loc["funds"].tolist()
[2, 0, 2]
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
import pandas as pd

from .. import vocab
from ..network import tie_projection
from . import finance
from .summaries import bilingual, crosstab, split_list

__all__ = [
    "party_labels",
    "with_parties",
    "types_by_trend",
    "crossings_by_type",
    "brokers",
    "funding_flows",
    "sector_flows",
    "boundaries_named_and_crossed",
    "PARTY_BOUNDARIES",
    "chapter_match",
]

#: The boundaries a tie between two parties can cross (computed from their sectors, levels and places);
#: the others (old and new technology, front and back office, competing goals …) are not between parties.
PARTY_BOUNDARIES: tuple[str, ...] = ("within_government", "across_levels", "across_jurisdictions", "cross_border",
                                     "government_business", "government_nonprofit", "government_academia",
                                     "government_citizen")


def party_labels(actors: pd.DataFrame, lang: str = "both") -> dict[str, str]:
    """actor_id → display label: ``"en"``, ``"zh"`` or ``"both"`` (``Europol (欧洲刑警组织)``).

    A stakeholder group's English name says it is unnamed (``companies (unnamed)``).

    >>> a = pd.DataFrame({"actor_id": ["eu_europol"], "name_en": ["Europol"], "name_zh": ["欧洲刑警组织"]})
    >>> party_labels(a)["eu_europol"], party_labels(a, "en")["eu_europol"]
    ('Europol (欧洲刑警组织)', 'Europol')
    """
    if lang not in ("en", "zh", "both"):
        raise ValueError(f"lang must be 'en', 'zh' or 'both', got {lang!r}")
    out = {}
    for row in actors.itertuples(index=False):
        en, zh = row.name_en, row.name_zh
        out[row.actor_id] = {"en": en, "zh": zh, "both": bilingual(en, zh)}[lang]
    return out


def with_parties(relations: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """``relations`` with each end's English name, Chinese name and sector.

    Adds ``source_en``, ``source_zh``, ``source_sector``, ``target_en``,
    ``target_zh`` and ``target_sector``; row order is kept.

    >>> a = pd.DataFrame({"actor_id": ["x", "companies"], "name_en": ["X", "companies (unnamed)"],
    ...                   "name_zh": ["某部", "企业"], "sector": ["government", "private"]})
    >>> r = pd.DataFrame({"relation_id": ["R1"], "source": ["x"], "target": ["companies"]})
    >>> with_parties(r, a)[["source_en", "target_sector"]].values.tolist()
    [['X', 'private']]
    """
    info = actors.set_index("actor_id")[["name_en", "name_zh", "sector"]]
    out = relations.copy()
    for end in ("source", "target"):
        for col in ("name_en", "name_zh", "sector"):
            name = f"{end}_{col.removeprefix('name_')}"
            out[name] = out[end].map(info[col])
    return out


def types_by_trend(relations: pd.DataFrame) -> pd.DataFrame:
    """Ties per type (rows, in vocabulary order) and trend (columns), with a ``total`` column.

    >>> r = pd.DataFrame({"type": ["serves", "funds"], "trend": [1, 2]})
    >>> types_by_trend(r).columns.tolist()
    [1, 2, 'total']
    """
    table = crosstab(relations, "type", "trend", index_order=vocab.RELATION_TYPES)
    table["total"] = table.sum(axis=1)
    return table.sort_values("total", ascending=False, kind="mergesort")


def crossings_by_type(relations: pd.DataFrame) -> pd.DataFrame:
    """Ties per boundary crossed (rows, vocabulary order; ``none`` for a tie that crosses none) and type.

    >>> r = pd.DataFrame({"type": ["funds", "serves"], "crosses": ["government_business", None]})
    >>> crossings_by_type(r).index.tolist()
    ['government_business', 'none']
    """
    r = relations.assign(crosses=relations["crosses"].astype("object").where(relations["crosses"].notna(), "none"))
    return crosstab(r, "crosses", "type", index_order=[*vocab.BOUNDARIES, "none"],
                    columns_order=vocab.RELATION_TYPES)


def brokers(g: nx.MultiDiGraph, a: str = "government", b: str = "private") -> pd.DataFrame:
    """Parties tied to both an ``a``-sector and a ``b``-sector party: the brokers between the two.

    Computed on :func:`trendlib.network.tie_projection` (one edge per pair of
    parties, self-ties of a group dropped).  Columns: ``actor_id``,
    ``name_en``, ``name_zh``, ``kind`` (actor or group), ``sector``,
    ``degree`` (distinct parties tied to it), ``n_<a>`` and ``n_<b>`` (of
    them, in each sector), ``pairs`` (``n_a × n_b``: the a–b pairs it
    stands between), ``betweenness`` (normalised, on the projection) and
    ``cases``.  Sorted by ``pairs``, then ``betweenness``, descending.

    >>> import pandas as pd
    >>> from trendlib.network import ties
    >>> a = pd.DataFrame({"actor_id": ["x", "y", "z"], "sector": ["government", "nonprofit", "private"]})
    >>> r = pd.DataFrame({"relation_id": ["R1", "R2"], "case_id": ["T1-01", "T1-01"], "trend": [1, 1],
    ...                   "source": ["x", "y"], "target": ["y", "z"], "type": ["funds", "supports"]})
    >>> brokers(ties(a, r))[["actor_id", "pairs"]].values.tolist()
    [['y', 1]]
    """
    p = tie_projection(g)
    between = nx.betweenness_centrality(p, normalized=True)
    rows = []
    for n in p.nodes:
        sectors = [p.nodes[m].get("sector") for m in p.neighbors(n)]
        na, nb = sectors.count(a), sectors.count(b)
        if na and nb:
            data = p.nodes[n]
            cases = sorted({c for m in p.neighbors(n) for c in p.edges[n, m]["cases"].split(";")})
            rows.append({"actor_id": n, "name_en": data.get("name_en"), "name_zh": data.get("name_zh"),
                         "kind": data.get("kind"), "sector": data.get("sector"), "degree": p.degree(n),
                         f"n_{a}": na, f"n_{b}": nb, "pairs": na * nb,
                         "betweenness": round(between[n], 4), "cases": ";".join(cases)})
    columns = ["actor_id", "name_en", "name_zh", "kind", "sector", "degree", f"n_{a}", f"n_{b}", "pairs",
               "betweenness", "cases"]
    table = pd.DataFrame(rows, columns=columns)
    table = table.sort_values(["pairs", "betweenness", "actor_id"], ascending=[False, False, True], kind="mergesort")
    return table.reset_index(drop=True)


def funding_flows(relations: pd.DataFrame, actors: pd.DataFrame, funding: pd.DataFrame,
                  types: Iterable[str] | None = finance.HEADLINE_TYPES) -> pd.DataFrame:
    """Every ``funds`` tie, with the money its case prints.

    The amounts are the case's, not the tie's: a case with two funding ties
    shows the same amounts twice, so never sum ``usd_*`` down this table
    (:func:`sector_flows` counts ties, not money).  Amounts are those that
    :func:`trendlib.analysis.finance.totals` would add: second mentions and
    parts dropped, only ``types``.  Columns: ``relation_id``, ``case_id``,
    ``trend``, ``funder``, ``recipient`` (English names), their sectors,
    ``crosses``, ``phrase_en``, ``line``, ``amounts`` (the printed texts, ``;``-joined),
    ``usd_printed``, ``usd_corrected``.

    >>> a = pd.DataFrame({"actor_id": ["x", "companies"], "name_en": ["X", "companies (unnamed)"],
    ...                   "name_zh": ["某部", "企业"], "sector": ["government", "private"]})
    >>> r = pd.DataFrame({"relation_id": ["R1"], "case_id": ["T3-01"], "trend": [3], "source": ["x"],
    ...                   "target": ["companies"], "type": ["funds"], "phrase_en": ["grants"], "line": [10],
    ...                   "crosses": ["government_business"]})
    >>> f = pd.DataFrame({"amount_id": ["F1"], "case_id": ["T3-01"], "text": ["1亿美元"], "usd": [1e8],
    ...                   "usd_corrected": [None], "amount_type": ["grant_or_award"], "status": ["confirmed"],
    ...                   "repeats": [None], "part_of": [None]})
    >>> funding_flows(r, a, f)[["funder", "recipient", "amounts", "usd_printed"]].values.tolist()
    [['X', 'companies (unnamed)', '1亿美元', 100000000.0]]
    """
    ties = with_parties(relations[relations["type"] == "funds"], actors)
    money = finance.countable(funding)
    if types is not None:
        money = money[money["amount_type"].isin(tuple(types))]
    money = money.assign(usd_best=finance.best_usd(money))
    per_case = money.groupby("case_id").agg(
        amounts=("text", lambda s: ";".join(s)), usd_printed=("usd", "sum"), usd_corrected=("usd_best", "sum"))
    out = ties.merge(per_case, left_on="case_id", right_index=True, how="left")
    out = out.rename(columns={"source_en": "funder", "target_en": "recipient",
                              "source_sector": "funder_sector", "target_sector": "recipient_sector"})
    out["amounts"] = out["amounts"].fillna("")
    for col in ("usd_printed", "usd_corrected"):
        out[col] = out[col].astype("float64")
    columns = ["relation_id", "case_id", "trend", "funder", "recipient", "funder_sector", "recipient_sector",
               "crosses", "phrase_en", "line", "amounts", "usd_printed", "usd_corrected"]
    return out[columns].reset_index(drop=True)


def sector_flows(relations: pd.DataFrame, actors: pd.DataFrame, tie_type: str | None = None) -> pd.DataFrame:
    """Ties from each source sector (rows) to each target sector (columns), optionally of one type.

    >>> a = pd.DataFrame({"actor_id": ["x", "y"], "name_en": ["X", "Y"], "name_zh": ["甲", "乙"],
    ...                   "sector": ["government", "private"]})
    >>> r = pd.DataFrame({"relation_id": ["R1"], "source": ["x"], "target": ["y"], "type": ["funds"]})
    >>> int(sector_flows(r, a, "funds").loc["government", "private"])
    1
    """
    r = relations if tie_type is None else relations[relations["type"] == tie_type]
    if tie_type is not None and tie_type not in vocab.RELATION_TYPES:
        raise ValueError(f"unknown tie type {tie_type!r}; use {', '.join(vocab.RELATION_TYPES)}")
    r = with_parties(r, actors)
    return crosstab(r, "source_sector", "target_sector", index_order=vocab.SECTORS,
                    columns_order=vocab.SECTORS)


def boundaries_named_and_crossed(barriers: pd.DataFrame, relations: pd.DataFrame) -> pd.DataFrame:
    """For each boundary a chapter's barriers list names: where it is named, and which ties cross it.

    One row per boundary named in at least one 突破壁垒 list (vocabulary
    order).  Columns: ``bullets`` (bullets naming it), ``trends_named``
    (the chapters whose list names it), ``ties`` (ties crossing it, any
    chapter), ``ties_in_named`` (of them, in a chapter whose list names it),
    ``trends_crossed`` (chapters with a tie crossing it), and one column
    per tie type (ties crossing it, any chapter).

    >>> b = pd.DataFrame({"trend": [3], "boundary": ["across_levels"]})
    >>> r = pd.DataFrame({"trend": [3, 4], "type": ["funds", "funds"], "crosses": ["across_levels", "across_levels"]})
    >>> row = boundaries_named_and_crossed(b, r).iloc[0]
    >>> row["trends_named"], int(row["ties"]), int(row["ties_in_named"]), row["trends_crossed"]
    ('3', 2, 1, '3;4')
    """
    named = barriers.loc[split_list(barriers["boundary"]).index].assign(
        value=split_list(barriers["boundary"]).to_numpy())
    rows = []
    for boundary in [b for b in vocab.BOUNDARIES if b in set(named["value"])]:
        where = sorted({int(t) for t in named.loc[named["value"] == boundary, "trend"]})
        crossing = relations[relations["crosses"] == boundary]
        row = {"boundary": boundary, "bullets": int((named["value"] == boundary).sum()),
               "trends_named": ";".join(map(str, where)), "ties": len(crossing),
               "ties_in_named": int(crossing["trend"].isin(where).sum()),
               "trends_crossed": ";".join(map(str, sorted({int(t) for t in crossing["trend"]})))}
        for tie in vocab.RELATION_TYPES:
            row[tie] = int((crossing["type"] == tie).sum())
        rows.append(row)
    return pd.DataFrame(rows)


def chapter_match(barriers: pd.DataFrame, relations: pd.DataFrame) -> pd.DataFrame:
    """Per chapter: do the ties of its cases cross the party boundaries its 突破壁垒 list names?

    Only :data:`PARTY_BOUNDARIES` count, on both sides. Columns: ``trend``,
    ``named`` (the list's party boundaries, ``;``-joined), ``ties`` (the
    chapter's ties that cross a party boundary), ``on_list`` (of them,
    crossing one the list names), ``share`` (on_list / ties, rounded to
    0.01) and ``most_crossed`` (the boundary its ties cross most often).

    >>> b = pd.DataFrame({"trend": [3], "boundary": ["across_levels;competing_goals"]})
    >>> r = pd.DataFrame({"trend": [3, 3], "crosses": ["across_levels", "within_government"]})
    >>> chapter_match(b, r)[["named", "ties", "on_list", "share"]].values.tolist()
    [['across_levels', 2, 1, 0.5]]
    """
    rows = []
    crossing = relations[relations["crosses"].isin(PARTY_BOUNDARIES)]
    for trend in sorted({int(x) for x in barriers["trend"]}):
        listed = set(split_list(barriers.loc[barriers["trend"] == trend, "boundary"]))
        named = [b for b in PARTY_BOUNDARIES if b in listed]
        own = crossing[crossing["trend"] == trend]
        on_list = int(own["crosses"].isin(named).sum())
        counts = own["crosses"].value_counts()
        top = sorted(counts.index, key=lambda b: (-counts[b], PARTY_BOUNDARIES.index(b)))[:1]
        rows.append({"trend": trend, "named": ";".join(named), "ties": len(own), "on_list": on_list,
                     "share": round(on_list / len(own), 2) if len(own) else None,
                     "most_crossed": top[0] if top else None})
    return pd.DataFrame(rows)
