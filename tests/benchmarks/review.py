"""Reviewing in the window at 2,000 articles: how long each review action holds the GUI thread (the action, the
window's update and the repaint that follows; offscreen, synthetic facts, so the benchmark does not wait for
extractions), as wall-clock time and as the GUI thread's CPU time (the wall clock grows when other programs
share the processor). The target is 100 ms or less for every action. Prints, never fails."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ACTIONS = ("accept", "reject", "restore", "edit", "undo_edit", "redo_edit", "note", "statement_edit",
           "mission_accept", "mission_merge", "undo_merge", "article_outlet", "article_date", "undo_article",
           "autosave", "actor_merge", "undo_actor_merge", "actor_rename", "undo_actor_rename")
_STEPPED = ("article_outlet", "article_date", "undo_article", "actor_merge", "undo_actor_merge", "actor_rename",
            "undo_actor_rename")  # shown over several turns of the event loop


def measure(articles: int = 2_000, repeats: int = 5) -> dict:
    """Median milliseconds per action of its longest event-loop turn (`<action>_ms`, and `_cpu_ms` for the GUI
    thread's CPU time in that turn); `<action>_all_turns` for the steps spread over several turns (an article's
    details, an actor's merge or rename): until the window shows all of it."""
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
        make_project(path, articles, missions=12)
        window = MainWindow(quiet=True)
        window.show()
        window.open_project(str(path))
        app.processEvents()
        figures: dict[str, list[float]] = {name: [] for name in ACTIONS}
        cpu: dict[str, list[float]] = {name: [] for name in ACTIONS}
        totals: dict[str, list[float]] = {name: [] for name in ACTIONS}

        def timed(name: str, action) -> None:
            """The longest turn of the event loop: the action with the repaint it asked for, then each turn the
            work it left for later runs in (one processEvents() is one turn: a QTimer.singleShot(0) posted in a
            turn runs in the next), until none is left and its repaint is done."""
            turns, started = [], time.perf_counter()
            turn, turn_cpu = started, time.thread_time()
            action()
            while True:  # a turn more than the last with work left: the repaint that work asked for
                waiting = window.deferred_pending()
                app.processEvents()  # the repaint the action asked for holds the window too
                now, now_cpu = time.perf_counter(), time.thread_time()
                turns.append((now - turn, now_cpu - turn_cpu))
                turn, turn_cpu = now, now_cpu
                if len(turns) > 1 and not waiting:
                    break
            figures[name].append(max(wall for wall, _ in turns))
            cpu[name].append(max(used for _, used in turns))
            totals[name].append(time.perf_counter() - started)

        documents = window.documents_view
        for n in range(repeats):
            window.go_unreviewed(1)
            timed("accept", lambda: window.review_current("accepted"))
            timed("reject", lambda: window.review_current("rejected"))
            window.select_fact(window.undo_stack.command(window.undo_stack.index() - 1)._fact_id)
            timed("restore", lambda: window.review_current(None))  # the Evidence panel's Restore
            timed("edit", lambda: window.review_current("edited", {"value": 4_321 + n, "whose": "France"}))
            timed("undo_edit", window.undo_stack.undo)
            timed("redo_edit", window.undo_stack.redo)
            timed("note", lambda: window.add_note("checked against the ministry's figures"))
            statement = window.frames.statements["id"].iat[n * 7]
            window.select_fact(statement)
            timed("statement_edit", lambda: window.review_current("edited", {"actor": "Mark Rutte"}))
            _mission_review(window, timed)
            documents.selectRow(n * 3)
            timed("article_outlet", lambda: window.set_outlet_for_selected(f"Desk {n}"))
            timed("article_date", lambda: _set_date(window, f"2019-0{1 + n}-15"))
            timed("undo_article", window.undo_stack.undo)
            timed("autosave", window.autosave)  # what the window waits for; the file is written by a worker
            window.wait_for_autosave()
            app.processEvents()
        for n in range(repeats):  # after the rest: Positions shown from here on, so reviews update it too
            _actor_review(window, timed, n)
        window.workspace.dirty = False
        window.close()
        out = {"articles": float(articles)}
        out.update({f"{name}_ms": 1000 * statistics.median(values) for name, values in figures.items()})
        out["slowest_action_ms"] = max(v for k, v in out.items() if k.endswith("_ms"))
        # every turn of an action together (differs from the above where work waits for a later turn)
        out.update({f"{name}_all_turns": 1000 * statistics.median(values) for name, values in totals.items()
                    if name in _STEPPED})
        # the GUI thread's own CPU time: the same figure where other programs share the processor
        out.update({f"{name}_cpu_ms": 1000 * statistics.median(values) for name, values in cpu.items()})
        out["slowest_action_cpu_ms"] = max(v for k, v in out.items() if k.endswith("_cpu_ms"))
        return out


def _mission_review(window, timed) -> None:
    """Accept a mission, then merge two (the mission lists of a generated corpus are short)."""
    from missiondesk.facts.mission_reviews import mission_key
    from missiondesk.ui.commands import ReviewCommand

    missions = window.missions_model.frame()
    if len(missions) < 2:
        for name in ("mission_accept", "mission_merge", "undo_merge"):
            timed(name, lambda: None)
        return
    first, second = missions["id"].iat[0], missions["id"].iat[1]
    timed("mission_accept", lambda: window.undo_stack.push(ReviewCommand(
        window.workspace, mission_key(first), "accepted", None, "Accept mission", window._reviews_changed)))
    timed("mission_merge", lambda: window.undo_stack.push(ReviewCommand(
        window.workspace, mission_key(second), "merged", {"into": first}, "Merge", window._reviews_changed)))
    timed("undo_merge", window.undo_stack.undo)


def _actor_review(window, timed, n: int) -> None:
    """Merge two actors of the Positions tab (their rows selected, as with Ctrl+click) and rename one, each
    undone after."""
    from PySide6.QtCore import QItemSelectionModel

    view, model = window.positions_view, window.positions_model
    window.tabs.setCurrentWidget(view)
    first = {}
    for row in range(model.rowCount()):
        first.setdefault(model.key(row).split("|")[1], row)
    names = sorted(first)
    kept, merged = names[n % len(names)], names[(n + 1) % len(names)]
    selection = view.selectionModel()
    selection.clear()
    selection.select(model.index(first[merged], 0), QItemSelectionModel.SelectionFlag.Select)
    selection.setCurrentIndex(model.index(first[kept], 0), QItemSelectionModel.SelectionFlag.Select)
    timed("actor_merge", lambda: window.merge_actors(kept))
    timed("undo_actor_merge", window.undo_stack.undo)
    selection.clear()
    selection.setCurrentIndex(model.index(0, 0), QItemSelectionModel.SelectionFlag.Select)
    timed("actor_rename", lambda: window.rename_actor(f"Renamed actor {n}"))
    timed("undo_actor_rename", window.undo_stack.undo)
    window.tabs.setCurrentWidget(window.counts_view)


def _set_date(window, published: str) -> None:
    from missiondesk.store.document_reviews import document_key
    from missiondesk.ui.commands import DocumentsCommand

    doc_id = window.selected_documents()[0]
    before = window.workspace.review(document_key(doc_id))
    changes = {**(before.changes if before else {}), "published": published}
    window.undo_stack.push(DocumentsCommand(window.workspace, {doc_id: changes}, "Set date",
                                            window._articles_changed))


def run(articles: int = 2_000) -> dict:
    return measure(articles)


if __name__ == "__main__":
    for key, value in measure(int(sys.argv[1]) if len(sys.argv) > 1 else 2_000).items():
        print(f"{key:26s} {value:,.1f}")
