"""Stage 5d — how reproducible the coding is: agreement between independent codings, with intervals.

In content analysis the reproducibility of a codebook is the agreement between
coders who read the same units independently. Each round of ``reliability.csv``
compares two codings of a sample of cases:

1. the first reading and the blind second reading under codebook v1, before
   adjudication (case-level codes on a seeded sample stratified by trend,
   :func:`sample_cases`; ties on every case);
2. the adjudicated coding and a fresh blind reading of a fresh sample, codebook v2;
3. the coding recoded under codebook v3, before it saw round 3, and a fresh
   blind reading of a fresh sample that holds none of the codebook's examples.

What is measured:

* **single codes** (kind, instrument, country, level, year): Krippendorff's α,
  nominal;
* **set-valued case codes** (boundary, sectors): α with the MASI distance
  (Passonneau 2006), which counts a subset as a partial agreement;
* **ties, one by one.** Ties are matched across the two codings within a case by
  their parties. *Tie identification* counts a tie as found by both when the
  case, the two parties and, where both codings give one, the direction agree;
  *tie parties* ignores direction. Both are reported as precision, recall and F1
  of the second coding against the first (F1 is symmetric); a case where neither
  coding has a tie adds nothing, so it cannot count as agreement. Over the pairs
  both codings tie, α (nominal) on the *tie type* (the pair's set of types:
  ``funds+delegates``) and on the *tie direction* (one way, the other, or
  undirected).

Every statistic has a bootstrap 95 % interval (percentiles of
:data:`BOOTSTRAP` resamples of the round's cases, seeded, so the table is the
same at every build). A field's status follows the interval's lower bound:
reliable (≥ 0.8), tentative (≥ 0.667: tentative conclusions only), unreliable
(below). Krippendorff's cut-offs are for α; for the F1 of tie identification,
which is not corrected for chance, the same cut-offs are a convention.

α is computed from the coincidence matrix; :func:`alpha` agrees with the
``krippendorff`` package (a test checks it), and the matrix makes the bootstrap
one tensor product instead of thousands of calls.

>>> round(alpha([["a", "b", "a", "c"], ["a", "b", "a", "c"]]), 3)
1.0
>>> masi(frozenset({"a", "b"}), frozenset({"a"}))
0.6666666666666667
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

__all__ = [
    "sample_cases",
    "masi",
    "jaccard",
    "alpha",
    "status",
    "measure_round",
    "tie_units",
    "CASE_FIELDS",
    "SET_FIELDS",
    "TIE_FIELDS",
    "COLUMNS",
    "BOOTSTRAP",
    "BOOTSTRAP_SEED",
    "THRESHOLDS",
    "ROUNDS",
]

#: Krippendorff's floors: reliable, and tentative conclusions only.
THRESHOLDS = {"reliable": 0.8, "tentative": 0.667}
#: Bootstrap resamples of each round's cases, and their seed.
BOOTSTRAP, BOOTSTRAP_SEED = 2000, 20261206
#: Case-level codes: single values (nominal) and sets (MASI).
CASE_FIELDS = ("kind", "instrument", "country", "level", "year")
SET_FIELDS = ("boundary", "sectors")
#: The tie measures.
TIE_FIELDS = ("tie identification", "tie parties", "tie type", "tie direction")


@dataclass(frozen=True)
class Round:
    """One round of comparison: its samples and what each coding is."""

    number: int
    codebook: str
    sample_fraction: float
    sample_seed: int
    ties_on_every_case: bool  # round 1 compared ties on every case, the codes on the sample


#: The rounds: codebook version, and how the sample of cases was drawn (each excludes the previous round's
#: sample; round 3 also excludes every case the codebook shows as an example).
ROUNDS = (Round(1, "v1", 0.29, 2023, True), Round(2, "v2", 0.42, 2024, False), Round(3, "v3", 0.55, 2026, False))

#: The published columns each field's agreement speaks for (the data dictionary carries it).
COLUMNS = {
    "kind": (("cases", "kind"),),
    "instrument": (("cases", "instrument"),),
    "country": (("cases", "country"),),
    "level": (("cases", "level"),),
    "year": (("cases", "year"),),
    "boundary": (("cases", "boundary"),),
    "sectors": (("cases", "sectors"), ("cases", "sectors_named"), ("cases", "sectors_stated")),
    "tie identification": (("relations", "relation_id"),),
    "tie parties": (("relations", "source"), ("relations", "target")),
    "tie type": (("relations", "relation_type"),),
    "tie direction": (("relations", "directed"),),
}


def sample_cases(trend_of: dict[str, int], fraction: float, seed: int, exclude: Iterable[str] = ()) -> list[str]:
    """A seeded sample stratified by trend: ``ceil(fraction × n)`` cases of each trend's ``n`` (at least 2).

    >>> sample_cases({"T1-01": 1, "T1-02": 1, "T1-03": 1, "T2-01": 2, "T2-02": 2}, 0.5, 1)
    ['T1-01', 'T1-03', 'T2-01', 'T2-02']
    """
    left = set(exclude)
    by_trend: dict[int, list[str]] = {}
    for cid, t in trend_of.items():
        if cid not in left:
            by_trend.setdefault(int(t), []).append(cid)
    out: list[str] = []
    for t in sorted(by_trend):
        ids = sorted(by_trend[t])
        k = min(len(ids), max(2, math.ceil(len(ids) * fraction)))
        out += sorted(random.Random(seed * 100 + t).sample(ids, k))
    return out


def round_samples(trend_of: dict[str, int], examples: Iterable[str]) -> dict[int, list[str]]:
    """The sample of cases of every round (each drawn from the cases no earlier round sampled)."""
    samples: dict[int, list[str]] = {}
    previous: list[str] = []
    for r in ROUNDS:
        exclude = set(previous) | (set(examples) if r.number >= 3 else set())
        samples[r.number] = previous = sample_cases(trend_of, r.sample_fraction, r.sample_seed, exclude)
    return samples


def jaccard(a: frozenset, b: frozenset) -> float:
    """Jaccard distance of two sets (0 for two empty sets)."""
    union = a | b
    return 0.0 if not union else 1 - len(a & b) / len(union)


def masi(a: frozenset, b: frozenset) -> float:
    """MASI distance (Passonneau 2006): 1 − Jaccard × monotonicity (1 equal, 2/3 subset, 1/3 overlap, 0 disjoint)."""
    if a == b:
        return 0.0
    if not a or not b:
        return 1.0
    m = 2 / 3 if a <= b or b <= a else 1 / 3 if a & b else 0.0
    return 1 - (1 - jaccard(a, b)) * m


# ---------------------------------------------------------------- α from coincidences, and its bootstrap


def _key(value, level: str) -> str:
    if level == "masi":
        return "|".join(sorted(map(str, frozenset(value)))) or "∅"
    return "∅" if value is None else str(value)


def _coincidences(a: Sequence, b: Sequence, level: str) -> tuple[np.ndarray, np.ndarray]:
    """Each unit's coincidence matrix (two coders, every unit pairable) and the distance between values."""
    keys = [(_key(x, level), _key(y, level)) for x, y in zip(a, b, strict=True)]
    domain = sorted({k for pair in keys for k in pair})
    index = {k: i for i, k in enumerate(domain)}
    units = np.zeros((len(keys), len(domain), len(domain)))
    for u, (x, y) in enumerate(keys):
        units[u, index[x], index[y]] += 1
        units[u, index[y], index[x]] += 1
    if level == "masi":
        sets = {_key(v, level): frozenset(v) for v in [*a, *b]}
        delta = np.array([[masi(sets[x], sets[y]) for y in domain] for x in domain])
    else:
        delta = 1.0 - np.eye(len(domain))
    return units, delta


