"""The in-window timeline: one troop-count row's figures by date and source, drawn with QPainter (the fact sheet's
chart, for one question). Each point is a fact: a click selects it, hovering names its source and figure."""

from __future__ import annotations

import math

import pandas as pd
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from missiondesk.report.chart_axes import DAY, date_range, date_ticks, nice_top, value_ticks

HIT_RADIUS = 9  # pixels around a point that a click or a hover finds it in
EMPTY = "Choose a row in Troop counts to see its figures by date and source"


class TimelineChart(QWidget):
    fact_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Timeline")
        self.setMouseTracking(True)
        self.setMinimumHeight(120)
        self.title = ""
        self.points = pd.DataFrame()
        self.selected: str | None = None
        self.message = EMPTY
        self._placed: list[tuple[str, QPointF, str]] = []  # fact id, where it is drawn, what its tooltip says
        self.colour = QColor("#1a56b3")
        self.alert = QColor("#b3261e")
        self.disagree = False
        self._axes: tuple | None = None  # what paintEvent reads of the points (`_axes`)

    def show_row(self, title: str, points: pd.DataFrame, disagree: bool = False) -> None:
        """Chart `points` (facts/row_timeline.py's rows) under `title` (not drawn again when they are the ones
        shown: a review elsewhere in the matrix leaves the row as it was)."""
        message = "" if len(points) else "This row has no figure to chart"
        if (title, disagree, message) == (self.title, self.disagree, self.message) and points.equals(self.points):
            return
        self.title, self.points, self.disagree, self.message = title, points, disagree, message
        self._axes = _axes(points)
        self.update()

    def clear(self, message: str = EMPTY) -> None:
        self.title, self.points, self.message = "", pd.DataFrame(), message
        self._axes = None
        self._placed = []
        self.update()

    def select(self, fact_id: str | None) -> None:
        if fact_id != self.selected:
            self.selected = fact_id
            self.update()

    def point_at(self, position: QPointF) -> str | None:
        """The fact drawn nearest `position`, within HIT_RADIUS pixels."""
        best, distance = None, HIT_RADIUS
        for fact_id, centre, _tip in self._placed:
            d = math.hypot(centre.x() - position.x(), centre.y() - position.y())
            if d <= distance:
                best, distance = fact_id, d
        return best

    def point_position(self, fact_id: str) -> QPointF | None:
        """Where a fact's point is drawn (None when it is not on the chart)."""
        return next((centre for i, centre, _tip in self._placed if i == fact_id), None)

    # -- mouse ------------------------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        found = self.point_at(event.position())
        if found is not None and event.button() == Qt.MouseButton.LeftButton:
            self.select(found)
            self.fact_clicked.emit(found)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        found = self.point_at(event.position())
        tip = next((t for i, _c, t in self._placed if i == found), None)
        self.setCursor(Qt.CursorShape.PointingHandCursor if found else Qt.CursorShape.ArrowCursor)
        if tip:
            QToolTip.showText(event.globalPosition().toPoint(), tip, self)
        else:
            QToolTip.hideText()

    # -- drawing ----------------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        ink, muted = palette.text().color(), palette.placeholderText().color()
        metrics = painter.fontMetrics()
        line = metrics.height()
        self._placed = []
        if self.title:
            painter.setPen(self.alert if self.disagree else ink)
            title = ("⚠ " if self.disagree else "") + self.title
            painter.drawText(QRectF(8, 2, self.width() - 16, line + 2), Qt.AlignmentFlag.AlignLeft,
                             metrics.elidedText(title, Qt.TextElideMode.ElideRight, self.width() - 16))
        if self.message or not len(self.points):
            painter.setPen(muted)
            painter.drawText(self.rect().adjusted(8, line + 4, -8, -4), Qt.AlignmentFlag.AlignCenter |
                             Qt.TextFlag.TextWordWrap, self.message or EMPTY)
            return
        if self._axes is None:
            self._axes = _axes(self.points)
        dated, undated, top, (lo, hi), date_marks = self._axes
        plot = QRectF(metrics.horizontalAdvance("000,000") + 12, line * 2 + 4, 0, 0)
        plot.setRight(self.width() - 12)
        plot.setBottom(self.height() - line - 10)
        if plot.height() < 20 or plot.width() < 120:
            return
        # undated figures stand in a band of their own at the left: on the chart, and clickable, all the same
        axis_left = plot.left()
        band = QRectF(plot.left(), plot.top(), min(170.0, plot.width() / 4), plot.height()) if len(undated) else None
        if band is not None:
            plot.setLeft(band.right() + 6)
        span = (hi - lo) / DAY

        def x_of(when) -> float:
            return plot.left() + plot.width() * ((when - lo) / DAY) / span

        def y_of(value: float) -> float:
            return plot.bottom() - plot.height() * min(max(value, 0.0), top) / top

        grid = QColor(muted)
        grid.setAlpha(60)
        for value in value_ticks(top):
            y = y_of(value)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(axis_left, y), QPointF(plot.right(), y))
            painter.setPen(muted)
            painter.drawText(QRectF(0, y - line / 2, axis_left - 6, line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{value:,.0f}")
        for when, text in date_marks:
            x = x_of(when)
            painter.setPen(QPen(muted, 1))
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3))
            painter.drawText(QRectF(x - 40, plot.bottom() + 4, 80, line), Qt.AlignmentFlag.AlignHCenter, text)
        painter.setPen(QPen(muted, 1))
        painter.drawRect(plot)
        centres = [QPointF(x_of(r.date), y_of(float(r.value))) for r in dated]
        if band is not None:
            painter.drawRect(band)
            painter.drawText(QRectF(band.left(), band.bottom() + 4, band.width(), line), Qt.AlignmentFlag.AlignHCenter,
                             "undated")
            heights: list[float] = []
            for r in undated:  # figures at one height side by side, so that each can be clicked
                y = y_of(float(r.value))
                beside = sum(abs(y - other) < 8 for other in heights)
                heights.append(y)
                centres.append(QPointF(band.left() + 10 + 14 * min(beside, 6), y))
        if not len(dated):
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "No figure of this row comes from a dated article")
        self._draw_points(painter, dated + undated, centres, len(dated), y_of, top, plot, ink, band)

    def _draw_points(self, painter: QPainter, rows: list, centres: list[QPointF], n_dated: int, y_of,
                     top: float, plot: QRectF, ink: QColor, band: QRectF | None) -> None:
        """The points, their intervals and (up to 14 points) their sources' names, nudged down past one another;
        an undated point's name stays inside the undated band."""
        colour = self.alert if self.disagree else self.colour
        if n_dated > 1:  # the dated figures joined in date order
            painter.setPen(QPen(colour, 1, Qt.PenStyle.DashLine))
            for a, b in zip(centres[:n_dated], centres[1:n_dated]):
                painter.drawLine(a, b)
        labelled = len(centres) <= 14  # more points than that: the tooltips name them
        band_labels = max((c.x() for c in centres[n_dated:]), default=0.0) + 8
        # a name is nudged down past the names already placed and past every point (its own is to its left)
        taken = [QRectF(c.x() - 6, c.y() - 6, 12, 12) for c in centres]
        metrics = painter.fontMetrics()
        for row, centre in zip(rows, centres):
            if row.lo != row.hi:  # the interval the wording allows ('some 10,000', 'more than 10,000')
                painter.setPen(QPen(colour, 1.5))
                upper = y_of(row.hi) if math.isfinite(row.hi) else plot.top()
                painter.drawLine(QPointF(centre.x(), y_of(row.lo)), QPointF(centre.x(), upper))
                painter.drawLine(QPointF(centre.x() - 3, y_of(row.lo)), QPointF(centre.x() + 3, y_of(row.lo)))
                if math.isfinite(row.hi) and row.hi <= top:
                    painter.drawLine(QPointF(centre.x() - 3, upper), QPointF(centre.x() + 3, upper))
            chosen = row.id == self.selected
            painter.setPen(QPen(ink if chosen else colour, 2.5 if chosen else 1))
            painter.setBrush(colour)
            radius = 6.0 if chosen else 4.0
            painter.drawEllipse(centre, radius, radius)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            day = row.published if isinstance(row.published, str) else \
                "undated" if pd.isna(row.date) else f"{row.date:%Y-%m-%d}"
            self._placed.append((row.id, centre, f"{_name(row.outlet)}, {day}: {row.text}"))
            if labelled:
                text = f"{_name(row.outlet)} {row.text}"
                inside = band is not None and centre.x() < band.right()
                left = band_labels if inside else centre.x() + 7  # past every undated point, in the band
                room = band.right() - left - 4 if inside else self.width()
                if metrics.horizontalAdvance(text) > room:  # the outlet cut short, never the figure
                    figure = f" {row.text}"
                    text = metrics.elidedText(_name(row.outlet), Qt.TextElideMode.ElideRight,
                                              int(room - metrics.horizontalAdvance(figure))) + figure
                box = QRectF(left, centre.y() - metrics.height() / 2, metrics.horizontalAdvance(text) + 2,
                             metrics.height())
                if not inside and box.right() > self.width() - 4:
                    box.moveRight(centre.x() - 7)
                while any(box.intersects(other) for other in taken) and box.bottom() < plot.bottom():
                    box.translate(0, metrics.height())
                taken.append(box)
                painter.setPen(ink)
                painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)


def _axes(points: pd.DataFrame) -> tuple:
    """What a paint reads of the points, made once per row shown (pandas in every paint held the window 15 ms
    after each review): the dated and the undated rows, the top of the value axis, the dates' span and ticks."""
    if not len(points):
        return [], [], 1.0, (pd.Timestamp("2000-01-01"), pd.Timestamp("2001-01-01")), []
    rows = [_Point(*values) for values in zip(*(points[name].tolist() for name in _Point.__slots__))]
    dated = [r for r in rows if not pd.isna(r.date)]
    span = date_range(pd.Series([r.date for r in dated])) if dated else \
        (pd.Timestamp("2000-01-01"), pd.Timestamp("2001-01-01"))
    return dated, [r for r in rows if pd.isna(r.date)], nice_top(points), span, date_ticks(*span) if dated else []


class _Point:
    """A point's fields as paintEvent reads them (a namedtuple per row shown cost more than the drawing)."""

    __slots__ = ("id", "date", "value", "lo", "hi", "published", "outlet", "text")

    def __init__(self, *values) -> None:
        for name, value in zip(self.__slots__, values):
            setattr(self, name, value)


def _name(outlet) -> str:
    return outlet if isinstance(outlet, str) and outlet else "unknown outlet"
