"""Stage 5 — cases and ties: the curated coding of the report, anchored to its text and checked.

* :mod:`~trendlib.coding.cases` — where each case's passage starts and ends, its places and initiative;
* :mod:`~trendlib.coding.ties` — the stated ties, the evidence behind every case code, the consistency checks
  between codes, and the boundaries a tie crosses;
* :mod:`~trendlib.coding.audit` — what each amount and figure is, checked against the curated readings;
* :mod:`~trendlib.coding.reliability` — agreement between independent readings, with bootstrap intervals;
* :mod:`~trendlib.coding.codebook` — ``docs/CODEBOOK.md``, rendered from the vocabularies and the published
  tables (the build does not import it).
"""
