"""Reading a large matrix (issue 19): first the toggles on the model alone (1,000 fact keys by 2,000 articles:
'Disagreements only', 'Hide empty columns' over a real header, a search); then the real window on the 2,000-article
generated project, each filter, toggle and search timed as the analyst makes it, and the longest time the GUI
thread was held meanwhile (a heartbeat timer's longest gap, paints included). Prints, never fails."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.table import synthetic_comparison


def run_model(rows: int = 1_000, articles: int = 2_000) -> dict[str, float]:
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


def _actions(window) -> list[tuple[str, object]]:
    """What an analyst does, in order: each filter, toggle and search (typed key by key)."""
    bar = window.filter_bar

    def choose(combo, item: int = 1):
        return lambda: combo.setCurrentIndex(min(item, combo.count() - 1))

    typing = [(f"search_key_{n}", lambda t=text: window.search.setText(t))
              for n, text in enumerate(("n", "na", "nat", "nato", "nato ", "nato a", "nato af", "nato afg"), 1)]
    return [("disagreements_only_on", lambda: window.disagreements_only.setChecked(True)),
            ("hide_empty_columns_on", lambda: window.hide_empty.setChecked(True)),
            *typing,
            ("search_cleared", window.search.clear),
            ("mission_filter", choose(window.mission_filter)),
            ("mission_filter_off", choose(window.mission_filter, 0)),
            ("actor_filter", choose(bar.choosers["actor"])),
            ("whose_filter", choose(bar.choosers["whose"])),
            ("where_filter", choose(bar.choosers["where"])),
            ("date_from_typed", lambda: bar.since.setText("2019")),
            ("date_to_typed", lambda: bar.until.setText("2021-06")),
            ("review_status_filter", choose(bar.status)),
            ("clear_filters", window.clear_filters),
            ("unreviewed_only_on", lambda: window.unreviewed.setChecked(True)),
            ("unreviewed_only_off", lambda: window.unreviewed.setChecked(False)),
            ("hide_empty_columns_off", lambda: window.hide_empty.setChecked(False))]


def run_window(articles: int = 2_000) -> dict[str, float]:
    """The window on the generated project: each action's time (ms) and the longest GUI-thread block."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QStandardPaths, QTimer
    from PySide6.QtWidgets import QApplication

    from missiondesk.ui.main_window import MainWindow
    from tests.benchmarks.reopen import make_project

    QStandardPaths.setTestModeEnabled(True)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.mdproj"
        make_project(path, articles)
        window = MainWindow(quiet=True)
        window.show()
        window.open_project(str(path))
        window.tabs.setCurrentWidget(window.positions_view)  # both matrices filled, as after a look at each
        app.processEvents()
        window.tabs.setCurrentWidget(window.counts_view)
        app.processEvents()
        figures: dict[str, float] = {"articles": articles, "rows": window.counts_model.rowCount(),
                                     "columns": window.counts_model.columnCount()}
        queue = _actions(window)
        beats = {"last": time.perf_counter(), "longest": 0.0, "during": ""}
        current = {"name": "start"}
        loop = QEventLoop()

        def beat() -> None:
            now = time.perf_counter()
            if now - beats["last"] > beats["longest"]:
                beats["longest"], beats["during"] = now - beats["last"], current["name"]
            beats["last"] = now

        def step() -> None:
            if not queue:
                loop.quit()
                return
            name, action = queue.pop(0)
            current["name"] = name
            started = time.perf_counter()
            action()
            figures[f"{name}_ms"] = (time.perf_counter() - started) * 1000
            QTimer.singleShot(60, step)  # the window paints and goes idle between two actions

        heartbeat = QTimer()
        heartbeat.setInterval(2)
        heartbeat.timeout.connect(beat)
        heartbeat.start()
        QTimer.singleShot(60, step)
        beats["last"] = time.perf_counter()
        loop.exec()
        heartbeat.stop()
        timed = [v for k, v in figures.items() if k.endswith("_ms")]
        figures["slowest_action_ms"] = max(timed)
        figures["longest_gui_block_ms"] = beats["longest"] * 1000
        print(f"   (longest block during: {beats['during']})", file=sys.stderr)
        window.workspace.dirty = False
        window.close()
        return figures


def run() -> dict[str, float]:
    out = {f"model_{k}": v for k, v in run_model().items()}
    out.update({f"window_{k}": v for k, v in run_window().items()})
    return out


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:36s} {value:,.3f}")
