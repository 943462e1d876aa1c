"""The shared filters in the real window: actor, force, place, date range and review status narrow the Troop
counts and Positions matrices and the Corpus and Missions lists alike, combine with the search and the toggles,
and 'Clear filters' brings every row back."""

from PySide6.QtCore import Qt

from tests.ui.helpers import shown_columns, shown_rows


def _choose(combo, value):
    index = combo.findData(value)
    assert index > 0, f"{value} is not offered"
    combo.setCurrentIndex(index)


def test_a_force_narrows_every_tab_and_clear_brings_all_back(qtbot, opened):
    win = opened
    counts, documents = win.counts_model, win.documents_view
    rows, articles = counts.rowCount(), len(shown_rows(documents))
    whose = win.filter_bar.choosers["whose"]
    assert whose.itemText(0) == "Any force" and whose.findData("United States") > 0
    _choose(whose, "United States")
    labels = [counts.label(r) for r in range(counts.rowCount())]
    assert labels and len(labels) < rows and all(label.startswith("United States") for label in labels)
    said = f"Filtered: {counts.facts_shown()} facts in {len(labels)} rows · corpus: "
    assert win.status_label.text().startswith(said)
    giving = {counts.document(c) for r in range(counts.rowCount()) for c in range(counts.columnCount())
              if counts.facts(r, c)}
    listed = {win.documents_model.row(r)["id"] for r in shown_rows(documents)}
    assert listed == giving and len(listed) < articles  # the Corpus list keeps the articles that report them
    win.tabs.setCurrentWidget(win.positions_view)  # positions: those of the articles reporting such troops
    positions = win.positions_model
    assert 0 < positions.rowCount() < len(win.positions_shown.keys)
    shown = shown_columns(win.positions_view)  # only those articles' columns
    assert shown and {positions.document(c) for c in shown} <= giving
    assert all(any(positions.facts(r, c) for c in shown) for r in range(positions.rowCount()))
    assert win.status_label.text().startswith(f"Filtered: {positions.facts_shown()} facts in "
                                              f"{positions.rowCount()} rows")  # the table in front counted
    qtbot.mouseClick(win.filter_bar.clear_button, Qt.MouseButton.LeftButton)
    assert whose.currentIndex() == 0 and counts.rowCount() == rows
    assert not win.status_label.text().startswith("Filtered")
    assert len(shown_rows(documents)) == articles


def test_an_actor_keeps_their_positions_and_the_counts_beside_them(qtbot, opened):
    win = opened
    win.tabs.setCurrentWidget(win.positions_view)
    positions, counts = win.positions_model, win.counts_model
    actor = win.filter_bar.choosers["actor"].itemData(1)  # the most quoted
    _choose(win.filter_bar.choosers["actor"], actor)
    assert positions.rowCount() and all(positions.label(r).startswith(actor) for r in range(positions.rowCount()))
    quoting = {positions.document(c) for r in range(positions.rowCount()) for c in range(positions.columnCount())
               if positions.facts(r, c)}
    shown = shown_columns(win.counts_view)
    assert {counts.document(c) for c in shown} <= quoting
    for r in range(counts.rowCount()):
        assert any(counts.facts(r, c) for c in shown)
    missions = shown_rows(win.missions_view)
    assert 0 < len(missions) < win.missions_model.rowCount()  # the missions their articles name


def test_a_date_range_hides_the_articles_outside_it(qtbot, opened):
    win = opened
    counts, view = win.counts_model, win.counts_view
    dated = win.frames.documents.dropna(subset=["date"])
    day = dated["published"].min()
    qtbot.keyClicks(win.filter_bar.since, day)
    qtbot.keyClicks(win.filter_bar.until, day)
    shown = shown_columns(view)
    in_range = set(dated.loc[dated["published"] == day, "id"])
    assert shown and {counts.document(c) for c in shown} == in_range
    for r in range(counts.rowCount()):  # each row left holds a figure of that day
        assert any(counts.facts(r, c) for c in shown)
    assert {win.documents_model.row(r)["id"] for r in shown_rows(win.documents_view)} == in_range
    win.filter_bar.until.setText("2021-13")  # half typed or wrong: said so, and the range before still applies
    assert "not a date" in win.filter_bar.until.toolTip() or "calendar" in win.filter_bar.until.toolTip()
    assert shown_columns(view) == shown
    win.filter_bar.until.clear()
    assert len(shown_columns(view)) > len(shown)


def test_review_status_follows_the_reviews(qtbot, opened):
    from tests.ui.helpers import disagreement_cell

    win = opened
    index = disagreement_cell(win)
    fact = win.counts_model.facts(index.row(), index.column())[0]
    key = win.counts_model.key(index.row())
    _choose(win.filter_bar.status, "accepted")
    assert win.counts_model.rowCount() == 0
    assert "review status accepted" in win.counts_view.empty_text
    win.select_fact(fact)
    win.review_current("accepted")
    assert [win.counts_model.key(r) for r in range(win.counts_model.rowCount())] == [key]
    win.undo_stack.undo()
    assert win.counts_model.rowCount() == 0


def test_filters_combine_with_the_search_and_the_toggles(qtbot, opened):
    win = opened
    counts = win.counts_model
    _choose(win.filter_bar.choosers["where"], "Afghanistan")
    afghanistan = counts.rowCount()
    qtbot.mouseClick(win.disagreements_only, Qt.MouseButton.LeftButton)
    assert 0 < counts.rowCount() < afghanistan and all(counts.disagrees(r) for r in range(counts.rowCount()))
    win.search.setText("united states")
    assert counts.rowCount() == 0  # the US figures agree
    assert win.status_label.text().startswith("No facts match")
    win.search.clear()
    _choose(win.filter_bar.choosers["whose"], "United States")
    assert counts.rowCount() == 0
    assert win.counts_view.empty_text == ("No rows match Disagreements only and forces of United States and troops "
                                          "in Afghanistan; loosen the filters to see every row")
    win.clear_filters()
    assert not win.disagreements_only.isChecked() and counts.rowCount() == len(win.counts_shown.keys)


def test_side_by_side_is_narrowed_alike(qtbot, opened):
    from PySide6.QtCore import QItemSelectionModel

    win = opened
    model, side = win.documents_model, win.side_model
    us = set(win.frames.counts.loc[win.frames.counts["whose"] == "United States", "document"])
    rows = [r for r in range(model.rowCount()) if model.row(r)["id"] in us][:2]
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for r in rows:
        win.documents_view.selectionModel().select(model.index(r, 0), flags)
    everything = side.rowCount()
    assert everything > 1
    _choose(win.filter_bar.choosers["whose"], "United States")
    counts = [side.label(r) for r in range(side.rowCount()) if side.key(r).startswith("count|")]
    assert counts and side.rowCount() < everything and all(label.startswith("United States") for label in counts)
    win.search.setText("no such words anywhere")
    assert side.rowCount() == 0 and win.side_view.empty_text.startswith("No rows of these articles match forces of")
    win.clear_filters()
    assert side.rowCount() == everything
