"""Stage 7 — how reproducible the coding is: agreement between independent codings.

In content analysis the reproducibility of a codebook is reported as the
agreement between coders who read the same units independently:
Krippendorff's α (computed with the ``krippendorff`` package), with percent
agreement and the number of units beside it. α is 1 for perfect agreement and
0 for agreement no better than chance; Krippendorff's floor is 0.8 for
reliable codes and 0.667 for tentative conclusions.

Two rounds (``reliability.csv``):

1. the first reading and the blind second reading under codebook v1, before
   adjudication: case-level codes on a seeded sample stratified by trend
   (:func:`sample_cases`), relations on every case;
2. the adjudicated coding and a fresh blind reading of a fresh sample under
   codebook v2 (the rules sharpened where round 1 found them unclear).

Single codes are compared as nominal values; sets (boundaries, sectors, ties)
with the MASI distance (Passonneau 2006), which counts a subset as a partial
agreement.

>>> round(alpha([["a", "b", "a", "c"], ["a", "b", "a", "c"]]), 3)
1.0
>>> masi(frozenset({"a", "b"}), frozenset({"a"}))
0.6666666666666667
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence

import numpy as np

__all__ = ["sample_cases", "masi", "jaccard", "alpha", "agreement", "compare", "status", "FIELDS", "COLUMNS"]

#: Round 1's sample: this share of each trend's cases (at least 2), drawn with this seed.
SAMPLE_FRACTION, SAMPLE_SEED = 0.29, 2023
#: Round 2's fresh sample: this share of each trend's cases not sampled in round 1.
FRESH_FRACTION, FRESH_SEED = 0.42, 2024
#: The fields compared, with their level of measurement.
FIELDS = {"kind": "nominal", "instrument": "nominal", "country": "nominal", "level": "nominal", "year": "nominal",
          "boundary": "masi", "sectors": "masi", "relations": "masi", "relation parties": "masi"}
#: The published columns each field's agreement speaks for (the data dictionary carries it).
COLUMNS = {"kind": (("cases", "kind"),), "instrument": (("cases", "instrument"),), "country": (("cases", "country"),),
           "level": (("cases", "level"),), "year": (("cases", "year"),), "boundary": (("cases", "boundary"),),
           "sectors": (("cases", "sectors"), ("cases", "sectors_named"), ("cases", "sectors_stated")),
           "relations": (("relations", "type"),),
           "relation parties": (("relations", "source"), ("relations", "target"))}


def sample_cases(trend_of: dict[str, int], fraction: float = SAMPLE_FRACTION, seed: int = SAMPLE_SEED,
                 exclude: Iterable[str] = ()) -> list[str]:
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


def _masi_table(sets: list[frozenset]) -> np.ndarray:
    """MASI distances between every pair of ``sets``, computed on bit masks (the domains are small)."""
    bit = {x: 1 << i for i, x in enumerate(sorted({x for s in sets for x in s}, key=str))}
    masks = [sum(bit[x] for x in s) for s in sets]
    n = len(sets)
    table = np.zeros((n, n), dtype=np.float64)
    for i in range(n):
        for j in range(i + 1, n):
            a, b = masks[i], masks[j]
            if a == b:
                continue
            both, either = (a & b).bit_count(), (a | b).bit_count()
            m = 2 / 3 if both in (a.bit_count(), b.bit_count()) else 1 / 3 if both else 0.0
            table[i, j] = table[j, i] = 1 - (both / either) * m if both else 1.0
    return table


def alpha(codings: Sequence[Sequence], level: str = "nominal") -> float:
    """Krippendorff's α of two or more codings of the same units (values may be sets for ``masi``).

    Undefined when every unit gets one and the same value (no variation to agree on): returned as NaN.
    The units' value counts are passed to ``krippendorff.alpha`` directly, with a MASI table over the
    value domain as the distance for sets.
    """
    import krippendorff

    def key(value):
        if level == "masi":
            return "|".join(sorted(map(str, frozenset(value)))) or "∅"
        return "∅" if value is None else str(value)

    keys = [[key(v) for v in coding] for coding in codings]
    domain = sorted({k for row in keys for k in row})
    if len(domain) < 2:
        return float("nan")
    index = {k: i for i, k in enumerate(domain)}
    counts = np.zeros((len(keys[0]), len(domain)), dtype=np.float64)
    for row in keys:
        counts[np.arange(len(row)), [index[k] for k in row]] += 1
    if level == "masi":
        decode = {key(v): frozenset(v) for coding in codings for v in coding}
        table = _masi_table([decode[k] for k in domain])

        def metric(v1, v2, i1, i2, n_v, dtype=np.float64):
            return table[np.asarray(v1, dtype=int), np.asarray(v2, dtype=int)].astype(dtype)
    else:
        metric = "nominal"
    return float(krippendorff.alpha(value_counts=counts, value_domain=np.arange(len(domain)),
                                    level_of_measurement=metric, dtype=np.float64))


def agreement(a: Sequence, b: Sequence) -> float:
    """Share of units on which two codings are identical."""
    return sum(1 for x, y in zip(a, b) if (frozenset(x) if isinstance(x, (set, frozenset)) else x) ==
               (frozenset(y) if isinstance(y, (set, frozenset)) else y)) / max(len(a), 1)


def status(a: float) -> str:
    """reliable (α ≥ 0.8), tentative (0.667 ≤ α < 0.8) or unreliable."""
    if a != a:
        return "undefined"
    return "reliable" if a >= 0.8 else "tentative" if a >= 0.667 else "unreliable"


def compare(first: dict[str, dict], second: dict[str, dict], units: dict[str, list[str]]) -> list[dict]:
    """α, agreement and n for every field of :data:`FIELDS`, over the units each field lists.

    ``first`` and ``second`` map case id → {field: value}; sets for set fields.
    """
    rows = []
    for name, level in FIELDS.items():
        ids = [cid for cid in units.get(name, []) if cid in first and cid in second]
        a = [first[cid][name] for cid in ids]
        b = [second[cid][name] for cid in ids]
        value = alpha([a, b], level) if ids else float("nan")
        rows.append({"field": name, "level": level, "n_units": len(ids), "alpha": round(value, 3) if value == value
                     else None, "agreement": round(agreement(a, b), 3) if ids else None,
                     "status": status(value)})
    return rows


def tie_sets(relations: Iterable[dict]) -> tuple[frozenset, frozenset]:
    """A case's ties as compared: (party pair, type) and party pairs, direction ignored."""
    ties = {(tuple(sorted((r["source"], r["target"]))), r["type"]) for r in relations}
    return frozenset(ties), frozenset(pair for pair, _ in ties)


