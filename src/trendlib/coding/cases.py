"""Stage 5a — cases: codebook anchors → case spans → attributes from mentions.

The codebook (``data/reference/cases.yaml``) says which passages are cases and
what a human reading adds (title, codes, year, with their evidence). What the
text fixes is computed here: the span (anchor to ``end``), its lines, its
trend and section, and the actors its span mentions.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import AnchorError
from ..mentions.actors import ActorMention
from ..parse.corpus import Corpus
from ..patterns import compact


@dataclass(frozen=True)
class Case:
    """A codebook row located in the report."""

    row: dict
    trend: int
    section: str
    flat_start: int
    flat_end: int
    line_start: int
    line_end: int
    actor_mentions: tuple[ActorMention, ...]

    @property
    def id(self) -> str:
        return self.row["id"]


def locate_cases(
    corpus: Corpus, rows: list[dict], mentions: list[ActorMention], *, source: str = "cases.yaml"
) -> list[Case]:
    """Each codebook row as a :class:`Case`; a row that does not fit the text is an error."""
    flat = corpus.flat
    cases = []
    for n, row in enumerate(rows, 1):
        where = f"{source} row {n} ({row['id']})"
        hit = flat.span(row["anchor"], row["end"], where=where)
        trend = corpus.paragraphs[hit.para_start].trend
        if trend != row["trend"]:
            raise AnchorError(
                f"{where}: the anchor is in trend {trend} (line {corpus.line_of(hit.char_start)}), "
                f"but the row says trend {row['trend']}; fix the trend or the anchor"
            )
        # a pull quote inside the span repeats text from elsewhere: its names are not the case's
        quoted = corpus.paragraphs[hit.para_start].box != "pull_quote"
        inside = tuple(
            m
            for m in mentions
            if hit.flat_start <= m.flat_start
            and m.flat_end <= hit.flat_end
            and not (quoted and corpus.paragraphs[flat.hit(m.flat_start, m.flat_end).para_start].box == "pull_quote")
        )
        cases.append(
            Case(
                row=row,
                trend=trend,
                section=corpus.paragraphs[hit.para_start].section,
                flat_start=hit.flat_start,
                flat_end=hit.flat_end,
                line_start=corpus.line_of(hit.char_start),
                line_end=corpus.line_of(hit.char_end - 1),
                actor_mentions=inside,
            )
        )
    return cases


def figure_owners(cases: list[Case]) -> dict[tuple[int, str], Case]:
    """(trend, figure as printed) → the case a curated ``figures`` entry gives it.

    Infographic figures are printed away from the text they belong to
    (`26亿英镑 3,276亿加元` under two labels), so no span holds them; the
    codebook pairs them by hand where the block's order allows.
    """
    return {(c.trend, compact(f)): c for c in cases for f in c.row.get("figures", [])}


def case_at(cases: list[Case], flat_pos: int) -> Case | None:
    """The case whose span holds flat position ``flat_pos`` (the innermost, if nested)."""
    holding = [c for c in cases if c.flat_start <= flat_pos < c.flat_end]
    return min(holding, key=lambda c: c.flat_end - c.flat_start) if holding else None


def case_of(cases: list[Case], where, printed: str) -> Case | None:
    """The case a mention belongs to: the one the codebook gives an infographic figure (its
    ``figures``), else the case whose span holds it.

    ``where`` is a :class:`trendlib.mentions.quantities.Where`; ``printed`` the mention as printed.
    """
    owner = figure_owners(cases).get((where.trend, compact(printed))) if where.section == "data" else None
    return owner or case_at(cases, where.flat)


#: Where a case comes from, by the section or box its anchor sits in (the rest is the running text).
SOURCES = {"my_take": "my_take", "data": "infographic", "sidebar": "box"}


def source_of(case: Case) -> str:
    """``body``, ``my_take`` (a practitioner's 我的观点 sidebar), ``infographic`` (a 解读数据 block) or ``box``
    (another boxed sidebar), from the section of the case's first words.

    >>> source_of(Case({"id": "T3-18"}, 3, "my_take", 0, 1, 1, 1, ()))
    'my_take'
    """
    return SOURCES.get(case.section, "body")


def initiatives(cases: list[Case], corpus: Corpus, *, source: str = "cases.yaml") -> dict[str, str]:
    """case id → the initiative it describes: ``I-`` and the id of the first case of that initiative.

    A case that describes the same initiative as an earlier case says so in the codebook (``initiative``:
    ``same_as``, with the verbatim ``phrase`` of its span that shows it and its English gloss); every other
    case is an initiative of its own. Counts of programmes count initiatives.
    """
    by_id = {c.id: c for c in cases}
    order = {c.id: n for n, c in enumerate(cases)}
    out: dict[str, str] = {}
    for n, case in enumerate(cases, 1):
        link = case.row.get("initiative")
        if link is None:
            out[case.id] = f"I-{case.id}"
            continue
        where = f"{source} row {n} ({case.id}), initiative"
        first = by_id.get(link["same_as"])
        if first is None or order[first.id] >= order[case.id]:
            raise AnchorError(
                f"{where}: same_as {link['same_as']!r} must be an earlier case (the first case of the initiative)"
            )
        span = corpus.flat.text[case.flat_start : case.flat_end]
        if span.count(compact(link["phrase"])) != 1 and link.get("occurrence") is None:
            raise AnchorError(
                f"{where}: phrase {link['phrase']!r} occurs {span.count(compact(link['phrase']))} times "
                f"in the span of {case.id}; copy the words of its span that show it is the same initiative"
            )
        out[case.id] = out[first.id]
    return out


def check_places(cases: list[Case], places: list[dict], *, source: str = "cases.yaml") -> None:
    """Every place a case names is a row of ``places.yaml``, and every place is some case's."""
    known = {p["id"] for p in places}
    used = set()
    for n, case in enumerate(cases, 1):
        for place in case.row["places"]:
            if place not in known:
                import difflib

                close = difflib.get_close_matches(place, sorted(known), n=1)
                raise AnchorError(
                    f"{source} row {n} ({case.id}): place {place!r} is not in places.yaml"
                    + (f" (did you mean {close[0]!r}?)" if close else "; add it there")
                )
            used.add(place)
    unused = sorted(known - used)
    if unused:
        raise AnchorError(
            f"places.yaml: {', '.join(unused)} {'is' if len(unused) == 1 else 'are'} no case's place; "
            "remove it, or name it in the case it belongs to"
        )
