"""The axes of a chart of reported counts by date: a round top for the figures, its ticks, and date ticks by
span (days, months or years). Plain arithmetic shared by the fact sheet's chart and the window's timeline."""

from __future__ import annotations

import math

import pandas as pd

DAY = pd.Timedelta(days=1)


def nice_top(points: pd.DataFrame) -> float:
    """A round figure above every value, interval end and 'to' value of `points`, with room above the highest."""
    finite = [v for v in [*points["value"], *points["hi"], *points["value_to"].dropna()]
              if math.isfinite(float(v))]
    peak = max(finite + [1.0]) * 1.12
    step = nice_step(peak / 5)
    return math.ceil(peak / step) * step


def nice_step(rough: float) -> float:
    power = 10 ** math.floor(math.log10(rough)) if rough > 0 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if rough <= factor * power:
            return factor * power
    return 10 * power


def value_ticks(top: float) -> list[float]:
    step = nice_step(top / 5)
    return [i * step for i in range(int(round(top / step)) + 1)]


def date_range(dates: pd.Series) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The span a date axis covers: the dates with a margin either side (at least 20 days)."""
    first, last = dates.min(), dates.max()
    pad = max((last - first) * 0.08, pd.Timedelta(days=20))
    return first - pad, last + pad


def date_ticks(lo: pd.Timestamp, hi: pd.Timestamp) -> list[tuple[pd.Timestamp, str]]:
    days = (hi - lo) / DAY
    if days <= 60:
        step = 7 if days > 14 else 1
        start = lo.normalize() + DAY
        return [(d, d.strftime("%d %b")) for d in pd.date_range(start, hi, freq=f"{step}D")][:10]
    for months in (1, 2, 3, 6, 12, 24, 60, 120):
        if days / (30.4 * months) <= 7:
            break
    if months < 12:
        start = pd.Timestamp(lo.year, lo.month, 1) + pd.DateOffset(months=1)
        freq, fmt = f"{months}MS", "%b %Y"
        ticks = pd.date_range(start, hi, freq=freq)
        ticks = [t for t in ticks if (t.month - 1) % months == 0] or list(ticks)
    else:
        years = months // 12
        start = pd.Timestamp(lo.year + 1, 1, 1)
        ticks = [t for t in pd.date_range(start, hi, freq="YS") if t.year % years == 0]
        fmt = "%Y"
    return [(t, t.strftime(fmt)) for t in ticks]
