"""A review changes the matrices' rows in place: no reset (the analyst keeps the place they read at), and the
tables after any run of reviews are what opening the project afresh shows."""

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from missiondesk.facts import live_comparison
from missiondesk.facts.mission_reviews import mission_key
from missiondesk.store.document_reviews import document_key
from missiondesk.ui import article_properties
from missiondesk.ui.commands import DocumentsCommand, ReviewCommand
from tests.ui.helpers import disagreement_cell


def shown(model) -> list[tuple]:
    """Every row as the analyst reads it: its label (with the ⚠ mark), each cell's text and facts, statuses."""
    rows = []
    for row in range(model.rowCount()):
        cells = tuple((model.document(c), model.data(model.index(row, c)), tuple(model.facts(row, c)),
                       bool(model.data(model.index(row, c), Qt.ItemDataRole.FontRole)))
                      for c in range(model.columnCount()) if model.facts(row, c))
        rows.append((model.key(row), model.headerData(row, Qt.Orientation.Vertical), cells))
    return rows


def test_reviews_update_the_matrices_as_a_fresh_refresh_shows_them(qtbot, opened):
    win = opened
    win.tabs.setCurrentWidget(win.positions_view)  # Positions compared, so the reviews update it too
    resets = []
    for model in (win.counts_model, win.positions_model):
        model.modelReset.connect(lambda m=model: resets.append(m))
    cell = disagreement_cell(win)
    ids = win.counts_model.row_facts(cell.row())
    win.select_fact(ids[0])
    win.review_current("accepted")
    win.select_fact(ids[1])
    win.review_current("rejected")
    win.select_fact(ids[0])
    win.review_current("edited", {"whose": "Mongolia", "value": 777})  # a force no other count names: a new row
    statement = win.frames.statements["id"].iat[0]
    win.select_fact(statement)
    win.review_current("edited", {"actor": "Mark Rutte", "topic": "budget"})
    doc = win.workspace.data.documents[0].id
    win.undo_stack.push(DocumentsCommand(win.workspace, {doc: {"outlet": "Field Desk"}}, "Set outlet",
                                         win._articles_changed))
    win.undo_stack.undo()
    win.undo_stack.redo()
    last = win.counts_model.document(win.counts_model.columnCount() - 1)
    win.undo_stack.push(DocumentsCommand(win.workspace, {last: {"published": "2001-01-01"}}, "Set date",
                                         win._articles_changed))  # the newest article's column moves left
    columns = [win.counts_model.document(c) for c in range(win.counts_model.columnCount())]
    assert columns[-1] != last and columns == list(win.counts_shown.documents["id"])
    moved = win.frames.counts.loc[win.frames.counts["document"] == last, "id"].tolist()
    assert moved  # a cell of the moved column changes: it is written where the column now stands
    win.select_fact(moved[0])
    win.review_current("edited", {"value": 4242})
    missions = win.missions_model.frame()["id"].tolist()
    win.undo_stack.push(ReviewCommand(win.workspace, mission_key(missions[1]), "merged", {"into": missions[0]},
                                      "Merge", win._reviews_changed))
    assert resets == []
    assert any(label.startswith("Mongolia") or "Mongolia" in label for _, label, _ in shown(win.counts_model))
    _assert_as_a_fresh_refresh(win)


def test_a_review_keeps_the_matrix_scrolled_where_it_was(qtbot, opened):
    win = opened
    view = win.counts_view
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    place = view.verticalScrollBar().value()
    win.workspace.set_review(document_key(win.workspace.data.documents[1].id), "edited", {"title": "Retitled"})
    win._articles_changed()
    assert view.verticalScrollBar().value() == place


def _actor_rows(win) -> dict[str, int]:
    model = win.positions_model
    rows: dict[str, int] = {}
    for row in range(model.rowCount()):
        rows.setdefault(model.key(row).split("|")[1], row)
    return rows


def _choices(win) -> list[str]:
    combo = win.filter_bar.choosers["actor"]
    return [combo.itemText(i) for i in range(combo.count())]