def _boot_alpha(weights: np.ndarray, units: np.ndarray, delta: np.ndarray) -> np.ndarray:
    """α of every bootstrap resample: ``weights`` (resamples × units) says how often each unit is drawn.

    α needs only each value's total and the observed disagreement, both sums over units, so each resample's
    are the weights times the units' own: two small matrix products, and no resample's coincidence matrix.
    """
    n_c = weights @ units.sum(axis=-1)  # resamples × values
    observed = weights @ (units * delta).sum(axis=(-2, -1))
    expected = ((n_c @ delta) * n_c).sum(axis=-1)
    n = n_c.sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(expected > 0, 1 - (n - 1) * observed / expected, np.nan)


def _alpha_from(coincidence: np.ndarray, delta: np.ndarray) -> np.ndarray:
    """α of one or many coincidence matrices (the last two axes); NaN where no value varies."""
    n_c = coincidence.sum(axis=-1)
    n = n_c.sum(axis=-1)
    observed = (coincidence * delta).sum(axis=(-2, -1))
    expected = ((n_c @ delta) * n_c).sum(axis=-1)  # Σ_ck n_c δ_ck n_k, as one matrix product per resample
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(expected > 0, 1 - (n - 1) * observed / expected, np.nan)


def alpha(codings: Sequence[Sequence], level: str = "nominal") -> float:
    """Krippendorff's α of two codings of the same units (values may be sets for ``level="masi"``).

    NaN when every unit gets one and the same value (no variation to agree on).

    >>> round(alpha([["a", "a", "b", "b"], ["a", "b", "b", "b"]]), 3)
    0.533
    """
    a, b = codings
    if not a:
        return float("nan")
    units, delta = _coincidences(a, b, level)
    return float(_alpha_from(units.sum(axis=0), delta))


