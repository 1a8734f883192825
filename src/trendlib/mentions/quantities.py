"""Money and percentages found in the corpus: where each is, and the clause around it.

The grammars (:mod:`trendlib.mentions.money`, :mod:`trendlib.mentions.percent`)
read a string; this module reads the report. It finds mentions on **runs of
paragraphs read as one text** (:func:`runs`), joined as wrapped lines are, so a
line or paragraph break that another extraction puts inside ``4,|500万美元``,
``高达|1000万英镑`` or ``美|元`` changes nothing. A run ends only where the
structure says so: at a heading, a list item (a barrier bullet), a section or
box boundary, or a chapter's title lines. Infographic blocks (section ``data``)
are read fragment by fragment, because their fragments are printed apart:
there a chart's bare values are read in the unit its labels state
(:func:`chart_values`), and every figure gets the label a reader of the
infographic gives it (``infographics.yaml``, :func:`label_infographics`): the
extraction's fragment order is no guide, and the fragments themselves change
with the extraction.

The report breaks the line inside ``4,500|万美元`` (raw lines 1695 and 1697); the
amount is still read whole:

>>> from trendlib.mentions.money import currency_words
>>> from trendlib.parse.corpus import read_corpus
>>> from trendlib.parse.report import read_report
>>> from trendlib.curated.files import load_reference
>>> ref = load_reference()
>>> c = read_corpus(read_report(), ref.boxes)
>>> found = corpus_amounts(c, currency_words(ref.currencies))
>>> [(m.amount.text, c.line_of(m.where.raw)) for m in found if m.amount.text.startswith("4,500")]
[('4,500万美元', 1695)]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from ..errors import AnchorError
from ..parse.corpus import Corpus
from ..parse.layout import LIST_ITEM, joiner
from ..parse.structure import heading_section
from ..patterns import compact
from .context import clause_around
from .money import Amount, find_amounts
from .percent import Percentage, find_percentages

__all__ = [
    "Run",
    "Where",
    "AmountMention",
    "PercentMention",
    "runs",
    "corpus_amounts",
    "corpus_percentages",
    "chart_values",
    "infographic_label",
    "label_infographics",
]

#: Sections read one paragraph at a time: infographic fragments, and a chapter's title lines.
FRAGMENTED = {"data", "title"}
CHART_UNIT = re.compile(r"(?P<label>[^\s（(]*)[（(]单位：(?P<unit>[^）)]+)[）)]")
BARE_FIGURES = re.compile(r"\d[\d,.]*(?:\s+\d[\d,.]*)*")
# figures with no words (a trailing 资料来源 is the start of the block's source note)
FIGURES_ONLY = re.compile(r"[\d\s.,%％]*(?:资料来源|来源|备注)?")
SOURCE_NOTE = re.compile(r"[\d\s.,%％]*(资料来源|来源|备注|注)：")


@dataclass(frozen=True)
class Run:
    """Paragraphs ``first..last`` of one trend, section and box, read as one ``text``."""

    text: str
    offsets: tuple[int, ...]  # raw offset of every character of ``text`` (a separator: the one before)
    first: int
    last: int
    trend: int
    section: str
    box: str


@dataclass(frozen=True)
class Where:
    """Where a mention is: its run's trend, section and box, its raw offset, flat position and clause."""

    trend: int
    section: str
    para: int  # the paragraph holding its first character
    raw: int
    flat: int
    context: str
    context_certain: bool = True


@dataclass(frozen=True)
class AmountMention:
    amount: Amount
    where: Where
    chart_unit: str | None = None  # the unit a bare chart value was read in


@dataclass(frozen=True)
class PercentMention:
    figure: Percentage
    where: Where


def _starts_run(c: Corpus, i: int) -> bool:
    p = c.paragraphs[i]
    if i == 0:
        return True
    q = c.paragraphs[i - 1]
    return (
        (p.trend, p.section, p.box) != (q.trend, q.section, q.box)
        or p.section in FRAGMENTED
        or heading_section(p.text) is not None
        or heading_section(q.text) is not None
        or bool(LIST_ITEM.match(p.text))
    )


def runs(c: Corpus) -> list[Run]:
    """The corpus as runs of paragraphs read as one text each (see the module docstring)."""
    out: list[Run] = []
    parts: list[str] = []
    offsets: list[int] = []
    first = 0
    for i, p in enumerate(c.paragraphs):
        if _starts_run(c, i) and parts:
            q = c.paragraphs[first]
            out.append(Run("".join(parts), tuple(offsets), first, i - 1, q.trend, q.section, q.box))
            parts, offsets, first = [], [], i
        if parts:
            sep, _ = joiner(parts[-1][-2:], p.text, dehyphenate=False)
            if sep:
                parts.append(sep)
                offsets.append(offsets[-1])
        parts.append(p.text)
        offsets.extend(p.offsets)
    if parts:
        q = c.paragraphs[first]
        out.append(Run("".join(parts), tuple(offsets), first, len(c.paragraphs) - 1, q.trend, q.section, q.box))
    return out


def _where(c: Corpus, run: Run, start: int, end: int, context: str | None = None, certain: bool = True) -> Where:
    raw = run.offsets[start]
    para = (
        run.first + bisect.bisect_right([c.paragraphs[k].char_start for k in range(run.first, run.last + 1)], raw) - 1
    )
    return Where(
        run.trend,
        run.section,
        max(para, run.first),
        raw,
        c.flat.flat_at(raw),
        clause_around(run.text, start, end) if context is None else context,
        certain,
    )


