"""The in-window timeline: the chosen troop-count row's figures by date and source; a click on a point selects
its fact everywhere."""

from PySide6.QtCore import QPoint, Qt

from tests.ui.helpers import disagreement_cell


def test_the_timeline_follows_the_chosen_row_and_a_point_selects_its_fact(qtbot, opened):
    win = opened
    model, chart = win.counts_model, win.timeline
    assert win.timeline_dock.isVisible() and chart.title == ""
    index = disagreement_cell(win)
    win.counts_view.setCurrentIndex(index)
    row_facts = set(model.row_facts(index.row()))
    assert win.timeline_key == model.key(index.row())
    assert set(chart.points["id"]) == row_facts and len(row_facts) >= 2
    assert chart.title == model.label(index.row()) and chart.disagree
    chart.repaint()
    other = next(i for i in chart.points["id"] if i != win.current_fact)
    where = chart.point_position(other)
    assert where is not None
    with qtbot.waitSignal(chart.fact_clicked):
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=where.toPoint())
    assert win.current_fact == other and chart.selected == other
    assert other in model.facts(win.counts_view.currentIndex().row(), win.counts_view.currentIndex().column())
    assert win.evidence.sentence.text() == win.facts.get(other)["sentence"]  # its sentence, in the Evidence panel
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(where.toPoint().x(), chart.height() - 2))
    assert win.current_fact == other  # a click beside every point selects nothing new


def test_another_row_charts_its_own_figures(qtbot, opened):
    win = opened
    model = win.counts_model
    row = next(r for r in range(model.rowCount()) if not model.disagrees(r))
    column = next(c for c in range(model.columnCount()) if model.facts(row, c))
    win.counts_view.setCurrentIndex(model.index(row, column))
    assert set(win.timeline.points["id"]) == set(model.row_facts(row)) and not win.timeline.disagree
    win.timeline.repaint()
    assert {fact for fact, _centre, _tip in win.timeline._placed} == set(model.row_facts(row))