def _weights(n_cases: int, seed: int) -> np.ndarray:
    """How often each case is drawn in each bootstrap resample (:data:`BOOTSTRAP` × n)."""
    rng = np.random.default_rng(seed)
    return rng.multinomial(n_cases, np.full(n_cases, 1 / n_cases), size=BOOTSTRAP).astype(float)


def _interval(values: np.ndarray) -> tuple[float | None, float | None]:
    values = values[~np.isnan(values)]
    if len(values) < BOOTSTRAP // 2:
        return None, None
    low, high = np.percentile(values, [2.5, 97.5])
    return round(float(low), 3), round(float(high), 3)


def status(low: float | None) -> str:
    """reliable, tentative or unreliable by the lower bound of the interval; undefined without one.

    >>> status(0.81), status(0.7), status(0.5), status(None)
    ('reliable', 'tentative', 'unreliable', 'undefined')
    """
    if low is None or low != low:
        return "undefined"
    return (
        "reliable" if low >= THRESHOLDS["reliable"] else "tentative" if low >= THRESHOLDS["tentative"] else "unreliable"
    )


def _r(x: float | None) -> float | None:
    return None if x is None or x != x else round(float(x), 3)


def _row(field: str, measure: str, n_units: int, n_items: int, point: float, interval, **extra) -> dict:
    low, high = interval
    return {
        "field": field,
        "measure": measure,
        "n_units": n_units,
        "n_items": n_items,
        "value": _r(point),
        "ci_low": low,
        "ci_high": high,
        "status": status(low),
        **{k: _r(v) for k, v in extra.items()},
    }


def code_agreement(field: str, level: str, a: list, b: list, weights: np.ndarray) -> dict:
    """α of a case-level code with its bootstrap interval (``weights``: resamples × cases)."""
    units, delta = _coincidences(a, b, level)
    boot = _boot_alpha(weights, units, delta)
    agree = float(np.mean([_key(x, level) == _key(y, level) for x, y in zip(a, b, strict=True)])) if a else None
    return _row(field, f"alpha_{level}", len(a), len(a), alpha([a, b], level), _interval(boot), agreement=agree)


# ---------------------------------------------------------------- ties, one by one


