"""How sure a count or share is: bootstrap 95 % intervals, resampling the units that were drawn.

The report's cases are not a random sample of the world, but even as a
description of the report a share of 56 cases out of 139 would move if the
authors had picked a few other examples. A bootstrap interval shows how far:
the counted units are resampled with replacement (:data:`BOOTSTRAP` times,
seeded, so a notebook prints the same interval every run) and the share is
recomputed each time. Where units come in clusters — the ties of one case, the
cases of one initiative — whole clusters are resampled, so that a case with
many ties or an initiative told twice does not look like many independent
observations.

The functions work on plain tables: one row per counted unit.

>>> import pandas as pd
>>> cases = pd.DataFrame({"case_id": list("abcdef"), "country": list("UUUGGA")})
>>> t = shares(cases, "country", seed=1)
>>> t[["country", "n", "share"]].values.tolist()
[['U', 3, 0.5], ['G', 2, 0.333], ['A', 1, 0.167]]
>>> bool((t.ci_low <= t.share).all() and (t.share <= t.ci_high).all())
True

See Also
--------
trendlib.coding.reliability : the same resampling for the agreement between coders.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

__all__ = ["BOOTSTRAP", "SEED", "shares", "difference", "overlaps", "interval_text"]

#: Resamples per interval, and the seed every notebook uses.
BOOTSTRAP, SEED = 2000, 2023


def _members(units: pd.DataFrame, category: str, sep: str | None) -> tuple[list[str], np.ndarray]:
    """The categories (in order of first appearance) and a units × categories 0/1 matrix; with ``sep`` a
    unit may belong to several (a ``;``-joined list), and one with none belongs to none."""
    values = units[category].astype("object")
    lists = [[] if pd.isna(v) else (str(v).split(sep) if sep else [str(v)]) for v in values]
    lists = [[x for x in lst if x] for lst in lists]
    cats = list(dict.fromkeys(x for lst in lists for x in lst))
    index = {c: i for i, c in enumerate(cats)}
    m = np.zeros((len(lists), len(cats)))
    for u, lst in enumerate(lists):
        for x in set(lst):
            m[u, index[x]] = 1
    return cats, m


def _resampled(matrix: np.ndarray, clusters: pd.Series | None, n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Bootstrap counts of each category (n × categories) and of units (n), clusters resampled whole."""
    if clusters is None:
        per, size = matrix, np.ones(len(matrix))
    else:
        codes, _ = pd.factorize(clusters.astype("object"), sort=True)
        k = codes.max() + 1 if len(codes) else 0
        per = np.zeros((k, matrix.shape[1]))
        np.add.at(per, codes, matrix)
        size = np.bincount(codes, minlength=k).astype(float)
    rng = np.random.default_rng(seed)
    weights = (
        rng.multinomial(len(per), np.full(len(per), 1 / len(per)), size=n).astype(float)
        if len(per)
        else np.zeros((n, 0))
    )
    return weights @ per, weights @ size


def shares(
    units: pd.DataFrame,
    category: str,
    *,
    cluster: str | None = None,
    sep: str | None = None,
    order: Iterable[str] | None = None,
    n: int = BOOTSTRAP,
    seed: int = SEED,
) -> pd.DataFrame:
    """Count and share of the units in each category, with bootstrap 95 % intervals.

    Parameters
    ----------
    units : DataFrame
        One row per counted unit (a case, an initiative, a tie, a figure).
    category : str
        The column that puts a unit in a category; with ``sep``, a ``sep``-joined list, and a unit counts in
        each of its categories (the shares may then add up to more than 1).
    cluster : str, optional
        A column whose values group units that are resampled together (``"case_id"`` for ties).
    order : iterable of str, optional
        The categories to show, in this order (missing ones get 0); default: by count, descending.

    Returns
    -------
    DataFrame
        One row per category: ``category`` (named as the column), ``n`` (units in it), ``share`` (of all
        units, rounded to 0.001), ``ci_low`` and ``ci_high`` (the share's 2.5 and 97.5 percentiles over the
        resamples), ``n_low`` and ``n_high`` (the count's, scaled to the observed total).

    Examples
    --------
    >>> ties = pd.DataFrame({"case_id": ["c1", "c1", "c1", "c2"], "type": ["funds", "funds", "funds", "serves"]})
    >>> shares(ties, "type", cluster="case_id", seed=0)[["type", "n", "share"]].values.tolist()
    [['funds', 3, 0.75], ['serves', 1, 0.25]]
    """
    cats, matrix = _members(units, category, sep)
    if order is not None:
        order = list(order)
        extra = np.zeros((len(units), len(order)))
        for j, c in enumerate(order):
            if c in cats:
                extra[:, j] = matrix[:, cats.index(c)]
        cats, matrix = order, extra
    counts, totals = _resampled(matrix, None if cluster is None else units[cluster], n, seed)
    with np.errstate(invalid="ignore", divide="ignore"):
        boot = counts / totals[:, None]
    total = len(units)
    rows = []
    for j, c in enumerate(cats):
        k = int(matrix[:, j].sum())
        low, high = np.nanpercentile(boot[:, j], [2.5, 97.5]) if total else (np.nan, np.nan)
        rows.append(
            {
                category: c,
                "n": k,
                "share": round(k / total, 3) if total else np.nan,
                "ci_low": round(float(low), 3),
                "ci_high": round(float(high), 3),
                "n_low": round(float(low) * total, 1),
                "n_high": round(float(high) * total, 1),
            }
        )
    table = pd.DataFrame(rows, columns=[category, "n", "share", "ci_low", "ci_high", "n_low", "n_high"])
    if order is None:
        table = table.sort_values(["n", category], ascending=[False, True], kind="mergesort")
    return table.reset_index(drop=True)


