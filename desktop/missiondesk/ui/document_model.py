"""The corpus list: a thin Qt adapter over the plain list of Documents."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from missiondesk.corpus.document import Document

COLUMNS = ("Title", "Outlet", "Date", "Words")


class DocumentTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._documents: list[Document] = []

    def set_documents(self, documents: list[Document]) -> None:
        self.beginResetModel()
        self._documents = list(documents)
        self.endResetModel()

    def documents(self) -> list[Document]:
        return list(self._documents)

    def document(self, row: int) -> Document:
        return self._documents[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._documents)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        doc = self._documents[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return doc.path
        column = index.column()
        if column == 0:
            return doc.title
        if column == 1:
            return doc.outlet or "—"
        if column == 2:
            return doc.published or "undated"
        return f"{doc.word_count:,}"

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None
