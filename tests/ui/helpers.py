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