def difference(
    units: pd.DataFrame,
    category: str,
    a: str,
    b: str,
    *,
    cluster: str | None = None,
    sep: str | None = None,
    n: int = BOOTSTRAP,
    seed: int = SEED,
) -> dict:
    """Share of category ``a`` minus share of ``b`` among the same units, with its bootstrap 95 % interval.

    Returns
    -------
    dict
        ``a``, ``b``, ``share_a``, ``share_b``, ``difference`` and ``ci_low``, ``ci_high`` of the
        difference; ``distinguishable`` is false when the interval holds 0 (the data cannot tell the two
        apart, and a notebook must not describe them as different).

    Examples
    --------
    >>> stats = pd.DataFrame({"kind": ["survey"] * 7 + ["outcome"] * 3})
    >>> difference(stats, "kind", "survey", "outcome", seed=0)["difference"]
    0.4
    """
    cats, matrix = _members(units, category, sep)
    cols = [matrix[:, cats.index(x)] if x in cats else np.zeros(len(units)) for x in (a, b)]
    counts, totals = _resampled(np.column_stack(cols), None if cluster is None else units[cluster], n, seed)
    with np.errstate(invalid="ignore", divide="ignore"):
        diff = (counts[:, 0] - counts[:, 1]) / totals
    low, high = np.nanpercentile(diff, [2.5, 97.5])
    total = len(units)
    sa, sb = float(cols[0].sum() / total), float(cols[1].sum() / total)
    return {
        "a": a,
        "b": b,
        "share_a": round(sa, 3),
        "share_b": round(sb, 3),
        "difference": round(sa - sb, 3),
        "ci_low": round(float(low), 3),
        "ci_high": round(float(high), 3),
        "distinguishable": bool(low > 0 or high < 0),
    }


def overlaps(table: pd.DataFrame, x: str, y: str) -> bool:
    """Whether the intervals of rows ``x`` and ``y`` of a :func:`shares` table overlap (first column = name).

    Overlapping intervals do not prove two shares equal; non-overlapping ones show they differ.

    >>> t = pd.DataFrame({"k": ["a", "b"], "ci_low": [0.1, 0.3], "ci_high": [0.35, 0.5]})
    >>> overlaps(t, "a", "b")
    True
    """
    rows = table.set_index(table.columns[0])
    return bool(rows.at[x, "ci_low"] <= rows.at[y, "ci_high"] and rows.at[y, "ci_low"] <= rows.at[x, "ci_high"])


def interval_text(row, percent: bool = True) -> str:
    """``41 % (33–49 %)``: a share with its interval, as a sentence writes it.

    >>> interval_text({"share": 0.412, "ci_low": 0.33, "ci_high": 0.49})
    '41 % (95 % interval 33–49 %)'
    """
    f = (lambda v: f"{v * 100:.0f}") if percent else (lambda v: f"{v:.2f}")
    unit = " %" if percent else ""
    return f"{f(row['share'])}{unit} (95 % interval {f(row['ci_low'])}–{f(row['ci_high'])}{unit})"
