"""Review edits as undoable commands: each redo() and undo() calls the plain workspace."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from missiondesk.store.document_reviews import document_key
from missiondesk.store.workspace import Workspace


class ReviewCommand(QUndoCommand):
    """One review. `changed(fact, scope)` is told which fact to select afterwards: the next one to review
    after the review is made (redo), the reviewed fact itself when it is taken back (undo), so the analyst sees
    what an undo changed."""

    def __init__(self, workspace: Workspace, key: tuple[str, str, int, int], status: str | None,
                 changes: dict | None, text: str, changed: Callable[[str | None, str], None],
                 fact_id: str | None = None, following: str | None = None, note: str | None = None) -> None:
        super().__init__(text)
        self._workspace = workspace
        self._key = key
        self._status = status
        self._changes = changes
        self._note = note
        self._before = workspace.review(key)
        self._changed = changed
        self._fact_id = fact_id
        self._following = following or fact_id

    @property
    def scope(self) -> str:
        """What the review changes, so the window redoes no more than that: 'statuses' (accepted or not: no
        value, no rejection), 'rejections' (rejected or not: no value changes) or 'all' (an edit, a mission)."""
        before = self._before.status if self._before is not None else None
        if self._key[1] == "mission" or "edited" in (before, self._status):
            return "all"
        if before in (None, "accepted") and self._status in (None, "accepted"):
            return "statuses"
        return "rejections"

    def redo(self) -> None:
        self._workspace.set_review(self._key, self._status, self._changes, note=self._note)
        self._changed(self._following, self.scope)

    def undo(self) -> None:
        self._workspace.restore_review(self._key, self._before)
        self._changed(self._fact_id, self.scope)


class DocumentsCommand(QUndoCommand):
    """Corrections to the details of one or more articles (title, outlet, author, date) as one step: the bulk
    'Set outlet' is one undo, not one per article. `changes` maps each article's id to the fields its review
    holds afterwards (empty: the article as read again); `changed()` redraws the window once."""

    def __init__(self, workspace: Workspace, changes: dict[str, dict], text: str, changed: Callable[[], None]) -> None:
        super().__init__(text)
        self._workspace = workspace
        self._changes = changes
        self._before = {doc_id: workspace.review(document_key(doc_id)) for doc_id in changes}
        self._changed = changed

    def redo(self) -> None:
        for doc_id, changes in self._changes.items():
            self._workspace.set_review(document_key(doc_id), "edited" if changes else None, changes)
        self._changed()

    def undo(self) -> None:
        for doc_id, before in self._before.items():
            self._workspace.restore_review(document_key(doc_id), before)
        self._changed()
