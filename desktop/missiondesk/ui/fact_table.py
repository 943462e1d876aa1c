"""A table view that never picks a fact on its own."""

from __future__ import annotations

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
