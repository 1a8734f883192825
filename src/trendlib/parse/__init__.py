"""Stages 0–3: the report text → layout → structure → footnotes.

``report`` reads and verifies the raw file; ``layout`` removes page furniture
and reflows lines into paragraphs; ``structure`` assigns trend and section;
``footnotes`` separates glued note numbers; ``anchors`` finds curated verbatim
phrases whatever the line breaks; ``corpus`` ties them together into the
:class:`~trendlib.parse.corpus.Corpus` every later stage reads; ``endnotes``
reads the English notes out of it.
"""