def tie_units(relations: Iterable[dict]) -> dict[frozenset, tuple[str, str]]:
    """A case's ties by pair of parties: pair → (types, direction), the direction relative to the pair's
    sorted parties (``a>b``, ``b>a``, ``both``, ``undirected``), the types ``+``-joined in sorted order.

    >>> units = tie_units([{"source": "x", "target": "a", "type": "funds", "directed": True},
    ...                    {"source": "x", "target": "a", "type": "delegates", "directed": True}])
    >>> units == {frozenset({"a", "x"}): ("delegates+funds", "b>a")}
    True
    """
    by: dict[frozenset, dict] = {}
    for r in relations:
        pair = frozenset((r["source"], r["target"]))
        lo = min(r["source"], r["target"])
        d = by.setdefault(pair, {"types": set(), "dirs": set()})
        d["types"].add(r["type"])
        d["dirs"].add(
            "undirected"
            if not r["directed"]
            else "a>b"
            if r["source"] == lo and len(pair) == 2
            else "b>a"
            if len(pair) == 2
            else "a>b"
        )
    out = {}
    for pair, d in by.items():
        dirs = d["dirs"]
        direction = dirs.pop() if len(dirs) == 1 else "both"
        out[pair] = ("+".join(sorted(d["types"])), direction)
    return out


def tie_agreement(
    first: dict[str, list[dict]], second: dict[str, list[dict]], cases: list[str], weights: np.ndarray
) -> list[dict]:
    """The four tie measures over ``cases`` (each coding: case → its relation rows)."""
    counts = np.zeros((len(cases), 6))  # both (parties), first, second, both (with direction), first, second
    types_a, types_b, dirs_a, dirs_b, owner = [], [], [], [], []
    for u, cid in enumerate(cases):
        a, b = tie_units(first.get(cid, [])), tie_units(second.get(cid, []))
        common = set(a) & set(b)
        same_way = [p for p in common if a[p][1] == b[p][1] or "undirected" in (a[p][1], b[p][1])]
        counts[u] = (len(common), len(a), len(b), len(same_way), len(a), len(b))
        for p in sorted(common, key=lambda s: sorted(s)):
            types_a.append(a[p][0])
            types_b.append(b[p][0])
            dirs_a.append(a[p][1])
            dirs_b.append(b[p][1])
            owner.append(u)
    rows = []
    for field, k in (("tie identification", 3), ("tie parties", 0)):
        both, n_a, n_b = counts[:, k], counts[:, k + 1], counts[:, k + 2]
        boot_both, boot_a, boot_b = weights @ both, weights @ n_a, weights @ n_b
        with np.errstate(invalid="ignore", divide="ignore"):
            f1 = 2 * boot_both / (boot_a + boot_b)
        tb, ta, tb2 = both.sum(), n_a.sum(), n_b.sum()
        rows.append(
            _row(
                field,
                "f1",
                int(((n_a + n_b) > 0).sum()),
                int(ta + tb2 - tb),
                2 * tb / (ta + tb2) if ta + tb2 else float("nan"),
                _interval(f1),
                precision=tb / tb2 if tb2 else None,
                recall=tb / ta if ta else None,
            )
        )
    item_weights = weights[:, owner] if owner else np.zeros((len(weights), 0))
    for field, a, b in (("tie type", types_a, types_b), ("tie direction", dirs_a, dirs_b)):
        units, delta = _coincidences(a, b, "nominal") if a else (np.zeros((0, 1, 1)), np.zeros((1, 1)))
        boot = _boot_alpha(item_weights, units, delta)
        agree = float(np.mean([x == y for x, y in zip(a, b, strict=True)])) if a else None
        rows.append(
            _row(
                field,
                "alpha_nominal",
                len(set(owner)),
                len(a),
                alpha([a, b]) if a else float("nan"),
                _interval(boot),
                agreement=agree,
            )
        )
    return rows


def measure_round(
    first: dict[str, dict], second: dict[str, dict], code_cases: list[str], tie_cases: list[str], seed: int
) -> list[dict]:
    """Every field of one round: the case codes over ``code_cases``, the ties over ``tie_cases``.

    ``first`` and ``second`` map case id → {field: value, ..., "relations": [relation rows]}.
    """
    rows = []
    ids = [c for c in code_cases if c in first and c in second and "kind" in first[c] and "kind" in second[c]]
    weights = _weights(len(ids), seed) if ids else np.zeros((BOOTSTRAP, 0))
    for field in CASE_FIELDS:
        rows.append(
            code_agreement(field, "nominal", [first[c][field] for c in ids], [second[c][field] for c in ids], weights)
        )
    for field in SET_FIELDS:
        rows.append(
            code_agreement(
                field,
                "masi",
                [frozenset(first[c][field]) for c in ids],
                [frozenset(second[c][field]) for c in ids],
                weights,
            )
        )
    tie_ids = [c for c in tie_cases if c in first and c in second]
    tie_weights = _weights(len(tie_ids), seed + 1) if tie_ids else np.zeros((BOOTSTRAP, 0))
    rows += tie_agreement(
        {c: first[c]["relations"] for c in tie_ids}, {c: second[c]["relations"] for c in tie_ids}, tie_ids, tie_weights
    )
    return rows


