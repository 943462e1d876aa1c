"""The Article tab: the cleaned text, counts, statements and mission mentions highlighted in distinct colours;
clicking a highlight selects its fact; selecting a fact elsewhere highlights and scrolls to its sentence."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser

from missiondesk.corpus.document import Document

KIND_COLOURS = {"count": ("#ffd95a", "#7a6200"), "statement": ("#e8f0fe", "#1e2f4d"),
                "mission": ("#c9efc9", "#1f5a2a")}


def qt_offset(text: str, index: int) -> int:
    """Python indexes code points; Qt indexes UTF-16 units (an emoji is two)."""
    return len(text[:index].encode("utf-16-le")) // 2


class ArticleView(QTextBrowser):
    fact_clicked = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Article text")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._clicked)
        self.document_id: str | None = None
        self._body = ""
        self.dark = False

    def show_document(self, document: Document, facts: list[tuple[str, str, int, int, str]]) -> None:
        """facts: (fact id, kind, start, end, status); statements first so counts inside them stay visible."""
        self.document_id = document.id
        self._body = document.body
        # setPlainText gives the whole new text the character format at the cursor: after a click or a selection
        # inside a highlight that painted every paragraph in the highlight's colour. Start from a plain format.
        self.clear()
        self.setCurrentCharFormat(QTextCharFormat())
        self.setPlainText(document.body)
        order = {"statement": 0, "mission": 1, "count": 2}
        for fact_id, kind, start, end, status in sorted(facts, key=lambda f: order.get(f[1], 3)):
            fmt = QTextCharFormat()
            light, dark = KIND_COLOURS.get(kind, ("#eeeeee", "#444444"))
            fmt.setBackground(QColor(dark if self.dark else light))
            fmt.setAnchor(True)
            fmt.setAnchorHref(f"fact:{fact_id}")
            fmt.setToolTip({"count": "Troop count", "statement": "Statement", "mission": "Mission"}.get(kind, kind)
                           + ("" if status == "unreviewed" else f" ({status})"))
            if status == "rejected":
                fmt.setFontStrikeOut(True)
            cursor = QTextCursor(self.document())
            cursor.setPosition(qt_offset(self._body, start))
            cursor.setPosition(qt_offset(self._body, end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def select_span(self, start: int, end: int) -> None:
        """Select characters start..end of the body and scroll them into view."""
        cursor = self.textCursor()
        cursor.setPosition(qt_offset(self._body, start))
        cursor.setPosition(qt_offset(self._body, end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def selected_text(self) -> str:
        return self.textCursor().selectedText().replace("\u2029", "\n")

    def _clicked(self, url: QUrl) -> None:
        if url.scheme() == "fact":
            self.fact_clicked.emit(url.path())
