"""trendlib — Deloitte's *Government Trends 2023* (Chinese edition) as traceable data.

>>> import trendlib
>>> t = trendlib.load()
>>> t.cases.columns[0]
'case_id'
"""

from __future__ import annotations

from .load import Tables, load

__all__ = ["Tables", "load", "__version__"]
__version__ = "0.1.0"
