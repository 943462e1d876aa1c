"""A review updates the comparisons key by key; after every step of a long random review session they equal
comparing the whole corpus again (with rejected facts shown and without)."""

import random

import pandas as pd
import pytest

from missiondesk.corpus.document import Document
from missiondesk.extract.pipeline import DocumentFacts, MissionHitRecord
from missiondesk.extract.records import Statement, TroopCount
from missiondesk.facts import compare_counts, compare_statements
from missiondesk.facts.actor_reviews import RENAMED, actor_key, merge_changes, rename_changes
from missiondesk.facts.live_comparison import LiveComparison
from missiondesk.facts.mission_reviews import MERGED, apply_to_frames, mission_key
from missiondesk.facts.row_timeline import row_points
from missiondesk.facts.with_rejected import (
    counts_with_rejected,
    frames_with_rejected,
    statements_with_rejected,
    without_rejected,
)
from missiondesk.store.document_reviews import document_key
from missiondesk.store.project import ProjectData
from missiondesk.store.workspace import Workspace

FORCES = ["NATO", "United States", "France", None]
PLACES = ["Iraq", "Mali", None]
MISSIONS = ["m-alpha", "m-bravo", "m-charlie"]
ACTORS = ["Jens Stoltenberg", "Stoltenberg", "Mr Stoltenberg", "Lloyd Austin", "officials", "European diplomat"]
QUALIFIERS = ["exact", "approx", "at_least", "at_most", "range", "change"]


def corpus(seed: int, articles: int = 36) -> Workspace:
    """Articles over three years, some undated, with counts that clash, past counts dated years back, statements
    whose speakers the corpus names several ways, and three missions."""
    rng = random.Random(seed)
    data = ProjectData()
    for i in range(articles):
        published = None if i % 9 == 4 else f"{2019 + i % 3}-{1 + (i * 5) % 12:02d}-{1 + i % 27:02d}"
        body = "x" * 400
        doc = Document(f"doc{i:03d}", f"a{i}.txt", f"Article {i}", None if i % 7 == 3 else f"Outlet {i % 5}",
                       None, published, body)
        data.documents.append(doc)
        facts = DocumentFacts(doc.id)
        for j in range(rng.randint(0, 4)):
            q = rng.choice(QUALIFIERS)
            value = rng.choice([500, 1000, 2500, 9600, 10000, 12000])
            period = rng.choice(["current", "current", "past", "planned"])
            sentence = f"In {rng.choice([2012, 2015, 2020])} some {value} troops." if period == "past" else \
                f"Some {value} troops."
            facts.troop_counts.append(TroopCount(
                f"c{i}-{j}", doc.id, value, value * 2 if q in ("range", "change") else None, q,
                rng.choice(["troops", "troops", "police"]), rng.choice(FORCES), rng.choice(PLACES),
                rng.choice([*MISSIONS, None]), sentence, j * 20, j * 20 + 8, period))
        for j in range(rng.randint(0, 3)):
            facts.statements.append(Statement(
                f"s{i}-{j}", doc.id, rng.choice(ACTORS), rng.choice([None, "NATO Secretary General"]),
                rng.choice(["direct", "reported"]), f"the mission will go on ({i}, {j})", "x",
                rng.choice(["withdrawal", "peace talks", None]), rng.choice([*MISSIONS, None]),
                200 + j * 20, 200 + j * 20 + 8))
        for j, mission in enumerate(rng.sample(MISSIONS, rng.randint(0, 2))):
            facts.missions.append(MissionHitRecord(mission, 300 + j * 10, 305 + j * 10, mission))
        data.facts[doc.id] = facts
    return Workspace(data)


def full(workspace: Workspace, keep_rejected: bool) -> dict:
    """What the window showed by comparing the whole corpus again (before comparisons were kept up to date)."""
    reviews = workspace.data.reviews.values()
    if keep_rejected:
        shown = frames_with_rejected(workspace.documents(), workspace.extraction(), reviews)
        workspace.mark_documents(shown.documents)  # the window marks typed dates and time zones on what it shows
        missions = apply_to_frames(shown, workspace.extraction(), reviews, keep_rejected=True)
        frames = without_rejected(shown)
        counts = counts_with_rejected(shown, compare_counts(shown))
        positions = statements_with_rejected(shown, compare_statements(shown))
    else:
        shown = frames = workspace.frames()
        missions, counts, positions = frames.missions, compare_counts(frames), compare_statements(frames)
    return {"shown": shown, "frames": frames, "missions": missions, "counts": counts, "positions": positions}


