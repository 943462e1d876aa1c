"""One selection for the whole window, and reviews made on it.

`current_fact` is the fact the Evidence panel shows; Accept, Reject and Edit act on it and nothing else. Every
view follows it: a click in any matrix, on a highlight in the article or in the Evidence panel's chooser
selects a fact, and the matrices move their current cell to that fact (or show none when they do not hold
it). After a review the selection moves on to the next unreviewed fact, so a corpus can be reviewed from the
keyboard: Ctrl+Return, Ctrl+Backspace, F2, N / Shift+N to go to the next / previous unreviewed fact, J / K to the
next / previous fact."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTableView

from missiondesk.facts.collection import collector_paused
from missiondesk.facts.live_comparison import Update
from missiondesk.facts.mission_reviews import MERGED, MISSION_FIELDS, mission_key
from missiondesk.facts.reviews import EDITABLE
from missiondesk.ui.commands import ReviewCommand
from missiondesk.ui.edit_dialog import EditFactDialog

REVIEWABLE = {**EDITABLE, "mission": MISSION_FIELDS}  # what a review can change, by kind of fact
_VERBS = {"accepted": "Accept", "rejected": "Reject", "edited": "Edit", None: "Clear review of"}


class ReviewActions:
    """Mixed into MainWindow: expects its views, models, self.facts, self.workspace, self.evidence, self.article,
    self.undo_stack, self.refresh() and self._show_document()."""

    _syncing = 0  # > 0 while the window moves a view's current cell itself: that move selects nothing

    def matrix_views(self) -> tuple[QTableView, ...]:
        return (self.counts_view, self.positions_view, self.side_view)

    def connect_selection(self) -> None:
        for view in self.matrix_views():
            view.selectionModel().currentChanged.connect(lambda current, _prev, v=view: self._cell_chosen(v, current))
            # a click on the cell that is already current moves nothing: it still selects that cell's fact
            view.clicked.connect(lambda index, v=view: self._cell_chosen(v, index))
            view.doubleClicked.connect(lambda _index: self.show_in_article())
            # a reset or a sort loses the current cell: put it back on the selected fact
            view.model().modelReset.connect(lambda v=view: self._sync_view(v))
            view.model().layoutChanged.connect(lambda *_args, v=view: self._sync_view(v))
        self.missions_view.selectionModel().currentChanged.connect(self._mission_chosen)
        self.article.fact_clicked.connect(self.select_fact)
        self.evidence.fact_chosen.connect(self.select_fact)

    def review_shortcuts(self, menu) -> None:
        """The review actions in `menu`, with shortcuts that work wherever the focus is in the window."""
        for text, key, slot in (("&Accept Fact", "Ctrl+Return", lambda: self.review_current("accepted")),
                                ("&Reject Fact", "Ctrl+Backspace", lambda: self.review_current("rejected")),
                                ("&Edit Fact…", "F2", self.edit_current),
                                ("&Next Unreviewed Fact", "N", lambda: self.go_unreviewed(1)),
                                ("&Previous Unreviewed Fact", "Shift+N", lambda: self.go_unreviewed(-1)),
                                ("Ne&xt Fact", "J", lambda: self.go_unreviewed(1, unreviewed_only=False)),
                                ("Previous &Fact", "K", lambda: self.go_unreviewed(-1, unreviewed_only=False)),
                                ("&Merge Missions", "Ctrl+M", self.merge_missions)):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            menu.addAction(action)
            self.addAction(action)

    # -- selecting ------------------------------------------------------------------------------------------
    def select_fact(self, fact_id: str) -> None:
        """Show a fact in the evidence panel, its sentence highlighted in the article, its cell in every matrix."""
        self.show_pending_update()  # the tables as they stand
        fact = self.facts.get(fact_id)
        if fact is None:
            return
        self.current_fact = fact_id
        if fact["kind"] == "mission":
            self.evidence.show_fact(self._mission_fact(fact))
        else:
            self.evidence.show_fact({**fact, **self.corrected_details(fact["document"]), **self.registry_actor(fact),
                                     "extracted": self._extracted(fact)}, self._cell_choices(fact_id))
        self._show_document(fact["document"])
        self.article.select_span(fact["sentence_start"], fact["sentence_end"])
        for view in self.matrix_views():
            self._sync_view(view)
        self.show_history()

    def show_history(self) -> None:
        """The History panel on the project's trail, marking the selected fact's entries."""
        fact = self.facts.get(self.current_fact) if self.current_fact else None
        key = _key(fact) if fact is not None and fact["kind"] in REVIEWABLE else None
        self.history.show_trail(self.workspace.data, key)

    def add_note(self, note: str) -> None:
        """A note on the selected fact's review (History panel)."""
        fact = self.facts.get(self.current_fact) if self.current_fact else None
        if fact is None or fact["kind"] not in REVIEWABLE:
            return
        self.workspace.add_note(_key(fact), note)
        self.update_title()
        self.show_history()

    def _sync_view(self, view: QTableView) -> None:
        index = view.model().locate(self.current_fact)
        selection = view.selectionModel()
        self._syncing += 1
        try:
            if not index.isValid():
                selection.clear()
            elif index != view.currentIndex() or not selection.isSelected(index):
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                view.scrollTo(index)
        finally:
            self._syncing -= 1

    def _cell_chosen(self, view: QTableView, index: QModelIndex) -> None:
        if self._syncing or getattr(view, "focusing", False) or not index.isValid():
            return
        ids = view.model().facts(index.row(), index.column())
        if ids and self.current_fact not in ids:
            self.select_fact(ids[0])

    def _mission_chosen(self, index: QModelIndex) -> None:
        if not index.isValid() or getattr(self.missions_view, "focusing", False):
            return
        mission = self.missions_model.row(index.row())
        mention = self.facts.first_mention(mission["id"])
        if mention is not None:
            self.select_fact(mention)

    def _mission_fact(self, mention: dict) -> dict:
        """A mission mention as the Evidence panel shows it: the mission (its review applied) and the mention."""
        frame = self.missions_model.frame()
        rows = frame[frame["id"] == mention["mission"]] if "id" in frame else frame.iloc[0:0]
        mission = rows.iloc[0].to_dict() if len(rows) else {"name": mention.get("label")}
        status = mission.get("status")
        return {**mission, **{k: v for k, v in mention.items() if k not in mission},
                "id": mention["id"], "kind": "mission", "mission": mention["mission"],
                "status": status if isinstance(status, str) else "unreviewed"}

    def _extracted(self, fact: dict) -> dict:
        """What the extraction gave for each field an edit changed (the fact dict holds the edited values)."""
        if fact.get("status") != "edited":
            return {}
        review = self.workspace.review(_key(fact))
        found = self.workspace.data.facts.get(fact["document"])
        records = (found.troop_counts if fact["kind"] == "count" else found.statements) if found else []
        record = next((r for r in records if r.id == fact["id"]), None)
        if review is None or record is None:
            return {}
        return {name: getattr(record, name, None) for name in review.changes}

    def _cell_choices(self, fact_id: str) -> list[tuple[str, str]]:
        """The facts that share the selected fact's cell, so the analyst can pick each (a cell reads '350; 45')."""
        view = self._review_view(fact_id)
        index = view.model().locate(fact_id)
        ids = view.model().facts(index.row(), index.column()) if index.isValid() else []
        if len(ids) < 2:
            return []
        out = []
        for i in ids:
            fact = self.facts.get(i)
            if fact is not None:
                mark = {"accepted": " ✔", "rejected": " ✖", "edited": " ✎"}.get(fact.get("status"), "")
                out.append((i, f"{fact.get('label', i)}{mark}"))
        return out

    def _review_view(self, fact_id: str | None = None) -> QTableView:
        """The matrix a review walks through: the one on screen, else the one that holds the fact's kind."""
        current = self.tabs.currentWidget()
        if current in self.matrix_views() and current.model().rowCount():
            return current
        fact = self.facts.get(fact_id or self.current_fact)
        if fact is not None and fact["kind"] == "statement":
            self.show_positions()
            return self.positions_view
        return self.counts_view

    def go_unreviewed(self, step: int, unreviewed_only: bool = True) -> None:
        """Select the next (1) or previous (-1) unreviewed fact of the matrix being reviewed (J and K: the next or
        previous fact, reviewed or not)."""
        self.show_pending_update()  # the tables as they stand
        found = self._review_view().model().next_unreviewed(self.current_fact, step, unreviewed_only=unreviewed_only)
        if found is None:
            self.status_label.setText("Every fact in this table is reviewed")
            return
        self.select_fact(found)

    def show_in_article(self) -> None:
        if self.current_fact:
            self.select_fact(self.current_fact)
            self.tabs.setCurrentWidget(self.article)

    # -- reviewing ------------------------------------------------------------------------------------------
    def review_current(self, status: str | None, changes: dict | None = None, note: str | None = None) -> None:
        """Accept, reject, edit (status None: clear) the fact the Evidence panel shows, as one undoable step;
        then select the next unreviewed fact (a cleared review stays where it is)."""
        self.show_pending_update()  # the tables as they stand
        fact_id = self.current_fact
        fact = self.facts.get(fact_id) if fact_id else None
        if fact is None or fact["kind"] not in REVIEWABLE:
            return
        if note is None:
            note = self.evidence.take_note()
        key = _key(fact)
        following = None
        if status is not None and fact["kind"] != "mission":
            following = self._review_view(fact_id).model().next_unreviewed(fact_id, 1, frozenset({fact_id}))
        text = f"{_VERBS[status]} {fact['kind']} '{fact['label']}'"
        self.undo_stack.push(ReviewCommand(self.workspace, key, status, changes, text, self._reviews_changed,
                                           fact_id, following, note))

    def merge_missions(self) -> None:
        """Merge the missions selected in the Missions tab into the current one (the same mission under two
        names), as one undoable step."""
        self.show_pending_update()  # the tables as they stand
        rows = sorted({index.row() for index in self.missions_view.selectionModel().selectedRows()})
        current = self.missions_view.currentIndex().row()
        if len(rows) < 2:
            self.status_label.setText("Select two or more missions (Ctrl+click) to merge them")
            return
        target = self.missions_model.row(current if current in rows else rows[0])
        others = [self.missions_model.row(r) for r in rows if self.missions_model.row(r)["id"] != target["id"]]
        note = self.evidence.take_note()
        self.undo_stack.beginMacro(f"Merge {', '.join(o['name'] for o in others)} into {target['name']}")
        for other in others:
            self.undo_stack.push(ReviewCommand(self.workspace, mission_key(other["id"]), MERGED,
                                               {"into": target["id"]}, f"Merge '{other['name']}'",
                                               self._reviews_changed, note=note))
        self.undo_stack.endMacro()
        self.status_label.setText(f"Merged {len(others)} mission(s) into {target['name']}")

    def edit_current(self) -> None:
        fact = self.facts.get(self.current_fact) if self.current_fact else None
        if fact is None or fact["kind"] not in REVIEWABLE:
            return
        if fact["kind"] == "mission":
            fact = self._mission_fact(fact)
        dialog = EditFactDialog(fact, self, REVIEWABLE[fact["kind"]])
        if dialog.exec():
            changes = dialog.changes()
            if changes:
                self.review_current("edited", changes, dialog.note() or None)

    _pending_update = None  # (update, then): a step's comparisons, updated; shown in the next turn

    def _reviews_changed(self, select: str | None = None, _scope: str = "all") -> None:
        self.show_pending_update()  # a step left for this turn is shown before the next
        self._article_stale = True
        if select is not None:
            self.current_fact = select
        if self._live is None:
            self.refresh()
        else:
            self.apply_update(self._live.update())

    def _reviews_changed_later(self, then) -> None:
        """`_reviews_changed` over several turns of the event loop, for a step that changes thousands of facts
        (an actor merged or renamed): each turn runs a step of the comparisons' update
        (`LiveComparison.update_in_steps`), the turn after the last shows it (`apply_update`) and calls
        `then()`, so no turn holds the window for all of it. The window shows the tables as they were until
        then; another step, a refresh or anything that reads the tables in between finishes it first
        (`show_pending_update`)."""
        self.show_pending_update()
        self._article_stale = True
        if self._live is None:
            self.refresh()
            then()
            return
        self._pending_update = (self._live.update_in_steps(), then, self.status_label.text())
        QTimer.singleShot(0, self, self._next_update_step)  # the step itself is this turn's work

    def _next_update_step(self) -> None:
        """One step of the pending update (this turn); the next turn the next step, or the update shown."""
        if self._pending_update is None:
            return
        steps, then, before = self._pending_update
        if isinstance(steps, Update):
            self.show_pending_update()
            return
        with collector_paused():
            try:
                next(steps)
            except StopIteration as done:
                self._pending_update = (done.value, then, before)
        QTimer.singleShot(0, self, self._next_update_step)

    def show_pending_update(self) -> None:
        """Show the update a step left for later turns of the event loop, if any, its steps finished first (a
        message the step wrote in the status bar after it stays)."""
        if self._pending_update is None:
            return
        steps, then, before = self._pending_update
        self._pending_update = None
        if isinstance(steps, Update):
            update = steps
        else:
            with collector_paused():
                try:
                    while True:
                        next(steps)
                except StopIteration as done:
                    update = done.value
        said = self.status_label.text()
        self.apply_update(update)
        then()
        if said != before:
            self.status_label.setText(said)

    def apply_update(self, update: Update) -> None:
        """Show what a review (or an undo, an article's details, a mission merged) changed, and no more: the
        comparisons were updated key by key, the matrices change those rows in place (no reset, so every view
        keeps its place), and only the facts whose status changed are repainted."""
        live = self._live
        self.facts.forget(update.facts)
        before, status = self.fact_status, self.facts.statuses()
        self.fact_status = status
        changed = {i for i in before.keys() | status.keys() if before.get(i) != status.get(i)}
        self._counts = self._positions = None  # the export comparisons, made again when asked
        self._list_texts = self._list_rows = None
        if update.documents:
            hand_dated = self.workspace.hand_dated()
            for model in (self.counts_model, self.positions_model, self.side_model):
                model.hand_dated = hand_dated
        self.counts_shown = live.counts
        self.counts_model.update_rows(self.counts_shown, update.counts, update.documents)
        if self._positions_shown:
            self.positions_model.update_rows(live.positions, update.positions, update.documents)
        for model in (self.counts_model, self.positions_model, self.side_model):
            model.update_statuses(status, changed)
        chosen = self.mission_filter.currentData()
        if update.missions:
            self.missions_model.set_frame(live.missions_shown.sort_values("mentions", ascending=False))
            self._list_missions(live.missions_standing)
        if update.documents or update.tallies:
            self.documents_model.update_frame(self.marked_documents(live.standing_documents))
        if update.counts or update.positions or update.documents:
            self._documents_chosen()
        if self.unreviewed.isChecked() or self.disagreements_only.isChecked() or self.filters_follow_reviews() or \
                (update.missions and (chosen is not None or self.mission_filter.currentData() != chosen)):
            self._filter_changed()  # a row reviewed or no longer disagreeing leaves those filters
        if self.current_fact in self.facts:
            self.select_fact(self.current_fact)
        self.show_status()
        self.update_title()
        self.refreshed.emit()


def _key(fact: dict) -> tuple[str, str, int, int]:
    """The review key of a count or statement (its article and characters), or of a mission (its id)."""
    if fact["kind"] == "mission":
        return mission_key(fact["mission"])
    return (fact["document"], fact["kind"], int(fact["start"]), int(fact["end"]))
