"""Curated input is read strictly: what YAML or CSV would accept silently, or crash on, is a named error.

Each test writes one fault into the bytes of a curated file the way an editor would (duplicate keys,
anchors, another encoding, impossible numbers) and reads them as the build does: the YAML through
:func:`trendlib.curated.files._parse_and_check` (strict YAML, then the file's schema), the rate table through
:func:`trendlib.mentions.money.read_rate_rows`. The error must be of its class and name the file, the line
or row, and the fix. (``trendlib build`` prints such an error and writes nothing: tests/test_bad_input.py.)
"""

from __future__ import annotations

import json
import re
import time

import pytest
from curated_rows import check_file, document, number_of, refused

from trendlib import build, cli, network
from trendlib.errors import CuratedDataError, ExchangeRateError
from trendlib.mentions.money import read_rate_rows
from trendlib.paths import reference_dir


def text_of(name: str) -> str:
    return (reference_dir() / name).read_text(encoding="utf-8")


# ---------------------------------------------------------------- YAML that PyYAML would read silently


def test_a_second_rows_key_is_refused():
    """The reported case: a second ``rows:`` in not_actors.yaml kept one entry of eight and changed the
    published mention counts."""
    text = text_of("not_actors.yaml")
    line = text.count("\n") + 1
    first = text[: text.index("\nrows:")].count("\n") + 2
    with refused(
        CuratedDataError,
        file="not_actors.yaml",
        row=f"line {line}",
        fix="Merge the two or rename one",
        says=("duplicate key 'rows'", f"first at line {first}"),
    ):
        check_file("not_actors.yaml", data=(text + "rows: [新加坡元]\n").encode())


def test_a_duplicate_key_inside_a_row():
    text = text_of("cases.yaml")
    at = text.index("  country: ", text.index("id: T3-13"))
    line = text[:at].count("\n") + 2
    with refused(
        CuratedDataError,
        file="cases.yaml",
        row=f"line {line}",
        fix="Merge the two or rename one",
        says=("duplicate key 'country'",),
    ):
        check_file("cases.yaml", data=(text[:at] + "  country: GBR\n" + text[at:]).encode())


def test_an_alias_bomb_is_refused_at_once():
    """Nine levels of nine aliases used as ``coder: *a8`` once ran 70 s and 5 GB into a MemoryError."""
    text = text_of("coding/second_reading.yaml")
    bomb = ["  a0: &a0 [x, x, x, x, x, x, x, x, x]"] + [
        f"  a{k}: &a{k} [{', '.join([f'*a{k - 1}'] * 9)}]" for k in range(1, 9)
    ]
    text, done = re.subn(r"^review:\n", "review:\n" + "\n".join(bomb) + "\n  coder: *a8\n", text, count=1, flags=re.M)
    assert done == 1
    line = text.splitlines().index(bomb[0]) + 1
    start = time.monotonic()
    with refused(
        CuratedDataError,
        file="second_reading.yaml",
        row=f"line {line}",
        fix="write the value out in full",
        says=("an anchor (&a0)", "no YAML anchors or aliases"),
    ):
        check_file("coding/second_reading.yaml", data=text.encode())
    assert time.monotonic() - start < 2


def test_an_unused_anchor_is_refused():
    text = text_of("boxes.yaml")
    line = text.splitlines().index("  status: reviewed") + 1
    with refused(
        CuratedDataError,
        file="boxes.yaml",
        row=f"line {line}",
        fix="write the value out in full",
        says=("an anchor (&s)",),
    ):
        check_file("boxes.yaml", data=text.replace("status: reviewed", "status: &s reviewed", 1).encode())


def test_an_ampersand_in_a_text_is_not_an_anchor(reference):
    text = text_of("boxes.yaml").replace(
        "  status: reviewed\n", "  status: reviewed\n  note: R&D & *not* an alias\n", 1
    )
    doc = check_file("boxes.yaml", data=text.encode())
    assert doc["review"]["note"] == "R&D & *not* an alias"
    assert doc["rows"] == reference.boxes


@pytest.mark.parametrize("encoding, shown", [("gb18030", "GB18030"), ("utf-16", "UTF-16")])
def test_a_yaml_file_in_another_encoding_names_it(encoding, shown):
    data = text_of("glosses.yaml").encode(encoding)
    with refused(
        CuratedDataError,
        file="glosses.yaml",
        row="byte ",
        fix="Save it as UTF-8",
        says=("not UTF-8", f"appears to be {shown}"),
    ):
        check_file("glosses.yaml", data=data)


# ---------------------------------------------------------------- numbers out of range


@pytest.mark.parametrize(
    "value, shown",
    [
        (-43000000000, "-43000000000 must be greater than 0"),
        (0, "0 must be greater than 0"),
        (1e300, "must be at most 1e+15"),
    ],
)
def test_a_corrected_value_must_be_a_positive_amount(value, shown):
    n = number_of(document("amounts.yaml")["rows"], "text", "高达430亿美元")
    with refused(
        CuratedDataError,
        file="amounts.yaml",
        row=f"row {n} (高达430亿美元), field value_corrected",
        fix="see the file's `about`",
        says=(shown,),
    ):
        check_file("amounts.yaml", lambda rows: rows[n - 1].update(value_corrected=value))


