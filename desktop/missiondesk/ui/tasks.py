"""One helper for every long task: run it on a worker thread, report progress, allow cancel, and
deliver the result on the GUI thread."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

# fn(progress, cancelled) -> result; progress(done, total, text); cancelled() -> bool
Work = Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]


class Task(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    stopped = Signal()  # cancelled before it could finish (the work raised because it was cancelled)

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self.running = False

    def start(self, pool: QThreadPool | None = None) -> None:
        self.running = True
        (pool or QThreadPool.globalInstance()).start(_Runner(self))

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _run(self) -> None:
        try:
            result = self._work(self.progress.emit, self._cancel.is_set)
        except Exception as exc:  # reported to the user; the window keeps what it had
            self.running = False
            if self._cancel.is_set():
                self.stopped.emit()
                return
            traceback.print_exc()
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.running = False
        self.finished.emit(result)


class _Runner(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        self._task._run()
