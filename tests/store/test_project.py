"""The project file: round trips, errors that name the file, and no loss when the writer is killed mid-save."""

import os
import signal
import subprocess
import sys
import time

import pytest

from missiondesk.corpus.document import Document
from missiondesk.extract.pipeline import EXTRACTOR_VERSION, DocumentFacts
from missiondesk.extract.records import TroopCount
from missiondesk.facts.reviews import Review
from missiondesk.store import ProjectData, ProjectError, audit_trail, load, save, save_as
from missiondesk.store.workspace import Workspace


def _data() -> ProjectData:
    data = ProjectData()
    data.add_documents([Document("d1", "a.txt", "Title ü “quoted”", "AFP", None, "2024-01-01", "Body with ünïcode."),
                        Document("d2", "b.txt", "Second", None, "Jane Doe", None, "Another body.")])
    data.facts["d1"] = DocumentFacts("d1", troop_counts=[TroopCount(
        "c1", "d1", 500, 4000, "change", "troops", "NATO", "Iraq", None, "From 500 to 4,000.", 0, 10)])
    data.set_review(Review("d1", "count", 0, 10, "edited", {"value": 600}), ("d1", "count", 0, 10), "tester")
    return data


def test_round_trip_keeps_everything(tmp_path):
    path = tmp_path / "p.mdproj"
    save(_data(), path)
    loaded = load(path)
    assert [d.title for d in loaded.documents] == ["Title ü “quoted”", "Second"]
    assert loaded.documents[1].author == "Jane Doe" and loaded.documents[0].published == "2024-01-01"
    assert loaded.facts["d1"].troop_counts[0].value_to == 4000 and loaded.facts["d1"].version == EXTRACTOR_VERSION
    review = loaded.reviews[("d1", "count", 0, 10)]
    assert review.status == "edited" and review.changes == {"value": 600}
    assert loaded.stale() == [loaded.documents[1]]
    trail = audit_trail(path)
    assert trail[0]["action"] == "review" and trail[0]["who"] == "tester"


def test_adding_the_same_document_twice_keeps_one():
    data = _data()
    assert data.add_documents([Document("d1", "copy.txt", "x", None, None, None, "y")]) == []
    assert len(data.documents) == 2


@pytest.mark.parametrize("content, reason", [(b"", "not a MissionDesk project|damaged"),
                                             (b"plain text, not SQLite" * 20, "not a MissionDesk project|damaged")])
def test_a_bad_file_is_reported_by_name(tmp_path, content, reason):
    import re

    path = tmp_path / "bad.mdproj"
    path.write_bytes(content)
    with pytest.raises(ProjectError) as error:
        load(path)
    assert "bad.mdproj" in str(error.value) and re.search(reason, str(error.value))


def test_a_missing_file_and_a_missing_folder(tmp_path):
    with pytest.raises(ProjectError, match="no such project file"):
        load(tmp_path / "nothing.mdproj")
    with pytest.raises(ProjectError, match="does not exist"):
        save_as(_data(), tmp_path / "missing" / "p.mdproj")


def test_a_failed_save_as_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "p.mdproj"
    save(_data(), path)
    before = path.read_bytes()

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(ProjectError, match="disk is full.*not changed"):
        save_as(_data(), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["p.mdproj"]


def test_killing_the_writer_mid_save_loses_no_saved_review(tmp_path):
    path = tmp_path / "p.mdproj"
    save(_data(), path)
    writer = os.path.join(os.path.dirname(__file__), "writer.py")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    for round_ in range(6):
        process = subprocess.Popen([sys.executable, writer, str(path)], stdout=subprocess.PIPE, text=True, env=env)
        saved = 0
        deadline = time.monotonic() + 0.3 + 0.17 * round_
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if line.strip().isdigit():
                saved = int(line)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        data = load(path)  # always opens
        rounds = {key[2] for key in data.reviews if key[0] == "doc0"}
        # every round the writer reported as saved is there; a round cut short is wholly there or absent
        assert set(range(1, saved + 1)) <= rounds
        for n in rounds:
            assert all(("doc%d" % i, "count", n, n + 1) in data.reviews for i in range(300))
        assert ("d1", "count", 0, 10) in data.reviews


def test_workspace_marks_changes_and_undoes_reviews(tmp_path):
    workspace = Workspace(_data())
    key = ("d1", "count", 0, 10)
    before = workspace.review(key)
    workspace.set_review(key, "rejected")
    assert workspace.dirty and len(workspace.frames().counts) == 0
    workspace.restore_review(key, before)
    assert workspace.frames().counts["value"].tolist() == [600]
    with pytest.raises(ProjectError, match="Save As"):
        workspace.save()
    workspace.save(tmp_path / "w.mdproj")
    assert not workspace.dirty and workspace.path.name == "w.mdproj"


def test_an_autosave_to_another_file_loses_no_audit_entry(tmp_path):
    data = _data()
    path, autosave = tmp_path / "p.mdproj", tmp_path / "p.mdproj.autosave"
    save(data, path)
    data.set_review(Review("d1", "count", 0, 10, "rejected", {}), ("d1", "count", 0, 10), "tester")
    save_as(data, autosave)  # the autosave must not consume the entry the real project still lacks
    save(data, path)
    assert [e["detail"]["after"]["status"] for e in audit_trail(path)] == ["edited", "rejected"]
    assert len(audit_trail(autosave)) == 2


def test_the_trail_survives_reopening_save_as_and_a_recovered_autosave(tmp_path):
    path = tmp_path / "p.mdproj"
    save(_data(), path)
    data = load(path)
    assert [e[2] for e in data.audit] == ["review"]  # what the file held is read back
    data.set_review(None, ("d1", "count", 0, 10), "second")
    save(data, path)  # saving the same file again writes each entry once
    save_as(data, tmp_path / "copy.mdproj")  # a new file holds the history from before, not only new entries
    for saved in (path, tmp_path / "copy.mdproj"):
        assert [e["who"] for e in audit_trail(saved)] == ["tester", "second"]
    recovered = load(tmp_path / "copy.mdproj")  # as when an autosave is offered back and then saved
    recovered.set_review(Review("d1", "count", 0, 10, "accepted", {}), ("d1", "count", 0, 10), "third")
    save(recovered, path)
    assert [e["who"] for e in audit_trail(path)] == ["tester", "second", "third"]