def reading_values(rows: list[dict], named_sectors: dict[str, list[str]] | None = None) -> dict[str, dict]:
    """A reading's rows (coding/*_reading.yaml) as case id → {field: value} for :func:`measure_round`.

    ``named_sectors`` (case → sectors of the actors its span names) is added to the reading's
    sectors where the reader coded only the sectors the text states (the first reading).
    """
    out = {}
    for row in rows:
        values: dict = {"relations": list(row.get("relations") or [])}
        if "kind" in row:
            values.update({k: row.get(k) for k in CASE_FIELDS})
            values["boundary"] = frozenset(row.get("boundary") or ())
            sectors = set(row.get("sectors") or ())
            if named_sectors is not None:
                sectors |= set(named_sectors.get(row["case"], ()))
            values["sectors"] = frozenset(sectors)
        out[row["case"]] = values
    return out


def describe_coders(coders: list[dict], ids: Iterable[str]) -> str:
    """The coders of a reading in research terms: what kind of coder, how many sessions, what each saw and
    how independent it was (``coding/coders.yaml``).

    >>> describe_coders([{"id": "x", "kind": "a model", "sessions": "1", "saw": "the codebook",
    ...                   "independence": "blind"}], ["x"])
    'a model, 1 session(s); saw the codebook; blind'
    """
    by_id = {c["id"]: c for c in coders}
    return " | ".join(
        f"{by_id[i]['kind']}, {by_id[i]['sessions']} session(s); saw {by_id[i]['saw']}; {by_id[i]['independence']}"
        for i in ids
    )


def measure(ref, cases, examples: Iterable[str]) -> list[dict]:
    """Every round of ``reliability.csv`` from the readings in ``data/reference/coding/``.

    ``examples`` are the cases the codebook shows as examples (round 3's sample excludes them).
    """
    from ..errors import CodingError

    trend_of = {c.id: c.trend for c in cases}
    actor_sector = {a["id"]: a["sector"] for a in ref.actors}
    named_sectors = {c.id: sorted({actor_sector[m.actor_id] for m in c.actor_mentions}) for c in cases}
    # the samples were drawn from the cases the first reading coded (every case there was): a case coded
    # later is in no reading, and must not redraw them
    coded = {r["case"] for r in ref.first_reading}
    samples = round_samples({cid: t for cid, t in trend_of.items() if cid in coded}, examples)
    readings = {
        1: (ref.first_reading, ref.second_reading, "coding/second_reading.yaml"),
        2: (ref.adjudicated_reading, ref.fresh_reading, "coding/fresh_reading.yaml"),
        3: (ref.v3_reading, ref.v3_fresh_reading, "coding/v3_fresh_reading.yaml"),
    }
    rows = []
    for r in ROUNDS:
        first_rows, second_rows, source = readings[r.number]
        if not second_rows:
            continue
        first = reading_values(first_rows, named_sectors if r.number == 1 else None)
        second = reading_values(second_rows)
        sample = samples[r.number]
        missing = [cid for cid in sample if "kind" not in second.get(cid, {})]
        if missing:
            raise CodingError(
                f"{source}: the sampled cases {', '.join(missing)} have no case-level codes; the "
                "sample (trendlib.coding.reliability.round_samples) and the reading disagree"
            )
        tie_cases = list(trend_of) if r.ties_on_every_case else sample
        coders = describe_coders(ref.coders, ref.review[source]["coders"])
        for row in measure_round(first, second, sample, tie_cases, BOOTSTRAP_SEED + r.number):
            rows.append({"round": r.number, **row, "codebook": r.codebook, "coders": coders})
    return rows
