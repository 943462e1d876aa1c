"""What a reported number allows: each qualifier is an interval of head counts, and sources disagree when
their intervals cannot all hold at once ('more than 10,000' and '9,600'), not when they merely differ in
wording ('some 10,000' and 'more than 10,000')."""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

APPROX_TOLERANCE = 0.10  # "some 10,000" allows 9,000 to 11,000
QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range", "change")


def interval(value: float, value_to: float | None, qualifier: str) -> tuple[float, float]:
    """The head counts a reported figure allows, as a closed interval."""
    if qualifier == "approx":
        return value * (1 - APPROX_TOLERANCE), value * (1 + APPROX_TOLERANCE)
    if qualifier == "at_least":
        return float(value), math.inf
    if qualifier == "at_most":
        return 0.0, float(value)
    if qualifier in ("range", "change") and value_to is not None:
        return float(min(value, value_to)), float(max(value, value_to))
    return float(value), float(value)


def intervals(values: np.ndarray, values_to: np.ndarray, qualifiers: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`interval` over whole columns at once."""
    values = values.astype(float)
    to = np.where(np.isnan(values_to.astype(float)), values, values_to.astype(float))
    lo = values.copy()
    hi = values.copy()
    approx = qualifiers == "approx"
    lo[approx] = values[approx] * (1 - APPROX_TOLERANCE)
    hi[approx] = values[approx] * (1 + APPROX_TOLERANCE)
    least = qualifiers == "at_least"
    hi[least] = math.inf
    most = qualifiers == "at_most"
    lo[most] = 0.0
    spans = (qualifiers == "range") | (qualifiers == "change")
    lo[spans] = np.minimum(values[spans], to[spans])
    hi[spans] = np.maximum(values[spans], to[spans])
    return lo, hi


def compatible(spans: list[tuple[float, float]]) -> bool:
    """True when one head count fits every interval."""
    return max(lo for lo, _ in spans) <= min(hi for _, hi in spans)


@lru_cache(maxsize=1 << 16)  # a corpus repeats its figures: most cells are a lookup
def label(value: int, value_to: int | None, qualifier: str) -> str:
    """A cell as analysts write it: '≥ 10,000', '~10,000', '9,600', '500 → 4,000', '3,000–5,000', '≤ 200'."""
    number = f"{int(value):,}"
    if qualifier == "approx":
        return f"~{number}"
    if qualifier == "at_least":
        return f"≥ {number}"
    if qualifier == "at_most":
        return f"≤ {number}"
    if qualifier == "range" and value_to is not None:
        return f"{number}–{int(value_to):,}"
    if qualifier == "change" and value_to is not None:
        return f"{number} → {int(value_to):,}"
    return number


def describe(value: int, value_to: int | None, qualifier: str) -> str:
    """The same figure in words, for the sentence that explains a disagreement."""
    number = f"{int(value):,}"
    words = {"approx": f"about {number}", "at_least": f"more than {number}", "at_most": f"up to {number}"}
    if qualifier == "range" and value_to is not None:
        return f"between {number} and {int(value_to):,}"
    if qualifier == "change" and value_to is not None:
        return f"from {number} to {int(value_to):,}"
    return words.get(qualifier, number)