def test_actor_merges_and_renames_update_positions_as_a_fresh_refresh_shows_them(qtbot, opened):
    win = opened
    win.tabs.setCurrentWidget(win.positions_view)
    resets = []
    for model in (win.counts_model, win.positions_model):
        model.modelReset.connect(lambda m=model: resets.append(m))
    view, model = win.positions_view, win.positions_model
    rows = _actor_rows(win)
    source, target = "diplomats", "European diplomat"  # two actors of the seeds
    view.selectionModel().select(model.index(rows[source], 0), QItemSelectionModel.SelectionFlag.Select)
    view.selectionModel().setCurrentIndex(model.index(rows[target], 0), QItemSelectionModel.SelectionFlag.Select)
    win.merge_actors(target)
    qtbot.waitUntil(lambda: not win.deferred_pending())  # shown a turn later
    assert source not in _actor_rows(win)
    win.undo_stack.undo()
    qtbot.waitUntil(lambda: not win.deferred_pending())  # shown a turn later
    assert source in _actor_rows(win)
    win.undo_stack.redo()
    qtbot.waitUntil(lambda: not win.deferred_pending())  # shown a turn later
    view.selectionModel().clear()
    view.selectionModel().setCurrentIndex(model.index(_actor_rows(win)[target], 0),
                                          QItemSelectionModel.SelectionFlag.Select)
    win.rename_actor("EU envoys")
    qtbot.waitUntil(lambda: not win.deferred_pending())  # shown a turn later
    assert "EU envoys" in _actor_rows(win) and target not in _actor_rows(win)
    assert any(text.startswith("EU envoys") for text in _choices(win))  # the actor filter offers the new name
    assert resets == []  # rows changed in place: the analyst keeps their place
    win.show_status()  # the corpus in numbers, where the rename's own message stood
    after = (shown(win.counts_model), shown(win.positions_model), win.status_label.text(), _choices(win),
             win.frames.statements.to_dict("records"))
    win.refresh()
    win.show_positions()
    assert (shown(win.counts_model), shown(win.positions_model), win.status_label.text(), _choices(win),
            win.frames.statements.to_dict("records")) == after


def test_an_actor_step_spreads_over_turns_then_the_window_is_a_fresh_refresh(qtbot, opened, monkeypatch):
    """An actor step's comparisons are updated over several turns of the event loop, shown in the turn after,
    and the actor filter's names a turn or two later still; once that work has run the window is what a fresh
    refresh shows, after a merge, its undo and redo run before it was shown, and a rename."""
    monkeypatch.setattr(live_comparison, "_STEP_ROWS", 0)  # steps even for the few statements of the seeds
    win = opened
    win.tabs.setCurrentWidget(win.positions_view)
    view, model = win.positions_view, win.positions_model
    rows = _actor_rows(win)
    source, target = "diplomats", "European diplomat"
    view.selectionModel().select(model.index(rows[source], 0), QItemSelectionModel.SelectionFlag.Select)
    view.selectionModel().setCurrentIndex(model.index(rows[target], 0), QItemSelectionModel.SelectionFlag.Select)
    before = _choices(win)
    win.merge_actors(target)
    assert win.deferred_pending() and source in _actor_rows(win)  # compared; shown in the next turn
    turns = 0
    while source in _actor_rows(win):
        QApplication.processEvents()  # one turn of the event loop
        turns += 1
    assert turns >= 2 and win.deferred_pending()  # the update in steps, then shown
    assert _choices(win) == before  # the names a turn later still
    qtbot.waitUntil(lambda: not win.deferred_pending())
    assert _choices(win) != before  # the merged actors' names as one
    win.undo_stack.undo()
    win.undo_stack.redo()  # two steps before the deferred work runs: the first is shown before the second
    qtbot.waitUntil(lambda: not win.deferred_pending())
    view.selectionModel().clear()
    view.selectionModel().setCurrentIndex(model.index(_actor_rows(win)[target], 0),
                                          QItemSelectionModel.SelectionFlag.Select)
    win.rename_actor("EU envoys")
    assert win.status_label.text().startswith("Renamed")
    qtbot.waitUntil(lambda: not win.deferred_pending())
    assert win.status_label.text().startswith("Renamed")  # the step's message stays when its rows are shown
    win.show_status()
    after = (shown(win.counts_model), shown(win.positions_model), win.status_label.text(), _choices(win),
             win.frames.statements.to_dict("records"))
    win.refresh()
    win.show_positions()
    assert not win.deferred_pending()
    assert (shown(win.counts_model), shown(win.positions_model), win.status_label.text(), _choices(win),
            win.frames.statements.to_dict("records")) == after


