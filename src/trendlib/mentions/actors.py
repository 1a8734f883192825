"""Actor mentions: every occurrence of every gazetteer name, longest match first.

Names are matched on the text with whitespace removed (a name split across
lines, or an English name like ``Team Cymru``, is still found). One left-to-right
pass with an alternation sorted longest-first means a name inside a longer
name (卫生部 inside 美国卫生与公众服务部) is not a second mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import GazetteerError
from ..parse.anchors import FlatText
from ..patterns import compact


@dataclass(frozen=True)
class ActorMention:
    """``actor_id`` named as ``text`` at flat positions [flat_start, flat_end)."""

    actor_id: str
    text: str
    flat_start: int
    flat_end: int


def names_of(actors: list[dict], *, source: str = "actors.yaml") -> dict[str, str]:
    """Every name form (whitespace removed) → actor id; a form used twice is an error.

    >>> names_of([{"id": "a", "name_zh": "美国国家航空航天局", "aliases_zh": ["NASA"]}])
    {'美国国家航空航天局': 'a', 'NASA': 'a'}
    """
    forms: dict[str, str] = {}
    for n, actor in enumerate(actors, 1):
        for name in [actor["name_zh"], *actor.get("aliases_zh", [])]:
            key = compact(name)
            if key in forms and forms[key] != actor["id"]:
                raise GazetteerError(
                    f"{source} row {n} ({actor['id']}): name {name!r} is already a name of "
                    f"{forms[key]!r}; a name form may belong to one actor only"
                )
            forms[key] = actor["id"]
    return forms


def find_mentions(
    flat: FlatText, actors: list[dict], not_actors: list[str] = (), *, source: str = "actors.yaml"
) -> list[ActorMention]:
    """All mentions in reading order; a name that never occurs is an error.

    ``not_actors`` are longer strings that contain a name without naming the
    actor (新加坡元 holds 新加坡): they take part in the longest-first match
    and yield nothing. Actors with ``detect: false`` (the stakeholder groups,
    and governments the text names only by a place) are not matched at all;
    their name must still be printed in the report.
    """
    for n, actor in enumerate(actors, 1):  # a party of relations that is not matched: its name is printed
        if actor.get("detect", True) is False and compact(actor["name_zh"]) not in flat.text:
            raise GazetteerError(
                f"{source} row {n} ({actor['id']}): name {actor['name_zh']!r} never occurs in the "
                "report; copy the form the text uses"
            )
    actors = [a for a in actors if a.get("detect", True)]
    forms = names_of(actors, source=source)
    shadows = {compact(s) for s in not_actors}
    for s in sorted(shadows):
        if s not in flat.text:
            raise GazetteerError(f"not_actors.yaml: {s!r} never occurs in the report; remove it")
    pattern = re.compile("|".join(re.escape(f) for f in sorted(set(forms) | shadows, key=lambda f: (-len(f), f))))
    mentions = [
        ActorMention(forms[m[0]], m[0], m.start(), m.end()) for m in pattern.finditer(flat.text) if m[0] not in shadows
    ]
    found = {m.text for m in mentions}
    for n, actor in enumerate(actors, 1):
        for name in [actor["name_zh"], *actor.get("aliases_zh", [])]:
            if compact(name) not in found:
                raise GazetteerError(
                    f"{source} row {n} ({actor['id']}): name {name!r} never occurs in the report "
                    "(or only inside a longer name); remove it or copy the form the text uses"
                )
    return mentions
