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
>>> r = pd.DataFrame({"relation_type": ["funds", "serves", "supports"], "within": [False, False, True]})
>>> collaboration(r).relation_type.tolist()
['funds']
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from .. import vocab
from ..network import centrality, tie_projection
from . import finance, uncertainty

__all__ = [
    "PARTY_BOUNDARIES",
    "collaboration",
    "party_labels",
    "with_parties",
    "crossing_rows",
    "pooled_groups",
    "network_summary",
    "types_by_trend",
    "crossings_by_type",
    "named_party_measures",
    "brokers",
    "funding_flows",
    "sector_flows",
    "sectors_with_served",
    "between_organisations",
    "boundaries_named_and_crossed",
    "funding_by_boundary",
    "chapter_match",
]

#: The boundaries a tie between two parties can cross (computed from their sectors, levels and places);
#: the others (old and new technology, front and back office, competing goals …) are not between parties.
PARTY_BOUNDARIES: tuple[str, ...] = (
    "within_government",
    "across_levels",
    "across_jurisdictions",
    "cross_border",
    "government_business",
    "government_nonprofit",
    "government_academia",
    "government_citizen",
)


def collaboration(relations: pd.DataFrame) -> pd.DataFrame:
    """The ties that are collaboration between organisations: not inside one organisation (``within``), and
    not service delivery (``serves``).

    See Also
    --------
    trendlib.vocab.COLLABORATION_TYPES : the types counted.
    """
    within = relations["within"].astype("boolean").fillna(False).astype(bool)
    return relations[~within & relations["relation_type"].isin(vocab.COLLABORATION_TYPES)]


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
    with ``boundary`` ``"none"``. Keeps ``relation_id``, ``case_id``, ``trend`` and ``relation_type``.

    >>> r = pd.DataFrame({"relation_id": ["R1", "R2"], "case_id": ["a", "b"], "trend": [3, 4],
    ...                   "relation_type": ["funds", "serves"], "crosses": ["across_levels;cross_border", None]})
    >>> crossing_rows(r)[["relation_id", "boundary"]].values.tolist()
    [['R1', 'across_levels'], ['R1', 'cross_border'], ['R2', 'none']]
    """
    rows = []
    for r in relations.itertuples(index=False):
        values = [] if pd.isna(r.crosses) else str(r.crosses).split(";")
        for b in values or ["none"]:
            rows.append(
                {
                    "relation_id": r.relation_id,
                    "case_id": r.case_id,
                    "trend": r.trend,
                    "relation_type": r.relation_type,
                    "boundary": b,
                }
            )
    return pd.DataFrame(rows, columns=["relation_id", "case_id", "trend", "relation_type", "boundary"])


def pooled_groups(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``g`` with each unnamed group pooled into one node across all cases, as version 0.1 drew it.

    Kept to show what the pooling did, never for measures: "companies" in one case and "companies" in
    another are different firms, and pooling them joins cases that share no party.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("companies@T1-01", kind="group", group="companies")
    >>> g.add_node("companies@T2-02", kind="group", group="companies")
    >>> sorted(pooled_groups(g))
    ['companies']
    """
    mapping = {n: d["group"] for n, d in g.nodes(data=True) if d.get("kind") == "group"}
    h = nx.relabel_nodes(g, mapping, copy=True)
    for n, d in g.nodes(data=True):  # the group's own name, without the case of whichever node came last
        if n in mapping and "name_en" in d:
            h.nodes[mapping[n]]["name_en"] = d["name_en"].removesuffix(f" ({d.get('case_id')})")
    return h


