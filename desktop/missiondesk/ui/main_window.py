"""The main window: the corpus list, the tabs over the comparison, the evidence panel, reviews with undo,
loading and extraction off the GUI thread with progress and cancel, drag and drop."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
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
from missiondesk.facts import FactFrames
from missiondesk.facts.compare import Comparison
from missiondesk.facts.index import FactIndex
from missiondesk.facts.live_comparison import LiveComparison
from missiondesk.store.workspace import Workspace
from missiondesk.ui.actor_actions import ActorActions
from missiondesk.ui.article_properties import ArticleActions
from missiondesk.ui.article_view import ArticleView
from missiondesk.ui.comparison_views import ComparisonViews
from missiondesk.ui.evidence_panel import EvidencePanel
from missiondesk.ui.fact_set_dialog import open_fact_set
from missiondesk.ui.fact_table import FactTable
from missiondesk.ui.filtering import Filtering
from missiondesk.ui.frame_model import FrameModel
from missiondesk.ui.history_panel import HistoryPanel
from missiondesk.ui.loading_actions import LoadingActions
from missiondesk.ui.models import MatrixModel, Palette
from missiondesk.ui.project_actions import ProjectActions
from missiondesk.ui.review_actions import ReviewActions
from missiondesk.ui.tasks import Task
from missiondesk.ui.timeline_dock import TimelineDock
from missiondesk.ui.wrapped_cell import WrappedCell

DOCUMENT_COLUMNS = [("title", "Title"), ("outlet", "Outlet"), ("published", "Date"), ("counts", "Counts"),
                    ("statements", "Quotes")]
MISSION_COLUMNS = [("name", "Mission"), ("lead", "Lead"), ("theater", "Theater"), ("start", "Start"), ("end", "End"),
                   ("documents", "Articles"), ("mentions", "Mentions"), ("known", "In gazetteer"), ("status", "Review")]


class MainWindow(ProjectActions, ReviewActions, ActorActions, ArticleActions, LoadingActions, ComparisonViews,
                 Filtering, TimelineDock, QMainWindow):
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
        self._no_frames = FactFrames.build([], Extraction())  # until the first load: every view and export works
        self._counts: Comparison | None = None
        self.fact_status: dict[str, str] = {}
        self._positions: Comparison | None = None
        self._live: LiveComparison | None = None  # the frames and comparisons shown, kept up to date by reviews
        self.counts_shown = self.counts  # what the tables show: with rejected facts, when "Show rejected" is on
        self._positions_shown = False
        self._task: Task | None = None
        self.palette_ = Palette(_dark_scheme())
        self._build_views()
        self._build_docks()
        self.build_timeline_dock()  # the selected troop-count row's figures by date, beside the History
        self._build_actions()
        self._build_status_bar()
        self.resize(QSize(1280, 800))
        self._restore_settings()
        self.start_autosave()
        self.update_title()
        self.update_empty_states()  # a new window is an empty project: say how to fill it
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        for model in (self.documents_model, self.missions_model):  # a reset shows every row again: filter anew
            model.modelReset.connect(lambda: self.filter_lists() if self.search.text().strip()
                                     or self.fact_filter().active() else None)

    # -- layout -------------------------------------------------------------------------------------------
    def _build_views(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("Views")
        self.missions_model = FrameModel(MISSION_COLUMNS, self)
        self.missions_view = self._table(self.missions_model, "Missions table")
        self.missions_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # to merge two
        self.counts_model = MatrixModel(self.palette_, self)
        self.counts_view = self._table(self.counts_model, "Troop counts matrix", matrix=True)
        self.positions_model = MatrixModel(self.palette_, self)
        self.positions_view = self._table(self.positions_model, "Positions matrix", matrix=True)
        # a statement is a sentence: three lines of it a cell, wrapped and ending in '…' when it goes on (the whole
        # text in the cell's tooltip); the rows keep one fixed height, never measured one by one
        self.positions_view.setItemDelegate(WrappedCell(self.positions_view))
        self.positions_model.full_text = lambda fact_id: (self.facts.get(fact_id) or {}).get("content")
        self.positions_view.verticalHeader().setDefaultSectionSize(3 * self.fontMetrics().lineSpacing() + 8)
        self.positions_view.horizontalHeader().setDefaultSectionSize(220)
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
        header.setDefaultSectionSize(96 if matrix else 128)  # four articles beside the labels at 1280x800
        header.setStretchLastSection(not matrix)
        if matrix:
            header.setSectionsClickable(True)
            header.sectionClicked.connect(lambda column, v=view: self._sort_clicked(v, column))
            header.setMinimumHeight(44)
            rows = view.verticalHeader()
            rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            rows.setDefaultSectionSize(28)
            rows.setMinimumWidth(180)
            rows.setMaximumWidth(200)  # a longer label is elided; its tooltip holds the whole of it
            # cut in the middle: rows of one force and place differ by their period, at the end of the label
            rows.setTextElideMode(Qt.TextElideMode.ElideMiddle)
            rows.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            rows.sectionDoubleClicked.connect(lambda row, v=view: self.compare_row(v, row))
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
        # columns fit the rows in view: a review changes an article's numbers, and fitting them to 200 rows made
        # Qt measure 800 cells after every review (20 ms)
        self.documents_view.horizontalHeader().setResizeContentsPrecision(0)
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
                                ("Open Fact &Set…", None, lambda: open_fact_set(self)),
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
        self.install_actor_actions(edit)
        edit.addSeparator()
        self.article_actions(edit)
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
        # at 2,000 articles the disagreeing figures are a few rows among a thousand and a few columns among
        # thousands: these two bring them together on one screen
        self.disagreements_only = QCheckBox("Disagreements only", self)
        self.disagreements_only.setToolTip("Only the rows (⚠) whose sources give different figures")
        self.disagreements_only.toggled.connect(self._filter_changed)
        self.mission_filter = QComboBox(self)
        self.mission_filter.setAccessibleName("Mission filter")
        self.mission_filter.setToolTip("Only the troop counts and positions of one mission")
        self.mission_filter.addItem("All missions", None)
        self.mission_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.mission_filter.setMinimumContentsLength(14)
        self.mission_filter.currentIndexChanged.connect(self._filter_changed)
        self.hide_empty = QCheckBox("Hide empty columns", self)
        self.hide_empty.setToolTip("Hide the articles with no figure in the rows shown")
        self.hide_empty.toggled.connect(self._filter_changed)
        self.show_rejected = QCheckBox("Show rejected", self)
        self.show_rejected.setChecked(True)
        self.show_rejected.setToolTip("Keep rejected facts in the tables, struck through, so they can be restored")
        self.show_rejected.toggled.connect(lambda _on: self.refresh())
        bar.addWidget(self.search)
        bar.addWidget(self.unreviewed)
        bar.addWidget(self.disagreements_only)
        bar.addWidget(self.hide_empty)
        bar.addWidget(self.show_rejected)
        self.addToolBar(bar)
        self.build_filter_bar()  # mission, actor, force, place, dates, review status: a second row

    def _build_status_bar(self) -> None:
        self.status_label = QLabel("Ready")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(240)
        self.progress.setAccessibleName("Progress")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel_task)
        # the matrices mark disagreements and reviews by colour, bold and strike-through: say which is which
        self.legend = QLabel(self.palette_.legend())
        self.legend.setAccessibleName("Legend")
        bar = self.statusBar()
        bar.addWidget(self.status_label, 1)
        bar.addPermanentWidget(self.legend)
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

    # -- export -------------------------------------------------------------------------------------------
    def export_factsheet(self) -> None:
        from missiondesk.ui.export_dialog import FactSheetDialog

        self.show_pending_update()  # an export reads the reviews' result: an update still in steps is finished
        FactSheetDialog(self).open()

    def export_comparison(self) -> None:
        from missiondesk.ui.export_dialog import export_comparison

        self.show_pending_update()
        export_comparison(self)


def _dark_scheme() -> bool:
    hints = QGuiApplication.styleHints()
    return hasattr(hints, "colorScheme") and hints.colorScheme() == Qt.ColorScheme.Dark
