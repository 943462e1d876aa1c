"""The window as an analyst drives it: load the seeds, find the disagreement, check its sentence, reject a fact,
undo, save, reopen and find the review; drop files; cancel; filter and search."""

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from missiondesk.ui.main_window import MainWindow
from tests.ui.helpers import disagreement_cell as _disagreement_cell


def test_every_tab_and_side_by_side_work_before_anything_is_loaded(qtbot, window, tmp_path):
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
    window.documents_view.selectAll()
    assert window.positions_model.rowCount() == 0 and window.side_model.rowCount() == 0
    from missiondesk.report.tables import write_comparison

    write_comparison(tmp_path / "empty.csv", window.frames, window.counts, window.positions)
    assert (tmp_path / "empty.csv").exists()


def test_loading_the_seeds_fills_every_view(qtbot, window, seeds_dir):
    with qtbot.waitSignal(window.loading_finished, timeout=120_000):
        window.load_paths([str(seeds_dir)])
    assert window.documents_model.rowCount() == 5
    assert window.counts_model.rowCount() >= 5
    assert window.positions_model.rowCount() == 0  # compared when the tab is first shown
    window.tabs.setCurrentWidget(window.positions_view)
    assert window.positions_model.rowCount() >= 10
    assert window.missions_model.rowCount() == 3
    labels = [window.counts_model.label(r) for r in range(window.counts_model.rowCount())]
    assert "NATO troops in Afghanistan, Feb 2021" in labels
    assert "1 disagreement" in window.status_label.text()
    assert not window.progress.isVisible()


def test_the_disagreement_row_leads_to_its_sentence(qtbot, opened):
    win = opened
    win.tabs.setCurrentWidget(win.counts_view)
    index = _disagreement_cell(win)
    win.counts_view.setCurrentIndex(index)
    fact = win.facts.get(win.current_fact)
    assert fact["kind"] == "count" and fact["whose"] == "NATO"
    assert win.evidence.sentence.text() == fact["sentence"]
    qtbot.mouseClick(win.evidence.show_in_article, Qt.MouseButton.LeftButton)
    assert win.tabs.currentWidget() is win.article
    assert win.article.selected_text() == fact["sentence"]
    assert win.counts_model.headerData(index.row(), Qt.Orientation.Vertical).startswith("⚠")


def test_reject_undo_save_reopen(qtbot, opened, tmp_path):
    win = opened
    index = _disagreement_cell(win)
    win.counts_view.setCurrentIndex(index)
    fact_id = win.current_fact
    value = win.facts.get(fact_id)["value"]
    qtbot.mouseClick(win.evidence.reject, Qt.MouseButton.LeftButton)
    assert win.facts.get(fact_id)["status"] == "rejected"
    assert value not in set(win.frames.counts["value"]) or \
        fact_id not in set(win.frames.counts["id"])
    assert win.workspace.dirty and win.isWindowModified()
    qtbot.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert win.facts.get(fact_id)["status"] == "unreviewed"
    assert fact_id in set(win.frames.counts["id"])
    qtbot.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert win.facts.get(fact_id)["status"] == "rejected"
    target = tmp_path / "reviewed.mdproj"
    assert win.save_project_as(str(target))
    assert not win.workspace.dirty
    again = MainWindow(quiet=True)
    qtbot.addWidget(again)
    assert again.open_project(str(target))
    assert again.facts.get(fact_id)["status"] == "rejected"
    assert fact_id not in set(again.frames.counts["id"])
    assert not again.workspace.stale()  # reopening never re-runs the pipeline


