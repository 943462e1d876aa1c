"""The Problems panel: every file that could not be read and every article whose facts are missing, with Retry
(the selected ones) and Extract Remaining (every article still to extract). It stays until the problem is gone."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from missiondesk.store.problems import Problem

COLUMNS = ("Problem", "Article or file", "Why")


class ProblemsPanel(QWidget):
    retry_requested = Signal(list)  # the Problems to try again
    extract_remaining_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Problems panel")
        self.summary = QLabel()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("Problems")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 8)  # one line a row
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.retry = QPushButton("&Retry")
        self.retry.setToolTip("Read or extract the selected articles and files again")
        self.retry.clicked.connect(self._retry)
        self.extract_remaining = QPushButton("E&xtract Remaining")
        self.extract_remaining.setToolTip("Extract every article whose facts are missing")
        self.extract_remaining.clicked.connect(self.extract_remaining_requested.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.retry)
        buttons.addWidget(self.extract_remaining)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.problems: list[Problem] = []
        self.show_problems([])

    def show_problems(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        self.table.setRowCount(len(self.problems))
        for row, problem in enumerate(self.problems):
            for column, text in enumerate((problem.kind, problem.title, problem.reason)):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{problem.path}\n{problem.reason}")
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        for column in range(len(COLUMNS) - 1):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 320))
        self.summary.setText("No problems: every file was read and every article extracted." if not problems else
                             f"{len(problems)} problem(s): nothing listed here has facts in the tables; "
                             "fix it, then Retry.")
        self.retry.setEnabled(bool(problems))
        self.extract_remaining.setEnabled(any(p.document for p in problems))

    def _retry(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        chosen = [self.problems[r] for r in rows] or self.problems  # nothing selected: all of them
        self.retry_requested.emit(chosen)