def network_summary(g: nx.MultiDiGraph) -> pd.DataFrame:
    """The network of stated ties three ways: with each unnamed group one party per case, with named parties
    only, and with the groups pooled across cases (version 0.1's model, for comparison only).

    Returns
    -------
    DataFrame
        One row per network: ``network``, ``parties``, ``ties`` (edges, self-ties included), ``pairs``
        (distinct pairs of parties tied), ``components`` (connected groups of parties, isolated ones
        included), ``largest`` (parties in the largest), ``top_party`` and ``top_betweenness`` (the party
        with the highest betweenness centrality on the simple undirected graph, and its value).

    See Also
    --------
    named_party_measures : degree and betweenness of every named party.
    pooled_groups : the pooled model of the third row.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", kind="actor", name_en="A")
    >>> g.add_node("companies@T1", kind="group", group="companies", name_en="companies (T1)")
    >>> _ = g.add_edge("a", "companies@T1")
    >>> network_summary(g)[["network", "parties", "pairs"]].values.tolist()
    [['case-scoped groups', 2, 1], ['named parties only', 1, 0], ['groups pooled across cases (0.1)', 2, 1]]
    """
    named = [n for n, kind in g.nodes(data="kind") if kind == "actor"]
    rows = []
    for label, h in (
        ("case-scoped groups", g),
        ("named parties only", g.subgraph(named)),
        ("groups pooled across cases (0.1)", pooled_groups(g)),
    ):
        simple = nx.Graph(h.to_undirected())
        simple.remove_edges_from(list(nx.selfloop_edges(simple)))
        parts = list(nx.connected_components(simple))
        between = nx.betweenness_centrality(simple) if simple.number_of_edges() else {}
        top = min(between, key=lambda n: (-between[n], str(n))) if between else None
        rows.append(
            {
                "network": label,
                "parties": h.number_of_nodes(),
                "ties": h.number_of_edges(),
                "pairs": simple.number_of_edges(),
                "components": len(parts),
                "largest": max((len(p) for p in parts), default=0),
                "top_party": None if top is None else h.nodes[top].get("name_en", top),
                "top_betweenness": round(between[top], 4) if top is not None else 0.0,
            }
        )
    return pd.DataFrame(rows)


def types_by_trend(relations: pd.DataFrame) -> pd.DataFrame:
    """Ties per type (rows, in the codebook's order) and trend (columns), with a ``total`` column.

    >>> r = pd.DataFrame({"relation_type": ["funds", "funds", "serves"], "trend": [3, 4, 3]})
    >>> types_by_trend(r).loc["funds"].tolist()
    [1, 1, 2]
    """
    table = pd.crosstab(relations["relation_type"], relations["trend"])
    table = table.reindex(index=[t for t in vocab.RELATION_TYPES if t in table.index], fill_value=0)
    table.columns = [int(c) for c in table.columns]
    table["total"] = table.sum(axis=1)
    table.columns.name = "trend"
    return table


def crossings_by_type(relations: pd.DataFrame) -> pd.DataFrame:
    """Ties per boundary crossed (rows) and type (columns). ``crosses`` is a set, so a tie that crosses two
    boundaries counts in two rows: the cells count tie–boundary pairs, and rows do not add up to ties.

    >>> r = pd.DataFrame({"relation_id": ["R1"], "case_id": ["a"], "trend": [3], "relation_type": ["funds"],
    ...                   "crosses": ["across_levels;government_business"]})
    >>> crossings_by_type(r)["funds"].to_dict()
    {'across_levels': 1, 'government_business': 1}
    """
    rows = crossing_rows(relations)
    table = pd.crosstab(rows["boundary"], rows["relation_type"])
    order = [b for b in vocab.BOUNDARIES if b in table.index] + (["none"] if "none" in table.index else [])
    return table.reindex(index=order, columns=[t for t in vocab.RELATION_TYPES if t in table.columns], fill_value=0)


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
    table = table.reset_index().sort_values(
        ["betweenness", "degree", "actor_id"], ascending=[False, False, True], kind="mergesort"
    )
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
    ...                   "source": ["x", "y"], "target": ["y", "z"], "relation_type": ["funds", "supports"]})
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
            rows.append(
                {
                    "actor_id": n,
                    "name_en": data.get("name_en"),
                    "name_zh": data.get("name_zh"),
                    "kind": data.get("kind"),
                    "sector": data.get("sector"),
                    f"n_{a}": na,
                    f"n_{b}": nb,
                    "pairs": na * nb,
                    "cases": ";".join(cases),
                }
            )
    columns = ["actor_id", "name_en", "name_zh", "kind", "sector", f"n_{a}", f"n_{b}", "pairs", "cases"]
    table = pd.DataFrame(rows, columns=columns)
    table = table.sort_values(["pairs", "actor_id"], ascending=[False, True], kind="mergesort")
    return table.reset_index(drop=True)


