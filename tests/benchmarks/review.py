"""Reviewing in the window at 2,000 articles: how long an Accept, a Reject, an Undo and an autosave hold the GUI
thread (offscreen, synthetic facts, so the benchmark does not wait for extractions). Prints, never fails."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path


def measure(articles: int = 2_000, repeats: int = 5) -> dict:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QApplication

    from missiondesk.ui.main_window import MainWindow
    from tests.benchmarks.reopen import make_project

    QStandardPaths.setTestModeEnabled(True)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "review.mdproj"
        make_project(path, articles)
        window = MainWindow(quiet=True)
        window.show()
        window.open_project(str(path))
        app.processEvents()
        figures: dict[str, list[float]] = {"accept_s": [], "reject_s": [], "undo_s": [], "autosave_gui_s": []}
        for _ in range(repeats):
            window.go_unreviewed(1)
            for status in ("accepted", "rejected"):
                started = time.perf_counter()
                window.review_current(status)
                app.processEvents()
                figures["accept_s" if status == "accepted" else "reject_s"].append(
                    time.perf_counter() - started)
            started = time.perf_counter()
            window.undo_stack.undo()
            app.processEvents()
            figures["undo_s"].append(time.perf_counter() - started)
            started = time.perf_counter()
            window.autosave()  # what the window waits for; the file is written by a worker
            figures["autosave_gui_s"].append(time.perf_counter() - started)
            window.wait_for_autosave()
            app.processEvents()
        window.workspace.dirty = False
        window.close()
        out = {"articles": float(articles)}
        out.update({f"median_{key}": statistics.median(values) for key, values in figures.items()})
        return out


def run(articles: int = 2_000) -> dict:
    return measure(articles)


if __name__ == "__main__":
    for key, value in measure(int(sys.argv[1]) if len(sys.argv) > 1 else 2_000).items():
        print(f"{key:26s} {value:,.3f}")
