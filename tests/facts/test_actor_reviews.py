"""The analyst's merges and renames of actors (facts/actor_reviews.py), outside Qt: keyed by the registry's actor
id, applied to every frame built, and applied again to facts extracted again."""

from missiondesk.corpus.document import Document
from missiondesk.extract.records import Extraction, Statement
from missiondesk.facts import FactFrames, compare_statements
from missiondesk.facts.actor_reviews import (
    actor_key,
    apply_actor_reviews,
    describe,
    label,
    merge_changes,
    merged_into,
    rename_changes,
)
from missiondesk.facts.reviews import Review

DOCS = [Document(id=d, path=f"{d}.txt", title=d, outlet=None, author=None, published=f"2024-01-0{n}", body="x")
        for d, n in (("a", "1"), ("b", "2"))]


def _said(i, doc, actor, topic="withdrawal"):
    return Statement(id=f"s{i}", document=doc, actor=actor, actor_role=None, kind="reported", content=f"c{i}",
                     sentence="c", topic=topic, mission=None, start=i, end=i + 1)


EXTRACTION = Extraction(statements=[_said(1, "a", "Jens Stoltenberg"), _said(2, "b", "Stoltenberg"),
                                    _said(3, "a", "NATO officials"), _said(4, "b", "Polish Ministry of Defence"),
                                    _said(5, "b", "Georgian Ministry of Defence")])


def _merge(source, into, into_name="", name=""):
    key = actor_key(source)
    return Review(key[0], key[1], key[2], key[3], "merged", merge_changes(into, into_name, name))


def _rename(actor_id, new_name, name=""):
    key = actor_key(actor_id)
    return Review(key[0], key[1], key[2], key[3], "edited", rename_changes(new_name, name))


def _actors(reviews=()):
    frames = FactFrames.build(DOCS, EXTRACTION, reviews)
    return dict(zip(frames.statements["id"], zip(frames.statements["actor_id"], frames.statements["actor"])))


def test_a_merged_actor_takes_the_id_and_name_of_the_one_it_went_into():
    before = _actors()
    assert before["s3"] == ("source:nato-officials", "NATO officials")
    after = _actors([_merge("source:nato-officials", "person:jens-stoltenberg")])
    assert after["s3"] == ("person:jens-stoltenberg", "Jens Stoltenberg")
    assert after["s1"] == before["s1"] and after["s4"] == before["s4"]  # the others stay as they were


def test_merged_actors_are_one_row_of_positions():
    reviews = [_merge("body:georgian-ministry-of-defence", "body:polish-ministry-of-defence")]
    keys = compare_statements(FactFrames.build(DOCS, EXTRACTION, reviews)).keys
    assert "Georgian Ministry of Defence" not in set(keys["actor"])
    row = keys[keys["actor"] == "Polish Ministry of Defence"].iloc[0]
    assert row["facts"] == 2


def test_a_renamed_actor_shows_its_new_name_on_every_statement():
    after = _actors([_rename("person:jens-stoltenberg", "NATO Secretary General")])
    assert after["s1"] == after["s2"] == ("person:jens-stoltenberg", "NATO Secretary General")
    assert after["s3"][1] == "NATO officials"


def test_a_merge_into_a_renamed_actor_takes_the_new_name():
    after = _actors([_rename("person:jens-stoltenberg", "The Secretary General"),
                     _merge("source:nato-officials", "person:jens-stoltenberg")])
    assert after["s3"] == ("person:jens-stoltenberg", "The Secretary General")


def test_a_chain_of_merges_ends_at_the_last_actor_and_a_loop_is_cut():
    reviews = [_merge("a", "b"), _merge("b", "c"), _merge("x", "y"), _merge("y", "x")]
    chains = merged_into(reviews)
    assert chains["a"] == chains["b"] == "c"
    assert "x" not in chains and "y" not in chains  # a loop merges neither: no actor goes into itself
    after = _actors([_merge("source:nato-officials", "body:polish-ministry-of-defence"),
                     _merge("body:polish-ministry-of-defence", "body:georgian-ministry-of-defence")])
    assert after["s3"] == after["s4"] == ("body:georgian-ministry-of-defence", "Georgian Ministry of Defence")


def test_a_merge_into_an_actor_no_longer_found_keeps_the_name_it_recorded():
    after = _actors([_merge("source:nato-officials", "person:someone-gone", "Someone Gone", "NATO officials")])
    assert after["s3"] == ("person:someone-gone", "Someone Gone")


def test_reviews_are_applied_again_to_facts_extracted_again():
    """Another extraction finds the same actors at other places in the text: the review follows the actor's id,
    not a row or a span."""
    reviews = [_merge("source:nato-officials", "person:jens-stoltenberg"),
               _rename("body:polish-ministry-of-defence", "MON (Poland)")]
    again = Extraction(statements=[_said(40, "b", "NATO officials"), _said(20, "a", "Mr Stoltenberg"),
                                   _said(30, "a", "Jens Stoltenberg"), _said(50, "b", "Polish Ministry of Defence")])
    frames = FactFrames.build(DOCS, again, reviews)
    actors = dict(zip(frames.statements["id"], frames.statements["actor"]))
    assert actors["s40"] == actors["s20"] == actors["s30"] == "Jens Stoltenberg"
    assert actors["s50"] == "MON (Poland)"


def test_no_review_of_an_actor_leaves_the_frame_as_it_is():
    frames = FactFrames.build(DOCS, EXTRACTION)
    count_review = Review("a", "count", 0, 1, "accepted")
    assert apply_actor_reviews(frames.statements, [count_review]) is frames.statements


def test_the_audit_trail_names_the_actors():
    merge = {"status": "merged", "changes": merge_changes("person:jens-stoltenberg", "Jens Stoltenberg",
                                                          "NATO officials")}
    assert describe(merge) == "merged into Jens Stoltenberg"
    assert describe({"status": "edited", "changes": rename_changes("MON", "Polish Ministry of Defence")}) \
        == "renamed to MON"
    assert describe(None) == "unreviewed"
    assert label({"key": list(actor_key("source:nato-officials")), "before": None, "after": merge}) \
        == "actor NATO officials"
    assert label({"key": list(actor_key("source:nato-officials")), "before": merge, "after": None}) \
        == "actor NATO officials"  # the undo of the merge names it too
