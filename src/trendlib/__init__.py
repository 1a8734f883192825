"""trendlib — Deloitte's *Government Trends 2023* (Chinese edition) as traceable data.

>>> import trendlib
>>> t = trendlib.load()
>>> t.cases.columns[0]
'case_id'
"""

from __future__ import annotations

__version__ = "0.2.0"

from .load import Tables, load  # noqa: E402  (the version is set first: build imports it)

__all__ = ["Tables", "load", "__version__"]