@pytest.mark.parametrize("written", [".nan", ".inf", "-.inf"])
def test_a_number_that_is_not_finite(written):
    text = text_of("amounts.yaml")
    first = re.search(r"value_corrected: \d+", text)
    line = text[: first.start()].count("\n") + 1
    with refused(
        CuratedDataError,
        file="amounts.yaml",
        row=f"line {line}",
        fix="give the number itself",
        says=(f"{written} is not a finite number",),
    ):
        check_file(
            "amounts.yaml", data=(text[: first.start()] + f"value_corrected: {written}" + text[first.end() :]).encode()
        )


# ---------------------------------------------------------------- exchange_rates.csv


def rate_file(tmp_path, data: bytes):
    path = tmp_path / "exchange_rates.csv"
    path.write_bytes(data)
    return path


def test_a_rate_table_saved_with_a_bom_is_read(tmp_path):
    """Excel's "CSV UTF-8" writes a byte-order mark: it once crashed every command with KeyError 'currency'."""
    real = reference_dir() / "exchange_rates.csv"
    path = rate_file(tmp_path, b"\xef\xbb\xbf" + real.read_bytes())
    assert read_rate_rows(path) == read_rate_rows(real)


def test_the_version_does_not_read_the_curated_files(monkeypatch, capsys, tmp_path):
    from trendlib import paths

    broken = tmp_path / "reference"
    broken.mkdir()
    (broken / "exchange_rates.csv").write_bytes(b"\xef\xbb\xbfnonsense\n\xff\n")
    monkeypatch.setattr(paths, "reference_dir", lambda: broken)
    with pytest.raises(SystemExit) as done:
        cli.main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.startswith("trendlib ")


def test_a_latin1_byte_in_the_rate_table_names_the_encoding(tmp_path):
    data = (reference_dir() / "exchange_rates.csv").read_bytes()
    path = rate_file(tmp_path, data.replace(b"Board of Governors", b"Board of Governors \xe9", 1))
    with refused(ExchangeRateError, file=str(path), row="byte ", fix="Save it as UTF-8", says=("not UTF-8", "Latin-1")):
        read_rate_rows(path)


@pytest.mark.parametrize("rate", ["1e300", "0", "-1.2", "nan", "inf"])
def test_an_impossible_rate(rate, tmp_path):
    lines = (reference_dir() / "exchange_rates.csv").read_text(encoding="utf-8").split("\n")
    n = next(i for i, line in enumerate(lines) if line.startswith("EUR,2022,"))
    parts = lines[n].split(",", 3)
    lines[n] = ",".join([parts[0], parts[1], rate, parts[3]])
    path = rate_file(tmp_path, "\n".join(lines).encode())
    with refused(
        ExchangeRateError,
        file=str(path),
        row=f"line {n + 1}",
        fix="must be a positive number of US dollars per unit",
        says=("EUR in 2022", f"got {rate}"),
    ):
        read_rate_rows(path)


@pytest.mark.parametrize(
    "change, fix",
    [
        (lambda p: [p[0].lower(), *p[1:]], "give its ISO 4217 code"),
        (lambda p: [p[0], "twenty", *p[2:]], "give the year as a whole number"),
        (lambda p: [*p[:3], ""], "name where the rate comes from"),
    ],
)
def test_a_bad_rate_row(change, fix, tmp_path):
    lines = (reference_dir() / "exchange_rates.csv").read_text(encoding="utf-8").split("\n")
    n = next(i for i, line in enumerate(lines) if line.startswith("GBP,2021,"))
    lines[n] = ",".join(change(lines[n].split(",", 3)))
    path = rate_file(tmp_path, "\n".join(lines).encode())
    with refused(ExchangeRateError, file=str(path), row=f"line {n + 1}", fix=fix):
        read_rate_rows(path)


# ---------------------------------------------------------------- what reaches the explorer's page


def test_markup_in_a_curated_name_cannot_break_the_explorer(published):
    """``<!--<script>`` in a name_en once emptied the page: only ``</`` was escaped."""
    hostile = "Boston <!--<script>alert(1)</script> & co"
    actors = published.actors.copy()
    actors.loc[actors.actor_id == "usa_boston_monum", "name_en"] = hostile
    g = network.ties(actors, published.relations, published.cases)
    page = build.explorer({"cases": published.cases}, g)
    data = page.split('<script id="data" type="application/json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and ">" not in data and "&" not in data
    names = [n["attributes"]["name_en"] for n in json.loads(data)["nodes"]]
    assert hostile in names


def test_a_country_that_is_no_iso_code_names_the_row_and_the_closest_code():
    """USA mistyped as UAS in a case: ISO 3166-1 (pycountry) knows no UAS, and the message names the row."""
    doc = document("cases.yaml")
    n = next(k for k, r in enumerate(doc["rows"], 1) if r["id"] == "T0-02")

    def mistype(rows):
        rows[n - 1]["country"] = "UAS"

    with refused(
        CuratedDataError,
        file="cases.yaml",
        row=f"row {n} (T0-02)",
        fix="did you mean 'USA'?",
        says=("'UAS' is not an ISO 3166-1 alpha-3 code",),
    ):
        check_file("cases.yaml", mistype)