def reading_values(rows: list[dict], named_sectors: dict[str, list[str]] | None = None) -> dict[str, dict]:
    """A reading's rows (coding/*_reading.yaml) as case id → {field: value} for :func:`compare`.

    ``named_sectors`` (case → sectors of the actors its span names) is added to the reading's
    sectors where the reader coded only the sectors the text states (the first reading).
    """
    out = {}
    for row in rows:
        ties, pairs = tie_sets(row["relations"])
        values = {"relations": ties, "relation parties": pairs}
        if "kind" in row:
            values.update({k: row.get(k) for k in ("kind", "instrument", "country", "level")})
            values["year"] = row.get("year")
            values["boundary"] = frozenset(row.get("boundary") or ())
            sectors = set(row.get("sectors") or ())
            if named_sectors is not None:
                sectors |= set(named_sectors.get(row["case"], ()))
            values["sectors"] = frozenset(sectors)
        out[row["case"]] = values
    return out


__all__ += ["tie_sets", "reading_values", "SAMPLE_FRACTION", "SAMPLE_SEED", "FRESH_FRACTION", "FRESH_SEED"]


CASE_FIELDS = ("kind", "instrument", "country", "level", "year", "boundary", "sectors")


def measure(ref, cases) -> list[dict]:
    """Both rounds of ``reliability.csv`` from the readings in ``data/reference/coding/``.

    Round 1 compares the first and the second reading (codebook v1, before adjudication): case-level
    codes on the seeded sample, relations on every case. Round 2 compares the adjudicated coding with a fresh blind reading of a fresh sample (codebook v2).
    """
    from .errors import CodingError

    trend_of = {c.id: c.trend for c in cases}
    named = {c.id: sorted({m.actor_id for m in c.actor_mentions}) for c in cases}
    actor_sector = {a["id"]: a["sector"] for a in ref.actors}
    named_sectors = {cid: [actor_sector[a] for a in ids] for cid, ids in named.items()}
    rows = []
    first_sample = sample_cases(trend_of)
    fresh_sample = sample_cases(trend_of, FRESH_FRACTION, FRESH_SEED, exclude=first_sample)
    rounds = [(1, ref.first_reading, ref.second_reading, first_sample, list(trend_of),
               "v1", ref.review.get("coding/second_reading.yaml", {})),
              (2, ref.adjudicated_reading, ref.fresh_reading, fresh_sample, fresh_sample, "v2",
               ref.review.get("coding/fresh_reading.yaml", {}))]
    for number, first_rows, second_rows, sample, rel_units, book, meta in rounds:
        # round 2 compares the adjudicated coding as recorded when the fresh reading was made (all its
        # sectors are in the record), not as it is now
        first = reading_values(first_rows, named_sectors if number == 1 else None)
        second = reading_values(second_rows)
        missing = [cid for cid in sample if "kind" not in second.get(cid, {})]
        if missing:
            raise CodingError(f"coding reading of round {number}: the sampled cases {', '.join(missing)} have no "
                              "case-level codes; the sample (trendlib.reliability.sample_cases) and the reading "
                              "disagree")
        units = {f: sample for f in CASE_FIELDS} | {"relations": rel_units, "relation parties": rel_units}
        for r in compare(first, second, units):
            rows.append({"round": number, **r, "codebook": book, "coders": meta.get("coder", "")})
    return rows
