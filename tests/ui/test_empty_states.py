"""Empty tables that teach: an empty project says how to add articles, Side by side how to choose them, a search
that matches nothing says so (and one that matches says how many facts)."""

from PySide6.QtCore import QItemSelectionModel

from missiondesk.ui.comparison_views import EMPTY_PROJECT, SIDE_BY_SIDE_HOWTO


def test_an_empty_project_says_how_to_add_articles(qtbot, window):
    win = window
    assert EMPTY_PROJECT == "Drop articles here, or File > Add Files"
    for view in (win.documents_view, win.counts_view, win.side_view, win.missions_view):
        assert view.empty_text == EMPTY_PROJECT
    view = win.documents_view
    view.resize(360, 400)
    with_text = view.grab().toImage()
    view.set_empty_text("")
    assert view.grab().toImage() != with_text  # the words are painted, not only stored


def _choose(win, rows):
    view, model = win.documents_view, win.documents_model
    view.clearSelection()
    for r in rows:
        view.selectionModel().select(model.index(r, 0), QItemSelectionModel.SelectionFlag.Select
                                     | QItemSelectionModel.SelectionFlag.Rows)


def test_side_by_side_says_how_to_choose_articles(qtbot, opened):
    win = opened
    assert win.documents_view.empty_text == ""
    assert win.side_view.empty_text == SIDE_BY_SIDE_HOWTO and win.side_model.columnCount() == 0
    _choose(win, [0])
    assert win.side_view.empty_text == SIDE_BY_SIDE_HOWTO
    _choose(win, [0, 1])
    assert win.side_model.columnCount() == 2 and win.side_view.empty_text != SIDE_BY_SIDE_HOWTO


def test_a_search_says_how_many_facts_match_or_that_none_do(qtbot, opened):
    win = opened
    win.search.setText("zzzqqq")
    assert win.counts_model.rowCount() == 0
    assert win.counts_view.empty_text == "No facts match “zzzqqq”"
    assert win.status_label.text() == "No facts match “zzzqqq”"
    win.search.setText("nato")
    n = win.counts_model.facts_shown()
    assert n > 0 and win.status_label.text() == f"{n} facts match “nato”"
    assert n == sum(len(win.counts_model.facts(r, c)) for r in range(win.counts_model.rowCount())
                    for c in range(win.counts_model.columnCount()))
    win.search.clear()
    assert win.status_label.text().endswith("disagreement(s)")


def test_one_matching_fact_is_said_in_the_singular(qtbot, opened):
    win = opened
    model = win.counts_model
    singles = [model.facts(r, c)[0] for r in range(model.rowCount()) for c in range(model.columnCount())
               if len(model.facts(r, c)) == 1]
    for fact in singles:  # a fact's own sentence, as the analyst would paste it, until one matches it alone
        words = " ".join(win.facts.get(fact)["sentence"].split()[:8])
        win.search.setText(words)
        if model.facts_shown() == 1:
            break
    assert model.facts_shown() == 1 and win.status_label.text() == f"1 fact matches “{words}”"
