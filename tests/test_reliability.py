"""Agreement between coders: the statistics, the samples, and the published reliability table."""

from __future__ import annotations

import math

import pytest

from trendlib.coding import codebook
from trendlib.coding import reliability as R
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


@pytest.mark.parametrize("level", ["nominal", "masi"])
def test_alpha_from_coincidences_is_the_krippendorff_packages(level):
    """The coincidence-matrix α (which makes the bootstrap one tensor product) equals the package's."""
    import random

    import krippendorff
    import numpy as np

    rng = random.Random(7)
    if level == "nominal":
        a = [rng.choice("abcd") for _ in range(60)]
        b = [x if rng.random() < 0.7 else rng.choice("abcd") for x in a]
    else:
        a = [frozenset(rng.sample("abcdef", rng.randint(0, 3))) for _ in range(60)]
        b = [x if rng.random() < 0.6 else frozenset(rng.sample("abcdef", rng.randint(0, 3))) for x in a]
    keys = sorted({R._key(v, level) for v in a + b})
    counts = np.zeros((len(a), len(keys)))
    for coding in (a, b):
        for u, v in enumerate(coding):
            counts[u, keys.index(R._key(v, level))] += 1
    _, delta = R._coincidences(a, b, level)
    metric = (
        "nominal"
        if level == "nominal"
        else (lambda v1, v2, i1, i2, n_v, dtype=np.float64: delta[np.asarray(v1, dtype=int), np.asarray(v2, dtype=int)])
    )
    expected = krippendorff.alpha(value_counts=counts, value_domain=np.arange(len(keys)), level_of_measurement=metric)
    assert R.alpha([a, b], level) == pytest.approx(expected)


def test_tie_measures_match_ties_by_parties_and_direction():
    """Ties are matched within a case by their parties; a case with no tie in either coding counts for nothing."""

    def tie(s, t, type_="funds", directed=True):
        return {"source": s, "target": t, "type": type_, "directed": directed}

    first = {"C1": [tie("x", "a"), tie("x", "b", "supports"), tie("a", "b", "partners", False)], "C2": [], "C3": []}
    second = {"C1": [tie("x", "a"), tie("b", "x", "supports"), tie("x", "c")], "C2": [], "C3": [tie("y", "z")]}
    import numpy as np

    rows = {r["field"]: r for r in R.tie_agreement(first, second, ["C1", "C2", "C3"], np.ones((R.BOOTSTRAP, 3)))}
    # parties: {x,a} and {x,b} found by both; first has 3 pairs, second 4 (C1: 3, C3: 1)
    assert rows["tie parties"]["value"] == round(2 * 2 / (3 + 4), 3)
    assert rows["tie parties"]["precision"] == 0.5 and rows["tie parties"]["recall"] == round(2 / 3, 3)
    # identification also needs the direction: x→b against b→x is not the same tie
    assert rows["tie identification"]["value"] == round(2 * 1 / (3 + 4), 3)
    assert rows["tie identification"]["n_units"] == 2  # C2, where neither coding has a tie, is not a unit
    assert rows["tie type"]["n_items"] == 2 and rows["tie type"]["agreement"] == 1.0
    assert rows["tie direction"]["agreement"] == 0.5


def test_intervals_are_seeded_and_hold_the_point(published):
    rel = published.reliability
    assert rel[["ci_low", "ci_high"]].notna().all(axis=None) or rel.value.isna().any()
    for row in rel.dropna(subset=["ci_low"]).itertuples():
        assert row.ci_low <= row.value + 1e-9 and row.value <= row.ci_high + 1e-9, row
        assert row.status == R.status(row.ci_low)


def test_set_alpha_rewards_partial_agreement():
    first = [frozenset("ab"), frozenset("c"), frozenset("d"), frozenset("e")]
    subset = [frozenset("a"), frozenset("c"), frozenset("d"), frozenset("e")]
    disjoint = [frozenset("x"), frozenset("c"), frozenset("d"), frozenset("e")]
    assert 1 > R.alpha([first, subset], "masi") > R.alpha([first, disjoint], "masi")