def test_articles_dated_anew_in_a_large_project_are_shown_over_turns_as_a_fresh_refresh_shows_them(
        qtbot, opened, monkeypatch):
    """In a large project a change of articles' details is compared over several turns of the event loop and
    shown in the turn after (the seeds are made to count as large); a step taken before that is shown finishes
    it first, and once the work has run the window is what a fresh refresh shows."""
    monkeypatch.setattr(article_properties, "STEPPED_FACTS", 0)
    monkeypatch.setattr(live_comparison, "_STEP_ROWS", 0)
    win = opened
    win.tabs.setCurrentWidget(win.positions_view)  # Positions compared, so the articles update it too
    resets = []
    for model in (win.counts_model, win.positions_model):
        model.modelReset.connect(lambda m=model: resets.append(m))
    doc = win.workspace.data.documents[0].id
    win.undo_stack.push(DocumentsCommand(win.workspace, {doc: {"outlet": "Field Desk"}}, "Set outlet",
                                         win._articles_changed))
    assert win.deferred_pending()
    win.undo_stack.undo()  # before the outlet was shown: it is shown first
    win.undo_stack.redo()
    qtbot.waitUntil(lambda: not win.deferred_pending())
    last = win.counts_model.document(win.counts_model.columnCount() - 1)
    win.undo_stack.push(DocumentsCommand(win.workspace, {last: {"published": "2001-01-01"}}, "Set date",
                                         win._articles_changed))  # the newest article's column moves left
    turns = 0
    while win.counts_model.document(win.counts_model.columnCount() - 1) == last:
        QApplication.processEvents()  # one turn of the event loop
        turns += 1
    assert turns >= 2  # compared in steps, then shown
    qtbot.waitUntil(lambda: not win.deferred_pending())
    columns = [win.counts_model.document(c) for c in range(win.counts_model.columnCount())]
    assert columns == list(win.counts_shown.documents["id"])
    moved = win.frames.counts.loc[win.frames.counts["document"] == last, "id"].tolist()
    win.undo_stack.undo()
    win.undo_stack.redo()
    win.select_fact(moved[0])  # the redo is shown before the fact is selected
    win.review_current("edited", {"value": 4242})
    qtbot.waitUntil(lambda: not win.deferred_pending())
    assert resets == []
    _assert_as_a_fresh_refresh(win)


def test_a_search_typed_while_an_actor_step_is_in_steps_sees_the_step_done(qtbot, opened, monkeypatch):
    """A search, a filter or an export reads the tables: an update still being made in steps is finished first,
    so what they read is never half a merge."""
    monkeypatch.setattr(live_comparison, "_STEP_ROWS", 0)
    win = opened
    win.tabs.setCurrentWidget(win.positions_view)
    view, model = win.positions_view, win.positions_model
    rows = _actor_rows(win)
    view.selectionModel().select(model.index(rows["diplomats"], 0), QItemSelectionModel.SelectionFlag.Select)
    view.selectionModel().setCurrentIndex(model.index(rows["European diplomat"], 0),
                                          QItemSelectionModel.SelectionFlag.Select)
    win.merge_actors("European diplomat")
    assert win.deferred_pending() and "diplomats" in _actor_rows(win)
    win.search.setText("diplomat")  # typed before the event loop ran the update's steps
    assert "diplomats" not in _actor_rows(win) and "European diplomat" in _actor_rows(win)


def _assert_as_a_fresh_refresh(win) -> None:
    """The window shows what a refresh from scratch shows: both matrices, the status, missions and articles."""
    def state():
        return (shown(win.counts_model), shown(win.positions_model), win.status_label.text(),
                win.missions_model.frame().to_dict("records"), win.documents_model.frame().to_dict("records"))

    after = state()
    win.refresh()
    win.show_positions()
    assert state() == after
