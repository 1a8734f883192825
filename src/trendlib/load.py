"""Read the published tables of ``data/processed/`` back, with their declared types.

This is what analysis code and notebooks use: :func:`load` for the tables
(typed as the registry declares), :func:`raw_lines` for the report's raw lines
(to quote a row's passage) and :func:`exchange_rates` for the documented rate
table. None of them runs the parser.
"""

from __future__ import annotations

from dataclasses import fields, make_dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import paths, registry


def _getitem(self, name: str) -> pd.DataFrame:
    return getattr(self, name)


def _names(self) -> list[str]:
    return [f.name for f in fields(self)]


#: Every table of the collection, as DataFrames (``t.cases``, ``t["cases"]``); one attribute per
#: table of :data:`trendlib.registry.TABLES`, in build order.
Tables = make_dataclass(
    "Tables", [(name, pd.DataFrame) for name in registry.names()], frozen=True,
    namespace={"__getitem__": _getitem, "names": _names, "__module__": __name__,
               "__doc__": "Every table of the collection, as DataFrames (``t.cases``, ``t[\"cases\"]``)."})


def read_table(path: Path, table: str) -> pd.DataFrame:
    """One CSV with the column types of the data dictionary."""
    dtypes = registry.dtypes(table)
    bools = [c for c, k in dtypes.items() if k == "boolean"]
    df = pd.read_csv(path, dtype={c: k for c, k in dtypes.items() if k != "boolean"},
                     keep_default_na=False, na_values=[""])
    for c in bools:
        df[c] = df[c].map({"True": True, "False": False, True: True, False: False}).astype("boolean")
    return df


def load(directory: Path | str | None = None) -> Tables:
    """All tables of ``data/processed/`` in one call.

    >>> t = load()
    >>> int(t.trends.trend.max())
    8
    """
    d = Path(directory) if directory else paths.processed_dir()
    names = registry.names()
    missing = [f"{n}.csv" for n in names if not (d / f"{n}.csv").is_file()]
    if missing:
        raise FileNotFoundError(f"{d}: missing {', '.join(missing)}; run `trendlib build` first")
    return Tables(**{name: read_table(d / f"{name}.csv", name) for name in names})


@lru_cache(maxsize=1)
def raw_lines() -> tuple[str, ...]:
    """The raw report's lines (line ``n`` is ``raw_lines()[n - 1]``), checked against the recorded hash.

    >>> raw_lines()[0].strip()
    '概 要'
    """
    from .parse.report import read_report

    return tuple(read_report().lines)


def exchange_rates(year: int, currencies=None, path: Path | str | None = None) -> dict[str, float]:
    """US dollars per unit of each currency in ``year``, from ``data/reference/exchange_rates.csv``
    (or ``path``); every currency asked for must have a rate, else ``ExchangeRateError``.

    >>> exchange_rates(2022, ["GBP"])
    {'GBP': 1.2371}
    """
    from .mentions.money import load_rates

    return load_rates(path or paths.reference_dir() / "exchange_rates.csv", year, currencies)
