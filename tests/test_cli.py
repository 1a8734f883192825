"""The command line says plainly what it does and what went wrong."""

from __future__ import annotations

import pytest

from trendlib import __version__, cli


def test_bare_command_prints_the_usage(capsys):
    assert cli.main([]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: trendlib") and "build" in out


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        cli.main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"trendlib {__version__}"


@pytest.mark.parametrize("argv", [["--help"], ["build", "--help"]])
def test_help_has_no_raw_markup(argv, capsys):
    with pytest.raises(SystemExit):
        cli.main(argv)
    out = capsys.readouterr().out
    assert "``" not in out and ":func:" not in out and ":mod:" not in out


def test_help_lists_the_rate_years(capsys):
    with pytest.raises(SystemExit):
        cli.main(["build", "--help"])
    assert "2021, 2022, 2023" in " ".join(capsys.readouterr().out.split())


def test_unknown_rate_year_lists_the_years(capsys):
    with pytest.raises(SystemExit) as done:
        cli.main(["build", "--rate-year", "2020"])
    assert done.value.code == 2
    assert "2021, 2022, 2023" in capsys.readouterr().err


def test_missing_report(tmp_path, capsys):
    missing = tmp_path / "nope.txt"
    assert cli.main(["build", "--report", str(missing), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert f"no such file: {missing}" in err and "Nothing was written" in err
    assert not (tmp_path / "out").exists()


def test_a_bug_is_not_reported_as_a_data_problem(monkeypatch, tmp_path):
    from trendlib import build

    def bug(*args, **kwargs):
        raise ValueError("a programming error")

    monkeypatch.setattr(build, "build_tables", bug)
    with pytest.raises(ValueError, match="a programming error"):
        cli.main(["build", "--out", str(tmp_path / "out")])
