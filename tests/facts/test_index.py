"""The fact index the window reads: reviews applied, evidence fields, sparse statuses, lazy search texts."""

from missiondesk.corpus.document import Document
from missiondesk.extract.pipeline import DocumentFacts
from missiondesk.extract.records import Statement, TroopCount
from missiondesk.facts.index import FactIndex
from missiondesk.facts.reviews import Review
from missiondesk.store.workspace import Workspace

BODY = "Intro line. NATO has some 10,000 troops in Iraq. \"We stay,\" the general said."


def _workspace() -> Workspace:
    workspace = Workspace()
    data = workspace.data
    data.add_documents([Document("d1", "a.txt", "Iraq mission", "AFP", None, "2024-01-01", BODY)])
    count_start = BODY.index("10,000")
    data.facts["d1"] = DocumentFacts("d1", troop_counts=[TroopCount(
        "c1", "d1", 10000, None, "approx", "troops", "NATO", "Iraq", None,
        "NATO has some 10,000 troops in Iraq.", count_start, count_start + 6)], statements=[Statement(
            "s1", "d1", "the general", None, "direct", "We stay", BODY[BODY.index('"'):], "withdrawal", None,
            BODY.index('"'), len(BODY))])
    data.set_review(Review("d1", "count", count_start, count_start + 6, "edited", {"whose": "Italy"}),
                    ("d1", "count", count_start, count_start + 6), "tester")
    return workspace


def test_a_fact_carries_its_review_and_its_evidence():
    index = FactIndex()
    index.rebuild(_workspace())
    fact = index.get("c1")
    assert fact["status"] == "edited" and fact["whose"] == "Italy"
    assert BODY[fact["sentence_start"]:fact["sentence_end"]] == "NATO has some 10,000 troops in Iraq."
    assert fact["outlet"] == "AFP" and fact["label"] == "~10,000 Italy troops"
    assert index.get("s1")["status"] == "unreviewed" and index.get("nope") is None
    assert len(index) == 2 and "s1" in index


def test_statuses_name_only_reviewed_facts_and_search_sees_edits():
    index = FactIndex()
    index.rebuild(_workspace())
    assert index.statuses() == {"c1": "edited"}  # before the index is built
    index.get("s1")
    assert index.statuses() == {"c1": "edited"}  # and after
    texts = index.search_texts()
    assert texts["c1"].endswith("italy iraq afp 10000") and "afp" in texts["s1"]
    assert [h[:2] for h in index.highlights("d1")] == [("c1", "count"), ("s1", "statement")]


def test_a_fact_forgotten_after_a_review_is_searched_by_its_new_words():
    workspace = _workspace()
    index = FactIndex()
    index.rebuild(workspace)
    assert "italy" in index.search_texts()["c1"]
    key = next(iter(workspace.data.reviews))
    workspace.set_review(key, "edited", {"whose": "Spain"})
    index.forget({"c1"})
    assert index.get("c1")["whose"] == "Spain"
    assert "spain" in index.search_texts()["c1"] and "italy" not in index.search_texts()["c1"]
