"""File > Open Fact Set (and `missiondesk gui FACTS_DIR`): a fact set that `missiondesk batch` wrote is opened
read-only; a filter (mission, date range, outlet, words) says how many of its articles it takes, and Add to
Project copies that working set, with its facts, into the project for review. The set is never written to."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
)

from missiondesk.batch import CLUSTER_EXTRA, is_fact_set

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class FactSetDialog(QDialog):
    """The filter over one fact set; `chosen` carries the selection when the analyst adds it to the project."""

    chosen = Signal(object)  # a factset.Selection

    def __init__(self, root: Path, parent=None) -> None:
        from missiondesk.batch.factset import choices

        super().__init__(parent)
        self.root = root
        self.setWindowTitle(f"Open Fact Set: {root.name}")
        self.setMinimumWidth(440)
        found = choices(root)
        form = QFormLayout(self)
        about = QLabel(f"{found.articles:,} articles, dated {found.first or '?'} to {found.last or '?'}. The fact "
                       "set is read-only: the articles the filter takes are copied into the project, with their "
                       "facts, for review.")
        about.setWordWrap(True)
        form.addRow(about)
        self.mission = QComboBox(self)
        self.mission.addItem("All missions", None)
        for mission in found.missions:
            self.mission.addItem(mission, mission)
        self.outlet = QComboBox(self)
        self.outlet.addItem("All outlets", None)
        for outlet in found.outlets:
            self.outlet.addItem(outlet, outlet)
        self.since, self.until, self.text = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.since.setPlaceholderText(found.first or "YYYY-MM-DD")
        self.until.setPlaceholderText(found.last or "YYYY-MM-DD")
        self.text.setPlaceholderText("words in the title or text")
        for label, widget in (("&Mission", self.mission), ("&Outlet", self.outlet), ("&From", self.since),
                              ("&To", self.until), ("&Words", self.text)):
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(label, widget)
        self.matches = QLabel(self)
        self.matches.setAccessibleName("Matching articles")
        form.addRow(self.matches)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.add = QPushButton("&Add to Project", self)
        buttons.addButton(self.add, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._add)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._count = QTimer(self, singleShot=True, interval=250)  # counted once typing pauses
        self._count.timeout.connect(self.count)
        for combo in (self.mission, self.outlet):
            combo.currentIndexChanged.connect(lambda _i: self._count.start())
        for line in (self.since, self.until, self.text):
            line.textChanged.connect(lambda _t: self._count.start())
        self.count()

    def selection(self):
        """The filter as a Selection, or None while a date is not YYYY-MM-DD."""
        from missiondesk.batch.factset import Selection

        dates = [w.text().strip() or None for w in (self.since, self.until)]
        if any(d and not _DATE.fullmatch(d) for d in dates):
            return None
        return Selection(mission=self.mission.currentData(), since=dates[0], until=dates[1],
                         outlet=self.outlet.currentData(), text=self.text.text().strip() or None)

    def count(self) -> int:
        """Show how many articles the filter takes (0 while it cannot be read)."""
        from missiondesk.batch.factset import current_documents

        selection = self.selection()
        if selection is None:
            self.matches.setText("Dates are written YYYY-MM-DD, e.g. 2021-02-17")
            found = 0
        else:
            found = current_documents(self.root, selection, ["title", "body"]).num_rows
            self.matches.setText(f"{found:,} article(s) match")
        self.add.setEnabled(found > 0)
        return found

    def _add(self) -> None:
        self._count.stop()
        if self.count():
            self.chosen.emit(self.selection())
            self.accept()


def open_fact_set(window, root: str | None = None) -> FactSetDialog | None:
    """Ask for a fact set's folder (unless given), then show its filter beside the window; what the analyst
    adds is read off the GUI thread and joins the project as a load of files does."""
    if root is None:
        root = QFileDialog.getExistingDirectory(window, "Open a fact set (a folder missiondesk batch wrote)",
                                                QSettings().value("last_folder", str(Path.home())))
        if not root:
            return None
    if not is_fact_set(root):
        window.show_error("Not a fact set", f"{root} is not a fact set: choose the folder given to "
                                            "`missiondesk batch --out`")
        return None
    try:
        from missiondesk.batch.factset import read_fact_set
    except ImportError:
        window.show_error("Fact sets need the cluster extra", f"Opening a fact set: {CLUSTER_EXTRA}")
        return None
    dialog = FactSetDialog(Path(root), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def take(selection) -> None:
        def work(progress, cancelled):
            return read_fact_set(root, selection)

        window._run(work, window._loaded, f"Taking articles from the fact set {Path(root).name}…")

    dialog.chosen.connect(take)
    window.fact_set_dialog = dialog
    dialog.show()
    return dialog