def test_samples_are_seeded_stratified_and_disjoint(published):
    from trendlib import vocab

    t = published
    trend_of = dict(zip(t.cases.case_id, t.cases.trend, strict=True))
    samples = R.round_samples(trend_of, vocab.example_cases())
    assert samples == R.round_samples(dict(reversed(list(trend_of.items()))), vocab.example_cases())
    assert not set(samples[1]) & set(samples[2]) and not set(samples[2]) & set(samples[3])
    assert not set(samples[3]) & vocab.example_cases(), "round 3 holds no codebook example"
    for sample in samples.values():
        assert len(sample) >= 40
        for trend in set(trend_of.values()):
            assert sum(trend_of[c] == trend for c in sample) >= 2


def test_published_reliability_covers_every_field_of_every_round(published):
    rel = published.reliability
    fields = [*R.CASE_FIELDS, *R.SET_FIELDS, *R.TIE_FIELDS]
    assert sorted(rel["round"].unique()) == [r.number for r in R.ROUNDS]
    for _, group in rel.groupby("round"):
        assert list(group.field) == fields
        assert list(group.measure) == ["alpha_nominal"] * 5 + ["alpha_masi"] * 2 + ["f1"] * 2 + ["alpha_nominal"] * 2
    for row in rel.dropna(subset=["agreement"]).itertuples():
        assert 0 <= row.agreement <= 1


def test_every_coded_field_of_the_agreement_names_published_columns():
    from trendlib.metadata import TABLE

    for field, columns in R.COLUMNS.items():
        assert field in [*R.CASE_FIELDS, *R.SET_FIELDS, *R.TIE_FIELDS]
        for table, column in columns:
            assert column in TABLE[table].columns, (field, table, column)


def test_fields_short_of_reliable_say_so_in_the_data_dictionary(built, published):
    import json

    package = json.loads((built / "datapackage.json").read_text(encoding="utf-8"))
    fields = {(r["name"], f["name"]): f for r in package["resources"] for f in r["schema"]["fields"]}
    rel = published.reliability
    latest = rel[rel["round"] == rel["round"].max()]
    for row in latest.itertuples():
        for key in R.COLUMNS[row.field]:
            f = fields[key]
            assert f["agreement"]["value"] == row.value and f["agreement"]["ci_low"] == row.ci_low
            assert f["description"].startswith(row.status.upper()) == (row.status != "reliable"), key


def test_the_committed_codebook_is_the_rendered_one(tmp_path):
    """docs/CODEBOOK.md is what `trendlib codebook` writes now (from the committed tables and curated files)."""
    rendered = codebook.write(tmp_path / "CODEBOOK.md").read_text(encoding="utf-8")
    committed = (project_root() / "docs" / "CODEBOOK.md").read_text(encoding="utf-8")
    assert committed == rendered, "docs/CODEBOOK.md is stale: run `trendlib codebook` and commit it"


def test_the_codebook_lists_every_vocabulary_value_and_change():
    text = (project_root() / "docs" / "CODEBOOK.md").read_text(encoding="utf-8")
    from trendlib import vocab

    for v in (vocab.CASE_KINDS, vocab.INSTRUMENTS, vocab.LEVELS, vocab.BOUNDARIES, vocab.RELATION_TYPES):
        for value in v:
            assert f"`{value}`" in text, (v.name, value)
    from trendlib.curated.files import load_yaml, reference_dir

    for row in load_yaml(reference_dir() / "coding" / "codebook.yaml"):
        assert f"`{row['rule']}`" in text


def test_a_case_added_after_the_readings_leaves_the_agreement_as_it_was(reference, cases):
    """Each round's sample was drawn from the cases the readings coded. A case coded later (CONTRIBUTING.md
    walks through adding one) is in no reading: it must neither change the samples nor stop the build."""
    import dataclasses

    from trendlib import vocab

    last = [c for c in cases if c.trend == 6][-1]
    added = dataclasses.replace(last, row={**last.row, "id": "T6-99"})
    before = R.measure(reference, cases, vocab.example_cases())
    assert R.measure(reference, [*cases, added], vocab.example_cases()) == before