def test_accept_and_edit_are_marked_everywhere(qtbot, opened):
    win = opened
    index = _disagreement_cell(win)
    win.counts_view.setCurrentIndex(index)
    fact_id = win.current_fact
    qtbot.mouseClick(win.evidence.accept, Qt.MouseButton.LeftButton)
    assert win.facts.get(fact_id)["status"] == "accepted" and win.current_fact != fact_id  # on to the next
    win.select_fact(fact_id)
    assert win.evidence.status.text().startswith("✔")
    win.review_current("edited", {"value": 12345})
    assert win.facts.get(fact_id)["value"] == 12345 and win.facts.get(fact_id)["status"] == "edited"
    cells = win.counts.cells
    assert any("12,345" in text for text in cells["text"])
    assert win.undo_stack.count() == 2


def test_clicking_a_highlight_selects_its_fact(qtbot, opened):
    win = opened
    fact = next(f for f in win.facts.of_kind("statement") if f["actor"] == "Jens Stoltenberg")
    win.article.fact_clicked.emit(fact["id"])
    assert win.current_fact == fact["id"]
    assert "Jens Stoltenberg" in win.evidence.title.text()


def test_search_and_unreviewed_filter(qtbot, opened):
    win = opened
    all_rows = win.counts_model.rowCount()
    win.search.setText("kosovo")
    assert win.counts_model.rowCount() == 1
    win.search.setText("")
    assert win.counts_model.rowCount() == all_rows
    win.counts_view.setCurrentIndex(_disagreement_cell(win))
    for fact_id in win.counts_model.row_facts(win.counts_view.currentIndex().row()):
        win.select_fact(fact_id)
        win.review_current("accepted")
    win.unreviewed.setChecked(True)
    assert win.counts_model.rowCount() == all_rows - 1
    win.unreviewed.setChecked(False)


def test_search_words_are_gathered_once_and_only_when_needed(qtbot, opened):
    from missiondesk.ui.models import MatrixModel

    asked = []

    def search_text():
        asked.append(1)
        return opened.facts.search_texts()

    model = MatrixModel()
    model.set_comparison(opened.counts, search_text=search_text)
    assert asked == []  # showing the table gathers nothing
    model.set_filter("afghanistan")
    model.set_filter("iraq")
    assert asked == [1] and 0 < model.rowCount() < len(opened.counts.keys)
    # the words of a fact's sentence find its row, not only the label and cell text
    model.set_filter("airport")
    assert model.rowCount() >= 1


def test_sorting_by_an_articles_figures(qtbot, opened):
    model = opened.counts_model
    column = next(c for c in range(model.columnCount())
                  if sum(bool(model.facts(r, c)) for r in range(model.rowCount())) >= 2)
    model.sort(column, Qt.SortOrder.AscendingOrder)
    figures = [model.data(model.index(r, column)) for r in range(model.rowCount())]
    numbers = [int("".join(ch for ch in f.split("→")[0] if ch.isdigit())) for f in figures if f]
    assert numbers == sorted(numbers) and figures[len(numbers):] == [""] * (len(figures) - len(numbers))
    model.sort(-1, Qt.SortOrder.DescendingOrder)
    labels = [model.label(r) for r in range(model.rowCount())]
    assert labels == sorted(labels, reverse=True)


def test_side_by_side_shows_the_chosen_articles(qtbot, opened):
    win = opened
    win.documents_view.selectRow(0)
    flags = win.documents_view.selectionModel().SelectionFlag
    win.documents_view.selectionModel().select(win.documents_model.index(2, 0), flags.Select | flags.Rows)
    assert win.side_model.columnCount() == 2
    assert win.side_model.rowCount() > 0


def test_drop_files_adds_them_and_reports_bad_ones(qtbot, window, article_file, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article_file)), QUrl.fromLocalFile(str(bad))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.loading_finished, timeout=120_000):
        window.dropEvent(event)
    assert window.documents_model.rowCount() == 1
    assert [e.path for e in window.workspace.errors] == [str(bad)]
    assert "could not be read" in window.status_label.text()


