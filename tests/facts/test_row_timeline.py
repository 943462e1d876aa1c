"""One troop-count row over time: its facts with dates, sources and intervals, dated first."""

from missiondesk.corpus.document import Document
from missiondesk.extract.records import Extraction, TroopCount
from missiondesk.facts import FactFrames, compare_counts
from missiondesk.facts.row_timeline import row_points


def test_a_rows_points_are_its_facts_dated_first():
    docs = [Document("a", "a.txt", "A", "AFP", None, "2021-03-01", "x"),
            Document("b", "b.txt", "B", "Reuters", None, "2021-02-17", "x"),
            Document("c", "c.txt", "C", "AP", None, None, "x")]
    counts = [TroopCount("c1", "a", 9600, None, "exact", "troops", "NATO", "Afghanistan", None, "9,600 troops.", 0, 5),
              TroopCount("c2", "b", 10000, None, "at_least", "troops", "NATO", "Afghanistan", None, "s", 0, 5),
              TroopCount("c3", "c", 10000, None, "approx", "troops", "NATO", "Afghanistan", None, "s", 0, 5),
              TroopCount("c4", "c", 700, None, "exact", "troops", "Germany", "Mali", None, "s", 9, 12)]
    frames = FactFrames.build(docs, Extraction(troop_counts=counts))
    comparison = compare_counts(frames)
    key = comparison.cells.loc[comparison.cells["document"] == "a", "key"].iat[0]
    points = row_points(comparison, frames, key)
    assert list(points["id"]) == ["c2", "c1", "c3"]  # 17 February, 1 March, then the undated
    assert list(points["text"]) == ["≥ 10,000", "9,600", "~10,000"]
    assert list(points["outlet"]) == ["Reuters", "AFP", "AP"]
    assert points["lo"].iat[2] < 10000 < points["hi"].iat[2]  # 'some 10,000' spans an interval
    assert row_points(comparison, frames, "no such key").empty
