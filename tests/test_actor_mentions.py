"""Actor mentions (trendlib.mentions.actors) on real passages of the report.

The gazetteer (data/reference/actors.yaml) is matched on the text with all
whitespace removed, longest form first; ``not_actors.yaml`` shadows forms that
contain a name without naming the actor. Line numbers below are lines of
data/raw/government-trends-2023-zh.txt, read by hand.
"""

from __future__ import annotations

import pytest
from curated_rows import refused

from trendlib.mentions.actors import ActorMention, GazetteerError, find_mentions, names_of


def start_line(corpus, m: ActorMention) -> int:
    return corpus.line_of(corpus.flat.hit(m.flat_start, m.flat_end).char_start)


def end_line(corpus, m: ActorMention) -> int:
    return corpus.line_of(corpus.flat.hit(m.flat_start, m.flat_end).char_end - 1)


def at_line(corpus, mentions, line: int) -> list[ActorMention]:
    return [m for m in mentions if start_line(corpus, m) == line]


def actor(reference, actor_id: str) -> dict:
    return next(a for a in reference.actors if a["id"] == actor_id)


# ---------------------------------------------------------------- longest match first


def test_the_real_pair_is_in_the_gazetteer(reference):
    """印第安纳州 (the state government) is a name inside 印第安纳州技术办公室 (its office)."""
    forms = names_of(reference.actors)
    assert forms["印第安纳州"] == "usa_indiana"
    assert forms["印第安纳州技术办公室"] == "usa_indiana_iot"


def test_longer_agency_name_is_one_mention(corpus, mentions):
    # line 718: 在地方层面，2019年，印第安纳州技术办公室通过联合学徒项目，…
    found = at_line(corpus, mentions, 718)
    assert [(m.actor_id, m.text) for m in found] == [("usa_indiana_iot", "印第安纳州技术办公室")]
    office = found[0]
    # no second mention of the state inside the office's name
    inside = [m for m in mentions if office.flat_start <= m.flat_start < office.flat_end]
    assert inside == [office]


def test_shorter_name_alone_is_the_other_actor(corpus, mentions):
    # line 722: 印第安纳州成为率先对技术岗位执行技能优先招聘方法的领头羊
    assert ("usa_indiana", "印第安纳州") in {(m.actor_id, m.text) for m in at_line(corpus, mentions, 722)}


def test_singapore_ministry_is_not_also_singapore(corpus, mentions):
    # line 2792 (My Take byline): 新加坡财政部VITAL项目首席执行官
    found = at_line(corpus, mentions, 2792)
    assert "sgp_government" not in {m.actor_id for m in found}
    assert {m.actor_id for m in found} <= {"sgp_mof", "sgp_vital"} and found


def test_mentions_never_overlap(mentions):
    ordered = sorted(mentions, key=lambda m: m.flat_start)
    assert ordered == list(mentions), "mentions are in reading order"
    for a, b in zip(ordered, ordered[1:], strict=False):
        assert a.flat_end <= b.flat_start, (a, b)


def test_longest_first_on_a_small_gazetteer(corpus):
    """Independently of the curated file: the shorter actor is not found inside the longer."""
    actors = [
        {"id": "state", "name_zh": "印第安纳州", "aliases_zh": []},
        {"id": "office", "name_zh": "印第安纳州技术办公室", "aliases_zh": []},
    ]
    found = find_mentions(corpus.flat, actors)
    office = [m for m in found if m.actor_id == "office"]
    assert len(office) == corpus.flat.text.count("印第安纳州技术办公室") == 1
    state = [m for m in found if m.actor_id == "state"]
    assert len(state) == corpus.flat.text.count("印第安纳州") - 1
    assert not any(o.flat_start <= s.flat_start < o.flat_end for o in office for s in state)


# ---------------------------------------------------------------- names split across lines


@pytest.mark.parametrize(
    "actor_id, form, line, last_line",
    [
        # 波士顿的新都市力学市长办公室（The Mayor's Office of New ⏎ Urban Mechanics）
        ("usa_boston_monum", "Mayor's Office of New Urban Mechanics", 31, 33),
        # …美国国家航 ⏎ 空航天局…
        ("usa_nasa", "美国国家航空航天局", 615, 617),
        # 大曼彻斯特联合政 ⏎ 府
        ("gbr_gmca", "大曼彻斯特联合政府", 1812, 1814),
    ],
)
def test_name_split_across_a_line_break(corpus, mentions, raw_text, actor_id, form, line, last_line):
    raw = ["".join(r.split()) for r in raw_text.split("\n")]
    flat = form.replace(" ", "")
    # the raw file really splits it: a head ends line `line`, the rest starts line `last_line`
    k = max(k for k in range(len(flat)) if raw[line - 1].endswith(flat[:k]))
    assert 0 < k < len(flat) and raw[last_line - 1].startswith(flat[k:])
    assert not any(raw[line : last_line - 1])  # only blank lines between
    found = [m for m in at_line(corpus, mentions, line) if m.text == flat]
    assert [m.actor_id for m in found] == [actor_id]
    assert end_line(corpus, found[0]) == last_line


def test_every_split_mention_starts_where_its_first_character_is(corpus, mentions, raw_text):
    """For every mention, the reported line holds its first character and the text runs on from there."""
    raw = raw_text.split("\n")
    for m in mentions:
        first, last = start_line(corpus, m), end_line(corpus, m)
        assert 1 <= first <= last <= len(raw)
        joined = "".join("".join(raw[k - 1].split()) for k in range(first, last + 1))
        assert m.text in joined, (m, first, last)


# ---------------------------------------------------------------- variant translations


