"""The lists' table model (Corpus, Missions): rows of a DataFrame with chosen columns, a rejected row struck."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3  # text a search matches against, for a whole row (every table)
_DISPLAY = Qt.ItemDataRole.DisplayRole


class FrameModel(QAbstractTableModel):
    """Rows of a DataFrame, with chosen columns and headers."""

    def __init__(self, columns: list[tuple[str, str]], parent=None) -> None:
        super().__init__(parent)
        self._columns = columns  # (frame column, header)
        self._frame = pd.DataFrame(columns=[c for c, _ in columns])
        self._values = np.empty((0, len(columns)), dtype=object)
        self._struck = np.zeros(0, dtype=bool)

    def set_frame(self, frame: pd.DataFrame) -> None:
        self.beginResetModel()
        self._frame = frame.reset_index(drop=True)
        cols = [self._frame[c] if c in self._frame else pd.Series([None] * len(self._frame))
                for c, _ in self._columns]
        self._values = np.column_stack([_display(c) for c in cols]) if len(self._frame) else \
            np.empty((0, len(self._columns)), dtype=object)
        # a rejected row (a mission the analyst rejected or merged into another) stays, struck through and greyed
        self._struck = self._frame["status"].isin(["rejected", "merged"]).to_numpy() if "status" in self._frame else \
            np.zeros(len(self._frame), dtype=bool)
        self.endResetModel()

    def update_frame(self, frame: pd.DataFrame) -> None:
        """The same rows, in the same order, with some values changed (a review changed an article's numbers of
        facts or details): only the cells that differ are made again, and no reset loses the selection."""
        frame = frame.reset_index(drop=True)
        if "id" not in frame or "id" not in self._frame or frame["id"].tolist() != self._frame["id"].tolist():
            self.set_frame(frame)
            return
        changed = []
        for j, (name, _) in enumerate(self._columns):
            if name in frame:
                if name in self._frame and self._frame[name].equals(frame[name]):
                    continue  # most columns: compared at once
                old = self._frame[name].tolist() if name in self._frame else [None] * len(frame)
                for row, (was, value) in enumerate(zip(old, frame[name].tolist())):
                    if was is not value and was != value and _text(value) != self._values[row, j]:
                        self._values[row, j] = _text(value)
                        changed.append(row)
        self._frame = frame
        if changed:  # only those rows: a list that sizes its columns to their contents reads every row it is told of
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), len(self._columns) - 1))

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
        if self._struck[index.row()]:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#9a9a9a"))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setStrikeOut(True)
                return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):  # noqa: N802
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self._columns[section][1]
        return None


def _display(series: pd.Series) -> np.ndarray:
    out = series.astype(object).to_numpy()
    return np.array([_text(v) for v in out], dtype=object)


def _text(value) -> str:
    """A cell as an analyst reads it: no 'None', 'nan', 'True' or 'False' from Python."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    return str(value)
