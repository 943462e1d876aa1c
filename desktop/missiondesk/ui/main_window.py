"""The main window: the corpus list, loading with progress and cancel, drag and drop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QFileDialog, QHeaderView, QLabel, QMainWindow, QMessageBox, QProgressBar,
                               QPushButton, QTableView)

from missiondesk.corpus import Corpus, load_corpus
from missiondesk.ui.document_model import DocumentTableModel
from missiondesk.ui.tasks import Task


class MainWindow(QMainWindow):
    loading_finished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("MissionDesk")
        self.setAcceptDrops(True)
        self.corpus = Corpus()
        self._task: Task | None = None
        self.documents = DocumentTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.documents)
        self.table.setAccessibleName("Corpus list")
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.setCentralWidget(self.table)
        self._build_status_bar()
        self._build_menus()
        self.resize(QSize(1280, 800))

    def _build_status_bar(self) -> None:
        self.status_label = QLabel("Ready")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(240)
        self.progress.setAccessibleName("Loading progress")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel_loading)
        bar = self.statusBar()
        bar.addWidget(self.status_label, 1)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        self._show_busy(False)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        add_files = QAction("&Add Files…", self, shortcut=QKeySequence.StandardKey.Open)
        add_files.triggered.connect(self._choose_files)
        add_folder = QAction("Add &Folder…", self)
        add_folder.triggered.connect(self._choose_folder)
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (add_files, add_folder):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

    # loading ------------------------------------------------------------------------------------
    def load_paths(self, paths: list[str]) -> None:
        """Read `paths` on a worker thread and add what they hold to the corpus."""
        if self._task and self._task.running:
            self.status_label.setText("Still loading; wait or cancel first")
            return
        task = Task(lambda progress, cancelled: load_corpus(paths, progress, cancelled), self)
        task.progress.connect(self._on_progress)
        task.finished.connect(self._on_loaded)
        task.failed.connect(self._on_failed)
        self._task = task
        self._show_busy(True)
        self.status_label.setText(f"Loading {len(paths)} path(s)…")
        task.start()

    def cancel_loading(self) -> None:
        if self._task:
            self._task.cancel()
            self.status_label.setText("Cancelling…")

    def _on_progress(self, done: int, total: int, path: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status_label.setText(f"Reading {Path(path).name} ({done} of {total})")

    def _on_loaded(self, loaded: Corpus) -> None:
        known = {d.id for d in self.corpus.documents}
        added = [d for d in loaded.documents if d.id not in known]
        self.corpus.documents.extend(added)
        self.corpus.errors.extend(loaded.errors)
        self.documents.set_documents(self.corpus.documents)
        self._show_busy(False)
        note = " (cancelled)" if loaded.cancelled else ""
        self.status_label.setText(
            f"{len(self.corpus.documents)} articles; {len(added)} added{note}; {len(loaded.errors)} could not be read")
        if loaded.errors and not self.property("quiet"):
            self._show_errors(loaded)
        self.loading_finished.emit()

    def _on_failed(self, message: str) -> None:
        self._show_busy(False)
        self.status_label.setText("Loading failed")
        if not self.property("quiet"):
            QMessageBox.critical(self, "Loading failed", f"Loading stopped: {message}\nNothing loaded before was lost.")
        self.loading_finished.emit()

    def _show_errors(self, loaded: Corpus) -> None:
        lines = "\n".join(f"• {Path(e.path).name}: {e.error}" for e in loaded.errors[:30])
        more = f"\n… and {len(loaded.errors) - 30} more" if len(loaded.errors) > 30 else ""
        box = QMessageBox(QMessageBox.Icon.Warning, "Some files could not be read",
                          f"{len(loaded.errors)} file(s) could not be read; the others were loaded.", parent=self)
        box.setDetailedText(lines + more)
        box.setInformativeText(lines.splitlines()[0] if lines else "")
        box.open()

    def _show_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)

    # files --------------------------------------------------------------------------------------
    def _choose_files(self) -> None:
        start = QSettings().value("last_folder", str(Path.home()))
        files, _ = QFileDialog.getOpenFileNames(
            self, "Add articles", start, "Articles (*.txt *.md *.html *.htm *.pdf *.docx);;All files (*)")
        if files:
            QSettings().setValue("last_folder", str(Path(files[0]).parent))
            self.load_paths(files)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Add a folder of articles",
                                                  QSettings().value("last_folder", str(Path.home())))
        if folder:
            QSettings().setValue("last_folder", folder)
            self.load_paths([folder])

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.load_paths(paths)
