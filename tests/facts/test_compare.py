"""The comparison on the seed corpus and on small corpora made for each rule."""

import json
import subprocess
import sys

import pandas as pd
import pytest

from missiondesk.corpus import load_corpus
from missiondesk.corpus.document import Document
from missiondesk.extract import extract_documents
from missiondesk.extract.records import Extraction, TroopCount
from missiondesk.facts import FactFrames, Review, compare_counts, compare_statements, statement_timeline
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def seed_frames():
    corpus = load_corpus([SEEDS])
    return corpus, extract_documents(corpus.documents)


def _row(comparison, label_start):
    (key,) = [k for k in comparison.keys.itertuples() if k.label.startswith(label_start)]
    cells = comparison.cells[comparison.cells["key"] == key.key]
    return key, sorted(cells["text"])


def test_nato_troops_in_afghanistan_disagree_across_three_sources(seed_frames):
    corpus, extraction = seed_frames
    comparison = compare_counts(FactFrames.build(corpus.documents, extraction))
    key, cells = _row(comparison, "NATO troops in Afghanistan")
    assert cells == ["9,600", "~10,000", "≥ 10,000"]
    assert key.disagree and key.documents == 3
    (item,) = [d for d in comparison.disagreements if d["key"] == key.key]
    assert "Euronews" in item["explanation"] and "AFP" in item["explanation"] and "9,600" in item["explanation"]


def test_us_troops_in_afghanistan_agree_at_2500(seed_frames):
    corpus, extraction = seed_frames
    comparison = compare_counts(FactFrames.build(corpus.documents, extraction))
    key, cells = _row(comparison, "United States troops in Afghanistan")
    assert not key.disagree and key.documents == 3
    assert set(cells) <= {"2,500", "~2,500"} and "2,500" in cells


def test_stoltenberg_positions_line_up_from_february_to_august(seed_frames):
    corpus, extraction = seed_frames
    timeline = statement_timeline(FactFrames.build(corpus.documents, extraction), "Jens Stoltenberg")
    dated = timeline.dropna(subset=["date"])
    assert list(dated["published"].unique()) == ["2021-02-17", "2021-08-17"]
    assert dated["date"].is_monotonic_increasing
    august = " ".join(dated[dated["published"] == "2021-08-17"]["content"])
    assert "We never intended to stay in Afghanistan forever" in august
    assert len(timeline) >= 10


def test_positions_matrix_has_actors_down(seed_frames):
    corpus, extraction = seed_frames
    positions = compare_statements(FactFrames.build(corpus.documents, extraction))
    assert any(label.startswith("Jens Stoltenberg — ") for label in positions.keys["label"])
    assert positions.matrix().shape[1] == 5


def test_a_rejected_fact_drops_out_and_the_disagreement_with_it(seed_frames):
    corpus, extraction = seed_frames
    afp = next(c for c in extraction.troop_counts if c.value == 9600)
    reviews = [Review(afp.document, "count", afp.start, afp.end, "rejected")]
    frames = FactFrames.build(corpus.documents, extraction, reviews)
    assert 9600 not in set(frames.counts["value"])
    key, _ = _row(compare_counts(frames), "NATO troops in Afghanistan")
    assert not key.disagree


def test_an_edited_fact_shows_its_edited_value(seed_frames):
    corpus, extraction = seed_frames
    afp = next(c for c in extraction.troop_counts if c.value == 9600)
    reviews = [Review(afp.document, "count", afp.start, afp.end, "edited", {"value": 10500, "qualifier": "exact"})]
    frames = FactFrames.build(corpus.documents, extraction, reviews)
    _, cells = _row(compare_counts(frames), "NATO troops in Afghanistan")
    assert "10,500" in cells and "9,600" not in cells
    accepted_only = FactFrames.build(corpus.documents, extraction, reviews, accepted_only=True)
    assert list(accepted_only.counts["value"]) == [10500]


def _doc(i: int, published: str | None) -> Document:
    return Document(f"d{i}", f"d{i}.txt", f"Article {i}", f"Outlet {i}", None, published, "text")


def _count(i: int, value: int, qualifier: str = "exact", sentence: str = "", period: str = "current") -> TroopCount:
    return TroopCount(f"c{i}", f"d{i}", value, None, qualifier, "troops", "France", "Mali", None,
                      sentence or f"About {value} French troops are in Mali.", 0, 10, period=period)


def test_reports_months_apart_are_different_questions():
    docs = [_doc(1, "2020-01-10"), _doc(2, "2020-02-01"), _doc(3, "2021-06-01")]
    extraction = Extraction(troop_counts=[_count(1, 5100), _count(2, 5100), _count(3, 2500)])
    comparison = compare_counts(FactFrames.build(docs, extraction))
    assert sorted(comparison.keys["documents"]) == [1, 2]
    assert comparison.disagreements == []


def test_a_count_dated_years_back_is_its_own_question():
    docs = [_doc(1, "2024-03-01"), _doc(2, "2024-03-02")]
    extraction = Extraction(troop_counts=[
        _count(1, 2500),
        _count(2, 5100, sentence="At its peak in 2014 France had 5,100 troops in Mali.", period="past")])
    comparison = compare_counts(FactFrames.build(docs, extraction))
    assert len(comparison.keys) == 2 and comparison.disagreements == []


def test_the_matrix_orders_articles_by_date():
    docs = [_doc(1, "2020-03-01"), _doc(2, None), _doc(3, "2020-02-01")]
    extraction = Extraction(troop_counts=[_count(1, 100), _count(2, 100), _count(3, 100)])
    wide = compare_counts(FactFrames.build(docs, extraction)).matrix()
    assert list(wide.columns) == ["Outlet 2\nundated", "Outlet 3\n2020-02-01", "Outlet 1\n2020-03-01"]


def test_compare_command_writes_matrix_and_disagreements(tmp_path):
    out = tmp_path / "comparison.json"
    result = subprocess.run([sys.executable, "-m", "missiondesk", "compare", str(SEEDS), "-o", str(out)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "DISAGREE" in result.stdout and "both cannot be true" in result.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    nato = next(m for m in data["matrix"] if m["label"].startswith("NATO troops in Afghanistan"))
    assert nato["disagree"] and sorted(c["value"] for c in nato["cells"]) == ["9,600", "~10,000", "≥ 10,000"]
    (item,) = data["disagreements"]
    assert {s["outlet"] for s in item["sources"]} >= {"Euronews", "AFP"}
    assert all({"value", "qualifier", "outlet", "published"} <= set(s) for s in item["sources"])


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_compare_writes_tables(tmp_path, suffix):
    out = tmp_path / f"comparison{suffix}"
    result = subprocess.run([sys.executable, "-m", "missiondesk", "compare", str(SEEDS), "-o", str(out)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    table = pd.read_csv(out, index_col=0) if suffix == ".csv" else pd.read_excel(out, sheet_name=None)
    if suffix == ".csv":
        assert bool(table.loc["NATO troops in Afghanistan, Feb 2021", "disagree"])
    else:
        assert {"Troop counts", "Disagreements", "Positions", "Counts", "Statements"} <= set(table)


def test_compare_refuses_an_unknown_output_type(tmp_path):
    result = subprocess.run([sys.executable, "-m", "missiondesk", "compare", str(SEEDS), "-o", str(tmp_path / "x.txt")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 2 and ".csv, .xlsx or .json" in result.stderr
