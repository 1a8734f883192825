"""What the notebooks call: analysis and figures over the published tables.

These modules read the tables that :func:`trendlib.load` returns and never the
parsing stages: ``cite`` (trace a row to the report, cite it), ``summaries``
(crosstabs and labels), ``finance`` (what each amount is, totals that add up, printed against
corrected, any rate year), ``ties`` (stated ties: types, brokers, funding flows, boundaries
crossed), ``evidence`` (kinds of statistics), ``charts`` and ``figures`` (drawing), ``style``
(the bundled Chinese font; colours are :mod:`trendlib.palettes`).
"""
