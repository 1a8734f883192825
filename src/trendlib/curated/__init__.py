"""The curated inputs of ``data/reference/``: one declaration per file (:data:`files.CURATED`), each read
strictly, checked against its schema, and cached by its bytes (:mod:`~trendlib.curated.files`)."""
