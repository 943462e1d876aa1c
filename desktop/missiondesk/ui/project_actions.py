"""Projects in the window: New, Open, Save, Save As, recent projects, autosave, and asking before losing work."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from missiondesk.store import SUFFIX, ProjectData, ProjectError
from missiondesk.store.workspace import Workspace
from missiondesk.ui.tasks import Task

AUTOSAVE_MS = 60_000
MAX_RECENT = 8
FILTER = f"MissionDesk projects (*{SUFFIX})"


def autosave_path(project: Path | None) -> Path:
    """Beside the project file, or in the user's data folder for a project never saved."""
    if project is not None:
        return project.with_name(project.name + ".autosave")
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"untitled{SUFFIX}.autosave"


class ProjectActions:
    """Mixed into MainWindow: expects self.workspace, self.set_workspace(), self.status_label, self.quiet."""

    def start_autosave(self) -> None:
        self._autosave = QTimer(self)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.autosave)
        self._autosave.start()

    _autosave_task: Task | None = None

    def autosave(self) -> Path | None:
        """Write the work beside the project on a worker thread (writing 2,000 articles held the window for
        0.3 s every minute); returns where it goes, and `autosaved` is emitted once it is written."""
        if not self.workspace.dirty or (self._autosave_task is not None and self._autosave_task.running):
            return None
        target = autosave_path(self.workspace.path)
        workspace, snapshot = self.workspace, _snapshot(self.workspace.data)

        def work(_progress, _cancelled) -> Path:
            from missiondesk.store import project

            project.save_as(snapshot, target)
            return target

        task = Task(work, self)
        task.finished.connect(lambda path: self._autosaved(workspace, path))
        task.failed.connect(lambda message: self.status_label.setText(f"Autosave failed: {message}"))
        self._autosave_task = task
        task.start()
        return target

    def _autosaved(self, workspace: Workspace, target: Path) -> None:
        if workspace is not self.workspace or not workspace.dirty:
            # saved, discarded or closed while it was written: it would be offered back as unsaved work
            target.unlink(missing_ok=True)
            return
        self.status_label.setText(f"Autosaved to {target.name}")
        self.autosaved.emit(str(target))

    def wait_for_autosave(self) -> None:
        """Let an autosave being written finish (before the window closes)."""
        import time

        deadline = time.monotonic() + 10
        while self._autosave_task is not None and self._autosave_task.running and time.monotonic() < deadline:
            time.sleep(0.01)

    def recover_untitled(self) -> bool:
        """At start: offer back the work of a project that was never saved, if the last session left some."""
        candidate = autosave_path(None)
        if not candidate.exists() or self.quiet:
            return False
        answer = QMessageBox.question(self, "Recover unsaved work?",
                                      "The last session ended with work that was never saved. Recover it?")
        if answer != QMessageBox.StandardButton.Yes:
            candidate.unlink(missing_ok=True)
            return False
        return self._adopt(candidate, None, "The unsaved work could not be recovered")

    def _adopt(self, source: Path, path: Path | None, failure: str) -> bool:
        """Open the project file `source` as the work saved at `path` (None: not saved anywhere yet)."""
        try:
            workspace = Workspace.open(source)
        except ProjectError as exc:
            self.show_error(failure, str(exc))
            return False
        workspace.path = path
        workspace.dirty = source != path
        self.set_workspace(workspace)
        return True

    def new_project(self) -> None:
        if self.maybe_save():
            self.set_workspace(Workspace())

    def open_project(self, path: str | None = None) -> bool:
        if not self.maybe_save():
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, "Open project", str(_last_folder()), FILTER)
            if not path:
                return False
        path = Path(path)
        candidate = autosave_path(path)
        source = path
        if candidate.exists() and (not path.exists() or candidate.stat().st_mtime > path.stat().st_mtime) \
                and not self.quiet and QMessageBox.question(
                    self, "Recover unsaved work?",
                    f"{candidate.name} holds changes made after {path.name} was last saved. Recover them?") \
                == QMessageBox.StandardButton.Yes:
            source = candidate
        if not self._adopt(source, path, "The project could not be opened"):
            return False
        remember_recent(path)
        self.update_recent_menu()
        return True

    def save_project(self) -> bool:
        if self.workspace.path is None:
            return self.save_project_as()
        return self._save(None)

    def save_project_as(self, path: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "Save project as", str(_last_folder() / f"project{SUFFIX}"),
                                                  FILTER)
            if not path:
                return False
            if not path.endswith(SUFFIX):
                path += SUFFIX
        return self._save(Path(path))

    def _save(self, path: Path | None) -> bool:
        old_autosave = autosave_path(self.workspace.path)
        try:
            saved = self.workspace.save(path)
        except ProjectError as exc:
            self.show_error("The project could not be saved", f"{exc}\nYour work is still open; nothing was lost.")
            return False
        old_autosave.unlink(missing_ok=True)
        autosave_path(saved).unlink(missing_ok=True)
        remember_recent(saved)
        self.update_recent_menu()
        self.update_title()
        self.status_label.setText(f"Saved {saved.name}")
        return True

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current work (saved, discarded, or nothing to lose)."""
        if not self.workspace.dirty or self.quiet:
            return True
        answer = QMessageBox.question(
            self, "Save changes?", "This project has changes that are not saved. Save them first?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_project()
        if answer == QMessageBox.StandardButton.Discard:
            autosave_path(self.workspace.path).unlink(missing_ok=True)
            return True
        return False

    def update_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in recent_projects():
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_project(p))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))


def recent_projects() -> list[str]:
    value = QSettings().value("recent_projects", [])
    if isinstance(value, str):
        value = [value]
    return [p for p in (value or []) if Path(p).exists()]


def remember_recent(path: Path) -> None:
    items = [str(path)] + [p for p in recent_projects() if p != str(path)]
    QSettings().setValue("recent_projects", items[:MAX_RECENT])
    QSettings().setValue("last_folder", str(path.parent))


def _last_folder() -> Path:
    return Path(QSettings().value("last_folder", str(Path.home())))


def _snapshot(data: ProjectData) -> ProjectData:
    """The project as it is now, for a worker thread to write while reviews go on: the containers are copied,
    their items (documents, facts, reviews, audit entries) are never changed in place, only replaced."""
    copy = ProjectData()
    copy.documents = list(data.documents)
    copy.facts = dict(data.facts)
    copy.reviews = dict(data.reviews)
    copy.audit = list(data.audit)
    copy.revision = data.revision  # work recovered from the autosave is still checked against its project
    return copy
