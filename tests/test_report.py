"""Stage 0: the report is the edition we know, or a clear error."""

import hashlib

import pytest

from trendlib.parse.report import ReportError, expected_sha256, read_report
from trendlib.paths import report_path


def test_committed_report_matches_recorded_hash_and_shared_copy(report):
    assert report.sha256 == expected_sha256(report_path())
    assert report.text.count("\n") == 4483


def test_altered_report_names_both_hashes(tmp_path):
    altered = tmp_path / "report.txt"
    altered.write_bytes(report_path().read_bytes() + "多".encode())
    with pytest.raises(ReportError) as err:
        read_report(altered)
    message = str(err.value)
    assert hashlib.sha256(altered.read_bytes()).hexdigest() in message
    assert expected_sha256(report_path()) in message
    assert "any_edition" in message


def test_any_edition_parses_another_extraction_on_purpose(tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("概述\n", encoding="utf-8")
    assert read_report(other, any_edition=True).text == "概述\n"


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        ("政府".encode("gbk"), "not UTF-8"),
    ],
)
def test_bad_files_give_clear_errors(tmp_path, content, expected):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(ReportError, match=expected):
        read_report(bad, any_edition=True)


def test_missing_file(tmp_path):
    with pytest.raises(ReportError, match="no such file"):
        read_report(tmp_path / "nope.txt")


def test_bom_and_crlf_are_normalised(tmp_path):
    raw = report_path().read_bytes()
    variant = tmp_path / "crlf.txt"
    variant.write_bytes(b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n"))
    assert read_report(variant, any_edition=True).text == raw.decode("utf-8")


@pytest.mark.parametrize(
    "encoding, expected",
    [
        ("utf-16", "looks like UTF-16"),
        ("utf-16-le", "looks like UTF-16"),
        ("gb18030", "looks like GB18030"),
    ],
)
def test_another_encoding_is_named(tmp_path, encoding, expected):
    bad = tmp_path / "report.txt"
    bad.write_bytes(report_path().read_text(encoding="utf-8")[:20000].encode(encoding))
    with pytest.raises(ReportError, match=expected) as err:
        read_report(bad)
    assert "iconv" in str(err.value) and str(bad) in str(err.value)


def test_binary_file(tmp_path):
    bad = tmp_path / "report.txt"
    bad.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(ReportError, match="binary"):
        read_report(bad)


@pytest.mark.parametrize("content, expected", [(b"", "empty"), ("概要".encode("utf-16"), "UTF-16")])
def test_the_simplest_problem_comes_before_the_hash(tmp_path, content, expected):
    bad = tmp_path / "report.txt"
    bad.write_bytes(content)
    with pytest.raises(ReportError, match=expected) as err:
        read_report(bad)
    assert "SHA-256" not in str(err.value)


def test_the_hash_message_names_real_files_only(tmp_path):
    altered = tmp_path / "mine.txt"
    altered.write_bytes(report_path().read_bytes() + b"x")
    with pytest.raises(ReportError) as err:
        read_report(altered)
    message = str(err.value)
    record = report_path().with_name(report_path().name + ".sha256")
    assert str(record) in message and record.is_file()
    assert "shared" not in message and "mine.txt.sha256" not in message
    assert "git checkout" in message and "--any-edition" in message