def funding_flows(
    relations: pd.DataFrame, actors: pd.DataFrame, funding: pd.DataFrame, parts: pd.DataFrame
) -> pd.DataFrame:
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
    ties = with_parties(relations[relations["relation_type"] == "funds"], actors)
    money = finance.money_by_kind(funding, parts)
    money = money[money["kind"].isin(vocab.SPENDING_TYPES)]
    per_case = money.groupby("case_id")["usd"].sum()
    out = ties.assign(usd=ties["case_id"].map(per_case).astype("float64"))
    out = out.rename(
        columns={
            "source_en": "funder",
            "target_en": "recipient",
            "source_sector": "funder_sector",
            "target_sector": "recipient_sector",
        }
    )
    columns = [
        "relation_id",
        "case_id",
        "trend",
        "funder",
        "recipient",
        "funder_sector",
        "recipient_sector",
        "crosses",
        "phrase_en",
        "line",
        "usd",
    ]
    return out[columns].reset_index(drop=True)


def sector_flows(relations: pd.DataFrame, actors: pd.DataFrame, tie_type: str | None = None) -> pd.DataFrame:
    """Ties from each source sector (rows) to each target sector (columns), optionally of one type.

    >>> a = pd.DataFrame({"actor_id": ["x", "y"], "name_en": ["X", "Y"], "name_zh": ["甲", "乙"],
    ...                   "sector": ["government", "private"]})
    >>> r = pd.DataFrame({"relation_id": ["R1"], "source": ["x"], "target": ["y"], "relation_type": ["funds"]})
    >>> int(sector_flows(r, a, "funds").loc["government", "private"])
    1
    """
    if tie_type is not None and tie_type not in vocab.RELATION_TYPES:
        raise ValueError(f"unknown tie type {tie_type!r}; use {', '.join(vocab.RELATION_TYPES)}")
    r = relations if tie_type is None else relations[relations["relation_type"] == tie_type]
    r = with_parties(r, actors)
    table = pd.crosstab(r["source_sector"], r["target_sector"])
    return table.reindex(index=list(vocab.SECTORS), columns=list(vocab.SECTORS), fill_value=0)


def sectors_with_served(cases: pd.DataFrame, relations: pd.DataFrame, actors: pd.DataFrame) -> pd.Series:
    """Each case's sectors counting every party of its ties, those only served included.

    ``cases.sectors`` follows the codebook: a party that is only served (citizens using a service) adds no
    sector, because it does not act. This measure adds the sectors of all parties of the case's ties, to show
    how much of "government alone" comes from that rule.

    Returns
    -------
    Series
        Indexed like ``cases``: the ``;``-joined sectors, in the vocabulary's order.

    Examples
    --------
    >>> c = pd.DataFrame({"case_id": ["a"], "sectors": ["government"]})
    >>> r = pd.DataFrame({"case_id": ["a"], "source": ["x"], "target": ["citizens"], "relation_type": ["serves"]})
    >>> a = pd.DataFrame({"actor_id": ["x", "citizens"], "sectors": [None, None], "sector": ["government", "community"]})
    >>> sectors_with_served(c, r, a).tolist()
    ['government;community']
    """
    sector = actors.set_index("actor_id")["sector"]
    parties = pd.concat(
        [
            relations[["case_id", "source"]].rename(columns={"source": "party"}),
            relations[["case_id", "target"]].rename(columns={"target": "party"}),
        ]
    )
    by_case = parties.assign(sector=parties["party"].map(sector)).groupby("case_id")["sector"].agg(set)
    order = list(vocab.SECTORS)
    out = []
    for cid, coded in zip(cases["case_id"], cases["sectors"], strict=True):
        have = set() if pd.isna(coded) else set(str(coded).split(";"))
        have |= {x for x in by_case.get(cid, set()) if isinstance(x, str)}
        out.append(";".join(s for s in order if s in have) or None)
    return pd.Series(out, index=cases.index, dtype="string")


