"""``trendlib diff`` reports exactly what changed between two builds, and says plainly when it cannot compare."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from trendlib import build, cli
from trendlib.diff import compare_tables, diff_builds, format_markdown, format_text
from trendlib.errors import DiffError, LoadError

# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """One real build, never changed: every other folder is a copy of it."""
    out = tmp_path_factory.mktemp("diff") / "base"
    assert build.build(out_dir=out) == out
    return out


def _copy(base: Path, to: Path) -> Path:
    shutil.copytree(base, to)
    return to


def _read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def _write(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


@pytest.fixture(scope="module")
def edited(base, tmp_path_factory):
    """A copy of the build with known changes, and what they were.

    relations.csv: its last row deleted, a row added (a copy of the third under a new id), the ``relation_type``
    of its second row changed; evidence.csv (a three-column key): one row deleted; ties.graphml: the
    edge of the second relation removed.
    """
    new = _copy(base, tmp_path_factory.mktemp("diff") / "edited")
    rows = _read(new / "relations.csv")
    header = rows[0]
    rid, kind = header.index("relation_id"), header.index("relation_type")
    removed = rows.pop()
    changed = rows[2]
    old_type = changed[kind]
    new_type = "coordinates" if old_type != "coordinates" else "partners"
    changed[kind] = new_type
    added = list(rows[3])
    added[rid] = "R999"
    assert "R999" not in {r[rid] for r in rows}
    rows.append(added)
    _write(new / "relations.csv", rows)

    evidence = _read(new / "evidence.csv")
    gone_evidence = evidence.pop(5)
    _write(new / "evidence.csv", evidence)

    graphml = (new / "ties.graphml").read_text(encoding="utf-8")
    edge_id = changed[rid]
    edge = re.compile(rf'\n\s*<edge [^>]*id="{edge_id}">.*?</edge>', re.DOTALL)
    assert len(edge.findall(graphml)) == 1
    (new / "ties.graphml").write_text(edge.sub("", graphml), encoding="utf-8")
    return {
        "folder": new,
        "relations": {
            "header": header,
            "removed": removed,
            "changed_id": changed[rid],
            "old_type": old_type,
            "new_type": new_type,
            "added": added,
        },
        "evidence": {"header": evidence[0], "removed": gone_evidence},
        "edge": edge_id,
    }


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = cli.main(["diff", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------- the real builds


def test_a_build_and_its_copy_have_no_differences(base, tmp_path, capsys):
    copy = _copy(base, tmp_path / "copy")
    code, out, err = _run(capsys, base, copy)
    assert code == 0 and err == ""
    assert out.endswith("tables and ties.graphml are the same.\n")
    body = out.splitlines()[3:]  # after the two folders and a blank line
    assert all(line.endswith(" rows)") or line.endswith(" nodes)") for line in body[:-2])
    assert not any(word in line for line in body for word in ("added", "removed", "changed"))
    report = diff_builds(base, copy)
    assert not report["differs"]
    assert {t["status"] for t in report["tables"].values()} == {"same"}
    assert report["graph"]["edges"]["count"]["old"] == report["graph"]["edges"]["count"]["new"] > 0


def test_the_diff_reports_exactly_the_changes_made(base, edited):
    report = diff_builds(base, edited["folder"])
    assert report["differs"]
    rel, ev = edited["relations"], edited["evidence"]

    relations = report["tables"]["relations"]
    assert relations["status"] == "changed" and relations["compared_by"] == "primary_key"
    assert relations["added"] == [dict(zip(rel["header"], rel["added"], strict=True))]
    assert relations["removed"] == [dict(zip(rel["header"], rel["removed"], strict=True))]
    assert relations["changed"] == [
        {
            "key": {"relation_id": rel["changed_id"]},
            "fields": {"relation_type": {"old": rel["old_type"], "new": rel["new_type"]}},
        }
    ]
    assert relations["fields_changed"] == {"relation_type": 1}
    assert relations["columns"] == {"added": [], "removed": []}

    evidence = report["tables"]["evidence"]
    assert evidence["primary_key"] == {
        "old": ["case_id", "code", "coded_value"],
        "new": ["case_id", "code", "coded_value"],
    }
    assert evidence["removed"] == [dict(zip(ev["header"], ev["removed"], strict=True))]
    assert evidence["added"] == evidence["changed"] == []

    assert {n for n, t in report["tables"].items() if t["status"] != "same"} == {"relations", "evidence"}

    graph = report["graph"]
    assert [e["id"] for e in graph["edges"]["removed"]] == [edited["edge"]]
    assert graph["edges"]["added"] == graph["edges"]["changed"] == []
    assert graph["edges"]["count"]["old"] - graph["edges"]["count"]["new"] == 1
    assert graph["nodes"]["added"] == graph["nodes"]["removed"] == graph["nodes"]["changed"] == []


def test_swapping_the_builds_swaps_added_and_removed(base, edited):
    forward, backward = diff_builds(base, edited["folder"]), diff_builds(edited["folder"], base)
    for name in ("relations", "evidence"):
        assert backward["tables"][name]["added"] == forward["tables"][name]["removed"]
        assert backward["tables"][name]["removed"] == forward["tables"][name]["added"]
    [change] = backward["tables"]["relations"]["changed"]
    assert change["fields"]["relation_type"] == {
        "old": edited["relations"]["new_type"],
        "new": edited["relations"]["old_type"],
    }
    assert backward["graph"]["edges"]["added"] == forward["graph"]["edges"]["removed"]


def test_the_text_report_summarises_then_shows_the_rows(base, edited, capsys):
    code, out, err = _run(capsys, base, edited["folder"])
    assert code == 1 and err == ""
    lines = out.splitlines()
    assert lines[:2] == [
        f"--- {base} (trendlib {__import__('trendlib').__version__})",
        f"+++ {edited['folder']} (trendlib {__import__('trendlib').__version__})",
    ]
    assert "relations: 1 added, 1 removed, 1 changed (fields: relation_type)" in lines
    assert "evidence: 0 added, 1 removed, 0 changed" in lines
    assert "ties.graphml: edges 0 added, 1 removed, 0 changed; nodes 0 added, 0 removed, 0 changed" in lines
    rel = edited["relations"]
    assert f"  ~ relation_id={rel['changed_id']}" in lines
    assert f'      relation_type: "{rel["old_type"]}" → "{rel["new_type"]}"' in lines
    assert any(line.startswith("  + relation_id=R999: ") for line in lines)
    assert any(line.startswith(f"  - relation_id={rel['removed'][0]}: ") for line in lines)
    assert any(line.startswith(f"  - id={edited['edge']}: ") for line in lines)
    # the summary comes before any detail
    assert lines.index("relations: 1 added, 1 removed, 1 changed (fields: relation_type)") < lines.index("relations")


def test_limit_caps_the_examples(base, edited, capsys):
    code, out, _ = _run(capsys, base, edited["folder"], "--limit", "0")
    assert code == 1
    assert "relations: 1 added, 1 removed, 1 changed (fields: relation_type)" in out
    assert not any(line.startswith("  ") for line in out.splitlines())
    report = diff_builds(base, edited["folder"])
    report["tables"]["relations"]["changed"] *= 3  # three changes, one shown
    text = format_text(report, limit=1)
    assert text.count(f"  ~ relation_id={edited['relations']['changed_id']}") == 1
    assert "  ~ … and 2 more changed rows" in text


def test_the_output_is_byte_identical_for_the_same_inputs(base, edited, capsys):
    for options in ([], ["--json"], ["--markdown"]):
        first = _run(capsys, base, edited["folder"], *options)
        second = _run(capsys, base, edited["folder"], *options)
        assert first == second and first[0] == 1 and first[1]


def test_json_is_the_whole_report_with_sorted_keys(base, edited, capsys):
    code, out, err = _run(capsys, base, edited["folder"], "--json")
    assert code == 1 and err == ""
    parsed = json.loads(out)
    assert parsed == json.loads(json.dumps(diff_builds(base, edited["folder"])))
    assert out == json.dumps(parsed, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    assert parsed["differs"] is True
    assert parsed["tables"]["relations"]["added"][0]["relation_id"] == "R999"
    assert parsed["new"] == {"path": str(edited["folder"]), "version": __import__("trendlib").__version__}


def test_markdown_gives_a_changelog_bullet_per_changed_table(base, edited, capsys):
    code, out, _ = _run(capsys, base, edited["folder"], "--markdown")
    assert code == 1
    bullets = [line for line in out.splitlines() if line.startswith("- ")]
    assert bullets[:3] == [
        "- evidence: 0 added, 1 removed, 0 changed",
        "- relations: 1 added, 1 removed, 1 changed (fields: relation_type)",
        "- ties.graphml: edges 0 added, 1 removed, 0 changed; nodes 0 added, 0 removed, 0 changed",
    ]
    assert bullets[3].startswith("- Unchanged: trends, paragraphs, ") and "relations" not in bullets[3]
    assert out.startswith("### Data\n")
    assert format_markdown(diff_builds(base, edited["folder"])) == out


def test_a_table_added_or_removed_is_reported_as_such(base, tmp_path):
    new = _copy(base, tmp_path / "new")
    package = json.loads((new / "datapackage.json").read_text(encoding="utf-8"))
    package["resources"] = [r for r in package["resources"] if r["name"] != "coders"]
    (new / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    (new / "coders.csv").unlink()
    report = diff_builds(base, new)
    coders = report["tables"]["coders"]
    assert coders["status"] == "removed" and coders["rows"]["new"] is None
    assert coders["rows"]["old"] == len(pd.read_csv(base / "coders.csv")) > 0
    assert {n for n, t in report["tables"].items() if t["status"] != "same"} == {"coders"}
    assert diff_builds(new, base)["tables"]["coders"]["status"] == "added"
    assert f"coders: table removed (had {coders['rows']['old']} rows)" in format_text(report)


# ---------------------------------------------------------------- comparisons on small tables


def test_numbers_are_compared_as_published_text():
    old = pd.DataFrame({"id": ["1"], "usd": ["1000"]})
    new = pd.DataFrame({"id": ["1"], "usd": ["1000.0"]})
    [change] = compare_tables(old, new, ["id"], ["id"])["changed"]
    assert change["fields"] == {"usd": {"old": "1000", "new": "1000.0"}}


def test_a_changed_primary_key_compares_whole_rows():
    old = pd.DataFrame({"trend": ["1", "1", "2"], "seq": ["1", "2", "1"], "text": ["a", "b", "c"]})
    new = pd.DataFrame({"trend": ["1", "1", "2"], "seq": ["1", "2", "1"], "text": ["a", "B", "c"]})
    d = compare_tables(old, new, ["trend"], ["trend", "seq"])
    assert d["compared_by"] == "whole_row" and d["status"] == "changed"
    assert d["added"] == [{"trend": "1", "seq": "2", "text": "B"}]
    assert d["removed"] == [{"trend": "1", "seq": "2", "text": "b"}]
    assert d["changed"] == []
    same = compare_tables(old, old, ["trend"], ["trend", "seq"])
    assert same["status"] == "changed" and same["added"] == same["removed"] == []  # only the key changed


def test_columns_added_and_removed_are_named_and_not_counted_as_row_changes():
    old = pd.DataFrame({"id": ["1", "2"], "alpha": ["0.7", "0.8"], "status": ["ok", "ok"]})
    new = pd.DataFrame({"id": ["1", "2"], "status": ["ok", "no"], "value": ["0.7", "0.8"]})
    d = compare_tables(old, new, ["id"], ["id"])
    assert d["columns"] == {"added": ["value"], "removed": ["alpha"]}
    assert d["changed"] == [{"key": {"id": "2"}, "fields": {"status": {"old": "ok", "new": "no"}}}]


# ---------------------------------------------------------------- what cannot be compared


def test_a_missing_folder_is_named_with_the_fix(base, tmp_path, capsys):
    missing = tmp_path / "no-such-build"
    code, out, err = _run(capsys, missing, base)
    assert code == 2 and out == ""
    assert err.startswith(f"trendlib diff: error: {missing}: no such folder")
    assert f"trendlib build --out {missing}" in err


def test_a_repeated_primary_key_names_the_file_and_the_key(base, tmp_path, capsys):
    new = _copy(base, tmp_path / "new")
    rows = _read(new / "cases.csv")
    rows.append(rows[1])
    _write(new / "cases.csv", rows)
    code, out, err = _run(capsys, base, new)
    assert code == 2 and out == ""
    assert (
        f"{new / 'cases.csv'}: primary key (case_id) repeated: case_id={rows[1][0]} is on data rows 1 and "
        f"{len(rows) - 1}" in err
    )
    with pytest.raises(DiffError) as raised:
        diff_builds(base, new)
    assert isinstance(raised.value, LoadError)


@pytest.mark.parametrize(
    "damage, named, says",
    [
        ("datapackage.json", "", "no datapackage.json, so it is not the output of a trendlib build"),
        ("funding.csv", "funding.csv", "no such file, though"),
        ("ties.graphml", "ties.graphml", "no such file"),
    ],
)
def test_a_missing_file_is_named(base, tmp_path, capsys, damage, named, says):
    new = _copy(base, tmp_path / "new")
    (new / damage).unlink()
    code, _, err = _run(capsys, base, new)
    assert code == 2
    assert f"trendlib diff: error: {new / named if named else new}: {says}" in err
