"""Review edits as undoable commands: each redo() and undo() calls the plain workspace."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from missiondesk.store.workspace import Workspace


class ReviewCommand(QUndoCommand):
    def __init__(self, workspace: Workspace, key: tuple[str, str, int, int], status: str | None,
                 changes: dict | None, text: str, changed: Callable[[], None]) -> None:
        super().__init__(text)
        self._workspace = workspace
        self._key = key
        self._status = status
        self._changes = changes
        self._before = workspace.review(key)
        self._changed = changed

    def redo(self) -> None:
        self._workspace.set_review(self._key, self._status, self._changes)
        self._changed()

    def undo(self) -> None:
        self._workspace.restore_review(self._key, self._before)
        self._changed()
