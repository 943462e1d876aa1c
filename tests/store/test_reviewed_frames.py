"""`missiondesk factsheet` and `compare` on a saved project: the analyst's reviews, actors merged and renamed among
them, are in what they write, also after the articles are extracted again."""

import sqlite3
from functools import cache

import pandas as pd

from missiondesk.cli import main
from missiondesk.facts.actor_reviews import MERGED, RENAMED, actor_key, merge_changes, rename_changes
from missiondesk.store.reviewed_frames import is_project, reviewed_frames
from missiondesk.store.workspace import Workspace
from tests.conftest import SEEDS
from tests.report.helpers import read_sheet

NEW = "The Secretary General of NATO"


@cache
def _seeds() -> Workspace:
    workspace = Workspace()
    corpus = workspace.read([SEEDS])
    workspace.add(corpus, Workspace.extract(corpus.documents))
    return workspace


def _project(path):
    """The seeds with Jens Stoltenberg renamed and 'NATO officials' merged into him, saved at `path`."""
    workspace = Workspace(_seeds().data)
    workspace.data.reviews = {}
    workspace.set_review(actor_key("person:jens-stoltenberg"), RENAMED, rename_changes(NEW, "Jens Stoltenberg"))
    workspace.set_review(actor_key("source:nato-officials"), MERGED,
                         merge_changes("person:jens-stoltenberg", NEW, "NATO officials"))
    workspace.save(path)
    return path


def test_a_project_path_is_told_from_articles():
    assert is_project(["work.mdproj"]) and is_project(["WORK.MDPROJ"])
    assert not is_project(["seeds"]) and not is_project(["a.mdproj", "b.mdproj"])


def test_the_frames_of_a_saved_project_have_its_actor_reviews(tmp_path):
    frames = reviewed_frames(_project(tmp_path / "p.mdproj"))
    actors = set(frames.statements["actor"])
    assert NEW in actors and "Jens Stoltenberg" not in actors and "NATO officials" not in actors


def test_out_of_date_facts_are_extracted_again_and_the_reviews_applied(tmp_path):
    path = _project(tmp_path / "stale.mdproj")
    db = sqlite3.connect(path)
    db.execute("UPDATE facts SET version = 'an older extractor'")
    db.commit()
    db.close()
    frames = reviewed_frames(path)
    assert NEW in set(frames.statements["actor"]) and "NATO officials" not in set(frames.statements["actor"])
    db = sqlite3.connect(path)
    assert {v for (v,) in db.execute("SELECT version FROM facts")} == {"an older extractor"}  # file untouched
    db.close()


def test_compare_writes_the_renamed_and_merged_actor(tmp_path, capsys):
    out = tmp_path / "comparison.xlsx"
    assert main(["compare", str(_project(tmp_path / "p.mdproj")), "-o", str(out)]) == 0
    statements = pd.read_excel(out, sheet_name="Statements")
    assert NEW in set(statements["actor"]) and "NATO officials" not in set(statements["actor"])
    positions = pd.read_excel(out, sheet_name="Positions")
    assert any(NEW in str(cell) for cell in positions.iloc[:, 0])


def test_the_actor_fact_sheet_of_a_project_is_by_the_new_name(tmp_path):
    out = tmp_path / "actor.pdf"
    assert main(["factsheet", str(_project(tmp_path / "p.mdproj")), "--actor", NEW, "-o", str(out)]) == 0
    assert NEW in read_sheet(out).flat


def test_a_project_that_cannot_be_read_is_named(tmp_path, capsys):
    bad = tmp_path / "bad.mdproj"
    bad.write_bytes(b"not a project")
    assert main(["factsheet", str(bad), "-o", str(tmp_path / "x.pdf")]) == 1
    assert "bad.mdproj" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
