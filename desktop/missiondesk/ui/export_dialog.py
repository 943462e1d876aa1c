"""File > Export Fact Sheet: kind (corpus, mission, actor), marking, accepted facts only; written on a worker
thread with progress and Cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from missiondesk.report.factsheet import DEFAULT_MARKING


class FactSheetDialog(QDialog):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle("Export fact sheet")
        frames = window.frames
        self.kind = QComboBox()
        self.kind.addItems(["Corpus", "Mission", "Actor"])
        self.kind.setAccessibleName("Fact sheet kind")
        self.mission = QComboBox()
        for row in frames.missions.sort_values("mentions", ascending=False).itertuples():
            self.mission.addItem(f"{row.name} ({row.theater})", row.id)
        self.actor = QComboBox()
        for actor in frames.statements["actor"].value_counts().index:
            self.actor.addItem(actor, actor)
        self.marking = QLineEdit(QSettings().value("factsheet/marking", DEFAULT_MARKING))
        self.marking.setAccessibleName("Marking line")
        self.accepted_only = QCheckBox("Only facts I accepted or edited")
        self.path = QLineEdit(str(Path(QSettings().value("last_folder", str(Path.home()))) / "factsheet.pdf"))
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path)
        row.addWidget(browse)
        holder = QWidget()
        holder.setLayout(row)
        form = QFormLayout(self)
        form.addRow("Fact sheet for", self.kind)
        form.addRow("Mission", self.mission)
        form.addRow("Actor", self.actor)
        form.addRow("Marking", self.marking)
        form.addRow("", self.accepted_only)
        form.addRow("Save to", holder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind.currentText()
        self.mission.setEnabled(kind == "Mission" and self.mission.count() > 0)
        self.actor.setEnabled(kind == "Actor" and self.actor.count() > 0)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save fact sheet", self.path.text(), "PDF (*.pdf)")
        if path:
            self.path.setText(path if path.lower().endswith(".pdf") else path + ".pdf")

    def options(self) -> dict:
        kind = self.kind.currentText().lower()
        return {"path": Path(self.path.text()), "kind": kind,
                "mission": self.mission.currentData() if kind == "mission" else None,
                "actor": self.actor.currentData() if kind == "actor" else None,
                "marking": self.marking.text().strip() or DEFAULT_MARKING,
                "accepted_only": self.accepted_only.isChecked()}

    def export(self) -> None:
        options = self.options()
        QSettings().setValue("factsheet/marking", options["marking"])
        QSettings().setValue("last_folder", str(options["path"].parent))
        self.accept()
        export_factsheet(self.window_, **options)


def export_factsheet(window, path: Path, kind: str, mission: str | None, actor: str | None, marking: str,
                     accepted_only: bool) -> None:
    """Write the fact sheet on a worker thread; the window shows progress and can cancel."""
    from missiondesk.report.factsheet import write_factsheet

    frames = window.workspace.frames(accepted_only=accepted_only)

    def work(progress, cancelled):
        return write_factsheet(path, frames, kind=kind, mission=mission, actor=actor, marking=marking,
                               progress=progress, cancelled=cancelled)

    def done(written) -> None:
        window._show_busy(False)
        window.status_label.setText(f"Fact sheet written to {Path(written).name}")
        window.loading_finished.emit()

    window._run(work, done, f"Writing fact sheet {path.name}…")
