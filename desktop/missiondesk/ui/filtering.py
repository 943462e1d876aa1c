"""The shared filters applied to the window: the rows of the Troop counts and Positions matrices, the articles
outside the date range (their columns hidden), the Corpus and Missions lists. The deciding is done by
facts/filters.py; this only asks it and shows the answer."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer

from missiondesk.facts.filters import FactFilter, FactFilters
from missiondesk.ui.filter_bar import FactFilterBar


class Filtering:
    """Mixed into MainWindow: expects its models and views, the toolbar's search and toggles, self.frames,
    self._frames_shown, self.fact_status and self._filter_changed()."""

    _prepared: FactFilters | None = None
    _side_shown = None  # the comparison Side by side shows (None: fewer than two articles chosen)

    def build_filter_bar(self) -> None:
        self.filter_bar = FactFilterBar(self)
        self.filter_bar.add_mission_chooser(self.mission_filter)
        self.filter_bar.changed.connect(self._filter_changed)
        self.filter_bar.clear_requested.connect(self.clear_filters)
        self.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.filter_bar)

    def fact_filter(self) -> FactFilter:
        return self.filter_bar.current()

    def prepared_filters(self) -> FactFilters:
        """The facts the tables show (rejected ones in while 'Show rejected' is on), prepared once per refresh."""
        frames = self._frames_shown if self._frames_shown is not None else self.frames
        if self._prepared is None or self._prepared.frames is not frames:
            self._prepared = FactFilters(frames)
        return self._prepared

    def update_filter_choices(self) -> None:
        """After a refresh: the choosers' values, and (once the window is idle) the facts behind each row, so that
        the first filter answers as quickly as the next."""
        self._choices_due = False  # made here: a later turn's update has nothing left to do
        self.filter_bar.set_choices(self.prepared_filters())
        QTimer.singleShot(0, self._prepare_when_idle)

    _choices_due = False  # the choosers' values wait for a later turn of the event loop

    def update_filter_choices_later(self) -> None:
        """The choosers' values after an actor step, two turns of the event loop later: the step's own rows are
        shown and painted first, and no turn holds the window for both (the names of every statement shown are
        gathered again, 40-60 ms on 2,000 articles). Until then a chooser offers the names as they stood."""
        if self._choices_due:
            return
        self._choices_due = True
        QTimer.singleShot(0, lambda: QTimer.singleShot(0, self._update_choices_due))  # after the repaint's turn

    def _update_choices_due(self) -> None:
        if self._choices_due:
            self._choices_due = False
            self.filter_bar.set_choices(self.prepared_filters())

    def deferred_pending(self) -> bool:
        """Whether work a step left for a later turn of the event loop is still to run."""
        return self._choices_due or self._pending_update is not None

    def _prepare_when_idle(self) -> None:
        """The facts behind the Troop counts rows, and the words the Corpus list is searched by (the first key of
        a search waited 30-70 ms for them on 2,000 articles)."""
        self.prepared_filters().prepare(self.counts_shown)
        self._article_texts(self.documents_model.frame())

    def prepare_position_filters(self) -> None:
        """When idle after the Positions tab is filled: the facts behind its rows (only while it stands; comparing
        positions again for it would cost more than it saves)."""
        if self._positions_shown:
            self.prepared_filters().prepare(self.positions_shown)

    def kept_keys(self, model) -> set[str] | None:
        """The rows of a matrix the shared filters keep (None: all of them)."""
        chosen = self.fact_filter()
        if not chosen.active():
            return None
        if model is self.counts_model:
            comparison = self.counts_shown
        elif model is self.positions_model and self._positions_shown:
            comparison = self.positions_shown
        elif model is self.side_model and self._side_shown is not None:
            comparison = self._side_shown
        else:
            return None
        return self.prepared_filters().keys(comparison, chosen, self.fact_status)

    def filter_side(self) -> None:
        """Side by side narrowed as the other tabs are: the search, the toggles and the shared filters, over the
        chosen articles."""
        self.side_model.set_filter(self.search.text(), self.unreviewed.isChecked(), self.disagreements_only.isChecked(),
                                   self.mission_filter.currentData(), self.kept_keys(self.side_model))

    def columns_filtered_out(self, model) -> set[int]:
        """The articles (columns) the shared filters leave out of a matrix: those dated outside the chosen range
        (or undated while one is chosen); on Troop counts with an actor chosen, those not quoting the actor; on
        Positions with a force or place chosen, those not reporting such troops."""
        chosen = self.fact_filter()
        if not chosen.active() or model not in (self.counts_model, self.positions_model):
            return set()
        kind = "count" if model is self.counts_model else "statement"
        kept = self.prepared_filters().articles(chosen, kind)
        if kept is None:
            return set()
        return {c for c in range(model.columnCount()) if model.document(c) not in kept}

    def list_kept(self, view) -> list[bool] | None:
        """For the Corpus and Missions lists: which rows the shared filters keep (None: all)."""
        chosen = self.fact_filter()
        if not chosen.active():
            return None
        frame = view.model().frame()
        if "id" not in frame or not len(frame):
            return None
        filters = self.prepared_filters()
        kept = filters.documents(chosen, self.fact_status) if view is self.documents_view else \
            filters.missions(chosen, self.fact_status)
        return [i in kept for i in frame["id"].tolist()]

    def filters_follow_reviews(self) -> bool:
        """Whether a review can move a row in or out (a review-status filter is chosen)."""
        return self.fact_filter().status is not None

    def filters_narrowing(self) -> list[str]:
        """What narrows the tables beside the search, in words, for a table the filters emptied."""
        out = [box.text() for box in (self.unreviewed, self.disagreements_only) if box.isChecked()]
        if self.mission_filter.currentIndex():
            out.append(f"the mission {self.mission_filter.currentText()}")
        return out + self.fact_filter().describe()

    def clear_filters(self) -> None:
        """Every row back: the search, the shared filters and the row toggles cleared, the tables filtered once."""
        widgets = (self.search, self.unreviewed, self.disagreements_only, self.mission_filter)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        self.unreviewed.setChecked(False)
        self.disagreements_only.setChecked(False)
        self.mission_filter.setCurrentIndex(0)
        self.filter_bar.clear()
        for widget in widgets:
            widget.blockSignals(False)
        self._filter_changed()
