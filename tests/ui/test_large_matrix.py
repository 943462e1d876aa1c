"""Reading a large matrix: 'Disagreements only' keeps the ⚠ rows, 'Hide empty columns' the articles that give a
figure in the rows shown; the Corpus list's title column takes the width the others leave."""

from PySide6.QtCore import Qt

from tests.ui.helpers import shown_columns


def test_disagreements_only_and_hide_empty_columns(qtbot, opened):
    win = opened
    model, view = win.counts_model, win.counts_view
    rows, columns = model.rowCount(), model.columnCount()
    disagreeing = [model.label(r) for r in range(rows) if model.disagrees(r)]
    assert 0 < len(disagreeing) < rows
    qtbot.mouseClick(win.disagreements_only, Qt.MouseButton.LeftButton)
    assert [model.label(r) for r in range(model.rowCount())] == disagreeing
    assert shown_columns(view) == list(range(columns))  # nothing hidden until asked
    qtbot.mouseClick(win.hide_empty, Qt.MouseButton.LeftButton)
    shown = shown_columns(view)
    with_figures = [c for c in range(columns) if any(model.facts(r, c) for r in range(model.rowCount()))]
    assert shown == with_figures and len(shown) < columns
    win.search.setText("no such words anywhere")  # every row filtered out: every column empty
    assert model.rowCount() == 0 and shown_columns(view) == []
    win.search.clear()
    qtbot.mouseClick(win.disagreements_only, Qt.MouseButton.LeftButton)
    assert model.rowCount() == rows
    assert shown_columns(view) == [c for c in range(columns) if any(model.facts(r, c) for r in range(rows))]
    qtbot.mouseClick(win.hide_empty, Qt.MouseButton.LeftButton)
    assert shown_columns(view) == list(range(columns))


def test_the_corpus_title_column_takes_the_free_width(qtbot, opened):
    win = opened
    view = win.documents_view
    win.docks[0].setMinimumWidth(700)  # a wide Corpus list: the room goes to the titles, not the figures
    qtbot.waitUntil(lambda: view.viewport().width() >= 650)
    header = view.horizontalHeader()
    others = sum(header.sectionSize(c) for c in range(1, header.count()))
    assert header.sectionSize(0) >= view.viewport().width() - others - 1
    assert header.sectionSize(0) > max(header.sectionSize(c) for c in range(1, header.count()))


def test_a_legend_says_what_the_marks_mean_in_their_colours(qtbot, opened):
    win = opened
    text = win.legend.text()
    assert win.legend.isVisible()
    for word, colour in (("sources disagree", win.palette_.disagree), ("accepted", win.palette_.accepted),
                         ("edited", win.palette_.edited), ("rejected", win.palette_.struck)):
        assert word in text and colour.name() in text
    assert "<s " in text  # a rejected figure is struck through, as in the tables


def test_double_click_on_a_disagreeing_row_shows_its_articles_side_by_side(qtbot, opened):
    from tests.ui.helpers import disagreement_cell

    win = opened
    model, view = win.counts_model, win.counts_view
    row = disagreement_cell(win).row()
    giving = {model.document(c) for c in range(model.columnCount()) if model.facts(row, c)}
    assert len(giving) >= 2 and "double-click" in model.headerData(row, Qt.Orientation.Vertical,
                                                                   Qt.ItemDataRole.ToolTipRole)
    header = view.verticalHeader()
    qtbot.mouseDClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_point(header, row))
    assert win.tabs.currentWidget() is win.side_view
    assert set(win.selected_documents()) == giving
    assert {win.side_model.document(c) for c in range(win.side_model.columnCount())} == giving
    assert model.key(row) in {win.side_model.key(r) for r in range(win.side_model.rowCount())}


def _section_point(header, row):
    from PySide6.QtCore import QPoint

    return QPoint(10, header.sectionViewportPosition(row) + header.sectionSize(row) // 2)


def test_the_mission_filter_keeps_one_missions_rows(qtbot, opened):
    win = opened
    model = win.counts_model
    rows = model.rowCount()
    combo = win.mission_filter
    assert combo.itemText(0) == "All missions" and combo.count() == len(win.frames.missions) + 1
    keys = win.counts_shown.keys.set_index("key")["mission"]
    mission = keys.iloc[0]
    combo.setCurrentIndex(combo.findData(mission))
    shown = [model.key(r) for r in range(model.rowCount())]
    assert shown and len(shown) < rows and all(keys[k] == mission for k in shown)
    win.tabs.setCurrentWidget(win.positions_view)  # the Positions tab filtered alike
    positions = win.positions_shown.keys.set_index("key")["mission"]
    assert all(positions[win.positions_model.key(r)] == mission for r in range(win.positions_model.rowCount()))
    win.show_rejected.setChecked(False)  # a refresh keeps the mission chosen
    assert combo.currentData() == mission and model.rowCount() == len(shown)
    combo.setCurrentIndex(0)
    assert model.rowCount() == rows


def test_a_table_emptied_by_the_filters_names_them(qtbot, opened):
    win = opened
    combo = win.mission_filter
    calm = next(m for m in win.frames.missions["id"]
                if not win.counts_shown.keys.loc[win.counts_shown.keys["mission"] == m, "disagree"].any())
    combo.setCurrentIndex(combo.findData(calm))
    win.disagreements_only.setChecked(True)
    assert win.counts_model.rowCount() == 0
    assert win.counts_view.empty_text == (f"No rows match Disagreements only and the mission {combo.currentText()}; "
                                          "loosen the filters to see every row")
