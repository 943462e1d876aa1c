"""The History panel: the project's audit trail (who, when, what, before → after, note), for the whole project or
the selected fact, newest first, and a note added to the selected fact's review."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from missiondesk.store.audit import COLUMNS, audit_rows
from missiondesk.store.project import ProjectData


class HistoryPanel(QWidget):
    note_added = Signal(str)  # the text of a note for the selected fact

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName("History panel")
        self.only_fact = QCheckBox("Selected fact only")
        self.only_fact.toggled.connect(lambda _on: self._fill())
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("Audit trail")
        self.table.setHorizontalHeaderLabels([title for _, title in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 8)  # one line a row
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(200)  # fit columns to the newest rows, not to a trail of thousands
        header.setStretchLastSection(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText("Note on the selected fact's review…")
        self.note.setAccessibleName("History note")
        self.add_note = QPushButton("Add Note")
        self.add_note.clicked.connect(self._add_note)
        self.note.returnPressed.connect(self._add_note)
        notes = QHBoxLayout()
        notes.addWidget(self.note, 1)
        notes.addWidget(self.add_note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.only_fact)
        layout.addWidget(self.table, 1)
        layout.addLayout(notes)
        self._data: ProjectData | None = None
        self._key: tuple | None = None
        self._count = 0  # entries in the trail when it was last filled
        self._row_keys: list[tuple] = []
        self.show_trail(None, None)

    def show_trail(self, data: ProjectData | None, key: tuple | None) -> None:
        """The trail of `data`; `key` is the selected fact's (document, kind, start, end), None when none is."""
        count = len(data.audit) if data is not None else 0
        if data is not None and data is self._data and count == self._count and not self.only_fact.isChecked() \
                and self.table.rowCount():
            # the same trail: only which rows are the selected fact's changed; a long trail is not refilled
            # on every click, its rows are marked again
            self._key = key
            self._mark_rows()
        else:
            self._data, self._key = data, key
            self._fill()
        self._count = count
        for widget in (self.note, self.add_note):
            widget.setEnabled(key is not None)

    def _fill(self) -> None:
        if self._data is None or (self.only_fact.isChecked() and self._key is None):
            rows = []
        else:
            rows = audit_rows(self._data, self._key if self.only_fact.isChecked() else None)
        rows.reverse()  # newest first: the review just made is at the top
        self._row_keys = [tuple(row["key"]) for row in rows]
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, (name, _title) in enumerate(COLUMNS):
                text = str(row[name]).replace("T", " ", 1).replace("+00:00", " UTC") if name == "at" \
                    else str(row[name])
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self._mark_rows()

    def _mark_rows(self) -> None:
        """The selected fact's entries in bold, the columns wide enough for them."""
        for r, key in enumerate(self._row_keys):
            for c in range(self.table.columnCount()):
                item = self.table.item(r, c)
                font = item.font()
                if font.bold() != (key == self._key):
                    font.setBold(key == self._key)
                    item.setFont(font)
        self.table.resizeColumnsToContents()
        for c in range(len(COLUMNS) - 1):
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), 260))

    def rows_shown(self) -> list[list[str]]:
        """The table's text, row by row (what the analyst reads)."""
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]

    def _add_note(self) -> None:
        text = self.note.text().strip()
        if text and self._key is not None:
            self.note.clear()
            self.note_added.emit(text)

