"""Bad curated input is a build error naming the file, the row and the value; nothing is written.

Each test copies data/reference/ to a temporary folder, breaks one thing and
builds from the copy. To keep the suite fast, the parsed report (which depends
only on the report and boxes.yaml) is reused from the session's ``corpus``
fixture when the report and boxes are the ones it was parsed from.
"""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pytest

from curated_copy import edit, fails, number_of, snapshot
from trendlib import build, cli, tables
from trendlib.errors import AnchorError
from trendlib.patterns import compact
from trendlib.mentions.actors import GazetteerError
from trendlib.mentions.money import ExchangeRateError
from trendlib.errors import CuratedDataError, TrendlibError
from trendlib.paths import reference_dir
from trendlib.curated.files import load_reference
from trendlib.paths import report_path
from trendlib.parse.structure import locate_boxes


pytestmark = pytest.mark.usefixtures("reuse_corpus")


# ---------------------------------------------------------------- cases.yaml: anchors

def test_anchor_found_zero_times(ref, tmp_path, monkeypatch):
    n = edit(ref / "cases.yaml", lambda d: (d[number_of(d, "id", "T0-02") - 1].update(
        anchor="波士顿的新都市力学市长办公厅"), number_of(d, "id", "T0-02"))[1])
    fails(ref, AnchorError, "cases.yaml", f"row {n} (T0-02)", "'波士顿的新都市力学市长办公厅'", "occurs 0 times",
          tmp_path=tmp_path, monkeypatch=monkeypatch, full=True)