def assert_same(live: LiveComparison, expected: dict) -> None:
    for name in ("shown", "frames"):
        got, want = (live.frames_shown if name == "shown" else live.frames), expected[name]
        for table in ("documents", "counts", "statements", "missions"):
            pd.testing.assert_frame_equal(getattr(got, table), getattr(want, table), obj=f"{name}.{table}")
    pd.testing.assert_frame_equal(live.missions_shown, expected["missions"], obj="missions shown")
    for name in ("counts", "positions"):
        got, want = getattr(live, name), expected[name]
        pd.testing.assert_frame_equal(got.keys, want.keys, obj=f"{name}.keys")
        pd.testing.assert_frame_equal(got.documents, want.documents, obj=f"{name}.documents")
        pd.testing.assert_frame_equal(_sorted(got.cells), _sorted(want.cells), obj=f"{name}.cells")
        assert [_disagreement(d) for d in got.disagreements] == [_disagreement(d) for d in want.disagreements]


def _sorted(cells: pd.DataFrame) -> pd.DataFrame:
    return cells.sort_values(["key", "document"]).reset_index(drop=True)


def _disagreement(item: dict) -> tuple:
    return item["key"], item["label"], item["explanation"], item["sources"]


def review_step(rng: random.Random, workspace: Workspace, undo: list) -> str:
    """One thing an analyst does, through the workspace as the window's commands do; returns what it was."""
    extraction = workspace.extraction()
    choice = rng.random()
    if undo and choice < 0.12:
        key, before = undo.pop()
        workspace.restore_review(key, before)
        return f"undo {key}"
    if choice < 0.6 and (extraction.troop_counts or extraction.statements):
        record = rng.choice(extraction.troop_counts + extraction.statements)
        kind = "count" if isinstance(record, TroopCount) else "statement"
        key = (record.document, kind, record.start, record.end)
        status = rng.choice(["accepted", "rejected", "rejected", "edited", "edited", None])
        changes = {}
        if status == "edited":
            if kind == "count":
                field = rng.choice(["value", "whose", "where", "qualifier", "unit", "period", "mission"])
                changes[field] = {"value": rng.choice([700, 9600, 20000]), "whose": rng.choice(FORCES),
                                  "where": rng.choice(PLACES), "qualifier": rng.choice(QUALIFIERS),
                                  "unit": rng.choice(["troops", "police"]),
                                  "period": rng.choice(["current", "past"]), "mission": rng.choice(MISSIONS)}[field]
            else:
                field = rng.choice(["actor", "topic", "content", "mission"])
                changes[field] = {"actor": rng.choice([*ACTORS, "Mark Rutte"]),
                                  "topic": rng.choice(["withdrawal", "budget", None]),
                                  "content": "we stay", "mission": rng.choice(MISSIONS)}[field]
    elif choice < 0.75:
        doc = rng.choice(workspace.data.documents)
        key, status = document_key(doc.id), "edited"
        changes = rng.choice([{"outlet": "Renamed"}, {"published": rng.choice(["2018-02-03", "2021-06-30", None])},
                              {"title": "A retitled article"}, {"outlet": None, "published": "2020-01-01"}])
    elif choice < 0.88:
        key, status, changes = _actor_review(rng, workspace)
    else:
        mission, other = rng.sample(MISSIONS, 2)
        key = mission_key(mission)
        status = rng.choice(["accepted", "rejected", MERGED, "edited", None])
        changes = {"into": other} if status == MERGED else {"name": "Renamed mission"} if status == "edited" else {}
    undo.append((key, workspace.review(key)))
    workspace.set_review(key, status, changes)
    return f"{status} {key} {changes}"


