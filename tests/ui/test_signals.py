"""Emitting a signal leaves Python's reference counts whole. PySide6-Essentials 6.12.0 returned True from every
Signal.emit() without a reference of its own, so each emit took one from True; after enough progress reports
True was freed and the process aborted ('bool_dealloc: deallocating True or False'), at the latest on exit."""

import sys

from PySide6.QtCore import QObject, Signal


class _Reporter(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    stopped = Signal()


def test_emitting_signals_takes_no_reference_from_true_or_false(qapp):
    reporter = _Reporter()
    seen = []
    reporter.progress.connect(lambda done, total, text: seen.append(done))
    reporter.finished.connect(seen.append)
    reporter.stopped.connect(lambda: seen.append(None))
    before = sys.getrefcount(True), sys.getrefcount(False)
    for i in range(100):
        reporter.progress.emit(i, 100, "Extracting")
        reporter.finished.emit(i)
        reporter.stopped.emit()
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert len(seen) == 300
    assert after[0] >= before[0] - 20 and after[1] >= before[1] - 20, (before, after)
