"""Read the published tables of ``data/processed/`` back, with their declared types."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd

from .parse.report import project_root
from .schema import COLUMNS

PANDAS_TYPES = {"integer": "Int64", "number": "Float64", "boolean": "boolean", "string": "string"}


@dataclass(frozen=True)
class Tables:
    """Every table of the collection, as DataFrames (``t.cases``, ``t["cases"]``)."""

    trends: pd.DataFrame
    paragraphs: pd.DataFrame
    cases: pd.DataFrame
    actors: pd.DataFrame
    case_actors: pd.DataFrame
    funding: pd.DataFrame
    statistics: pd.DataFrame
    barriers: pd.DataFrame
    my_takes: pd.DataFrame
    endnotes: pd.DataFrame
    furniture: pd.DataFrame

    def __getitem__(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    def names(self) -> list[str]:
        return [f.name for f in fields(self)]


def read_table(path: Path, table: str) -> pd.DataFrame:
    """One CSV with the column types of the data dictionary."""
    dtypes = {col: PANDAS_TYPES[kind] for col, kind, _ in COLUMNS[table]}
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
    d = Path(directory) if directory else project_root() / "data" / "processed"
    missing = [f"{n}.csv" for n in COLUMNS if not (d / f"{n}.csv").is_file()]
    if missing:
        raise FileNotFoundError(f"{d}: missing {', '.join(missing)}; run `trendlib build` first")
    return Tables(**{name: read_table(d / f"{name}.csv", name) for name in COLUMNS})
