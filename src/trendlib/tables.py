"""Stage 6 — tables: the parsed report as tidy pandas DataFrames.

One function per table, each taking the parsed stages as plain data and
returning a DataFrame whose columns and types are those the registry
declares (:mod:`trendlib.registry`, from which the data dictionary,
``datapackage.json``, is written too). Every row carries the raw-file
line(s) it came from.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

from .cases import Case, case_at, figure_owners
from .mentions.actors import ActorMention
from .mentions.context import clause_around
from .mentions.money import Amount, find_amounts
from .mentions.percent import find_percentages
from .errors import AnchorError
from .patterns import compact
from .parse.corpus import Corpus
from .parse.endnotes import endnotes
from .parse.structure import heading_section
from . import registry

def frame(table: str, rows: list[dict]) -> pd.DataFrame:
    """Rows → a DataFrame with the declared columns and types.

    >>> frame("furniture", [{"line": 73, "kind": "footer", "label": "概要", "page": 3}]).dtypes["page"]
    Int64Dtype()
    """
    dtypes = registry.dtypes(table)
    df = pd.DataFrame(rows, columns=list(dtypes))
    return df.astype(dtypes)


def _join(values) -> str:
    return ";".join(str(v) for v in values)


def trends_table(c: Corpus) -> pd.DataFrame:
    rows = []
    for t in c.trends:
        paras = c.paragraphs[t.first: t.last + 1]
        rows.append({
            "trend": t.number, "title_zh": t.title_zh, "title_en": t.title_en,
            "line_start": paras[0].line_start, "line_end": paras[-1].line_end,
            "paragraphs": len(paras), "characters": sum(len(compact(p.text)) for p in paras),
        })
    return frame("trends", rows)


def paragraphs_table(c: Corpus) -> pd.DataFrame:
    return frame("paragraphs", [{
        "para_id": i + 1, "trend": c.paragraphs[i].trend, "section": c.paragraphs[i].section,
        "line_start": p.line_start, "line_end": p.line_end,
        "char_start": p.char_start, "char_end": p.char_end, "box": c.paragraphs[i].box or None,
        "text": p.text, "footnotes": _join(c.paragraphs[i].notes),
    } for i, p in enumerate(c.paragraphs)])


def text_between(c: Corpus, char_start: int, char_end: int) -> str:
    """The reflowed text of the paragraphs between two raw offsets, clipped to them."""
    parts = []
    for p in c.paragraphs:
        if p.char_end <= char_start or p.char_start >= char_end:
            continue
        keep = [ch for ch, off in zip(p.text, p.offsets) if char_start <= off < char_end]
        parts.append("".join(keep).strip())
    return "\n".join(parts)


def cases_table(c: Corpus, cases: list[Case], actors: list[dict]) -> pd.DataFrame:
    sector_of = {a["id"]: a["sector"] for a in actors}
    rows = []
    for case in cases:
        r = case.row
        ids = sorted({m.actor_id for m in case.actor_mentions})
        sectors = sorted({sector_of[i] for i in ids} | set(r["sectors_stated"]))
        hit = c.flat.hit(case.flat_start, case.flat_end)
        rows.append({
            "case_id": r["id"], "trend": case.trend, "section": case.section,
            "title_zh": r["title_zh"], "title_en": r["title_en"], "kind": r["kind"],
            "country": r["country"], "place_zh": r["place_zh"], "level": r["level"],
            "year": case.year, "sectors": _join(sectors), "boundary": _join(r["boundary"]),
            "n_actors": len(ids), "line_start": case.line_start, "line_end": case.line_end,
            "text": text_between(c, hit.char_start, hit.char_end),
        })
    return frame("cases", rows)


def actors_table(actors: list[dict], mentions: list[ActorMention], cases: list[Case]) -> pd.DataFrame:
    counts: dict[str, int] = {}
    for m in mentions:
        counts[m.actor_id] = counts.get(m.actor_id, 0) + 1
    in_cases: dict[str, set[str]] = {}
    for case in cases:
        for m in case.actor_mentions:
            in_cases.setdefault(m.actor_id, set()).add(case.id)
    return frame("actors", [{
        "actor_id": a["id"], "name_zh": a["name_zh"], "aliases_zh": _join(a["aliases_zh"]),
        "name_en": a["name_en"], "type": a["type"], "country": a["country"], "sector": a["sector"],
        "mentions": counts.get(a["id"], 0), "cases": len(in_cases.get(a["id"], ())),
    } for a in sorted(actors, key=lambda a: a["id"])])


def case_actors_table(c: Corpus, cases: list[Case]) -> pd.DataFrame:
    return frame("case_actors", [{
        "case_id": case.id, "actor_id": m.actor_id, "mention": m.text,
        "line": c.line_of(c.flat.hit(m.flat_start, m.flat_end).char_start),
    } for case in cases for m in case.actor_mentions])


@dataclass(frozen=True)
class Found:
    """A money or percentage mention located in the corpus."""

    para: int
    start: int
    end: int
    flat: int  # flat position of its first character


def _locate(c: Corpus, para: int, start: int, end: int) -> Found:
    return Found(para, start, end, c.flat.flat_at(c.paragraphs[para].offsets[start]))


def funding_table(c: Corpus, cases: list[Case], currencies: dict[str, str],
                  currency_countries: dict[str, tuple[str, ...]], rates: dict[str, float],
                  rate_year: int) -> pd.DataFrame:
    """Every monetary amount, with USD and flags (see :func:`funding_flags`)."""
    found: list[tuple[Found, Amount]] = []
    units: dict[int, str] = {}  # index in found → the chart's unit statement
    for i, p in enumerate(c.paragraphs):
        for a in find_amounts(p.text, currencies, strict=True):
            found.append((_locate(c, i, a.start, a.end), a))
    for i, a, unit in chart_values(c, currencies):
        units[len(found)] = unit
        found.append((_locate(c, i, a.start, a.end), a))
    found_order = sorted(range(len(found)), key=lambda k: found[k][0].flat)
    found, units = [found[k] for k in found_order], {found_order.index(k): u for k, u in units.items()}
    case_of = [_case_of(c, cases, f, a.text) for f, a in found]
    flags = funding_flags([a for _, a in found], [k.row if k else None for k in case_of], currency_countries)
    rows, first_seen = [], {}
    for n, ((f, a), case, flag) in enumerate(zip(found, case_of, flags), 1):
        text = c.paragraphs[f.para].text
        usd = None if a.value is None else round(a.value * rates[a.currency])
        key = (case.id if case else None, a.value, a.high, a.currency)
        repeats = first_seen.get(key) if case and a.value else None
        first_seen.setdefault(key, f"F{n:03d}")
        rows.append({
            "amount_id": f"F{n:03d}", "trend": c.paragraphs[f.para].trend, "section": c.paragraphs[f.para].section,
            "case_id": case.id if case else None, "line": c.line_in(f.para, f.start),
            "text": a.text, "value": a.value, "value_high": a.high, "currency": a.currency,
            "qualifier": a.qualifier, "usd": usd, "rate_year": rate_year,
            "context": units.get(n - 1, {}).get("label") or clause_around(text, f.start, f.end),
            "flag": flag or None, "repeats": repeats, "chart_unit": units.get(n - 1, {}).get("unit"),
        })
    return frame("funding", rows)


CHART_UNIT = re.compile(r"(?P<label>[^\s（(]*)[（(]单位：(?P<unit>[^）)]+)[）)]")
BARE_FIGURES = re.compile(r"\d[\d,.]*(?:\s+\d[\d,.]*)*")


def chart_values(c: Corpus, currencies: dict[str, str]) -> list[tuple[int, Amount, dict]]:
    """Bare values of an infographic chart whose labels state a money unit.

    A chart labelled `API集成支出（单位：百万美元） 云原生应用支出（单位：百万美元）`
    prints its values as rows of bare figures (`29 735`): the n-th figure of a
    row is read in the n-th label's unit. Returns (paragraph, amount, {label, unit}).
    """
    out = []
    blocks: dict[tuple[int, str], list[int]] = {}
    for i in range(len(c.paragraphs)):
        if c.paragraphs[i].section == "data":
            blocks.setdefault((c.paragraphs[i].trend, c.paragraphs[i].box), []).append(i)
    for paras in blocks.values():
        labels = []
        for i in paras:
            for m in CHART_UNIT.finditer(c.paragraphs[i].text):
                unit = find_amounts("1" + m["unit"], currencies)
                if unit and unit[0].value:
                    labels.append({"label": m[0], "unit": f"（单位：{m['unit']}）", "amount": unit[0]})
        if not labels:
            continue
        for i in paras:
            text = c.paragraphs[i].text
            if not BARE_FIGURES.fullmatch(text):
                continue
            figures = list(re.finditer(r"\d[\d,.]*", text))
            if len(figures) != len(labels):
                continue  # the row does not line up with the chart's labels: not read as money
            for m, label in zip(figures, labels):
                value = float(m[0].replace(",", "")) * label["amount"].value
                out.append((i, Amount(m.start(), m.end(), m[0], value, label["amount"].currency, "exact"),
                            {"label": label["label"], "unit": label["unit"]}))
    return out


def _case_of(c: Corpus, cases: list[Case], f: Found, printed: str) -> Case | None:
    """The case whose span holds a mention, or that the codebook gives an infographic figure."""
    owner = figure_owners(cases).get((c.paragraphs[f.para].trend, compact(printed))) if c.paragraphs[f.para].section == "data" else None
    return owner or case_at(cases, f.flat)


def check_figures(cases: list[Case], t: dict[str, pd.DataFrame], *, source: str = "cases.yaml") -> None:
    """Every curated infographic figure must be a printed amount or percentage of its case."""
    for case in cases:
        for fig in case.row.get("figures", []):
            hits = [df for df in (t["funding"], t["statistics"])
                    if ((df.case_id == case.id) & (df.text.map(compact) == compact(fig))).any()]
            if not hits:
                raise AnchorError(f"{source} ({case.id}): figure {fig!r} is not an amount or percentage "
                                  f"printed in a trend {case.trend} infographic; copy it as printed")


def funding_flags(amounts: list[Amount], case_rows: list[dict | None],
                  currency_countries: dict[str, tuple[str, ...]]) -> list[str]:
    """Why each amount looks wrong, or ''.

    Two signs of a translation error, reported and never corrected: the
    printed currency is not a currency of the case's jurisdiction, and two
    amounts of the same case in the same currency differ by about a power of
    ten, 100× or more (the usual slip: 3.276亿 printed as 3,276亿).

    >>> a = Amount(0, 5, "78亿欧元", 7.8e9, "EUR", "exact")
    >>> funding_flags([a], [{"id": "T3-10", "country": "AUS"}], {"EUR": ("EUU", "DEU"), "AUD": ("AUS",)})
    ['currency: EUR printed for a AUS case (T3-10); AUS uses AUD']
    >>> b = Amount(0, 5, "3,276亿加元", 3.276e11, "CAD", "exact")
    >>> c = Amount(0, 5, "超过3亿加元", 3e8, "CAD", "over")
    >>> funding_flags([b, c], [{"id": "T3-03", "country": "CAN"}] * 2, {"CAD": ("CAN",)})[0]
    'magnitude: about 10^3 × the 超过3亿加元 of the same case (T3-03); a slipped decimal point?'
    """
    by_country: dict[str, list[str]] = {}
    for code, countries in sorted(currency_countries.items()):
        for country in countries:
            by_country.setdefault(country, []).append(code)
    flags = []
    for a, row in zip(amounts, case_rows):
        reasons = []
        if row and row["country"] != "INT" and row["country"] not in currency_countries.get(a.currency, ()):
            own = by_country.get(row["country"])
            reasons.append(f"currency: {a.currency} printed for a {row['country']} case ({row['id']}); "
                           + (f"{row['country']} uses {'/'.join(own)}" if own else f"{a.currency} is not {row['country']}'s currency"))
        if row and a.value:
            for b, other in zip(amounts, case_rows):
                if other is row and b is not a and b.currency == a.currency and b.value:
                    ratio = a.value / b.value
                    power = 10 ** round(math.log10(ratio)) if ratio > 0 else 0
                    if ratio >= 100 and 0.8 <= ratio / power <= 1.25:
                        reasons.append(f"magnitude: about 10^{round(math.log10(ratio))} × the {b.text} of "
                                       f"the same case ({row['id']}); a slipped decimal point?")
        flags.append("; ".join(reasons))
    return flags


def statistics_table(c: Corpus, cases: list[Case]) -> pd.DataFrame:
    """Every percentage and fraction; infographic values paired with their label where possible."""
    rows, first_seen = [], {}
    for i, p in enumerate(c.paragraphs):
        infographic = c.paragraphs[i].section == "data"
        for s in find_percentages(p.text):
            f = _locate(c, i, s.start, s.end)
            context = clause_around(p.text, s.start, s.end)
            certain = True
            if infographic and FIGURES_ONLY.fullmatch(context):
                # a bare figure: the block prints its label apart, usually as the next fragment
                context, certain = _infographic_label(c, i), False
            case = _case_of(c, cases, f, s.text)
            key = (compact(s.text), compact(context))
            n = len(rows) + 1
            rows.append({
                "stat_id": f"S{n:03d}", "trend": c.paragraphs[i].trend, "section": c.paragraphs[i].section,
                "case_id": case.id if case else None, "line": c.line_in(i, s.start), "text": s.text,
                "value": round(s.value, 2), "unit": s.unit, "context": context,
                "in_infographic": infographic, "context_certain": certain,
                "repeats": first_seen.get(key) if certain else None,
            })
            first_seen.setdefault(key, f"S{n:03d}")
    return frame("statistics", rows)


# figures with no words (a trailing 资料来源 is the start of the block's source note)
FIGURES_ONLY = re.compile(r"[\d\s.,%％]*(?:资料来源|来源|备注)?")
SOURCE_NOTE = re.compile(r"[\d\s.,%％]*(资料来源|来源|备注|注)：")


def _infographic_label(c: Corpus, i: int) -> str | None:
    """The nearest fragment of the same block that is words — not figures, a heading
    or a source note — looking forward first, then back."""
    for step in (1, -1):
        j = i + step
        while 0 <= j < len(c.paragraphs) and c.paragraphs[j].section == "data" and c.paragraphs[j].trend == c.paragraphs[i].trend:
            text = c.paragraphs[j].text
            if not (FIGURES_ONLY.fullmatch(text) or heading_section(text) or SOURCE_NOTE.match(text)):
                return text
            j += step
    return None


def barriers_table(c: Corpus, rows: list[dict], *, source: str = "barriers.yaml") -> pd.DataFrame:
    """Curated sides and boundaries for every bullet of every barriers list.

    The bullets themselves are computed (paragraphs starting with • in a
    barriers section); each must have exactly one curated row, and each
    curated row must anchor in a bullet.
    """
    bullets = {i for i, p in enumerate(c.paragraphs) if c.paragraphs[i].section == "barriers" and p.text.startswith("•")}
    seen: dict[int, int] = {}
    out = []
    for n, row in enumerate(rows, 1):
        where = f"{source} row {n} (trend {row['trend']}, seq {row['seq']})"
        hit = c.flat.find_once(row["anchor"], where=where)
        if hit.para_start not in bullets:
            raise AnchorError(f"{where}: anchor {row['anchor']!r} is not in a bullet of a barriers list "
                              f"(line {c.line_of(hit.char_start)})")
        if hit.para_start in seen:
            raise AnchorError(f"{where}: same bullet as row {seen[hit.para_start]}")
        seen[hit.para_start] = n
        p = c.paragraphs[hit.para_start]
        out.append({
            "trend": row["trend"], "seq": row["seq"], "side_a": row["side_a"], "side_b": row["side_b"],
            "boundary": _join(row["boundary"]), "text": p.text.lstrip("• ").strip(), "line": p.line_start,
        })
    missing = sorted(bullets - set(seen))
    if missing:
        lines = ", ".join(str(c.paragraphs[i].line_start) for i in missing)
        raise AnchorError(f"{source}: barrier bullets at lines {lines} have no curated row; add one per bullet")
    return frame("barriers", out)


def my_takes_table(c: Corpus, boxes: list[dict], *, source: str = "boxes.yaml") -> pd.DataFrame:
    rows = []
    for n, box in enumerate(boxes, 1):
        if box["kind"] != "my_take":
            continue
        where = f"{source} row {n} ({box['title_zh']})"
        hit = c.flat.span(box["start"], box["end"], where=where, occurrence=box.get("occurrence"))
        block = c.flat.text[hit.flat_start:hit.flat_end]
        for field in ("person", "role", "organization"):
            if field not in box or compact(box[field]) not in block:
                raise AnchorError(f"{where}: {field} {box.get(field)!r} is not printed in the sidebar")
        rows.append({
            "trend": c.paragraphs[hit.para_start].trend, "person": box["person"], "role": box["role"],
            "organization": box["organization"], "title_zh": box["title_zh"],
            "line": c.line_of(hit.char_start), "line_end": c.line_of(hit.char_end - 1),
        })
    return frame("my_takes", rows)


def endnotes_table(c: Corpus) -> pd.DataFrame:
    """The English endnotes, numbered in sequence; Ibid. resolved (:mod:`trendlib.parse.endnotes`)."""
    return frame("endnotes", [{
        "trend": n.trend, "number": n.number, "text": n.text, "printed": n.printed,
        "ibid_of": n.ibid_of, "year": n.year, "line": n.line,
    } for n in endnotes(c)])


def furniture_table(c: Corpus) -> pd.DataFrame:
    return frame("furniture", [{"line": f.line, "kind": f.kind, "label": f.label, "page": f.page}
                               for f in c.furniture])
