"""Loading in the window: files and folders read and extracted off the GUI thread with progress and cancel,
drag and drop, and the Problems panel that lists what could not be read or extracted, with Retry."""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDockWidget

from missiondesk.batch import is_fact_set
from missiondesk.store import SUFFIX
from missiondesk.store.document_reviews import time_zones
from missiondesk.store.problems import NOT_EXTRACTED, Problem, problems
from missiondesk.store.workspace import Workspace, failures
from missiondesk.ui.fact_set_dialog import open_fact_set
from missiondesk.ui.problems_panel import ProblemsPanel
from missiondesk.ui.tasks import Task


class LoadingActions:
    """Mixed into MainWindow: expects self.workspace, self.refresh(), self.open_project(), the status bar's
    widgets and the loading_finished signal."""

    def build_problems_dock(self) -> QDockWidget:
        self.problems_panel = ProblemsPanel(self)
        self.problems_panel.retry_requested.connect(self.retry)
        self.problems_panel.extract_remaining_requested.connect(lambda: self.extract_stale())
        dock = QDockWidget("Problems", self)
        dock.setObjectName("problems")
        dock.setWidget(self.problems_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.problems_dock = dock
        return dock

    def update_problems(self) -> None:
        found = problems(self.workspace)
        if self._task is not None and self._task.running:
            # articles being extracted right now are not a problem (yet): only those that failed are listed
            found = [p for p in found if p.kind != NOT_EXTRACTED]
        self.problems_panel.show_problems(found)
        self.problems_dock.setWindowTitle(f"Problems ({len(found)})" if found else "Problems")

    def show_problems(self) -> None:
        """The Problems panel and the Corpus list's marks, as the workspace and the running task stand."""
        self.update_problems()
        self.documents_model.set_frame(self.marked_documents(self.frames.documents))

    def marked_documents(self, documents: pd.DataFrame) -> pd.DataFrame:
        """The Corpus list's rows, an article without facts (failed, cancelled, not extracted) marked ⚠, a date
        the analyst typed marked ✎."""
        missing = {p.document: p.kind for p in self.problems_panel.problems if p.document}
        typed = self.workspace.hand_dated()
        zones = time_zones(self.workspace.data.reviews.values())  # a date's time zone, where the analyst gave one
        if not (missing or typed or zones) or documents.empty:
            return documents
        documents = documents.copy()
        ids = documents["id"].tolist()  # read as lists: a text column read value by value costs microseconds each
        documents["published"] = [f"{date}{' ' + zones[doc] if doc in zones else ''}{' ✎' if doc in typed else ''}"
                                  if isinstance(date, str) and date else None
                                  for doc, date in zip(ids, documents["published"].tolist())]  # NaN: no date
        if missing:
            documents["title"] = [f"⚠ {missing[doc]}: {title}" if doc in missing else title
                                  for doc, title in zip(ids, documents["title"].tolist())]
        return documents

    def retry(self, chosen: list[Problem]) -> None:
        """Extract the chosen articles again; read the chosen files that could not be read again."""
        ids = {p.document for p in chosen if p.document}
        documents = [d for d in self.workspace.data.documents if d.id in ids]
        paths = [p.path for p in chosen if not p.document]
        if documents:
            self.extract_stale(documents)
        elif paths:
            self.load_paths(paths)

    # -- loading ------------------------------------------------------------------------------------------
    def load_paths(self, paths: list[str]) -> None:
        """Read `paths`, extract what is new, on a worker thread; project files are opened instead."""
        projects = [p for p in paths if str(p).endswith(SUFFIX)]
        if projects:
            self.open_project(projects[0])
            paths = [p for p in paths if p not in projects]
            if not paths:
                self.loading_finished.emit()
                return
        fact_sets = [p for p in paths if is_fact_set(p)]
        if fact_sets:  # read-only: its filter chooses what joins the project
            open_fact_set(self, str(fact_sets[0]))
            paths = [p for p in paths if p not in fact_sets]
            if not paths:
                self.loading_finished.emit()
                return
        known = {d.id for d in self.workspace.data.documents if d.id in self.workspace.data.facts}

        def work(progress, cancelled):
            return self.workspace.read_and_extract(paths, progress, cancelled, known)

        self._run(work, self._loaded, f"Loading {len(paths)} path(s)…")

    def extract_stale(self, documents: list | None = None) -> None:
        """Extract `documents` (default: every article whose facts are missing or out of date)."""
        stale = self.workspace.stale() if documents is None else documents
        if not stale:
            return

        def work(progress, cancelled):
            return Workspace.extract(stale, progress, cancelled)  # 'Extracted 3 of 40 articles · title'

        self._run(work, lambda facts: self._loaded((None, facts)), f"Extracting {len(stale)} article(s)…")

    def _loaded(self, result) -> None:
        corpus, facts = result
        cancelled = self._task is not None and self._task.cancelled
        if corpus is not None:
            self.workspace.add(corpus, facts)
        else:  # extracted again: articles it failed on are reported as a load's are
            from missiondesk.corpus import Corpus

            self.workspace.add(Corpus(), facts)
            corpus = Corpus(errors=failures(facts, self.workspace.data.documents))
        self._show_busy(False)
        self.refresh()
        if corpus is not None and corpus.errors:
            self.status_label.setText(f"{self.status_label.text()} · {len(corpus.errors)} file(s) could not be read "
                                      "in full")
        if self.problems_panel.problems and (corpus.errors or cancelled):
            # not a box that is read once: the panel stays, lists each by name and offers Retry
            self.problems_dock.show()
            self.problems_dock.raise_()
        if cancelled:
            self.status_label.setText(self.status_label.text() + " · cancelled")
        self.loading_finished.emit()

    def _run(self, work, done, message: str) -> None:
        if self._task and self._task.running:
            self.status_label.setText("Busy; wait or cancel first")
            return
        task = Task(work, self)
        task.progress.connect(self._on_progress)
        task.finished.connect(done)
        task.failed.connect(self._failed)
        task.stopped.connect(self._stopped)
        self._task = task
        self._show_busy(True)
        self.status_label.setText(message)
        self._task_started = time.monotonic()
        task.start()
        self.show_problems()

    def cancel_task(self) -> None:
        if self._task:
            self._task.cancel()
            self.status_label.setText("Cancelling…")

    _task_started = 0.0

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        left = time_left(time.monotonic() - self._task_started, done, total)
        self.status_label.setText(f"{text} · {left}" if left else text)

    def _stopped(self) -> None:
        self._show_busy(False)
        self.show_problems()  # what the cancelled task would have extracted is still to extract
        self.status_label.setText("Cancelled; nothing was changed")
        self.loading_finished.emit()

    def _failed(self, message: str) -> None:
        self._show_busy(False)
        self.show_problems()
        self.show_error("The task failed", f"{message}\nNothing loaded or reviewed before was lost.")
        self.loading_finished.emit()

    def _show_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)

    # -- files --------------------------------------------------------------------------------------------
    def choose_files(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        files, _ = QFileDialog.getOpenFileNames(
            self, "Add articles", QSettings().value("last_folder", str(Path.home())),
            "Articles (*.txt *.md *.html *.htm *.pdf *.docx);;All files (*)")
        if files:
            QSettings().setValue("last_folder", str(Path(files[0]).parent))
            self.load_paths(files)

    def choose_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self, "Add a folder of articles",
                                                  QSettings().value("last_folder", str(Path.home())))
        if folder:
            QSettings().setValue("last_folder", folder)
            self.load_paths([folder])

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.load_paths(paths)


def time_left(elapsed: float, done: int, total: int) -> str:
    """'about 2 min left', from the pace so far; '' until there is a pace to go by (a few steps and seconds) or
    when the end is near, where an estimate only flickers."""
    if done < 2 or elapsed < 3 or done >= total:
        return ""
    seconds = elapsed / done * (total - done)
    if seconds < 10:
        return ""
    if seconds < 90:
        return f"about {round(seconds / 10) * 10} s left"
    return f"about {round(seconds / 60)} min left"

