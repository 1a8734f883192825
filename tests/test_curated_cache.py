"""The cache of checked curated files: content-addressed, byte-identical outputs, damage is a miss."""

from __future__ import annotations

import pytest

from trendlib import build
from trendlib.curated import files as reference_module
from trendlib.curated.files import load_reference
from trendlib.errors import CuratedDataError


def test_cached_and_uncached_builds_are_byte_identical(tmp_path, corpus, built, monkeypatch):
    """A build that takes every curated file from the cache writes the same bytes as the session's build,
    which read and checked them all afresh (``trendlib build --no-cache``)."""
    cache = tmp_path / "cache"
    load_reference(cache=cache)  # fills the cache
    assert len(list(cache.iterdir())) == len(reference_module.CURATED)
    monkeypatch.setattr(reference_module, "_parse_and_check", lambda *a: pytest.fail("read afresh, not cached"))
    monkeypatch.setattr(build, "read_corpus", lambda report, boxes, **kw: corpus)  # the report is not cached
    cached = build.render(build.build_tables(cache=cache), corpus.report.sha256)
    assert cached == {p.name: p.read_bytes() for p in built.iterdir()}


def test_the_cache_is_keyed_by_content_and_a_damaged_entry_is_a_miss(tmp_path, reference):
    from trendlib.paths import reference_dir

    cache, name = tmp_path / "cache", "not_actors.yaml"
    path = tmp_path / name
    path.write_bytes((reference_dir() / name).read_bytes())
    assert reference_module._load(path, name, cache)["rows"] == reference.not_actors
    (entry,) = cache.iterdir()
    entry.write_bytes(b"\x00damaged")  # a damaged entry is read afresh, and written again
    assert reference_module._load(path, name, cache)["rows"] == reference.not_actors
    assert entry.read_bytes() != b"\x00damaged"
    path.write_text(path.read_text(encoding="utf-8") + "rows: [新加坡元]\n", encoding="utf-8")
    with pytest.raises(CuratedDataError, match="duplicate key 'rows'"):  # a changed file is never a hit
        reference_module._load(path, name, cache)
