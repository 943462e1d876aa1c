"""Readable positions: statement cells wrap over three lines and end in '…' when the words go on; the cell's
tooltip holds each statement whole."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from missiondesk.ui.wrapped_cell import WrappedCell, wrapped_lines

LONG = ("We will stay in Afghanistan as long as the conditions are not met, and no one should doubt the resolve "
        "of the allies to finish what was started twenty years ago in Kabul and Kandahar")


def test_long_text_wraps_to_the_lines_given_and_says_it_goes_on(qtbot):
    font = QFont()
    lines = wrapped_lines(LONG, font, 160, 3)
    assert len(lines) == 3 and lines[-1].endswith("…") and not lines[0].endswith("…")
    assert LONG.startswith(" ".join(lines[:2]).replace("  ", " ")[:20])
    assert wrapped_lines("We stay.", font, 160, 3) == ["We stay."]
    assert wrapped_lines("", font, 160, 3) == []


def test_positions_cells_wrap_and_their_tooltip_holds_the_whole_statement(qtbot, opened):
    win = opened
    win.tabs.setCurrentWidget(win.positions_view)
    view, model = win.positions_view, win.positions_model
    assert isinstance(view.itemDelegate(), WrappedCell)
    assert view.verticalHeader().defaultSectionSize() >= 3 * view.fontMetrics().lineSpacing()
    cut = [(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())
           if len(model.facts(r, c)) == 1 and len(win.facts.get(model.facts(r, c)[0])["content"]) > 80]
    assert cut, "a statement longer than the cell's first words"
    r, c = cut[0]
    whole = win.facts.get(model.facts(r, c)[0])["content"]
    index = model.index(r, c)
    assert len(model.data(index)) < len(whole)
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(model.label(r)) and tip.endswith(f": {whole}")  # the row, the article, the whole words
