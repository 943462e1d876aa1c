"""The shared filters on a corpus made for them: three articles, counts and statements with known fields."""

import pandas as pd
import pytest

from missiondesk.corpus.document import Document
from missiondesk.extract.records import Extraction, Statement, TroopCount
from missiondesk.facts import FactFrames, compare_counts, compare_statements
from missiondesk.facts.filters import FactFilter, FactFilters, date_bound


def _count(i, doc, value, whose, where, mission=None):
    return TroopCount(f"c{i}", doc, value, None, "exact", "troops", whose, where, mission, f"{value} troops.",
                      i * 10, i * 10 + 5)


def _said(i, doc, actor, mission=None):
    return Statement(f"s{i}", doc, actor, None, "reported", "we stay", "We stay.", None, mission, 100 + i * 10,
                     105 + i * 10)


@pytest.fixture
def frames():
    docs = [Document("a", "a.txt", "A", "AFP", None, "2021-02-17", "x"),
            Document("b", "b.txt", "B", "Reuters", None, "2021-08-17", "x"),
            Document("c", "c.txt", "C", "AP", None, None, "x")]
    extraction = Extraction(troop_counts=[
        _count(1, "a", 10000, "NATO", "Afghanistan", "resolute-support"),
        _count(2, "b", 9600, "NATO", "Afghanistan", "resolute-support"),
        _count(3, "b", 2500, "United States", "Afghanistan"),
        _count(4, "c", 3500, "Germany", "Mali", "minusma"),
    ], statements=[_said(1, "a", "Jens Stoltenberg", "resolute-support"), _said(2, "c", "Boris Pistorius")])
    return FactFrames.build(docs, extraction)


def test_nothing_chosen_keeps_every_row_and_article(frames):
    filters, counts = FactFilters(frames), compare_counts(frames)
    assert not FactFilter().active()
    assert filters.keys(counts, FactFilter()) == set(counts.keys["key"])
    assert filters.documents(FactFilter()) == {"a", "b", "c"}


def test_whose_and_where_keep_the_rows_of_that_force_and_place(frames):
    filters, counts = FactFilters(frames), compare_counts(frames)
    labels = counts.keys.set_index("key")["label"]
    kept = filters.keys(counts, FactFilter(whose="NATO"))
    assert kept and all(labels[k].startswith("NATO troops in Afghanistan") for k in kept)
    kept = filters.keys(counts, FactFilter(where="Afghanistan"))
    assert {labels[k].split(" troops")[0] for k in kept} == {"NATO", "United States"}
    assert filters.keys(counts, FactFilter(whose="Germany", where="Afghanistan")) == set()


def test_an_actor_keeps_the_counts_of_the_articles_that_quote_them(frames):
    filters = FactFilters(frames)
    counts, positions = compare_counts(frames), compare_statements(frames)
    chosen = FactFilter(actor="Jens Stoltenberg")
    assert filters.keys(positions, chosen) == {"statement|Jens Stoltenberg|general"}
    cells = counts.cells.set_index("key")["document"]
    assert {cells[k] for k in filters.keys(counts, chosen)} == {"a"}
    assert filters.documents(chosen) == {"a"}


def test_a_place_keeps_the_positions_of_the_articles_reporting_troops_there(frames):
    filters, positions = FactFilters(frames), compare_statements(frames)
    assert filters.keys(positions, FactFilter(where="Mali")) == {"statement|Boris Pistorius|general"}
    assert filters.missions(FactFilter(where="Mali")) == {"minusma"}


def test_a_date_range_drops_undated_and_out_of_range_facts(frames):
    filters, counts = FactFilters(frames), compare_counts(frames)
    summer = FactFilter(since=date_bound("2021-06"), until=date_bound("2021", end=True))
    cells = counts.cells.set_index("key")["document"]
    assert {cells[k] for k in filters.keys(counts, summer)} == {"b"}
    assert filters.documents(summer) == {"b"}
    assert filters.documents(FactFilter(until=date_bound("2021-02-17"))) == {"a"}


def test_review_status_reads_the_statuses_given(frames):
    filters, counts = FactFilters(frames), compare_counts(frames)
    statuses = {"c2": "accepted", "c4": "rejected"}
    by_fact = {tuple(ids)[0]: key for key, ids in zip(counts.cells["key"], counts.cells["ids"])}
    assert filters.keys(counts, FactFilter(status="accepted"), statuses) == {by_fact["c2"]}
    assert filters.keys(counts, FactFilter(status="reviewed"), statuses) == {by_fact["c2"], by_fact["c4"]}
    assert by_fact["c2"] not in filters.keys(counts, FactFilter(status="unreviewed"), statuses)
    assert filters.documents(FactFilter(status="rejected"), statuses) == {"c"}


def test_choices_come_most_frequent_first(frames):
    filters = FactFilters(frames)
    assert filters.choices("whose")[0] == ("NATO", 2)
    assert [name for name, _n in filters.choices("where")] == ["Afghanistan", "Mali"]
    assert {name for name, _n in filters.choices("actor")} == {"Jens Stoltenberg", "Boris Pistorius"}


def test_date_bounds_read_a_year_a_month_or_a_day():
    assert date_bound("2021") == pd.Timestamp("2021-01-01")
    assert date_bound("2021", end=True) == pd.Timestamp("2021-12-31")
    assert date_bound("2024-02", end=True) == pd.Timestamp("2024-02-29")
    assert date_bound("2021-03-05", end=True) == pd.Timestamp("2021-03-05")
    assert date_bound("  ") is None
    for wrong in ("March 2021", "2021-13", "2021-02-30"):
        with pytest.raises(ValueError):
            date_bound(wrong)


def test_described_in_the_analysts_words():
    chosen = FactFilter(actor="Jens Stoltenberg", where="Mali", since=pd.Timestamp("2021-01-01"))
    assert chosen.describe() == ["the actor Jens Stoltenberg", "troops in Mali", "dated from 2021-01-01"]
    assert chosen.active() and chosen.by_facts() and not FactFilter(since=pd.Timestamp("2021-01-01")).by_facts()


def test_the_articles_a_matrix_is_narrowed_to(frames):
    filters = FactFilters(frames)
    assert filters.articles(FactFilter(whose="NATO"), "count") is None  # its rows say it: every column stays
    assert filters.articles(FactFilter(actor="Jens Stoltenberg"), "count") == {"a"}
    assert filters.articles(FactFilter(where="Afghanistan"), "statement") == {"a", "b"}
    assert filters.articles(FactFilter(since=date_bound("2021-08")), "statement") == {"b"}


def test_a_new_status_is_read_again_though_the_filter_is_the_same(frames):
    filters, counts = FactFilters(frames), compare_counts(frames)
    accepted = FactFilter(status="accepted")
    assert filters.keys(counts, accepted, {}) == set()
    assert len(filters.keys(counts, accepted, {"c2": "accepted"})) == 1  # another statuses dict: asked anew
    assert filters.keys(counts, FactFilter(whose="NATO")) != filters.keys(counts, FactFilter(whose="Germany"))


def test_a_statement_listed_twice_is_filtered_as_one(frames):
    twice = FactFrames(frames.documents, frames.counts,
                       pd.concat([frames.statements, frames.statements.iloc[:1]], ignore_index=True), frames.missions)
    filters, positions = FactFilters(twice), compare_statements(twice)
    assert filters.keys(positions, FactFilter(status="accepted"), {"s1": "accepted"}) == \
        {"statement|Jens Stoltenberg|general"}
    assert filters.fact_mask(FactFilter(status="accepted"), {"s1": "accepted"}).sum() == 2  # both of its rows
