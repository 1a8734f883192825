"""Agreement between coders: the statistics, the samples, and the published reliability table."""

from __future__ import annotations

import math

import pytest

import trendlib
from trendlib import codebook, reliability as R
from trendlib.paths import project_root


def test_alpha_matches_krippendorffs_worked_example():
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", two observers, nominal data: 0.692
    a = "a a b b d c c c e d d a".split()
    b = "b a b b b c c c e d d d".split()
    assert round(R.alpha([a, b]), 3) == 0.692


def test_alpha_is_one_for_identical_codings_and_undefined_without_variation():
    assert R.alpha([["x", "y", "x"], ["x", "y", "x"]]) == 1.0
    assert math.isnan(R.alpha([["x", "x"], ["x", "x"]]))


def test_masi_counts_a_subset_as_partial_agreement():
    ab, a, c = frozenset("ab"), frozenset("a"), frozenset("c")
    assert R.masi(ab, ab) == 0.0
    assert R.masi(ab, a) == pytest.approx(1 - 0.5 * 2 / 3)
    assert R.masi(ab, frozenset("bc")) == pytest.approx(1 - (1 / 3) * (1 / 3))
    assert R.masi(ab, c) == 1.0 and R.masi(frozenset(), ab) == 1.0 and R.masi(frozenset(), frozenset()) == 0.0


def test_the_masi_table_is_masi():
    import random

    rng = random.Random(0)
    sets = [frozenset(rng.sample("abcdefghij", rng.randint(0, 4))) for _ in range(40)]
    table = R._masi_table(sets)
    for i, a in enumerate(sets):
        for j, b in enumerate(sets):
            assert table[i, j] == pytest.approx(R.masi(a, b)), (a, b)


def test_set_alpha_rewards_partial_agreement():
    first = [frozenset("ab"), frozenset("c"), frozenset("d"), frozenset("e")]
    subset = [frozenset("a"), frozenset("c"), frozenset("d"), frozenset("e")]
    disjoint = [frozenset("x"), frozenset("c"), frozenset("d"), frozenset("e")]
    assert 1 > R.alpha([first, subset], "masi") > R.alpha([first, disjoint], "masi")


def test_samples_are_seeded_stratified_and_disjoint():
    t = trendlib.load()
    trend_of = dict(zip(t.cases.case_id, t.cases.trend))
    first = R.sample_cases(trend_of)
    fresh = R.sample_cases(trend_of, R.FRESH_FRACTION, R.FRESH_SEED, exclude=first)
    assert first == R.sample_cases(dict(reversed(list(trend_of.items()))))  # order of input does not matter
    assert not set(first) & set(fresh)
    for trend in set(trend_of.values()):
        assert sum(trend_of[c] == trend for c in first) >= 2
    assert len(first) >= 40 and len(fresh) >= 40


def test_published_reliability_covers_every_field_of_both_rounds():
    t = trendlib.load()
    rel = t.reliability
    assert sorted(set(rel["round"])) == [1, 2]
    for rnd, group in rel.groupby("round"):
        assert list(group.field) == list(R.FIELDS)
        assert (group.level == [R.FIELDS[f] for f in group.field]).all()
    for row in rel.itertuples():
        assert row.status == R.status(row.alpha)
        assert 0 <= row.agreement <= 1


def test_every_coded_field_of_the_agreement_names_published_columns():
    from trendlib.registry import TABLE

    for field, columns in R.COLUMNS.items():
        assert field in R.FIELDS
        for table, column in columns:
            assert column in TABLE[table].columns, (field, table, column)


def test_fields_short_of_reliable_say_so_in_the_data_dictionary():
    import json

    package = json.loads((project_root() / "data" / "processed" / "datapackage.json").read_text(encoding="utf-8"))
    fields = {(r["name"], f["name"]): f for r in package["resources"] for f in r["schema"]["fields"]}
    rel = trendlib.load().reliability
    latest = rel[rel["round"] == rel["round"].max()]
    for row in latest.itertuples():
        for key in R.COLUMNS[row.field]:
            f = fields[key]
            assert f["agreement"]["alpha"] == row.alpha
            assert f["description"].startswith(row.status.upper()) == (row.status != "reliable"), key


def test_the_committed_codebook_is_the_rendered_one():
    from trendlib.reference import load_yaml, reference_dir

    rendered = codebook.render(trendlib.load(), load_yaml(reference_dir() / "actors.yaml"))
    committed = (project_root() / "docs" / "CODEBOOK.md").read_text(encoding="utf-8")
    assert committed == rendered, "docs/CODEBOOK.md is stale: run `trendlib codebook` and commit it"


def test_the_codebook_lists_every_vocabulary_value_and_change():
    text = (project_root() / "docs" / "CODEBOOK.md").read_text(encoding="utf-8")
    from trendlib import vocab

    for v in (vocab.CASE_KINDS, vocab.INSTRUMENTS, vocab.LEVELS, vocab.BOUNDARIES, vocab.RELATION_TYPES):
        for value in v:
            assert f"`{value}`" in text, (v.name, value)
    for rule in codebook.CHANGES:
        assert f"`{rule}`" in text
