"""Qt table models: thin adapters over the plain frames and comparisons that the core builds.
data() returns early for roles it does not serve; cells are read from numpy arrays, not pandas lookups."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from missiondesk.facts.compare import Comparison

FACTS_ROLE = Qt.ItemDataRole.UserRole + 1  # the fact ids behind a cell (list[str])
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # the fact key of a row
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3  # text a search matches against, for a whole row
STATUS_ROLE = Qt.ItemDataRole.UserRole + 4  # review statuses in a row (set of str)
_DISPLAY = Qt.ItemDataRole.DisplayRole


class Palette:
    """Colours that read on light and dark schemes."""

    def __init__(self, dark: bool = False) -> None:
        self.dark = dark
        self.disagree = QColor("#5c2b2b") if dark else QColor("#fde2e1")
        self.accepted = QColor("#7fd18b") if dark else QColor("#1b7a2f")
        self.rejected = QColor("#e68a8a") if dark else QColor("#b3261e")
        self.edited = QColor("#8ab4f8") if dark else QColor("#1a56b3")


class FrameModel(QAbstractTableModel):
    """Rows of a DataFrame, with chosen columns and headers."""

    def __init__(self, columns: list[tuple[str, str]], parent=None) -> None:
        super().__init__(parent)
        self._columns = columns  # (frame column, header)
        self._frame = pd.DataFrame(columns=[c for c, _ in columns])
        self._values = np.empty((0, len(columns)), dtype=object)

    def set_frame(self, frame: pd.DataFrame) -> None:
        self.beginResetModel()
        self._frame = frame.reset_index(drop=True)
        cols = [self._frame[c] if c in self._frame else pd.Series([None] * len(self._frame))
                for c, _ in self._columns]
        self._values = np.column_stack([_display(c) for c in cols]) if len(self._frame) else \
            np.empty((0, len(self._columns)), dtype=object)
        self.endResetModel()

    def frame(self) -> pd.DataFrame:
        return self._frame

    def row(self, row: int) -> pd.Series:
        return self._frame.iloc[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._frame)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        if not index.isValid():
            return None
        if role in (_DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return self._values[index.row(), index.column()]
        if role == SEARCH_ROLE:
            return " ".join(str(v) for v in self._values[index.row()] if v).lower()
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):  # noqa: N802
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self._columns[section][1]
        return None


def _display(series: pd.Series) -> np.ndarray:
    out = series.astype(object).to_numpy()
    return np.array(["" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v) for v in out],
                    dtype=object)


class MatrixModel(QAbstractTableModel):
    """A comparison: fact keys down, articles across in date order; disagreements marked; each cell carries the
    ids of the facts behind it."""

    def __init__(self, palette: Palette | None = None, parent=None) -> None:
        super().__init__(parent)
        self.palette = palette or Palette()
        self._labels: list[str] = []
        self._keys: list[str] = []
        self._disagree = np.zeros(0, dtype=bool)
        self._headers: list[str] = []
        self._documents: list[str] = []
        self._text = np.empty((0, 0), dtype=object)
        self._ids = np.empty((0, 0), dtype=object)
        self._search: list[str] = []
        self._statuses: list[set[str]] = []
        self._fact_status: dict[str, str] = {}

    def set_comparison(self, comparison: Comparison, documents: list[str] | None = None,
                       fact_status: dict[str, str] | None = None, search_text: dict[str, str] | None = None) -> None:
        """Show `comparison`, only over `documents` when given (Side by side)."""
        self.beginResetModel()
        docs = comparison.documents
        if documents is not None:
            docs = docs[docs["id"].isin(documents)]
        cells = comparison.cells[comparison.cells["document"].isin(set(docs["id"]))] if documents is not None \
            else comparison.cells
        keys = comparison.keys[comparison.keys["key"].isin(set(cells["key"]))] if documents is not None \
            else comparison.keys
        self._keys = list(keys["key"])
        self._labels = list(keys["label"])
        self._disagree = keys["disagree"].to_numpy(dtype=bool)
        self._documents = list(docs["id"])
        self._headers = list(docs["header"])
        row_of = {k: i for i, k in enumerate(self._keys)}
        col_of = {d: i for i, d in enumerate(self._documents)}
        self._text = np.full((len(self._keys), len(self._documents)), "", dtype=object)
        self._ids = np.empty((len(self._keys), len(self._documents)), dtype=object)
        self._fact_status = fact_status or {}
        for key, doc, text, ids in zip(cells["key"], cells["document"], cells["text"], cells["ids"]):
            r, c = row_of.get(key), col_of.get(doc)
            if r is not None and c is not None:
                self._text[r, c] = text
                self._ids[r, c] = list(ids)
        search_text = search_text or {}
        self._search = []
        self._statuses = []
        for r, label in enumerate(self._labels):
            ids = [i for cell in self._ids[r] if cell for i in cell]
            self._search.append((label + " " + " ".join(self._text[r]) + " " +
                                 " ".join(search_text.get(i, "") for i in ids)).lower())
            self._statuses.append({self._fact_status.get(i, "unreviewed") for i in ids})
        self.endResetModel()

    def update_statuses(self, fact_status: dict[str, str]) -> None:
        self._fact_status = fact_status
        for r in range(len(self._keys)):
            ids = [i for cell in self._ids[r] if cell for i in cell]
            self._statuses[r] = {fact_status.get(i, "unreviewed") for i in ids}
        if self._keys:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._keys) - 1, max(0, len(self._documents) - 1)))

    def key(self, row: int) -> str:
        return self._keys[row]

    def facts(self, row: int, column: int) -> list[str]:
        return self._ids[row, column] or []

    def row_facts(self, row: int) -> list[str]:
        return [i for cell in self._ids[row] if cell for i in cell]

    def document(self, column: int) -> str:
        return self._documents[column]

    def disagrees(self, row: int) -> bool:
        return bool(self._disagree[row])

    def label(self, row: int) -> str:
        return self._labels[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._documents)

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if role == _DISPLAY:
            return self._text[r, c]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(self.palette.disagree) if self._disagree[r] else None
        if role == Qt.ItemDataRole.ForegroundRole:
            statuses = {self._fact_status.get(i, "unreviewed") for i in (self._ids[r, c] or [])}
            for status in ("rejected", "edited", "accepted"):
                if status in statuses:
                    return QBrush(getattr(self.palette, status))
            return None
        if role == Qt.ItemDataRole.FontRole:
            statuses = {self._fact_status.get(i, "unreviewed") for i in (self._ids[r, c] or [])}
            if statuses & {"accepted", "edited"}:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._text[r, c]
            return f"{self._labels[r]}\n{self._headers[c]}: {text}" if text else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self._labels[r]}, {self._headers[c].replace(chr(10), ' ')}: {self._text[r, c] or 'no figure'}"
        if role == FACTS_ROLE:
            return self._ids[r, c] or []
        if role == KEY_ROLE:
            return self._keys[r]
        if role == SEARCH_ROLE:
            return self._search[r]
        if role == STATUS_ROLE:
            return self._statuses[r]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal:
            if role in (_DISPLAY, Qt.ItemDataRole.ToolTipRole):
                return self._headers[section]
            return None
        if role == _DISPLAY:
            return ("⚠ " if self._disagree[section] else "") + self._labels[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Sources disagree" if self._disagree[section] else self._labels[section]
        if role == Qt.ItemDataRole.BackgroundRole and self._disagree[section]:
            return QBrush(self.palette.disagree)
        return None


class FactFilter(QSortFilterProxyModel):
    """Rows whose facts match the search text, optionally only rows with unreviewed facts."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._text = ""
        self._unreviewed_only = False

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_unreviewed_only(self, on: bool) -> None:
        self.beginFilterChange()
        self._unreviewed_only = on
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # noqa: N802
        source = self.sourceModel()
        index = source.index(row, 0, parent)
        if self._text:
            haystack = source.data(index, SEARCH_ROLE) or ""
            if not all(word in haystack for word in self._text.split()):
                return False
        if self._unreviewed_only:
            statuses = source.data(index, STATUS_ROLE)
            if statuses is not None and "unreviewed" not in statuses:
                return False
        return True