def between_organisations(relations: pd.DataFrame) -> pd.DataFrame:
    """The ties between two organisations (``within`` false), of every type, service delivery included.

    >>> r = pd.DataFrame({"relation_type": ["serves", "supports"], "within": [False, True]})
    >>> between_organisations(r).relation_type.tolist()
    ['serves']
    """
    within = relations["within"].astype("boolean").fillna(False).astype(bool)
    return relations[~within]


def boundaries_named_and_crossed(barriers: pd.DataFrame, relations: pd.DataFrame) -> pd.DataFrame:
    """For each boundary a chapter's barriers list names: where it is named, and which ties cross it.

    A tie's ``crosses`` is a set: a tie crossing two boundaries counts for each.

    Returns
    -------
    DataFrame
        One row per boundary named in at least one 突破壁垒 list, in the vocabulary's order: ``boundary``,
        ``between_parties`` (whether a tie between two parties can cross it: :data:`PARTY_BOUNDARIES`),
        ``bullets`` (bullets naming it), ``trends_named`` (the chapters whose list names it, ``;``-joined),
        ``ties`` (ties crossing it, any chapter), ``ties_in_named`` (of them, in a chapter whose list names
        it), ``trends_crossed``, and one column per tie type (ties crossing it, any chapter).

    See Also
    --------
    chapter_match : the same comparison per chapter.

    Examples
    --------
    >>> b = pd.DataFrame({"trend": [3], "boundary": ["across_levels"]})
    >>> r = pd.DataFrame({"relation_id": ["R1", "R2"], "case_id": ["a", "b"], "trend": [3, 4],
    ...                   "relation_type": ["funds", "funds"], "crosses": ["across_levels;cross_border", "across_levels"]})
    >>> row = boundaries_named_and_crossed(b, r).iloc[0]
    >>> row["trends_named"], int(row["ties"]), int(row["ties_in_named"]), row["trends_crossed"]
    ('3', 2, 1, '3;4')
    """
    named = barriers.assign(value=barriers["boundary"].fillna("").str.split(";")).explode("value")
    named = named[named["value"] != ""]
    crossing = crossing_rows(relations)
    rows = []
    for boundary in [b for b in vocab.BOUNDARIES if b in set(named["value"])]:
        where = sorted({int(t) for t in named.loc[named["value"] == boundary, "trend"]})
        ties = crossing[crossing["boundary"] == boundary]
        row = {
            "boundary": boundary,
            "between_parties": boundary in PARTY_BOUNDARIES,
            "bullets": int((named["value"] == boundary).sum()),
            "trends_named": ";".join(map(str, where)),
            "ties": len(ties),
            "ties_in_named": int(ties["trend"].isin(where).sum()),
            "trends_crossed": ";".join(map(str, sorted({int(t) for t in ties["trend"]}))),
        }
        for tie in vocab.RELATION_TYPES:
            row[tie] = int((ties["relation_type"] == tie).sum())
        rows.append(row)
    return pd.DataFrame(rows)


