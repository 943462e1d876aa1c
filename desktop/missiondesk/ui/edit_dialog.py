"""Edit a fact's fields; returns only what changed, and the analyst's reason for the audit trail."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox

from missiondesk.facts.qualifiers import QUALIFIERS
from missiondesk.facts.reviews import EDITABLE


class EditFactDialog(QDialog):
    def __init__(self, fact: dict, parent=None, fields: tuple[str, ...] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit mission" if fact["kind"] == "mission" else "Edit fact")
        self._fact = fact
        self._fields: dict[str, object] = {}
        form = QFormLayout(self)
        for name in fields or EDITABLE[fact["kind"]]:
            value = fact.get(name)
            if name in ("value", "value_to"):
                widget = QSpinBox()
                widget.setRange(0, 10_000_000)
                widget.setSpecialValueText("—") if name == "value_to" else None
                widget.setValue(int(value) if value == value and value is not None else 0)
            elif name == "qualifier":
                widget = QComboBox()
                widget.addItems(QUALIFIERS)
                widget.setCurrentText(str(value))
            elif name == "kind":
                widget = QComboBox()
                widget.addItems(["direct", "reported"])
                widget.setCurrentText(str(value))
            else:
                widget = QLineEdit("" if value is None or value != value else str(value))
            widget.setAccessibleName(name.replace("_", " "))
            form.addRow(name.replace("_", " ").capitalize(), widget)
            self._fields[name] = widget
        self._reason = QLineEdit()
        self._reason.setPlaceholderText("Why (kept in the audit trail)")
        self._reason.setAccessibleName("Reason")
        form.addRow("Reason", self._reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def changes(self) -> dict:
        out = {}
        for name, widget in self._fields.items():
            if isinstance(widget, QSpinBox):
                value = widget.value() or None if name == "value_to" else widget.value()
            elif isinstance(widget, QComboBox):
                value = widget.currentText()
            else:
                value = widget.text().strip() or None
            old = self._fact.get(name)
            old = None if old is not None and old != old else old
            if value != old and not (isinstance(old, float) and value == int(old)):
                out[name] = value
        return out

    def note(self) -> str:
        """The reason the analyst gave for the edit ('' when none)."""
        return self._reason.text().strip()