def _actor_review(rng: random.Random, workspace: Workspace) -> tuple:
    """An actor merged into another, renamed, or its review taken back, as the Positions tab's actions make them."""
    statements = workspace.frames().statements
    actors = sorted(set(zip(statements["actor_id"], statements["actor"])))
    (actor_id, name), (into, into_name) = rng.sample(actors, 2) if len(actors) > 1 else (actors[0], actors[0])
    status = rng.choice([MERGED, MERGED, RENAMED, None])
    changes = merge_changes(into, into_name, name) if status == MERGED else \
        rename_changes(rng.choice(["NATO chief", "Stoltenberg", "Mark Rutte"]), name) if status == RENAMED else {}
    return actor_key(actor_id), status, changes


@pytest.mark.parametrize("keep_rejected", [True, False])
@pytest.mark.parametrize("seed", [1, 2])
def test_every_review_step_leaves_the_comparisons_as_a_full_comparison_gives_them(seed, keep_rejected):
    workspace = corpus(seed)
    live = LiveComparison(workspace, keep_rejected)
    live.positions  # noqa: B018  compared from the start, so every step updates it too
    assert_same(live, full(workspace, keep_rejected))
    rng, undo = random.Random(seed * 100 + keep_rejected), []
    for step in range(50):
        done = review_step(rng, workspace, undo)
        live.update()
        try:
            assert_same(live, full(workspace, keep_rejected))
        except AssertionError as exc:
            raise AssertionError(f"after step {step}: {done}") from exc


def test_an_accept_changes_no_row_of_either_comparison():
    workspace = corpus(3)
    live = LiveComparison(workspace)
    live.positions  # noqa: B018
    record = workspace.extraction().troop_counts[0]
    workspace.set_review((record.document, "count", record.start, record.end), "accepted")
    update = live.update()
    assert not update.counts and not update.positions
    assert update.facts == {record.id}


def test_an_edit_changes_only_the_keys_of_the_edited_fact():
    workspace = corpus(4)
    live = LiveComparison(workspace)
    record = next(c for c in workspace.extraction().troop_counts if c.whose == "NATO")
    before = dict(zip(live.counts.keys["key"], live.counts.keys["label"]))
    workspace.set_review((record.document, "count", record.start, record.end), "edited", {"value": 4321})
    update = live.update()
    assert update.counts.changed and len(update.counts.changed) <= 2
    assert all(key.startswith("count|NATO|") for key in update.counts.changed | update.counts.removed)
    assert set(before) - update.counts.removed == set(live.counts.keys["key"]) - (update.counts.changed - set(before))


def test_positions_compared_late_follow_the_reviews_made_before():
    workspace = corpus(5)
    live = LiveComparison(workspace)
    record = workspace.extraction().statements[0]
    workspace.set_review((record.document, "statement", record.start, record.end), "edited", {"actor": "Mark Rutte"})
    live.update()
    assert "Mark Rutte" in set(live.positions.keys["actor"])
    pd.testing.assert_frame_equal(live.positions.keys, full(workspace, True)["positions"].keys)


@pytest.mark.parametrize("keep_rejected", [True, False])
def test_facts_looked_up_by_id_are_those_of_the_frames_shown(keep_rejected):
    """A row's timeline and a statement's actor, found by id after reviews, as the frames shown give them."""
    workspace = corpus(6)
    live = LiveComparison(workspace, keep_rejected)
    rng, undo = random.Random(6), []
    for step in range(30):
        review_step(rng, workspace, undo)
        live.update()
        if step % 10 == 9:
            counts = live.counts
            for key in counts.keys["key"].tolist():
                pd.testing.assert_frame_equal(row_points(counts, None, key, live.counts_shown_of),
                                              row_points(counts, live.frames_shown, key), obj=key)
            shown = live.frames_shown.statements.drop_duplicates("id")
            assert {i: live.actor_shown_of(i) for i in shown["id"]} == dict(zip(shown["id"], shown["actor"]))
            hidden = {r.id for r in workspace.extraction().statements} - set(shown["id"])
            assert all(live.actor_shown_of(i) is None for i in hidden)