def funding_by_boundary(flows: pd.DataFrame) -> pd.DataFrame:
    """Funding ties per boundary they cross, and the **cases** they come from.

    ``flows`` is :func:`funding_flows`. Money is not added: it belongs to cases, and one case can hold several
    funding ties.

    Returns
    -------
    DataFrame
        Indexed by ``boundary`` (``"none"`` for a tie between two parties outside government on the same
        level): ``funding_ties``, ``cases`` (cases with such a tie) and ``cases_with_money`` (of those cases,
        the ones that print money a government commits to spend); sorted by ``funding_ties``.

    Examples
    --------
    >>> f = pd.DataFrame({"relation_id": ["R1", "R2", "R3"], "case_id": ["a", "a", "b"], "trend": [3, 3, 3],
    ...                   "relation_type": ["funds"] * 3, "crosses": ["across_levels"] * 3, "usd": [5.0, 5.0, None]})
    >>> funding_by_boundary(f).loc["across_levels"].tolist()
    [3, 2, 1]
    """
    rows = crossing_rows(flows.assign(relation_type="funds")).merge(flows[["relation_id", "usd"]], on="relation_id")
    table = rows.groupby("boundary").agg(funding_ties=("relation_id", "nunique"), cases=("case_id", "nunique"))
    with_money = rows[rows["usd"].notna()].groupby("boundary")["case_id"].nunique()
    table["cases_with_money"] = with_money.reindex(table.index).fillna(0).astype("int64")
    return table.sort_values(["funding_ties", "cases"], ascending=False, kind="mergesort")


def chapter_match(barriers: pd.DataFrame, relations: pd.DataFrame, *, seed: int = uncertainty.SEED) -> pd.DataFrame:
    """Per chapter: do the ties of its cases cross the party boundaries its 突破壁垒 list names?

    Only :data:`PARTY_BOUNDARIES` count, on both sides; a tie that crosses several counts once.

    Returns
    -------
    DataFrame
        ``trend``, ``named`` (the list's party boundaries, ``;``-joined), ``ties`` (the chapter's ties that
        cross a party boundary), ``cases`` (the cases they come from), ``on_list`` (of the ties, those crossing
        a boundary the list names), ``share`` with ``ci_low`` and ``ci_high`` (bootstrap 95 % interval, the
        chapter's cases resampled; empty where the list names no party boundary), ``most_crossed`` (the boundary its ties cross most often).

    See Also
    --------
    boundaries_named_and_crossed : the same comparison per boundary.

    Examples
    --------
    >>> b = pd.DataFrame({"trend": [3], "boundary": ["across_levels;competing_goals"]})
    >>> r = pd.DataFrame({"relation_id": ["R1", "R2"], "case_id": ["a", "a"], "trend": [3, 3], "relation_type": ["funds"] * 2,
    ...                   "crosses": ["across_levels;government_business", "within_government"]})
    >>> chapter_match(b, r)[["named", "ties", "on_list", "share"]].values.tolist()
    [['across_levels', 2, 1, 0.5]]
    """
    rows = []
    crossing = crossing_rows(relations)
    crossing = crossing[crossing["boundary"].isin(PARTY_BOUNDARIES)]
    for trend in sorted({int(x) for x in barriers["trend"]}):
        listed = {
            v for cell in barriers.loc[barriers["trend"] == trend, "boundary"].dropna() for v in str(cell).split(";")
        }
        named = [b for b in PARTY_BOUNDARIES if b in listed]
        own = crossing[crossing["trend"] == trend]
        per_tie = own.groupby("relation_id").agg(
            case_id=("case_id", "first"), on_list=("boundary", lambda b, named=named: bool(set(b) & set(named)))
        )
        ties, on_list = len(per_tie), int(per_tie["on_list"].sum())
        # a list that names no party boundary has no share: its chapter cannot match or miss one
        row = {
            "trend": trend,
            "named": ";".join(named),
            "ties": ties,
            "cases": per_tie["case_id"].nunique(),
            "on_list": on_list,
            "share": round(on_list / ties, 2) if ties and named else None,
            "ci_low": None,
            "ci_high": None,
            "most_crossed": own["boundary"].value_counts().sort_index().idxmax() if ties else None,
        }
        if row["share"] is not None:
            interval = uncertainty.shares(
                per_tie.assign(on=per_tie["on_list"].map({True: "yes", False: "no"})),
                "on",
                cluster="case_id",
                order=["yes"],
                seed=seed,
            ).iloc[0]
            row.update(ci_low=interval["ci_low"], ci_high=interval["ci_high"])
        rows.append(row)
    return pd.DataFrame(rows)
