"""Article properties: the analyst sets an article's title, outlet, author, date and the date's time zone from the
Corpus list (one article in a dialog, or the outlet of every selected article at once). Each change is one
undoable step kept in the project as a review of kind 'document' (store/document_reviews.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
)

from missiondesk.corpus.document import Document
from missiondesk.store.document_reviews import (
    DOCUMENT_FIELDS,
    TIME_ZONE,
    changes_from,
    document_key,
    typed_date,
    typed_time_zone,
    with_corrections,
)
from missiondesk.ui.commands import DocumentsCommand

_LABELS = {"title": "Title", "outlet": "Outlet", "author": "Author", "published": "Date (YYYY-MM-DD)"}


class ArticlePropertiesDialog(QDialog):
    """The article's details as they stand; under each field, what the file said, so a correction can be
    judged (and undone by typing the file's value back)."""

    def __init__(self, shown: Document, original: Document, outlets: list[str], parent=None,
                 time_zone: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Article properties")
        self.setMinimumWidth(480)
        self._fields: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        for name in DOCUMENT_FIELDS:
            widget = QLineEdit(getattr(shown, name) or "")
            widget.setCursorPosition(0)  # a long title shows its first words, not its last
            widget.setAccessibleName(_LABELS[name])
            as_read = getattr(original, name)
            widget.setPlaceholderText("not given" if name != "published" else "undated")
            widget.setToolTip(f"In the file: {as_read or 'not given'}")
            if name == "outlet" and outlets:
                widget.setCompleter(QCompleter(outlets, widget))  # one spelling per outlet across the corpus
            form.addRow(_LABELS[name], widget)
            self._fields[name] = widget
            if name == "published":  # the date's time zone, right under it
                zone = QLineEdit(time_zone or "")
                zone.setAccessibleName("Time zone")
                zone.setPlaceholderText("not given (UTC+02:00, Europe/Berlin…)")
                zone.setToolTip("The time zone the article's date is in: an offset such as UTC+02:00, or a zone "
                                "such as Europe/Berlin")
                form.addRow("Time zone", zone)
                self._fields[TIME_ZONE] = zone
        self._path = QLabel(original.path)
        self._path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._path.setWordWrap(True)
        form.addRow("File", self._path)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b00020")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check_and_accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, str | None]:
        """The fields as typed, the date as an ISO date; raises ValueError for a date that is not one."""
        out: dict[str, str | None] = {name: widget.text().strip() or None for name, widget in self._fields.items()}
        out["published"] = typed_date(self._fields["published"].text())
        out[TIME_ZONE] = typed_time_zone(self._fields[TIME_ZONE].text())
        return out

    def _check_and_accept(self) -> None:
        for name, check in (("published", typed_date), (TIME_ZONE, typed_time_zone)):
            try:
                check(self._fields[name].text())
            except ValueError as exc:
                self.error.setText(str(exc))
                self._fields[name].setFocus()
                return
        self.accept()


class ArticleActions:
    """Mixed into MainWindow: expects self.documents_view, self.documents_model, self.workspace, self.undo_stack,
    self.refresh() and self.status_label."""

    def article_actions(self, menu) -> None:
        """Article Properties and Set Outlet, in `menu` and on the Corpus list's context menu."""
        properties = QAction("Article &Properties…", self)
        properties.setShortcut(QKeySequence("Alt+Return"))
        properties.triggered.connect(self.edit_article_properties)
        outlet = QAction("Set &Outlet for Selected Articles…", self)
        outlet.triggered.connect(lambda: self.set_outlet_for_selected())  # not triggered's 'checked' as the outlet
        menu.addActions([properties, outlet])
        self.set_outlet_action = outlet
        self.documents_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.documents_view.addActions([properties, outlet])
        self.addAction(properties)

    def selected_documents(self) -> list[str]:
        """The ids of the articles selected in the Corpus list, top to bottom."""
        rows = sorted({i.row() for i in self.documents_view.selectionModel().selectedRows()})
        return [self.documents_model.row(r)["id"] for r in rows]

    def edit_article_properties(self) -> None:
        """The properties of the Corpus list's current article (the first selected one when none is current)."""
        current = self.documents_view.currentIndex()
        chosen = self.selected_documents()
        doc_id = self.documents_model.row(current.row())["id"] if current.isValid() else \
            (chosen[0] if chosen else None)
        if doc_id is None:
            self.status_label.setText("Select an article in the Corpus list to set its title, outlet, author or date")
            return
        original = self._original(doc_id)
        shown = next(d for d in self.workspace.documents() if d.id == doc_id)
        dialog = ArticlePropertiesDialog(shown, original, self._outlets(), self,
                                         self._corrections(doc_id).get(TIME_ZONE))
        if not dialog.exec():
            return
        changes = changes_from(original, dialog.values())
        if changes == self._corrections(doc_id):
            return
        self.undo_stack.push(DocumentsCommand(self.workspace, {doc_id: changes},
                                              f"Edit details of '{shown.title}'", self._articles_changed))
        self.status_label.setText(f"Details of '{shown.title}' changed (Ctrl+Z to undo)")

    def set_outlet_for_selected(self, outlet: str | None = None) -> None:
        """Give every selected article the same outlet (asked for when not given), as one undoable step."""
        chosen = self.selected_documents()
        if not chosen:
            self.status_label.setText("Select articles in the Corpus list (Ctrl+click, Shift+click) to set "
                                      "their outlet")
            return
        if outlet is None:
            outlet, ok = QInputDialog.getItem(self, "Set outlet", f"Outlet of the {len(chosen)} selected articles:",
                                              self._outlets(), 0, True)
            if not ok:
                return
        changes = {}
        for doc_id in chosen:
            wanted = {**self._corrections(doc_id), "outlet": outlet}
            changes[doc_id] = changes_from(self._original(doc_id), wanted)
        changes = {d: c for d, c in changes.items() if c != self._corrections(d)}
        if not changes:
            return
        name = outlet.strip() or "no outlet"
        self.undo_stack.push(DocumentsCommand(self.workspace, changes,
                                              f"Set outlet '{name}' for {len(changes)} article(s)",
                                              self._articles_changed))
        self.status_label.setText(f"Outlet set to {name} for {len(changes)} article(s) (Ctrl+Z to undo)")

    def corrected_details(self, doc_id: str) -> dict:
        """The title, outlet and date the analyst set on an article, for the Evidence panel's source line (the
        fact index holds the article as read); empty when nothing was set."""
        if not self._corrections(doc_id):
            return {}
        document = with_corrections([self._original(doc_id)], [self.workspace.review(document_key(doc_id))])[0]
        return {"title": document.title, "outlet": document.outlet, "published": document.published}

    def _original(self, doc_id: str) -> Document:
        return next(d for d in self.workspace.data.documents if d.id == doc_id)

    def _corrections(self, doc_id: str) -> dict:
        review = self.workspace.review(document_key(doc_id))
        return dict(review.changes) if review is not None else {}

    def _outlets(self) -> list[str]:
        """The outlets of the project's articles, for completion: the analyst picks a spelling already used."""
        return sorted({d.outlet for d in self.workspace.documents() if d.outlet}, key=str.lower)

    def _articles_changed(self) -> None:
        """Show the new details everywhere, keeping the Corpus list's selection (so the next bulk step can follow)."""
        chosen = self.selected_documents()
        # the articles' columns, and the keys of their facts dated anew; in a large project over several turns
        # of the event loop (a date regroups the counts of its article's forces), shown in the turn after the last
        if self._live is not None and self._live.fact_count() >= STEPPED_FACTS:
            self._reviews_changed_later(lambda: self._keep_chosen(chosen))
            return
        self._reviews_changed()
        self._keep_chosen(chosen)

    def _keep_chosen(self, chosen: list[str]) -> None:
        """Select the articles `chosen` in the Corpus list again (its rows were made again)."""
        model, selection = self.documents_model, self.documents_view.selectionModel()
        rows = {doc_id: r for r, doc_id in enumerate(model.frame()["id"].tolist())} if model.rowCount() else {}
        for doc_id in chosen:
            if doc_id in rows:
                selection.select(model.index(rows[doc_id], 0), selection.SelectionFlag.Select
                                 | selection.SelectionFlag.Rows)


STEPPED_FACTS = 5_000  # facts in a project from which a change of articles' details is shown over several turns
