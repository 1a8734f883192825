"""Stated ties: which kinds of tie, which boundaries they cross, who brokers, who funds whom.

Small pure functions over the ``relations``, ``actors``, ``funding``, ``amount_parts`` and ``barriers``
tables of :func:`trendlib.load` and the network of stated ties (:func:`trendlib.network.ties`), for
notebooks ``03-collaboration-networks`` and ``07-ties-across-boundaries``.

A tie is a relation the text states (``relations.csv``). Its parties are named actors, or unnamed
stakeholder groups that are parties only within their case (``companies@T2-02``). Analyses of
*collaboration* use the ties between organisations (``within`` false) of the collaboration types
(:data:`trendlib.vocab.COLLABORATION_TYPES`: everything but ``serves``) by default; every function says
which ties it counts.

>>> import pandas as pd
>>> r = pd.DataFrame({"type": ["funds", "serves", "supports"], "within": [False, False, True]})
>>> collaboration(r).type.tolist()
['funds']
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from .. import vocab
from ..network import centrality, tie_projection
from . import finance

__all__ = ["PARTY_BOUNDARIES", "collaboration", "party_labels", "with_parties", "crossing_rows",
           "network_summary", "named_party_measures", "brokers", "funding_flows", "sector_flows",
           "chapter_match"]

#: The boundaries a tie between two parties can cross (computed from their sectors, levels and places);
#: the others (old and new technology, front and back office, competing goals …) are not between parties.
PARTY_BOUNDARIES: tuple[str, ...] = ("within_government", "across_levels", "across_jurisdictions", "cross_border",
                                     "government_business", "government_nonprofit", "government_academia",
                                     "government_citizen")


def collaboration(relations: pd.DataFrame) -> pd.DataFrame:
    """The ties that are collaboration between organisations: not inside one organisation (``within``), and
    not service delivery (``serves``).

    See Also
    --------
    trendlib.vocab.COLLABORATION_TYPES : the types counted.
    """
    within = relations["within"].astype("boolean").fillna(False).astype(bool)
    return relations[~within & relations["type"].isin(vocab.COLLABORATION_TYPES)]


def party_labels(actors: pd.DataFrame, lang: str = "en") -> dict[str, str]:
    """actor_id → display label: ``"en"``, ``"zh"`` or ``"both"`` (``Europol (欧洲刑警组织)``).

    >>> a = pd.DataFrame({"actor_id": ["eu_europol"], "name_en": ["Europol"], "name_zh": ["欧洲刑警组织"]})
    >>> party_labels(a, "both")["eu_europol"]
    'Europol (欧洲刑警组织)'
    """
    if lang not in ("en", "zh", "both"):
        raise ValueError(f"lang must be 'en', 'zh' or 'both', got {lang!r}")
    out = {}
    for row in actors.itertuples(index=False):
        en, zh = row.name_en, row.name_zh
        out[row.actor_id] = {"en": en, "zh": zh, "both": f"{en} ({zh})"}[lang]
    return out


def with_parties(relations: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """``relations`` with each end's English name, Chinese name and sector (``source_en`` … ``target_sector``).

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
            out[f"{end}_{col.removeprefix('name_')}"] = out[end].map(info[col])
    return out


def crossing_rows(relations: pd.DataFrame) -> pd.DataFrame:
    """One row per tie and boundary it crosses (``crosses`` is a set); a tie that crosses none has one row
    with ``boundary`` ``"none"``. Keeps ``relation_id``, ``case_id``, ``trend`` and ``type``.

    >>> r = pd.DataFrame({"relation_id": ["R1", "R2"], "case_id": ["a", "b"], "trend": [3, 4],
    ...                   "type": ["funds", "serves"], "crosses": ["across_levels;cross_border", None]})
    >>> crossing_rows(r)[["relation_id", "boundary"]].values.tolist()
    [['R1', 'across_levels'], ['R1', 'cross_border'], ['R2', 'none']]
    """
    rows = []
    for r in relations.itertuples(index=False):
        values = [] if pd.isna(r.crosses) else str(r.crosses).split(";")
        for b in values or ["none"]:
            rows.append({"relation_id": r.relation_id, "case_id": r.case_id, "trend": r.trend, "type": r.type,
                         "boundary": b})
    return pd.DataFrame(rows, columns=["relation_id", "case_id", "trend", "type", "boundary"])


