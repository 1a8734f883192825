"""What the notebooks call: analysis and figures over the published tables.

These modules read the tables that :func:`trendlib.load` returns and never the
parsing stages: ``cite`` (trace a row to the report, cite it), ``summaries``
(crosstabs), ``finance`` (amounts in USD at any rate year), ``evidence`` (kinds
of statistics), ``collaboration`` (network views), ``charts`` and ``figures``
(drawing), ``style`` (the bundled Chinese font and sector colours).
"""
