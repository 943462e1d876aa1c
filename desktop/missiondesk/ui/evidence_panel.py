"""The evidence panel: the selected fact, its sentence, its source and date, and Accept / Reject / Edit; what was
extracted beside an edited value; a chooser when the fact's cell holds several; a note for the next review."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from missiondesk.facts.qualifiers import describe


class EvidencePanel(QWidget):
    accept_requested = Signal()
    reject_requested = Signal()
    edit_requested = Signal()
    clear_requested = Signal()
    show_requested = Signal()
    fact_chosen = Signal(str)  # another fact of the same cell, picked in the chooser

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Evidence panel")
        self.setMinimumWidth(280)
        self.choices = QComboBox()
        self.choices.setAccessibleName("Facts in this cell")
        self.choices.setToolTip("This cell holds several facts: choose the one to review")
        self.choices.activated.connect(lambda row: self.fact_chosen.emit(self.choices.itemData(row)))
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
        self.status.setWordWrap(True)
        self.extracted = QLabel()
        self.extracted.setAccessibleName("Extracted value")
        self.extracted.setWordWrap(True)
        self.extracted.setTextFormat(Qt.TextFormat.PlainText)
        self.note = QLineEdit()
        self.note.setPlaceholderText("Note for the next review (optional)")
        self.note.setAccessibleName("Review note")
        self.note.setClearButtonEnabled(True)
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
        for widget in (self.choices, self.title, self.sentence, self.source, self.status, self.extracted,
                       self.note):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addLayout(more)
        layout.addStretch(1)
        self.show_fact(None)

    def show_fact(self, fact: dict | None, choices: list[tuple[str, str]] = ()) -> None:
        """fact: a row of the counts or statements frame as a dict, plus 'kind' and 'status' (and 'extracted',
        the extracted values of the fields an edit changed); None clears. choices: (fact id, label) of every fact
        in the fact's cell, when there are several."""
        self.fact_id = fact["id"] if fact is not None else None
        enabled = fact is not None
        for widget in (self.accept, self.reject, self.edit, self.clear, self.show_in_article, self.note):
            widget.setEnabled(enabled)
        self.choices.clear()
        for fact_id, text in choices:
            self.choices.addItem(text, fact_id)
        self.choices.setCurrentIndex(self.choices.findData(self.fact_id))
        self.choices.setVisible(len(choices) > 1)
        self.extracted.setText("")
        self.extracted.setVisible(False)
        self.clear.setText("Clear review")
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
        elif fact["kind"] == "mission":
            dates = " – ".join(_shown(fact.get(k)) for k in ("start", "end"))
            heading = (f"<b>{escape(str(fact.get('name') or ''))}</b><br>lead: {escape(_shown(fact.get('lead')))}"
                       f" · theater: {escape(_shown(fact.get('theater')))}<br>{escape(dates)}"
                       f"<br><i>mission, reviewed as a whole; this is one of its mentions</i>")
        else:
            role = f" ({escape(str(fact['actor_role']))})" if fact.get("actor_role") else ""
            if fact.get("actor_written"):  # the registry's name differs from the article's words: show both
                role += f" · “{escape(str(fact['actor_written']))}” in this article"
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
        if status == "rejected":
            self.clear.setText("Restore")  # takes the rejection back: the fact counts again
        extracted = fact.get("extracted") or {}
        if status == "edited" and extracted:
            self.extracted.setText("Extracted: " + ", ".join(
                f"{name.replace('_', ' ')} {_shown(before)} → {_shown(fact.get(name))}"
                for name, before in extracted.items()))
            self.extracted.setVisible(True)

    def take_note(self) -> str | None:
        """The note typed for the next review, emptied once it is used."""
        note = self.note.text().strip()
        self.note.clear()
        return note or None


def _shown(value) -> str:
    if value is None or value != value:
        return "—"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else str(value)


def _num(value):
    try:
        return None if value is None or value != value else int(value)
    except (TypeError, ValueError):
        return None
