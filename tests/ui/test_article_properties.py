"""Article details the analyst sets from the Corpus list: title, outlet, author, date in the Article properties
dialog, the outlet of many articles at once; each one undoable step, kept in the project file, a typed date
marked in the Corpus list and the matrix header."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from missiondesk.ui.article_properties import ArticlePropertiesDialog
from missiondesk.ui.main_window import MainWindow


def _rows(win):
    model = win.documents_model
    return {model.row(r)["id"]: model.row(r) for r in range(model.rowCount())}


def _select(win, rows):
    view, model = win.documents_view, win.documents_model
    view.setCurrentIndex(model.index(rows[0], 0))  # as a click: the current row, selected alone
    selection = view.selectionModel()
    for r in rows:  # then Ctrl+click the others
        selection.select(model.index(r, 0), selection.SelectionFlag.Select | selection.SelectionFlag.Rows)


def _header(win, doc_id):
    model = win.counts_model
    column = [model.document(c) for c in range(model.columnCount())].index(doc_id)
    return model.headerData(column, Qt.Orientation.Horizontal), \
        model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)


def test_article_details_are_set_undone_and_kept_in_the_project(qtbot, opened, monkeypatch, tmp_path):
    win = opened
    doc_id = next(d for d in win.frames.counts["document"])  # an article with a column in the matrix
    row = list(_rows(win)).index(doc_id)
    before = _rows(win)[doc_id]
    _select(win, [row])

    def fill(dialog):
        dialog._fields["title"].setText("Troops stay in the Sahel")
        dialog._fields["outlet"].setText("Field Desk")
        dialog._fields["published"].setText("2021-06-09")
        return True

    monkeypatch.setattr(ArticlePropertiesDialog, "exec", fill)
    win.edit_article_properties()
    shown = _rows(win)[doc_id]
    assert (shown["title"], shown["outlet"], shown["published"]) == \
        ("Troops stay in the Sahel", "Field Desk", "2021-06-09 ✎")
    text, tip = _header(win, doc_id)
    assert text == "Field Desk\n2021-06-09 ✎" and "typed by the analyst" in tip
    assert set(win.frames.documents.loc[win.frames.documents["id"] == doc_id, "outlet"]) == {"Field Desk"}
    assert next(d for d in win.workspace.data.documents if d.id == doc_id).title == before["title"]  # as read
    target = tmp_path / "details.mdproj"
    assert win.save_project_as(str(target))
    again = MainWindow(quiet=True)
    qtbot.addWidget(again)
    assert again.open_project(str(target))
    assert _rows(again)[doc_id]["published"] == "2021-06-09 ✎"
    assert _header(again, doc_id)[0] == "Field Desk\n2021-06-09 ✎"
    win.undo_stack.undo()
    shown = _rows(win)[doc_id]
    assert (shown["title"], shown["outlet"], shown["published"]) == \
        (before["title"], before["outlet"], before["published"])
    assert "✎" not in _header(win, doc_id)[0]


def test_a_date_that_is_not_one_keeps_the_dialog_open(qtbot, opened):
    win = opened
    original = win.workspace.data.documents[0]
    dialog = ArticlePropertiesDialog(original, original, ["Reuters"], win)
    qtbot.addWidget(dialog)
    dialog._fields["published"].setText("03/04/2024")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == 0 and "YYYY-MM-DD" in dialog.error.text()
    dialog._fields["published"].setText("2024-02-30")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert "not a day" in dialog.error.text()
    dialog._fields["published"].setText("2024-02-29")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == 1 and dialog.values()["published"] == "2024-02-29"


def test_the_outlet_of_the_selected_articles_is_set_in_one_step(qtbot, opened):
    win = opened
    ids = list(_rows(win))[:3]
    _select(win, [0, 1, 2])
    steps = win.undo_stack.count()
    win.set_outlet_for_selected("Field Desk")
    assert [_rows(win)[i]["outlet"] for i in ids] == ["Field Desk"] * 3
    assert win.undo_stack.count() == steps + 1
    assert win.selected_documents() == ids  # still selected, for the next step
    assert "Field Desk" in win._outlets()
    win.undo_stack.undo()
    assert all(_rows(win)[i]["outlet"] != "Field Desk" for i in ids)
    win.undo_stack.redo()
    assert [_rows(win)[i]["outlet"] for i in ids] == ["Field Desk"] * 3


def test_the_evidence_panel_names_the_source_as_corrected(qtbot, opened):
    from tests.ui.helpers import disagreement_cell

    win = opened
    index = disagreement_cell(win)
    fact = win.counts_model.facts(index.row(), index.column())[0]
    doc_id = win.counts_model.document(index.column())
    win.documents_view.selectRow(list(_rows(win)).index(doc_id))
    win.set_outlet_for_selected("Field Desk")
    win.select_fact(fact)
    assert win.evidence.source.text().startswith("Source: Field Desk · ")


def test_set_outlet_from_the_menu_asks_for_the_outlet(qtbot, opened, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    win = opened
    asked = []

    def ask(_parent, _title, label, items, _current, _editable):
        asked.append((label, items))
        return "Field Desk", True

    monkeypatch.setattr(QInputDialog, "getItem", ask)
    _select(win, [0, 1])
    win.set_outlet_action.trigger()
    assert asked and asked[0][0] == "Outlet of the 2 selected articles:" and "Field Desk" not in asked[0][1]
    assert [win.documents_model.row(r)["outlet"] for r in (0, 1)] == ["Field Desk", "Field Desk"]
