"""Read the published tables of ``data/processed/`` back, with their declared types.

This is what analysis code and notebooks use: :func:`load` for the tables
(typed as the metadata declares), :func:`raw_lines` for the report's raw lines
(to quote a row's passage) and :func:`exchange_rates` for the documented rate
table. None of them runs the parser.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import fields, make_dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import metadata, output, paths
from .errors import LoadError, OutputError


def _getitem(self, name: str) -> pd.DataFrame:
    return getattr(self, name)


def _names(self) -> list[str]:
    """The tables' names, in build order."""
    return [f.name for f in fields(self) if f.name not in _ABOUT]


def _repr(self) -> str:
    width = max(len(name) for name in self.names())
    rows = "\n".join(f"  {name:<{width}} {len(self[name]):>5} rows" for name in self.names())
    return (
        f"trendlib tables, version {self.version} (report SHA-256 {self.report_sha256[:12]}…), "
        f"{len(self.names())} tables:\n{rows}"
    )


#: What a load knows of the build beside its tables: the version that wrote it and the report it parsed.
_ABOUT = ("version", "report_sha256")

#: Every table of the collection, as DataFrames (``t.cases``, ``t["cases"]``); one attribute per
#: table of :data:`trendlib.metadata.TABLES`, in build order, and the ``version`` of trendlib that built them
#: and the SHA-256 of the report they were parsed from. Printed, a summary.
Tables = make_dataclass(
    "Tables",
    [*((name, pd.DataFrame) for name in metadata.names()), ("version", str), ("report_sha256", str)],
    frozen=True,
    repr=False,
    namespace={
        "__getitem__": _getitem,
        "names": _names,
        "__repr__": _repr,
        "__module__": __name__,
        "__doc__": 'Every table of the collection, as DataFrames (``t.cases``, ``t["cases"]``), with the '
        "``version`` that built them; printed, a summary.",
    },
)


#: The formats :func:`load` reads: file extension of each table.
FORMATS = ("csv", "parquet")


def read_table(path: Path | io.BytesIO, table: str, format: str = "csv") -> pd.DataFrame:
    """One table's CSV or Parquet file (a path, or its bytes) with the column types of the data dictionary.

    >>> from trendlib import paths
    >>> a = read_table(paths.processed_dir() / "furniture.csv", "furniture")
    >>> b = read_table(paths.processed_dir() / "furniture.parquet", "furniture", "parquet")
    >>> a.equals(b), str(b.page.dtype)
    (True, 'Int64')
    """
    dtypes = metadata.dtypes(table)
    if format == "parquet":
        import pyarrow.parquet as pq

        df = pq.read_table(path).to_pandas()
        return df.astype({c: k for c, k in dtypes.items()})
    bools = [c for c, k in dtypes.items() if k == "boolean"]
    df = pd.read_csv(
        path, dtype={c: k for c, k in dtypes.items() if k != "boolean"}, keep_default_na=False, na_values=[""]
    )
    for c in bools:
        df[c] = df[c].map({"True": True, "False": False, True: True, False: False}).astype("boolean")
    return df


def _rebuild_hint(d: Path) -> str:
    return "run `trendlib build`" + ("" if d == paths.processed_dir() else f" --out {d}") + " to write it afresh"


