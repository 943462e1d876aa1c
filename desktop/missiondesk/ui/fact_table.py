"""A table view that never picks a fact on its own, and says what to do when it is empty."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QTableView


class FactTable(QTableView):
    """Qt makes the first cell current when a view without a current cell gets the focus (switching to its tab,
    a click on its scroll bar, the window coming back to the front); in a table of facts that put a fact the
    analyst never chose into the Evidence panel. Here the view stays without a current cell until the analyst
    clicks one or moves with the keyboard (the first arrow key goes to the first cell)."""

    focusing = False  # true while Qt's focus handling may move the current cell: the window ignores that move

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        had_current = self.currentIndex().isValid()
        self.focusing = True
        try:
            super().focusInEvent(event)
            if not had_current and self.currentIndex().isValid():
                self.selectionModel().clearCurrentIndex()
        finally:
            self.focusing = False

    # -- what an empty table says ---------------------------------------------------------------------------
    empty_text = ""  # shown in the middle of the table while it has no rows or no columns

    def set_empty_text(self, text: str) -> None:
        """What to tell the analyst while the table is empty: how to fill it, or why it is empty."""
        if text != self.empty_text:
            self.empty_text = text
            self.viewport().update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        model = self.model()
        if not self.empty_text or model is None or (model.rowCount() and model.columnCount()):
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        area = self.viewport().rect().adjusted(24, 24, -24, -24)
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)
        painter.end()
