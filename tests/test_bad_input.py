"""Bad curated input is an error naming the file, the row and the fix; a build that fails writes nothing.

Each rule is checked where it is enforced: the shape of a file (its schema, keys and codes) by
:mod:`trendlib.curated.files` on the bytes of the file with one row changed; anchors and names by the
stage that looks for them in the report (cases, actor mentions, barriers, boxes), on the report parsed once
(the session fixtures of conftest.py). End to end, through ``trendlib build``: a bad curated file stops the
build and the previous outputs stay as they were, an altered report likewise, and a good build writes every
output.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil

import pytest
import yaml
from curated_rows import check_file, document, dump, number_of, refused, row_with, rows_of, snapshot

from trendlib import build, cli, tables
from trendlib.coding.cases import locate_cases
from trendlib.curated import files
from trendlib.errors import AnchorError, CuratedDataError, ExchangeRateError, GazetteerError
from trendlib.mentions.actors import find_mentions
from trendlib.mentions.money import load_rates, read_rate_rows
from trendlib.parse.corpus import read_corpus
from trendlib.parse.structure import locate_boxes
from trendlib.paths import reference_dir, report_path

# ---------------------------------------------------------------- cases.yaml: anchors


def located(corpus, mentions, reference, case_id: str, **changes):
    """``locate_cases`` over every curated case, ``case_id``'s row changed; and that row's number."""
    rows = rows_of(reference.cases)
    n = number_of(rows, "id", case_id)
    rows[n - 1].update(changes)
    return n, lambda: locate_cases(corpus, rows, mentions)


def test_anchor_found_zero_times(corpus, mentions, reference):
    n, run = located(corpus, mentions, reference, "T0-02", anchor="波士顿的新都市力学市长办公厅")
    with refused(
        AnchorError,
        file="cases.yaml",
        row=f"row {n} (T0-02)",
        fix="copy a longer or different verbatim phrase from the report",
        says=("'波士顿的新都市力学市长办公厅' occurs 0 times",),
    ):
        run()


def test_anchor_found_twice(corpus, mentions, reference):
    assert len(corpus.flat.find_all("新加坡元")) == 2  # 逾7,000万新加坡元 (1627), 备注：新加坡元金额 (1631)
    n, run = located(corpus, mentions, reference, "T3-03", anchor="新加坡元", end="预算")
    with refused(
        AnchorError,
        file="cases.yaml",
        row=f"row {n} (T3-03)",
        fix="copy a longer or different verbatim phrase",
        says=("'新加坡元' occurs 2 times",),
    ):
        run()


def test_end_not_found(corpus, mentions, reference):
    n, run = located(corpus, mentions, reference, "T0-02", end="令市民受益的技术解决办法")
    with refused(
        AnchorError,
        file="cases.yaml",
        row=f"row {n} (T0-02)",
        fix="copy the verbatim last words of the passage",
        says=("'令市民受益的技术解决办法' not found",),
    ):
        run()


# ---------------------------------------------------------------- actors.yaml and not_actors.yaml


def mentions_with(corpus, reference, actor_id: str | None = None, *, not_actors=None, **changes):
    rows = rows_of(reference.actors)
    n = number_of(rows, "id", actor_id) if actor_id else 0
    if actor_id:
        rows[n - 1].update(changes)
    return n, lambda: find_mentions(corpus.flat, rows, reference.not_actors if not_actors is None else not_actors)


def test_name_of_an_undetected_party_that_never_occurs(corpus, reference):
    n, run = mentions_with(corpus, reference, "agencies", name_zh="政府各部委")
    with refused(
        GazetteerError,
        file="actors.yaml",
        row=f"row {n} (agencies)",
        fix="copy the form the text uses",
        says=("'政府各部委' never occurs",),
    ):
        run()


def test_not_actor_that_never_occurs(corpus, reference):
    _, run = mentions_with(corpus, reference, not_actors=[*reference.not_actors, "新加坡比索"])
    with refused(GazetteerError, file="not_actors.yaml", row="'新加坡比索'", fix="remove it"):
        run()


@pytest.mark.parametrize(
    "field, value",
    [("type", "ministry"), ("country", "usa"), ("country", "US"), ("sector", "public"), ("id", "USA-NASA")],
)
def test_bad_actor_field(field, value):
    n = number_of(document("actors.yaml")["rows"], "id", "usa_nasa")
    label = f"row {n} ({value})" if field == "id" else f"row {n} (usa_nasa)"
    with refused(
        CuratedDataError,
        file="actors.yaml",
        row=f"{label}, field {field}",
        fix="see the file's `about`",
        says=(repr(value),),
    ):
        check_file("actors.yaml", lambda rows: row_with(rows, "id", "usa_nasa").update({field: value}))


def test_a_country_code_that_iso_does_not_know():
    n = number_of(document("actors.yaml")["rows"], "id", "usa_nasa")
    with refused(
        CuratedDataError,
        file="actors.yaml",
        row=f"row {n} (usa_nasa), field country",
        fix="did you mean",
        says=("'USQ' is not an ISO 3166-1 alpha-3 code",),
    ):
        check_file("actors.yaml", lambda rows: row_with(rows, "id", "usa_nasa").update(country="USQ"))


def test_duplicate_actor_id():
    rows = document("actors.yaml")["rows"]
    n = number_of(rows, "id", "usa_nasa")

    def change(rows):
        rows[n]["id"] = "usa_nasa"  # the row after it

    with refused(
        CuratedDataError,
        file="actors.yaml",
        row=f"row {n + 1} (usa_nasa)",
        fix="merge the two rows",
        says=(f"duplicate id 'usa_nasa' (first in row {n})",),
    ):
        check_file("actors.yaml", change)


# ---------------------------------------------------------------- hyphenated_words.yaml


def test_hyphenated_word_that_never_occurs(report, reference):
    words = [*reference.hyphenated_words, "well-being"]
    with refused(
        AnchorError,
        file="hyphenated_words.yaml",
        row=f"row {len(words)} ('well-being')",
        fix="remove it, or copy the word as the report spells it",
    ):
        read_corpus(report, reference.boxes, hyphenated_words=words)


def test_hyphenated_word_without_a_hyphen():
    doc = document("hyphenated_words.yaml")
    doc["rows"].append("realtime")
    with refused(
        CuratedDataError,
        file="hyphenated_words.yaml",
        row=f"row {len(doc['rows'])}, field (row)",
        fix="see the file's `about`",
        says=("'realtime' does not match",),
    ):
        check_file("hyphenated_words.yaml", data=dump(doc))


# ---------------------------------------------------------------- cases.yaml: vocabularies and ids


@pytest.mark.parametrize(
    "field, value, shown",
    [
        ("level", "city", "'city'"),
        ("kind", "scheme", "'scheme'"),
        ("country", "usa", "'usa'"),
        ("boundary", ["across_planets"], "'across_planets'"),
        ("trend", 9, "9 must be at most 8"),
    ],
)
def test_bad_case_field(field, value, shown):
    """(An instrument outside the vocabulary is tests/test_coding.py's.)"""
    n = number_of(document("cases.yaml")["rows"], "id", "T0-02")
    with refused(
        CuratedDataError,
        file="cases.yaml",
        row=f"row {n} (T0-02), field {field}",
        fix="see the file's `about`",
        says=(shown,),
    ):
        check_file("cases.yaml", lambda rows: row_with(rows, "id", "T0-02").update({field: value}))


def test_unknown_case_key():
    n = number_of(document("cases.yaml")["rows"], "id", "T0-02")
    with refused(
        CuratedDataError,
        file="cases.yaml",
        row=f"row {n} (T0-02)",
        fix="allowed: anchor, boundary",
        says=("unknown key 'contry'",),
    ):
        check_file("cases.yaml", lambda rows: row_with(rows, "id", "T0-02").update(contry="USA"))


def test_duplicate_case_id():
    rows = document("cases.yaml")["rows"]
    n, first = number_of(rows, "id", "T0-03"), number_of(rows, "id", "T0-02")
    with refused(
        CuratedDataError,
        file="cases.yaml",
        row=f"row {n} (T0-02)",
        fix="merge the two rows",
        says=(f"duplicate id 'T0-02' (first in row {first})",),
    ):
        check_file("cases.yaml", lambda rows: row_with(rows, "id", "T0-03").update(id="T0-02"))


# ---------------------------------------------------------------- barriers.yaml and boxes.yaml


def barriers(corpus, reference, rows):
    return tables.barriers_table(corpus, rows)


def test_the_real_barriers_cover_every_bullet_once(corpus, reference):
    t = barriers(corpus, reference, reference.barriers)
    bullets = [p for p in corpus.paragraphs if p.section == "barriers" and p.text.startswith("•")]
    assert sorted(t.line) == sorted(p.line_start for p in bullets)
    assert t[["trend", "seq"]].apply(tuple, axis=1).is_unique


def test_barrier_bullet_without_a_row(corpus, reference):
    rows = rows_of(reference.barriers)
    removed = rows.pop(next(n for n, r in enumerate(rows) if (r["trend"], r["seq"]) == (2, 1)))
    line = corpus.paragraphs[corpus.flat.find_once(removed["anchor"], where="test").para_start].line_start
    with refused(
        AnchorError, file="barriers.yaml", row=f"lines {line}", fix="add one per bullet", says=("no curated row",)
    ):
        barriers(corpus, reference, rows)


def test_barrier_anchor_outside_a_bullet(corpus, reference):
    rows = rows_of(reference.barriers)
    rows[0]["anchor"] = "印第安纳州技术办公室"
    with refused(
        AnchorError,
        file="barriers.yaml",
        row=f"row 1 (trend {rows[0]['trend']}, seq {rows[0]['seq']})",
        fix="copy the first words of the bullet",
        says=("'印第安纳州技术办公室' is not in a bullet", "line 718"),
    ):
        barriers(corpus, reference, rows)


def test_two_rows_of_one_bullet(corpus, reference):
    rows = rows_of(reference.barriers)
    rows[1]["anchor"], rows[1]["end"] = rows[0]["anchor"], rows[0]["end"]
    with refused(
        AnchorError,
        file="barriers.yaml",
        row=f"row 2 (trend {rows[1]['trend']}, seq {rows[1]['seq']})",
        fix="copy the first and last words of another bullet",
        says=("same bullet as row 1",),
    ):
        barriers(corpus, reference, rows)


def test_barrier_end_in_a_later_bullet(corpus, reference):
    rows = rows_of(reference.barriers)
    rows[2]["end"] = rows[3]["end"]  # trend 2, bullet 1 ending with bullet 2's last words
    with refused(
        AnchorError,
        file="barriers.yaml",
        row="row 3 (trend 2, seq 1)",
        fix="copy this bullet's last words",
        says=("lies in a later bullet",),
    ):
        barriers(corpus, reference, rows)


def test_barrier_end_not_found(corpus, reference):
    rows = rows_of(reference.barriers)
    rows[0]["end"] = "这几个字不在报告里"
    with refused(
        AnchorError,
        file="barriers.yaml",
        row="row 1",
        fix="copy the verbatim last words",
        says=("'这几个字不在报告里' not found",),
    ):
        barriers(corpus, reference, rows)


def test_bad_barrier_boundary():
    with refused(
        CuratedDataError,
        file="barriers.yaml",
        row=f"row 1 ({document('barriers.yaml')['rows'][0]['anchor']}), field boundary.0",
        fix="see the file's `about`",
        says=("'within_goverment'",),
    ):
        check_file("barriers.yaml", lambda rows: rows[0].update(boundary=["within_goverment"]))


def test_duplicate_barrier_seq():
    def change(rows):
        rows[1]["trend"], rows[1]["seq"] = rows[0]["trend"], rows[0]["seq"]

    first = document("barriers.yaml")["rows"][0]
    with refused(
        CuratedDataError,
        file="barriers.yaml",
        row="row 2",
        fix="merge the two rows",
        says=(f"duplicate trend/seq ({first['trend']}, {first['seq']}) (first in row 1)",),
    ):
        check_file("barriers.yaml", change)


def test_box_anchor_not_found(corpus, reference):
    # boxes.yaml is read while the report is parsed; checked here on the parsed text directly
    rows = rows_of(reference.boxes)
    rows[0]["start"] = "这段文字不在报告里"
    with refused(
        AnchorError,
        file="boxes.yaml",
        row=f"row 1 ({rows[0]['title_zh']})",
        fix="copy a longer or different verbatim phrase",
        says=("'这段文字不在报告里'",),
    ):
        locate_boxes(corpus.flat, rows, source="boxes.yaml")


def test_a_my_take_whose_person_is_not_printed(corpus, reference):
    rows = rows_of(reference.boxes)
    n = next(n for n, r in enumerate(rows, 1) if r["kind"] == "my_take")
    rows[n - 1]["person"] = "无名氏"
    with refused(
        AnchorError,
        file="boxes.yaml",
        row=f"row {n} ({rows[n - 1]['title_zh']})",
        fix="copy it as the sidebar prints it",
        says=("person '无名氏' is not printed in the sidebar",),
    ):
        tables.my_takes_table(corpus, rows)


def test_bad_box_kind():
    with refused(
        CuratedDataError,
        file="boxes.yaml",
        row="row 1",
        fix="see the file's `about`",
        says=("field kind", "'footnote'"),
    ):
        check_file("boxes.yaml", lambda rows: rows[0].update(kind="footnote"))


# ---------------------------------------------------------------- files


def test_malformed_yaml():
    data = (reference_dir() / "actors.yaml").read_bytes() + "- id: [unclosed\n  name_zh: 某机构\n".encode()
    last = data.decode().count("\n")
    with pytest.raises(CuratedDataError) as err:
        check_file("actors.yaml", data=data)
    msg = str(err.value)
    assert type(err.value) is CuratedDataError
    assert "actors.yaml: not valid YAML" in msg and "Fix the YAML syntax at the line it names" in msg
    assert any(f"line {n}" in msg for n in (last - 1, last, last + 1)), msg


def test_yaml_that_is_not_a_list():
    with refused(CuratedDataError, file="cases.yaml", row="file, field (top level)", fix="see the file's `about`"):
        check_file("cases.yaml", data="id: T0-01\ntrend: 0\n".encode())


def test_missing_curated_file(tmp_path):
    for name in [f.path for f in files.CURATED]:
        with refused(CuratedDataError, file=str(tmp_path / name), row=None, fix="restore it", says=("missing",)):
            files._load(tmp_path / name, name)


def test_missing_exchange_rates(tmp_path):
    """The rate table is checked first: a folder without it is refused before any YAML is read."""
    with refused(CuratedDataError, file=str(tmp_path / "exchange_rates.csv"), row=None, fix="restore it"):
        files.load_reference(tmp_path)
    with refused(ExchangeRateError, file=str(tmp_path / "exchange_rates.csv"), row=None, fix="restore it"):
        read_rate_rows(tmp_path / "exchange_rates.csv")


def test_a_review_by_an_unknown_coder(ref):
    doc = yaml.safe_load((ref / "boxes.yaml").read_text(encoding="utf-8"))
    doc["review"]["coders"] = ["curator", "nobody-we-know"]
    (ref / "boxes.yaml").write_bytes(dump(doc))
    with refused(
        CuratedDataError,
        file=str(ref / "boxes.yaml"),
        row="review, coders: 'nobody-we-know'",
        fix="add the coder there, saying what it saw",
    ):
        files.load_reference(ref)


# ---------------------------------------------------------------- exchange_rates.csv


def rate_table(tmp_path, change) -> tuple:
    text = (reference_dir() / "exchange_rates.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    change(rows)
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=list(csv.DictReader(io.StringIO(text)).fieldnames), lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    path = tmp_path / "exchange_rates.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path, rows


def test_missing_exchange_rate(tmp_path):
    year = build.DEFAULT_RATE_YEAR
    path, _ = rate_table(
        tmp_path, lambda rows: rows.remove(next(r for r in rows if (r["currency"], r["year"]) == ("CAD", str(year))))
    )
    with refused(
        ExchangeRateError,
        file=str(path),
        row=f"currency CAD in year {year}",
        fix="add the rate",
    ):
        load_rates(path, year, ["USD", "CAD"])


def test_a_duplicate_rate(tmp_path):
    path, rows = rate_table(tmp_path, lambda rows: rows.append(dict(rows[-1])))
    with refused(
        ExchangeRateError,
        file=str(path),
        row=f"line {len(rows) + 1}",
        fix="keep one",
        says=(f"duplicate rate for {rows[-1]['currency']} {rows[-1]['year']}",),
    ):
        read_rate_rows(path)


# ---------------------------------------------------------------- end to end: trendlib build


def test_the_build_writes_every_output(built):
    """The session's build (``trendlib build --no-cache --out …``, conftest.py) wrote every declared output,
    recorded the report's SHA-256, and left no temporary folder beside its output."""
    from trendlib import metadata

    assert sorted(p.name for p in built.iterdir()) == metadata.outputs()
    assert [p.name for p in built.parent.iterdir()] == ["processed"]
    package = json.loads((built / "datapackage.json").read_text(encoding="utf-8"))
    assert package["trendlib"]["report_sha256"] == hashlib.sha256(report_path().read_bytes()).hexdigest()


def test_cli_refuses_a_bad_curated_file_and_keeps_the_previous_build(built, ref, tmp_path, capsys):
    """A tie phrase that is not in its case's span is found late in the build (after the report is parsed
    and the cases are located): ``trendlib build`` exits 1 with the message, and the folder it would have
    written holds the previous build byte for byte, with nothing beside it."""
    out = tmp_path / "site" / "processed"
    shutil.copytree(built, out)
    (out / "notes.csv").write_text("a file of the user's\n", encoding="utf-8")
    before = snapshot(out.parent)
    doc = yaml.safe_load((ref / "relations.yaml").read_text(encoding="utf-8"))
    n = number_of(doc["rows"], "case", "T3-13")
    doc["rows"][n - 1]["ties"][0]["phrase"] = "联邦政府向各机构拨款十亿"
    (ref / "relations.yaml").write_bytes(dump(doc))
    assert cli.main(["build", "--no-cache", "--reference", str(ref), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("trendlib build: error: relations.yaml row") and "Traceback" not in err, err
    for part in (
        f"row {n} (T3-13), tie 1",
        "'联邦政府向各机构拨款十亿'",
        "copy the verbatim words from the case's text",
        "Nothing was written; the previous outputs are unchanged.",
    ):
        assert part in err, err
    assert snapshot(out.parent) == before


def test_cli_refuses_an_altered_report(tmp_path, capsys):
    original = report_path().read_bytes()
    altered = tmp_path / "government-trends-2023-zh.txt"
    altered.write_bytes(original.replace("概 要".encode(), "概 览".encode(), 1))
    out = tmp_path / "site" / "processed"
    assert cli.main(["build", "--out", str(out), "--report", str(altered)]) == 1
    err = capsys.readouterr().err
    got, want = hashlib.sha256(altered.read_bytes()).hexdigest(), hashlib.sha256(original).hexdigest()
    assert got in err and want in err and str(altered) in err
    assert err.startswith("trendlib build: error: ") and "Nothing was written" in err
    assert not out.exists() and not out.parent.exists()