def read_build(directory: Path, *, wait: float = output.LOCK_WAIT, format: str = "csv") -> dict[str, bytes]:
    """The bytes of every table of one whole build in ``directory`` (its CSVs, or its Parquet files), checked
    against its data package.

    Refuses (:class:`~trendlib.errors.LoadError`) a folder a publish is writing
    or left unfinished, a missing table, and a table whose SHA-256 is not the
    one the data package records (a mix of two builds, or an edited file).
    """
    d = Path(directory)
    if not d.is_dir():
        raise LoadError(f"{d}: no such folder; {_rebuild_hint(d)}.")
    try:
        # the lock first: while a publish holds it, even a missing data package is one being swapped in
        with output.shared_lock(d, wait=wait):
            interrupted = output.interrupted_publish(d)
            if interrupted:
                raise LoadError(
                    f"{interrupted}, so it may hold files of two builds; {_rebuild_hint(d)} "
                    "(the build first undoes the interrupted one)."
                )
            if not (d / metadata.MANIFEST).is_file():
                missing = [f"{n}.{format}" for n in metadata.names() if not (d / f"{n}.{format}").is_file()]
                raise LoadError(
                    f"{d}: no {metadata.MANIFEST}"
                    + (f" and no {', '.join(missing[:3])}" + (" …" if len(missing) > 3 else "") if missing else "")
                    + f": not the output of a whole trendlib build; {_rebuild_hint(d)}."
                )
            package = json.loads((d / metadata.MANIFEST).read_text(encoding="utf-8"))
            data = {
                name: (d / f"{name}.{format}").read_bytes()
                for name in metadata.names()
                if (d / f"{name}.{format}").is_file()
            }
    except OutputError as err:
        raise LoadError(str(err)) from None
    except ValueError as err:
        raise LoadError(f"{d / metadata.MANIFEST} is not valid JSON ({err}); {_rebuild_hint(d)}.") from None
    missing = [f"{n}.{format}" for n in metadata.names() if n not in data]
    if missing:
        raise LoadError(f"{d}: missing {', '.join(missing)}; {_rebuild_hint(d)}.")
    recorded = (package.get("trendlib") or {}).get("files") if isinstance(package, dict) else None
    if not isinstance(recorded, dict):
        raise LoadError(
            f"{d / metadata.MANIFEST} records no file hashes (an older or foreign data package); {_rebuild_hint(d)}."
        )
    changed = [
        f"{n}.{format}" for n, b in data.items() if recorded.get(f"{n}.{format}") != hashlib.sha256(b).hexdigest()
    ]
    if changed:
        raise LoadError(
            f"{d}: {', '.join(changed[:3])}{' …' if len(changed) > 3 else ''} "
            f"{'is' if len(changed) == 1 else 'are'} not the file{'s' if len(changed) > 1 else ''} "
            f"its {metadata.MANIFEST} records (edited by hand, or left from another build); "
            f"{_rebuild_hint(d)}."
        )
    return data


def load(directory: Path | str | None = None, *, format: str = "csv") -> Tables:
    """All tables of ``data/processed/`` in one call, from one whole build (:func:`read_build`): from its CSVs,
    or with ``format="parquet"`` from its Parquet files (the same tables, typed alike).

    >>> t = load()
    >>> int(t.trends.trend.max())
    8
    >>> print(t)  # doctest: +ELLIPSIS
    trendlib tables, version ... tables:
      trends                  9 rows
    ...
    >>> load(format="parquet").cases.equals(t.cases)
    True
    """
    if format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}; got {format!r}")
    d = Path(directory) if directory else paths.processed_dir()
    data = read_build(d, format=format)
    package = json.loads((d / metadata.MANIFEST).read_text(encoding="utf-8"))
    return Tables(
        **{name: read_table(io.BytesIO(data[name]), name, format) for name in metadata.names()},
        version=str(package.get("version") or package["trendlib"]["version"]),
        report_sha256=str(package["trendlib"].get("report_sha256", "")),
    )


@lru_cache(maxsize=4)
def raw_lines(report_path: Path | str | None = None) -> tuple[str, ...]:
    """The raw report's lines (line ``n`` is ``raw_lines()[n - 1]``), checked against the recorded hash.

    ``report_path``: the report's text file where it is not at ``data/raw/`` (a copy of the tables used outside
    a checkout).

    >>> raw_lines()[0].strip()
    '概 要'
    """
    from .parse.report import read_report

    return tuple(read_report(report_path).lines)


def exchange_rates(year: int, currencies=None, path: Path | str | None = None) -> dict[str, float]:
    """US dollars per unit of each currency in ``year``, from ``data/reference/exchange_rates.csv``
    (or ``path``); every currency asked for must have a rate, else ``ExchangeRateError``.

    >>> exchange_rates(2022, ["GBP"])
    {'GBP': 1.2371}
    """
    from .mentions.money import load_rates

    return load_rates(path or paths.reference_dir() / "exchange_rates.csv", year, currencies)
