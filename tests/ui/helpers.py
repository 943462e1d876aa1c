"""What several window tests look for."""


def disagreement_cell(win):
    """The first cell with a fact on a row whose sources disagree."""
    model = win.counts_model
    for row in range(model.rowCount()):
        if model.disagrees(row):
            for column in range(model.columnCount()):
                if model.facts(row, column):
                    return model.index(row, column)
    raise AssertionError("no disagreement row")


def shown_rows(view):
    """The rows a table view shows (not hidden by a filter)."""
    return [r for r in range(view.model().rowCount()) if not view.isRowHidden(r)]


def shown_columns(view):
    """The columns a table view shows (not hidden as empty)."""
    header = view.horizontalHeader()
    return [c for c in range(view.model().columnCount()) if not header.isSectionHidden(c)]
