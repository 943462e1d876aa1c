"""The toggles for reading a large matrix (issue 19's shape: 1,000 fact keys by 2,000 articles): 'Disagreements
only', 'Hide empty columns' over a real header, and a search, each timed as the window runs it."""

from __future__ import annotations

import os
import time

from tests.benchmarks.table import synthetic_comparison


def run(rows: int = 1_000, articles: int = 2_000) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QTableView

    from missiondesk.ui.models import MatrixModel

    QApplication.instance() or QApplication([])
    model = MatrixModel()
    model.set_comparison(synthetic_comparison(rows, articles))
    model.prepare_search()
    view = QTableView()
    view.setModel(model)
    header = view.horizontalHeader()

    def hide_empty() -> int:  # what ComparisonViews._hide_empty_columns does
        hidden = set(model.empty_columns().tolist())
        for column in range(model.columnCount()):
            if header.isSectionHidden(column) != (column in hidden):
                header.setSectionHidden(column, column in hidden)
        return len(hidden)

    started = time.perf_counter()
    model.set_filter("", False, True)
    disagreements = time.perf_counter()
    hidden = hide_empty()
    hidden_at = time.perf_counter()
    model.set_filter("nato afghanistan", False, True)
    searched = time.perf_counter()
    hide_empty()
    rehidden = time.perf_counter()
    model.set_filter("")
    hide_empty()
    shown = time.perf_counter()
    return {"rows": rows, "articles": articles, "disagreements_only_ms": (disagreements - started) * 1000,
            "hide_empty_columns_ms": (hidden_at - disagreements) * 1000, "columns_hidden": hidden,
            "search_within_ms": (searched - hidden_at) * 1000, "hide_again_ms": (rehidden - searched) * 1000,
            "all_back_ms": (shown - rehidden) * 1000}


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:24s} {value:,.3f}")
