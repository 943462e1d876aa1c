"""The Timeline dock: follows the row chosen in the Troop counts matrix and charts its figures by date and source;
a click on a point selects that fact everywhere (Evidence panel, article, matrices)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from missiondesk.facts.row_timeline import row_points
from missiondesk.ui.timeline_chart import TimelineChart


class TimelineDock:
    """Mixed into MainWindow: expects counts_view, counts_model, counts_shown, frames, _live,
    current_fact, select_fact() and the History dock (docks[2])."""

    timeline_key: str | None = None

    def build_timeline_dock(self) -> None:
        self.timeline = TimelineChart(self)
        self.timeline.fact_clicked.connect(self.select_fact)
        dock = QDockWidget("Timeline", self)
        dock.setObjectName("timeline")
        dock.setWidget(self.timeline)
        history = self.docks[2]
        # beside the History and Problems tabs, both in view (splitting a tabbed dock would add a third tab)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock, Qt.Orientation.Horizontal)
        self.resizeDocks([history, dock], [480, 620], Qt.Orientation.Horizontal)
        self.resizeDocks([history], [200], Qt.Orientation.Vertical)
        self.timeline_dock = dock
        # after the window's own selection slots: the fact is chosen by the time the chart follows the row
        self.counts_view.selectionModel().currentChanged.connect(lambda current, _prev: self._row_chosen(current))
        self.counts_model.modelReset.connect(self._timeline_again)

    def _row_chosen(self, index) -> None:
        if index.isValid():
            self.show_timeline(self.counts_model.key(index.row()))
        self.timeline.select(self.current_fact)

    def show_timeline(self, key: str | None) -> None:
        """Chart the figures of one troop-count row (its fact key); None clears the chart."""
        self.timeline_key = key
        if key is None:
            self.timeline.clear()
            return
        comparison = self.counts_shown
        keys = comparison.keys[comparison.keys["key"] == key]
        if keys.empty:  # the row is gone (a new comparison): nothing to chart
            self.timeline_key = None
            self.timeline.clear()
            return
        live = self._live
        points = row_points(comparison, None, key, live.counts_shown_of) if live is not None else \
            row_points(comparison, self.frames, key)
        self.timeline.show_row(str(keys["label"].iat[0]), points, bool(keys["disagree"].iat[0]))
        self.timeline.select(self.current_fact)

    def _timeline_again(self) -> None:
        """After the matrix is rebuilt or filtered: the same row's figures, as they now stand."""
        if self.timeline_key is not None:
            self.show_timeline(self.timeline_key)
