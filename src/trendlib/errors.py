"""Every error trendlib raises on purpose: one hierarchy under :class:`TrendlibError`.

A :class:`TrendlibError` is a problem with the *inputs* or the *output folder*,
never a bug: its message names the file, the row or value, and the fix, and
``trendlib build`` prints it as ``trendlib build: error: …``. Anything else that
escapes the build is a bug and keeps its traceback.

=========================== ====================================================
class                       raised when
=========================== ====================================================
ReportError                 the report is missing, empty, altered, undecodable or
                            structurally broken (a chapter missing)
CuratedDataError            a curated file of ``data/reference/`` is malformed or
                            disagrees with the report
  AnchorError               a curated verbatim phrase is not where its row says
  GazetteerError            an actor row is inconsistent with itself or the text
  CurrencyError             the currency or exchange-rate tables (three kinds below)
  CodingError               a coded relation, code or its evidence breaks a rule
                            of the codebook
OutputError                 the output folder cannot be written as asked
LoadError                   a folder of tables is not one whole build
                            (:func:`trendlib.load`)
  DiffError                 a folder given to ``trendlib diff`` cannot be
                            compared (missing, no data package, a table or
                            the graph missing or unreadable, a key repeated)
=========================== ====================================================

>>> issubclass(AnchorError, CuratedDataError) and issubclass(CuratedDataError, TrendlibError)
True
"""

from __future__ import annotations

__all__ = [
    "TrendlibError",
    "ReportError",
    "CuratedDataError",
    "AnchorError",
    "GazetteerError",
    "CurrencyError",
    "CurrencyTableError",
    "ExchangeRateError",
    "UnknownCurrencyError",
    "CodingError",
    "OutputError",
    "LoadError",
    "DiffError",
]


class TrendlibError(Exception):
    """A problem with trendlib's inputs or output folder (never a bug)."""


class ReportError(TrendlibError):
    """The report file is missing, empty, altered, undecodable or structurally broken."""


class CuratedDataError(TrendlibError):
    """A curated file under ``data/reference/`` is malformed or disagrees with the report."""


class AnchorError(CuratedDataError):
    """A curated verbatim anchor or phrase is not where the curated file says it is."""


class GazetteerError(CuratedDataError):
    """A gazetteer (actor) row is inconsistent with itself or with the report."""


class CurrencyError(CuratedDataError):
    """The currency table, the exchange-rate table, or a currency word of the report."""


class CurrencyTableError(CurrencyError):
    """The currency table is malformed (the message names the file and row)."""


class ExchangeRateError(CurrencyError):
    """The exchange-rate table is malformed or lacks a rate (names file, currency, year)."""


class UnknownCurrencyError(CurrencyError):
    """A currency-looking word after a number is not in the currency table."""


class CodingError(CuratedDataError):
    """A coded relation or case code breaks a rule of the codebook (names file, row, value, fix)."""


class OutputError(TrendlibError):
    """The output folder cannot be written as asked (names the user's path and the fix)."""


class LoadError(TrendlibError):
    """A folder of published tables is not one whole build: missing, unfinished, or mixed (names the fix)."""


class DiffError(LoadError):
    """A folder given to ``trendlib diff`` cannot be compared (names the folder or file, and the fix)."""
