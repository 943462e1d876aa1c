"""Exports a spreadsheet reads: one row per fact in long form, and the matrix with a headed key column and the
articles' plain titles."""

import csv

import pandas as pd

from missiondesk.corpus.document import Document
from missiondesk.extract.records import Extraction, Statement, TroopCount
from missiondesk.facts import FactFrames, compare_counts
from missiondesk.facts.reviews import Review
from missiondesk.report.facts_csv import LONG_COLUMNS, facts_long, review_notes, write_facts_csv
from missiondesk.report.tables import write_comparison

DOCS = [Document("a", "a.txt", "Allies stay in Kosovo", "AFP", None, "2024-01-01", "body"),
        Document("b", "b.txt", "Zelenskyy’s visit", None, None, None, "body")]
COUNTS = [TroopCount("c1", "a", 4000, None, "exact", "troops", "NATO", "Kosovo", "kfor", "4,000 troops.", 0, 10),
          TroopCount("c2", "b", 4500, 5000, "range", "troops", "NATO", "Kosovo", "kfor", "4,500 to 5,000.", 3, 20)]
STATEMENTS = [Statement("s1", "a", "Jens Stoltenberg", "NATO chief", "direct", "We stay", "“We stay,” he said.",
                        "presence", "kfor", 30, 40)]


def _frames(reviews=()):
    return FactFrames.build(DOCS, Extraction([], COUNTS, STATEMENTS), reviews)


def test_one_row_per_fact_with_its_article_figures_words_and_review(tmp_path):
    edited = Review("a", "count", 0, 10, "edited", {"value": 4200})
    trail = [("t", "me", "review", {"key": ["a", "count", 0, 10], "note": "first note"}),
             ("t", "me", "note", {"key": ["a", "count", 0, 10], "note": "the ministry's figure"})]
    path = tmp_path / "facts.csv"
    write_facts_csv(path, _frames([edited]), review_notes(trail))
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # a spreadsheet then reads it as UTF-8
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == LONG_COLUMNS
    by_id = {r["fact_id"]: r for r in rows}
    assert set(by_id) == {"c1", "c2", "s1"}
    c1, c2, s1 = by_id["c1"], by_id["c2"], by_id["s1"]
    assert (c1["kind"], c1["value"], c1["review_status"], c1["note"]) == ("count", "4200", "edited",
                                                                         "the ministry's figure")
    assert (c1["title"], c1["outlet"], c1["date"], c1["whose"], c1["where"]) == \
        ("Allies stay in Kosovo", "AFP", "2024-01-01", "NATO", "Kosovo")
    assert (c2["value"], c2["value_to"], c2["qualifier"], c2["outlet"], c2["date"]) == ("4500", "5000", "range", "", "")
    assert c2["title"] == "Zelenskyy’s visit" and c2["start"] == "3" and c2["end"] == "20"
    assert (s1["kind"], s1["actor"], s1["statement"], s1["value"], s1["mission"]) == \
        ("statement", "Jens Stoltenberg", "We stay", "", "kfor")
    assert s1["sentence"] == "“We stay,” he said." and s1["review_status"] == "unreviewed"


def test_a_project_without_facts_gives_the_header_only():
    empty = FactFrames.build([], Extraction())
    assert list(facts_long(empty).columns) == LONG_COLUMNS and facts_long(empty).empty


def test_the_matrix_csv_heads_its_key_column_and_names_articles_by_title(tmp_path):
    frames = _frames()
    path = tmp_path / "matrix.csv"
    write_comparison(path, frames, compare_counts(frames), compare_counts(frames))
    with open(path, encoding="utf-8-sig", newline="") as fh:
        header = next(csv.reader(fh))
    assert header[:2] == ["troop count", "disagree"]
    assert sorted(header[2:]) == ["Allies stay in Kosovo", "Zelenskyy’s visit"]
    table = pd.read_csv(path, index_col=0, encoding="utf-8-sig", dtype=str)
    assert table.index.name == "troop count" and len(table) == 1
    assert table.iloc[0]["Allies stay in Kosovo"] == "4,000"  # each figure under its own article's title
    assert "4,500" in table.iloc[0]["Zelenskyy’s visit"]