def test_variant_translations_are_one_actor(corpus, mentions, reference):
    monum = actor(reference, "usa_boston_monum")
    assert monum["name_zh"] == "波士顿新城市力学市长办公室"
    assert {"新都市力学市长办公室", "MONUM"} <= set(monum["aliases_zh"])
    forms = {(m.text, start_line(corpus, m)) for m in mentions if m.actor_id == "usa_boston_monum"}
    assert ("新都市力学市长办公室", 31) in forms  # 波士顿的新都市力学市长办公室（The Mayor's…
    assert ("波士顿新城市力学市长办公室", 1383) in forms  # 十多年来，波士顿新城市力学市长办公室（MONUM）
    assert ("MONUM", 1383) in forms
    assert ("MONUM", 1395) in forms  # 保持透明是MONUM成功的关键之一
    # the two translations of "New Urban Mechanics" are never another actor
    others = {m.actor_id for m in mentions if "力学市长办公室" in m.text}
    assert others == {"usa_boston_monum"}


def test_singapore_dollar_is_not_singapore(corpus, mentions, reference):
    assert "新加坡元" in reference.not_actors
    # 逾7,000万新加坡元 75亿澳元 (line 1627); 备注：新加坡元金额代表年度经营预算。(line 1631)
    for line in (1627, 1631):
        assert "sgp_government" not in {m.actor_id for m in at_line(corpus, mentions, line)}
    shadows = [i for i in corpus.flat.find_all("新加坡元")]
    assert len(shadows) == 2
    for s in shadows:
        assert not any(m.flat_start <= s < m.flat_end or s <= m.flat_start < s + 4 for m in mentions)


def test_without_the_shadow_the_currency_would_count(corpus, reference, mentions):
    unshadowed = find_mentions(corpus.flat, reference.actors, [])
    extra = [m for m in unshadowed if m not in set(mentions)]
    lines = sorted(start_line(corpus, m) for m in extra if m.actor_id == "sgp_government")
    assert lines == [1627, 1631]
    # 印度尼西亚 (line 3061) would otherwise count as India
    assert [start_line(corpus, m) for m in extra if m.actor_id == "ind_government"] == [3061] or not any(
        a["id"] == "ind_government" for a in reference.actors
    )


def test_indonesia_is_not_india(corpus, mentions):
    assert all(m.text != "印度" for m in at_line(corpus, mentions, 3061))


# ---------------------------------------------------------------- gazetteer errors


def test_name_used_by_two_actors_is_an_error(corpus):
    actors = [
        {"id": "nasa", "name_zh": "美国国家航空航天局", "aliases_zh": []},
        {"id": "nasa_again", "name_zh": "NASA局", "aliases_zh": ["美国国家航空航天局"]},
    ]
    with refused(
        GazetteerError,
        file="actors.yaml",
        row="row 2 (nasa_again)",
        fix="a name form may belong to one actor only",
        says=("'美国国家航空航天局'", "'nasa'"),
    ):
        find_mentions(corpus.flat, actors)


def test_name_differing_only_by_spaces_is_the_same_name(corpus):
    actors = [
        {"id": "monum", "name_zh": "MONUM", "aliases_zh": []},
        {"id": "other", "name_zh": "新都市力学市长办公室", "aliases_zh": ["MON UM"]},
    ]
    with refused(
        GazetteerError,
        file="actors.yaml",
        row="row 2 (other)",
        fix="a name form may belong to one actor only",
        says=("'MON UM'",),
    ):
        find_mentions(corpus.flat, actors)


def test_name_that_never_occurs_is_an_error(corpus):
    actors = [
        {"id": "nasa", "name_zh": "美国国家航空航天局", "aliases_zh": []},
        {"id": "esa", "name_zh": "欧洲航天局", "aliases_zh": ["ESA"]},
    ]
    with refused(
        GazetteerError,
        file="actors.yaml",
        row="row 2 (esa)",
        fix="remove it or copy the form the text uses",
        says=("'欧洲航天局' never occurs",),
    ):
        find_mentions(corpus.flat, actors)


def test_name_found_only_inside_a_longer_name_is_an_error(corpus):
    # 印第安纳州技术 occurs only inside 印第安纳州技术办公室, which is matched first
    actors = [
        {"id": "office", "name_zh": "印第安纳州技术办公室", "aliases_zh": []},
        {"id": "tech", "name_zh": "印第安纳州技术", "aliases_zh": []},
    ]
    assert corpus.flat.text.count("印第安纳州技术") == 1
    with refused(
        GazetteerError,
        file="actors.yaml",
        row="row 2 (tech)",
        fix="remove it or copy the form the text uses",
        says=("'印第安纳州技术' never occurs in the report (or only inside a longer name)",),
    ):
        find_mentions(corpus.flat, actors)


def test_shadow_that_never_occurs_is_an_error(corpus):
    actors = [{"id": "sgp", "name_zh": "新加坡", "aliases_zh": []}]
    with pytest.raises(GazetteerError, match=r"not_actors\.yaml.*'新加坡比索'"):
        find_mentions(corpus.flat, actors, ["新加坡元", "新加坡比索"])


def test_curated_gazetteer_has_no_shared_or_missing_names(corpus, reference, mentions):
    """The real files pass: every name form of every actor is found at least once."""
    found = {m.text for m in mentions}
    for a in reference.actors:
        if a.get("detect") is False:  # stakeholder groups and place-named parties: never matched
            assert not any(m.actor_id == a["id"] for m in mentions), a["id"]
            continue
        for name in [a["name_zh"], *a["aliases_zh"]]:
            assert "".join(name.split()) in found, (a["id"], name)
