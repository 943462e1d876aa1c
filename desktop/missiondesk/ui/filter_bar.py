"""The filter bar under the search: mission, actor, force, place, a date range and review status, shared by every
tab, and a button that clears every filter. It only says what is chosen (a FactFilter); the window applies it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QToolBar, QWidget

from missiondesk.facts.filters import REVIEW_STATUSES, FactFilter, FactFilters, date_bound

_CHOOSERS = (("actor", "Any actor", "Only positions of this actor, and the troop counts of the articles that quote "
                                    "them"),
             ("whose", "Any force", "Only troops of this force, and the positions in the articles that report them"),
             ("where", "Anywhere", "Only troops in this place, and the positions in the articles that report them"))
_INVALID = "QLineEdit { border: 1px solid #b3261e; }"


class FactFilterBar(QToolBar):
    changed = Signal()  # what is chosen changed: filter again
    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Filters", parent)
        self.setObjectName("filters")
        self.addWidget(QLabel("Filter: ", self))
        self._mission_at = self.addSeparator()  # the window puts its mission chooser here
        self.choosers: dict[str, QComboBox] = {}
        for field, anything, tip in _CHOOSERS:
            combo = QComboBox(self)
            combo.setAccessibleName(f"{field.capitalize()} filter")
            combo.setToolTip(tip)
            combo.addItem(anything, None)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
            combo.setMaxVisibleItems(20)
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            self.addWidget(combo)
            self.choosers[field] = combo
        self.since = self._date_edit("from", "Only facts of articles dated on or after this day (2021, 2021-03 or "
                                             "2021-03-05)")
        self.until = self._date_edit("to", "Only facts of articles dated on or before this day (2021, 2021-03 or "
                                           "2021-03-05)")
        self.status = QComboBox(self)
        self.status.setAccessibleName("Review status filter")
        self.status.setToolTip("Only facts with this review status")
        self.status.addItem("Any review", None)
        for status in REVIEW_STATUSES:
            self.status.addItem(status.capitalize(), status)
        self.status.addItem("Reviewed (any)", "reviewed")
        self.status.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.addWidget(self.status)
        self.clear_button = QPushButton("Clear filters", self)
        self.clear_button.setToolTip("Show every row again: clears the search, the filters and 'Unreviewed only' and "
                                     "'Disagreements only'")
        self.clear_button.clicked.connect(self.clear_requested)
        self.addWidget(self.clear_button)
        self._bounds = {self.since: None, self.until: None}

    def _date_edit(self, word: str, tip: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(f"{word} YYYY-MM-DD")
        edit.setAccessibleName(f"Dated {word}")
        edit.setToolTip(tip)
        edit.setProperty("tip", tip)
        edit.setClearButtonEnabled(True)
        edit.setMaximumWidth(128)
        edit.textChanged.connect(lambda _text, e=edit: self._date_typed(e))
        self.addWidget(edit)
        return edit

    def add_mission_chooser(self, combo: QComboBox) -> None:
        self.insertWidget(self._mission_at, combo)

    def _date_typed(self, edit: QLineEdit) -> None:
        """A date that reads as one is applied; while it does not (half typed), the one before stays applied and
        the box says what it expects."""
        try:
            bound = date_bound(edit.text(), end=edit is self.until)
        except ValueError as error:
            edit.setStyleSheet(_INVALID)
            edit.setToolTip(str(error))
            return
        edit.setStyleSheet("")
        edit.setToolTip(edit.property("tip"))
        if bound != self._bounds[edit]:
            self._bounds[edit] = bound
            self.changed.emit()

    def current(self) -> FactFilter:
        return FactFilter(actor=self.choosers["actor"].currentData(), whose=self.choosers["whose"].currentData(),
                          where=self.choosers["where"].currentData(), since=self._bounds[self.since],
                          until=self._bounds[self.until], status=self.status.currentData())

    def set_choices(self, filters: FactFilters) -> None:
        """Each chooser's values from these facts, most frequent first; a chosen value that still stands stays
        chosen (no signal: the window filters once after a refresh)."""
        for field, combo in self.choosers.items():
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(combo.count() - 1)
            for value, n in filters.choices(field):
                combo.addItem(f"{value} ({n:,})", value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
            combo.blockSignals(False)

    def clear(self) -> None:
        """Every field back to 'any', with no signal (the window filters once)."""
        for widget in (*self.choosers.values(), self.status, self.since, self.until):
            widget.blockSignals(True)
        for combo in (*self.choosers.values(), self.status):
            combo.setCurrentIndex(0)
        for edit in (self.since, self.until):
            edit.clear()
            edit.setStyleSheet("")
            self._bounds[edit] = None
        for widget in (*self.choosers.values(), self.status, self.since, self.until):
            widget.blockSignals(False)
