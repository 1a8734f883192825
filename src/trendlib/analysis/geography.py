"""Where the report's cases are set: countries, levels and places, counted by case or by initiative, with and
without the cases that come from practitioners' sidebars and infographic lists.

Small pure functions over the ``cases``, ``places`` and ``case_places`` tables of :func:`trendlib.load`, for
notebook ``06-geography-and-levels``.

Two choices change a ranking, and every function makes them explicit:

* **the unit**: a *case* is a passage the report tells as one example; an *initiative* is one programme, which
  the report may tell twice (Boston's New Urban Mechanics in the front matter and in trend 2:
  ``cases.initiative_id``). :func:`initiatives` gives one row per initiative;
* **the selection**: 14 cases come from My Take sidebars written by practitioners, 11 from infographic lists
  (a dozen countries' regulatory sandboxes in one case). :data:`SELECTIONS` names the two selections every
  ranking is shown under.

>>> import pandas as pd
>>> c = pd.DataFrame({"case_id": ["T0-02", "T2-08", "T1-01"], "trend": [0, 2, 1], "country": ["USA"] * 3,
...                   "level": ["local", "local", "national"], "initiative_id": ["boston_monum", "boston_monum", None],
...                   "case_source": ["body", "body", "my_take"]})
>>> initiatives(c)[["initiative", "cases", "trends"]].values.tolist()
[['boston_monum', 'T0-02;T2-08', '0;2'], ['T1-01', 'T1-01', '1']]
>>> len(select(c, "main text"))
2
"""

from __future__ import annotations

import pandas as pd

from .. import vocab

__all__ = ["SELECTIONS", "select", "with_initiative", "initiatives", "leaders_by_selection", "places_below"]

#: The selections every ranking is shown under: all cases, and the cases of the report's main text (its body
#: and boxes), without practitioners' My Take sidebars and infographic lists.
SELECTIONS: dict[str, tuple[str, ...]] = {
    "all cases": tuple(vocab.CASE_SOURCES),
    "main text": ("body", "box"),
}


def select(cases: pd.DataFrame, selection: str) -> pd.DataFrame:
    """The cases of one of :data:`SELECTIONS`."""
    if selection not in SELECTIONS:
        raise ValueError(f"unknown selection {selection!r}; use one of {', '.join(SELECTIONS)}")
    return cases[cases["case_source"].isin(SELECTIONS[selection])]


def with_initiative(cases: pd.DataFrame) -> pd.DataFrame:
    """``cases`` with ``initiative``: its ``initiative_id``, or the case's own id where it has none.

    >>> c = pd.DataFrame({"case_id": ["a", "b"], "initiative_id": ["x", None]})
    >>> with_initiative(c).initiative.tolist()
    ['x', 'b']
    """
    return cases.assign(initiative=cases["initiative_id"].astype("string").fillna(cases["case_id"]))


def initiatives(cases: pd.DataFrame) -> pd.DataFrame:
    """One row per initiative: ``initiative``, ``country`` and ``level`` (of its first case), ``cases`` and
    ``trends`` (``;``-joined) and ``sources``.

    The cases of one initiative share its country (the build checks it), so counting initiatives by country
    counts each programme once.
    """
    rows = []
    for key, g in with_initiative(cases).sort_values("case_id").groupby("initiative", sort=True):
        rows.append(
            {
                "initiative": key,
                "country": g["country"].iloc[0],
                "level": g["level"].iloc[0],
                "cases": ";".join(g["case_id"]),
                "trends": ";".join(sorted({str(int(x)) for x in g["trend"]})),
                "sources": ";".join(sorted(set(g["case_source"]))),
            }
        )
    out = pd.DataFrame(rows, columns=["initiative", "country", "level", "cases", "trends", "sources"])
    return out.sort_values(["cases"], kind="mergesort").reset_index(drop=True)


def leaders_by_selection(cases: pd.DataFrame, by: str = "country") -> pd.DataFrame:
    """Per trend, the value of ``by`` with most cases (ties joined by ``/``), under each of :data:`SELECTIONS`.

    Returns
    -------
    DataFrame
        ``trend``; for each selection ``<selection>: leader``, ``<selection>: cases`` (the leader's) and
        ``<selection>: of`` (the trend's cases); ``changed``: whether the leader differs.

    Examples
    --------
    >>> c = pd.DataFrame({"trend": [3] * 4, "country": ["GBR", "GBR", "AUS", "AUS"],
    ...                   "case_source": ["my_take", "body", "body", "body"]})
    >>> leaders_by_selection(c).values.tolist()
    [[3, 'AUS/GBR', 2, 4, 'AUS', 2, 3, True]]
    """
    rows = []
    for trend in sorted({int(x) for x in cases["trend"]}):
        row = {"trend": trend}
        for name in SELECTIONS:
            sub = select(cases, name)
            counts = sub[sub["trend"].astype(int) == trend][by].dropna().value_counts()
            top = sorted(counts[counts == counts.max()].index) if len(counts) else []
            row.update(
                {
                    f"{name}: leader": "/".join(map(str, top)),
                    f"{name}: cases": int(counts.max()) if len(counts) else 0,
                    f"{name}: of": int(counts.sum()),
                }
            )
        row["changed"] = row["all cases: leader"] != row["main text: leader"]
        rows.append(row)
    return pd.DataFrame(rows)


def places_below(
    places: pd.DataFrame, case_places: pd.DataFrame, cases: pd.DataFrame, levels=("subnational", "local")
) -> pd.DataFrame:
    """The places (one row of ``places`` each) at ``levels`` that cases are set in, with their cases.

    Returns
    -------
    DataFrame
        ``place_id``, ``name_en``, ``name_zh``, ``country``, ``level``, ``cases`` (number), ``case_ids``,
        ``trends`` and ``main_text`` (cases of the main text, :data:`SELECTIONS`); most cases first.

    Examples
    --------
    >>> p = pd.DataFrame({"place_id": ["usa_boston"], "name_en": ["Boston"], "name_zh": ["波士顿"],
    ...                   "country": ["USA"], "level": ["local"]})
    >>> cp = pd.DataFrame({"case_id": ["T0-02", "T2-08"], "place_id": ["usa_boston"] * 2})
    >>> c = pd.DataFrame({"case_id": ["T0-02", "T2-08"], "trend": [0, 2], "case_source": ["body", "my_take"]})
    >>> places_below(p, cp, c)[["cases", "trends", "main_text"]].values.tolist()
    [[2, '0;2', 1]]
    """
    linked = case_places.merge(cases[["case_id", "trend", "case_source"]], on="case_id").merge(places, on="place_id")
    linked = linked[linked["level"].isin(list(levels))]
    rows = []
    for pid, g in linked.groupby("place_id", sort=True):
        first = g.iloc[0]
        rows.append(
            {
                "place_id": pid,
                "name_en": first["name_en"],
                "name_zh": first["name_zh"],
                "country": first["country"],
                "level": first["level"],
                "cases": g["case_id"].nunique(),
                "case_ids": ";".join(sorted(set(g["case_id"]))),
                "trends": ";".join(sorted({str(int(x)) for x in g["trend"]})),
                "main_text": int(g["case_source"].isin(SELECTIONS["main text"]).sum()),
            }
        )
    out = pd.DataFrame(
        rows, columns=["place_id", "name_en", "name_zh", "country", "level", "cases", "case_ids", "trends", "main_text"]
    )
    return out.sort_values(["cases", "place_id"], ascending=[False, True], kind="mergesort").reset_index(drop=True)
