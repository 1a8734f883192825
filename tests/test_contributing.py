"""CONTRIBUTING.md's walk-through, walked: the rows it shows for a case and its tie, taken from the file
itself (the fenced blocks after a ``<!-- walkthrough: FILE, before ID -->`` marker), added to a copy of
data/reference/ that lacks them, built with ``trendlib build --reference``; the case and its tie must then
be published, exactly as the real data publishes them. So the guide cannot drift from the curated formats.
"""

from __future__ import annotations

import re

import yaml
from curated_rows import snapshot

import trendlib
from trendlib import cli
from trendlib.paths import project_root

MARKER = re.compile(r"<!-- walkthrough: (?P<file>\S+), before (?P<next>T\d-\d\d) -->\n```yaml\n(?P<rows>.*?)```", re.S)


def steps() -> list[dict]:
    text = (project_root() / "CONTRIBUTING.md").read_text(encoding="utf-8")
    return [m.groupdict() for m in MARKER.finditer(text)]


def row_start(text: str, file: str, case: str) -> int:
    """Where the row of ``case`` begins in the text of a curated file (``- id:`` or ``- case:``)."""
    key = "id" if file == "cases.yaml" else "case"
    (m,) = re.finditer(rf"^- {key}: {case}$", text, flags=re.M)
    return m.start()


def test_the_guide_shows_a_case_and_its_tie_in_as_few_files_as_possible():
    done = steps()
    assert [s["file"] for s in done] == ["cases.yaml", "relations.yaml"]
    (case,) = yaml.safe_load(done[0]["rows"])
    (entry,) = yaml.safe_load(done[1]["rows"])
    assert entry["case"] == case["id"] and len(entry["ties"]) == 1


def test_walking_the_guide_publishes_the_case_and_its_tie(ref, tmp_path, built, published, capsys):
    done = steps()
    case_id = yaml.safe_load(done[0]["rows"])[0]["id"]
    for step in done:  # the copy as it was before the case was coded: without the rows the guide adds
        path = ref / step["file"]
        text = path.read_text(encoding="utf-8")
        start, end = row_start(text, step["file"], case_id), row_start(text, step["file"], step["next"])
        assert yaml.safe_load(text[start:end]) == yaml.safe_load(step["rows"]), (
            f"the guide's {step['file']} rows are not the real ones"
        )
        path.write_text(text[:start] + text[end:], encoding="utf-8")
        assert case_id not in path.read_text(encoding="utf-8")
    for step in done:  # the guide's steps: each block goes in its file before the row it names
        path = ref / step["file"]
        text = path.read_text(encoding="utf-8")
        at = row_start(text, step["file"], step["next"])
        path.write_text(text[:at] + step["rows"] + text[at:], encoding="utf-8")
    out = tmp_path / "processed"
    assert cli.main(["build", "--no-cache", "--reference", str(ref), "--out", str(out)]) == 0, capsys.readouterr().err
    t = trendlib.load(out)
    (case,) = yaml.safe_load(done[0]["rows"])
    (entry,) = yaml.safe_load(done[1]["rows"])
    row = t.cases.set_index("case_id").loc[case_id]
    assert (row.title_en, row.kind, row.country, row.n_relations) == (
        case["title_en"],
        case["kind"],
        case["country"],
        len(entry["ties"][0]["targets"]),
    )
    tie = t.relations[t.relations.case_id == case_id]
    tie_row = entry["ties"][0]
    assert tie[["source", "target", "relation_type", "phrase"]].values.tolist() == [
        [tie_row["source"], target, tie_row["type"], tie_row["phrase"]] for target in tie_row["targets"]
    ]
    assert t.cases.case_id.tolist() == published.cases.case_id.tolist(), "the case is not in text order"
    assert snapshot(out) == snapshot(built), "the guide's rows publish other tables than the real data"
