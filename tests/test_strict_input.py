"""Curated input is read strictly: what YAML or CSV would accept silently, or crash on, is a named error.

Each test writes one fault into a copy of data/reference/ the way an editor
would (duplicate keys, anchors, another encoding, impossible numbers) and
checks that the build refuses it with ``trendlib build: error: …`` naming the
file, the line or row and the fix, writes nothing, and never shows a traceback.
"""

from __future__ import annotations

import json
import re
import time

import pytest

from curated_copy import edit, fails, number_of
from trendlib import build, cli
from trendlib.errors import CuratedDataError, ExchangeRateError

pytestmark = pytest.mark.usefixtures("reuse_corpus")


def cli_refuses(capsys, ref, tmp_path, *parts: str) -> str:
    """``trendlib build --reference REF`` fails in one plain message holding ``parts``; nothing is written."""
    out = tmp_path / "out"
    assert cli.main(["build", "--reference", str(ref), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("trendlib build: error: ") and "Traceback" not in err, err
    assert "Nothing was written" in err
    for part in parts:
        assert part in err, f"{part!r} not in {err}"
    assert not out.exists()
    return err


# ---------------------------------------------------------------- YAML that PyYAML would read silently

def test_a_second_rows_key_is_refused(ref, capsys, tmp_path):
    """The reported case: a second ``rows:`` in not_actors.yaml kept one entry of eight and changed the
    published mention counts."""
    path = ref / "not_actors.yaml"
    text = path.read_text(encoding="utf-8")
    line = text.count("\n") + 1
    path.write_text(text + "rows: [新加坡元]\n", encoding="utf-8")
    first = text[: text.index("\nrows:")].count("\n") + 2
    cli_refuses(capsys, ref, tmp_path, "not_actors.yaml", f"line {line}", "duplicate key 'rows'",
                f"first at line {first}")


def test_a_duplicate_key_inside_a_row(ref, tmp_path, monkeypatch):
    path = ref / "cases.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("  country: ", text.index("id: T3-13"))
    path.write_text(text[:at] + "  country: GBR\n" + text[at:], encoding="utf-8")
    fails(ref, CuratedDataError, "cases.yaml", "duplicate key 'country'", tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_an_alias_bomb_is_refused_at_once(ref, capsys, tmp_path):
    """Nine levels of nine aliases used as ``coder: *a8`` once ran 70 s and 5 GB into a MemoryError."""
    path = ref / "coding" / "second_reading.yaml"
    text = path.read_text(encoding="utf-8")
    bomb = ["  a0: &a0 [x, x, x, x, x, x, x, x, x]"] + [
        f"  a{k}: &a{k} [{', '.join([f'*a{k - 1}'] * 9)}]" for k in range(1, 9)]
    text = re.sub(r"review: \{[^}]*\}\n", lambda m: "review:\n  status: record\n" + "\n".join(bomb)
                  + "\n  coder: *a8\n", text, count=1, flags=re.S)
    path.write_text(text, encoding="utf-8")
    start = time.monotonic()
    cli_refuses(capsys, ref, tmp_path, "second_reading.yaml", "an anchor (&a0)", "no YAML anchors or aliases")
    assert time.monotonic() - start < 10


def test_an_unused_anchor_is_refused(ref, tmp_path, monkeypatch):
    path = ref / "boxes.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status: reviewed", "status: &s reviewed", 1), encoding="utf-8")
    fails(ref, CuratedDataError, "boxes.yaml", "an anchor (&s)", tmp_path=tmp_path, monkeypatch=monkeypatch)


def test_an_ampersand_in_a_text_is_not_an_anchor(ref, tmp_path, monkeypatch, reference):
    path = ref / "boxes.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("review: {status: reviewed", "review: {note: R&D & *not* an alias, status: reviewed", 1),
                    encoding="utf-8")
    from trendlib.curated.files import load_reference

    assert load_reference(ref).boxes == reference.boxes


@pytest.mark.parametrize("encoding, shown", [("gb18030", "GB18030"), ("utf-16", "UTF-16")])
def test_a_yaml_file_in_another_encoding_names_it(encoding, shown, ref, capsys, tmp_path):
    path = ref / "glosses.yaml"
    path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    cli_refuses(capsys, ref, tmp_path, "glosses.yaml", "not UTF-8", f"appears to be {shown}", "Save it as UTF-8")


# ---------------------------------------------------------------- numbers out of range

def _amount_row(d, text):
    return next(n for n, r in enumerate(d, 1) if r["text"] == text)


@pytest.mark.parametrize("value, shown", [(-43000000000, "-43000000000 must be greater than 0"),
                                          (0, "0 must be greater than 0"),
                                          (1e300, "must be at most 1e+15")])
def test_a_corrected_value_must_be_a_positive_amount(value, shown, ref, tmp_path, monkeypatch):
    n = edit(ref / "amounts.yaml", lambda d: (d[_amount_row(d, "高达430亿美元") - 1].update(value_corrected=value),
                                             _amount_row(d, "高达430亿美元"))[1])
    fails(ref, CuratedDataError, "amounts.yaml", f"row {n} (高达430亿美元)", "field value_corrected", shown,
          tmp_path=tmp_path, monkeypatch=monkeypatch)


@pytest.mark.parametrize("written", [".nan", ".inf", "-.inf"])
def test_a_number_that_is_not_finite(written, ref, capsys, tmp_path):
    path = ref / "amounts.yaml"
    text = path.read_text(encoding="utf-8")
    first = re.search(r"value_corrected: \d+", text)
    line = text[: first.start()].count("\n") + 1
    path.write_text(text[: first.start()] + f"value_corrected: {written}" + text[first.end():], encoding="utf-8")
    cli_refuses(capsys, ref, tmp_path, "amounts.yaml", f"line {line}", f"{written} is not a finite number")


# ---------------------------------------------------------------- exchange_rates.csv

def test_a_rate_table_saved_with_a_bom_is_read(ref, reference, tmp_path, monkeypatch):
    """Excel's "CSV UTF-8" writes a byte-order mark: it once crashed every command with KeyError 'currency'."""
    path = ref / "exchange_rates.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    with_bom = build.build_tables(reference=ref)["funding"]
    assert with_bom.equals(build.build_tables()["funding"])


def test_the_version_does_not_read_the_curated_files(monkeypatch, capsys, tmp_path):
    from trendlib import paths

    broken = tmp_path / "reference"
    broken.mkdir()
    (broken / "exchange_rates.csv").write_bytes(b"\xef\xbb\xbfnonsense\n\xff\n")
    monkeypatch.setattr(paths, "reference_dir", lambda: broken)
    with pytest.raises(SystemExit) as done:
        cli.main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.startswith("trendlib ")


def test_a_latin1_byte_in_the_rate_table_names_the_encoding(ref, capsys, tmp_path):
    path = ref / "exchange_rates.csv"
    path.write_bytes(path.read_bytes().replace(b"Board of Governors", b"Board of Governors \xe9", 1))
    cli_refuses(capsys, ref, tmp_path, "exchange_rates.csv", "not UTF-8", "Latin-1")


@pytest.mark.parametrize("rate", ["1e300", "0", "-1.2", "nan", "inf"])
def test_an_impossible_rate(rate, ref, tmp_path, monkeypatch):
    path = ref / "exchange_rates.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    n = next(i for i, line in enumerate(lines) if line.startswith("EUR,2022,"))
    parts = lines[n].split(",", 3)
    lines[n] = ",".join([parts[0], parts[1], rate, parts[3]])
    path.write_text("\n".join(lines), encoding="utf-8")
    fails(ref, ExchangeRateError, "exchange_rates.csv", f"line {n + 1}", "EUR in 2022",
          "must be a positive number of US dollars per unit", tmp_path=tmp_path, monkeypatch=monkeypatch)


# ---------------------------------------------------------------- what reaches the explorer's page

def test_markup_in_a_curated_name_cannot_break_the_explorer(ref, tmp_path, monkeypatch, corpus):
    """``<!--<script>`` in a name_en once emptied the page: only ``</`` was escaped."""
    hostile = "Boston <!--<script>alert(1)</script> & co"

    def change(d):
        d[number_of(d, "id", "usa_boston_monum") - 1]["name_en"] = hostile
    edit(ref / "actors.yaml", change)
    page = build.render(build.build_tables(reference=ref), corpus.report.sha256)["explorer.html"].decode("utf-8")
    data = page.split('<script id="data" type="application/json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and ">" not in data and "&" not in data
    names = [n["attributes"]["name_en"] for n in json.loads(data)["nodes"]]
    assert hostile in names


# ---------------------------------------------------------------- messages

def test_did_you_mean_offers_the_closest_id(ref, tmp_path, monkeypatch):
    """A misspelt id once got the alphabetically first id sharing five characters."""
    def change(d):
        row = next(r for r in d if any(t["source"] == "usa_boston_monum" for t in r["relations"]))
        next(t for t in row["relations"] if t["source"] == "usa_boston_monum")["source"] = "usa_bostn_monum"
    edit(ref / "relations.yaml", change)
    fails(ref, CuratedDataError, "relations.yaml", "'usa_bostn_monum'", "did you mean 'usa_boston_monum'?",
          tmp_path=tmp_path, monkeypatch=monkeypatch)

