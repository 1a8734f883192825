"""The report's figures as evidence: survey answers, outcomes, or other figures, where they sit, and their cases.

Small pure functions over the ``statistics`` table of :func:`trendlib.load` (one row per percentage or
fraction), for notebook ``05-evidence``. What kind of evidence a figure is (``statistic_kind``) is a curated reading
(``data/reference/statistics.yaml``), anchored to the phrase of the text that shows it (``kind_phrase``, with
its English ``kind_phrase_en``), under the rules of :data:`trendlib.vocab.STATISTIC_KINDS`.

A pull quote repeats a sentence of the running text in large type; its figures carry ``repeats`` and
:func:`countable` drops them, so each figure counts once.

>>> import pandas as pd
>>> s = pd.DataFrame({"stat_id": ["S1", "S2", "S3"], "trend": [1, 1, 2],
...                   "statistic_kind": ["survey", "survey", "outcome"],
...                   "repeats": [None, "S1", None]})
>>> kinds_by_trend(countable(s)).values.tolist()
[[1, 1, 0, 0, 1], [2, 0, 1, 0, 1]]
"""

from __future__ import annotations

import pandas as pd

from .. import vocab

__all__ = ["countable", "by_trend_section", "kinds_by_trend", "infographic_share", "with_cluster"]


def countable(statistics: pd.DataFrame) -> pd.DataFrame:
    """``statistics`` without rows whose ``repeats`` names an earlier figure.

    >>> s = pd.DataFrame({"stat_id": ["S1", "S2"], "repeats": [None, "S1"]})
    >>> countable(s).stat_id.tolist()
    ['S1']
    """
    return statistics[statistics["repeats"].isna()]


def with_cluster(statistics: pd.DataFrame) -> pd.DataFrame:
    """``statistics`` with ``cluster``: the figure's case where it has one, else the figure itself.

    The figures of one case come from one story (often one survey or one evaluation) and are resampled
    together by :func:`trendlib.analysis.uncertainty.shares`; a figure outside any case stands alone.

    >>> s = pd.DataFrame({"stat_id": ["S1", "S2"], "case_id": ["T1-01", None]})
    >>> with_cluster(s).cluster.tolist()
    ['T1-01', 'S2']
    """
    return statistics.assign(cluster=statistics["case_id"].astype("string").fillna(statistics["stat_id"]))


def by_trend_section(statistics: pd.DataFrame) -> pd.DataFrame:
    """Count of figures per trend (rows) and section (columns, alphabetical), with ``total``.

    Returns
    -------
    DataFrame
        ``trend``, one column per section present, ``total``.

    >>> s = pd.DataFrame({"trend": [1, 1, 2], "section": ["data", "in_action", "data"]})
    >>> print(by_trend_section(s).to_string(index=False))
     trend  data  in_action  total
         1     1          1      2
         2     1          0      1
    """
    table = pd.crosstab(statistics["trend"], statistics["section"]).sort_index()
    table = table.reindex(sorted(table.columns), axis=1)
    table["total"] = table.sum(axis=1)
    table.columns.name = None
    return table.reset_index()


def kinds_by_trend(statistics: pd.DataFrame) -> pd.DataFrame:
    """Count of figures per trend and kind (columns in :data:`trendlib.vocab.STATISTIC_KINDS` order).

    Returns
    -------
    DataFrame
        ``trend``, ``survey``, ``outcome``, ``other``, ``total``.
    """
    table = pd.crosstab(statistics["trend"], statistics["statistic_kind"]).sort_index()
    table = table.reindex(columns=list(vocab.STATISTIC_KINDS), fill_value=0)
    table["total"] = table.sum(axis=1)
    table.columns.name = None
    return table.reset_index()


def infographic_share(statistics: pd.DataFrame) -> pd.DataFrame:
    """Per trend: ``n`` figures, ``n_infographic`` in 解读数据 (data) infographics, and their ``share``.

    >>> s = pd.DataFrame({"trend": [1, 1, 2], "in_infographic": [True, False, False]})
    >>> print(infographic_share(s).to_string(index=False))
     trend  n  n_infographic  share
         1  2              1    0.5
         2  1              0    0.0
    """
    flag = statistics["in_infographic"].astype("boolean").fillna(False).astype(bool)
    table = (
        pd.DataFrame({"trend": statistics["trend"], "n": 1, "n_infographic": flag.astype("int64")})
        .groupby("trend", sort=True)
        .sum()
        .reset_index()
    )
    table["share"] = (table["n_infographic"] / table["n"]).round(3)
    return table
