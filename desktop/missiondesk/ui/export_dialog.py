"""File > Export Fact Sheet: kind (corpus, mission, actor), marking, accepted facts only; written on a worker
thread with progress and Cancel. File > Export Comparison: the matrix (CSV, XLSX, JSON) or one row per fact (CSV).
Every export dialog opens in the folder the last export went to."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices
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

COMPARISON_FILTERS = {"Excel (*.xlsx)": "xlsx", "CSV, one row per fact (*.csv)": "facts",
                      "CSV, the matrix (*.csv)": "matrix", "JSON (*.json)": "json"}


def export_folder() -> Path:
    """Where an export dialog opens: the folder the last export went to (reports are kept apart from the articles
    and projects, so it is remembered on its own), else the last folder used at all, else home."""
    settings = QSettings()
    folder = settings.value("export/folder") or settings.value("last_folder") or str(Path.home())
    return Path(folder) if Path(folder).is_dir() else Path.home()


def remember_export_folder(path: Path) -> None:
    QSettings().setValue("export/folder", str(Path(path).parent))


def export_comparison(window) -> None:
    """Ask where and in which form, then write the comparison (rejected facts left out, as in every export)."""
    from missiondesk.report.facts_csv import review_notes, write_facts_csv
    from missiondesk.report.tables import write_comparison

    path, chosen = QFileDialog.getSaveFileName(window, "Export comparison", str(export_folder() / "comparison.xlsx"),
                                               ";;".join(COMPARISON_FILTERS))
    if not path:
        return
    form = COMPARISON_FILTERS.get(chosen, "")
    path = _with_suffix(Path(path), {"facts": ".csv", "matrix": ".csv", "xlsx": ".xlsx", "json": ".json"}.get(form))
    try:
        if form == "facts":
            write_facts_csv(path, window.frames, review_notes(window.workspace.data.audit))
        else:
            write_comparison(path, window.frames, window.counts, window.positions,
                             review_notes(window.workspace.data.audit))
    except (OSError, ValueError) as exc:
        window.show_error("The comparison could not be exported", f"{path}: {exc}")
        return
    remember_export_folder(path)
    window.status_label.setText(f"Exported {path.name}")


def _with_suffix(path: Path, suffix: str | None) -> Path:
    """The name the analyst typed, ending as the chosen form asks: the suggested 'comparison.xlsx' saved as CSV
    becomes 'comparison.csv'; a name without a known ending gets one added."""
    if suffix is None or path.suffix.lower() == suffix:
        return path
    if path.suffix.lower() in (".csv", ".xlsx", ".json"):
        return path.with_suffix(suffix)
    return path.with_name(path.name + suffix)


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
        self.path = QLineEdit(str(export_folder() / "factsheet.pdf"))
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
        remember_export_folder(options["path"])
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
        offer_open(window, Path(written))
        window.loading_finished.emit()

    window._run(work, done, f"Writing fact sheet {path.name}…")


def offer_open(window, path: Path) -> None:
    """An Open button in the status bar for the file just written: the analyst checks a fact sheet at once,
    without looking for the folder it went to."""
    button = getattr(window, "open_written", None)
    if button is None:
        button = window.open_written = QPushButton("Open", window)
        button.setAccessibleName("Open the file just written")
        button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(button.property("path")))))
        window.statusBar().addPermanentWidget(button)
    button.setProperty("path", str(path))
    button.setToolTip(f"Open {path}")
    button.show()