def test_anchor_found_twice(ref, tmp_path, monkeypatch, corpus):
    assert len(corpus.flat.find_all("新加坡元")) == 2  # 逾7,000万新加坡元 (1627), 备注：新加坡元金额 (1631)
    n = edit(ref / "cases.yaml", lambda d: (d[number_of(d, "id", "T3-03") - 1].update(
        anchor="新加坡元", end="预算"), number_of(d, "id", "T3-03"))[1])
    fails(ref, AnchorError, "cases.yaml", f"row {n} (T3-03)", "'新加坡元'", "occurs 2 times",
          tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_end_not_found(ref, tmp_path, monkeypatch):
    n = edit(ref / "cases.yaml", lambda d: (d[number_of(d, "id", "T0-02") - 1].update(
        end="令市民受益的技术解决办法"), number_of(d, "id", "T0-02"))[1])
    fails(ref, AnchorError, "cases.yaml", f"row {n} (T0-02)", "'令市民受益的技术解决办法'", "not found",
          tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_case_in_the_wrong_trend(ref, tmp_path, monkeypatch):
    n = edit(ref / "cases.yaml", lambda d: (d[number_of(d, "id", "T5-02") - 1].update(trend=6),
                                            number_of(d, "id", "T5-02"))[1])
    fails(ref, AnchorError, "cases.yaml", f"row {n} (T5-02)", "trend 6", "line 2599",
          tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_figure_not_printed(ref, tmp_path, monkeypatch):
    edit(ref / "cases.yaml", lambda d: d[number_of(d, "id", "T3-03") - 1].update(figures=["9,999亿加元"]))
    fails(ref, AnchorError, "cases.yaml", "T3-03", "'9,999亿加元'", tmp_path=tmp_path, monkeypatch=monkeypatch)


# ---------------------------------------------------------------- actors.yaml and not_actors.yaml

def test_alias_that_never_occurs(ref, tmp_path, monkeypatch):
    def change(d):
        n = number_of(d, "id", "usa_boston_monum")
        d[n - 1]["aliases_zh"].append("新城市力学市长办办公室")
        return n
    n = edit(ref / "actors.yaml", change)
    fails(ref, GazetteerError, "actors.yaml", f"row {n} (usa_boston_monum)", "'新城市力学市长办办公室'",
          "never occurs", tmp_path=tmp_path, monkeypatch=monkeypatch, full=True)


def test_name_of_two_actors(ref, tmp_path, monkeypatch):
    def change(d):
        n = number_of(d, "id", "usa_nasa")
        d[n - 1]["aliases_zh"].append("MONUM")
        return n
    edit(ref / "actors.yaml", change)
    msg = fails(ref, GazetteerError, "actors.yaml", "'MONUM'", "usa_boston_monum",
                tmp_path=tmp_path, monkeypatch=monkeypatch)
    assert "(usa_nasa)" in msg or "(usa_boston_monum)" in msg


def test_not_actor_that_never_occurs(ref, tmp_path, monkeypatch):
    edit(ref / "not_actors.yaml", lambda d: d.append("新加坡比索"))
    fails(ref, GazetteerError, "not_actors.yaml", "'新加坡比索'", tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_hyphenated_word_that_never_occurs(ref, tmp_path, monkeypatch):
    edit(ref / "hyphenated_words.yaml", lambda d: d.append("well-being"))
    fails(ref, AnchorError, "hyphenated_words.yaml", "row 11", "'well-being'", "never occurs",
          tmp_path=tmp_path, monkeypatch=monkeypatch, full=True)


def test_hyphenated_word_without_a_hyphen(ref, tmp_path, monkeypatch):
    edit(ref / "hyphenated_words.yaml", lambda d: d.append("realtime"))
    fails(ref, CuratedDataError, "hyphenated_words.yaml", "'realtime' does not match",
          tmp_path=tmp_path, monkeypatch=monkeypatch)


@pytest.mark.parametrize("field, value", [
    ("type", "ministry"),
    ("country", "usa"),
    ("country", "US"),
    ("sector", "public"),
    ("id", "USA-NASA"),
])
def test_bad_actor_field(ref, tmp_path, monkeypatch, field, value):
    def change(d):
        n = number_of(d, "id", "usa_nasa")
        d[n - 1][field] = value
        return n
    n = edit(ref / "actors.yaml", change)
    label = f"row {n} ({value})" if field == "id" else f"row {n} (usa_nasa)"
    fails(ref, CuratedDataError, "actors.yaml", label, f"field {field}", repr(value),
          tmp_path=tmp_path, monkeypatch=monkeypatch, full=field == "type")


def test_duplicate_actor_id(ref, tmp_path, monkeypatch):
    def change(d):
        n = number_of(d, "id", "usa_nasa")
        d[n]["id"] = "usa_nasa"  # the row after it
        return n + 1
    n = edit(ref / "actors.yaml", change)
    fails(ref, CuratedDataError, "actors.yaml", f"row {n} (usa_nasa)", "duplicate id 'usa_nasa'",
          tmp_path=tmp_path, monkeypatch=monkeypatch)


# ---------------------------------------------------------------- cases.yaml: vocabularies and ids

@pytest.mark.parametrize("field, value, shown", [
    ("level", "city", "'city'"),
    ("kind", "scheme", "'scheme'"),
    ("country", "usa", "'usa'"),
    ("boundary", ["across_planets"], "'across_planets'"),
    ("instrument", "bribery", "'bribery'"),
    ("trend", 9, "9"),
])
def test_bad_case_field(ref, tmp_path, monkeypatch, field, value, shown):
    def change(d):
        n = number_of(d, "id", "T0-02")
        d[n - 1][field] = value
        return n
    n = edit(ref / "cases.yaml", change)
    fails(ref, CuratedDataError, "cases.yaml", f"row {n} (T0-02)", f"field {field}", shown,
          tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_unknown_case_key(ref, tmp_path, monkeypatch):
    n = edit(ref / "cases.yaml", lambda d: (d[number_of(d, "id", "T0-02") - 1].update(contry="USA"),
                                            number_of(d, "id", "T0-02"))[1])
    fails(ref, CuratedDataError, "cases.yaml", f"row {n} (T0-02)", "'contry'",
          tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_duplicate_case_id(ref, tmp_path, monkeypatch):
    def change(d):
        n = number_of(d, "id", "T0-03")
        d[n - 1]["id"] = "T0-02"
        return n
    n = edit(ref / "cases.yaml", change)
    fails(ref, CuratedDataError, "cases.yaml", f"row {n} (T0-02)", "duplicate id 'T0-02'",
          tmp_path=tmp_path, monkeypatch=monkeypatch, full=True)


# ---------------------------------------------------------------- barriers.yaml and boxes.yaml

def test_barrier_bullet_without_a_row(ref, tmp_path, monkeypatch, corpus):
    def change(d):
        n = next(n for n, r in enumerate(d) if (r["trend"], r["seq"]) == (2, 1))
        return d.pop(n)
    removed = edit(ref / "barriers.yaml", change)
    hit = corpus.flat.find_once(removed["anchor"], where="test")
    line = corpus.paragraphs[hit.para_start].line_start
    fails(ref, AnchorError, "barriers.yaml", f"lines {line}", "no curated row",
          tmp_path=tmp_path, monkeypatch=monkeypatch, full=True)


def test_bad_barrier_boundary(ref, tmp_path, monkeypatch):
    def change(d):
        d[0]["boundary"] = ["within_goverment"]
    edit(ref / "barriers.yaml", change)
    fails(ref, CuratedDataError, "barriers.yaml", "row 1", "field boundary.0", "'within_goverment'",
          tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_duplicate_barrier_seq(ref, tmp_path, monkeypatch):
    def change(d):
        d[1]["trend"], d[1]["seq"] = d[0]["trend"], d[0]["seq"]
    edit(ref / "barriers.yaml", change)
    fails(ref, CuratedDataError, "barriers.yaml", "row 2", "duplicate id (1, 1)",
          tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_barrier_anchor_outside_a_bullet(ref, tmp_path, monkeypatch):
    def change(d):
        d[0]["anchor"] = "印第安纳州技术办公室"
    edit(ref / "barriers.yaml", change)
    fails(ref, AnchorError, "barriers.yaml", "row 1", "'印第安纳州技术办公室'", "line 718",
          tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_barrier_end_in_a_later_bullet(ref, tmp_path, monkeypatch):
    def change(d):
        d[2]["end"] = d[3]["end"]  # trend 2, bullet 1 ending with bullet 2's last words
    edit(ref / "barriers.yaml", change)
    fails(ref, AnchorError, "barriers.yaml", "row 3", "lies in a later bullet",
          tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_barrier_end_not_found(ref, tmp_path, monkeypatch):
    def change(d):
        d[0]["end"] = "这几个字不在报告里"
    edit(ref / "barriers.yaml", change)
    fails(ref, AnchorError, "barriers.yaml", "row 1", "'这几个字不在报告里'", "not found",
          tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_box_anchor_not_found(corpus, reference):
    # boxes.yaml is read while the report is parsed; checked here on the parsed text directly
    # (a whole build from an altered boxes.yaml would parse the report again)
    rows = [dict(r) for r in reference.boxes]
    rows[0]["start"] = "这段文字不在报告里"
    with pytest.raises(AnchorError) as err:
        locate_boxes(corpus.flat, rows, source="boxes.yaml")
    msg = str(err.value)
    assert f"boxes.yaml row 1 ({rows[0]['title_zh']})" in msg and "'这段文字不在报告里'" in msg


def test_bad_box_kind(ref, tmp_path, monkeypatch):
    edit(ref / "boxes.yaml", lambda d: d[0].update(kind="footnote"))
    fails(ref, CuratedDataError, "boxes.yaml", "row 1", "field kind", "'footnote'",
          tmp_path=tmp_path, monkeypatch=monkeypatch)


# ---------------------------------------------------------------- files

def test_malformed_yaml(ref, tmp_path, monkeypatch):
    path = ref / "actors.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "- id: [unclosed\n  name_zh: 某机构\n", encoding="utf-8")
    last = path.read_text(encoding="utf-8").count("\n")
    msg = fails(ref, CuratedDataError, "actors.yaml", "not valid YAML",
                tmp_path=tmp_path, monkeypatch=monkeypatch, full=True)
    assert f"line {last}" in msg or f"line {last - 1}" in msg or f"line {last + 1}" in msg, msg


def test_yaml_that_is_not_a_list(ref, tmp_path, monkeypatch):
    (ref / "cases.yaml").write_text("id: T0-01\ntrend: 0\n", encoding="utf-8")
    fails(ref, CuratedDataError, "cases.yaml", "file", tmp_path=tmp_path, monkeypatch=monkeypatch)


@pytest.mark.parametrize("name", ["actors.yaml", "cases.yaml", "boxes.yaml", "barriers.yaml", "not_actors.yaml",
                                  "hyphenated_words.yaml"])
def test_missing_curated_file(ref, tmp_path, monkeypatch, name):
    (ref / name).unlink()
    fails(ref, CuratedDataError, str(ref / name), "missing", tmp_path=tmp_path, monkeypatch=monkeypatch,
          full=name == "barriers.yaml")


@pytest.mark.parametrize("name", ["currencies.yaml", "exchange_rates.csv"])
def test_missing_money_file(ref, tmp_path, monkeypatch, name):
    (ref / name).unlink()
    fails(ref, TrendlibError, str(ref / name), "missing", tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_missing_exchange_rate(ref, tmp_path, monkeypatch):
    path = ref / "exchange_rates.csv"
    with path.open(encoding="utf-8", newline="") as f:
        data = list(csv.DictReader(f))
    kept = [r for r in data if (r["currency"], r["year"]) != ("CAD", str(build.DEFAULT_RATE_YEAR))]
    assert len(kept) == len(data) - 1
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(data[0]))
        w.writeheader()
        w.writerows(kept)
    fails(ref, ExchangeRateError, "exchange_rates.csv", "CAD", str(build.DEFAULT_RATE_YEAR),
          tmp_path=tmp_path, monkeypatch=monkeypatch, full=True)


def test_bad_exchange_rate_row(ref, tmp_path, monkeypatch):
    path = ref / "exchange_rates.csv"
    text = path.read_text(encoding="utf-8").replace("GBP,2022,1.2371,", "GBP,2022,-1.2371,", 1)
    path.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    n = next(i for i, line in enumerate(lines, 1) if line.startswith("GBP,2022,"))
    fails(ref, ExchangeRateError, "exchange_rates.csv", f"line {n}", "-1.2371",
          tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_the_untouched_copy_builds(ref):
    t = build.build_tables(reference=ref)
    assert sorted(t) == sorted(build.TABLE_ORDER)
    assert len(t["cases"]) == len(load_reference(ref).cases)


# ---------------------------------------------------------------- all or nothing

@pytest.fixture(scope="module")
def first_build(tmp_path_factory, corpus, reference) -> Path:
    """One successful build, copied by ``built`` for each test that changes it."""
    out = tmp_path_factory.mktemp("first") / "site" / "processed"
    with pytest.MonkeyPatch.context() as mp:
        real = build.read_corpus
        mp.setattr(build, "read_corpus",
                   lambda report, boxes, **kw: corpus if boxes == reference.boxes else real(report, boxes, **kw))
        assert build.build(out_dir=out) == out
    return out


@pytest.fixture
def built(first_build, tmp_path) -> Path:
    """A successful build into tmp_path/site/processed."""
    out = tmp_path / "site" / "processed"
    shutil.copytree(first_build, out)
    return out


def test_successful_build_leaves_no_temporary_folders(first_build):
    built = first_build
    assert [p.name for p in built.parent.iterdir()] == ["processed"]
    names = {p.name for p in built.iterdir()}
    assert {f"{t}.csv" for t in build.TABLE_ORDER} <= names
    assert {"datapackage.json", "stakeholders.graphml", "stakeholders.gexf"} <= names


def test_rebuild_replaces_outputs(built):
    (built / "cases.csv").write_text("old\n", encoding="utf-8")
    (built / "notes.csv").write_text("a file the build did not write\n", encoding="utf-8")
    before = snapshot(built)
    build.build(out_dir=built)
    after = snapshot(built)
    assert after["notes.csv"] == before["notes.csv"], "a user's file is never touched"
    assert after["cases.csv"] != before["cases.csv"]
    assert {k: v for k, v in before.items() if k != "cases.csv"} == {k: v for k, v in after.items() if k != "cases.csv"}
    assert [p.name for p in built.parent.iterdir()] == ["processed"]


def _boom(*args, **kwargs):
    raise ValueError("boom: statistics failed")


@pytest.mark.parametrize("where", ["tables", "writing", "graphs", "reference"])
def test_failed_build_leaves_previous_outputs(built, monkeypatch, tmp_path, where):
    before = snapshot(built)
    if where == "tables":
        monkeypatch.setattr(tables, "statistics_table", _boom)
    elif where == "writing":  # after every CSV and graph is rendered
        monkeypatch.setattr(build, "datapackage", _boom)
    elif where == "graphs":   # half-way through rendering
        monkeypatch.setattr(build.network, "graph_bytes", _boom)
    else:
        broken = tmp_path / "broken"
        shutil.copytree(reference_dir(), broken)
        edit(broken / "cases.yaml", lambda d: d[0].update(anchor="这段文字不在报告里"))
        real = build.load_reference
        monkeypatch.setattr(build, "load_reference", lambda directory=None, **kw: real(broken))
    with pytest.raises((ValueError, AnchorError)):
        build.build(out_dir=built)
    assert snapshot(built) == before
    assert [p.name for p in built.parent.iterdir()] == ["processed"], "stray temporary folders"


def test_failed_first_build_creates_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(build, "datapackage", _boom)
    site = tmp_path / "site"
    site.mkdir()
    with pytest.raises(ValueError, match="boom"):
        build.build(out_dir=site / "processed")
    assert list(site.iterdir()) == []


# ---------------------------------------------------------------- the command line

def test_cli_refuses_an_altered_report(tmp_path, capsys):
    original = report_path().read_bytes()
    altered = tmp_path / "government-trends-2023-zh.txt"
    altered.write_bytes(original.replace("概 要".encode(), "概 览".encode(), 1))
    assert altered.read_bytes() != original
    out = tmp_path / "site" / "processed"
    assert cli.main(["build", "--out", str(out), "--report", str(altered)]) == 1
    err = capsys.readouterr().err
    got, want = hashlib.sha256(altered.read_bytes()).hexdigest(), hashlib.sha256(original).hexdigest()
    assert got in err and want in err
    assert str(altered) in err
    assert "error" in err
    assert not out.exists() and not out.parent.exists()


def test_cli_reports_bad_reference(tmp_path, capsys, monkeypatch):
    broken = tmp_path / "broken"
    shutil.copytree(reference_dir(), broken)
    edit(broken / "actors.yaml", lambda d: d[0].update(country="usa"))
    real = build.load_reference
    monkeypatch.setattr(build, "load_reference", lambda directory=None, **kw: real(broken))
    out = tmp_path / "site" / "processed"
    assert cli.main(["build", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "actors.yaml" in err and "row 1" in err and "'usa'" in err
    assert not out.exists()


def test_cli_builds(tmp_path, capsys):
    out = tmp_path / "processed"
    assert cli.main(["build", "--out", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    assert (out / "datapackage.json").is_file()
    assert compact((out / "datapackage.json").read_text(encoding="utf-8")).count(
        hashlib.sha256(report_path().read_bytes()).hexdigest()) == 1
