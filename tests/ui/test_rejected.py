"""A rejected fact stays in the tables, struck through and greyed, can be hidden and restored, and a rejection
that ends a disagreement says so on the row."""

from PySide6.QtCore import Qt

from tests.ui.helpers import disagreement_cell


def _row_label(win, fact_id):
    index = win.counts_model.locate(fact_id)
    return win.counts_model.headerData(index.row(), Qt.Orientation.Vertical)


def test_a_rejected_figure_stays_struck_through_and_can_be_restored(qtbot, opened):
    win = opened
    win.counts_view.setCurrentIndex(disagreement_cell(win))
    fact_id = win.current_fact
    qtbot.mouseClick(win.evidence.reject, Qt.MouseButton.LeftButton)
    index = win.counts_model.locate(fact_id)
    assert index.isValid()  # still in the matrix
    assert win.counts_model.data(index, Qt.ItemDataRole.FontRole).strikeOut()
    assert win.counts_model.data(index, Qt.ItemDataRole.ForegroundRole).color() == win.palette_.struck
    assert _row_label(win, fact_id).lstrip("⚠ ").startswith("1 figure rejected · ")
    assert fact_id not in set(win.frames.counts["id"])  # exports and fact sheets leave it out
    win.show_rejected.setChecked(False)
    assert not win.counts_model.locate(fact_id).isValid()
    win.show_rejected.setChecked(True)
    _click(qtbot, win, win.counts_model.locate(fact_id))
    assert win.current_fact == fact_id and win.evidence.clear.text() == "Restore"
    qtbot.mouseClick(win.evidence.clear, Qt.MouseButton.LeftButton)
    assert win.facts.get(fact_id)["status"] == "unreviewed"
    assert "rejected" not in _row_label(win, fact_id)
    assert not win.counts_model.data(win.counts_model.locate(fact_id), Qt.ItemDataRole.FontRole)


def test_a_rejection_that_ends_a_disagreement_says_so(qtbot, opened):
    win = opened
    row = disagreement_cell(win).row()
    ids = win.counts_model.row_facts(row)
    assert len(ids) >= 2 and win.counts.disagreements
    for fact_id in ids[1:]:  # the analyst rejects every figure but one
        win.select_fact(fact_id)
        win.review_current("rejected")
    assert not win.counts.disagreements and "1 disagreement" not in win.status_label.text()
    label = _row_label(win, ids[0])
    assert not label.startswith("⚠") and label.startswith(f"{len(ids) - 1} figures rejected · " if len(ids) > 2
                                                           else "1 figure rejected · ")
    assert all(win.counts_model.locate(i).isValid() for i in ids)


def test_a_rejected_statement_stays_in_positions(qtbot, opened):
    win = opened
    win.tabs.setCurrentWidget(win.positions_view)
    win.go_unreviewed(1)
    fact_id = win.current_fact
    win.review_current("rejected")
    index = win.positions_model.locate(fact_id)
    assert index.isValid() and "statement rejected" in win.positions_model.headerData(
        index.row(), Qt.Orientation.Vertical)


def _click(qtbot, win, index):
    win.tabs.setCurrentWidget(win.counts_view)
    win.counts_view.scrollTo(index)
    qtbot.mouseClick(win.counts_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=win.counts_view.visualRect(index).center())


def test_a_rejection_and_its_undo_reuse_the_comparison(qtbot, opened, monkeypatch):
    from missiondesk.ui import comparison_views  # where the window compares

    win = opened
    rebuilt = []
    for name in ("compare_counts", "LiveComparison"):  # comparing the corpus, or building anew what is kept
        real = getattr(comparison_views, name)
        monkeypatch.setattr(comparison_views, name,
                            lambda *a, real=real, name=name, **k: rebuilt.append(name) or real(*a, **k))
    row = disagreement_cell(win).row()
    ids = win.counts_model.row_facts(row)
    for fact_id in ids[1:]:
        win.select_fact(fact_id)
        win.review_current("rejected")
    assert rebuilt == []  # no new frames, no new comparison: the rows the rejections touched are updated
    assert not win.counts_model.disagrees(win.counts_model.locate(ids[0]).row())
    assert "rejected · " in _row_label(win, ids[0]) and fact_id not in set(win.frames.counts["id"])
    for _ in ids[1:]:
        win.undo_stack.undo()
    assert rebuilt == [] and win.counts_model.disagrees(win.counts_model.locate(ids[0]).row())
    assert "rejected" not in _row_label(win, ids[0]) and set(ids) <= set(win.frames.counts["id"])
    assert "1 disagreement" in win.status_label.text()