def network_summary(g: nx.MultiDiGraph) -> pd.DataFrame:
    """The network of stated ties with and without its unnamed groups.

    Returns
    -------
    DataFrame
        One row for ``all parties`` (named actors, and each unnamed group once per case) and one for
        ``named parties only``: ``parties``, ``ties`` (edges, self-ties included), ``pairs`` (distinct
        pairs of parties tied), ``components`` (connected groups of parties, isolated ones included) and
        ``largest`` (parties in the largest).
    """
    named = [n for n, kind in g.nodes(data="kind") if kind == "actor"]
    rows = []
    for label, h in (("all parties", g), ("named parties only", g.subgraph(named))):
        simple = nx.Graph(h.to_undirected())
        simple.remove_edges_from(list(nx.selfloop_edges(simple)))
        parts = list(nx.connected_components(simple))
        rows.append({"network": label, "parties": h.number_of_nodes(), "ties": h.number_of_edges(),
                     "pairs": simple.number_of_edges(), "components": len(parts),
                     "largest": max((len(p) for p in parts), default=0)})
    return pd.DataFrame(rows)


def named_party_measures(g: nx.MultiDiGraph) -> pd.DataFrame:
    """Degree and betweenness of every named party, in the network with its case-scoped groups and in the
    network of named parties alone.

    Returns
    -------
    DataFrame
        ``actor_id``, ``name_en``, ``sector``, ``degree`` and ``betweenness`` (with groups), ``degree_named``
        and ``betweenness_named`` (named parties only); sorted by ``betweenness`` then ``degree``, descending.

    See Also
    --------
    trendlib.network.centrality : the measures, on a projection.
    """
    named = [n for n, kind in g.nodes(data="kind") if kind == "actor"]
    full = centrality(tie_projection(g)).set_index("actor_id")
    alone = centrality(tie_projection(g.subgraph(named))).set_index("actor_id")
    table = full.loc[[n for n in full.index if n in set(named)], ["name_en", "sector", "degree", "betweenness"]]
    table["degree_named"] = alone["degree"].reindex(table.index).fillna(0).astype("int64")
    table["betweenness_named"] = alone["betweenness"].reindex(table.index).fillna(0.0)
    table = table.reset_index().sort_values(["betweenness", "degree", "actor_id"], ascending=[False, False, True],
                                            kind="mergesort")
    return table.reset_index(drop=True)


def brokers(g: nx.MultiDiGraph, a: str = "government", b: str = "private") -> pd.DataFrame:
    """Parties tied to both an ``a``-sector and a ``b``-sector party: those who stand between the two.

    Computed on :func:`trendlib.network.tie_projection` of ``g`` (one link per pair of parties). With
    case-scoped groups, a group brokers only within its case.

    Returns
    -------
    DataFrame
        ``actor_id``, ``name_en``, ``name_zh``, ``kind`` (actor or group), ``sector``, ``n_<a>`` and ``n_<b>``
        (its neighbours in each sector), ``pairs`` (``n_a × n_b``: the a–b pairs it stands between) and
        ``cases``; sorted by ``pairs``, descending.

    Examples
    --------
    >>> from trendlib.network import ties
    >>> a = pd.DataFrame({"actor_id": ["x", "y", "z"], "sector": ["government", "nonprofit", "private"]})
    >>> r = pd.DataFrame({"relation_id": ["R1", "R2"], "case_id": ["T1-01", "T1-01"], "trend": [1, 1],
    ...                   "source": ["x", "y"], "target": ["y", "z"], "type": ["funds", "supports"]})
    >>> brokers(ties(a, r))[["actor_id", "pairs"]].values.tolist()
    [['y', 1]]
    """
    p = tie_projection(g)
    rows = []
    for n in p.nodes:
        sectors = [p.nodes[m].get("sector") for m in p.neighbors(n)]
        na, nb = sectors.count(a), sectors.count(b)
        if na and nb:
            data = p.nodes[n]
            cases = sorted({c for m in p.neighbors(n) for c in p.edges[n, m]["cases"].split(";")})
            rows.append({"actor_id": n, "name_en": data.get("name_en"), "name_zh": data.get("name_zh"),
                         "kind": data.get("kind"), "sector": data.get("sector"), f"n_{a}": na, f"n_{b}": nb,
                         "pairs": na * nb, "cases": ";".join(cases)})
    columns = ["actor_id", "name_en", "name_zh", "kind", "sector", f"n_{a}", f"n_{b}", "pairs", "cases"]
    table = pd.DataFrame(rows, columns=columns)
    table = table.sort_values(["pairs", "actor_id"], ascending=[False, True], kind="mergesort")
    return table.reset_index(drop=True)


