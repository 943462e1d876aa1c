"""Projects for the save tests: a few hundred articles with facts and reviews, made without spaCy."""

from __future__ import annotations

from missiondesk.corpus.document import Document
from missiondesk.extract.pipeline import DocumentFacts
from missiondesk.extract.records import TroopCount
from missiondesk.facts.reviews import Review
from missiondesk.store.project import ProjectData

ARTICLES = 300


def a_project(articles: int = ARTICLES) -> ProjectData:
    data = ProjectData()
    body = "NATO will keep about 4,000 troops in Kosovo for another year, officials said. " * 25  # 2 kB
    data.add_documents(Document(f"doc{i}", f"corpus/{i}.txt", f"Article {i}", "AFP", None, "2024-01-01",
                                f"{i}: {body}") for i in range(articles))
    for i in range(articles):
        data.facts[f"doc{i}"] = DocumentFacts(f"doc{i}", troop_counts=[TroopCount(
            f"c{i}", f"doc{i}", 4000 + i, None, "approx", "troops", "NATO", "Kosovo", "kfor", body[:80], 10, 30)])
    return data


def add_round(data: ProjectData, n: int, reviews: int = 50) -> None:
    """Round `n` of work: one review on each of `reviews` articles, keyed so that the round can be found."""
    for i in range(reviews):
        key = (f"doc{i}", "count", 1000 + n, 1001 + n)
        data.set_review(Review(*key, "accepted", {"round": n}, "tester"), key, "tester")


def rounds_in(data: ProjectData, reviews: int = 50) -> set[int]:
    """The rounds the project holds, each checked to be whole (a save is all or nothing)."""
    found = {key[2] - 1000 for key in data.reviews if key[0] == "doc0" and key[2] >= 1000}
    for n in found:
        assert all((f"doc{i}", "count", 1000 + n, 1001 + n) in data.reviews for i in range(reviews)), n
    return found
