"""The audit trail read as rows, and `missiondesk audit` printing or writing it."""

import csv

from missiondesk.cli import main
from missiondesk.facts.reviews import Review
from missiondesk.store import save
from missiondesk.store.audit import audit_rows
from tests.store.test_project import _data

KEY = ("d1", "count", 0, 10)


def _project(tmp_path):
    data = _data()  # one edit by "tester"
    data.set_review(Review(*KEY, "rejected", {}), KEY, "second", note="the wrong war")
    data.add_note(KEY, "third", "checked with the desk")
    path = tmp_path / "p.mdproj"
    save(data, path)
    return data, path


def test_rows_say_who_what_which_fact_before_after_and_why(tmp_path):
    data, _ = _project(tmp_path)
    rows = audit_rows(data)
    assert [(r["who"], r["action"]) for r in rows] == [("tester", "edited"), ("second", "rejected"), ("third", "note")]
    assert rows[0]["before"] == "unreviewed" and rows[0]["after"] == "edited: value 600"
    assert rows[1]["before"] == "edited: value 600" and rows[1]["after"] == "rejected"
    assert rows[1]["note"] == "the wrong war" and rows[0]["fact"].startswith("500")
    assert audit_rows(data, ("d1", "count", 99, 100)) == []


def test_the_audit_command_prints_and_writes_csv(tmp_path, capsys):
    _, path = _project(tmp_path)
    assert main(["audit", str(path)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == 3 and "second" in printed[1] and "edited: value 600 → rejected" in printed[1]
    assert "note: the wrong war" in printed[1]
    target = tmp_path / "trail.csv"
    assert main(["audit", str(path), "-o", str(target)]) == 0
    with open(target, newline="", encoding="utf-8") as handle:
        table = list(csv.reader(handle))
    assert table[0] == ["When", "Who", "What", "Fact", "Before", "After", "Note"]
    assert [row[1] for row in table[1:]] == ["tester", "second", "third"] and table[3][6] == "checked with the desk"


def test_the_audit_command_names_a_bad_project(tmp_path, capsys):
    assert main(["audit", str(tmp_path / "missing.mdproj")]) == 1
    assert "missing.mdproj" in capsys.readouterr().err
