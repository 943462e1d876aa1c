"""Reported counts by date and source: one point per dated report, a bar for the interval its wording
allows ('some 10,000' spans 9,000 to 11,000; 'more than 10,000' is open upwards), one colour per question."""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd
from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from missiondesk.report.chart_axes import DAY, date_range, date_ticks, nice_top, value_ticks
from missiondesk.report.factsheet_styles import FONT, GRID, INK, MUTED, RULE, SERIES, fit
from missiondesk.report.factsheet_text import plain

MAX_SERIES = len(SERIES)
LABEL_POINTS = 14  # above this many points, a point is labelled with its citation only


def dated_points(counts: pd.DataFrame) -> pd.DataFrame:
    return counts[counts["date"].notna()]


def chartable(counts: pd.DataFrame) -> bool:
    """A chart says something once there are two dated reports to set side by side."""
    return len(dated_points(counts)) >= 2


def count_chart(counts: pd.DataFrame, labels: dict[str, str], cite: Callable[[str], int | None],
                width: float, height: float = 175) -> tuple[Drawing, list[str]]:
    """The chart and the questions left off it (beyond the first MAX_SERIES, most reported first)."""
    points = dated_points(counts)
    order = points["key"].value_counts(sort=True)
    keys = sorted(order.index, key=lambda k: (-order[k], labels.get(k, k)))
    shown, dropped = keys[:MAX_SERIES], keys[MAX_SERIES:]
    points = points[points["key"].isin(shown)].sort_values("date")
    legend_rows = math.ceil(len(shown) / 2)
    legend_h = 12 * legend_rows + 16
    drawing = Drawing(width, height + legend_h, initialFontName=FONT, initialFontSize=7)
    left, right, bottom, top = 46, width - 10, legend_h + 22, height + legend_h - 8
    x_of, ticks = _x_axis(points["date"], left, right)
    y_max = nice_top(points)

    def y_of(value: float) -> float:
        return bottom + (top - bottom) * min(value, y_max) / y_max

    drawing.add(Rect(left, bottom, right - left, top - bottom, fillColor=None, strokeColor=RULE,
                     strokeWidth=0.5))
    for value in value_ticks(y_max):
        y = y_of(value)
        drawing.add(Line(left, y, right, y, strokeColor=GRID, strokeWidth=0.3))
        drawing.add(String(left - 4, y - 2.5, f"{value:,.0f}", fontName=FONT, fontSize=7, fillColor=MUTED,
                           textAnchor="end"))
    for when, text in ticks:
        x = x_of(when)
        drawing.add(Line(x, bottom, x, bottom - 3, strokeColor=RULE, strokeWidth=0.5))
        drawing.add(String(x, bottom - 11, text, fontName=FONT, fontSize=7, fillColor=MUTED,
                           textAnchor="middle"))

    placed: list[tuple[float, float]] = []
    label_sources = len(points) <= LABEL_POINTS
    for index, key in enumerate(shown):
        colour = SERIES[index % len(SERIES)]
        series = points[points["key"] == key]
        xy = [(x_of(r.date), y_of(r.value)) for r in series.itertuples()]
        if len(xy) > 1:
            drawing.add(PolyLine([c for p in xy for c in p], strokeColor=colour, strokeWidth=0.8,
                                 strokeDashArray=[2, 2]))
        for row, (x, y) in zip(series.itertuples(), xy):
            _interval(drawing, x, row.lo, row.hi, y_of, y_max, colour)
            drawing.add(Circle(x, y, 2.6, fillColor=colour, strokeColor=colour, strokeWidth=0.5))
            number = cite(row.document)
            ref = f"[{number}]" if number else ""
            text = f"{plain(row.outlet, 22, 'unknown outlet')} {ref}".strip() if label_sources else ref
            _label(drawing, text, x, y, right, placed)
    _legend(drawing, [labels.get(k, k) for k in shown], left, legend_h - 14, right - left)
    return drawing, [labels.get(k, k) for k in dropped]


def _interval(drawing: Drawing, x: float, lo: float, hi: float, y_of, y_max: float, colour) -> None:
    """The range a wording allows; an arrowhead where it is open upwards ('more than')."""
    if lo == hi:
        return
    y_lo, y_hi = y_of(max(lo, 0)), y_of(hi if math.isfinite(hi) else y_max)
    drawing.add(Line(x, y_lo, x, y_hi, strokeColor=colour, strokeWidth=0.9))
    drawing.add(Line(x - 3, y_lo, x + 3, y_lo, strokeColor=colour, strokeWidth=0.9))
    if math.isfinite(hi) and hi <= y_max:
        drawing.add(Line(x - 3, y_hi, x + 3, y_hi, strokeColor=colour, strokeWidth=0.9))
    else:
        drawing.add(Polygon([x - 3, y_hi - 5, x + 3, y_hi - 5, x, y_hi], fillColor=colour, strokeColor=colour,
                            strokeWidth=0.3))


def _label(drawing: Drawing, text: str, x: float, y: float, right: float, placed: list) -> None:
    """Beside the point, nudged down past labels already placed nearby so none overprints another."""
    if not text:
        return
    size = 6.5
    w = stringWidth(text, FONT, size)
    lx = x + 5 if x + 5 + w <= right - 2 else x - 5 - w
    ly = y - 2.2
    while any(abs(lx - px) < w and abs(ly - py) < size + 1 for px, py in placed):
        ly -= size + 1.5
    placed.append((lx, ly))
    drawing.add(String(lx, ly, text, fontName=FONT, fontSize=size, fillColor=INK))


def _legend(drawing: Drawing, names: list[str], left: float, top: float, width: float) -> None:
    column = width / 2
    for i, name in enumerate(names):
        x = left + (i % 2) * column
        y = top - 12 * (i // 2)
        colour = SERIES[i % len(SERIES)]
        drawing.add(Line(x, y + 2.5, x + 12, y + 2.5, strokeColor=colour, strokeWidth=1.2))
        drawing.add(Circle(x + 6, y + 2.5, 2.2, fillColor=colour, strokeColor=colour))
        text = fit(plain(name, 200), FONT, 7.5, column - 22)
        drawing.add(String(x + 16, y, text, fontName=FONT, fontSize=7.5, fillColor=INK))


def _x_axis(dates: pd.Series, left: float, right: float):
    """Position of a date on the page, and the ticks with their labels (days, months or years by span)."""
    lo, hi = date_range(dates)
    span = (hi - lo) / DAY

    def x_of(when) -> float:
        return left + (right - left) * ((when - lo) / DAY) / span

    return x_of, date_ticks(lo, hi)
