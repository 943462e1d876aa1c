"""Missions are reviewed like counts and statements: accept, reject (struck through, left out of exports and fact
sheets, restorable), edit; the review survives saving and reopening."""

from PySide6.QtCore import Qt

from missiondesk.ui.main_window import MainWindow


def _mission_rows(win):
    model = win.missions_model
    return {model.row(r)["id"]: r for r in range(model.rowCount())}


def _choose_mission(qtbot, win, row):
    win.tabs.setCurrentWidget(win.missions_view)
    index = win.missions_model.index(row, 0)
    qtbot.mouseClick(win.missions_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=win.missions_view.visualRect(index).center())


def test_a_mission_is_rejected_restored_and_edited(qtbot, opened, monkeypatch, tmp_path):
    from missiondesk.ui.edit_dialog import EditFactDialog

    win = opened
    mission = win.missions_model.row(0)
    _choose_mission(qtbot, win, 0)
    assert mission["name"] in win.evidence.title.text() and win.evidence.reject.isEnabled()
    qtbot.mouseClick(win.evidence.reject, Qt.MouseButton.LeftButton)
    row = _mission_rows(win)[mission["id"]]  # still listed, struck through
    assert win.missions_model.row(row)["status"] == "rejected"
    assert win.missions_model.data(win.missions_model.index(row, 0), Qt.ItemDataRole.FontRole).strikeOut()
    assert mission["id"] not in set(win.frames.missions["id"])  # exports and fact sheets leave it out
    assert mission["id"] not in set(win.workspace.frames().missions["id"])
    assert win.evidence.clear.text() == "Restore"
    qtbot.mouseClick(win.evidence.clear, Qt.MouseButton.LeftButton)
    assert mission["id"] in set(win.frames.missions["id"])

    def rename(dialog):
        dialog._fields["name"].setText("Resolute Support (NATO)")
        dialog._reason.setText("the name NATO uses")
        return True

    monkeypatch.setattr(EditFactDialog, "exec", rename)
    win.edit_current()
    row = _mission_rows(win)[mission["id"]]
    assert win.missions_model.row(row)["name"] == "Resolute Support (NATO)"
    assert win.missions_model.row(row)["status"] == "edited"
    assert win.history.rows_shown()[0][2] == "edited" and win.history.rows_shown()[0][6] == "the name NATO uses"
    target = tmp_path / "missions.mdproj"
    assert win.save_project_as(str(target))
    again = MainWindow(quiet=True)
    qtbot.addWidget(again)
    assert again.open_project(str(target))
    names = set(again.frames.missions["name"])
    assert "Resolute Support (NATO)" in names and mission["name"] not in names
    qtbot.keyClick(win.missions_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert win.missions_model.row(_mission_rows(win)[mission["id"]])["name"] == mission["name"]


def test_two_missions_are_merged_and_the_merge_undone(qtbot, opened):
    from PySide6.QtCore import QItemSelectionModel

    win = opened
    rows = _mission_rows(win)
    target, source = "resolute-support", "kfor"
    extraction = win.workspace.extraction()
    articles = {m.id: {x.document for x in m.mentions} for m in extraction.missions}
    mentions = {m.id: len(m.mentions) for m in extraction.missions}
    moved = {c.id for c in extraction.troop_counts if c.mission == source}
    assert moved  # the seeds give KFOR's troop counts
    flags = QItemSelectionModel.SelectionFlag
    selection = win.missions_view.selectionModel()
    selection.select(win.missions_model.index(rows[source], 0), flags.Select | flags.Rows)
    selection.setCurrentIndex(win.missions_model.index(rows[target], 0), flags.Select | flags.Rows)
    win.merge_missions()
    rows = _mission_rows(win)
    merged = win.missions_model.row(rows[target])
    assert merged["mentions"] == mentions[target] + mentions[source]
    assert merged["documents"] == len(articles[target] | articles[source])
    assert win.missions_model.row(rows[source])["status"] == "merged"  # still listed, struck through
    assert win.missions_model.data(win.missions_model.index(rows[source], 0), Qt.ItemDataRole.FontRole).strikeOut()
    frames = win.workspace.frames()
    assert source not in set(frames.missions["id"])
    assert set(frames.counts.loc[frames.counts["id"].isin(moved), "mission"]) == {target}
    assert set(win.frames.counts.loc[win.frames.counts["id"].isin(moved), "mission"]) == {target}
    assert win.history.rows_shown()[0][2] == "merged"
    win.undo_stack.undo()  # the whole merge is one step
    frames = win.workspace.frames()
    assert source in set(frames.missions["id"])
    assert set(frames.counts.loc[frames.counts["id"].isin(moved), "mission"]) == {source}
