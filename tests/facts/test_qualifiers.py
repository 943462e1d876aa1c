"""The qualifier logic: each reported figure is an interval; sources disagree only when no head count fits all."""

import math

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from missiondesk.facts.qualifiers import QUALIFIERS, compatible, describe, interval, intervals, label

values = st.integers(min_value=1, max_value=500_000)
qualifiers = st.sampled_from(QUALIFIERS)


def test_the_seed_disagreement():
    more_than = interval(10_000, None, "at_least")
    some = interval(10_000, None, "approx")
    exact = interval(9_600, None, "exact")
    assert not compatible([more_than, exact])
    assert compatible([some, more_than])
    assert compatible([some, exact])
    assert not compatible([more_than, some, exact])


def test_intervals_by_qualifier():
    assert interval(10_000, None, "approx") == (9_000, 11_000)
    assert interval(200, None, "at_most") == (0, 200)
    assert interval(3_000, 5_000, "range") == (3_000, 5_000)
    assert interval(500, 4_000, "change") == (500, 4_000)
    assert interval(4_000, 500, "change") == (500, 4_000)
    assert interval(1_000, None, "at_least") == (1_000, math.inf)


def test_labels_and_words():
    assert [label(10_000, None, q) for q in ("exact", "approx", "at_least", "at_most")] == \
        ["10,000", "~10,000", "≥ 10,000", "≤ 10,000"]
    assert label(500, 4_000, "change") == "500 → 4,000" and label(3_000, 5_000, "range") == "3,000–5,000"
    assert describe(10_000, None, "at_least") == "more than 10,000"


@given(values, st.one_of(st.none(), values), qualifiers)
def test_the_reported_number_lies_in_its_own_interval(value, value_to, qualifier):
    lo, hi = interval(value, value_to, qualifier)
    assert lo <= value <= hi
    if value_to is not None and qualifier in ("range", "change"):
        assert lo <= value_to <= hi


@given(values, st.one_of(st.none(), values), qualifiers)
def test_a_figure_agrees_with_itself(value, value_to, qualifier):
    span = interval(value, value_to, qualifier)
    assert compatible([span, span])


@given(st.lists(st.tuples(values, st.one_of(st.none(), values), qualifiers), min_size=2, max_size=6))
def test_agreement_does_not_depend_on_order(reports):
    spans = [interval(*r) for r in reports]
    assert compatible(spans) == compatible(list(reversed(spans)))


@given(st.lists(st.tuples(values, st.one_of(st.none(), values), qualifiers), min_size=3, max_size=6))
def test_a_disagreement_survives_more_sources(reports):
    spans = [interval(*r) for r in reports]
    if not compatible(spans[:2]):
        assert not compatible(spans)


@given(values, values)
def test_exact_figures_agree_only_when_equal(a, b):
    assert compatible([interval(a, None, "exact"), interval(b, None, "exact")]) == (a == b)


@given(st.lists(st.tuples(values, st.one_of(st.none(), values), qualifiers), min_size=1, max_size=30))
def test_column_intervals_match_the_scalar_ones(reports):
    vals = np.array([r[0] for r in reports])
    tos = np.array([np.nan if r[1] is None else r[1] for r in reports], dtype=float)
    quals = np.array([r[2] for r in reports], dtype=object)
    lo, hi = intervals(vals, tos, quals)
    for (value, value_to, qualifier), a, b in zip(reports, lo, hi):
        assert (a, b) == interval(value, value_to if qualifier in ("range", "change") else None, qualifier) or \
            qualifier not in ("range", "change") and (a, b) == interval(value, None, qualifier)