def corpus_amounts(c: Corpus, currencies: dict[str, str]) -> list[AmountMention]:
    """Every monetary amount of the report, in reading order; chart values included.

    An unknown currency word after a number stops the build (``strict``).
    """
    found = [
        AmountMention(a, _where(c, run, a.start, a.end))
        for run in runs(c)
        for a in find_amounts(run.text, currencies, strict=True)
    ]
    for i, a, label in chart_values(c, currencies):
        run = _single(c, i)
        found.append(AmountMention(a, _where(c, run, a.start, a.end, context=label["label"]), label["unit"]))
    # a paragraph the source printed twice names its money once
    return sorted((m for m in found if not c.repeated(m.where.raw)), key=lambda m: m.where.flat)


def corpus_percentages(c: Corpus) -> list[PercentMention]:
    """Every percentage and fraction, in reading order; a bare infographic figure gets the label
    its block prints nearest (``context_certain`` false)."""
    out = []
    for run in runs(c):
        for s in find_percentages(run.text):
            context = clause_around(run.text, s.start, s.end)
            certain = True
            if run.section == "data" and FIGURES_ONLY.fullmatch(context):
                # a bare figure: the block prints its label apart, usually as the next fragment
                context, certain = infographic_label(c, run.first), False
            where = _where(c, run, s.start, s.end, context=context, certain=certain)
            if not c.repeated(where.raw):  # a paragraph the source printed twice states its figures once
                out.append(PercentMention(s, where))
    return out


def _single(c: Corpus, i: int) -> Run:
    p = c.paragraphs[i]
    return Run(p.text, p.offsets, i, i, p.trend, p.section, p.box)


def chart_values(c: Corpus, currencies: dict[str, str]) -> list[tuple[int, Amount, dict]]:
    """Bare values of an infographic chart whose labels state a money unit.

    A chart labelled `API集成支出（单位：百万美元） 云原生应用支出（单位：百万美元）`
    prints its values as rows of bare figures (`29 735`): the n-th figure of a
    row is read in the n-th label's unit. Returns (paragraph, amount, {label, unit}).
    """
    out = []
    blocks: dict[tuple[int, str], list[int]] = {}
    for i, p in enumerate(c.paragraphs):
        if p.section == "data":
            blocks.setdefault((p.trend, p.box), []).append(i)
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
            for m, label in zip(figures, labels, strict=True):
                value = float(m[0].replace(",", "")) * label["amount"].value
                out.append(
                    (
                        i,
                        Amount(m.start(), m.end(), m[0], value, label["amount"].currency, "exact"),
                        {"label": label["label"], "unit": label["unit"]},
                    )
                )
    return out


def infographic_label(c: Corpus, i: int) -> str | None:
    """The nearest fragment of paragraph ``i``'s infographic block that is words — not figures, a
    heading or a source note — looking forward first, then back."""
    for step in (1, -1):
        j = i + step
        while (
            0 <= j < len(c.paragraphs)
            and c.paragraphs[j].section == "data"
            and c.paragraphs[j].trend == c.paragraphs[i].trend
        ):
            text = c.paragraphs[j].text
            if not (FIGURES_ONLY.fullmatch(text) or heading_section(text) or SOURCE_NOTE.match(text)):
                return text
            j += step
    return None


def label_infographics(
    c: Corpus,
    amounts: list[AmountMention],
    figures: list[PercentMention],
    rows: list[dict],
    *,
    source: str = "infographics.yaml",
) -> tuple[list[AmountMention], list[PercentMention]]:
    """The mentions with every infographic figure's curated label as its context (certain as curated).

    A figure is known by its trend, its text as printed and its occurrence among the trend's infographic
    figures of that text (in file order). Every infographic figure must have one row, every row one figure,
    and every label piece must be printed in the trend's infographic.
    """
    data_text: dict[int, str] = {}
    for p in c.paragraphs:
        if p.section == "data":
            data_text[p.trend] = data_text.get(p.trend, "") + compact(p.text)
    curated = {}
    for n, row in enumerate(rows, 1):
        where = f"{source} row {n} (trend {row['trend']}, {row['figure']} #{row['occurrence']})"
        for piece in row["label"]:
            if compact(piece) not in data_text.get(row["trend"], ""):
                raise AnchorError(
                    f"{where}: label {piece!r} is not printed in trend {row['trend']}'s infographic; "
                    "copy the block's words verbatim"
                )
        curated[(row["trend"], compact(row["figure"]), row["occurrence"])] = (where, row)
    counts: dict[tuple[int, str], int] = {}
    used: set = set()

    def relabel(mention, printed: str):
        w = mention.where
        if w.section != "data":
            return mention
        text = compact(printed)
        counts[(w.trend, text)] = counts.get((w.trend, text), 0) + 1
        key = (w.trend, text, counts[(w.trend, text)])
        if key not in curated:
            raise AnchorError(
                f"{source}: the trend {w.trend} infographic figure {printed!r} (occurrence {key[2]}, "
                f"raw line {c.line_of(w.raw)}) has no label; add a row pairing it with its label"
            )
        used.add(key)
        row = curated[key][1]
        return replace(mention, where=replace(w, context="；".join(row["label"]), context_certain=row["certain"]))

    everything = sorted(
        [(m.where.flat, 0, k) for k, m in enumerate(amounts)] + [(m.where.flat, 1, k) for k, m in enumerate(figures)]
    )
    new_amounts, new_figures = list(amounts), list(figures)
    for _, kind, k in everything:  # in file order, so occurrences count as a reader counts them
        if kind == 0:
            new_amounts[k] = relabel(amounts[k], amounts[k].amount.text)
        else:
            new_figures[k] = relabel(figures[k], figures[k].figure.text)
    unused = [curated[k][0] for k in curated if k not in used]
    if unused:
        raise AnchorError(
            f"{unused[0]}: no infographic figure of that text and occurrence is printed; fix the "
            f"figure or its occurrence ({len(unused)} such rows)"
        )
    return new_amounts, new_figures
