"""Cells that wrap over the lines their row has and end with '…' when the text goes on (Qt's own wrapping cuts
the last line mid-word with no sign that more follows); the whole text is in the cell's tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QPalette, QTextLayout
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

_PADDING = 4


def wrapped_lines(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
    """`text` as at most `max_lines` lines of `width` pixels, the last one elided when the text goes on."""
    if not text or width <= 0 or max_lines <= 0:
        return []
    layout = QTextLayout(text, font)
    layout.beginLayout()
    spans = []
    while len(spans) < max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    lines = [text[start:start + length].rstrip() for start, length in spans]
    last_start, last_length = spans[-1]
    if last_start + last_length < len(text):
        rest = " ".join(text[last_start:].split())
        lines[-1] = QFontMetrics(font).elidedText(rest + " …", Qt.TextElideMode.ElideRight, width)
    return lines


class WrappedCell(QStyledItemDelegate):
    def paint(self, painter, option, index) -> None:  # noqa: D102 (Qt's)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)  # background, focus
        rect = opt.rect.adjusted(_PADDING, 2, -_PADDING, -2)
        metrics = QFontMetrics(opt.font)
        lines = wrapped_lines(text, opt.font, rect.width(), max(1, rect.height() // metrics.lineSpacing()))
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(role))
        for n, line in enumerate(lines):
            painter.drawText(rect.left(), rect.top() + n * metrics.lineSpacing() + metrics.ascent(), line)
        painter.restore()
