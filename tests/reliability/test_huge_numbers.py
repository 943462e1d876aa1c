"""A figure no force can have (10^30, hundreds of digits, "ninety-nine million") is not a troop count, and no
value in a project, however it got there, crashes the tables or the fact sheets."""

import pytest

from missiondesk.corpus.document import Document
from missiondesk.extract.numbers import MAX_FORCE, find_numbers
from missiondesk.extract.records import Extraction, Mission, Statement, TroopCount
from missiondesk.facts import FactFrames
from missiondesk.facts.reviews import Review
from tests.reliability.exports import export_everything


def test_the_cap_is_ten_million():
    assert MAX_FORCE == 10_000_000


@pytest.mark.parametrize("text", ["about 1000000000000000000000000000000 troops", "some 10,000,001 soldiers",
                                  "9" * 400 + " troops", "ninety-nine million troops", "20 million soldiers",
                                  "1e30 troops", "12.5 million troops"])
def test_a_figure_above_any_force_is_no_number_to_count(text):
    assert all(n.value <= MAX_FORCE for n in find_numbers(text))


def test_real_figures_are_still_numbers():
    assert [n.value for n in find_numbers("10,000 troops, 1.2 million soldiers, 10 million people")] == [
        10_000, 1_200_000, 10_000_000]


ARTICLE = ("NATO keeps troops in Kosovo\n\nBy Jane Porter\n\n"
           "NATO will keep about {n} troops in Kosovo for another year, officials said on Tuesday. "
           "\"We will stay as long as needed,\" NATO Secretary General Jens Stoltenberg said.\n\n"
           "Another 500 soldiers remain in Kosovo, the alliance said.\n")


def test_an_article_with_10_to_the_30_troops_exports(tmp_path):
    from missiondesk.corpus.loader import build_document
    from missiondesk.corpus.readers import RawArticle
    from missiondesk.extract import extract_documents

    documents = [build_document(f"d{i}", f"a{i}.txt", RawArticle(ARTICLE.format(n=n), "txt"))
                 for i, n in enumerate(["1" + "0" * 30, "4,000", "9" * 400])]
    extraction = extract_documents(documents)
    assert all(c.value <= MAX_FORCE and (c.value_to or 0) <= MAX_FORCE for c in extraction.troop_counts)
    assert 4000 in {c.value for c in extraction.troop_counts}
    assert len(export_everything(FactFrames.build(documents, extraction), tmp_path)) >= 5


def _count(cid: str, value, value_to=None, qualifier="exact") -> TroopCount:
    return TroopCount(cid, "a", value, value_to, qualifier, "troops", "NATO", "Kosovo", "kfor", "x", 0, 10)


def test_any_value_in_a_project_exports(tmp_path):
    """A project edited by hand or by another version: values no extractor gives must not crash anything."""
    documents = [Document("a", "a.txt", "A", "AFP", None, "2024-01-01", "body " * 20)]
    counts = [_count("c1", 10**30), _count("c2", 4000, 10**40, "range"), _count("c3", -5), _count("c4", 4500),
              _count("c5", 3000, "lots", "range"), _count("c6", float("nan")), _count("c7", 4200)]
    counts = [TroopCount(**{**c.to_json(), "start": i * 10, "end": i * 10 + 5}) for i, c in enumerate(counts)]
    reviews = [Review("a", "count", 60, 65, "edited", {"value": "many"}),  # c7 edited to a word
               Review("a", "count", 30, 35, "edited", {"value": 4600.0})]  # c4 edited to a float
    statements = [Statement("s1", "a", "Jens Stoltenberg", None, "direct", "We stay.", "We stay.", None, "kfor",
                            0, 5)]
    missions = [Mission("kfor", "KFOR", "NATO", "Kosovo", None, None)]
    frames = FactFrames.build(documents, Extraction(missions, counts, statements), reviews)
    assert sorted(frames.counts["value"]) == [3000, 4000, 4600]
    assert frames.counts["value"].dtype == "int64"
    assert frames.counts["value_to"].isna().all()  # 10^40 and "lots" are no figures
    assert len(export_everything(frames, tmp_path)) >= 5


def test_metres_and_minutes_are_no_millions():
    """'10 m tall' is metres and '(2m)' a clip's length; '1.2m' and '20k' beside a noun still scale."""
    from missiondesk.extract.numbers import find_numbers

    assert [n.value for n in find_numbers("a wall 30 m wide and 10 m tall")] == [30, 10]
    assert [n.value for n in find_numbers("Listen to the minister (2m)")] == []
    assert [n.value for n in find_numbers("a 1.2m-strong army and 20k soldiers")] == [1_200_000, 20_000]
