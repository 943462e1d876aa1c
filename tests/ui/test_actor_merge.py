"""Actors merged and renamed in the window (Positions tab): one undoable step each, shown wherever the registry is
used (Positions, Side by side, fact sheets, exports, History), kept in the project file and applied again after
the articles are extracted again."""

import sqlite3

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QInputDialog

from missiondesk.ui.main_window import MainWindow

SOURCE, TARGET = "diplomats", "European diplomat"  # two actors of the seeds, in two rows of Positions


def _rows(win) -> dict[str, list[int]]:
    """Each actor of the Positions tab -> its rows (an actor has a row per topic)."""
    model = win.positions_model
    out: dict[str, list[int]] = {}
    for row in range(model.rowCount()):
        out.setdefault(model.key(row).split("|")[1], []).append(row)
    return out


def _actor_of(frames, statement_ids) -> set[str]:
    statements = frames.statements
    return set(statements.loc[statements["id"].isin(statement_ids), "actor"])


def _select(qtbot, win, *names):
    """Click the first actor's row header, Ctrl+click the others' (the last one clicked is current)."""
    win.tabs.setCurrentWidget(win.positions_view)
    header = win.positions_view.verticalHeader()
    for n, name in enumerate(names):
        row = _rows(win)[name][0]
        pos = header.rect().topLeft()
        pos.setY(header.sectionViewportPosition(row) + header.sectionSize(row) // 2)
        pos.setX(header.width() // 2)
        modifier = Qt.KeyboardModifier.ControlModifier if n else Qt.KeyboardModifier.NoModifier
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, modifier, pos)


def _statements_of(win, name) -> set[str]:
    statements = win.frames.statements
    return set(statements.loc[statements["actor"] == name, "id"])


def test_two_actors_are_merged_undone_and_redone(qtbot, opened):
    win = opened
    moved = _statements_of(win, SOURCE)
    kept = _statements_of(win, TARGET)
    assert moved and kept
    _select(qtbot, win, SOURCE, TARGET)
    assert [a["name"] for a in win.selected_actors()] == [TARGET, SOURCE]  # the current row's actor is kept
    qtbot.keyClick(win.positions_view, Qt.Key.Key_M,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not win.deferred_pending())  # shown a turn later
    rows = _rows(win)
    assert SOURCE not in rows and TARGET in rows
    assert _actor_of(win.frames, moved) == {TARGET}  # exports read these frames
    assert _actor_of(win.workspace.frames(), moved) == {TARGET}  # the fact sheet from the window reads these
    assert set(win.frames.statements.loc[win.frames.statements["id"].isin(moved | kept), "actor_id"]) == \
        {"source:european-diplomat"}
    facts = {i for row in rows[TARGET] for i in win.positions_model.row_facts(row)}
    assert moved | kept <= facts
    history = win.history.rows_shown()[0]
    assert history[2:6] == ["merged", f"actor {SOURCE}", "unreviewed", f"merged into {TARGET}"]
    # the merged actor is shown: one of its statements selected, the Evidence panel naming it as Positions does
    assert win.current_fact in moved | kept and TARGET in win.evidence.title.text()
    first_moved = sorted(moved)[0]
    win.select_fact(first_moved)
    assert f"<b>{TARGET}</b> · “{SOURCE}” in this article" in win.evidence.title.text()
    assert win.workspace.dirty

    qtbot.keyClick(win.positions_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not win.deferred_pending())  # shown a turn later
    assert SOURCE in _rows(win) and _actor_of(win.frames, moved) == {SOURCE}
    assert win.current_fact in moved  # the actor given back is shown
    assert "in this article" not in win.evidence.title.text()
    assert win.history.rows_shown()[0][2] == "undo"
    win.redo_action.trigger()
    qtbot.waitUntil(lambda: not win.deferred_pending())  # shown a turn later
    assert SOURCE not in _rows(win) and _actor_of(win.frames, moved) == {TARGET}


def test_side_by_side_shows_the_merged_actor(qtbot, opened):
    win = opened
    moved = _statements_of(win, SOURCE)
    documents = set(win.frames.statements.loc[win.frames.statements["id"].isin(moved), "document"])
    documents |= set(win.frames.statements.loc[win.frames.statements["actor"] == TARGET, "document"])
    _select(qtbot, win, SOURCE, TARGET)
    win.merge_actors()
    qtbot.waitUntil(lambda: not win.deferred_pending())  # shown a turn later
    selection = win.documents_view.selectionModel()
    for row in range(win.documents_model.rowCount()):
        if win.documents_model.row(row)["id"] in documents or row < 2:
            selection.select(win.documents_model.index(row, 0),
                             QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    model = win.side_model
    actors = {model.label(row).split(" — ")[0] for row in range(model.rowCount())}
    assert TARGET in actors and SOURCE not in actors
    win.undo_stack.undo()  # and Side by side follows the undo
    qtbot.waitUntil(lambda: not win.deferred_pending())  # shown a turn later
    actors = {model.label(row).split(" — ")[0] for row in range(model.rowCount())}
    assert TARGET in actors and SOURCE in actors


def test_an_actor_is_renamed_from_the_menu_and_the_name_kept_in_the_project(qtbot, opened, monkeypatch,
                                                                             tmp_path):
    from missiondesk.cli import main
    from missiondesk.report.facts_csv import write_facts_csv
    from missiondesk.ui.export_dialog import FactSheetDialog, export_factsheet
    from tests.report.helpers import read_sheet

    win = opened
    name = "Jens Stoltenberg"
    said = _statements_of(win, name)
    _select(qtbot, win, name)
    asked = []

    def answer(parent, title, label, **kwargs):
        asked.append(kwargs.get("text"))
        return "NATO Secretary General Jens Stoltenberg", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    win.quiet = False  # the dialog is asked (answered above)
    win.rename_actor_action.trigger()
    qtbot.waitUntil(lambda: not win.deferred_pending())  # shown a turn later
    win.quiet = True
    new = "NATO Secretary General Jens Stoltenberg"
    assert asked == [name]  # the dialog starts from the name shown
    assert new in _rows(win) and name not in _rows(win)
    assert _actor_of(win.frames, said) == {new}
    assert win.history.rows_shown()[0][2:6] == ["renamed", f"actor {name}", "unreviewed", f"renamed to {new}"]

    # the exports and the actor fact sheet made from the window
    csv_path = tmp_path / "facts.csv"
    write_facts_csv(csv_path, win.frames)
    assert new in csv_path.read_text(encoding="utf-8")
    dialog = FactSheetDialog(win)
    qtbot.addWidget(dialog)
    actors = [dialog.actor.itemText(i) for i in range(dialog.actor.count())]
    assert new in actors and name not in actors
    with qtbot.waitSignal(win.loading_finished, timeout=300_000):
        export_factsheet(win, tmp_path / "actor.pdf", "actor", None, new, "UNCLASSIFIED", False)
    assert new in read_sheet(tmp_path / "actor.pdf").flat

    target = tmp_path / "renamed.mdproj"
    assert win.save_project_as(str(target))
    again = MainWindow(quiet=True)
    qtbot.addWidget(again)
    assert again.open_project(str(target))
    again.tabs.setCurrentWidget(again.positions_view)
    assert new in _rows(again) and _actor_of(again.frames, said) == {new}
    assert main(["audit", str(target)]) == 0  # `missiondesk audit` says it in names too
    # the fact sheet from the command line, on the saved project, knows the actor by the new name
    assert main(["factsheet", str(target), "--actor", new, "-o", str(tmp_path / "cli.pdf")]) == 0


def test_the_audit_command_names_a_renamed_actor(qtbot, opened, tmp_path, capsys):
    from missiondesk.cli import main

    win = opened
    _select(qtbot, win, "United States")
    win.rename_actor("US government")
    qtbot.waitUntil(lambda: not win.deferred_pending())  # shown a turn later
    target = tmp_path / "audit.mdproj"
    assert win.save_project_as(str(target))
    capsys.readouterr()
    assert main(["audit", str(target)]) == 0
    printed = capsys.readouterr().out
    assert "renamed · actor United States · unreviewed → renamed to US government" in printed


def test_a_merge_is_applied_again_after_the_articles_are_extracted_again(qtbot, opened, tmp_path):
    win = opened
    moved = _statements_of(win, SOURCE)
    _select(qtbot, win, SOURCE, TARGET)
    win.merge_actors()
    qtbot.waitUntil(lambda: not win.deferred_pending())  # shown a turn later
    _select(qtbot, win, "United States")
    win.rename_actor("US government")
    qtbot.waitUntil(lambda: not win.deferred_pending())  # shown a turn later
    target = tmp_path / "stale.mdproj"
    assert win.save_project_as(str(target))
    db = sqlite3.connect(target)
    db.execute("UPDATE facts SET version = 'an older extractor'")  # every article out of date
    db.commit()
    db.close()
    again = MainWindow(quiet=True)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.loading_finished, timeout=300_000):
        assert again.open_project(str(target))
    assert not again.workspace.stale()  # extracted again
    again.tabs.setCurrentWidget(again.positions_view)
    rows = _rows(again)
    assert SOURCE not in rows and TARGET in rows and "US government" in rows and "United States" not in rows
    assert _actor_of(again.frames, moved) == {TARGET}


def test_merging_needs_two_actors_and_says_so(qtbot, opened):
    win = opened
    _select(qtbot, win, TARGET)
    steps = win.undo_stack.count()
    win.merge_actors()
    qtbot.waitUntil(lambda: not win.deferred_pending())  # shown a turn later
    assert win.undo_stack.count() == steps
    assert "two or more actors" in win.status_label.text()


def test_two_wordings_of_one_registry_actor_become_one_row(qtbot, opened):
    """'US officials' and 'senior US official' are one actor of the registry shown in two rows: merging them
    gives that actor the name kept."""
    win = opened
    _select(qtbot, win, "senior US official", "US officials")
    win.merge_actors()
    qtbot.waitUntil(lambda: not win.deferred_pending())  # shown a turn later
    rows = _rows(win)
    assert "senior US official" not in rows and "US officials" in rows
    assert win.history.rows_shown()[0][2] == "renamed"


def test_the_context_menu_offers_merge_and_rename(qtbot, opened):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    win = opened
    _select(qtbot, win, SOURCE, TARGET)
    shown = []

    def choose_merge():
        menu = QApplication.activePopupWidget()
        shown.append([(a.text(), a.isEnabled()) for a in menu.actions()])
        menu.actions()[0].trigger()
        menu.close()

    QTimer.singleShot(50, choose_merge)
    view = win.positions_view
    view.customContextMenuRequested.emit(view.visualRect(view.currentIndex()).center())
    assert shown == [[("Merge 2 Actors", True), (f"Rename '{TARGET}'…", True)]]
    qtbot.waitUntil(lambda: not win.deferred_pending())  # shown a turn later
    assert SOURCE not in _rows(win)


def test_the_analyst_picks_the_name_the_merged_actors_keep(qtbot, opened, monkeypatch):
    win = opened
    _select(qtbot, win, SOURCE, TARGET)
    offered = []

    def pick(parent, title, label, items, current, editable):
        offered.append((list(items), current))
        return SOURCE, True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    win.quiet = False
    win.merge_actors_action.trigger()
    qtbot.waitUntil(lambda: not win.deferred_pending())  # shown a turn later
    win.quiet = True
    assert offered == [([TARGET, SOURCE], 0)]  # the current row's actor offered first
    rows = _rows(win)
    assert SOURCE in rows and TARGET not in rows


def test_a_cancelled_or_empty_rename_changes_nothing(qtbot, opened, monkeypatch):
    win = opened
    _select(qtbot, win, TARGET)
    steps = win.undo_stack.count()
    win.quiet = False
    for answer in (("Anything", False), ("   ", True), (TARGET, True)):
        monkeypatch.setattr(QInputDialog, "getText", lambda *args, answer=answer, **kwargs: answer)
        win.rename_actor()
        qtbot.waitUntil(lambda: not win.deferred_pending())  # shown a turn later
    win.quiet = True
    assert win.undo_stack.count() == steps and TARGET in _rows(win)
