"""What the tables show, rebuilt from the workspace: the frames (rejected facts kept in the tables while "Show
rejected" is on, left out of exports), the troop-count and positions comparisons, the Corpus and Missions lists,
Side by side, and the filters."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QTimer

from missiondesk.facts import FactFrames, compare_counts, compare_statements
from missiondesk.facts.compare import Comparison
from missiondesk.facts.live_comparison import LiveComparison

EMPTY_PROJECT = "Drop articles here, or File > Add Files"
SIDE_BY_SIDE_HOWTO = ("Choose two or more articles in the Corpus list (Ctrl+click or Shift+click) to see their "
                      "troop counts and positions side by side")


class ComparisonViews:
    """Mixed into MainWindow: expects its models and views, self.workspace, self.facts and the toolbar's filters."""

    _list_texts = _list_rows = None

    def refresh(self) -> None:
        """Rebuild the frames and every view from the workspace (after loading); a review updates them instead
        (`ReviewActions.apply_update`)."""
        self._pending_update = None  # an update a step left for the next turn: this shows it all
        self.facts.rebuild(self.workspace)
        self._positions = self._counts = None  # the exports' comparisons (no rejected facts), made when asked
        self._list_texts = self._list_rows = None  # what a search finds each article by, built on the first search
        keep = self.show_rejected.isChecked()
        # the rejected facts stay in the tables while "Show rejected" is on; only the facts standing disagree
        live = self._live = LiveComparison(self.workspace, keep_rejected=keep)
        frames = live.frames
        missions_shown = live.missions_shown
        self.counts_shown = live.counts
        self._positions_shown = False
        hand_dated = self.workspace.hand_dated()  # marked in every matrix's column headers and in the exports
        for shown in (self._frames_shown, self.frames):
            if shown is not None:
                shown.documents["date_typed"] = shown.documents["id"].isin(hand_dated)
        for model in (self.counts_model, self.positions_model, self.side_model):
            model.hand_dated = hand_dated
        status = self.fact_status = self.facts.statuses()
        self.update_problems()
        self.documents_model.set_frame(self.marked_documents(frames.documents))
        self.missions_model.set_frame(missions_shown.sort_values("mentions", ascending=False))
        self.counts_model.set_comparison(self.counts_shown, fact_status=status, search_text=self.facts.search_texts)
        self._list_missions(frames.missions)
        self.update_filter_choices()
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
        """The corpus in numbers; while a search is typed, how many facts it matches."""
        if self.search.text().strip():
            self.show_matches()
            return
        articles, counts, statements = self._live.totals() if self._live is not None else (0, 0, 0)
        n_disagree = len(self.counts_shown.disagreements)  # only figures not rejected clash
        summary = (f"{articles} articles · {counts} troop counts · "
                   f"{statements} statements · {n_disagree} disagreement(s)")
        if self.filters_narrowing():  # what the filters left, in the table being read
            model = self.positions_model if self.tabs.currentWidget() is self.positions_view else self.counts_model
            summary = f"Filtered: {model.facts_shown():,} facts in {model.rowCount():,} rows · corpus: {summary}"
        self.status_label.setText(summary)

    @property
    def frames(self) -> FactFrames:
        """The facts without the rejected ones (exports, the Corpus list's numbers), made when first read after
        a review."""
        return self._live.frames if self._live is not None else self._no_frames

    @property
    def _frames_shown(self) -> FactFrames | None:
        """The facts the tables show: with the rejected ones while "Show rejected" is on (filters, timeline and
        actor merges read these)."""
        return self._live.frames_shown if self._live is not None else None

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
        """Positions as the tables show them: with rejected statements when "Show rejected" is on (compared on
        first use, then kept up to date)."""
        return self._live.positions if self._live is not None else self.positions

    def _tab_changed(self, *_args) -> None:
        if self.tabs.currentWidget() is self.positions_view:
            self.show_positions()
        if self.search.text().strip() or self.filters_narrowing():
            self.show_status()  # the count of the table now in front

    def show_positions(self) -> None:
        """Fill the Positions table (compared the first time it is needed)."""
        self.show_pending_update()  # the comparisons' update a step left for later, finished first
        if not self._positions_shown:
            self._positions_shown = True
            self.positions_model.set_comparison(self.positions_shown, fact_status=self.fact_status,
                                                search_text=self.facts.search_texts)
            self.positions_model.set_filter(self.search.text(), self.unreviewed.isChecked(),
                                            self.disagreements_only.isChecked(), self.mission_filter.currentData(),
                                            self.kept_keys(self.positions_model))
            self._hide_empty_columns(self.positions_view)
            QTimer.singleShot(0, self.positions_model.prepare_search)
            QTimer.singleShot(0, self.prepare_position_filters)

    def _documents_chosen(self) -> None:
        rows = sorted({i.row() for i in self.documents_view.selectionModel().selectedRows()})
        docs = [self.documents_model.row(r)["id"] for r in rows]
        if len(docs) < 2 and self._side_shown is None and not self.side_model.columnCount():
            self.update_empty_states()  # Side by side stays empty: no reset for a review to pay
            return
        combined = _combine(self.counts_shown, self.positions_shown) if len(docs) >= 2 else self.counts_shown
        self._side_shown = combined if len(docs) >= 2 else None
        self.side_model.set_comparison(combined, documents=docs if len(docs) >= 2 else [],
                                       fact_status=self.fact_status)
        self.filter_side()
        self.update_empty_states()

    def _filter_changed(self, *_args) -> None:
        self.show_pending_update()  # a search or filter reads the tables: an update still in steps is finished
        for model, view in ((self.counts_model, self.counts_view), (self.positions_model, self.positions_view)):
            model.set_filter(self.search.text(), self.unreviewed.isChecked(), self.disagreements_only.isChecked(),
                             self.mission_filter.currentData(), self.kept_keys(model))
            self._hide_empty_columns(view)
        self.filter_side()
        self.filter_lists()
        self.update_empty_states()
        self.show_status()

    def filter_lists(self) -> None:
        """The search filters the Corpus and Missions lists too: an article stays when its title, outlet, date or
        author, or one of its facts, holds every word; a mission when its name, lead or theater does. Rows are
        hidden in the view, so the models' rows (and the selection) stay as they are."""
        words = self.search.text().strip().lower().split()
        for view, texts in ((self.documents_view, self._article_texts), (self.missions_view, _mission_texts)):
            model = view.model()
            shown = [True] * model.rowCount() if not words else \
                [all(w in text for w in words) for text in texts(model.frame())]
            kept = self.list_kept(view)  # the shared filters (actor, whose, where, dates, review status)
            if kept is not None and len(kept) == len(shown):
                shown = [a and b for a, b in zip(shown, kept)]
            for row, visible in enumerate(shown):
                if view.isRowHidden(row) == visible:
                    view.setRowHidden(row, not visible)

    def _article_texts(self, frame: pd.DataFrame) -> list[str]:
        """Each listed article's words and its facts' (cached until the next refresh)."""
        if self._list_texts is None:
            facts = self.facts.search_texts()
            by_document: dict[str, list[str]] = {}
            for table in (self.frames.counts, self.frames.statements):
                for fact_id, document in zip(table["id"].tolist(), table["document"].tolist()):
                    by_document.setdefault(document, []).append(facts.get(fact_id, ""))
            self._list_texts = {doc: " ".join(texts) for doc, texts in by_document.items()}
        cached = self._list_rows
        if cached is None or cached[0] is not frame:  # the list's rows, joined once per frame shown
            own = _row_words(frame, ("title", "outlet", "published", "author"))
            self._list_rows = cached = (frame, [f"{words} {self._list_texts.get(doc, '')}".lower()
                                                for words, doc in zip(own, frame["id"].tolist())])
        return cached[1]

    def show_matches(self) -> None:
        """How many facts the search matches, in the table being read."""
        model = self.positions_model if self.tabs.currentWidget() is self.positions_view else self.counts_model
        n = model.facts_shown()
        words = self.search.text().strip()
        self.status_label.setText(f"{n} facts match “{words}”" if n > 1 else f"1 fact matches “{words}”" if n
                                  else f"No facts match “{words}”")

    def update_empty_states(self) -> None:
        """Each empty table says why and what to do: an empty project how to add articles, Side by side how to
        choose them, a search or a filter that matches nothing that it did."""
        if not self.workspace.data.documents:
            for view in (self.documents_view, self.missions_view, *self.matrix_views()):
                view.set_empty_text(EMPTY_PROJECT)
            return
        self.documents_view.set_empty_text("")
        self.missions_view.set_empty_text("No missions were found in these articles")
        words = self.search.text().strip()
        for view, kind in ((self.counts_view, "troop counts"), (self.positions_view, "statements")):
            if words:
                text = f"No facts match “{words}”"
            elif self.filters_narrowing():
                text = f"No rows match {' and '.join(self.filters_narrowing())}; loosen the filters to see every row"
            else:
                text = f"No {kind} were found in these articles"
            view.set_empty_text(text)
        chosen = len(self.documents_view.selectionModel().selectedRows())
        narrowing = self.filters_narrowing() + ([f"“{words}”"] if words else [])
        self.side_view.set_empty_text(SIDE_BY_SIDE_HOWTO if chosen < 2 else
                                      f"No rows of these articles match {' and '.join(narrowing)}" if narrowing
                                      else "These articles share no troop count or position")

    def _list_missions(self, missions: pd.DataFrame) -> None:
        """The mission filter's choices: every mission standing, most mentioned first; the chosen one stays chosen
        while it stands."""
        chosen = self.mission_filter.currentData()
        self.mission_filter.blockSignals(True)  # the filter is applied once, by the refresh
        self.mission_filter.clear()
        self.mission_filter.addItem("All missions", None)
        for row in missions.sort_values("mentions", ascending=False).itertuples():
            self.mission_filter.addItem(str(row.name), row.id)
        self.mission_filter.setCurrentIndex(max(0, self.mission_filter.findData(chosen)) if chosen else 0)
        self.mission_filter.blockSignals(False)

    def compare_row(self, view, row: int) -> None:
        """Double-click on a row's label: the articles that give its figures, side by side (with 2,000 articles a
        disagreeing row's figures are screens apart in the matrix)."""
        model = view.model()
        if view is self.side_view or not 0 <= row < model.rowCount():
            return
        chosen = {model.document(c) for c in range(model.columnCount()) if model.facts(row, c)}
        if len(chosen) < 2:
            self.status_label.setText("Only one article gives this row's figures; nothing to compare it with")
            return
        documents, selection = self.documents_model, QItemSelection()
        for r in range(documents.rowCount()):
            if documents.row(r)["id"] in chosen:
                selection.select(documents.index(r, 0), documents.index(r, documents.columnCount() - 1))
        self.documents_view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.tabs.setCurrentWidget(self.side_view)
        key = model.key(row)
        for r in range(self.side_model.rowCount()):
            if self.side_model.key(r) == key:
                self.side_view.scrollTo(self.side_model.index(r, 0))  # the row in view; no fact chosen for the analyst
                break

    def _hide_empty_columns(self, view) -> None:
        """With 'Hide empty columns' on, hide the articles with no figure in the rows shown (all shown when off);
        only the columns whose state changes are touched, as a header with thousands of sections is slow to
        update one by one."""
        model, header = view.model(), view.horizontalHeader()
        hidden = set(model.empty_columns().tolist()) if self.hide_empty.isChecked() else set()
        hidden |= self.columns_filtered_out(model)  # a date range, or an actor on counts: only those articles
        # every state read before any is changed: a hidden section makes the header lay its sections out again at
        # the next question, so asking and changing in turn cost a layout per change (70 ms for 2,000 articles)
        changed = [c for c in range(model.columnCount()) if header.isSectionHidden(c) != (c in hidden)]
        for column in changed:
            header.setSectionHidden(column, column in hidden)


def _row_words(frame: pd.DataFrame, columns: tuple[str, ...]) -> list[str]:
    """Each row's text in `columns`, joined (read column by column: a cell at a time took a third of a second
    for 2,000 articles, on the first key of a search)."""
    values = [frame[c].tolist() for c in columns if c in frame.columns]
    return [" ".join(v for v in row if isinstance(v, str)) for row in zip(*values)] if values else [""] * len(frame)


def _mission_texts(frame: pd.DataFrame) -> list[str]:
    return [words.lower() for words in _row_words(frame, ("name", "lead", "theater", "id"))]


def _combine(counts: Comparison, positions: Comparison) -> Comparison:
    """Counts and positions in one comparison, for Side by side."""
    if counts.keys.empty:
        return positions
    if positions.keys.empty:
        return counts
    columns = ["key", "label", "disagree", "mission"]  # the mission: for the mission filter
    keys = pd.concat([counts.keys.reindex(columns=columns), positions.keys.reindex(columns=columns)],
                     ignore_index=True)
    cells = pd.concat([counts.cells[["key", "document", "text", "ids"]],
                       positions.cells[["key", "document", "text", "ids"]]], ignore_index=True)
    return Comparison(keys, cells, counts.documents, counts.disagreements)