def funding_flows(relations: pd.DataFrame, actors: pd.DataFrame, funding: pd.DataFrame,
                  parts: pd.DataFrame) -> pd.DataFrame:
    """Every ``funds`` tie, with the spending its case prints (programme totals and grants, as the sources
    have them: :func:`trendlib.analysis.finance.money_by_kind`).

    The money is the case's, not the tie's: a case with two funding ties shows the same money twice, so
    never sum ``usd`` down this table.

    Returns
    -------
    DataFrame
        ``relation_id``, ``case_id``, ``trend``, ``funder``, ``recipient`` (English names), their sectors,
        ``crosses``, ``phrase_en``, ``line`` and ``usd`` (the case's spending; empty where it prints none).
    """
    ties = with_parties(relations[relations["type"] == "funds"], actors)
    money = finance.money_by_kind(funding, parts)
    money = money[money["kind"].isin(vocab.SPENDING_TYPES)]
    per_case = money.groupby("case_id")["usd"].sum()
    out = ties.assign(usd=ties["case_id"].map(per_case).astype("float64"))
    out = out.rename(columns={"source_en": "funder", "target_en": "recipient", "source_sector": "funder_sector",
                              "target_sector": "recipient_sector"})
    columns = ["relation_id", "case_id", "trend", "funder", "recipient", "funder_sector", "recipient_sector",
               "crosses", "phrase_en", "line", "usd"]
    return out[columns].reset_index(drop=True)


def sector_flows(relations: pd.DataFrame, actors: pd.DataFrame, tie_type: str | None = None) -> pd.DataFrame:
    """Ties from each source sector (rows) to each target sector (columns), optionally of one type.

    >>> a = pd.DataFrame({"actor_id": ["x", "y"], "name_en": ["X", "Y"], "name_zh": ["甲", "乙"],
    ...                   "sector": ["government", "private"]})
    >>> r = pd.DataFrame({"relation_id": ["R1"], "source": ["x"], "target": ["y"], "type": ["funds"]})
    >>> int(sector_flows(r, a, "funds").loc["government", "private"])
    1
    """
    if tie_type is not None and tie_type not in vocab.RELATION_TYPES:
        raise ValueError(f"unknown tie type {tie_type!r}; use {', '.join(vocab.RELATION_TYPES)}")
    r = relations if tie_type is None else relations[relations["type"] == tie_type]
    r = with_parties(r, actors)
    table = pd.crosstab(r["source_sector"], r["target_sector"])
    return table.reindex(index=list(vocab.SECTORS), columns=list(vocab.SECTORS), fill_value=0)


def chapter_match(barriers: pd.DataFrame, relations: pd.DataFrame) -> pd.DataFrame:
    """Per chapter: do the ties of its cases cross the party boundaries its 突破壁垒 list names?

    Only :data:`PARTY_BOUNDARIES` count, on both sides; a tie that crosses several counts once.

    Returns
    -------
    DataFrame
        ``trend``, ``named`` (the list's party boundaries, ``;``-joined), ``ties`` (the chapter's ties that
        cross a party boundary), ``on_list`` (of them, crossing one the list names), ``share``.

    Examples
    --------
    >>> b = pd.DataFrame({"trend": [3], "boundary": ["across_levels;competing_goals"]})
    >>> r = pd.DataFrame({"relation_id": ["R1", "R2"], "case_id": ["a", "a"], "trend": [3, 3], "type": ["funds"] * 2,
    ...                   "crosses": ["across_levels;government_business", "within_government"]})
    >>> chapter_match(b, r)[["named", "ties", "on_list", "share"]].values.tolist()
    [['across_levels', 2, 1, 0.5]]
    """
    rows = []
    crossing = crossing_rows(relations)
    crossing = crossing[crossing["boundary"].isin(PARTY_BOUNDARIES)]
    for trend in sorted({int(x) for x in barriers["trend"]}):
        listed = {v for cell in barriers.loc[barriers["trend"] == trend, "boundary"].dropna()
                  for v in str(cell).split(";")}
        named = [b for b in PARTY_BOUNDARIES if b in listed]
        own = crossing[crossing["trend"] == trend]
        ties = own["relation_id"].nunique()
        on_list = own.loc[own["boundary"].isin(named), "relation_id"].nunique()
        rows.append({"trend": trend, "named": ";".join(named), "ties": ties, "on_list": on_list,
                     "share": round(on_list / ties, 2) if ties else None})
    return pd.DataFrame(rows)