def test_cancel_keeps_the_window_usable(qtbot, window, tmp_path):
    for i in range(30):
        (tmp_path / f"{i:02}.txt").write_text(f"Report {i}: about {i + 1},000 troops remain in Kosovo, officials said.")
    with qtbot.waitSignal(window.loading_finished, timeout=120_000):
        window.load_paths([str(tmp_path)])
        window.cancel_task()
    assert window.documents_model.rowCount() <= 30
    assert not window.cancel_button.isVisible()
    assert window.tabs.isEnabled()


def test_recent_projects_and_title(qtbot, opened):
    from missiondesk.ui.project_actions import recent_projects

    assert str(opened.workspace.path) in recent_projects()
    assert opened.windowTitle().startswith("work.mdproj")
    assert opened.recent_menu.actions()


def test_a_damaged_project_is_reported_and_the_work_kept(qtbot, opened, tmp_path):
    broken = tmp_path / "broken.mdproj"
    broken.write_bytes(b"this is not a database" * 10)
    before = opened.documents_model.rowCount()
    assert not opened.open_project(str(broken))
    assert "broken.mdproj" in opened.status_label.text()
    assert opened.documents_model.rowCount() == before


def test_autosave_writes_beside_the_project(qtbot, opened):
    opened.counts_view.setCurrentIndex(_disagreement_cell(opened))
    opened.review_current("accepted")
    with qtbot.waitSignal(opened.autosaved, timeout=60_000):
        target = opened.autosave()
    assert target is not None and target.exists() and target.name.endswith(".mdproj.autosave")


@pytest.mark.parametrize("attr", ["documents_model", "missions_model", "counts_model", "positions_model",
                                  "side_model"])
def test_every_model_passes_the_model_tester(qtbot, qtmodeltester, opened, attr):
    if attr == "side_model":
        opened.documents_view.selectAll()
    if attr == "positions_model":
        opened.tabs.setCurrentWidget(opened.positions_view)
    assert getattr(opened, attr).rowCount() > 0
    qtmodeltester.check(getattr(opened, attr))


def test_edit_dialog_returns_only_changes(qtbot):
    from missiondesk.ui.edit_dialog import EditFactDialog

    fact = {"kind": "count", "value": 9600, "value_to": None, "qualifier": "exact", "unit": "troops",
            "whose": "NATO", "where": "Afghanistan", "mission": "resolute-support", "period": "current"}
    dialog = EditFactDialog(fact)
    qtbot.addWidget(dialog)
    assert dialog.changes() == {}
    dialog._fields["value"].setValue(10000)
    dialog._fields["where"].setText("Iraq")
    assert dialog.changes() == {"value": 10000, "where": "Iraq"}


def test_fact_sheet_export_from_the_window(qtbot, opened, tmp_path):
    from missiondesk.ui.export_dialog import FactSheetDialog, export_factsheet

    dialog = FactSheetDialog(opened)
    qtbot.addWidget(dialog)
    assert dialog.mission.count() == 3 and dialog.actor.count() > 5
    dialog.kind.setCurrentText("Mission")
    assert dialog.mission.isEnabled() and not dialog.actor.isEnabled()
    options = dialog.options()
    assert options["kind"] == "mission" and options["mission"] and options["marking"]
    target = tmp_path / "sheet.pdf"
    with qtbot.waitSignal(opened.loading_finished, timeout=120_000):
        export_factsheet(opened, target, "corpus", None, None, "TEST MARKING", False)
    assert target.read_bytes()[:5] == b"%PDF-"
    assert "sheet.pdf" in opened.status_label.text()


def test_unsaved_untitled_work_is_offered_back(qtbot, window, seed_project, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from missiondesk.store import project
    from missiondesk.ui import project_actions

    data = project.load(seed_project)
    target = project_actions.autosave_path(None)
    project.save_as(data, target)
    window.quiet = False
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert window.recover_untitled()
    assert window.documents_model.rowCount() == 5 and window.workspace.path is None and window.workspace.dirty
    window.quiet = True
    target.unlink(missing_ok=True)
