"""The evidence panel: the selected fact, its sentence, its source and date, and Accept / Reject / Edit."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from missiondesk.facts.qualifiers import describe


class EvidencePanel(QWidget):
    accept_requested = Signal()
    reject_requested = Signal()
    edit_requested = Signal()
    clear_requested = Signal()
    show_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Evidence panel")
        self.setMinimumWidth(280)
        self.title = QLabel("Select a fact to see its evidence.")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sentence.setAccessibleName("Sentence")
        self.sentence.setStyleSheet("QLabel { padding: 8px; border-left: 3px solid palette(highlight); }")
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setAccessibleName("Review status")
        self.accept = QPushButton("&Accept")
        self.reject = QPushButton("&Reject")
        self.edit = QPushButton("&Edit…")
        self.clear = QPushButton("Clear review")
        self.show_in_article = QPushButton("Show in article")
        for button, signal in ((self.accept, self.accept_requested), (self.reject, self.reject_requested),
                               (self.edit, self.edit_requested), (self.clear, self.clear_requested),
                               (self.show_in_article, self.show_requested)):
            button.clicked.connect(signal.emit)
        buttons = QHBoxLayout()
        for button in (self.accept, self.reject, self.edit):
            buttons.addWidget(button)
        more = QHBoxLayout()
        more.addWidget(self.clear)
        more.addWidget(self.show_in_article)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.sentence, self.source, self.status):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addLayout(more)
        layout.addStretch(1)
        self.show_fact(None)

    def show_fact(self, fact: dict | None) -> None:
        """fact: a row of the counts or statements frame as a dict, plus 'kind' and 'status'; None clears."""
        enabled = fact is not None
        for button in (self.accept, self.reject, self.edit, self.clear, self.show_in_article):
            button.setEnabled(enabled)
        if fact is None:
            self.title.setText("Select a fact in any table, or a highlight in the article, to see its evidence.")
            self.sentence.setText("")
            self.source.setText("")
            self.status.setText("")
            return
        if fact["kind"] == "count":
            what = describe(fact["value"], _num(fact.get("value_to")), fact["qualifier"])
            heading = (f"<b>{escape(what)}</b> {escape(str(fact.get('unit') or 'troops'))}"
                       f"<br>whose: {escape(str(fact.get('whose') or '—'))} · where: "
                       f"{escape(str(fact.get('where') or '—'))} · {escape(str(fact.get('period') or ''))}")
            if fact.get("mission"):
                heading += f"<br>mission: {escape(str(fact['mission']))}"
            if fact.get("derived_from"):
                heading += f"<br><i>derived from {escape(str(fact['derived_from']))}</i>"
        else:
            role = f" ({escape(str(fact['actor_role']))})" if fact.get("actor_role") else ""
            heading = (f"<b>{escape(str(fact['actor']))}</b>{role}<br>{escape(str(fact.get('kind_of') or ''))} · "
                       f"topic: {escape(str(fact.get('topic') or '—'))}")
        self.title.setText(heading)
        self.sentence.setText(str(fact.get("sentence") or ""))
        published = fact.get("published") if isinstance(fact.get("published"), str) else "undated"
        outlet = fact.get("outlet") if isinstance(fact.get("outlet"), str) else "unknown outlet"
        self.source.setText(f"Source: {outlet} · {published}\n{fact.get('title') or ''}")
        status = fact.get("status", "unreviewed")
        self.status.setText({"unreviewed": "Not reviewed yet", "accepted": "✔ Accepted", "rejected": "✖ Rejected",
                             "edited": "✎ Edited"}.get(status, status))
        self.clear.setEnabled(status != "unreviewed")


def _num(value):
    try:
        return None if value is None or value != value else int(value)
    except (TypeError, ValueError):
        return None
