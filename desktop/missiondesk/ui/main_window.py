"""The main window: the corpus list, the tabs over the comparison, the evidence panel, reviews with undo,
loading and extraction off the GUI thread with progress and cancel, drag and drop."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDockWidget,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QToolBar,
)

from missiondesk import __version__
from missiondesk.extract.records import Extraction
from missiondesk.facts import FactFrames, compare_counts, compare_statements
from missiondesk.facts.compare import Comparison
from missiondesk.facts.index import FactIndex
from missiondesk.facts.mission_reviews import apply_mission_reviews
from missiondesk.facts.with_rejected import (
    counts_with_rejected,
    frames_with_rejected,
    statements_with_rejected,
    without_rejected,
)
from missiondesk.store.workspace import Workspace
from missiondesk.ui.article_view import ArticleView
from missiondesk.ui.evidence_panel import EvidencePanel
from missiondesk.ui.fact_table import FactTable
from missiondesk.ui.history_panel import HistoryPanel
from missiondesk.ui.loading_actions import LoadingActions
from missiondesk.ui.models import FrameModel, MatrixModel, Palette
from missiondesk.ui.project_actions import ProjectActions
from missiondesk.ui.review_actions import ReviewActions
from missiondesk.ui.tasks import Task

DOCUMENT_COLUMNS = [("title", "Title"), ("outlet", "Outlet"), ("published", "Date"), ("counts", "Counts"),
                    ("statements", "Quotes")]
MISSION_COLUMNS = [("name", "Mission"), ("lead", "Lead"), ("theater", "Theater"), ("start", "Start"), ("end", "End"),
                   ("documents", "Articles"), ("mentions", "Mentions"), ("known", "In gazetteer"), ("status", "Review")]


class MainWindow(ProjectActions, ReviewActions, LoadingActions, QMainWindow):
    loading_finished = Signal()
    refreshed = Signal()
    autosaved = Signal(str)  # the autosave file, once written (off the GUI thread)

    def __init__(self, quiet: bool = False) -> None:
        super().__init__()
        self.quiet = quiet  # tests and --screenshot: no modal dialogs
        self.setAcceptDrops(True)
        self.workspace = Workspace()
        self.undo_stack = QUndoStack(self)
        self.facts = FactIndex()
        self.current_fact: str | None = None
        self.frames = FactFrames.build([], Extraction())  # empty until the first load: every view and export works
        self._counts: Comparison | None = None
        self._counts_base: Comparison | None = None  # troop counts compared with the rejected ones in
        self._positions_base: Comparison | None = None
        self.fact_status: dict[str, str] = {}
        self._positions: Comparison | None = None
        self.counts_shown = self.counts  # what the tables show: with rejected facts, when "Show rejected" is on
        self._frames_shown: FactFrames | None = None
        self._positions_shown_cmp: Comparison | None = None
        self._positions_shown = False
        self._task: Task | None = None
        self.palette_ = Palette(_dark_scheme())
        self._build_views()
        self._build_docks()
        self._build_actions()
        self._build_status_bar()
        self.resize(QSize(1280, 800))
        self._restore_settings()
        self.start_autosave()
        self.update_title()
        self.undo_stack.cleanChanged.connect(self._clean_changed)

    # -- layout -------------------------------------------------------------------------------------------
    def _build_views(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("Views")
        self.missions_model = FrameModel(MISSION_COLUMNS, self)
        self.missions_view = self._table(self.missions_model, "Missions table")
        self.counts_model = MatrixModel(self.palette_, self)
        self.counts_view = self._table(self.counts_model, "Troop counts matrix", matrix=True)
        self.positions_model = MatrixModel(self.palette_, self)
        self.positions_view = self._table(self.positions_model, "Positions matrix", matrix=True)
        self.side_model = MatrixModel(self.palette_, self)
        self.side_view = self._table(self.side_model, "Side by side comparison", matrix=True)
        self.article = ArticleView(self)
        self.article.dark = self.palette_.dark
        for view, name in ((self.missions_view, "&Missions"), (self.counts_view, "&Troop counts"),
                           (self.positions_view, "&Positions"), (self.side_view, "&Side by side"),
                           (self.article, "&Article")):
            self.tabs.addTab(view, name)
        self.setCentralWidget(self.tabs)
        self.tabs.setCurrentWidget(self.counts_view)
        self.tabs.currentChanged.connect(self._tab_changed)

    def _table(self, model, name: str, matrix: bool = False) -> FactTable:
        view = FactTable(self)
        view.setModel(model)
        view.setAccessibleName(name)
        view.setAlternatingRowColors(not matrix)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems if matrix
                                  else QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = view.horizontalHeader()
        header.setResizeContentsPrecision(200)  # fit columns to the first rows, not to all of 100,000
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive if matrix
                                    else QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultSectionSize(128)
        header.setStretchLastSection(not matrix)
        if matrix:
            header.setSectionsClickable(True)
            header.sectionClicked.connect(lambda column, v=view: self._sort_clicked(v, column))
            header.setMinimumHeight(44)
            rows = view.verticalHeader()
            rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            rows.setDefaultSectionSize(28)
            rows.setMinimumWidth(260)
            rows.setMaximumWidth(360)
            rows.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        else:
            # one line per row, at a fixed height: measuring every row's wrapped text took seconds on 10,000
            view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            view.verticalHeader().hide()
        return view

    def _sort_clicked(self, view: FactTable, column: int) -> None:
        """Click an article's header to sort by its figures; click again to reverse."""
        header = view.horizontalHeader()
        ascending = not (header.isSortIndicatorShown() and header.sortIndicatorSection() == column
                         and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder)
        order = Qt.SortOrder.AscendingOrder if ascending else Qt.SortOrder.DescendingOrder
        header.setSortIndicatorShown(True)
        header.setSortIndicator(column, order)
        view.model().sort(column, order)

    def _build_docks(self) -> None:
        self.documents_model = FrameModel(DOCUMENT_COLUMNS, self)
        self.documents_view = self._table(self.documents_model, "Corpus list")
        self.documents_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.documents_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # titles wrap over two lines of a fixed height (rows are never measured one by one)
        self.documents_view.setWordWrap(True)
        self.documents_view.verticalHeader().setDefaultSectionSize(2 * self.fontMetrics().lineSpacing() + 10)
        self.documents_view.horizontalHeader().setStretchLastSection(False)
        self.documents_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.documents_view.selectionModel().selectionChanged.connect(lambda *_: self._documents_chosen())
        self.documents_view.doubleClicked.connect(self._document_opened)
        corpus = QDockWidget("Corpus", self)
        corpus.setObjectName("corpus")
        corpus.setWidget(self.documents_view)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, corpus)
        self.evidence = EvidencePanel(self)
        self.evidence.accept_requested.connect(lambda: self.review_current("accepted"))
        self.evidence.reject_requested.connect(lambda: self.review_current("rejected"))
        self.evidence.edit_requested.connect(self.edit_current)
        self.evidence.clear_requested.connect(lambda: self.review_current(None))
        self.evidence.show_requested.connect(self.show_in_article)
        evidence = QDockWidget("Evidence", self)
        evidence.setObjectName("evidence")
        evidence.setWidget(self.evidence)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, evidence)
        self.history = HistoryPanel(self)
        self.history.note_added.connect(self.add_note)
        history = QDockWidget("History", self)
        history.setObjectName("history")
        history.setWidget(self.history)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, history)
        self.resizeDocks([corpus, evidence], [360, 300], Qt.Orientation.Horizontal)
        problems = self.build_problems_dock()
        self.tabifyDockWidget(history, problems)
        history.raise_()
        self.resizeDocks([history], [170], Qt.Orientation.Vertical)
        self.docks = (corpus, evidence, history, problems)
        self.connect_selection()

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu("&File")
        self.recent_menu = None
        for text, key, slot in (("&New Project", QKeySequence.StandardKey.New, self.new_project),
                                ("&Open Project…", QKeySequence.StandardKey.Open, lambda: self.open_project()),
                                (None, None, None),
                                ("&Save", QKeySequence.StandardKey.Save, self.save_project),
                                ("Save &As…", QKeySequence.StandardKey.SaveAs, lambda: self.save_project_as()),
                                (None, None, None),
                                ("&Add Files…", QKeySequence("Ctrl+Shift+O"), self.choose_files),
                                ("Add &Folder…", None, self.choose_folder),
                                (None, None, None),
                                ("Export &Fact Sheet…", QKeySequence("Ctrl+E"), self.export_factsheet),
                                ("Export &Comparison…", None, self.export_comparison),
                                (None, None, None),
                                ("&Quit", QKeySequence.StandardKey.Quit, self.close)):
            if text is None:
                menu.addSeparator()
                if self.recent_menu is None:
                    self.recent_menu = menu.addMenu("Open &Recent")
                continue
            action = QAction(text, self)
            if key is not None:
                action.setShortcut(key)
            action.triggered.connect(slot)
            menu.addAction(action)
        self.update_recent_menu()
        edit = self.menuBar().addMenu("&Edit")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        # Named, not StandardKey.Redo: on Linux desktops that already is Ctrl+Shift+Z, and the same key twice
        # on one action is "ambiguous" to Qt and does nothing; Ctrl+Y is what Windows users press.
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action = redo
        edit.addActions([undo, redo])
        self.addActions([undo, redo])
        edit.addSeparator()
        self.review_shortcuts(edit)
        find = QAction("&Find…", self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: self.search.setFocus())
        edit.addAction(find)
        self.addAction(find)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About MissionDesk", self)
        about.triggered.connect(lambda: QMessageBox.about(
            self, "About MissionDesk", f"MissionDesk {__version__}\nMissions, troop counts and positions, "
                                       "compared across news articles. Works offline."))
        help_menu.addAction(about)
        bar = QToolBar("Find", self)
        bar.setObjectName("find")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search all facts (actor, place, number, words)…")
        self.search.setAccessibleName("Search facts")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_changed)
        self.unreviewed = QCheckBox("Unreviewed only", self)
        self.unreviewed.toggled.connect(self._filter_changed)
        self.show_rejected = QCheckBox("Show rejected", self)
        self.show_rejected.setChecked(True)
        self.show_rejected.setToolTip("Keep rejected facts in the tables, struck through, so they can be restored")
        self.show_rejected.toggled.connect(lambda _on: self.refresh())
        bar.addWidget(self.search)
        bar.addWidget(self.unreviewed)
        bar.addWidget(self.show_rejected)
        self.addToolBar(bar)

    def _build_status_bar(self) -> None:
        self.status_label = QLabel("Ready")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(240)
        self.progress.setAccessibleName("Progress")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel_task)
        bar = self.statusBar()
        bar.addWidget(self.status_label, 1)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        self._show_busy(False)

    # -- settings -----------------------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not self.quiet:
            self.restoreGeometry(geometry)
        state = settings.value("window/state")
        if isinstance(state, QByteArray) and not self.quiet:
            self.restoreState(state)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self._task and self._task.running:
            self._task.cancel()
        self.wait_for_autosave()
        if not self.maybe_save():
            event.ignore()
            return
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        event.accept()

    def _clean_changed(self, _clean: bool) -> None:
        self.update_title()

    def update_title(self) -> None:
        name = self.workspace.path.name if self.workspace.path else "Untitled"
        self.setWindowTitle(f"{name}[*] — MissionDesk")
        self.setWindowModified(self.workspace.dirty)

    def show_error(self, title: str, message: str) -> None:
        self.status_label.setText(message.splitlines()[0])
        if not self.quiet:
            QMessageBox.warning(self, title, message)

    # -- the workspace ------------------------------------------------------------------------------------
    def set_workspace(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.undo_stack.clear()
        self.current_fact = None
        self.refresh()
        self.update_title()
        if workspace.stale():
            self.extract_stale()

    def refresh(self) -> None:
        """Rebuild the frames and every view from the workspace (after loading or a review)."""
        self.facts.rebuild(self.workspace)
        self._positions = None  # compared when first needed: the Positions tab, Side by side, an export
        self._positions_shown_cmp = None
        self._frames_shown = None
        self._counts = self._counts_base = self._positions_base = self._count_row_keys = None
        data = self.workspace.data
        if self.show_rejected.isChecked():
            # one build and one comparison with the rejected facts in; the frames without them are filtered
            # from it, and their own comparison is made only when an export asks. A later rejection or
            # restore reuses that comparison (it does not depend on statuses).
            self._frames_shown = frames_with_rejected(data.documents, self.workspace.extraction(),
                                                      data.reviews.values())
            frames = self.frames = without_rejected(self._frames_shown)
            missions = self._frames_shown.missions
            frames.missions = apply_mission_reviews(missions, data.reviews.values())
            missions_shown = apply_mission_reviews(missions, data.reviews.values(), keep_rejected=True)
            self._counts_base = compare_counts(self._frames_shown)
            self.counts_shown = counts_with_rejected(self._frames_shown, self._counts_base)
        else:
            frames = self.frames = self.workspace.frames()
            missions_shown = frames.missions
            self.counts_shown = self.counts
        self._positions_shown = False
        status = self.fact_status = self.facts.statuses()
        self.update_problems()
        self.documents_model.set_frame(self.marked_documents(frames.documents))
        self.missions_model.set_frame(missions_shown.sort_values("mentions", ascending=False))
        self.counts_model.set_comparison(self.counts_shown, fact_status=status, search_text=self.facts.search_texts)
        QTimer.singleShot(0, self.counts_model.prepare_search)  # once the window has painted: searches are instant
        self._filter_changed()
        self._tab_changed()
        self._documents_chosen()
        if self.current_fact and self.current_fact in self.facts:
            self.select_fact(self.current_fact)
        else:
            self.evidence.show_fact(None)
            self.show_history()
        self.show_status()
        self.update_title()
        self.refreshed.emit()

    def show_status(self) -> None:
        frames = self.frames
        n_disagree = len(self.counts_shown.disagreements)  # only figures not rejected clash
        self.status_label.setText(f"{len(frames.documents)} articles · {len(frames.counts)} troop counts · "
                                  f"{len(frames.statements)} statements · {n_disagree} disagreement(s)")

    # -- selection ----------------------------------------------------------------------------------------
    @property
    def positions(self) -> Comparison:
        """Positions side by side (statements by actor and topic), compared on first use."""
        if self._positions is None:
            self._positions = compare_statements(self.frames)
        return self._positions

    @property
    def counts(self) -> Comparison:
        """Troop counts compared without the rejected facts (exports), compared on first use."""
        if self._counts is None:
            self._counts = compare_counts(self.frames)
        return self._counts

    @property
    def positions_shown(self) -> Comparison:
        """Positions as the tables show them: with rejected statements when "Show rejected" is on."""
        if self._frames_shown is None:
            return self.positions
        if self._positions_shown_cmp is None:
            if self._positions_base is None:
                self._positions_base = compare_statements(self._frames_shown)
            self._positions_shown_cmp = statements_with_rejected(self._frames_shown, self._positions_base)
        return self._positions_shown_cmp

    def _tab_changed(self, *_args) -> None:
        if self.tabs.currentWidget() is self.positions_view:
            self.show_positions()

    def show_positions(self) -> None:
        """Fill the Positions table (compared the first time it is needed)."""
        if not self._positions_shown:
            self._positions_shown = True
            self.positions_model.set_comparison(self.positions_shown, fact_status=self.fact_status,
                                                search_text=self.facts.search_texts)
            self.positions_model.set_filter(self.search.text(), self.unreviewed.isChecked())
            QTimer.singleShot(0, self.positions_model.prepare_search)

    def _documents_chosen(self) -> None:
        rows = sorted({i.row() for i in self.documents_view.selectionModel().selectedRows()})
        docs = [self.documents_model.row(r)["id"] for r in rows]
        combined = _combine(self.counts_shown, self.positions_shown) if len(docs) >= 2 else self.counts_shown
        self.side_model.set_comparison(combined, documents=docs if len(docs) >= 2 else [],
                                       fact_status=self.fact_status)

    def _document_opened(self, index) -> None:
        doc_id = self.documents_model.row(index.row())["id"]
        self._show_document(doc_id)
        self.tabs.setCurrentWidget(self.article)

    def _show_document(self, doc_id: str) -> None:
        if self.article.document_id != doc_id or self._article_stale:
            document = next(d for d in self.workspace.data.documents if d.id == doc_id)
            self.article.show_document(document, self.facts.highlights(doc_id))
            self._article_stale = False

    _article_stale = True

    def _filter_changed(self, *_args) -> None:
        for model in (self.counts_model, self.positions_model):
            model.set_filter(self.search.text(), self.unreviewed.isChecked())

    # -- export -------------------------------------------------------------------------------------------
    def export_factsheet(self) -> None:
        from missiondesk.ui.export_dialog import FactSheetDialog

        FactSheetDialog(self).open()

    def export_comparison(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from missiondesk.report.tables import write_comparison

        path, _ = QFileDialog.getSaveFileName(self, "Export comparison", str(Path.home() / "comparison.xlsx"),
                                              "Excel (*.xlsx);;CSV (*.csv);;JSON (*.json)")
        if path:
            try:
                write_comparison(Path(path), self.frames, self.counts, self.positions)
                self.status_label.setText(f"Exported {Path(path).name}")
            except (OSError, ValueError) as exc:
                self.show_error("The comparison could not be exported", f"{path}: {exc}")


def _combine(counts: Comparison, positions: Comparison) -> Comparison:
    """Counts and positions in one comparison, for Side by side."""
    if counts.keys.empty:
        return positions
    if positions.keys.empty:
        return counts
    keys = pd.concat([counts.keys[["key", "label", "disagree"]], positions.keys[["key", "label", "disagree"]]],
                     ignore_index=True)
    cells = pd.concat([counts.cells[["key", "document", "text", "ids"]],
                       positions.cells[["key", "document", "text", "ids"]]], ignore_index=True)
    return Comparison(keys, cells, counts.documents, counts.disagreements)


def _dark_scheme() -> bool:
    hints = QGuiApplication.styleHints()
    return hasattr(hints, "colorScheme") and hints.colorScheme() == Qt.ColorScheme.Dark
